//! Module sources against the transcripts of the real go in the shared
//! edge-case corpus (E23, E29, E31, E31b, E40, E57, E58, E61, E64) and the
//! `.info` decoding table recorded by `scripts/record-info-cases.sh`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use gomvs_graph::env::GoEnv;
use gomvs_graph::source::{
    gotime, read_dir_go_mod, GoSources, MemorySource, ModCache, ModuleSource, ProxyDir,
};
use gomvs_modfile::ModuleVersion;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

fn shared_dir() -> PathBuf {
    let dir = match std::env::var_os("GOMVS_SHARED_DIR") {
        Some(d) => PathBuf::from(d),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared"),
    };
    let corpus = dir.join("corpus/edge-cases");
    assert!(
        corpus.is_dir(),
        "shared corpus not found at {} (set GOMVS_SHARED_DIR to the shared directory)",
        corpus.display()
    );
    dir
}

fn case_dir(name: &str) -> PathBuf {
    let d = shared_dir().join("corpus/edge-cases").join(name);
    assert!(d.is_dir(), "edge case {} missing", d.display());
    std::fs::canonicalize(d).unwrap()
}

/// The stderr lines of command `cmd` in a case's expected.txt.
fn expected_stderr(case: &str, cmd: &str) -> Vec<String> {
    let text = std::fs::read_to_string(case_dir(case).join("expected.txt")).unwrap();
    let header = format!("$ {cmd}\n");
    let start = text
        .find(&header)
        .unwrap_or_else(|| panic!("command {cmd:?} not in {case}/expected.txt"));
    let rest = &text[start + header.len()..];
    let err_start = rest.find("--- stderr\n").unwrap() + "--- stderr\n".len();
    let block = &rest[err_start..];
    let end = block
        .find("\n$ ")
        .or_else(|| block.find("\n=== "))
        .unwrap_or(block.len());
    block[..end]
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

fn mv(p: &str, v: &str) -> ModuleVersion {
    ModuleVersion::new(p, v)
}

/// A fresh empty directory under the system temp dir.
fn temp_dir(tag: &str) -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let d = std::env::temp_dir().join(format!(
        "gomvs-sources-{}-{}-{tag}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn proxy_of(case: &str) -> (ProxyDir, String) {
    let p = case_dir(case).join("proxy");
    let s = p.to_string_lossy().into_owned();
    (ProxyDir::new(&p).unwrap(), s)
}

#[test]
fn e29_missing_info_errors_match_go() {
    let (proxy, dir) = proxy_of("29-missing-info-file");
    let want = expected_stderr("29-missing-info-file", "go list -m all");
    let got: Vec<String> = ["example.com/a", "example.com/b"]
        .iter()
        .map(|p| {
            let m = mv(p, "v1.0.0");
            format!("go: {}", proxy.info(&m).unwrap_err().in_context(&m))
        })
        .map(|l| l.replace(&dir, "$PROXY"))
        .collect();
    assert_eq!(got, want);
    // The go.mod files are there (go mod graph succeeds).
    assert!(proxy.go_mod(&mv("example.com/a", "v1.0.0")).is_ok());
}

#[test]
fn e31_unknown_version_info_then_mod_error() {
    let (proxy, dir) = proxy_of("31-unknown-version");
    let m = mv("example.com/a", "v1.9.9");
    let got = [
        format!("go: {}", proxy.info(&m).unwrap_err().in_context(&m)),
        format!("go: {}", proxy.go_mod(&m).unwrap_err().in_context(&m)),
    ];
    let got: Vec<String> = got.iter().map(|l| l.replace(&dir, "$PROXY")).collect();
    assert_eq!(got, expected_stderr("31-unknown-version", "go list -m all"));
    assert!(proxy.go_mod(&m).unwrap_err().is_not_found());
}

#[test]
fn e31_goproxy_off_first_line_unprefixed() {
    let work = temp_dir("e31");
    let env = GoEnv::new(
        [("GOPROXY", "off"), ("GOMODCACHE", work.to_str().unwrap())],
        &work,
    );
    let src = GoSources::new(&env);
    let m = mv("example.com/a", "v1.9.9");
    let got = vec![
        format!("go: {}", src.info(&m).unwrap_err()),
        format!("go: {}", src.go_mod(&m).unwrap_err().in_context(&m)),
    ];
    assert_eq!(
        got,
        expected_stderr("31-unknown-version", "GOPROXY=off go list -m all")
    );
}

#[test]
fn e31b_unknown_module() {
    let (proxy, dir) = proxy_of("31b-unknown-module");
    let m = mv("example.com/nope", "v1.0.0");
    let got: Vec<String> = [
        proxy.info(&m).unwrap_err().in_context(&m),
        proxy.go_mod(&m).unwrap_err().in_context(&m),
    ]
    .iter()
    .map(|l| format!("go: {l}").replace(&dir, "$PROXY"))
    .collect();
    assert_eq!(got, expected_stderr("31b-unknown-module", "go list -m all"));
}

/// E40: runs `go list -m all`'s two lookups (info of a, go.mod of a) the
/// way the Go command does for each GOPROXY setting of the case.
fn e40_lines(goproxy: &str, cache: &Path, work: &Path) -> Vec<String> {
    let env = GoEnv::new(
        [
            ("GOPROXY", goproxy),
            ("GOMODCACHE", cache.to_str().unwrap()),
        ],
        work.join("main"),
    );
    let src = GoSources::new(&env);
    let m = mv("example.com/a", "v1.0.0");
    let mut lines = Vec::new();
    if let Err(e) = src.info(&m) {
        lines.push(format!("go: {e}"));
    }
    if let Err(e) = src.go_mod(&m) {
        lines.push(format!("go: {}", e.in_context(&m)));
    }
    lines
}

#[test]
fn e40_goproxy_lists_match_go() {
    let case = "40-goproxy-list-and-off";
    let proxy = case_dir(case).join("proxy");
    let caseproxy = format!("file://{}", proxy.display());
    let work = temp_dir("e40");
    std::fs::create_dir_all(work.join("main")).unwrap();
    std::fs::create_dir_all(work.join("empty-proxy")).unwrap();
    let empty = format!("file://{}/main/../empty-proxy", work.display());
    let sanitize = |lines: Vec<String>| -> Vec<String> {
        lines
            .into_iter()
            .map(|l| l.replace(work.to_str().unwrap(), "$WORK"))
            .collect()
    };
    let fresh_cache = || temp_dir("e40-cache");
    let cases: Vec<(String, &str)> = vec![
        (
            format!("{empty},{caseproxy}"),
            "GOMODCACHE=$PWD/../mc1 GOPROXY=file://$PWD/../empty-proxy,$CASEPROXY go list -m all",
        ),
        (
            empty.clone(),
            "GOMODCACHE=$PWD/../mc2 GOPROXY=file://$PWD/../empty-proxy go list -m all",
        ),
        (
            format!("{empty}|{caseproxy}"),
            "GOMODCACHE=$PWD/../mc3 GOPROXY=\"file://$PWD/../empty-proxy|$CASEPROXY\" go list -m all",
        ),
        (
            "off".to_string(),
            "GOMODCACHE=$PWD/../mc4 GOPROXY=off go list -m all",
        ),
        (
            ",".to_string(),
            "GOMODCACHE=$PWD/../mc7 GOPROXY=, go list -m all",
        ),
        (
            format!("{empty},off,{caseproxy}"),
            "GOMODCACHE=$PWD/../mc8 GOPROXY=file://$PWD/../empty-proxy,off,$CASEPROXY go list -m all",
        ),
        (
            "nosuchscheme://x".to_string(),
            "GOMODCACHE=$PWD/../mc9 GOPROXY=nosuchscheme://x go list -m all",
        ),
    ];
    for (goproxy, cmd) in cases {
        let got = sanitize(e40_lines(&goproxy, &fresh_cache(), &work));
        assert_eq!(got, expected_stderr(case, cmd), "GOPROXY={goproxy}");
    }
}

/// Copies the case proxy's a@v1.0.0 .mod/.info into a module cache layout.
fn populated_cache(proxy: &Path) -> PathBuf {
    let cache = temp_dir("cache");
    let dl = cache.join("cache/download/example.com/a/@v");
    std::fs::create_dir_all(&dl).unwrap();
    for f in ["v1.0.0.mod", "v1.0.0.info"] {
        std::fs::copy(proxy.join("example.com/a/@v").join(f), dl.join(f)).unwrap();
    }
    cache
}

#[test]
fn e40_populated_cache_is_used_with_goproxy_off() {
    let proxy = case_dir("40-goproxy-list-and-off").join("proxy");
    let cache = populated_cache(&proxy);
    let work = temp_dir("e40b");
    assert!(e40_lines("off", &cache, &work).is_empty());
    // The Go command reports the bad GOPROXY for the info query even when
    // the cache has it, but reads a cached go.mod without consulting GOPROXY.
    let env = GoEnv::new(
        [
            ("GOPROXY", "nosuchscheme://x"),
            ("GOMODCACHE", cache.to_str().unwrap()),
        ],
        &work,
    );
    let src = GoSources::new(&env);
    let m = mv("example.com/a", "v1.0.0");
    assert!(src.go_mod(&m).is_ok());
    assert_eq!(
        src.info(&m).unwrap_err().to_string(),
        "invalid proxy URL scheme (must be https, http, file): nosuchscheme://x"
    );
}

#[test]
fn e40_graph_with_goproxy_off() {
    let work = temp_dir("e40c");
    let env = GoEnv::new(
        [("GOPROXY", "off"), ("GOMODCACHE", work.to_str().unwrap())],
        &work,
    );
    let m = mv("example.com/a", "v1.0.0");
    let got = format!(
        "go: {}",
        GoSources::new(&env).go_mod(&m).unwrap_err().in_context(&m)
    );
    assert_eq!(
        vec![got],
        expected_stderr(
            "40-goproxy-list-and-off",
            "GOMODCACHE=$PWD/../mc6 GOPROXY=off go mod graph"
        )
    );
}

#[test]
fn cache_ignores_vgo_mod_and_bad_info() {
    let proxy = case_dir("40-goproxy-list-and-off").join("proxy");
    let cache = populated_cache(&proxy);
    let dl = cache.join("cache/download/example.com/a/@v");
    std::fs::write(
        dl.join("v1.0.0.mod"),
        "//vgo 0.0.4\n\nmodule example.com/a\n",
    )
    .unwrap();
    std::fs::write(dl.join("v1.0.0.info"), "not json").unwrap();
    let c = ModCache::new(cache.to_str().unwrap());
    let m = mv("example.com/a", "v1.0.0");
    assert!(c.read_go_mod(&m).is_none());
    assert!(c.read_info(&m).is_none());
    // GoSources then falls through to the proxy.
    let src = GoSources::from_parts(
        Some(c),
        vec![(Arc::new(ProxyDir::new(&proxy).unwrap()), false)],
    );
    assert!(src.go_mod(&m).unwrap().starts_with(b"module example.com/a"));
    assert_eq!(src.info(&m).unwrap().version, "v1.0.0");
}

#[test]
fn e57_malformed_path_and_escaped_urls() {
    let (proxy, dir) = proxy_of("57-invalid-module-paths");
    let m = mv("nodot/x", "v1.0.0");
    let env = GoEnv::new(
        [
            ("GOPROXY", format!("file://{dir}")),
            ("GOMODCACHE", temp_dir("e57").to_string_lossy().into_owned()),
        ],
        "/",
    );
    let src = GoSources::new(&env);
    let got = vec![
        format!("go: {}", src.info(&m).unwrap_err()),
        format!("go: {}", src.go_mod(&m).unwrap_err().in_context(&m)),
    ];
    assert_eq!(
        got,
        expected_stderr("57-invalid-module-paths", "go list -m all")
    );

    let m = mv("example.com/Upper/X", "v1.0.0-Pre");
    let got: Vec<String> = [
        proxy.info(&m).unwrap_err().in_context(&m),
        proxy.go_mod(&m).unwrap_err().in_context(&m),
    ]
    .iter()
    .map(|l| format!("go: {l}").replace(&dir, "$PROXY"))
    .collect();
    assert_eq!(
        got,
        expected_stderr("57-invalid-module-paths", "cd ../m4 && go list -m all")
    );
}

#[test]
fn e58_bad_info_files() {
    let (proxy, dir) = proxy_of("58-bad-info-files");
    let mut got = Vec::new();
    for p in ["example.com/a", "example.com/b", "example.com/c"] {
        let m = mv(p, "v1.0.0");
        match proxy.info(&m) {
            Ok(i) => {
                assert_eq!(p, "example.com/b");
                assert_eq!(i.time, "0001-01-01T00:00:00Z");
            }
            Err(e) => got.push(format!("go: {}", e.in_context(&m)).replace(&dir, "$PROXY")),
        }
    }
    assert_eq!(got, expected_stderr("58-bad-info-files", "go list -m all"));
    // b has no @v/list: -u finds nothing (a not-found error).
    assert!(proxy.versions("example.com/b").unwrap_err().is_not_found());
    assert_eq!(proxy.versions("example.com/a").unwrap(), vec!["v1.0.0"]);
}

#[test]
fn e23_escaped_paths_and_versions_are_read() {
    let (proxy, _) = proxy_of("23-case-escaping-and-sort-order");
    let upper = proxy
        .go_mod(&mv("github.com/Sirupsen/logrus", "v1.0.0"))
        .unwrap();
    assert!(std::str::from_utf8(&upper)
        .unwrap()
        .contains("github.com/Sirupsen/logrus"));
    let rc = proxy
        .info(&mv("github.com/sirupsen/logrus", "v1.0.0-RC1"))
        .unwrap();
    assert_eq!(rc.version, "v1.0.0-RC1");
    assert_eq!(rc.time, "2020-01-01T00:00:00Z");
    assert!(proxy.go_mod(&mv("example.com/Zeta", "v1.0.0")).is_ok());
}

#[test]
fn e61_cache_paths_as_go_reports_them() {
    let cache = temp_dir("e61");
    let c = ModCache::new(cache.to_str().unwrap());
    let a = mv("example.com/a", "v1.0.0");
    assert_eq!(
        c.go_mod_file(&a).unwrap(),
        cache.join("cache/download/example.com/a/@v/v1.0.0.mod")
    );
    // Not complete until the directory and the .ziphash exist (and no .partial).
    assert!(c.download_dir(&a).is_err());
    let dir = cache.join("example.com/a@v1.0.0");
    std::fs::create_dir_all(&dir).unwrap();
    let (_, why) = c.download_dir(&a).unwrap_err();
    assert!(why.ends_with(": ziphash file is missing"), "{why}");
    let dl = cache.join("cache/download/example.com/a/@v");
    std::fs::create_dir_all(&dl).unwrap();
    std::fs::write(dl.join("v1.0.0.ziphash"), "h1:x").unwrap();
    assert_eq!(c.download_dir(&a).unwrap(), dir);
    std::fs::write(dl.join("v1.0.0.partial"), "").unwrap();
    let (_, why) = c.download_dir(&a).unwrap_err();
    assert!(why.ends_with(": not completely extracted"), "{why}");
    let up = mv("github.com/Sirupsen/logrus", "v1.0.0-RC1");
    assert_eq!(
        c.go_mod_file(&up).unwrap(),
        cache.join("cache/download/github.com/!sirupsen/logrus/@v/v1.0.0-!r!c1.mod")
    );
}

#[test]
fn e11b_missing_directory_replacement() {
    let want = expected_stderr("11b-replace-directory-missing", "go list -m all");
    let work = temp_dir("e11b");
    std::fs::create_dir_all(work.join("main")).unwrap();
    let err = read_dir_go_mod(&work.join("does-not-exist"), &work.join("main")).unwrap_err();
    let got = format!(
        "go: example.com/a@v1.0.0 (replaced by ../does-not-exist): {}",
        err.replace(work.to_str().unwrap(), "$WORK")
    );
    assert_eq!(vec![got], want);
}

#[test]
fn e64_gowork_settings() {
    let rel = GoEnv::new([("GOWORK", "ws/go.work")], "/w/ws/m");
    assert_eq!(
        vec![rel.find_go_work().unwrap_err().message],
        expected_stderr("64-gowork-environment", "GOWORK=ws/go.work go list -m all")
    );
    let case = case_dir("64-gowork-environment");
    let auto = GoEnv::new([("GOWORK", "")], case.join("ws/m"));
    assert_eq!(auto.find_go_work().unwrap(), Some(case.join("ws/go.work")));
    let off = GoEnv::new([("GOWORK", "off")], case.join("ws/m"));
    assert_eq!(off.find_go_work().unwrap(), None);
    assert_eq!(off.find_module_root(), Some(case.join("ws/m")));
}

/// The table recorded from the real go by scripts/record-info-cases.sh.
#[test]
fn info_files_decode_exactly_like_go() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/sources");
    let cases = std::fs::read_to_string(root.join("info-cases.txt")).unwrap();
    let golden = std::fs::read_to_string(root.join("info-cases.golden")).unwrap();
    let infos: Vec<String> = cases
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| serde_json::from_str::<String>(l).unwrap())
        .collect();
    let mut b = MemorySource::builder().root("/proxy-root");
    for (i, info) in infos.iter().enumerate() {
        let p = format!("example.com/c{:02}", i + 1);
        b = b
            .go_mod(&p, "v1.0.0", format!("module {p}\n\ngo 1.21\n"))
            .info_json(&p, "v1.0.0", info.as_bytes())
            .list(&p, "v1.0.0\n");
    }
    let src = b.build();
    let mut rows = 0;
    let mut stderr = Vec::new();
    for line in golden.lines() {
        let mut f = line.splitn(3, '\t');
        let (name, kind, text) = (f.next().unwrap(), f.next().unwrap(), f.next().unwrap_or(""));
        if name == "stderr" {
            stderr.push(kind.to_string());
            continue;
        }
        rows += 1;
        let m = mv(&format!("example.com/{name}"), "v1.0.0");
        let got = match src.info(&m) {
            Ok(i) => format!("time\t{}", i.time),
            Err(e) => format!(
                "error\t{}",
                e.to_string().replace("file:///proxy-root", "file://$PROXY")
            ),
        };
        let want = if kind == "none" {
            "none".to_string()
        } else {
            format!("{kind}\t{text}")
        };
        assert_eq!(got, want, "{name}: .info {:?}", infos[rows - 1]);
    }
    assert!(rows >= 80, "golden has only {rows} rows");
    // The last case prints nothing: its time cannot be marshaled.
    let last = mv(&format!("example.com/c{:02}", infos.len()), "v1.0.0");
    let t = src.info(&last).unwrap().time;
    let err = gotime::marshal_json_error(&t).unwrap();
    assert_eq!(
        stderr.last().unwrap(),
        &format!("json: error calling MarshalJSON for type *time.Time: {err}")
    );
    assert_eq!(rows, infos.len() - 1);
}

#[test]
fn memory_source_behaves_like_a_proxy_dir() {
    let src = MemorySource::builder()
        .module(
            "example.com/a",
            "v1.0.0",
            "module example.com/a\n",
            "2020-01-01T00:00:00Z",
        )
        .module(
            "example.com/a",
            "v1.1.0",
            "module example.com/a\n",
            "2021-01-01T00:00:00+01:00",
        )
        .build();
    assert_eq!(
        src.versions("example.com/a").unwrap(),
        vec!["v1.0.0", "v1.1.0"]
    );
    assert_eq!(
        src.info(&mv("example.com/a", "v1.1.0")).unwrap().time,
        "2021-01-01T00:00:00+01:00"
    );
    // Without @latest, Repo.Latest uses the list's times (tagged versions
    // without a time are skipped): here there are none.
    assert_eq!(
        src.latest("example.com/a").unwrap_err().to_string(),
        "module example.com/a: no commits"
    );
    let timed = MemorySource::builder()
        .module(
            "example.com/a",
            "v1.0.0",
            "module example.com/a\n",
            "2020-01-01T00:00:00Z",
        )
        .module(
            "example.com/a",
            "v1.1.0",
            "module example.com/a\n",
            "2019-01-01T00:00:00Z",
        )
        .list(
            "example.com/a",
            "v1.0.0 2020-01-01T00:00:00Z\nv1.1.0 2019-01-01T00:00:00Z\n",
        )
        .build();
    assert_eq!(timed.latest("example.com/a").unwrap().version, "v1.0.0");
    let m = mv("example.com/a", "v2.0.0");
    assert_eq!(
        src.go_mod(&m).unwrap_err().to_string(),
        "example.com/a@v2.0.0: reading file:///memory/example.com/a/@v/v2.0.0.mod: no such file or directory"
    );
    assert_eq!(
        src.versions("example.com/b").unwrap_err().to_string(),
        "module example.com/b: reading file:///memory/example.com/b/@v/list: no such file or directory"
    );
}

/// Counts calls, answering like a proxy that has example.com/a v1.0.0 only.
struct Counting {
    inner: MemorySource,
    go_mods: AtomicUsize,
}

impl ModuleSource for Counting {
    fn go_mod(&self, m: &ModuleVersion) -> Result<Arc<[u8]>, gomvs_graph::source::FetchError> {
        self.go_mods.fetch_add(1, Ordering::SeqCst);
        std::thread::sleep(std::time::Duration::from_millis(2));
        self.inner.go_mod(m)
    }
    fn info(
        &self,
        m: &ModuleVersion,
    ) -> Result<gomvs_graph::source::RevInfo, gomvs_graph::source::FetchError> {
        self.inner.info(m)
    }
    fn versions(&self, path: &str) -> Result<Vec<String>, gomvs_graph::source::FetchError> {
        self.inner.versions(path)
    }
    fn latest(
        &self,
        path: &str,
    ) -> Result<gomvs_graph::source::RevInfo, gomvs_graph::source::FetchError> {
        self.inner.latest(path)
    }
}

#[test]
fn go_sources_read_each_go_mod_once_across_threads() {
    let counting = Arc::new(Counting {
        inner: MemorySource::builder()
            .module(
                "example.com/a",
                "v1.0.0",
                "module example.com/a\n",
                "2020-01-01T00:00:00Z",
            )
            .build(),
        go_mods: AtomicUsize::new(0),
    });
    let src = Arc::new(GoSources::from_parts(
        None,
        vec![(counting.clone() as Arc<dyn ModuleSource>, false)],
    ));
    let handles: Vec<_> = (0..8)
        .map(|i| {
            let src = Arc::clone(&src);
            std::thread::spawn(move || {
                let v = if i % 2 == 0 { "v1.0.0" } else { "v9.9.9" };
                src.go_mod(&mv("example.com/a", v)).is_ok()
            })
        })
        .collect();
    let oks = handles
        .into_iter()
        .map(|h| h.join().unwrap())
        .filter(|ok| *ok)
        .count();
    assert_eq!(oks, 4);
    // One read per (module, version), errors included.
    assert_eq!(counting.go_mods.load(Ordering::SeqCst), 2);
}

#[test]
fn go_sources_fallback_and_error_choice() {
    let empty =
        || Arc::new(MemorySource::builder().root("/empty").build()) as Arc<dyn ModuleSource>;
    let bad = || {
        Arc::new(
            MemorySource::builder()
                .root("/bad")
                .info_json("example.com/a", "v1.0.0", "{")
                .build(),
        ) as Arc<dyn ModuleSource>
    };
    let good = || {
        Arc::new(
            MemorySource::builder()
                .root("/good")
                .module(
                    "example.com/a",
                    "v1.0.0",
                    "module example.com/a\n",
                    "2020-01-01T00:00:00Z",
                )
                .build(),
        ) as Arc<dyn ModuleSource>
    };
    let m = mv("example.com/a", "v1.0.0");
    // "," falls through on not-found only.
    let s = GoSources::from_parts(None, vec![(empty(), false), (good(), false)]);
    assert!(s.info(&m).is_ok());
    let s = GoSources::from_parts(None, vec![(bad(), false), (good(), false)]);
    assert_eq!(
        s.info(&m).unwrap_err().to_string(),
        "example.com/a@v1.0.0: invalid response from proxy \"file:///bad\": unexpected end of JSON input"
    );
    // "|" falls through on any error.
    let s = GoSources::from_parts(None, vec![(bad(), true), (good(), false)]);
    assert!(s.info(&m).is_ok());
    // All fail: the last non-not-found error wins over later not-found ones.
    let s = GoSources::from_parts(None, vec![(bad(), true), (empty(), false)]);
    assert!(s
        .info(&m)
        .unwrap_err()
        .to_string()
        .contains("invalid response from proxy \"file:///bad\""));
    // Only not-found errors: the last one.
    let s = GoSources::from_parts(None, vec![(empty(), false), (empty(), false)]);
    assert_eq!(
        s.go_mod(&m).unwrap_err().to_string(),
        "example.com/a@v1.0.0: reading file:///empty/example.com/a/@v/v1.0.0.mod: no such file or directory"
    );
}
