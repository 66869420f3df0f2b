//! `gomvs get` against the real go on the `go get` lines of the cmd/go
//! script tests (mod_get_*.txt), each re-run by go 1.27.3 on the captured
//! state of its corpus case (`scripts/record-cmdgo-get.py` →
//! testdata/cmdgo-get/goldens.jsonl): stderr (without `go: downloading`),
//! exit status, and when go succeeded the go.mod and go.sum it left, byte
//! for byte. Lines gomvs does not reproduce are named with their reason in
//! testdata/cmdgo-get/known-gaps.txt; the test fails when another line
//! differs, or when a listed gap starts matching (the list stays exact).

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

fn testdata() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/cmdgo-get")
}

struct Scratch(PathBuf);

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Whether gomvs reproduces the recorded line `g` (the differing streams).
fn differs(cmdgo: &Path, g: &serde_json::Value, n: usize) -> Vec<&'static str> {
    let case = g["case"].as_str().expect("case");
    let cdir = cmdgo.join("cases").join(case);
    let spec: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(cdir.join("case.json")).expect("case.json"))
            .expect("case.json is JSON");
    let tmp =
        Scratch(std::env::temp_dir().join(format!("gomvs-cmdgo-get-{}-{n}", std::process::id())));
    let work = tmp.0.join("work");
    common::copy_tree(&cdir.join("work"), &work, &[]).expect("copy work");
    let proxy = cmdgo.join("proxy");
    let cwd = work.join(spec["cwd"].as_str().expect("cwd"));
    let args: Vec<&str> = g["args"]
        .as_array()
        .expect("args")
        .iter()
        .filter_map(|a| a.as_str())
        .collect();
    let run = |flag: &str| {
        let mut c = Command::new(env!("CARGO_BIN_EXE_gomvs"));
        c.arg("get")
            .arg(flag)
            .args(&args)
            .current_dir(&cwd)
            .env_clear()
            .env("PATH", "/usr/bin:/bin")
            .env("GOENV", "off")
            .env("GOMODCACHE", tmp.0.join("modcache"))
            .env("GOPATH", work.join("gopath"))
            .env("GOPROXY", format!("file://{}", proxy.display()))
            .env("GOSUMDB", "off")
            .env("GOTOOLCHAIN", "local")
            .env("HOME", tmp.0.join("home"));
        if let Some(env) = spec["env"].as_object() {
            for (k, v) in env {
                let v = v.as_str().unwrap_or("");
                c.env(k, v.replace("$WORK", &work.display().to_string()));
            }
        }
        c.output().expect("run gomvs get")
    };
    let norm = |b: &[u8]| {
        String::from_utf8_lossy(b)
            .replace(&tmp.0.join("modcache").display().to_string(), "$GOMODCACHE")
            .replace(&work.display().to_string(), "$WORK")
            .replace(&proxy.display().to_string(), "$PROXY")
    };
    let m = run("--print-gomod");
    let s = run("--print-gosum");
    let mut d = Vec::new();
    if norm(&m.stderr) != g["stderr"].as_str().unwrap_or("") {
        d.push("stderr");
    }
    if i64::from(m.status.code().unwrap_or(-1)) != g["exit"].as_i64().unwrap_or(-2) {
        d.push("exit");
    }
    if g["exit"].as_i64() == Some(0) {
        if String::from_utf8_lossy(&m.stdout) != g["go.mod"].as_str().unwrap_or("") {
            d.push("go.mod");
        }
        if String::from_utf8_lossy(&s.stdout) != g["go.sum"].as_str().unwrap_or("") {
            d.push("go.sum");
        }
    }
    d
}

#[test]
fn go_get_lines_of_the_cmd_go_scripts() {
    let cmdgo = common::corpus()
        .join("cmd-go")
        .canonicalize()
        .expect("cmd-go corpus");
    let gaps: BTreeMap<String, String> = std::fs::read_to_string(testdata().join("known-gaps.txt"))
        .expect("known-gaps.txt")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split_once("  "))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let goldens = std::fs::read_to_string(testdata().join("goldens.jsonl")).expect("goldens");
    let (mut same, mut gap_seen, mut problems) = (0, 0, Vec::new());
    for (n, line) in goldens.lines().enumerate() {
        let g: serde_json::Value = serde_json::from_str(line).expect("golden line");
        let key = format!(
            "{}:{}",
            g["case"].as_str().unwrap_or(""),
            g["line"].as_i64().unwrap_or(0)
        );
        let d = differs(&cmdgo, &g, n);
        match (d.is_empty(), gaps.contains_key(&key)) {
            (true, false) => same += 1,
            (false, true) => gap_seen += 1,
            (true, true) => problems.push(format!(
                "{key}: now identical to go, remove it from known-gaps.txt"
            )),
            (false, false) => {
                problems.push(format!("{key} ({}): {} differ", g["args"], d.join(", ")))
            }
        }
    }
    assert!(same >= 179, "only {same} lines identical");
    assert_eq!(gap_seen, gaps.len(), "known gaps not all seen");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
