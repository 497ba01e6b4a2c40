//! Injected spam, found by structure first (glued to a word, inserted mid-phrase in another
//! script, a URL standing between sentences) with gambling vocabulary as a second signal.
//!
//! Legitimate foreign-script text stays: a name quoted or glossed in a sentence ("known as
//! 아이유 (IU)"), a whole Korean or Japanese article (its own script is never foreign), a
//! real URL inside a sentence. These rules work on characters (`&[char]`): their offsets
//! and lengths are Python string indices, as the removals record them.
//!
//! `vocabulary` holds the word lists, `terms` finds them, `scripts` tells foreign script,
//! `urls` judges URLs and `widen` grows a span to what goes with it; `Scan` and
//! `spam_coverage` put them together for the rules (`spam_rules`).

mod scripts;
mod terms;
mod urls;
mod vocabulary;
mod widen;

pub use scripts::{alphabetic, foreign_only, is_foreign_char, tokens};
pub use terms::{char_index, cjk_matches, extend, latin_matches};
pub use urls::{spam_host, spam_url, url_matches};
pub use vocabulary::{SPAM_CJK, SPAM_GLUE, SPAM_HOST, SPAM_LATIN};
pub use widen::{spam_bracket, split_ws, with_space};

use crate::pychar::is_alnum;
use crate::url::url_host;
use terms::{cjk_from, latin_from, CJK_TERMS, LATIN_TERMS};
use urls::url_matches_str;

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
