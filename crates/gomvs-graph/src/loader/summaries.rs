//! Per-module summaries with replacements and exclusions applied
//! (`goModSummary`, `rawGoModSummary`, `replacementFrom`).

use super::*;

/// The smallest batch [`Session::prefetch_raw_summaries`] starts threads
/// for: starting a thread costs about as much as reading and parsing a
/// dozen go.mod files, so smaller breadth-first levels are read in line.
pub const PREFETCH_MIN_BATCH: usize = 24;

/// The side-effect-free result of fetching and parsing a module version's
/// go.mod ([`Session::prefetch_raw_summaries`]); its side effects are
/// applied when [`Session::summary`] consumes it.
pub(super) enum FetchedGoMod {
    /// No source had the go.mod.
    Missing(Box<crate::source::FetchError>),
    /// The go.mod was fetched.
    Fetched {
        /// Its `h1:` hash, when some sum file records its key.
        hash: Option<String>,
        /// Its summary, or the parse error message (`parsing go.mod: ...`).
        parsed: Result<Arc<ModSummary>, String>,
    },
}

impl Session {
    /// The text of a failed `.info` lookup as a `go list -m` row error.
    pub fn query_error_text(&self, _m: &ModuleVersion, err: &crate::source::FetchError) -> String {
        err.go_text()
    }

    /// Whether a module version is excluded by any main module.
    pub fn excluded_by(&self, m: &ModuleVersion) -> Option<(&MainModule, Span)> {
        self.mains
            .iter()
            .find_map(|mm| mm.index.exclude.get(m).map(|s| (mm, *s)))
    }

    /// The replacement of `m`, if any (`Replacement`), canonicalized for display.
    pub fn replacement(&self, m: &ModuleVersion) -> Option<ReplaceRule> {
        if m.version.is_empty() && self.is_main(&m.path) {
            return None;
        }
        let found = self.replacements.lookup(m)?;
        if let Some(msg) = found.conflict {
            self.error_deferred(msg);
        }
        Some(found.rule)
    }

    /// The module whose go.mod is actually read for `m` (`resolveReplacement`):
    /// the replacement target (directories as loading paths), or `m` itself.
    pub(super) fn actual(&self, m: &ModuleVersion) -> ModuleVersion {
        match self.replacement(m) {
            Some(rule) => self.canonical_replacement(&rule),
            None => m.clone(),
        }
    }

    /// `Replacement` (`canonicalizeReplacePath`): the target of `rule` as Go
    /// names and loads it. In workspace mode a relative directory written in
    /// a module's go.mod is re-expressed relative to the go.work directory
    /// (`./local` or `../x`); everything else is the target as written.
    pub fn canonical_replacement(&self, rule: &ReplaceRule) -> ModuleVersion {
        let new = &rule.new;
        let Some((work, _)) = &self.work else {
            return new.clone();
        };
        if Path::new(&new.path).is_absolute()
            || !new.version.is_empty()
            || rule.mod_root.as_os_str().is_empty()
        {
            return new.clone();
        }
        let abs = crate::gopath::join_clean(&rule.mod_root, &new.path);
        let work_dir = work.parent().unwrap_or(Path::new("/"));
        let rel = crate::loader::short_path_rel(work_dir, &abs);
        ModuleVersion::new(crate::gopath::to_directory_path(&rel), "")
    }

    /// The directory replacements are resolved against (`replaceRelativeTo`).
    pub fn replace_relative_to(&self) -> PathBuf {
        match &self.work {
            Some((p, _)) => p.parent().map(Path::to_path_buf).unwrap_or_default(),
            None => self
                .mains
                .first()
                .map(|m| m.root.clone())
                .unwrap_or_default(),
        }
    }

    /// The go line of a loaded go.mod, keyed by the module it was read for.
    pub fn raw_go_version(&self, m: &ModuleVersion) -> Option<String> {
        self.raw_go_version
            .lock()
            .ok()
            .and_then(|g| g.get(m).map(SmolStr::to_string))
    }

    /// `rawGoVersion.Store`: records `v` for `m`, replacing an earlier one.
    pub(super) fn store_go_version(&self, m: &ModuleVersion, v: &str) {
        if let Ok(mut g) = self.raw_go_version.lock() {
            g.insert(m.clone(), SmolStr::new(v));
        }
    }

    pub(super) fn record_go_version(&self, m: &ModuleVersion, v: &str) {
        if let Ok(mut g) = self.raw_go_version.lock() {
            if !g.contains_key(m) {
                g.insert(m.clone(), SmolStr::new(v));
            }
        }
    }

    /// `rawGoModSummary`: the summary of the go.mod of `m` (an actual module:
    /// a module version, a directory with empty version, or a workspace module).
    pub fn raw_summary(&self, m: &ModuleVersion) -> SummaryResult {
        if m.path == "go" || m.path == "toolchain" {
            return Ok(Arc::new(ModSummary::synthetic(m)));
        }
        if m.version.is_empty() && self.in_workspace() && m.path == COMMAND_LINE_ARGUMENTS {
            return Ok(Arc::new(ModSummary::synthetic(m)));
        }
        if m.version.is_empty() && self.in_workspace() {
            if let Some(main) = self.mains.iter().find(|mm| mm.module.path == m.path) {
                let s = ModSummary::from_mod_file(
                    &main.file,
                    SummarySource::Directory {
                        file: main.go_mod_path.clone(),
                    },
                );
                if !s.go_version.is_empty() {
                    self.record_go_version(m, &s.go_version);
                }
                return self.check_too_new(m, s);
            }
        }
        if let Ok(cache) = self.raw_cache.lock() {
            if let Some(r) = cache.get(m) {
                return r.clone();
            }
        }
        let result = self.load_raw_summary(m);
        if let Ok(mut cache) = self.raw_cache.lock() {
            if !cache.contains_key(m) {
                cache.insert(m.clone(), result.clone());
            }
        }
        result
    }

    pub(super) fn load_raw_summary(&self, m: &ModuleVersion) -> SummaryResult {
        if !m.version.is_empty() {
            let fetched = self
                .prefetched
                .lock()
                .ok()
                .and_then(|mut p| {
                    let found = p.remove(m);
                    if found.is_some() && p.is_empty() {
                        // The last parked entry: give the table's memory back.
                        *p = FastMap::default();
                    }
                    found
                })
                .unwrap_or_else(|| self.fetch_and_parse(m));
            return self.finish_module_load(m, fetched);
        }
        let dir = if Path::new(&m.path).is_absolute() {
            PathBuf::from(&m.path)
        } else {
            join_clean(&self.replace_relative_to(), &m.path)
        };
        let file = dir.join("go.mod");
        let short = self.short_path(&file);
        let data = match self.config.files.read(&file) {
            Ok(d) => d,
            Err(e) => {
                return Err(SummaryError::module(
                    m.clone(),
                    format!(
                        "reading {short}: {} {}: {}",
                        gomvs_modfile::fsread::verb(&e),
                        file.display(),
                        errno_text(&e)
                    ),
                ))
            }
        };
        let name = file.display().to_string();
        let s = ModSummary::parse_lax(&name, &data, SummarySource::Directory { file })
            .map_err(|e| SummaryError::module(m.clone(), format!("parsing {short}: {e}")))?;
        if !s.go_version.is_empty() {
            self.record_go_version(m, &s.go_version);
        }
        self.check_too_new(m, s)
    }

    /// The side-effect-free part of loading the go.mod of module version
    /// `m`: fetch its bytes, hash them when go.sum records the key, parse
    /// them. Safe to run on any thread, in any order.
    fn fetch_and_parse(&self, m: &ModuleVersion) -> FetchedGoMod {
        let data = match self.source.go_mod(m) {
            Ok(d) => d,
            Err(e) => return FetchedGoMod::Missing(Box::new(e)),
        };
        // The hash is only ever compared with hashes the sum files record
        // for this key: with none recorded, nothing can match, mismatch or
        // warn (here or in the go.sum rewrite), so it is not computed.
        let hash = self
            .sums
            .records_go_mod(&m.path, &m.version)
            .then(|| hash_go_mod(&data));
        let source = SummarySource::Module { module: m.clone() };
        let parsed = ModSummary::parse_lax("go.mod", &data, source)
            .map(Arc::new)
            .map_err(|e| format!("parsing go.mod: {e}"));
        FetchedGoMod::Fetched { hash, parsed }
    }

    /// The side effects of loading the go.mod of module version `m`, in
    /// Go's order: go.sum read error, hash verification, missing module,
    /// parse error, go line, too-new check.
    fn finish_module_load(&self, m: &ModuleVersion, fetched: FetchedGoMod) -> SummaryResult {
        match fetched {
            FetchedGoMod::Missing(e) => {
                let e = *e;
                if e.is_not_found() {
                    self.record_missing(m);
                }
                Err(match e.module {
                    Some(module) => SummaryError::Module {
                        module,
                        message: e.message,
                    },
                    None => SummaryError::Other(e.message),
                })
            }
            FetchedGoMod::Fetched { hash, parsed } => {
                if let Some(e) = &self.sum_error {
                    self.set_fatal(Fatal {
                        lines: vec![e.clone()],
                        exit_code: 1,
                    });
                }
                self.verify_go_mod_hash(m, hash);
                let s = parsed.map_err(|msg| SummaryError::module(m.clone(), msg))?;
                if !s.go_version.is_empty() {
                    self.record_go_version(m, &s.go_version);
                }
                self.too_new_error(m, &s).map_or(Ok(s), Err)
            }
        }
    }

    /// Loads, on a few threads, the side-effect-free part of the go.mod
    /// summaries [`Session::summary`] will need for `modules` (graph nodes,
    /// before replacement): fetching, hashing and parsing each go.mod.
    ///
    /// Nothing observable happens here: every error, warning, missing
    /// module, fatal go.sum error, go line and replacement conflict is
    /// still recorded by [`Session::summary`] when it reaches the module,
    /// in the same order as without prefetching, so output never changes.
    /// Modules that need no fetch (`go`, `toolchain`, directories, main
    /// modules, those already loaded or prefetched, those `summary` would
    /// reject for a missing go.sum entry) are skipped; duplicates are
    /// fine. Each prefetched entry is dropped when `summary` consumes it;
    /// entries never consumed stay until the session is dropped. Call it
    /// with a batch (e.g. the breadth-first queue), not once per module:
    /// each call costs a lookup per module, and threads are only started
    /// for batches of at least [`PREFETCH_MIN_BATCH`] modules to fetch.
    pub fn prefetch_raw_summaries(&self, modules: &[ModuleVersion]) {
        if crate::parallel::cores() < 2
            || modules.len() < PREFETCH_MIN_BATCH
            || self.sum_error.is_some()
        {
            return;
        }
        let todo: Vec<ModuleVersion> = {
            let (Ok(cache), Ok(prefetched)) = (self.raw_cache.lock(), self.prefetched.lock())
            else {
                return;
            };
            let mut todo: Vec<ModuleVersion> = modules
                .iter()
                .filter_map(|m| self.prefetch_target(m))
                .filter(|a| !cache.contains_key(a) && !prefetched.contains_key(a))
                .collect();
            let mut seen: crate::collections::FastSet<&ModuleVersion> =
                crate::collections::FastSet::default();
            let keep: Vec<bool> = todo.iter().map(|a| seen.insert(a)).collect();
            drop(seen);
            let mut flags = keep.into_iter();
            todo.retain(|_| flags.next().unwrap_or(false));
            todo
        };
        if todo.len() < PREFETCH_MIN_BATCH {
            return;
        }
        if let Ok(mut cache) = self.raw_cache.lock() {
            cache.reserve(todo.len());
        }
        if let Ok(mut prefetched) = self.prefetched.lock() {
            prefetched.reserve(todo.len());
        }
        crate::parallel::for_each_chunk(&todo, PREFETCH_MIN_BATCH, |chunk| {
            let loaded: Vec<(ModuleVersion, FetchedGoMod)> = chunk
                .iter()
                .map(|a| (a.clone(), self.fetch_and_parse(a)))
                .collect();
            if let Ok(mut prefetched) = self.prefetched.lock() {
                prefetched.extend(loaded);
            }
        });
    }

    /// Reads the `.info` of every module in `modules` into the sources'
    /// memo, on all cores, when there are at least [`PREFETCH_MIN_BATCH`]:
    /// the rows of `go list -m all` each `Query` their module's exact
    /// version, one `.info` file each, which are then found in memory.
    /// Only a warm-up: the results (errors included) are what a later
    /// `info` call for the same module would compute. Nothing is read in
    /// vendor mode, where queries fail before reading.
    pub fn prefetch_infos(&self, modules: &[ModuleVersion]) {
        if crate::parallel::cores() < 2
            || modules.len() < PREFETCH_MIN_BATCH
            || self.build_mode == BuildMode::Vendor
        {
            return;
        }
        let wanted: Vec<&ModuleVersion> = modules
            .iter()
            .filter(|m| !m.version.is_empty() && m.path != "go" && m.path != "toolchain")
            .collect();
        crate::parallel::for_each_chunk(&wanted, PREFETCH_MIN_BATCH, |chunk| {
            for m in chunk {
                let _ = self.source.info(m);
            }
        });
    }

    /// The module version whose go.mod `summary(m)` would fetch, if it
    /// would fetch one: `actual(m)` without recording replacement
    /// conflicts, and only when the go.sum check before the fetch passes.
    fn prefetch_target(&self, m: &ModuleVersion) -> Option<ModuleVersion> {
        if m.path == "go" || m.path == "toolchain" || m.version.is_empty() {
            return None;
        }
        let actual = match self.replacements.lookup(m) {
            Some(found) => self.canonical_replacement(&found.rule),
            None => m.clone(),
        };
        if actual.version.is_empty()
            || (self.must_have_sums() && !self.sums.have_go_mod_sum(&actual.path, &actual.version))
        {
            return None;
        }
        Some(actual)
    }

    pub(super) fn check_too_new(&self, m: &ModuleVersion, s: ModSummary) -> SummaryResult {
        match self.too_new_error(m, &s) {
            Some(e) => Err(e),
            None => Ok(Arc::new(s)),
        }
    }

    /// The error of a go.mod whose go line is newer than the toolchain.
    fn too_new_error(&self, m: &ModuleVersion, s: &ModSummary) -> Option<SummaryError> {
        if !s.go_version.is_empty()
            && gover::compare(&s.go_version, gover::GO_STRICT_VERSION).is_ge()
            && gover::compare(&s.go_version, &self.config.local_go).is_gt()
        {
            let what = format!("module {m}");
            return Some(SummaryError::Other(self.too_new(&what, &s.go_version)));
        }
        None
    }

    /// `goModSummary`: the requirements of graph node `m`, with the
    /// replacement applied, go.sum checked in readonly mode, the module path
    /// checked, and requirements on excluded versions dropped.
    pub fn summary(&self, m: &ModuleVersion) -> SummaryResult {
        if m.path == "go" || m.path == "toolchain" {
            return self.raw_summary(m);
        }
        let actual = self.actual(m);
        if self.must_have_sums()
            && !actual.version.is_empty()
            && !self.has_go_mod_sum(&actual.path, &actual.version)
        {
            return Err(SummaryError::module(
                actual.clone(),
                format!(
                    "missing go.sum entry for go.mod file; to add it:\n\tgo mod download {}",
                    m.path
                ),
            ));
        }
        let raw = self.raw_summary(&actual)?;
        if !actual.version.is_empty() {
            if raw.module.is_empty() {
                return Err(SummaryError::module(
                    actual,
                    "parsing go.mod: missing module line",
                ));
            }
            if raw.module != m.path && raw.module != actual.path {
                return Err(SummaryError::module(
                    actual,
                    format!(
                        "parsing go.mod:\n\tmodule declares its path as: {}\n\t        but was required as: {}",
                        raw.module, m.path
                    ),
                ));
            }
        }
        if !self.mains.iter().any(|mm| !mm.index.exclude.is_empty())
            || !raw.require.iter().any(|r| self.excluded_by(r).is_some())
        {
            return Ok(raw);
        }
        let mut excluded = Vec::new();
        let mut excluded_lines = Vec::new();
        let mut keep = Vec::with_capacity(raw.require.len());
        let mut lines = Vec::with_capacity(raw.require.len());
        for (r, line) in raw.require.iter().zip(raw.require_lines.iter()) {
            if let Some((_, xspan)) = self.excluded_by(r) {
                excluded.push((r.clone(), xspan));
                excluded_lines.push(*line);
                continue;
            }
            keep.push(r.clone());
            lines.push(*line);
        }
        let mut s = (*raw).clone();
        s.require = keep;
        s.require_lines = lines;
        s.excluded = excluded;
        s.excluded_require_lines = excluded_lines;
        Ok(Arc::new(s))
    }
}

/// The main-module context queries consult ([`crate::query::Querier::new`]).
impl crate::query::QueryScope for Session {
    fn source(&self) -> &Arc<dyn ModuleSource> {
        Session::source(self)
    }

    fn is_main(&self, path: &str) -> bool {
        Session::is_main(self, path)
    }

    fn build_mode(&self) -> (BuildMode, &str) {
        (self.build_mode, &self.build_mode_reason)
    }

    fn is_excluded(&self, m: &ModuleVersion) -> bool {
        self.excluded_by(m).is_some()
    }

    fn replacement(&self, m: &ModuleVersion) -> Option<ReplaceRule> {
        Session::replacement(self, m)
    }

    fn highest_replaced(&self, path: &str) -> Option<&str> {
        self.replacements.highest_replaced(path)
    }

    fn replaced_modules(&self) -> Box<dyn Iterator<Item = &ModuleVersion> + '_> {
        Box::new(self.mains.iter().flat_map(|m| m.index.replace.keys()))
    }

    fn raw_summary(&self, m: &ModuleVersion) -> Result<Arc<ModSummary>, SummaryError> {
        Session::raw_summary(self, m)
    }
}
