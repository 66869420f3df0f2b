//! Cost of `gomvs diff` over one resolution, on two consecutive gopls
//! releases of the golang-x corpus ([`BASE`] → [`HEAD`]: the consecutive
//! pair with the most changed modules among the last gopls tags that
//! resolve; `gopls@v0.22.0` does not, its proxy lacks modules):
//!
//! * `list`: open + load + the `go list -m all` rows of one side (what
//!   `gomvs list all` computes);
//! * `diff`: both sides opened, loaded and listed as `gomvs diff` does for
//!   each side (`list_modules(all)` decides whether go would fail there),
//!   sharing one module source, then `diff()`;
//! * `diff_only`: `diff()` on two graphs loaded beforehand;
//! * `git_tree_load`: one side (the head) through `gomvs_git`: repository
//!   discovery, revision resolution and [`GitTreeFiles`] on a temporary git
//!   repository built with the `git` CLI (two commits: the cases'
//!   `main/go.mod` + `main/go.sum`), then open + load + rows;
//! * `git_open`: only the git part of `git_tree_load` (discovery,
//!   resolution of `HEAD`, the commit's tree), which `gomvs diff` does once
//!   per revision side.
//!
//! Target (issue 8): a diff costs at most about two resolutions plus
//! reading the git objects, i.e. `diff` ≲ 2 × `list` and `git_tree_load`
//! ≈ `list`.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use gomvs_git::{GitRepo, GitTreeFiles};
use gomvs_graph::diff::diff;
use gomvs_graph::env::GoEnv;
use gomvs_graph::files::FileTree;
use gomvs_graph::listing::{list_all, list_modules, CacheLayout, ListMode};
use gomvs_graph::loader::{GoCommand, LoadConfig, Loaded, Session};
use gomvs_graph::source::{GoSources, ModuleSource};

/// The base side.
const BASE: &str = "gopls@v0.19.1";
/// The head side.
const HEAD: &str = "gopls@v0.20.0";

/// The environment of one side: the corpus' file:// proxy, an empty module
/// cache (dependency go.mod files are read from the proxy directory).
fn env_for(case: &gomvs_benches::CorpusCase, cwd: &Path, tmp: &Path) -> GoEnv {
    let vars = [
        ("GOTOOLCHAIN", "local".to_string()),
        ("GOSUMDB", "off".to_string()),
        ("GOENV", "off".to_string()),
        ("GOWORK", "off".to_string()),
        ("GOFLAGS", "-mod=readonly".to_string()),
        ("GOPROXY", format!("file://{}", case.proxy_dir.display())),
        ("GOMODCACHE", tmp.join("modcache").display().to_string()),
        ("GOPATH", tmp.join("gopath").display().to_string()),
        ("HOME", tmp.join("home").display().to_string()),
    ];
    GoEnv::new(vars, cwd)
}

fn config(env: &GoEnv) -> LoadConfig {
    LoadConfig::from_env(env, GoCommand::ListModules, None).unwrap_or_else(|e| panic!("{e}"))
}

/// Opens and loads with `config` (its `files` and `cwd`), panicking on a
/// failure: a benchmark input must load.
fn load(config: &LoadConfig, source: Arc<dyn ModuleSource>) -> Loaded {
    let session = Session::open(config.clone(), source).unwrap_or_else(|e| panic!("{e}"));
    let loaded = session.load().unwrap_or_else(|e| panic!("{e}"));
    if let Some(e) = &loaded.error {
        panic!("load failed in {}: {e}", config.cwd.display());
    }
    loaded
}

/// What `gomvs diff` does for one side (`Context::load_build_list`): load,
/// then `list_modules(all)`, which decides whether go would fail there.
fn load_side(config: &LoadConfig, source: Arc<dyn ModuleSource>, cache: &CacheLayout) -> Loaded {
    let loaded = load(config, source);
    let listing = list_modules(&loaded, cache, &["all".to_string()], ListMode::default())
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(listing.error.is_none(), "{:?}", listing.error);
    black_box(&listing.rows);
    loaded
}

/// Runs `git args` in `dir`, panicking with its stderr on failure.
fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args([
            "-c",
            "user.name=gomvs bench",
            "-c",
            "user.email=bench@gomvs.invalid",
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output()
        .unwrap_or_else(|e| panic!("cannot run git (needed by the git_tree_load bench): {e}"));
    assert!(
        out.status.success(),
        "git {args:?} failed in {}: {}",
        dir.display(),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A git repository whose two commits are `base` and `head`'s `main/go.mod`
/// and `main/go.sum`.
fn git_repo(dir: &Path, cases: [&gomvs_benches::CorpusCase; 2]) -> PathBuf {
    let repo = dir.join("repo");
    std::fs::create_dir_all(&repo).unwrap_or_else(|e| panic!("{}: {e}", repo.display()));
    git(&repo, &["init", "-q"]);
    for case in cases {
        for f in ["go.mod", "go.sum"] {
            let from = case.main_dir.join(f);
            std::fs::copy(&from, repo.join(f))
                .unwrap_or_else(|e| panic!("{}: {e}", from.display()));
        }
        git(&repo, &["add", "go.mod", "go.sum"]);
        git(&repo, &["commit", "-q", "-m", &case.name]);
    }
    repo
}

/// The head side through `gomvs_git`, as `gomvs diff BASE HEAD` opens a
/// revision.
fn git_files(repo: &Path, rev: &str) -> Arc<dyn FileTree> {
    let git = GitRepo::discover(repo).unwrap_or_else(|e| panic!("{e}"));
    let revision = git.resolve(rev).unwrap_or_else(|e| panic!("{e}"));
    Arc::new(GitTreeFiles::new(&git, &revision).unwrap_or_else(|e| panic!("{e}")))
}

fn bench(c: &mut Criterion) {
    let tmp = std::env::temp_dir().join(format!("gomvs-bench-diff-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    let base_case = gomvs_benches::golang_x_case(BASE);
    let head_case = gomvs_benches::golang_x_case(HEAD);
    let base_env = env_for(&base_case, &base_case.main_dir, &tmp);
    let head_env = env_for(&head_case, &head_case.main_dir, &tmp);
    let base_config = config(&base_env);
    let head_config = config(&head_env);
    let cache = CacheLayout { root: None };
    let sources = || -> Arc<dyn ModuleSource> { Arc::new(GoSources::new(&head_env)) };

    let repo = git_repo(&tmp, [&base_case, &head_case]);
    let repo_env = env_for(&head_case, &repo, &tmp);
    let mut git_config = config(&repo_env);

    // The inputs are what they claim: the git side lists what the directory
    // side lists, and the two sides differ.
    let before = load(&base_config, sources());
    let after = load(&head_config, sources());
    git_config.files = git_files(&repo, "HEAD");
    let from_git = load(&git_config, sources());
    let rows = |l: &Loaded| -> Vec<String> {
        list_all(l, &cache)
            .iter()
            .map(gomvs_benches::golist::module_text)
            .collect()
    };
    assert_eq!(rows(&after), rows(&from_git), "git tree load differs");
    let d = diff(&before, &after);
    assert!(!d.is_empty(), "{BASE} → {HEAD}: no change");
    eprintln!(
        "diff bench: {BASE} ({} modules) → {HEAD} ({} modules): {} changes",
        rows(&before).len(),
        rows(&after).len(),
        d.changes.len()
    );
    drop(from_git);

    let mut g = c.benchmark_group("diff");
    g.measurement_time(Duration::from_secs(8));
    g.sample_size(30);
    g.bench_function("list", |b| {
        b.iter(|| {
            let loaded = load(&head_config, sources());
            black_box(list_all(&loaded, &cache));
        })
    });
    g.bench_function("diff", |b| {
        b.iter(|| {
            let source = sources();
            let before = load_side(&base_config, source.clone(), &cache);
            let after = load_side(&head_config, source, &cache);
            black_box(diff(&before, &after));
        })
    });
    g.bench_function("diff_only", |b| b.iter(|| black_box(diff(&before, &after))));
    g.bench_function("git_tree_load", |b| {
        b.iter(|| {
            let mut config = git_config.clone();
            config.files = git_files(&repo, "HEAD");
            let loaded = load(&config, sources());
            black_box(list_all(&loaded, &cache));
        })
    });
    g.bench_function("git_open", |b| {
        b.iter(|| black_box(git_files(&repo, "HEAD")))
    });
    g.finish();
    drop((before, after));
    let _ = std::fs::remove_dir_all(&tmp);
}

criterion_group!(benches, bench);
criterion_main!(benches);
