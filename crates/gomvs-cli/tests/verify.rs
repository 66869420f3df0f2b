//! `gomvs verify`: snapshots of the text and JSON output on a module cache
//! laid out as `go mod download example.com/a` lays it out for the shared
//! corpus case `edge-cases/61-zip-dir-and-sum` (the zip and `.mod` copied
//! from its proxy, the `.ziphash` and go.sum hashes computed with
//! `gomvs_modfile::dirhash`, the zip extracted). The same scenarios (pristine,
//! an added file in the extracted directory, a tampered zip) are compared
//! with the live `go mod verify` by `scripts/verify-conformance.py`, which
//! is where the text is judged; these snapshots pin it without a go.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

/// A scratch directory removed on drop.
struct Scratch(PathBuf);

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The main module, go.sum and module cache of the fixture.
fn fixture(name: &str) -> Scratch {
    let root =
        std::env::temp_dir().join(format!("gomvs-verify-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    common::edge61_module_cache(&root);
    Scratch(root)
}

fn run(root: &Path, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_gomvs"))
        .arg("verify")
        .args(args)
        .current_dir(root.join("main"))
        .env_clear()
        .env("PATH", "/usr/bin:/bin")
        .env("HOME", root.join("home"))
        .env("GOMODCACHE", root.join("modcache"))
        .env("GOPATH", root.join("gopath"))
        .env("GOPROXY", "off")
        .env("GOFLAGS", "-mod=mod")
        .env("GOTOOLCHAIN", "local")
        .env("NO_HINTS", "1")
        .output()
        .expect("run gomvs");
    let text = format!(
        "exit: {}\n--- stdout\n{}--- stderr\n{}",
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    text.replace(&root.display().to_string(), "$WORK")
}

#[test]
fn pristine_cache_is_verified() {
    let s = fixture("pristine");
    insta::assert_snapshot!("verify_pristine_text", run(&s.0, &[]));
    insta::assert_snapshot!("verify_pristine_json", run(&s.0, &["--json"]));
}

#[test]
fn tampered_dir_and_zip_are_reported() {
    let s = fixture("tampered");
    std::fs::write(s.0.join("modcache/example.com/a@v1.0.0/extra.txt"), "x\n").expect("write");
    std::fs::write(
        s.0.join("modcache/cache/download/example.com/a/@v/v1.0.0.zip"),
        "not a zip\n",
    )
    .expect("write");
    // A stale go.sum line (not in the graph) for the coverage part of --json.
    let gs = s.0.join("main/go.sum");
    let mut text = std::fs::read_to_string(&gs).expect("read go.sum");
    text.push_str(
        "example.com/old v0.1.0/go.mod h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n",
    );
    std::fs::write(&gs, text).expect("write go.sum");
    insta::assert_snapshot!("verify_tampered_text", run(&s.0, &[]));
    insta::assert_snapshot!("verify_tampered_json", run(&s.0, &["--json"]));
}
