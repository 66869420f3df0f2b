//! Reproducers of past differential mismatches (`testdata/differential/*/`,
//! saved by `scripts/differential/run.py --save-mismatches`): each holds a
//! random module universe, the command, its environment and what the real go
//! printed. gomvs must now print exactly the same.

mod common;
use common::copy_tree;
use std::path::{Path, PathBuf};
use std::process::Command;

fn replay(case: &Path) -> Option<String> {
    let text = std::fs::read_to_string(case.join("case.json")).expect("case.json");
    let spec: serde_json::Value = serde_json::from_str(&text).expect("case.json is JSON");
    let args: Vec<String> = spec["gomvs"]
        .as_array()
        .expect("gomvs args")
        .iter()
        .skip(1)
        .filter_map(|a| a.as_str().map(str::to_string))
        .collect();
    let mut proxy = case.join("proxy").canonicalize().expect("proxy dir");
    let tmp: PathBuf = std::env::temp_dir().join(format!(
        "gomvs-difffix-{}-{}",
        case.file_name().and_then(|n| n.to_str()).unwrap_or("case"),
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&tmp);
    copy_tree(&case.join("work"), &tmp.join("work"), &[]).expect("copy work");
    if spec["zips"].as_str() == Some("go.mod-only") {
        // get_mode.py's universes: a zip per version holding only its go.mod.
        let copy = tmp.join("proxy");
        copy_tree(&proxy, &copy, &[]).expect("copy proxy");
        common::write_go_mod_zips(&copy);
        proxy = copy;
    }
    let modcache = tmp.join("modcache");
    if case.join("modcache").is_dir() {
        copy_tree(&case.join("modcache"), &modcache, &[]).expect("copy modcache");
    }
    let cwd = spec["cwd"].as_str().unwrap_or("work/main");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_gomvs"));
    cmd.args(&args)
        .current_dir(tmp.join(cwd))
        .env_clear()
        .env("PATH", "/usr/bin:/bin")
        .env("HOME", tmp.join("home"))
        .env("GOPATH", tmp.join("gopath"))
        .env("GOMODCACHE", &modcache)
        .env("GOCACHE", tmp.join("gocache"));
    if let Some(env) = spec["env"].as_object() {
        for (k, v) in env {
            let v = v
                .as_str()
                .unwrap_or("")
                .replace("$PROXY", &proxy.display().to_string());
            cmd.env(k, v);
        }
    }
    let out = cmd.output().expect("run gomvs");
    let norm = |b: &[u8]| {
        String::from_utf8_lossy(b)
            .replace(&tmp.join("work").display().to_string(), "$WORK")
            .replace(&modcache.display().to_string(), "$GOMODCACHE")
            .replace(&proxy.display().to_string(), "$PROXY")
            .replace(&tmp.join("gopath").display().to_string(), "$GOPATH")
    };
    let want = |f: &str| std::fs::read_to_string(case.join(f)).unwrap_or_default();
    let _ = std::fs::remove_dir_all(&tmp);
    let mut problems = Vec::new();
    if norm(&out.stdout) != want("expected.stdout") {
        problems.push("stdout");
    }
    if norm(&out.stderr) != want("expected.stderr") {
        problems.push("stderr");
    }
    if out.status.code().unwrap_or(-1).to_string() != want("expected.exit").trim() {
        problems.push("exit status");
    }
    (!problems.is_empty())
        .then(|| format!("{}: {} differ from go", case.display(), problems.join(", ")))
}

#[test]
fn past_differential_mismatches_stay_fixed() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/differential");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("case.json").is_file())
        .collect();
    cases.sort();
    assert!(!cases.is_empty(), "no reproducers under {}", dir.display());
    let failures: Vec<String> = cases.iter().filter_map(|c| replay(c)).collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
