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

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn corpus() -> PathBuf {
    let dir = match std::env::var_os("GOMVS_SHARED_DIR") {
        Some(d) => PathBuf::from(d),
        None => repo().join("../shared"),
    };
    let corpus = dir.join("corpus");
    assert!(
        corpus.is_dir(),
        "shared corpus missing at {} (set GOMVS_SHARED_DIR)",
        corpus.display()
    );
    corpus
        .canonicalize()
        .unwrap_or_else(|e| panic!("{}: {e}", corpus.display()))
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap_or_else(|e| panic!("{}: {e}", to.display()));
    let entries = std::fs::read_dir(from).unwrap_or_else(|e| panic!("{}: {e}", from.display()));
    for entry in entries {
        let entry = entry.unwrap_or_else(|e| panic!("{}: {e}", from.display()));
        let (src, dst) = (entry.path(), to.join(entry.file_name()));
        let ty = entry
            .file_type()
            .unwrap_or_else(|e| panic!("{}: {e}", src.display()));
        if ty.is_symlink() {
            let target =
                std::fs::read_link(&src).unwrap_or_else(|e| panic!("{}: {e}", src.display()));
            std::os::unix::fs::symlink(target, &dst)
                .unwrap_or_else(|e| panic!("{}: {e}", dst.display()));
        } else if ty.is_dir() {
            copy_tree(&src, &dst);
        } else {
            std::fs::copy(&src, &dst).unwrap_or_else(|e| panic!("{}: {e}", src.display()));
        }
    }
}

fn gap_key(case: &str, flags: &str, args: &serde_json::Value) -> String {
    format!("{case}\t{flags}\t{args}")
}

#[test]
fn list_matches_go() {
    let corpus = corpus();
    let fixtures = repo()
        .join("testdata/list/fixtures")
        .canonicalize()
        .unwrap_or_else(|e| panic!("testdata/list/fixtures: {e}"));
    let goldens = repo().join("testdata/list/goldens");
    let gaps_path = repo().join("testdata/list/known-gaps.txt");
    let gaps_text = std::fs::read_to_string(&gaps_path).unwrap_or_default();
    let gaps: BTreeSet<String> = gaps_text
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&goldens)
        .unwrap_or_else(|e| panic!("{}: {e}", goldens.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no goldens under {}", goldens.display());
    let (mut total, mut passed) = (0usize, 0usize);
    let mut unexpected = Vec::new();
    let mut fixed = Vec::new();
    for file in &files {
        let case_name = file
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        let text =
            std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let g: serde_json::Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
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
        copy_tree(&base.join(str_of("tree")), &work);
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
            let ok = stdout == r["stdout"].as_str().unwrap_or_default()
                && stderr == r["stderr"].as_str().unwrap_or_default()
                && exit == r["exit"].as_i64().unwrap_or(-2);
            total += 1;
            let key = gap_key(&case_name, flags, &r["args"]);
            if ok {
                passed += 1;
                if gaps.contains(&key) {
                    fixed.push(key);
                }
            } else if !gaps.contains(&key) {
                unexpected.push(format!(
                    "{key}\n  go    (exit {}): {:?} / {:?}\n  gomvs (exit {exit}): {stdout:?} / {stderr:?}",
                    r["exit"],
                    r["stdout"].as_str().unwrap_or_default(),
                    r["stderr"].as_str().unwrap_or_default()
                ));
            }
        }
    }
    eprintln!(
        "list conformance: {passed}/{total} runs match go ({} known gaps listed)",
        gaps.len()
    );
    if std::env::var_os("LIST_GAPS_WRITE").is_some() {
        let mut all: BTreeSet<String> = gaps
            .difference(&fixed.iter().cloned().collect())
            .cloned()
            .collect();
        all.extend(
            unexpected
                .iter()
                .filter_map(|u| u.lines().next().map(str::to_string)),
        );
        let body: String = all.into_iter().map(|k| k + "\n").collect();
        std::fs::write(
            &gaps_path,
            format!(
                "# case\\tGOFLAGS\\targs (JSON): runs where gomvs does not yet match go\n{body}"
            ),
        )
        .unwrap_or_else(|e| panic!("{}: {e}", gaps_path.display()));
        return;
    }
    assert!(
        unexpected.is_empty(),
        "{} run(s) differ from go:\n{}",
        unexpected.len(),
        unexpected
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
    assert!(
        fixed.is_empty(),
        "listed gaps now match go; remove them:\n{}",
        fixed.join("\n")
    );
}
