//! The module proxy protocol over a file tree (`modfetch.proxyRepo` with
//! `web.Get` on `file://` URLs): [`ProxyDir`] reads a directory on disk,
//! [`MemorySource`] an in-memory tree. Both never write anything.

use crate::collections::FastMap;
use crate::goerr::{errno_text, is_not_exist, is_permission};

use super::gojson::unmarshal_rev_info;
use super::gotime;
use super::{FetchError, ModuleSource, RevInfo};
use crate::env::proxyurl::ProxyUrl;
use gomvs_modfile::fsread;
use gomvs_modfile::module::{canonical_version, check, escape_path, escape_version, quote};
use gomvs_modfile::{pseudo, semver, ModuleVersion};
use std::collections::HashMap;
use std::sync::Arc;

/// Why a file of the tree could not be read.
#[derive(Debug, Clone)]
pub(crate) enum TreeError {
    /// `os.Open` failed with ENOENT (served as HTTP 404).
    NotExist(String),
    /// `os.Open` failed with EACCES/EPERM (served as HTTP 403).
    Permission(String),
    /// `os.Open` failed otherwise: the errno text.
    Open(String),
    /// Opening worked but reading failed (e.g. a directory): the errno text.
    Read(String),
}

/// A read-only file tree that a `file://` proxy URL points into.
pub(crate) trait FileTree: Send + Sync {
    /// The content of the file at the absolute slash path `path` (shared:
    /// an in-memory tree hands out its copy without duplicating it).
    fn read(&self, path: &str) -> Result<Arc<[u8]>, TreeError>;
}

/// The real file system.
pub(crate) struct DiskTree;

impl FileTree for DiskTree {
    fn read(&self, path: &str) -> Result<Arc<[u8]>, TreeError> {
        // Bounded (gomvs_modfile::fsread): FIFOs and devices are refused at
        // open, `.mod` files over 16 MiB and others over 256 MiB at read.
        let p = std::path::Path::new(path);
        let f = match fsread::open(p) {
            Ok(f) => f,
            Err(e) if is_not_exist(&e) => return Err(TreeError::NotExist(errno_text(&e))),
            Err(e) if is_permission(&e) => return Err(TreeError::Permission(errno_text(&e))),
            Err(e) => return Err(TreeError::Open(errno_text(&e))),
        };
        let data = f
            .read_limited(fsread::limit_for(p))
            .map_err(|e| TreeError::Read(errno_text(&e)))?;
        Ok(data.into())
    }
}

/// Files held in memory, keyed by absolute slash path (a universe of 100k
/// modules holds millions: the fast hasher, every `.info` read hashes a key).
#[derive(Default, Clone)]
pub(crate) struct MemoryTree {
    files: FastMap<String, Arc<[u8]>>,
}

impl FileTree for MemoryTree {
    fn read(&self, path: &str) -> Result<Arc<[u8]>, TreeError> {
        match self.files.get(path) {
            Some(d) => Ok(Arc::clone(d)),
            None => Err(TreeError::NotExist("no such file or directory".to_string())),
        }
    }
}

/// `proxyRepo` for one base URL; `path` is given per call.
pub(crate) struct ProxyProtocol<T> {
    base: ProxyUrl,
    tree: T,
}

/// `p.versionError(version, err)`.
fn version_error(path: &str, version: &str, mut err: FetchError) -> FetchError {
    if !version.is_empty() && version != canonical_version(version) {
        let noun = if pseudo::is_pseudo_version(version) {
            "pseudo-version"
        } else {
            "version"
        };
        err.message = format!("{path}@{version}: invalid {noun}: {}", err.go_text());
        err.module = None;
        return err;
    }
    err.module = Some(ModuleVersion::new(path, version));
    err
}

/// `p.versionError(v, err)` for `module.EscapeVersion`'s error: that is
/// already a `*module.InvalidVersionError` (noun `version`), which
/// versionError keeps instead of wrapping it again: printed as
/// `PATH@V: invalid version: disallowed version string`.
fn escape_version_error(path: &str, version: &str) -> FetchError {
    let mut err = FetchError::other(format!(
        "{path}@{version}: invalid version: disallowed version string"
    ));
    err.module = None;
    err
}

impl<T: FileTree> ProxyProtocol<T> {
    pub(crate) fn new(base: ProxyUrl, tree: T) -> Self {
        ProxyProtocol { base, tree }
    }

    pub(crate) fn base(&self) -> &ProxyUrl {
        &self.base
    }

    /// `newProxyRepo`'s escaping of the module path (unwrapped error).
    fn escaped(&self, path: &str) -> Result<String, FetchError> {
        escape_path(path).map_err(|e| FetchError::other(e.to_string()))
    }

    /// `p.getBytes(ctx, rel)`: unwrapped errors with Go's texts.
    fn get_bytes(&self, enc: &str, rel: &str) -> Result<Arc<[u8]>, FetchError> {
        if !self.base.is_file() {
            return Err(FetchError::other(format!(
                "Get {}: gomvs is offline: network access is disabled",
                quote(&self.base.request(enc, rel).url)
            )));
        }
        // The URL text is only needed for errors: build it only then.
        let file_path = self.base.request_path(enc, rel);
        let err = match self.tree.read(&file_path) {
            Ok(d) => return Ok(d),
            Err(e) => e,
        };
        let req = self.base.request(enc, rel);
        debug_assert_eq!(req.file_path, file_path);
        match err {
            TreeError::NotExist(t) => {
                Err(FetchError::not_found(format!("reading {}: {t}", req.url)))
            }
            TreeError::Permission(t) => Err(FetchError::other(format!("reading {}: {t}", req.url))),
            TreeError::Open(t) => Err(FetchError::other(format!("open {}: {t}", req.file_path))),
            TreeError::Read(t) => Err(FetchError::other(format!(
                "read {}: read {}: {t}",
                quote(&req.url),
                req.file_path
            ))),
        }
    }

    fn invalid_response(&self, e: &str) -> FetchError {
        FetchError::other(format!(
            "invalid response from proxy {}: {e}",
            quote(&self.base.redacted())
        ))
    }

    /// `proxyRepo.Stat(rev)`.
    pub(crate) fn stat(&self, path: &str, rev: &str) -> Result<RevInfo, FetchError> {
        let enc = self.escaped(path)?;
        let enc_rev = escape_version(rev).map_err(|_| escape_version_error(path, rev))?;
        let data = self
            .get_bytes(&enc, &format!("@v/{enc_rev}.info"))
            .map_err(|e| version_error(path, rev, e))?;
        let info = unmarshal_rev_info(&data)
            .map_err(|e| version_error(path, rev, self.invalid_response(&e)))?;
        if info.version != rev && rev == canonical_version(rev) && check(path, rev).is_ok() {
            return Err(version_error(
                path,
                rev,
                FetchError::other(format!(
                    "proxy returned info for version {} instead of requested version",
                    info.version
                )),
            ));
        }
        Ok(RevInfo {
            version: info.version,
            time: info.time,
            origin: info.origin,
        })
    }

    /// `proxyRepo.GoMod(version)`.
    pub(crate) fn go_mod(&self, path: &str, version: &str) -> Result<Arc<[u8]>, FetchError> {
        let enc = self.escaped(path)?;
        if version != canonical_version(version) {
            return Err(version_error(
                path,
                version,
                FetchError::other("internal error: version passed to GoMod is not canonical"),
            ));
        }
        let enc_ver = escape_version(version).map_err(|_| escape_version_error(path, version))?;
        let data = self
            .get_bytes(&enc, &format!("@v/{enc_ver}.mod"))
            .map_err(|e| version_error(path, version, e))?;
        Ok(data)
    }

    /// `@v/V.zip`.
    pub(crate) fn zip(&self, path: &str, version: &str) -> Result<Arc<[u8]>, FetchError> {
        let enc = self.escaped(path)?;
        let enc_ver = escape_version(version)
            .map_err(|e| version_error(path, version, FetchError::other(e.to_string())))?;
        self.get_bytes(&enc, &format!("@v/{enc_ver}.zip"))
            .map_err(|e| version_error(path, version, e))
    }

    /// `proxyRepo.Versions("")`.
    pub(crate) fn versions(&self, path: &str) -> Result<Vec<String>, FetchError> {
        let enc = self.escaped(path)?;
        let data = self
            .get_bytes(&enc, "@v/list")
            .map_err(|e| version_error(path, "", e))?;
        let text = String::from_utf8_lossy(&data);
        let mut list: Vec<String> = text
            .split('\n')
            .filter_map(|line| line.split_whitespace().next())
            .filter(|v| semver::is_valid(v) && !pseudo::is_pseudo_version(v))
            .map(str::to_string)
            .collect();
        semver::sort(&mut list);
        Ok(list)
    }

    /// `proxyRepo.Latest()`.
    pub(crate) fn latest(&self, path: &str) -> Result<RevInfo, FetchError> {
        let enc = self.escaped(path)?;
        match self.get_bytes(&enc, "@latest") {
            Err(e) if e.is_not_found() => self.latest_from_list(path, &enc),
            Err(e) => Err(version_error(path, "", e)),
            Ok(data) => {
                let info = unmarshal_rev_info(&data)
                    .map_err(|e| version_error(path, "", self.invalid_response(&e)))?;
                Ok(RevInfo {
                    version: info.version,
                    time: info.time,
                    origin: info.origin,
                })
            }
        }
    }

    /// `proxyRepo.latest` / `latestFromList`: the listed version with the
    /// newest time (second field, or the pseudo-version's time), then `Stat`.
    fn latest_from_list(&self, path: &str, enc: &str) -> Result<RevInfo, FetchError> {
        let data = self
            .get_bytes(enc, "@v/list")
            .map_err(|e| version_error(path, "", e))?;
        let text = String::from_utf8_lossy(&data);
        let mut best: Option<(i128, String)> = None;
        for line in text.split('\n') {
            let mut f = line.split_whitespace();
            let Some(v) = f.next() else { continue };
            if !semver::is_valid(v) {
                continue;
            }
            let t = if let Some(ts) = f.next() {
                gotime::instant_rfc3339(ts)
            } else if pseudo::is_pseudo_version(v) {
                pseudo::pseudo_version_time(v)
                    .ok()
                    .and_then(|ts| gotime::instant_pseudo(&ts))
            } else {
                continue;
            };
            let t = t.unwrap_or(gotime::ZERO_INSTANT);
            if best.as_ref().map_or(gotime::ZERO_INSTANT, |b| b.0) < t {
                best = Some((t, v.to_string()));
            }
        }
        match best {
            None => Err(version_error(path, "", FetchError::not_found("no commits"))),
            Some((_, v)) => self.stat(path, &v),
        }
    }
}

impl<T: FileTree> ModuleSource for ProxyProtocol<T> {
    fn go_mod(&self, m: &ModuleVersion) -> Result<Arc<[u8]>, FetchError> {
        ProxyProtocol::go_mod(self, &m.path, &m.version)
    }
    fn info(&self, m: &ModuleVersion) -> Result<RevInfo, FetchError> {
        self.stat(&m.path, &m.version)
    }
    fn versions(&self, path: &str) -> Result<Vec<String>, FetchError> {
        ProxyProtocol::versions(self, path)
    }
    fn latest(&self, path: &str) -> Result<RevInfo, FetchError> {
        ProxyProtocol::latest(self, path)
    }
    fn zip(&self, m: &ModuleVersion) -> Result<Arc<[u8]>, FetchError> {
        ProxyProtocol::zip(self, &m.path, &m.version)
    }
}

/// Implements [`ModuleSource`] for a wrapper whose `proto` field is a
/// [`ProxyProtocol`]: the wrappers differ only in the file tree they read.
macro_rules! delegate_module_source {
    ($t:ty) => {
        impl ModuleSource for $t {
            fn go_mod(&self, m: &ModuleVersion) -> Result<Arc<[u8]>, FetchError> {
                ModuleSource::go_mod(&self.proto, m)
            }
            fn info(&self, m: &ModuleVersion) -> Result<RevInfo, FetchError> {
                self.proto.info(m)
            }
            fn versions(&self, path: &str) -> Result<Vec<String>, FetchError> {
                ModuleSource::versions(&self.proto, path)
            }
            fn latest(&self, path: &str) -> Result<RevInfo, FetchError> {
                ModuleSource::latest(&self.proto, path)
            }
            fn zip(&self, m: &ModuleVersion) -> Result<Arc<[u8]>, FetchError> {
                ModuleSource::zip(&self.proto, m)
            }
        }
    };
}

/// One `file://` GOPROXY directory, read exactly as the Go command reads it
/// (`<escaped path>/@v/list`, `<escaped version>.info`/`.mod`, `@latest`),
/// with Go's error texts, e.g.
/// `reading file:///abs/proxy/example.com/%21upper/@v/v1.0.0.info: no such file or directory`.
///
/// Not memoized; [`GoSources`](super::GoSources) and [`Memoized`](super::Memoized) are.
pub struct ProxyDir {
    proto: ProxyProtocol<DiskTree>,
}

impl ProxyDir {
    /// A proxy for a GOPROXY entry such as `file:///abs/proxy`; the error is
    /// Go's text for an unusable entry. `http(s)://` entries are accepted
    /// but every request fails (gomvs is offline; see [`GoSources`](super::GoSources)).
    pub fn from_url(url: &str) -> Result<ProxyDir, String> {
        Ok(ProxyDir {
            proto: ProxyProtocol::new(ProxyUrl::parse(url)?, DiskTree),
        })
    }

    /// A proxy for an absolute directory (`file://` + `dir`).
    pub fn new(dir: impl AsRef<std::path::Path>) -> Result<ProxyDir, String> {
        let d = dir.as_ref().to_string_lossy().into_owned();
        ProxyDir::from_url(&format!("file://{d}"))
    }

    pub(crate) fn from_parsed(url: ProxyUrl) -> ProxyDir {
        ProxyDir {
            proto: ProxyProtocol::new(url, DiskTree),
        }
    }

    /// The proxy's base URL as Go prints it (`url.Redacted`).
    pub fn url(&self) -> String {
        self.proto.base().redacted()
    }
}

delegate_module_source!(ProxyDir);

/// An in-memory module proxy: a virtual `file://` proxy directory (default
/// `/memory`) whose files are given through [`MemorySourceBuilder`]. Answers
/// and errors are exactly those a [`ProxyDir`] over the same files would
/// give, e.g. `reading file:///memory/example.com/a/@v/v1.0.0.mod: no such
/// file or directory`.
pub struct MemorySource {
    proto: ProxyProtocol<MemoryTree>,
}

impl MemorySource {
    /// A builder for a source rooted at the virtual directory `/memory`.
    pub fn builder() -> MemorySourceBuilder {
        MemorySourceBuilder {
            root: "/memory".to_string(),
            tree: MemoryTree::default(),
            lists: HashMap::new(),
        }
    }
}

delegate_module_source!(MemorySource);

/// Builds a [`MemorySource`].
pub struct MemorySourceBuilder {
    root: String,
    tree: MemoryTree,
    /// Module path → `@v/list` lines added by [`MemorySourceBuilder::module`].
    lists: HashMap<String, Vec<String>>,
}

fn esc_or_raw(path: &str) -> String {
    escape_path(path).unwrap_or_else(|_| path.to_string())
}

fn esc_ver_or_raw(v: &str) -> String {
    escape_version(v).unwrap_or_else(|_| v.to_string())
}

impl MemorySourceBuilder {
    /// Sets the virtual directory that error messages show (absolute, no
    /// trailing slash), e.g. `/abs/proxy` to mimic a real proxy directory.
    pub fn root(mut self, dir: &str) -> Self {
        self.root = dir.trim_end_matches('/').to_string();
        self
    }

    /// Adds a raw file of the proxy tree, e.g. `("example.com/a/@v/list", b"v1.0.0\n")`
    /// (the path relative to the root, already escaped).
    pub fn file(mut self, rel: &str, data: impl AsRef<[u8]>) -> Self {
        let key = format!("{}/{}", self.root, rel.trim_start_matches('/'));
        self.tree.files.insert(key, data.as_ref().into());
        self
    }

    /// Adds `path@version`'s `.mod` file.
    pub fn go_mod(self, path: &str, version: &str, data: impl AsRef<[u8]>) -> Self {
        let rel = format!("{}/@v/{}.mod", esc_or_raw(path), esc_ver_or_raw(version));
        self.file(&rel, data)
    }

    /// Adds `path@version`'s `.info` file, verbatim.
    pub fn info_json(self, path: &str, version: &str, data: impl AsRef<[u8]>) -> Self {
        let rel = format!("{}/@v/{}.info", esc_or_raw(path), esc_ver_or_raw(version));
        self.file(&rel, data)
    }

    /// Adds `path@version`'s `.info` file `{"Version":version,"Time":time}`.
    pub fn info(self, path: &str, version: &str, time: &str) -> Self {
        let json = serde_json::json!({"Version": version, "Time": time}).to_string();
        self.info_json(path, version, json)
    }

    /// Sets `path`'s `@v/list` file verbatim (overrides [`MemorySourceBuilder::module`] lines).
    pub fn list(self, path: &str, text: &str) -> Self {
        let rel = format!("{}/@v/list", esc_or_raw(path));
        self.file(&rel, text)
    }

    /// Sets `path`'s `@latest` file verbatim.
    pub fn latest_json(self, path: &str, data: impl AsRef<[u8]>) -> Self {
        let rel = format!("{}/@latest", esc_or_raw(path));
        self.file(&rel, data)
    }

    /// Adds a complete module version: its `.mod`, an `.info` with the given
    /// time (RFC 3339), and a line in `@v/list` (unless [`MemorySourceBuilder::list`]
    /// sets the list explicitly).
    pub fn module(mut self, path: &str, version: &str, go_mod: &str, time: &str) -> Self {
        self.lists
            .entry(path.to_string())
            .or_default()
            .push(version.to_string());
        self.go_mod(path, version, go_mod).info(path, version, time)
    }

    /// The source.
    pub fn build(mut self) -> MemorySource {
        let lists = std::mem::take(&mut self.lists);
        for (path, versions) in lists {
            let key = format!("{}/{}/@v/list", self.root, esc_or_raw(&path));
            self.tree.files.entry(key).or_insert_with(|| {
                let text: String = versions.iter().map(|v| format!("{v}\n")).collect();
                text.as_bytes().into()
            });
        }
        let base = ProxyUrl::file_dir(&self.root);
        MemorySource {
            proto: ProxyProtocol::new(base, self.tree),
        }
    }
}
