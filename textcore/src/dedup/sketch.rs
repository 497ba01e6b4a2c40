//! Two features that read a document's letters rather than its words, for the pairs LSH
//! proposes: a sampled set of character 5-grams (a copy whose words are damaged by OCR
//! or typing errors still shares most of them) and the facts in its slots, each keyed by
//! the two words before it (a report filled from one template with other facts has the
//! same keys holding other values; a damaged copy holds values that differ by a letter
//! or by a look-alike).
//!
//! Both read the words OCR-folded: each character an OCR engine confuses with another is
//! written as one of them ("rn" and "m", "cl" and "d", "h" and "li", "l", "1" and "i",
//! "0" and "o", "5" and "s", "8" and "b", "c" and "e", "vv" and "w"), so the two readings
//! of a page hash alike. Folding is applied to both texts of a pair, so it never makes
//! two different words differ; it only makes some different words alike, which the
//! sketches tolerate (they decide with many 5-grams, or with several facts).

use super::tokens::{mix64, word_hash, Tokens};

/// 5-grams of folded characters (a word and the space that ends it, or parts of two).
pub const GRAM: usize = 5;
/// One 5-gram in `SAMPLE` is kept (those whose hash is 0 mod `SAMPLE`): estimates of
/// Jaccard and containment stay unbiased at a quarter of the storage.
pub const SAMPLE: u64 = 4;

fn fold1(c: char) -> char {
    match c {
        '1' | 'i' | '|' | '!' => 'l',
        '0' => 'o',
        '5' => 's',
        '8' => 'b',
        'c' => 'e',
        _ => c,
    }
}

/// A word's characters OCR-folded.
pub fn fold_word(w: &[char], out: &mut Vec<char>) {
    let mut i = 0;
    while i < w.len() {
        let next = w.get(i + 1).copied();
        match (w[i], next) {
            ('r', Some('n')) => {
                out.push('m');
                i += 2;
            }
            ('c', Some('l')) => {
                out.push('d');
                i += 2;
            }
            ('v', Some('v')) => {
                out.push('w');
                i += 2;
            }
            ('h', _) => {
                out.extend(['l', 'l']);
                i += 1;
            }
            (c, _) => {
                out.push(fold1(c));
                i += 1;
            }
        }
    }
}

/// Sorted unique 32-bit values of the sampled 5-grams of the folded words, one space
/// between words (punctuation and line breaks do not count).
pub fn char_grams(chars: &[char], t: &Tokens) -> Vec<u32> {
    let mut stream = Vec::with_capacity(chars.len());
    for &(s, e) in &t.spans {
        fold_word(&chars[s..e], &mut stream);
        stream.push(' ');
    }
    let mut out: Vec<u32> = stream
        .windows(GRAM)
        .map(|g| mix64(word_hash(g) ^ 0x9E37_79B9_7F4A_7C15))
        .filter(|h| h % SAMPLE == 0)
        .map(|h| (h >> 32) as u32)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// A fact's value: the low 32 bits of its folded word's hash.
/// Its letters: bit (c mod 31) for each character, bit 31 when the word is a number.
pub const NUMBER: u32 = 1 << 31;

/// The facts of a text: for each slot word (a number or a capitalised word) after two
/// words of its own sentence, in a context met once in the text, (context key, value,
/// letters), flattened in that order and sorted by key.
pub fn facts(chars: &[char], t: &Tokens, digit: impl Fn(char) -> bool) -> Vec<u32> {
    let mut folded = Vec::with_capacity(t.spans.len());
    let mut buf = Vec::new();
    for &(s, e) in &t.spans {
        buf.clear();
        fold_word(&chars[s..e], &mut buf);
        folded.push(word_hash(&buf));
    }
    let mut out: Vec<(u32, u32, u32)> = Vec::new();
    for (i, &(s, e)) in t.spans.iter().enumerate() {
        // the context is two words of the same sentence: after a sentence or paragraph
        // break the next word depends on what was kept (a copy that drops a paragraph puts
        // another sentence there), not on the frame
        if !t.slot[i] || i < 2 || chars[t.spans[i - 2].1..s].iter().any(|c| matches!(c, '.' | '!' | '?' | '\n')) {
            continue;
        }
        let key = (mix64(folded[i - 2].wrapping_mul(0x100000001B3) ^ folded[i - 1]) >> 32) as u32;
        let mut letters = chars[s..e].iter().fold(0u32, |m, &c| m | 1 << (c as u32 % 31));
        if digit(chars[s]) {
            letters |= NUMBER;
        }
        out.push((key, folded[i] as u32, letters));
    }
    // a context met twice ("said Mr _") holds two facts: which one a copy keeps first
    // depends on what it dropped or moved, so such contexts are left out
    out.sort_unstable();
    let once = |i: usize| (i == 0 || out[i - 1].0 != out[i].0) && out.get(i + 1).is_none_or(|n| n.0 != out[i].0);
    (0..out.len()).filter(|&i| once(i)).flat_map(|i| [out[i].0, out[i].1, out[i].2]).collect()
}

#[cfg(test)]
mod tests {
    use super::super::normalize::Normalized;
    use super::super::tokens::tokenize;
    use super::*;

    fn grams(text: &str) -> Vec<u32> {
        let n = Normalized::new(text);
        char_grams(&n.chars, &tokenize(&n))
    }

    fn facts_of(text: &str) -> Vec<u32> {
        let n = Normalized::new(text);
        facts(&n.chars, &tokenize(&n), |c| c.is_ascii_digit())
    }

    fn folded(w: &str) -> String {
        let mut out = Vec::new();
        fold_word(&w.chars().collect::<Vec<_>>(), &mut out);
        out.into_iter().collect()
    }

    #[test]
    fn ocr_confusions_fold_alike() {
        assert_eq!(folded("modern"), folded("rnodem"));
        assert_eq!(folded("clear"), folded("dear"));
        assert_eq!(folded("110"), folded("llO".to_lowercase().as_str()));
        assert_eq!(folded("the"), folded("tlie"));
        assert_ne!(folded("price"), folded("prize"));
    }

    #[test]
    fn character_grams_survive_damaged_words() {
        let a = grams("The minister said the budget would be modern and clear in every respect this year");
        let b = grams("Tlie rninister said thc budget wou1d be modem and dear in evrey respect this year");
        let common = a.iter().filter(|x| b.binary_search(x).is_ok()).count();
        assert!(!a.is_empty() && common * 10 >= a.len() * 6, "{common} of {}", a.len());
        assert!(a.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn facts_are_keyed_by_their_context() {
        let a = facts_of("shares rose 4.5 percent to close at 120 in trading led by Halden Foods");
        let b = facts_of("shares rose 3.1 percent to close at 120 in trading led by Corvane Foods");
        assert_eq!(a.len() % 3, 0);
        let find = |f: &[u32], k: u32| f.chunks(3).find(|c| c[0] == k).map(|c| (c[1], c[2]));
        let common: Vec<_> = a.chunks(3).filter_map(|c| find(&b, c[0]).map(|v| ((c[1], c[2]), v))).collect();
        assert_eq!(common.len(), 3); // "shares rose _", "close at _", "led by _": the same frame
        let differ: Vec<_> = common.iter().filter(|(x, y)| x.0 != y.0).collect();
        assert_eq!(differ.len(), 2); // 4/3 and Halden/Corvane; 120 agrees
        assert!(differ.iter().any(|(x, y)| x.1 & y.1 & NUMBER != 0));
        // a slot after a sentence break has no context: what follows depends on what was kept
        assert!(facts_of("He left. Then Anna spoke").is_empty());
        assert_eq!(facts_of("He left then Anna spoke").len(), 3);
        assert!(facts_of("talks with Mr Smith and talks with Mr Jones").chunks(3).all(|c| c[0] != facts_of("with Mr Smith")[0]));
        assert!(a.chunks(3).any(|c| c[2] & NUMBER != 0));
    }
}
