//! Benchmark support crate (benches live in `benches/benches/`, drivers for
//! profilers and peak-memory measurements in `benches/examples/`).
//!
//! [`universe`] generates synthetic module universes; [`run`] loads a module
//! graph in-process exactly as `gomvs list all` and `gomvs graph` do and
//! renders their output; [`golang_x_case`] locates the golang-x corpus cases.
#![warn(missing_docs)]

use std::path::{Path, PathBuf};

pub mod run;
pub mod universe;

// The CLI's text writers, included so that the benchmarks time the very code
// `gomvs list` and `gomvs graph` run (gomvs-cli is a binary crate).
#[path = "../crates/gomvs-cli/src/render/golist.rs"]
pub mod golist;
#[path = "../crates/gomvs-cli/src/render/modgraph.rs"]
pub mod modgraph;

/// `<workspace root>/../shared` or `$GOMVS_SHARED_DIR`; panics naming the
/// path when the corpus is absent.
pub fn shared_dir() -> PathBuf {
    let shared = std::env::var_os("GOMVS_SHARED_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared"));
    let corpus = shared.join("corpus");
    assert!(
        corpus.is_dir(),
        "shared corpus not found at {} (set GOMVS_SHARED_DIR to the shared directory)",
        corpus.display()
    );
    shared
}

/// A golang-x corpus case: the main module directory and the proxy directory.
#[derive(Debug, Clone)]
pub struct CorpusCase {
    /// The case name, e.g. `gopls@v0.21.0`.
    pub name: String,
    /// `cases/<name>/main` (the working directory of the go commands).
    pub main_dir: PathBuf,
    /// The corpus' `proxy/` directory (`GOPROXY=file://...`).
    pub proxy_dir: PathBuf,
}

/// The largest golang-x cases by `go mod graph` edges (see the corpus' TIMINGS.md).
pub const LARGEST_GOLANG_X_CASES: [&str; 3] = [
    "gopls@v0.21.0",
    "synthetic-union-pruned@v0.0.0",
    "synthetic-union-unpruned@v0.0.0",
];

/// The golang-x case `name`; panics naming the missing path.
pub fn golang_x_case(name: &str) -> CorpusCase {
    let root = shared_dir().join("corpus").join("golang-x");
    let main_dir = root.join("cases").join(name).join("main");
    let proxy_dir = root.join("proxy");
    for p in [&main_dir, &proxy_dir] {
        assert!(
            p.is_dir(),
            "golang-x corpus directory not found: {}",
            p.display()
        );
    }
    CorpusCase {
        name: name.to_string(),
        main_dir,
        proxy_dir,
    }
}

/// All go.mod files under `root` (regular files named `go.mod` or ending in
/// `.mod`) as (path, contents), sorted by path: the set the parse benches and
/// `scripts/oracle/parsebench` time.
pub fn corpus_go_mod_files(root: &Path) -> Vec<(String, Vec<u8>)> {
    let mut paths = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let entries = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()));
        for entry in entries {
            let entry = entry.unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()));
            let path = entry.path();
            let kind = entry
                .file_type()
                .unwrap_or_else(|e| panic!("cannot stat {}: {e}", path.display()));
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if kind.is_dir() {
                stack.push(path);
            } else if kind.is_file() && (name == "go.mod" || name.ends_with(".mod")) {
                paths.push(path);
            }
        }
    }
    // Go's WalkDir order is lexical per directory; sorting full paths bytewise
    // gives the same set (the order does not matter for throughput).
    paths.sort();
    assert!(
        !paths.is_empty(),
        "no go.mod files under {}",
        root.display()
    );
    paths
        .into_iter()
        .map(|p| {
            let data =
                std::fs::read(&p).unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()));
            (p.to_string_lossy().into_owned(), data)
        })
        .collect()
}
