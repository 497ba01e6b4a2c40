//! Word-list patterns, found with one multi-pattern scan per document.
//!
//! Each word list is a case-insensitive regex whose every match starts with one of a few
//! literal heads ("share ", "spread the love", "©"); the heads of every list go into one
//! Aho-Corasick automaton that runs once over the case-folded document, and a list's
//! regex is tried only where one of its heads starts, anchored there. Why: with Unicode
//! word boundaries the regex engines' fast automata give up on non-ASCII text (a line with
//! a curly quote), and scanning a 150-word alternation there costs ~180 µs a line; the
//! heads make it a few anchored attempts per document. The heads are derived from each
//! pattern by `regex-syntax`'s literal extractor, so they cannot drift from the pattern.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind};
use regex_automata::meta::Regex;
use regex_automata::{Anchored, Input};
use regex_syntax::hir::literal::Extractor;

use crate::fold::{casefold, Folded};

/// The word lists a line feature counts, in the order of `LIST_PATTERNS`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(usize)]
pub enum List {
    Furniture,
    WeakFurniture,
    SiteTalk,
    Address,
    SelfRef,
    Copyright,
}

const FURNITURE: &str = r"\b(?:share (?:this|on|via)|shares?:|spread the love|share the love|sharing is caring|tweet|subscribe|subscription|newsletters?|sign ?up|signing up|signup|log ?in|contributed (?:reporting|to this)|sign in|create an account|register|follow us|follow (?:\w+ ){0,6}on|like us|comments?|leave a reply|folgen sie uns|folge uns|siga-nos|síguenos|siguenos|suivez-nous|seguici|volg ons|ikuti kami|следите за нами|подписывайтесь|reply|cookies?|privacy policy|e-?mail address|required fields|will not be published|terms of (?:use|service)|advertisements?|advertising|sponsored|promoted|read more|continue reading|read next|more stories|see also|you may also like|you might also like|inbox|click|tap here|download (?:our|the) app|all rights reserved|copyright|reproduction|loading\.*|skip to|filed under|originally (?:appeared|published)|appeared (?:first )?on|republished|anzeige|werbung|teilen|abonnieren|kommentar\w*|weiterlesen|mehr zum thema|auch interessant|siehe auch|publicidad|compartir|suscr[ií]bete|comentarios?|leer m[aá]s|ver tambi[eé]n|publicit[eé]|partager|abonnez|commentaires?|lire aussi|à lire aussi|voir aussi|publicidade|compartilhe|assine|leia mais|leia também|veja também|iklan|bagikan|berlangganan|baca juga|baca selengkapnya|lihat juga|komentar|quảng cáo|chia sẻ|xem thêm|đọc thêm|bình luận|реклама|поделиться|подписаться|читайте также|читать далее|комментари\w*|광고|공유|구독|댓글|관련 ?기사|더보기|広告|シェア|購読|コメント|関連記事|続きを読む|广告|分享|订阅|评论|相关阅读|相关新闻|阅读更多)\b";
const WEAK_FURNITURE: &str = r"\b(?:share|follow|like|email|e-mail|print|menu|search|home|navigation|previous|next|tags?|categories|topics|photo|image|credit|related|recommended|popular|trending|latest|ad|ads|app|foto|bild|imagen|gambar|фото|사진|写真)\b";
const SITE_TALK: &str = r"\b(?:website|site|page|app|browser|cookies?|newsletter|inbox|subscri\w+|account|device|consent|preferences|accept|navigation|experience|notifications?|e-?mail|sign(?:ed)? ?up|log ?in|ad ?blocker|webseite|sitio|página|navegador|boletín|site web|navigateur|situs|laman|сайт)\b";
const ADDRESS: &str = r"\b(?:you|your|yours|we|our|us|sie|ihr|ihre|unser\w*|usted|tu|tus|nuestr\w+|vous|votre|vos|nous|notre|nos|você|seu|sua|nosso|nossa|anda|kami|kita|вы|ваш\w*|мы|наш\w*)\b";
const SELF_REF: &str = r"\b(?:this|our) (?:article|story|post|page|site|website|report)\b|\b(?:dieser|diesen) (?:artikel|beitrag)|\beste (?:artículo|artigo)|\bcet article|\bartikel ini|\bэта статья|\bbài viết này";
const COPYRIGHT: &str = r"©|\(c\)\s*\d{4}|\b(?:copyright|hak cipta)\s*(?:©|\(c\)|\d{4})|all rights reserved|alle rechte|todos los derechos|tous droits|direitos reservados|все права";
const LIST_PATTERNS: [&str; 6] = [FURNITURE, WEAK_FURNITURE, SITE_TALK, ADDRESS, SELF_REF, COPYRIGHT];

/// One top-level alternative of a word list: its regex (tried anchored at a candidate
/// start) and its literal heads in the regex's order of preference. When the heads are
/// the whole alternative (`exact`) and it has no assertions but word boundaries around
/// it, a candidate is confirmed by comparing the folded text and checking the boundaries,
/// without running the regex.
struct Alt {
    rx: Regex,
    heads: Vec<String>,
    exact: bool,
    bounded: bool, // `\b(?:alt)\b`
}

struct WordList {
    alts: Vec<Alt>,
}

/// All word lists with one automaton over their heads.
pub struct Lexicon {
    lists: Vec<WordList>,
    ac: AhoCorasick,
    head_of: Vec<(usize, usize)>, // (list, alternative) of each automaton pattern
}

/// Top-level alternatives of a regex body (`|` outside groups and classes).
fn split_top(body: &str) -> Vec<&str> {
    let (mut out, mut depth, mut class, mut start) = (Vec::new(), 0i32, false, 0);
    let b = body.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 1,
            b']' if class => class = false,
            _ if class => {}
            b'[' => class = true,
            b'(' => depth += 1,
            b')' => depth -= 1,
            b'|' if depth == 0 => {
                out.push(&body[start..i]);
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    out.push(&body[start..]);
    out
}

/// The alternatives of a pattern, each as a pattern of its own: `\b(?:a|b)\b` gives
/// `\b(?:a)\b` and `\b(?:b)\b`.
fn alternatives(pattern: &str) -> Vec<(String, bool)> {
    if let Some(inner) = pattern.strip_prefix(r"\b(?:").and_then(|p| p.strip_suffix(r")\b")) {
        if split_top(inner).len() > 1 && !inner.contains(")|(") {
            return split_top(inner).into_iter().map(|a| (format!(r"\b(?:{a})\b"), true)).collect();
        }
    }
    split_top(pattern).into_iter().map(|a| (a.to_string(), false)).collect()
}

fn build_alt(pattern: &str, bounded: bool) -> Alt {
    let hir = regex_syntax::Parser::new().parse(pattern).expect("a word-list pattern parses");
    let seq = Extractor::new().extract(&hir);
    let lits = seq.literals().expect("every alternative of a word list starts with a literal");
    let heads: Vec<String> = lits
        .iter()
        .map(|l| casefold(std::str::from_utf8(l.as_bytes()).expect("heads are UTF-8")))
        .collect();
    assert!(heads.iter().all(|h| !h.is_empty()), "an empty head would match everywhere: {pattern}");
    // the extractor reads assertions as empty: exact heads are the whole match only when
    // the alternative asserts nothing but the boundaries around it (checked by hand)
    let body = if bounded { &pattern[5..pattern.len() - 3] } else { pattern };
    let asserts = body.contains(r"\b") || body.contains(r"\B") || body.contains('^') || body.contains('$');
    let exact = seq.is_exact() && !asserts;
    Alt { rx: Regex::new(&format!("(?i){pattern}")).expect("word list compiles"), heads, exact, bounded }
}

/// `\b` at byte `i` of `text` (Unicode word characters, as both regex engines define them).
fn boundary(text: &str, i: usize) -> bool {
    let before = text[..i].chars().next_back().is_some_and(regex_word);
    let after = text[i..].chars().next().is_some_and(regex_word);
    before != after
}

fn regex_word(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_alphanumeric() || c == '_' } else { regex_syntax::is_word_character(c) }
}

impl Lexicon {
    fn new() -> Lexicon {
        let mut lists = Vec::new();
        let mut heads = Vec::new();
        let mut head_of = Vec::new();
        for (li, pattern) in LIST_PATTERNS.iter().enumerate() {
            let alts: Vec<Alt> = alternatives(pattern).iter().map(|(p, b)| build_alt(p, *b)).collect();
            for (ai, alt) in alts.iter().enumerate() {
                for h in &alt.heads {
                    heads.push(h.clone());
                    head_of.push((li, ai));
                }
            }
            lists.push(WordList { alts });
        }
        let ac = AhoCorasickBuilder::new().kind(Some(AhoCorasickKind::DFA)).build(&heads).expect("heads build");
        Lexicon { lists, ac, head_of }
    }

    /// Where each list's alternatives may match in `text` (byte offsets, ascending).
    pub fn candidates(&self, text: &str) -> Candidates {
        let folded = Folded::new(text);
        let mut at: Vec<Vec<(usize, usize)>> = vec![Vec::new(); self.lists.len()];
        for m in self.ac.find_overlapping_iter(&folded.text) {
            let (li, ai) = self.head_of[m.pattern().as_usize()];
            at[li].push((folded.original(m.start()), ai));
        }
        for v in at.iter_mut() {
            v.sort_unstable();
            v.dedup();
        }
        Candidates { at, identity: folded.identity(), folded: folded.text }
    }

    /// Matches of `list` in the line text[start..end], as `findall` counts them:
    /// non-overlapping, each the first alternative (in pattern order) matching there.
    pub fn count(&self, list: List, cands: &Candidates, text: &str, start: usize, end: usize) -> usize {
        self.spans_in(list, cands, text, start, end, usize::MAX).len()
    }

    pub fn found(&self, list: List, cands: &Candidates, text: &str, start: usize, end: usize) -> bool {
        !self.spans_in(list, cands, text, start, end, 1).is_empty()
    }

    /// Byte spans (in `text`) of the matches of `list` in text[start..end].
    pub fn spans(&self, list: List, cands: &Candidates, text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
        self.spans_in(list, cands, text, start, end, usize::MAX)
    }

    fn spans_in(&self, list: List, cands: &Candidates, text: &str, start: usize, end: usize,
                limit: usize) -> Vec<(usize, usize)> {
        let at = &cands.at[list as usize];
        let alts = &self.lists[list as usize].alts;
        let line = &text[start..end];
        let mut out: Vec<(usize, usize)> = Vec::new();
        let mut last = start;
        let mut i = at.partition_point(|&(p, _)| p < start);
        while i < at.len() && at[i].0 < end && out.len() < limit {
            let p = at[i].0;
            let group_end = i + at[i..].iter().take_while(|&&(q, _)| q == p).count();
            if p >= last {
                for &(_, ai) in &at[i..group_end] {
                    if let Some(e) = self.try_alt(&alts[ai], cands, text, line, start, p, end) {
                        out.push((p, e));
                        last = e;
                        break;
                    }
                }
            }
            i = group_end;
        }
        out
    }

    #[allow(clippy::too_many_arguments)]
    fn try_alt(&self, alt: &Alt, cands: &Candidates, text: &str, line: &str, start: usize, p: usize,
               end: usize) -> Option<usize> {
        if alt.exact && cands.identity {
            for h in &alt.heads {
                let e = p + h.len();
                if e <= end && cands.folded.as_bytes()[p..e] == *h.as_bytes()
                    && (!alt.bounded || boundary(line, p - start) && boundary(line, e - start))
                {
                    return Some(e);
                }
            }
            return None;
        }
        let _ = text;
        alt.rx
            .search(&Input::new(line).span(p - start..line.len()).anchored(Anchored::Yes))
            .map(|m| start + m.end())
    }
}

/// Candidate match starts of each word list in one document.
pub struct Candidates {
    at: Vec<Vec<(usize, usize)>>, // (byte offset, alternative)
    identity: bool,               // folding kept every byte offset: the folded text can be compared
    folded: String,
}

pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::new);

/// A cheap test in front of a regex anchored at the start of a line (`^\W*(?:words)…`):
/// the line's first word, case-folded, must begin with one of the alternation's heads.
/// Most lines fail it, and the regex, slow on non-ASCII lines, never runs for them.
pub struct LineStart {
    heads: AhoCorasick,
}

impl LineStart {
    pub fn new(alternation: &str) -> LineStart {
        let hir = regex_syntax::Parser::new().parse(alternation).expect("an alternation parses");
        let seq = Extractor::new().extract(&hir);
        let heads: Vec<String> = seq
            .literals()
            .expect("every alternative starts with a literal")
            .iter()
            .map(|l| casefold(std::str::from_utf8(l.as_bytes()).expect("heads are UTF-8")))
            .collect();
        let heads = AhoCorasickBuilder::new()
            .start_kind(aho_corasick::StartKind::Anchored)
            .build(&heads)
            .expect("heads build");
        LineStart { heads }
    }

    /// May a match start at the first word of a line whose `first_words` are these?
    pub fn may_match(&self, first_words: &str) -> bool {
        self.heads.find(aho_corasick::Input::new(first_words).anchored(aho_corasick::Anchored::Yes)).is_some()
    }
}

/// The start of a line from its first word on (what `^\W*` skips, skipped), case-folded:
/// what `LineStart::may_match` reads.
pub fn first_words(line: &str) -> String {
    let rest = line.trim_start_matches(|c: char| !regex_word(c));
    casefold(&rest[..rest.char_indices().nth(48).map_or(rest.len(), |(i, _)| i)])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(list: List, text: &str) -> usize {
        let c = LEXICON.candidates(text);
        LEXICON.count(list, &c, text, 0, text.len())
    }

    #[test]
    fn lists_find_their_words_in_any_case_and_script() {
        assert_eq!(count(List::Furniture, "Share this: Leave a Reply. Spread the LOVE"), 3);
        assert_eq!(count(List::Furniture, "unsubscribed commentary"), 0); // word boundaries
        assert_eq!(count(List::Furniture, "“Read more” — СЛЕДИТЕ ЗА НАМИ"), 2);
        assert_eq!(count(List::Address, "We told you about our plans"), 3);
        assert_eq!(count(List::Copyright, "© 2024 Example. All Rights Reserved."), 2);
        assert_eq!(count(List::Furniture, "Loading..."), 1);
    }

    #[test]
    fn alternatives_keep_their_boundaries() {
        let alts = alternatives(r"\b(?:you|your|yours)\b");
        assert_eq!(alts[1], (r"\b(?:your)\b".to_string(), true));
        assert_eq!(alternatives("©|all rights").len(), 2);
        assert_eq!(split_top(r"a(?:b|c)|[|]|d\|e"), vec!["a(?:b|c)", "[|]", r"d\|e"]);
        assert_eq!(count(List::Address, "yours truly, your team"), 2);
    }
}
