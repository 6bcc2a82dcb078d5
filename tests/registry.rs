//! The field registry is the public contract: its copy of fields.tsv must
//! match the shared spec, and every id the templates and narrative rules
//! name must exist in it.

use ogi_extract::registry::{self, narrative, templates};
use std::path::Path;

#[test]
fn registry_matches_shared_spec() {
    let spec = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/spec/fields.tsv");
    let Ok(text) = std::fs::read_to_string(&spec) else {
        println!("NOTICE: {} not found; registry not compared with the shared spec", spec.display());
        assert!(std::env::var_os("OGI_REQUIRE_CORPUS").is_none(), "OGI_REQUIRE_CORPUS is set but ../shared is missing");
        return;
    };
    let mut n = 0;
    for line in text.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let c: Vec<&str> = line.split('\t').collect();
        let f = registry::field(c[0]).unwrap_or_else(|| panic!("{} missing from the registry", c[0]));
        assert_eq!(f.kind, c[1], "kind of {}", c[0]);
        assert_eq!(f.eras.join(","), c[2].split(',').map(str::trim).collect::<Vec<_>>().join(","), "eras of {}", c[0]);
        assert_eq!(f.unit, c[3], "unit of {}", c[0]);
        n += 1;
    }
    assert_eq!(n, registry::fields().len(), "the registry has ids the spec does not");
}

#[test]
fn every_template_and_rule_id_exists() {
    for t in templates::all() {
        for r in t.rows {
            for ids in r.ids {
                for id in *ids {
                    assert!(registry::field(id).is_some(), "template {} names unknown id {id}", t.name);
                }
            }
            for (_, id) in r.by_header {
                assert!(registry::field(id).is_some(), "template {} names unknown id {id}", t.name);
            }
        }
    }
    for r in narrative::RULES {
        for id in r.ids {
            assert!(registry::field(id).is_some(), "narrative rule names unknown id {id}");
        }
    }
    for n in narrative::NEGATIONS {
        for id in n.ids {
            assert!(registry::field(id).is_some(), "negation names unknown id {id}");
        }
    }
}

#[test]
fn every_table_field_has_a_template_row() {
    // Each stated field of a printed table (table 二/三/四, the national table,
    // the 福建 appendix, the 内蒙古 extension) is reachable by the reader.
    let mut covered = std::collections::HashSet::new();
    for t in templates::all() {
        for r in t.rows {
            for ids in r.ids {
                covered.extend(ids.iter().copied());
            }
            covered.extend(r.by_header.iter().map(|(_, id)| *id));
        }
    }
    let tables = ["gk.table2", "gk.table3", "gk.table4", "stat.table", "stat.table.ext_nm", "local.fj_appendix"];
    for f in registry::fields() {
        if f.is_stated() && tables.contains(&f.table) && f.kind != "optional" {
            assert!(covered.contains(f.id), "{} ({}) has no template row", f.id, f.table);
        }
    }
}
