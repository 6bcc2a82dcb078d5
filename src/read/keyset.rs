//! Many literal keys found in one pass over a text.
//!
//! The templates' row labels and the narrative rules' anchors are hundreds
//! of short literals. Testing each with `contains` costs one substring
//! search per key per line; here the keys are indexed by their first two
//! chars (a bitset over a hash of the pair rejects most positions at once),
//! so the text is walked once and only the few keys that start with the
//! pair at hand are compared there. Keys of one char have their own index.

/// Bits in each bitset (a power of two).
const BITS: usize = 1 << 16;

/// Keys sharing their first char(s), with those chars.
type Group<K, T> = (K, Vec<Entry<T>>);

/// A set of literal keys, each with a payload (a row index, a rule index…).
pub struct KeySet<T> {
    /// Keys of 2+ chars by their first two chars, sorted by the pair.
    pairs: Vec<Group<(char, char), T>>,
    pair_bits: Vec<u64>,
    /// Keys of one char, sorted by it.
    singles: Vec<Group<char, T>>,
    single_bits: Vec<u64>,
}

#[derive(Clone, Copy)]
struct Entry<T> {
    key: &'static str,
    payload: T,
    /// Insertion order: matches at one position come out in this order.
    seq: usize,
}

fn pair_hash(a: char, b: char) -> usize {
    ((a as u32).wrapping_mul(0x9E37_79B1) ^ (b as u32)) as usize & (BITS - 1)
}

fn single_hash(a: char) -> usize {
    a as usize & (BITS - 1)
}

fn test(bits: &[u64], h: usize) -> bool {
    bits[h / 64] & (1 << (h % 64)) != 0
}

impl<T: Copy> KeySet<T> {
    /// Builds the set; empty keys are ignored.
    pub fn new(entries: impl IntoIterator<Item = (&'static str, T)>) -> KeySet<T> {
        let mut set = KeySet { pairs: Vec::new(), pair_bits: vec![0; BITS / 64], singles: Vec::new(), single_bits: vec![0; BITS / 64] };
        for (seq, (key, payload)) in entries.into_iter().enumerate() {
            let e = Entry { key, payload, seq };
            let mut cs = key.chars();
            match (cs.next(), cs.next()) {
                (None, _) => {}
                (Some(a), None) => {
                    let h = single_hash(a);
                    set.single_bits[h / 64] |= 1 << (h % 64);
                    match set.singles.iter_mut().find(|g| g.0 == a) {
                        Some(g) => g.1.push(e),
                        None => set.singles.push((a, vec![e])),
                    }
                }
                (Some(a), Some(b)) => {
                    let h = pair_hash(a, b);
                    set.pair_bits[h / 64] |= 1 << (h % 64);
                    match set.pairs.iter_mut().find(|g| g.0 == (a, b)) {
                        Some(g) => g.1.push(e),
                        None => set.pairs.push(((a, b), vec![e])),
                    }
                }
            }
        }
        set.pairs.sort_by_key(|g| g.0);
        set.singles.sort_by_key(|g| g.0);
        set
    }

    fn singles_of(&self, a: char) -> &[Entry<T>] {
        if !test(&self.single_bits, single_hash(a)) {
            return &[];
        }
        self.singles.binary_search_by_key(&a, |g| g.0).map_or(&[], |p| &self.singles[p].1)
    }

    fn pairs_of(&self, a: char, b: char) -> &[Entry<T>] {
        if !test(&self.pair_bits, pair_hash(a, b)) {
            return &[];
        }
        self.pairs.binary_search_by_key(&(a, b), |g| g.0).map_or(&[], |p| &self.pairs[p].1)
    }

    /// Calls `f(byte offset, key, payload)` for every occurrence of every
    /// key in `text`, in text order (at one offset, in insertion order).
    /// Occurrences may overlap. `f` returns false to stop.
    pub fn for_each(&self, text: &str, mut f: impl FnMut(usize, &'static str, T) -> bool) {
        let bytes = text.as_bytes();
        let mut chars = text.char_indices().peekable();
        let mut here: Vec<Entry<T>> = Vec::new();
        while let Some((i, a)) = chars.next() {
            let singles = self.singles_of(a);
            let pairs = match chars.peek() {
                Some(&(_, b)) => self.pairs_of(a, b),
                None => &[],
            };
            if singles.is_empty() && pairs.is_empty() {
                continue;
            }
            here.clear();
            here.extend(singles.iter().chain(pairs).filter(|e| bytes[i..].starts_with(e.key.as_bytes())).copied());
            if !singles.is_empty() && !pairs.is_empty() {
                here.sort_by_key(|e| e.seq);
            }
            for e in &here {
                if !f(i, e.key, e.payload) {
                    return;
                }
            }
        }
    }

    /// Every occurrence of every key in `text`, in text order:
    /// (byte offset, key, payload).
    pub fn find_all(&self, text: &str) -> Vec<(usize, &'static str, T)> {
        let mut out = Vec::new();
        self.for_each(text, |i, k, p| {
            out.push((i, k, p));
            true
        });
        out
    }

    /// Whether any key occurs in `text`.
    pub fn any_in(&self, text: &str) -> bool {
        let mut found = false;
        self.for_each(text, |_, _, _| {
            found = true;
            false
        });
        found
    }
}

/// A few words searched over whole texts with vector searchers built once.
///
/// For a handful of words over a long text, one `memmem` pass per word
/// beats a char-by-char walk; building a searcher costs more than searching
/// a short report, so the searchers are built once and kept (in a static).
pub struct Words {
    finders: Vec<(&'static str, memchr::memmem::Finder<'static>)>,
}

impl Words {
    pub fn new<'a>(words: impl IntoIterator<Item = &'a &'static str>) -> Words {
        Words { finders: words.into_iter().filter(|w| !w.is_empty()).map(|w| (*w, memchr::memmem::Finder::new(w.as_bytes()))).collect() }
    }

    /// Whether any of the words occurs in `text`.
    pub fn any_in(&self, text: &str) -> bool {
        self.finders.iter().any(|(_, f)| f.find(text.as_bytes()).is_some())
    }

    /// Every occurrence, word by word (in the order given), each word's in
    /// text order: (word index, byte offset, word).
    pub fn each<'t>(&'t self, text: &'t str) -> impl Iterator<Item = (usize, usize, &'static str)> + 't {
        self.finders.iter().enumerate().flat_map(move |(wi, &(w, ref f))| f.find_iter(text.as_bytes()).map(move |p| (wi, p, w)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_occurrence_in_order() {
        let s = KeySet::new([("申请数", 2), ("件", 3), ("", 4), ("申请", 1)]);
        let hits = s.find_all("收到申请数3件,申请");
        // At one offset, keys come in the order they were given.
        assert_eq!(hits, vec![(6, "申请数", 2), (6, "申请", 1), (16, "件", 3), (20, "申请", 1)]);
        assert!(s.any_in("件"));
        assert!(!s.any_in("收到"));
        assert!(!s.any_in("申"));
        assert!(!s.any_in(""));
    }

    #[test]
    fn singles_and_pairs_at_one_offset_keep_insertion_order() {
        let s = KeySet::new([("公开", 'a'), ("公", 'b'), ("公开数", 'c')]);
        let got: Vec<char> = s.find_all("公开数").into_iter().map(|h| h.2).collect();
        assert_eq!(got, vec!['a', 'b', 'c']);
    }

    #[test]
    fn words_find_every_occurrence_word_by_word() {
        let w = Words::new(&["时间", "日期", ""]);
        let got: Vec<(usize, usize)> = w.each("日期:1 时间:2 日期").map(|(i, p, _)| (i, p)).collect();
        assert_eq!(got, vec![(0, 9), (1, 0), (1, 18)]);
        assert!(w.any_in("发布日期"));
        assert!(!w.any_in("发布"));
    }

    #[test]
    fn chars_sharing_hash_bits_are_told_apart() {
        // U+4E2D 中 and U+14E2D share their low 16 bits.
        let s = KeySet::new([("中", ()), ("中国", ())]);
        assert!(!s.any_in("\u{14E2D}"));
        assert!(!s.any_in("\u{14E2D}国"));
        assert!(s.any_in("a中"));
    }
}
