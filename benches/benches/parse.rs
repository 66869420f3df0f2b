//! Parse throughput of `gomvs_modfile::parse_lax` over every go.mod file of the
//! shared corpus (every regular file named `go.mod` or ending in `.mod`, sorted
//! by path: the same set as `scripts/oracle/parsebench`, which times Go's
//! `modfile.ParseLax`; `scripts/bench-parse-vs-go.sh` runs both).

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

/// The allocator the gomvs binary ships with (crates/gomvs-cli/src/main.rs).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `<workspace root>/../shared/corpus` or `$GOMVS_SHARED_DIR/corpus`.
fn corpus_dir() -> PathBuf {
    let shared = std::env::var_os("GOMVS_SHARED_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared"));
    let corpus = shared.join("corpus");
    assert!(
        corpus.is_dir(),
        "shared corpus not found at {} (set GOMVS_SHARED_DIR to the shared directory)",
        corpus.display()
    );
    corpus
}

/// All go.mod files under `root` as (path, contents), sorted by path.
fn load_go_mod_files(root: &Path) -> Vec<(String, Vec<u8>)> {
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
    let files = load_go_mod_files(&corpus_dir());
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
