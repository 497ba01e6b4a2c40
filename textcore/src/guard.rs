//! Which text encoding repair (ftfy) could change: a cheap, exact guard in front of it.
//!
//! ftfy's `fix_text` costs about a millisecond a document and changes nothing in most of
//! them. It can change a text only through one of its fixers' triggers: characters from
//! its own tables (controls, ligatures, wide forms, C1 controls, line separators), an HTML
//! entity, a match of its mojibake pattern (`ftfy.badness.BADNESS_RE`), or a text not in
//! NFC. All of these come from ftfy at start-up (`cleaners.encoding`), so the guard cannot
//! drift from the library; what is written here is only the search.

use std::collections::HashSet;

use pyo3::prelude::*;
use regex::Regex;
use unicode_normalization::is_nfc;

#[pyclass(frozen)]
pub struct RepairGuard {
    bmp: Vec<u64>,
    astral: HashSet<u32>,
    ascii: [bool; 128],
    bad: Regex,
    entity: Regex,
}

impl RepairGuard {
    fn trigger(&self, c: char) -> bool {
        let cp = c as u32;
        if cp < 128 {
            self.ascii[cp as usize]
        } else if cp < 0x10000 {
            self.bmp[(cp / 64) as usize] >> (cp % 64) & 1 == 1
        } else {
            self.astral.contains(&cp)
        }
    }

    pub fn needs_repair(&self, text: &str) -> bool {
        if text.chars().any(|c| self.trigger(c)) {
            return true;
        }
        if text.contains('&') && self.entity.is_match(text) {
            return true;
        }
        if text.is_ascii() {
            return false;
        }
        self.bad.is_match(text) || !is_nfc(text)
    }
}

#[pymethods]
impl RepairGuard {
    /// `triggers`: code points any of which makes ftfy look; `bad`: its mojibake pattern
    /// (compact form, Python's `\s` and `\w` spelled out); `entity`: its entity pattern.
    #[new]
    fn new(triggers: Vec<u32>, bad: &str, entity: &str) -> PyResult<Self> {
        let mut bmp = vec![0u64; 0x10000 / 64];
        let mut astral = HashSet::new();
        let mut ascii = [false; 128];
        for cp in triggers {
            if cp < 128 {
                ascii[cp as usize] = true;
            } else if cp < 0x10000 {
                bmp[(cp / 64) as usize] |= 1 << (cp % 64);
            } else {
                astral.insert(cp);
            }
        }
        let compile = |p: &str| Regex::new(p).map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()));
        Ok(RepairGuard { bmp, astral, ascii, bad: compile(bad)?, entity: compile(entity)? })
    }

    /// False only when ftfy would return `text` as it is.
    fn needs(&self, py: Python<'_>, text: &str) -> bool {
        py.detach(|| self.needs_repair(text))
    }

    /// Does ftfy's mojibake pattern match anywhere (`ftfy.badness.is_bad`)?
    fn is_bad(&self, text: &str) -> bool {
        self.bad.is_match(text)
    }

    /// Indices of the segments (`text.split("\n")`, each with its line break) that need
    /// repair: ftfy fixes a text segment by segment.
    fn segments(&self, py: Python<'_>, text: &str) -> Vec<usize> {
        py.detach(|| {
            let parts: Vec<&str> = text.split('\n').collect();
            let last = parts.len() - 1;
            let mut seg = String::new();
            (0..parts.len())
                .filter(|&i| {
                    seg.clear();
                    seg.push_str(parts[i]);
                    if i < last {
                        seg.push('\n');
                    }
                    self.needs_repair(&seg)
                })
                .collect()
        })
    }
}
