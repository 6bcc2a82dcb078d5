//! Many literal keys found in one pass over a text.
//!
//! The templates' row labels and the narrative rules' anchors are hundreds
//! of short literals. Testing each with `contains` costs one substring
//! search per key per line; here the keys are compiled once into an
//! Aho–Corasick automaton over UTF-8 bytes (a dense table: one lookup per
//! byte of text, whatever the number of keys), so the text is walked once.

/// A set of literal keys, each with a payload (a row index, a rule index…).
pub struct KeySet<T> {
    /// Byte → column of `next` (bytes no key uses share column 0).
    class: [u8; 256],
    columns: usize,
    /// `next[state + class]`: the state after a byte, as the index of its
    /// row (state number × `columns`), with `MATCH` set when keys end there.
    next: Vec<u32>,
    /// Per state number: the keys that end there, longest first (its own
    /// key, then those of its suffixes), as indices into `entries`.
    ends: Vec<Vec<u32>>,
    entries: Vec<Entry<T>>,
}

/// Flag on a `next` value: the state reached is the end of some key.
const MATCH: u32 = 1 << 31;

#[derive(Clone, Copy)]
struct Entry<T> {
    key: &'static str,
    payload: T,
}

impl<T: Copy> KeySet<T> {
    /// Builds the set; empty keys are ignored.
    pub fn new(entries: impl IntoIterator<Item = (&'static str, T)>) -> KeySet<T> {
        let entries: Vec<Entry<T>> = entries.into_iter().filter(|(k, _)| !k.is_empty()).map(|(key, payload)| Entry { key, payload }).collect();
        // Columns: one per byte some key uses, and 0 for the rest.
        let mut class = [0u8; 256];
        let mut columns = 1;
        for e in &entries {
            for &b in e.key.as_bytes() {
                if class[b as usize] == 0 {
                    class[b as usize] = columns as u8;
                    columns += 1;
                }
            }
        }
        // Small key sets in practice; beyond 255 byte values the classes
        // would not fit a u8, and every byte then gets its own column.
        if columns > 256 {
            columns = 256;
            for (b, c) in class.iter_mut().enumerate() {
                *c = b as u8;
            }
        }
        // The trie: children per state as (column, state); the root is 0.
        let mut children: Vec<Vec<(usize, usize)>> = vec![Vec::new()];
        let mut own: Vec<Vec<u32>> = vec![Vec::new()];
        for (i, e) in entries.iter().enumerate() {
            let mut s = 0usize;
            for &b in e.key.as_bytes() {
                let c = class[b as usize] as usize;
                s = match children[s].iter().find(|&&(cc, _)| cc == c) {
                    Some(&(_, t)) => t,
                    None => {
                        let t = own.len();
                        children[s].push((c, t));
                        children.push(Vec::new());
                        own.push(Vec::new());
                        t
                    }
                };
            }
            own[s].push(i as u32);
        }
        // Breadth first, so a state's failure state (shorter) is done
        // before it: its row starts as a copy of the failure state's row,
        // then its trie children are written over it. A child's keys are
        // its own, then its failure state's (shorter ones).
        let states = own.len();
        let mut fail = vec![0usize; states];
        let mut next = vec![0u32; states * columns];
        let mut ends: Vec<Vec<u32>> = vec![Vec::new(); states];
        let mut queue = std::collections::VecDeque::from([0usize]);
        while let Some(s) = queue.pop_front() {
            if s != 0 {
                next.copy_within(fail[s] * columns..(fail[s] + 1) * columns, s * columns);
            }
            for &(c, t) in &children[s] {
                fail[t] = if s == 0 { 0 } else { (next[fail[s] * columns + c] & !MATCH) as usize / columns };
                let mut keys = std::mem::take(&mut own[t]);
                keys.extend_from_slice(&ends[fail[t]]);
                let flag = if keys.is_empty() { 0 } else { MATCH };
                ends[t] = keys;
                next[s * columns + c] = (t * columns) as u32 | flag;
                queue.push_back(t);
            }
        }
        KeySet { class, columns, next, ends, entries }
    }

    /// Calls `f(byte offset, key, payload)` for every occurrence of every
    /// key in `text`, in the order the automaton reaches their ends (not by
    /// start): for callers that keep the best match, or sort the few they
    /// keep, it spares ordering every match.
    pub fn each_unordered(&self, text: &str, mut f: impl FnMut(usize, &'static str, T)) {
        self.each_entry(text, |at, k| {
            let e = &self.entries[k as usize];
            f(at, e.key, e.payload);
        });
    }

    /// [`KeySet::each_unordered`] with the keys' positions in `entries`.
    fn each_entry(&self, text: &str, mut f: impl FnMut(usize, u32)) {
        let (mut at, mut s) = (0usize, 0usize);
        while let Some((end, state)) = self.next_match(text.as_bytes(), at, s) {
            (at, s) = (end, state);
            for &k in &self.ends[s / self.columns] {
                f(end - self.entries[k as usize].key.len(), k);
            }
        }
    }

    /// Runs the automaton from state `s` over `bytes[at..]` up to the next
    /// byte where a key ends: the offset after it and the state there. (A
    /// loop of its own: few live values, so the per-byte step stays in
    /// registers whatever the caller does with a match.)
    #[inline(never)]
    fn next_match(&self, bytes: &[u8], at: usize, mut s: usize) -> Option<(usize, usize)> {
        for (i, &b) in bytes.get(at..)?.iter().enumerate() {
            let t = self.next[s + self.class[b as usize] as usize];
            s = (t & !MATCH) as usize;
            if t & MATCH != 0 {
                return Some((at + i + 1, s));
            }
        }
        None
    }

    /// Every occurrence of every key in `text`, in text order (at one
    /// offset, in the order the keys were given): (byte offset, key,
    /// payload).
    pub fn find_all(&self, text: &str) -> Vec<(usize, &'static str, T)> {
        let mut found = Vec::new();
        self.each_entry(text, |at, k| found.push((at, k)));
        found.sort_unstable();
        found.into_iter().map(|(at, k)| (at, self.entries[k as usize].key, self.entries[k as usize].payload)).collect()
    }

    /// Whether any key occurs in `text`: stops at the first key's end
    /// (nothing gathered, however long the text).
    pub fn any_in(&self, text: &str) -> bool {
        self.next_match(text.as_bytes(), 0, 0).is_some()
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

    /// The byte offsets of the non-overlapping occurrences of word `word`
    /// (its index among the non-empty words given) in `text`, in text order.
    pub fn find_iter<'t>(&'t self, word: usize, text: &'t str) -> impl Iterator<Item = usize> + 't {
        self.finders.get(word).into_iter().flat_map(move |(_, f)| f.find_iter(text.as_bytes()))
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
    fn words_find_every_occurrence_of_a_word() {
        let w = Words::new(&["时间", "日期", ""]);
        let t = "日期:1 时间:2 日期";
        let got: Vec<Vec<usize>> = (0..3).map(|i| w.find_iter(i, t).collect()).collect();
        assert_eq!(got, vec![vec![9], vec![0, 18], vec![]]);
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

    /// The automaton finds exactly what testing every key at every char
    /// boundary finds, in the same order, on keys and texts drawn from a
    /// small alphabet (many shared prefixes, suffixes and overlaps; often
    /// more matches than fit the stack buffer).
    #[test]
    fn agrees_with_testing_every_key_everywhere() {
        let alphabet = ['申', '请', '公', '开', '件', 'a', '1', '、'];
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        let mut draw = |n: usize| -> usize {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for _ in 0..200 {
            let keys: Vec<&'static str> = (0..1 + draw(12))
                .map(|_| -> &'static str { (0..draw(5)).map(|_| alphabet[draw(alphabet.len())]).collect::<String>().leak() })
                .collect();
            let set = KeySet::new(keys.iter().enumerate().map(|(i, &k)| (k, i)));
            let text: String = (0..draw(80)).map(|_| alphabet[draw(alphabet.len())]).collect();
            let mut want = Vec::new();
            for (at, _) in text.char_indices() {
                for (i, &k) in keys.iter().enumerate() {
                    if !k.is_empty() && text[at..].starts_with(k) {
                        want.push((at, k, i));
                    }
                }
            }
            assert_eq!(set.any_in(&text), !want.is_empty(), "keys {keys:?} text {text}");
            assert_eq!(set.find_all(&text), want, "keys {keys:?} text {text}");
            let mut unordered = Vec::new();
            set.each_unordered(&text, |at, k, i| unordered.push((at, k, i)));
            unordered.sort_unstable();
            want.sort_unstable();
            assert_eq!(unordered, want, "keys {keys:?} text {text}");
        }
    }
}
