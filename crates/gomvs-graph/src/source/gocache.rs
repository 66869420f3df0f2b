//! The module cache (`modfetch/cache.go`): reading `$GOMODCACHE/cache/download`
//! the way the Go command does before asking any proxy, the paths Go reports
//! (`GoMod`, `Dir` in `go list -m -json`), and directory replacements' go.mod.

use super::gojson::unmarshal_rev_info;
use super::{FetchError, ModuleSource, RevInfo};
use crate::env::GoEnv;
use crate::goerr::{errno_text, is_not_exist, path_error};
use crate::gopath::short_path;
use gomvs_modfile::fsread;
use gomvs_modfile::module::{canonical_version, escape_path, escape_version, quote};
use gomvs_modfile::{semver, ModuleVersion};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The text of `modfetch.errNotCached`, which Go never prints (a cache miss
/// just moves on to the proxies).
const NOT_CACHED: &str = "not in cache";

/// `$GOMODCACHE`, read-only.
///
/// As a [`ModuleSource`] it answers `go_mod` and `info` from
/// `cache/download` (a `.mod` starting with `//vgo 0.0.` and an `.info`
/// that is not valid JSON count as absent, as in Go) and never answers
/// `versions`/`latest` (Go does not read those from the disk cache). Misses
/// are [`FetchErrorKind::NotFound`](super::FetchErrorKind::NotFound) with the
/// text `not in cache`.
#[derive(Debug, Clone)]
pub struct ModCache {
    setting: String,
    usable: Result<PathBuf, String>,
    /// `$GOMODCACHE/cache/download` did not exist when the cache was
    /// opened: every read of a cached `.mod` or `.info` would fail with
    /// "no such file", so none is tried (gomvs never fills the cache; with
    /// an empty cache this saves one failed open per file read).
    download_absent: bool,
}

impl ModCache {
    /// The cache at `gomodcache` (the GOMODCACHE value, possibly empty or relative).
    pub fn new(gomodcache: &str) -> ModCache {
        let usable = check_cache_dir(gomodcache);
        let download_absent = usable.as_ref().is_ok_and(|root| {
            std::fs::metadata(root.join("cache/download"))
                .is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound)
        });
        ModCache {
            setting: gomodcache.to_string(),
            usable,
            download_absent,
        }
    }

    /// The cache of an environment (`GoEnv::gomodcache`).
    pub fn from_env(env: &GoEnv) -> ModCache {
        ModCache::new(&env.gomodcache())
    }

    /// The GOMODCACHE setting.
    pub fn setting(&self) -> &str {
        &self.setting
    }

    /// `checkCacheDir`: the cache root, or Go's reason it is unusable, e.g.
    /// `GOMODCACHE entry is relative; must be absolute path: "rel".\n`
    /// (the trailing newline is Go's). A missing directory is usable (Go
    /// would create it; gomvs just finds nothing in it).
    pub fn check(&self) -> Result<&Path, String> {
        self.usable.as_deref().map_err(Clone::clone)
    }

    /// `modfetch.CachePath(m, suffix)`:
    /// `$GOMODCACHE/cache/download/<escaped path>/@v/<escaped version>.<suffix>`.
    pub fn cache_path(&self, m: &ModuleVersion, suffix: &str) -> Result<PathBuf, String> {
        if m.path == "go" || m.path == "toolchain" {
            return Err("internal error: invalid operation on toolchain module".to_string());
        }
        let root = self.check()?;
        let enc = escape_path(&m.path).map_err(|e| e.to_string())?;
        if !semver::is_valid(&m.version) {
            return Err(format!("non-semver module version {}", quote(&m.version)));
        }
        if canonical_version(&m.version) != m.version {
            return Err(format!(
                "non-canonical module version {}",
                quote(&m.version)
            ));
        }
        let enc_ver = escape_version(&m.version).map_err(|e| e.to_string())?;
        Ok(root
            .join("cache/download")
            .join(enc)
            .join("@v")
            .join(format!("{enc_ver}.{suffix}")))
    }

    /// The `GoMod` path `go list -m -json` reports for `m` (`modfetch.GoModFile`):
    /// the cache's `.mod` file. Go reports it whenever the go.mod could be
    /// fetched (fetching writes it there); gomvs never writes, so callers
    /// report this path when the go.mod was obtained from any source.
    pub fn go_mod_file(&self, m: &ModuleVersion) -> Result<PathBuf, String> {
        self.cache_path(m, "mod")
    }

    /// `modfetch.DownloadDir(m)`: `$GOMODCACHE/<escaped path>@<escaped version>`
    /// if it is complete: a directory, no `.partial` file, and a `.ziphash`
    /// file present. `Err` carries the directory (when known) and Go's reason.
    pub fn download_dir(&self, m: &ModuleVersion) -> Result<PathBuf, (Option<PathBuf>, String)> {
        let root = self.check().map_err(|e| (None, e))?.to_path_buf();
        let enc = escape_path(&m.path).map_err(|e| (None, e.to_string()))?;
        let partial = self.cache_path(m, "partial").map_err(|e| (None, e))?;
        let enc_ver = escape_version(&m.version).map_err(|e| (None, e.to_string()))?;
        let dir = root.join(format!("{enc}@{enc_ver}"));
        let shown = dir.to_string_lossy().into_owned();
        match std::fs::metadata(&dir) {
            Err(e) if is_not_exist(&e) => {
                return Err((Some(dir.clone()), path_error("stat", &shown, &e)))
            }
            Err(e) => {
                return Err((
                    Some(dir.clone()),
                    format!("{shown}: {}", path_error("stat", &shown, &e)),
                ))
            }
            Ok(md) if !md.is_dir() => {
                return Err((Some(dir.clone()), format!("{shown}: not a directory")))
            }
            Ok(_) => {}
        }
        match std::fs::metadata(&partial) {
            Ok(_) => {
                return Err((
                    Some(dir.clone()),
                    format!("{shown}: not completely extracted"),
                ))
            }
            Err(e) if !is_not_exist(&e) => {
                let p = partial.to_string_lossy().into_owned();
                return Err((Some(dir.clone()), path_error("stat", &p, &e)));
            }
            Err(_) => {}
        }
        let ziphash = self
            .cache_path(m, "ziphash")
            .map_err(|e| (Some(dir.clone()), e))?;
        match std::fs::metadata(&ziphash) {
            Err(e) if is_not_exist(&e) => Err((
                Some(dir.clone()),
                format!("{shown}: ziphash file is missing"),
            )),
            Err(e) => {
                let p = ziphash.to_string_lossy().into_owned();
                Err((Some(dir.clone()), path_error("stat", &p, &e)))
            }
            Ok(_) => Ok(dir),
        }
    }

    fn read_cache_file(&self, m: &ModuleVersion, suffix: &str) -> Option<Vec<u8>> {
        if self.download_absent {
            return None;
        }
        let file = self.cache_path(m, suffix).ok()?;
        gomvs_modfile::fsread::read(&file).ok()
    }

    /// `readDiskGoMod`: the cached `.mod`, unless absent or an old `//vgo 0.0.` file.
    pub fn read_go_mod(&self, m: &ModuleVersion) -> Option<Arc<[u8]>> {
        let data = self.read_cache_file(m, "mod")?;
        if data.starts_with(b"//vgo 0.0.") {
            return None;
        }
        Some(data.into())
    }

    /// `readDiskStat`: the cached `.info`, unless absent or not valid JSON
    /// for a `RevInfo` (then Go treats it as not cached).
    pub fn read_info(&self, m: &ModuleVersion) -> Option<RevInfo> {
        let data = self.read_cache_file(m, "info")?;
        let info = unmarshal_rev_info(&data).ok()?;
        Some(RevInfo {
            version: info.version,
            time: info.time,
            origin: info.origin,
        })
    }
}

/// `modfetch.checkCacheDir`.
fn check_cache_dir(gomodcache: &str) -> Result<PathBuf, String> {
    if gomodcache.is_empty() {
        return Err("module cache not found: neither GOMODCACHE nor GOPATH is set".to_string());
    }
    if !gomodcache.starts_with('/') {
        return Err(format!(
            "GOMODCACHE entry is relative; must be absolute path: {}.\n",
            quote(gomodcache)
        ));
    }
    match std::fs::metadata(gomodcache) {
        Ok(md) if !md.is_dir() => Err(format!(
            "could not create module cache: {} is not a directory",
            quote(gomodcache)
        )),
        Err(e) if !is_not_exist(&e) => Err(format!(
            "could not create module cache: {}",
            path_error("stat", gomodcache, &e)
        )),
        _ => Ok(PathBuf::from(gomodcache)),
    }
}

impl ModuleSource for ModCache {
    fn go_mod(&self, m: &ModuleVersion) -> Result<Arc<[u8]>, FetchError> {
        self.read_go_mod(m)
            .ok_or_else(|| FetchError::not_found(NOT_CACHED))
    }
    fn info(&self, m: &ModuleVersion) -> Result<RevInfo, FetchError> {
        self.read_info(m)
            .ok_or_else(|| FetchError::not_found(NOT_CACHED))
    }
    fn versions(&self, _path: &str) -> Result<Vec<String>, FetchError> {
        Err(FetchError::not_found(NOT_CACHED))
    }
    fn latest(&self, _path: &str) -> Result<RevInfo, FetchError> {
        Err(FetchError::not_found(NOT_CACHED))
    }
}

/// Reads a directory replacement's go.mod (`rawGoModData` for a version-less
/// module): `dir` is the absolute replacement directory. The error is Go's
/// text before the module prefix, e.g. `reading ../dir/go.mod: open
/// /abs/dir/go.mod: no such file or directory` (the first path shortened
/// relative to `cwd` as `base.ShortPath` does).
pub fn read_dir_go_mod(dir: &Path, cwd: &Path) -> Result<Vec<u8>, String> {
    let name = dir.join("go.mod");
    let shown = name.to_string_lossy().into_owned();
    let err = |inner: String| format!("reading {}: {inner}", short_path(cwd, &name));
    let f = fsread::open(&name).map_err(|e| err(path_error("open", &shown, &e)))?;
    f.read_limited(fsread::MAX_MOD_FILE_SIZE)
        .map_err(|e| err(format!("read {shown}: {}", errno_text(&e))))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn relative_gomodcache_is_unusable() {
        let c = ModCache::new("rel/cache");
        assert_eq!(
            c.check().unwrap_err(),
            "GOMODCACHE entry is relative; must be absolute path: \"rel/cache\".\n"
        );
        let m = ModuleVersion::new("example.com/a", "v1.0.0");
        assert!(c.read_go_mod(&m).is_none());
        assert_eq!(
            ModCache::new("").check().unwrap_err(),
            "module cache not found: neither GOMODCACHE nor GOPATH is set"
        );
    }
}
