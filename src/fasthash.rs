//! A fast hasher for maps keyed by our own field ids and offsets.
//!
//! The standard SipHash resists crafted collisions at a cost that dominated
//! the checks (hundreds of id lookups per report). Keys hashed here are
//! registry ids, template names and byte offsets, never text from a report,
//! so a simple multiply-rotate hash is safe and several times cheaper.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// Multiply-rotate hashing, a word at a time.
#[derive(Default, Clone, Copy)]
pub struct FastHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FastHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FastHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().unwrap_or([0; 8])));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(last) ^ ((rest.len() as u64) << 59));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;
pub type FastSet<K> = HashSet<K, BuildHasherDefault<FastHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn map_works_and_similar_keys_differ() {
        let mut m: FastMap<String, usize> = FastMap::default();
        let ids = ["applications.results.total.total", "applications.results.total.totaL", "a", "b", "", "ab", "ba"];
        for (i, id) in ids.iter().enumerate() {
            m.insert(id.to_string(), i);
        }
        for (i, id) in ids.iter().enumerate() {
            assert_eq!(m.get(*id), Some(&i));
        }
        let h = |s: &str| {
            let mut f = FastHasher::default();
            f.write(s.as_bytes());
            f.finish()
        };
        assert_ne!(h("ab"), h("ba"));
        assert_ne!(h("a"), h("a\0"));
    }
}
