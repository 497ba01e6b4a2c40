//! Everything the dedup stage reads of a batch of clean texts, in flat arrays: per text
//! its signature, LSH band keys and exact digest, the sets a candidate pair is verified
//! on (as values plus offsets), and the normalised text of a short document.

use super::minhash::{self, fold32, Permutations, SLOT};
use super::normalize::{self, Normalized};
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
    /// Sorted unique 64-bit shingles.
    pub shingles: Vec<u64>,
    /// The shingles as sorted unique 32-bit values.
    pub sh: Vec<u32>,
    /// Entity words' hashes (low 32 bits), sorted unique.
    pub ent: Vec<u32>,
    /// Shingles with each run of slot words replaced by one slot, 32-bit, sorted unique:
    /// a template filled with other values is nearly the same text once masked.
    pub msh: Vec<u32>,
}

pub fn sets(t: &Tokens, k: usize) -> Sets {
    let shingles = minhash::shingles(&t.hashes, k);
    let sh = minhash::to32(shingles.iter().copied(), fold32);
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
    Sets { shingles, sh, ent, msh }
}

impl Batch {
    pub fn push(&mut self, text: &str, p: &Params) {
        let norm = Normalized::new(text);
        let s = sets(&tokens::tokenize(&norm), p.shingle_words);
        let n_perm = p.perms.a.len();
        let at = self.sig.len();
        self.sig.resize(at + n_perm, 0);
        // the signature needs only the distinct 32-bit values: repeats never lower a minimum
        p.perms.signature(&s.sh, &mut self.sig[at..]);
        let at_band = self.bands.len();
        self.bands.resize(at_band + p.bands, 0);
        minhash::band_keys(&self.sig[at..at + p.bands * p.rows], p.rows, &mut self.bands[at_band..]);
        self.exact.extend(normalize::exact_digest(text));
        self.sh.push(&s.sh);
        self.ent.push(&s.ent);
        self.msh.push(&s.msh);
        let short = if s.shingles.len() < p.min_shingles { norm.text() } else { String::new() };
        self.short.push(short.as_bytes());
    }
}
