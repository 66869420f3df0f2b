//! Issue 14's adversarial suite: the hostile cases of
//! scripts/adversarial/gen.py (hostile module paths and versions,
//! replacements and go.work `use` pointing outside the tree, at symlink
//! loops and devices, corrupt proxy files, deep chains, cycles, wide
//! fan-outs, many replaces, many versions) run through gomvs, each command
//! under a 2 GB address-space limit and a time limit. Checked for every
//! command: no panic or abort, the same output twice, nothing written
//! under the case (its tree, module cache and HOME), and exit status,
//! stdout and stderr identical to the real go's answers recorded by
//! scripts/adversarial/record.py in testdata/adversarial/go-answers.json,
//! except the differences listed, with their reason, in
//! testdata/adversarial/known-differences.txt (an entry that now matches
//! fails the test, so the list stays true).

use serde_json::Value;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn hex(b: &[u8]) -> String {
    Sha256::digest(b)
        .iter()
        .map(|x| format!("{x:02x}"))
        .collect()
}

/// go's command line as gomvs's (what scripts/go-shim does).
fn gomvs_args(cmd: &[String]) -> Vec<String> {
    match cmd {
        [l, m, rest @ ..] if l == "list" && m == "-m" => std::iter::once("list".to_string())
            .chain(rest.iter().cloned())
            .collect(),
        [m, g, rest @ ..] if m == "mod" && g == "graph" => std::iter::once("graph".to_string())
            .chain(rest.iter().cloned())
            .collect(),
        _ => panic!("no gomvs spelling for go {cmd:?}"),
    }
}

struct Run {
    exit: i32,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
}

fn run(case: &Path, args: &[String]) -> Run {
    let mut child = Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 2000000; exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_gomvs"))
        .args(args)
        .current_dir(case.join("app"))
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", case.join(".home"))
        .env("GOTOOLCHAIN", "local")
        .env("GOSUMDB", "off")
        .env("GOENV", "off")
        .env(
            "GOPROXY",
            format!("file://{}", case.join("proxy").display()),
        )
        .env("GOMODCACHE", case.join(".modcache"))
        .env("GOPATH", case.join(".gopath"))
        .env("GOFLAGS", "-mod=mod")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("running gomvs: {e}"));
    // Drain the pipes on threads (a wide graph prints more than a pipe holds).
    let mut out_pipe = child.stdout.take();
    let mut err_pipe = child.stderr.take();
    let out_t = std::thread::spawn(move || {
        let mut v = Vec::new();
        if let Some(p) = out_pipe.as_mut() {
            let _ = std::io::Read::read_to_end(p, &mut v);
        }
        v
    });
    let err_t = std::thread::spawn(move || {
        let mut v = Vec::new();
        if let Some(p) = err_pipe.as_mut() {
            let _ = std::io::Read::read_to_end(p, &mut v);
        }
        v
    });
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(s)) => break s,
            Ok(None) if start.elapsed() > Duration::from_secs(120) => {
                let _ = child.kill();
                let _ = child.wait();
                panic!(
                    "gomvs {args:?} in {} still running after 120 s",
                    case.display()
                );
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(10)),
            Err(e) => panic!("waiting for gomvs: {e}"),
        }
    };
    let norm = |b: Vec<u8>| -> Vec<u8> {
        let from = case.as_os_str().as_encoded_bytes();
        let mut out = Vec::with_capacity(b.len());
        let mut i = 0;
        while i < b.len() {
            if b[i..].starts_with(from) {
                out.extend_from_slice(b"$CASE");
                i += from.len();
            } else {
                out.push(b[i]);
                i += 1;
            }
        }
        out
    };
    Run {
        exit: status.code().unwrap_or(-1),
        stdout: norm(out_t.join().unwrap_or_default()),
        stderr: norm(err_t.join().unwrap_or_default()),
    }
}

/// Names, kinds, sizes and contents (regular files) of everything under
/// `dir`, symlinks not followed: equal before and after means nothing was
/// written.
fn digest_tree(dir: &Path) -> String {
    let mut h = Sha256::new();
    let mut stack = vec![dir.to_path_buf()];
    let mut entries = Vec::new();
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            let Ok(md) = std::fs::symlink_metadata(&p) else {
                continue;
            };
            if md.is_dir() {
                stack.push(p.clone());
            }
            entries.push((p, md));
        }
    }
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    for (p, md) in entries {
        h.update(p.as_os_str().as_encoded_bytes());
        h.update(format!("|{:?}|{}|", md.file_type(), md.len()).as_bytes());
        if md.is_file() {
            h.update(std::fs::read(&p).unwrap_or_default());
        }
    }
    h.finalize().iter().map(|x| format!("{x:02x}")).collect()
}

#[test]
fn adversarial_cases_match_go_without_panics_writes_or_nondeterminism() {
    let answers_path = root().join("testdata/adversarial/go-answers.json");
    let answers: Value = serde_json::from_str(
        &std::fs::read_to_string(&answers_path)
            .unwrap_or_else(|e| panic!("{}: {e}", answers_path.display())),
    )
    .unwrap_or_else(|e| panic!("{}: {e}", answers_path.display()));
    let known_path = root().join("testdata/adversarial/known-differences.txt");
    let known: BTreeSet<String> = std::fs::read_to_string(&known_path)
        .unwrap_or_else(|e| panic!("{}: {e}", known_path.display()))
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .collect();

    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let cases_dir = tmp.path().join("cases");
    let st = Command::new("python3")
        .arg(root().join("scripts/adversarial/gen.py"))
        .arg(&cases_dir)
        .status()
        .unwrap_or_else(|e| panic!("python3 scripts/adversarial/gen.py: {e}"));
    assert!(st.success(), "gen.py failed");
    let names: Vec<String> = serde_json::from_str(
        &std::fs::read_to_string(cases_dir.join("cases.json")).unwrap_or_default(),
    )
    .unwrap_or_else(|e| panic!("cases.json: {e}"));
    assert!(names.len() >= 60, "{} cases", names.len());

    let mut mismatches: BTreeMap<String, String> = BTreeMap::new();
    let mut problems = Vec::new();
    let mut commands = 0;
    for name in &names {
        let case = cases_dir.join(name);
        let before = digest_tree(&case);
        let Some(recorded) = answers["cases"][name.as_str()].as_array() else {
            problems.push(format!("{name}: no recorded go answer (run record.py)"));
            continue;
        };
        for (i, ans) in recorded.iter().enumerate() {
            let cmd: Vec<String> = ans["cmd"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|s| s.as_str().map(String::from))
                        .collect()
                })
                .unwrap_or_default();
            let args = gomvs_args(&cmd);
            let first = run(&case, &args);
            let second = run(&case, &args);
            commands += 1;
            let id = format!("{name}#{i}");
            let err_text = String::from_utf8_lossy(&first.stderr);
            if matches!(first.exit, 101 | 134 | -1) || err_text.contains("panicked") {
                problems.push(format!(
                    "{id}: panic or abort (exit {}): {err_text}",
                    first.exit
                ));
            }
            if (first.exit, &first.stdout, &first.stderr)
                != (second.exit, &second.stdout, &second.stderr)
            {
                problems.push(format!("{id}: different output on a second run"));
            }
            let same = i64::from(first.exit) == ans["exit"].as_i64().unwrap_or(-99)
                && hex(&first.stdout) == ans["stdout_sha256"].as_str().unwrap_or("")
                && hex(&first.stderr) == ans["stderr_sha256"].as_str().unwrap_or("");
            if !same {
                mismatches.insert(
                    id,
                    format!(
                        "go: exit {} stderr {:?}\n  gomvs: exit {} stderr {:?}",
                        ans["exit"],
                        ans["stderr_head"].as_str().unwrap_or(""),
                        first.exit,
                        err_text.chars().take(300).collect::<String>()
                    ),
                );
            }
        }
        if digest_tree(&case) != before {
            problems.push(format!("{name}: something under the case was written"));
        }
    }
    for (id, what) in &mismatches {
        if !known.contains(id) {
            problems.push(format!("{id}: differs from go\n  {what}"));
        }
    }
    for id in &known {
        if !mismatches.contains_key(id) {
            problems.push(format!(
                "{id}: listed in known-differences.txt but now matches go: remove it"
            ));
        }
    }
    eprintln!(
        "adversarial: {} cases, {commands} commands, {} known differences from go",
        names.len(),
        mismatches.len()
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
