//! Character classes exactly as Python's `str` methods define them, from one table.
//!
//! Why by hand: the rules were specified (and their outputs pinned) with Python's
//! `str.isalpha`, `isdigit`, `isspace`, ... and Rust's `char` methods differ at the edges
//! (`is_alphabetic` takes combining marks with the Alphabetic property, `is_whitespace`
//! leaves out the information separators U+001C..U+001F that `str.split()` splits on,
//! superscript digits are digits to Python). General categories come from
//! `unicode-general-category`, looked up once per BMP character into a 64 KiB table (a
//! lookup per character of every document would cost more than the rest of the scan).

use std::sync::LazyLock;

use caseless::Caseless;
use unicode_general_category::{get_general_category, GeneralCategory as G};
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfkc_quick, IsNormalized};

const ALPHA: u16 = 1; // L*
const MARK: u16 = 1 << 1; // Mn, Mc
const ENCLOSING: u16 = 1 << 2; // Me
const NUMBER: u16 = 1 << 3; // N*
const DIGIT: u16 = 1 << 4; // str.isdigit
const UPPER: u16 = 1 << 5;
const LOWER: u16 = 1 << 6;
const SPACE: u16 = 1 << 7;
const UPPER_LETTER: u16 = 1 << 8; // Lu
const LOWER_LETTER: u16 = 1 << 9; // Ll
const FOLD_SELF: u16 = 1 << 10; // case folding leaves it as it is
const NFKC_STARTER: u16 = 1 << 11; // NFKC leaves it as it is, wherever it stands

/// Numbers with Numeric_Type=Digit outside Nd (superscripts, circled digits...), which
/// `str.isdigit` counts: `[c for c in all chars if c.isdigit() and category(c) != "Nd"]`
/// on CPython 3.11 (Unicode 14), as ranges.
const DIGIT_EXTRA: [(u32, u32); 20] = [
    (0xB2, 0xB3), (0xB9, 0xB9), (0x1369, 0x1371), (0x19DA, 0x19DA), (0x2070, 0x2070), (0x2074, 0x2079),
    (0x2080, 0x2089), (0x2460, 0x2468), (0x2474, 0x247C), (0x2488, 0x2490), (0x24EA, 0x24EA),
    (0x24F5, 0x24FD), (0x24FF, 0x24FF), (0x2776, 0x277E), (0x2780, 0x2788), (0x278A, 0x2792),
    (0x10A40, 0x10A43), (0x10E60, 0x10E68), (0x11052, 0x1105A), (0x1F100, 0x1F10A),
];

fn classify(c: char) -> u16 {
    let cat = get_general_category(c);
    let mut bits = 0;
    if matches!(cat, G::UppercaseLetter | G::LowercaseLetter | G::TitlecaseLetter | G::ModifierLetter | G::OtherLetter)
    {
        bits |= ALPHA;
    }
    if matches!(cat, G::NonspacingMark | G::SpacingMark) {
        bits |= MARK;
    }
    if cat == G::EnclosingMark {
        bits |= ENCLOSING;
    }
    if matches!(cat, G::DecimalNumber | G::LetterNumber | G::OtherNumber) {
        bits |= NUMBER;
    }
    let cp = c as u32;
    if cat == G::DecimalNumber || DIGIT_EXTRA.iter().any(|&(a, b)| a <= cp && cp <= b) {
        bits |= DIGIT;
    }
    if c.is_uppercase() {
        bits |= UPPER;
    }
    if c.is_lowercase() {
        bits |= LOWER;
    }
    if c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c) {
        bits |= SPACE;
    }
    if cat == G::UppercaseLetter {
        bits |= UPPER_LETTER;
    }
    if cat == G::LowercaseLetter {
        bits |= LOWER_LETTER;
    }
    let mut folded = std::iter::once(c).default_case_fold();
    if folded.next() == Some(c) && folded.next().is_none() {
        bits |= FOLD_SELF;
    }
    if is_nfkc_quick(std::iter::once(c)) == IsNormalized::Yes && canonical_combining_class(c) == 0 {
        bits |= NFKC_STARTER;
    }
    bits
}

static BMP: LazyLock<Vec<u16>> =
    LazyLock::new(|| (0u32..0x10000).map(|cp| char::from_u32(cp).map_or(0, classify)).collect());

#[inline]
fn bits(c: char) -> u16 {
    let cp = c as u32;
    if cp < 0x10000 { BMP[cp as usize] } else { classify(c) }
}

/// `str.isalpha`: a letter (general category L*).
#[inline]
pub fn is_alpha(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_alphabetic() } else { bits(c) & ALPHA != 0 }
}

/// `str.isalnum`: a letter or a number (general category L* or N*).
#[inline]
pub fn is_alnum(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_alphanumeric() } else { bits(c) & (ALPHA | NUMBER) != 0 }
}

/// A character of a word as the rules count words: `[\p{L}\p{M}\p{N}]`.
#[inline]
pub fn is_word_part(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_alphanumeric() } else { bits(c) & (ALPHA | MARK | ENCLOSING | NUMBER) != 0 }
}

/// `str.isdigit`.
#[inline]
pub fn is_digit(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_digit() } else { bits(c) & DIGIT != 0 }
}

/// `str.isupper` of one character.
#[inline]
pub fn is_upper(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_uppercase() } else { bits(c) & UPPER != 0 }
}

/// `str.islower` of one character.
#[inline]
pub fn is_lower(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_lowercase() } else { bits(c) & LOWER != 0 }
}

/// `\p{Lu}` and `\p{Ll}`.
#[inline]
pub fn is_upper_letter(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_uppercase() } else { bits(c) & UPPER_LETTER != 0 }
}

#[inline]
pub fn is_lower_letter(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_lowercase() } else { bits(c) & LOWER_LETTER != 0 }
}

/// `str.isspace`: White_Space, plus the information separators U+001C..U+001F.
#[inline]
pub fn is_space(c: char) -> bool {
    if c.is_ascii() { matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c' | '\x1c'..='\x1f') } else { bits(c) & SPACE != 0 }
}

/// A combining mark (general category Mn or Mc).
#[inline]
pub fn is_mark(c: char) -> bool {
    !c.is_ascii() && bits(c) & MARK != 0
}

/// True when case folding leaves `c` as it is (most punctuation, digits, lower case).
#[inline]
pub fn folds_to_itself(c: char) -> bool {
    if c.is_ascii() { !c.is_ascii_uppercase() } else { bits(c) & FOLD_SELF != 0 }
}

/// True when `text` is in NFKC for certain: every character is a starter NFKC keeps.
/// (False does not mean it is not: the full check decides then.)
#[inline]
pub fn surely_nfkc(text: &str) -> bool {
    text.is_ascii() || text.chars().all(|c| c.is_ascii() || bits(c) & NFKC_STARTER != 0)
}

/// `s.strip()` (Python whitespace).
pub fn strip(s: &str) -> &str {
    s.trim_matches(is_space)
}

/// `" ".join(s.split())`.
pub fn collapse_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split(is_space).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_edges() {
        assert!(is_digit('²') && !is_digit('一') && is_alnum('一'));
        assert!(is_space('\u{1f}') && is_space('\u{a0}') && !is_space('x'));
        assert!(!is_alpha('\u{94d}') && is_mark('\u{94d}')); // a Devanagari virama: a mark, not a letter
        assert!(is_word_part('\u{94d}') && is_word_part('\u{20dd}') && !is_word_part('-'));
        assert_eq!(collapse_spaces("  a \u{1c} b\n"), "a b");
        assert!(is_upper('É') && is_lower('é') && is_upper_letter('Ж') && !is_lower_letter('1'));
    }
}

#[cfg(test)]
mod nfkc_tests {
    use super::*;

    #[test]
    fn common_text_is_surely_nfkc() {
        assert!(surely_nfkc("It’s “quoted” — café, naïve"));
        assert!(!surely_nfkc("ﬁne")); // a ligature: NFKC splits it
    }
}
