//! Reproducers of past differential mismatches (`testdata/differential/*/`,
//! saved by `scripts/differential/run.py --save-mismatches`): each holds a
//! random module universe, the command, its environment and what the real go
//! printed. gomvs must now print exactly the same. Reproducers of the diff
//! mode (`gomvs diff --dirs base/... head/...`) hold go's `go list -m -json
//! all` of both sides (expected.json): gomvs diff must report exactly the
//! paths whose entries differ, with go's versions, replacements and
//! Indirect flags.

mod common;
use common::copy_tree;
use std::path::{Path, PathBuf};
use std::process::Command;

fn replay(case: &Path) -> Option<String> {
    let text = std::fs::read_to_string(case.join("case.json")).expect("case.json");
    let spec: serde_json::Value = serde_json::from_str(&text).expect("case.json is JSON");
    if spec["gomvs"][1] == "diff" {
        return replay_diff(case, &spec);
    }
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

/// One side's entry of a path: version, replacement (path, version), Indirect.
type Entry = (String, Option<(String, String)>, bool);

/// A diff-mode reproducer: the change set gomvs reports against go's rows.
fn replay_diff(case: &Path, spec: &serde_json::Value) -> Option<String> {
    use serde_json::Value;
    let args: Vec<String> = spec["gomvs"]
        .as_array()
        .expect("gomvs args")
        .iter()
        .skip(1)
        .filter_map(|a| a.as_str().map(str::to_string))
        .collect();
    let proxy = case.join("proxy").canonicalize().expect("proxy dir");
    let tmp = tempfile::tempdir().expect("tmp");
    for side in ["base", "head"] {
        copy_tree(&case.join(side), &tmp.path().join(side), &[]).expect("copy side");
    }
    let out = Command::new(env!("CARGO_BIN_EXE_gomvs"))
        .args(&args)
        .current_dir(tmp.path().join(spec["cwd"].as_str().unwrap_or(".")))
        .env_clear()
        .env("PATH", "/usr/bin:/bin")
        .env("HOME", tmp.path().join("home"))
        .env("GOPATH", tmp.path().join("gopath"))
        .env("GOMODCACHE", tmp.path().join("modcache"))
        .env("GOTOOLCHAIN", "local")
        .env("GOSUMDB", "off")
        .env("GOENV", "off")
        .env("GOFLAGS", spec["goflags"].as_str().unwrap_or(""))
        .env("GOPROXY", format!("file://{}", proxy.display()))
        .output()
        .expect("run gomvs diff");
    let text = std::fs::read_to_string(case.join("expected.json")).expect("expected.json");
    let expected: Value = serde_json::from_str(&text).expect("expected.json is JSON");
    let pair = |v: &Value| -> Option<(String, String)> {
        v.as_object().map(|o| {
            let s = |k: &str| o.get(k).and_then(Value::as_str).unwrap_or("").to_string();
            (s("path"), s("version"))
        })
    };
    let rows = |side: &str| -> std::collections::BTreeMap<String, Entry> {
        expected[side]["rows"]
            .as_object()
            .into_iter()
            .flatten()
            .map(|(path, r)| {
                let version = r["version"].as_str().unwrap_or("").to_string();
                (
                    path.clone(),
                    (version, pair(&r["used"]), r["indirect"] == true),
                )
            })
            .collect()
    };
    let (before, after) = (rows("base"), rows("head"));
    let mut want = std::collections::BTreeMap::new();
    for path in before.keys().chain(after.keys()) {
        let (b, a) = (before.get(path).cloned(), after.get(path).cloned());
        if b != a {
            want.insert(path.clone(), (b, a));
        }
    }
    let go_ok = expected["base"]["exit"] == 0 && expected["head"]["exit"] == 0;
    if !go_ok {
        return (out.status.success()).then(|| {
            format!(
                "{}: go fails on a side, gomvs diff succeeded",
                case.display()
            )
        });
    }
    let Ok(json) = serde_json::from_slice::<Value>(&out.stdout) else {
        return Some(format!(
            "{}: gomvs diff printed no JSON: {}",
            case.display(),
            String::from_utf8_lossy(&out.stderr)
        ));
    };
    let mut got = std::collections::BTreeMap::new();
    for c in json["data"]["changes"].as_array().into_iter().flatten() {
        let path = c["path"].as_str().unwrap_or("").to_string();
        if path == "go" || path == "toolchain" {
            continue;
        }
        let side = |v: &str, u: &str, i: &str| -> Option<Entry> {
            Some((c[v].as_str()?.to_string(), pair(&c[u]), c[i] == true))
        };
        got.insert(
            path,
            (
                side("before", "before_used", "before_indirect"),
                side("after", "after_used", "after_indirect"),
            ),
        );
    }
    (got != want).then(|| {
        format!(
            "{}: gomvs diff reports {got:?}, go's outputs differ in {want:?}",
            case.display()
        )
    })
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
