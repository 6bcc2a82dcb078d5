//! Checks across reports: the same agency in consecutive years.
//!
//! Last year's 结转下年度继续办理 must equal this year's 上年结转 (table 三,
//! every applicant column), and the stock of 现行有效 normative documents
//! should follow 现行有效(y) = 现行有效(y−1) + 本年制发(y) − 本年废止(y)
//! (soft: revisions and clean-ups break it).

use crate::read::fmt_num;
use crate::report::{Check, Report};
use serde::Serialize;
use std::borrow::Cow;
use std::collections::HashMap;

/// One cross-year check between two reports of a batch.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CrossCheck {
    pub agency: String,
    /// Indexes into the batch: the earlier report, then the later one.
    pub reports: [usize; 2],
    pub years: [i32; 2],
    pub check: Check,
}

fn value(r: &Report, id: &str) -> Option<f64> {
    r.fields.iter().chain(r.derived.iter()).find(|f| f.id == id).and_then(|f| f.value.as_f64())
}

/// Agency names compare without a trailing 人民政府 (包头市 = 包头市人民政府).
fn agency_key(a: &str) -> String {
    let a: String = a.chars().filter(|c| !c.is_whitespace()).collect();
    a.strip_suffix("人民政府").filter(|s| s.chars().count() > 1).map(str::to_string).unwrap_or(a)
}

/// Runs the cross-year checks over a batch (reports without agency or year
/// are left out).
pub fn cross_year(reports: &[Report]) -> Vec<CrossCheck> {
    let mut by_agency: HashMap<String, Vec<(i32, usize)>> = HashMap::new();
    for (i, r) in reports.iter().enumerate() {
        if let (Some(a), Some(y)) = (&r.meta.agency, r.meta.year) {
            by_agency.entry(agency_key(a)).or_default().push((y, i));
        }
    }
    let mut out = Vec::new();
    let mut keys: Vec<&String> = by_agency.keys().collect();
    keys.sort();
    for key in keys {
        let mut list = by_agency[key].clone();
        list.sort();
        for w in list.windows(2) {
            let ((y0, i0), (y1, i1)) = (w[0], w[1]);
            if y1 != y0 + 1 {
                continue;
            }
            let (a, b) = (&reports[i0], &reports[i1]);
            let agency = b.meta.agency.clone().unwrap_or_default();
            for col in crate::check::T3_COLS {
                let (fa, fb) = (format!("applications.carried_forward.{col}"), format!("applications.carried_over.{col}"));
                if let (Some(x), Some(y)) = (value(a, &fa), value(b, &fb)) {
                    let ok = (x - y).abs() < 1e-9;
                    out.push(CrossCheck {
                        agency: agency.clone(),
                        reports: [i0, i1],
                        years: [y0, y1],
                        check: Check {
                            id: "cross.carry_over".into(),
                            severity: "hard".into(),
                            status: if ok { "pass" } else { "fail" }.into(),
                            formula: format!("{fa} ({y0}) = {fb} ({y1})").into(),
                            scope: Some(Cow::Borrowed(col)),
                            values: vec![(format!("{fa}@{y0}").into(), x), (format!("{fb}@{y1}").into(), y)],
                            expected: Some(x),
                            actual: Some(y),
                            difference: Some(y - x),
                            message: if ok {
                                format!("{y0} carried forward {} and {y1} carried over {}", fmt_num(x), fmt_num(y))
                            } else {
                                format!("{y0} carried forward {} applications but {y1} says {} were carried over", fmt_num(x), fmt_num(y))
                            },
                        },
                    });
                }
            }
            for item in ["regulations", "normative_docs"] {
                let p = format!("active.art20_1.{item}.");
                let (Some(before), Some(now), Some(issued), Some(repealed)) = (
                    value(a, &format!("{p}in_force")),
                    value(b, &format!("{p}in_force")),
                    value(b, &format!("{p}issued")),
                    value(b, &format!("{p}repealed")),
                ) else {
                    continue;
                };
                let expected = before + issued - repealed;
                let ok = (expected - now).abs() < 1e-9;
                out.push(CrossCheck {
                    agency: agency.clone(),
                    reports: [i0, i1],
                    years: [y0, y1],
                    check: Check {
                        id: "t2.e21_stock_flow".into(),
                        severity: "soft".into(),
                        status: if ok { "pass" } else { "warn" }.into(),
                        formula: format!("{p}in_force ({y1}) = {p}in_force ({y0}) + {p}issued − {p}repealed").into(),
                        scope: Some(Cow::Borrowed(item)),
                        values: vec![
                            (format!("{p}in_force@{y0}").into(), before),
                            (format!("{p}issued@{y1}").into(), issued),
                            (format!("{p}repealed@{y1}").into(), repealed),
                            (format!("{p}in_force@{y1}").into(), now),
                        ],
                        expected: Some(expected),
                        actual: Some(now),
                        difference: Some(now - expected),
                        message: if ok {
                            format!("{} + {} − {} = {}", fmt_num(before), fmt_num(issued), fmt_num(repealed), fmt_num(now))
                        } else {
                            format!(
                                "{y0}'s {} in force + {} issued − {} repealed = {}, but {y1} reports {} (revisions or clean-ups can explain it)",
                                fmt_num(before),
                                fmt_num(issued),
                                fmt_num(repealed),
                                fmt_num(expected),
                                fmt_num(now)
                            )
                        },
                    },
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(text: &str) -> Report {
        crate::extract_str(text).unwrap()
    }

    #[test]
    fn consecutive_years_of_one_agency() {
        let y1 = report(
            "甲市2022年政府信息公开工作年度报告\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t1\t0\t10\n\
             四、结转下年度继续办理\t3\t0\t0\t0\t0\t0\t3",
        );
        let y2 = report(
            "甲市人民政府2023年政府信息公开工作年度报告\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t2\t1\t12\n\
             二、上年结转政府信息公开申请数量\t3\t0\t0\t0\t0\t0\t4",
        );
        let other = report("乙市2023年政府信息公开工作年度报告\n二、上年结转政府信息公开申请数量\t9\t0\t0\t0\t0\t0\t9");
        let c = cross_year(&[y2, other, y1]);
        let carry: Vec<&CrossCheck> = c.iter().filter(|x| x.check.id == "cross.carry_over").collect();
        assert_eq!(carry.len(), 7);
        assert_eq!(carry[0].reports, [2, 0]);
        let total = carry.iter().find(|x| x.check.scope.as_deref() == Some("total")).unwrap();
        assert_eq!(total.check.status, "fail");
        assert!(carry.iter().filter(|x| x.check.scope.as_deref() != Some("total")).all(|x| x.check.status == "pass"));
        let flow = c.iter().find(|x| x.check.id == "t2.e21_stock_flow").unwrap();
        assert_eq!((&*flow.check.status, flow.check.expected), ("warn", Some(11.0)));
    }
}
