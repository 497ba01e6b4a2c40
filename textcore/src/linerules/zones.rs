//! Zones from position, the strongest signal for furniture: the body is the stretch
//! between the first and the last prose line (a sentence of some length); lines before
//! it are the head (navigation, title, byline), lines after it the tail (share bars,
//! related lists, comment forms, footers). Furniture inside the body (an ad label
//! between two paragraphs) must be found by other signals.

use super::generic::anchor;
use super::titles::early_title;
use super::{Doc, Line, Zone};

/// Zones bounded by the prose lines not in `exclude`.
pub fn assign_zones(lines: &mut [Line], exclude: &[bool]) {
    let prose = |i: usize, ln: &Line| ln.prose() && !exclude.get(i).copied().unwrap_or(false);
    let first = lines.iter().enumerate().position(|(i, ln)| prose(i, ln));
    let last = lines.iter().enumerate().rposition(|(i, ln)| prose(i, ln));
    for (i, ln) in lines.iter_mut().enumerate() {
        ln.zone = match (first, last) {
            (Some(a), _) if i < a => Zone::Head,
            (_, Some(b)) if i > b => Zone::Tail,
            _ => Zone::Body,
        };
    }
}

/// Zones anchored on the article's own prose: prose lines that read as article text
/// (`generic::anchor`) bound the body. The title — an early line shaped like a headline,
/// even one ending in a full stop — and its repeats just below it are head, not anchors.
pub fn content_zones(lines: &mut [Line], doc: &Doc) {
    let mut skip: Vec<bool> = lines.iter().map(|ln| ln.prose() && !anchor(ln)).collect();
    if let Some(t) = early_title(lines, doc) {
        let end = (t + 3).min(lines.len());
        for i in 0..end {
            if lines[i].f.key == lines[t].f.key {
                skip[i] = true;
            }
        }
    }
    assign_zones(lines, &skip);
}
