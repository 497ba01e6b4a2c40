//! Near-duplicate features: the per-document half of dedup (normalisation, words,
//! shingles, MinHash signatures, LSH band keys, verification sets, exact digests), for
//! a batch of texts per call so no Python code runs per word or per shingle. The
//! decisions (candidate pairs, verification, clusters) stay in Python over these arrays.

pub mod chars;
pub mod features;
pub mod minhash;
pub mod normalize;
pub mod sketch;
pub mod tokens;

use numpy::ndarray::Array2;
use numpy::{IntoPyArray, PyArray1, PyArray2, PyReadonlyArray1};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::PyDict;

use features::{Batch, Params};
use minhash::Permutations;
use normalize::Normalized;

/// The feature computer of one dedup configuration (datasketch's permutations held once).
#[pyclass(frozen, module = "cleaners._textcore")]
pub struct DedupFeatures {
    params: Params,
}

#[pymethods]
impl DedupFeatures {
    #[new]
    fn new(
        shingle_words: usize,
        bands: usize,
        rows: usize,
        min_shingles: usize,
        a: PyReadonlyArray1<'_, u32>,
        b: PyReadonlyArray1<'_, u32>,
    ) -> PyResult<Self> {
        let (a, b) = (a.as_slice()?.to_vec(), b.as_slice()?.to_vec());
        if a.len() != b.len() || bands * rows > a.len() || rows == 0 || shingle_words == 0 {
            return Err(PyValueError::new_err("need len(a) == len(b) >= bands * rows, rows >= 1, shingle_words >= 1"));
        }
        if a.iter().any(|&x| x % 2 == 0) {
            return Err(PyValueError::new_err("the `a` permutation parameters must be odd"));
        }
        let perms = Permutations { a, b };
        Ok(DedupFeatures { params: Params { shingle_words, bands, rows, min_shingles, perms } })
    }

    /// Features of `texts` as numpy arrays: `sig` (n × num_perm uint32), `bands`
    /// (n × bands uint64), `exact` (n × 2 uint64, high and low halves), the uint32 sets
    /// `sh`, `ent`, `msh`, `ch` (sampled character 5-grams), `fct` (facts by context,
    /// three values each) with `*_off` (n + 1 int64 offsets), and `short_bytes` /
    /// `short_off`: UTF-8 of the normalised text of documents with fewer than
    /// `min_shingles` shingles, empty for the others.
    fn features<'py>(&self, py: Python<'py>, texts: Vec<PyBackedStr>) -> PyResult<Bound<'py, PyDict>> {
        let batch = py.detach(|| {
            let mut batch = Batch::default();
            for t in &texts {
                batch.push(t, &self.params);
            }
            batch
        });
        let n = texts.len();
        let out = PyDict::new(py);
        let (sig, bands) = self.signature_arrays(py, n, batch.sig, batch.bands);
        out.set_item("sig", sig)?;
        out.set_item("bands", bands)?;
        out.set_item("exact", Array2::from_shape_vec((n, 2), batch.exact).expect("n × 2").into_pyarray(py))?;
        for (name, set) in [("sh", batch.sh), ("ent", batch.ent), ("msh", batch.msh), ("ch", batch.ch), ("fct", batch.fct)] {
            out.set_item(name, PyArray1::from_vec(py, set.values))?;
            out.set_item(format!("{name}_off"), PyArray1::from_vec(py, set.offsets))?;
        }
        out.set_item("short_bytes", PyArray1::from_vec(py, batch.short.values))?;
        out.set_item("short_off", PyArray1::from_vec(py, batch.short.offsets))?;
        Ok(out)
    }

    /// (signatures, band keys) of stored 32-bit shingle sets, document i's set being
    /// `values[offsets[i]:offsets[i + 1]]`: what `features` gives for the texts they came
    /// from, since a signature depends on nothing else.
    #[allow(clippy::type_complexity)]
    fn signatures_of_sets<'py>(
        &self,
        py: Python<'py>,
        values: PyReadonlyArray1<'_, u32>,
        offsets: PyReadonlyArray1<'_, i64>,
    ) -> PyResult<(Bound<'py, PyArray2<u32>>, Bound<'py, PyArray2<u64>>)> {
        let (values, offsets) = (values.as_slice()?, offsets.as_slice()?);
        let bounds: Vec<usize> = offsets.iter().map(|&o| usize::try_from(o).unwrap_or(usize::MAX)).collect();
        if bounds.is_empty() || bounds.windows(2).any(|w| w[0] > w[1]) || bounds[bounds.len() - 1] > values.len() {
            return Err(PyValueError::new_err("offsets must rise from 0 within the values"));
        }
        let mut batch = Batch::default();
        for w in bounds.windows(2) {
            batch.push_signature(&values[w[0]..w[1]], &self.params);
        }
        Ok(self.signature_arrays(py, bounds.len() - 1, batch.sig, batch.bands))
    }
}

impl DedupFeatures {
    fn signature_arrays<'py>(
        &self,
        py: Python<'py>,
        n: usize,
        sig: Vec<u32>,
        bands: Vec<u64>,
    ) -> (Bound<'py, PyArray2<u32>>, Bound<'py, PyArray2<u64>>) {
        let sig = Array2::from_shape_vec((n, self.params.perms.a.len()), sig).expect("n × num_perm values");
        let bands = Array2::from_shape_vec((n, self.params.bands), bands).expect("n × bands keys");
        (sig.into_pyarray(py), bands.into_pyarray(py))
    }
}

/// The normalised form of a text (what words are read from).
#[pyfunction]
fn dedup_normalize(text: &str) -> String {
    Normalized::new(text).text()
}

/// (word hashes uint64, entity flags, slot flags) of a text.
#[pyfunction]
#[allow(clippy::type_complexity)]
fn dedup_tokens<'py>(
    py: Python<'py>,
    text: &str,
) -> (Bound<'py, PyArray1<u64>>, Bound<'py, PyArray1<bool>>, Bound<'py, PyArray1<bool>>) {
    let t = tokens::tokenize(&Normalized::new(text));
    (PyArray1::from_vec(py, t.hashes), PyArray1::from_vec(py, t.entity), PyArray1::from_vec(py, t.slot))
}

/// Sorted unique 64-bit hashes of the k-word shingles of word hashes.
#[pyfunction]
fn dedup_shingles<'py>(
    py: Python<'py>,
    tokens: PyReadonlyArray1<'_, u64>,
    k: usize,
) -> PyResult<Bound<'py, PyArray1<u64>>> {
    Ok(PyArray1::from_vec(py, minhash::unique(minhash::shingles(tokens.as_slice()?, k))))
}

/// (high, low) 64-bit halves of the exact-duplicate digest of a text.
#[pyfunction]
fn dedup_exact_digest(text: &str) -> (u64, u64) {
    let [hi, lo] = normalize::exact_digest(text);
    (hi, lo)
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<DedupFeatures>()?;
    m.add_function(wrap_pyfunction!(dedup_normalize, m)?)?;
    m.add_function(wrap_pyfunction!(dedup_tokens, m)?)?;
    m.add_function(wrap_pyfunction!(dedup_shingles, m)?)?;
    m.add_function(wrap_pyfunction!(dedup_exact_digest, m)?)?;
    Ok(())
}
