//! The document's title, and its duplicates.
//!
//! The title is found by position and by how the site uses the line: the first head
//! line that heads no other page of the site (the site's banner heads them all),
//! preferring a line the URL slug spells out, or the page's <title>. Its repeats are
//! removed: the same line again, "Title | Site", "Site - Title", or a breadcrumb ending
//! in it; its first occurrence stays.

use std::sync::LazyLock;

use regex::Regex;

use super::{Doc, Line, Zone};
use crate::fold::{casefold, fold};
use crate::lines::{COPYRIGHT_SIGN, ENDS_STOP, HAS_URL};
use crate::pychar::{is_space, strip};
use crate::words::words;

pub const NAME: &str = "duplicate_title";
const MAX_TITLE_WORDS: u32 = 40;
static SEPARATORS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\s*(?:[|·•›»>/\\:–—]|\s-\s|::)\s*").unwrap());

/// Remembered on the line: the title rules ask about the same lines on every pass.
fn slug_match(ln: &mut Line, slug: &[String]) -> bool {
    if let Some(m) = ln.slug_match {
        return m;
    }
    let ws: Vec<String> = if slug.is_empty() { Vec::new() } else { words(ln.text).into_iter().map(casefold).collect() };
    let head = &ws[..ws.len().min(slug.len() + 2)];
    let found = slug.iter().filter(|w| head.contains(w)).count();
    let m = !ws.is_empty() && found >= 3.max((0.7 * slug.len() as f64) as usize);
    ln.slug_match = Some(m);
    m
}

pub fn title_like(ln: &Line) -> bool {
    (2..=MAX_TITLE_WORDS).contains(&ln.n()) && !ln.has(HAS_URL) && !ln.has(COPYRIGHT_SIGN)
}

/// Title case, or a short line without a final full stop.
fn headline_shaped(ln: &Line) -> bool {
    if !title_like(ln) || ln.n() > 30 {
        return false;
    }
    let f = ln.f;
    (f.long_words > 0 && f64::from(f.long_caps) >= 0.6 * f64::from(f.long_words)) || !ln.has(ENDS_STOP)
}

/// The line the URL slug or the page's <title> names: the shortest such (the first of
/// equals), among `candidates` (indices).
fn named(lines: &mut [Line], candidates: &[usize], doc: &Doc) -> Option<usize> {
    let mut best: Option<usize> = None;
    for &i in candidates {
        if !title_like(&lines[i]) {
            continue;
        }
        let by_slug = !doc.slug.is_empty() && slug_match(&mut lines[i], &doc.slug);
        let by_hint = doc.hint.as_ref().is_some_and(|h| lines[i].f.key == *h);
        if (by_slug || by_hint) && best.is_none_or(|b| lines[i].n() < lines[b].n()) {
            best = Some(i);
        }
    }
    best
}

/// A line among `candidates` that another of them decorates ("Site - Title", a breadcrumb).
fn decorated(lines: &[Line], candidates: &[usize], need_key: bool) -> Option<usize> {
    candidates.iter().copied().find(|&i| {
        let ln = &lines[i];
        title_like(ln) && (!need_key || !ln.f.key.is_empty())
            && candidates.iter().any(|&o| o != i && contains_title(&lines[o], &ln.f.key))
    })
}

/// A title among the first lines, before the body starts: spelled out by the URL slug
/// or the page's <title>, repeated right below itself, or headline-shaped and the first
/// prose-looking line (a title may end in a full stop).
pub fn early_title(lines: &mut [Line], doc: &Doc) -> Option<usize> {
    let first: Vec<usize> = (0..lines.len().min(6)).collect();
    if let Some(i) = named(lines, &first, doc) {
        return Some(i);
    }
    if let Some(i) = decorated(lines, &first, true) {
        return Some(i);
    }
    for &i in &first {
        let ln = &lines[i];
        if ln.prose() && ln.n() >= 15 {
            break;
        }
        if !title_like(ln) {
            continue;
        }
        let dup = lines[i + 1..lines.len().min(i + 4)].iter().any(|o| o.f.key == ln.f.key);
        if dup || (ln.prose() && headline_shaped(ln)) {
            return Some(i);
        }
    }
    None
}

/// The title line among the kept head lines (or the first kept line, when it is no
/// prose and nothing is head), or None.
pub fn find_title(lines: &mut [Line], doc: &Doc) -> Option<usize> {
    let mut head: Vec<usize> = (0..lines.len()).filter(|&i| lines[i].kept() && lines[i].zone == Zone::Head).collect();
    if head.is_empty() {
        head = lines.iter().position(Line::kept).filter(|&i| !lines[i].prose()).into_iter().collect();
    }
    if let Some(i) = named(lines, &head, doc) {
        return Some(i); // the shortest: "Home › News › Title" also spells out the slug
    }
    if let Some(i) = decorated(lines, &head, false) {
        return Some(i);
    }
    head.into_iter().find(|&i| {
        let ln = &lines[i];
        if !title_like(ln) || (SEPARATORS.is_match(strip(ln.text)) && ln.n() <= 8) {
            return false;
        }
        (if ln.f.key.is_empty() { 0 } else { doc.site.heads(ln.f.h_line) }) <= 1
    })
}

/// A line made of the title plus separators and a few other words (site, sections).
pub fn contains_title(ln: &Line, title_key: &str) -> bool {
    let key = &ln.f.key;
    if !key.contains(title_key) || key == title_key {
        return false;
    }
    let rest = key.replacen(title_key, " ", 1);
    let words: usize = SEPARATORS
        .split(&rest)
        .filter(|p| !strip(p).is_empty())
        .map(|p| p.split(is_space).filter(|w| !w.is_empty()).count())
        .sum();
    SEPARATORS.is_match(&fold(ln.text)) && words <= 8
}

/// The duplicate-title rule: the title's repeats go, its first occurrence stays.
pub fn duplicate_title(lines: &mut [Line], title: Option<usize>) {
    let Some(t) = title else { return };
    let key = lines[t].f.key.clone();
    if key.is_empty() {
        return;
    }
    for i in 0..lines.len() {
        let ln = &lines[i];
        if !ln.kept() || i == t {
            continue;
        }
        if ln.f.key == key || contains_title(ln, &key) {
            lines[i].label = Some(NAME);
        }
    }
}
