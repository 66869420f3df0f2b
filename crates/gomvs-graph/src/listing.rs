//! `go list -m` rows (`modload.moduleInfo`, `modinfo.ModulePublic`).
//!
//! The rows are data; the CLI renders them as go's text or JSON.

use crate::gopath::join_clean;
use crate::loader::{BuildMode, Fatal, Loaded, Session};
use crate::query::{is_revision_query, Allowed, Querier, QueryErrorKind};
use crate::requirements::Requirements;
use crate::summary::Pruning;
use gomvs_modfile::{module, ModuleVersion, SmolStr};
use std::io::{self, Write};
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

impl ModuleInfo {
    /// `ModulePublic.String()`: the text line of `go list -m`.
    pub fn text(&self) -> String {
        let mut buf = Vec::with_capacity(self.path.len() + self.version.len() + 1);
        // Writing to a Vec cannot fail, and only `str` pieces are written.
        let _ = self.write_text(&mut buf);
        String::from_utf8(buf)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    }

    /// Writes [`ModuleInfo::text`] (no newline) to `out` piece by piece,
    /// without building a `String`.
    pub fn write_text<W: Write + ?Sized>(&self, out: &mut W) -> io::Result<()> {
        fn version<W: Write + ?Sized>(out: &mut W, m: &ModuleInfo) -> io::Result<()> {
            out.write_all(m.version.as_bytes())?;
            if !m.retracted.is_empty() {
                out.write_all(b" (retracted)")?;
            }
            Ok(())
        }
        fn update<W: Write + ?Sized>(out: &mut W, m: &ModuleInfo) -> io::Result<()> {
            if let Some(u) = &m.update {
                out.write_all(b" [")?;
                version(out, u)?;
                out.write_all(b"]")?;
            }
            Ok(())
        }
        out.write_all(self.path.as_bytes())?;
        if !self.version.is_empty() {
            out.write_all(b" ")?;
            version(out, self)?;
            update(out, self)?;
        }
        if !self.deprecated.is_empty() {
            out.write_all(b" (deprecated)")?;
        }
        if let Some(r) = &self.replace {
            out.write_all(b" => ")?;
            out.write_all(r.path.as_bytes())?;
            if !r.version.is_empty() {
                out.write_all(b" ")?;
                version(out, r)?;
                update(out, r)?;
            }
            if !r.deprecated.is_empty() {
                out.write_all(b" (deprecated)")?;
            }
        }
        Ok(())
    }
}

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
fn outside_graph_row(
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
fn module_info_in(
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

/// `completeFromModCache`: Time (through `Query`), GoVersion, GoMod, Dir
/// and the go.sum hashes of a row. `q` is the invocation's querier.
fn complete_from_cache(
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

/// The rows of `go list -m all`: one per build-list module except go/toolchain.
pub fn list_all(loaded: &Loaded, cache: &CacheLayout) -> Vec<ModuleInfo> {
    let q = Querier::new(&loaded.session);
    let list = loaded.graph.build_list();
    let mut rows = Vec::with_capacity(list.len());
    for m in &list {
        if m.path != "go" && m.path != "toolchain" {
            rows.push(module_info_in(
                loaded,
                &q,
                &loaded.requirements,
                cache,
                m,
                true,
            ));
        }
    }
    rows
}

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

/// `search.IsRelativePath`.
fn is_relative_path(p: &str) -> bool {
    p == "." || p == ".." || p.starts_with("./") || p.starts_with("../")
}

/// `pkgpattern.MatchPattern` for module paths: `...` matches any string,
/// and a trailing `/...` is optional (`x/...` matches `x` and `x/y`);
/// a non-trailing `vendor` element of the name is matched only by a literal
/// `vendor` element of the pattern, never by `...` (Go's `vendorChar`
/// strategy: such elements become NUL on both sides and `...` is `[^NUL]*`).
pub fn match_pattern(pattern: &str, name: &str) -> bool {
    if pattern.contains('\0') || pattern.contains('\\') || name.contains('\0') {
        return false;
    }
    let pat = replace_vendor(pattern);
    let name = replace_vendor(name);
    let alternatives: Vec<String> = if let Some(base) = pat.strip_suffix("/\0/...") {
        vec![format!("{base}/vendor"), format!("{base}/\0/...")]
    } else if pat == "\0/..." {
        vec!["/vendor".to_string(), "/\0/...".to_string()]
    } else if let Some(base) = pat.strip_suffix("/...") {
        vec![base.to_string(), pat.clone()]
    } else {
        vec![pat.clone()]
    };
    alternatives.iter().any(|a| glob(a, &name))
}

/// `replaceVendor(x, "\x00")`: non-trailing `vendor` elements become NUL.
fn replace_vendor(x: &str) -> String {
    if !x.contains("vendor") {
        return x.to_string();
    }
    let elems: Vec<&str> = x.split('/').collect();
    let n = elems.len();
    elems
        .iter()
        .enumerate()
        .map(|(i, e)| if i + 1 < n && *e == "vendor" { "\0" } else { e })
        .collect::<Vec<_>>()
        .join("/")
}

/// Anchored match where each `...` matches any string without a NUL
/// (greedy first fit, linear in the name per literal part: the earliest
/// occurrence of a part skips the fewest bytes, so it is never worse).
fn glob(pattern: &str, name: &str) -> bool {
    let parts: Vec<&str> = pattern.split("...").collect();
    let Some((first, rest)) = parts.split_first() else {
        return name.is_empty();
    };
    let Some(mut tail) = name.strip_prefix(first) else {
        return false;
    };
    let Some((last, middle)) = rest.split_last() else {
        return tail.is_empty();
    };
    for part in middle {
        match tail.find(part) {
            Some(j) if !tail.get(..j).unwrap_or("").contains('\0') => {
                tail = tail.get(j + part.len()..).unwrap_or("")
            }
            _ => return false,
        }
    }
    tail.len() >= last.len()
        && tail.ends_with(last)
        && !tail
            .get(..tail.len() - last.len())
            .unwrap_or("\0")
            .contains('\0')
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

/// The row of a failed `path@query` argument (`modinfoError`).
fn query_error_row(path: &str, vers: &str, e: &crate::query::QueryError) -> ModuleInfo {
    let text = if e.kind == QueryErrorKind::NoMatchingVersion {
        format!("module {path}: {}", e.text)
    } else if e.inner.is_some()
        || e.text.starts_with(&format!("{path}@"))
        || e.text.starts_with(&format!("module {path}: "))
    {
        // Already a module.ModuleError (some sources render the wrapping
        // into the message).
        e.text.clone()
    } else if vers.is_empty() {
        format!("module {path}: {}", e.text)
    } else {
        format!("{path}@{vers}: {}", e.text)
    };
    ModuleInfo {
        path: path.to_string().into(),
        version: vers.to_string().into(),
        error: Some(RowError { err: text }),
        ..ModuleInfo::default()
    }
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

/// The `-u`/`-retracted`/`-versions` additions for a row and its module
/// replacement, in go's order (the retraction `completeFromModCache` adds
/// first, then `addUpdate`, `addVersions`, `addRetraction`, `addDeprecation`).
fn add_details(q: &Querier<'_>, row: &mut ModuleInfo, mode: ListMode) {
    let complete = |m: &mut ModuleInfo| m.path != "go" && m.path != "toolchain";
    if mode.retracted {
        if let Some(r) = row.replace.as_deref_mut() {
            if !r.version.is_empty() && complete(r) {
                add_retraction(q, r);
            }
            let retracted = r.retracted.clone();
            row.retracted = retracted;
        } else if !row.version.is_empty() && complete(row) && !row.main {
            add_retraction(q, row);
        }
    }
    add_all(q, row, mode);
    if let Some(r) = row.replace.as_deref_mut() {
        add_all(q, r, mode);
    }
}

fn add_all(q: &Querier<'_>, m: &mut ModuleInfo, mode: ListMode) {
    if mode.update {
        add_update(q, m);
    }
    if mode.versions {
        add_versions(q, m, mode.retracted_versions);
        // mergeOrigin(m.Origin, versions' Origin): a proxy's version list
        // has none, so the merge is nil.
        m.origin = None;
    }
    if mode.retracted {
        add_retraction(q, m);
    }
    if mode.deprecated {
        add_deprecation(q, m);
    }
}

fn set_error(m: &mut ModuleInfo, text: String) {
    if m.error.is_none() {
        m.error = Some(RowError { err: text });
    }
}

/// `addUpdate`.
fn add_update(q: &Querier<'_>, m: &mut ModuleInfo) {
    if m.version.is_empty() {
        return;
    }
    match q.query(
        &m.path,
        "upgrade",
        &m.version,
        Allowed::NotExcludedNorRetracted,
    ) {
        Err(e) if e.is_no_matching() || e.is_not_found() || e.is_disallowed() => {}
        Err(e) => set_error(m, e.text),
        Ok(info) => {
            if gomvs_modfile::gover::mod_compare(&m.path, &info.version, &m.version).is_gt() {
                m.update = Some(Box::new(ModuleInfo {
                    path: m.path.clone(),
                    version: info.version.into(),
                    time: Some(info.time),
                    ..ModuleInfo::default()
                }));
            }
        }
    }
}

/// `addVersions`.
fn add_versions(q: &Querier<'_>, m: &mut ModuleInfo, list_retracted: bool) {
    let allowed = if list_retracted {
        Allowed::NotExcluded
    } else {
        Allowed::NotExcludedNorRetracted
    };
    match q.versions(&m.path, allowed) {
        Ok(v) => m.versions = v,
        Err(e) => {
            set_error(m, e.text);
            m.versions = Vec::new();
        }
    }
}

/// `addRetraction`.
fn add_retraction(q: &Querier<'_>, m: &mut ModuleInfo) {
    if m.version.is_empty() {
        return;
    }
    match q.check_retractions(&ModuleVersion::new(m.path.clone(), m.version.clone())) {
        Ok(()) => {}
        Err(e) if e.is_no_matching() || e.is_not_found() => {}
        Err(e) => match e.kind {
            QueryErrorKind::Retracted(rationale) => {
                m.retracted = if rationale.is_empty() {
                    vec!["retracted by module author".to_string()]
                } else {
                    rationale
                };
            }
            _ => set_error(m, e.text),
        },
    }
}

/// `addDeprecation`.
fn add_deprecation(q: &Querier<'_>, m: &mut ModuleInfo) {
    match q.check_deprecation(&ModuleVersion::new(m.path.clone(), m.version.clone())) {
        Ok(d) => m.deprecated = d,
        Err(e) if e.is_no_matching() || e.is_not_found() => {}
        Err(e) => set_error(m, e.text),
    }
}

#[cfg(test)]
mod tests {
    use super::match_pattern;

    #[test]
    fn module_patterns() {
        assert!(match_pattern("example.com/...", "example.com/a"));
        assert!(match_pattern("example.com/...", "example.com"));
        assert!(!match_pattern("example.com/...", "example.comx"));
        assert!(match_pattern("example.com/.../v2", "example.com/a/b/v2"));
        assert!(!match_pattern("example.com/.../v2", "example.com/a/v3"));
        assert!(match_pattern("ex...le.com/a", "example.com/a"));
        assert!(!match_pattern("nomatch.example/...", "example.com/a"));
        assert!(!match_pattern("a\\b/...", "a\\b/c"));
        // pkgpattern's vendor rule, as `go list -m` applies it (go 1.27.3).
        assert!(!match_pattern("example.com/...", "example.com/vendor/x"));
        assert!(match_pattern("example.com/...", "example.com/vendor"));
        assert!(match_pattern(
            "example.com/vendor/...",
            "example.com/vendor/x"
        ));
        assert!(match_pattern(
            "example.com/vendor/...",
            "example.com/vendor"
        ));
        assert!(!match_pattern("example.com/...x", "example.com/vendor/x"));
        assert!(match_pattern("example.com/.../x", "example.com/a/x"));
        assert!(!match_pattern(".../x", "a/vendor/x"));
        // `(/vendor|/NUL/...)`: go's odd special case never matches a leading vendor.
        assert!(!match_pattern("vendor/...", "vendor/a"));
        assert!(!match_pattern("...", "vendor/a"));
        assert!(match_pattern("...", "a/vendor"));
    }
}
