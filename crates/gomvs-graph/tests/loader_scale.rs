//! Deep and cyclic graphs through the real loader: a 100,000-long
//! requirement chain and a 100,000-module cycle, in pruned and unpruned
//! modes, must load without overflowing the (2 MiB) test-thread stack, and
//! the build list and graph must be complete.
//!
//! Pruned mode: the main module says `go 1.20` and the chain's modules say
//! `go 1.16`, so the pruned walk still follows every requirement (a pruned
//! module's unpruned dependencies are loaded transitively). Unpruned mode:
//! everything says `go 1.16`.

mod support;
use gomvs_graph::listing::{list_all, CacheLayout};
use gomvs_graph::loader::Loaded;
use gomvs_graph::source::MemorySource;
use std::sync::Arc;
use support::TempDir;

const LENGTH: usize = 100_000;
const TIME: &str = "2024-01-01T00:00:00Z";

fn path(i: usize) -> String {
    format!("example.com/chain/m{i}")
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Shape {
    /// m0 → m1 → … → m(N-1).
    Chain,
    /// m0@v1.0.0 → m1 → … → m(N-1) → m0@v1.1.0 → m1: a cycle through every
    /// module, which also upgrades the root m0 above what go.mod requires.
    Cycle,
}

/// The module versions of the chain or cycle.
fn universe(shape: Shape) -> MemorySource {
    let mut b = MemorySource::builder();
    for i in 0..LENGTH {
        let next = if i + 1 < LENGTH {
            Some((path(i + 1), "v1.0.0"))
        } else if shape == Shape::Cycle {
            Some((path(0), "v1.1.0"))
        } else {
            None
        };
        let mut text = format!("module {}\n\ngo 1.16\n", path(i));
        if let Some((p, v)) = &next {
            text.push_str(&format!("\nrequire {p} {v}\n"));
        }
        b = b.module(&path(i), "v1.0.0", &text, TIME);
    }
    if shape == Shape::Cycle {
        let text = format!(
            "module {}\n\ngo 1.16\n\nrequire {} v1.0.0\n",
            path(0),
            path(1)
        );
        b = b.module(&path(0), "v1.1.0", &text, TIME);
    }
    b.build()
}

fn load(shape: Shape, pruned: bool) -> (TempDir, Loaded) {
    let dir = TempDir::new("loader-scale", &format!("{shape:?}-{pruned}"));
    // go 1.20: pruned, but before go 1.21 adds a `go` node to the graph.
    let go = if pruned { "1.20" } else { "1.16" };
    std::fs::write(
        dir.0.join("go.mod"),
        format!(
            "module example.com/main\n\ngo {go}\n\nrequire {} v1.0.0\n",
            path(0)
        ),
    )
    .unwrap_or_else(|e| panic!("write go.mod: {e}"));
    let session = support::open_offline_session(&dir.0, "mod", Arc::new(universe(shape)));
    let loaded = session.load().unwrap_or_else(|f| panic!("load: {f}"));
    assert_eq!(loaded.error, None);
    (dir, loaded)
}

fn check(shape: Shape, pruned: bool) {
    let (_dir, loaded) = load(shape, pruned);
    let is_go = |p: &str| p == "go" || p == "toolchain";
    let list: Vec<_> = loaded
        .graph
        .build_list()
        .into_iter()
        .filter(|m| !is_go(&m.path))
        .collect();
    assert_eq!(list.len(), LENGTH + 1, "build list length");
    let m0 = if shape == Shape::Cycle {
        "v1.1.0"
    } else {
        "v1.0.0"
    };
    assert_eq!(loaded.graph.selected(&path(0)), m0);
    assert_eq!(loaded.graph.selected(&path(LENGTH - 1)), "v1.0.0");
    // The root m0 is upgraded by the cycle: the final roots name m0 v1.1.0.
    if shape == Shape::Cycle {
        assert_eq!(loaded.requirements.root_version(&path(0)), Some("v1.1.0"));
    }

    // The graph walk (`gomvs graph`) sees every edge once.
    let g = &loaded.graph.graph;
    let mut edges = 0usize;
    let mut visited = 0usize;
    g.walk_breadth_first(|m| {
        if !is_go(&m.path) {
            visited += 1;
            edges += g
                .required_by(m)
                .map_or(0, |r| r.filter(|r| !is_go(&r.path)).count());
        }
    });
    // The final roots name m0 at its selected version, so m0 v1.0.0 is no
    // longer in the cycle's graph: one version of each module plus main.
    assert_eq!(visited, LENGTH + 1, "modules visited by the walk");
    // main → m0, each module → its successor (the chain's last has none).
    let want_edges = 1 + LENGTH - usize::from(shape == Shape::Chain);
    assert_eq!(edges, want_edges, "edges walked");

    // A requirement path to the far end is the whole chain.
    let far = path(LENGTH - 1);
    let p = g.find_path(|m| m.path == far);
    assert_eq!(p.len(), LENGTH + 1, "path from the main module to {far}");

    // `gomvs list all` rows and the go.mod dirty check.
    let rows = list_all(&loaded, &CacheLayout { root: None });
    assert_eq!(rows.len(), LENGTH + 1);
    assert!(rows.iter().all(|r| r.error.is_none()));
    let _ = loaded.commit_requirements();
}

/// Runs `f` on a thread with a 2 MiB stack (the default test-thread size,
/// made explicit so `RUST_MIN_STACK` cannot hide a recursion).
fn on_small_stack(f: impl FnOnce() + Send + 'static) {
    let h = std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(f)
        .unwrap_or_else(|e| panic!("spawn: {e}"));
    if let Err(e) = h.join() {
        std::panic::resume_unwind(e);
    }
}

#[test]
fn long_chain_pruned() {
    on_small_stack(|| check(Shape::Chain, true));
}

#[test]
fn long_chain_unpruned() {
    on_small_stack(|| check(Shape::Chain, false));
}

#[test]
fn large_cycle_pruned() {
    on_small_stack(|| check(Shape::Cycle, true));
}

#[test]
fn large_cycle_unpruned() {
    on_small_stack(|| check(Shape::Cycle, false));
}
