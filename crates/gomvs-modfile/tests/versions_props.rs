//! Property tests for the version and path ports: orders are total preorders
//! consistent with sorting, canonical forms are fixed points, escaping
//! round-trips, and pseudo-versions decompose into what built them.

use std::cmp::Ordering;

use gomvs_modfile::module::{self, ModuleVersion};
use gomvs_modfile::{gover, pseudo, semver};
use proptest::prelude::*;

/// Mostly well-formed semantic versions, with shorthands, prereleases, build
/// metadata and pseudo-versions, plus random junk over the same alphabet.
fn version() -> impl Strategy<Value = String> {
    let num = prop_oneof![
        Just("0".to_string()),
        Just("1".to_string()),
        Just("2".to_string()),
        Just("10".to_string()),
        Just("01".to_string()),
        (0u32..200).prop_map(|n| n.to_string()),
    ];
    let ident = prop_oneof![
        Just("alpha".to_string()),
        Just("beta".to_string()),
        Just("rc".to_string()),
        Just("0".to_string()),
        Just("1".to_string()),
        Just("11".to_string()),
        Just("01".to_string()),
        Just("x-y".to_string()),
        Just("20191109021931-daa7c04131f5".to_string()),
        "[0-9A-Za-z-]{1,4}",
    ];
    let pre = prop::collection::vec(ident.clone(), 0..4);
    let build = prop::collection::vec(ident, 0..3);
    let structured = (num.clone(), num.clone(), num, 0u8..4, pre, build).prop_map(
        |(a, b, c, shape, pre, build)| {
            let mut v = match shape {
                0 => format!("v{a}"),
                1 => format!("v{a}.{b}"),
                _ => format!("v{a}.{b}.{c}"),
            };
            if !pre.is_empty() {
                v.push('-');
                v.push_str(&pre.join("."));
            }
            if !build.is_empty() {
                v.push('+');
                v.push_str(&build.join("."));
            }
            v
        },
    );
    prop_oneof![
        6 => structured,
        1 => "v[0-9.+a-zA-Z-]{0,12}",
        1 => (0u8..3, "[0-9]{14}", "[0-9a-f]{12}").prop_map(|(form, ts, rev)| match form {
            0 => format!("v0.0.0-{ts}-{rev}"),
            1 => format!("v1.2.4-0.{ts}-{rev}"),
            _ => format!("v1.2.3-pre.0.{ts}-{rev}"),
        }),
    ]
}

fn go_version() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => (
            prop_oneof![Just("1"), Just("2"), Just("0"), Just("01")],
            prop::option::of(prop_oneof![Just("0"), Just("9"), Just("20"), Just("21"), Just("22"), Just("100")]),
            prop_oneof![Just(""), Just(".0"), Just(".1"), Just(".10"), Just("rc1"), Just("rc2"), Just("beta1"), Just("rc"), Just("x")],
        )
            .prop_map(|(a, b, c)| match b {
                Some(b) => format!("{a}.{b}{c}"),
                None => a.to_string(),
            }),
        1 => "[0-9.a-z]{0,8}",
    ]
}

/// Module paths that are valid by construction (upper case included).
fn valid_path() -> impl Strategy<Value = String> {
    (
        "[a-z0-9]{1,6}\\.[a-z]{2,4}",
        prop::collection::vec("[A-Za-z0-9_][A-Za-z0-9_-]{0,6}", 0..4),
        prop::option::of(2u32..20),
    )
        .prop_map(|(host, elems, major)| {
            let mut p = host;
            for e in elems {
                p.push('/');
                p.push_str(&e);
            }
            if let Some(m) = major {
                p.push_str(&format!("/v{m}"));
            }
            p
        })
        .prop_filter("valid module path", |p| module::check_path(p).is_ok())
}

fn le(o: Ordering) -> bool {
    o != Ordering::Greater
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn semver_compare_is_antisymmetric(a in version(), b in version()) {
        prop_assert_eq!(semver::compare(&a, &b), semver::compare(&b, &a).reverse());
    }

    #[test]
    fn semver_compare_is_transitive(a in version(), b in version(), c in version()) {
        if le(semver::compare(&a, &b)) && le(semver::compare(&b, &c)) {
            prop_assert!(le(semver::compare(&a, &c)), "{a} <= {b} <= {c}");
        }
        if semver::compare(&a, &b) == Ordering::Equal {
            prop_assert_eq!(semver::compare(&a, &c), semver::compare(&b, &c));
        }
    }

    #[test]
    fn canonical_is_idempotent_and_equal(v in version()) {
        let c = semver::canonical(&v);
        prop_assert_eq!(semver::canonical(&c), c.clone());
        prop_assert_eq!(semver::is_valid(&v), !c.is_empty());
        if semver::is_valid(&v) {
            prop_assert_eq!(semver::compare(&v, &c), Ordering::Equal);
            let cv = module::canonical_version(&v);
            prop_assert_eq!(module::canonical_version(&cv), cv);
        }
    }

    #[test]
    fn semver_sort_agrees_with_compare(mut list in prop::collection::vec(version(), 0..20)) {
        let mut original = list.clone();
        semver::sort(&mut list);
        for w in list.windows(2) {
            prop_assert!(le(semver::compare(&w[0], &w[1])));
            if semver::compare(&w[0], &w[1]) == Ordering::Equal {
                prop_assert!(w[0] <= w[1], "ties by string: {:?}", w);
            }
        }
        original.sort();
        let mut again = list.clone();
        again.sort();
        prop_assert_eq!(again, original);
    }

    #[test]
    fn go_compare_is_a_total_preorder(a in go_version(), b in go_version(), c in go_version()) {
        prop_assert_eq!(gover::compare(&a, &b), gover::compare(&b, &a).reverse());
        if le(gover::compare(&a, &b)) && le(gover::compare(&b, &c)) {
            prop_assert!(le(gover::compare(&a, &c)));
        }
        let m = gover::max(&a, &b);
        prop_assert!(le(gover::compare(&a, m)) && le(gover::compare(&b, m)));
        prop_assert_eq!(gover::is_valid(&gover::lang(&a)), gover::is_valid(&a));
    }

    #[test]
    fn escaping_round_trips(p in valid_path()) {
        let escaped = module::escape_path(&p).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(!escaped.bytes().any(|c| c.is_ascii_uppercase()));
        prop_assert_eq!(module::unescape_path(&escaped).ok(), Some(p));
    }

    #[test]
    fn version_escaping_round_trips(v in version()) {
        if let Ok(escaped) = module::escape_version(&v) {
            prop_assert!(!escaped.bytes().any(|c| c.is_ascii_uppercase()));
            prop_assert_eq!(module::unescape_version(&escaped).ok(), Some(v));
        }
    }

    #[test]
    fn module_sort_agrees_with_its_order(
        list in prop::collection::vec(
            (prop_oneof![Just("a.com/x"), Just("b.com"), Just("go"), Just("toolchain")],
             prop_oneof![version(), go_version(), Just("v1.0.0/go.mod".to_string())]),
            0..20,
        )
    ) {
        let list: Vec<ModuleVersion> =
            list.into_iter().map(|(p, v)| ModuleVersion::new(p, v)).collect();
        let mut a = list.clone();
        module::sort(&mut a);
        for w in a.windows(2) {
            prop_assert!(le(module::sort_cmp(&w[0], &w[1])));
        }
        let mut b = list;
        gover::mod_sort(&mut b);
        for w in b.windows(2) {
            prop_assert!(le(gover::mod_sort_cmp(&w[0], &w[1])));
        }
    }

    #[test]
    fn pseudo_versions_decompose(
        major in prop_oneof![Just(""), Just("v0"), Just("v1"), Just("v2")],
        older in prop_oneof![Just(String::new()), version()],
        ts in "(19|20)[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|1[0-9]|2[0-8])([01][0-9]|2[0-3])[0-5][0-9][0-5][0-9]",
        rev in "[0-9a-f]{12}",
    ) {
        let older_ok = older.is_empty()
            || (semver::is_valid(&older)
                && (semver::build(&older).is_empty() || semver::build(&older) == "+incompatible"));
        prop_assume!(older_ok);
        let v = pseudo::pseudo_version(major, &older, &ts, &rev);
        prop_assert!(pseudo::is_pseudo_version(&v), "{v}");
        prop_assert_eq!(pseudo::pseudo_version_time(&v).ok(), Some(ts));
        prop_assert_eq!(pseudo::pseudo_version_rev(&v).ok(), Some(rev));
        if !older.is_empty() {
            prop_assert_eq!(pseudo::pseudo_version_base(&v).ok(), Some(module::canonical_version(&older)));
            prop_assert_eq!(semver::compare(&older, &v), Ordering::Less);
        }
    }
}
