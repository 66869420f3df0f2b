//! Time and peak memory of `gomvs list all` / `gomvs graph`, in-process, on a
//! synthetic universe (see `gomvs_benches::universe`) or a golang-x case.
//! Also a small driver for profilers (callgrind) and `/usr/bin/time -v`.
//!
//! ```text
//! usage: resolve_scale <modules> <pruned|unpruned> <list|graph> [disk] [serial] [runs=N]
//!        resolve_scale case <golang-x case name> <list|graph> [runs=N]
//! ```
//!
//! `serial` loads on one thread (`LoadConfig::parallel = false`; in-memory
//! universes only).
//!
//! Peak memory of the load is measured by resetting the kernel's peak-RSS
//! mark after the universe is generated (`/proc/self/clear_refs` = 5) and
//! reading `VmHWM` after the run: `load peak` = VmHWM - RSS before the run.
//! Whole-process peak RSS is what `/usr/bin/time -v` reports.
//!
//! In-memory universes also time their output phase (rows or edges, after
//! the load), in wall time and in CPU time of the thread, which other
//! processes competing for the cores do not inflate.

/// The allocator the `gomvs` binary ships with.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use gomvs_benches::run::{bench_env, load_ok, render, run_env, Command, TempDir};
use gomvs_benches::universe::UniverseSpec;
use gomvs_benches::{golang_x_case, LARGEST_GOLANG_X_CASES};
use gomvs_graph::listing::CacheLayout;
use gomvs_graph::loader::LoadConfig;
use gomvs_graph::source::{Memoized, ModuleSource};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

fn status_kib(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

/// CPU time (user + system, all threads) of this process so far, in
/// seconds, from `/proc/self/stat` (clock ticks of 10 ms): on a shared
/// machine it is steadier than wall time.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // The fields after the parenthesized command name; utime and stime are
    // fields 14 and 15 of the whole line.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| -> f64 {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (ticks(11) + ticks(12)) / 100.0
}

/// CPU time this thread has run, from `/proc/thread-self/schedstat` (ns).
fn thread_cpu() -> Duration {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").unwrap_or_default();
    let ns = stat
        .split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    Duration::from_nanos(ns)
}

fn reset_peak() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

fn usage() -> ! {
    eprintln!(
        "usage: resolve_scale <modules> <pruned|unpruned> <list|graph> [disk] [serial] [runs=N]\n       resolve_scale case <{}> <list|graph> [runs=N]",
        LARGEST_GOLANG_X_CASES.join("|")
    );
    std::process::exit(2)
}

fn parse_command(s: &str) -> Command {
    match s {
        "list" => Command::ListAll,
        "graph" => Command::Graph,
        _ => usage(),
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 3 {
        usage();
    }
    let runs: usize = args
        .iter()
        .find_map(|a| a.strip_prefix("runs="))
        .map_or(1, |n| n.parse().unwrap_or_else(|_| usage()));
    let command = parse_command(&args[2]);
    let gen_start = Instant::now();

    // Each setup returns a closure performing one complete run. In-memory
    // runs also time their output phase: (wall, thread CPU) per run.
    let render_times: Arc<Mutex<Vec<(Duration, Duration)>>> = Arc::default();
    let _keep: Vec<TempDir>;
    let label: String;
    let mut run: Box<dyn FnMut() -> Vec<u8>> = if args[0] == "case" {
        let case = golang_x_case(&args[1]);
        let modcache = TempDir::new("modcache");
        let env = bench_env(
            &case.main_dir,
            &format!("file://{}", case.proxy_dir.display()),
            modcache.path(),
            "readonly",
        );
        label = case.name.clone();
        _keep = vec![modcache];
        Box::new(move || run_env(&env, command))
    } else {
        let modules: usize = args[0].parse().unwrap_or_else(|_| usage());
        let pruned = match args[1].as_str() {
            "pruned" => true,
            "unpruned" => false,
            _ => usage(),
        };
        let spec = UniverseSpec::new(modules, pruned);
        if args.iter().any(|a| a == "disk") {
            let u = spec.on_disk();
            let modcache = TempDir::new("modcache");
            let env = u.bench_env(modcache.path());
            label = format!("{}-disk", spec.label());
            _keep = vec![u.main, u.proxy, modcache];
            Box::new(move || run_env(&env, command))
        } else {
            let u = spec.in_memory();
            let modcache = TempDir::new("modcache");
            let env = bench_env(u.main.path(), "off", modcache.path(), "readonly");
            let mut config = LoadConfig::from_env(&env, command.go_command(), None)
                .unwrap_or_else(|e| panic!("{e}"));
            config.parallel = !args.iter().any(|a| a == "serial");
            let source = Arc::new(u.source);
            label = format!("{}-memory", spec.label());
            _keep = vec![u.main, modcache];
            let render_times = Arc::clone(&render_times);
            Box::new(move || {
                let memo: Arc<dyn ModuleSource> = Arc::new(Memoized::new(Arc::clone(&source)));
                let loaded = load_ok(&config, memo);
                let (t, cpu) = (Instant::now(), thread_cpu());
                let out = render(&loaded, &CacheLayout { root: None }, command);
                if let Ok(mut times) = render_times.lock() {
                    times.push((t.elapsed(), thread_cpu().saturating_sub(cpu)));
                }
                out
            })
        }
    };
    let gen_time = gen_start.elapsed();

    let rss_before = status_kib("VmRSS:");
    let peak_reset = reset_peak();
    let mut times = Vec::with_capacity(runs);
    let mut cpu = Vec::with_capacity(runs);
    let mut out_len = 0;
    let mut out_lines = 0;
    for _ in 0..runs {
        let t = Instant::now();
        let c = cpu_seconds();
        let out = run();
        times.push(t.elapsed());
        cpu.push(cpu_seconds() - c);
        out_len = out.len();
        out_lines = out.iter().filter(|&&b| b == b'\n').count();
        drop(out);
    }
    let hwm = status_kib("VmHWM:");
    times.sort();
    let median = times[times.len() / 2];
    let min = times[0];
    cpu.sort_by(f64::total_cmp);
    let first_cpu = cpu.first().copied().unwrap_or(0.0);
    let ms = |d: &Duration| d.as_secs_f64() * 1e3;
    let median_min = |mut v: Vec<Duration>| {
        v.sort();
        v.get(v.len() / 2).map(|m| (ms(m), ms(&v[0])))
    };
    let render_times = render_times.lock().map(|t| t.clone()).unwrap_or_default();
    let output_phase = match (
        median_min(render_times.iter().map(|t| t.0).collect()),
        median_min(render_times.iter().map(|t| t.1).collect()),
    ) {
        (Some((m, n)), Some((cm, cn))) => format!(
            "; output phase median {m:.1} ms, min {n:.1} ms (CPU median {cm:.1} ms, min {cn:.1} ms)"
        ),
        _ => String::new(),
    };
    println!(
        "{label} {}: setup {:.2}s; run median {:.1} ms, min {:.1} ms, min CPU {:.2} s ({} runs){output_phase}; output {} lines, {} bytes; RSS before run {} MiB, {}",
        command.name(),
        gen_time.as_secs_f64(),
        median.as_secs_f64() * 1e3,
        min.as_secs_f64() * 1e3,
        first_cpu,
        runs,
        out_lines,
        out_len,
        rss_before / 1024,
        if peak_reset {
            format!("load peak {} MiB", hwm.saturating_sub(rss_before) / 1024)
        } else {
            "load peak unknown (/proc/self/clear_refs not writable)".to_string()
        }
    );
}
