//! Property test of `gomvs check` on random small module universes built in
//! memory (`MemorySource`): every finding's cause path is confirmed by the
//! `why` engine (`explain_why` gives the same path and selected version)
//! and exists in the graph independently of it: it starts at a main
//! module, each step requires the next, and it ends at the finding's
//! module at its selected version.

mod support;

use gomvs_graph::check::policy::Policy;
use gomvs_graph::check::rules::{run_check, CheckContext};
use gomvs_graph::explain::why::{explain_why, WhyIndex, WhyOptions, WhyQuery};
use gomvs_graph::source::MemorySource;
use proptest::prelude::*;
use std::fmt::Write as _;
use std::path::Path;
use std::sync::Arc;
use support::TempDir;

const TIME: &str = "2024-01-01T00:00:00Z";
const PATHS: usize = 5;
const VERSIONS: [&str; 3] = ["v1.0.0", "v1.1.0", "v1.2.0"];

fn path(i: usize) -> String {
    format!("example.com/m{i}")
}

#[derive(Debug, Clone)]
struct Universe {
    /// Per (path, version): its go line is pruned (1.22) or not (1.16), and its requirements.
    modules: Vec<(bool, Vec<(usize, usize)>)>,
    main_pruned: bool,
    main_reqs: Vec<(usize, usize)>,
    /// `replace m{p} => m{p} v{v}` or, with `Some(old)`, `m{p} v{old} => m{p} v{v}`.
    replaces: Vec<(usize, Option<usize>, usize)>,
}

fn universe() -> impl Strategy<Value = Universe> {
    let req = (0..PATHS, 0..VERSIONS.len());
    let module = (any::<bool>(), prop::collection::vec(req.clone(), 0..3));
    (
        prop::collection::vec(module, PATHS * VERSIONS.len()),
        any::<bool>(),
        prop::collection::vec(req, 1..4),
        prop::collection::vec(
            (
                0..PATHS,
                prop::option::of(0..VERSIONS.len()),
                0..VERSIONS.len(),
            ),
            0..3,
        ),
    )
        .prop_map(|(modules, main_pruned, main_reqs, replaces)| Universe {
            modules,
            main_pruned,
            main_reqs,
            replaces,
        })
}

fn go_mod(module: &str, pruned: bool, reqs: &[(usize, usize)], skip: Option<usize>) -> String {
    let mut t = format!(
        "module {module}\n\ngo {}\n",
        if pruned { "1.22" } else { "1.16" }
    );
    let mut seen = std::collections::BTreeMap::new();
    for &(p, v) in reqs {
        if Some(p) == skip {
            continue;
        }
        // One requirement per path, the highest (a tidy go.mod).
        let e = seen.entry(p).or_insert(v);
        *e = (*e).max(v);
    }
    for (p, v) in seen {
        let _ = writeln!(t, "require {} {}", path(p), VERSIONS[v]);
    }
    t
}

/// Loads the universe and runs the check; `None` when the load fails (go fails too).
fn load_and_check(
    u: &Universe,
    case: usize,
) -> Result<
    Option<(
        TempDir,
        gomvs_graph::loader::Loaded,
        gomvs_graph::check::findings::CheckReport,
    )>,
    TestCaseError,
> {
    let mut b = MemorySource::builder();
    for (i, (pruned, reqs)) in u.modules.iter().enumerate() {
        let (p, v) = (i / VERSIONS.len(), i % VERSIONS.len());
        b = b.module(
            &path(p),
            VERSIONS[v],
            &go_mod(&path(p), *pruned, reqs, Some(p)),
            TIME,
        );
    }
    let dir = TempDir::new("check-props", &case.to_string());
    let mut main = go_mod("example.com/main", u.main_pruned, &u.main_reqs, None);
    // One directive per replaced module version (go rejects duplicates).
    let mut seen = std::collections::BTreeSet::new();
    for &(p, old, new) in &u.replaces {
        if !seen.insert((p, old)) {
            continue;
        }
        match old {
            Some(o) => {
                let _ = writeln!(
                    main,
                    "replace {} {} => {} {}",
                    path(p),
                    VERSIONS[o],
                    path(p),
                    VERSIONS[new]
                );
            }
            None => {
                let _ = writeln!(main, "replace {} => {} {}", path(p), path(p), VERSIONS[new]);
            }
        }
    }
    std::fs::write(dir.0.join("go.mod"), &main).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let session = support::open_offline_session(&dir.0, "mod", Arc::new(b.build()));
    let loaded = match session.load() {
        Ok(l) => l,
        // Conflicting replaces and the like: go fails too; nothing to check.
        Err(_) => return Ok(None),
    };
    let mut policy_text = String::from("[replace]\nforbid = true\n\n[pins]\n");
    for p in 0..PATHS {
        let _ = writeln!(policy_text, "\"{}\" = \">= v1.2.0\"", path(p));
    }
    policy_text.push_str("\n[[ban]]\nmodule = \"example.com/m*\"\nversions = \"= v1.1.0\"\n");
    let policy = Policy::parse(Path::new("gomvs.toml"), &policy_text)
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
    let report = {
        let ctx = CheckContext::new(&loaded, &policy, None, dir.0.clone());
        run_check(&ctx, &[])
    };
    Ok(Some((dir, loaded, report)))
}

/// Checks every finding's cause; returns how many causes were checked.
fn verify(
    loaded: &gomvs_graph::loader::Loaded,
    report: &gomvs_graph::check::findings::CheckReport,
) -> Result<usize, TestCaseError> {
    let g = &loaded.graph.graph;
    let mut checked = 0;
    let index = WhyIndex::new(loaded);
    for f in &report.findings {
        let (Some(cause), Some(module)) = (&f.cause, &f.module) else {
            continue;
        };
        let first = cause.path.first();
        prop_assert!(
            first.is_some_and(|m| loaded.session.is_main(&m.path) && m.version.is_empty()),
            "{}: path does not start at the main module: {:?}",
            f.code,
            cause.path
        );
        prop_assert_eq!(
            cause.path.last(),
            Some(module),
            "{}: path does not end at the module",
            f.code
        );
        for w in cause.path.windows(2) {
            let requires = g
                .required_by(&w[0])
                .is_some_and(|mut r| r.any(|x| *x == w[1]));
            prop_assert!(
                requires,
                "{}: {} does not require {} ({:?})",
                f.code,
                w[0],
                w[1],
                cause.path
            );
        }
        prop_assert_eq!(
            g.selected_module(&module.path),
            Some(module),
            "{}: not the selected version",
            f.code
        );
        let why = explain_why(
            loaded,
            &index,
            &WhyQuery {
                path: module.path.to_string(),
                version: None,
            },
            WhyOptions { read_pruned: false },
        );
        prop_assert_eq!(
            &why.path_to_selected,
            &cause.path,
            "{}: why disagrees",
            f.code
        );
        prop_assert_eq!(why.selected.as_deref(), Some(module.version.as_str()));
        if let Some(by) = &cause.required_by {
            prop_assert_eq!(cause.path.get(cause.path.len().wrapping_sub(2)), Some(by));
        }
        checked += 1;
    }
    Ok(checked)
}

fn check_universe(u: &Universe, case: usize) -> Result<usize, TestCaseError> {
    match load_and_check(u, case)? {
        Some((_dir, loaded, report)) => verify(&loaded, &report),
        None => Ok(0),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn every_cause_path_is_confirmed_by_why(u in universe()) {
        static CASE: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let case = CASE.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        check_universe(&u, case)?;
    }
}

/// The property can fail: on a fixed universe with findings, a cause path
/// with a step removed, or ending elsewhere, is rejected.
#[test]
fn a_broken_path_is_caught() {
    // m0 v1.0.0 requires m1 v1.1.0 (banned); the main module requires m0 v1.0.0.
    let u = Universe {
        modules: (0..PATHS * VERSIONS.len())
            .map(|i| (false, if i == 0 { vec![(1, 1)] } else { vec![] }))
            .collect(),
        main_pruned: false,
        main_reqs: vec![(0, 0)],
        replaces: vec![],
    };
    let Ok(Some((_dir, loaded, report))) = load_and_check(&u, 1_000_000) else {
        panic!("the fixed universe loads");
    };
    // m0 v1.0.0 violates the pin >= v1.2.0: its cause is main -> m0.
    let checked = verify(&loaded, &report).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        checked >= 1,
        "no finding with a cause: {:?}",
        report.findings
    );
    let mut skipped = report.clone();
    let Some(i) = skipped
        .findings
        .iter()
        .position(|f| f.cause.as_ref().is_some_and(|c| c.path.len() == 3))
    else {
        panic!("no path main -> m0 -> m1 among {:?}", report.findings)
    };
    if let Some(c) = skipped.findings[i].cause.as_mut() {
        c.path.remove(1);
    }
    assert!(
        verify(&loaded, &skipped).is_err(),
        "a path skipping a step was accepted"
    );
    let mut elsewhere = report.clone();
    if let Some(c) = elsewhere.findings[i].cause.as_mut() {
        c.path.pop();
    }
    assert!(
        verify(&loaded, &elsewhere).is_err(),
        "a path ending elsewhere was accepted"
    );
}
