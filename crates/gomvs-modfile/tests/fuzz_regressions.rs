//! Replays every saved fuzz input under `tests/fuzz_regressions/<target>/`
//! through the same checks as the fuzz target (`tests/fuzz_checks`) and fails
//! if any of them panics. Inputs are minimized crashes found by
//! `scripts/fuzz.sh`; they keep failing until the code is fixed.

mod fuzz_checks;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

type Check = fn(&[u8]);

const TARGETS: [(&str, Check); 6] = [
    ("parse_gomod", fuzz_checks::parse_gomod),
    ("parse_gomod_lax", fuzz_checks::parse_gomod_lax),
    ("lax_summary_equiv", fuzz_checks::lax_summary_equiv),
    ("parse_gowork", fuzz_checks::parse_gowork),
    ("parse_gosum", fuzz_checks::parse_gosum),
    ("versions", fuzz_checks::versions),
];

#[test]
fn saved_fuzz_inputs_do_not_panic() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions");
    let mut failures = Vec::new();
    let mut replayed = 0;
    for (target, check) in TARGETS {
        let dir = root.join(target);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut files: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
        files.sort();
        for file in files {
            if file.extension().is_some_and(|e| e == "md") {
                continue;
            }
            let data = std::fs::read(&file)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", file.display()));
            replayed += 1;
            if let Err(panic) = catch_unwind(AssertUnwindSafe(|| check(&data))) {
                let msg = panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                    .unwrap_or_default();
                failures.push(format!("{target}/{}: {msg}", file.display()));
            }
        }
    }
    eprintln!("replayed {replayed} saved fuzz inputs");
    assert!(
        failures.is_empty(),
        "panicking inputs:\n{}",
        failures.join("\n")
    );
}
