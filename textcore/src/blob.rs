//! A document's line features as bytes (base64 text in the prepare stage's work file),
//! so the clean stage reads back what prepare computed instead of analysing the text
//! again, without a Python object per feature on either side.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;

use crate::lines::LineFeat;

const VERSION: u8 = 1;

fn put_u32(out: &mut Vec<u8>, x: u32) {
    out.extend_from_slice(&x.to_le_bytes());
}

fn put_u64(out: &mut Vec<u8>, x: u64) {
    out.extend_from_slice(&x.to_le_bytes());
}

/// The features of `lines` as base64 text.
pub fn encode(lines: &[LineFeat]) -> String {
    let mut out = vec![VERSION];
    put_u32(&mut out, lines.len() as u32);
    for f in lines {
        for x in [f.start as u32, f.end as u32, f.key.len() as u32] {
            put_u32(&mut out, x);
        }
        out.extend_from_slice(f.key.as_bytes());
        for x in [f.n_words, f.flags, f.furniture, f.weak, f.nav, f.site_talk, f.address, f.caps_words, f.long_words,
                  f.long_caps, f.h_shapes.len() as u32] {
            put_u32(&mut out, x);
        }
        for x in [f.h_line, f.h_cross, f.h_prefix, f.h_linked, f.h_linked_cross] {
            put_u64(&mut out, x);
        }
        for &h in &f.h_shapes {
            put_u64(&mut out, h);
        }
    }
    STANDARD.encode(out)
}

struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], String> {
        let s = self.b.get(self.pos..self.pos + n).ok_or("line features cut short")?;
        self.pos += n;
        Ok(s)
    }

    fn u32(&mut self) -> Result<u32, String> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().expect("4 bytes")))
    }

    fn u64(&mut self) -> Result<u64, String> {
        Ok(u64::from_le_bytes(self.take(8)?.try_into().expect("8 bytes")))
    }
}

/// The features `encode` wrote.
pub fn decode(text: &str) -> Result<Vec<LineFeat>, String> {
    let b = STANDARD.decode(text).map_err(|e| format!("line features: {e}"))?;
    let mut r = Reader { b: &b, pos: 0 };
    if r.take(1)? != [VERSION] {
        return Err("line features of another version".into());
    }
    let n = r.u32()? as usize;
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        let (start, end, key_len) = (r.u32()? as usize, r.u32()? as usize, r.u32()? as usize);
        let key = String::from_utf8(r.take(key_len)?.to_vec()).map_err(|e| e.to_string())?;
        let mut v = [0u32; 11];
        for x in v.iter_mut() {
            *x = r.u32()?;
        }
        let mut f = LineFeat {
            start, end, key, n_words: v[0], flags: v[1], furniture: v[2], weak: v[3], nav: v[4], site_talk: v[5],
            address: v[6], caps_words: v[7], long_words: v[8], long_caps: v[9],
            h_line: r.u64()?, h_cross: r.u64()?, h_prefix: r.u64()?, h_linked: r.u64()?, h_linked_cross: r.u64()?,
            h_shapes: Vec::with_capacity(v[10] as usize),
        };
        for _ in 0..v[10] {
            f.h_shapes.push(r.u64()?);
        }
        out.push(f);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::{lines, DocSite};

    #[test]
    fn features_come_back_as_they_went() {
        let text = "Über uns | Home\nBy Ana Ruiz, Staff Writer\nThe council met on Tuesday to approve the ferry timetable.\n© 2024 Example";
        let feats = lines(text, &DocSite { site: "example.com", label: "example", max_shape_words: 14 });
        let back = decode(&encode(&feats)).unwrap();
        assert_eq!(format!("{feats:?}"), format!("{back:?}"));
        assert!(decode("AQ==").is_err());
    }
}
