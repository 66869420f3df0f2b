//! `gomvs upgrades` on the golang-x corpus (real go.mod files, go 1.27.3's
//! recorded outputs): the `--major` candidates are, case by case, the
//! updates the real `go list -m -u all` printed; snapshots pin the report
//! (text, `--verbose`, Markdown, JSON) on a few cases. The impact column
//! is judged against the real `go get` by
//! `scripts/differential/upgrades_mode.py`. gomvs never writes, so the
//! corpus cases are read in place.

mod common;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::{Command, Output};

fn golang_x() -> PathBuf {
    let dir = common::corpus().join("golang-x");
    dir.canonicalize()
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
}

/// Runs `gomvs upgrades ARGS` in the main module of golang-x case `name`
/// with the corpus' environment (env.txt: file:// proxy, -mod=mod).
fn upgrades(name: &str, args: &[&str]) -> Output {
    let gx = golang_x();
    let scratch = std::env::temp_dir().join(format!("gomvs-upgrades-test-{}", std::process::id()));
    Command::new(env!("CARGO_BIN_EXE_gomvs"))
        .arg("upgrades")
        .args(args)
        .current_dir(gx.join("cases").join(name).join("main"))
        .env_clear()
        .env("PATH", "/usr/bin:/bin")
        .env("HOME", scratch.join("home"))
        .env("GOPATH", scratch.join("gopath"))
        .env("GOMODCACHE", scratch.join("modcache"))
        .env("GOTOOLCHAIN", "local")
        .env("GOSUMDB", "off")
        .env("GOPROXY", format!("file://{}", gx.join("proxy").display()))
        .env("GOFLAGS", "-mod=mod")
        .env("GOWORK", "off")
        .env("GOENV", "off")
        .output()
        .expect("run gomvs upgrades")
}

/// exit status, stdout and stderr, with the corpus proxy written `[PROXY]`.
fn shown(out: &Output) -> String {
    let proxy = golang_x().join("proxy").display().to_string();
    format!(
        "exit: {}\n--- stdout\n{}--- stderr\n{}",
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).replace(&proxy, "[PROXY]"),
        String::from_utf8_lossy(&out.stderr).replace(&proxy, "[PROXY]")
    )
}

/// `path -> update` from go's `go list -m -u all` output
/// (`path version [update] ...`).
fn go_updates(stdout: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for line in stdout.lines().skip(1) {
        let head = line.split(" => ").next().unwrap_or("");
        let mut words = head.split_whitespace();
        let Some(path) = words.next() else { continue };
        for w in words {
            if let Some(u) = w.strip_prefix('[').and_then(|w| w.strip_suffix(']')) {
                out.insert(path.to_string(), u.to_string());
            }
        }
    }
    out
}

#[test]
fn major_candidates_are_go_list_u_updates_on_every_golang_x_case() {
    let cases = golang_x().join("cases");
    let mut names: Vec<String> = std::fs::read_dir(&cases)
        .unwrap_or_else(|e| panic!("{}: {e}", cases.display()))
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let (mut compared, mut failures) = (0, Vec::new());
    for name in &names {
        let exp = cases.join(name).join("expected/mod");
        let code = std::fs::read_to_string(exp.join("list-m-u-all.exitcode")).unwrap_or_default();
        if code.trim() != "0" {
            continue;
        }
        let want = go_updates(
            &std::fs::read_to_string(exp.join("list-m-u-all.stdout")).expect("list-m-u-all.stdout"),
        );
        let out = upgrades(name, &["--major", "--json"]);
        if !out.status.success() {
            failures.push(format!("{name}: {}", shown(&out)));
            continue;
        }
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
        let mut got = BTreeMap::new();
        for r in doc["data"]["rows"].as_array().expect("rows") {
            if r["candidate"]["path"] == r["path"] {
                got.insert(
                    r["path"].as_str().unwrap_or("").to_string(),
                    r["candidate"]["version"].as_str().unwrap_or("").to_string(),
                );
            }
        }
        compared += 1;
        if got != want {
            failures.push(format!("{name}: go {want:?}\n  gomvs {got:?}"));
        }
    }
    assert!(compared > 400, "only {compared} golang-x cases compared");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn text_report_minor_policy_verbose() {
    insta::assert_snapshot!(shown(&upgrades(
        "gopls@v0.16.0",
        &["--verbose", "--color=never"]
    )));
}

#[test]
fn text_report_major_policy_with_newer_major_paths() {
    insta::assert_snapshot!(shown(&upgrades(
        "tools@v0.1.0",
        &["--major", "--color=never"]
    )));
}

#[test]
fn patch_policy_direct_only_fails_on_available() {
    insta::assert_snapshot!(shown(&upgrades(
        "gopls@v0.16.0",
        &[
            "--patch",
            "--direct",
            "--fail-on-available",
            "--color=never"
        ]
    )));
}

#[test]
fn markdown_report_notes_a_deprecated_module() {
    insta::assert_snapshot!(shown(&upgrades(
        "google.golang.org-protobuf@v1.20.0",
        &["--format", "markdown", "--verbose"]
    )));
}

#[test]
fn json_report() {
    insta::assert_snapshot!(shown(&upgrades(
        "google.golang.org-protobuf@v1.20.0",
        &["--json"]
    )));
}

#[test]
fn fail_on_available_exit_status_follows_the_rows() {
    let out = upgrades(
        "google.golang.org-protobuf@v1.20.0",
        &["--patch", "--fail-on-available"],
    );
    let text = shown(&out);
    let rows = String::from_utf8_lossy(&out.stdout).lines().count();
    assert_eq!(
        out.status.code(),
        if rows > 1 { Some(1) } else { Some(0) },
        "{text}"
    );
}
