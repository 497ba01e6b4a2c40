//! Character classes exactly as Python's `str` methods define them.
//!
//! Why by hand: the rules were specified (and their outputs pinned) with Python's
//! `str.isalpha`, `isdigit`, `isspace`, ... and Rust's `char` methods differ at the edges
//! (`is_alphabetic` takes combining marks with the Alphabetic property, `is_whitespace`
//! leaves out the information separators U+001C..U+001F that `str.split()` splits on,
//! superscript digits are digits to Python). General categories come from
//! `unicode-general-category`; the few differences are spelled out below.

use unicode_general_category::{get_general_category, GeneralCategory as G};

/// `str.isalpha`: a letter (general category L*).
pub fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    matches!(
        get_general_category(c),
        G::UppercaseLetter | G::LowercaseLetter | G::TitlecaseLetter | G::ModifierLetter | G::OtherLetter
    )
}

/// `str.isalnum`: a letter or a number (general category L* or N*).
pub fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    is_alpha(c) || matches!(get_general_category(c), G::DecimalNumber | G::LetterNumber | G::OtherNumber)
}

/// Numbers with Numeric_Type=Digit outside Nd (superscripts, circled digits...), which
/// `str.isdigit` counts: `[c for c in all chars if c.isdigit() and category(c) != "Nd"]`
/// on CPython 3.11 (Unicode 14), as ranges.
const DIGIT_EXTRA: [(u32, u32); 20] = [
    (0xB2, 0xB3), (0xB9, 0xB9), (0x1369, 0x1371), (0x19DA, 0x19DA), (0x2070, 0x2070), (0x2074, 0x2079),
    (0x2080, 0x2089), (0x2460, 0x2468), (0x2474, 0x247C), (0x2488, 0x2490), (0x24EA, 0x24EA),
    (0x24F5, 0x24FD), (0x24FF, 0x24FF), (0x2776, 0x277E), (0x2780, 0x2788), (0x278A, 0x2792),
    (0x10A40, 0x10A43), (0x10E60, 0x10E68), (0x11052, 0x1105A), (0x1F100, 0x1F10A),
];

/// `str.isdigit`.
pub fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    let cp = c as u32;
    get_general_category(c) == G::DecimalNumber || DIGIT_EXTRA.iter().any(|&(a, b)| a <= cp && cp <= b)
}

/// `str.isupper` of one character.
pub fn is_upper(c: char) -> bool {
    c.is_uppercase()
}

/// `str.islower` of one character.
pub fn is_lower(c: char) -> bool {
    c.is_lowercase()
}

/// `str.isspace`: White_Space, plus the information separators U+001C..U+001F.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// A combining mark (general category Mn or Mc).
pub fn is_mark(c: char) -> bool {
    !c.is_ascii() && matches!(get_general_category(c), G::NonspacingMark | G::SpacingMark)
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
        assert_eq!(collapse_spaces("  a \u{1c} b\n"), "a b");
    }
}
