//! The checks each fuzz target runs on one input, shared by the cargo-fuzz
//! targets in `fuzz/` (included with `#[path]`) and by the regression test
//! `tests/fuzz_regressions.rs`, so a saved crash input replays exactly.
#![allow(dead_code)]

use std::cmp::Ordering;

use gomvs_modfile::gosum::{parse_go_sum, SumCheck, EMPTY_GO_MOD_HASH};
use gomvs_modfile::{gover, module, pseudo, semver};

/// `parse_gomod`: strict parse without a fixer; errors must render.
pub fn parse_gomod(data: &[u8]) {
    match gomvs_modfile::parse("go.mod", data, None) {
        Ok(f) => {
            let _ = format!("{f:?}");
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
}

/// `parse_gomod_lax`: lax parse and the fast module-path scan.
pub fn parse_gomod_lax(data: &[u8]) {
    let _ = gomvs_modfile::gomod::module_path(data);
    match gomvs_modfile::parse_lax("go.mod", data) {
        Ok(f) => {
            let _ = format!("{f:?}");
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
}

/// `lax_summary_equiv`: whenever the go.mod fast path
/// (`gomod::lax_summary`) accepts an input, the full lax parse succeeds and
/// agrees on everything a module summary is built from.
pub fn lax_summary_equiv(data: &[u8]) {
    let Some(fast) = gomvs_modfile::gomod::lax_summary(data) else {
        return;
    };
    let full = match gomvs_modfile::parse_lax("go.mod", data) {
        Ok(f) => f,
        Err(e) => panic!("fast path accepted an input the lax parse rejects: {e}\n{fast:?}"),
    };
    assert_eq!(fast, lax_view(&full), "fast path and lax parse disagree");
    let deprecated = full.module.as_ref().map_or("", |m| m.deprecated.as_str());
    assert_eq!(deprecated, "", "fast path accepted a deprecation");
    assert!(full.toolchain.is_none(), "lax parse kept a toolchain");
    assert!(full.retract.is_empty(), "fast path accepted a retraction");
}

/// What a summary takes from a lax parse, in the fast path's shape.
pub fn lax_view(f: &gomvs_modfile::ModFile) -> gomvs_modfile::gomod::LaxSummary {
    gomvs_modfile::gomod::LaxSummary {
        module: f
            .module
            .as_ref()
            .map(|m| m.path.clone())
            .unwrap_or_default(),
        go: f.go.as_ref().map(|g| g.version.clone()).unwrap_or_default(),
        require: f
            .require
            .iter()
            .map(|r| (r.module.clone(), r.span.start.line))
            .collect(),
    }
}

/// `parse_gowork`: go.work parse without a fixer.
pub fn parse_gowork(data: &[u8]) {
    match gomvs_modfile::parse_work("go.work", data, None) {
        Ok(f) => {
            let _ = format!("{f:?}");
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
}

/// `parse_gosum`: readGoSum rules and lookup consistency.
pub fn parse_gosum(data: &[u8]) {
    let sum = match parse_go_sum("go.sum", data) {
        Ok(sum) => sum,
        Err(e) => {
            let msg = e.to_string();
            assert!(msg.starts_with("malformed go.sum:\ngo.sum:"));
            return;
        }
    };
    let lines = data.split(|&b| b == b'\n').count();
    let mut last_line = 0;
    for e in sum.entries() {
        assert!(e.line > last_line && e.line <= lines, "line order");
        last_line = e.line;
        for field in [&e.path, &e.version, &e.hash] {
            assert!(!field.is_empty());
            assert!(!field.chars().any(char::is_whitespace));
        }
        assert_ne!(e.hash, EMPTY_GO_MOD_HASH);
        assert!(sum.hashes(&e.path, &e.version).any(|h| h == e.hash));
        assert_eq!(
            sum.have_sum(&e.path, &e.version),
            sum.hashes(&e.path, &e.version)
                .any(|h| h.starts_with("h1:"))
        );
        match sum.check(&e.path, &e.version, &e.hash) {
            SumCheck::Verified => {}
            SumCheck::Mismatch { recorded } => {
                assert!(recorded.starts_with("h1:") && recorded != e.hash)
            }
            SumCheck::NotRecorded => panic!("recorded hash not found"),
        }
        if let Some(r) = sum.recorded_sum(&e.path, &e.version) {
            assert!(r.starts_with("h1:"));
        }
    }
}

fn check_one(v: &str) {
    let valid = semver::is_valid(v);
    let canon = semver::canonical(v);
    if valid {
        assert!(
            semver::is_valid(&canon),
            "canonical({v:?}) = {canon:?} invalid"
        );
        assert_eq!(semver::canonical(&canon), canon, "canonical not idempotent");
        assert_eq!(semver::compare(v, &canon), Ordering::Equal);
        assert!(canon.starts_with(&semver::major(v)));
        assert!(canon.starts_with(&semver::major_minor(v)));
        assert_eq!(semver::build(&canon), "");
        let pre = semver::prerelease(v);
        assert!(pre.is_empty() || pre.starts_with('-'));
        let build = semver::build(v);
        assert!(build.is_empty() || build.starts_with('+'));
    } else {
        assert_eq!(canon, "");
        assert_eq!(semver::major(v), "");
        assert_eq!(semver::major_minor(v), "");
        assert_eq!(semver::prerelease(v), "");
        assert_eq!(semver::build(v), "");
    }
    assert_eq!(semver::compare(v, v), Ordering::Equal);
    assert_eq!(gover::compare(v, v), Ordering::Equal);
    if pseudo::is_pseudo_version(v) {
        assert!(valid, "pseudo-version {v:?} is not valid semver");
    }
    let mc = module::canonical_version(v);
    if !valid {
        assert_eq!(mc, "");
    }
    if pseudo::is_pseudo_version(v) {
        assert!(pseudo::pseudo_version_rev(v).is_ok());
        let _ = pseudo::pseudo_version_time(v);
        let _ = pseudo::pseudo_version_base(v);
    }
    let _ = pseudo::is_zero_pseudo_version(v);
    let _ = pseudo::zero_pseudo_version(v);
    let _ = pseudo::pseudo_version(&semver::major(v), v, "20200101000000", "abcdef123456");
    let gv = gover::is_valid(v);
    let _ = (
        gover::parse(v),
        gover::lang(v),
        gover::is_lang(v),
        gover::is_prerelease(v),
    );
    let _ = gover::from_toolchain(v);
    if !gv {
        assert_eq!(
            gover::compare(v, "1"),
            gover::compare("", "1"),
            "invalid gover not minimal"
        );
    }
    let _ = module::check(v, "v1.0.0");
    let _ = module::check_import_path(v);
    let _ = module::check_file_path(v);
    let _ = module::path_major_prefix(v);
    let _ = module::match_path_major(v, v);
    if module::check_path(v).is_ok() {
        let e = module::escape_path(v).expect("escape of a valid path");
        assert_eq!(
            module::unescape_path(&e).ok().as_deref(),
            Some(v),
            "path escape roundtrip"
        );
    }
    if let Ok(e) = module::escape_version(v) {
        assert_eq!(
            module::unescape_version(&e).ok().as_deref(),
            Some(v),
            "version escape roundtrip"
        );
    }
    if let Ok(u) = module::unescape_path(v) {
        assert_eq!(
            module::escape_path(&u).ok().as_deref(),
            Some(v),
            "path unescape roundtrip"
        );
    }
    if let Some((prefix, major)) = module::split_path_version(v) {
        assert_eq!(format!("{prefix}{major}"), v);
        let _ = module::check_path_major(&canon, &major);
    }
    let _ = module::check_path_major(v, v);
}

fn check_pair(a: &str, b: &str) {
    let ab = semver::compare(a, b);
    assert_eq!(
        ab,
        semver::compare(b, a).reverse(),
        "semver antisymmetry {a:?} {b:?}"
    );
    let g = gover::compare(a, b);
    assert_eq!(
        g,
        gover::compare(b, a).reverse(),
        "gover antisymmetry {a:?} {b:?}"
    );
    for path in ["go", "toolchain", "example.com/m"] {
        let m = gover::mod_compare(path, a, b);
        assert_eq!(m, gover::mod_compare(path, b, a).reverse());
    }
    assert_eq!(gover::mod_compare("example.com/m", a, b), ab);
    assert_eq!(gover::mod_compare("go", a, b), g);
    let m = semver::max(a, b);
    assert!(m == semver::canonical(a) || m == semver::canonical(b));
    let gm = gover::max(a, b);
    assert!(gm == a || gm == b);
    let x = gomvs_modfile::ModuleVersion::new(a, b);
    let y = gomvs_modfile::ModuleVersion::new(b, a);
    assert_eq!(module::sort_cmp(&x, &y), module::sort_cmp(&y, &x).reverse());
    assert_eq!(
        gover::mod_sort_cmp(&x, &y),
        gover::mod_sort_cmp(&y, &x).reverse()
    );
    let _ = (
        gover::mod_is_valid(a, b),
        gover::mod_is_prefix(a, b),
        gover::mod_is_prerelease(a, b),
    );
    let _ = gover::mod_major_minor(a, b);
    let _ = module::check(a, b);
    let _ = module::check_path_major(a, b);
    if semver::is_valid(a) && semver::is_valid(b) {
        assert_eq!(
            semver::compare(&semver::canonical(a), &semver::canonical(b)),
            ab
        );
    }
}

fn check_triple(a: &str, b: &str, c: &str) {
    type Cmp = fn(&str, &str) -> Ordering;
    let cmps: [(&str, Cmp); 2] = [("semver", semver::compare), ("gover", gover::compare)];
    for (name, cmp) in cmps {
        if cmp(a, b) != Ordering::Greater && cmp(b, c) != Ordering::Greater {
            assert_ne!(
                cmp(a, c),
                Ordering::Greater,
                "{name} transitivity {a:?} {b:?} {c:?}"
            );
        }
    }
    let mut list = vec![a.to_owned(), b.to_owned(), c.to_owned()];
    semver::sort(&mut list);
    for w in list.windows(2) {
        let o = semver::compare(&w[0], &w[1]);
        assert!(
            o == Ordering::Less || (o == Ordering::Equal && w[0] <= w[1]),
            "sort order {list:?}"
        );
    }
}

/// `versions`: up to three NUL-separated strings through the version and
/// module-path functions, with algebraic properties.
pub fn versions(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let parts: Vec<&str> = text.splitn(3, '\0').collect();
    for p in &parts {
        check_one(p);
    }
    match parts.as_slice() {
        [a] => check_pair(a, a),
        [a, b] => check_pair(a, b),
        [a, b, c] => {
            check_pair(a, b);
            check_pair(b, c);
            check_pair(a, c);
            check_triple(a, b, c);
        }
        _ => {}
    }
}
