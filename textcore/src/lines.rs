//! A document as lines, each with every feature the line rules read, in one pass.
//!
//! Lines are the text between newlines that hold something besides whitespace; offsets
//! are in characters (Python string indices). The features are the rules' signals of
//! shape (words, sentence, prose), of furniture (word lists, copyright, navigation
//! separators, bylines, dates, credits, tag lists, reader address) and the hashed keys
//! the per-site statistics count (the line, its shapes, its "Label:" prefix, the title a
//! "Read more: <title>" line links to), each scoped to the document's site.

use std::sync::LazyLock;

use regex::Regex;
use xxhash_rust::xxh3::xxh3_64;

use crate::fold::{casefold, line_key, rstrip};
use crate::patterns::{first_words, LineStart, List, LEXICON};
use crate::pychar::{is_alnum, is_upper, strip};
use crate::shape::{prefix, shape_keys, URL};
use crate::words::{letter_runs, word_count};

pub const SENTENCE: u32 = 1;
pub const PROSE: u32 = 1 << 1;
pub const COPYRIGHT: u32 = 1 << 2;
pub const BYLINE: u32 = 1 << 3;
pub const DATE: u32 = 1 << 4;
pub const BY_NAME: u32 = 1 << 5;
pub const CREDIT: u32 = 1 << 6;
pub const TAG_LIST: u32 = 1 << 7;
pub const SELF_REF: u32 = 1 << 8;
pub const QUOTE: u32 = 1 << 9;
pub const HAS_URL: u32 = 1 << 10;
pub const ALNUM: u32 = 1 << 11;
pub const TABLE_ROW: u32 = 1 << 12;
pub const COPYRIGHT_SIGN: u32 = 1 << 13;
pub const ENDS_STOP: u32 = 1 << 14;
pub const RELATED_PREFIX: u32 = 1 << 15;
pub const RELATED_HEADING: u32 = 1 << 16;
pub const SITE_NAME: u32 = 1 << 17;
pub const PREFIX: u32 = 1 << 18;
pub const FLAG_NAMES: [(&str, u32); 19] = [
    ("SENTENCE", SENTENCE), ("PROSE", PROSE), ("COPYRIGHT", COPYRIGHT), ("BYLINE", BYLINE), ("DATE", DATE),
    ("BY_NAME", BY_NAME), ("CREDIT", CREDIT), ("TAG_LIST", TAG_LIST), ("SELF_REF", SELF_REF), ("QUOTE", QUOTE),
    ("HAS_URL", HAS_URL), ("ALNUM", ALNUM), ("TABLE_ROW", TABLE_ROW), ("COPYRIGHT_SIGN", COPYRIGHT_SIGN),
    ("ENDS_STOP", ENDS_STOP), ("RELATED_PREFIX", RELATED_PREFIX), ("RELATED_HEADING", RELATED_HEADING),
    ("SITE_NAME", SITE_NAME), ("PREFIX", PREFIX),
];

const PROSE_WORDS: usize = 10;
const THAI_PROSE_CHARS: usize = 25; // Thai writes no spaces between words: its letters count


/// `[.!?。！？…]['"”’»)\]]*\s*$`: ends like a sentence (a stop, then closing quotes and
/// brackets, then whitespace).
fn terminal(text: &str) -> bool {
    let end = text.trim_end_matches(|c: char| c.is_whitespace());
    let end = end.trim_end_matches(['\'', '"', '”', '’', '»', ')', ']']);
    end.ends_with(['.', '!', '?', '。', '！', '？', '…'])
}
static THAI: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\p{sc=Thai}").unwrap());
// "»" and "›" separate breadcrumbs ("Home » Sport") or end a link ("More »") after a
// space; glued to a word they close a quotation («Зенит», ›so‹), the language's own
// punctuation
static NAV: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:[|·•]|(?:^|\s)[›»]|\s[/>-]\s|\S\s{2,}\S)").unwrap());
const COPYRIGHT_WORDS: &str = "(?:copyright|hak cipta)";
static COPYRIGHT_LEAD: LazyLock<(LineStart, Regex)> = LazyLock::new(|| {
    (LineStart::new(COPYRIGHT_WORDS), Regex::new(&format!(r"(?i)^\W*{COPYRIGHT_WORDS}\b")).unwrap())
});
const BYLINE_WORDS: &str = "(?:by|von|por|par|oleh|door|di|da|de|av|af|автор|posted|published|updated|last updated|written|reporting|reported|words|text|story|staff|redaksi|penulis|reportage|escrito|publicado|actualizado|veröffentlicht|aktualisiert|mis à jour)";
static BYLINE_RX: LazyLock<(LineStart, Regex)> = LazyLock::new(|| {
    (LineStart::new(BYLINE_WORDS), Regex::new(&format!(r"(?i)^\W*{BYLINE_WORDS}\b")).unwrap())
});
static DATE_RX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b\d{4}-\d{1,2}-\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?\b|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b|\b\d{1,2}:\d{2}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|januar|februar|märz|mai|juni|juli|oktober|dezember|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|janvier|février|avril|juin|juillet|août|septembre|octobre|novembre|décembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|dezembro|januari|februari|maret|mei|agustus|desember)\w*\.?\s+\d{1,2}\b|\b\d{1,2}\.?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|januar|märz|mai|juni|juli|oktober|dezember|enero|marzo|abril|mayo|junio|julio|agosto|janvier|février|mars|avril|juin|juillet|août|janeiro|março|maio|junho|julho|mei|agustus)\w*\b|\b\d+\s*(?:min|mins|minutes?|hours?|hrs?|days?)\s+(?:read|ago)\b|\b(?:reading time|lesezeit|tiempo de lectura|tempo de leitura|temps de lecture|waktu baca)\b|\b\d{4}年\d{1,2}月|\d{4}\.\s?\d{1,2}\.\s?\d{1,2}").unwrap()
});
// every date the pattern above finds holds a digit, or one of these words
static DATE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)reading time|lesezeit|tiempo de lectura|tempo de leitura|temps de lecture|waktu baca").unwrap()
});
const CREDIT_WORDS: &str = "(?:(?:header |cover |lead |top )?(?:photo|photos|image|images|picture|pic|illustration|graphic|video)|credit|credits|source|courtesy|foto|fotos|imagen|bild|ilustración|ilustração|gambar|ảnh|фото|사진|写真|图)";
static CREDIT_RX: LazyLock<(LineStart, Regex)> = LazyLock::new(|| {
    (LineStart::new(CREDIT_WORDS), Regex::new(&format!(r"(?i)^\W*{CREDIT_WORDS}\b[^.!?]{{0,100}}$")).unwrap())
});
static TAG_LIST_RX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\W*\p{L}[\p{L}\p{M}' -]{1,24}\s*[:：]\s*[^.!?,]{1,40}(?:\s*[,;·|]\s*[^.!?,;·|]{1,40}){2,}$").unwrap()
});
static BY_NAME_RX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\W*\p{L}{2,4}\s+\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){0,2}(?:\s*[,|·•–—-]|\s+\p{Ll}{2,3}\s+\p{Lu}|\s*$)").unwrap()
});
static QUOTE_RX: LazyLock<Regex> = LazyLock::new(|| Regex::new(r#"[“”"«»„]"#).unwrap());
const RELATED_LABEL: &str = r"(?:related(?: posts?| articles?| stories| story| news| content| coverage| reading)?|you may also like|you might also like|recommended(?: for you| reading)?|more (?:from|on|stories|news)\b.*|more|see more|read (?:more|next|also)|see also|also read|also see|also|don'?t miss|must read|popular(?: posts| stories)?|trending(?: now)?|latest(?: news| posts)?|top stories|post navigation|more in \w+|most (?:read|popular|viewed|shared)|meistgelesen|les plus lus|lo más leído|mais lidas|самое читаемое|많이 본 ?(?:뉴스|기사)|인기 ?기사|推荐阅读|热门(?:文章|新闻)|人気記事|よく読まれている記事|siehe auch|mehr zum thema|auch interessant|das könnte sie auch interessieren|lesen sie auch|ver tambi[eé]n|te puede interesar|noticias relacionadas|lee también|lire aussi|à lire aussi|voir aussi|sur le même sujet|leia (?:mais|também)|veja também|not[ií]cias relacionadas|baca juga|lihat juga|berita terkait|artikel terkait|xem thêm|tin liên quan|bài viết liên quan|читайте также|смотрите также|(?:ещё|еще) по теме|по теме|관련 ?기사|관련 ?뉴스|추천 ?기사|関連記事|関連ニュース|相关阅读|相关新闻|延伸阅读)";
static RELATED_START: LazyLock<LineStart> = LazyLock::new(|| LineStart::new(RELATED_LABEL));
static RELATED_HEADING_RX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)^{RELATED_LABEL}\W*$")).unwrap());
static RELATED_PREFIX_RX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)^\W{{0,2}}{RELATED_LABEL}\s*[:：»›|–—-]\s*\S")).unwrap());

fn gated(gate: &(LineStart, Regex), first: &str, line: &str) -> bool {
    gate.0.may_match(first) && gate.1.is_match(line)
}

/// A line that reads as a sentence: ends like one and has 4 words or more.
pub fn is_sentence(line: &str) -> bool {
    terminal(line) && word_count(line) >= 4
}

/// Whether the URL pattern can match: it needs "http" or "www." in any case.
fn may_hold_url(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memmem::find_iter(b, b"://").next().is_some() || b.windows(4).any(|w| w.eq_ignore_ascii_case(b"www."))
}

/// Site-scoped key hashes, as the per-site tables store them: xxh3 of "kind␟site␟key".
pub fn key_hash(kind: &str, site: Option<&str>, key: &str) -> u64 {
    let mut buf = String::with_capacity(kind.len() + key.len() + site.map_or(0, str::len) + 2);
    buf.push_str(kind);
    buf.push('\u{1f}');
    if let Some(site) = site {
        buf.push_str(site);
        buf.push('\u{1f}');
    }
    buf.push_str(key);
    xxh3_64(buf.as_bytes())
}

/// The site's name as letters only ("coastlinedaily" for coastlinedaily.net), or "".
pub fn site_label(source: &str) -> String {
    let parts: Vec<&str> = source.split('.').collect();
    let label = if parts.len() <= 2 { parts[0] } else { parts[parts.len() - 2] };
    let letters = letters_only(label);
    if letters.chars().count() >= 5 { letters } else { String::new() }
}

fn letters_only(text: &str) -> String {
    casefold(text).chars().filter(|&c| is_alnum(c)).collect()
}

#[derive(Debug, Default, Clone)]
pub struct LineFeat {
    pub start: usize, // characters
    pub end: usize,
    pub key: String,
    pub n_words: u32,
    pub flags: u32,
    pub furniture: u32,
    pub weak: u32,
    pub nav: u32,
    pub site_talk: u32,
    pub address: u32,
    pub caps_words: u32,
    pub long_words: u32,
    pub long_caps: u32,
    pub h_line: u64,    // "L": the line
    pub h_cross: u64,   // "X": the line, across sites
    pub h_shapes: Vec<u64>,
    pub h_prefix: u64,  // "P": its label (0: none)
    pub h_linked: u64,  // "L" of the text after its label (0: none, or nothing after it)
    pub h_linked_cross: u64,
}

/// Per-document settings of the line features.
pub struct DocSite<'a> {
    pub site: &'a str,
    pub label: &'a str,
    pub max_shape_words: usize,
}

/// Every non-blank line of `text` with its features.
pub fn lines(text: &str, doc: &DocSite) -> Vec<LineFeat> {
    let cands = LEXICON.candidates(text);
    let mut out = Vec::new();
    let (mut byte, mut chars) = (0usize, 0usize);
    for raw in text.split('\n') {
        let n_chars = raw.chars().count();
        if !strip(raw).is_empty() {
            out.push(line(text, raw, byte, chars, n_chars, doc, &cands));
        }
        byte += raw.len() + 1;
        chars += n_chars + 1;
    }
    out
}

fn line(text: &str, raw: &str, byte: usize, chars: usize, n_chars: usize, doc: &DocSite,
        cands: &crate::patterns::Candidates) -> LineFeat {
    let (a, b) = (byte, byte + raw.len());
    let n_words = word_count(raw);
    let mut flags = 0u32;
    let mut set = |bit: u32, on: bool| {
        if on {
            flags |= bit;
        }
    };
    let sentence = n_words >= 4 && terminal(raw);
    set(SENTENCE, sentence);
    set(PROSE, sentence && (n_words >= PROSE_WORDS || THAI.find_iter(raw).count() >= THAI_PROSE_CHARS));
    let first = first_words(raw);
    let copyright = LEXICON.found(List::Copyright, cands, text, a, b) || gated(&COPYRIGHT_LEAD, &first, raw);
    set(COPYRIGHT, copyright);
    let byline = gated(&BYLINE_RX, &first, raw);
    set(BYLINE, byline);
    // a date only matters in a short line that is a byline or no sentence
    if n_words <= 14 && (byline || !sentence) && (raw.chars().any(|c| c.is_numeric()) || DATE_WORDS.is_match(raw)) {
        set(DATE, DATE_RX.is_match(raw));
    }
    set(BY_NAME, byline && BY_NAME_RX.is_match(raw));
    set(CREDIT, gated(&CREDIT_RX, &first, raw));
    set(TAG_LIST, n_words <= 16 && raw.contains([':', '：']) && TAG_LIST_RX.is_match(raw));
    set(SELF_REF, LEXICON.found(List::SelfRef, cands, text, a, b));
    set(QUOTE, QUOTE_RX.is_match(raw));
    let urls = may_hold_url(raw);
    set(HAS_URL, urls && URL.is_match(raw));
    set(ALNUM, raw.chars().any(is_alnum));
    set(TABLE_ROW, raw.trim_start_matches(crate::pychar::is_space).starts_with('|'));
    set(COPYRIGHT_SIGN, raw.contains('©'));
    set(ENDS_STOP, rstrip(raw).ends_with('.'));
    let related = RELATED_START.may_match(&first);
    set(RELATED_PREFIX, related && RELATED_PREFIX_RX.is_match(raw));
    set(SITE_NAME, !doc.label.is_empty() && !sentence && letters_only(raw).contains(doc.label));
    let key = line_key(raw);
    set(RELATED_HEADING, RELATED_START.may_match(&first_words(&key)) && RELATED_HEADING_RX.is_match(&key));
    let (mut caps, mut long, mut long_caps) = (0, 0, 0);
    for (a, b) in letter_runs(raw) {
        let w = &raw[a..b];
        let up = w.chars().next().is_some_and(is_upper);
        caps += up as u32;
        if w.chars().count() > 3 {
            long += 1;
            long_caps += up as u32;
        }
    }
    let nav_text = if urls { URL.replace_all(strip(raw), " ") } else { std::borrow::Cow::Borrowed(strip(raw)) };
    let site = Some(doc.site);
    let mut f = LineFeat {
        start: chars,
        end: chars + n_chars,
        n_words: n_words as u32,
        furniture: LEXICON.count(List::Furniture, cands, text, a, b) as u32,
        weak: if n_words <= 6 { LEXICON.count(List::WeakFurniture, cands, text, a, b) as u32 } else { 0 },
        nav: NAV.find_iter(&nav_text).count() as u32,
        site_talk: LEXICON.count(List::SiteTalk, cands, text, a, b) as u32,
        address: LEXICON.count(List::Address, cands, text, a, b) as u32,
        caps_words: caps,
        long_words: long,
        long_caps,
        h_line: key_hash("L", site, &key),
        h_cross: key_hash("X", None, &key),
        ..Default::default()
    };
    if let Some((label, linked)) = prefix(raw) {
        flags |= PREFIX;
        f.h_prefix = key_hash("P", site, &label);
        if !linked.is_empty() {
            f.h_linked = key_hash("L", site, &linked);
            f.h_linked_cross = key_hash("X", None, &linked);
        }
    }
    if n_words <= doc.max_shape_words {
        f.h_shapes = shape_keys(raw).iter().map(|k| key_hash("S", site, k)).collect();
    }
    f.flags = flags;
    f.key = key;
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feats(text: &str) -> Vec<LineFeat> {
        lines(text, &DocSite { site: "example.com", label: "example", max_shape_words: 14 })
    }

    #[test]
    fn offsets_are_characters_and_blank_lines_are_skipped() {
        let f = feats("Über uns\n\n  \nZweite Zeile hier.");
        assert_eq!(f.len(), 2);
        assert_eq!((f[0].start, f[0].end, f[1].start), (0, 8, 13));
        assert_eq!(f[0].key, "über uns");
    }

    #[test]
    fn furniture_and_shape() {
        let f = feats("Share this article\nBy Ana Ruiz, Staff Writer\n© 2024 Example Media | All rights reserved\nThe council met on Tuesday to approve the new ferry timetable for the harbour.");
        assert_eq!(f[0].furniture, 1);
        assert!(f[1].flags & BYLINE != 0 && f[1].flags & BY_NAME != 0 && !f[1].h_shapes.is_empty());
        assert!(f[2].flags & COPYRIGHT != 0 && f[2].flags & COPYRIGHT_SIGN != 0 && f[2].flags & SITE_NAME != 0);
        assert!(f[3].flags & PROSE != 0 && f[3].flags & SENTENCE != 0);
        assert_eq!(site_label("www.coastlinedaily.net"), "coastlinedaily");
        assert_eq!(site_label("bbc.co.uk"), "");
    }

    #[test]
    fn guillemets_closing_a_quote_are_no_navigation() {
        let f = feats("Home » Sport » Football\n«Зенит» – «Спартак» 2:1\nLire la suite »");
        assert_eq!((f[0].nav, f[1].nav, f[2].nav), (2, 0, 1));
    }
}
