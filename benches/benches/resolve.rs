//! Resolution-core benchmarks: load + build list (`gomvs list all`) and load
//! + graph walk (`gomvs graph`), in-process, on
//!
//! * the largest golang-x cases (gopls v0.21.0, synthetic-union-pruned and
//!   -unpruned) with their file:// proxy and an empty module cache (the
//!   corpus must be present: the benchmark fails naming the missing path);
//! * synthetic universes of 1k, 10k and 100k modules with 10 versions each
//!   (see `gomvs_benches::universe`), pruned and unpruned, from a
//!   `MemorySource` and, for 1k and 10k, from a proxy directory on disk.
//!
//! Peak memory per size: `cargo run --release -p gomvs-benches --example
//! resolve_scale -- <modules> <pruned|unpruned> <list|graph>` (see
//! docs/benchmarks.md). Set `GOMVS_BENCH_MAX_MODULES` (e.g. 10000) to skip
//! the larger universes.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use gomvs_benches::run::{bench_env, run_env, run_source, Command, TempDir};
use gomvs_benches::universe::UniverseSpec;
use gomvs_benches::{golang_x_case, LARGEST_GOLANG_X_CASES};
use gomvs_graph::listing::CacheLayout;
use gomvs_graph::loader::LoadConfig;
use gomvs_graph::source::{Memoized, ModuleSource};
use std::hint::black_box;
use std::sync::Arc;
use std::time::Duration;

const COMMANDS: [Command; 2] = [Command::ListAll, Command::Graph];

fn max_modules() -> usize {
    std::env::var("GOMVS_BENCH_MAX_MODULES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000)
}

fn bench_golang_x(c: &mut Criterion) {
    let mut group = c.benchmark_group("golang-x");
    for name in LARGEST_GOLANG_X_CASES {
        let case = golang_x_case(name);
        let modcache = TempDir::new("modcache");
        let env = bench_env(
            &case.main_dir,
            &format!("file://{}", case.proxy_dir.display()),
            modcache.path(),
            "readonly",
        );
        for command in COMMANDS {
            group.bench_function(BenchmarkId::new(command.name(), name), |b| {
                b.iter(|| black_box(run_env(&env, command)))
            });
        }
    }
    group.finish();
}

fn bench_synthetic(c: &mut Criterion) {
    let mut group = c.benchmark_group("synthetic-memory");
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    for modules in [1_000, 10_000, 100_000] {
        if modules > max_modules() {
            continue;
        }
        for pruned in [true, false] {
            let spec = UniverseSpec::new(modules, pruned);
            let u = spec.in_memory();
            let modcache = TempDir::new("modcache");
            let env = bench_env(u.main.path(), "off", modcache.path(), "readonly");
            let source = Arc::new(u.source);
            for command in COMMANDS {
                let config = LoadConfig::from_env(&env, command.go_command(), None)
                    .unwrap_or_else(|e| panic!("{e}"));
                group.throughput(Throughput::Elements(modules as u64));
                group.bench_function(BenchmarkId::new(command.name(), spec.label()), |b| {
                    b.iter(|| {
                        let memo: Arc<dyn ModuleSource> =
                            Arc::new(Memoized::new(Arc::clone(&source)));
                        black_box(run_source(
                            &config,
                            memo,
                            &CacheLayout { root: None },
                            command,
                        ))
                    })
                });
            }
        }
    }
    group.finish();
}

fn bench_synthetic_disk(c: &mut Criterion) {
    let mut group = c.benchmark_group("synthetic-disk");
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    for modules in [1_000, 10_000] {
        if modules > max_modules() {
            continue;
        }
        for pruned in [true, false] {
            let spec = UniverseSpec::new(modules, pruned);
            let u = spec.on_disk();
            let modcache = TempDir::new("modcache");
            let env = u.bench_env(modcache.path());
            for command in COMMANDS {
                group.throughput(Throughput::Elements(modules as u64));
                group.bench_function(BenchmarkId::new(command.name(), spec.label()), |b| {
                    b.iter(|| black_box(run_env(&env, command)))
                });
            }
        }
    }
    group.finish();
}

criterion_group!(
    benches,
    bench_golang_x,
    bench_synthetic,
    bench_synthetic_disk
);
criterion_main!(benches);
