//! The line rules: the second cleaning stage, which decides which whole lines of a
//! document are furniture, over the line features of `lines` and what the run knows of
//! the document's site (`SiteView`).
//!
//! Zones come from position, the strongest signal for furniture (`zones`); the title
//! from position and the URL (`titles`); then five rules, each with its name and its
//! switch: site lines and templates repeated across the site's pages (`site`), the
//! title's duplicates (`titles`), links to the site's other articles (`related`), and
//! generic furniture by shape and position (`generic`). `stage` runs them to a fixed
//! point and re-bases their removals onto the document's own text; `keys` gives the
//! keys a document contributes to its site's statistics.

use std::collections::HashMap;

use crate::lines::{LineFeat, PROSE, SENTENCE};

pub mod generic;
pub mod keys;
pub mod related;
pub mod site;
pub mod stage;
pub mod titles;
pub mod zones;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Zone {
    Head,
    Body,
    Tail,
}

/// One non-blank line of the page: its features, its text, where it is now, and what
/// the rules made of it.
#[derive(Debug)]
pub struct Line<'a> {
    pub f: &'a LineFeat,
    pub text: &'a str,
    pub id: usize, // its place among the first page's lines: who it is, pass after pass
    pub start: usize, // characters, in the current text
    pub end: usize,
    pub zone: Zone,
    pub label: Option<&'static str>, // the rule that removes it
    pub slug_match: Option<bool>,   // does the URL slug spell it out (None: not asked yet)
}

impl Line<'_> {
    pub fn kept(&self) -> bool {
        self.label.is_none()
    }

    pub fn has(&self, flag: u32) -> bool {
        self.f.flags & flag != 0
    }

    pub fn sentence(&self) -> bool {
        self.has(SENTENCE)
    }

    pub fn prose(&self) -> bool {
        self.has(PROSE)
    }

    pub fn n(&self) -> u32 {
        self.f.n_words
    }
}

/// The lines of `text` (the first stage's text) from their features.
pub fn page<'a>(text: &'a str, feats: &'a [LineFeat]) -> Vec<Line<'a>> {
    let mut out = Vec::with_capacity(feats.len());
    let mut chars = text.char_indices().map(|(b, _)| b).chain(std::iter::once(text.len()));
    let mut at = 0; // characters consumed from `chars`
    let mut byte_of = |c: usize| {
        let b = chars.nth(c - at).expect("a line inside the text");
        at = c + 1;
        b
    };
    for (id, f) in feats.iter().enumerate() {
        let (a, b) = (byte_of(f.start), byte_of(f.end));
        out.push(Line { f, text: &text[a..b], id, start: f.start, end: f.end, zone: Zone::Body, label: None,
                        slug_match: None });
    }
    out
}

/// What the run (and STATE) know about the keys of the document's site, by hash: how
/// many distinct documents hold a key, how many of those in their head, and how many
/// sites hold a line. `docs`: the site's distinct documents. Other keys count 0.
#[derive(Debug, Default)]
pub struct SiteView {
    pub docs: i64,
    pub found: HashMap<u64, (i64, i64, i64)>,
}

impl SiteView {
    pub fn count(&self, h: u64) -> i64 {
        self.found.get(&h).map_or(0, |v| v.0)
    }

    pub fn heads(&self, h: u64) -> i64 {
        self.found.get(&h).map_or(0, |v| v.1)
    }

    pub fn sites_with(&self, h: u64) -> i64 {
        self.found.get(&h).map_or(0, |v| v.2)
    }
}

/// The document around its lines: its URL's slug words, the line key of its page's
/// <title> (when extraction found one), and its site view.
pub struct Doc<'a> {
    pub slug: Vec<String>,
    pub hint: Option<String>,
    pub site: &'a SiteView,
}

impl<'a> Doc<'a> {
    pub fn new(url: Option<&str>, title_hint: Option<&str>, site: &'a SiteView) -> Doc<'a> {
        Doc {
            slug: url.filter(|u| !u.is_empty()).map(crate::url::slug_words).unwrap_or_default(),
            hint: title_hint.filter(|t| !t.is_empty()).map(crate::fold::line_key).filter(|h| !h.is_empty()),
            site,
        }
    }
}

/// The names of the line rules, in the order a pass runs them.
pub const RULES: [&str; 5] = [site::REPEATED, site::TEMPLATE, titles::NAME, related::NAME, generic::NAME];

/// The rules' switches and thresholds (the `[clean]` config).
#[derive(Debug, Clone)]
pub struct Settings {
    pub enabled: Vec<&'static str>, // the line rules that run (names from `RULES`)
    pub min_docs: i64,
    pub min_share: f64,
    pub min_docs_edge: i64,
    pub max_words_shape: u32,
    pub generic_max_words: u32,
    pub min_score: f64,
    pub incremental: bool, // a later pass skips the rules when nothing they read moved
}

impl Default for Settings {
    fn default() -> Settings {
        Settings { enabled: RULES.to_vec(), min_docs: 3, min_share: 0.2, min_docs_edge: 2, max_words_shape: 14,
                   generic_max_words: 16, min_score: 1.0, incremental: true }
    }
}
