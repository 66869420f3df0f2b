//! `go list -m` rows (`modload.moduleInfo`, `modinfo.ModulePublic`).
//!
//! The rows are data; the CLI renders them as go's text or JSON.
//!
//! This module handles the arguments (`modload.ListModules`: paths, patterns,
//! `path@query`); `row` builds the rows, `cache` fills in the module
//! cache paths, `pattern` matches the arguments and `details` adds the
//! `-u`, `-versions` and `-retracted` fields.

mod cache;
mod details;
mod pattern;
mod row;

pub use crate::gopath::to_directory_path;
pub use cache::{CacheLayout, ModuleCachePaths};
use details::{add_details, query_error_row};
use pattern::is_relative_path;
pub use pattern::match_pattern;
pub use row::{list_all, module_info, module_info_outside_graph, ModuleInfo, RowError};
use row::{module_info_in, outside_graph_row};

use crate::loader::{BuildMode, Fatal, Loaded};
use crate::query::{is_revision_query, Allowed, Querier};
use crate::requirements::Requirements;
use crate::summary::Pruning;
use gomvs_modfile::ModuleVersion;

/// What `go list -m` adds to each row (`modload.ListMode`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListMode {
    /// `ListU`: Update.
    pub update: bool,
    /// `ListRetracted`: Retracted.
    pub retracted: bool,
    /// `ListDeprecated`: Deprecated.
    pub deprecated: bool,
    /// `ListVersions`: Versions.
    pub versions: bool,
    /// `ListRetractedVersions`: Versions include retracted ones.
    pub retracted_versions: bool,
}

impl ListMode {
    /// The mode of `go list -m` with the `-u`, `-retracted` and `-versions` flags.
    pub fn from_flags(u: bool, retracted: bool, versions: bool) -> ListMode {
        ListMode {
            update: u,
            retracted: u || retracted,
            deprecated: u,
            versions,
            retracted_versions: versions && retracted,
        }
    }

    fn any(&self) -> bool {
        self.update || self.retracted || self.deprecated || self.versions
    }
}

/// The result of `modload.ListModules`.
#[derive(Debug, Clone, Default)]
pub struct Listing {
    /// The rows, in go's order.
    pub rows: Vec<ModuleInfo>,
    /// Lines printed on stderr while listing (pattern warnings), in order.
    pub warnings: Vec<String>,
    /// The error `ListModules` returns (graph load or go.mod update needed).
    pub error: Option<String>,
}

fn fatal(msg: String) -> Fatal {
    Fatal {
        lines: vec![msg],
        exit_code: 1,
    }
}

/// `modload.ListModules` for `go list -m [-u] [-retracted] [-versions] ARGS`:
/// the rows, the warnings and the returned error; `Err` for the argument
/// errors go reports with `base.Fatalf`.
pub fn list_modules(
    loaded: &Loaded,
    cache: &CacheLayout,
    args: &[String],
    mode: ListMode,
) -> Result<Listing, Fatal> {
    let s = &loaded.session;
    let q = Querier::new(s);
    let mut out = Listing::default();
    let has_mod_root = !s.mains.is_empty()
        && s.mains
            .iter()
            .any(|m| !m.go_mod_path.as_os_str().is_empty());

    let mut need_full_graph = false;
    if args.is_empty() {
        for m in s.main_versions() {
            if m.path == "go" || m.path == "toolchain" {
                continue;
            }
            out.rows.push(module_info_in(
                loaded,
                &q,
                &loaded.initial_requirements,
                cache,
                &m,
                false,
            ));
        }
    } else {
        let initial = &loaded.initial_requirements;
        let root_selected = |rs: &Requirements, path: &str| -> Option<String> {
            if s.is_main(path) {
                return Some(String::new());
            }
            rs.root_version(path).map(str::to_string)
        };
        for arg in args {
            if arg.contains('\\') {
                return Err(fatal("go: module paths never use backslash".to_string()));
            }
            if is_relative_path(arg) {
                return Err(fatal(format!(
                    "go: cannot use relative path {arg} to specify module"
                )));
            }
            if arg == "all" || arg.contains("...") {
                need_full_graph = true;
                continue;
            }
            let (path, vers, found) = parse_path_version(arg)?;
            if found {
                if (vers == "upgrade" || vers == "patch")
                    && (root_selected(initial, &path).is_none()
                        || initial.pruning == Pruning::Unpruned)
                {
                    need_full_graph = true;
                }
                continue;
            }
            if root_selected(initial, arg).is_none() || initial.pruning == Pruning::Unpruned {
                need_full_graph = true;
            }
        }
        let _ = has_mod_root;
        let (rs, mg_error) = if need_full_graph {
            (&loaded.requirements, loaded.error.clone())
        } else {
            (initial, None)
        };
        let selected = |path: &str| -> String {
            if need_full_graph {
                loaded.graph.selected(path)
            } else {
                root_selected(rs, path).unwrap_or_else(|| "none".to_string())
            }
        };
        // Modules matched by an earlier pattern are not listed again; with a
        // single argument there is no earlier pattern to remember.
        let dedupe = args.len() > 1;
        let mut matched: std::collections::HashSet<ModuleVersion> =
            std::collections::HashSet::new();
        for arg in args {
            let (path, vers, found) = parse_path_version(arg)?;
            if found {
                let current = selected(&path);
                if current == "none" && mg_error.is_some() && (vers == "upgrade" || vers == "patch")
                {
                    continue;
                }
                let allowed = if is_revision_query(&path, &vers) || mode.retracted {
                    Allowed::All
                } else {
                    Allowed::NotExcludedNorRetracted
                };
                match q.query(&path, &vers, &current, allowed) {
                    Err(e) => out.rows.push(query_error_row(&path, &vers, &e)),
                    Ok(info) => {
                        let m = ModuleVersion::new(path.clone(), info.version);
                        let mut row = if m.version.is_empty() && s.is_main(&m.path) {
                            // `upgrade`/`patch` of a main module: its own row.
                            module_info_in(loaded, &q, rs, cache, &m, need_full_graph)
                        } else {
                            outside_graph_row(s, &q, cache, &m)
                        };
                        if vers != row.version {
                            row.query = vers.clone();
                        }
                        row.origin = info.origin;
                        out.rows.push(row);
                    }
                }
                continue;
            }
            if arg == "all" || arg.contains("...") {
                let is_all = arg == "all";
                let mut matches = Vec::new();
                for m in loaded.graph.build_list() {
                    if m.path == "go" || m.path == "toolchain" {
                        continue;
                    }
                    if (is_all || match_pattern(arg, &m.path))
                        && (!dedupe || matched.insert(m.clone()))
                    {
                        matches.push(m);
                    }
                }
                if matches.is_empty() {
                    out.warnings.push(format!(
                        "warning: pattern {} matched no module dependencies",
                        gomvs_modfile::module::quote(arg)
                    ));
                }
                // Each row's Query reads the module's .info: read them all
                // first, on all cores, into the sources' memo.
                s.prefetch_infos(&matches);
                out.rows.reserve(matches.len());
                for m in matches {
                    out.rows
                        .push(module_info_in(loaded, &q, rs, cache, &m, true));
                }
                continue;
            }
            let v = selected(arg);
            if v == "none" && mg_error.is_some() {
                continue;
            }
            if v != "none" {
                out.rows.push(module_info_in(
                    loaded,
                    &q,
                    rs,
                    cache,
                    &ModuleVersion::new(arg.clone(), v),
                    need_full_graph,
                ));
            } else if s.build_mode == BuildMode::Vendor {
                out.rows.push(ModuleInfo {
                    path: arg.clone().into(),
                    error: Some(RowError {
                        err: format!("module {arg}: can't resolve module using the vendor directory\n\t(Use -mod=mod or -mod=readonly to bypass.)"),
                    }),
                    ..ModuleInfo::default()
                });
            } else if mode.versions {
                out.rows.push(ModuleInfo {
                    path: arg.clone().into(),
                    ..ModuleInfo::default()
                });
            } else {
                out.rows.push(ModuleInfo {
                    path: arg.clone().into(),
                    error: Some(RowError {
                        err: format!("module {arg}: not a known dependency"),
                    }),
                    ..ModuleInfo::default()
                });
            }
        }
        out.error = mg_error;
    }
    if args.is_empty() {
        out.error = None;
    }
    if mode.any() {
        for row in &mut out.rows {
            add_details(&q, row, mode);
        }
    }
    Ok(out)
}

/// `go list -m ARGS` without main modules (outside a module, or a
/// workspace without modules): only `path@query` arguments and, with
/// `-versions`, bare paths; the caller has rejected everything else with
/// go's fatal errors. `local_go` is the emulated go version.
pub fn list_modules_detached(
    source: std::sync::Arc<dyn crate::source::ModuleSource>,
    cache: &CacheLayout,
    args: &[String],
    mode: ListMode,
) -> Result<Listing, Fatal> {
    let q = Querier::detached(source.clone());
    let mut out = Listing::default();
    for arg in args {
        let (path, vers, found) = parse_path_version(arg)?;
        if !found {
            out.rows.push(ModuleInfo {
                path: path.into(),
                ..ModuleInfo::default()
            });
            continue;
        }
        let allowed = if is_revision_query(&path, &vers) || mode.retracted {
            Allowed::All
        } else {
            Allowed::NotExcludedNorRetracted
        };
        match q.query(&path, &vers, "", allowed) {
            Err(e) => out.rows.push(query_error_row(&path, &vers, &e)),
            Ok(info) => {
                let origin = info.origin;
                let m = ModuleVersion::new(path.clone(), info.version);
                let mut row = ModuleInfo {
                    path: m.path.clone(),
                    version: m.version.clone(),
                    ..ModuleInfo::default()
                };
                match q.query(&m.path, &m.version, "", Allowed::All) {
                    Ok(i) => {
                        row.version = i.version.into();
                        row.time = Some(i.time);
                    }
                    Err(e) => row.error = Some(RowError { err: e.text }),
                }
                // rawGoModSummary: a too-new go line is an error (no GoVersion).
                if let Ok(data) = source.go_mod(&m) {
                    if let Ok(f) = gomvs_modfile::gomod::parse_lax("go.mod", &data) {
                        if let Some(g) = &f.go {
                            let too_new = gomvs_modfile::gover::compare(
                                &g.version,
                                gomvs_modfile::gover::GO_STRICT_VERSION,
                            )
                            .is_ge()
                                && gomvs_modfile::gover::compare(
                                    &g.version,
                                    gomvs_modfile::gover::LOCAL,
                                )
                                .is_gt();
                            if !too_new {
                                row.go_version = g.version.clone();
                            }
                        }
                    }
                    if let Some(p) = cache.download_file(&m, "mod") {
                        row.go_mod = p.display().to_string();
                    }
                }
                if let Some(dir) = cache.extracted_dir(&m) {
                    row.dir = dir.display().to_string();
                }
                if vers != row.version {
                    row.query = vers.clone();
                }
                row.origin = origin;
                out.rows.push(row);
            }
        }
    }
    if mode.any() {
        for row in &mut out.rows {
            add_details(&q, row, mode);
        }
    }
    Ok(out)
}

/// `ParsePathVersion`.
fn parse_path_version(arg: &str) -> Result<(String, String, bool), Fatal> {
    match arg.split_once('@') {
        None => Ok((arg.to_string(), String::new(), false)),
        Some((p, v)) => {
            if v.starts_with('-') || v.starts_with('/') {
                return Err(fatal(format!(
                    "go: invalid module version {}",
                    gomvs_modfile::module::quote(v)
                )));
            }
            Ok((p.to_string(), v.to_string(), true))
        }
    }
}
