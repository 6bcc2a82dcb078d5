//! Many literal keys found in one pass over a text.
//!
//! The templates' row labels and the narrative rules' anchors are hundreds
//! of short literals. Testing each with `contains` costs one substring
//! search per key per line; here the keys are indexed by their first char (a
//! bitset over its low 16 bits rejects most chars at once), so the text is
//! walked once and only the keys that start with the char at hand are
//! compared there.

/// A set of literal keys, each with a payload (a row index, a rule index…).
pub struct KeySet<T> {
    bits: Vec<u64>,
    /// Keys grouped by first char, sorted by it.
    firsts: Vec<(char, Vec<(&'static str, T)>)>,
}

impl<T: Copy> KeySet<T> {
    /// Builds the set; empty keys are ignored.
    pub fn new(entries: impl IntoIterator<Item = (&'static str, T)>) -> KeySet<T> {
        let mut bits = vec![0u64; 1024];
        let mut firsts: Vec<(char, Vec<(&'static str, T)>)> = Vec::new();
        for (key, payload) in entries {
            let Some(c) = key.chars().next() else { continue };
            let k = (c as u32 & 0xFFFF) as usize;
            bits[k / 64] |= 1 << (k % 64);
            match firsts.iter_mut().find(|f| f.0 == c) {
                Some(f) => f.1.push((key, payload)),
                None => firsts.push((c, vec![(key, payload)])),
            }
        }
        firsts.sort_by_key(|f| f.0);
        KeySet { bits, firsts }
    }

    /// The keys that start with the char `c`.
    fn starting_with(&self, c: char) -> &[(&'static str, T)] {
        let k = (c as u32 & 0xFFFF) as usize;
        if self.bits[k / 64] & (1 << (k % 64)) == 0 {
            return &[];
        }
        match self.firsts.binary_search_by_key(&c, |f| f.0) {
            Ok(pos) => &self.firsts[pos].1,
            Err(_) => &[],
        }
    }

    /// Keys whose first char occurs at `i` in `text` (not yet compared
    /// beyond that char): for callers whose keys are patterns.
    pub fn candidates_at<'a>(&'a self, text: &str, i: usize) -> &'a [(&'static str, T)] {
        match text[i..].chars().next() {
            Some(c) => self.starting_with(c),
            None => &[],
        }
    }

    /// Every occurrence of every key in `text`, in text order:
    /// (byte offset, key, payload). Occurrences may overlap.
    pub fn find_iter<'a>(&'a self, text: &'a str) -> impl Iterator<Item = (usize, &'static str, T)> + 'a {
        text.char_indices().flat_map(move |(i, c)| {
            self.starting_with(c)
                .iter()
                .filter(move |(k, _)| text.as_bytes()[i..].starts_with(k.as_bytes()))
                .map(move |&(k, p)| (i, k, p))
        })
    }

    /// Whether any key occurs in `text`.
    pub fn any_in(&self, text: &str) -> bool {
        self.find_iter(text).next().is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_occurrence_in_order() {
        let s = KeySet::new([("申请", 1), ("申请数", 2), ("件", 3), ("", 4)]);
        let hits: Vec<(usize, &str, i32)> = s.find_iter("收到申请数3件,申请").collect();
        assert_eq!(hits, vec![(6, "申请", 1), (6, "申请数", 2), (16, "件", 3), (20, "申请", 1)]);
        assert!(s.any_in("件"));
        assert!(!s.any_in("收到"));
        assert!(!s.any_in(""));
    }

    #[test]
    fn chars_sharing_low_bits_are_told_apart() {
        // U+4E2D 中 and U+14E2D share their low 16 bits.
        let s = KeySet::new([("中", ())]);
        assert!(!s.any_in("\u{14E2D}"));
        assert!(s.any_in("a中"));
    }
}
