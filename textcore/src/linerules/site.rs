//! Per-site repeated lines and templates, learned from the run and from STATE.
//!
//! A site's furniture — navigation, slogan, footer, "Posted on <date> by <name>" —
//! repeats across its pages; its articles do not. Counts are of distinct documents
//! (re-crawls of one URL count once) per `source`, for three keys of a line: the line
//! itself (`L`), its shape with numbers, dates and names masked (`S`), and a short
//! "Label:" prefix (`P`). A line shared by two articles (a recurring quote or
//! sub-heading) stays: it needs `min_docs` documents, or two documents when it sits in
//! the head or tail and has no sentence in it. The document's own title is never site
//! furniture, however many pages link to it.

use super::{Doc, Line, Settings, Zone};
use crate::lines::PREFIX;

pub const REPEATED: &str = "site_repeated";
pub const TEMPLATE: &str = "site_template";

fn frequent(n: i64, docs: i64, s: &Settings) -> bool {
    n >= s.min_docs && n as f64 >= s.min_share * docs as f64
}

/// Lines the site's pages repeat.
pub fn site_repeated(lines: &mut [Line], title: Option<usize>, doc: &Doc, s: &Settings) {
    let docs = doc.site.docs;
    for i in 0..lines.len() {
        let ln = &lines[i];
        if !ln.kept() || title == Some(i) || ln.f.key.is_empty() {
            continue;
        }
        let n = doc.site.count(ln.f.h_line);
        if n < 2 {
            continue;
        }
        let heads = doc.site.heads(ln.f.h_line);
        if 0 < heads && heads <= 2 && 2 < n && (heads as f64) < n as f64 / 2.0 {
            continue; // another page's title in a list of links: the related rule's call
        }
        let banner = ln.zone == Zone::Head && !ln.sentence() && ln.n() <= 14; // above the title
        if frequent(n, docs, s) || (banner && n >= s.min_docs_edge) {
            lines[i].label = Some(REPEATED);
        }
    }
}

/// Lines of one site template whose variable parts change (bylines, credits, tags).
pub fn site_template(lines: &mut [Line], title: Option<usize>, doc: &Doc, s: &Settings) {
    let docs = doc.site.docs;
    for i in 0..lines.len() {
        let ln = &lines[i];
        if !ln.kept() || title == Some(i) || ln.n() > s.max_words_shape {
            continue;
        }
        if ln.zone == Zone::Body && ln.sentence() && ln.n() > 6 {
            continue;
        }
        let by_shape = ln.f.h_shapes.iter().any(|&h| frequent(doc.site.count(h), docs, s));
        let by_prefix = ln.has(PREFIX) && !ln.sentence() && frequent(doc.site.count(ln.f.h_prefix), docs, s);
        if by_shape || by_prefix {
            lines[i].label = Some(TEMPLATE);
        }
    }
}
