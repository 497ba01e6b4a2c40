//! Foreign script: which scripts count as foreign inside alphabetic text, and the
//! tokens made only of them.

use std::sync::LazyLock;

use crate::words::{script_runs, BmpSet, SCRIPTS};

static FOREIGN: LazyLock<BmpSet> =
    LazyLock::new(|| BmpSet::new(0x0E00, r"[\p{sc=Hangul}\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}]"));

const FOREIGN_SCRIPTS: [&str; 4] = ["Hangul", "Han", "Kana", "Thai"];

/// A script in which runs of another script are foreign (alphabetic writing, with spaces).
pub fn alphabetic(script: &str) -> bool {
    !FOREIGN_SCRIPTS.contains(&script)
}

/// Hangul, Han, Hiragana, Katakana or Thai (by Script).
pub fn is_foreign_char(c: char) -> bool {
    FOREIGN.contains(c)
}

/// The whitespace-separated tokens: (start, end) in chars.
pub fn tokens(text: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < text.len() {
        if text[i].is_whitespace() {
            i += 1;
            continue;
        }
        let s = i;
        while i < text.len() && !text[i].is_whitespace() {
            i += 1;
        }
        out.push((s, i));
    }
    out
}

/// Every script run of the token is Hangul, Han, Kana or Thai (and it has one).
pub fn foreign_only(tok: &[char]) -> bool {
    if !tok.iter().any(|&c| is_foreign_char(c)) {
        return false;
    }
    let s: String = tok.iter().collect();
    let runs = script_runs(&s);
    !runs.is_empty() && runs.iter().all(|&(sc, _, _)| FOREIGN_SCRIPTS.contains(&SCRIPTS[sc]))
}
