//! Widening a span of spam to what goes with it: a neighbouring space, or the bracketed
//! group it fills.

use super::terms::{folded_str, is_glue};
use crate::pychar::is_space;

const OPEN: &str = "\"'“‘«「『【〈《([（［";
const CLOSE: &str = "\"'”’»」』】〉》)]）］";

fn punct(c: char) -> bool {
    OPEN.contains(c) || CLOSE.contains(c) || ",.;:!?".contains(c)
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
