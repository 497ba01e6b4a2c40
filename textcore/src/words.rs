//! Words, scripts and the language guess: what the rules and the scorers count.
//!
//! A word is a run of letters, marks and digits (with an apostrophe-joined tail, "don't");
//! each Han or Kana character counts as one word, as the scorers count them. Scripts are
//! Unicode's Script property (not its extensions: "ー" and "、" belong to no script here).

use std::sync::LazyLock;

use regex::Regex;

use crate::fold::casefold;
use crate::pychar::{is_alpha, is_word_part};

/// Byte spans of the words of `text`: `[\p{L}\p{M}\p{N}]+(?:['’]\p{L}+)*`, scanned by
/// hand (a regex pays a reverse search per match, and a document has hundreds).
pub fn word_spans(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        let (a, b) = next_word(text, i)?;
        i = b;
        Some((a, b))
    })
}

/// The first word at or after byte `from`: (start, end).
#[inline]
fn next_word(text: &str, from: usize) -> Option<(usize, usize)> {
    let b = text.as_bytes();
    let mut i = from;
    // the next word start (ASCII bytes judged without decoding)
    loop {
        let &x = b.get(i)?;
        if x < 0x80 {
            if x.is_ascii_alphanumeric() {
                break;
            }
            i += 1;
        } else {
            let (c, n) = char_at(text, i);
            if is_word_part(c) {
                break;
            }
            i += n;
        }
    }
    let start = i;
    while i < b.len() {
        let x = b[i];
        if x < 0x80 {
            if !x.is_ascii_alphanumeric() {
                if (x == b'\'') && i + 1 < b.len() && is_alpha(char_at(text, i + 1).0) {
                    i = apostrophe_tail(text, i, 1);
                }
                break;
            }
            i += 1;
        } else {
            let (c, n) = char_at(text, i);
            if !is_word_part(c) {
                if c == '’' && i + n < b.len() && is_alpha(char_at(text, i + n).0) {
                    i = apostrophe_tail(text, i, n);
                }
                break;
            }
            i += n;
        }
    }
    Some((start, i))
}

/// After a word, its apostrophe-joined letter runs ("don't", "l’homme"): the end. `i`
/// is the apostrophe's byte, `apo` its length.
fn apostrophe_tail(text: &str, mut i: usize, mut apo: usize) -> usize {
    let b = text.as_bytes();
    loop {
        i += apo;
        while i < b.len() {
            let (c, n) = char_at(text, i);
            if !is_alpha(c) {
                break;
            }
            i += n;
        }
        if i >= b.len() {
            return i;
        }
        let (c, n) = char_at(text, i);
        if !(c == '\'' || c == '’') || i + n >= b.len() || !is_alpha(char_at(text, i + n).0) {
            return i;
        }
        apo = n;
    }
}

/// The character at byte `i` and its length (ASCII without decoding).
#[inline]
fn char_at(text: &str, i: usize) -> (char, usize) {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        return (b as char, 1);
    }
    let c = text[i..].chars().next().unwrap_or('\0');
    (c, c.len_utf8())
}

/// Byte spans of the runs of letters (`\p{L}+`).
pub fn letter_runs(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut it = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let start = loop {
            let (i, c) = it.next()?;
            if is_alpha(c) {
                break i;
            }
        };
        let mut end = text.len();
        while let Some(&(i, c)) = it.peek() {
            if !is_alpha(c) {
                end = i;
                break;
            }
            it.next();
        }
        Some((start, end))
    })
}

static CJK: LazyLock<BmpSet> = LazyLock::new(|| BmpSet::new(0x2E80, r"[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]"));
static SCRIPT_RUN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?P<Latin>[\p{sc=Latin}\p{M}]+)|(?P<Hangul>\p{sc=Hangul}+)|(?P<Han>\p{sc=Han}+)|(?P<Kana>[\p{sc=Hiragana}\p{sc=Katakana}ー]+)|(?P<Cyrillic>\p{sc=Cyrillic}+)|(?P<Thai>\p{sc=Thai}+)|(?P<Arabic>\p{sc=Arabic}+)|(?P<Greek>\p{sc=Greek}+)|(?P<Devanagari>\p{sc=Devanagari}+)|(?P<Hebrew>\p{sc=Hebrew}+)",
    )
    .unwrap()
});
pub const SCRIPTS: [&str; 10] =
    ["Latin", "Hangul", "Han", "Kana", "Cyrillic", "Thai", "Arabic", "Greek", "Devanagari", "Hebrew"];

/// The characters a regex class matches, as a bitmap over the BMP from `first` on (no
/// character below it matches); characters past the BMP go to the regex itself. Why: the
/// script tests run once per character of every document, where a regex call per
/// character costs more than the whole scan.
pub struct BmpSet {
    first: u32,
    re: Regex,
    bits: Vec<u64>,
}

impl BmpSet {
    pub fn new(first: u32, class: &str) -> BmpSet {
        let re = Regex::new(class).unwrap();
        let mut bits = vec![0u64; 0x10000 / 64];
        let mut buf = [0u8; 4];
        for cp in first..0x10000 {
            if let Some(ch) = char::from_u32(cp) {
                if re.is_match(ch.encode_utf8(&mut buf)) {
                    bits[(cp / 64) as usize] |= 1 << (cp % 64);
                }
            }
        }
        BmpSet { first, re, bits }
    }

    #[inline]
    pub fn contains(&self, c: char) -> bool {
        let cp = c as u32;
        if cp < self.first {
            false
        } else if cp < 0x10000 {
            self.bits[(cp / 64) as usize] >> (cp % 64) & 1 == 1
        } else {
            self.re.is_match(c.encode_utf8(&mut [0u8; 4]))
        }
    }
}

/// Han, Hiragana or Katakana (by Script).
pub fn is_cjk(c: char) -> bool {
    CJK.contains(c)
}

/// The words of a text, in order; a word holding Han or Kana characters gives its other
/// parts first, then each of those characters.
pub fn words(text: &str) -> Vec<&str> {
    let found = word_spans(text).map(|(a, b)| &text[a..b]);
    if text.is_ascii() || !text.chars().any(is_cjk) {
        return found.collect();
    }
    let mut out = Vec::new();
    for w in found {
        if !w.chars().any(is_cjk) {
            out.push(w);
            continue;
        }
        let mut start = 0;
        for (i, c) in w.char_indices() {
            if is_cjk(c) {
                if i > start {
                    out.push(&w[start..i]);
                }
                start = i + c.len_utf8();
            }
        }
        if start < w.len() {
            out.push(&w[start..]);
        }
        out.extend(w.char_indices().filter(|&(_, c)| is_cjk(c)).map(|(i, c)| &w[i..i + c.len_utf8()]));
    }
    out
}

/// `len(words(text))` without building the list: a word holding Han or Kana characters
/// counts each of them, plus each run of its other characters.
pub fn word_count(text: &str) -> usize {
    if text.is_ascii() {
        let (mut n, mut i) = (0, 0);
        while let Some((_, b)) = next_word(text, i) {
            n += 1;
            i = b;
        }
        return n;
    }
    word_spans(text)
        .map(|(a, b)| {
            let w = &text[a..b];
            if w.is_ascii() {
                return 1;
            }
            let (mut n, mut in_run) = (0, false);
            for c in w.chars() {
                if is_cjk(c) {
                    n += 1;
                    in_run = false;
                } else if !in_run {
                    n += 1;
                    in_run = true;
                }
            }
            n
        })
        .sum()
}

/// For each BMP character, the script-run groups it belongs to (bit i: SCRIPTS[i]), read
/// off the `SCRIPT_RUN` pattern itself once: a run is what its leftmost-first alternation
/// matches, so a table lookup per character finds the same runs without a regex search.
static GROUPS: LazyLock<Vec<u16>> = LazyLock::new(|| {
    let groups: Vec<Regex> = SCRIPT_RUN
        .as_str()
        .split(")|(")
        .map(|alt| {
            let class = &alt[alt.find('>').unwrap() + 1..alt.rfind('+').unwrap()];
            Regex::new(&format!("^{class}$")).unwrap()
        })
        .collect();
    let mut buf = [0u8; 4];
    (0u32..0x10000)
        .map(|cp| match char::from_u32(cp) {
            Some(c) if cp >= 0x41 => {
                let s = c.encode_utf8(&mut buf);
                groups.iter().enumerate().fold(0u16, |b, (i, g)| if g.is_match(s) { b | 1 << i } else { b })
            }
            _ => 0,
        })
        .collect()
});

fn groups_of(c: char) -> u16 {
    let cp = c as u32;
    if cp < 0x10000 {
        GROUPS[cp as usize]
    } else {
        // outside the BMP (rare: Han extensions, historic scripts) ask the pattern
        SCRIPT_RUN.captures(c.encode_utf8(&mut [0u8; 4])).map_or(0, |caps| {
            (1..=SCRIPTS.len()).find(|&i| caps.get(i).is_some()).map_or(0, |i| 1 << (i - 1))
        })
    }
}

/// (script index into SCRIPTS, start, end) of each run of letters in one script, offsets
/// in bytes: what `SCRIPT_RUN` finds (at each place the first group the character starts,
/// for as long as the characters belong to it).
pub fn script_runs(text: &str) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let g = groups_of(c);
        if g == 0 {
            continue;
        }
        let script = g.trailing_zeros() as usize;
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = it.peek() {
            if groups_of(d) >> script & 1 == 0 {
                break;
            }
            end = j + d.len_utf8();
            it.next();
        }
        out.push((script, i, end));
    }
    out
}

/// The script holding most letters of the text (its first 200,000 characters), "Latin"
/// when there are none. ASCII letters count as Latin in bulk; the rest (joined once the
/// ASCII is taken out) is split into script runs. CJK scripts are counted as one family
/// against the others, then the family's largest wins (ties: Hangul, Han, Kana); other
/// ties go to the script met first.
pub fn main_script(text: &str) -> &'static str {
    let text = match text.char_indices().nth(200_000) {
        Some((i, _)) => &text[..i],
        None => text,
    };
    let mut counts: Vec<(usize, usize)> = Vec::new(); // (script, characters), in order met
    let ascii_letters = text.bytes().filter(|b| b.is_ascii_alphabetic()).count();
    if ascii_letters > 0 {
        counts.push((0, ascii_letters));
    }
    if !text.is_ascii() {
        let rest: String = text.chars().filter(|c| !c.is_ascii()).collect();
        for (script, s, e) in script_runs(&rest) {
            let n = rest[s..e].chars().count();
            match counts.iter_mut().find(|(k, _)| *k == script) {
                Some(entry) => entry.1 += n,
                None => counts.push((script, n)),
            }
        }
    }
    if counts.is_empty() {
        return "Latin";
    }
    let get = |s: usize| counts.iter().find(|(k, _)| *k == s).map_or(0, |&(_, n)| n);
    let top = counts.iter().map(|&(_, n)| n).max().unwrap_or(0);
    let cjk = [1usize, 2, 3];
    if cjk.iter().map(|&s| get(s)).sum::<usize>() >= top {
        let best = cjk.iter().copied().fold(1, |b, s| if get(s) > get(b) { s } else { b });
        return SCRIPTS[best];
    }
    let best = counts.iter().fold(counts[0], |b, &x| if x.1 > b.1 { x } else { b });
    SCRIPTS[best.0]
}

const STOPWORDS: [(&str, &str); 10] = [
    ("en", "the and of to in a is that for it on was with as by at he she from are be this have has an not but they his her said were which will or their its"),
    ("id", "yang dan di ini itu dengan untuk dari dalam tidak akan pada adalah ke juga oleh karena sudah bisa telah ada mereka kami saat"),
    ("vi", "và của là có được trong cho các những này với một người không đã từ khi đến cũng như theo"),
    ("es", "el la de que y en los las del se por un una con para es al lo como más pero sus le ya"),
    ("pt", "o a de que e do da em um uma para com não os as no na se por mais dos das foi ao"),
    ("fr", "le la les de des et en un une du que est pour dans qui au sur pas par plus ce avec ne"),
    ("de", "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an"),
    ("it", "il di che e la per un in del non una sono le si con della al dei gli da è"),
    ("nl", "de het een en van in is dat op te zijn met voor niet aan er ook als"),
    ("tl", "ang ng sa mga na at ay si ni kay para hindi ito"),
];

/// Longer than any stopword: such a word needs no folding and no lookup.
const MAX_STOPWORD_BYTES: usize = 16;

/// For each stopword, the profiles (bits, in `STOPWORDS` order) it belongs to.
static STOPWORD_PROFILES: LazyLock<std::collections::HashMap<&'static str, u16>> = LazyLock::new(|| {
    let mut map = std::collections::HashMap::new();
    for (i, (_, list)) in STOPWORDS.iter().enumerate() {
        for w in list.split(' ') {
            *map.entry(w).or_insert(0u16) |= 1 << i;
        }
    }
    map
});

/// Best stopword profile for a Latin-script text ("en" when none reaches 5% of its
/// words): a cheap guess, enough to tell whose language a gambling word belongs to.
/// (Words are the letter runs of the case-folded text: folding never splits or joins
/// them, so only the short ones, which may be stopwords, are folded.)
pub fn latin_language(text: &str) -> &'static str {
    let head = match text.char_indices().nth(20_000) {
        Some((i, _)) => &text[..i],
        None => text,
    };
    // folding splits a word only at "İ" (into "i" and a combining dot): then fold it all
    let folded;
    let head = if head.contains('\u{130}') {
        folded = casefold(head);
        folded.as_str()
    } else {
        head
    };
    let mut counts = [0usize; STOPWORDS.len()];
    let mut n = 0usize;
    let mut word = String::new();
    for (a, b) in letter_runs(head) {
        n += 1;
        if b - a > MAX_STOPWORD_BYTES {
            continue;
        }
        word.clear();
        word.push_str(&head[a..b]);
        let key = if word.bytes().all(|x| x.is_ascii_lowercase()) { word.as_str() } else { &casefold(&word) };
        if let Some(&langs) = STOPWORD_PROFILES.get(key) {
            for (i, c) in counts.iter_mut().enumerate() {
                *c += (langs >> i & 1) as usize;
            }
        }
    }
    if n == 0 {
        return "en";
    }
    let best = (1..counts.len()).fold(0, |b, i| if counts[i] > counts[b] { i } else { b });
    if counts[best] as f64 >= 0.05 * n as f64 {
        STOPWORDS[best].0
    } else {
        "en"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_count_cjk_characters() {
        assert_eq!(words("Hello, world! don't"), vec!["Hello", "world", "don't"]);
        assert_eq!(words("LG電子が発表"), vec!["LG", "電", "子", "が", "発", "表"]);
        assert_eq!(word_count("日本語 text"), 4);
    }

    #[test]
    fn scripts_and_language() {
        assert_eq!(main_script("The city 카지노 council"), "Latin");
        assert_eq!(main_script("서울시는 십오일 한강 공원을"), "Hangul");
        assert_eq!(main_script(""), "Latin");
        assert_eq!(latin_language("Ini adalah berita yang dan di ini itu"), "id");
        assert_eq!(latin_language("the cat and the dog"), "en");
    }
}
