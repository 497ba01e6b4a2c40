//! Spam URLs: a host made of gambling words, or an odd-looking host standing between
//! sentences.

use std::sync::LazyLock;

use regex::Regex;

use super::terms::char_index;
use super::vocabulary::SPAM_HOST;
use crate::shape::URL;
use crate::pychar::is_space;
use crate::url::url_host;

static SPAM_TLD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\.(?:xyz|top|club|vip|bet|casino|win|icu|buzz|fun|cc|lol|live|monster)(?:[/:]|$)").unwrap()
});
static ODD_HOST: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[a-z]\d{2,}|\d{2,}[a-z]|-\d+\.").unwrap());

pub fn spam_host(host: &str) -> bool {
    let low = host.to_lowercase();
    SPAM_HOST.iter().any(|t| low.contains(t)) || low.match_indices("bet").any(|(i, _)| !low[i + 3..].starts_with('a'))
}

const URL_TRAIL: &str = ".,;:!?)”’\"'";

/// A URL that is spam: a host made of gambling words, or an odd-looking host (digits
/// glued to words, throwaway TLDs) standing between sentences rather than inside one.
/// `a..b` are the URL match's chars in `text`.
pub fn spam_url(text: &[char], a: usize, b: usize) -> bool {
    let matched: String = text[a..b].iter().collect();
    let url = matched.trim_end_matches(|c| URL_TRAIL.contains(c));
    let host = url_host(url);
    if spam_host(&host) {
        return true;
    }
    let line_start = text[..a].iter().rposition(|&c| c == '\n').map_or(0, |i| i + 1);
    let line_end = text[b..].iter().position(|&c| c == '\n').map_or(text.len(), |i| b + i);
    let before = &text[line_start..a];
    let after = &text[b..line_end];
    let before_ok = before.iter().all(|&c| is_space(c)) || ends_sentence_then_space(before);
    let after_ok = after.iter().all(|&c| is_space(c)) || space_then_capital(after);
    let odd = SPAM_TLD.is_match(&format!("{host}/")) || ODD_HOST.is_match(&host);
    before_ok && after_ok && odd
}

/// `[.!?]['"”’)]*\s+$`
fn ends_sentence_then_space(s: &[char]) -> bool {
    let mut i = s.len();
    let ws = s.iter().rev().take_while(|c| c.is_whitespace()).count();
    if ws == 0 {
        return false;
    }
    i -= ws;
    while i > 0 && "'\"”’)".contains(s[i - 1]) {
        i -= 1;
    }
    i > 0 && ".!?".contains(s[i - 1])
}

/// `\s+\p{Lu}` at the start.
fn space_then_capital(s: &[char]) -> bool {
    let ws = s.iter().take_while(|c| c.is_whitespace()).count();
    ws > 0 && s.get(ws).is_some_and(|&c| crate::pychar::is_upper_letter(c))
}

/// The URL matches of a text: (start, end) in chars.
pub fn url_matches(text: &[char]) -> Vec<(usize, usize)> {
    url_matches_str(&text.iter().collect::<String>())
}

pub(super) fn url_matches_str(s: &str) -> Vec<(usize, usize)> {
    let b = s.as_bytes();
    let may = memchr::memmem::find(b, b"://").is_some() || b.windows(4).any(|w| w.eq_ignore_ascii_case(b"www."));
    if !may {
        return Vec::new();
    }
    let found: Vec<(usize, usize)> = URL.find_iter(s).map(|m| (m.start(), m.end())).collect();
    if found.is_empty() {
        return found;
    }
    let to_char = char_index(s);
    found.into_iter().map(|(a, b)| (to_char(a), to_char(b))).collect()
}
