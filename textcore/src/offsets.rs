//! Removals through successive stages, in the offsets of the text the first stage was
//! given: what `removals/` promises (`original[start:end]` is the removed text).
//!
//! Each step reports spans in the text the steps before it left; `OffsetMap` keeps which
//! pieces of the original the current text is made of, so a later span maps back to the
//! original — split into several records when it straddles text removed earlier.
//! Offsets are characters (Python string indices).

/// Pieces (original start, length) of the original text the current text is made of.
#[derive(Debug, Clone)]
pub struct OffsetMap {
    orig: Vec<usize>,
    cur: Vec<usize>, // start of each piece in the current text
    lens: Vec<usize>,
}

impl OffsetMap {
    pub fn new(len: usize) -> OffsetMap {
        OffsetMap { orig: vec![0], cur: vec![0], lens: vec![len] }
    }

    /// The original ranges the current range [start, end) covers (adjacent ones merged).
    pub fn to_original(&self, start: usize, end: usize) -> Vec<(usize, usize)> {
        let mut out: Vec<(usize, usize)> = Vec::new();
        let mut i = self.cur.partition_point(|&c| c <= start).saturating_sub(1);
        let mut pos = start;
        while pos < end && i < self.cur.len() {
            let piece_end = self.cur[i] + self.lens[i];
            if pos < piece_end {
                let take = end.min(piece_end) - pos;
                let o = self.orig[i] + (pos - self.cur[i]);
                match out.last_mut() {
                    Some(last) if last.1 == o => last.1 = o + take,
                    _ => out.push((o, o + take)),
                }
                pos += take;
            }
            i += 1;
        }
        out
    }

    /// Drop current ranges (sorted, disjoint) from the map.
    pub fn remove(&mut self, spans: &[(usize, usize)]) {
        let (mut orig, mut lens) = (Vec::new(), Vec::new());
        for ((&o, &c), &n) in self.orig.iter().zip(&self.cur).zip(&self.lens) {
            let mut keep_from = c;
            for &(s, e) in spans {
                if e <= c || s >= c + n {
                    continue;
                }
                if s > keep_from {
                    orig.push(o + keep_from - c);
                    lens.push(s - keep_from);
                }
                keep_from = keep_from.max(e);
            }
            if keep_from < c + n {
                orig.push(o + keep_from - c);
                lens.push(c + n - keep_from);
            }
        }
        let mut cur = Vec::with_capacity(lens.len());
        let mut pos = 0;
        for &n in &lens {
            cur.push(pos);
            pos += n;
        }
        if lens.is_empty() {
            (orig, cur, lens) = (vec![0], vec![0], vec![0]);
        }
        (self.orig, self.cur, self.lens) = (orig, cur, lens);
    }
}

/// A text through successive removals: the current text, and every removal so far as
/// (rule, start, end) in the original's offsets.
pub struct Rebaser<'a> {
    original: &'a str,
    bytes: Vec<usize>, // byte offset of each character of the original, and its length
    map: OffsetMap,
    pub removals: Vec<(&'static str, usize, usize)>,
    len: usize, // characters in the current text
}

impl<'a> Rebaser<'a> {
    pub fn new(original: &'a str) -> Rebaser<'a> {
        let mut bytes: Vec<usize> = original.char_indices().map(|(b, _)| b).collect();
        bytes.push(original.len());
        let len = bytes.len() - 1;
        Rebaser { original, bytes, map: OffsetMap::new(len), removals: Vec::new(), len }
    }

    /// Characters in the current text.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Remove `spans` (rule, start, end) of the current text: sorted, disjoint, inside it.
    pub fn apply(&mut self, spans: &[(&'static str, usize, usize)]) {
        let mut last = 0;
        for &(rule, s, e) in spans {
            assert!(s >= last && e > s && e <= self.len, "rule {rule} returned a bad span {s}:{e}");
            last = e;
        }
        if spans.is_empty() {
            return;
        }
        for &(rule, s, e) in spans {
            for (a, b) in self.map.to_original(s, e) {
                self.removals.push((rule, a, b));
            }
        }
        let plain: Vec<(usize, usize)> = spans.iter().map(|&(_, s, e)| (s, e)).collect();
        self.map.remove(&plain);
        self.len -= plain.iter().map(|&(s, e)| e - s).sum::<usize>();
    }

    /// The current text.
    pub fn text(&self) -> String {
        let mut out = String::with_capacity(self.original.len());
        for (&o, &n) in self.map.orig.iter().zip(&self.map.lens) {
            out.push_str(&self.original[self.bytes[o]..self.bytes[o + n]]);
        }
        out
    }

    /// Every removal, sorted by (start, end).
    pub fn sorted_removals(&self) -> Vec<(&'static str, usize, usize)> {
        let mut out = self.removals.clone();
        out.sort_by_key(|&(_, s, e)| (s, e));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every sequence of removals leaves the characters not removed, and records that
    /// index the original exactly (checked against a list of the surviving positions).
    #[test]
    fn removals_index_the_original() {
        let original = "ab c\n메ab\nc 메 abc\n\nab메c";
        let chars: Vec<char> = original.chars().collect();
        let plans: [&[(usize, usize)]; 4] = [&[(0, 2), (5, 7)], &[(1, 3)], &[(0, 1), (4, 9)], &[(2, 4)]];
        let mut rb = Rebaser::new(original);
        let mut alive: Vec<usize> = (0..chars.len()).collect();
        for plan in plans {
            let spans: Vec<(&'static str, usize, usize)> =
                plan.iter().filter(|&&(_, e)| e <= rb.len()).map(|&(s, e)| ("r", s, e)).collect();
            rb.apply(&spans);
            let dead: Vec<usize> = spans.iter().flat_map(|&(_, s, e)| s..e).collect();
            alive = alive.into_iter().enumerate().filter(|(i, _)| !dead.contains(i)).map(|(_, a)| a).collect();
            assert_eq!(rb.text(), alive.iter().map(|&a| chars[a]).collect::<String>());
        }
        let mut removed: Vec<usize> = rb.sorted_removals().iter().flat_map(|&(_, s, e)| s..e).collect();
        removed.sort_unstable();
        let expect: Vec<usize> = (0..chars.len()).filter(|i| !alive.contains(i)).collect();
        assert_eq!(removed, expect);
    }

    #[test]
    fn a_span_across_earlier_removals_splits() {
        let mut rb = Rebaser::new("0123456789");
        rb.apply(&[("a", 3, 5)]);
        rb.apply(&[("b", 2, 4)]); // "2" and "5", around the removed "34"
        assert_eq!(rb.sorted_removals(), vec![("b", 2, 3), ("a", 3, 5), ("b", 5, 6)]);
        assert_eq!(rb.text(), "016789");
    }
}
