//! Word shingles, their MinHash signature and its LSH band keys.
//!
//! The signature is datasketch's `MinHash(num_perm, seed, scheme="affine32")` fed the
//! shingles with the hash function "a shingle's 64-bit hash folded to 32 bits": each
//! value is pre-mixed with MurmurHash3's 32-bit finaliser (fmix32), then permutation j
//! maps it to a_j * x + b_j mod 2^32 and keeps the minimum. The a_j and b_j are
//! datasketch's own (read from a `MinHash` in Python and passed in), so the signatures
//! load as `LeanMinHash` and work with datasketch's LSH classes.

use super::tokens::mix64;

/// Multiplier chaining a shingle's word hashes (odd, 64-bit golden ratio).
const CHAIN: u64 = 0x9E3779B97F4A7C15;
/// What a run of slot words (names, numbers) becomes in the masked shingles.
pub const SLOT: u64 = 0x5EED5EED5EED5EED;
const FNV_OFFSET: u64 = 0xCBF29CE484222325;
const FNV_PRIME: u64 = 0x100000001B3;

/// Hashes of the k-word shingles in text order, repeats included (a text of fewer than
/// k words is one shingle of all its words; a text of none has none). A shingle is
/// mix(sum of t[i + j] * CHAIN^(k - 1 - j)), kept as a rolling sum: mod 2^64 the
/// subtraction is exact.
pub fn shingles(tokens: &[u64], k: usize) -> Vec<u64> {
    if tokens.is_empty() || k == 0 {
        return Vec::new();
    }
    let k = k.min(tokens.len());
    let top = CHAIN.wrapping_pow(k as u32 - 1); // the weight of a window's first word
    let mut acc = tokens[..k].iter().fold(0u64, |acc, &t| acc.wrapping_mul(CHAIN).wrapping_add(t));
    let mut out = Vec::with_capacity(tokens.len() - k + 1);
    out.push(mix64(acc));
    for (&gone, &new) in tokens.iter().zip(&tokens[k..]) {
        acc = acc.wrapping_sub(gone.wrapping_mul(top)).wrapping_mul(CHAIN).wrapping_add(new);
        out.push(mix64(acc));
    }
    out
}

/// The shingles sorted, repeats dropped.
pub fn unique(mut hashes: Vec<u64>) -> Vec<u64> {
    hashes.sort_unstable();
    hashes.dedup();
    hashes
}

/// presswash's 32-bit shingle hash (the value datasketch's hash function returns).
pub fn fold32(h: u64) -> u32 {
    (h ^ (h >> 32)) as u32
}

/// Sorted unique 32-bit values of 64-bit hashes.
pub fn to32(hashes: impl Iterator<Item = u64>, fold: fn(u64) -> u32) -> Vec<u32> {
    let mut out = radix_sort(hashes.map(fold).collect());
    out.dedup();
    out
}

/// Sorted, least significant byte first: four counting passes take half the time of a
/// comparison sort on a document's few hundred shingle values (no mispredicted branches).
fn radix_sort(mut v: Vec<u32>) -> Vec<u32> {
    if v.len() < 64 {
        v.sort_unstable();
        return v;
    }
    let mut other = vec![0u32; v.len()];
    for shift in [0, 8, 16, 24] {
        let mut start = [0usize; 257];
        for &x in &v {
            start[((x >> shift) & 0xFF) as usize + 1] += 1;
        }
        for d in 0..256 {
            start[d + 1] += start[d];
        }
        for &x in &v {
            let d = ((x >> shift) & 0xFF) as usize;
            other[start[d]] = x;
            start[d] += 1;
        }
        std::mem::swap(&mut v, &mut other);
    }
    v
}

/// MurmurHash3's 32-bit finaliser, as datasketch's `_fmix(hv, 32)`.
pub fn fmix32(mut h: u32) -> u32 {
    h ^= h >> 16;
    h = h.wrapping_mul(0x85EBCA6B);
    h ^= h >> 13;
    h = h.wrapping_mul(0xC2B2AE35);
    h ^ (h >> 16)
}

/// datasketch's affine32 permutations: `a` odd, both taken from `MinHash.permutations`.
pub struct Permutations {
    pub a: Vec<u32>,
    pub b: Vec<u32>,
}

impl Permutations {
    /// Writes the signature of the 32-bit shingle values `x` into `sig` (one value per
    /// permutation; all u32::MAX, datasketch's empty value, when there are none).
    /// Time is permutations × shingles; memory only the pre-mixed values.
    pub fn signature(&self, x: &[u32], sig: &mut [u32]) {
        let mixed: Vec<u32> = x.iter().map(|&v| fmix32(v)).collect();
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the CPU has AVX2, checked just above.
            return unsafe { min_affine_avx2(&self.a, &self.b, &mixed, sig) };
        }
        min_affine(&self.a, &self.b, &mixed, sig);
    }
}

/// sig[j] = min over v of a[j] * v + b[j] (mod 2^32): one permutation at a time over all
/// values, a min-reduction the compiler vectorises.
#[inline(always)]
fn min_affine(a: &[u32], b: &[u32], mixed: &[u32], sig: &mut [u32]) {
    for ((s, &a), &b) in sig.iter_mut().zip(a).zip(b) {
        *s = mixed.iter().fold(u32::MAX, |m, &v| m.min(a.wrapping_mul(v).wrapping_add(b)));
    }
}

/// `min_affine` compiled for AVX2 (8 lanes with a native 32-bit multiply and unsigned
/// minimum; the baseline x86-64 target has neither and emulates both): ~4× faster.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn min_affine_avx2(a: &[u32], b: &[u32], mixed: &[u32], sig: &mut [u32]) {
    min_affine(a, b, mixed, sig)
}

/// One 64-bit key per LSH band of `rows` signature values: FNV-1a over the band's
/// values, plus the band number (equal bands at other positions must not collide), mixed.
pub fn band_keys(sig: &[u32], rows: usize, out: &mut [u64]) {
    for (band, (key, values)) in out.iter_mut().zip(sig.chunks_exact(rows)).enumerate() {
        let acc = values.iter().fold(FNV_OFFSET, |acc, &v| (acc ^ v as u64).wrapping_mul(FNV_PRIME));
        *key = mix64(acc.wrapping_add(band as u64));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shingles_chain_k_words() {
        let t = [1u64, 2, 3, 4];
        let want = |w: &[u64]| mix64(w.iter().skip(1).fold(w[0], |a, &x| a.wrapping_mul(CHAIN).wrapping_add(x)));
        assert_eq!(shingles(&t, 3), [want(&t[0..3]), want(&t[1..4])]);
        assert_eq!(shingles(&t, 9), [want(&t)]); // shorter than k: one shingle
        assert_eq!(unique(shingles(&[5, 5, 5, 5], 2)).len(), 1); // repeats count once
        assert!(shingles(&[], 5).is_empty());
    }

    #[test]
    fn rolling_shingles_equal_shingles_hashed_one_by_one() {
        let t: Vec<u64> = (0..40u64).map(|i| i.wrapping_mul(0xDEADBEEF12345)).collect();
        let each = |w: &[u64]| mix64(w[1..].iter().fold(w[0], |a, &x| a.wrapping_mul(CHAIN).wrapping_add(x)));
        assert_eq!(shingles(&t, 5), t.windows(5).map(each).collect::<Vec<_>>());
    }

    #[test]
    fn to32_folds_sorts_and_drops_repeats() {
        assert_eq!(to32([3u64 << 32, 5, 3 << 32].into_iter(), fold32), [3, 5]);
        let v: Vec<u32> = (0..1000u32).map(|i| i.wrapping_mul(2654435761) ^ (i >> 3)).collect();
        let mut want = v.clone();
        want.sort_unstable();
        assert_eq!(radix_sort(v), want);
    }

    #[test]
    fn fmix32_known_values() {
        // as datasketch's `_fmix(np.array([x], np.uint32), 32)` computes them
        assert_eq!(fmix32(0), 0);
        assert_eq!(fmix32(1), 0x514E28B7);
        assert_eq!(fmix32(0xFFFFFFFF), 0x81F16F39);
    }

    #[test]
    fn affine_permutation_known_values() {
        let p = Permutations { a: vec![1, 3, 0xFFFFFFFF], b: vec![0, 5, 7] };
        let mut sig = [0u32; 3];
        p.signature(&[1], &mut sig);
        let m = fmix32(1);
        assert_eq!(sig, [m, m.wrapping_mul(3).wrapping_add(5), m.wrapping_neg().wrapping_add(7)]);
        p.signature(&[1, 2, 3], &mut sig);
        assert_eq!(sig[0], [1, 2, 3].map(fmix32).into_iter().min().unwrap());
        p.signature(&[], &mut sig);
        assert_eq!(sig, [u32::MAX; 3]);
    }

    #[test]
    fn band_keys_depend_on_values_and_position() {
        let mut keys = [0u64; 2];
        band_keys(&[7, 8, 7, 8], 2, &mut keys);
        assert_ne!(keys[0], keys[1]); // same values, other band
        let mut other = [0u64; 2];
        band_keys(&[7, 8, 7, 9], 2, &mut other);
        assert_eq!(keys[0], other[0]);
        assert_ne!(keys[1], other[1]);
    }
}
