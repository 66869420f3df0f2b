//! Per-module summaries with replacements and exclusions applied
//! (`goModSummary`, `rawGoModSummary`, `replacementFrom`).

use super::*;

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
        ModuleVersion::new(crate::listing::to_directory_path(&rel), "")
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
            .and_then(|g| g.get(m).cloned())
    }

    pub(super) fn record_go_version(&self, m: &ModuleVersion, v: &str) {
        if let Ok(mut g) = self.raw_go_version.lock() {
            g.entry(m.clone()).or_insert_with(|| v.to_string());
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
            cache.entry(m.clone()).or_insert_with(|| result.clone());
        }
        result
    }

    pub(super) fn load_raw_summary(&self, m: &ModuleVersion) -> SummaryResult {
        let (name, data, source) = if m.version.is_empty() {
            let dir = if Path::new(&m.path).is_absolute() {
                PathBuf::from(&m.path)
            } else {
                join_clean(&self.replace_relative_to(), &m.path)
            };
            let file = dir.join("go.mod");
            let short = self.short_path(&file);
            match std::fs::read(&file) {
                Ok(d) => (
                    file.display().to_string(),
                    d,
                    SummarySource::Directory { file },
                ),
                Err(e) => {
                    return Err(SummaryError::module(
                        m.clone(),
                        format!(
                            "reading {short}: open {}: {}",
                            file.display(),
                            errno_text(&e)
                        ),
                    ))
                }
            }
        } else {
            match self.source.go_mod(m) {
                Ok(d) => {
                    if let Some(e) = &self.sum_error {
                        self.set_fatal(Fatal {
                            lines: vec![e.clone()],
                            exit_code: 1,
                        });
                    }
                    self.verify_go_mod_sum(m, &d);
                    (
                        "go.mod".to_string(),
                        d.to_vec(),
                        SummarySource::Module { module: m.clone() },
                    )
                }
                Err(e) => {
                    if e.is_not_found() {
                        self.record_missing(m);
                    }
                    return Err(match e.module {
                        Some(module) => SummaryError::Module {
                            module,
                            message: e.message,
                        },
                        None => SummaryError::Other(e.message),
                    });
                }
            }
        };
        let display = if m.version.is_empty() {
            self.short_path(Path::new(&name))
        } else {
            name.clone()
        };
        let f = gomvs_modfile::gomod::parse_lax(&name, &data)
            .map_err(|e| SummaryError::module(m.clone(), format!("parsing {display}: {e}")))?;
        let s = ModSummary::from_mod_file(&f, source);
        if !s.go_version.is_empty() {
            self.record_go_version(m, &s.go_version);
        }
        self.check_too_new(m, s)
    }

    pub(super) fn check_too_new(&self, m: &ModuleVersion, s: ModSummary) -> SummaryResult {
        if !s.go_version.is_empty()
            && gover::compare(&s.go_version, gover::GO_STRICT_VERSION).is_ge()
            && gover::compare(&s.go_version, &self.config.local_go).is_gt()
        {
            let what = format!("module {m}");
            return Err(SummaryError::Other(self.too_new(&what, &s.go_version)));
        }
        Ok(Arc::new(s))
    }

    /// `goModSummary`: the requirements of graph node `m`, with the
    /// replacement applied, go.sum checked in readonly mode, the module path
    /// checked, and requirements on excluded versions dropped.
    pub fn summary(&self, m: &ModuleVersion) -> SummaryResult {
        if m.path == "go" || m.path == "toolchain" {
            return self.raw_summary(m);
        }
        let actual = self.actual(m);
        if self.must_have_sums() && !actual.version.is_empty() {
            let key = format!("{}/go.mod", actual.version);
            if !self.has_sum(&actual.path, &key) {
                return Err(SummaryError::module(
                    actual.clone(),
                    format!(
                        "missing go.sum entry for go.mod file; to add it:\n\tgo mod download {}",
                        m.path
                    ),
                ));
            }
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
        let mut excluded = Vec::new();
        let mut excluded_spans = Vec::new();
        let mut keep = Vec::with_capacity(raw.require.len());
        let mut spans = Vec::with_capacity(raw.require.len());
        for (r, span) in raw.require.iter().zip(raw.require_spans.iter()) {
            if let Some((_, xspan)) = self.excluded_by(r) {
                excluded.push((r.clone(), xspan));
                excluded_spans.push(*span);
                continue;
            }
            keep.push(r.clone());
            spans.push(*span);
        }
        if excluded.is_empty() {
            return Ok(raw);
        }
        let mut s = (*raw).clone();
        s.require = keep;
        s.require_spans = spans;
        s.excluded = excluded;
        s.excluded_require_spans = excluded_spans;
        Ok(Arc::new(s))
    }
}
