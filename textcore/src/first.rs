//! The first-stage span rules run in order, each on the text the ones before it left
//! (as the cleaning chain re-bases them): a rule that panics loses its spans for that
//! document, never the document.

use crate::{inline, spam_rules};

pub const SPAN_RULES: [&str; 6] = ["spam_glued", "spam_inserted", "spam_phrase", "spam_url", "script_text", "inline_cta"];

pub fn run_rule(rule: &str, text: &[char], script: &str, language: &str, min_glued: usize) -> Option<Vec<(usize, usize)>> {
    Some(match rule {
        "spam_glued" => spam_rules::glued(text, script, min_glued),
        "spam_inserted" => spam_rules::inserted(text, script),
        "spam_phrase" => spam_rules::phrase(text, language),
        "spam_url" => spam_rules::urls(text),
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

pub fn span_rules(text: &str, script: &str, language: &str, enabled: &[String],
                  min_glued: usize) -> Vec<(String, Vec<(usize, usize)>, bool)> {
    let mut cur: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    for rule in SPAN_RULES {
        if !enabled.iter().any(|r| r == rule) {
            continue;
        }
        let found = std::panic::catch_unwind(|| run_rule(rule, &cur, script, language, min_glued).unwrap_or_default());
        let (spans, failed) = match found {
            Ok(spans) => (disjoint(spans), false),
            Err(_) => (Vec::new(), true),
        };
        if !spans.is_empty() {
            let mut next = Vec::with_capacity(cur.len());
            let mut pos = 0;
            for &(a, b) in &spans {
                next.extend_from_slice(&cur[pos..a]);
                pos = b;
            }
            next.extend_from_slice(&cur[pos..]);
            cur = next;
        }
        if !spans.is_empty() || failed {
            out.push((rule.to_string(), spans, failed));
        }
    }
    out
}
