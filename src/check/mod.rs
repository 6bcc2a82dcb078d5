//! Derived values and the arithmetic checks.
//!
//! `derive` computes the `derived` ids of fields.tsv (subtotals, the
//! 法人或其他组织 小计 column, litigation.all) and the cross-era `summary`
//! layer. `run` evaluates every identity of checks.tsv that applies to the
//! report's era; an identity whose values are missing is reported as
//! `skipped` with the reason.

pub mod cross_year;

pub use cross_year::{cross_year, CrossCheck};

use crate::read::{fmt_num, Value};
use crate::report::Check;
use crate::fasthash::FastMap;
use std::borrow::Cow;

/// Values by id. Ids are mostly the registry's own (borrowed), so building
/// the map allocates nothing per entry; lookups take any `&str`.
#[derive(Clone, Default)]
struct Vals(FastMap<Cow<'static, str>, f64>);

impl Vals {
    fn get(&self, id: &str) -> Option<&f64> {
        self.0.get(id)
    }
    fn contains_key(&self, id: &str) -> bool {
        self.0.contains_key(id)
    }
    fn insert(&mut self, id: Cow<'static, str>, value: f64) {
        self.0.insert(id, value);
    }
    /// Inserts unless the id is already there.
    fn add(&mut self, id: Cow<'static, str>, value: f64) {
        self.0.entry(id).or_insert(value);
    }
    fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.keys().map(|k| k.as_ref())
    }
}

impl FromIterator<(Cow<'static, str>, f64)> for Vals {
    fn from_iter<I: IntoIterator<Item = (Cow<'static, str>, f64)>>(it: I) -> Vals {
        Vals(it.into_iter().collect())
    }
}

fn index(vals: &[Value]) -> Vals {
    vals.iter().map(|v| (v.id.clone(), v.value)).collect()
}

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

fn app(row: &str, col: &str) -> String {
    ["applications.", row, ".", col].concat()
}

/// `applications.{group}.{part}.{col}`.
fn app_in(group: &str, part: &str, col: &str) -> String {
    ["applications.", group, ".", part, ".", col].concat()
}

fn sum_all(v: &Vals, ids: &[String]) -> Option<f64> {
    ids.iter().map(|i| v.get(i).copied()).sum::<Option<f64>>()
}

fn derived(id: &str, value: f64) -> Value {
    Value::new(id, value, "derived", None, None)
}

/// Derived and summary values. `narrative_extra` holds summary/derived
/// values the narrative stated (e.g. 主动公开政府信息1.53万条 in a 2020 report).
pub fn derive(fields: &[Value], narrative_extra: &[Value], era: &str) -> (Vec<Value>, Vec<Check>) {
    let v = index(fields);
    let mut conflicts = Vec::new();
    let mut out: Vec<Value> = Vec::new();
    // `out` by id, for membership tests without a scan.
    let mut by_id = Vals::default();
    let put = |out: &mut Vec<Value>, by_id: &mut Vals, id: &str, val: f64| {
        if !by_id.contains_key(id) {
            let d = derived(id, val);
            by_id.insert(d.id.clone(), val);
            out.push(d);
        }
    };
    let modern = matches!(era, "E19" | "E21");
    if modern {
        let mut cols: Vec<&str> = T3_COLS.to_vec();
        cols.push("legal_person_subtotal");
        // 法人或其他组织 小计 for every row.
        for (row, _) in T3_ROWS {
            let parts: Vec<String> = ORG_COLS.iter().map(|c| app(row, c)).collect();
            if let Some(s) = sum_all(&v, &parts) {
                if crate::registry::field(&app(row, "legal_person_subtotal")).is_some() {
                    put(&mut out, &mut by_id, &app(row, "legal_person_subtotal"), s);
                }
            }
        }
        let mut w = v.clone();
        for x in &out {
            w.insert(x.id.clone(), x.value);
        }
        for col in &cols {
            for (stem, parts) in [
                ("results.denied_total", &DENIED[..]),
                ("results.unable_total", &UNABLE[..]),
                ("results.not_processed_total", &NOT_PROCESSED[..]),
            ] {
                let group = stem.trim_end_matches("_total");
                let ids: Vec<String> = parts.iter().map(|p| app_in(group, p, col)).collect();
                if let Some(s) = sum_all(&w, &ids) {
                    put(&mut out, &mut by_id, &app(stem, col), s);
                }
            }
            // E21: (六)其他处理 is the sum of its three sub-rows.
            if era == "E21" && !w.contains_key(&app("results.other_total", col)) {
                let ids: Vec<String> = OTHER.iter().map(|p| app_in("results.other", p, col)).collect();
                if let Some(s) = sum_all(&w, &ids) {
                    put(&mut out, &mut by_id, &app("results.other_total", col), s);
                }
            }
        }
        // A blank 总计 column: the subtotal's total is the sum of its columns.
        for stem in ["results.denied_total", "results.unable_total", "results.not_processed_total"] {
            let tid = app(stem, "total");
            if !by_id.contains_key(&tid) {
                let cols: Vec<String> = T3_COLS[..6].iter().map(|c| app(stem, c)).collect();
                if let Some(s) = sum_all(&by_id, &cols) {
                    put(&mut out, &mut by_id, &tid, s);
                }
            }
        }
        for x in ["upheld", "corrected", "other", "pending", "total"] {
            let a = v.get(&["litigation.direct.", x].concat());
            let b = v.get(&["litigation.after_review.", x].concat());
            if let (Some(a), Some(b)) = (a, b) {
                put(&mut out, &mut by_id, &["litigation.all.", x].concat(), a + b);
            }
        }
    }
    // Narrative-stated derived values (e.g. 诉讼9件) fill what tables did
    // not; where the tables give a different figure, that is a conflict.
    for n in narrative_extra {
        match out.iter().find(|x| x.id == n.id) {
            None => {
                by_id.insert(n.id.clone(), n.value);
                out.push(n.clone());
            }
            Some(t) if (t.value - n.value).abs() > 1e-9 && !n.approx => {
                conflicts.push(crate::read::conflict_check(t, n, "the tables"));
            }
            Some(_) => {}
        }
    }
    // The cross-era summary layer.
    // Stated values first, then derived ones.
    let first = |ids: &[&str]| ids.iter().find_map(|i| v.get(i).or_else(|| by_id.get(i)).copied());
    let summary: Vec<(&str, Option<f64>)> = if modern {
        vec![
            ("summary.active.items", first(&["summary.active.items"])),
            (
                "summary.active.normative_docs",
                first(&["active.art20_1.normative_docs.issued", "active.art20_1.normative_docs.new_published"]),
            ),
            ("summary.applications.received", first(&["applications.new_received.total"])),
            ("summary.applications.replied", first(&["applications.results.total.total"])),
            ("summary.review.cases", first(&["review.total"])),
            ("summary.litigation.cases", first(&["litigation.all.total"])),
            ("summary.fees.amount_yuan", first(&["fees.info_processing.amount_collected"])),
            ("summary.training.trainees", first(&["summary.training.trainees"])),
        ]
    } else {
        vec![
            ("summary.active.items", first(&["stat.active.total", "local.fj.active_docs.year"])),
            ("summary.active.normative_docs", first(&["stat.active.normative_issued", "stat.active.normative_published"])),
            ("summary.applications.received", first(&["stat.apply.received_total"])),
            ("summary.applications.replied", first(&["stat.apply.replied_total", "stat.apply.closed_total"])),
            ("summary.review.cases", first(&["stat.review_total"])),
            ("summary.litigation.cases", first(&["stat.litigation_total"])),
            ("summary.fees.amount_yuan", first(&["stat.fees_collected"]).map(|x| x * 10_000.0)),
            ("summary.staff.full_time", first(&["stat.org.staff.full_time"])),
            ("summary.staff.part_time", first(&["stat.org.staff.part_time"])),
            ("summary.training.trainees", first(&["stat.training.trainees"])),
        ]
    };
    for (id, val) in summary {
        if let Some(x) = val {
            out.retain(|o| o.id != id);
            out.push(derived(id, x));
        }
    }
    out.sort_by_cached_key(|x| crate::registry::order(&x.id));
    (out, conflicts)
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

struct Ctx<'a> {
    v: &'a Vals,
    out: Vec<Check>,
}

impl Ctx<'_> {
    #[allow(clippy::too_many_arguments)]
    fn sum(&mut self, id: &str, severity: &str, total: &str, parts: &[String], scope: Option<String>, mode: Parts, below_ok: bool) {
        // Built only when a check is reported (most identities have nothing stated).
        let formula = || format!("{total} = {}", parts.join(" + "));
        let Some(&t) = self.v.get(total) else {
            // Without the total there is nothing to check; say so only when parts exist.
            if parts.iter().any(|p| self.v.contains_key(p)) {
                self.out.push(skipped(id, severity, &formula(), scope, &format!("{total} is not stated")));
            }
            return;
        };
        let formula = formula();
        // One lookup per part: the values quoted in the check, and the sum.
        let mut values = Vec::with_capacity(parts.len() + 1);
        values.push((total.to_string(), t));
        let (mut s, mut missing) = (0.0, 0usize);
        for p in parts {
            match self.v.get(p) {
                Some(&x) => {
                    s += x;
                    values.push((p.clone(), x));
                }
                None => missing += 1,
            }
        }
        if values.len() == 1 || (mode == Parts::All && missing > 0) {
            let names: Vec<&str> = parts.iter().map(String::as_str).filter(|p| !self.v.contains_key(p)).collect();
            let why = format!("not stated: {}", names.join(", "));
            self.out.push(skipped(id, severity, &formula, scope, &why));
            return;
        }
        let diff = s - t;
        let (status, message) = if diff.abs() < 1e-6 {
            ("pass", format!("{} = {}", fmt_num(t), fmt_num(s)))
        } else if diff < 0.0 && missing > 0 {
            ("skipped", format!("the stated parts sum to {}, short of {} (not stated: {})", fmt_num(s), fmt_num(t), missing))
        } else if diff < 0.0 && below_ok {
            ("warn", format!("the parts sum to {} which is less than the total {} (cases without a column, e.g. pending)", fmt_num(s), fmt_num(t)))
        } else {
            ("fail", format!("the total is {} but the parts sum to {} (difference {})", fmt_num(t), fmt_num(s), fmt_num(diff)))
        };
        self.out.push(Check {
            id: id.to_string(),
            severity: severity.to_string(),
            status: status.to_string(),
            formula,
            scope,
            values,
            expected: Some(t),
            actual: Some(s),
            difference: Some(diff),
            message,
        });
    }

    fn le(&mut self, id: &str, severity: &str, small: &str, big: &str, scope: Option<String>) {
        let (Some(&a), Some(&b)) = (self.v.get(small), self.v.get(big)) else { return };
        let ok = a <= b + 1e-9;
        self.out.push(Check {
            id: id.to_string(),
            severity: severity.to_string(),
            status: if ok { "pass" } else { "fail" }.to_string(),
            formula: format!("{small} ≤ {big}"),
            scope,
            values: vec![(small.to_string(), a), (big.to_string(), b)],
            expected: Some(b),
            actual: Some(a),
            difference: Some(a - b),
            message: if ok {
                format!("{} ≤ {}", fmt_num(a), fmt_num(b))
            } else {
                format!("{} is larger than {}", fmt_num(a), fmt_num(b))
            },
        });
    }
}

fn skipped(id: &str, severity: &str, formula: &str, scope: Option<String>, why: &str) -> Check {
    Check {
        id: id.to_string(),
        severity: severity.to_string(),
        status: "skipped".to_string(),
        formula: formula.to_string(),
        scope,
        values: Vec::new(),
        expected: None,
        actual: None,
        difference: None,
        message: format!("cannot check: {why}"),
    }
}

fn ids(prefix: &str, parts: &[&str]) -> Vec<String> {
    parts.iter().map(|p| [prefix, p].concat()).collect()
}

/// Evaluates every identity of checks.tsv that applies to `era`.
pub fn run(fields: &[Value], derived: &[Value], era: &str) -> Vec<Check> {
    let mut v = index(fields);
    for d in derived {
        v.add(d.id.clone(), d.value);
    }
    let stated = index(fields);
    let mut c = Ctx { v: &v, out: Vec::new() };
    if matches!(era, "E19" | "E21") {
        let has_t3 = stated.keys().any(|k| k.starts_with("applications."));
        if has_t3 {
            for (row, label) in T3_ROWS {
                let parts: Vec<String> = T3_COLS[..6].iter().map(|col| app(row, col)).collect();
                if stated.contains_key(&app(row, "total")) || parts.iter().any(|p| stated.contains_key(p)) {
                    c.sum("t3.row_total", "hard", &app(row, "total"), &parts, Some(label.to_string()), Parts::All, false);
                }
            }
            let sub_rows = stated.keys().any(|k| k.strip_prefix("applications.results.other.").is_some_and(|r| OTHER.iter().any(|o| r.strip_prefix(o).is_some_and(|r| r.starts_with('.')))));
            let (id, use_sub) = if era == "E21" && sub_rows { ("t3.results_total_E21", true) } else { (if era == "E21" { "t3.results_total_E21" } else { "t3.results_total_E19" }, false) };
            for (ci, col) in T3_COLS.iter().enumerate() {
                let mut parts = vec![app("results.granted", col), app("results.partial", col)];
                parts.extend(DENIED.iter().map(|p| app_in("results.denied", p, col)));
                parts.extend(UNABLE.iter().map(|p| app_in("results.unable", p, col)));
                parts.extend(NOT_PROCESSED.iter().map(|p| app_in("results.not_processed", p, col)));
                if use_sub {
                    parts.extend(OTHER.iter().map(|p| app_in("results.other", p, col)));
                } else {
                    parts.push(app("results.other_total", col));
                }
                c.sum(id, "hard", &app("results.total", col), &parts, Some(T3_COL_NAMES[ci].to_string()), Parts::All, false);
                // 一 + 二 = (七)总计 + 四
                let (a, b, t, f) = (app("new_received", col), app("carried_over", col), app("results.total", col), app("carried_forward", col));
                if let (Some(a), Some(b), Some(t), Some(f)) = (v.get(&a), v.get(&b), v.get(&t), v.get(&f)) {
                    let diff = (a + b) - (t + f);
                    c.out.push(Check {
                        id: "t3.balance".into(),
                        severity: "hard".into(),
                        status: if diff.abs() < 1e-6 { "pass" } else { "fail" }.into(),
                        formula: format!("{a_id} + {b_id} = {t_id} + {f_id}", a_id = app("new_received", col), b_id = app("carried_over", col), t_id = app("results.total", col), f_id = app("carried_forward", col)),
                        scope: Some(T3_COL_NAMES[ci].to_string()),
                        values: vec![(app("new_received", col), *a), (app("carried_over", col), *b), (app("results.total", col), *t), (app("carried_forward", col), *f)],
                        expected: Some(a + b),
                        actual: Some(t + f),
                        difference: Some(t + f - (a + b)),
                        message: if diff.abs() < 1e-6 {
                            format!("{} + {} = {} + {}", fmt_num(*a), fmt_num(*b), fmt_num(*t), fmt_num(*f))
                        } else {
                            format!("received {} + carried over {} ≠ handled {} + carried forward {}", fmt_num(*a), fmt_num(*b), fmt_num(*t), fmt_num(*f))
                        },
                    });
                }
                if era == "E21" && sub_rows && stated.contains_key(&app("results.other_total", col)) {
                    let parts: Vec<String> = OTHER.iter().map(|p| app_in("results.other", p, col)).collect();
                    c.sum("t3.other_total_E21", "derived", &app("results.other_total", col), &parts, Some(T3_COL_NAMES[ci].to_string()), Parts::All, false);
                }
            }
        }
        c.sum("t4.review_total", "hard", "review.total", &ids("review.", &["upheld", "corrected", "other", "pending"]), None, Parts::All, false);
        c.sum("t4.direct_total", "hard", "litigation.direct.total", &ids("litigation.direct.", &["upheld", "corrected", "other", "pending"]), None, Parts::All, false);
        c.sum(
            "t4.after_review_total",
            "hard",
            "litigation.after_review.total",
            &ids("litigation.after_review.", &["upheld", "corrected", "other", "pending"]),
            None,
            Parts::All,
            false,
        );
        if era == "E19" {
            for item in ["regulations", "normative_docs"] {
                let p = ["active.art20_1.", item, "."].concat();
                c.le("t2.e19_published_le_made", "soft", &[p.as_str(), "new_published"].concat(), &[p.as_str(), "new_made"].concat(), Some(item.to_string()));
                c.le("t2.e19_published_le_made", "soft", &[p.as_str(), "new_published"].concat(), &[p.as_str(), "total_published"].concat(), Some(item.to_string()));
            }
        }
    } else {
        let s = "stat.apply.";
        c.sum("s14.received", "hard", "stat.apply.received_total", &ids("stat.apply.received.", &["in_person", "fax", "online", "letter", "other"]), None, Parts::Stated, false);
        c.sum("s14.closed", "hard", "stat.apply.closed_total", &ids("stat.apply.closed.", &["on_time", "extended"]), None, Parts::Stated, false);
        c.sum(
            "s14.replied",
            "hard",
            &[s, "replied_total"].concat(),
            &ids("stat.apply.reply.", &["already_public", "agreed", "partial", "refused_total", "not_this_agency", "not_exist", "amend_notice", "other_channel"]),
            None,
            Parts::Stated,
            false,
        );
        c.sum(
            "s14.refused",
            "hard",
            "stat.apply.reply.refused_total",
            &ids("stat.apply.reply.refused.", &["state_secret", "commercial_secret", "privacy", "security_stability", "not_gov_info", "other_legal"]),
            None,
            Parts::Stated,
            false,
        );
        c.sum("s14.review", "hard", "stat.review_total", &ids("stat.review.", &["upheld", "corrected", "other"]), None, Parts::Stated, false);
        c.sum("s14.litigation", "hard", "stat.litigation_total", &ids("stat.litigation.", &["upheld", "corrected", "other"]), None, Parts::Stated, true);
        c.sum("s14.staff", "hard", "stat.org.staff_total", &ids("stat.org.staff.", &["full_time", "part_time"]), None, Parts::All, false);
        c.le("s14.principal_le_total", "hard", "stat.response.press_conferences_principal", "stat.response.press_conferences", None);
        c.le("s14.principal_le_total", "hard", "stat.response.online_interviews_principal", "stat.response.online_interviews", None);
        c.le("s14.normative", "soft", "stat.active.normative_published", "stat.active.normative_issued", None);
        for ch in ["gazette", "website", "weibo", "wechat", "other"] {
            c.le("s14.channels", "soft", &["stat.active.channel.", ch].concat(), "stat.active.total", Some(ch.to_string()));
        }
        c.le("s14.received_vs_replied", "soft", "stat.apply.closed_total", "stat.apply.received_total", None);
        // 福建 附表, both columns.
        for col in ["year", "cumulative"] {
            let f = |x: &str| ["local.fj.", x, ".", col].concat();
            c.sum("local.fj", "hard", &f("apply.received_total"), &[f("apply.received.in_person"), f("apply.received.online"), f("apply.received.letter_fax")], Some(col.into()), Parts::All, false);
            c.sum(
                "local.fj",
                "hard",
                &f("apply.replied_total"),
                &[f("apply.reply.agreed"), f("apply.reply.partial"), f("apply.reply.refused"), f("apply.reply.other_type")],
                Some(col.into()),
                Parts::All,
                false,
            );
        }
        let mut fj_rows: Vec<String> = v.keys().filter(|k| k.starts_with("local.fj.") && k.ends_with(".year")).map(str::to_string).collect();
        fj_rows.sort();
        for y in fj_rows {
            let cum = y.trim_end_matches(".year").to_string() + ".cumulative";
            c.le("local.fj", "hard", &y, &cum, Some("cumulative ≥ year".into()));
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
