//! The form every near-duplicate feature is computed on, so copies that differ only in
//! form hash alike: words re-joined across a hyphenated line break, NFKC, case folding,
//! and Cyrillic/Greek letters that look like Latin ones folded to Latin.
//!
//! Each step is Python's own (the features were defined, and earlier runs' STATE was
//! written, with `re.sub`, `unicodedata.normalize("NFKC")` and `str.casefold`):
//! `unicode-normalization` and `caseless` agree with CPython 3.11 on the characters
//! Unicode 14 assigns.

use std::borrow::Cow;

use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};
use xxhash_rust::xxh3::xxh3_128;

use super::chars::{case_fold, Classes, NFKC_STABLE};
use crate::pychar;

/// Look-alike letters and the Latin letter each is read as (lower case: folded after
/// case folding).
#[rustfmt::skip]
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

/// NFKC. Only the pieces the quick check does not clear are normalised, a piece being
/// an ASCII character and the non-ASCII characters after it: no canonical composition
/// takes an ASCII character as its second part and reordering stops at starters, so
/// pieces normalise independently (an ellipsis in a paragraph costs one piece, not the
/// paragraph).
pub fn nfkc(text: &str) -> Cow<'_, str> {
    let (bytes, classes) = (text.as_bytes(), Classes::get());
    let mut out: Option<String> = None; // made at the first piece that changes
    let mut done = 0; // text[..done] is in `out`
    let mut at = 0;
    loop {
        let run = next_non_ascii(bytes, at);
        if run == bytes.len() {
            break;
        }
        let start = if run > at { run - 1 } else { run }; // with the ASCII character before it
        let end = bytes[run..].iter().position(|b| b.is_ascii()).map_or(bytes.len(), |q| run + q);
        let piece = &text[start..end];
        let stable = piece.chars().all(|c| classes.of(c) & NFKC_STABLE != 0);
        if !stable && is_nfkc_quick(piece.chars()) != IsNormalized::Yes {
            let out = out.get_or_insert_with(|| String::with_capacity(text.len() + 16));
            out.push_str(&text[done..start]);
            out.extend(piece.nfkc());
            done = end;
        }
        at = end;
    }
    match out {
        None => Cow::Borrowed(text),
        Some(mut out) => {
            out.push_str(&text[done..]);
            Cow::Owned(out)
        }
    }
}

/// The index of the first non-ASCII byte at or after `from`, else the length (16 bytes
/// at a time through ASCII).
fn next_non_ascii(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    while i + 16 <= bytes.len() && bytes[i..i + 16].is_ascii() {
        i += 16;
    }
    bytes[i..].iter().position(|b| !b.is_ascii()).map_or(bytes.len(), |p| i + p)
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
        Self::from_nfkc(&nfkc(&dehyphenate(text)))
    }

    /// From the NFKC form of the de-hyphenated text.
    pub fn from_nfkc(nf: &str) -> Self {
        let (bytes, mut at) = (nf.as_bytes(), 0);
        let mut cased = Vec::with_capacity(bytes.len());
        let mut chars = Vec::with_capacity(bytes.len());
        while at < bytes.len() {
            let run = next_non_ascii(bytes, at); // ASCII in bulk
            cased.extend(bytes[at..run].iter().map(|&b| b as char));
            chars.extend(bytes[at..run].iter().map(|&b| b.to_ascii_lowercase() as char));
            let Some(c) = nf[run..].chars().next() else { break };
            cased.push(c);
            case_fold(c, |f| chars.push(fold_look_alike(f)));
            at = run + c.len_utf8();
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
    exact_digest_of_nfkc(&nfkc(text))
}

/// `exact_digest` of a text already in NFKC: xxh3 of `" ".join(nf.casefold().split())`.
pub fn exact_digest_of_nfkc(nf: &str) -> [u64; 2] {
    let (bytes, mut at) = (nf.as_bytes(), 0);
    let mut out = Vec::with_capacity(bytes.len());
    let mut gap = false; // whitespace since the last character
    while at < bytes.len() {
        let run = next_non_ascii(bytes, at);
        // an ASCII stretch a word at a time, split at Python's ASCII whitespace
        for (i, word) in bytes[at..run].split(|&b| matches!(b, b' ' | b'\t'..=b'\r' | 0x1c..=0x1f)).enumerate() {
            gap |= i > 0;
            if word.is_empty() {
                continue;
            }
            if gap && !out.is_empty() {
                out.push(b' ');
            }
            gap = false;
            out.extend(word.iter().map(u8::to_ascii_lowercase));
        }
        let Some(c) = nf[run..].chars().next() else { break };
        at = run + c.len_utf8();
        if pychar::is_space(c) {
            gap = true;
            continue;
        }
        if gap && !out.is_empty() {
            out.push(b' ');
        }
        gap = false;
        case_fold(c, |f| out.extend_from_slice(f.encode_utf8(&mut [0; 4]).as_bytes()));
    }
    let h = xxh3_128(&out);
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
    fn nfkc_by_pieces_equals_nfkc_of_the_whole() {
        for text in ["e\u{301}tat…", "½ cup, ™", "a\u{301}\u{327}b", "\u{301}x", "Ａ1 e\u{301}", "x\u{1100}\u{1161}y"]
        {
            assert_eq!(nfkc(text), text.nfkc().collect::<String>(), "{text}");
        }
    }

    #[test]
    fn digest_ignores_case_and_spacing_only() {
        assert_eq!(exact_digest("Hello   World\n"), exact_digest("hello world"));
        assert_ne!(exact_digest("hello world"), exact_digest("hello worlds"));
        assert_ne!(exact_digest("inter-\nnational"), exact_digest("international"));
    }
}
