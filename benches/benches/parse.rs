//! Parse throughput of `gomvs_modfile::parse_lax` over every go.mod file of the
//! shared corpus (every regular file named `go.mod` or ending in `.mod`, sorted
//! by path: the same set as `scripts/oracle/parsebench`, which times Go's
//! `modfile.ParseLax`; `scripts/bench-parse-vs-go.sh` runs both).

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

/// The allocator the gomvs binary ships with (crates/gomvs-cli/src/main.rs).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn parse_all(files: &[(String, Vec<u8>)]) -> usize {
    let mut errors = 0;
    for (name, data) in files {
        if black_box(gomvs_modfile::parse_lax(name, data)).is_err() {
            errors += 1;
        }
    }
    errors
}

fn bench_parse(c: &mut Criterion) {
    let files = gomvs_benches::corpus_go_mod_files(&gomvs_benches::shared_dir().join("corpus"));
    let bytes: usize = files.iter().map(|(_, d)| d.len()).sum();
    let errors = parse_all(&files);
    println!(
        "rust files {}, bytes {bytes}, parse errors {errors}",
        files.len()
    );
    let mut group = c.benchmark_group("parse_lax_corpus");
    group.sample_size(30);
    group.measurement_time(Duration::from_secs(10));
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("bytes", |b| b.iter(|| parse_all(black_box(&files))));
    group.throughput(Throughput::Elements(files.len() as u64));
    group.bench_function("files", |b| b.iter(|| parse_all(black_box(&files))));
    group.finish();
}

criterion_group!(benches, bench_parse);
criterion_main!(benches);
