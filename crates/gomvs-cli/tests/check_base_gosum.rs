//! `gomvs check --base REV` (the `[base]` rules, on the diff engine) and the
//! `[gosum]` rules (on `gomvs_graph::verify`):
//!
//! * the incident repository of `examples/diff/make-repos.sh` (whose states
//!   and go.sum files the real go recorded): `--base HEAD~1` names the
//!   downgrade v1.8.3 → v1.5.0 with the replace line and the requirement it
//!   overrides, in every format (SARIF validated against the OASIS schema);
//! * exceptions, removed pins and stale exceptions on a repository whose
//!   policy changes between the commits;
//! * go.sum coverage and verification on a module cache laid out as
//!   `go mod download` lays it out for edge case 61 (the same layout
//!   `scripts/verify-conformance.py` compares with the live `go mod verify`).

mod common;

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn gomvs(cwd: &Path, proxy: &Path, scratch: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gomvs"))
        .args(args)
        .current_dir(cwd)
        .env_clear()
        .env("PATH", "/usr/bin:/bin")
        .env("HOME", scratch.join("home"))
        .env("GOTOOLCHAIN", "local")
        .env("GOSUMDB", "off")
        .env("GOENV", "off")
        .env("GOFLAGS", "")
        .env("GOPROXY", format!("file://{}", proxy.display()))
        .env("GOMODCACHE", scratch.join("modcache"))
        .env("GOPATH", scratch.join("gopath"))
        .output()
        .expect("run gomvs")
}

fn incident_proxy() -> PathBuf {
    workspace_root()
        .join("examples/incident-replace/proxy")
        .canonicalize()
        .expect("incident proxy")
}

fn codes(json: &[u8]) -> Vec<String> {
    let doc: Value = serde_json::from_slice(json).expect("gomvs.check JSON");
    doc["data"]["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|f| f["code"].as_str().unwrap_or_default().to_string())
        .collect()
}

fn git(dir: &Path, args: &[&str]) {
    let ok = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "gomvs")
        .env("GIT_AUTHOR_EMAIL", "gomvs@example.invalid")
        .env("GIT_COMMITTER_NAME", "gomvs")
        .env("GIT_COMMITTER_EMAIL", "gomvs@example.invalid")
        .env("GIT_AUTHOR_DATE", "2026-01-01T00:00:00Z")
        .env("GIT_COMMITTER_DATE", "2026-01-01T00:00:00Z")
        .status()
        .expect("git")
        .success();
    assert!(ok, "git {args:?}");
}

fn sarif_errors(doc: &Value) -> Vec<String> {
    common::sarif_errors(&common::sarif_validator(), doc)
}

#[test]
fn the_incident_fails_against_its_base_with_the_cause_named() {
    let tmp = tempfile::tempdir().expect("tmp");
    let out = Command::new("bash")
        .arg(workspace_root().join("examples/diff/make-repos.sh"))
        .arg(tmp.path())
        .output()
        .expect("make-repos.sh");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let repo = tmp.path().join("incident");
    let proxy = incident_proxy();
    let run = |args: &[&str]| gomvs(&repo, &proxy, tmp.path(), args);

    let json = run(&["check", "--base", "HEAD~1", "--branch", "main", "--json"]);
    assert_eq!(
        json.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&json.stderr)
    );
    assert_eq!(codes(&json.stdout), ["GMV0101", "GMV0102"]);
    let doc: Value = serde_json::from_slice(&json.stdout).expect("json");
    let down = &doc["data"]["findings"][0];
    let message = down["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("downgraded from v1.8.3") && message.contains("to v1.5.0"),
        "{message}"
    );
    assert!(message.contains("go.mod line 13"), "{message}");
    assert!(
        message.contains("github.com/acme/billing@v1.2.0 requires v1.8.3"),
        "{message}"
    );
    assert_eq!(down["location"]["file"], "go.mod");
    assert_eq!(down["location"]["line"], 13);
    assert_eq!(
        down["cause"]["required_by"]["path"],
        "github.com/acme/billing"
    );

    let root = tmp.path().display().to_string();
    let mut settings = insta::Settings::clone_current();
    settings.add_filter(&regex_escape(&root), "[TMP]");
    settings.bind(|| {
        for (name, args) in [
            (
                "text",
                vec![
                    "check", "--base", "HEAD~1", "--branch", "main", "--color", "never",
                ],
            ),
            (
                "github",
                vec![
                    "check", "--base", "HEAD~1", "--branch", "main", "--format", "github",
                ],
            ),
            (
                "sarif",
                vec![
                    "check", "--base", "HEAD~1", "--branch", "main", "--format", "sarif",
                ],
            ),
            (
                "json",
                vec![
                    "check", "--base", "HEAD~1", "--branch", "main", "--format", "json",
                ],
            ),
        ] {
            let out = run(&args);
            assert_eq!(out.status.code(), Some(1));
            let text = String::from_utf8_lossy(&out.stdout).into_owned();
            if name == "sarif" {
                let doc: Value = serde_json::from_str(&text).expect("SARIF is JSON");
                assert_eq!(sarif_errors(&doc), Vec::<String>::new());
            }
            insta::assert_snapshot!(format!("check_base_incident_{name}"), text);
        }
    });

    // Against itself there is nothing to report; a base that does not
    // resolve is a usage error (2).
    let same = run(&["check", "--base", "HEAD", "--json"]);
    assert_eq!(same.status.code(), Some(0));
    assert!(codes(&same.stdout).is_empty());
    assert_eq!(
        run(&["check", "--base", "no-such-rev"]).status.code(),
        Some(2)
    );

    // The chain repository only upgrades: nothing fails.
    let chain = gomvs(
        &tmp.path().join("chain"),
        &workspace_root()
            .join("examples/diff/proxy")
            .canonicalize()
            .expect("proxy"),
        tmp.path(),
        &["check", "--base", "HEAD~1", "--json"],
    );
    assert_eq!(
        chain.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&chain.stdout)
    );
    assert!(codes(&chain.stdout).is_empty());
}

#[test]
fn exceptions_removed_pins_and_stale_entries() {
    let tmp = tempfile::tempdir().expect("tmp");
    let repo = tmp.path().join("repo");
    std::fs::create_dir_all(&repo).expect("mkdir");
    let states = workspace_root().join("examples/diff/states/incident");
    git(&repo, &["init", "-q", "-b", "main"]);
    let put = |state: &str, policy: &str| {
        for f in ["go.mod", "go.sum"] {
            std::fs::copy(states.join(state).join(f), repo.join(f)).expect("copy");
        }
        std::fs::write(repo.join("gomvs.toml"), policy).expect("write policy");
    };
    put(
        "1",
        "[pins]\n\"github.com/acme/ledger\" = \">= v1.0.0\"\n\"github.com/shared/auth\" = \">= v1.8.0\"\n",
    );
    git(&repo, &["add", "-A"]);
    git(&repo, &["commit", "-q", "-m", "base"]);
    put(
        "2",
        "[pins]\n\"github.com/shared/auth\" = \">= v1.0.0\"\n\n[[base.allow]]\nmodule = \"github.com/shared/auth\"\nchange = \"downgrade\"\nreason = \"token migration\"\n\n[[base.allow]]\nmodule = \"example.com/never\"\n",
    );
    git(&repo, &["add", "-A"]);
    git(&repo, &["commit", "-q", "-m", "head"]);
    let out = gomvs(
        &repo,
        &incident_proxy(),
        tmp.path(),
        &["check", "--base", "HEAD~1", "--branch", "main", "--json"],
    );
    // The downgrade is allowed; the new replace is not; the ledger pin of
    // the base's policy is gone; the second exception matched nothing.
    assert_eq!(
        codes(&out.stdout),
        ["GMV0102", "GMV0104", "GMV0090"],
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let doc: Value = serde_json::from_slice(&out.stdout).expect("json");
    let removed = doc["data"]["findings"][1]["message"]
        .as_str()
        .unwrap_or_default();
    assert!(removed.contains("\"github.com/acme/ledger\""), "{removed}");
    assert!(removed.contains("gomvs.toml:2"), "{removed}");
    let stale = doc["data"]["findings"][2]["message"]
        .as_str()
        .unwrap_or_default();
    assert!(stale.contains("base.allow[1]"), "{stale}");
    assert_eq!(out.status.code(), Some(1));
}

fn regex_escape(s: &str) -> String {
    s.chars()
        .flat_map(|c| {
            if "\\.+*?()|[]{}^$".contains(c) {
                vec!['\\', c]
            } else {
                vec![c]
            }
        })
        .collect()
}

/// Edge case 61's main module and module cache (common::edge61_module_cache)
/// with `extra` appended to its go.sum.
fn cache_fixture(root: &Path, extra: &str) {
    common::edge61_module_cache(root);
    let go_sum = root.join("main/go.sum");
    let mut text = std::fs::read_to_string(&go_sum).expect("read go.sum");
    text.push_str(extra);
    std::fs::write(&go_sum, text).expect("write go.sum");
}

#[test]
fn gosum_coverage_and_verification() {
    let case = common::corpus().join("edge-cases/61-zip-dir-and-sum");
    let proxy = case.join("proxy");
    let proxy = proxy.canonicalize().expect("proxy");

    // Pristine: nothing to report, even with every gosum rule on.
    let clean = tempfile::tempdir().expect("tmp");
    cache_fixture(clean.path(), "");
    std::fs::write(
        clean.path().join("main/gomvs.toml"),
        "[gosum]\nstale = \"warning\"\nverify = \"error\"\n",
    )
    .expect("policy");
    let out = gomvs(
        &clean.path().join("main"),
        &proxy,
        clean.path(),
        &["check", "--json"],
    );
    assert_eq!(
        codes(&out.stdout),
        Vec::<String>::new(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(out.status.code(), Some(0));

    // A stale line, and a file added to the extracted module (go mod verify
    // reports "dir has been modified").
    let bad = tempfile::tempdir().expect("tmp");
    cache_fixture(
        bad.path(),
        "example.com/gone v1.0.0/go.mod h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n",
    );
    std::fs::write(
        bad.path().join("modcache/example.com/a@v1.0.0/extra.go"),
        "package a\n",
    )
    .expect("tamper");
    // The stale rule is off by default (an upper bound, docs/check.md).
    std::fs::write(
        bad.path().join("main/gomvs.toml"),
        "[gosum]\nstale = \"warning\"\n",
    )
    .expect("policy");
    let out = gomvs(
        &bad.path().join("main"),
        &proxy,
        bad.path(),
        &["check", "--json"],
    );
    assert_eq!(
        codes(&out.stdout),
        ["GMV0202", "GMV0203"],
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(out.status.code(), Some(1));
    let doc: Value = serde_json::from_slice(&out.stdout).expect("json");
    let stale = &doc["data"]["findings"][0];
    assert_eq!(stale["location"]["file"], "go.sum");
    assert_eq!(stale["location"]["line"], 4);
    let verify = doc["data"]["findings"][1]["message"]
        .as_str()
        .unwrap_or_default();
    assert!(verify.contains("dir has been modified"), "{verify}");
    // Every output format of the gosum family.
    let root = bad.path().display().to_string();
    let mut settings = insta::Settings::clone_current();
    settings.add_filter(&regex_escape(&root), "[TMP]");
    settings.bind(|| {
        for format in ["text", "json", "sarif", "github"] {
            let out = gomvs(
                &bad.path().join("main"),
                &proxy,
                bad.path(),
                &[
                    "check", "--format", format, "--branch", "main", "--color", "never",
                ],
            );
            let text = String::from_utf8_lossy(&out.stdout).into_owned();
            if format == "sarif" {
                let doc: Value = serde_json::from_str(&text).expect("SARIF is JSON");
                assert_eq!(sarif_errors(&doc), Vec::<String>::new());
            }
            insta::assert_snapshot!(format!("check_gosum_{format}"), text);
        }
    });

    // The module cache lacks b's zip and directory: not verifiable, reported
    // only when asked for (`unverifiable = "note"`), once for all modules.
    let policy = bad.path().join("main/gomvs.toml");
    std::fs::write(
        &policy,
        "[gosum]\nunverifiable = \"note\"\nstale = \"off\"\nverify = \"off\"\n",
    )
    .expect("policy");
    let out = gomvs(
        &bad.path().join("main"),
        &proxy,
        bad.path(),
        &["check", "--json"],
    );
    assert_eq!(
        codes(&out.stdout),
        ["GMV0204"],
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(out.status.code(), Some(0));
}
