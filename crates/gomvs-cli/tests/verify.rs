//! `gomvs verify`: snapshots of the text and JSON output on a module cache
//! laid out as `go mod download example.com/a` lays it out for the shared
//! corpus case `edge-cases/61-zip-dir-and-sum` (the zip and `.mod` copied
//! from its proxy, the `.ziphash` and go.sum hashes computed with
//! `gomvs_modfile::dirhash`, the zip extracted). The same scenarios (pristine,
//! an added file in the extracted directory, a tampered zip) are compared
//! with the live `go mod verify` by `scripts/verify-conformance.py`, which
//! is where the text is judged; these snapshots pin it without a go.

mod common;

use gomvs_modfile::dirhash::{hash_go_mod, hash_zip};
use std::path::{Path, PathBuf};
use std::process::Command;

fn corpus() -> PathBuf {
    let dir = match std::env::var_os("GOMVS_SHARED_DIR") {
        Some(d) => PathBuf::from(d).join("corpus"),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus"),
    };
    assert!(
        dir.is_dir(),
        "shared corpus missing at {} (set GOMVS_SHARED_DIR)",
        dir.display()
    );
    dir
}

/// A scratch directory removed on drop.
struct Scratch(PathBuf);

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Builds the main module, go.sum and module cache of the fixture.
fn fixture(name: &str) -> Scratch {
    let case = corpus().join("edge-cases/61-zip-dir-and-sum");
    let root =
        std::env::temp_dir().join(format!("gomvs-verify-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    common::copy_tree(&case.join("main"), &root.join("main"), &[]).expect("copy main");
    let proxy = case.join("proxy/example.com");
    let dl = root.join("modcache/cache/download/example.com");
    let mut go_sum = String::new();
    for m in ["a", "b"] {
        let src = proxy.join(m).join("@v");
        let dst = dl.join(m).join("@v");
        std::fs::create_dir_all(&dst).expect("mkdir");
        for f in ["v1.0.0.mod", "v1.0.0.info"] {
            std::fs::copy(src.join(f), dst.join(f)).expect("copy");
        }
        let mod_data = std::fs::read(src.join("v1.0.0.mod")).expect("read mod");
        if m == "a" {
            std::fs::copy(src.join("v1.0.0.zip"), dst.join("v1.0.0.zip")).expect("copy zip");
            let file = std::fs::File::open(dst.join("v1.0.0.zip")).expect("open zip");
            let h = hash_zip(file).expect("hash zip");
            std::fs::write(dst.join("v1.0.0.ziphash"), &h).expect("write ziphash");
            go_sum.push_str(&format!("example.com/a v1.0.0 {h}\n"));
            let file = std::fs::File::open(dst.join("v1.0.0.zip")).expect("open zip");
            let mut z = zip::ZipArchive::new(file).expect("zip");
            z.extract(root.join("modcache")).expect("extract");
        }
        go_sum.push_str(&format!(
            "example.com/{m} v1.0.0/go.mod {}\n",
            hash_go_mod(&mod_data)
        ));
    }
    std::fs::write(root.join("main/go.sum"), go_sum).expect("write go.sum");
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
