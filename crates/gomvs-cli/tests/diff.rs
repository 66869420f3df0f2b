//! `gomvs diff` on the git repositories of `examples/diff/make-repos.sh`:
//! the change set must equal the difference between what the real go printed
//! for each state (`go list -m -json all`, recorded by
//! `scripts/record-diff-examples.sh` into testdata/diff-examples), nothing
//! may be written in the repository (by `diff` or `check --base`), and the
//! text, JSON and Markdown outputs are snapshots.

mod common;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The repositories, built once per test in a fresh directory.
struct Repos {
    dir: tempfile::TempDir,
}

impl Repos {
    fn new() -> Repos {
        let dir = tempfile::tempdir().expect("temp dir");
        let script = workspace_root().join("examples/diff/make-repos.sh");
        let out = Command::new("bash")
            .arg(&script)
            .arg(dir.path())
            .output()
            .expect("run make-repos.sh (needs git)");
        assert!(
            out.status.success(),
            "make-repos.sh failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        Repos { dir }
    }

    fn repo(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
}

fn proxy_of(repo: &str) -> PathBuf {
    let p = match repo {
        "incident" => workspace_root().join("examples/incident-replace/proxy"),
        _ => workspace_root().join("examples/diff/proxy"),
    };
    p.canonicalize().expect("example proxy exists")
}

fn gomvs(repo_dir: &Path, repo: &str, args: &[&str]) -> Output {
    let tmp = repo_dir.parent().expect("parent").to_path_buf();
    common::offline_gomvs(repo_dir, &proxy_of(repo), "", &tmp)
        .args(args)
        .output()
        .expect("run gomvs")
}

/// One build-list entry as go printed it: version, replacement, indirect.
type Entry = (String, Option<(String, String)>, bool);

/// `go list -m -json all` of a recorded state, by path.
fn go_entries(repo: &str, state: &str) -> BTreeMap<String, Entry> {
    let p = workspace_root()
        .join("testdata/diff-examples")
        .join(repo)
        .join(state)
        .join("list-m-json-all.stdout");
    let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    let mut out = BTreeMap::new();
    for v in serde_json::Deserializer::from_str(&text).into_iter::<Value>() {
        let v = v.expect("go's JSON");
        let s = |x: &Value, k: &str| x[k].as_str().unwrap_or("").to_string();
        let replace = v.get("Replace").map(|r| (s(r, "Path"), s(r, "Version")));
        out.insert(
            s(&v, "Path"),
            (
                s(&v, "Version"),
                replace,
                v["Indirect"].as_bool().unwrap_or(false),
            ),
        );
    }
    out
}

/// The changes `gomvs diff --json` reported, in the same shape.
fn gomvs_changes(json: &Value) -> BTreeMap<String, (Option<Entry>, Option<Entry>)> {
    let mut out = BTreeMap::new();
    for c in json["data"]["changes"].as_array().expect("changes") {
        let path = c["path"].as_str().expect("path").to_string();
        if path == "go" || path == "toolchain" {
            continue;
        }
        let side = |v: &str, u: &str, i: &str| -> Option<Entry> {
            let version = c[v].as_str()?.to_string();
            let used = c[u].as_object().map(|o| {
                (
                    o["path"].as_str().unwrap_or("").to_string(),
                    o["version"].as_str().unwrap_or("").to_string(),
                )
            });
            Some((version, used, c[i].as_bool().unwrap_or(false)))
        };
        out.insert(
            path,
            (
                side("before", "before_used", "before_indirect"),
                side("after", "after_used", "after_indirect"),
            ),
        );
    }
    out
}

/// The difference go's two outputs imply.
fn go_changes(repo: &str, a: &str, b: &str) -> BTreeMap<String, (Option<Entry>, Option<Entry>)> {
    let before = go_entries(repo, a);
    let after = go_entries(repo, b);
    let mut out = BTreeMap::new();
    for path in before.keys().chain(after.keys()) {
        let (x, y) = (before.get(path).cloned(), after.get(path).cloned());
        if x != y {
            out.insert(path.clone(), (x, y));
        }
    }
    out
}

fn json_of(out: &Output) -> Value {
    assert!(
        out.status.success(),
        "gomvs diff failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("gomvs diff --json prints JSON")
}

#[test]
fn change_sets_equal_what_go_printed_for_each_commit() {
    let repos = Repos::new();
    for repo in ["incident", "chain"] {
        let dir = repos.repo(repo);
        let json = json_of(&gomvs(&dir, repo, &["diff", "HEAD~1", "HEAD", "--json"]));
        assert_eq!(gomvs_changes(&json), go_changes(repo, "1", "2"), "{repo}");
        // Backwards, every change reverses.
        let json = json_of(&gomvs(&dir, repo, &["diff", "HEAD", "HEAD~1", "--json"]));
        assert_eq!(
            gomvs_changes(&json),
            go_changes(repo, "2", "1"),
            "{repo} reversed"
        );
        // The working tree is HEAD: nothing changed.
        let json = json_of(&gomvs(&dir, repo, &["diff", "HEAD", "--json"]));
        assert_eq!(json["data"]["changes"], Value::Array(Vec::new()));
    }
}

#[test]
fn the_incident_is_a_downgrade_caused_by_the_replace_line() {
    let repos = Repos::new();
    let dir = repos.repo("incident");
    let out = gomvs(&dir, "incident", &["diff", "HEAD~1", "HEAD", "--json"]);
    let json = json_of(&out);
    let auth = json["data"]["changes"]
        .as_array()
        .and_then(|a| a.iter().find(|c| c["path"] == "github.com/shared/auth"))
        .expect("auth changed")
        .clone();
    assert_eq!(auth["kind"], "downgraded");
    assert_eq!(auth["after_used"]["version"], "v1.5.0");
    let replace = &auth["causes"]["after"]["replacement"];
    assert_eq!(replace["location"]["file"], "go.mod");
    assert_eq!(replace["location"]["line"], 13);
    assert_eq!(
        auth["causes"]["before"]["requirement"]["requirer"]["path"],
        "github.com/acme/billing"
    );
    // --fail-on: 1 when such a change exists, 0 otherwise.
    let code = |args: &[&str]| gomvs(&dir, "incident", args).status.code();
    assert_eq!(
        code(&["diff", "HEAD~1", "HEAD", "--fail-on", "downgrade"]),
        Some(1)
    );
    assert_eq!(
        code(&["diff", "HEAD~1", "HEAD", "--fail-on", "replace-added"]),
        Some(1)
    );
    assert_eq!(
        code(&["diff", "HEAD~1", "HEAD", "--fail-on", "upgraded,major"]),
        Some(0)
    );
    assert_eq!(
        code(&["diff", "HEAD~1", "HEAD", "--fail-on", "sideways"]),
        Some(2)
    );
}

#[test]
fn text_json_and_markdown_snapshots() {
    let repos = Repos::new();
    let root = repos.dir.path().display().to_string();
    let mut settings = insta::Settings::clone_current();
    settings.add_filter(&regex_escape(&root), "[REPOS]");
    settings.bind(|| {
        for repo in ["incident", "chain"] {
            let dir = repos.repo(repo);
            for (name, args) in [
                ("text", vec!["diff", "HEAD~1", "HEAD", "--color", "never"]),
                (
                    "markdown",
                    vec!["diff", "HEAD~1", "HEAD", "--format", "markdown"],
                ),
                (
                    "edges",
                    vec!["diff", "HEAD~1", "HEAD", "--edges", "--color", "never"],
                ),
            ] {
                let out = gomvs(&dir, repo, &args);
                assert!(
                    out.status.success(),
                    "{}",
                    String::from_utf8_lossy(&out.stderr)
                );
                insta::assert_snapshot!(
                    format!("diff_{repo}_{name}"),
                    String::from_utf8_lossy(&out.stdout)
                );
            }
        }
        let out = gomvs(
            &repos.repo("incident"),
            "incident",
            &["diff", "HEAD~1", "HEAD", "--json"],
        );
        insta::assert_snapshot!("diff_incident_json", String::from_utf8_lossy(&out.stdout));
    });
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

/// Every file under `dir` with its content hash (and the directory set).
fn tree_fingerprint(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    use sha2::Digest;
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("read dir") {
            let e = e.expect("entry");
            let p = e.path();
            let md = std::fs::symlink_metadata(&p).expect("metadata");
            if md.is_dir() {
                out.insert(p.clone(), b"dir".to_vec());
                stack.push(p);
            } else {
                let data = std::fs::read(&p).unwrap_or_default();
                let mut h = sha2::Sha256::digest(&data).to_vec();
                h.extend_from_slice(&md.len().to_le_bytes());
                out.insert(p, h);
            }
        }
    }
    out
}

#[test]
fn nothing_is_written_in_the_repository() {
    let repos = Repos::new();
    for repo in ["incident", "chain"] {
        let dir = repos.repo(repo);
        // Pack one repository so packed objects and refs are read too.
        if repo == "chain" {
            let gc = Command::new("git")
                .args(["gc", "-q"])
                .current_dir(&dir)
                .status()
                .expect("git gc");
            assert!(gc.success());
        }
        let before = tree_fingerprint(&dir);
        for args in [
            vec!["diff", "HEAD~1", "HEAD"],
            vec!["diff", "HEAD~1"],
            vec!["diff", "main~1...main", "--json", "--edges"],
            vec!["diff", "HEAD~1", "HEAD", "--format", "markdown"],
        ] {
            let out = gomvs(&dir, repo, &args);
            assert!(
                out.status.success(),
                "{args:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        // check --base reads the base the same way (exit 1: findings).
        for args in [
            vec!["check", "--base", "HEAD~1"],
            vec!["check", "--base", "main~1...main", "--format", "sarif"],
        ] {
            let code = gomvs(&dir, repo, &args).status.code();
            assert!(
                code == Some(0) || code == Some(1),
                "{args:?}: exit {code:?}"
            );
        }
        assert_eq!(
            before,
            tree_fingerprint(&dir),
            "{repo}: gomvs diff or check --base changed the repository"
        );
    }
}

#[test]
fn errors_name_the_side_and_what_to_do() {
    let repos = Repos::new();
    let dir = repos.repo("chain");
    let out = gomvs(&dir, "chain", &["diff", "no-such-branch"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no-such-branch"), "{err}");
    // The chain repository resolved against the incident proxy: modules are
    // missing there, so go list -m all fails on both sides.
    let out = gomvs(&dir, "incident", &["diff", "HEAD~1", "HEAD"]);
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cannot resolve the base (HEAD~1 ("), "{err}");
    assert!(
        err.contains("go mod download example.com/chain/a@v1.0.0"),
        "{err}"
    );
}

#[test]
fn dirs_take_absolute_paths_from_anywhere() {
    // Found by the differential diff mode (--diff-forms absdirs): an
    // absolute --dirs path was joined under the working directory.
    let states = workspace_root()
        .join("examples/diff/states/chain")
        .canonicalize()
        .expect("states");
    let tmp = tempfile::tempdir().expect("tmp");
    let elsewhere = tmp.path().join("cwd");
    std::fs::create_dir_all(&elsewhere).expect("mkdir");
    let a = states.join("1").display().to_string();
    let b = states.join("2").display().to_string();
    let out = gomvs(&elsewhere, "chain", &["diff", "--dirs", &a, &b, "--json"]);
    let json = json_of(&out);
    assert_eq!(gomvs_changes(&json), go_changes("chain", "1", "2"));
}
