//! Links to the site's other articles: "Related" lists, "Read more: <title>", "Next
//! Post: …".
//!
//! Two mechanisms. (1) The line, or what follows its "Label:" prefix, is the title of
//! another page of the same site (it heads that page: the site view counts head
//! occurrences). (2) A list heading in the tail — a short line without a sentence, such
//! as "Related", "Lihat juga" or "Más noticias" — followed by headline-shaped lines. The
//! document's own title is kept at its top even when other pages list it.

use super::{Doc, Line, Zone};
use crate::lines::{PREFIX, RELATED_HEADING, RELATED_PREFIX};

pub const NAME: &str = "related_links";

/// 3-30 words, not a run of lowercase prose: a headline, with or without a final stop.
fn headline_like(ln: &Line) -> bool {
    if !(3..=30).contains(&ln.n()) {
        return false;
    }
    !ln.sentence() || f64::from(ln.f.caps_words) >= 0.5 * f64::from(ln.n())
}

/// True when the line (or its text after a short label) heads another page of the site.
fn linked_title(ln: &Line, doc: &Doc) -> bool {
    let mut keys = vec![if ln.f.key.is_empty() { 0 } else { ln.f.h_line }];
    if ln.has(PREFIX) {
        keys.push(ln.f.h_linked); // 0 when nothing follows the label
    }
    let own = i64::from(ln.zone == Zone::Head);
    keys.into_iter().any(|key| {
        let heads = if key != 0 { doc.site.heads(key) } else { 0 };
        key != 0 && heads - own >= 1 && heads <= 2 && doc.site.count(key) > own
    })
}

/// A short line without a sentence that heads a list ("Related", "Lihat juga").
pub fn list_heading(ln: &Line) -> bool {
    !ln.sentence() && ln.n() <= 6 && ln.has(RELATED_HEADING)
}

pub fn related_links(lines: &mut [Line], title: Option<usize>, doc: &Doc) {
    for i in 0..lines.len() {
        let ln = &lines[i];
        if !ln.kept() || title == Some(i) {
            continue;
        }
        if (headline_like(ln) && linked_title(ln, doc)) || (ln.has(RELATED_PREFIX) && ln.n() <= 30) {
            lines[i].label = Some(NAME);
        }
    }
    for i in 0..lines.len() {
        let ln = &lines[i];
        if !(list_heading(ln) || (ln.label == Some(NAME) && ln.has(RELATED_PREFIX))) {
            continue;
        }
        let mut run = Vec::new();
        for j in i + 1..lines.len() {
            let nxt = &lines[j];
            if title == Some(j) || (nxt.prose() && !headline_like(nxt)) {
                break;
            }
            if !nxt.kept() {
                run.push(j); // already gone (a linked title, site furniture): part of the list
                continue;
            }
            if !headline_like(nxt) {
                break;
            }
            run.push(j);
        }
        if run.is_empty() && lines[i + 1..].iter().any(Line::kept) {
            continue; // a heading with nothing after it is left dangling: it goes too
        }
        if lines[i].kept() {
            lines[i].label = Some(NAME);
        }
        for j in run {
            if lines[j].kept() {
                lines[j].label = Some(NAME);
            }
        }
    }
}
