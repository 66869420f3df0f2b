//! Offline on a developer's machine: with the default GOPROXY (a network
//! proxy), `gomvs list -u` answers from the module cache's `cache/download`
//! tree as a `file://` proxy, with one notice line. The module cache here is
//! the golang-x corpus proxy itself (a `cache/download` symlink to it: a
//! proxy tree and the cache's download tree have the same layout), so the
//! answers must be exactly what the real go 1.27.3 printed with
//! `GOPROXY=file://<proxy>` (the corpus' recorded `go list -m -u all`).

mod common;

use std::path::PathBuf;
use std::process::{Command, Output};

struct Cache {
    dir: PathBuf,
}

impl Drop for Cache {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn golang_x() -> PathBuf {
    let dir = common::corpus().join("golang-x");
    dir.canonicalize()
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
}

/// A module cache whose `cache/download` is the golang-x proxy.
fn cache(tag: &str) -> Cache {
    let dir = std::env::temp_dir().join(format!("gomvs-offline-{}-{tag}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("modcache/cache")).expect("mkdir");
    std::os::unix::fs::symlink(
        golang_x().join("proxy"),
        dir.join("modcache/cache/download"),
    )
    .expect("symlink");
    Cache { dir }
}

fn run(c: &Cache, case: &str, args: &[&str], extra: &[(&str, &str)]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gomvs"))
        .args(args)
        .current_dir(golang_x().join("cases").join(case).join("main"))
        .env_clear()
        .env("PATH", "/usr/bin:/bin")
        .env("HOME", c.dir.join("home"))
        .env("GOPATH", c.dir.join("gopath"))
        .env("GOMODCACHE", c.dir.join("modcache"))
        .env("GOTOOLCHAIN", "local")
        .env("GOSUMDB", "off")
        .env("GOFLAGS", "-mod=mod")
        .env("GOWORK", "off")
        .env("GOENV", "off")
        .envs(extra.iter().copied())
        .output()
        .expect("run gomvs")
}

fn notice(c: &Cache) -> String {
    format!(
        "gomvs: offline: module versions come from the module cache (GOPROXY=file://{}/modcache/cache/download instead of https://proxy.golang.org,direct); versions published since it last fetched are not seen\n",
        c.dir.display()
    )
}

fn expected(case: &str, file: &str) -> String {
    let p = golang_x()
        .join("cases")
        .join(case)
        .join("expected/mod")
        .join(file);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

#[test]
fn list_u_reads_the_module_cache_as_go_would_with_it_as_goproxy() {
    let c = cache("listu");
    for case in [
        "google.golang.org-protobuf@v1.20.0",
        "gopls@v0.16.0",
        "tools@v0.1.0",
    ] {
        let out = run(&c, case, &["list", "-u", "all"], &[]);
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            expected(case, "list-m-u-all.stdout"),
            "{case}"
        );
        let want_err = expected(case, "list-m-u-all.stderr").replace(
            "$PROXY",
            &format!("{}/modcache/cache/download", c.dir.display()),
        );
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            notice(&c) + &want_err,
            "{case}"
        );
        assert_eq!(
            out.status.code().map(|s| s.to_string()),
            Some(expected(case, "list-m-u-all.exitcode").trim().to_string())
        );
    }
}

#[test]
fn an_explicit_switch_and_its_opposite() {
    let c = cache("switch");
    let case = "google.golang.org-protobuf@v1.20.0";
    // GOMVS_OFFLINE=1 with a file:// GOPROXY that lacks everything: the cache wins.
    let out = run(
        &c,
        case,
        &["list", "-u", "all"],
        &[("GOMVS_OFFLINE", "1"), ("GOPROXY", "file:///nonexistent")],
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        expected(case, "list-m-u-all.stdout")
    );
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("gomvs: offline: "));
    // --offline is the same switch.
    let flag = run(
        &c,
        case,
        &["list", "--offline", "-u", "all"],
        &[("GOPROXY", "file:///nonexistent")],
    );
    assert_eq!(flag.stdout, out.stdout);
    // GOMVS_OFFLINE=0: the network proxy stays, and fails as before.
    let off = run(&c, case, &["list", "-u", "all"], &[("GOMVS_OFFLINE", "0")]);
    assert_eq!(off.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&off.stderr).contains("gomvs is offline"));
    // A bad value names the variable.
    let bad = run(&c, case, &["upgrades"], &[("GOMVS_OFFLINE", "maybe")]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("GOMVS_OFFLINE=maybe"));
    // list without a version query loads as before, no notice.
    let plain = run(&c, case, &["list", "all"], &[]);
    assert!(!String::from_utf8_lossy(&plain.stderr).contains("gomvs: offline"));
}

#[test]
fn upgrades_offline_has_one_notice_line() {
    let c = cache("upg");
    let out = run(
        &c,
        "google.golang.org-protobuf@v1.20.0",
        &["upgrades", "--color=never"],
        &[],
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), notice(&c));
}
