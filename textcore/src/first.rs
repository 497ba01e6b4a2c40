//! The first-stage span rules run in order, each on the text the ones before it left
//! (as the cleaning chain re-bases them): a rule that panics loses its spans for that
//! document, never the document.

use crate::spam::Scan;
use crate::{inline, spam_rules};

pub const SPAN_RULES: [&str; 6] = ["spam_glued", "spam_inserted", "spam_phrase", "spam_url", "script_text", "inline_cta"];

pub fn run_rule(rule: &str, text: &[char], script: &str, language: &str, min_glued: usize) -> Option<Vec<(usize, usize)>> {
    run_scanned(rule, text, script, language, min_glued, &mut None)
}

/// One rule on `text`, with the text's spam scan made (once) when the rule needs it.
fn run_scanned(rule: &str, text: &[char], script: &str, language: &str, min_glued: usize,
               scan: &mut Option<Scan>) -> Option<Vec<(usize, usize)>> {
    if matches!(rule, "spam_phrase" | "spam_url") && scan.is_none() {
        *scan = Some(Scan::of(text));
    }
    Some(match rule {
        "spam_glued" => spam_rules::glued(text, script, min_glued),
        "spam_inserted" => spam_rules::inserted(text, script),
        "spam_phrase" => spam_rules::phrase(text, language, scan.as_ref()?),
        "spam_url" => spam_rules::urls(text, scan.as_ref()?),
        "script_text" => inline::script_text(text),
        "inline_cta" => inline::call_to_action(text),
        _ => return None,
    })
}

/// Sorted spans without overlaps (a later span overlapping an earlier one is dropped).
fn disjoint(mut spans: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    spans.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
    for (a, b) in spans {
        if b > a && out.last().is_none_or(|&(_, e)| a >= e) {
            out.push((a, b));
        }
    }
    out
}

/// (start, end) of the text each labelled line takes with it: the line with the line
/// break(s) after it, or — for lines after the last kept line — with the break before it,
/// so no blank-line run or trailing gap is left behind. `lines` are (start, end, kept).
pub fn removal_spans(lines: &[(usize, usize, bool)]) -> Vec<(usize, usize)> {
    let mut kept_after = vec![false; lines.len() + 1];
    for i in (0..lines.len()).rev() {
        kept_after[i] = kept_after[i + 1] || lines[i].2;
    }
    let mut out = Vec::new();
    for (i, &(start, end, kept)) in lines.iter().enumerate() {
        if kept {
            continue;
        }
        if kept_after[i + 1] {
            out.push((start, lines[i + 1].0));
        } else {
            out.push((if i > 0 { lines[i - 1].1 } else { start }, end));
        }
    }
    out
}

/// The non-blank lines of `text`: (start, end) in characters, and whether each reads as a
/// sentence (what the spam-line rule needs of them).
fn sentence_lines(text: &[char]) -> (Vec<(usize, usize)>, Vec<bool>) {
    let (mut bounds, mut sentence) = (Vec::new(), Vec::new());
    let mut start = 0;
    for line in text.split(|&c| c == '\n') {
        if line.iter().any(|&c| !crate::pychar::is_space(c)) {
            bounds.push((start, start + line.len()));
            // a sentence ends in a stop: the word count is needed only then
            let ends = line.iter().rev().find(|c| !c.is_whitespace() && !"'\"”’»)]".contains(**c));
            sentence.push(ends.is_some_and(|c| ".!?。！？…".contains(*c))
                && crate::lines::is_sentence(&line.iter().collect::<String>()));
        }
        start += line.len() + 1;
    }
    (bounds, sentence)
}

/// The whole first stage: spam lines (their removal spans, in `text`), then each span rule
/// on the text the ones before it left. (rule, spans, failed) for each step that found
/// something or failed.
pub fn first_stage(text: &str, script: &str, language: &str, spam_line: bool, enabled: &[String],
                   min_glued: usize) -> Vec<(String, Vec<(usize, usize)>, bool)> {
    first_stage_text(text, script, language, spam_line, enabled, min_glued).0
}

/// `first_stage`, and the text it leaves.
pub fn first_stage_text(text: &str, script: &str, language: &str, spam_line: bool, enabled: &[String],
                        min_glued: usize) -> (Vec<(String, Vec<(usize, usize)>, bool)>, String) {
    let mut out = Vec::new();
    let mut cur: Vec<char> = text.chars().collect();
    let mut scan: Option<Scan> = None;
    if spam_line {
        let found = std::panic::catch_unwind(|| {
            let (bounds, sentence) = sentence_lines(&cur);
            let first_scan = Scan::of_str(&cur, text);
            let spam = spam_rules::spam_lines(&cur, script, &sentence, &first_scan);
            let lines: Vec<(usize, usize, bool)> =
                bounds.iter().enumerate().map(|(i, &(a, b))| (a, b, !spam.contains(&i))).collect();
            (spam.len(), removal_spans(&lines), first_scan)
        });
        match found {
            Ok((0, _, first_scan)) => scan = Some(first_scan),
            Ok((_, spans, _)) => {
                cur = remove(&cur, &spans);
                out.push(("spam_line".to_string(), spans, false));
            }
            Err(_) => out.push(("spam_line".to_string(), Vec::new(), true)),
        }
    }
    let (steps, left) = span_rules_on(cur, scan, script, language, enabled, min_glued);
    out.extend(steps);
    (out, left.into_iter().collect())
}

fn remove(text: &[char], spans: &[(usize, usize)]) -> Vec<char> {
    let mut next = Vec::with_capacity(text.len());
    let mut pos = 0;
    for &(a, b) in spans {
        next.extend_from_slice(&text[pos..a]);
        pos = b;
    }
    next.extend_from_slice(&text[pos..]);
    next
}

pub fn span_rules(text: &str, script: &str, language: &str, enabled: &[String],
                  min_glued: usize) -> Vec<(String, Vec<(usize, usize)>, bool)> {
    span_rules_on(text.chars().collect(), None, script, language, enabled, min_glued).0
}

/// `scan`: the spam scan of `cur` when one was made already.
#[allow(clippy::type_complexity)]
fn span_rules_on(mut cur: Vec<char>, mut scan: Option<Scan>, script: &str, language: &str, enabled: &[String],
                 min_glued: usize) -> (Vec<(String, Vec<(usize, usize)>, bool)>, Vec<char>) {
    let mut out = Vec::new();
    for rule in SPAN_RULES {
        if !enabled.iter().any(|r| r == rule) {
            continue;
        }
        let found = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            run_scanned(rule, &cur, script, language, min_glued, &mut scan).unwrap_or_default()
        }));
        let (spans, failed) = match found {
            Ok(spans) => (disjoint(spans), false),
            Err(_) => (Vec::new(), true),
        };
        if !spans.is_empty() {
            cur = remove(&cur, &spans);
            scan = None; // of a text that is no more
        }
        if !spans.is_empty() || failed {
            out.push((rule.to_string(), spans, failed));
        }
    }
    (out, cur)
}
