//! The example's answers on the repository's examples, checked against what
//! the real go printed for them (`testdata/examples/<example>/`, recorded by
//! `scripts/record-example-goldens.sh`): every selected and used version
//! against `go list -m all`, every step of every requirement path against an
//! edge of `go mod graph`.

use gomvs_embed_example::{below_floor, parse_floor, render};
use gomvs_graph::{LoadOptions, Resolution, Version};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn golden(example: &str, file: &str) -> String {
    let p = repo().join("testdata/examples").join(example).join(file);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// Loads `examples/<example>/main` as the recording script ran go there.
fn load(example: &str) -> Resolution {
    let dir = repo().join("examples").join(example);
    let tmp = std::env::temp_dir().join(format!("gomvs-embed-{}-{example}", std::process::id()));
    let opts = LoadOptions::new(dir.join("main")).envs([
        ("GOTOOLCHAIN", "local".to_string()),
        ("GOSUMDB", "off".to_string()),
        ("GOFLAGS", String::new()),
        ("GOPROXY", format!("file://{}", dir.join("proxy").display())),
        ("GOMODCACHE", tmp.join("modcache").display().to_string()),
        ("GOPATH", tmp.join("gopath").display().to_string()),
    ]);
    Resolution::load(opts).unwrap_or_else(|e| panic!("{example}: {e}"))
}

/// `go list -m all`'s rows: (path, version, replacement "path version").
fn go_list(example: &str) -> Vec<(String, String, Option<String>)> {
    golden(example, "list-m-all.stdout")
        .lines()
        .map(|l| {
            let (row, repl) = match l.split_once(" => ") {
                Some((r, t)) => (r, Some(t.to_string())),
                None => (l, None),
            };
            let mut f = row.split(' ');
            let path = f.next().unwrap_or_default().to_string();
            let version = f.next().unwrap_or_default().to_string();
            (path, version, repl)
        })
        .collect()
}

fn check(example: &str) -> usize {
    assert_eq!(golden(example, "list-m-all.exit").trim(), "0");
    let res = load(example);
    let rows = go_list(example);
    let listed: Vec<(String, String)> = res
        .build_list()
        .map(|m| (m.path.to_string(), m.version.to_string()))
        .collect();
    let want: Vec<(String, String)> = rows
        .iter()
        .map(|(p, v, _)| (p.clone(), v.clone()))
        .collect();
    assert_eq!(listed, want, "{example}: build list vs go list -m all");

    let edges: HashSet<(String, String)> = golden(example, "mod-graph.stdout")
        .lines()
        .filter_map(|l| l.split_once(' '))
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    // A floor far above everything: every non-main module is below it.
    let floors: Vec<(String, Version)> = rows
        .iter()
        .filter(|(_, v, _)| !v.is_empty())
        .map(|(p, _, _)| (p.clone(), Version::new("v999.0.0")))
        .collect();
    let found = below_floor(&res, &floors);
    assert_eq!(found.len(), floors.len(), "{example}: {}", render(&found));
    for f in &found {
        let (_, version, repl) = rows
            .iter()
            .find(|(p, _, _)| *p == f.path)
            .unwrap_or_else(|| panic!("{example}: {} not listed by go", f.path));
        assert_eq!(&f.selected, version, "{example}: selected {}", f.path);
        let used = format!("{} {}", f.used.path, f.used.version);
        let go_used = repl.clone().unwrap_or(format!("{} {version}", f.path));
        assert_eq!(used.trim_end(), go_used, "{example}: used {}", f.path);
        assert!(
            f.path_to_selected.len() >= 2,
            "{example}: {}: no requirement path",
            f.path
        );
        for step in f.path_to_selected.windows(2) {
            let edge = (step[0].to_string(), step[1].to_string());
            assert!(
                edges.contains(&edge),
                "{example}: {} -> {} is not an edge of go mod graph",
                edge.0,
                edge.1
            );
        }
        assert_eq!(
            f.path_to_selected.last().map(|m| m.to_string()),
            Some(format!("{}@{version}", f.path))
        );
    }
    found.len()
}

#[test]
fn incident_facts_match_go() {
    assert_eq!(check("incident"), 2);
}

#[test]
fn exclude_prune_chain_facts_match_go() {
    assert!(check("exclude-prune-chain") >= 5);
}

/// The incident of examples/incident: auth is selected at v1.8.3, above a
/// v1.8.0 floor, but a forgotten replace makes the build use v1.5.0.
#[test]
fn incident_report() {
    let res = load("incident");
    let floors = [parse_floor("github.com/shared/auth@v1.8.0").expect("floor")];
    assert_eq!(
        render(&below_floor(&res, &floors)),
        "github.com/shared/auth v1.5.0 is below the floor v1.8.0 (selected v1.8.3, replaced by github.com/shared/auth@v1.5.0)\n  required via: example.com/service -> example.com/payment/v2@v2.3.0 -> github.com/shared/auth@v1.8.3\n"
    );
    // Go's order, not string order: v1.10.0 is above v1.8.0.
    let high = [parse_floor("github.com/shared/auth@v1.10.0").expect("floor")];
    assert_eq!(below_floor(&res, &high).len(), 1);
    let low = [parse_floor("github.com/shared/auth@v1.5.0").expect("floor")];
    assert!(below_floor(&res, &low).is_empty());
}
