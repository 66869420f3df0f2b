//! GOPROXY, fallback, GOFLAGS, GOPATH and GOWORK behaviour against
//! testdata/sources/behaviour.golden, recorded from the real go by
//! scripts/record-source-behaviour.sh (same scenarios, same names).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use gomvs_graph::env::GoEnv;
use gomvs_graph::source::{GoSources, ModuleSource};
use gomvs_modfile::ModuleVersion;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Scenario name → (exit status, stderr lines).
fn golden() -> BTreeMap<String, (i32, Vec<String>)> {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/sources/behaviour.golden");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut out = BTreeMap::new();
    let mut cur: Option<(String, i32, Vec<String>)> = None;
    for line in text.lines() {
        if let Some(name) = line.strip_prefix("## ") {
            if let Some((n, c, l)) = cur.take() {
                out.insert(n, (c, l));
            }
            cur = Some((name.to_string(), 0, Vec::new()));
        } else if let Some(code) = line.strip_prefix("exit ") {
            if let Some(c) = cur.as_mut() {
                c.1 = code.parse().unwrap();
            }
        } else if let Some(c) = cur.as_mut() {
            c.2.push(line.to_string());
        }
    }
    if let Some((n, c, l)) = cur {
        out.insert(n, (c, l));
    }
    out
}

/// The scratch tree of the script: proxy/, bad/ (bad .info, .mod is a
/// directory), "p q"/, main/.
fn scratch() -> PathBuf {
    static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let t = std::env::temp_dir().join(format!("gomvs-behaviour-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&t);
    let a = t.join("proxy/example.com/a/@v");
    std::fs::create_dir_all(&a).unwrap();
    std::fs::write(a.join("v1.0.0.mod"), "module example.com/a\n\ngo 1.21\n").unwrap();
    std::fs::write(
        a.join("v1.0.0.info"),
        "{\"Version\":\"v1.0.0\",\"Time\":\"2020-01-01T00:00:00Z\"}\n",
    )
    .unwrap();
    std::fs::write(a.join("list"), "v1.0.0\n").unwrap();
    let b = t.join("bad/example.com/a/@v");
    std::fs::create_dir_all(b.join("v1.0.0.mod")).unwrap();
    std::fs::write(b.join("v1.0.0.info"), "bad\n").unwrap();
    std::fs::create_dir_all(t.join("p q")).unwrap();
    std::fs::create_dir_all(t.join("main")).unwrap();
    t
}

/// Cuts a network error after its URL, as the script does.
fn cut_network_tail(line: &str) -> String {
    if let Some(i) = line.find("Get \"") {
        let rest = &line[i + 5..];
        if let Some(j) = rest.find('"') {
            return format!("{}Get \"{}\": …", &line[..i], &rest[..j]);
        }
    }
    line.to_string()
}

/// `go list -m all`'s two lookups for example.com/a v1.0.0.
fn list_lines(tmp: &Path, vars: &[(&str, String)]) -> (i32, Vec<String>) {
    let mut all: Vec<(String, String)> = vec![
        ("GOPROXY".into(), format!("file://{}/proxy", tmp.display())),
        (
            "GOMODCACHE".into(),
            tmp.join(format!("mc-{}", vars.len()))
                .to_string_lossy()
                .into_owned(),
        ),
    ];
    for (k, v) in vars {
        all.retain(|(kk, _)| kk != k);
        all.push((k.to_string(), v.clone()));
    }
    let env = GoEnv::new(all, tmp.join("main"));
    let src = GoSources::new(&env);
    let m = ModuleVersion::new("example.com/a", "v1.0.0");
    let mut lines = Vec::new();
    if let Err(e) = src.info(&m) {
        lines.push(format!("go: {e}"));
    }
    if let Err(e) = src.go_mod(&m) {
        lines.push(format!("go: {}", e.in_context(&m)));
    }
    let lines: Vec<String> = lines
        .iter()
        .map(|l| cut_network_tail(&l.replace(tmp.to_str().unwrap(), "$TMP")))
        .collect();
    (if lines.is_empty() { 0 } else { 1 }, lines)
}

#[test]
fn goproxy_scenarios_match_go() {
    let g = golden();
    let tmp = scratch();
    let t = tmp.display().to_string();
    let scenarios: Vec<(&str, Vec<(&str, String)>)> = vec![
        ("goproxy-file-colon", vec![("GOPROXY", "file:proxy".into())]),
        (
            "goproxy-ipv6-unclosed",
            vec![("GOPROXY", "https://[::1".into())],
        ),
        (
            "goproxy-space-in-host",
            vec![("GOPROXY", "https://a b/x".into())],
        ),
        (
            "goproxy-bad-escape",
            vec![("GOPROXY", "file:///a%zz".into())],
        ),
        (
            "goproxy-localhost",
            vec![("GOPROXY", format!("file://localhost{t}/proxy"))],
        ),
        ("goproxy-missing-scheme", vec![("GOPROXY", "foo".into())]),
        (
            "goproxy-space-in-dir",
            vec![("GOPROXY", format!("file://{t}/p q/nonexist"))],
        ),
        (
            "bad-info-then-comma",
            vec![("GOPROXY", format!("file://{t}/bad,file://{t}/proxy"))],
        ),
        (
            "bad-info-then-pipe",
            vec![("GOPROXY", format!("file://{t}/bad|file://{t}/proxy"))],
        ),
        (
            "goprivate-direct",
            vec![("GOPRIVATE", "example.com".into())],
        ),
        (
            "gonoproxy-other",
            vec![("GONOPROXY", "other.example".into())],
        ),
        (
            "http-proxy-offline",
            vec![("GOPROXY", "http://127.0.0.1:1".into())],
        ),
        ("gomodcache-relative", vec![("GOMODCACHE", "rel/mc".into())]),
    ];
    for (name, vars) in scenarios {
        let want = g.get(name).unwrap_or_else(|| panic!("{name} not recorded"));
        assert_eq!(&list_lines(&tmp, &vars), want, "scenario {name}");
    }
    let _ = std::fs::remove_dir_all(&tmp);
}

#[test]
fn environment_errors_match_go() {
    let g = golden();
    let env = |k: &str, v: &str| GoEnv::new([(k, v), ("HOME", "/home/u")], "/w/main");
    let check = |name: &str, err: gomvs_graph::env::EnvError| {
        let (code, lines) = g.get(name).unwrap();
        assert_eq!(err.exit_code, *code, "{name}");
        // Go adds the command's usage after flag errors; gomvs's CLI does that.
        assert_eq!(
            err.message.lines().collect::<Vec<_>>(),
            lines[..err.message.lines().count()],
            "{name}"
        );
    };
    check(
        "goflags-mod-no-value",
        env("GOFLAGS", "-mod").mod_flag(None).unwrap_err(),
    );
    check(
        "goflags-mod-bogus",
        env("GOFLAGS", "-mod=bogus").mod_flag(None).unwrap_err(),
    );
    check(
        "goflags-non-flag",
        env("GOFLAGS", "x").goflags().unwrap_err(),
    );
    check(
        "goflags-unterminated",
        env("GOFLAGS", "'-mod=mod").goflags().unwrap_err(),
    );
    check(
        "gopath-relative",
        env("GOPATH", "rel").check_gopath().unwrap_err(),
    );
    check(
        "gopath-tilde",
        env("GOPATH", "~/x").check_gopath().unwrap_err(),
    );
    check(
        "gowork-relative",
        env("GOWORK", "ws/go.work").gowork().unwrap_err(),
    );
    assert_eq!(g["goflags-double-dash"].0, 0);

    // go.mod in the temp dir / at the GOPATH root (warnings only).
    let tmp = scratch();
    std::fs::write(tmp.join("main/go.mod"), "module example.com/main\n").unwrap();
    let main = tmp.join("main");
    let sanitize = |w: Vec<String>| -> Vec<String> {
        w.iter()
            .map(|l| l.replace(tmp.to_str().unwrap(), "$TMP"))
            .collect()
    };
    let in_tmp = GoEnv::new([("TMPDIR", main.to_str().unwrap())], &main).find_main_module(false);
    assert_eq!(in_tmp.root, None);
    assert_eq!(
        sanitize(in_tmp.warnings),
        g["gomod-in-tempdir"].1[..1].to_vec()
    );
    let in_gopath = GoEnv::new([("GOPATH", main.to_str().unwrap())], &main).find_main_module(false);
    assert_eq!(in_gopath.root, Some(main.clone()));
    assert_eq!(sanitize(in_gopath.warnings), g["gomod-in-gopath"].1);
    let _ = std::fs::remove_dir_all(&tmp);
    let f = env("GOFLAGS", "--mod=mod").mod_flag(None).unwrap();
    assert_eq!(f.mode, Some(gomvs_graph::env::BuildMod::Mod));
    // go mod graph defines no -mod: GOFLAGS' -mod is ignored (never validated).
    assert_eq!(g["goflags-ignored-by-mod-graph"].0, 0);
    assert!(env("GOFLAGS", "-mod=bogus").goflags().is_ok());
}
