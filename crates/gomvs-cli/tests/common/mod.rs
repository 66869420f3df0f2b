//! Helpers shared by the CLI integration tests.
#![allow(dead_code)]

use std::path::Path;

/// Copies the directory tree `from` into `to` (created), leaving out the
/// top-level subdirectories named in `skip_top`; iterative, so deep trees
/// cannot overflow the stack.
pub fn copy_tree(from: &Path, to: &Path, skip_top: &[&str]) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    let mut stack = vec![(from.to_path_buf(), to.to_path_buf())];
    while let Some((src, dst)) = stack.pop() {
        for entry in std::fs::read_dir(&src)? {
            let entry = entry?;
            let target = dst.join(entry.file_name());
            if entry.file_type()?.is_dir() {
                if src == from && skip_top.iter().any(|s| entry.file_name() == *s) {
                    continue;
                }
                std::fs::create_dir_all(&target)?;
                stack.push((entry.path(), target));
            } else {
                std::fs::copy(entry.path(), &target)?;
            }
        }
    }
    Ok(())
}

/// The shared corpus directory (`$GOMVS_SHARED_DIR/corpus`, default
/// `../shared/corpus` beside the repository); panics naming the path when absent.
pub fn corpus() -> std::path::PathBuf {
    let dir = match std::env::var_os("GOMVS_SHARED_DIR") {
        Some(d) => std::path::PathBuf::from(d).join("corpus"),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus"),
    };
    assert!(
        dir.is_dir(),
        "shared corpus missing at {} (set GOMVS_SHARED_DIR)",
        dir.display()
    );
    dir
}

/// Lays out under `root` the main module of the corpus case
/// `edge-cases/61-zip-dir-and-sum` and a module cache as `go mod download`
/// lays it out for it (example.com/a: .mod, .info, zip, .ziphash and the
/// extracted directory; example.com/b: .mod and .info only), with a go.sum
/// holding the right hashes (computed with `gomvs_modfile::dirhash`).
/// `scripts/verify-conformance.py` compares this layout with the live
/// `go mod verify`.
pub fn edge61_module_cache(root: &Path) {
    use gomvs_modfile::dirhash::{hash_go_mod, hash_zip};
    let case = corpus().join("edge-cases/61-zip-dir-and-sum");
    copy_tree(&case.join("main"), &root.join("main"), &[]).expect("copy main");
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
            let zip = || std::fs::File::open(dst.join("v1.0.0.zip")).expect("open zip");
            let h = hash_zip(zip()).expect("hash zip");
            std::fs::write(dst.join("v1.0.0.ziphash"), &h).expect("write ziphash");
            go_sum.push_str(&format!("example.com/a v1.0.0 {h}\n"));
            zip::ZipArchive::new(zip())
                .expect("zip")
                .extract(root.join("modcache"))
                .expect("extract");
        }
        go_sum.push_str(&format!(
            "example.com/{m} v1.0.0/go.mod {}\n",
            hash_go_mod(&mod_data)
        ));
    }
    std::fs::write(root.join("main/go.sum"), go_sum).expect("write go.sum");
}

/// `get_mode.proxy_modules`: `path@v/go.mod` zips next to each `.mod`.
pub fn write_go_mod_zips(proxy: &Path) {
    let unescape = |s: &str| {
        let mut out = String::new();
        let mut bang = false;
        for c in s.chars() {
            if bang {
                out.extend(c.to_uppercase());
                bang = false;
            } else if c == '!' {
                bang = true;
            } else {
                out.push(c);
            }
        }
        out
    };
    let mut stack = vec![proxy.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).expect("read proxy dir").flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
                continue;
            }
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            let Some(v) = name.strip_suffix(".mod") else {
                continue;
            };
            let module = dir
                .parent()
                .and_then(|m| m.strip_prefix(proxy).ok())
                .map(|m| unescape(&m.display().to_string()))
                .expect("module dir");
            let data = std::fs::read(&p).expect("read .mod");
            let f = std::fs::File::create(dir.join(format!("{v}.zip"))).expect("create zip");
            let mut z = zip::ZipWriter::new(f);
            let opts = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Stored);
            z.start_file(format!("{module}@{}/go.mod", unescape(v)), opts)
                .expect("zip entry");
            std::io::Write::write_all(&mut z, &data).expect("zip data");
            z.finish().expect("zip finish");
        }
    }
}

/// The goldens (`*.json`) of a conformance directory, sorted by name: each
/// file's stem (the case name) and parsed contents; panics when there are
/// none or one does not parse.
pub fn load_goldens(dir: &Path) -> Vec<(String, serde_json::Value)> {
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no goldens under {}", dir.display());
    files
        .iter()
        .map(|file| {
            let name = file
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default()
                .to_string();
            let text =
                std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            let g =
                serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            (name, g)
        })
        .collect()
}

/// A conformance run's tally against a known-gaps file (one key a line,
/// `#` comments): runs that differ and are not listed fail the test, and so
/// do listed runs that now match (the list stays true). With the
/// environment variable `write_var` set, [`GapList::finish`] rewrites the
/// file instead.
pub struct GapList {
    path: std::path::PathBuf,
    header: String,
    listed: std::collections::BTreeSet<String>,
    total: usize,
    passed: usize,
    unexpected: Vec<String>,
    fixed: Vec<String>,
}

impl GapList {
    /// Reads the known gaps at `path` (absent: none); `header` is the
    /// comment line written back by [`GapList::finish`].
    pub fn load(path: std::path::PathBuf, header: &str) -> GapList {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        GapList {
            listed: text
                .lines()
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(str::to_string)
                .collect(),
            path,
            header: header.to_string(),
            total: 0,
            passed: 0,
            unexpected: Vec::new(),
            fixed: Vec::new(),
        }
    }

    /// Records one run: gomvs's `stdout`, `stderr` and `exit` against the
    /// golden record `golden` (`"stdout"`, `"stderr"`, `"exit"` as go gave them).
    pub fn record(
        &mut self,
        key: String,
        golden: &serde_json::Value,
        stdout: &str,
        stderr: &str,
        exit: i64,
    ) {
        let (go_out, go_err) = (
            golden["stdout"].as_str().unwrap_or_default(),
            golden["stderr"].as_str().unwrap_or_default(),
        );
        let ok = stdout == go_out && stderr == go_err && Some(exit) == golden["exit"].as_i64();
        self.total += 1;
        if ok {
            self.passed += 1;
            if self.listed.contains(&key) {
                self.fixed.push(key);
            }
        } else if !self.listed.contains(&key) {
            self.unexpected.push(format!(
                "{key}\n  go    (exit {}): {go_out:?} / {go_err:?}\n  gomvs (exit {exit}): {stdout:?} / {stderr:?}",
                golden["exit"]
            ));
        }
    }

    /// Prints the counts, then rewrites the list (`write_var` set) or fails
    /// on unexpected differences and on listed runs that now match.
    pub fn finish(self, name: &str, write_var: &str) {
        eprintln!(
            "{name}: {}/{} runs match go ({} known gaps listed)",
            self.passed,
            self.total,
            self.listed.len()
        );
        if std::env::var_os(write_var).is_some() {
            let fixed: std::collections::BTreeSet<String> = self.fixed.iter().cloned().collect();
            let mut all: std::collections::BTreeSet<String> =
                self.listed.difference(&fixed).cloned().collect();
            all.extend(
                self.unexpected
                    .iter()
                    .filter_map(|u| u.lines().next().map(str::to_string)),
            );
            let body: String = all.into_iter().map(|k| k + "\n").collect();
            std::fs::write(&self.path, format!("{}\n{body}", self.header))
                .unwrap_or_else(|e| panic!("{}: {e}", self.path.display()));
            return;
        }
        assert!(
            self.unexpected.is_empty(),
            "{} run(s) differ from go:\n{}",
            self.unexpected.len(),
            self.unexpected
                .iter()
                .take(40)
                .cloned()
                .collect::<Vec<_>>()
                .join("\n")
        );
        assert!(
            self.fixed.is_empty(),
            "listed gaps now match go; remove them:\n{}",
            self.fixed.join("\n")
        );
    }
}

/// `gomvs` run in `cwd` with a clean offline environment: `GOPROXY` the
/// `file://` directory `proxy`, `GOFLAGS` as given, and the module cache
/// (`tmp/modcache`), GOPATH and HOME under `tmp`.
pub fn offline_gomvs(cwd: &Path, proxy: &Path, goflags: &str, tmp: &Path) -> std::process::Command {
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_gomvs"));
    c.current_dir(cwd)
        .env_clear()
        .env("PATH", "/usr/bin:/bin")
        .env("HOME", tmp.join("home"))
        .env("GOTOOLCHAIN", "local")
        .env("GOSUMDB", "off")
        .env("GOENV", "off")
        .env("GOFLAGS", goflags)
        .env("GOPROXY", format!("file://{}", proxy.display()))
        .env("GOMODCACHE", tmp.join("modcache"))
        .env("GOPATH", tmp.join("gopath"));
    c
}

/// The repository root (two levels above this crate).
pub fn repo_root() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A validator for the vendored OASIS SARIF 2.1.0 schema (draft-04).
pub fn sarif_validator() -> jsonschema::Validator {
    let path = repo_root().join("testdata/sarif/sarif-schema-2.1.0.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let schema: serde_json::Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("schema: {e}"));
    jsonschema::draft4::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap_or_else(|e| panic!("schema does not compile: {e}"))
}

/// The schema violations of `doc`, one line each.
pub fn sarif_errors(v: &jsonschema::Validator, doc: &serde_json::Value) -> Vec<String> {
    v.iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}
