//! The cleaning stages as Python sees them: a document's first pass (prepare stage) and
//! its line rules (clean stage), each one call per document.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

use crate::linerules::keys::document_keys;
use crate::linerules::stage::second_stage;
use crate::linerules::{generic, related, site, titles, Doc, Settings, SiteView, RULES};
use crate::offsets::Rebaser;
use crate::{blob, first, lines, words};

/// The static name of a rule the core knows (removals carry it).
fn rule_name(name: &str) -> PyResult<&'static str> {
    let known = first::SPAN_RULES.iter().copied()
        .chain(["spam_line", site::REPEATED, site::TEMPLATE, titles::NAME, related::NAME, generic::NAME]);
    known.into_iter().find(|&r| r == name).ok_or_else(|| PyValueError::new_err(format!("no rule {name:?}")))
}

type Removals = Vec<(&'static str, usize, usize)>;
type Counts = Vec<(String, usize)>;

/// A document's first pass: its main script, its language guess (for Latin script), the
/// first-stage removals (rule, start, end; in `text`), counts for the run's statistics,
/// the line features of the text the first stage leaves (encoded, for the clean stage),
/// the keys the second stage may look up for it (sorted), and the keys it contributes to
/// its site's statistics: (hash, cross-site hash or 0, in head).
#[pyfunction]
#[pyo3(signature = (text, site, label, max_shape_words, spam_line, enabled, min_glued, url))]
#[allow(clippy::too_many_arguments, clippy::type_complexity)]
pub fn prepare_document(py: Python<'_>, text: &str, site: &str, label: &str, max_shape_words: usize, spam_line: bool,
                        enabled: Vec<String>, min_glued: usize, url: Option<&str>)
                        -> PyResult<(&'static str, &'static str, Removals, Counts, String, Vec<u64>, Vec<(u64, u64, bool)>)> {
    let steps = py.detach(|| {
        let script = words::main_script(text);
        let language = if script == "Latin" { words::latin_language(text) } else { script };
        let (steps, left) = first::first_stage_text(text, script, language, spam_line, &enabled, min_glued);
        (script, language, steps, left)
    });
    let (script, language, steps, left) = steps;
    let mut named = Vec::with_capacity(steps.len());
    for (rule, spans, failed) in steps {
        named.push((rule_name(&rule)?, spans, failed));
    }
    Ok(py.detach(|| {
        let mut rb = Rebaser::new(text);
        let mut counts: Counts = Vec::new();
        for (rule, spans, failed) in named {
            if failed {
                counts.push((format!("errors:{rule}"), 1));
                continue;
            }
            counts.push((format!("removed:{rule}"), spans.len()));
            let spans: Removals = spans.into_iter().map(|(a, b)| (rule, a, b)).collect();
            rb.apply(&spans);
        }
        let doc = lines::DocSite { site, label, max_shape_words };
        let feats = lines::lines(&left, &doc);
        let (keys, lookup) = document_keys(&left, &feats, url, lines::key_hash("D", None, site), max_shape_words as u32);
        (script, language, rb.sorted_removals(), counts, blob::encode(&feats), lookup, keys)
    }))
}

/// The line rules with their switches and thresholds (the `[clean]` config).
#[pyclass(frozen)]
pub struct LineRules {
    settings: Settings,
}

#[pymethods]
impl LineRules {
    /// `enabled`: the names of the line rules that run (others are an error).
    #[new]
    #[pyo3(signature = (enabled, min_docs, min_share, min_docs_edge, max_words_shape, generic_max_words, min_score,
                        incremental = true))]
    #[allow(clippy::too_many_arguments)]
    fn new(enabled: Vec<String>, min_docs: i64, min_share: f64, min_docs_edge: i64, max_words_shape: u32,
           generic_max_words: u32, min_score: f64, incremental: bool) -> PyResult<LineRules> {
        let enabled = enabled.iter().map(|name| {
            RULES.iter().copied().find(|&r| r == name)
                .ok_or_else(|| PyValueError::new_err(format!("no line rule {name:?}")))
        }).collect::<PyResult<Vec<_>>>()?;
        Ok(LineRules { settings: Settings { enabled, min_docs, min_share, min_docs_edge, max_words_shape,
                                            generic_max_words, min_score, incremental } })
    }

    /// The second stage of a document: `text` after encoding repair, `first` its
    /// first-stage removals, `lines` the encoded line features `prepare_document` gave,
    /// `docs` and `found` the site view ((hash, documents, heads, sites) of the keys the
    /// run knows). (clean text, every removal sorted, counts).
    #[pyo3(signature = (text, first, lines, url, title_hint, docs, found))]
    #[allow(clippy::too_many_arguments)]
    fn clean(&self, py: Python<'_>, text: &str, first: Vec<(String, usize, usize)>, lines: &str, url: Option<&str>,
             title_hint: Option<&str>, docs: i64, found: Vec<(u64, i64, i64, i64)>) -> PyResult<(String, Removals, Counts)> {
        let mut named = Vec::with_capacity(first.len());
        for (rule, a, b) in first {
            named.push((rule_name(&rule)?, a, b));
        }
        let feats = blob::decode(lines).map_err(PyValueError::new_err)?;
        let view = SiteView { docs, found: found.into_iter().map(|(h, c, hd, s)| (h, (c, hd, s))).collect() };
        let out = py.detach(|| second_stage(text, &named, &feats, &Doc::new(url, title_hint, &view), &self.settings));
        Ok((out.text, out.removals, out.counts))
    }
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<LineRules>()?;
    m.add_function(wrap_pyfunction!(prepare_document, m)?)?;
    Ok(())
}
