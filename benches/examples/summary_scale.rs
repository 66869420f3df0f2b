//! Time of loading go.mod summaries alone (`Session::summary` on every root
//! of a synthetic universe, what a pruned `readModGraph` does for its
//! roots), sequentially and after `Session::prefetch_raw_summaries`, in
//! alternating runs so both see the same machine load.
//!
//! ```text
//! usage: summary_scale <modules> <pruned|unpruned> [runs=N]
//! ```

/// The allocator the `gomvs` binary ships with.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use gomvs_benches::run::{bench_env, Command, TempDir};
use gomvs_benches::universe::UniverseSpec;
use gomvs_graph::loader::{LoadConfig, Session};
use gomvs_graph::source::{Memoized, ModuleSource};
use gomvs_modfile::ModuleVersion;
use std::sync::Arc;
use std::time::{Duration, Instant};

fn usage() -> ! {
    eprintln!("usage: summary_scale <modules> <pruned|unpruned> [runs=N]");
    std::process::exit(2)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 2 {
        usage();
    }
    let modules: usize = args[0].parse().unwrap_or_else(|_| usage());
    let pruned = match args[1].as_str() {
        "pruned" => true,
        "unpruned" => false,
        _ => usage(),
    };
    let runs: usize = args
        .iter()
        .find_map(|a| a.strip_prefix("runs="))
        .map_or(5, |n| n.parse().unwrap_or_else(|_| usage()));
    let spec = UniverseSpec::new(modules, pruned);
    let u = spec.in_memory();
    let modcache = TempDir::new("modcache");
    let env = bench_env(u.main.path(), "off", modcache.path(), "readonly");
    let config = LoadConfig::from_env(&env, Command::ListAll.go_command(), None)
        .unwrap_or_else(|e| panic!("{e}"));
    let source = Arc::new(u.source);

    let mut sequential = Vec::with_capacity(runs);
    let mut prefetched = Vec::with_capacity(runs);
    let mut loaded = 0;
    for _ in 0..runs {
        for prefetch in [false, true] {
            let memo: Arc<dyn ModuleSource> = Arc::new(Memoized::new(Arc::clone(&source)));
            let session = Session::open(config.clone(), memo).unwrap_or_else(|e| panic!("{e}"));
            let roots: Vec<ModuleVersion> = session
                .mains
                .iter()
                .flat_map(|m| m.file.require.iter().map(|r| r.module.clone()))
                .collect();
            let t = Instant::now();
            if prefetch {
                session.prefetch_raw_summaries(&roots);
            }
            loaded = roots.iter().filter(|r| session.summary(r).is_ok()).count();
            let elapsed = t.elapsed();
            if prefetch {
                prefetched.push(elapsed);
            } else {
                sequential.push(elapsed);
            }
            drop(session);
        }
    }
    let show = |name: &str, times: &mut Vec<Duration>| {
        times.sort();
        println!(
            "{} {name}: median {:.1} ms, min {:.1} ms ({runs} runs, {loaded} summaries)",
            spec.label(),
            times[times.len() / 2].as_secs_f64() * 1e3,
            times[0].as_secs_f64() * 1e3,
        );
    };
    show("sequential", &mut sequential);
    show("prefetched", &mut prefetched);
}
