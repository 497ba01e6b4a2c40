//! Generic boilerplate by shape and position: the furniture every site emits.
//!
//! Each line gets a score from independent signals — short and without a sentence,
//! outside the article's core (head/tail), furniture vocabulary, a copyright or
//! separator-bar shape, a byline/date shape, the site's own name, addressing the reader
//! ("your inbox", "our newsletter"), seen on other sites — and negative ones (quotation
//! marks, a long sentence in the body). A line goes when its score reaches the
//! threshold; no single signal, and so no word list, is enough on its own. Long lines
//! need strong evidence: reader-addressing site talk at the edge ("We use cookies … our
//! website").

use super::{Doc, Line, Settings, Zone};
use crate::lines::{ALNUM, BYLINE, BY_NAME, COPYRIGHT, CREDIT, DATE, QUOTE, SELF_REF, SITE_NAME, TABLE_ROW, TAG_LIST};

pub const NAME: &str = "boilerplate";

/// A prose line that reads as article text: a long one with little furniture, or one
/// with no furniture and no reader address ("Get the latest news delivered to your inbox
/// every morning." is a sentence, but not the article).
pub fn anchor(ln: &Line) -> bool {
    let f = ln.f;
    if ln.has(COPYRIGHT) {
        return false;
    }
    if f.n_words >= 15 && f.furniture <= 1 && !(f.site_talk >= 2 && f.address > 0) {
        return true;
    }
    f.furniture == 0 && f.address == 0
}

/// (shape and position score, score of signals specific to furniture).
pub fn score(ln: &Line, doc: &Doc, s: &Settings) -> (f64, f64) {
    let f = ln.f;
    let n = f.n_words;
    let edge = ln.zone != Zone::Body;
    let sentence = ln.sentence();
    let mut shape = (if n <= 6 { 1.0 } else if n <= 12 { 0.5 } else { 0.0 })
        + (if !sentence { 0.5 } else { 0.0 })
        + (if edge { 1.0 } else { 0.0 });
    let mut spec = if f.furniture == 1 { 1.0 } else if f.furniture >= 2 { 1.5 } else { 0.0 };
    if n <= 6 {
        spec += 0.5 * f64::from(f.weak.min(2));
    }
    let copyright = ln.has(COPYRIGHT);
    if copyright {
        spec += 1.5;
    }
    if edge && n <= 14 && !ln.has(TABLE_ROW) && f.nav >= 2 {
        spec += 1.0;
    }
    let byline = ln.has(BYLINE) && (n <= 8 || (n <= 14 && !sentence));
    if byline {
        spec += if ln.has(DATE) || ln.has(BY_NAME) { 1.0 } else { 0.5 };
    } else if n <= 14 && ln.zone == Zone::Head && ln.has(DATE) && !sentence {
        spec += 1.0;
    }
    if ln.has(CREDIT) {
        spec += 1.0;
    }
    if edge && n <= 16 && ln.has(TAG_LIST) {
        spec += 1.0;
    }
    if edge && f.site_talk >= 3 && f.address >= 2 {
        spec += 1.0; // "you agree to the storing of cookies on your device to enhance site navigation"
    }
    if ln.has(SITE_NAME) {
        spec += 1.0;
    }
    if spec != 0.0 && f.address > 0 {
        spec += 0.5;
    } else if sentence && n >= 6 && !(copyright || ln.has(SELF_REF)) {
        spec *= 0.5; // a sentence about someone else's newsletter is news, not furniture
    }
    if !f.key.is_empty() && doc.site.sites_with(f.h_cross) >= 2 && n <= 20 {
        spec += 1.5;
    }
    if ln.has(QUOTE) {
        shape -= if f.site_talk > 0 { 0.5 } else { 1.0 };
    }
    if ln.zone == Zone::Body && sentence && n >= 15 {
        shape -= 2.0;
    }
    if n > s.generic_max_words && !(edge && f.site_talk >= 2 && f.address > 0 && n <= 45) {
        shape -= 10.0; // a long line needs the site-talk pattern: reader-addressing, at the edge
    }
    (shape, spec)
}

/// Labels the lines whose score reaches the threshold.
pub fn boilerplate(lines: &mut [Line], title: Option<usize>, doc: &Doc, s: &Settings) {
    let threshold = 2.5 * s.min_score;
    for i in 0..lines.len() {
        let ln = &lines[i];
        if !ln.kept() || title == Some(i) || (ln.zone == Zone::Body && ln.n() > s.generic_max_words) {
            continue; // a long body line is never furniture on shape (score() would say -10)
        }
        if !ln.has(ALNUM) {
            continue;
        }
        let (shape, spec) = score(ln, doc, s);
        if spec >= 1.0 && shape + spec >= threshold {
            lines[i].label = Some(NAME);
        }
    }
}
