//! Counting keys of a line beyond the line itself: its shape (numbers, dates, names and
//! URLs masked, so "Posted on May 3, 2024 by Ana Ruiz" and "Posted on June 9, 2023 by Tom
//! Berg" are one template) and a short "Label:" prefix ("photo" for "Photo: Ana/AFP").

use std::sync::LazyLock;

use regex::Regex;

use crate::fold::{casefold, fold, line_key};
use crate::pychar::{is_alnum, is_alpha, is_digit, is_upper, strip};
use crate::words::word_spans;

pub static URL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"(?i)(?:https?://|www\.)[^\s<>"'）)\]]+"#).unwrap());
static EMAIL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+").unwrap());
static DOMAIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|co|io|info|news|gov|edu|uk|de|fr|es|it|ru|jp|kr|id|br|pt|au|in|cn|xyz|top|site|online|biz|tv|me)\b",
    )
    .unwrap()
});
static PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(\p{L}[\p{L}\p{M}'’&.-]*(?:\s+[\p{L}\p{M}'’&.-]+){0,2})\s*[:：»›|]\s+\S").unwrap()
});

// month and day names, which a shape masks as one slot ("M")
const MONTHS: &[&str] = &[
    "abril", "agosto", "agustus", "août", "apr", "april", "aprile", "aug", "august", "avril", "dec", "december",
    "desember", "dezember", "dezembro", "dicembre", "diciembre", "décembre", "enero", "feb", "febbraio", "febrero",
    "februar", "februari", "february", "fevereiro", "fri", "friday", "février", "gennaio", "giugno", "jan",
    "janeiro", "januar", "januari", "january", "janvier", "juillet", "juin", "jul", "julho", "juli", "julio",
    "july", "jun", "june", "junho", "juni", "junio", "luglio", "maggio", "mai", "maio", "mar", "march", "maret",
    "mars", "marzo", "março", "may", "mayo", "mei", "mon", "monday", "märz", "nov", "november", "novembre",
    "novembro", "noviembre", "oct", "october", "octobre", "octubre", "oktober", "ottobre", "outubro", "sat",
    "saturday", "sep", "sept", "september", "septembre", "septiembre", "setembro", "settembre", "sun", "sunday",
    "thu", "thursday", "tue", "tuesday", "wed", "wednesday", "августа", "апреля", "декабря", "июля", "июня",
    "марта", "мая", "ноября", "октября", "сентября", "февраля", "января",
];

fn is_month(low: &str) -> bool {
    static SET: LazyLock<std::collections::HashSet<&'static str>> = LazyLock::new(|| MONTHS.iter().copied().collect());
    low.len() <= 10 * 4 && SET.contains(low)
}

/// `\.[A-Za-z]{2,6}\b` (a dot before what may be a TLD): cheap, and the domain pattern can
/// match only where it does.
fn tld_hint(t: &str) -> bool {
    let b = t.as_bytes();
    let mut i = 0;
    while let Some(off) = memchr::memchr(b'.', &b[i..]) {
        let start = i + off + 1;
        let mut j = start;
        while j < b.len() && b[j].is_ascii_alphabetic() {
            j += 1;
        }
        let run = j - start;
        if (2..=6).contains(&run) {
            let next = t[j..].chars().next();
            if next.is_none_or(|c| !(is_alnum(c) || c == '_')) {
                return true;
            }
        }
        i = start;
    }
    false
}

/// A token's part in a shape: a slot ("0" numbers, "M" months and days, "A" capitalised
/// words) or the token itself, case-folded.
fn mask(token: &str) -> std::borrow::Cow<'static, str> {
    use std::borrow::Cow;
    if token.chars().any(is_digit) {
        return Cow::Borrowed("0");
    }
    let low = casefold(token);
    if is_month(&low) {
        return Cow::Borrowed("M");
    }
    if token.chars().next().is_some_and(is_upper) {
        return Cow::Borrowed("A");
    }
    Cow::Owned(low)
}

fn contains_ignore_ascii_case(text: &str, needle: &[u8]) -> bool {
    text.as_bytes().windows(needle.len()).any(|w| w.eq_ignore_ascii_case(needle))
}

/// The line with numbers, dates, names and URLs masked; None when too little is left to
/// tell one template from another (a bare "A" would join every title-case line).
pub fn shape_key(text: &str, keep_first: bool) -> Option<String> {
    use std::borrow::Cow;
    let mut t: Cow<str> = Cow::Borrowed(text);
    if contains_ignore_ascii_case(text, b"http") || contains_ignore_ascii_case(text, b"www.") {
        t = Cow::Owned(URL.replace_all(text, " U ").into_owned());
    }
    if t.contains('@') {
        t = Cow::Owned(EMAIL.replace_all(&t, " U ").into_owned());
    }
    if tld_hint(&t) {
        t = Cow::Owned(DOMAIN.replace_all(&t, " U ").into_owned());
    }
    let mut sh = Shape { out: String::with_capacity(t.len()), parts: 0, literal: 0, masked: 0 };
    let mut last_slot: Option<&str> = None;
    let mut pos = 0;
    for (a, b) in word_spans(&t) {
        let gap = strip(&t[pos..a]);
        if !gap.is_empty() {
            sh.push(gap, None);
            last_slot = None;
        }
        let tok = &t[a..b];
        let part: Cow<str> = if tok == "U" {
            Cow::Borrowed("U")
        } else if keep_first && sh.parts == 0 {
            Cow::Owned(casefold(tok))
        } else {
            mask(tok)
        };
        let slot = match part.as_ref() {
            "A" => Some("A"),
            "0" => Some("0"),
            "M" => Some("M"),
            "U" => Some("U"),
            _ => None,
        };
        if !(slot.is_some() && last_slot == slot) {
            sh.push(&part, slot);
        }
        last_slot = slot;
        pos = b;
    }
    let tail = strip(&t[pos..]);
    if !tail.is_empty() {
        sh.push(tail, None);
    }
    if (sh.literal == 0 && sh.masked == 0) || sh.parts < 2 {
        return None;
    }
    Some(sh.out)
}

/// A shape being written: its parts joined by spaces, and what kinds they were.
struct Shape {
    out: String,
    parts: usize,
    literal: usize, // parts made of letters only, not slots
    masked: usize,  // "0" and "M" slots
}

impl Shape {
    fn push(&mut self, part: &str, slot: Option<&str>) {
        if !self.out.is_empty() {
            self.out.push(' ');
        }
        self.out.push_str(part);
        self.parts += 1;
        match slot {
            Some("0") | Some("M") => self.masked += 1,
            Some(_) => {}
            None => self.literal += (!part.is_empty() && part.chars().all(is_alpha)) as usize,
        }
    }
}

/// Template keys of a line: everything masked, and (when the line starts with a short
/// capitalised word such as "By" or "Von") that word kept, so "By Ana Ruiz, Staff Writer"
/// is still a template although every other word in it is a name.
pub fn shape_keys(text: &str) -> Vec<String> {
    let mut keys = Vec::new();
    if let Some(full) = shape_key(text, false) {
        keys.push(full);
    }
    if let Some((a, b)) = word_spans(text).next() {
        let w = &text[a..b];
        let starts_early = text[..a].chars().count() <= 1;
        if starts_early && w.chars().next().is_some_and(is_upper) && w.chars().count() <= 4 {
            if let Some(alt) = shape_key(text, true) {
                if !keys.contains(&alt) {
                    keys.push(alt);
                }
            }
        }
    }
    keys
}

/// The folded label of a "Label: text" line, and the key of what follows the label.
pub fn prefix(text: &str) -> Option<(String, String)> {
    let caps = PREFIX.captures(text)?;
    let label = caps.get(1)?;
    let rest = text[label.end()..].trim_start_matches([' ', ':', '：', '»', '›', '|']);
    Some((fold(label.as_str()), line_key(rest)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_mask_their_slots() {
        assert_eq!(shape_key("Posted on May 3, 2024 by Ana Ruiz", false), shape_key("Posted on June 9, 2023 by Tom Berg", false));
        assert_eq!(shape_key("Ana Ruiz", false), None);
        assert!(shape_keys("By Ana Ruiz, Staff Writer").iter().any(|k| k.starts_with("by ")));
        assert_eq!(shape_key("Visit www.example.com today", false).as_deref(), Some("A U today"));
    }

    #[test]
    fn labels() {
        assert_eq!(prefix("Photo: Ana Ruiz/AFP"), Some(("photo".into(), "ana ruiz/afp".into())));
        assert_eq!(prefix("No label here"), None);
        assert!(tld_hint("see example.com.") && !tld_hint("U.S. officials") && !tld_hint("a.comé"));
    }
}
