//! presswash's compiled text core (Python module `cleaners._textcore`).
//!
//! What the Python library would otherwise scan a document for twenty times over, done
//! in one pass per document: line splitting and every line feature the cleaning rules
//! read, the first-stage spam rules, and the tokens, shingles and MinHash signatures of
//! near-duplicate detection. The rules' remaining decisions stay in Python over the
//! columns returned here. Offsets crossing into Python are character offsets.

use pyo3::prelude::*;
use pyo3::types::PyTuple;

pub mod blob;
pub mod dedup;
pub mod first;
pub mod fold;
pub mod guard;
pub mod inline;
pub mod linerules;
pub mod lines;
pub mod offsets;
pub mod patterns;
pub mod py_rules;
pub mod pychar;
pub mod shape;
pub mod spam;
pub mod spam_rules;
pub mod url;
pub mod words;

/// The lines of a document with their features, as columns (one list per feature, in
/// the order of `COLUMNS`).
#[pyfunction]
#[pyo3(signature = (text, site, label, max_shape_words))]
fn line_features<'py>(py: Python<'py>, text: &str, site: &str, label: &str,
                      max_shape_words: usize) -> PyResult<Bound<'py, PyTuple>> {
    let doc = lines::DocSite { site, label, max_shape_words };
    let feats = py.detach(|| lines::lines(text, &doc));
    columns(py, &feats)
}

const COLUMNS: [&str; 19] = ["start", "end", "key", "n_words", "flags", "furniture", "weak", "nav", "site_talk",
                             "address", "caps_words", "long_words", "long_caps", "h_line", "h_cross", "h_shapes",
                             "h_prefix", "h_linked", "h_linked_cross"];

#[pyfunction]
#[pyo3(name = "words")]
fn py_words(text: &str) -> Vec<String> {
    words::words(text).into_iter().map(str::to_string).collect()
}

#[pyfunction]
#[pyo3(name = "word_count")]
fn py_word_count(text: &str) -> usize {
    words::word_count(text)
}

#[pyfunction]
#[pyo3(name = "fold")]
fn py_fold(text: &str) -> String {
    fold::fold(text)
}

#[pyfunction]
#[pyo3(name = "line_key")]
fn py_line_key(text: &str) -> String {
    fold::line_key(text)
}

#[pyfunction]
#[pyo3(name = "main_script")]
fn py_main_script(text: &str) -> &'static str {
    words::main_script(text)
}

#[pyfunction]
#[pyo3(name = "latin_language")]
fn py_latin_language(text: &str) -> &'static str {
    words::latin_language(text)
}

#[pyfunction]
#[pyo3(name = "key_hash", signature = (kind, site, key))]
fn py_key_hash(kind: &str, site: Option<&str>, key: &str) -> u64 {
    lines::key_hash(kind, site, key)
}

#[pyfunction]
#[pyo3(name = "site_label")]
fn py_site_label(source: &str) -> String {
    lines::site_label(source)
}

#[pyfunction]
#[pyo3(name = "shape_keys")]
fn py_shape_keys(text: &str) -> Vec<String> {
    shape::shape_keys(text)
}

#[pyfunction]
#[pyo3(name = "prefix")]
fn py_prefix(text: &str) -> Option<(String, String)> {
    shape::prefix(text)
}

/// Character offsets of the spans one first-stage rule finds in `text` (for tests and
/// `span_rules`): "spam_glued", "spam_inserted", "spam_phrase", "spam_url",
/// "script_text", "inline_cta".
#[pyfunction]
#[pyo3(signature = (rule, text, script, language, min_glued = 2))]
fn rule_spans(rule: &str, text: &str, script: &str, language: &str, min_glued: usize) -> PyResult<Vec<(usize, usize)>> {
    let chars: Vec<char> = text.chars().collect();
    first::run_rule(rule, &chars, script, language, min_glued)
        .ok_or_else(|| pyo3::exceptions::PyValueError::new_err(format!("no first-stage rule {rule:?}")))
}

/// The first-stage span rules in order, each on the text the previous ones left: a list
/// of (rule, spans in that text, error), for the rules named in `enabled`.
#[pyfunction]
#[pyo3(signature = (text, script, language, enabled, min_glued = 2))]
fn span_rules(py: Python<'_>, text: &str, script: &str, language: &str, enabled: Vec<String>,
              min_glued: usize) -> Vec<(String, Vec<(usize, usize)>, bool)> {
    py.detach(|| first::span_rules(text, script, language, &enabled, min_glued))
}

/// The whole first stage (see `first::first_stage`): (rule, spans, failed) steps, each
/// step's spans in the text the steps before it left.
#[pyfunction]
#[pyo3(signature = (text, script, language, spam_line, enabled, min_glued = 2))]
fn first_stage(py: Python<'_>, text: &str, script: &str, language: &str, spam_line: bool, enabled: Vec<String>,
               min_glued: usize) -> Vec<(String, Vec<(usize, usize)>, bool)> {
    py.detach(|| first::first_stage(text, script, language, spam_line, &enabled, min_glued))
}

fn columns<'py>(py: Python<'py>, feats: &[lines::LineFeat]) -> PyResult<Bound<'py, PyTuple>> {
    macro_rules! cols {
        ($($f:ident),*) => {
            vec![$(feats.iter().map(|l| l.$f.clone()).collect::<Vec<_>>().into_pyobject(py)?.into_any()),*]
        };
    }
    let columns = cols!(start, end, key, n_words, flags, furniture, weak, nav, site_talk, address, caps_words,
                        long_words, long_caps, h_line, h_cross, h_shapes, h_prefix, h_linked, h_linked_cross);
    PyTuple::new(py, columns)
}

/// What each labelled line takes with it when removed: `lines` are (start, end, kept).
#[pyfunction]
fn removal_spans(lines: Vec<(usize, usize, bool)>) -> Vec<(usize, usize)> {
    first::removal_spans(&lines)
}

/// Indices (among the non-blank lines) of the lines that are mostly spam.
#[pyfunction]
fn spam_lines(text: &str, script: &str, sentence: Vec<bool>) -> Vec<usize> {
    let chars: Vec<char> = text.chars().collect();
    spam_rules::spam_lines(&chars, script, &sentence, &spam::Scan::of(&chars))
}

#[pymodule]
fn _textcore(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    dedup::register(m)?;
    py_rules::register(m)?;
    m.add_class::<guard::RepairGuard>()?;
    m.add("FLAGS", lines::FLAG_NAMES.to_vec())?;
    m.add("COLUMNS", COLUMNS.to_vec())?;
    m.add_function(wrap_pyfunction!(line_features, m)?)?;
    m.add_function(wrap_pyfunction!(rule_spans, m)?)?;
    m.add_function(wrap_pyfunction!(span_rules, m)?)?;
    m.add_function(wrap_pyfunction!(spam_lines, m)?)?;
    m.add_function(wrap_pyfunction!(first_stage, m)?)?;
    m.add_function(wrap_pyfunction!(removal_spans, m)?)?;
    m.add_function(wrap_pyfunction!(py_words, m)?)?;
    m.add_function(wrap_pyfunction!(py_word_count, m)?)?;
    m.add_function(wrap_pyfunction!(py_fold, m)?)?;
    m.add_function(wrap_pyfunction!(py_line_key, m)?)?;
    m.add_function(wrap_pyfunction!(py_main_script, m)?)?;
    m.add_function(wrap_pyfunction!(py_latin_language, m)?)?;
    m.add_function(wrap_pyfunction!(py_key_hash, m)?)?;
    m.add_function(wrap_pyfunction!(py_site_label, m)?)?;
    m.add_function(wrap_pyfunction!(py_shape_keys, m)?)?;
    m.add_function(wrap_pyfunction!(py_prefix, m)?)?;
    Ok(())
}
