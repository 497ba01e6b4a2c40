//! Foreign script: which scripts count as foreign inside alphabetic text, and the
//! tokens made only of them.

use std::sync::LazyLock;

use regex::Regex;

use crate::words::{script_runs, SCRIPTS};

static FOREIGN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[\p{sc=Hangul}\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}]").unwrap());

const FOREIGN_SCRIPTS: [&str; 4] = ["Hangul", "Han", "Kana", "Thai"];

/// A script in which runs of another script are foreign (alphabetic writing, with spaces).
pub fn alphabetic(script: &str) -> bool {
    !FOREIGN_SCRIPTS.contains(&script)
}

/// Hangul, Han, Hiragana, Katakana or Thai (by Script), table-driven for the BMP.
pub fn is_foreign_char(c: char) -> bool {
    static TABLE: LazyLock<Vec<u64>> = LazyLock::new(|| {
        let mut bits = vec![0u64; 0x10000 / 64];
        let mut buf = [0u8; 4];
        for cp in 0x0E00u32..0x10000 {
            if let Some(ch) = char::from_u32(cp) {
                if FOREIGN.is_match(ch.encode_utf8(&mut buf)) {
                    bits[(cp / 64) as usize] |= 1 << (cp % 64);
                }
            }
        }
        bits
    });
    let cp = c as u32;
    if cp < 0x0E00 {
        false
    } else if cp < 0x10000 {
        TABLE[(cp / 64) as usize] >> (cp % 64) & 1 == 1
    } else {
        FOREIGN.is_match(c.encode_utf8(&mut [0u8; 4]))
    }
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
