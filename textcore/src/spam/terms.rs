//! Finding the gambling vocabulary in a text: the terms of every script, matched
//! case-insensitively, and a Latin term widened by the spam words chained to it.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::Regex;

use super::vocabulary::{SPAM_CJK, SPAM_GLUE, SPAM_LATIN};
use crate::fold::casefold;
use crate::pychar::{is_alnum, is_alpha};

/// A list of terms found case-insensitively: candidates from an automaton over the folded
/// text, each confirmed by a case-insensitive regex of its own (simple case folding, as
/// the regex engines match; full folding only proposes).
pub(super) struct Terms {
    ac: AhoCorasick,
    any: AhoCorasick, // the same terms, searched leftmost: a fast "is there any" first
    rx: Vec<Regex>,
}

impl Terms {
    fn new(terms: &[&str]) -> Terms {
        let folded: Vec<String> = terms.iter().map(|t| casefold(t)).collect();
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(&folded)
            .expect("terms build");
        let any = AhoCorasickBuilder::new().match_kind(MatchKind::LeftmostFirst).build(&folded).expect("terms build");
        let rx = terms.iter().map(|t| Regex::new(&format!("(?i)^{}", regex::escape(t))).unwrap()).collect();
        Terms { ac, any, rx }
    }

    /// (start, end, term) in chars of every place a term matches, in order of start, then
    /// of the term's index.
    fn at(&self, text: &[char]) -> Vec<(usize, usize, usize)> {
        let s: String = text.iter().collect();
        self.at_str(&s, &crate::fold::Folded::new(&s))
    }

    pub(super) fn at_str(&self, s: &str, folded: &crate::fold::Folded) -> Vec<(usize, usize, usize)> {
        if !self.any.is_match(&folded.text) {
            return Vec::new();
        }
        let mut hits: Vec<(usize, usize, usize)> = Vec::new(); // bytes
        for m in self.ac.find_overlapping_iter(&folded.text) {
            let start = folded.original(m.start());
            if let Some(hit) = self.rx[m.pattern().as_usize()].find(&s[start..]) {
                hits.push((start, start + hit.end(), m.pattern().as_usize()));
            }
        }
        if hits.is_empty() {
            return hits;
        }
        let byte_to_char = char_index(s);
        let mut out: Vec<_> = hits.into_iter().map(|(a, b, t)| (byte_to_char(a), byte_to_char(b), t)).collect();
        out.sort_by_key(|&(a, _, t)| (a, t));
        out.dedup();
        out
    }
}

/// Byte offsets of `s` (at character boundaries) to character offsets, in O(1) each.
pub fn char_index(s: &str) -> impl Fn(usize) -> usize + '_ {
    let table: Option<Vec<u32>> = if s.is_ascii() {
        None
    } else {
        let mut t = vec![0u32; s.len() + 1];
        let mut n = 0u32;
        for (i, c) in s.char_indices() {
            for j in 0..c.len_utf8() {
                t[i + j] = n;
            }
            n += 1;
        }
        t[s.len()] = n;
        Some(t)
    };
    move |byte| table.as_ref().map_or(byte, |t| t[byte] as usize)
}

pub(super) static CJK_TERMS: LazyLock<(Terms, Vec<usize>)> = LazyLock::new(|| {
    // the pattern tries longer terms first
    let mut order: Vec<usize> = (0..SPAM_CJK.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(SPAM_CJK[i].chars().count()));
    let terms: Vec<&str> = order.iter().map(|&i| SPAM_CJK[i]).collect();
    (Terms::new(&terms), order)
});
pub(super) static LATIN_TERMS: LazyLock<(Terms, Vec<usize>)> = LazyLock::new(|| {
    let mut order: Vec<usize> = (0..SPAM_LATIN.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(SPAM_LATIN[i].0.chars().count()));
    let terms: Vec<&str> = order.iter().map(|&i| SPAM_LATIN[i].0).collect();
    (Terms::new(&terms), order)
});

pub(super) fn letter_or_digit(c: char) -> bool {
    is_alnum(c)
}

/// Non-overlapping matches of the gambling terms in CJK and other scripts, leftmost,
/// longest term first: (start, end) in chars.
pub fn cjk_matches(text: &[char]) -> Vec<(usize, usize)> {
    // every term is in a script without ASCII letters (Hangul, Han, Kana, Thai, Cyrillic)
    if text.iter().all(|c| c.is_ascii()) {
        return Vec::new();
    }
    cjk_from(CJK_TERMS.0.at(text))
}

pub(super) fn cjk_from(cands: Vec<(usize, usize, usize)>) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut last = 0;
    for (a, b, _) in cands {
        if a >= last {
            out.push((a, b));
            last = b;
        }
    }
    out
}

/// Non-overlapping matches of the Latin-script gambling terms, each not preceded by a
/// letter or digit and not followed by a letter: (start, end, term index in SPAM_LATIN).
pub fn latin_matches(text: &[char]) -> Vec<(usize, usize, usize)> {
    latin_from(text, LATIN_TERMS.0.at(text))
}

pub(super) fn latin_from(text: &[char], cands: Vec<(usize, usize, usize)>) -> Vec<(usize, usize, usize)> {
    let order = &LATIN_TERMS.1;
    let mut out = Vec::new();
    let mut last = 0;
    let mut i = 0;
    while i < cands.len() {
        let a = cands[i].0;
        let group: Vec<_> = cands[i..].iter().take_while(|c| c.0 == a).copied().collect();
        i += group.len();
        if a < last || (a > 0 && letter_or_digit(text[a - 1])) {
            continue;
        }
        if let Some(&(_, b, t)) = group.iter().find(|&&(_, b, _)| !text.get(b).is_some_and(|&c| is_alpha(c))) {
            out.push((a, b, order[t]));
            last = b;
        }
    }
    out
}

pub(super) fn folded_str(chars: &[char]) -> String {
    casefold(&chars.iter().collect::<String>())
}

pub(super) fn is_glue(word: &str) -> bool {
    SPAM_GLUE.contains(&word)
}

/// Is `word` exactly one Latin gambling term (case-insensitive)?
fn is_latin_term(word: &[char]) -> bool {
    let m = latin_matches(word);
    m.iter().any(|&(a, b, _)| a == 0 && b == word.len())
}

/// Widen a Latin gambling term at a..b by the spam words chained to it, before and after.
pub fn extend(text: &[char], mut a: usize, mut b: usize) -> (usize, usize) {
    loop {
        // a word, then one space, at the end of the 40 characters before a
        let lo = a.saturating_sub(40);
        if a == lo || text[a - 1] != ' ' {
            break;
        }
        let mut s = a - 1;
        while s > lo && letter_or_digit(text[s - 1]) {
            s -= 1;
        }
        if s == a - 1 || !is_glue(&folded_str(&text[s..a - 1])) {
            break;
        }
        a = s;
    }
    loop {
        if text.get(b) != Some(&' ') {
            break;
        }
        let mut e = b + 1;
        while e < text.len() && letter_or_digit(text[e]) {
            e += 1;
        }
        let word = &text[b + 1..e];
        if word.is_empty() || !(is_glue(&folded_str(word)) || is_latin_term(word)) {
            break;
        }
        b = e;
    }
    (a, b)
}
