//! Comparison forms of text: NFKC, case folding, the line key, and a folded copy of a
//! document with a map back to its own offsets (for finding word-list candidates once
//! per document, whatever their case).
//!
//! `caseless::default_case_fold_str` and the `unicode-normalization` crate agree with
//! CPython 3.11's `str.casefold` and NFKC on every character Unicode 14 assigns; they only
//! know more characters (assigned since), which Python leaves as they are.

use caseless::Caseless;
use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

use crate::pychar::{folds_to_itself, is_space, surely_nfkc};

/// NFKC, rewriting only what is not already in that form.
pub fn nfkc(text: &str) -> std::borrow::Cow<'_, str> {
    if surely_nfkc(text) || is_nfkc_quick(text.chars()) == IsNormalized::Yes {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(text.nfkc().collect())
}

/// `c` case-folded as `str.casefold()` does, appended to `out`.
#[inline]
fn push_folded(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else if folds_to_itself(c) {
        out.push(c);
    } else {
        out.extend(std::iter::once(c).default_case_fold());
    }
}

/// `str.casefold()`.
pub fn casefold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        push_folded(&mut out, c);
    }
    out
}

/// The comparison form of a line: NFKC, case-folded, typographic single and double quotes
/// made plain, soft hyphens dropped, whitespace collapsed («» stay: they also separate).
pub fn fold(text: &str) -> String {
    let norm = nfkc(text);
    if simple(&norm) {
        let mut out = norm.into_owned();
        out.make_ascii_lowercase();
        return out;
    }
    let mut out = Collapsed { bytes: Vec::with_capacity(norm.len()), space: false };
    let mut buf = [0u8; 4];
    let b = norm.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let x = b[i];
        if x < 0x80 {
            i += 1;
            if matches!(x, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c | 0x1c..=0x1f) {
                out.space();
            } else {
                out.emit(&[x.to_ascii_lowercase()]);
            }
            continue;
        }
        let c = norm[i..].chars().next().unwrap_or('\0');
        i += c.len_utf8();
        let mut one = |out: &mut Collapsed, f: char| match f {
            '\u{ad}' => {}
            f if is_space(f) => out.space(),
            '\u{2018}' | '\u{2019}' => out.emit(b"'"),
            '\u{201c}' | '\u{201d}' => out.emit(b"\""),
            f => out.emit(f.encode_utf8(&mut buf).as_bytes()),
        };
        if folds_to_itself(c) {
            one(&mut out, c);
        } else {
            for f in std::iter::once(c).default_case_fold() {
                one(&mut out, f);
            }
        }
    }
    String::from_utf8(out.bytes).expect("folding keeps text UTF-8")
}

/// Text being written with its whitespace collapsed: runs of it become one space between
/// words, none at the ends.
struct Collapsed {
    bytes: Vec<u8>,
    space: bool, // a space is pending: written before the next non-space
}

impl Collapsed {
    fn space(&mut self) {
        self.space = !self.bytes.is_empty();
    }

    fn emit(&mut self, s: &[u8]) {
        if self.space {
            self.bytes.push(b' ');
            self.space = false;
        }
        self.bytes.extend_from_slice(s);
    }
}


/// True when folding only lower-cases ASCII letters: single spaces between words, and no
/// character that folds, becomes a plain quote, or is a soft hyphen.
fn simple(text: &str) -> bool {
    let b = text.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    let mut prev_space = false;
    for c in text.chars() {
        if c == ' ' {
            if prev_space {
                return false;
            }
            prev_space = true;
            continue;
        }
        prev_space = false;
        if c.is_ascii() {
            if c.is_ascii_whitespace() || c.is_ascii_control() {
                return false;
            }
        } else if !folds_to_itself(c) || is_space(c) || matches!(c, '\u{ad}' | '‘' | '’' | '“' | '”') {
            return false;
        }
    }
    true
}

const KEY_EDGES: &str = " \t.,;:!?·•|-–—*_#>«»\"'()[]{}…";

/// The normalised line: folded, with punctuation and symbols at both ends dropped.
pub fn line_key(text: &str) -> String {
    fold(text).trim_matches(|c| KEY_EDGES.contains(c)).to_string()
}

/// A document case-folded for candidate search, with the byte offset in the original of
/// every byte of the folded text (None when folding changed no length: offsets are equal).
pub struct Folded {
    pub text: String,
    map: Option<Vec<u32>>,
}

impl Folded {
    pub fn new(text: &str) -> Folded {
        // fast path: ASCII lowered in bulk, then the other characters folded in place
        // while their folds keep their byte length (offsets stay equal)
        let mut out = text.to_ascii_lowercase().into_bytes();
        let mut i = 0;
        let mut same = true;
        while let Some(off) = out[i..].iter().position(|&b| b >= 0x80) {
            i += off;
            let c = text[i..].chars().next().unwrap_or('\0');
            let n = c.len_utf8();
            if !folds_to_itself(c) {
                let f: String = std::iter::once(c).default_case_fold().collect();
                if f.len() != n {
                    same = false;
                    break;
                }
                out[i..i + n].copy_from_slice(f.as_bytes());
            }
            i += n;
        }
        if same {
            return Folded { text: String::from_utf8(out).expect("folds are UTF-8"), map: None };
        }
        let mut out = String::with_capacity(text.len() + 8);
        let mut map: Vec<u32> = Vec::new();
        let mut same = true;
        for (pos, c) in text.char_indices() {
            let before = out.len();
            push_folded(&mut out, c);
            if same && out.len() - before != c.len_utf8() {
                same = false;
                map = (0..before as u32).collect(); // offsets so far were equal
            }
            if !same {
                map.extend(std::iter::repeat_n(pos as u32, out.len() - before));
            }
        }
        Folded { text: out, map: if same { None } else { Some(map) } }
    }

    /// True when folding kept every byte offset (folded offset = original offset).
    pub fn identity(&self) -> bool {
        self.map.is_none()
    }

    /// The original byte offset of folded byte offset `i`.
    pub fn original(&self, i: usize) -> usize {
        match &self.map {
            None => i,
            Some(m) => m.get(i).map(|&x| x as usize).unwrap_or_else(|| m.last().map_or(0, |&x| x as usize + 1)),
        }
    }
}

/// Whitespace-trimmed end: `text.rstrip()`.
pub fn rstrip(text: &str) -> &str {
    text.trim_end_matches(is_space)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys() {
        assert_eq!(line_key("  “Read More” »  "), "read more");
        assert_eq!(fold("Straße\u{ad}  ＡＢ"), "strasse ab");
        assert_eq!(line_key("— Posted by Ana —"), "posted by ana");
    }

    #[test]
    fn folded_offsets_map_back() {
        let text = "İstanbul STRASSE ß x";
        let f = Folded::new(text);
        let at = f.text.find('x').unwrap();
        assert_eq!(&text[f.original(at)..], "x");
        let plain = Folded::new("Hello World");
        assert_eq!(plain.text, "hello world");
        assert_eq!(plain.original(6), 6);
    }
}
