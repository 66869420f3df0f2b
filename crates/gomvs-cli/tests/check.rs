//! `gomvs check`: snapshots of every output format (text, JSON, SARIF,
//! GitHub annotations) for each rule family on the fixtures of
//! testdata/check/ (go.sum and the build list recorded from the real go by
//! scripts/record-check-fixtures.sh), SARIF validated against the official
//! OASIS SARIF 2.1.0 schema (testdata/sarif/), exit statuses, policy-file
//! errors with file:line:col, branch scoping, policy lookup, and the
//! incident of examples/incident.

mod common;
use common::{sarif_errors, sarif_validator};

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A fixture copied into a fresh temporary directory (no `.git` above it
/// unless a test makes one), removed on drop.
struct Fixture {
    dir: PathBuf,
    proxy: PathBuf,
}

impl Fixture {
    fn new(name: &str, tag: &str) -> Fixture {
        let src = workspace_root().join("testdata/check").join(name);
        Fixture::from_dir(&src, &format!("{name}-{tag}"))
    }

    fn from_dir(src: &Path, tag: &str) -> Fixture {
        let dir = std::env::temp_dir().join(format!("gomvs-check-{}-{tag}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        common::copy_tree(src, &dir, &[]).unwrap_or_else(|e| panic!("copy {}: {e}", src.display()));
        let proxy = dir.join("proxy");
        Fixture { dir, proxy }
    }

    fn main(&self) -> PathBuf {
        self.dir.join("main")
    }

    /// Runs gomvs in `main/` with a clean environment plus `env`.
    fn run_env(&self, args: &[&str], env: &[(&str, &str)]) -> (String, String, i32) {
        run_in(&self.main(), &self.proxy, &self.dir, args, env)
    }

    fn run(&self, args: &[&str]) -> (String, String, i32) {
        self.run_env(args, &[])
    }
}

impl Drop for Fixture {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn run_in(
    cwd: &Path,
    proxy: &Path,
    scratch: &Path,
    args: &[&str],
    env: &[(&str, &str)],
) -> (String, String, i32) {
    let tmp = scratch.join(".scratch");
    let out = Command::new(env!("CARGO_BIN_EXE_gomvs"))
        .args(args)
        .current_dir(cwd)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", tmp.join("home"))
        .env("GOTOOLCHAIN", "local")
        .env("GOSUMDB", "off")
        .env("GOENV", "off")
        .env("GOPROXY", format!("file://{}", proxy.display()))
        .env("GOMODCACHE", tmp.join("modcache"))
        .env("GOPATH", tmp.join("gopath"))
        .env("GOFLAGS", "")
        .envs(env.iter().copied())
        .output()
        .unwrap_or_else(|e| panic!("running gomvs: {e}"));
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

const FIXTURES: [&str; 6] = [
    "replace",
    "pins",
    "ban",
    "status",
    "status-unknown",
    "branches",
];
const FORMATS: [&str; 4] = ["text", "json", "sarif", "github"];

#[test]
fn every_format_of_every_rule_family() {
    let validator = sarif_validator();
    for fx in FIXTURES {
        let f = Fixture::new(fx, "formats");
        let root = f.main().display().to_string();
        for format in FORMATS {
            let (out, err, code) = f.run(&["check", "--branch", "main", "--format", format]);
            // status-unknown has a note only: below the default fail level.
            let want = if fx == "status-unknown" { 0 } else { 1 };
            assert_eq!(code, want, "{fx} {format}: exit status:\n{out}\n{err}");
            if format == "sarif" {
                let doc: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{fx}: {e}"));
                let errors = sarif_errors(&validator, &doc);
                assert!(errors.is_empty(), "{fx}: SARIF invalid: {errors:#?}");
            }
            if format == "json" {
                let doc: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{fx}: {e}"));
                assert_eq!(doc["schema"], "gomvs.check");
                assert_eq!(doc["version"], 1);
            }
            let dir = f.dir.display().to_string();
            let shown = out.replace(&root, "[ROOT]").replace(&dir, "[DIR]");
            insta::assert_snapshot!(format!("check_{fx}_{format}"), shown);
        }
    }
}

/// A way to break a SARIF document, and what it breaks.
type Mutation = (&'static str, fn(&mut Value));

#[test]
fn sarif_validation_rejects_invalid_documents() {
    let validator = sarif_validator();
    let f = Fixture::new("replace", "sarif-neg");
    let (out, _, _) = f.run(&["check", "--format", "sarif"]);
    let good: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}"));
    let errors = sarif_errors(&validator, &good);
    assert!(errors.is_empty(), "{errors:#?}");
    let mutations: [Mutation; 4] = [
        ("level not in the enum", |d| {
            d["runs"][0]["results"][0]["level"] = "fatal".into()
        }),
        ("version missing", |d| {
            if let Some(o) = d.as_object_mut() {
                o.remove("version");
            }
        }),
        ("startLine 0", |d| {
            d["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
                0.into()
        }),
        ("helpUri not a URI", |d| {
            d["runs"][0]["tool"]["driver"]["rules"][0]["helpUri"] = "not a uri".into()
        }),
    ];
    for (what, mutate) in mutations {
        let mut bad = good.clone();
        mutate(&mut bad);
        assert!(
            !sarif_errors(&validator, &bad).is_empty(),
            "schema accepted: {what}"
        );
    }
}

/// The build list the findings are computed on is what the real go lists.
#[test]
fn fixtures_build_lists_are_gos() {
    for fx in FIXTURES {
        let f = Fixture::new(fx, "list");
        let (out, err, code) = f.run(&["list", "all"]);
        let want = workspace_root().join(format!("testdata/check/{fx}/go-list-m-all.stdout"));
        let want =
            std::fs::read_to_string(&want).unwrap_or_else(|e| panic!("{}: {e}", want.display()));
        assert_eq!(code, 0, "{fx}: {err}");
        assert_eq!(
            out, want,
            "{fx}: gomvs list all differs from go list -m all"
        );
    }
}

/// GMV0020 / GMV0021 name exactly the modules go reports as retracted /
/// deprecated (`go list -m -u -retracted -json all`, recorded).
#[test]
fn retracted_and_deprecated_agree_with_go() {
    let rec = workspace_root().join("testdata/check/status/go-list-m-u-retracted-json.stdout");
    let text = std::fs::read_to_string(&rec).unwrap_or_else(|e| panic!("{}: {e}", rec.display()));
    let mut go_retracted = Vec::new();
    let mut go_deprecated = Vec::new();
    for doc in serde_json::Deserializer::from_str(&text).into_iter::<Value>() {
        let doc = doc.unwrap_or_else(|e| panic!("{e}"));
        let path = doc["Path"].as_str().unwrap_or_default().to_string();
        if doc.get("Retracted").is_some() {
            go_retracted.push(path.clone());
        }
        if doc.get("Deprecated").is_some() {
            go_deprecated.push(path);
        }
    }
    let f = Fixture::new("status", "agree");
    let (out, _, _) = f.run(&["check", "--json"]);
    let doc: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}"));
    let modules = |code: &str| -> Vec<String> {
        doc["data"]["findings"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|f| f["code"] == code)
            .map(|f| f["module"]["path"].as_str().unwrap_or_default().to_string())
            .collect()
    };
    assert!(!go_retracted.is_empty() && !go_deprecated.is_empty());
    assert_eq!(modules("GMV0020"), go_retracted);
    assert_eq!(modules("GMV0021"), go_deprecated);
}

#[test]
fn exit_statuses_and_fail_level() {
    let f = Fixture::new("ban", "exit");
    // One error, one warning.
    assert_eq!(f.run(&["check"]).2, 1);
    let f2 = Fixture::new("status", "exit");
    let empty = workspace_root().join("testdata/check/config/empty.toml");
    let empty = empty.display().to_string();
    // The defaults: retracted and deprecated are warnings.
    let (out, _, code) = f2.run(&["check", "--config", &empty]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("GMV0020") && out.contains("GMV0021"), "{out}");
    assert_eq!(
        f2.run(&["check", "--config", &empty, "--fail-level", "warning"])
            .2,
        1
    );
    // No findings at all.
    let b = Fixture::new("branches", "exit");
    let (out, _, code) = b.run(&["check", "--config", &empty, "--fail-level", "note"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.starts_with("check: no findings"), "{out}");
    // Usage error.
    assert_eq!(b.run(&["check", "--fail-level", "fatal"]).2, 2);
    // go.sum missing: go list -m all fails; the gosum rule reports each
    // missing line (GMV0201) instead, unless it is off: then exit 3, as go.
    let l = Fixture::new("replace", "exit-load");
    std::fs::remove_file(l.main().join("go.sum")).unwrap_or_else(|e| panic!("{e}"));
    let (out, err, code) = l.run(&["check", "--json"]);
    assert_eq!(code, 1, "{err}");
    assert!(codes(&out).contains(&"GMV0201".to_string()), "{out}");
    let off = workspace_root().join("testdata/check/config/gosum-missing-off.toml");
    let (_, err, code) = l.run(&["check", "--config", &off.display().to_string()]);
    assert_eq!(code, 3, "{err}");
    assert!(err.contains("missing go.sum entry"), "{err}");
}

#[test]
fn policy_errors_name_file_line_and_column() {
    let f = Fixture::new("replace", "config");
    let cfg = workspace_root().join("testdata/check/config");
    let cases = [
        ("unknown-key.toml", "3:1: unknown field `forbid_dir`, expected one of `forbid`, `forbid_directory`, `severity`, `branches`, `allow`"),
        ("bad-constraint.toml", "3:21: pin \"example.com/lib\": invalid version \"1.2\" in \">= 1.2\" (Go versions start with v: v1.2)"),
        ("bad-level.toml", "2:9: unknown variant `fatal`, expected one of `off`, `note`, `warning`, `error`"),
    ];
    for (file, want) in cases {
        let path = cfg.join(file);
        let (out, err, code) = f.run(&["check", "--config", &path.display().to_string()]);
        assert_eq!(code, 2, "{file}: {out}{err}");
        let want = format!("gomvs check: {}:{want}\n", path.display());
        assert_eq!(err, want, "{file}");
    }
    // A missing --config file is an error too, not the defaults.
    let (_, err, code) = f.run(&["check", "--config", "nope.toml"]);
    assert_eq!(code, 2);
    assert!(err.contains("nope.toml"), "{err}");
}

fn codes(out: &str) -> Vec<String> {
    let doc: Value = serde_json::from_str(out).unwrap_or_else(|e| panic!("{e}\n{out}"));
    doc["data"]["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|f| f["code"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn branch_scoping() {
    let f = Fixture::new("branches", "scope");
    let run = |args: &[&str], env: &[(&str, &str)]| {
        let mut a = vec!["check", "--json"];
        a.extend_from_slice(args);
        let (out, err, _) = f.run_env(&a, env);
        assert!(err.is_empty(), "{err}");
        let doc: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}"));
        (codes(&out), doc["data"]["branch"].clone())
    };
    // The section applies on main and release/*, not elsewhere.
    assert_eq!(run(&["--branch", "main"], &[]).0, ["GMV0001"]);
    assert_eq!(run(&["--branch", "release/1.2"], &[]).0, ["GMV0001"]);
    assert!(run(&["--branch", "feature/x"], &[]).0.is_empty());
    // The allow entry is limited to release/*-dev.
    assert!(run(&["--branch", "release/1.2-dev"], &[]).0.is_empty());
    // Unknown branch: the section applies (fail closed), the entry does not.
    let (c, b) = run(&[], &[]);
    assert_eq!(c, ["GMV0001"]);
    assert!(b.is_null());
    // CI variables, in order.
    let (c, b) = run(
        &[],
        &[
            ("GITHUB_REF_NAME", "release/2-dev"),
            ("CI_COMMIT_REF_NAME", "main"),
        ],
    );
    assert!(c.is_empty());
    assert_eq!(b["name"], "release/2-dev");
    assert_eq!(b["source"]["name"], "GITHUB_REF_NAME");
    let (_, b) = run(
        &[],
        &[("GITHUB_HEAD_REF", ""), ("CI_COMMIT_REF_NAME", "main")],
    );
    assert_eq!(b["source"]["name"], "CI_COMMIT_REF_NAME");
    // --branch wins over the environment.
    assert_eq!(
        run(&["--branch", "main"], &[("GITHUB_HEAD_REF", "feature/x")]).0,
        ["GMV0001"]
    );
    // git HEAD (a repository around the fixture) wins over CI variables.
    let git = f.dir.join(".git");
    std::fs::create_dir_all(&git).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(git.join("HEAD"), "ref: refs/heads/feature/y\n")
        .unwrap_or_else(|e| panic!("{e}"));
    let (c, b) = run(&[], &[("GITHUB_HEAD_REF", "main")]);
    assert!(c.is_empty());
    assert_eq!(b["name"], "feature/y");
    assert_eq!(b["source"]["kind"], "git_head");
    // A detached HEAD falls back to the CI variables.
    std::fs::write(
        git.join("HEAD"),
        "0123456789abcdef0123456789abcdef01234567\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(run(&[], &[("GITHUB_HEAD_REF", "main")]).1["name"], "main");
    // A linked worktree: .git is a file naming the directory holding HEAD.
    std::fs::remove_dir_all(&git).unwrap_or_else(|e| panic!("{e}"));
    let wt = f.dir.join("gitdirs/worktrees/main");
    std::fs::create_dir_all(&wt).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(wt.join("HEAD"), "ref: refs/heads/release/3-dev\n")
        .unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(&git, "gitdir: gitdirs/worktrees/main\n").unwrap_or_else(|e| panic!("{e}"));
    let (c, b) = run(&[], &[]);
    assert!(c.is_empty(), "{c:?}");
    assert_eq!(b["name"], "release/3-dev");
}

#[test]
fn policy_lookup_stops_at_the_repository_root() {
    let f = Fixture::new("branches", "lookup");
    let main_policy = f.main().join("gomvs.toml");
    let text = std::fs::read_to_string(&main_policy).unwrap_or_else(|e| panic!("{e}"));
    std::fs::remove_file(&main_policy).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(f.dir.join("gomvs.toml"), text).unwrap_or_else(|e| panic!("{e}"));
    // Outside a repository only the module's directory is consulted.
    let (out, _, code) = f.run(&["check", "--branch", "main"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("policy: defaults"), "{out}");
    // With the repository root above, the parent's file is found.
    std::fs::create_dir_all(f.dir.join(".git")).unwrap_or_else(|e| panic!("{e}"));
    let (out, _, code) = f.run(&["check", "--branch", "main"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("rule: replace.forbid (gomvs.toml:2:10)"),
        "{out}"
    );
    assert!(out.contains("--> main/go.mod:7"), "{out}");
}

#[test]
fn the_incident_is_caught_with_its_cause() {
    let src = workspace_root().join("examples/incident");
    let f = Fixture::from_dir(&src, "incident");
    let (out, err, code) = f.run(&["check", "--branch", "main"]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        out.contains("the replace at go.mod line 10 downgrades github.com/shared/auth from the v1.8.3 required by example.com/payment/v2@v2.3.0 to v1.5.0"),
        "{out}"
    );
    insta::assert_snapshot!("check_incident_text", out);
    let (out, _, _) = f.run(&["check", "--branch", "main", "--format", "sarif"]);
    let doc: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}"));
    assert!(sarif_errors(&sarif_validator(), &doc).is_empty());
    insta::assert_snapshot!(
        "check_incident_github",
        f.run(&["check", "--branch", "main", "--format", "github"])
            .0
    );
}

/// A replace in go.work counts (and is located in go.work); run from a
/// workspace module's directory, the policy is found in the go.work directory.
#[test]
fn go_work_replaces_count() {
    let f = Fixture::new("workspace", "work");
    let cwd = f.dir.join("a");
    let want = std::fs::read_to_string(
        workspace_root().join("testdata/check/workspace/go-list-m-all.stdout"),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let (out, err, code) = run_in(&cwd, &f.proxy, &f.dir, &["list", "all"], &[]);
    assert_eq!((out.as_str(), code), (want.as_str(), 0), "{err}");
    let validator = sarif_validator();
    for format in FORMATS {
        let (out, err, code) = run_in(&cwd, &f.proxy, &f.dir, &["check", "--format", format], &[]);
        assert_eq!(code, 1, "{out}{err}");
        if format == "sarif" {
            let doc: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}"));
            let errors = sarif_errors(&validator, &doc);
            assert!(errors.is_empty(), "{errors:#?}");
        }
        let root = f.dir.display().to_string();
        insta::assert_snapshot!(
            format!("check_workspace_{format}"),
            out.replace(&root, "[ROOT]")
        );
    }
}

/// Text output is coloured only when asked (or on a terminal without NO_COLOR).
#[test]
fn colour_only_when_asked() {
    let f = Fixture::new("ban", "colour");
    let (plain, _, _) = f.run(&["check"]);
    assert!(!plain.contains('\x1b'), "{plain}");
    let (coloured, _, _) = f.run(&["check", "--color", "always"]);
    assert!(coloured.contains("\x1b[31merror\x1b[0m"), "{coloured}");
    let (never, _, _) = f.run_env(&["check", "--color", "never"], &[("NO_COLOR", "")]);
    assert_eq!(never, plain);
}
