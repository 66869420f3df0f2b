//! Library-level snapshots of the report types an embedder reads through
//! `Resolution` (the why report and the diff), on `examples/incident`: the
//! forgotten `replace github.com/shared/auth => github.com/shared/auth
//! v1.5.0` (base: the example as it is; head: the same go.mod without the
//! replace, served from memory over the file system).
//!
//! The facts inside (selected versions, replacements, requirement edges)
//! are what go prints for the example (testdata/examples/incident, recorded
//! by scripts/record-example-goldens.sh; examples/embed checks them); these
//! snapshots pin the shape of the report types.

use gomvs_graph::files::{os_files, OverlayFiles};
use gomvs_graph::{LoadOptions, Resolution};
use std::path::{Path, PathBuf};
use std::sync::Arc;

fn example() -> PathBuf {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/incident");
    std::fs::canonicalize(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn options() -> LoadOptions {
    let dir = example();
    LoadOptions::new(dir.join("main")).envs([
        ("GOTOOLCHAIN", "local".to_string()),
        ("GOSUMDB", "off".to_string()),
        ("GOFLAGS", "-mod=mod".to_string()),
        ("GOPROXY", format!("file://{}", dir.join("proxy").display())),
        (
            "GOMODCACHE",
            "/nonexistent/gomvs-api-reports/modcache".to_string(),
        ),
        (
            "GOPATH",
            "/nonexistent/gomvs-api-reports/gopath".to_string(),
        ),
    ])
}

fn json(v: &impl serde::Serialize) -> String {
    let text = serde_json::to_string_pretty(v).unwrap_or_else(|e| panic!("json: {e}"));
    text.replace(&example().display().to_string(), "[EXAMPLE]")
}

#[test]
fn why_report_of_the_replaced_module() {
    let res = Resolution::load(options()).unwrap_or_else(|e| panic!("{e}"));
    insta::assert_snapshot!(json(&res.why("github.com/shared/auth")));
}

#[test]
fn diff_when_the_replace_is_removed() {
    let base = Resolution::load(options()).unwrap_or_else(|e| panic!("{e}"));
    let go_mod = example().join("main/go.mod");
    let text = std::fs::read_to_string(&go_mod).unwrap_or_else(|e| panic!("{e}"));
    let without: String = text
        .lines()
        .filter(|l| !l.starts_with("replace ") && !l.starts_with("// Pinned"))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_ne!(
        text, without,
        "the example's go.mod has no replace line any more"
    );
    let mut files = OverlayFiles::new(os_files());
    files.insert(&go_mod, without);
    let head = Resolution::load(options().files(Arc::new(files))).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        head.selected("github.com/shared/auth")
            .map(|m| m.version.as_str()),
        Some("v1.8.3")
    );
    insta::assert_snapshot!(json(&base.diff(&head)));
}
