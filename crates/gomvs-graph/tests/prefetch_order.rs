//! `Session::prefetch_raw_summaries` changes nothing observable: on a
//! universe mixing good modules with every kind of go.mod failure (missing
//! from the source, missing go.sum entry, checksum mismatch, unknown hash
//! algorithm, parse error, too-new go line, wrong module path, replaced and
//! excluded requirements), `summary` returns the same results and leaves
//! the same stderr lines, missing modules and fatal error, in the same
//! order, with and without prefetching.

mod support;
use gomvs_graph::loader::PREFETCH_MIN_BATCH;
use gomvs_graph::source::MemorySource;
use gomvs_modfile::dirhash::hash_go_mod;
use gomvs_modfile::ModuleVersion;
use std::fmt::Write as _;
use std::sync::Arc;
use support::TempDir;

const TIME: &str = "2024-01-01T00:00:00Z";

/// The main module's requirements, the source, and the go.sum text.
fn universe() -> (Vec<ModuleVersion>, MemorySource, String, String) {
    let mut b = MemorySource::builder();
    let mut sum = String::new();
    let mut roots = Vec::new();
    let mut extra = String::new();
    let good = |i: usize| format!("example.com/good/m{i}");
    for i in 0..PREFETCH_MIN_BATCH + 100 {
        let p = good(i);
        let text = format!(
            "module {p}\n\ngo 1.22\n\nrequire (\n\t{} v1.0.0\n\texample.com/excluded v1.0.0\n)\n",
            good((i + 1) % 50)
        );
        b = b.module(&p, "v1.0.0", &text, TIME);
        let _ = writeln!(sum, "{p} v1.0.0/go.mod {}", hash_go_mod(text.as_bytes()));
        roots.push(ModuleVersion::new(p, "v1.0.0"));
        // Interleave failures with the good modules.
        let bad = format!("example.com/bad/m{i}");
        let version = "v1.0.0";
        let text = match i % 9 {
            0 => None,                                           // not in the source
            1 => Some(format!("module {bad}\n\ngo 1.99\n")),     // too new
            2 => Some(format!("module {bad}\n\nrequire (\n")),   // parse error
            3 => Some("module example.com/other\n".to_string()), // wrong path
            4 => Some(format!("module {bad}\n")),                // no go.sum entry
            5 => Some(format!("module {bad}\n")),                // checksum mismatch
            6 => Some(format!("module {bad}\n\ngo 1.21\n")),     // unknown algorithm only
            7 => Some(format!("module {bad}\n\ngo 1.16\n")),     // replaced below
            _ => Some("\u{feff}module x\n".to_string()),
        };
        let Some(text) = text else {
            let _ = writeln!(sum, "{bad} {version}/go.mod h1:notfetched=");
            roots.push(ModuleVersion::new(bad, version));
            continue;
        };
        b = b.module(&bad, version, &text, TIME);
        match i % 9 {
            4 => {}
            5 => {
                let _ = writeln!(sum, "{bad} {version}/go.mod h1:wrong=");
            }
            6 => {
                let _ = writeln!(sum, "{bad} {version}/go.mod h2:unknown=");
            }
            7 => {
                let target = format!("example.com/target/m{i}");
                let t = format!("module {target}\n\ngo 1.17\n");
                b = b.module(&target, "v1.2.0", &t, TIME);
                let _ = writeln!(sum, "{target} v1.2.0/go.mod {}", hash_go_mod(t.as_bytes()));
                let _ = writeln!(extra, "replace {bad} {version} => {target} v1.2.0");
            }
            _ => {
                let _ = writeln!(
                    sum,
                    "{bad} {version}/go.mod {}",
                    hash_go_mod(text.as_bytes())
                );
            }
        }
        roots.push(ModuleVersion::new(bad, version));
    }
    extra.push_str("exclude example.com/excluded v1.0.0\n");
    (roots, b.build(), sum, extra)
}

/// Everything observable after summarizing every root in order.
#[derive(Debug, PartialEq)]
struct Observed {
    results: Vec<String>,
    stderr: Vec<String>,
    missing: Vec<ModuleVersion>,
    fatal: Option<String>,
}

fn observe(prefetch: bool, mode: &str) -> Observed {
    let dir = TempDir::new("prefetch", &format!("{prefetch}-{mode}"));
    let (roots, source, sum, extra) = universe();
    let mut go_mod = String::from("module example.com/main\n\ngo 1.22\n\nrequire (\n");
    for r in &roots {
        let _ = writeln!(go_mod, "\t{} {}", r.path, r.version);
    }
    go_mod.push_str(")\n");
    go_mod.push_str(&extra);
    std::fs::write(dir.0.join("go.mod"), go_mod).unwrap_or_else(|e| panic!("go.mod: {e}"));
    std::fs::write(dir.0.join("go.sum"), sum).unwrap_or_else(|e| panic!("go.sum: {e}"));
    let session = support::open_offline_session(&dir.0, mode, Arc::new(source));
    if prefetch {
        session.prefetch_raw_summaries(&roots);
    }
    let mut results = Vec::new();
    // Twice, the second time from the caches.
    for r in roots.iter().chain(roots.iter().rev()) {
        results.push(match session.summary(r) {
            Ok(s) => format!("{r}: {:?}", s),
            Err(e) => format!("{r}: error {e}"),
        });
    }
    Observed {
        results,
        stderr: session.stderr_lines(),
        missing: session.missing_modules(),
        fatal: session.take_fatal().map(|f| f.to_string()),
    }
}

#[test]
fn prefetching_changes_nothing_observable() {
    for mode in ["readonly", "mod"] {
        let sequential = observe(false, mode);
        // The universe exercises every path.
        let text = sequential.results.join("\n");
        for needle in [
            "requires go >= 1.99",
            "parsing go.mod:",
            "module declares its path as",
            "excluded",
        ] {
            assert!(
                text.contains(needle),
                "{mode}: no result mentions {needle:?}"
            );
        }
        assert!(!sequential.missing.is_empty(), "{mode}: no missing module");
        assert!(
            mode == "readonly"
                || sequential
                    .stderr
                    .iter()
                    .any(|l| l.contains("unknown hashes in go.sum")),
            "{mode}: no unknown-hash warning"
        );
        assert!(sequential.fatal.is_some(), "{mode}: no checksum mismatch");
        if mode == "readonly" {
            assert!(
                text.contains("missing go.sum entry"),
                "no missing go.sum entry"
            );
        }
        let prefetched = observe(true, mode);
        assert_eq!(sequential, prefetched, "{mode}");
    }
}
