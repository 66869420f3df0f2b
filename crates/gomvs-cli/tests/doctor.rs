//! `gomvs doctor` on small proxies built here: the GOPROXY fallback rules
//! (`,` only on "not found", `|` on any error), GONOPROXY routing, the
//! checksum decisions, the findings, and `--export-proxy` (refuses a
//! non-empty directory, writes exactly the files, nothing else). The
//! prediction itself is judged by the real go in
//! `scripts/differential/doctor_mode.py`; these tests pin the behaviour
//! offline, without go.
#![allow(clippy::unwrap_used)]

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

fn write(path: &Path, data: &str) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, data).unwrap();
}

/// A main module requiring example.com/a v1.0.0 (go 1.21) and a proxy
/// directory per name with the given files of a@v1.0.0 (`mod`, `info`, `zip`).
struct Case {
    dir: tempfile::TempDir,
}

impl Case {
    fn new() -> Case {
        let dir = tempfile::tempdir().unwrap();
        write(
            &dir.path().join("main/go.mod"),
            "module example.com/main\n\ngo 1.21\n\nrequire example.com/a v1.0.0\n",
        );
        Case { dir }
    }

    fn proxy(&self, name: &str, files: &[&str]) -> String {
        let v = self.dir.path().join(name).join("example.com/a/@v");
        fs::create_dir_all(&v).unwrap();
        for f in files {
            let p = v.join(format!("v1.0.0.{f}"));
            match *f {
                "mod" => write(&p, "module example.com/a\n\ngo 1.21\n"),
                "info" => write(
                    &p,
                    "{\"Version\":\"v1.0.0\",\"Time\":\"2024-01-01T00:00:00Z\"}\n",
                ),
                "zip" => write(&p, "not really a zip"),
                // a directory where the file should be: a read error, not "not found"
                "dirzip" => fs::create_dir_all(v.join("v1.0.0.zip")).unwrap(),
                _ => panic!("{f}"),
            }
        }
        format!("file://{}", self.dir.path().join(name).display())
    }

    /// `gomvs doctor ARGS` in main/ with only `env` (plus GOENV=off and the case's module cache).
    fn run(&self, env: &[(&str, &str)], args: &[&str]) -> std::process::Output {
        let mut c = Command::new(env!("CARGO_BIN_EXE_gomvs"));
        c.arg("doctor")
            .args(args)
            .current_dir(self.dir.path().join("main"))
            .env_clear()
            .env("GOENV", "off")
            .env("GOMODCACHE", self.dir.path().join("modcache"));
        for (k, v) in env {
            c.env(k, v);
        }
        c.output().unwrap()
    }

    fn doctor(&self, env: &[(&str, &str)], args: &[&str]) -> (serde_json::Value, i32) {
        let mut c = Command::new(env!("CARGO_BIN_EXE_gomvs"));
        c.arg("doctor")
            .arg("--json")
            .args(args)
            .current_dir(self.dir.path().join("main"))
            .env_clear()
            .env("GOENV", "off")
            .env("GOMODCACHE", self.dir.path().join("modcache"))
            .env("HOME", self.dir.path());
        for (k, v) in env {
            c.env(k, v);
        }
        let out = c.output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        let v: serde_json::Value = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{e}: {text} {}", String::from_utf8_lossy(&out.stderr)));
        (v["data"].clone(), out.status.code().unwrap_or(-1))
    }
}

fn download<'a>(plan: &'a serde_json::Value, path: &str) -> &'a serde_json::Value {
    plan["plan"]["modules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["download"] == true && m["module"]["path"] == path)
        .unwrap_or_else(|| panic!("no download of {path}: {plan}"))
}

fn codes(plan: &serde_json::Value) -> Vec<String> {
    plan["report"]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn comma_falls_through_on_not_found_only() {
    let c = Case::new();
    let a = c.proxy("A", &["mod", "info", "dirzip"]);
    let b = c.proxy("B", &["mod", "info", "zip"]);
    // `,`: A's zip is a directory (not "not found"): the list stops, go fails.
    let (plan, code) = c.doctor(&[("GOPROXY", &format!("{a},{b}")), ("GOSUMDB", "off")], &[]);
    let m = download(&plan, "example.com/a");
    let zip = &m["files"][2];
    assert_eq!(zip["file"], "zip");
    assert_eq!(zip["outcome"]["kind"], "fails", "{m}");
    assert_eq!(zip["steps"].as_array().unwrap().len(), 1);
    assert!(m["error"]
        .as_str()
        .unwrap()
        .contains("copy_file_range: is a directory"));
    assert!(codes(&plan).contains(&"GMV0404".to_string()));
    assert_eq!(code, 1);
    // `|`: B serves it.
    let (plan, _) = c.doctor(&[("GOPROXY", &format!("{a}|{b}")), ("GOSUMDB", "off")], &[]);
    let zip = &download(&plan, "example.com/a")["files"][2];
    assert_eq!(
        zip["outcome"],
        serde_json::json!({"kind": "served", "entry": b})
    );
    assert_eq!(zip["steps"][0]["answer"], "failed");
}

#[test]
fn missing_file_falls_through_and_network_entries_stop_the_prediction() {
    let c = Case::new();
    let a = c.proxy("A", &["mod", "info"]);
    let (plan, _) = c.doctor(
        &[("GOPROXY", &format!("{a},https://proxy.example.com,direct"))],
        &[],
    );
    let m = download(&plan, "example.com/a");
    let zip = &m["files"][2];
    assert_eq!(zip["steps"][0]["answer"], "not_found");
    assert_eq!(
        zip["outcome"],
        serde_json::json!({"kind": "network", "entry": "https://proxy.example.com"})
    );
    assert_eq!(m["needs_network"], true);
    assert!(m.get("error").is_none());
    // go.sum has nothing: both hashes are looked up in the default database.
    let lookups: Vec<_> = m["checksums"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["check"]["kind"].as_str().unwrap())
        .collect();
    assert_eq!(lookups, ["sum_db", "sum_db"]);
    assert!(codes(&plan).contains(&"GMV0401".to_string()));
    assert!(codes(&plan).contains(&"GMV0201".to_string()));
}

#[test]
fn goprivate_routes_direct_skips_the_database_and_flags_leaks_otherwise() {
    let c = Case::new();
    let a = c.proxy("A", &["mod", "info"]);
    let env = [("GOPROXY", format!("{a},https://proxy.example.com"))];
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    // example.com/a looks private only by --private: sent to the proxy → GMV0402.
    let (plan, _) = c.doctor(&env, &["--private", "example.com/a"]);
    assert!(codes(&plan).contains(&"GMV0402".to_string()), "{plan}");
    let mut env2 = env.clone();
    env2.push(("GOPRIVATE", "example.com"));
    let (plan, _) = c.doctor(&env2, &["--private", "example.com/a"]);
    assert!(!codes(&plan).contains(&"GMV0402".to_string()), "{plan}");
    // The go.mod goes `direct` (network): the offline prediction stops there.
    assert!(plan["plan"]["needs_network_to_load"]
        .as_array()
        .is_some_and(|l| !l.is_empty()));
    let m = &plan["plan"]["modules"][0];
    assert_eq!(m["module"]["path"], "example.com/a");
    assert_eq!(m["noproxy"], true);
    let gomod = &m["files"][0];
    assert_eq!(gomod["steps"][0]["entry"], "noproxy");
    assert_eq!(gomod["steps"][0]["answer"], "network");
    assert_eq!(gomod["steps"][0]["direct"]["how"], "go-get meta tag");
    assert_eq!(
        m["checksums"][0]["check"],
        serde_json::json!({"kind": "skipped", "reason": {"kind": "goprivate", "pattern": "example.com"}})
    );
}

#[test]
fn settings_findings() {
    let c = Case::new();
    let a = c.proxy("A", &["mod", "info", "zip"]);
    let (plan, _) = c.doctor(
        &[
            ("GOPROXY", &a),
            ("GOSUMDB", "off"),
            ("GOFLAGS", "-insecure"),
            ("GONOSUMCHECK", "1"),
        ],
        &[],
    );
    let codes = codes(&plan);
    assert_eq!(
        codes.iter().filter(|c| *c == "GMV0407").count(),
        2,
        "{codes:?}"
    );
    assert!(codes.contains(&"GMV0403".to_string()));
    let (plan, _) = c.doctor(&[("GOPROXY", "off")], &["--air-gapped"]);
    assert!(self::codes(&plan).contains(&"GMV0405".to_string()));
}

#[test]
fn export_writes_the_files_and_refuses_a_non_empty_directory() {
    let c = Case::new();
    let a = c.proxy("A", &["mod", "info", "zip"]);
    let out: PathBuf = c.dir.path().join("export");
    let env = [("GOPROXY", a.as_str()), ("GOSUMDB", "off")];
    let (plan, code) = c.doctor(&env, &["--export-proxy", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{plan}");
    assert_eq!(plan["export"]["files"], 4);
    let mut files: Vec<String> = walk(&out);
    files.sort();
    assert_eq!(
        files,
        [
            "example.com/a/@v/list",
            "example.com/a/@v/v1.0.0.info",
            "example.com/a/@v/v1.0.0.mod",
            "example.com/a/@v/v1.0.0.zip"
        ]
    );
    assert_eq!(
        fs::read_to_string(out.join("example.com/a/@v/list")).unwrap(),
        "v1.0.0\n"
    );
    // non-empty: refused with exit 2, nothing written
    let status = Command::new(env!("CARGO_BIN_EXE_gomvs"))
        .args(["doctor", "--export-proxy", out.to_str().unwrap()])
        .current_dir(c.dir.path().join("main"))
        .env("GOPROXY", &a)
        .env("GOMODCACHE", c.dir.path().join("modcache"))
        .env("GOENV", "off")
        .output()
        .unwrap();
    assert_eq!(status.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&status.stderr).contains("is not empty"));
    // nothing was written outside the export directory (the module cache stays absent)
    assert!(!c.dir.path().join("modcache").exists());
}

fn walk(root: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p.strip_prefix(root).unwrap().display().to_string());
            }
        }
    }
    out
}

#[test]
fn sarif_and_github_formats_carry_the_findings() {
    let c = Case::new();
    let a = c.proxy("A", &["mod", "info", "dirzip"]);
    let env = [("GOPROXY", a.as_str()), ("GOSUMDB", "off")];
    let out = c.run(&env, &["--format", "sarif"]);
    assert_eq!(out.status.code(), Some(1));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let errors = common::sarif_errors(&common::sarif_validator(), &doc);
    assert!(errors.is_empty(), "{errors:?}");
    let ids: Vec<&str> = doc["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["ruleId"].as_str().unwrap())
        .collect();
    assert!(
        ids.contains(&"GMV0404") && ids.contains(&"GMV0403"),
        "{ids:?}"
    );
    let gh = c.run(&env, &["--format", "github"]);
    let text = String::from_utf8_lossy(&gh.stdout);
    assert!(
        text.lines()
            .any(|l| l.starts_with("::error") && l.contains("GMV0404")),
        "{text}"
    );
}

#[test]
fn directory_replacements_a_clean_checkout_lacks() {
    let c = Case::new();
    let a = c.proxy("A", &["mod", "info", "zip"]);
    let main = c.dir.path().join("main");
    fs::create_dir_all(main.join(".git")).unwrap();
    // outside the repository (main/ is its root), but present here
    write(
        &c.dir.path().join("outside/go.mod"),
        "module example.com/a\n\ngo 1.21\n",
    );
    let gomod = fs::read_to_string(main.join("go.mod")).unwrap();
    fs::write(
        main.join("go.mod"),
        format!("{gomod}\nreplace example.com/a => ../outside\n"),
    )
    .unwrap();
    let (plan, code) = c.doctor(&[("GOPROXY", &a), ("GOSUMDB", "off")], &[]);
    let f: Vec<&serde_json::Value> = plan["report"]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "GMV0406")
        .collect();
    assert_eq!(f.len(), 1, "{plan}");
    assert!(f[0]["message"]
        .as_str()
        .unwrap()
        .contains("outside the repository"));
    assert_eq!(
        f[0]["location"],
        serde_json::json!({"file": "go.mod", "line": 7})
    );
    assert_eq!(code, 1);
    // missing: the load fails (as go's does), and the finding still points at the line
    fs::write(
        main.join("go.mod"),
        format!("{gomod}\nreplace example.com/a => ../missing\n"),
    )
    .unwrap();
    let (plan, _) = c.doctor(&[("GOPROXY", &a), ("GOSUMDB", "off")], &[]);
    assert!(!plan["plan"]["load_error"].as_array().unwrap().is_empty());
    let msg: Vec<&str> = plan["report"]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "GMV0406")
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert!(
        msg.len() == 1 && msg[0].contains("does not exist"),
        "{msg:?}"
    );
}

/// The text for people, as snapshots (temporary paths shown as `[TMP]`):
/// a two-entry `|` chain where the first proxy lacks the .info and has a
/// directory in place of the zip; then a go.sum whose go.mod hash is wrong
/// (go's SECURITY ERROR stops the load).
#[test]
fn text_snapshots() {
    let c = Case::new();
    let a = c.proxy("A", &["mod", "dirzip"]);
    let b = c.proxy("B", &["mod", "info", "zip"]);
    let run = || {
        let out = Command::new(env!("CARGO_BIN_EXE_gomvs"))
            .args(["doctor", "--color", "never"])
            .current_dir(c.dir.path().join("main"))
            .env_clear()
            .env("GOENV", "off")
            .env("GOPROXY", format!("{a}|{b}"))
            .env("GOSUMDB", "off")
            .env("GOMODCACHE", c.dir.path().join("modcache"))
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).replace(&c.dir.path().display().to_string(), "[TMP]")
    };
    insta::assert_snapshot!("doctor_text", run());
    fs::write(
        c.dir.path().join("main/go.sum"),
        "example.com/a v1.0.0/go.mod h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n",
    )
    .unwrap();
    insta::assert_snapshot!("doctor_text_gosum_mismatch", run());
}
