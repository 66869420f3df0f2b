//! `gomvs get`: snapshots of what people read — the go.mod / go.sum diff
//! (default), `--explain` (the `gomvs diff` engine and text renderer on the
//! build before and after), and an error — on reproducers of the
//! differential get judge (`testdata/differential/get-*`, made by
//! `scripts/differential/get_fixture.py`). The stderr lines and the files
//! themselves are judged against the real go by those reproducers
//! (`differential_fixtures.rs`) and by `scripts/differential/get_mode.py`;
//! these snapshots pin the presentation around them.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

/// A scratch copy of a reproducer (work tree, proxy with go.mod-only zips),
/// removed on drop.
struct Case {
    tmp: PathBuf,
    env: Vec<(String, String)>,
}

impl Drop for Case {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.tmp);
    }
}

fn case(name: &str, tag: &str) -> Case {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../testdata/differential")
        .join(name);
    let spec: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("case.json")).expect("case.json"))
            .expect("case.json is JSON");
    let tmp = std::env::temp_dir().join(format!("gomvs-get-test-{}-{tag}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    common::copy_tree(&dir.join("work"), &tmp.join("work"), &[]).expect("copy work");
    common::copy_tree(&dir.join("proxy"), &tmp.join("proxy"), &[]).expect("copy proxy");
    common::write_go_mod_zips(&tmp.join("proxy"));
    let proxy = tmp.join("proxy").display().to_string();
    let env = spec["env"]
        .as_object()
        .expect("env")
        .iter()
        .map(|(k, v)| {
            (
                k.clone(),
                v.as_str().unwrap_or("").replace("$PROXY", &proxy),
            )
        })
        .collect();
    Case { tmp, env }
}

/// Runs `gomvs get ARGS` in the case's main module: exit status, stdout,
/// stderr, with the scratch directory written `$TMP`.
fn run(c: &Case, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_gomvs"))
        .arg("get")
        .args(args)
        .current_dir(c.tmp.join("work/main"))
        .env_clear()
        .env("PATH", "/usr/bin:/bin")
        .env("HOME", c.tmp.join("home"))
        .env("GOPATH", c.tmp.join("gopath"))
        .env("GOMODCACHE", c.tmp.join("modcache"))
        .envs(c.env.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .output()
        .expect("run gomvs");
    let t = c.tmp.display().to_string();
    format!(
        "exit: {}\n--- stdout\n{}--- stderr\n{}",
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).replace(&t, "$TMP"),
        String::from_utf8_lossy(&out.stderr).replace(&t, "$TMP")
    )
}

const UPGRADE: &str = "get-148-0-unpruned-to-pruned-on-go-upgrade";
const UPGRADE_ARGS: [&str; 2] = [
    "example.com/lima@v4.3.2+incompatible",
    "golang.org/x/net@>=v3.3.0+incompatible",
];

#[test]
fn default_output_is_a_diff_of_go_mod_and_go_sum() {
    let c = case(UPGRADE, "diff");
    insta::assert_snapshot!(run(&c, &UPGRADE_ARGS));
}

#[test]
fn explain_renders_the_build_list_change_with_causes() {
    let c = case(UPGRADE, "explain");
    let mut args = vec!["--explain", "--color=never"];
    args.extend(UPGRADE_ARGS);
    insta::assert_snapshot!(run(&c, &args));
}

#[test]
fn explain_of_a_downgrade_names_the_removed_modules() {
    let c = case("get-176-0-unpruned-root-no-longer-selected", "down");
    insta::assert_snapshot!(run(
        &c,
        &["--explain", "--color=never", "example.org/tango@latest"]
    ));
}

#[test]
fn a_conflict_prints_go_error_and_nothing_on_stdout() {
    let c = case("get-171-0-conflict-error-unwrapped", "conflict");
    insta::assert_snapshot!(run(
        &c,
        &[
            "--explain",
            "github.com/Zeta/fork-lib/foxtrot@v0.1.0",
            "golang.org/x/india@v1.2"
        ]
    ));
}

#[test]
fn package_arguments_are_refused_with_a_reason() {
    let c = case(UPGRADE, "pkg");
    insta::assert_snapshot!(run(&c, &["./..."]));
}
