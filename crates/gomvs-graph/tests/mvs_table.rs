//! Every operation of Go's `mvs_test.go` table (saved as data in
//! `corpus/mvs-table/table.json`), run through the MVS algorithms with the
//! test's `reqsMap` semantics, compared in order with Go's expected list.

mod support;

use gomvs_graph::mvs::{self, TextError};
use gomvs_modfile::ModuleVersion;
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

fn shared_dir() -> PathBuf {
    match std::env::var_os("GOMVS_SHARED_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"),
    }
}

fn table_path() -> PathBuf {
    shared_dir().join("corpus/mvs-table/table.json")
}

/// `m` of mvs_test.go: first character is the path, the rest the version.
fn m(s: &str) -> ModuleVersion {
    let mut chars = s.chars();
    let path = chars.next().map(String::from).unwrap_or_default();
    ModuleVersion::new(path, chars.as_str())
}

type ReqsMap = support::ReqsMap<TextError>;

#[derive(serde::Deserialize)]
struct Table {
    tests: Vec<Test>,
}

#[derive(serde::Deserialize)]
struct Test {
    name: String,
    reqs: HashMap<String, Vec<String>>,
    ops: Vec<Op>,
}

#[derive(serde::Deserialize)]
struct Op {
    op: String,
    target: String,
    args: Vec<String>,
    want: Vec<String>,
    line: String,
}

fn run(op: &Op, reqs: &ReqsMap) -> mvs::MvsResult<TextError> {
    let target = m(&op.target);
    let mut args: Vec<ModuleVersion> = op.args.iter().map(|a| m(a)).collect();
    if op.op == "downgrade" {
        // mvs_test.go passes kf[1:]: the target itself, then the arguments.
        args.insert(0, target.clone());
    }
    let base: Vec<&str> = op.args.iter().map(String::as_str).collect();
    support::run_op(&op.op, &target, &args, &base, reqs)
        .unwrap_or_else(|| panic!("unknown op {:?} in {:?}", op.op, op.line))
}

#[test]
fn every_op_of_mvs_test_go_matches() {
    let path = table_path();
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "the MVS table corpus is required at {} (set GOMVS_SHARED_DIR to the shared dir): {e}",
            path.display()
        )
    });
    let table: Table =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(
        table.tests.len(),
        39,
        "{}: expected the 39 tests of mvs_test.go",
        path.display()
    );

    let mut passed: BTreeMap<String, usize> = BTreeMap::new();
    let mut failures = Vec::new();
    for test in &table.tests {
        let reqs = ReqsMap::new(
            test.reqs
                .iter()
                .map(|(k, v)| (m(k), v.iter().map(|r| m(r)).collect::<Vec<_>>().into()))
                .collect(),
        );
        for op in &test.ops {
            let want: Vec<ModuleVersion> = op.want.iter().map(|w| m(w)).collect();
            match run(op, &reqs) {
                Ok(got) if got == want => *passed.entry(op.op.clone()).or_default() += 1,
                Ok(got) => failures.push(format!("{}: {}: got {:?}", test.name, op.line, got)),
                Err(e) => failures.push(format!("{}: {}: error {e}", test.name, op.line)),
            }
        }
    }
    let total: usize = passed.values().sum();
    println!("mvs table: {total} ops passed: {passed:?}");
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    let expected: BTreeMap<String, usize> = [
        ("build", 37),
        ("downgrade", 12),
        ("req", 12),
        ("upgrade", 6),
        ("upgrade*", 8),
        ("upgradereq", 2),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    assert_eq!(passed, expected);
    assert_eq!(total, 77);
}
