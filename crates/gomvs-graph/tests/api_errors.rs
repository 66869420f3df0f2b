//! Typed errors and diagnostics at the library boundary, judged by what go
//! printed: the cmd-go corpus case `mod_require_exclude` (go.mod requires
//! a version its own exclude directive excludes), recorded by the corpus
//! generator with go 1.27.3 (`expected/<mode>/list-m-all.{stderr,exit}`).
//!
//! - `-mod=mod`: go succeeds and prints one note; `Resolution::diagnostics`
//!   must hold exactly go's stderr lines, classified.
//! - `-mod=readonly`: go fails; the `LoadError`'s text must be go's stderr
//!   and its exit status go's.

use gomvs_graph::{DiagnosticCode, LoadErrorKind, LoadOptions, Resolution, Severity};
use std::path::{Path, PathBuf};

fn shared_dir() -> PathBuf {
    let dir = match std::env::var_os("GOMVS_SHARED_DIR") {
        Some(d) => PathBuf::from(d),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared"),
    };
    let corpus = dir.join("corpus/cmd-go");
    assert!(
        corpus.is_dir(),
        "shared corpus not found at {} (set GOMVS_SHARED_DIR to the shared directory)",
        corpus.display()
    );
    dir
}

fn case() -> PathBuf {
    shared_dir().join("corpus/cmd-go/cases/mod_require_exclude")
}

fn expected(mode: &str, ext: &str) -> String {
    let p = case().join(format!("expected/{mode}/list-m-all.{ext}"));
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn load(mode: &str) -> Result<Resolution, gomvs_graph::LoadError> {
    load_with(mode, false)
}

fn load_with(mode: &str, lenient: bool) -> Result<Resolution, gomvs_graph::LoadError> {
    let work = case().join("work");
    let proxy = shared_dir().join("corpus/cmd-go/proxy");
    let tmp = std::env::temp_dir().join(format!("gomvs-api-errors-{}", std::process::id()));
    Resolution::load(
        LoadOptions::new(work.join("gopath/src"))
            .envs([
                ("GOTOOLCHAIN", "local".to_string()),
                ("GOSUMDB", "off".to_string()),
                ("GOWORK", "off".to_string()),
                ("GOFLAGS", format!("-mod={mode}")),
                ("GOPROXY", format!("file://{}", proxy.display())),
                ("GOPATH", work.join("gopath").display().to_string()),
                ("GOMODCACHE", tmp.join("modcache").display().to_string()),
            ])
            .lenient(lenient),
    )
}

#[test]
fn diagnostics_are_gos_stderr_lines() {
    assert_eq!(expected("mod", "exit").trim(), "0");
    let res = load("mod").unwrap_or_else(|e| panic!("go succeeds here, gomvs said: {e}"));
    let got: Vec<&str> = res
        .diagnostics()
        .iter()
        .map(|d| d.message.as_str())
        .collect();
    let want = expected("mod", "stderr");
    let want: Vec<&str> = want.lines().collect();
    assert_eq!(got, want);
    let d = &res.diagnostics()[0];
    assert_eq!(d.code, DiagnosticCode::ExcludedRequirement);
    assert_eq!(d.code.as_str(), "GMV0301");
    assert_eq!(d.severity, Severity::Note);
    assert_eq!(
        d.module.as_ref().map(|m| m.to_string()).as_deref(),
        Some("rsc.io/sampler@v1.99.99")
    );
}

#[test]
fn load_error_is_gos_text_and_status() {
    let status: i32 = expected("readonly", "exit").trim().parse().unwrap_or(-1);
    assert_eq!(status, 1);
    let err = match load("readonly") {
        Ok(_) => panic!("go fails here, gomvs succeeded"),
        Err(e) => e,
    };
    assert_eq!(format!("{err}\n"), expected("readonly", "stderr"));
    assert_eq!(err.exit_status(), status);
    assert_eq!(err.kind(), LoadErrorKind::Graph);
}

/// A lenient load (what `gomvs why` does) still explains the graph go
/// refused to accept under -mod=readonly; the notes are go's.
#[test]
fn lenient_load_explains_what_go_refuses() {
    let res = load_with("readonly", true).unwrap_or_else(|e| panic!("lenient load: {e}"));
    let want = expected("readonly", "stderr");
    let first = want.lines().next().unwrap_or_default();
    assert_eq!(
        res.diagnostics().first().map(|d| d.message.as_str()),
        Some(first)
    );
    // The requirement is dropped, as go's -mod=mod listing shows.
    let listed: Vec<String> = res.build_list().map(|m| m.to_string()).collect();
    let go_listed = expected("mod", "stdout");
    assert_eq!(listed, go_listed.lines().collect::<Vec<_>>());
}
