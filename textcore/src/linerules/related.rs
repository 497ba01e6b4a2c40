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

/// A short line stating a fact of the article: a date, a number or a score ("12 May:
/// Lisbon, Coliseu dos Recreios", "Stage 4, 9 July: Tours – Blois", "Arsenal 2–1 Chelsea")
/// with at most two long lowercase words, and short or dense with numbers. A headline
/// says what happened in words ("Mayor resigns after audit finds missing funds", "13-Inch
/// MacBook Pro Expected in First Half of 2020"), a number in it or not.
fn fact_item(ln: &Line) -> bool {
    if ln.sentence() || !(1..=20).contains(&ln.n()) || ln.f.long_words.saturating_sub(ln.f.long_caps) > 2 {
        return false;
    }
    let numbers = ln.text.split_whitespace().filter(|w| w.chars().any(char::is_numeric)).count() as u32;
    // a date alone ("12 March 2024") says when, not what: a fact names two things or more
    let named = ln.text.split_whitespace()
        .filter(|w| !w.chars().any(char::is_numeric) && w.chars().any(char::is_alphabetic)).count();
    numbers > 0 && named >= 2 && (ln.n() <= 7 || 4 * numbers >= ln.n())
}

/// Lines that are items of the article's own lists: two or more fact items in a row, or
/// every other line (an item, then its link or note), as tour dates, a race's stages,
/// results or a numbered shopping list run. A list that leads elsewhere is a run of
/// headlines; these are the article's content, whatever heads them.
pub fn content_items(lines: &[Line]) -> Vec<bool> {
    let facts: Vec<bool> = lines.iter().map(fact_item).collect();
    let fact = |i: Option<usize>| i.and_then(|i| facts.get(i)).copied().unwrap_or(false);
    (0..lines.len())
        .map(|i| facts[i] && [i.checked_sub(2), i.checked_sub(1), Some(i + 1), Some(i + 2)].into_iter().any(fact))
        .collect()
}

pub fn related_links(lines: &mut [Line], title: Option<usize>, doc: &Doc) {
    let content = content_items(lines);
    for i in 0..lines.len() {
        let ln = &lines[i];
        if !ln.kept() || title == Some(i) || content[i] {
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
        let facts = run.iter().filter(|&&j| content[j]).count();
        if facts > 0 && 3 * facts >= 2 * run.len() {
            continue; // the heading of the article's own list ("More dates", "Latest")
        }
        if lines[i].kept() {
            lines[i].label = Some(NAME);
        }
        for j in run {
            if lines[j].kept() && !content[j] {
                lines[j].label = Some(NAME);
            }
        }
    }
}
