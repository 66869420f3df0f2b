//! The diff engine on main modules held in memory (`MemoryFiles`) and an
//! in-memory proxy: the way an embedder resolves two revisions of its own
//! without a checkout. These pin the engine's kinds, causes and grouping on
//! small graphs; whether the build lists themselves match go is judged
//! against the live go by `scripts/differential` (diff mode) and
//! `scripts/diff-history.py`.

use gomvs_graph::diff::{diff, edge_diff, ChangeKind, GraphDiff};
use gomvs_graph::env::GoEnv;
use gomvs_graph::files::MemoryFiles;
use gomvs_graph::loader::{GoCommand, LoadConfig, Loaded, Session};
use gomvs_graph::source::MemorySource;
use std::path::Path;
use std::sync::Arc;

const TIME: &str = "2026-01-01T00:00:00Z";
const ROOT: &str = "/repo";

fn universe() -> Arc<MemorySource> {
    Arc::new(
        MemorySource::builder()
            .module(
                "example.com/pay/v2",
                "v2.3.0",
                "module example.com/pay/v2\n\ngo 1.21\n\nrequire example.com/auth v1.8.3\n",
                TIME,
            )
            .module(
                "example.com/auth",
                "v1.8.3",
                "module example.com/auth\n\ngo 1.21\n\nrequire example.com/crypto v1.3.0\n",
                TIME,
            )
            .module(
                "example.com/auth",
                "v1.5.0",
                "module example.com/auth\n\ngo 1.21\n",
                TIME,
            )
            .module(
                "example.com/crypto",
                "v1.3.0",
                "module example.com/crypto\n\ngo 1.21\n",
                TIME,
            )
            .module(
                "example.com/a",
                "v1.0.0",
                "module example.com/a\n\nrequire example.com/b v1.0.0\n",
                TIME,
            )
            .module(
                "example.com/a",
                "v1.1.0",
                "module example.com/a\n\nrequire example.com/b v1.1.0\n",
                TIME,
            )
            .module("example.com/b", "v1.0.0", "module example.com/b\n", TIME)
            .module(
                "example.com/b",
                "v1.1.0",
                "module example.com/b\n\nrequire example.com/c v1.0.0\n",
                TIME,
            )
            .module("example.com/c", "v1.0.0", "module example.com/c\n", TIME)
            .module(
                "example.com/lib",
                "v1.0.0",
                "module example.com/lib\n",
                TIME,
            )
            .module(
                "example.com/lib/v2",
                "v2.0.0",
                "module example.com/lib/v2\n",
                TIME,
            )
            .build(),
    )
}

/// Loads a main module whose go.mod is `go_mod`, from memory, as
/// `go list -m all -mod=mod` does (go.sum checks off: no go.sum).
fn load(go_mod: &str) -> Loaded {
    let mut files = MemoryFiles::new();
    files.insert(format!("{ROOT}/go.mod"), go_mod);
    let env = GoEnv::new(
        [
            ("GOFLAGS", "-mod=mod"),
            ("GOPROXY", "off"),
            ("GOWORK", "off"),
            ("GOSUMDB", "off"),
            ("GONOSUMDB", "*"),
            ("GOPATH", "/nonexistent-gopath"),
        ],
        Path::new(ROOT).to_path_buf(),
    );
    let mut config = LoadConfig::from_env(&env, GoCommand::ListModules, None)
        .unwrap_or_else(|e| panic!("config: {e}"));
    config.files = Arc::new(files);
    let session = Session::open(config, universe()).unwrap_or_else(|f| panic!("open: {f}"));
    let loaded = session.load().unwrap_or_else(|f| panic!("load: {f}"));
    assert_eq!(loaded.error, None);
    loaded
}

fn kinds(d: &GraphDiff, path: &str) -> Vec<ChangeKind> {
    d.change(path)
        .unwrap_or_else(|| panic!("no change for {path}: {:#?}", d.changes))
        .kinds
        .clone()
}

const SERVICE: &str = "module example.com/service\n\ngo 1.22\n\nrequire example.com/pay/v2 v2.3.0\n\nrequire example.com/auth v1.8.3 // indirect\n";

#[test]
fn a_replace_that_downgrades_is_named_with_its_line() {
    let before = load(SERVICE);
    let after = load(&format!(
        "{SERVICE}\nreplace example.com/auth => example.com/auth v1.5.0\n"
    ));
    let d = diff(&before, &after);
    assert_eq!(
        kinds(&d, "example.com/auth"),
        [ChangeKind::Downgraded, ChangeKind::ReplacementAdded]
    );
    let auth = d.change("example.com/auth").expect("auth changed");
    assert_eq!(auth.before.as_deref(), Some("v1.8.3"));
    assert_eq!(auth.after.as_deref(), Some("v1.8.3"));
    assert!(auth.root);
    let used = auth.after_used.as_ref().expect("replaced");
    assert_eq!(
        (used.path.as_str(), used.version.as_str()),
        ("example.com/auth", "v1.5.0")
    );
    let head = auth.causes.after.as_ref().expect("head cause");
    let replace = head.replacement.as_ref().expect("the replace directive");
    assert_eq!(replace.location.file, "go.mod");
    assert_eq!(replace.location.line, Some(9));
    // The requirement it overrides: pay/v2@v2.3.0 asks for v1.8.3.
    let req = head.requirement.as_ref().expect("deciding requirement");
    assert_eq!(req.requirer.path, "example.com/pay/v2");
    assert_eq!(req.version, "v1.8.3");
    // crypto leaves with auth v1.8.3's go.mod, carried by the auth change.
    let crypto = d.change("example.com/crypto").expect("crypto changed");
    assert_eq!(crypto.kinds, [ChangeKind::Removed]);
    assert_eq!(crypto.carried_by.as_deref(), Some("example.com/auth"));
    // Grouping: the root change comes first, what it carried right after.
    let order: Vec<&str> = d.changes.iter().map(|c| c.path.as_str()).collect();
    assert_eq!(order, ["example.com/auth", "example.com/crypto"]);
}

#[test]
fn raising_one_requirement_upgrades_a_chain() {
    let before = load("module m\n\ngo 1.22\n\nrequire example.com/a v1.0.0\n");
    let after = load("module m\n\ngo 1.22\n\nrequire example.com/a v1.1.0\n");
    let d = diff(&before, &after);
    let order: Vec<(&str, Vec<ChangeKind>, Option<&str>)> = d
        .changes
        .iter()
        .map(|c| (c.path.as_str(), c.kinds.clone(), c.carried_by.as_deref()))
        .collect();
    assert_eq!(
        order,
        [
            ("example.com/a", vec![ChangeKind::Upgraded], None),
            (
                "example.com/b",
                vec![ChangeKind::Upgraded],
                Some("example.com/a")
            ),
            (
                "example.com/c",
                vec![ChangeKind::Added],
                Some("example.com/a")
            ),
        ]
    );
    let c = d.change("example.com/c").expect("c");
    let path: Vec<String> = c
        .causes
        .after
        .as_ref()
        .expect("cause")
        .path
        .iter()
        .map(|m| m.to_string())
        .collect();
    assert_eq!(
        path,
        [
            "m",
            "example.com/a@v1.1.0",
            "example.com/b@v1.1.0",
            "example.com/c@v1.0.0"
        ]
    );
    assert!(c.causes.before.is_none());
    let edges = edge_diff(&before, &after);
    assert!(edges
        .added
        .contains(&"example.com/b@v1.1.0 example.com/c@v1.0.0".to_string()));
    assert!(edges
        .removed
        .contains(&"m example.com/a@v1.0.0".to_string()));
}

#[test]
fn equal_graphs_have_no_changes_and_go_lines_are_changes() {
    let a = load("module m\n\ngo 1.22\n\nrequire example.com/a v1.0.0\n");
    let b = load("module m\n\ngo 1.22\n\nrequire example.com/a v1.0.0\n");
    assert!(diff(&a, &b).is_empty());
    let c = load("module m\n\ngo 1.23\n\nrequire example.com/a v1.0.0\n");
    let d = diff(&a, &c);
    let go = d.change("go").expect("go line change");
    assert_eq!(go.kinds, [ChangeKind::GoVersion]);
    assert_eq!(
        (go.before.as_deref(), go.after.as_deref()),
        (Some("1.22"), Some("1.23"))
    );
    let at = go
        .causes
        .after
        .as_ref()
        .and_then(|c| c.directive.clone())
        .expect("line");
    assert_eq!((at.file.as_str(), at.line), ("go.mod", Some(3)));
}

#[test]
fn direct_indirect_and_new_majors() {
    let a = load("module m\n\ngo 1.22\n\nrequire example.com/lib v1.0.0 // indirect\n");
    let b = load("module m\n\ngo 1.22\n\nrequire (\n\texample.com/lib v1.0.0\n\texample.com/lib/v2 v2.0.0\n)\n");
    let d = diff(&a, &b);
    assert_eq!(kinds(&d, "example.com/lib"), [ChangeKind::IndirectToDirect]);
    let v2 = d.change("example.com/lib/v2").expect("v2 added");
    assert_eq!(v2.kinds, [ChangeKind::Added]);
    assert!(
        v2.major,
        "a new major of a module already in the build list"
    );
    assert!(!d.change("example.com/lib").is_some_and(|c| c.major));
    // And back: removal, direct-to-indirect.
    let back = diff(&b, &a);
    assert_eq!(
        kinds(&back, "example.com/lib"),
        [ChangeKind::DirectToIndirect]
    );
    assert_eq!(kinds(&back, "example.com/lib/v2"), [ChangeKind::Removed]);
}

#[test]
fn a_selected_version_moving_under_an_unchanged_replacement_is_a_change() {
    // Found by the differential diff mode (testdata/differential/diff-254-mod):
    // both sides use example.com/c v1.0.0 for example.com/a, but the
    // selected version of a moves, and go list -m all prints it.
    let replace = "\nreplace example.com/a => example.com/c v1.0.0\n";
    let a = load(&format!(
        "module m\n\ngo 1.22\n\nrequire example.com/a v1.1.0\n{replace}"
    ));
    let b = load(&format!(
        "module m\n\ngo 1.22\n\nrequire example.com/a v1.0.0\n{replace}"
    ));
    let d = diff(&a, &b);
    let change = d.change("example.com/a").expect("a changed");
    assert_eq!(change.kinds, [ChangeKind::Downgraded]);
    assert_eq!(
        (change.before.as_deref(), change.after.as_deref()),
        (Some("v1.1.0"), Some("v1.0.0"))
    );
    assert_eq!(change.before_used, change.after_used);
    assert!(change.root);
}
