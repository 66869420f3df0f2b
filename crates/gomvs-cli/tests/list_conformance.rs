//! `gomvs list` conformance for `-json=Fields`, the root-only fast path and
//! vendor mode: replays the goldens `scripts/record-list-goldens.py` recorded
//! from the real go 1.27.3 (`go list -m ARGS` under several GOFLAGS on
//! shared-corpus cases, fixtures under testdata/list/fixtures, and vendored
//! states go produced) against the gomvs binary, comparing stdout, stderr and
//! exit status byte for byte.
//!
//! Each case's tree is copied to a temporary directory and the files go's
//! setup wrote (`overlay`, e.g. vendor/modules.txt) are laid over it, so
//! gomvs sees exactly the tree go saw.
//!
//! `testdata/list/known-gaps.txt` lists the runs (`case<TAB>GOFLAGS<TAB>args`
//! as JSON) known not to match yet; the test fails on any other mismatch and
//! on a listed run that now matches. `LIST_GAPS_WRITE=1` rewrites the list.

mod common;

use common::{copy_tree, load_goldens, GapList};
use std::path::{Path, PathBuf};
use std::process::Command;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn gap_key(case: &str, flags: &str, args: &serde_json::Value) -> String {
    format!("{case}\t{flags}\t{args}")
}

#[test]
fn list_matches_go() {
    // gomvs prints the working directory as the kernel reports it (no `..`,
    // no symlinks), so the paths this test rewrites must be physical too.
    let corpus = common::corpus()
        .canonicalize()
        .unwrap_or_else(|e| panic!("shared corpus: {e}"));
    let fixtures = repo()
        .join("testdata/list/fixtures")
        .canonicalize()
        .unwrap_or_else(|e| panic!("testdata/list/fixtures: {e}"));
    let goldens = load_goldens(&repo().join("testdata/list/goldens"));
    let mut gaps = GapList::load(
        repo().join("testdata/list/known-gaps.txt"),
        "# case\\tGOFLAGS\\targs (JSON): runs where gomvs does not yet match go",
    );
    for (case_name, g) in &goldens {
        let str_of = |k: &str| g[k].as_str().unwrap_or_default().to_string();
        // "corpus-proxy": a fixture tree read with a corpus proxy.
        let root = str_of("root");
        let base = if root == "corpus" { &corpus } else { &fixtures }.join(str_of("case"));
        let proxy = if root == "fixtures" {
            &fixtures
        } else {
            &corpus
        }
        .join(str_of("proxy"));
        let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
        let tmp_path = tmp
            .path()
            .canonicalize()
            .unwrap_or_else(|e| panic!("tempdir: {e}"));
        let work = tmp_path.join("work");
        copy_tree(&base.join(str_of("tree")), &work, &[])
            .unwrap_or_else(|e| panic!("copying {}: {e}", base.display()));
        for r in g["removed"].as_array().into_iter().flatten() {
            let p = work.join(r.as_str().unwrap_or_default());
            std::fs::remove_file(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        }
        for (rel, content) in g["overlay"].as_object().into_iter().flatten() {
            let p = work.join(rel);
            if let Some(dir) = p.parent() {
                std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
            }
            std::fs::write(&p, content.as_str().unwrap_or_default())
                .unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        }
        for d in g["empty_dirs"].as_array().into_iter().flatten() {
            let p = work.join(d.as_str().unwrap_or_default());
            std::fs::create_dir_all(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        }
        let cwd = work.join(str_of("cwd"));
        let gopath = if root == "corpus" {
            work.join("gopath")
        } else {
            tmp_path.join("gopath")
        };
        for (i, r) in g["records"].as_array().into_iter().flatten().enumerate() {
            let flags = r["flags"].as_str().unwrap_or_default();
            let args: Vec<&str> = r["args"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|a| a.as_str())
                .collect();
            let cache = tmp_path.join(format!("modcache{i}"));
            let out = Command::new(env!("CARGO_BIN_EXE_gomvs"))
                .current_dir(&cwd)
                .env_clear()
                .env("PATH", "/usr/bin:/bin")
                .env("HOME", tmp_path.join("home"))
                .env("GOTOOLCHAIN", "local")
                .env("GOSUMDB", "off")
                .env("GOFLAGS", flags)
                .env("GOENV", "off")
                .env("GOPROXY", format!("file://{}", proxy.display()))
                .env("GOMODCACHE", &cache)
                .env("GOPATH", &gopath)
                .arg("list")
                .arg("-m")
                .args(&args)
                .output()
                .unwrap_or_else(|e| panic!("running gomvs: {e}"));
            let clean = |b: &[u8]| {
                String::from_utf8_lossy(b)
                    .replace(&cache.display().to_string(), "$GOMODCACHE")
                    .replace(&work.display().to_string(), "$WORK")
                    .replace(&proxy.display().to_string(), "$PROXY")
            };
            let (stdout, stderr) = (clean(&out.stdout), clean(&out.stderr));
            let exit = i64::from(out.status.code().unwrap_or(-1));
            gaps.record(
                gap_key(case_name, flags, &r["args"]),
                r,
                &stdout,
                &stderr,
                exit,
            );
        }
    }
    gaps.finish("list conformance", "LIST_GAPS_WRITE");
}
