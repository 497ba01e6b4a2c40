//! Everything the dedup stage reads of a batch of clean texts, in flat arrays: per text
//! its signature, LSH band keys and exact digest, the sets a candidate pair is verified
//! on (as values plus offsets), and the normalised text of a short document.

use std::borrow::Cow;

use super::chars::{Classes, DIGIT};
use super::minhash::{self, fold32, Permutations, SLOT};
use super::normalize::{self, Normalized};
use super::sketch;
use super::tokens::{self, Tokens};

pub struct Params {
    pub shingle_words: usize,
    pub bands: usize,
    pub rows: usize,
    /// Documents with fewer distinct shingles keep their normalised text (verifying two
    /// briefs needs to see which words differ).
    pub min_shingles: usize,
    pub perms: Permutations,
}

/// The features of a batch, one text after another.
#[derive(Default)]
pub struct Batch {
    pub sig: Vec<u32>,
    pub bands: Vec<u64>,
    pub exact: Vec<u64>,
    pub sh: Ragged<u32>,
    pub ent: Ragged<u32>,
    pub msh: Ragged<u32>,
    /// Sampled character 5-grams of the OCR-folded words (sketch::char_grams).
    pub ch: Ragged<u32>,
    /// Facts in slots by context, (key, value, letters) flattened (sketch::facts).
    pub fct: Ragged<u32>,
    pub short: Ragged<u8>,
}

/// Values of all texts concatenated; text i's are `values[offsets[i]..offsets[i + 1]]`.
pub struct Ragged<T> {
    pub values: Vec<T>,
    pub offsets: Vec<i64>,
}

impl<T> Default for Ragged<T> {
    fn default() -> Self {
        Ragged { values: Vec::new(), offsets: vec![0] }
    }
}

impl<T: Copy> Ragged<T> {
    fn push(&mut self, values: &[T]) {
        self.values.extend_from_slice(values);
        self.offsets.push(self.values.len() as i64);
    }
}

/// The sets a pair is verified on.
pub struct Sets {
    /// How many distinct 64-bit shingles, when fewer than `min_shingles` (else
    /// `min_shingles`: nothing reads more).
    pub distinct: usize,
    /// The shingles as sorted unique 32-bit values.
    pub sh: Vec<u32>,
    /// Entity words' hashes (low 32 bits), sorted unique.
    pub ent: Vec<u32>,
    /// Shingles with each run of slot words replaced by one slot, 32-bit, sorted unique:
    /// a template filled with other values is nearly the same text once masked.
    pub msh: Vec<u32>,
}

pub fn sets(t: &Tokens, k: usize, min_shingles: usize) -> Sets {
    let shingles = minhash::shingles(&t.hashes, k);
    let sh = minhash::to32(shingles.iter().copied(), fold32);
    // folding to 32 bits only merges values, so `sh` already proves a long document long
    let distinct = if sh.len() >= min_shingles { min_shingles } else { minhash::unique(shingles).len() };
    let ent = minhash::to32(t.hashes.iter().zip(&t.entity).filter(|(_, &e)| e).map(|(&h, _)| h), |h| h as u32);
    let mut masked = Vec::with_capacity(t.hashes.len());
    for (i, (&h, &slot)) in t.hashes.iter().zip(&t.slot).enumerate() {
        if !slot {
            masked.push(h);
        } else if i == 0 || !t.slot[i - 1] {
            masked.push(SLOT);
        }
    }
    let msh = minhash::to32(minhash::shingles(&masked, k).into_iter(), fold32);
    Sets { distinct, sh, ent, msh }
}

impl Batch {
    pub fn push(&mut self, text: &str, p: &Params) {
        let nf = normalize::nfkc(text);
        let norm = match normalize::dehyphenate(text) {
            Cow::Borrowed(_) => Normalized::from_nfkc(&nf), // nothing re-joined: the same NFKC
            Cow::Owned(joined) => Normalized::from_nfkc(&normalize::nfkc(&joined)),
        };
        let words = tokens::tokenize(&norm);
        let s = sets(&words, p.shingle_words, p.min_shingles);
        self.ch.push(&sketch::char_grams(&norm.chars, &words));
        let classes = Classes::get();
        self.fct.push(&sketch::facts(&norm.chars, &words, |c| classes.of(c) & DIGIT != 0));
        self.push_signature(&s.sh, p);
        self.exact.extend(normalize::exact_digest_of_nfkc(&nf));
        self.sh.push(&s.sh);
        self.ent.push(&s.ent);
        self.msh.push(&s.msh);
        let short = if s.distinct < p.min_shingles { norm.text() } else { String::new() };
        self.short.push(short.as_bytes());
    }

    /// Appends the signature and band keys of a document's 32-bit shingle set (the
    /// signature needs only the distinct values: repeats never lower a minimum).
    pub fn push_signature(&mut self, sh: &[u32], p: &Params) {
        let at = self.sig.len();
        self.sig.resize(at + p.perms.a.len(), 0);
        p.perms.signature(sh, &mut self.sig[at..]);
        let at_band = self.bands.len();
        self.bands.resize(at_band + p.bands, 0);
        minhash::band_keys(&self.sig[at..at + p.bands * p.rows], p.rows, &mut self.bands[at_band..]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sets_of(text: &str) -> Sets {
        sets(&tokens::tokenize(&Normalized::new(text)), 3, 50)
    }

    #[test]
    fn a_template_filled_with_other_names_masks_to_the_same_shingles() {
        let a = sets_of("Police said Ana Ruiz met Tom on Monday in the town hall");
        let b = sets_of("Police said Bo met Li Wei on Friday in the town hall");
        assert_eq!(a.msh, b.msh); // each run of capitalised words is one slot
        assert_ne!(a.sh, b.sh);
        assert_eq!(a.ent.len(), 4); // ana, ruiz, tom, monday; "Police" opens the sentence
    }

    #[test]
    fn entity_set_holds_low_32_bits_of_word_hashes() {
        let t =
            Tokens {
            hashes: vec![1 << 40 | 7, 9, 7],
            entity: vec![true, false, true],
            slot: vec![true, false, true],
            spans: vec![],
        };
        assert_eq!(sets(&t, 2, 50).ent, vec![7]);
    }

    #[test]
    fn short_documents_keep_their_normalised_text() {
        let p = Params {
            shingle_words: 2,
            bands: 1,
            rows: 2,
            min_shingles: 3,
            perms: Permutations { a: vec![1, 3], b: vec![0, 0] },
        };
        let mut batch = Batch::default();
        batch.push("Ｏne TWO three", &p); // two shingles: short
        batch.push("one two three four", &p); // three: not short
        assert_eq!(batch.short.values, b"one two three");
        assert_eq!(batch.short.offsets, [0, 13, 13]);
        assert_eq!(batch.sig.len(), 4);
        assert_eq!(batch.bands.len(), 2);
    }
}
