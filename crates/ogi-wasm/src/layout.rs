//! The official tables as the templates print them, as grids the page can
//! draw without knowing any template: header rows, label cells with their
//! row/column spans, and value cells named by field id.
//!
//! Everything comes from the core: the rows and ids from
//! `ogi_extract::registry::templates`, the printed labels from the
//! registry's `labels` column, table 三's rows and columns from
//! `ogi_extract::check`. Only the drawing (spans, indentation) is decided
//! here.

use ogi_extract::check::{T3_COLS, T3_COL_NAMES, T3_ROWS};
use ogi_extract::registry::{self, templates, FieldDef};
use serde::Serialize;
use std::collections::BTreeMap;

use crate::en::en;

/// One cell of a grid.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(tag = "t", rename_all = "lowercase")]
pub enum Cell {
    /// A printed label (row or column head).
    Label {
        zh: String,
        en: String,
        #[serde(skip_serializing_if = "is_one")]
        colspan: u32,
        #[serde(skip_serializing_if = "is_one")]
        rowspan: u32,
        /// Indentation of a row label (0 = flush).
        #[serde(skip_serializing_if = "is_zero")]
        level: u8,
    },
    /// The unit column of the 2014–2018 tables.
    Unit { zh: String },
    /// A value: the field id that fills it and its unit.
    Value {
        id: String,
        unit: String,
        #[serde(skip_serializing_if = "is_one")]
        colspan: u32,
    },
    /// A cell the template leaves empty.
    Empty {
        #[serde(skip_serializing_if = "is_one")]
        colspan: u32,
    },
}

fn is_one(x: &u32) -> bool {
    *x == 1
}
fn is_zero(x: &u8) -> bool {
    *x == 0
}

fn label(zh: &str, colspan: u32, rowspan: u32, level: u8) -> Cell {
    Cell::Label {
        zh: zh.to_string(),
        en: en(zh),
        colspan,
        rowspan,
        level,
    }
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Row {
    /// `head` (column heads), `section` (a heading row), `block` (a table 二
    /// block title) or `data`.
    pub kind: &'static str,
    pub cells: Vec<Cell>,
    /// Draw the row only when the report has a value for one of these ids
    /// (optional rows, regional extensions). Absent: always drawn.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub show_if: Option<Vec<String>>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Table {
    /// `e14`, `fj`, `t2`, `t3` or `t4`.
    pub key: &'static str,
    pub title_zh: String,
    pub title_en: String,
    /// Eras whose reports print this table.
    pub eras: Vec<&'static str>,
    /// Eras for which the table is drawn only when the report has one of
    /// its values (the 福建 appendix; the national table in 2008–2013).
    pub only_if_any: Vec<&'static str>,
    /// Number of grid columns.
    pub columns: u32,
    pub head: Vec<Row>,
    pub body: Vec<Row>,
    /// Every field id the table shows, in order.
    pub ids: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct T3Row {
    pub stem: &'static str,
    pub label: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct Layouts {
    pub tables: Vec<Table>,
    /// Table 三: row stems with their printed labels, and the 7 columns.
    pub t3_rows: Vec<T3Row>,
    pub t3_cols: Vec<(&'static str, &'static str)>,
    /// Table 四: the 15 ids in printed order.
    pub t4_ids: Vec<&'static str>,
    /// For every derived and summary id: the ids it is computed from (for a
    /// summary id, the candidates in order of preference, per era group).
    pub derived_sources: BTreeMap<String, Vec<String>>,
}

/// The printed label of `id` in `era` as a path (`三、依申请公开情况`,
/// `（一）收到申请数`): the era's variant of the registry label, without the
/// column part (`× 总计`) and explanatory notes in ASCII parentheses.
pub fn label_path(f: &FieldDef, era: &str) -> Vec<String> {
    let variants: Vec<&str> = f.labels.split(" | ").collect();
    let tag = format!("({era})");
    let mut l = variants
        .iter()
        .find(|v| v.contains(&tag))
        .copied()
        .unwrap_or(variants[0]);
    if let Some((a, _)) = l.split_once(" × ") {
        l = a;
    }
    let l = match l.find(" (") {
        Some(i) => &l[..i],
        None => l,
    };
    l.split(" /")
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// The field's kind in `era` (`data (E19) / derived (E21)` → `derived` for E21).
fn kind_in_era(f: &FieldDef, era: &str) -> String {
    // `data (E19) / derived (E21)`
    if f.kind.contains('(') {
        for part in f.kind.split(" / ") {
            if part.contains(&format!("({era})")) {
                return part.split(' ').next().unwrap_or("").to_string();
            }
        }
    }
    f.kind.to_string()
}

fn field(id: &str) -> &'static FieldDef {
    registry::field(id).unwrap_or_else(|| panic!("template id {id} is not in the registry"))
}

fn unit(f: &FieldDef) -> String {
    f.value_unit().to_string()
}

/// Indentation of a printed row label: 一、 0, （一） 1, 1. 2, 其中： one
/// below the last numbered row, an unnumbered row as the row before it.
struct Indent {
    numbered: u8,
    last: u8,
}

impl Indent {
    fn new() -> Indent {
        Indent {
            numbered: 0,
            last: 0,
        }
    }
    fn level(&mut self, label: &str) -> u8 {
        let s = label.trim();
        let level = if s.starts_with("其中") {
            self.numbered + 1
        } else if s.starts_with('（') || s.starts_with('(') {
            self.numbered = 1;
            1
        } else if s.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            self.numbered = 2;
            2
        } else if is_top(s) {
            self.numbered = 0;
            0
        } else {
            self.last
        };
        self.last = level;
        level
    }
}

fn e14_table() -> Table {
    let mut head = vec![Row {
        kind: "head",
        cells: vec![
            label("统计指标", 1, 1, 0),
            label("单位", 1, 1, 0),
            label("统计数", 1, 1, 0),
        ],
        show_if: None,
    }];
    let ext_ids: Vec<String> = templates::E14_TABLE
        .rows
        .iter()
        .map(|r| r.ids[0][0])
        .filter(|id| field(id).kind == "regional")
        .map(str::to_string)
        .collect();
    let mut body = Vec::new();
    let mut ids = Vec::new();
    let mut indent = Indent::new();
    let mut sections: Vec<String> = Vec::new();
    for row in templates::E14_TABLE.rows {
        let id = row.ids[0][0];
        let f = field(id);
        let show_if = match f.kind {
            "regional" => Some(ext_ids.clone()),
            "optional" => Some(vec![id.to_string()]),
            _ => None,
        };
        let path = label_path(f, "E14");
        let (heads, last) = path.split_at(path.len() - 1);
        for h in heads {
            if !sections.contains(h) {
                sections.push(h.clone());
                let lv = indent.level(h);
                body.push(Row {
                    kind: "section",
                    cells: vec![label(h, 3, 1, lv)],
                    show_if: show_if.clone(),
                });
            }
        }
        let lv = indent.level(&last[0]);
        body.push(Row {
            kind: "data",
            cells: vec![
                label(&last[0], 1, 1, lv),
                Cell::Unit { zh: unit(f) },
                Cell::Value {
                    id: id.to_string(),
                    unit: unit(f),
                    colspan: 1,
                },
            ],
            show_if,
        });
        ids.push(id.to_string());
    }
    head.truncate(1);
    Table {
        key: "e14",
        title_zh: "政府信息公开情况统计表".into(),
        title_en: en("政府信息公开情况统计表"),
        eras: templates::E14_TABLE.eras.to_vec(),
        only_if_any: vec!["E08"],
        columns: 3,
        head,
        body,
        ids,
    }
}

fn fj_table() -> Table {
    let head = vec![Row {
        kind: "head",
        cells: vec![
            label("指标名称", 1, 1, 0),
            label("单位", 1, 1, 0),
            label("本年度", 1, 1, 0),
            label("历年累计", 1, 1, 0),
        ],
        show_if: None,
    }];
    let mut body = Vec::new();
    let mut ids = Vec::new();
    for row in templates::FJ_APPENDIX.rows {
        let (y, c) = (row.ids[0][0], row.ids[1][0]);
        let f = field(y);
        let path = label_path(f, "E14");
        let text = path.last().cloned().unwrap_or_default();
        // Rows without a number are top-level in this table.
        let lv = if text.starts_with("其中")
            || text.chars().next().is_some_and(|c| c.is_ascii_digit())
        {
            1
        } else {
            0
        };
        body.push(Row {
            kind: "data",
            cells: vec![
                label(&text, 1, 1, lv),
                Cell::Unit { zh: unit(f) },
                Cell::Value {
                    id: y.to_string(),
                    unit: unit(f),
                    colspan: 1,
                },
                Cell::Value {
                    id: c.to_string(),
                    unit: unit(field(c)),
                    colspan: 1,
                },
            ],
            show_if: None,
        });
        ids.push(y.to_string());
        ids.push(c.to_string());
    }
    Table {
        key: "fj",
        title_zh: "附表（福建）".into(),
        title_en: en("附表（福建）"),
        eras: templates::FJ_APPENDIX.eras.to_vec(),
        only_if_any: templates::FJ_APPENDIX.eras.to_vec(),
        columns: 4,
        head,
        body,
        ids,
    }
}

/// A table 二 row: its label and its (column label, id) cells.
type T2Row = (String, Vec<(String, String)>);

fn t2_table(era: &'static str) -> Table {
    // article → rows
    let mut blocks: Vec<(String, Vec<T2Row>)> = Vec::new();
    for row in templates::T2.rows {
        for (_, id) in row.by_header {
            let f = field(id);
            if !f.in_era(era) {
                continue;
            }
            let path = label_path(f, era);
            let [article, item, col] = [&path[0], &path[1], &path[2]];
            if blocks.last().map(|b| &b.0) != Some(article) {
                blocks.push((article.clone(), Vec::new()));
            }
            let rows = &mut blocks.last_mut().unwrap().1;
            if rows.last().map(|r| &r.0) != Some(item) {
                rows.push((item.clone(), Vec::new()));
            }
            rows.last_mut()
                .unwrap()
                .1
                .push((col.clone(), id.to_string()));
        }
    }
    let width = blocks
        .iter()
        .map(|(_, rows)| rows.iter().map(|r| r.1.len()).max().unwrap_or(0))
        .max()
        .unwrap_or(1) as u32;
    let mut body = Vec::new();
    let mut ids = Vec::new();
    for (article, rows) in &blocks {
        body.push(Row {
            kind: "block",
            cells: vec![label(article, width + 1, 1, 0)],
            show_if: None,
        });
        let mut cols: Vec<String> = Vec::new();
        for (_, cells) in rows {
            for (c, _) in cells {
                if !cols.contains(c) {
                    cols.push(c.clone());
                }
            }
        }
        let n = cols.len() as u32;
        let mut head = vec![label("信息内容", 1, 1, 0)];
        for (i, c) in cols.iter().enumerate() {
            let span = if i as u32 == n - 1 { width - n + 1 } else { 1 };
            head.push(label(c, span, 1, 0));
        }
        body.push(Row {
            kind: "head",
            cells: head,
            show_if: None,
        });
        for (item, cells) in rows {
            let mut r = vec![label(item, 1, 1, 0)];
            for (i, c) in cols.iter().enumerate() {
                let span = if i as u32 == n - 1 { width - n + 1 } else { 1 };
                match cells.iter().find(|x| &x.0 == c) {
                    Some((_, id)) => {
                        r.push(Cell::Value {
                            id: id.clone(),
                            unit: unit(field(id)),
                            colspan: span,
                        });
                        ids.push(id.clone());
                    }
                    None => r.push(Cell::Empty { colspan: span }),
                }
            }
            body.push(Row {
                kind: "data",
                cells: r,
                show_if: None,
            });
        }
    }
    Table {
        key: "t2",
        title_zh: "二、主动公开政府信息情况".into(),
        title_en: en("二、主动公开政府信息情况"),
        eras: vec![era],
        only_if_any: vec![],
        columns: width + 1,
        head: Vec::new(),
        body,
        ids,
    }
}

fn is_top(s: &str) -> bool {
    s.chars().take(3).any(|c| c == '、')
}

fn t3_table(era: &'static str) -> Table {
    let head = vec![
        Row {
            kind: "head",
            cells: vec![
                label(
                    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
                    3,
                    3,
                    0,
                ),
                label("申请人情况", 7, 1, 0),
            ],
            show_if: None,
        },
        Row {
            kind: "head",
            cells: vec![
                label(T3_COL_NAMES[0], 1, 2, 0),
                label("法人或其他组织", 5, 1, 0),
                label(T3_COL_NAMES[6], 1, 2, 0),
            ],
            show_if: None,
        },
        Row {
            kind: "head",
            cells: T3_COL_NAMES[1..6]
                .iter()
                .map(|n| label(n, 1, 1, 0))
                .collect(),
            show_if: None,
        },
    ];
    // Each row's label path, three levels deep at most.
    let mut rows: Vec<(&str, Vec<String>)> = Vec::new();
    let mut top = String::new();
    for (stem, _) in T3_ROWS {
        let f = field(&format!("applications.{stem}.total"));
        if !f.in_era(era) || kind_in_era(f, era) == "derived" {
            continue;
        }
        let mut path = label_path(f, era);
        if is_top(&path[0]) {
            top = path[0].clone();
        } else {
            path.insert(0, top.clone());
        }
        rows.push((stem, path));
    }
    let mut body = Vec::new();
    let mut ids = Vec::new();
    for (i, (stem, path)) in rows.iter().enumerate() {
        let mut cells = Vec::new();
        for d in 0..path.len() {
            let same_as_before =
                i > 0 && rows[i - 1].1.len() > d && rows[i - 1].1[..=d] == path[..=d];
            if same_as_before {
                continue;
            }
            let span = rows[i..]
                .iter()
                .take_while(|(_, p)| p.len() > d && p[..=d] == path[..=d])
                .count() as u32;
            let last = d == path.len() - 1;
            let colspan = if last { 3 - d as u32 } else { 1 };
            cells.push(label(&path[d], colspan, if last { 1 } else { span }, 0));
        }
        for col in T3_COLS {
            let id = format!("applications.{stem}.{col}");
            cells.push(Cell::Value {
                unit: unit(field(&id)),
                id: id.clone(),
                colspan: 1,
            });
            ids.push(id);
        }
        body.push(Row {
            kind: "data",
            cells,
            show_if: None,
        });
    }
    Table {
        key: "t3",
        title_zh: "三、收到和处理政府信息公开申请情况".into(),
        title_en: en("三、收到和处理政府信息公开申请情况"),
        eras: vec![era],
        only_if_any: vec![],
        columns: 10,
        head,
        body,
        ids,
    }
}

fn t4_table() -> Table {
    let ids: Vec<&str> = templates::T4.rows[0].ids.iter().map(|c| c[0]).collect();
    let paths: Vec<Vec<String>> = ids.iter().map(|id| label_path(field(id), "E19")).collect();
    let depth = paths.iter().map(Vec::len).max().unwrap_or(1);
    let mut head: Vec<Row> = (0..depth)
        .map(|_| Row {
            kind: "head",
            cells: Vec::new(),
            show_if: None,
        })
        .collect();
    for d in 0..depth {
        let mut i = 0;
        while i < paths.len() {
            let p = &paths[i];
            if p.len() <= d {
                // Covered by a head cell spanning down from above.
                i += 1;
                continue;
            }
            let span = paths[i..]
                .iter()
                .take_while(|q| q.len() > d && q[..=d] == p[..=d])
                .count();
            let leaf = d == p.len() - 1;
            let rowspan = if leaf { (depth - d) as u32 } else { 1 };
            head[d].cells.push(label(&p[d], span as u32, rowspan, 0));
            i += span;
        }
    }
    let body = vec![Row {
        kind: "data",
        cells: ids
            .iter()
            .map(|id| Cell::Value {
                id: id.to_string(),
                unit: unit(field(id)),
                colspan: 1,
            })
            .collect(),
        show_if: None,
    }];
    Table {
        key: "t4",
        title_zh: "四、政府信息公开行政复议、行政诉讼情况".into(),
        title_en: en("四、政府信息公开行政复议、行政诉讼情况"),
        eras: templates::T4.eras.to_vec(),
        only_if_any: vec![],
        columns: ids.len() as u32,
        head,
        body,
        ids: ids.iter().map(|s| s.to_string()).collect(),
    }
}

/// What each derived and summary value is computed from (mirrors
/// `ogi_extract::check::derive`; a test keeps the two in step on real
/// reports).
fn derived_sources() -> BTreeMap<String, Vec<String>> {
    let mut m: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let v = |xs: &[&str]| xs.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    m.insert(
        "summary.active.items".into(),
        v(&["stat.active.total", "local.fj.active_docs.year"]),
    );
    m.insert(
        "summary.active.normative_docs".into(),
        v(&[
            "active.art20_1.normative_docs.issued",
            "active.art20_1.normative_docs.new_published",
            "stat.active.normative_issued",
            "stat.active.normative_published",
        ]),
    );
    m.insert(
        "summary.applications.received".into(),
        v(&[
            "applications.new_received.total",
            "stat.apply.received_total",
        ]),
    );
    m.insert(
        "summary.applications.replied".into(),
        v(&[
            "applications.results.total.total",
            "stat.apply.replied_total",
            "stat.apply.closed_total",
        ]),
    );
    m.insert(
        "summary.review.cases".into(),
        v(&["review.total", "stat.review_total"]),
    );
    m.insert(
        "summary.litigation.cases".into(),
        v(&["litigation.all.total", "stat.litigation_total"]),
    );
    m.insert(
        "summary.fees.amount_yuan".into(),
        v(&[
            "fees.info_processing.amount_collected",
            "stat.fees_collected",
        ]),
    );
    m.insert(
        "summary.staff.full_time".into(),
        v(&["stat.org.staff.full_time"]),
    );
    m.insert(
        "summary.staff.part_time".into(),
        v(&["stat.org.staff.part_time"]),
    );
    m.insert(
        "summary.training.trainees".into(),
        v(&["stat.training.trainees"]),
    );
    const ORG: [&str; 5] = [
        "commercial",
        "research",
        "social_welfare",
        "legal_service",
        "other_org",
    ];
    let groups: [(&str, &[&str]); 4] = [
        (
            "denied",
            &[
                "state_secret",
                "law_prohibited",
                "security_stability",
                "third_party",
                "internal_affairs",
                "process_info",
                "enforcement_file",
                "admin_query",
            ],
        ),
        ("unable", &["not_held", "needs_creation", "unclear"]),
        (
            "not_processed",
            &[
                "petition",
                "duplicate",
                "publication",
                "mass_repeat",
                "confirm_reissue",
            ],
        ),
        ("other", &["no_correction", "unpaid_fee", "other"]),
    ];
    for f in registry::fields() {
        let id = f.id;
        if m.contains_key(id) || !(f.kind == "derived" || f.kind.contains("derived")) {
            continue;
        }
        let parts: Option<Vec<String>> = if let Some(stem) = id
            .strip_prefix("applications.")
            .and_then(|r| r.strip_suffix(".legal_person_subtotal"))
        {
            Some(
                ORG.iter()
                    .map(|c| format!("applications.{stem}.{c}"))
                    .collect(),
            )
        } else if let Some(x) = id.strip_prefix("litigation.all.") {
            Some(vec![
                format!("litigation.direct.{x}"),
                format!("litigation.after_review.{x}"),
            ])
        } else {
            groups.iter().find_map(|(g, items)| {
                let rest = id.strip_prefix(&format!("applications.results.{g}_total."))?;
                let sub = if *g == "other" { "other" } else { g };
                Some(
                    items
                        .iter()
                        .map(|it| format!("applications.results.{sub}.{it}.{rest}"))
                        .collect(),
                )
            })
        };
        if let Some(p) = parts {
            m.insert(id.to_string(), p);
        }
    }
    m
}

pub fn layouts() -> Layouts {
    Layouts {
        tables: vec![
            e14_table(),
            fj_table(),
            t2_table("E19"),
            t2_table("E21"),
            t3_table("E19"),
            t3_table("E21"),
            t4_table(),
        ],
        t3_rows: T3_ROWS
            .iter()
            .map(|(stem, label)| T3Row { stem, label })
            .collect(),
        t3_cols: T3_COLS
            .iter()
            .copied()
            .zip(T3_COL_NAMES.iter().copied())
            .collect(),
        t4_ids: templates::T4.rows[0].ids.iter().map(|c| c[0]).collect(),
        derived_sources: derived_sources(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(t: &Table) -> Vec<String> {
        t.head
            .iter()
            .chain(t.body.iter())
            .flat_map(|r| r.cells.iter())
            .filter_map(|c| match c {
                Cell::Label { zh, .. } => Some(zh.clone()),
                _ => None,
            })
            .collect()
    }

    fn width(r: &Row) -> u32 {
        r.cells
            .iter()
            .map(|c| match c {
                Cell::Label { colspan, .. }
                | Cell::Value { colspan, .. }
                | Cell::Empty { colspan } => *colspan,
                Cell::Unit { .. } => 1,
            })
            .sum()
    }

    #[test]
    fn every_template_id_is_drawn_once() {
        let l = layouts();
        let e14: Vec<&str> = templates::E14_TABLE
            .rows
            .iter()
            .map(|r| r.ids[0][0])
            .collect();
        assert_eq!(l.tables[0].ids, e14);
        assert_eq!(l.tables[1].ids.len(), templates::FJ_APPENDIX.rows.len() * 2);
        for era in ["E19", "E21"] {
            let t2 = l
                .tables
                .iter()
                .find(|t| t.key == "t2" && t.eras == [era])
                .unwrap();
            let want: Vec<&str> = templates::T2
                .rows
                .iter()
                .flat_map(|r| r.by_header.iter().map(|x| x.1))
                .filter(|id| registry::field(id).unwrap().in_era(era))
                .collect();
            assert_eq!(t2.ids, want, "{era}");
        }
        let t3_19 = l
            .tables
            .iter()
            .find(|t| t.key == "t3" && t.eras == ["E19"])
            .unwrap();
        let t3_21 = l
            .tables
            .iter()
            .find(|t| t.key == "t3" && t.eras == ["E21"])
            .unwrap();
        // E19: 23 rows (no 六 sub-rows); E21: 25 rows ((六) is a group of three).
        assert_eq!(t3_19.body.len(), 23);
        assert_eq!(t3_21.body.len(), 25);
        assert_eq!(l.t4_ids.len(), 15);
        for t in &l.tables {
            for id in &t.ids {
                assert!(registry::field(id).is_some(), "{id}");
            }
        }
    }

    #[test]
    fn grids_are_rectangular() {
        for t in layouts().tables {
            match t.key {
                // Rows with rowspans above them are narrower; check the rest.
                "t3" => {
                    assert_eq!(width(&t.body[0]), 10);
                    assert_eq!(width(t.body.last().unwrap()), 10);
                    assert_eq!(width(&t.head[0]), 10);
                }
                "t4" => {
                    assert_eq!(width(&t.head[0]), 15);
                    assert_eq!(width(&t.body[0]), 15);
                }
                _ => {
                    for r in t.head.iter().chain(t.body.iter()) {
                        assert_eq!(width(r), t.columns, "{} {:?}", t.key, r);
                    }
                }
            }
        }
    }

    #[test]
    fn printed_labels_and_english() {
        let l = layouts();
        let e14 = labels(&l.tables[0]);
        assert!(e14.contains(&"三、依申请公开情况".to_string()));
        assert!(e14.contains(&"（一）收到申请数".to_string()));
        assert!(e14.contains(&"其中：涉及国家秘密".to_string()));
        assert!(e14.contains(&"其他形式申请数".to_string()));
        let t3 = labels(
            l.tables
                .iter()
                .find(|t| t.key == "t3" && t.eras == ["E21"])
                .unwrap(),
        );
        assert!(t3.contains(&"三、本年度办理结果".to_string()));
        assert!(t3.contains(&"（三）不予公开".to_string()));
        assert!(t3.contains(&"（六）其他处理".to_string()));
        for t in &l.tables {
            for zh in labels(t) {
                assert!(crate::en::has_en(&zh), "no English for {zh}");
            }
        }
        // Indentation of the 2014–2018 table.
        let lv = |text: &str| {
            l.tables[0]
                .body
                .iter()
                .find_map(|r| match &r.cells[0] {
                    Cell::Label { zh, level, .. } if zh == text => Some(*level),
                    _ => None,
                })
                .unwrap()
        };
        assert_eq!(
            (
                lv("三、依申请公开情况"),
                lv("（一）收到申请数"),
                lv("1.当面申请数")
            ),
            (0, 1, 2)
        );
        assert_eq!(
            (
                lv("4.不同意公开答复数"),
                lv("其中：涉及国家秘密"),
                lv("涉及商业秘密")
            ),
            (2, 3, 3)
        );
        assert_eq!(lv("四、行政复议数量"), 0);
    }

    #[test]
    fn derived_sources_cover_the_registry() {
        let m = derived_sources();
        for f in registry::fields() {
            if f.kind == "derived" || f.kind == "summary" {
                assert!(m.contains_key(f.id), "{}", f.id);
            }
        }
        for ids in m.values() {
            for id in ids {
                assert!(registry::field(id).is_some(), "{id}");
            }
        }
    }
}
