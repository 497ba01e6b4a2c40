//! The keys a document contributes to its site's statistics, and the keys the second
//! stage may look up for it (fetched in one batch by the clean stage).

use std::collections::HashMap;

use super::{Line, Zone};
use crate::lines::PREFIX;

const MAX_COUNTED_WORDS: u32 = 40; // longer body lines are prose, never counted as site furniture

/// (key hash, its cross-site hash for a line key or 0, in head) of every key of the
/// lines that site statistics count, once per document (in the order first met). Shape
/// keys only for lines the template rule may look up (`max_shape_words`).
pub fn line_keys(lines: &[Line], max_shape_words: u32) -> Vec<(u64, u64, bool)> {
    let mut order: Vec<u64> = Vec::new();
    let mut found: HashMap<u64, (u64, bool)> = HashMap::new();
    let mut add = |h: u64, cross: u64, head: bool| {
        let was = found.insert(h, (cross, head));
        match was {
            None => order.push(h),
            Some((_, was_head)) => {
                found.insert(h, (cross, head || was_head));
            }
        }
    };
    for ln in lines {
        let f = ln.f;
        if f.key.is_empty() || (ln.zone == Zone::Body && f.n_words > MAX_COUNTED_WORDS) {
            continue;
        }
        // templates (bylines, credits, datelines) are not article prose: the body's prose
        // lines are counted as themselves only
        let skip = (ln.zone == Zone::Body && ln.prose()) || f.n_words > max_shape_words;
        let head = ln.zone == Zone::Head;
        add(f.h_line, f.h_cross, head);
        if !skip {
            for &h in &f.h_shapes {
                add(h, 0, head);
            }
        }
        if ln.has(PREFIX) {
            add(f.h_prefix, 0, head);
        }
    }
    order.into_iter().map(|h| (h, found[&h].0, found[&h].1)).collect()
}

/// Every key hash the second stage may look up for this document: its counted keys and
/// their cross-site keys, the titles its "Label:" lines link to, and `site_hash`
/// (the site's document count), sorted.
pub fn lookup_hashes(lines: &[Line], keys: &[(u64, u64, bool)], site_hash: u64) -> Vec<u64> {
    let mut out = vec![site_hash];
    for &(h, cross, _) in keys {
        out.push(h);
        if cross != 0 {
            out.push(cross);
        }
    }
    for ln in lines {
        if ln.f.h_linked != 0 {
            out.extend([ln.f.h_linked, ln.f.h_linked_cross]);
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// What the prepare stage needs of a document's first-stage page (`text`, `feats`): its
/// counted keys and the keys its second stage may look up. Zoned as the second stage
/// zones, but without the page's <title> and with no site view: the keys are what the
/// site's pages have in common, not what this page says.
pub fn document_keys(text: &str, feats: &[crate::lines::LineFeat], url: Option<&str>, site_hash: u64,
                     max_shape_words: u32) -> (Vec<(u64, u64, bool)>, Vec<u64>) {
    let view = super::SiteView::default();
    let doc = super::Doc::new(url, None, &view);
    let mut lines = super::page(text, feats);
    super::zones::content_zones(&mut lines, &doc);
    let keys = line_keys(&lines, max_shape_words);
    let lookup = lookup_hashes(&lines, &keys, site_hash);
    (keys, lookup)
}
