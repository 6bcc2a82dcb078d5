//! The narrative reader: numbers stated in sentences.
//!
//! Every rule of `registry::narrative` is tried on every sentence outside the
//! tables. A candidate is an anchor phrase with a number (and a unit the
//! rule accepts) right after it, or right before it. Candidates then compete:
//! a longer anchor beats a shorter one inside it (主要负责同志参加新闻发布会 vs
//! 新闻发布会), cumulative figures are dropped (以来, 历年…), a sentence that
//! lists parts (区政府…, 市本级…) keeps only its whole, and among what is left
//! the most specific anchor wins, then the first in the text. Negations
//! (无…行政复议) state zero when no number is stated.

use super::keyset::KeySet;
use super::Value;
use crate::numbers::{self, Num};
use crate::registry::narrative::{
    Pos, Rule, ALL_CLOSED, CUMULATIVE_MARKERS, NEGATIONS, NEGATORS, NEGATORS_AFTER, RULES,
    SUBSET_MARKERS,
};
use crate::registry;
use crate::segment::{Document, Span};

pub struct NarrRead {
    pub values: Vec<Value>,
    pub warnings: Vec<String>,
}


#[derive(Debug, Clone)]
struct Cand {
    id: &'static str,
    num: Num,
    /// Absolute byte spans.
    anchor: Span,
    phrase: Span,
    sentence: usize,
    sentence_span: Span,
    anchor_len: usize,
    subset: bool,
    /// Lower wins among equals: 0 explicit number, 1 all-closed, 2 negation.
    tier: u8,
}

const MAX_FILLER: usize = 8;

fn is_cn_numeral(c: char) -> bool {
    matches!(c, '〇' | '零' | '一' | '二' | '两' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '百' | '千')
}

/// Completes a match of `anchor` whose first part starts at `s`: the parts
/// after each `*` must follow within ten characters, with no digit or
/// clause break in between. Returns the end of the match.
fn match_rest(t: &str, s: usize, anchor: &str) -> Option<usize> {
    let mut parts = anchor.split('*');
    let first = parts.next()?;
    if !t[s..].starts_with(first) {
        return None;
    }
    let mut e = s + first.len();
    for part in parts {
        let window_end = t[e..]
            .char_indices()
            .nth(10 + part.chars().count())
            .map(|(i, _)| e + i)
            .unwrap_or(t.len());
        let window = &t[e..window_end];
        let q = window.find(part)?;
        if window[..q].contains(|c: char| c.is_ascii_digit() || matches!(c, ',' | ';' | ':' | '。' | '、' | '(' | ')')) {
            return None;
        }
        e += q + part.len();
    }
    Some(e)
}

/// What a word of the narrative automaton is.
#[derive(Clone, Copy)]
enum Word {
    /// The literal head (before any `*`) of anchor `.1` of rule `.0`.
    Anchor(usize, usize),
    /// A word that negates a quantity (before or after its topic).
    Negator,
    /// A topic word of a negation (行政复议, 收费…).
    Topic,
    /// A word that makes the figures after it cumulative (以来, 累计…).
    Cumulative,
}

/// Every anchor of every rule (keyed by its literal head), every negation
/// word and every cumulative marker, so one pass over a sentence finds them
/// all.
fn words() -> &'static KeySet<Word> {
    static I: std::sync::OnceLock<KeySet<Word>> = std::sync::OnceLock::new();
    I.get_or_init(|| {
        let anchors = RULES.iter().enumerate().flat_map(|(ri, r)| {
            r.anchors.iter().enumerate().map(move |(ai, a)| (a.split('*').next().unwrap_or(""), Word::Anchor(ri, ai)))
        });
        let negators = NEGATORS.iter().chain(NEGATORS_AFTER).map(|&w| (w, Word::Negator));
        let topics = NEGATIONS.iter().flat_map(|n| n.topics[0].iter()).map(|&w| (w, Word::Topic));
        let cumulative = CUMULATIVE_MARKERS.iter().map(|&w| (w, Word::Cumulative));
        KeySet::new(anchors.chain(negators).chain(topics).chain(cumulative))
    })
}

/// What one pass over a sentence found besides its anchors.
struct SentenceWords {
    /// It holds a negator and a topic word.
    negated: bool,
    /// Where the first cumulative marker starts (`usize::MAX`: none).
    cumulative: usize,
}

/// One sentence's words: its anchor matches in text order as (rule, anchor,
/// start, end) into `anchors`, and the rest.
fn scan_sentence(t: &str, anchors: &mut Vec<(usize, usize, usize, usize)>) -> SentenceWords {
    anchors.clear();
    let (mut negator, mut topic, mut cumulative) = (false, false, usize::MAX);
    words().each_unordered(t, |i, _, w| match w {
        Word::Anchor(ri, ai) => {
            if let Some(e) = match_rest(t, i, RULES[ri].anchors[ai]) {
                anchors.push((ri, ai, i, e));
            }
        }
        Word::Negator => negator = true,
        Word::Topic => topic = true,
        Word::Cumulative => cumulative = cumulative.min(i),
    });
    // Text order; at one offset, rule order (the order the anchors were
    // put in the automaton).
    anchors.sort_unstable_by_key(|&(ri, ai, i, _)| (i, ri, ai));
    SentenceWords { negated: negator && topic, cumulative }
}

fn unit_after<'a>(t: &str, pos: usize, units: &'a [&'a str]) -> Option<&'a str> {
    let rest = &t[pos..];
    units
        .iter()
        .filter(|u| rest.starts_with(*u))
        .max_by_key(|u| u.len())
        .copied()
}

/// Number after the anchor: skip a little filler (共, 共计, 为, 数, quotes, a
/// parenthetical) but never a clause break.
fn number_after(t: &str, from: usize, rule: &Rule) -> Option<(Num, usize)> {
    let mut p = from;
    let mut filler = 0;
    while p < t.len() {
        let c = t[p..].chars().next()?;
        if c.is_ascii_digit()
            || is_cn_numeral(c)
            || ["近", "约", "逾", "超过", "将近", "大约"]
                .iter()
                .any(|x| t[p..].starts_with(x))
        {
            if let Some(mut n) = numbers::parse_at(t, p, true) {
                // 受理一件、答复一件 is an idiom, not a count.
                let lone_one = &t[n.start..n.end] == "一";
                // `3 119件`: a thousands group set off by a space (PDF text).
                while let Some(g) = spaced_group(t, n.end) {
                    n.value = n.value * 1000.0 + g;
                    n.end += 4;
                }
                if let Some(u) = unit_after(t, n.end, rule.units).filter(|_| !lone_one) {
                    return Some((n, n.end + u.len()));
                }
            }
            if c.is_ascii_digit() {
                return None;
            }
        }
        if c == '(' {
            // A parenthetical without numbers: (含新增和变更)
            let close = t[p..].find(')')?;
            if close > 40 || t[p..p + close].contains(|c: char| c.is_ascii_digit()) {
                return None;
            }
            p += close + 1;
            continue;
        }
        if matches!(c, ',' | ';' | '。' | '、' | '!' | '?' | '\n' | '\t') || filler >= MAX_FILLER {
            return None;
        }
        filler += 1;
        p += c.len_utf8();
    }
    None
}

/// ` ddd` right after a number and before a non-digit: a spaced thousands group.
fn spaced_group(t: &str, at: usize) -> Option<f64> {
    let b = t.as_bytes().get(at..at + 5)?;
    if b[0] == b' '
        && b[1..4].iter().all(u8::is_ascii_digit)
        && !b[4].is_ascii_digit()
        && b[4] != b' '
        && b[4] != b'.'
    {
        t[at + 1..at + 4].parse().ok()
    } else {
        None
    }
}

/// Number before the anchor: `12次新闻发布会`, `两次举办…培训` (gap ≤ rule.gap).
fn number_before(t: &str, anchor_start: usize, rule: &Rule) -> Option<(Num, usize)> {
    let head = &t[..anchor_start];
    let mut q = head.len();
    for g in 0..=rule.gap {
        if g > 0 {
            let c = head[..q].chars().next_back()?;
            if c.is_ascii_digit() || matches!(c, ',' | ';' | ':' | '。' | '、' | '!' | '?' | '(' | ')' | '\n' | '\t') {
                return None;
            }
            q -= c.len_utf8();
        }
        for u in rule.units {
            if let Some(before_u) = head[..q].strip_suffix(u) {
                // Walk back over the number.
                let Some(start) = before_u
                    .char_indices()
                    .rev()
                    .take_while(|(_, c)| {
                        c.is_ascii_digit() || *c == '.' || *c == ',' || is_cn_numeral(*c)
                    })
                    .last()
                    .map(|(i, _)| i)
                else {
                    continue;
                };
                // Allow an approximate prefix (近500人次).
                let start = ["近", "约", "逾"]
                    .iter()
                    .find(|p| before_u[..start].ends_with(*p))
                    .map(|p| start - p.len())
                    .unwrap_or(start);
                if let Some(n) = numbers::parse_at(t, start, true) {
                    if n.end == before_u.len() {
                        return Some((n, start));
                    }
                }
            }
        }
    }
    None
}

/// Tells whether sentences lie inside a line that belongs to a table.
/// Sentences come in text order, so the line is found by walking on from
/// the previous sentence's (a binary search per sentence otherwise).
struct TableLineFinder<'d> {
    doc: &'d Document<'d>,
    table_lines: &'d [bool],
    /// Lines starting at or before the last sentence's start.
    before: usize,
}

impl TableLineFinder<'_> {
    fn in_table(&mut self, sp: Span) -> bool {
        let lines = &self.doc.lines;
        if self.before > 0 && lines[self.before - 1].span.start > sp.start {
            // Out of order (never, from `sentences`): search from scratch.
            self.before = 0;
        }
        while self.before < lines.len() && lines[self.before].span.start <= sp.start {
            self.before += 1;
        }
        let i = self.before;
        i > 0 && self.table_lines.get(i - 1).copied().unwrap_or(false) && sp.end <= lines[i - 1].span.end
    }
}

fn clause_start(t: &str, pos: usize) -> usize {
    t[..pos].rfind([',', ';', ':']).map(|i| i + 1).unwrap_or(0)
}

pub fn read_narrative(doc: &Document, era: &str, table_lines: &[bool]) -> NarrRead {
    let mut finder = TableLineFinder { doc, table_lines, before: 0 };
    let sentences: Vec<Span> = doc
        .sentences()
        .into_iter()
        .filter(|s| !finder.in_table(*s))
        .collect();
    let mut cands: Vec<Cand> = Vec::new();
    // One pass of the automaton per sentence (table text is skipped; an
    // anchor must lie within one sentence). Negations state zero; only
    // sentences with a negator and a topic word are looked at for them.
    let mut negated = Vec::with_capacity(sentences.len());
    let mut anchors = Vec::new();
    for (si, &sp) in sentences.iter().enumerate() {
        let t = doc.slice(sp);
        let seen = scan_sentence(t, &mut anchors);
        negated.push(seen.negated);
        // Computed on first use: where cumulative wording starts.
        let mut cumulative_from: Option<usize> = None;
        for &(ri, ai, a0, a1) in &anchors {
            let rule = &RULES[ri];
            let anchor = rule.anchors[ai];
            if !rule.require.is_empty() && !rule.require.iter().any(|w| t.contains(w)) {
                continue;
            }
            if rule.exclude.iter().any(|w| t.contains(w)) {
                continue;
            }
            let found = match rule.pos {
                Pos::After => number_after(t, a1, rule).map(|(n, end)| (n, a0, end)),
                Pos::Before => number_before(t, a0, rule).map(|(n, start)| (n, start, a1)),
            };
            let Some((num, p0, p1)) = found else { continue };
            let cum = *cumulative_from.get_or_insert_with(|| seen.cumulative.min(first_since_year(t).unwrap_or(usize::MAX)));
            if cum < a0.min(p0) {
                continue;
            }
            let cs = clause_start(t, a0.min(p0));
            let subset = SUBSET_MARKERS.iter().any(|m| t[cs..a0.min(p0)].contains(m));
            for id in rule.ids {
                cands.push(Cand {
                    id,
                    num,
                    anchor: Span {
                        start: sp.start + a0,
                        end: sp.start + a1,
                    },
                    phrase: Span {
                        start: sp.start + p0,
                        end: sp.start + p1,
                    },
                    sentence: si,
                    sentence_span: sp,
                    anchor_len: anchor.chars().filter(|c| *c != '*').count(),
                    subset,
                    tier: 0,
                });
            }
        }
    }
    // Candidates on the same number compete (grouped, so this stays linear):
    // a longer anchor of another field covering this one wins (主要负责同志参加
    // 新闻发布会 over 新闻发布会), an anchor of another field standing between
    // this anchor and its number wins (收到因政府信息公开申请提起行政复议3件:
    // the 3 are reviews, not applications), and one number is one fact, so a
    // shorter anchor of a different rule on the same number loses.
    let mut by_num: crate::fasthash::FastMap<usize, Vec<usize>> = Default::default();
    for (i, c) in cands.iter().enumerate() {
        by_num
            .entry(c.sentence_span.start + c.num.start)
            .or_default()
            .push(i);
    }
    let mut keep = vec![true; cands.len()];
    for group in by_num.values().filter(|g| g.len() > 1) {
        for &i in group {
            let c = &cands[i];
            let number = c.sentence_span.start + c.num.start;
            let beaten = group.iter().any(|&j| {
                let o = &cands[j];
                let covers = o.id != c.id
                    && o.anchor.start <= c.anchor.start
                    && c.anchor.end <= o.anchor.end
                    && (o.anchor.end - o.anchor.start) > (c.anchor.end - c.anchor.start);
                // Which of the two stands between the other and the number.
                let o_nearer = c.anchor.end <= o.anchor.start && o.anchor.end <= number;
                let c_nearer = o.anchor.end <= c.anchor.start && c.anchor.end <= number;
                covers || (!same_rule_ids(o.id, c.id) && (o_nearer || (o.anchor_len > c.anchor_len && !c_nearer)))
            });
            keep[i] = !beaten;
        }
    }
    let mut cands: Vec<Cand> = cands
        .into_iter()
        .zip(keep)
        .filter(|(_, k)| *k)
        .map(|(c, _)| c)
        .collect();

    // All applications closed: closed = received (same sentence).
    let mut extra = Vec::new();
    let mut closed_at: crate::fasthash::FastMap<usize, Option<usize>> = Default::default();
    for c in &cands {
        if c.id == "stat.apply.received_total" {
            let t = doc.slice(c.sentence_span);
            let rel = c.phrase.end - c.sentence_span.start;
            let last = *closed_at
                .entry(c.sentence)
                .or_insert_with(|| ALL_CLOSED.iter().filter_map(|w| t.rfind(w)).max());
            if last.is_some_and(|p| p >= rel) {
                extra.push(Cand {
                    id: "stat.apply.closed_total",
                    tier: 1,
                    anchor_len: 0,
                    ..c.clone()
                });
            }
        }
    }
    cands.extend(extra);

    for (si, sp) in sentences.iter().enumerate() {
        if !negated[si] {
            continue;
        }
        let t = doc.slice(*sp);
        let mut cs = 0;
        for (i, ch) in t.char_indices().chain(std::iter::once((t.len(), ','))) {
            if !matches!(ch, ',' | ';' | ':') && i < t.len() {
                continue;
            }
            let clause = &t[cs..i];
            let base = sp.start + cs;
            cs = i + if i < t.len() { ch.len_utf8() } else { 0 };
            for neg in NEGATIONS {
                // Cheapest test first: the clause must name the topic.
                if !neg.topics[0].iter().any(|w| clause.contains(w)) {
                    continue;
                }
                if neg.exclude.iter().any(|w| clause.contains(w)) {
                    continue;
                }
                let mut first_topic = usize::MAX;
                let mut last_topic_end = 0;
                let all = neg.topics.iter().all(|group| {
                    group
                        .iter()
                        .filter_map(|w| clause.find(w).map(|p| (p, p + w.len())))
                        .min()
                        .map(|(p, e)| {
                            first_topic = first_topic.min(p);
                            last_topic_end = last_topic_end.max(e);
                        })
                        .is_some()
                });
                if !all {
                    continue;
                }
                let before = negator_before(&clause[..first_topic]);
                let after = NEGATORS_AFTER
                    .iter()
                    .any(|w| clause[last_topic_end..].contains(w));
                if !(before || after) {
                    continue;
                }
                let zero = Num {
                    value: 0.0,
                    approx: false,
                    decimal: false,
                    start: 0,
                    end: 0,
                };
                for id in neg.ids {
                    cands.push(Cand {
                        id,
                        num: zero,
                        anchor: Span {
                            start: base,
                            end: base + clause.len(),
                        },
                        phrase: Span {
                            start: base,
                            end: base + clause.len(),
                        },
                        sentence: si,
                        sentence_span: *sp,
                        anchor_len: 0,
                        subset: false,
                        tier: 2,
                    });
                }
            }
        }
    }

    // Choose per id.
    let mut values = Vec::new();
    // Candidates grouped by id, each group in sentence order (one stable sort).
    let mut by_id: Vec<&Cand> = cands.iter().collect();
    by_id.sort_by_key(|c| (c.id, c.sentence, c.tier, c.phrase.start));
    for mine in by_id.chunk_by(|a, b| a.id == b.id) {
        let id = mine[0].id;
        let Some(def) = registry::field(id) else {
            continue;
        };
        if !def.recorded_in(era) {
            continue;
        }
        // A sentence listing parts keeps only its unmarked first figure.
        let mut kept: Vec<&Cand> = Vec::new();
        for group in mine.chunk_by(|a, b| a.sentence == b.sentence) {
            let in_s: Vec<&Cand> = group.iter().copied().filter(|c| c.tier == 0).collect();
            if let Some(first) = in_s.first() {
                // One figure (however often repeated), or a whole followed
                // only by its marked parts.
                let parts_only = in_s[1..].iter().all(|c| c.subset || c.num.value == first.num.value);
                let all_same = in_s.iter().all(|c| c.num.value == first.num.value);
                if all_same || (!first.subset && parts_only) {
                    kept.push(first);
                }
            }
            kept.extend(group.iter().copied().filter(|c| c.tier > 0).take(1));
        }
        let best = kept.into_iter().min_by_key(|c| {
            (
                c.tier,
                std::cmp::Reverse(c.anchor_len),
                c.subset,
                c.phrase.start,
            )
        });
        let Some(c) = best else { continue };
        let mut value = c.num.value;
        let mut v = Value::of_field(def, value, "narrative", Some(c.phrase), Some(c.sentence_span));
        v.approx = c.num.approx;
        v.decimal = c.num.decimal;
        // Amounts are stored in the id's unit (信息处理费 in 元, the
        // 2014–2018 fee row in 万元).
        let phrase = doc.slice(c.phrase);
        match def.value_unit() {
            "元" if phrase.ends_with("万元") => value *= 10_000.0,
            "万元" if phrase.ends_with('元') && !phrase.ends_with("万元") => {
                value /= 10_000.0;
                v.decimal = true;
            }
            _ => {}
        }
        v.value = value;
        values.push(v);
    }
    NarrRead {
        values,
        warnings: Vec::new(),
    }
}

/// Ids filled by one rule (received_total and new_received.total) are one fact.
fn same_rule_ids(a: &'static str, b: &'static str) -> bool {
    // Asked for every pair of candidates on one number: the pairs are
    // listed once rather than the rules scanned each time.
    static PAIRS: std::sync::OnceLock<crate::fasthash::FastSet<(&'static str, &'static str)>> = std::sync::OnceLock::new();
    PAIRS
        .get_or_init(|| RULES.iter().flat_map(|r| r.ids.iter().flat_map(|&x| r.ids.iter().map(move |&y| (x, y)))).collect())
        .contains(&(a, b))
}

fn negator_before(s: &str) -> bool {
    NEGATORS.iter().any(|n| {
        s.match_indices(n).any(|(i, _)| {
            let rest = &s[i + n.len()..];
            // 无法 / 无正当 / 无论 / 未经 are not negations of a quantity.
            !(*n == "无"
                && (rest.starts_with('法') || rest.starts_with("正当") || rest.starts_with('论')))
                && !(*n == "未" && (rest.starts_with('经') || rest.starts_with('予') || rest.starts_with("审结")))
        })
    })
}

/// Where `自2008年…` first appears: a figure after it is cumulative.
fn first_since_year(t: &str) -> Option<usize> {
    t.match_indices('自').map(|(i, _)| i).find(|&i| {
        let r = &t[i + '自'.len_utf8()..];
        r.len() >= 4 && r.as_bytes()[..4].iter().all(u8::is_ascii_digit)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalise::normalise;

    fn read(text: &str, era: &str) -> Vec<(String, f64)> {
        let n = normalise(text);
        let d = Document::new(&n);
        read_narrative(&d, era, &[])
            .values
            .into_iter()
            .map(|v| (v.id.into_owned(), v.value))
            .collect()
    }
    fn get(v: &[(String, f64)], id: &str) -> Option<f64> {
        v.iter().find(|x| x.0 == id).map(|x| x.1)
    }

    #[test]
    fn anchors_and_fillers() {
        let v = read("2016年,全市各级各部门主动公开政府信息共计34998条,其中政府网站公开3021条、政务微博公开3613条。", "E14");
        assert_eq!(get(&v, "stat.active.total"), Some(34998.0));
        assert_eq!(get(&v, "stat.active.channel.website"), Some(3021.0));
        assert_eq!(get(&v, "stat.active.channel.weibo"), Some(3613.0));
    }

    #[test]
    fn longer_anchor_wins_and_subsets_are_ignored() {
        let v = read("召开新闻发布会6次。参加或举办新闻发布会16次(含县区9次),主要负责同志参加新闻发布会12次。", "E14");
        assert_eq!(get(&v, "stat.response.press_conferences"), Some(16.0));
        assert_eq!(
            get(&v, "stat.response.press_conferences_principal"),
            Some(12.0)
        );
    }

    #[test]
    fn cumulative_and_parts() {
        let v = read("自2008年5月实施以来,全区主动公开政府信息累计达16534条。2018年度,全区主动公开政府信息累计达1552条,区政府主动公开政府信息累计175条。", "E14");
        assert_eq!(get(&v, "stat.active.total"), Some(1552.0));
        let v = read(
            "全年在市政府门户网站主动公开信息60条,在镇门户网站主动公开信息5条。",
            "E08",
        );
        assert_eq!(get(&v, "stat.active.channel.website"), None);
    }

    #[test]
    fn numbers_before_anchor_and_chinese_numerals() {
        let v = read(
            "全市举办三次政务公开培训会,共培训政务公开工作人员165人次。共召开了12次新闻发布会。",
            "E14",
        );
        assert_eq!(get(&v, "stat.training.classes"), Some(3.0));
        assert_eq!(get(&v, "stat.training.trainees"), Some(165.0));
        assert_eq!(get(&v, "stat.response.press_conferences"), Some(12.0));
        // Training that is not about disclosure work is not recorded.
        let v = read("对初任公务员开展培训13期,培训人员1000多人。", "E14");
        assert_eq!(get(&v, "stat.training.trainees"), None);
    }

    #[test]
    fn negations_state_zero() {
        let v = read("2016年度,我市无因政府信息公开申请提起的行政复议,有1起行政诉讼案件。我市未收取政府信息公开费用。", "E14");
        assert_eq!(get(&v, "stat.review_total"), Some(0.0));
        assert_eq!(get(&v, "stat.litigation_total"), Some(1.0));
        assert_eq!(get(&v, "stat.fees_collected"), Some(0.0));
        assert_eq!(get(&v, "stat.apply.received_total"), None);
        let v = read("2015年度,本局未收到依申请公开信息的咨询。", "E14");
        assert_eq!(get(&v, "stat.apply.received_total"), None);
        let v = read(
            "全年未出现因政府信息公开申请行政复议、提起行政诉讼的情况。",
            "E19",
        );
        assert_eq!(get(&v, "review.total"), Some(0.0));
        assert_eq!(get(&v, "litigation.direct.total"), Some(0.0));
        assert_eq!(get(&v, "stat.review_total"), None);
    }

    /// A number belongs to the anchor right before it when another field's
    /// anchor stands further back with the first in its filler.
    #[test]
    fn nearest_anchor_between_wins() {
        let v = read("2017年,全市收到因政府信息公开申请提起行政复议3件,行政诉讼2件,现均已办结。", "E14");
        assert_eq!(get(&v, "stat.review_total"), Some(3.0));
        assert_eq!(get(&v, "stat.litigation_total"), Some(2.0));
        assert_eq!(get(&v, "stat.apply.received_total"), None);
        assert_eq!(get(&v, "stat.apply.closed_total"), None);
        let v = read("2020年,全市收到因政府信息公开申请提起行政复议3件。", "E19");
        assert_eq!(get(&v, "review.total"), Some(3.0));
        assert_eq!(get(&v, "applications.new_received.total"), None);
        // The nearer anchor keeps its number when it is also the longer one
        // (行政复议 is within the filler reach of 25 here).
        let v = read("行政复议外收到申请数25件。", "E14");
        assert_eq!(get(&v, "stat.apply.received_total"), Some(25.0));
    }

    #[test]
    fn e14_phrasings() {
        let v = read(
            "全年受理政府信息公开申请25件,办结25件,依法答复申请25件。做到受理一件按时答复一件。\
             共收到行政复议申请3件,其中维持2件,纠错1件。行政诉讼2件,其中驳回原告诉讼请求1件。\
             全年共收取政府信息公开检索复制费用200元。召开政务公开工作会议3次。",
            "E14",
        );
        assert_eq!(get(&v, "stat.apply.closed_total"), Some(25.0));
        assert_eq!(get(&v, "stat.apply.replied_total"), Some(25.0));
        assert_eq!(get(&v, "stat.review_total"), Some(3.0));
        assert_eq!(get(&v, "stat.review.upheld"), Some(2.0));
        assert_eq!(get(&v, "stat.review.corrected"), Some(1.0));
        assert_eq!(get(&v, "stat.litigation.upheld"), Some(1.0));
        assert_eq!(get(&v, "stat.fees_collected"), Some(0.02));
        assert_eq!(get(&v, "stat.training.meetings"), Some(3.0));
    }

    #[test]
    fn spaced_thousands() {
        let v = read("全年共受理政府信息公开申请 3 119 件。", "E21");
        assert_eq!(get(&v, "applications.new_received.total"), Some(3119.0));
    }

    #[test]
    fn carried_over_and_forward_in_2019_narratives() {
        let v = read("答复政府信息公开申请805件(含上年度结转申请18件,另有72件申请按照《条例》顺延到下年度答复)。", "E19");
        assert_eq!(get(&v, "applications.results.total.total"), Some(805.0));
        assert_eq!(get(&v, "applications.carried_over.total"), Some(18.0));
        assert_eq!(get(&v, "applications.carried_forward.total"), Some(72.0));
    }

    #[test]
    fn all_closed_and_fees_in_yuan() {
        let v = read(
            "全市共收到申请公开政府信息46件,在本年度内均已办结完毕。",
            "E14",
        );
        assert_eq!(get(&v, "stat.apply.closed_total"), Some(46.0));
        let v = read(
            "2025年有1件政府信息公开申请案件收取信息处理费380元。",
            "E21",
        );
        assert_eq!(get(&v, "fees.info_processing.cases_charged"), Some(1.0));
        assert_eq!(
            get(&v, "fees.info_processing.amount_collected"),
            Some(380.0)
        );
    }
}
