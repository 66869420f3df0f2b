//! The Go command's lookup order (`modfetch.Fetcher.GoMod`, `modload.Query`
//! over `modfetch.TryProxies`, `cachingRepo`): module cache first, then each
//! GOPROXY entry with `,`/`|` fallback and Go's choice of the error to report.

use super::memo::OnceMap;
use super::proxy::ProxyDir;
use super::{FetchError, ModCache, ModuleSource, RevInfo};
use crate::env::{match_prefix_patterns, parse_proxy_list, GoEnv, ProxyKind};
use gomvs_modfile::module::check_path;
use gomvs_modfile::ModuleVersion;
use std::sync::Arc;

/// The file of a module version a fetch is for (`@v/V.mod`, `.info`, `.zip`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FetchFile {
    /// `@v/V.mod`: the go.mod file.
    Mod,
    /// `@v/V.info`: the version's metadata.
    Info,
    /// `@v/V.zip`: the module's source archive.
    Zip,
}

impl FetchFile {
    /// The file's extension in a proxy (`mod`, `info`, `zip`).
    pub fn extension(self) -> &'static str {
        match self {
            FetchFile::Mod => "mod",
            FetchFile::Info => "info",
            FetchFile::Zip => "zip",
        }
    }
}

/// How the Go command would fetch one file ([`GoSources::trace`]).
#[derive(Debug, Clone)]
pub struct Trace {
    /// The module cache's copy, when it has one (then nothing is fetched).
    pub cached: Option<std::path::PathBuf>,
    /// The GOPROXY entries tried, in order, and their answers.
    pub steps: Vec<TraceStep>,
    /// `Ok`: some entry (or the cache) serves the file; `Err`: the error Go reports.
    pub result: Result<(), FetchError>,
}

/// What one proxy-list entry does for a lookup.
enum Entry {
    Off,
    Direct,
    NoProxy,
    /// A `file://` proxy, or an `http(s)://` one (every request fails offline).
    Proxy(Arc<dyn ModuleSource>),
}

struct ListEntry {
    entry: Entry,
    fall_back_on_error: bool,
    /// How a fetch plan names the entry (`file:///p`, `direct`, `off`, `noproxy`).
    label: String,
    /// Whether the entry needs the network (`https://…`, `direct`, `noproxy`).
    network: bool,
}

/// One GOPROXY entry as [`GoSources::trace`] saw it answer a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TraceStep {
    /// The entry (`file:///abs/proxy`, `https://proxy.golang.org`, `direct`,
    /// `off`, or `noproxy`: the hidden first entry GONOPROXY adds).
    pub entry: String,
    /// Whether the entry needs the network, so that its answer is not known
    /// offline (gomvs answers for it with its offline error).
    pub network: bool,
    /// `,` (false) or `|` (true) after the entry.
    pub fall_back_on_error: bool,
    /// `None`: the entry served the request; otherwise its error.
    pub error: Option<FetchError>,
}

/// The Go command's module sources, built from a [`GoEnv`]: the module
/// cache, then the GOPROXY list. All answers (and errors) are memoized, so
/// each go.mod is read at most once per `GoSources`.
///
/// Offline behaviour (gomvs never uses the network):
/// * `direct` (and the `noproxy` entry for GONOPROXY/GOPRIVATE paths) fails
///   with `unrecognized import path "P": https fetch: Get
///   "https://P?go-get=1": gomvs is offline: network access is disabled`
///   — the shape of Go's offline error, whose tail (DNS details) differs.
///   Like Go's, this error is preferred over every proxy error.
/// * `http(s)://` entries fail with `Get "URL": gomvs is offline: network
///   access is disabled`; like a network error in Go this is not a "not
///   found" error, so after `,` the list stops there (after `|` it continues).
/// * `go` and `toolchain` are not served (Go synthesizes them).
pub struct GoSources {
    cache: Option<ModCache>,
    list: Result<Vec<ListEntry>, String>,
    gonoproxy: String,
    go_mods: OnceMap<ModuleVersion, Result<Arc<[u8]>, FetchError>>,
    infos: OnceMap<ModuleVersion, Result<RevInfo, FetchError>>,
    versions: OnceMap<String, Result<Vec<String>, FetchError>>,
    latest: OnceMap<String, Result<RevInfo, FetchError>>,
}

fn offline_direct_error(path: &str) -> FetchError {
    FetchError::not_found(format!(
        "unrecognized import path \"{path}\": https fetch: Get \"https://{path}?go-get=1\": gomvs is offline: network access is disabled"
    ))
}

/// Which rank an error has in `TryProxies`' choice.
#[derive(PartialEq, Eq, PartialOrd, Ord, Clone, Copy)]
enum Rank {
    NotExist,
    Proxy,
    Direct,
}

impl GoSources {
    /// The sources `env` describes: `ModCache::from_env(env)` and
    /// `env.proxy_list()` (file:// entries become [`ProxyDir`]s).
    pub fn new(env: &GoEnv) -> GoSources {
        let list = parse_proxy_list(&env.goproxy(), &env.gonoproxy()).map(|l| {
            l.into_iter()
                .map(|e| {
                    let (entry, label, network) = match e.kind {
                        ProxyKind::Off => (Entry::Off, "off".to_string(), false),
                        ProxyKind::Direct => (Entry::Direct, "direct".to_string(), true),
                        ProxyKind::NoProxy => (Entry::NoProxy, "noproxy".to_string(), true),
                        ProxyKind::Url(u) => {
                            let label = u.redacted();
                            let network = !u.is_file();
                            (
                                Entry::Proxy(Arc::new(ProxyDir::from_parsed(u))),
                                label,
                                network,
                            )
                        }
                    };
                    ListEntry {
                        entry,
                        fall_back_on_error: e.fall_back_on_error,
                        label,
                        network,
                    }
                })
                .collect()
        });
        GoSources {
            cache: Some(ModCache::from_env(env)),
            list,
            gonoproxy: env.gonoproxy(),
            ..GoSources::empty()
        }
    }

    fn empty() -> GoSources {
        GoSources {
            cache: None,
            list: Ok(Vec::new()),
            gonoproxy: String::new(),
            go_mods: OnceMap::new(),
            infos: OnceMap::new(),
            versions: OnceMap::new(),
            latest: OnceMap::new(),
        }
    }

    /// Sources from explicit parts: an optional module cache and a proxy
    /// list of `(source, fall_back_on_error)` (e.g. [`MemorySource`](super::MemorySource)s).
    pub fn from_parts(
        cache: Option<ModCache>,
        proxies: Vec<(Arc<dyn ModuleSource>, bool)>,
    ) -> GoSources {
        GoSources {
            cache,
            list: Ok(proxies
                .into_iter()
                .enumerate()
                .map(|(i, (s, fb))| ListEntry {
                    entry: Entry::Proxy(s),
                    fall_back_on_error: fb,
                    label: format!("source {}", i + 1),
                    network: false,
                })
                .collect()),
            ..GoSources::empty()
        }
    }

    /// The module cache consulted first, if any.
    pub fn mod_cache(&self) -> Option<&ModCache> {
        self.cache.as_ref()
    }

    /// `modfetch.TryProxies(f)` where `f(proxy)` first resolves the
    /// repository for `path` (`lookup`) and then calls `op` on it.
    /// With `check`, the module path is checked first for every entry
    /// (`modload.lookupRepo`, used by queries).
    fn try_proxies<T>(
        &self,
        path: &str,
        check: bool,
        op: impl Fn(&dyn ModuleSource) -> Result<T, FetchError>,
    ) -> Result<T, FetchError> {
        self.walk_proxies(path, check, op, &mut |_| {})
    }

    /// [`GoSources::try_proxies`], telling `observe` what each entry answered.
    fn walk_proxies<T>(
        &self,
        path: &str,
        check: bool,
        op: impl Fn(&dyn ModuleSource) -> Result<T, FetchError>,
        observe: &mut dyn FnMut(TraceStep),
    ) -> Result<T, FetchError> {
        let list = self
            .list
            .as_ref()
            .map_err(|e| FetchError::other(e.clone()))?;
        let noproxy = match_prefix_patterns(&self.gonoproxy, path);
        let path_err = if check && path != "go" && path != "toolchain" {
            check_path(path)
                .err()
                .map(|e| FetchError::other(e.to_string()))
        } else {
            None
        };
        let mut best: Option<FetchError> = None;
        let mut best_rank = Rank::NotExist;
        for e in list {
            let (result, is_direct) = match &e.entry {
                _ if path_err.is_some() => (path_err.clone().map_or(Ok(None), Err), false),
                _ if path == "go" || path == "toolchain" => (
                    Err(FetchError::other(format!(
                        "gomvs: module {path} is synthesized by the go command, not fetched"
                    ))),
                    false,
                ),
                Entry::NoProxy | Entry::Direct if noproxy => {
                    (Err(offline_direct_error(path)), true)
                }
                _ if noproxy => (
                    Err(FetchError::not_found("disabled by GOPRIVATE/GONOPROXY")),
                    false,
                ),
                Entry::Off => (
                    Err(FetchError::not_found(
                        "module lookup disabled by GOPROXY=off",
                    )),
                    false,
                ),
                Entry::Direct => (Err(offline_direct_error(path)), true),
                // errUseProxy: never the reported error while other entries exist.
                Entry::NoProxy => (
                    Err(FetchError::not_found(
                        "path does not match GOPRIVATE/GONOPROXY",
                    )),
                    false,
                ),
                Entry::Proxy(src) => (op(src.as_ref()).map(Some), false),
            };
            // GONOPROXY paths go to the network only through `noproxy` and
            // `direct` (the proxies skip them); other paths skip `noproxy`.
            let network = match &e.entry {
                Entry::NoProxy | Entry::Direct => noproxy || matches!(e.entry, Entry::Direct),
                _ => e.network && !noproxy,
            };
            let step = |error: Option<FetchError>| TraceStep {
                entry: e.label.clone(),
                network,
                fall_back_on_error: e.fall_back_on_error,
                error,
            };
            let err = match result {
                Ok(Some(v)) => {
                    observe(step(None));
                    return Ok(v);
                }
                Ok(None) => continue,
                Err(err) => err,
            };
            observe(step(Some(err.clone())));
            let not_exist = err.is_not_found();
            if is_direct {
                best = Some(err);
                best_rank = Rank::Direct;
            } else if best_rank <= Rank::Proxy && !not_exist {
                best = Some(err);
                best_rank = Rank::Proxy;
            } else if best_rank == Rank::NotExist {
                best = Some(err);
            }
            if !e.fall_back_on_error && !not_exist {
                break;
            }
        }
        Err(best.unwrap_or_else(|| {
            FetchError::other("GOPROXY list is not the empty string, but contains no entries")
        }))
    }

    /// How the Go command would fetch `file` of `m`, without memoization:
    /// `Ok(Some(path))` when the module cache has it (nothing to fetch),
    /// else each GOPROXY entry it would try, in order, with what the entry
    /// answered offline, and the result (the error Go would report).
    pub fn trace(&self, m: &ModuleVersion, file: FetchFile) -> Trace {
        if let Some(c) = &self.cache {
            let cached = match file {
                FetchFile::Mod => c.read_go_mod(m).is_some(),
                FetchFile::Info => {
                    let path_ok = check_path(&m.path).is_ok();
                    self.list.is_ok() && path_ok && c.read_info(m).is_some()
                }
                // `DownloadZip` returns early when the zip and its ziphash
                // exist, and re-hashes a zip whose ziphash was lost, without
                // downloading (`downloadZip`): the zip alone is enough.
                FetchFile::Zip => c
                    .cache_path(m, "zip")
                    .is_ok_and(|p| std::fs::metadata(p).is_ok_and(|md| md.is_file())),
            };
            if cached {
                let suffix = match file {
                    FetchFile::Mod => "mod",
                    FetchFile::Info => "info",
                    FetchFile::Zip => "zip",
                };
                return Trace {
                    cached: c.cache_path(m, suffix).ok(),
                    steps: Vec::new(),
                    result: Ok(()),
                };
            }
        }
        let mut steps = Vec::new();
        let result = match file {
            FetchFile::Mod => {
                self.walk_proxies(&m.path, false, |s| s.go_mod(m).map(drop), &mut |t| {
                    steps.push(t)
                })
            }
            FetchFile::Info => {
                self.walk_proxies(&m.path, true, |s| s.info(m).map(drop), &mut |t| {
                    steps.push(t)
                })
            }
            FetchFile::Zip => self.walk_proxies(&m.path, false, |s| s.zip(m).map(drop), &mut |t| {
                steps.push(t)
            }),
        };
        Trace {
            cached: None,
            steps,
            result,
        }
    }

    fn cached_go_mod(&self, m: &ModuleVersion) -> Option<Arc<[u8]>> {
        self.cache.as_ref().and_then(|c| c.read_go_mod(m))
    }

    fn cached_info(&self, m: &ModuleVersion) -> Option<RevInfo> {
        self.cache.as_ref().and_then(|c| c.read_info(m))
    }
}

impl ModuleSource for GoSources {
    /// `Fetcher.GoMod`: the cache's `.mod`, else the proxies'.
    fn go_mod(&self, m: &ModuleVersion) -> Result<Arc<[u8]>, FetchError> {
        self.go_mods.get_or_init(m, || {
            if let Some(d) = self.cached_go_mod(m) {
                return Ok(d);
            }
            self.try_proxies(&m.path, false, |src| src.go_mod(m))
        })
    }

    /// `modload.Query(path, version)` for a version: per proxy, the module
    /// path is checked (`malformed module path …`), then the cache's `.info`,
    /// then the proxy's. A bad GOPROXY fails even when the cache has it (as in Go).
    fn info(&self, m: &ModuleVersion) -> Result<RevInfo, FetchError> {
        self.infos.get_or_init(m, || {
            // cachingRepo.Stat reads the disk cache before touching the
            // repository, whatever the proxy entry (even `off`).
            let path_ok = m.path == "go" || m.path == "toolchain" || check_path(&m.path).is_ok();
            if self.list.is_ok() && path_ok {
                if let Some(i) = self.cached_info(m) {
                    return Ok(i);
                }
            }
            self.try_proxies(&m.path, true, |src| src.info(m))
        })
    }

    /// `Repo.Versions("")` through the proxies (never the cache).
    fn versions(&self, path: &str) -> Result<Vec<String>, FetchError> {
        self.versions.get_or_init(&path.to_string(), || {
            self.try_proxies(path, true, |src| src.versions(path))
        })
    }

    /// `DownloadZip`: the cache's zip, else the proxies' (not memoized).
    fn zip(&self, m: &ModuleVersion) -> Result<Arc<[u8]>, FetchError> {
        if let Some(c) = &self.cache {
            if let Ok(p) = c.cache_path(m, "zip") {
                if let Ok(d) = std::fs::read(&p) {
                    return Ok(Arc::from(d));
                }
            }
        }
        self.try_proxies(&m.path, false, |src| src.zip(m))
    }

    /// `Repo.Latest()` through the proxies (never the cache).
    fn latest(&self, path: &str) -> Result<RevInfo, FetchError> {
        self.latest.get_or_init(&path.to_string(), || {
            self.try_proxies(path, true, |src| src.latest(path))
        })
    }
}
