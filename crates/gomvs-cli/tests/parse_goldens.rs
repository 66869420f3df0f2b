//! Runs the built `gomvs parse` on every fixture in `testdata/parse/<name>/`
//! and compares stdout, stderr and exit status with the goldens recorded
//! from the real go by `scripts/record-parse-goldens.sh`.

use std::path::{Path, PathBuf};
use std::process::Command;

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap_or_else(|e| panic!("cannot resolve the workspace root: {e}"))
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

#[test]
fn parse_matches_go_goldens() {
    let fixtures = workspace_root().join("testdata/parse");
    let mut names: Vec<_> = std::fs::read_dir(&fixtures)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", fixtures.display()))
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(
        names.len() >= 30,
        "expected 30+ fixtures in {}",
        fixtures.display()
    );

    let scratch = std::env::temp_dir().join(format!("gomvs-parse-goldens-{}", std::process::id()));
    let mut failures = Vec::new();
    for name in &names {
        let dir = fixtures.join(name);
        let file = if dir.join("go.work").exists() {
            "go.work"
        } else {
            "go.mod"
        };
        let work = scratch.join(name);
        std::fs::create_dir_all(&work).unwrap_or_else(|e| panic!("mkdir {}: {e}", work.display()));
        std::fs::copy(dir.join(file), work.join(file))
            .unwrap_or_else(|e| panic!("copy {name}/{file}: {e}"));
        let out = Command::new(env!("CARGO_BIN_EXE_gomvs"))
            .args(["parse", file])
            .current_dir(&work)
            .output()
            .unwrap_or_else(|e| panic!("cannot run gomvs: {e}"));
        let want_exit: i32 = String::from_utf8_lossy(&read(&dir.join("expected.exit")))
            .trim()
            .parse()
            .unwrap_or_else(|e| panic!("{name}/expected.exit: {e}"));
        let want_stdout = read(&dir.join("expected.stdout"));
        let want_stderr = read(&dir.join("expected.stderr"));
        if out.status.code() != Some(want_exit) {
            failures.push(format!(
                "{name}: exit {:?}, want {want_exit}",
                out.status.code()
            ));
        }
        if out.stdout != want_stdout {
            failures.push(format!(
                "{name}: stdout\n--- got\n{}\n--- want\n{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&want_stdout)
            ));
        }
        if out.stderr != want_stderr {
            failures.push(format!(
                "{name}: stderr\n--- got\n{}\n--- want\n{}",
                String::from_utf8_lossy(&out.stderr),
                String::from_utf8_lossy(&want_stderr)
            ));
        }
    }
    let _ = std::fs::remove_dir_all(&scratch);
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
