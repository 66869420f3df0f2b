//! `go list -m` rows (`modload.moduleInfo`, `modinfo.ModulePublic`).
//!
//! The rows are data; the CLI renders them as go's text or JSON.

use crate::gopath::join_clean;
use crate::loader::{BuildMode, Loaded, Session};
use gomvs_modfile::{module, ModuleVersion};
use std::path::{Path, PathBuf};

/// `modinfo.ModuleError`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RowError {
    /// The error text.
    #[serde(rename = "Err")]
    pub err: String,
}

/// One module row as `go list -m -json` prints it (`modinfo.ModulePublic`);
/// field order and omission rules are Go's.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ModuleInfo {
    /// Module path.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub path: String,
    /// Module version.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub version: String,
    /// Version query corresponding to this version.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub query: String,
    /// Available versions (`-versions`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub versions: Vec<String>,
    /// The replacement.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replace: Option<Box<ModuleInfo>>,
    /// Time the version was created, formatted as Go's JSON time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
    /// Available update (`-u`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub update: Option<Box<ModuleInfo>>,
    /// Whether this is a main module.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub main: bool,
    /// Whether only indirectly needed by the main module(s).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub indirect: bool,
    /// Directory holding the module's files.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub dir: String,
    /// Path to the go.mod file.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub go_mod: String,
    /// The go line of the module's go.mod.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub go_version: String,
    /// Retraction rationales (`-retracted`, `-u`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub retracted: Vec<String>,
    /// Deprecation message (`-u`).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub deprecated: String,
    /// Error loading the module.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<RowError>,
    /// go.sum hash of the module zip.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub sum: String,
    /// go.sum hash of the go.mod.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub go_mod_sum: String,
}

impl ModuleInfo {
    /// `ModulePublic.String()`: the text line of `go list -m`.
    pub fn text(&self) -> String {
        fn version_string(m: &ModuleInfo) -> String {
            if m.retracted.is_empty() {
                m.version.clone()
            } else {
                format!("{} (retracted)", m.version)
            }
        }
        let mut s = self.path.clone();
        if !self.version.is_empty() {
            s.push(' ');
            s.push_str(&version_string(self));
            if let Some(u) = &self.update {
                s.push_str(&format!(" [{}]", version_string(u)));
            }
        }
        if !self.deprecated.is_empty() {
            s.push_str(" (deprecated)");
        }
        if let Some(r) = &self.replace {
            s.push_str(" => ");
            s.push_str(&r.path);
            if !r.version.is_empty() {
                s.push(' ');
                s.push_str(&version_string(r));
                if let Some(u) = &r.update {
                    s.push_str(&format!(" [{}]", version_string(u)));
                }
            }
            if !r.deprecated.is_empty() {
                s.push_str(" (deprecated)");
            }
        }
        s
    }
}

/// Where the module cache is, for the GoMod and Dir fields.
#[derive(Debug, Clone, Default)]
pub struct CacheLayout {
    /// GOMODCACHE (absolute), if usable.
    pub root: Option<PathBuf>,
}

impl CacheLayout {
    /// `$GOMODCACHE/cache/download/<esc path>/@v/<esc version>.<ext>`.
    pub fn download_file(&self, m: &ModuleVersion, ext: &str) -> Option<PathBuf> {
        let root = self.root.as_ref()?;
        let path = module::escape_path(&m.path).ok()?;
        let version = module::escape_version(&m.version).ok()?;
        Some(
            root.join("cache/download")
                .join(path)
                .join("@v")
                .join(format!("{version}.{ext}")),
        )
    }

    /// `DownloadDir`: the extracted module directory, if complete on disk.
    pub fn extracted_dir(&self, m: &ModuleVersion) -> Option<PathBuf> {
        let root = self.root.as_ref()?;
        let path = module::escape_path(&m.path).ok()?;
        let version = module::escape_version(&m.version).ok()?;
        let dir = root.join(format!("{path}@{version}"));
        if !dir.is_dir() {
            return None;
        }
        let partial = self.download_file(m, "partial")?;
        let ziphash = self.download_file(m, "ziphash")?;
        if partial.exists() || !ziphash.is_file() {
            return None;
        }
        Some(dir)
    }
}

/// Computes the row of one build-list module (`moduleInfo` with `rs != nil`).
pub fn module_info(loaded: &Loaded, cache: &CacheLayout, m: &ModuleVersion) -> ModuleInfo {
    let s = &loaded.session;
    if m.version.is_empty() {
        if let Some(main) = s.mains.iter().find(|mm| mm.module.path == m.path) {
            // rawGoVersion of a main module: its go line; without one, "" in
            // workspace mode, 1.16 in readonly mode, the added go line in mod mode.
            let go_version = match (&main.file.go, s.in_workspace()) {
                (Some(g), _) => g.version.clone(),
                (None, true) => String::new(),
                (None, false) => s
                    .raw_go_version(&main.module)
                    .unwrap_or_else(|| loaded.requirements.go_version().to_string()),
            };
            return ModuleInfo {
                path: m.path.clone(),
                main: true,
                go_version,
                dir: main.root.display().to_string(),
                go_mod: main.go_mod_path.display().to_string(),
                ..ModuleInfo::default()
            };
        }
    }
    let mut info = ModuleInfo {
        path: m.path.clone(),
        version: m.version.clone(),
        indirect: !loaded.requirements.direct.contains(&m.path),
        go_version: s.raw_go_version(m).unwrap_or_default(),
        ..ModuleInfo::default()
    };
    let Some(rule) = s.replacement(m) else {
        complete_from_cache(s, cache, &mut info, true);
        return info;
    };
    let display = display_replacement(s, &rule.effective, &rule.mod_root);
    let mut rep = ModuleInfo {
        path: display.path.clone(),
        version: display.version.clone(),
        go_version: s.raw_go_version(m).unwrap_or_default(),
        ..ModuleInfo::default()
    };
    if display.version.is_empty() {
        let dir = if Path::new(&display.path).is_absolute() {
            PathBuf::from(&display.path)
        } else {
            join_clean(&s.replace_relative_to(), &display.path)
        };
        rep.dir = dir.display().to_string();
        rep.go_mod = dir.join("go.mod").display().to_string();
    }
    complete_from_cache(s, cache, &mut rep, true);
    info.dir = rep.dir.clone();
    info.go_mod = rep.go_mod.clone();
    info.retracted = rep.retracted.clone();
    info.go_version = rep.go_version.clone();
    info.replace = Some(Box::new(rep));
    info
}

/// `canonicalizeReplacePath`: in workspace mode a relative directory from a
/// module's go.mod is shown relative to the go.work directory.
fn display_replacement(s: &Session, effective: &ModuleVersion, mod_root: &Path) -> ModuleVersion {
    let Some((work, _)) = &s.work else {
        return effective.clone();
    };
    if Path::new(&effective.path).is_absolute() && mod_root.as_os_str().is_empty()
        || !effective.version.is_empty()
    {
        return effective.clone();
    }
    if mod_root.as_os_str().is_empty() {
        return effective.clone();
    }
    let abs = if Path::new(&effective.path).is_absolute() {
        PathBuf::from(&effective.path)
    } else {
        join_clean(mod_root, &effective.path)
    };
    let work_dir = work.parent().unwrap_or(Path::new("/"));
    let rel = crate::loader::short_path_rel(work_dir, &abs);
    ModuleVersion::new(to_directory_path(&rel), "")
}

/// `modload.ToDirectoryPath`: make a relative path start with `./` or `../`.
pub fn to_directory_path(p: &str) -> String {
    if p == "."
        || p == ".."
        || p.starts_with("./")
        || p.starts_with("../")
        || Path::new(p).is_absolute()
    {
        return p.to_string();
    }
    format!("./{p}")
}

fn complete_from_cache(s: &Session, cache: &CacheLayout, m: &mut ModuleInfo, with_rs: bool) {
    if m.path == "go" || m.path == "toolchain" {
        return;
    }
    let must_have_sums = s.build_mode == BuildMode::Readonly && !s.in_workspace();
    let checksum_ok = |suffix: &str, version: &str| -> bool {
        !with_rs
            || version.is_empty()
            || !must_have_sums
            || s.has_sum(&m.path, &format!("{version}{suffix}"))
    };
    let module = ModuleVersion::new(m.path.clone(), m.version.clone());
    if !m.version.is_empty() {
        match s.source().info(&module) {
            Ok(info) => {
                m.version = info.version;
                m.time = Some(info.time);
            }
            Err(e) => {
                m.error = Some(RowError {
                    err: s.query_error_text(&module, &e),
                })
            }
        }
    }
    let version = module.version.clone();
    if m.go_version.is_empty() && checksum_ok("/go.mod", &version) {
        if let Ok(summary) = s.raw_summary(&module) {
            if !summary.go_version.is_empty() {
                m.go_version = summary.go_version.clone();
            }
        }
    }
    if !version.is_empty() {
        if checksum_ok("/go.mod", &version) {
            if s.source().go_mod(&module).is_ok() {
                if let Some(p) = cache.download_file(&module, "mod") {
                    m.go_mod = p.display().to_string();
                }
            }
            if let Some(sum) = s.recorded_sum(&module.path, &format!("{version}/go.mod")) {
                m.go_mod_sum = sum;
            }
        }
        if checksum_ok("", &version) {
            if let Some(dir) = cache.extracted_dir(&module) {
                m.dir = dir.display().to_string();
            }
            if let Some(sum) = s.recorded_sum(&module.path, &version) {
                m.sum = sum;
            }
        }
    }
}

/// The rows of `go list -m all`: one per build-list module except go/toolchain.
pub fn list_all(loaded: &Loaded, cache: &CacheLayout) -> Vec<ModuleInfo> {
    let list = loaded.graph.build_list();
    list.iter()
        .filter(|m| m.path != "go" && m.path != "toolchain")
        .map(|m| module_info(loaded, cache, m))
        .collect()
}
