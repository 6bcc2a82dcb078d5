//! Derived values and the arithmetic checks.
//!
//! `derive` computes the `derived` ids of fields.tsv (subtotals, the
//! 法人或其他组织 小计 column, litigation.all) and the cross-era `summary`
//! layer. `run` evaluates every identity of checks.tsv that applies to the
//! report's era; an identity whose values are missing is reported as
//! `skipped` with the reason.
//!
//! Everything static about an identity (its ids, their registry positions,
//! the formula text) is worked out once per process, in `Plan`; a report
//! then only looks values up by registry position and writes the messages.
//! The checks borrow their ids and formulas from the plan.

pub mod cross_year;

pub use cross_year::{cross_year, CrossCheck};

use crate::read::{push_num, Value};
use crate::registry;
use crate::report::Check;
use std::borrow::Cow;
use std::sync::OnceLock;

/// Applicant columns of table 三, in template order.
pub const T3_COLS: [&str; 7] = ["natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total"];
const ORG_COLS: [&str; 5] = ["commercial", "research", "social_welfare", "legal_service", "other_org"];
pub const T3_COL_NAMES: [&str; 7] = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"];

const DENIED: [&str; 8] = [
    "state_secret", "law_prohibited", "security_stability", "third_party", "internal_affairs", "process_info", "enforcement_file", "admin_query",
];
const UNABLE: [&str; 3] = ["not_held", "needs_creation", "unclear"];
const NOT_PROCESSED: [&str; 5] = ["petition", "duplicate", "publication", "mass_repeat", "confirm_reissue"];
const OTHER: [&str; 3] = ["no_correction", "unpaid_fee", "other"];

/// Table 三 rows (id stems) with their printed labels.
pub const T3_ROWS: [(&str, &str); 26] = [
    ("new_received", "一、本年新收"),
    ("carried_over", "二、上年结转"),
    ("results.granted", "(一)予以公开"),
    ("results.partial", "(二)部分公开"),
    ("results.denied.state_secret", "(三)1.属于国家秘密"),
    ("results.denied.law_prohibited", "(三)2.其他法律行政法规禁止公开"),
    ("results.denied.security_stability", "(三)3.危及“三安全一稳定”"),
    ("results.denied.third_party", "(三)4.保护第三方合法权益"),
    ("results.denied.internal_affairs", "(三)5.属于三类内部事务信息"),
    ("results.denied.process_info", "(三)6.属于四类过程性信息"),
    ("results.denied.enforcement_file", "(三)7.属于行政执法案卷"),
    ("results.denied.admin_query", "(三)8.属于行政查询事项"),
    ("results.unable.not_held", "(四)1.本机关不掌握相关政府信息"),
    ("results.unable.needs_creation", "(四)2.没有现成信息需要另行制作"),
    ("results.unable.unclear", "(四)3.补正后申请内容仍不明确"),
    ("results.not_processed.petition", "(五)1.信访举报投诉类申请"),
    ("results.not_processed.duplicate", "(五)2.重复申请"),
    ("results.not_processed.publication", "(五)3.要求提供公开出版物"),
    ("results.not_processed.mass_repeat", "(五)4.无正当理由大量反复申请"),
    ("results.not_processed.confirm_reissue", "(五)5.要求行政机关确认或重新出具已获取信息"),
    ("results.other_total", "(六)其他处理"),
    ("results.other.no_correction", "(六)1.逾期不补正"),
    ("results.other.unpaid_fee", "(六)2.逾期未缴纳费用"),
    ("results.other.other", "(六)3.其他"),
    ("results.total", "(七)总计"),
    ("carried_forward", "四、结转下年度继续办理"),
];

// ---------------------------------------------------------------------------
// Field ids resolved once, and values looked up by registry position.

/// A field id with its position in the registry, resolved when the plan is
/// built. Ids outside the registry keep their name only.
struct Key {
    /// The registry's own string when the id is known.
    id: Cow<'static, str>,
    pos: Option<usize>,
}

impl Key {
    fn new(id: &str) -> Key {
        match registry::field(id) {
            Some(def) => Key { id: Cow::Borrowed(def.id), pos: registry::position(def.id) },
            None => Key { id: Cow::Owned(id.to_string()), pos: None },
        }
    }

    /// The id, borrowed for as long as the plan lives (the whole process).
    fn name(&'static self) -> &'static str {
        &self.id
    }

    fn keys<S: AsRef<str>>(ids: &[S]) -> Vec<Key> {
        ids.iter().map(|i| Key::new(i.as_ref())).collect()
    }
}

/// Values by id: a slot per registry field, so a lookup is an index, plus
/// any ids outside the registry (the readers never produce them, but `run`
/// and `derive` are public and take any values) by name.
#[derive(Clone)]
struct Vals {
    by_pos: Vec<Option<f64>>,
    unknown: Vec<(String, f64)>,
}

impl Vals {
    fn new() -> Vals {
        Vals { by_pos: vec![None; registry::fields().len()], unknown: Vec::new() }
    }

    /// The values of `vals` by id; a repeated id keeps its last value.
    fn of(vals: &[Value]) -> Vals {
        let mut v = Vals::new();
        for x in vals {
            v.set(&x.id, x.value);
        }
        v
    }

    fn get(&self, k: &Key) -> Option<f64> {
        match k.pos {
            Some(p) => self.by_pos[p],
            None => self.get_unknown(&k.id),
        }
    }

    fn has(&self, k: &Key) -> bool {
        self.get(k).is_some()
    }

    /// Lookup by name (for ids found in the values rather than in the plan).
    fn get_name(&self, id: &str) -> Option<f64> {
        match registry::position_of(id) {
            Some(p) => self.by_pos[p],
            None => self.get_unknown(id),
        }
    }

    fn get_unknown(&self, id: &str) -> Option<f64> {
        self.unknown.iter().find(|(k, _)| k == id).map(|&(_, x)| x)
    }

    /// Sets the value of `id`, replacing any.
    fn set(&mut self, id: &str, x: f64) {
        match registry::position_of(id) {
            Some(p) => self.by_pos[p] = Some(x),
            None => self.set_unknown(id, x),
        }
    }

    fn set_key(&mut self, k: &Key, x: f64) {
        match k.pos {
            Some(p) => self.by_pos[p] = Some(x),
            None => self.set_unknown(&k.id, x),
        }
    }

    fn set_unknown(&mut self, id: &str, x: f64) {
        match self.unknown.iter_mut().find(|(k, _)| k == id) {
            Some(slot) => slot.1 = x,
            None => self.unknown.push((id.to_string(), x)),
        }
    }

    /// Sets the value of `id` unless it already has one.
    fn add(&mut self, id: &str, x: f64) {
        if self.get_name(id).is_none() {
            self.set(id, x);
        }
    }

    /// The sum of all `ids`, or `None` when one is missing.
    fn sum_all(&self, ids: &[Key]) -> Option<f64> {
        ids.iter().map(|k| self.get(k)).sum::<Option<f64>>()
    }
}

// ---------------------------------------------------------------------------
// The plan: what is static about every derivation and identity.

/// An identity `total = part + part + …`.
struct SumSpec {
    total: Key,
    parts: Vec<Key>,
    /// `total = part + part + …`, as quoted in the check.
    formula: String,
}

impl SumSpec {
    fn new<S: AsRef<str>>(total: &str, parts: &[S]) -> SumSpec {
        let names: Vec<&str> = parts.iter().map(AsRef::as_ref).collect();
        SumSpec { total: Key::new(total), parts: Key::keys(parts), formula: format!("{total} = {}", names.join(" + ")) }
    }
}

/// An inequality `small ≤ big`.
struct LeSpec {
    small: Key,
    big: Key,
    formula: String,
}

impl LeSpec {
    fn new(small: &str, big: &str) -> LeSpec {
        LeSpec { small: Key::new(small), big: Key::new(big), formula: format!("{small} ≤ {big}") }
    }
}

/// How a sum identity treats missing parts.
#[derive(Clone, Copy, PartialEq)]
enum Parts {
    /// Every part must be present.
    All,
    /// Missing parts count as not stated: pass if the stated ones already sum
    /// to the total, skip if they fall short.
    Stated,
}

/// One identity of the 2008/2014 list, evaluated in plan order.
enum Step {
    Sum { id: &'static str, spec: SumSpec, scope: Option<&'static str>, mode: Parts, below_ok: bool },
    Le { id: &'static str, severity: &'static str, spec: LeSpec, scope: Option<&'static str> },
}

/// Table 三 identities of one applicant column.
struct T3Col {
    name: &'static str,
    /// (七)总计 over (一)…(五) and (六)1–3 (E21 reports that state the sub-rows).
    results_by_sub_rows: SumSpec,
    /// (七)总计 over (一)…(五) and (六)其他处理.
    results_by_other_total: SumSpec,
    /// 一、本年新收, 二、上年结转, (七)总计, 四、结转下年度继续办理.
    balance: [Key; 4],
    balance_formula: String,
    /// (六)其他处理 = (六)1–3.
    other_total: SumSpec,
}

/// The subtotal rows of table 三 that `derive` computes for one column.
struct DeriveCol {
    /// `results.{denied,unable,not_processed}_total.{col}` over their rows.
    groups: [(Key, Vec<Key>); 3],
    /// `results.other_total.{col}` over (六)1–3 (E21).
    other_total: (Key, Vec<Key>),
}

/// A summary id and where its value comes from: the first source stated
/// (or derived), times `scale`.
struct Summary {
    id: Key,
    sources: Vec<Key>,
    /// 1, or 10,000 for the 2014 fee row (万元 → 元).
    scale: f64,
}

struct Plan {
    // derive, 2019/2021
    /// Per row of table 三: the five 法人或其他组织 columns and their 小计
    /// (when the registry has that id).
    subtotals: Vec<(Vec<Key>, Option<Key>)>,
    /// Per column of `T3_COLS` and `legal_person_subtotal`.
    derive_cols: Vec<DeriveCol>,
    /// A blank 总计 column: `results.*_total.total` over the six columns.
    blank_totals: Vec<(Key, Vec<Key>)>,
    /// `litigation.direct.x`, `litigation.after_review.x`, `litigation.all.x`.
    litigation: Vec<[Key; 3]>,
    summary_modern: Vec<Summary>,
    summary_2014: Vec<Summary>,
    // run, 2019/2021
    /// Per row of table 三: 总计 = the six columns, and the row label.
    row_totals: Vec<(SumSpec, &'static str)>,
    t3_cols: Vec<T3Col>,
    t4: Vec<(&'static str, SumSpec)>,
    e19_le: Vec<(LeSpec, &'static str)>,
    // run, 2008/2014
    steps_2014: Vec<Step>,
    /// 福建 附表 rows of the registry: `x.year ≤ x.cumulative`, by id.
    fj_rows: Vec<LeSpec>,
}

fn app(row: &str, col: &str) -> String {
    ["applications.", row, ".", col].concat()
}

/// `applications.{group}.{part}.{col}`.
fn app_in(group: &str, part: &str, col: &str) -> String {
    ["applications.", group, ".", part, ".", col].concat()
}

fn ids(prefix: &str, parts: &[&str]) -> Vec<String> {
    parts.iter().map(|p| [prefix, p].concat()).collect()
}

fn summary(id: &str, sources: &[&str]) -> Summary {
    Summary { id: Key::new(id), sources: Key::keys(sources), scale: 1.0 }
}

fn plan() -> &'static Plan {
    static PLAN: OnceLock<Plan> = OnceLock::new();
    PLAN.get_or_init(build_plan)
}

fn build_plan() -> Plan {
    let subtotals = T3_ROWS
        .iter()
        .map(|(row, _)| {
            let parts = ORG_COLS.iter().map(|c| Key::new(&app(row, c))).collect();
            let subtotal = app(row, "legal_person_subtotal");
            (parts, registry::field(&subtotal).map(|_| Key::new(&subtotal)))
        })
        .collect();
    let derive_cols = T3_COLS
        .iter()
        .chain(["legal_person_subtotal"].iter())
        .map(|col| {
            let group = |stem: &str, parts: &[&str]| {
                let g = stem.trim_end_matches("_total");
                (Key::new(&app(stem, col)), parts.iter().map(|p| Key::new(&app_in(g, p, col))).collect())
            };
            DeriveCol {
                groups: [
                    group("results.denied_total", &DENIED),
                    group("results.unable_total", &UNABLE),
                    group("results.not_processed_total", &NOT_PROCESSED),
                ],
                other_total: (Key::new(&app("results.other_total", col)), OTHER.iter().map(|p| Key::new(&app_in("results.other", p, col))).collect()),
            }
        })
        .collect();
    let blank_totals = ["results.denied_total", "results.unable_total", "results.not_processed_total"]
        .iter()
        .map(|stem| (Key::new(&app(stem, "total")), T3_COLS[..6].iter().map(|c| Key::new(&app(stem, c))).collect()))
        .collect();
    let litigation = ["upheld", "corrected", "other", "pending", "total"]
        .iter()
        .map(|x| {
            [
                Key::new(&["litigation.direct.", x].concat()),
                Key::new(&["litigation.after_review.", x].concat()),
                Key::new(&["litigation.all.", x].concat()),
            ]
        })
        .collect();
    let summary_modern = vec![
        summary("summary.active.items", &["summary.active.items"]),
        summary("summary.active.normative_docs", &["active.art20_1.normative_docs.issued", "active.art20_1.normative_docs.new_published"]),
        summary("summary.applications.received", &["applications.new_received.total"]),
        summary("summary.applications.replied", &["applications.results.total.total"]),
        summary("summary.review.cases", &["review.total"]),
        summary("summary.litigation.cases", &["litigation.all.total"]),
        summary("summary.fees.amount_yuan", &["fees.info_processing.amount_collected"]),
        summary("summary.training.trainees", &["summary.training.trainees"]),
    ];
    let summary_2014 = vec![
        summary("summary.active.items", &["stat.active.total", "local.fj.active_docs.year"]),
        summary("summary.active.normative_docs", &["stat.active.normative_issued", "stat.active.normative_published"]),
        summary("summary.applications.received", &["stat.apply.received_total"]),
        summary("summary.applications.replied", &["stat.apply.replied_total", "stat.apply.closed_total"]),
        summary("summary.review.cases", &["stat.review_total"]),
        summary("summary.litigation.cases", &["stat.litigation_total"]),
        Summary { scale: 10_000.0, ..summary("summary.fees.amount_yuan", &["stat.fees_collected"]) },
        summary("summary.staff.full_time", &["stat.org.staff.full_time"]),
        summary("summary.staff.part_time", &["stat.org.staff.part_time"]),
        summary("summary.training.trainees", &["stat.training.trainees"]),
    ];

    let row_totals = T3_ROWS
        .iter()
        .map(|&(row, label)| {
            let parts: Vec<String> = T3_COLS[..6].iter().map(|col| app(row, col)).collect();
            (SumSpec::new(&app(row, "total"), &parts), label)
        })
        .collect();
    let t3_cols = T3_COLS
        .iter()
        .zip(T3_COL_NAMES)
        .map(|(col, name)| {
            let mut parts = vec![app("results.granted", col), app("results.partial", col)];
            parts.extend(DENIED.iter().map(|p| app_in("results.denied", p, col)));
            parts.extend(UNABLE.iter().map(|p| app_in("results.unable", p, col)));
            parts.extend(NOT_PROCESSED.iter().map(|p| app_in("results.not_processed", p, col)));
            let mut by_sub_rows = parts.clone();
            by_sub_rows.extend(OTHER.iter().map(|p| app_in("results.other", p, col)));
            parts.push(app("results.other_total", col));
            let total = app("results.total", col);
            let balance = [app("new_received", col), app("carried_over", col), total.clone(), app("carried_forward", col)];
            let other: Vec<String> = OTHER.iter().map(|p| app_in("results.other", p, col)).collect();
            T3Col {
                name,
                results_by_sub_rows: SumSpec::new(&total, &by_sub_rows),
                results_by_other_total: SumSpec::new(&total, &parts),
                balance_formula: format!("{} + {} = {} + {}", balance[0], balance[1], balance[2], balance[3]),
                balance: balance.each_ref().map(|id| Key::new(id)),
                other_total: SumSpec::new(&app("results.other_total", col), &other),
            }
        })
        .collect();
    let outcomes = ["upheld", "corrected", "other", "pending"];
    let t4 = vec![
        ("t4.review_total", SumSpec::new("review.total", &ids("review.", &outcomes))),
        ("t4.direct_total", SumSpec::new("litigation.direct.total", &ids("litigation.direct.", &outcomes))),
        ("t4.after_review_total", SumSpec::new("litigation.after_review.total", &ids("litigation.after_review.", &outcomes))),
    ];
    let mut e19_le = Vec::new();
    for item in ["regulations", "normative_docs"] {
        let p = ["active.art20_1.", item, "."].concat();
        let published = [p.as_str(), "new_published"].concat();
        e19_le.push((LeSpec::new(&published, &[p.as_str(), "new_made"].concat()), item));
        e19_le.push((LeSpec::new(&published, &[p.as_str(), "total_published"].concat()), item));
    }

    let sum = |id, total: &str, parts: Vec<String>, mode, below_ok| Step::Sum { id, spec: SumSpec::new(total, &parts), scope: None, mode, below_ok };
    let le = |id, severity, small: &str, big: &str, scope| Step::Le { id, severity, spec: LeSpec::new(small, big), scope };
    let mut steps_2014 = vec![
        sum("s14.received", "stat.apply.received_total", ids("stat.apply.received.", &["in_person", "fax", "online", "letter", "other"]), Parts::Stated, false),
        sum("s14.closed", "stat.apply.closed_total", ids("stat.apply.closed.", &["on_time", "extended"]), Parts::Stated, false),
        sum(
            "s14.replied",
            "stat.apply.replied_total",
            ids("stat.apply.reply.", &["already_public", "agreed", "partial", "refused_total", "not_this_agency", "not_exist", "amend_notice", "other_channel"]),
            Parts::Stated,
            false,
        ),
        sum(
            "s14.refused",
            "stat.apply.reply.refused_total",
            ids("stat.apply.reply.refused.", &["state_secret", "commercial_secret", "privacy", "security_stability", "not_gov_info", "other_legal"]),
            Parts::Stated,
            false,
        ),
        sum("s14.review", "stat.review_total", ids("stat.review.", &["upheld", "corrected", "other"]), Parts::Stated, false),
        sum("s14.litigation", "stat.litigation_total", ids("stat.litigation.", &["upheld", "corrected", "other"]), Parts::Stated, true),
        sum("s14.staff", "stat.org.staff_total", ids("stat.org.staff.", &["full_time", "part_time"]), Parts::All, false),
        le("s14.principal_le_total", "hard", "stat.response.press_conferences_principal", "stat.response.press_conferences", None),
        le("s14.principal_le_total", "hard", "stat.response.online_interviews_principal", "stat.response.online_interviews", None),
        le("s14.normative", "soft", "stat.active.normative_published", "stat.active.normative_issued", None),
    ];
    for ch in ["gazette", "website", "weibo", "wechat", "other"] {
        steps_2014.push(le("s14.channels", "soft", &["stat.active.channel.", ch].concat(), "stat.active.total", Some(ch)));
    }
    steps_2014.push(le("s14.received_vs_replied", "soft", "stat.apply.closed_total", "stat.apply.received_total", None));
    // 福建 附表, both columns.
    for col in ["year", "cumulative"] {
        let f = |x: &str| ["local.fj.", x, ".", col].concat();
        let fj = |total: &str, parts: &[&str]| Step::Sum {
            id: "local.fj",
            spec: SumSpec::new(&f(total), &parts.iter().map(|p| f(p)).collect::<Vec<_>>()),
            scope: Some(col),
            mode: Parts::All,
            below_ok: false,
        };
        steps_2014.push(fj("apply.received_total", &["apply.received.in_person", "apply.received.online", "apply.received.letter_fax"]));
        steps_2014.push(fj("apply.replied_total", &["apply.reply.agreed", "apply.reply.partial", "apply.reply.refused", "apply.reply.other_type"]));
    }
    let mut fj_years: Vec<&str> = registry::fields().iter().map(|f| f.id).filter(|id| is_fj_year(id)).collect();
    fj_years.sort_unstable();
    let fj_rows = fj_years.iter().map(|y| LeSpec::new(y, &fj_cumulative(y))).collect();

    Plan {
        subtotals,
        derive_cols,
        blank_totals,
        litigation,
        summary_modern,
        summary_2014,
        row_totals,
        t3_cols,
        t4,
        e19_le,
        steps_2014,
        fj_rows,
    }
}

/// A 福建 附表 row's 本年 column.
fn is_fj_year(id: &str) -> bool {
    id.starts_with("local.fj.") && id.ends_with(".year")
}

/// The 历年累计 column of the row whose 本年 column is `year`.
fn fj_cumulative(year: &str) -> String {
    year.trim_end_matches(".year").to_string() + ".cumulative"
}

// ---------------------------------------------------------------------------
// derive

fn derived_value(k: &Key, value: f64) -> Value {
    match k.pos {
        Some(p) => Value::of_field(&registry::fields()[p], value, "derived", None, None),
        None => Value::new(&k.id, value, "derived", None, None),
    }
}

/// Derived and summary values. `narrative_extra` holds summary/derived
/// values the narrative stated (e.g. 主动公开政府信息1.53万条 in a 2020 report).
pub fn derive(fields: &[Value], narrative_extra: &[Value], era: &str) -> (Vec<Value>, Vec<Check>) {
    derive_from(&Vals::of(fields), narrative_extra, era)
}

/// [`derive`] then [`run`]: the derived values, the narrative conflicts
/// found on the way, and the checks. (The stated values are gathered once
/// for both.)
pub fn derive_and_run(fields: &[Value], narrative_extra: &[Value], era: &str) -> (Vec<Value>, Vec<Check>, Vec<Check>) {
    let stated = Vals::of(fields);
    let (derived, conflicts) = derive_from(&stated, narrative_extra, era);
    let checks = run_from(&stated, fields, &derived, era);
    (derived, conflicts, checks)
}

/// [`derive`] with `v`, the values of the fields.
fn derive_from(v: &Vals, narrative_extra: &[Value], era: &str) -> (Vec<Value>, Vec<Check>) {
    let plan = plan();
    let mut conflicts = Vec::new();
    let mut out: Vec<Value> = Vec::new();
    // `out` by id, for membership tests without a scan.
    let mut by_id = Vals::new();
    let put = |out: &mut Vec<Value>, by_id: &mut Vals, k: &Key, val: f64| {
        if !by_id.has(k) {
            by_id.set_key(k, val);
            out.push(derived_value(k, val));
        }
    };
    let modern = matches!(era, "E19" | "E21");
    if modern {
        // 法人或其他组织 小计 for every row.
        for (parts, subtotal) in &plan.subtotals {
            if let (Some(s), Some(k)) = (v.sum_all(parts), subtotal) {
                put(&mut out, &mut by_id, k, s);
            }
        }
        let mut w = v.clone();
        for x in &out {
            w.set(&x.id, x.value);
        }
        for col in &plan.derive_cols {
            for (total, parts) in &col.groups {
                if let Some(s) = w.sum_all(parts) {
                    put(&mut out, &mut by_id, total, s);
                }
            }
            // E21: (六)其他处理 is the sum of its three sub-rows.
            let (total, parts) = &col.other_total;
            if era == "E21" && !w.has(total) {
                if let Some(s) = w.sum_all(parts) {
                    put(&mut out, &mut by_id, total, s);
                }
            }
        }
        // A blank 总计 column: the subtotal's total is the sum of its columns.
        for (total, cols) in &plan.blank_totals {
            if !by_id.has(total) {
                if let Some(s) = by_id.sum_all(cols) {
                    put(&mut out, &mut by_id, total, s);
                }
            }
        }
        for [direct, after_review, all] in &plan.litigation {
            if let (Some(a), Some(b)) = (v.get(direct), v.get(after_review)) {
                put(&mut out, &mut by_id, all, a + b);
            }
        }
    }
    // Narrative-stated derived values (e.g. 诉讼9件) fill what tables did
    // not; where the tables give a different figure, that is a conflict.
    for n in narrative_extra {
        match out.iter().find(|x| x.id == n.id) {
            None => {
                by_id.set(&n.id, n.value);
                out.push(n.clone());
            }
            Some(t) if (t.value - n.value).abs() > 1e-9 && !n.approx => {
                conflicts.push(crate::read::conflict_check(t, n, "the tables"));
            }
            Some(_) => {}
        }
    }
    // The cross-era summary layer: stated values first, then derived ones.
    let summaries = if modern { &plan.summary_modern } else { &plan.summary_2014 };
    for s in summaries {
        if let Some(x) = s.sources.iter().find_map(|k| v.get(k).or_else(|| by_id.get(k))) {
            out.retain(|o| o.id != s.id.id);
            // `scale` is 1 except for the 2014 fee row; x × 1 is exact.
            out.push(derived_value(&s.id, x * s.scale));
        }
    }
    out.sort_by_cached_key(|x| registry::order(&x.id));
    (out, conflicts)
}

// ---------------------------------------------------------------------------
// run

/// A piece of a check's message: text, or a number printed as `fmt_num` does.
enum Piece<'a> {
    T(&'a str),
    N(f64),
}

/// A message from its pieces, written into one buffer of about the right size.
fn message(pieces: &[Piece]) -> String {
    let len = pieces.iter().map(|p| if let Piece::T(s) = p { s.len() } else { 24 }).sum();
    let mut m = String::with_capacity(len);
    for p in pieces {
        match *p {
            Piece::T(s) => m.push_str(s),
            Piece::N(x) => push_num(&mut m, x),
        }
    }
    m
}

fn skipped(id: &'static str, severity: &'static str, formula: &'static str, scope: Option<&'static str>, message: String) -> Check {
    Check {
        id: Cow::Borrowed(id),
        severity: Cow::Borrowed(severity),
        status: Cow::Borrowed("skipped"),
        formula: Cow::Borrowed(formula),
        scope: scope.map(Cow::Borrowed),
        values: Vec::new(),
        expected: None,
        actual: None,
        difference: None,
        message,
    }
}

struct Ctx<'a> {
    v: &'a Vals,
    out: Vec<Check>,
}

impl Ctx<'_> {
    fn sum(&mut self, id: &'static str, severity: &'static str, spec: &'static SumSpec, scope: Option<&'static str>, mode: Parts, below_ok: bool) {
        use Piece::{N, T};
        let formula = spec.formula.as_str();
        let Some(t) = self.v.get(&spec.total) else {
            // Without the total there is nothing to check; say so only when parts exist.
            if spec.parts.iter().any(|p| self.v.has(p)) {
                let why = message(&[T("cannot check: "), T(&spec.total.id), T(" is not stated")]);
                self.out.push(skipped(id, severity, formula, scope, why));
            }
            return;
        };
        let (mut s, mut missing) = (0.0, 0usize);
        for p in &spec.parts {
            match self.v.get(p) {
                Some(x) => s += x,
                None => missing += 1,
            }
        }
        if missing == spec.parts.len() || (mode == Parts::All && missing > 0) {
            let mut why = String::with_capacity(32 + missing * 48);
            why.push_str("cannot check: not stated: ");
            for (i, p) in spec.parts.iter().filter(|p| !self.v.has(p)).enumerate() {
                if i > 0 {
                    why.push_str(", ");
                }
                why.push_str(&p.id);
            }
            self.out.push(skipped(id, severity, formula, scope, why));
            return;
        }
        // The values quoted in the check: the total and the stated parts.
        let mut values = Vec::with_capacity(spec.parts.len() + 1 - missing);
        values.push((Cow::Borrowed(spec.total.name()), t));
        values.extend(spec.parts.iter().filter_map(|p| Some((Cow::Borrowed(p.name()), self.v.get(p)?))));
        let diff = s - t;
        let (status, message) = if diff.abs() < 1e-6 {
            ("pass", message(&[N(t), T(" = "), N(s)]))
        } else if diff < 0.0 && missing > 0 {
            ("skipped", message(&[T("the stated parts sum to "), N(s), T(", short of "), N(t), T(" (not stated: "), N(missing as f64), T(")")]))
        } else if diff < 0.0 && below_ok {
            ("warn", message(&[T("the parts sum to "), N(s), T(" which is less than the total "), N(t), T(" (cases without a column, e.g. pending)")]))
        } else {
            ("fail", message(&[T("the total is "), N(t), T(" but the parts sum to "), N(s), T(" (difference "), N(diff), T(")")]))
        };
        self.out.push(Check {
            id: Cow::Borrowed(id),
            severity: Cow::Borrowed(severity),
            status: Cow::Borrowed(status),
            formula: Cow::Borrowed(formula),
            scope: scope.map(Cow::Borrowed),
            values,
            expected: Some(t),
            actual: Some(s),
            difference: Some(diff),
            message,
        });
    }

    fn le(&mut self, id: &'static str, severity: &'static str, spec: &'static LeSpec, scope: Option<&'static str>) {
        let (Some(a), Some(b)) = (self.v.get(&spec.small), self.v.get(&spec.big)) else { return };
        let values = vec![(Cow::Borrowed(spec.small.name()), a), (Cow::Borrowed(spec.big.name()), b)];
        self.push_le(id, severity, Cow::Borrowed(&spec.formula), scope, values);
    }

    /// `small ≤ big` for ids that are not in the plan (outside the registry).
    fn le_by_name(&mut self, id: &'static str, severity: &'static str, small: &str, big: &str, scope: Option<&'static str>) {
        let (Some(a), Some(b)) = (self.v.get_name(small), self.v.get_name(big)) else { return };
        let values = vec![(Cow::Owned(small.to_string()), a), (Cow::Owned(big.to_string()), b)];
        self.push_le(id, severity, Cow::Owned(format!("{small} ≤ {big}")), scope, values);
    }

    /// The check of `a ≤ b`; `values` holds the two.
    fn push_le(&mut self, id: &'static str, severity: &'static str, formula: Cow<'static, str>, scope: Option<&'static str>, values: Vec<(Cow<'static, str>, f64)>) {
        use Piece::{N, T};
        let (a, b) = (values[0].1, values[1].1);
        let ok = a <= b + 1e-9;
        self.out.push(Check {
            id: Cow::Borrowed(id),
            severity: Cow::Borrowed(severity),
            status: Cow::Borrowed(if ok { "pass" } else { "fail" }),
            formula,
            scope: scope.map(Cow::Borrowed),
            values,
            expected: Some(b),
            actual: Some(a),
            difference: Some(a - b),
            message: if ok { message(&[N(a), T(" ≤ "), N(b)]) } else { message(&[N(a), T(" is larger than "), N(b)]) },
        });
    }

    /// 一 + 二 = (七)总计 + 四, where all four are known.
    fn balance(&mut self, col: &'static T3Col) {
        use Piece::{N, T};
        let [ka, kb, kt, kf] = &col.balance;
        let (Some(a), Some(b), Some(t), Some(f)) = (self.v.get(ka), self.v.get(kb), self.v.get(kt), self.v.get(kf)) else { return };
        let diff = (a + b) - (t + f);
        let ok = diff.abs() < 1e-6;
        self.out.push(Check {
            id: Cow::Borrowed("t3.balance"),
            severity: Cow::Borrowed("hard"),
            status: Cow::Borrowed(if ok { "pass" } else { "fail" }),
            formula: Cow::Borrowed(&col.balance_formula),
            scope: Some(Cow::Borrowed(col.name)),
            values: vec![(Cow::Borrowed(ka.name()), a), (Cow::Borrowed(kb.name()), b), (Cow::Borrowed(kt.name()), t), (Cow::Borrowed(kf.name()), f)],
            expected: Some(a + b),
            actual: Some(t + f),
            difference: Some(t + f - (a + b)),
            message: if ok {
                message(&[N(a), T(" + "), N(b), T(" = "), N(t), T(" + "), N(f)])
            } else {
                message(&[T("received "), N(a), T(" + carried over "), N(b), T(" ≠ handled "), N(t), T(" + carried forward "), N(f)])
            },
        });
    }
}

/// Is `id` one of the (六) sub-rows of table 三 (`applications.results.other.{no_correction,…}.{col}`)?
fn is_other_sub_row(id: &str) -> bool {
    id.strip_prefix("applications.results.other.")
        .is_some_and(|r| OTHER.iter().any(|o| r.strip_prefix(o).is_some_and(|r| r.starts_with('.'))))
}

/// Evaluates every identity of checks.tsv that applies to `era`.
pub fn run(fields: &[Value], derived: &[Value], era: &str) -> Vec<Check> {
    run_from(&Vals::of(fields), fields, derived, era)
}

/// [`run`] with `stated`, the values of `fields`.
fn run_from(stated: &Vals, fields: &[Value], derived: &[Value], era: &str) -> Vec<Check> {
    let plan = plan();
    let mut v = stated.clone();
    for d in derived {
        v.add(&d.id, d.value);
    }
    let mut c = Ctx { v: &v, out: Vec::new() };
    if matches!(era, "E19" | "E21") {
        let has_t3 = fields.iter().any(|f| f.id.starts_with("applications."));
        if has_t3 {
            for (spec, label) in &plan.row_totals {
                if stated.has(&spec.total) || spec.parts.iter().any(|p| stated.has(p)) {
                    c.sum("t3.row_total", "hard", spec, Some(label), Parts::All, false);
                }
            }
            let sub_rows = fields.iter().any(|f| is_other_sub_row(&f.id));
            let id = if era == "E21" { "t3.results_total_E21" } else { "t3.results_total_E19" };
            let use_sub = era == "E21" && sub_rows;
            for col in &plan.t3_cols {
                let spec = if use_sub { &col.results_by_sub_rows } else { &col.results_by_other_total };
                c.sum(id, "hard", spec, Some(col.name), Parts::All, false);
                c.balance(col);
                if use_sub && stated.has(&col.other_total.total) {
                    c.sum("t3.other_total_E21", "derived", &col.other_total, Some(col.name), Parts::All, false);
                }
            }
        }
        for (id, spec) in &plan.t4 {
            c.sum(id, "hard", spec, None, Parts::All, false);
        }
        if era == "E19" {
            for (spec, item) in &plan.e19_le {
                c.le("t2.e19_published_le_made", "soft", spec, Some(item));
            }
        }
    } else {
        for step in &plan.steps_2014 {
            match step {
                Step::Sum { id, spec, scope, mode, below_ok } => c.sum(id, "hard", spec, *scope, *mode, *below_ok),
                Step::Le { id, severity, spec, scope } => c.le(id, severity, spec, *scope),
            }
        }
        // 福建 附表 rows: 历年累计 ≥ 本年, in id order.
        let mut rows: Vec<(&str, Option<&'static LeSpec>)> =
            plan.fj_rows.iter().filter(|le| v.has(&le.small)).map(|le| (le.small.name(), Some(le))).collect();
        rows.extend(v.unknown.iter().filter(|(id, _)| is_fj_year(id)).map(|(id, _)| (id.as_ref(), None)));
        rows.sort_unstable_by(|a, b| a.0.cmp(b.0));
        let scope = Some("cumulative ≥ year");
        for (year, spec) in rows {
            match spec {
                Some(spec) => c.le("local.fj", "hard", spec, scope),
                None => c.le_by_name("local.fj", "hard", year, &fj_cumulative(year), scope),
            }
        }
    }
    c.out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vals(pairs: &[(&str, f64)]) -> Vec<Value> {
        pairs.iter().map(|(i, x)| Value::new(i, *x, "table", None, None)).collect()
    }

    #[test]
    fn e14_sums_pass_fail_and_skip() {
        let f = vals(&[
            ("stat.apply.received_total", 81.0),
            ("stat.apply.received.in_person", 39.0),
            ("stat.apply.received.fax", 0.0),
            ("stat.apply.received.online", 8.0),
            ("stat.apply.received.letter", 34.0),
            ("stat.review_total", 3.0),
            ("stat.review.upheld", 2.0),
            ("stat.review.corrected", 0.0),
            ("stat.review.other", 0.0),
            ("stat.org.staff.full_time", 5.0),
        ]);
        let checks = run(&f, &[], "E14");
        let get = |id: &str| checks.iter().find(|c| c.id == id).unwrap();
        assert_eq!(get("s14.received").status, "pass");
        assert_eq!(get("s14.review").status, "fail");
        assert_eq!(get("s14.review").difference, Some(-1.0));
        assert_eq!(get("s14.staff").status, "skipped");
    }

    #[test]
    fn t3_balance_and_derivations() {
        let mut pairs = vec![];
        let cols = T3_COLS;
        for (row, n) in [("new_received", 10.0), ("carried_over", 2.0), ("results.total", 9.0), ("carried_forward", 3.0)] {
            for c in cols {
                pairs.push((format!("applications.{row}.{c}"), if c == "total" { n * 6.0 } else { n }));
            }
        }
        let f: Vec<Value> = pairs.iter().map(|(i, x)| Value::new(i, *x, "table", None, None)).collect();
        let (d, _) = derive(&f, &[], "E21");
        assert!(d.iter().any(|x| x.id == "applications.new_received.legal_person_subtotal" && x.value == 50.0));
        assert!(d.iter().any(|x| x.id == "summary.applications.received" && x.value == 60.0));
        let checks = run(&f, &d, "E21");
        assert!(checks.iter().filter(|c| c.id == "t3.balance").all(|c| c.status == "pass"));
        assert!(checks.iter().any(|c| c.id == "t3.row_total" && c.status == "pass"));
    }
}
