//! The rows of `go list -m` (`modload.moduleInfo`, `modinfo.ModulePublic`):
//! one [`ModuleInfo`] per module of the build list or per argument, as data.

use super::cache::{complete_from_cache, CacheLayout};
use crate::gopath::join_clean;
use crate::loader::{BuildMode, Loaded, Session};
use crate::query::Querier;
use crate::requirements::Requirements;
use gomvs_modfile::{ModuleVersion, SmolStr};
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
    #[serde(skip_serializing_if = "SmolStr::is_empty")]
    pub path: SmolStr,
    /// Module version.
    #[serde(skip_serializing_if = "SmolStr::is_empty")]
    pub version: SmolStr,
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
    /// Provenance of a `path@version` argument's version, as its `.info`
    /// file recorded it (`go list -m` sets it from the query's `RevInfo`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub origin: Option<crate::source::Origin>,
}

/// Computes the row of one build-list module (`moduleInfo` with `rs != nil`).
pub fn module_info(loaded: &Loaded, cache: &CacheLayout, m: &ModuleVersion) -> ModuleInfo {
    let q = Querier::new(&loaded.session);
    module_info_in(loaded, &q, &loaded.requirements, cache, m, true)
}

/// The row of a module resolved from a `path@query` argument (`moduleInfo`
/// with `rs == nil`): no Indirect, no replacement, no go.sum requirement.
pub fn module_info_outside_graph(
    s: &Session,
    cache: &CacheLayout,
    m: &ModuleVersion,
) -> ModuleInfo {
    outside_graph_row(s, &Querier::new(s), cache, m)
}

/// [`module_info_outside_graph`] with the invocation's querier.
pub(super) fn outside_graph_row(
    s: &Session,
    q: &Querier<'_>,
    cache: &CacheLayout,
    m: &ModuleVersion,
) -> ModuleInfo {
    let mut info = ModuleInfo {
        path: m.path.clone(),
        version: m.version.clone(),
        go_version: s.raw_go_version(m).unwrap_or_default(),
        ..ModuleInfo::default()
    };
    complete_from_cache(s, q, cache, &mut info, false);
    info
}

/// `graph_loaded`: whether go would have loaded the module graph (and so
/// recorded the go lines of dependencies, `rawGoVersion`) before this row.
pub(super) fn module_info_in(
    loaded: &Loaded,
    q: &Querier<'_>,
    rs: &Requirements,
    cache: &CacheLayout,
    m: &ModuleVersion,
    graph_loaded: bool,
) -> ModuleInfo {
    let s = &loaded.session;
    // readVendorList records the vendored go versions before any row.
    let graph_loaded = graph_loaded || s.build_mode == BuildMode::Vendor;
    let raw_go_version = |m: &ModuleVersion| {
        if graph_loaded {
            s.raw_go_version(m).unwrap_or_default()
        } else {
            String::new()
        }
    };
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
                // `modFilePath(modRoot)`: a -modfile as given (relative or not).
                go_mod: match &s.config.modfile {
                    Some(f) if !s.in_workspace() => f.clone(),
                    _ => main.go_mod_path.display().to_string(),
                },
                ..ModuleInfo::default()
            };
        }
    }
    let mut info = ModuleInfo {
        path: m.path.clone(),
        version: m.version.clone(),
        indirect: !rs.direct.contains(m.path.as_str()),
        go_version: raw_go_version(m),
        ..ModuleInfo::default()
    };
    // In vendor mode nothing is completed from the module cache: the
    // vendor directory holds packages, not modules.
    let vendor = s.build_mode == BuildMode::Vendor;
    let Some(rule) = s.replacement(m) else {
        if !vendor {
            complete_from_cache(s, q, cache, &mut info, true);
        }
        return info;
    };
    let display = s.canonical_replacement(&rule);
    let mut rep = ModuleInfo {
        path: display.path.clone(),
        version: display.version.clone(),
        go_version: raw_go_version(m),
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
    if !vendor {
        complete_from_cache(s, q, cache, &mut rep, true);
        info.dir = rep.dir.clone();
        info.go_mod = rep.go_mod.clone();
        info.retracted = rep.retracted.clone();
    }
    info.go_version = rep.go_version.clone();
    info.replace = Some(Box::new(rep));
    info
}

/// The rows of `go list -m all`: one per build-list module except go/toolchain.
pub fn list_all(loaded: &Loaded, cache: &CacheLayout) -> Vec<ModuleInfo> {
    let q = Querier::new(&loaded.session);
    let list = loaded.graph.build_list();
    let list: Vec<ModuleVersion> = list
        .into_iter()
        .filter(|m| m.path != "go" && m.path != "toolchain")
        .collect();
    loaded.session.prefetch_infos(&list);
    list.iter()
        .map(|m| module_info_in(loaded, &q, &loaded.requirements, cache, m, true))
        .collect()
}
