//! The second stage to a fixed point: removing a line can change what its neighbours
//! look like (the zones, the title, a list's run), and cleaning clean text must change
//! nothing.
//!
//! A later pass looks only at what the pass before changed: each rule decides on a line
//! from its own features, its zone, the title and the site — except the related rule's
//! lists, which read their neighbours. So when the lines left keep their zones and the
//! title, and no list heading is left, no rule can decide otherwise, and the rules are
//! not run again. A rule that panics loses its labels for the document (counted as
//! `errors:<rule>`), never the document.

use std::panic::{catch_unwind, AssertUnwindSafe};

use super::generic::boilerplate;
use super::related::{list_heading, related_links};
use super::site::{site_repeated, site_template};
use super::titles::{duplicate_title, find_title};
use super::zones::content_zones;
use super::{generic, page, related, site, titles, Doc, Line, Settings, Zone};
use crate::first::removal_spans;
use crate::lines::LineFeat;
use crate::offsets::Rebaser;

const MAX_PASSES: usize = 5;

/// What the second stage did to a document: its clean text, every removal of both
/// stages in the document's offsets (rule, start, end; sorted), and the counts for the
/// run's statistics ("removed:<rule>", "errors:<rule>", "passes:rules", "passes:settled").
pub struct Outcome {
    pub text: String,
    pub removals: Vec<(&'static str, usize, usize)>,
    pub counts: Vec<(String, usize)>,
}

/// What a pass's rules read of the page beyond each line's own features: every line's
/// zone (by line id) and which line is the title.
struct Layout {
    zones: Vec<Option<Zone>>,
    title: Option<usize>,
}

impl Layout {
    fn of(lines: &[Line], title: Option<usize>, n: usize) -> Layout {
        let mut zones = vec![None; n];
        for ln in lines {
            zones[ln.id] = Some(ln.zone);
        }
        Layout { zones, title: title.map(|t| lines[t].id) }
    }

    /// True when the lines of `now` (a later pass) sit as they did in this one.
    fn holds(&self, now: &Layout) -> bool {
        now.title == self.title && now.zones.iter().zip(&self.zones).all(|(z, was)| z.is_none() || z == was)
    }
}

type RuleFn = fn(&mut [Line], Option<usize>, &Doc, &Settings);

/// The line rules in order (`RULES`), each with its name and whether it is on.
fn rules(s: &Settings) -> [(&'static str, bool, RuleFn); 5] {
    let on = |name: &str| s.enabled.contains(&name);
    [
        (site::REPEATED, on(site::REPEATED), site_repeated),
        (site::TEMPLATE, on(site::TEMPLATE), site_template),
        (titles::NAME, on(titles::NAME), |l, t, _, _| duplicate_title(l, t)),
        (related::NAME, on(related::NAME), |l, t, d, _| related_links(l, t, d)),
        (generic::NAME, on(generic::NAME), boilerplate),
    ]
}

fn count(counts: &mut Vec<(String, usize)>, label: String, n: usize) {
    match counts.iter_mut().find(|(l, _)| *l == label) {
        Some(c) => c.1 += n,
        None => counts.push((label, n)),
    }
}

/// Runs every rule that is on; false when one failed.
fn run_rules(lines: &mut [Line], title: Option<usize>, doc: &Doc, s: &Settings,
             counts: &mut Vec<(String, usize)>) -> bool {
    let mut ok = true;
    for (name, on, rule) in rules(s) {
        if !on {
            continue;
        }
        // a rule labels only lines no other rule took: the lines with its name are its own
        if catch_unwind(AssertUnwindSafe(|| rule(lines, title, doc, s))).is_err() {
            ok = false;
            count(counts, format!("errors:{name}"), 1);
            lines.iter_mut().filter(|ln| ln.label == Some(name)).for_each(|ln| ln.label = None);
            continue;
        }
        let n = lines.iter().filter(|ln| ln.label == Some(name)).count();
        if n > 0 {
            count(counts, format!("removed:{name}"), n);
        }
    }
    ok
}

/// (rule, start, end) of the text every labelled line takes with it (`removal_spans`).
fn line_removals(lines: &[Line]) -> Vec<(&'static str, usize, usize)> {
    let bounds: Vec<(usize, usize, bool)> = lines.iter().map(|ln| (ln.start, ln.end, ln.kept())).collect();
    let labels = lines.iter().filter_map(|ln| ln.label);
    removal_spans(&bounds).into_iter().zip(labels).map(|((a, b), rule)| (rule, a, b)).collect()
}

/// The kept lines, moved to their places in the text `spans` leave.
fn without_removed<'a>(lines: Vec<Line<'a>>, spans: &[(&'static str, usize, usize)]) -> Vec<Line<'a>> {
    let mut out = Vec::with_capacity(lines.len());
    let (mut k, mut shift) = (0, 0);
    for mut ln in lines.into_iter().filter(Line::kept) {
        while k < spans.len() && spans[k].2 <= ln.start {
            shift += spans[k].2 - spans[k].1;
            k += 1;
        }
        (ln.start, ln.end, ln.zone) = (ln.start - shift, ln.end - shift, Zone::Body);
        out.push(ln);
    }
    out
}

/// The second stage on `original` (the document after encoding repair): the first
/// stage's removals (`first`, in its offsets) applied, then the line rules over `feats`
/// (the line features of the text the first stage left) to a fixed point.
pub fn second_stage(original: &str, first: &[(&'static str, usize, usize)], feats: &[LineFeat], doc: &Doc,
                    s: &Settings) -> Outcome {
    let mut rb = Rebaser::new(original);
    let mut first = first.to_vec();
    first.sort_by_key(|&(_, a, b)| (a, b));
    rb.apply(&first);
    let text1 = rb.text();
    let mut lines = page(&text1, feats);
    let mut counts: Vec<(String, usize)> = Vec::new();
    let mut titled = true;
    let mut settled: Option<Layout> = None; // the previous pass's layout, when it removed lines
    for _ in 0..MAX_PASSES {
        content_zones(&mut lines, doc);
        let title = if titled { find_title(&mut lines, doc) } else { None };
        let mut layout = Some(Layout::of(&lines, title, feats.len()));
        let still = s.incremental && settled.as_ref().zip(layout.as_ref()).is_some_and(|(was, now)| was.holds(now));
        let spans = if still && !lines.iter().any(list_heading) {
            count(&mut counts, "passes:settled".into(), 1);
            Vec::new()
        } else {
            count(&mut counts, "passes:rules".into(), 1);
            if !run_rules(&mut lines, title, doc, s, &mut counts) {
                layout = None; // a rule failed: the next pass runs every rule again
            }
            line_removals(&lines)
        };
        if spans.is_empty() {
            // a title heads an article: when it is all that is left ("Spread the love"
            // alone in a file), it is judged like any other line
            let kept: Vec<usize> = (0..lines.len()).filter(|&i| lines[i].kept()).collect();
            if titled && title.is_some() && kept == [title.unwrap_or(usize::MAX)] {
                titled = false;
                settled = None;
                continue;
            }
            break;
        }
        rb.apply(&spans);
        settled = layout;
        lines = without_removed(lines, &spans);
    }
    Outcome { text: rb.text(), removals: rb.sorted_removals(), counts }
}
