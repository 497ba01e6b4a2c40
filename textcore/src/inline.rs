//! Furniture glued into a paragraph by the scraper: ad-script text, and a trailing call to
//! action after the paragraph's last sentence ("… said. Read More »").
//!
//! Both by shape: script text is a run of code tokens (identifiers with dots, `=`, `||`,
//! brackets, `;`) that prose never produces; a glued call to action is a short fragment
//! without sentence punctuation after a finished sentence, ending in an arrow or made of
//! furniture words. Offsets are characters.

use std::sync::LazyLock;

use regex::Regex;

use crate::patterns::{List, LEXICON};
use crate::spam::tokens;

const CODE_MARKS: &str = "(){}[];=|";
const CODE_WORDS: [&str; 12] = ["function", "var", "let", "const", "window", "document", "return", "new", "=", "||", "&&", "=>"];
static DOTTED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[\w$]+(?:\.[\w$]+)+[;,]?$").unwrap());
static THREE_LOWER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\p{Ll}{3,} \p{Ll}{3,} \p{Ll}{3,}").unwrap());
const ARROWS: &str = "»›→▶►…>";

/// A token of code: code marks, a keyword or a dotted name, written in ASCII letters.
/// A token whose letters are mostly of another script is the document's own prose, whatever
/// punctuation it holds: Chinese or Japanese runs no spaces between words, so a whole
/// paragraph is one token and its ASCII ";", "(" or "|" make no code of it.
fn code_token(tok: &str) -> bool {
    let (ascii, other) = tok.chars().filter(|c| c.is_alphanumeric()).fold((0, 0), |(a, o), c| {
        if c.is_ascii() { (a + 1, o) } else { (a, o + 1) }
    });
    if other > ascii {
        return false;
    }
    tok.contains(|c| CODE_MARKS.contains(c)) || CODE_WORDS.contains(&tok) || DOTTED.is_match(tok)
}

/// (start, end) of runs of code-like tokens holding a statement end (";").
fn code_runs(line: &[char]) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut cur: Vec<(usize, usize)> = Vec::new();
    let close = |cur: &mut Vec<(usize, usize)>, runs: &mut Vec<(usize, usize)>| {
        if cur.len() >= 2 {
            let (a, b) = (cur[0].0, cur[cur.len() - 1].1);
            let frag = &line[a..b];
            let marks = frag.iter().filter(|&&c| CODE_MARKS.contains(c)).count();
            if frag.contains(&';') && marks >= 4 && (frag.contains(&'(') || frag.contains(&'=')) {
                runs.push((a, b));
            }
        }
        cur.clear();
    };
    for (a, b) in tokens(line) {
        let tok: String = line[a..b].iter().collect();
        if code_token(&tok) {
            cur.push((a, b));
        } else {
            close(&mut cur, &mut runs);
        }
    }
    close(&mut cur, &mut runs);
    runs
}

/// Ad/analytics JavaScript left in the text, as a line of its own or glued to a paragraph.
pub fn script_text(text: &[char]) -> Vec<(usize, usize)> {
    if !(text.contains(&';') && (text.contains(&'(') || text.contains(&'='))) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut offset = 0;
    for line in text.split(|&c| c == '\n') {
        if line.contains(&';') {
            for (mut a, b) in code_runs(line) {
                if a > 0 && line[a - 1] == ' ' {
                    a -= 1;
                }
                out.push((offset + a, offset + b));
            }
        }
        offset += line.len() + 1;
    }
    out
}

/// The tail of a line after its last finished sentence, as the pattern
/// `(?<=[.!?]['"”’)]?)(\s+)([^\s.!?][^.!?\n]{0,40}?)\s*$` finds it: (start of the
/// whitespace, end of the tail) in characters.
fn tail(line: &[char]) -> Option<(usize, usize)> {
    let end = line.len() - line.iter().rev().take_while(|c| c.is_whitespace()).count();
    // the tail holds no stop: it starts after the line's last one (and its closer)
    let last = line[..end].iter().rposition(|&c| ".!?".contains(c))?;
    for p in (last + 1)..(last + 3).min(line.len()) {
        let after_stop = ".!?".contains(line[p - 1])
            || (p >= 2 && "'\"”’)".contains(line[p - 1]) && ".!?".contains(line[p - 2]));
        if !after_stop || !line[p].is_whitespace() {
            continue;
        }
        let q = p + line[p..].iter().take_while(|c| c.is_whitespace()).count();
        if q >= end || ".!?".contains(line[q]) {
            continue;
        }
        let body = &line[q..end];
        if body.len() <= 41 && !body[1..].iter().any(|&c| ".!?\n".contains(c)) {
            return Some((p, end));
        }
    }
    None
}

/// A short call to action glued after a paragraph's last sentence.
pub fn call_to_action(text: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut offset = 0;
    for line in text.split(|&c| c == '\n') {
        if let Some((p, end)) = tail(line) {
            let q = p + line[p..].iter().take_while(|c| c.is_whitespace()).count();
            let t: String = line[q..end].iter().collect();
            let n_words = t.split(crate::pychar::is_space).filter(|w| !w.is_empty()).count();
            if n_words <= 5 && t.chars().any(crate::pychar::is_alpha) {
                let arrow = crate::fold::rstrip(&t).chars().next_back().is_some_and(|c| ARROWS.contains(c));
                let cands = LEXICON.candidates(&t);
                let furniture = LEXICON.found(List::Furniture, &cands, &t, 0, t.len()) && !THREE_LOWER.is_match(&t);
                if arrow || furniture {
                    out.push((offset + p, offset + end));
                }
            }
        }
        offset += line.len() + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str, spans: &[(usize, usize)]) -> Vec<String> {
        let c: Vec<char> = text.chars().collect();
        spans.iter().map(|&(a, b)| c[a..b].iter().collect()).collect()
    }

    #[test]
    fn code_and_calls_to_action() {
        let t = "The mayor spoke. (adsbygoogle = window.adsbygoogle || []).push({});";
        let c: Vec<char> = t.chars().collect();
        assert_eq!(cut(t, &script_text(&c)), vec![" (adsbygoogle = window.adsbygoogle || []).push({});"]);
        // a paragraph of Chinese is one token with ASCII ";" and "(": prose, not code
        let t = "|     一个约定,信守15年,感人至深;一段真情(延续15年)。 话剧结尾,当演员喊出誓言―――“兄弟;放心吧!”(张家口)";
        assert!(script_text(&t.chars().collect::<Vec<_>>()).is_empty());
        let t = "日本語の記事です;(写真)= 東京の様子; 記者が報告(速報)";
        assert!(script_text(&t.chars().collect::<Vec<_>>()).is_empty());
        let t = "Kraków: (adsbygoogle = window.adsbygoogle || []).push({});";
        let c: Vec<char> = t.chars().collect();
        assert_eq!(cut(t, &script_text(&c)), vec![" (adsbygoogle = window.adsbygoogle || []).push({});"]);
        // a Chinese paragraph with ASCII brackets and semicolons is prose, not code
        let t = "据新华社报道(记者 王明),北京市政府周一宣布;新的地铁线路(16号线)将于明年开通。 \
                 市民表示欢迎(见图);有关部门(交通委)称,票价=现行标准。";
        assert!(script_text(&t.chars().collect::<Vec<_>>()).is_empty());
        let t = "The council approved the budget. Read More »";
        let c: Vec<char> = t.chars().collect();
        assert_eq!(cut(t, &call_to_action(&c)), vec![" Read More »"]);
        let t = "He said so. Then the vote came";
        assert!(call_to_action(&t.chars().collect::<Vec<_>>()).is_empty());
    }
}
