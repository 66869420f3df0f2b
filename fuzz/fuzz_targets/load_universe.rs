//! The loader, MVS and the explainers on a small universe built from the
//! fuzz input must never panic, overflow or hang, whatever the go.mod,
//! go.sum and go.work texts say (cycles, self-requirements, replace chains,
//! excludes, bad versions, too-new go lines, wrong module paths).
//!
//! Input: text sections separated by lines `=== HEADER`. The first section
//! is the main module's go.mod (directory `/fuzz/main`); `=== go.sum` is
//! its go.sum; `=== go.work` a go.work at `/fuzz` (used when the first
//! line of the input is `//work`); `=== PATH VERSION` a module version in
//! an in-memory `file://` proxy (its `.mod`, an `.info`, a line of
//! `@v/list`); `=== dir PATH` a go.mod for a directory replacement at
//! `/fuzz/PATH`. The go command run is `go list -m all` (`-mod=mod`, or
//! `-mod=readonly` when the input's first line is `//readonly`). After the
//! load: `list all` rows, `why` of every listed module, the effective tree
//! walked from every node, `tree --duplicates`, `replaces`, and the diff of
//! the graph with itself (which must be empty).
#![no_main]

use gomvs_graph::diff::diff;
use gomvs_graph::env::GoEnv;
use gomvs_graph::explain::replaces::explain_replaces;
use gomvs_graph::explain::tree::{adjacency, duplicates, EffectiveGraph, TreeWalk};
use gomvs_graph::explain::why::{explain_selected, WhyIndex};
use gomvs_graph::files::MemoryFiles;
use gomvs_graph::listing::{list_all, CacheLayout};
use gomvs_graph::loader::{GoCommand, LoadConfig, Session};
use gomvs_graph::source::MemorySource;
use std::sync::Arc;

const TIME: &str = "2024-01-01T00:00:00Z";
const MAX_INPUT: usize = 16 * 1024;
const MAX_MODULES: usize = 64;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if data.len() > MAX_INPUT {
        return;
    }
    let text = String::from_utf8_lossy(data);
    let mut sections = text.split("\n=== ");
    let main = sections.next().unwrap_or("");
    let mut files = MemoryFiles::new();
    files.insert("/fuzz/main/go.mod", main.as_bytes());
    let mut proxy = MemorySource::builder().root("/fuzz/proxy");
    let mut modules = 0;
    for section in sections {
        let (head, body) = section.split_once('\n').unwrap_or((section, ""));
        let words: Vec<&str> = head.split_whitespace().collect();
        match words.as_slice() {
            ["go.sum"] => {
                files.insert("/fuzz/main/go.sum", body.as_bytes());
            }
            ["go.work"] => {
                files.insert("/fuzz/go.work", body.as_bytes());
            }
            ["dir", dir] if !dir.contains("..") => {
                files.insert(format!("/fuzz/{dir}/go.mod"), body.as_bytes());
            }
            [path, version] if modules < MAX_MODULES => {
                proxy = proxy.module(path, version, body, TIME);
                modules += 1;
            }
            _ => {}
        }
    }
    let mode = if main.starts_with("//readonly") { "readonly" } else { "mod" };
    let gowork = if main.starts_with("//work") { "/fuzz/go.work" } else { "off" };
    let env = GoEnv::new(
        [
            ("GOFLAGS", format!("-mod={mode}")),
            ("GOPROXY", "file:///fuzz/proxy".to_string()),
            ("GOWORK", gowork.to_string()),
            ("GOSUMDB", "off".to_string()),
            ("GOTOOLCHAIN", "local".to_string()),
            ("GOPATH", "/nonexistent-gopath".to_string()),
            ("GOMODCACHE", "/nonexistent-gopath/pkg/mod".to_string()),
        ],
        "/fuzz/main",
    );
    let Ok(mut config) = LoadConfig::from_env(&env, GoCommand::ListModules, None) else {
        return;
    };
    config.files = Arc::new(files);
    config.parallel = false;
    let Ok(session) = Session::open(config, Arc::new(proxy.build())) else {
        return;
    };
    let Ok(loaded) = session.load() else {
        return;
    };
    let rows = list_all(&loaded, &CacheLayout { root: None });
    let index = WhyIndex::new(&loaded);
    for row in &rows {
        let _ = explain_selected(&loaded, &index, &row.path);
    }
    let graph = EffectiveGraph::new(&loaded);
    let forward = adjacency(&graph, false);
    let backward = adjacency(&graph, true);
    for start in 0..graph.nodes.len().min(MAX_MODULES) {
        let lines = TreeWalk::new(&graph, &forward, start, Some(64), false).take(100_000);
        std::hint::black_box(lines.count());
        let lines = TreeWalk::new(&graph, &backward, start, Some(64), true).take(100_000);
        std::hint::black_box(lines.count());
    }
    std::hint::black_box(duplicates(&loaded));
    std::hint::black_box(explain_replaces(&loaded));
    let same = diff(&loaded, &loaded);
    assert!(same.changes.is_empty(), "a graph differs from itself: {:?}", same.changes);
});
