//! The form every near-duplicate feature is computed on, so copies that differ only in
//! form hash alike: words re-joined across a hyphenated line break, NFKC, case folding,
//! and Cyrillic/Greek letters that look like Latin ones folded to Latin.
//!
//! Each step is Python's own (the features were defined, and earlier runs' STATE was
//! written, with `re.sub`, `unicodedata.normalize("NFKC")` and `str.casefold`):
//! `unicode-normalization` and `caseless` agree with CPython 3.11 on the characters
//! Unicode 14 assigns.

use std::borrow::Cow;

use caseless::Caseless;
use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};
use xxhash_rust::xxh3::xxh3_128;

use crate::pychar;

/// Look-alike letters and the Latin letter each is read as (lower case: folded after
/// case folding).
const LOOK_ALIKES: [(char, char); 29] = [
    ('а', 'a'), ('е', 'e'), ('о', 'o'), ('р', 'p'), ('с', 'c'), ('у', 'y'), ('х', 'x'), ('і', 'i'),
    ('ј', 'j'), ('ѕ', 's'), ('ԁ', 'd'), ('һ', 'h'), ('ԛ', 'q'), ('ԝ', 'w'), ('к', 'k'), ('м', 'm'),
    ('т', 't'), ('в', 'b'), ('н', 'h'), ('α', 'a'), ('ο', 'o'), ('ε', 'e'), ('ρ', 'p'), ('τ', 't'),
    ('υ', 'u'), ('ν', 'v'), ('κ', 'k'), ('ι', 'i'), ('χ', 'x'),
];

fn fold_look_alike(c: char) -> char {
    if !('\u{3b1}'..='\u{51d}').contains(&c) {
        return c; // outside the Greek and Cyrillic blocks the table covers
    }
    LOOK_ALIKES.iter().find(|&&(k, _)| k == c).map_or(c, |&(_, v)| v)
}

/// Python's `\w`: `str.isalnum()` or the underscore (combining marks are not `\w`).
fn is_re_word(c: char) -> bool {
    c == '_' || pychar::is_alnum(c)
}

/// `re.sub(r"(\w)-\n(\w)", r"\1\2", text)`: "inter-\nnational" becomes "international".
/// As with the regex, matches do not overlap: in "a-\nb-\nc" the "b" belongs to the first
/// match, so the second line break stays.
pub fn dehyphenate(text: &str) -> Cow<'_, str> {
    if !text.contains("-\n") {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let (mut copied, mut match_end) = (0, 0);
    for (i, _) in text.match_indices("-\n") {
        let before = text[..i].chars().next_back();
        let after = text[i + 2..].chars().next();
        if let (Some(b), Some(a)) = (before, after) {
            if is_re_word(b) && is_re_word(a) && i - b.len_utf8() >= match_end {
                out.push_str(&text[copied..i]);
                copied = i + 2;
                match_end = copied + a.len_utf8();
            }
        }
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
}

/// NFKC, skipped when the quick check already proves the text normalised.
pub fn nfkc(text: &str) -> Cow<'_, str> {
    if is_nfkc_quick(text.chars()) == IsNormalized::Yes {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.nfkc().collect())
    }
}

/// A text in the form words are read from.
pub struct Normalized {
    /// NFKC, case folded, look-alikes folded.
    pub chars: Vec<char>,
    /// The NFKC characters before case folding, when folding kept one character for one
    /// (entity flags read the capitals there); `None` when it did not (ß → ss), and the
    /// entity flags then fall back to numbers only.
    pub cased: Option<Vec<char>>,
}

impl Normalized {
    pub fn new(text: &str) -> Self {
        let dehyphenated = dehyphenate(text);
        let cased: Vec<char> = nfkc(&dehyphenated).chars().collect();
        let mut chars = Vec::with_capacity(cased.len());
        for &c in &cased {
            if c.is_ascii() {
                chars.push(c.to_ascii_lowercase());
            } else {
                chars.extend(std::iter::once(c).default_case_fold().map(fold_look_alike));
            }
        }
        let aligned = chars.len() == cased.len();
        Normalized { chars, cased: aligned.then_some(cased) }
    }

    pub fn text(&self) -> String {
        self.chars.iter().collect()
    }
}

/// 128-bit xxh3 of the text with form, case and whitespace normalised (no
/// de-hyphenation or look-alike folding: an exact copy is the same text), as (high, low).
pub fn exact_digest(text: &str) -> [u64; 2] {
    let nf = nfkc(text);
    let folded = if nf.is_ascii() { nf.to_ascii_lowercase() } else { caseless::default_case_fold_str(&nf) };
    let h = xxh3_128(pychar::collapse_spaces(&folded).as_bytes());
    [(h >> 64) as u64, h as u64]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dehyphenation_follows_the_regex() {
        assert_eq!(dehyphenate("inter-\nnational"), "international");
        assert_eq!(dehyphenate("a-\nb-\nc"), "ab-\nc"); // matches do not overlap
        assert_eq!(dehyphenate("a-\nb c-\nd"), "ab cd");
        assert_eq!(dehyphenate("end -\nstart"), "end -\nstart"); // no word character before
        assert_eq!(dehyphenate("x_-\n\u{301}"), "x_-\n\u{301}"); // a combining mark is not \w
        assert_eq!(dehyphenate("é-\n日"), "é日");
    }

    #[test]
    fn normal_form_folds_case_width_and_look_alikes() {
        assert_eq!(Normalized::new("Ｃаt ﬁne").text(), "cat fine"); // fullwidth C, Cyrillic а, ligature
        let n = Normalized::new("Straße");
        assert_eq!(n.text(), "strasse");
        assert!(n.cased.is_none());
        assert_eq!(Normalized::new("Ab").cased, Some(vec!['A', 'b']));
    }

    #[test]
    fn digest_ignores_case_and_spacing_only() {
        assert_eq!(exact_digest("Hello   World\n"), exact_digest("hello world"));
        assert_ne!(exact_digest("hello world"), exact_digest("hello worlds"));
        assert_ne!(exact_digest("inter-\nnational"), exact_digest("international"));
    }
}
