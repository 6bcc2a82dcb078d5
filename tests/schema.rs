//! The JSON Schema in `schema/report.schema.json` documents the report
//! contract; this test validates real reports against it with a small
//! validator for the keywords the schema uses, so the two cannot drift.

use serde_json::Value;

fn resolve<'a>(root: &'a Value, s: &'a Value) -> &'a Value {
    match s.get("$ref").and_then(Value::as_str) {
        Some(r) => {
            let name = r.trim_start_matches("#/$defs/");
            &root["$defs"][name]
        }
        None => s,
    }
}

fn type_ok(t: &str, v: &Value) -> bool {
    match t {
        "object" => v.is_object(),
        "array" => v.is_array(),
        "string" => v.is_string(),
        "integer" => v.is_i64() || v.is_u64(),
        "number" => v.is_number(),
        "boolean" => v.is_boolean(),
        "null" => v.is_null(),
        _ => false,
    }
}

fn validate(root: &Value, schema: &Value, v: &Value, path: &str, errs: &mut Vec<String>) {
    let s = resolve(root, schema);
    if let Some(t) = s.get("type") {
        let ok = match t {
            Value::String(t) => type_ok(t, v),
            Value::Array(ts) => ts.iter().any(|t| type_ok(t.as_str().unwrap(), v)),
            _ => true,
        };
        if !ok {
            errs.push(format!("{path}: {v} is not of type {t}"));
            return;
        }
    }
    if let Some(e) = s.get("enum").and_then(Value::as_array) {
        if !e.contains(v) {
            errs.push(format!("{path}: {v} not in {e:?}"));
        }
    }
    if let (Some(p), Some(x)) = (s.get("pattern").and_then(Value::as_str), v.as_str()) {
        assert_eq!(p, "^\\d{4}-\\d{2}-\\d{2}$", "the test validator knows only the date pattern");
        let ok = x.len() == 10 && x.chars().enumerate().all(|(i, c)| if i == 4 || i == 7 { c == '-' } else { c.is_ascii_digit() });
        if !ok {
            errs.push(format!("{path}: {x} is not YYYY-MM-DD"));
        }
    }
    if let (Some(m), Some(x)) = (s.get("minimum").and_then(Value::as_f64), v.as_f64()) {
        if x < m {
            errs.push(format!("{path}: {x} < {m}"));
        }
    }
    if let Some(o) = v.as_object() {
        for r in s.get("required").and_then(Value::as_array).into_iter().flatten() {
            if !o.contains_key(r.as_str().unwrap()) {
                errs.push(format!("{path}: missing {r}"));
            }
        }
        let props = s.get("properties").and_then(Value::as_object);
        for (k, x) in o {
            match props.and_then(|p| p.get(k)) {
                Some(ps) => validate(root, ps, x, &format!("{path}.{k}"), errs),
                None if s.get("additionalProperties") == Some(&Value::Bool(false)) => errs.push(format!("{path}: unexpected {k}")),
                None => {}
            }
        }
    }
    if let Some(a) = v.as_array() {
        if let Some(n) = s.get("minItems").and_then(Value::as_u64) {
            if (a.len() as u64) < n {
                errs.push(format!("{path}: fewer than {n} items"));
            }
        }
        if let Some(n) = s.get("maxItems").and_then(Value::as_u64) {
            if (a.len() as u64) > n {
                errs.push(format!("{path}: more than {n} items"));
            }
        }
        let prefix = s.get("prefixItems").and_then(Value::as_array);
        for (i, x) in a.iter().enumerate() {
            if let Some(ps) = prefix.and_then(|p| p.get(i)) {
                validate(root, ps, x, &format!("{path}[{i}]"), errs);
            } else if let Some(items) = s.get("items") {
                validate(root, items, x, &format!("{path}[{i}]"), errs);
            }
        }
    }
}

fn schema() -> Value {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/report.schema.json");
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

fn check(input: &str, name: &str) -> Value {
    let r = ogi_extract::extract(input.as_bytes(), Some(name)).expect("extracts");
    let v = serde_json::to_value(&r).unwrap();
    let root = schema();
    let mut errs = Vec::new();
    validate(&root, &root, &v, "$", &mut errs);
    assert!(errs.is_empty(), "{name}: {errs:#?}");
    v
}

#[test]
fn e14_report_matches_schema() {
    let v = check(
        "包头市2017年政府信息公开工作年度报告\n发布日期:2018年03月22日\n本报告所列数据的统计期限为2017年1月1日至2017年12月31日。\n\
         一、概述\n全市共收到政府信息公开申请81件,其中当面申请39件。2017年度,我市无因政府信息公开申请提起的行政复议。\n\
         统计指标\n单位\n统计数\n(一)收到申请数\n件\n81\n1.当面申请数\n39\n",
        "e14.txt",
    );
    assert_eq!(v["meta"]["year"], 2017);
    assert!(v["fields"].as_array().unwrap().iter().any(|f| f["id"] == "stat.apply.received_total" && f["value"] == 81 && f["source"] == "table"));
    assert!(!v["checks"].as_array().unwrap().is_empty());
    assert!(!v["outline"].as_array().unwrap().is_empty());
}

#[test]
fn e21_markdown_report_matches_schema() {
    let v = check(
        "宿迁市 2025 年政府信息公开工作年度报告\n\n四、政府信息公开行政复议、行政诉讼情况\n行政复议行政诉讼\n\
         | 119 | 25 | 91 | 24 | 259 | 7 | 0 | 15 | 6 | 28 | 21 | 1 | 7 | 9 | 38 |\n\n六、其他需要报告的事项\n2025 年有 1 件政府信息公开申请案件收取信息处理费 380 元。\n",
        "e21.md",
    );
    assert_eq!(v["meta"]["era"], "E21");
    let spans_ok = v["fields"].as_array().unwrap().iter().all(|f| {
        let text: Vec<char> = v["text"].as_str().unwrap().chars().collect();
        let s = f["span"].as_array().unwrap();
        let (a, b) = (s[0].as_u64().unwrap() as usize, s[1].as_u64().unwrap() as usize);
        a <= b && b <= text.len() && text[a..b].iter().collect::<String>().contains(|c: char| c.is_ascii_digit())
    });
    assert!(spans_ok, "every span points at a number in the text");
}
