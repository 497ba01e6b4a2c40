//! Per-character lookups for the Basic Multilingual Plane, built once per process from
//! `pychar` and `caseless`: what tokenising asks of every character (is it a word
//! character, Han/Kana, a capital, a digit, lower case) and its case fold. A table
//! lookup instead of a binary search over Unicode ranges for each character keeps the
//! per-document cost near that of reading the text.

use std::sync::OnceLock;

use caseless::Caseless;
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfkc_quick, IsNormalized};

use crate::pychar;

pub const WORD: u8 = 1;
pub const CJK: u8 = 2;
pub const UPPER: u8 = 4;
pub const DIGIT: u8 = 8;
/// `str.islower()`, or one of ",;:": what may precede the space before a capitalised
/// word inside a sentence.
pub const LOWER_OR_CLAUSE_PUNCT: u8 = 16;
/// NFKC leaves it alone whatever surrounds it: quick check Yes and a starter.
pub const NFKC_STABLE: u8 = 32;

/// Hiragana and Katakana, CJK ideographs (extension A, the unified block, compatibility):
/// each such character is a word of its own.
fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF)
}

fn classify(c: char) -> u8 {
    let mut f = 0;
    if pychar::is_alnum(c) || pychar::is_mark(c) || is_cjk(c) {
        f |= WORD;
    }
    if is_cjk(c) {
        f |= CJK;
    }
    if pychar::is_upper(c) {
        f |= UPPER;
    }
    if pychar::is_digit(c) {
        f |= DIGIT;
    }
    if pychar::is_lower(c) || matches!(c, ',' | ';' | ':') {
        f |= LOWER_OR_CLAUSE_PUNCT;
    }
    if is_nfkc_quick(std::iter::once(c)) == IsNormalized::Yes && canonical_combining_class(c) == 0 {
        f |= NFKC_STABLE;
    }
    f
}

/// The classes of each character: none beyond the BMP (the features were defined over
/// BMP tables: a character beyond it is never part of a word).
pub struct Classes(&'static [u8]);

impl Classes {
    pub fn get() -> Self {
        static TABLE: OnceLock<Vec<u8>> = OnceLock::new();
        Classes(TABLE.get_or_init(|| (0..0x10000).map(|cp| char::from_u32(cp).map_or(0, classify)).collect()))
    }

    #[inline]
    pub fn of(&self, c: char) -> u8 {
        self.0.get(c as usize).copied().unwrap_or(0)
    }
}

/// A BMP character whose case fold is more than one character (ß → ss).
const MULTI: u32 = u32::MAX;

/// `str.casefold()` of one character, one folded character at a time to `emit`.
pub fn case_fold(c: char, mut emit: impl FnMut(char)) {
    static TABLE: OnceLock<Vec<u32>> = OnceLock::new();
    if c.is_ascii() {
        emit(c.to_ascii_lowercase());
        return;
    }
    let table = TABLE.get_or_init(|| {
        (0..0x10000u32)
            .map(|cp| match char::from_u32(cp) {
                Some(c) => {
                    let mut folded = std::iter::once(c).default_case_fold();
                    match (folded.next(), folded.next()) {
                        (Some(f), None) => f as u32,
                        _ => MULTI,
                    }
                }
                None => cp, // surrogates never reach here (a &str holds none)
            })
            .collect()
    });
    match table.get(c as usize) {
        Some(&f) if f != MULTI => emit(char::from_u32(f).expect("a folded character")),
        _ => std::iter::once(c).default_case_fold().for_each(emit),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_lookups_equal_the_definitions() {
        for cp in (0..0x10000).step_by(7).chain([0xDF, 0x130, 0x3040, 0x9FFF, 0xFAFF, 0x10400]) {
            let Some(c) = char::from_u32(cp) else { continue };
            let want = if cp < 0x10000 { classify(c) } else { 0 };
            assert_eq!(Classes::get().of(c), want, "{cp:x}");
            let mut got = String::new();
            case_fold(c, |f| got.push(f));
            assert_eq!(got, caseless::default_case_fold_str(&c.to_string()), "{cp:x}");
        }
    }

    #[test]
    fn classes_of_familiar_characters() {
        let classes = Classes::get();
        assert_eq!(classes.of('A'), WORD | UPPER | NFKC_STABLE);
        assert_eq!(classes.of('7'), WORD | DIGIT | NFKC_STABLE);
        assert_eq!(classes.of('語'), WORD | CJK | NFKC_STABLE);
        assert_eq!(classes.of('\u{301}'), WORD); // a combining mark continues a word
        assert_eq!(classes.of(';'), LOWER_OR_CLAUSE_PUNCT | NFKC_STABLE);
        assert_eq!(classes.of('²'), WORD | DIGIT); // NFKC makes it "2"
        assert_eq!(classes.of('\u{20000}'), 0);
    }
}
