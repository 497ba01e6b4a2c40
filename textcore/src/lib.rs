//! presswash's compiled text core (Python module `cleaners._textcore`).
//!
//! What the Python library would otherwise scan a document for twenty times over, done
//! in one pass per document: line splitting and every line feature the cleaning rules
//! read, the first-stage spam rules, and the tokens, shingles and MinHash signatures of
//! near-duplicate detection. The rules' remaining decisions stay in Python over the
//! arrays returned here.

use pyo3::prelude::*;

pub mod dedup;
pub mod pychar;

#[pymodule]
fn _textcore(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    dedup::register(m)?;
    Ok(())
}
