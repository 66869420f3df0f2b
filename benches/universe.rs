//! Synthetic module universes for scale measurements.
//!
//! A universe has `modules` modules `example.com/u/m<i>`, each with
//! `versions` versions `v1.0.0` … `v1.<versions-1>.0`. Every go.mod of the
//! universe requires `requires` distinct other modules, chosen (with their
//! versions) by a seeded pseudo-random generator, so the graph has cycles
//! and version conflicts that MVS must resolve. The main module
//! `example.com/main` requires every module at its newest version, so the
//! build list is the whole universe and the roots are consistent.
//!
//! * pruned: every go.mod says `go 1.22`; the load reads the go.mod of each
//!   root and adds its requirements as edges without following them.
//! * unpruned: every go.mod says `go 1.16`; the load follows every
//!   requirement transitively, reading the go.mod of every reachable version.
//!
//! The main module's go.sum holds the `/go.mod` hash of every version the
//! load reads (readonly mode, as in a real project), so go.sum parsing and
//! hash verification are part of what is measured.

use crate::run::TempDir;
use gomvs_graph::source::MemorySource;
use gomvs_modfile::dirhash::hash_go_mod;
use std::fmt::Write as _;
use std::path::Path;

/// The shape of a universe.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UniverseSpec {
    /// Number of modules (besides the main module).
    pub modules: usize,
    /// Versions per module.
    pub versions: usize,
    /// Requirements per go.mod.
    pub requires: usize,
    /// Whether go.mod files are `go 1.22` (pruned) or `go 1.16` (unpruned).
    pub pruned: bool,
    /// Seed of the generator.
    pub seed: u64,
}

/// The `.info` time of every version.
const TIME: &str = "2024-01-01T00:00:00Z";

impl UniverseSpec {
    /// The benchmark shape: 10 versions per module; 10 requirements per
    /// go.mod when pruned (only the newest version of each module is read:
    /// ~12 edges per module with the `go` node of `go 1.22`, 1.2M at 100k),
    /// 1 when unpruned (every reachable version is read, about half of them:
    /// ~5 edges per module, 0.49M at 100k).
    pub fn new(modules: usize, pruned: bool) -> UniverseSpec {
        UniverseSpec {
            modules,
            versions: 10,
            requires: if pruned { 10 } else { 1 },
            pruned,
            seed: 0x5eed_0f90_0d00,
        }
    }

    /// A short label, e.g. `10k-pruned`.
    pub fn label(&self) -> String {
        let size = if self.modules >= 1000 && self.modules.is_multiple_of(1000) {
            format!("{}k", self.modules / 1000)
        } else {
            self.modules.to_string()
        };
        let mode = if self.pruned { "pruned" } else { "unpruned" };
        format!("{size}-{mode}")
    }

    fn go_line(&self) -> &'static str {
        if self.pruned {
            "1.22"
        } else {
            "1.16"
        }
    }

    /// The path of module `i`.
    pub fn path(i: usize) -> String {
        format!("example.com/u/m{i}")
    }

    /// The version with index `j`.
    pub fn version(j: usize) -> String {
        format!("v1.{j}.0")
    }

    /// Calls `f(path, version, go.mod text)` for every module version, in a
    /// fixed order.
    pub fn for_each_go_mod(&self, mut f: impl FnMut(&str, &str, &str)) {
        let mut rng = SplitMix64(self.seed);
        let mut text = String::new();
        let mut chosen: Vec<usize> = Vec::with_capacity(self.requires);
        let requires = self.requires.min(self.modules.saturating_sub(1));
        for i in 0..self.modules {
            let path = Self::path(i);
            for j in 0..self.versions {
                text.clear();
                let _ = write!(text, "module {path}\n\ngo {}\n", self.go_line());
                chosen.clear();
                while chosen.len() < requires {
                    let t = rng.below(self.modules);
                    if t != i && !chosen.contains(&t) {
                        chosen.push(t);
                    }
                }
                if !chosen.is_empty() {
                    text.push_str("\nrequire (\n");
                    for &t in &chosen {
                        let v = rng.below(self.versions);
                        let _ = writeln!(text, "\t{} {}", Self::path(t), Self::version(v));
                    }
                    text.push_str(")\n");
                }
                f(&path, &Self::version(j), &text);
            }
        }
    }

    /// The main module's go.mod: every module at its newest version.
    pub fn main_go_mod(&self) -> String {
        let mut text = format!(
            "module example.com/main\n\ngo {}\n\nrequire (\n",
            self.go_line()
        );
        let top = Self::version(self.versions.saturating_sub(1));
        for i in 0..self.modules {
            let _ = writeln!(text, "\t{} {top}", Self::path(i));
        }
        text.push_str(")\n");
        text
    }

    /// Generates the universe: the main module in a temporary directory and
    /// every module version in a [`MemorySource`].
    pub fn in_memory(&self) -> Universe {
        let mut builder = MemorySource::builder();
        let mut sum = String::new();
        let top = Self::version(self.versions.saturating_sub(1));
        self.for_each_go_mod(|path, version, text| {
            builder = std::mem::replace(&mut builder, MemorySource::builder())
                .module(path, version, text, TIME);
            if !self.pruned || version == top {
                let _ = writeln!(
                    sum,
                    "{path} {version}/go.mod {}",
                    hash_go_mod(text.as_bytes())
                );
            }
        });
        let main = self.write_main(&sum);
        Universe {
            spec: *self,
            main,
            source: builder.build(),
        }
    }

    /// Generates the universe as a `file://` proxy directory (`.mod`,
    /// `.info`, `@v/list`) next to the main module, in a temporary directory.
    pub fn on_disk(&self) -> DiskUniverse {
        let mut sum = String::new();
        let top = Self::version(self.versions.saturating_sub(1));
        let root = TempDir::new(&format!("proxy-{}", self.label()));
        let mut lists: Vec<String> = Vec::new();
        self.for_each_go_mod(|path, version, text| {
            let dir = root.path().join(path).join("@v");
            if lists.last().map(String::as_str) != Some(path) {
                if let Err(e) = std::fs::create_dir_all(&dir) {
                    panic!("cannot create {}: {e}", dir.display());
                }
                lists.push(path.to_string());
            }
            write_file(&dir.join(format!("{version}.mod")), text.as_bytes());
            write_file(
                &dir.join(format!("{version}.info")),
                format!("{{\"Version\":\"{version}\",\"Time\":\"{TIME}\"}}\n").as_bytes(),
            );
            if !self.pruned || version == top {
                let _ = writeln!(
                    sum,
                    "{path} {version}/go.mod {}",
                    hash_go_mod(text.as_bytes())
                );
            }
        });
        let list: String = (0..self.versions)
            .map(|j| format!("{}\n", Self::version(j)))
            .collect();
        for path in &lists {
            write_file(
                &root.path().join(path).join("@v").join("list"),
                list.as_bytes(),
            );
        }
        let main = self.write_main(&sum);
        DiskUniverse {
            spec: *self,
            main,
            proxy: root,
        }
    }

    fn write_main(&self, sum: &str) -> TempDir {
        let main = TempDir::new(&format!("main-{}-{}", self.label(), unique()));
        write_file(&main.path().join("go.mod"), self.main_go_mod().as_bytes());
        write_file(&main.path().join("go.sum"), sum.as_bytes());
        main
    }
}

fn unique() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

fn write_file(path: &Path, data: &[u8]) {
    if let Err(e) = std::fs::write(path, data) {
        panic!("cannot write {}: {e}", path.display());
    }
}

/// A generated universe held in memory.
pub struct Universe {
    /// Its shape.
    pub spec: UniverseSpec,
    /// The main module's directory (go.mod and go.sum).
    pub main: TempDir,
    /// Every module version's `.mod`, `.info` and `@v/list`.
    pub source: MemorySource,
}

/// A generated universe written to disk as a `file://` proxy directory.
pub struct DiskUniverse {
    /// Its shape.
    pub spec: UniverseSpec,
    /// The main module's directory (go.mod and go.sum).
    pub main: TempDir,
    /// The proxy directory.
    pub proxy: TempDir,
}

impl DiskUniverse {
    /// The benchmark environment ([`crate::run::bench_env`], readonly) of
    /// the main module with this universe as its `file://` proxy and
    /// `modcache` as the module cache.
    pub fn bench_env(&self, modcache: &Path) -> gomvs_graph::env::GoEnv {
        crate::run::bench_env(
            self.main.path(),
            &format!("file://{}", self.proxy.path().display()),
            modcache,
            "readonly",
        )
    }
}

/// A small, fast, seeded generator (splitmix64).
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}
