//! Times `gomvs_modfile::parse_lax` over the corpus go.mod files (the same set
//! as `benches/benches/parse.rs`) by wall and CPU time per pass, like
//! `scripts/oracle/parsebench` does for Go: CPU time stays meaningful on a
//! loaded machine. Also a small driver for profilers (callgrind).
//!
//!   usage: cargo run --release -p gomvs-benches --example parse_cpu [seconds]

/// The allocator the gomvs binary ships with (crates/gomvs-cli/src/main.rs), so
/// the numbers are those of gomvs as shipped; docs/benchmarks.md also gives the
/// figure with the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::hint::black_box;
use std::time::{Duration, Instant};

/// User+system CPU time of this process from /proc/self/stat (clock ticks of 10 ms).
fn cpu_time() -> Duration {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<u64>().ok())
            .unwrap_or(0)
    };
    // Fields 14 and 15 of stat(5) are utime and stime; `after` starts at field 3.
    Duration::from_millis((ticks(11) + ticks(12)) * 10)
}

fn main() {
    let seconds: f64 = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(10.0);
    let files = gomvs_benches::corpus_go_mod_files(&gomvs_benches::shared_dir().join("corpus"));
    let bytes: usize = files.iter().map(|(_, d)| d.len()).sum();
    let pass = || {
        let start = Instant::now();
        let mut errors = 0;
        for (name, data) in &files {
            if black_box(gomvs_modfile::parse_lax(name, data)).is_err() {
                errors += 1;
            }
        }
        (start.elapsed(), errors)
    };
    let (_, errors) = pass();
    let mut times = Vec::new();
    let mut total = Duration::ZERO;
    let cpu0 = cpu_time();
    while total.as_secs_f64() < seconds || times.len() < 5 {
        let (d, _) = pass();
        times.push(d);
        total += d;
    }
    let cpu = (cpu_time() - cpu0) / u32::try_from(times.len()).unwrap_or(u32::MAX);
    times.sort();
    println!(
        "rust files {}, bytes {bytes}, parse errors {errors}, passes {}",
        files.len(),
        times.len()
    );
    let report = |label: &str, d: Duration| {
        let s = d.as_secs_f64();
        println!(
            "rust {label:<6} pass {:9.3} ms  {:8.2} MiB/s  {:10.0} files/s",
            s * 1e3,
            bytes as f64 / s / f64::from(1u32 << 20),
            files.len() as f64 / s
        );
    };
    report("best", times[0]);
    report("median", times[times.len() / 2]);
    report("cpu", cpu);
}
