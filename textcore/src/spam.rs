//! Injected spam, found by structure first (glued to a word, inserted mid-phrase in another
//! script, a URL standing between sentences) with gambling vocabulary as a second signal.
//!
//! Legitimate foreign-script text stays: a name quoted or glossed in a sentence ("known as
//! 아이유 (IU)"), a whole Korean or Japanese article (its own script is never foreign), a
//! real URL inside a sentence. These rules work on characters (`&[char]`): their offsets
//! and lengths are Python string indices, as the removals record them.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::Regex;

use crate::fold::casefold;
use crate::url::url_host;
use crate::pychar::{is_alnum, is_alpha, is_space};
use crate::shape::URL;
use crate::words::{script_runs, SCRIPTS};

/// Gambling vocabulary in scripts without spaces: found as substrings.
pub const SPAM_CJK: [&str; 67] = [
    "토토", "카지노", "바카라", "슬롯", "먹튀", "메이저사이트", "메이저놀이터", "안전놀이터", "사설놀이터", "검증놀이터",
    "토토사이트", "안전사이트", "배팅", "베팅", "홀덤", "파워볼", "릴게임", "꽁머니", "룰렛", "잭팟", "도박", "경마",
    "스포츠분석", "온라인카지노", "라이브카지노", "赌场", "赌博", "博彩", "娱乐城", "百家乐", "老虎机", "投注", "下注",
    "真人荷官", "时时彩", "六合彩", "賭場", "賭博", "博弈", "棋牌", "彩金", "网赌", "網賭", "体育博彩", "线上赌",
    "線上賭", "カジノ", "パチンコ", "パチスロ", "スロット", "ブックメーカー", "オンカジ", "ギャンブル", "競馬予想",
    "คาสิโน", "สล็อต", "บาคาร่า", "แทงบอล", "พนัน", "เว็บตรง", "เครดิตฟรี", "ฝากถอน", "หวยออนไลน์", "казино",
    "букмекер", "игровые автоматы", "ставки на спорт",
];

/// Latin-script gambling terms with the language they belong to ("*": spam anywhere).
pub const SPAM_LATIN: [(&str, &str); 54] = [
    ("gacor", "*"), ("maxwin", "*"), ("sbobet", "*"), ("togel", "id"), ("judi", "id"), ("taruhan", "id"),
    ("slot88", "*"), ("situs slot", "id"), ("slot online", "*"), ("situs judi", "id"), ("agen judi", "id"),
    ("bandar togel", "id"), ("link alternatif", "id"), ("deposit pulsa", "id"), ("rtp slot", "*"),
    ("pola gacor", "id"), ("scatter hitam", "id"), ("akun pro", "id"), ("bocoran slot", "id"), ("judi bola", "id"),
    ("cá cược", "vi"), ("nhà cái", "vi"), ("nổ hũ", "vi"), ("tài xỉu", "vi"), ("đánh bạc", "vi"), ("cá độ", "vi"),
    ("lô đề", "vi"), ("kèo nhà cái", "vi"), ("soi kèo", "vi"), ("casino trực tuyến", "vi"), ("bắn cá", "vi"),
    ("game bài", "vi"), ("online casino", "*"), ("casino online", "*"), ("free spins", "*"),
    ("no deposit bonus", "*"), ("sportsbook", "*"), ("bet365", "*"), ("1xbet", "*"), ("tragamonedas", "es"),
    ("casino en línea", "es"), ("cassino online", "pt"), ("apostas esportivas", "pt"), ("sabung ayam", "id"),
    ("toto macau", "*"), ("toto sgp", "*"), ("slot demo", "*"), ("mahjong ways", "*"), ("pragmatic play", "*"),
    ("zeus slot", "*"), ("spaceman slot", "*"), ("hoki", "id"), ("jackpot slot", "*"), ("kasino", "*"),
];

/// Words that join a spam run without starting one ("slot gacor hari ini").
pub const SPAM_GLUE: [&str; 45] = [
    "slot", "online", "situs", "link", "daftar", "terpercaya", "terbaik", "hari", "ini", "resmi", "gampang", "menang",
    "uy", "tín", "trực", "tuyến", "uy tín", "casino", "bet", "poker", "bonus", "deposit", "gratis", "terbaru", "login",
    "alternatif", "vip", "top", "88", "77", "99", "365", "hôm", "nay", "2024", "2025", "2026", "thưởng", "tặng", "miễn",
    "phí", "jackpot", "spin", "baccarat", "roulette",
];

const SPAM_HOST: [&str; 20] = [
    "toto", "casino", "kasino", "slot", "gacor", "judi", "togel", "poker", "baccarat", "jackpot", "sbobet", "bandar",
    "maxwin", "nhacai", "cacuoc", "meoktwi", "muktwi", "totosite", "카지노", "토토",
];
static SPAM_TLD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\.(?:xyz|top|club|vip|bet|casino|win|icu|buzz|fun|cc|lol|live|monster)(?:[/:]|$)").unwrap()
});
static ODD_HOST: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[a-z]\d{2,}|\d{2,}[a-z]|-\d+\.").unwrap());
static FOREIGN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[\p{sc=Hangul}\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}]").unwrap());

const OPEN: &str = "\"'“‘«「『【〈《([（［";
const CLOSE: &str = "\"'”’»」』】〉》)]）］";
const FOREIGN_SCRIPTS: [&str; 4] = ["Hangul", "Han", "Kana", "Thai"];

fn punct(c: char) -> bool {
    OPEN.contains(c) || CLOSE.contains(c) || ",.;:!?".contains(c)
}

/// A script in which runs of another script are foreign (alphabetic writing, with spaces).
pub fn alphabetic(script: &str) -> bool {
    !FOREIGN_SCRIPTS.contains(&script)
}

/// Hangul, Han, Hiragana, Katakana or Thai (by Script), table-driven for the BMP.
pub fn is_foreign_char(c: char) -> bool {
    static TABLE: LazyLock<Vec<u64>> = LazyLock::new(|| {
        let mut bits = vec![0u64; 0x10000 / 64];
        let mut buf = [0u8; 4];
        for cp in 0x0E00u32..0x10000 {
            if let Some(ch) = char::from_u32(cp) {
                if FOREIGN.is_match(ch.encode_utf8(&mut buf)) {
                    bits[(cp / 64) as usize] |= 1 << (cp % 64);
                }
            }
        }
        bits
    });
    let cp = c as u32;
    if cp < 0x0E00 {
        false
    } else if cp < 0x10000 {
        TABLE[(cp / 64) as usize] >> (cp % 64) & 1 == 1
    } else {
        FOREIGN.is_match(c.encode_utf8(&mut [0u8; 4]))
    }
}

/// A list of terms found case-insensitively: candidates from an automaton over the folded
/// text, each confirmed by a case-insensitive regex of its own (simple case folding, as
/// the regex engines match; full folding only proposes).
struct Terms {
    ac: AhoCorasick,
    any: AhoCorasick, // the same terms, searched leftmost: a fast "is there any" first
    rx: Vec<Regex>,
}

impl Terms {
    fn new(terms: &[&str]) -> Terms {
        let folded: Vec<String> = terms.iter().map(|t| casefold(t)).collect();
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(&folded)
            .expect("terms build");
        let any = AhoCorasickBuilder::new().match_kind(MatchKind::LeftmostFirst).build(&folded).expect("terms build");
        let rx = terms.iter().map(|t| Regex::new(&format!("(?i)^{}", regex::escape(t))).unwrap()).collect();
        Terms { ac, any, rx }
    }

    /// (start, end, term) in chars of every place a term matches, in order of start, then
    /// of the term's index.
    fn at(&self, text: &[char]) -> Vec<(usize, usize, usize)> {
        let s: String = text.iter().collect();
        self.at_str(&s, &crate::fold::Folded::new(&s))
    }

    fn at_str(&self, s: &str, folded: &crate::fold::Folded) -> Vec<(usize, usize, usize)> {
        if !self.any.is_match(&folded.text) {
            return Vec::new();
        }
        let mut hits: Vec<(usize, usize, usize)> = Vec::new(); // bytes
        for m in self.ac.find_overlapping_iter(&folded.text) {
            let start = folded.original(m.start());
            if let Some(hit) = self.rx[m.pattern().as_usize()].find(&s[start..]) {
                hits.push((start, start + hit.end(), m.pattern().as_usize()));
            }
        }
        if hits.is_empty() {
            return hits;
        }
        let byte_to_char = char_index(s);
        let mut out: Vec<_> = hits.into_iter().map(|(a, b, t)| (byte_to_char(a), byte_to_char(b), t)).collect();
        out.sort_by_key(|&(a, _, t)| (a, t));
        out.dedup();
        out
    }
}

/// Byte offsets of `s` (at character boundaries) to character offsets, in O(1) each.
pub fn char_index(s: &str) -> impl Fn(usize) -> usize + '_ {
    let table: Option<Vec<u32>> = if s.is_ascii() {
        None
    } else {
        let mut t = vec![0u32; s.len() + 1];
        let mut n = 0u32;
        for (i, c) in s.char_indices() {
            for j in 0..c.len_utf8() {
                t[i + j] = n;
            }
            n += 1;
        }
        t[s.len()] = n;
        Some(t)
    };
    move |byte| table.as_ref().map_or(byte, |t| t[byte] as usize)
}

static CJK_TERMS: LazyLock<(Terms, Vec<usize>)> = LazyLock::new(|| {
    // the pattern tries longer terms first
    let mut order: Vec<usize> = (0..SPAM_CJK.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(SPAM_CJK[i].chars().count()));
    let terms: Vec<&str> = order.iter().map(|&i| SPAM_CJK[i]).collect();
    (Terms::new(&terms), order)
});
static LATIN_TERMS: LazyLock<(Terms, Vec<usize>)> = LazyLock::new(|| {
    let mut order: Vec<usize> = (0..SPAM_LATIN.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(SPAM_LATIN[i].0.chars().count()));
    let terms: Vec<&str> = order.iter().map(|&i| SPAM_LATIN[i].0).collect();
    (Terms::new(&terms), order)
});

fn letter_or_digit(c: char) -> bool {
    is_alnum(c)
}

/// Non-overlapping matches of the gambling terms in CJK and other scripts, leftmost,
/// longest term first: (start, end) in chars.
pub fn cjk_matches(text: &[char]) -> Vec<(usize, usize)> {
    // every term is in a script without ASCII letters (Hangul, Han, Kana, Thai, Cyrillic)
    if text.iter().all(|c| c.is_ascii()) {
        return Vec::new();
    }
    cjk_from(CJK_TERMS.0.at(text))
}

fn cjk_from(cands: Vec<(usize, usize, usize)>) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut last = 0;
    for (a, b, _) in cands {
        if a >= last {
            out.push((a, b));
            last = b;
        }
    }
    out
}

/// Non-overlapping matches of the Latin-script gambling terms, each not preceded by a
/// letter or digit and not followed by a letter: (start, end, term index in SPAM_LATIN).
pub fn latin_matches(text: &[char]) -> Vec<(usize, usize, usize)> {
    latin_from(text, LATIN_TERMS.0.at(text))
}

fn latin_from(text: &[char], cands: Vec<(usize, usize, usize)>) -> Vec<(usize, usize, usize)> {
    let order = &LATIN_TERMS.1;
    let mut out = Vec::new();
    let mut last = 0;
    let mut i = 0;
    while i < cands.len() {
        let a = cands[i].0;
        let group: Vec<_> = cands[i..].iter().take_while(|c| c.0 == a).copied().collect();
        i += group.len();
        if a < last || (a > 0 && letter_or_digit(text[a - 1])) {
            continue;
        }
        if let Some(&(_, b, t)) = group.iter().find(|&&(_, b, _)| !text.get(b).is_some_and(|&c| is_alpha(c))) {
            out.push((a, b, order[t]));
            last = b;
        }
    }
    out
}

fn folded_str(chars: &[char]) -> String {
    casefold(&chars.iter().collect::<String>())
}

fn is_glue(word: &str) -> bool {
    SPAM_GLUE.contains(&word)
}

/// Is `word` exactly one Latin gambling term (case-insensitive)?
fn is_latin_term(word: &[char]) -> bool {
    let m = latin_matches(word);
    m.iter().any(|&(a, b, _)| a == 0 && b == word.len())
}

/// Widen a Latin gambling term at a..b by the spam words chained to it, before and after.
pub fn extend(text: &[char], mut a: usize, mut b: usize) -> (usize, usize) {
    loop {
        // a word, then one space, at the end of the 40 characters before a
        let lo = a.saturating_sub(40);
        if a == lo || text[a - 1] != ' ' {
            break;
        }
        let mut s = a - 1;
        while s > lo && letter_or_digit(text[s - 1]) {
            s -= 1;
        }
        if s == a - 1 || !is_glue(&folded_str(&text[s..a - 1])) {
            break;
        }
        a = s;
    }
    loop {
        if text.get(b) != Some(&' ') {
            break;
        }
        let mut e = b + 1;
        while e < text.len() && letter_or_digit(text[e]) {
            e += 1;
        }
        let word = &text[b + 1..e];
        if word.is_empty() || !(is_glue(&folded_str(word)) || is_latin_term(word)) {
            break;
        }
        b = e;
    }
    (a, b)
}

/// Widen a removed run by one neighbouring space so no double space is left.
pub fn with_space(text: &[char], a: usize, b: usize) -> (usize, usize) {
    if a > 0 && text[a - 1] == ' ' {
        (a - 1, b)
    } else if b < text.len() && text[b] == ' ' {
        (a, b + 1)
    } else {
        (a, b)
    }
}

const BRACKETS: [(char, char); 4] = [('(', ')'), ('[', ']'), ('（', '）'), ('【', '】')];

/// Widen spam at a..b to its whole bracketed group when the group holds little else
/// ("walk (rtp slot live) together"): what is left in it is the spam's own filler.
pub fn spam_bracket(text: &[char], a: usize, b: usize) -> (usize, usize) {
    let line_start = text[..a].iter().rposition(|&c| c == '\n').map_or(0, |i| i + 1);
    let Some(o) = (line_start..a).rev().find(|&i| BRACKETS.iter().any(|&(op, _)| op == text[i])) else {
        return (a, b);
    };
    if text[o + 1..a].iter().any(|&c| BRACKETS.iter().any(|&(_, cl)| cl == c)) {
        return (a, b);
    }
    let close_char = BRACKETS.iter().find(|&&(op, _)| op == text[o]).unwrap().1;
    let Some(close) = text[b..].iter().position(|&c| c == close_char).map(|i| b + i) else {
        return (a, b);
    };
    let line_end = text[b..].iter().position(|&c| c == '\n').map(|i| b + i);
    if line_end.is_some_and(|e| e < close) || text[b..close].contains(&text[o]) {
        return (a, b);
    }
    let spam_words = split_ws(&text[a..b]).len();
    let mut inside: Vec<char> = text[o + 1..a].to_vec();
    inside.push(' ');
    inside.extend_from_slice(&text[b..close]);
    let rest: Vec<String> = split_ws(&inside)
        .into_iter()
        .map(|w| folded_str(strip_punct(w)))
        .filter(|w| !w.is_empty())
        .collect();
    let glue = rest.iter().filter(|w| is_glue(w)).count();
    let other = rest.len() - glue;
    if other <= 3 && other < spam_words + glue {
        return (o, close + 1);
    }
    (a, b)
}

/// `str.split()` over chars.
pub fn split_ws(text: &[char]) -> Vec<&[char]> {
    text.split(|&c| is_space(c)).filter(|w| !w.is_empty()).collect()
}

fn strip_punct(w: &[char]) -> &[char] {
    let a = w.iter().position(|&c| !punct(c)).unwrap_or(w.len());
    let b = w.iter().rposition(|&c| !punct(c)).map_or(a, |i| i + 1);
    &w[a..b.max(a)]
}

fn spam_host(host: &str) -> bool {
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
/// What a whole text holds of spam's raw material, found in one pass of each kind: the
/// Latin gambling terms, the other-script ones, the URLs (character offsets).
pub struct Scan {
    pub latin: Vec<(usize, usize, usize)>,
    pub cjk: Vec<(usize, usize)>,
    pub urls: Vec<(usize, usize)>,
}

impl Scan {
    pub fn of(text: &[char]) -> Scan {
        Scan::of_str(text, &text.iter().collect::<String>())
    }

    /// `s`: `text` as a string.
    pub fn of_str(text: &[char], s: &str) -> Scan {
        let folded = crate::fold::Folded::new(s);
        let latin = latin_from(text, LATIN_TERMS.0.at_str(s, &folded));
        let cjk = if s.is_ascii() { Vec::new() } else { cjk_from(CJK_TERMS.0.at_str(s, &folded)) };
        Scan { latin, cjk, urls: url_matches_str(s) }
    }
}

pub fn url_matches(text: &[char]) -> Vec<(usize, usize)> {
    url_matches_str(&text.iter().collect::<String>())
}

fn url_matches_str(s: &str) -> Vec<(usize, usize)> {
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

/// The whitespace-separated tokens: (start, end) in chars.
pub fn tokens(text: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < text.len() {
        if text[i].is_whitespace() {
            i += 1;
            continue;
        }
        let s = i;
        while i < text.len() && !text[i].is_whitespace() {
            i += 1;
        }
        out.push((s, i));
    }
    out
}

/// Every script run of the token is Hangul, Han, Kana or Thai (and it has one).
pub fn foreign_only(tok: &[char]) -> bool {
    if !tok.iter().any(|&c| is_foreign_char(c)) {
        return false;
    }
    let s: String = tok.iter().collect();
    let runs = script_runs(&s);
    !runs.is_empty() && runs.iter().all(|&(sc, _, _)| FOREIGN_SCRIPTS.contains(&SCRIPTS[sc]))
}

/// Share of a line's letters and digits that are spam vocabulary, spam URLs or foreign
/// words (foreign words count beside spam, never alone).
pub fn spam_coverage(line: &[char], script: &str) -> f64 {
    let letters = line.iter().filter(|&&c| is_alnum(c)).count();
    if letters == 0 {
        return 0.0;
    }
    let alnum = |s: &[char]| s.iter().filter(|&&c| is_alnum(c)).count();
    let mut covered = 0;
    for (a, b) in url_matches(line) {
        let raw: String = line[a..b].iter().collect();
        if spam_url(line, a, b) || spam_host(&url_host(&raw)) {
            covered += alnum(&line[a..b]);
        }
    }
    covered += cjk_matches(line).iter().map(|&(a, b)| alnum(&line[a..b])).sum::<usize>();
    for (a, b, _) in latin_matches(line) {
        let (a, b) = extend(line, a, b);
        covered += alnum(&line[a..b]);
    }
    if covered > 0 && alphabetic(script) {
        for (a, b) in tokens(line) {
            let t = &line[a..b];
            if foreign_only(t) && cjk_matches(t).is_empty() {
                covered += alnum(t) / 2;
            }
        }
    }
    covered as f64 / letters as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn terms_and_hosts() {
        let t = chars("Try SLOT GACOR hari ini at the harbour");
        let m = latin_matches(&t);
        assert_eq!(m.len(), 1);
        let (a, b) = extend(&t, m[0].0, m[0].1);
        assert_eq!(t[a..b].iter().collect::<String>(), "SLOT GACOR hari ini");
        assert!(latin_matches(&chars("gacorx")).is_empty());
        assert_eq!(url_host("https://User@WWW.Casino88.top:8080/x"), "www.casino88.top");
        assert!(spam_host("totosite.com") && spam_host("mybet.io") && !spam_host("alphabeta.org"));
        assert_eq!(cjk_matches(&chars("a 온라인카지노 b")), vec![(2, 8)]);
    }

    #[test]
    fn coverage() {
        assert!(spam_coverage(&chars("메이저놀이터 안전놀이터 추천 https://totosite.xyz"), "Latin") > 0.5);
        assert_eq!(spam_coverage(&chars("The council met on Tuesday."), "Latin"), 0.0);
    }
}
