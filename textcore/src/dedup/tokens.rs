//! Words of a normalised text, each as a 64-bit hash, with the flags that tell names and
//! numbers from other words.
//!
//! A word is a run of letters, numbers and combining marks of the Basic Multilingual
//! Plane; each Han and Kana character is a word of its own (Chinese and Japanese put no
//! spaces between words, so a whole run would be one "word"). Characters beyond the BMP
//! are never word characters: the features were defined over BMP tables, and changing
//! that would change every stored feature of a text that has them.

use super::chars::{Classes, CJK, DIGIT, LOWER_OR_CLAUSE_PUNCT, UPPER, WORD};
use super::normalize::Normalized;

/// Odd, so the polynomial hash is invertible mod 2^64.
const P: u64 = 0x100000001B3;

/// splitmix64's finaliser: spreads a hash over all 64 bits.
pub fn mix64(mut h: u64) -> u64 {
    h = (h ^ (h >> 30)).wrapping_mul(0xBF58476D1CE4E5B9);
    h = (h ^ (h >> 27)).wrapping_mul(0x94D049BB133111EB);
    h ^ (h >> 31)
}

/// P^i for i < 256.
const POWERS: [u64; 256] = {
    let mut p = [1u64; 256];
    let mut i = 1;
    while i < 256 {
        p[i] = p[i - 1].wrapping_mul(P);
        i += 1;
    }
    p
};

/// sum((c + 1) * P^(i mod 256)) mod 2^64 over the word's characters, xor its length,
/// mixed. (The power cycles every 256 characters: the hash was first computed from a
/// 256-entry table of powers, as here.)
pub fn word_hash(word: &[char]) -> u64 {
    let h =
        word.iter().enumerate().fold(0u64, |h, (i, &c)| h.wrapping_add((c as u64 + 1).wrapping_mul(POWERS[i % 256])));
    mix64(h ^ word.len() as u64)
}

/// The words of one text.
#[derive(Default)]
pub struct Tokens {
    pub hashes: Vec<u64>,
    /// A number, or a capitalised word inside a sentence: what copies of one story share
    /// and stories filled from one template differ in.
    pub entity: Vec<bool>,
    /// A number or any capitalised word (also at a sentence start): the slots a template
    /// is filled in.
    pub slot: Vec<bool>,
    /// Where each word is in the normalised text's characters: (start, end).
    pub spans: Vec<(usize, usize)>,
}

pub fn tokenize(text: &Normalized) -> Tokens {
    let (cs, classes) = (&text.chars, Classes::get());
    let expected = cs.len() / 5; // words of news text average under five characters and a space
    let mut out = Tokens {
        hashes: Vec::with_capacity(expected),
        entity: Vec::with_capacity(expected),
        slot: Vec::with_capacity(expected),
        spans: Vec::with_capacity(expected),
    };
    let mut i = 0;
    while i < cs.len() {
        let class = classes.of(cs[i]);
        if class & WORD == 0 {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        if class & CJK == 0 {
            while end < cs.len() && classes.of(cs[end]) & (WORD | CJK) == WORD {
                end += 1;
            }
        }
        out.hashes.push(word_hash(&cs[i..end]));
        let (entity, slot) = flags(text, i, &classes);
        out.entity.push(entity);
        out.slot.push(slot);
        out.spans.push((i, end));
        i = end;
    }
    out
}

/// (entity, slot) of the word starting at character `p`.
fn flags(text: &Normalized, p: usize, classes: &Classes) -> (bool, bool) {
    let Some(cased) = &text.cased else {
        let digit = classes.of(text.chars[p]) & DIGIT != 0;
        return (digit, digit);
    };
    let at = classes.of(cased[p]);
    let (digit, upper) = (at & DIGIT != 0, at & UPPER != 0);
    let inside = p >= 2 && cased[p - 1] == ' ' && classes.of(cased[p - 2]) & LOWER_OR_CLAUSE_PUNCT != 0;
    (digit || (upper && inside), digit || upper)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<u64> {
        tokenize(&Normalized::new(text)).hashes
    }

    fn hash(word: &str) -> u64 {
        word_hash(&word.chars().collect::<Vec<_>>())
    }

    #[test]
    fn words_split_on_non_word_characters() {
        assert_eq!(words("Hello, world! hello-world"), [hash("hello"), hash("world"), hash("hello"), hash("world")]);
        assert_eq!(words("naïve café"), [hash("naïve"), hash("café")]);
        assert_eq!(words("क्षेत्र"), [hash("क्षेत्र")]); // viramas and vowel signs are marks, inside the word
        assert!(words("  ... — !").is_empty() && words("").is_empty());
    }

    #[test]
    fn each_han_or_kana_character_is_a_word() {
        assert_eq!(words("日本語です"), ["日", "本", "語", "で", "す"].map(hash));
        assert_eq!(words("abc日def"), ["abc", "日", "def"].map(hash));
        assert_eq!(words("한국어"), [hash("한국어")]); // Hangul is written with spaces
    }

    #[test]
    fn characters_beyond_the_bmp_are_not_word_characters() {
        assert_eq!(words("a\u{20000}b"), ["a", "b"].map(hash)); // a CJK extension B ideograph
    }

    #[test]
    fn word_hash_known_values() {
        // (('a' + 1) ^ 1) mixed; the powers cycle after 256 characters
        assert_eq!(hash("a"), mix64(98 ^ 1));
        assert_eq!(hash("ab"), mix64((98 + 99 * P) ^ 2));
        let long: Vec<char> = "x".repeat(257).chars().collect();
        let sum = (0..257u64).fold(0u64, |h, i| h.wrapping_add(121u64.wrapping_mul(P.wrapping_pow((i % 256) as u32))));
        assert_eq!(word_hash(&long), mix64(sum ^ 257));
    }

    #[test]
    fn entities_are_numbers_and_capitals_inside_sentences() {
        let t = tokenize(&Normalized::new("Police said Ana Ruiz, 42, met Tom. Then it rained"));
        // police said ana ruiz 42 met tom then it rained: "Ruiz" follows "a " of "Ana"
        assert_eq!(t.entity, [false, false, true, true, true, false, true, false, false, false]);
        assert_eq!(t.slot, [true, false, true, true, true, false, true, true, false, false]);
    }

    #[test]
    fn when_folding_changes_lengths_only_numbers_are_entities() {
        let t = tokenize(&Normalized::new("the Straße in Berlin 12"));
        assert_eq!(t.entity, [false, false, false, false, true]);
        assert_eq!(t.slot, t.entity);
    }
}
