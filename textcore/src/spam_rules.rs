//! The first-stage spam rules: glued foreign script, foreign words inserted mid-sentence,
//! Latin-script gambling phrases, spam URLs, and whole lines that are mostly spam.
//! Each returns its spans (character offsets into the text it is given).

use crate::spam::{
    alphabetic, cjk_matches, extend, foreign_only, is_foreign_char, spam_bracket, spam_coverage, spam_url, tokens,
    with_space, Scan, SPAM_LATIN,
};
use crate::words::{script_runs, SCRIPTS};

const OPEN: &str = "\"'“‘«「『【〈《([（［";
const CLOSE: &str = "\"'”’»」』】〉》)]）］";

fn punct(c: char) -> bool {
    OPEN.contains(c) || CLOSE.contains(c) || ",.;:!?".contains(c)
}

/// Script runs of a token as (script name, start, end) in characters of the token.
fn char_runs(tok: &[char]) -> Vec<(&'static str, usize, usize)> {
    let s: String = tok.iter().collect();
    let to_char = crate::spam::char_index(&s);
    script_runs(&s).into_iter().map(|(sc, a, b)| (SCRIPTS[sc], to_char(a), to_char(b))).collect()
}

/// The whitespace tokens (from the last space or newline before each foreign character)
/// holding a foreign-script character.
fn foreign_tokens(text: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut end = 0;
    for p in 0..text.len() {
        if p < end || !is_foreign_char(text[p]) {
            continue;
        }
        let a = text[..p].iter().rposition(|&c| c == ' ' || c == '\n').map_or(0, |i| i + 1);
        if text[a].is_whitespace() {
            continue;
        }
        let b = text[a..].iter().position(|c| c.is_whitespace()).map_or(text.len(), |i| a + i);
        out.push((a, b));
        end = b;
    }
    out
}

/// `Bakhmut메이저놀이터` → `Bakhmut`: a run of a foreign script glued to a word of the
/// document's own alphabetic script (never inside CJK or Thai text, where `LG전자` is
/// ordinary writing).
pub fn glued(text: &[char], script: &str, min_chars: usize) -> Vec<(usize, usize)> {
    if !alphabetic(script) || !text.iter().any(|&c| is_foreign_char(c)) {
        return Vec::new();
    }
    let foreign = |s: &str| !alphabetic(s);
    let mut out = Vec::new();
    for (ts, te) in foreign_tokens(text) {
        let runs = char_runs(&text[ts..te]);
        if runs.len() < 2 {
            continue;
        }
        let mut i = 0;
        while i < runs.len() {
            let (s, a, _) = runs[i];
            if !foreign(s) {
                i += 1;
                continue;
            }
            let mut j = i;
            while j + 1 < runs.len() && foreign(runs[j + 1].0) && runs[j + 1].1 == runs[j].2 {
                j += 1;
            }
            let end = runs[j].2;
            let touches = (i > 0 && runs[i - 1].2 == a && runs[i - 1].0 == script)
                || (j + 1 < runs.len() && runs[j + 1].1 == end && runs[j + 1].0 == script);
            if touches && end - a >= min_chars {
                out.push((ts + a, ts + end));
            }
            i = j + 1;
        }
    }
    out
}

fn strip_punct(w: &[char]) -> &[char] {
    let a = w.iter().position(|&c| !punct(c)).unwrap_or(w.len());
    let b = w.iter().rposition(|&c| !punct(c)).map_or(a, |i| i + 1);
    &w[a..b.max(a)]
}

/// Foreign-script words dropped into an alphabetic sentence with nothing to mark them as
/// quoted, glossed or set apart, or any foreign run made of gambling vocabulary that no
/// parenthesised gloss explains.
pub fn inserted(text: &[char], script: &str) -> Vec<(usize, usize)> {
    if !alphabetic(script) || !text.iter().any(|&c| is_foreign_char(c)) {
        return Vec::new();
    }
    let own_mix = mixed(text);
    let mut out = Vec::new();
    let mut offset = 0;
    for line in text.split(|&c| c == '\n') {
        if line.iter().any(|&c| is_foreign_char(c)) {
            out.extend(inserted_in_line(line, own_mix).into_iter().map(|(a, b)| (offset + a, offset + b)));
        }
        offset += line.len() + 1;
    }
    out
}

/// Share of a document's letters in the other script above which that script is part of
/// the document's own mix (a bilingual interview, lyrics quoted with their translation).
const OWN_MIX_SHARE: f64 = 0.15;

/// Is the other script part of the document's own writing: a good share of its letters,
/// on two lines or more? Then only gambling vocabulary in it is judged spam, never the
/// script itself.
fn mixed(text: &[char]) -> bool {
    let (mut letters, mut other) = (0usize, 0usize);
    let mut lines = 0;
    for line in text.split(|&c| c == '\n') {
        let n = line.iter().filter(|&&c| is_foreign_char(c)).count();
        lines += usize::from(n > 0);
        other += n;
        letters += line.iter().filter(|&&c| crate::pychar::is_alpha(c)).count();
    }
    lines >= 2 && letters > 0 && other as f64 >= OWN_MIX_SHARE * letters as f64
}

fn first_in(s: &[char], set: &str) -> bool {
    // Python's `s[:1] in set`: true for an empty s (the empty string is in every string)
    s.first().is_none_or(|&c| set.contains(c))
}

fn last_in(s: &[char], set: &str) -> bool {
    s.last().is_none_or(|&c| set.contains(c))
}

/// A run in round brackets right after a name of the sentence ("Sports Toto (스포츠토토)",
/// "the “Lucky Seven” (럭키세븐)") gives that name in its own script: the sentence is about
/// the term, whatever its words mean. Spam dropped into a sentence lands after any word.
fn names_gloss(prev: &[char], run: &[char]) -> bool {
    let body = &run[..run.len() - run.iter().rev().take_while(|&&c| ",.;:!?".contains(c)).count()];
    let in_parens = body.len() > 2 && "(（".contains(body[0]) && ")）".contains(body[body.len() - 1])
        && !body[1..body.len() - 1].iter().any(|&c| "()（）".contains(c));
    let name = prev.first().is_some_and(|&c| crate::pychar::is_upper_letter(c))
        && prev.last().is_some_and(|&c| crate::pychar::is_alpha(c));
    let quoted = prev.len() > 1 && "\"”’»".contains(prev[prev.len() - 1]);
    in_parens && (name || quoted)
}

fn inserted_in_line(text: &[char], own_mix: bool) -> Vec<(usize, usize)> {
    let toks = tokens(text);
    let fo = |k: usize| foreign_only(strip_punct(&text[toks[k].0..toks[k].1]));
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !fo(i) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j + 1 < toks.len() && fo(j + 1) {
            j += 1;
        }
        let prev: &[char] = if i > 0 { &text[toks[i - 1].0..toks[i - 1].1] } else { &[] };
        let nxt: &[char] = if j + 1 < toks.len() { &text[toks[j + 1].0..toks[j + 1].1] } else { &[] };
        let run = &text[toks[i].0..toks[j].1];
        let glossed = first_in(nxt, "(（") || run.windows(2).any(|w| crate::pychar::is_alpha(w[0]) && "(（".contains(w[1]));
        let marked = first_in(run, OPEN) || last_in(prev, &format!("{OPEN},:;—–-")) || last_in(run, &format!("{CLOSE},:;"))
            || first_in(nxt, CLOSE);
        let bare = !prev.is_empty() && prev.last().is_some_and(|&c| crate::pychar::is_alpha(c))
            && (nxt.is_empty() || crate::pychar::is_alpha(nxt[0]));
        let spam = !cjk_matches(run).is_empty() && !glossed && !names_gloss(prev, run);
        if spam || (bare && !marked && !glossed && !own_mix && strip_punct(run).len() >= 2) {
            let (mut a, mut b) = (toks[i].0, toks[j].1);
            let bracketed = spam && "[(（【".contains(run[0]) && "])）】".contains(run[run.len() - 1]);
            if !bracketed {
                while a < b && (OPEN.contains(text[a]) || CLOSE.contains(text[a])) {
                    a += 1;
                }
                while b > a && punct(text[b - 1]) {
                    b -= 1;
                }
            }
            out.push(with_space(text, a, b));
        }
        i = j + 1;
    }
    out
}

/// Gambling phrases in Latin script ("slot gacor hari ini") in a document of another
/// language: the term plus the spam words chained to it (a lone term of another language
/// is a mention: "an illegal togel").
pub fn phrase(text: &[char], language: &str, scan: &Scan) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut last = 0;
    for &(a, b, t) in &scan.latin {
        if a < last {
            continue;
        }
        let lang = SPAM_LATIN[t].1;
        if lang != "*" && lang == language {
            continue;
        }
        let (a, b) = extend(text, a, b);
        if lang != "*" && !crate::pychar::strip(&text[a..b].iter().collect::<String>()).contains(' ') {
            continue;
        }
        let (a, b) = spam_bracket(text, a, b);
        let (a, b) = with_space(text, a, b);
        out.push((a, b));
        last = b;
    }
    out
}

const URL_TRAIL: &str = ".,;:!?)”’\"'";

/// A URL whose host is made of gambling words, or an odd host between sentences.
pub fn urls(text: &[char], scan: &Scan) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for &(a, b) in &scan.urls {
        if spam_url(text, a, b) {
            let trail = text[a..b].iter().rev().take_while(|&&c| URL_TRAIL.contains(c)).count();
            out.push(with_space(text, a, b - trail));
        }
    }
    out
}

/// Indices of the lines (non-blank, in order) that are mostly spam and carry no
/// sentence of the document's own language: `sentence[i]` tells line i's shape.
pub fn spam_lines(text: &[char], script: &str, sentence: &[bool], scan: &Scan) -> Vec<usize> {
    let mut hits: Vec<usize> = Vec::new();
    hits.extend((0..text.len()).filter(|&i| !text[i].is_ascii() && is_foreign_char(text[i])));
    hits.extend(scan.urls.iter().map(|&(a, _)| a));
    hits.extend(scan.latin.iter().map(|&(a, _, _)| a));
    hits.extend(scan.cjk.iter().map(|&(a, _)| a));
    if hits.is_empty() {
        return Vec::new();
    }
    hits.sort_unstable();
    let mut out = Vec::new();
    let (mut start, mut index) = (0usize, 0usize);
    for line in text.split(|&c| c == '\n') {
        let end = start + line.len();
        if line.iter().any(|&c| !crate::pychar::is_space(c)) {
            let i = hits.partition_point(|&h| h < start);
            if i < hits.len() && hits[i] < end {
                let cov = spam_coverage(line, script);
                if cov >= 0.5 || (cov >= 0.3 && !sentence.get(index).copied().unwrap_or(false)) {
                    out.push(index);
                }
            }
            index += 1;
        }
        start = end + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    fn cut(text: &str, spans: &[(usize, usize)]) -> Vec<String> {
        let c = chars(text);
        spans.iter().map(|&(a, b)| c[a..b].iter().collect()).collect()
    }

    #[test]
    fn glued_and_inserted() {
        let t = "Forces reached Bakhmut메이저놀이터 on Monday.";
        assert_eq!(cut(t, &glued(&chars(t), "Latin", 2)), vec!["메이저놀이터"]);
        let t = "the city 카지노사이트 council met";
        assert_eq!(cut(t, &inserted(&chars(t), "Latin")), vec![" 카지노사이트"]);
        let t = "a playground signposted 어린이 놀이터 (children's playground)";
        assert!(inserted(&chars(t), "Latin").is_empty());
        assert!(glued(&chars("LG전자가 발표했다"), "Hangul", 2).is_empty());
        // a name glossed in its own script stays, even when the name is a gambling word
        let t = "South Korea's sports lottery, Sports Toto (스포츠토토), sold more tickets this year.";
        assert!(inserted(&chars(t), "Latin").is_empty());
        let t = "The city council [바카라사이트] met on Monday.";
        assert_eq!(cut(t, &inserted(&chars(t), "Latin")), vec![" [바카라사이트]"]);
        let t = "The city council (바카라사이트) met on Monday.";
        assert_eq!(cut(t, &inserted(&chars(t), "Latin")), vec![" (바카라사이트)"]);
        // Korean is part of a bilingual document's own writing: a bare Korean word stays
        let t = "The chorus goes 사랑해 사랑해 and then the band stops.\n사랑해 너를 사랑해 영원히 함께해\n\
                 The refrain returns 마지막으로 at the very end.";
        assert!(inserted(&chars(t), "Latin").is_empty());
        let t = "The chorus goes 사랑해 and then the band stops, the singer told the audience in Seoul.";
        assert_eq!(cut(t, &inserted(&chars(t), "Latin")), vec![" 사랑해"]);
    }

    #[test]
    fn phrases_and_urls() {
        let t = "Read this: slot gacor hari ini now";
        let c = chars(t);
        assert_eq!(cut(t, &phrase(&c, "en", &Scan::of(&c))), vec![" slot gacor hari ini"]);
        let c = chars("Police said an illegal togel ran for years.");
        assert!(phrase(&c, "en", &Scan::of(&c)).is_empty());
        let t = "Visit https://best-casino88.xyz/promo. Then more.";
        let c = chars(t);
        assert_eq!(cut(t, &urls(&c, &Scan::of(&c))), vec![" https://best-casino88.xyz/promo"]);
    }
}
