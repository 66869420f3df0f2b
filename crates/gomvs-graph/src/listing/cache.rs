//! Where a module lives in the module cache (the GoMod, Dir and Sum fields
//! of a row: `completeFromModCache`).

use super::row::{ModuleInfo, RowError};
use crate::loader::{BuildMode, Session};
use crate::query::{Allowed, Querier};
use gomvs_modfile::{module, ModuleVersion};
use std::path::PathBuf;

/// Where the module cache is, for the GoMod and Dir fields.
#[derive(Debug, Clone, Default)]
pub struct CacheLayout {
    /// GOMODCACHE (absolute), if usable.
    pub root: Option<PathBuf>,
}

impl CacheLayout {
    /// The cache locations of `m` (its path and version escaped once), if
    /// the cache is usable and `m` can be escaped.
    pub fn module_paths(&self, m: &ModuleVersion) -> Option<ModuleCachePaths> {
        // filepath.Join(cfg.GOMODCACHE, ...) cleans: `/a/../b` prints as `/b`.
        let root = crate::gopath::clean_path(self.root.as_ref()?);
        let path = module::escape_path(&m.path).ok()?;
        let version = module::escape_version(&m.version).ok()?;
        Some(ModuleCachePaths {
            download_dir: root.join("cache/download").join(&path).join("@v"),
            extracted: root.join(format!("{path}@{version}")),
            version,
        })
    }

    /// `$GOMODCACHE/cache/download/<esc path>/@v/<esc version>.<ext>`.
    pub fn download_file(&self, m: &ModuleVersion, ext: &str) -> Option<PathBuf> {
        Some(self.module_paths(m)?.download_file(ext))
    }

    /// `DownloadDir`: the extracted module directory, if complete on disk.
    pub fn extracted_dir(&self, m: &ModuleVersion) -> Option<PathBuf> {
        self.module_paths(m)?.extracted_dir()
    }
}

/// Where one module version lives in the module cache
/// ([`CacheLayout::module_paths`]).
#[derive(Debug, Clone)]
pub struct ModuleCachePaths {
    /// `$GOMODCACHE/cache/download/<esc path>/@v`.
    download_dir: PathBuf,
    /// `$GOMODCACHE/<esc path>@<esc version>`.
    extracted: PathBuf,
    /// The escaped version.
    version: String,
}

impl ModuleCachePaths {
    /// `$GOMODCACHE/cache/download/<esc path>/@v/<esc version>.<ext>`.
    pub fn download_file(&self, ext: &str) -> PathBuf {
        self.download_dir.join(format!("{}.{ext}", self.version))
    }

    /// `DownloadDir`: the extracted module directory, if complete on disk
    /// (the directory exists, no `.partial` file, a `.ziphash` file).
    pub fn extracted_dir(&self) -> Option<PathBuf> {
        if !self.extracted.is_dir() {
            return None;
        }
        if self.download_file("partial").exists() || !self.download_file("ziphash").is_file() {
            return None;
        }
        Some(self.extracted.clone())
    }
}

/// `completeFromModCache`: Time (through `Query`), GoVersion, GoMod, Dir
/// and the go.sum hashes of a row. `q` is the invocation's querier.
pub(super) fn complete_from_cache(
    s: &Session,
    q: &Querier<'_>,
    cache: &CacheLayout,
    m: &mut ModuleInfo,
    with_rs: bool,
) {
    if m.path == "go" || m.path == "toolchain" {
        return;
    }
    let module = ModuleVersion::new(m.path.clone(), m.version.clone());
    let version = module.version.as_str();
    // `checksumOk(suffix)`: HaveSum is a pure lookup, so each key is asked
    // at most once (the `/go.mod` key serves GoVersion and GoMod).
    let must_have_sums =
        with_rs && !version.is_empty() && s.build_mode == BuildMode::Readonly && !s.in_workspace();
    let go_mod_key = (!version.is_empty()).then(|| format!("{version}/go.mod"));
    let mut go_mod_sum_ok: Option<bool> = None;
    let mut go_mod_checksum_ok = || {
        *go_mod_sum_ok.get_or_insert_with(|| {
            !must_have_sums || s.has_sum(&module.path, go_mod_key.as_deref().unwrap_or_default())
        })
    };
    if !version.is_empty() {
        // `Query(path, version, "", nil)`: a replaced path's repository also
        // knows the versions its replace directives name.
        match q.query(&module.path, version, "", Allowed::All) {
            Ok(info) => {
                m.version = info.version.into();
                m.time = Some(info.time);
            }
            Err(e) => m.error = Some(RowError { err: e.text }),
        }
    }
    if m.go_version.is_empty() && go_mod_checksum_ok() {
        if let Ok(summary) = s.raw_summary(&module) {
            if !summary.go_version.is_empty() {
                m.go_version = summary.go_version.to_string();
            }
        }
    }
    let Some(go_mod_key) = &go_mod_key else {
        return;
    };
    let paths = cache.module_paths(&module);
    if go_mod_checksum_ok() {
        // The cached .mod file exists once the go.mod could be read; without
        // a usable cache there is no path to report, so nothing is read.
        if let Some(p) = paths.as_ref().map(|p| p.download_file("mod")) {
            if s.source().go_mod(&module).is_ok() {
                m.go_mod = p.display().to_string();
            }
        }
        if let Some(sum) = s.recorded_sum(&module.path, go_mod_key) {
            m.go_mod_sum = sum;
        }
    }
    if !must_have_sums || s.has_sum(&module.path, version) {
        if let Some(dir) = paths.as_ref().and_then(ModuleCachePaths::extracted_dir) {
            m.dir = dir.display().to_string();
        }
        if let Some(sum) = s.recorded_sum(&module.path, version) {
            m.sum = sum;
        }
    }
}
