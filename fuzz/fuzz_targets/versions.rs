//! Version and module-path functions on arbitrary strings must never panic and
//! must obey their algebra: comparisons are reflexive, antisymmetric and
//! transitive; canonicalization is idempotent and order-preserving.
//! Input: up to three strings separated by NUL bytes.
#![no_main]

use std::cmp::Ordering;

use gomvs_modfile::{gover, module, pseudo, semver};
use libfuzzer_sys::fuzz_target;

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

fuzz_target!(|data: &[u8]| {
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
});
