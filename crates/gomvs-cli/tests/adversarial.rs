//! Issue 14's adversarial suite: the hostile cases of
//! scripts/adversarial/gen.py (hostile module paths and versions,
//! replacements and go.work `use` pointing outside the tree, at symlink
//! loops and devices, corrupt proxy files, deep chains, cycles, wide
//! fan-outs, 200,000 requires, 10,000 replaces, a million versions) run
//! through gomvs, each command under a 2 GB address-space limit and a time
//! limit, its peak RSS measured by GNU time. On every case run the commands
//! go answers too (`list`, `graph`) and every command of gomvs's own
//! (`parse`, `why`, `tree`, `replaces`, `verify`, `check`, `doctor`,
//! `upgrades`, `diff`, `get`, `explore`). Checked for every command: no
//! panic or abort, the same output twice, nothing written under the case
//! (its tree, module cache and HOME), a peak RSS under [`RSS_LIMIT_KIB`];
//! and for go's commands, exit status, stdout and stderr identical to the
//! real go's answers recorded by scripts/adversarial/record.py in
//! testdata/adversarial/go-answers.json, except the differences listed,
//! with their reason, in testdata/adversarial/known-differences.txt (an
//! entry that now matches fails the test, so the list stays true). The
//! peak RSS of each case is printed as a table.

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

/// The most a command may take (peak resident set, KiB): far above what
/// any case needs (the largest, 200,000 requires, about 0.5 GiB), far
/// below what an unbounded read or output reaches.
const RSS_LIMIT_KIB: u64 = 1024 * 1024;

/// GNU time, which reports the peak RSS of the process it runs.
const GNU_TIME: &str = "/usr/bin/time";

struct Run {
    exit: i32,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    /// Peak resident set of the gomvs process (KiB).
    peak_rss_kib: u64,
}

/// Runs gomvs with `args` in the case's `app/`, offline, under the limits;
/// `rss_file` (outside the case) receives GNU time's report.
fn run(case: &Path, args: &[String], rss_file: &Path) -> Run {
    let _ = std::fs::remove_file(rss_file);
    let mut child = Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 2000000; exec \"$0\" -f %M -o \"$@\"")
        .arg(GNU_TIME)
        .arg(rss_file)
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
    // GNU time writes "Command exited with non-zero status N" (or "Command
    // terminated by signal N") before the format's line.
    let report = std::fs::read_to_string(rss_file).unwrap_or_default();
    let peak_rss_kib = report
        .lines()
        .last()
        .and_then(|l| l.trim().parse().ok())
        .unwrap_or_else(|| panic!("{GNU_TIME} -f %M wrote {report:?} for gomvs {args:?}"));
    Run {
        exit: status.code().unwrap_or(-1),
        stdout: norm(out_t.join().unwrap_or_default()),
        stderr: norm(err_t.join().unwrap_or_default()),
        peak_rss_kib,
    }
}

/// gomvs's own commands, run on every case: `dep` is a module of the case's
/// graph (the first requirement `gomvs list all` prints, when it lists one).
fn gomvs_commands(dep: &str) -> Vec<Vec<String>> {
    let cmds: [&[&str]; 12] = [
        &["parse"],
        &["why", dep],
        &["tree"],
        &["tree", "--duplicates"],
        &["replaces"],
        &["verify"],
        &["check"],
        &["doctor"],
        &["upgrades"],
        &["diff", "--dirs", ".", "."],
        &["get", &format!("{dep}@none")],
        &["explore"],
    ];
    cmds.iter()
        .map(|c| c.iter().map(|s| s.to_string()).collect())
        .collect()
}

/// Whether a run ended in a panic or an abort: Rust's panic status (101),
/// SIGABRT (134, as the shell reports it, and GNU time's 128 + signal for
/// any signal), or the panic message.
fn panicked(r: &Run) -> bool {
    r.exit == 101
        || r.exit >= 128
        || r.exit < 0
        || String::from_utf8_lossy(&r.stderr).contains("panicked")
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

/// What one case's commands showed.
#[derive(Default)]
struct CaseResult {
    problems: Vec<String>,
    mismatches: BTreeMap<String, String>,
    commands: usize,
    panics: usize,
    writes: usize,
    nondeterministic: usize,
    /// (commands, peak RSS in KiB, the command that reached it).
    peak: (usize, u64, String),
}

/// Runs every command of one case twice and checks it (see the module
/// documentation); `rss_file` is this thread's GNU time report.
fn run_case(name: &str, case: &Path, answers: &Value, rss_file: &Path) -> CaseResult {
    let mut r = CaseResult::default();
    let before = digest_tree(case);
    let Some(recorded) = answers["cases"][name].as_array() else {
        r.problems
            .push(format!("{name}: no recorded go answer (run record.py)"));
        return r;
    };
    let mut runs: Vec<(String, Vec<String>, Option<&Value>)> = Vec::new();
    for (i, ans) in recorded.iter().enumerate() {
        let cmd: Vec<String> = ans["cmd"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|s| s.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default();
        runs.push((format!("{name}#{i}"), gomvs_args(&cmd), Some(ans)));
    }
    let listed = run(case, &["list".to_string(), "all".to_string()], rss_file);
    let listed = String::from_utf8_lossy(&listed.stdout).into_owned();
    let dep = match listed
        .lines()
        .nth(1)
        .and_then(|l| l.split_whitespace().next())
    {
        Some(d) => d.to_string(),
        None => "example.com/a".to_string(),
    };
    for cmd in gomvs_commands(&dep) {
        runs.push((format!("{name} gomvs {}", cmd.join(" ")), cmd, None));
    }
    let (mut case_peak, mut case_peak_cmd) = (0u64, String::new());
    for (id, args, ans) in &runs {
        let first = run(case, args, rss_file);
        let second = run(case, args, rss_file);
        r.commands += 1;
        let err_text = String::from_utf8_lossy(&first.stderr);
        if panicked(&first) || panicked(&second) {
            r.panics += 1;
            r.problems.push(format!(
                "{id}: panic or abort (exit {}): {err_text}",
                first.exit
            ));
        }
        if (first.exit, &first.stdout, &first.stderr)
            != (second.exit, &second.stdout, &second.stderr)
        {
            r.nondeterministic += 1;
            r.problems
                .push(format!("{id}: different output on a second run"));
        }
        let peak = first.peak_rss_kib.max(second.peak_rss_kib);
        if peak > RSS_LIMIT_KIB {
            r.problems.push(format!(
                "{id}: peak RSS {} MiB, over the {} MiB limit",
                peak / 1024,
                RSS_LIMIT_KIB / 1024
            ));
        }
        if peak > case_peak {
            (case_peak, case_peak_cmd) = (peak, args.join(" "));
        }
        let Some(ans) = ans else {
            // gomvs's own commands: usage errors (exit 2) would mean
            // the command never ran.
            if first.exit == 2 {
                r.problems.push(format!("{id}: exit 2 (usage): {err_text}"));
            }
            continue;
        };
        let same = i64::from(first.exit) == ans["exit"].as_i64().unwrap_or(-99)
            && hex(&first.stdout) == ans["stdout_sha256"].as_str().unwrap_or("")
            && hex(&first.stderr) == ans["stderr_sha256"].as_str().unwrap_or("");
        if !same {
            r.mismatches.insert(
                id.clone(),
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
    if digest_tree(case) != before {
        r.writes += 1;
        r.problems
            .push(format!("{name}: something under the case was written"));
    }
    r.peak = (runs.len(), case_peak, case_peak_cmd);
    r
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

    assert!(
        Path::new(GNU_TIME).exists(),
        "{GNU_TIME} (GNU time) measures each command's peak RSS: install it (apt-get install time)"
    );
    // The cases run on a few threads (each command is a process of its own).
    let workers = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(4);
    let next = std::sync::atomic::AtomicUsize::new(0);
    let results: Vec<(usize, CaseResult)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|w| {
                let (names, cases_dir, answers, next) = (&names, &cases_dir, &answers, &next);
                let rss_file = tmp.path().join(format!("rss-{w}.txt"));
                scope.spawn(move || {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(name) = names.get(i) else { break };
                        done.push((i, run_case(name, &cases_dir.join(name), answers, &rss_file)));
                    }
                    done
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| {
                h.join()
                    .unwrap_or_else(|_| panic!("a case thread panicked"))
            })
            .collect()
    });
    let mut results = results;
    results.sort_by_key(|(i, _)| *i);
    let mut mismatches: BTreeMap<String, String> = BTreeMap::new();
    let mut problems = Vec::new();
    let (mut commands, mut panics, mut writes, mut nondeterministic) = (0, 0, 0, 0);
    let mut peaks: Vec<(String, usize, u64, String)> = Vec::new();
    for (i, r) in results {
        problems.extend(r.problems);
        mismatches.extend(r.mismatches);
        commands += r.commands;
        panics += r.panics;
        writes += r.writes;
        nondeterministic += r.nondeterministic;
        let (n, peak, cmd) = r.peak;
        peaks.push((names[i].clone(), n, peak, cmd));
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
    let mut report =
        String::from("| case | commands | peak RSS [MiB] | reached by |\n|---|---:|---:|---|\n");
    for (name, n, peak, cmd) in &peaks {
        report.push_str(&format!(
            "| {name} | {n} | {:.1} | `gomvs {cmd}` |\n",
            *peak as f64 / 1024.0
        ));
    }
    report.push_str(&format!(
        "\nadversarial: {} cases, {commands} commands (each run twice), {} known differences from go, \
         {panics} panics or aborts, {writes} cases written to, {nondeterministic} nondeterministic, \
         largest peak RSS {:.1} MiB\n",
        names.len(),
        mismatches.len(),
        peaks.iter().map(|p| p.2).max().unwrap_or(0) as f64 / 1024.0
    ));
    eprint!("{report}");
    // cargo test keeps a passing test's output to itself: the table is also
    // left where .ci/run prints it from (target/tmp/adversarial-peaks.md).
    let report_path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("adversarial-peaks.md");
    std::fs::write(&report_path, &report)
        .unwrap_or_else(|e| panic!("{}: {e}", report_path.display()));
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
