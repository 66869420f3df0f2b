//! `gomvs.toml` version constraints against the version table recorded
//! from the real go (`crates/gomvs-modfile/testdata/versions-table.json`,
//! `scripts/record-version-table.sh`): for every pair of versions of the
//! table and every operator, the constraint holds exactly when go's
//! `semver.Compare` says so; shorthand bounds cover a whole series. And a
//! measurement of why the `semver` crate's `VersionReq` is not used: it
//! disagrees with go's order on the same table.

use gomvs_graph::check::constraint::Constraint;
use serde::Deserialize;
use std::path::Path;

#[derive(Deserialize)]
struct VersionRow {
    v: String,
    is_valid: bool,
    canonical: String,
    major_minor: String,
}

#[derive(Deserialize)]
struct Table {
    versions: Vec<VersionRow>,
    compare_versions: Vec<String>,
    /// `compare[i][j]` is go's `semver.Compare(vi, vj)` as `<`, `=`, `>`.
    compare: Vec<String>,
}

fn table() -> Table {
    let p =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../gomvs-modfile/testdata/versions-table.json");
    let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// (version, is_valid, canonical, major_minor) as go reports them.
fn rows(t: &Table) -> std::collections::HashMap<&str, &VersionRow> {
    t.versions.iter().map(|r| (r.v.as_str(), r)).collect()
}

fn go_cmp(t: &Table, i: usize, j: usize) -> char {
    t.compare[i]
        .chars()
        .nth(j)
        .unwrap_or_else(|| panic!("table row {i} too short"))
}

#[test]
fn operators_follow_gos_order_on_every_pair() {
    let t = table();
    let rows = rows(&t);
    let valid = |v: &str| rows.get(v).is_some_and(|r| r.is_valid);
    let mut checked = 0usize;
    for (j, b) in t.compare_versions.iter().enumerate() {
        // Full versions only: a shorthand bound has series semantics (below).
        let full = rows
            .get(b.as_str())
            .is_some_and(|r| r.is_valid && r.canonical == b.split('+').next().unwrap_or(""))
            || rows
                .get(b.as_str())
                .is_some_and(|r| r.is_valid && b.contains('+'));
        if !full {
            continue;
        }
        for (op, holds) in [
            ("=", &['='][..]),
            ("!=", &['<', '>'][..]),
            ("<", &['<'][..]),
            ("<=", &['<', '='][..]),
            (">", &['>'][..]),
            (">=", &['>', '='][..]),
        ] {
            let c = match Constraint::parse(&format!("{op} {b}")) {
                Ok(c) => c,
                Err(e) => panic!("{op} {b}: {e}"),
            };
            for (i, a) in t.compare_versions.iter().enumerate() {
                let want = valid(a) && holds.contains(&go_cmp(&t, i, j));
                assert_eq!(c.matches(a), want, "{a:?} against \"{op} {b}\"");
                checked += 1;
            }
        }
    }
    assert!(checked > 100_000, "only {checked} checks");
}

#[test]
fn shorthand_bounds_cover_a_series() {
    let t = table();
    let rows = rows(&t);
    for (lt, series) in [("< v2", "v2."), ("< v1.2", "v1.2"), ("< v0", "v0.")] {
        let c = Constraint::parse(lt).unwrap_or_else(|e| panic!("{e}"));
        let ge = Constraint::parse(&lt.replacen('<', ">=", 1)).unwrap_or_else(|e| panic!("{e}"));
        // A version of go's table that go orders equal to the series' first
        // release (the shorthand itself, or with build metadata).
        let short = lt.trim_start_matches("< ");
        let first = [
            short.to_string(),
            format!("{short}.0.0+incompatible"),
            format!("{short}+incompatible"),
        ];
        let first_idx = first
            .iter()
            .find_map(|f| t.compare_versions.iter().position(|v| v == f));
        assert!(first_idx.is_some(), "none of {first:?} is in go's table");
        for (i, a) in t.compare_versions.iter().enumerate() {
            let Some(r) = rows.get(a.as_str()).filter(|r| r.is_valid) else {
                assert!(!c.matches(a) && !ge.matches(a), "{a:?} is invalid");
                continue;
            };
            let in_series = if series.ends_with('.') {
                r.canonical.starts_with(series)
            } else {
                r.major_minor == series
            };
            // Below the series: go orders it below the series' first release
            // and it is not one of the series' prereleases.
            let below = match first_idx {
                Some(j) => go_cmp(&t, i, j) == '<' && !in_series,
                None => continue,
            };
            assert_eq!(c.matches(a), below, "{a:?} against {lt:?}");
            assert_eq!(ge.matches(a), !below, "{a:?} against >= of {lt:?}");
        }
    }
}

/// The `semver` crate's requirements do not compare like go: on the same
/// table, `>= B` disagrees with go's order for many pairs (prereleases
/// left out of ranges, build metadata), and the `v` prefix is rejected.
#[test]
fn the_semver_crate_does_not_compare_like_go() {
    let t = table();
    let rows = rows(&t);
    assert!(
        semver::VersionReq::parse(">= v1.8.3").is_err()
            || semver::Version::parse("v1.8.3").is_err()
    );
    let mut disagree = Vec::new();
    let mut pairs = 0usize;
    for (j, b) in t.compare_versions.iter().enumerate() {
        let Some(bs) = b.strip_prefix('v') else {
            continue;
        };
        let Ok(req) = semver::VersionReq::parse(&format!(">={bs}")) else {
            continue;
        };
        for (i, a) in t.compare_versions.iter().enumerate() {
            if !rows.get(a.as_str()).is_some_and(|r| r.is_valid) {
                continue;
            }
            let Some(Ok(av)) = a.strip_prefix('v').map(semver::Version::parse) else {
                continue;
            };
            pairs += 1;
            let go = matches!(go_cmp(&t, i, j), '>' | '=');
            if req.matches(&av) != go {
                disagree.push(format!("{a} >= {b}: go {go}, semver crate {}", !go));
            }
        }
    }
    assert!(pairs > 1000, "only {pairs} comparable pairs");
    assert!(
        !disagree.is_empty(),
        "the semver crate agreed with go on all {pairs} pairs"
    );
    // Example: a pseudo-version above v1.2.3 (go) is not ">=1.2.3" for the crate.
    let pseudo = semver::Version::parse("1.2.4-0.20191109021931-daa7c04131f5")
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(!semver::VersionReq::parse(">=1.2.3").is_ok_and(|r| r.matches(&pseudo)));
    assert!(Constraint::parse(">= v1.2.3")
        .is_ok_and(|c| c.matches("v1.2.4-0.20191109021931-daa7c04131f5")));
    eprintln!(
        "semver crate vs go: {} of {pairs} pairs disagree, e.g. {:?}",
        disagree.len(),
        &disagree[..disagree.len().min(3)]
    );
}
