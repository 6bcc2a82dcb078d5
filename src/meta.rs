//! Report metadata: agency, statistics year, era, publication date,
//! statistics period and contact details.
//!
//! The agency comes from the title (包头市2017年… → 包头市人民政府), else the
//! opening (由…编制, 发布机构), else the signature. The year is the year the
//! statistics cover (period, then title, then the most mentioned year). The
//! era follows ANNOTATION.md: template headers first, then the year.

use crate::normalise::is_cjk;
use crate::read::keyset::Words;
use crate::report::{Contact, Meta};
use crate::segment::Document;
use std::sync::OnceLock;

/// Template wording that decides the era (SCHEMA §1).
const E21_HEADERS: &[&str] = &[
    "本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额", "申请人无正当理由逾期不补正",
    "申请人逾期未按收费通知要求缴纳费用",
];
const E19_HEADERS: &[&str] = &["本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减", "其他对外管理服务事项", "采购项目数量"];
const E19_OR_E21: &[&str] = &[
    "本年新收政府信息公开申请数量", "上年结转政府信息公开申请数量", "属于四类过程性信息", "结转下年度继续办理", "未经复议直接起诉", "复议后起诉",
];

pub fn era_by_year(year: i32) -> &'static str {
    match year {
        y if y >= 2021 => "E21",
        2019 | 2020 => "E19",
        y if y >= 2014 => "E14",
        _ => "E08",
    }
}

/// The era and how it was decided.
pub fn detect_era(text: &str, year: Option<i32>) -> (Option<String>, Option<String>) {
    static LISTS: OnceLock<[Words; 3]> = OnceLock::new();
    let [e21, e19, either] = LISTS.get_or_init(|| [Words::new(E21_HEADERS), Words::new(E19_HEADERS), Words::new(E19_OR_E21)]);
    if e21.any_in(text) {
        return (Some("E21".into()), Some("headers".into()));
    }
    if e19.any_in(text) {
        return (Some("E19".into()), Some("headers".into()));
    }
    if either.any_in(text) {
        let era = match year {
            Some(y) if y <= 2020 => "E19",
            _ => "E21",
        };
        return (Some(era.into()), Some("headers".into()));
    }
    (year.map(|y| era_by_year(y).to_string()), year.map(|_| "year".to_string()))
}

/// Parses `YYYY年M月D日`, `YYYY-MM-DD`, `YYYY/MM/DD`, `YYYY.MM.DD` at the start of `s`.
pub fn parse_date(s: &str) -> Option<(i32, u32, u32, usize)> {
    let b = s.as_bytes();
    if b.len() < 8 || !b[..4].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let y: i32 = s[..4].parse().ok()?;
    let mut p = 4;
    let sep1 = if s[p..].starts_with('年') { "年" } else { s.get(p..p + 1)? };
    if !matches!(sep1, "年" | "-" | "/" | ".") {
        return None;
    }
    p += sep1.len();
    let md = s[p..].bytes().take_while(u8::is_ascii_digit).count();
    if md == 0 || md > 2 {
        return None;
    }
    let m: u32 = s[p..p + md].parse().ok()?;
    p += md;
    let sep2 = if sep1 == "年" { "月" } else { sep1 };
    if !s[p..].starts_with(sep2) {
        return None;
    }
    p += sep2.len();
    let dd = s[p..].bytes().take_while(u8::is_ascii_digit).count();
    if dd == 0 || dd > 2 {
        return None;
    }
    let d: u32 = s[p..p + dd].parse().ok()?;
    p += dd;
    if sep1 == "年" && s[p..].starts_with('日') {
        p += '日'.len_utf8();
    }
    if !(1990..=2100).contains(&y) || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    Some((y, m, d, p))
}

/// The four ASCII digits right before byte `i` (a `年`), as a year.
fn year_before(s: &str, i: usize) -> Option<i32> {
    let d = s.get(i.checked_sub(4)?..i)?;
    if d.bytes().all(|b| b.is_ascii_digit()) {
        d.parse().ok()
    } else {
        None
    }
}

/// `hay.find(needle)` by memchr's vector search (whole texts are searched
/// for a few fixed words; `str::find` walks them much more slowly).
fn find(hay: &str, needle: &str) -> Option<usize> {
    memchr::memmem::find(hay.as_bytes(), needle.as_bytes())
}

/// The non-overlapping occurrences of `needle` in `hay`, as
/// `str::match_indices` gives them (offsets only).
fn find_iter<'h>(hay: &'h str, needle: &'h str) -> impl Iterator<Item = usize> + 'h {
    memchr::memmem::find_iter(hay.as_bytes(), needle.as_bytes())
}

/// The first occurrence of `needle` in a short `hay` (a line, a name), as
/// `str::find` gives it: a plain scan, as building a searcher costs more
/// than such a search.
fn find_short(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some(&first) = n.first() else { return Some(0) };
    // A match of a valid UTF-8 needle starts at a char boundary.
    h.windows(n.len()).position(|w| w[0] == first && w == n)
}

/// `YYYY-MM-DD`, as `format!("{y:04}-{m:02}-{d:02}")` writes it; digit by
/// digit for the dates it meets (the formatting machinery cost more than
/// finding and parsing the date).
fn iso(y: i32, m: u32, d: u32) -> String {
    let Ok(y @ 0..=9999) = u32::try_from(y) else { return format!("{y:04}-{m:02}-{d:02}") };
    if m > 99 || d > 99 {
        return format!("{y:04}-{m:02}-{d:02}");
    }
    let digit = |v: u32| char::from(b'0' + (v % 10) as u8);
    [digit(y / 1000), digit(y / 100), digit(y / 10), digit(y), '-', digit(m / 10), digit(m), '-', digit(d / 10), digit(d)].into_iter().collect()
}

/// A date found in the text: (byte offset, y, m, d, byte length).
type DateAt = (usize, i32, u32, u32, usize);

/// Dates anywhere in `s`, whose runs of ASCII digits start at `runs`: a
/// date starts where a run starts (and not inside the date before it).
fn dates(s: &str, runs: &[usize]) -> Vec<DateAt> {
    let mut out = Vec::new();
    // No date starts before the end of the last one found.
    let mut next = 0;
    let b = s.as_bytes();
    for &i in runs {
        // Most runs are short numbers: `parse_date`'s first test, inline.
        if i >= next && b.len() >= i + 8 && b[i..i + 4].iter().all(u8::is_ascii_digit) {
            if let Some((y, m, d, n)) = parse_date(&s[i..]) {
                out.push((i, y, m, d, n));
                next = i + n;
            }
        }
    }
    out
}

/// The offsets where the runs of ASCII digits in `b` start, in order.
fn digit_runs(b: &[u8]) -> Vec<usize> {
    let mut out = Vec::new();
    for_each_digit_run(b, |i| out.push(i));
    out
}

/// Calls `f` with the offset of every run of ASCII digits in `b`, in order.
///
/// Reports are mostly CJK text, with digits here and there; the bytes are
/// looked at eight at a time (a per-byte test walked the whole text and
/// cost more than all the dates' parsing).
fn for_each_digit_run(b: &[u8], mut f: impl FnMut(usize)) {
    let words = b.chunks_exact(8);
    // The last few bytes, padded with zeros (not digits) to a word.
    let mut tail = [0u8; 8];
    tail[..words.remainder().len()].copy_from_slice(words.remainder());
    // The previous word's digits: a run may go on across words.
    let mut prev = 0u64;
    for (k, w) in words.map(|w| u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]])).chain([u64::from_le_bytes(tail)]).enumerate() {
        let digits = digit_bytes(w);
        // A run starts at a digit whose previous byte is not a digit.
        let mut starts = digits & !((digits << 8) | (prev >> 56));
        while starts != 0 {
            f(k * 8 + starts.trailing_zeros() as usize / 8);
            starts &= starts - 1;
        }
        prev = digits;
    }
}

/// Bit 7 of each byte of `w` set where that byte is an ASCII digit, else
/// clear. Per byte `v` of `w & 0x7F..`: `0xB9 - v` has bit 7 set when
/// `v <= b'9'`, `v + 0x50` when `v >= b'0'`, and `!w` when the byte is
/// ASCII; neither sum nor difference carries into the next byte.
fn digit_bytes(w: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let low7 = w & (ONES * 0x7F);
    (ONES * (0x7F + b'9' as u64 + 1) - low7) & !w & (low7 + ONES * (0x7F - (b'0' as u64 - 1))) & (ONES * 0x80)
}

const PLACE_SUFFIXES: &[char] = &['省', '市', '区', '县', '镇', '乡', '旗', '州', '盟'];
const AGENCY_SUFFIXES: &[&str] = &[
    "人民政府办公厅", "人民政府办公室", "人民政府", "办公厅", "办公室", "委员会", "管理局", "街道办事处", "办事处", "局", "厅", "委", "办",
    "署", "中心", "院", "馆", "会", "政府",
];
const NOISE_PREFIXES: &[&str] = &[
    "现将", "现公布", "现予公布", "特向社会公布", "特向社会公开", "向社会公布", "公布", "关于", "根据", "本报告", "本年度", "编制", "印发",
    "发布", "附件", "的",
];

/// Cleans an agency candidate; `None` when it does not look like a name.
fn clean_agency(raw: &str) -> Option<String> {
    let mut s: &str = raw.trim_matches(|c: char| !is_cjk(c) || matches!(c, '、' | ',' | '。' | ':' | ';'));
    loop {
        let before = s;
        for p in NOISE_PREFIXES {
            s = s.strip_prefix(p).unwrap_or(s);
        }
        if s == before {
            break;
        }
    }
    let n = s.chars().count();
    if !(2..=30).contains(&n) || !s.chars().all(|c| is_cjk(c) || c == '(' || c == ')') {
        return None;
    }
    if ["政府信息", "年度", "报告"].iter().any(|w| find_short(s, w).is_some()) || s.starts_with(['我', '全', '本', '各', '该', '其', '此']) || s.starts_with("贵单位") {
        return None;
    }
    // A body is named by its place (白山市…, 中原区…) or is a national one.
    let national = ["国家", "国务院", "中国", "中华", "海关", "最高"].iter().any(|p| s.starts_with(p)) || s.ends_with('部');
    if !national && !s.chars().any(|c| PLACE_SUFFIXES.contains(&c)) {
        return None;
    }
    let name = if s.ends_with("街道") {
        format!("{s}办事处")
    } else if s.ends_with(PLACE_SUFFIXES) {
        format!("{s}人民政府")
    } else if let Some(place) = s.strip_suffix("政府").filter(|p| p.ends_with(PLACE_SUFFIXES) && !s.ends_with("人民政府")) {
        format!("{place}人民政府")
    } else if AGENCY_SUFFIXES.iter().any(|x| s.ends_with(x)) {
        s.to_string()
    } else {
        return None;
    };
    Some(name)
}

/// Finds `<agency><year>年(度)政府信息公开` or `<year>年(度)<agency>政府信息公开`.
fn agency_in(line: &str) -> Option<String> {
    let mut best = None;
    for (i, _) in line.match_indices('年') {
        if year_before(line, i).is_none() {
            continue;
        }
        let y0 = i - 4;
        let mut after = &line[i + '年'.len_utf8()..];
        after = after.strip_prefix('度').unwrap_or(after);
        let Some(k) = ["政府信息公开", "政务公开", "信息公开"].iter().filter_map(|w| find_short(after, w)).min() else { continue };
        // Only the report's own name: …政府信息公开(工作)年度报告 / 年报,
        // within 16 chars.
        let tail = &after[k..];
        let tail = &tail[..tail.char_indices().nth(16).map_or(tail.len(), |(i, _)| i)];
        if !["报告", "年报"].iter().any(|w| find_short(tail, w).is_some()) {
            continue;
        }
        let before = &line[..y0];
        let before = before.rsplit([',', '。', ';', ':', '》', '>', '|', '\t', ' ']).next().unwrap_or("");
        if let Some(a) = clean_agency(before) {
            best = Some(a);
            break;
        }
        let mid = &after[..k];
        if let Some(a) = clean_agency(mid) {
            best = Some(a);
            break;
        }
    }
    best
}

fn is_report_title(line: &str) -> bool {
    line.chars().count() <= 70
        && ["政府信息公开", "政务公开", "信息公开"].iter().any(|w| find_short(line, w).is_some())
        && ["年度报告", "年报", "工作报告", "情况报告"].iter().any(|w| find_short(line, w).is_some())
}

/// A page title without the site name a web page appends to it
/// (`…年度报告_某某门户网站`, `…年度报告 - 某某区人民政府`): cut at the first
/// separator that ends a report title, when no digit follows (a year after
/// the separator belongs to the title). The text is normalised: full-width
/// ｜＿ and the en dash are ASCII by now.
fn without_site_suffix(line: &str) -> &str {
    for (i, c) in line.char_indices() {
        if !matches!(c, '_' | '|' | '-' | '—' | '丨') {
            continue;
        }
        let head = line[..i].trim_end();
        if is_report_title(head) && !line[i..].bytes().any(|b| b.is_ascii_digit()) {
            return head;
        }
    }
    line
}

/// The document's lines that are not empty, as text.
fn non_empty_lines<'a>(doc: &'a Document) -> impl DoubleEndedIterator<Item = &'a str> + 'a {
    doc.lines.iter().map(|l| doc.slice(l.span)).filter(|s| !s.is_empty())
}

/// The body the report covers.
fn read_agency(doc: &Document) -> (Option<String>, Option<String>) {
    let head: Vec<&str> = non_empty_lines(doc).take(40).collect();
    let mut title = None;
    for (hi, l) in head.iter().enumerate() {
        let l = l.trim_matches(|c: char| c == '|' || c == '#' || c == '*' || c.is_whitespace());
        if is_report_title(l) {
            let shown = without_site_suffix(l);
            if title.is_none() {
                title = Some(shown.to_string());
            }
            if let Some(a) = agency_in(l) {
                return (Some(a), Some(shown.to_string()));
            }
            // A title printed on two lines: 洪泽区人民政府 / 2023年…年度报告.
            if let Some(prev) = hi.checked_sub(1).map(|i| head[i].trim()) {
                if prev.chars().all(is_cjk) {
                    if let Some(a) = clean_agency(prev) {
                        return (Some(a), Some(format!("{prev}{shown}")));
                    }
                }
            }
        }
    }
    // The opening sentences: 现公布X2018年…, 由X编制, 发布机构:X.
    let mut opening: String = head.join("\n");
    if opening.len() > 6000 {
        let cut = (0..=6000).rev().find(|&i| opening.is_char_boundary(i)).unwrap_or(0);
        opening.truncate(cut);
    }
    if let Some(a) = opening.lines().find_map(agency_in) {
        return (Some(a), title);
    }
    for key in ["发布机构:", "发布单位:", "由"] {
        for i in find_iter(&opening, key) {
            let rest = &opening[i + key.len()..];
            let rest = rest.trim_start_matches([' ', '|']);
            let end = rest.find(|c: char| !is_cjk(c) || "、,。:;".contains(c)).unwrap_or(rest.len());
            let cand = &rest[..end];
            let cand = if key == "由" {
                match cand.find("编制").or_else(|| cand.find("负责")) {
                    Some(e) => &cand[..e],
                    None => continue,
                }
            } else {
                cand
            };
            if let Some(a) = clean_agency(cand) {
                return (Some(a), title);
            }
        }
    }
    // The signature: an agency line followed by a date near the end.
    let mut lines: Vec<&str> = non_empty_lines(doc).rev().take(15).collect();
    lines.reverse();
    for w in 0..lines.len() {
        let l = lines[w].trim();
        let next_is_date = lines.get(w + 1).is_some_and(|n| parse_date(n.trim()).is_some_and(|d| d.3 == n.trim().len()));
        if next_is_date && l.chars().all(is_cjk) {
            if let Some(a) = clean_agency(l) {
                let whole_area = ["全市", "全区", "全县", "各地、各部门", "各地各部门", "全省", "全州"].iter().any(|w| find(doc.text, w).is_some());
                let a = match (a.strip_suffix("办公室").or_else(|| a.strip_suffix("办公厅")), whole_area) {
                    (Some(gov), true) if gov.ends_with("人民政府") => gov.to_string(),
                    _ => a,
                };
                return (Some(a), title);
            }
        }
    }
    // X人民政府门户网站 in the opening.
    for i in find_iter(&opening, "人民政府门户网站") {
        let before = &opening[..i];
        let start = before.rfind(|c: char| !is_cjk(c) || "、,。:;在可从".contains(c)).map(|p| p + before[p..].chars().next().map(char::len_utf8).unwrap_or(1)).unwrap_or(0);
        if let Some(a) = clean_agency(&format!("{}人民政府", &before[start..])) {
            return (Some(a), title);
        }
    }
    // 我乡/我镇 with the place named in the body.
    for (we, suffix) in [("我乡", '乡'), ("我镇", '镇'), ("我街道", '道')] {
        if find(doc.text, we).is_none() {
            continue;
        }
        let mut counts: Vec<(String, usize)> = Vec::new();
        let chars: Vec<(usize, char)> = doc.text.char_indices().collect();
        for (k, &(_, c)) in chars.iter().enumerate() {
            if c != suffix || k < 2 {
                continue;
            }
            let name: String = chars[k - 2..=k].iter().map(|x| x.1).collect();
            let prev = if k >= 3 { chars[k - 3].1 } else { ',' };
            if is_cjk(prev) || name.starts_with(['我', '全', '本', '各', '该']) || !name.chars().all(is_cjk) {
                continue;
            }
            match counts.iter_mut().find(|x| x.0 == name) {
                Some(x) => x.1 += 1,
                None => counts.push((name, 1)),
            }
        }
        if let Some((n, _)) = counts.into_iter().max_by_key(|x| x.1) {
            if let Some(a) = clean_agency(&n) {
                return (Some(a), title);
            }
        }
    }
    (None, title)
}

/// The statistics period: `2017年1月1日至2017年12月31日` (the second year may be omitted).
fn read_period(text: &str, ds: &[DateAt]) -> Option<[String; 2]> {
    for (k, &(off, y, m, d, n)) in ds.iter().enumerate() {
        if (m, d) != (1, 1) {
            continue;
        }
        let after = &text[off + n..];
        let gap: String = after.chars().take(4).collect();
        if !["至", "到", "-", "—", "~"].iter().any(|w| gap.contains(w)) {
            continue;
        }
        // The end: the next full date, or `12月31日` without a year.
        if let Some(&(o2, y2, m2, d2, _)) = ds.get(k + 1) {
            if o2 - (off + n) <= 12 {
                return Some([iso(y, m, d), iso(y2, m2, d2)]);
            }
        }
        let skip = after.char_indices().take(4).find(|(_, c)| c.is_ascii_digit()).map(|(i, _)| i)?;
        let rest = &after[skip..];
        let md = rest.find('月')?;
        let m2: u32 = rest[..md].parse().ok()?;
        let rest2 = &rest[md + '月'.len_utf8()..];
        let dd = rest2.find('日')?;
        let d2: u32 = rest2[..dd].parse().ok()?;
        if (1..=12).contains(&m2) && (1..=31).contains(&d2) {
            return Some([iso(y, m, d), iso(y, m2, d2)]);
        }
    }
    None
}

fn read_year(text: &str, title: Option<&str>, period: &Option<[String; 2]>, ds: &[DateAt]) -> Option<i32> {
    if let Some(p) = period {
        return p[0][..4].parse().ok();
    }
    if let Some(t) = title {
        for (i, _) in t.match_indices('年') {
            if let Some(y) = year_before(t, i) {
                return Some(y);
            }
        }
    }
    // The most mentioned year that is not part of a full date or a document number.
    let mut counts: Vec<(i32, usize)> = Vec::new();
    let full: std::collections::HashSet<usize> = ds.iter().map(|d| d.0).collect();
    for (i, _) in text.match_indices('年') {
        if year_before(text, i).is_none() {
            continue;
        }
        let s = i - 4;
        if full.contains(&s) || (s > 0 && text.as_bytes()[s - 1].is_ascii_digit()) || text[..s].ends_with('〔') {
            continue;
        }
        let Ok(y) = text[s..i].parse::<i32>() else { continue };
        if !(2000..=2035).contains(&y) {
            continue;
        }
        match counts.iter_mut().find(|c| c.0 == y) {
            Some(c) => c.1 += 1,
            None => counts.push((y, 1)),
        }
    }
    if let Some(y) = counts.into_iter().max_by_key(|c| (c.1, c.0)).map(|c| c.0) {
        return Some(y);
    }
    // Only full dates: 截止2023年12月31日 → 2023; a date early in a year
    // (a signature) belongs to the previous year's report.
    let mut counts: Vec<(i32, usize)> = Vec::new();
    for &(_, y, m, d, _) in ds {
        let y = if (m, d) == (12, 31) || m > 4 { y } else { y - 1 };
        match counts.iter_mut().find(|c| c.0 == y) {
            Some(c) => c.1 += 1,
            None => counts.push((y, 1)),
        }
    }
    counts.into_iter().max_by_key(|c| (c.1, c.0)).map(|c| c.0)
}

fn read_published(doc: &Document) -> Option<String> {
    let text = doc.text;
    // The labels in order of preference, each as one of `WORDS` and what
    // comes right before it (发布日期 is 日期 after 发布): three searches
    // for seven labels. Each label's occurrences are taken in text order.
    const WORDS: [&str; 3] = ["日期", "时间", "发布于"];
    const LABELS: [(usize, &str); 7] = [(0, "发布"), (1, "发布"), (0, "公开"), (0, "发文"), (2, ""), (1, ""), (0, "")];
    static FINDERS: OnceLock<Words> = OnceLock::new();
    let finders = FINDERS.get_or_init(|| Words::new(&WORDS));
    // Each word's occurrences, searched for when first needed.
    let mut found: [Option<Vec<usize>>; 3] = [None, None, None];
    for (w, before) in LABELS {
        let at = found[w].get_or_insert_with(|| finders.find_iter(w, text).collect());
        for &p in at.iter() {
            let Some(i) = p.checked_sub(before.len()).filter(|&i| text.as_bytes()[i..p] == *before.as_bytes()) else { continue };
            if text[..i].ends_with(['成', '文', '效', '止', '印']) {
                continue;
            }
            let rest = &text[p + WORDS[w].len()..];
            let skip: usize = rest.chars().take_while(|c| ":| \t".contains(*c)).map(char::len_utf8).sum();
            if let Some((y, m, d, _)) = parse_date(&rest[skip..]) {
                return Some(iso(y, m, d));
            }
        }
    }
    // The signature date: a line that is only a date, near the end.
    for l in non_empty_lines(doc).rev().take(12) {
        if let Some((y, m, d, n)) = parse_date(l.trim()) {
            if n == l.trim().len() {
                return Some(iso(y, m, d));
            }
        }
    }
    None
}

/// Phone numbers, address and website; `runs` are where the runs of ASCII
/// digits in `text` start.
fn read_contact(text: &str, runs: &[usize]) -> Contact {
    let mut c = Contact::default();
    // Phone numbers: 0472-5618197, 028-26655501.
    let b = text.as_bytes();
    // Numbers start with a 0 that starts a run of digits; a number found is
    // skipped whole (`next`).
    let mut next = 0;
    for &i in runs {
        if i < next || b[i] != b'0' {
            continue;
        }
        let area = b[i..].iter().take_while(|x| x.is_ascii_digit()).count();
        if (3..=4).contains(&area) && b.get(i + area) == Some(&b'-') {
            let local = b[i + area + 1..].iter().take_while(|x| x.is_ascii_digit()).count();
            if (7..=8).contains(&local) {
                let p = text[i..i + area + 1 + local].to_string();
                if !c.phone.contains(&p) && c.phone.len() < 4 {
                    c.phone.push(p);
                }
                next = i + area + 1 + local;
            }
        }
    }
    if let Some(p) = find(text, "地址:") {
        let rest = &text[p + "地址:".len()..];
        let end = rest.find([';', ',', '\n', ')', '(', '|']).unwrap_or(rest.len()).min(120);
        let end = (0..=end).rev().find(|&e| rest.is_char_boundary(e)).unwrap_or(0);
        let a = rest[..end].trim();
        if !a.is_empty() {
            c.address = Some(a.to_string());
        }
    }
    for key in ["http://", "https://", "www."] {
        if let Some(p) = find(text, key) {
            let rest = &text[p..];
            let end = rest.find(|ch: char| !(ch.is_ascii_alphanumeric() || "./:_-?=&%#".contains(ch))).unwrap_or(rest.len());
            let w = rest[..end].trim_end_matches(['.', '/']);
            if w.len() > key.len() + 3 {
                c.website = Some(w.to_string());
                break;
            }
        }
    }
    c
}

pub fn read_meta(doc: &Document) -> Meta {
    let (agency, title) = read_agency(doc);
    let runs = digit_runs(doc.text.as_bytes());
    let ds = dates(doc.text, &runs);
    let period = read_period(doc.text, &ds);
    let year = read_year(doc.text, title.as_deref(), &period, &ds);
    let (era, era_basis) = detect_era(doc.text, year);
    Meta {
        agency,
        year,
        era,
        era_basis,
        published: read_published(doc),
        period,
        contact: read_contact(doc.text, &runs),
        title,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalise::normalise;

    fn meta(t: &str) -> Meta {
        let n = normalise(t);
        read_meta(&Document::new(&n))
    }

    #[test]
    fn agency_from_titles() {
        assert_eq!(meta("包頭市2017年政府信息公開工作年度報告\n正文").agency.as_deref(), Some("包头市人民政府"));
        assert_eq!(meta("2019年上海市人民政府办公厅政府信息公开工作年度报告").agency.as_deref(), Some("上海市人民政府办公厅"));
        assert_eq!(meta("2022年上海市政府信息公开工作年度报告").agency.as_deref(), Some("上海市人民政府"));
        assert_eq!(meta("蓬莱市统计局2010年政府信息公开工作年度报告").agency.as_deref(), Some("蓬莱市统计局"));
        assert_eq!(
            meta("根据《条例》的规定,现公布咸宁市人民防空办公室2018年政府信息公开工作年度报告。").agency.as_deref(),
            Some("咸宁市人民防空办公室")
        );
        assert_eq!(meta("本局2020年工作情况如下。").agency, None);
        // 贵 starts a place name (贵阳市), not only 贵单位.
        assert_eq!(meta("贵阳市交通运输局2016年政府信息公开工作年度报告").agency.as_deref(), Some("贵阳市交通运输局"));
    }

    #[test]
    fn title_without_site_name() {
        let title = |t: &str| meta(t).title;
        let m = meta("2023年某某区政府信息公开工作年度报告_某某区人民政府门户网站\n正文");
        assert_eq!(m.title.as_deref(), Some("2023年某某区政府信息公开工作年度报告"));
        assert_eq!(m.agency.as_deref(), Some("某某区人民政府"));
        assert_eq!(
            title("某某市统计局2019年政府信息公开年度报告 - 政府信息公开年报 - 某某市人民政府").as_deref(),
            Some("某某市统计局2019年政府信息公开年度报告")
        );
        // A year after the separator, or a separator before the report words, stays.
        assert_eq!(title("某某局政府信息公开工作年度报告-2019年度").as_deref(), Some("某某局政府信息公开工作年度报告-2019年度"));
        assert_eq!(title("某某县-2020年政府信息公开工作年度报告").as_deref(), Some("某某县-2020年政府信息公开工作年度报告"));
        // Full-width separators are cut once normalised.
        assert_eq!(title("2021年某某镇政府信息公开工作年度报告｜某某镇人民政府").as_deref(), Some("2021年某某镇政府信息公开工作年度报告"));
    }

    #[test]
    fn agency_from_signature_for_whole_area() {
        let m = meta("全市各地、各部门开展工作。\n白山市人民政府办公室\n2019年3月10日");
        assert_eq!(m.agency.as_deref(), Some("白山市人民政府"));
        assert_eq!(m.published.as_deref(), Some("2019-03-10"));
    }

    #[test]
    fn year_period_era_published() {
        let m = meta("X市2017年政府信息公开工作年度报告\n发布日期:2018年03月22日\n本报告所列数据的统计期限为2017年1月1日至2017年12月31日。\n成文日期:2018-01-01");
        assert_eq!(m.year, Some(2017));
        assert_eq!(m.era.as_deref(), Some("E14"));
        assert_eq!(m.published.as_deref(), Some("2018-03-22"));
        assert_eq!(m.period, Some(["2017-01-01".to_string(), "2017-12-31".to_string()]));
        let m = meta("2020年工作。信息内容\t本年制发件数");
        assert_eq!((m.year, m.era.as_deref(), m.era_basis.as_deref()), (Some(2020), Some("E21"), Some("headers")));
    }

    /// The hand-written date and search helpers agree with `format!` and
    /// `str::find`.
    #[test]
    fn iso_and_find_short() {
        for (y, m, d) in [(2017, 1, 1), (1990, 12, 31), (0, 0, 0), (9999, 99, 99), (10000, 1, 1), (-5, 3, 4), (33, 100, 7), (2020, 7, 123)] {
            assert_eq!(iso(y, m, d), format!("{y:04}-{m:02}-{d:02}"));
        }
        for hay in ["", "年", "2019年上海市政府信息公开年报", "信息公开信息公开", "政府信"] {
            for needle in ["", "年", "信息公开", "政府信息公开", "年报", "x"] {
                assert_eq!(find_short(hay, needle), hay.find(needle), "{hay} {needle}");
            }
        }
    }

    /// The word-at-a-time scan finds the same runs as a byte-by-byte one.
    #[test]
    fn digit_runs() {
        for t in ["", "1", "a1", "12345678", "1234567a9", "x2017年1月1日至2017年12月31日", "\u{FF11}0 99 ab7", "\u{660}٣9"] {
            let b = t.as_bytes();
            let want: Vec<usize> = (0..b.len()).filter(|&i| b[i].is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_digit())).collect();
            let mut got = Vec::new();
            for_each_digit_run(b, |i| got.push(i));
            assert_eq!(got, want, "{t:?}");
        }
        // Every byte value next to every other, at both ends of a word.
        for v in 0..=255u64 {
            for u in 0..=255u64 {
                let w = v | u << 8 | v << 48 | u << 56;
                let want: u64 = (0..8).filter(|k| ((w >> (8 * k)) as u8).is_ascii_digit()).map(|k| 0x80 << (8 * k)).sum();
                assert_eq!(digit_bytes(w), want, "{w:x}");
            }
        }
    }

    /// Labels in order of preference, each one's occurrences in text order;
    /// a label after 成/文/效/止/印 or without a date is passed over.
    #[test]
    fn published_label_preference() {
        let published = |t: &str| meta(t).published;
        assert_eq!(published("时间:2019-02-03\n公开日期:2019-04-05"), Some("2019-04-05".into()));
        assert_eq!(published("发布于2019-5-6\n发布时间 2019.01.02\n发布时间:未知"), Some("2019-01-02".into()));
        assert_eq!(published("发布日期:待定\n发文日期:2018年3月1日\n发布日期|2018/02/01"), Some("2018-02-01".into()));
        assert_eq!(published("成文日期:2018-01-01\n印发日期:2018-01-02\n日期:2018-01-03"), Some("2018-01-02".into()));
        assert_eq!(published("成文日期:2018-01-01\n截止日期:x\n日期:2018-01-03"), Some("2018-01-03".into()));
        assert_eq!(published("有效日期:2018-01-01\n正文\n2020年1月2日"), Some("2020-01-02".into()));
    }

    #[test]
    fn contact_details() {
        let c = meta("地址:市党政办公大楼D502\n电话:0472-5618197 5618298\n网站(http://www.penglai.gov.cn)").contact;
        assert_eq!(c.address.as_deref(), Some("市党政办公大楼D502"));
        assert_eq!(c.phone, vec!["0472-5618197"]);
        assert_eq!(c.website.as_deref(), Some("http://www.penglai.gov.cn"));
    }
}
