//! The examples in `examples/` against goldens recorded from the real go
//! (`scripts/record-example-goldens.sh`): `gomvs list all`, `gomvs list -json
//! all` and `gomvs graph` must print exactly what `go list -m all`,
//! `go list -m -json all` and `go mod graph` printed, with the same exit status.

mod common;
use common::copy_tree;
use std::path::{Path, PathBuf};

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn run_example(name: &str, cwd: &str) -> Vec<String> {
    let root = workspace_root();
    let golden = root.join("testdata/examples").join(name);
    let proxy = root.join("examples").join(name).join("proxy");
    let proxy = proxy.canonicalize().expect("example proxy exists");
    let mut failures = Vec::new();
    for (key, args) in [
        ("list-m-all", vec!["list", "all"]),
        ("list-m-json-all", vec!["list", "-json", "all"]),
        ("mod-graph", vec!["graph"]),
    ] {
        let tmp =
            std::env::temp_dir().join(format!("gomvs-example-{name}-{key}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&tmp);
        let example = tmp.join("example");
        copy_tree(&root.join("examples").join(name), &example, &["proxy"]).expect("copy example");
        let modcache = tmp.join("modcache");
        let out = common::offline_gomvs(&example.join(cwd), &proxy, "", &tmp)
            .args(&args)
            .output()
            .expect("run gomvs");
        let norm = |bytes: &[u8]| {
            String::from_utf8_lossy(bytes)
                .replace(&modcache.display().to_string(), "$GOMODCACHE")
                .replace(&example.display().to_string(), "$EXAMPLE")
                .replace(&proxy.display().to_string(), "$PROXY")
        };
        let read = |ext: &str| {
            let p = golden.join(format!("{key}.{ext}"));
            std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("golden {}: {e}", p.display()))
        };
        let exit = out.status.code().unwrap_or(-1).to_string();
        if norm(&out.stdout) != read("stdout") {
            failures.push(format!(
                "{name} {key}: stdout differs:\n--- go\n{}--- gomvs\n{}",
                read("stdout"),
                norm(&out.stdout)
            ));
        }
        if norm(&out.stderr) != read("stderr") {
            failures.push(format!(
                "{name} {key}: stderr differs:\n--- go\n{}--- gomvs\n{}",
                read("stderr"),
                norm(&out.stderr)
            ));
        }
        if exit != read("exit").trim() {
            failures.push(format!(
                "{name} {key}: exit {exit}, go exited {}",
                read("exit").trim()
            ));
        }
        let _ = std::fs::remove_dir_all(&tmp);
    }
    failures
}

#[test]
fn examples_match_the_real_go() {
    let mut failures = Vec::new();
    for (name, cwd) in [
        ("pruning", "main"),
        ("replace-chain", "main"),
        ("workspace", "api"),
        ("incident-replace", "main"),
        ("exclude-prune-chain", "main"),
        ("incident", "main"),
    ] {
        failures.extend(run_example(name, cwd));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
