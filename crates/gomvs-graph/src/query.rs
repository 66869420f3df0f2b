//! Version queries (`modload.Query`, `queryProxy`, `newQueryMatcher`,
//! `filterVersions`) and the checks built on them: exclusions, retractions
//! and deprecations (`CheckExclusions`, `CheckRetractions`,
//! `CheckDeprecation`, `queryLatestVersionIgnoringRetractions`).
//!
//! A [`Querier`] answers queries against a [`ModuleSource`], optionally in
//! the context of a loader [`Session`] (main modules, replacements,
//! exclusions). Errors carry Go's exact texts.

use crate::loader::{BuildMode, Session};
use crate::source::{gotime, FetchError, ModuleSource, RevInfo};
use crate::summary::ModSummary;
use gomvs_modfile::{gover, module, pseudo, semver, ModuleVersion};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Which versions a query may pick (`modload.AllowedFunc`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Allowed {
    /// Every version (a nil `AllowedFunc`).
    All,
    /// Versions not excluded by a main module (`CheckExclusions`).
    NotExcluded,
    /// Versions neither excluded nor retracted (`CheckAllowed`).
    NotExcludedNorRetracted,
    /// `go get`'s `checkAllowedOr`: the requested version itself only if
    /// not excluded, the current version for `upgrade` / `patch` always,
    /// any other version if neither excluded nor retracted. Outside
    /// [`Querier::query`] (which knows the query and the current version)
    /// it is [`Allowed::NotExcludedNorRetracted`].
    GetArgument,
}

/// The class of a [`QueryError`], as callers test it with `errors.Is`/`errors.As`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueryErrorKind {
    /// `NoMatchingVersionError`.
    NoMatchingVersion,
    /// `NoPatchBaseError`.
    NoPatchBase,
    /// Excluded by a main module (`ErrDisallowed`).
    Excluded,
    /// Retracted by the module author (`ErrDisallowed`), with the rationales.
    Retracted(Vec<String>),
    /// A "not found" failure (`fs.ErrNotExist`).
    NotFound,
    /// Anything else.
    Other,
}

/// A failed query, with Go's text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{text}")]
pub struct QueryError {
    /// The class of failure.
    pub kind: QueryErrorKind,
    /// Go's full text.
    pub text: String,
    /// The text without the `module.ModuleError` prefix, when the error is one
    /// (what `errors.As(err, &*module.ModuleError).Err` prints).
    pub inner: Option<String>,
}

impl QueryError {
    fn new(kind: QueryErrorKind, text: impl Into<String>) -> Self {
        QueryError {
            kind,
            text: text.into(),
            inner: None,
        }
    }

    fn other(text: impl Into<String>) -> Self {
        QueryError::new(QueryErrorKind::Other, text)
    }

    /// `module.VersionError(m, err)`.
    fn version_error(m: &ModuleVersion, kind: QueryErrorKind, msg: &str) -> Self {
        QueryError {
            kind,
            text: format!("{m}: {msg}"),
            inner: Some(msg.to_string()),
        }
    }

    fn from_fetch(e: FetchError) -> Self {
        let kind = if e.is_not_found() {
            QueryErrorKind::NotFound
        } else {
            QueryErrorKind::Other
        };
        QueryError {
            kind,
            text: e.go_text(),
            inner: e.module.as_ref().map(|_| e.message.clone()),
        }
    }

    /// `NoMatchingVersionError{query, current}`.
    pub fn no_matching(query: &str, current: &str) -> Self {
        let mut text = format!("no matching versions for query {}", go_quote(query));
        if (query == "upgrade" || query == "patch") && !current.is_empty() && current != "none" {
            text.push_str(&format!(" (current version is {current})"));
        }
        QueryError::new(QueryErrorKind::NoMatchingVersion, text)
    }

    /// Whether it is `ErrDisallowed` (excluded or retracted).
    pub fn is_disallowed(&self) -> bool {
        matches!(
            self.kind,
            QueryErrorKind::Excluded | QueryErrorKind::Retracted(_)
        )
    }

    /// Whether it is `fs.ErrNotExist`.
    pub fn is_not_found(&self) -> bool {
        self.kind == QueryErrorKind::NotFound
    }

    /// Whether it is a `NoMatchingVersionError`.
    pub fn is_no_matching(&self) -> bool {
        self.kind == QueryErrorKind::NoMatchingVersion
    }
}

/// Go's `%q` of a string (`strconv.Quote`).
fn go_quote(s: &str) -> String {
    module::quote(s)
}

/// `ShortMessage`: a go.mod message safe to print on a terminal.
pub fn short_message(message: &str, empty_default: &str) -> String {
    const MAX_LEN: usize = 500;
    let first = message.split('\n').next().unwrap_or("");
    let m = first.trim_matches(|c: char| c.is_whitespace());
    if m.is_empty() {
        return empty_default.to_string();
    }
    if m.len() > MAX_LEN {
        return "(message omitted: too long)".to_string();
    }
    if m.chars()
        .any(|c| !gomvs_modfile::syntax::text::is_print(c as u32) && !c.is_whitespace())
    {
        return "(message omitted: contains non-printable characters)".to_string();
    }
    m.to_string()
}

/// `IsRevisionQuery`: whether `vers` names one revision (`v1.0.0`, `master`)
/// rather than choosing among versions (`latest`, `>v1.0.0`, `v1.2`).
pub fn is_revision_query(path: &str, vers: &str) -> bool {
    !(vers == "latest"
        || vers == "upgrade"
        || vers == "patch"
        || vers.starts_with('<')
        || vers.starts_with('>')
        || (gover::mod_is_valid(path, vers) && gover::mod_is_prefix(path, vers)))
}

/// The comparison a query's filter applies to each candidate version.
#[derive(Debug, Clone)]
enum Filter {
    None,
    AtLeast(String),
    AtMost(String),
    Below(String),
    Above(String),
}

/// `queryMatcher`.
#[derive(Debug, Clone)]
struct QueryMatcher {
    path: String,
    prefix: String,
    filter: Filter,
    prefer_lower: bool,
    may_use_latest: bool,
    prefer_incompatible: bool,
}

/// What `newQueryMatcher` decides.
enum Matcher {
    Versions(QueryMatcher),
    /// A complete version (`canStat`) or `errRevQuery` (a revision): only
    /// `repo.Stat` can resolve it, no matcher is needed.
    Stat,
}

impl QueryMatcher {
    /// `newQueryMatcher`.
    fn parse(path: &str, query: &str, current: &str) -> Result<Matcher, QueryError> {
        // A complete version (`v1.2.3`): `canStat`, and nothing else of the
        // matcher is used. Checked first to build no matcher for it (the
        // branches below only take `latest`, `upgrade`, `patch`, `<`, `>`).
        let special =
            matches!(query, "latest" | "upgrade" | "patch") || query.starts_with(['<', '>']);
        if !special && gover::mod_is_valid(path, query) && !gover::mod_is_prefix(path, query) {
            return Ok(Matcher::Stat);
        }
        let bad = |v: &str| {
            Err(QueryError::other(format!(
                "invalid semantic version {} in range {}",
                go_quote(v),
                go_quote(query)
            )))
        };
        let ambiguous = |v: &str| {
            Err(QueryError::other(format!(
                "ambiguous semantic version {} in range {}",
                go_quote(v),
                go_quote(query)
            )))
        };
        let matches_major = |v: &str| match module::split_path_version(path) {
            Some((_, major)) => module::check_path_major(v, &major).is_ok(),
            None => false,
        };
        let mut qm = QueryMatcher {
            path: path.to_string(),
            prefix: String::new(),
            filter: Filter::None,
            prefer_lower: false,
            may_use_latest: false,
            prefer_incompatible: current.ends_with("+incompatible"),
        };
        let no_current = current.is_empty() || current == "none";
        if query == "latest" {
            qm.may_use_latest = true;
        } else if query == "upgrade" {
            if no_current {
                qm.may_use_latest = true;
            } else {
                qm.may_use_latest = pseudo::is_pseudo_version(current);
                qm.filter = Filter::AtLeast(current.to_string());
            }
        } else if query == "patch" {
            if no_current {
                return Err(QueryError::new(
                    QueryErrorKind::NoPatchBase,
                    format!("can't query version \"patch\" of module {path}: no existing version is required"),
                ));
            }
            qm.may_use_latest = pseudo::is_pseudo_version(current);
            qm.prefix = format!("{}.", gover::mod_major_minor(path, current));
            qm.filter = Filter::AtLeast(current.to_string());
        } else if let Some(v) = query.strip_prefix("<=") {
            if !gover::mod_is_valid(path, v) {
                return bad(v);
            }
            if gover::mod_is_prefix(path, v) {
                return ambiguous(v);
            }
            qm.filter = Filter::AtMost(v.to_string());
            qm.prefer_incompatible |= !matches_major(v);
        } else if let Some(v) = query.strip_prefix('<') {
            if !gover::mod_is_valid(path, v) {
                return bad(v);
            }
            qm.filter = Filter::Below(v.to_string());
            qm.prefer_incompatible |= !matches_major(v);
        } else if let Some(v) = query.strip_prefix(">=") {
            if !gover::mod_is_valid(path, v) {
                return bad(v);
            }
            qm.filter = Filter::AtLeast(v.to_string());
            qm.prefer_lower = true;
            qm.prefer_incompatible |= !matches_major(v);
        } else if let Some(v) = query.strip_prefix('>') {
            if !gover::mod_is_valid(path, v) {
                return bad(v);
            }
            if gover::mod_is_prefix(path, v) {
                return ambiguous(v);
            }
            qm.filter = Filter::Above(v.to_string());
            qm.prefer_lower = true;
            qm.prefer_incompatible |= !matches_major(v);
        } else if gover::mod_is_valid(path, query) {
            // A prefix (`v1`, `v1.2`); complete versions returned above.
            qm.prefix = format!("{query}.");
            // `v1.2` never matches prereleases of v1.2.0 (golang.org/issue/31972).
            qm.filter = Filter::AtLeast(query.to_string());
            qm.prefer_incompatible |= !matches_major(query);
        } else {
            return Ok(Matcher::Stat);
        }
        Ok(Matcher::Versions(qm))
    }

    fn filter_ok(&self, v: &str) -> bool {
        let cmp = |w: &str| gover::mod_compare(&self.path, v, w);
        match &self.filter {
            Filter::None => true,
            Filter::AtLeast(w) => cmp(w).is_ge(),
            Filter::AtMost(w) => cmp(w).is_le(),
            Filter::Below(w) => cmp(w).is_lt(),
            Filter::Above(w) => cmp(w).is_gt(),
        }
    }
}

/// Answers version queries for one go invocation; memoizes the latest
/// versions used for retractions and deprecations.
pub struct Querier<'s> {
    source: Arc<dyn ModuleSource>,
    session: Option<&'s Session>,
    latest_cache: Mutex<HashMap<String, Result<ModuleVersion, QueryError>>>,
}

/// One module path's versions, as `lookupRepo` composes them.
struct Repo<'q, 's> {
    q: &'q Querier<'s>,
    path: String,
    path_error: Option<String>,
    replaced: bool,
}

impl Repo<'_, '_> {
    fn base_versions(&self, prefix: &str) -> Result<Vec<String>, QueryError> {
        if self.path_error.is_some() {
            return Ok(Vec::new());
        }
        let list = self
            .q
            .source
            .versions(&self.path)
            .map_err(QueryError::from_fetch)?;
        Ok(list.into_iter().filter(|v| v.starts_with(prefix)).collect())
    }

    fn base_stat(&self, rev: &str) -> Result<RevInfo, QueryError> {
        if let Some(e) = &self.path_error {
            return Err(QueryError::other(e.clone()));
        }
        self.q
            .source
            .info(&ModuleVersion::new(self.path.clone(), rev))
            .map_err(QueryError::from_fetch)
    }

    fn base_latest(&self) -> Result<RevInfo, QueryError> {
        if let Some(e) = &self.path_error {
            return Err(QueryError::other(e.clone()));
        }
        self.q
            .source
            .latest(&self.path)
            .map_err(QueryError::from_fetch)
    }

    /// `Versions(prefix)` (with `replacementRepo`'s additions).
    fn versions(&self, prefix: &str) -> Result<Vec<String>, QueryError> {
        let Some(s) = self.q.session.filter(|_| self.replaced) else {
            return self.base_versions(prefix);
        };
        let mut versions = match self.base_versions(prefix) {
            Ok(v) => v,
            Err(e) if e.is_not_found() => Vec::new(),
            Err(e) => return Err(e),
        };
        let before = versions.len();
        for main in &s.mains {
            for old in main.index.replace.keys() {
                if old.path == self.path
                    && old.version.starts_with(prefix)
                    && !old.version.is_empty()
                    && !pseudo::is_pseudo_version(&old.version)
                {
                    versions.push(old.version.to_string());
                }
            }
        }
        if versions.len() == before {
            return Ok(versions);
        }
        versions.sort_by(|a, b| gover::mod_compare(&self.path, a, b));
        versions.dedup();
        Ok(versions)
    }

    /// `Stat(rev)` (with `replacementRepo`'s fallback).
    fn stat(&self, rev: &str) -> Result<RevInfo, QueryError> {
        let result = self.base_stat(rev);
        let (Some(s), Err(_)) = (self.q.session.filter(|_| self.replaced), &result) else {
            return result;
        };
        if !s.mains.iter().any(|m| !m.index.replace.is_empty()) {
            return result;
        }
        let mut v = module::canonical_version(rev);
        if v != rev {
            return result;
        }
        if let Some((_, major)) = module::split_path_version(&self.path) {
            if major.is_empty()
                && module::check_path_major(&v, &major).is_err()
                && semver::build(&v).is_empty()
            {
                v.push_str("+incompatible");
            }
        }
        if s.replacement(&ModuleVersion::new(self.path.clone(), v.clone()))
            .is_none()
        {
            return result;
        }
        Ok(replacement_stat(&v))
    }

    /// `Latest()` (with `replacementRepo`'s synthesized versions).
    fn latest(&self) -> Result<RevInfo, QueryError> {
        let result = self.base_latest();
        let Some(s) = self.q.session.filter(|_| self.replaced) else {
            return result;
        };
        if let Some(v) = s.replacements.highest_replaced(&self.path) {
            let mut v = v.to_string();
            if v.is_empty() {
                let major = match module::split_path_version(&self.path) {
                    Some((_, m)) if m.len() > 1 => m[1..].to_string(),
                    _ => "v0".to_string(),
                };
                v = pseudo::zero_pseudo_version(&major);
            }
            let newer = match &result {
                Err(_) => true,
                Ok(info) => gover::mod_compare(&self.path, &v, &info.version).is_gt(),
            };
            if newer {
                return Ok(replacement_stat(&v));
            }
        }
        result
    }
}

/// `replacementRepo.replacementStat`.
fn replacement_stat(v: &str) -> RevInfo {
    let mut time = gotime_zero();
    if pseudo::is_pseudo_version(v) {
        if let Ok(ts) = pseudo::pseudo_version_time(v) {
            if ts.len() == 14 {
                time = format!(
                    "{}-{}-{}T{}:{}:{}Z",
                    &ts[0..4],
                    &ts[4..6],
                    &ts[6..8],
                    &ts[8..10],
                    &ts[10..12],
                    &ts[12..14]
                );
            }
        }
    }
    RevInfo {
        version: v.to_string(),
        time,
        origin: None,
    }
}

fn gotime_zero() -> String {
    "0001-01-01T00:00:00Z".to_string()
}

impl<'s> Querier<'s> {
    /// A querier without main modules (what `fixVersion` uses while the main
    /// go.mod is being read: no replacements, exclusions or retractions).
    pub fn detached(source: Arc<dyn ModuleSource>) -> Querier<'static> {
        Querier {
            source,
            session: None,
            latest_cache: Mutex::new(HashMap::new()),
        }
    }

    /// A querier in the context of a loader session.
    pub fn new(session: &'s Session) -> Querier<'s> {
        Querier {
            source: session.source().clone(),
            session: Some(session),
            latest_cache: Mutex::new(HashMap::new()),
        }
    }

    /// Copies the latest versions `from` already computed
    /// (`queryLatestVersionIgnoringRetractions` keeps them in a
    /// process-wide cache: after `go get` enters a workspace, the
    /// retraction and deprecation checks reuse what the single-module
    /// queries found, replacements of that time included).
    pub fn inherit_latest(&self, from: &Querier<'_>) {
        let Ok(src) = from.latest_cache.lock() else {
            return;
        };
        if let Ok(mut dst) = self.latest_cache.lock() {
            for (k, v) in src.iter() {
                dst.entry(k.clone()).or_insert_with(|| v.clone());
            }
        }
    }

    /// `lookupRepo`.
    fn repo(&self, path: &str) -> Result<Repo<'_, 's>, QueryError> {
        let path_error = if path != "go" && path != "toolchain" {
            module::check_path(path).err().map(|e| e.to_string())
        } else {
            None
        };
        let replaced = self
            .session
            .is_some_and(|s| s.replacements.highest_replaced(path).is_some());
        if !replaced {
            if let Some(e) = &path_error {
                return Err(QueryError::other(e.clone()));
            }
        }
        Ok(Repo {
            q: self,
            path: path.to_string(),
            path_error,
            replaced,
        })
    }

    /// Checks `m` against `allowed`.
    pub fn check(&self, allowed: Allowed, m: &ModuleVersion) -> Result<(), QueryError> {
        match allowed {
            Allowed::All => Ok(()),
            Allowed::NotExcluded => self.check_exclusions(m),
            Allowed::NotExcludedNorRetracted | Allowed::GetArgument => {
                self.check_exclusions(m)?;
                self.check_retractions(m)
            }
        }
    }

    /// [`Querier::check`] inside a query for `query` with `current` selected.
    fn check_in_query(
        &self,
        allowed: Allowed,
        m: &ModuleVersion,
        query: &str,
        current: &str,
    ) -> Result<(), QueryError> {
        if allowed == Allowed::GetArgument {
            if m.version == query {
                return self.check_exclusions(m);
            }
            if (query == "upgrade" || query == "patch") && m.version == current {
                return Ok(());
            }
        }
        self.check(allowed, m)
    }

    /// `CheckExclusions`: `P@V: excluded by go.mod` if a main module excludes `m`.
    pub fn check_exclusions(&self, m: &ModuleVersion) -> Result<(), QueryError> {
        match self.session.and_then(|s| s.excluded_by(m)) {
            Some(_) => Err(QueryError::version_error(
                m,
                QueryErrorKind::Excluded,
                "excluded by go.mod",
            )),
            None => Ok(()),
        }
    }

    /// `CheckRetractions`: an error of kind [`QueryErrorKind::Retracted`] if
    /// the author retracted `m`; loading failures are wrapped as
    /// `loading module retractions for P@V: ...`.
    pub fn check_retractions(&self, m: &ModuleVersion) -> Result<(), QueryError> {
        let wrap = |e: QueryError| {
            if matches!(e.kind, QueryErrorKind::Retracted(_)) {
                return e;
            }
            let inner = e.inner.clone().unwrap_or_else(|| e.text.clone());
            QueryError {
                kind: e.kind,
                text: format!("loading module retractions for {m}: {inner}"),
                inner: None,
            }
        };
        if m.version.is_empty() || self.wildcard_replaced(&m.path) {
            return Ok(());
        }
        let latest = self.latest_ignoring_retractions(&m.path).map_err(wrap)?;
        let summary = self.raw_summary(&latest).map_err(wrap)?;
        let mut rationale = Vec::new();
        let mut retracted = false;
        for r in &summary.retract {
            if gover::mod_compare(&m.path, &r.low, &m.version).is_le()
                && gover::mod_compare(&m.path, &m.version, &r.high).is_le()
            {
                retracted = true;
                if !r.rationale.is_empty() {
                    rationale.push(r.rationale.clone());
                }
            }
        }
        if !retracted {
            return Ok(());
        }
        let mut msg = "retracted by module author".to_string();
        if let Some(first) = rationale.first() {
            msg.push_str(": ");
            msg.push_str(&short_message(first, "retracted by module author"));
        }
        Err(QueryError::version_error(
            m,
            QueryErrorKind::Retracted(rationale),
            &msg,
        ))
    }

    /// `CheckDeprecation`: the `Deprecated:` message of the latest go.mod of `m.path`.
    pub fn check_deprecation(&self, m: &ModuleVersion) -> Result<String, QueryError> {
        let wrap = |e: QueryError| QueryError {
            kind: e.kind,
            text: format!("loading deprecation for {}: {}", m.path, e.text),
            inner: None,
        };
        if m.version.is_empty() || self.wildcard_replaced(&m.path) {
            return Ok(String::new());
        }
        let latest = self.latest_ignoring_retractions(&m.path).map_err(wrap)?;
        let summary = self.raw_summary(&latest).map_err(wrap)?;
        Ok(summary.deprecated.to_string())
    }

    fn wildcard_replaced(&self, path: &str) -> bool {
        self.session
            .is_some_and(|s| s.replacement(&ModuleVersion::new(path, "")).is_some())
    }

    /// `rawGoModSummary` of the latest version, tolerating a too-new go line.
    fn raw_summary(&self, m: &ModuleVersion) -> Result<Arc<ModSummary>, QueryError> {
        let Some(s) = self.session else {
            return self.raw_summary_detached(m);
        };
        match s.raw_summary(m) {
            Ok(summary) => Ok(summary),
            Err(e) => {
                if !m.version.is_empty() {
                    match self.source.go_mod(m) {
                        Err(fe) => return Err(QueryError::from_fetch(fe)),
                        Ok(data) => {
                            // gover.ErrTooNew is ignored: the summary is still used.
                            if let Ok(f) = gomvs_modfile::gomod::parse_lax("go.mod", &data) {
                                let sum = ModSummary::from_mod_file(
                                    &f,
                                    crate::summary::SummarySource::Module { module: m.clone() },
                                );
                                if e.to_string().contains("requires go >= ") {
                                    return Ok(Arc::new(sum));
                                }
                            }
                        }
                    }
                }
                let (text, inner) = match &e {
                    crate::error::SummaryError::Module { message, .. } => {
                        (e.to_string(), Some(message.clone()))
                    }
                    crate::error::SummaryError::Other(t) => (t.clone(), None),
                };
                Err(QueryError {
                    kind: QueryErrorKind::Other,
                    text,
                    inner,
                })
            }
        }
    }

    /// `rawGoModSummary` without main modules: the module's own go.mod (a
    /// too-new go line is tolerated, as the retraction and deprecation
    /// checks do).
    fn raw_summary_detached(&self, m: &ModuleVersion) -> Result<Arc<ModSummary>, QueryError> {
        let data = self.source.go_mod(m).map_err(QueryError::from_fetch)?;
        let f = gomvs_modfile::gomod::parse_lax("go.mod", &data).map_err(|e| {
            QueryError::version_error(m, QueryErrorKind::Other, &format!("parsing go.mod: {e}"))
        })?;
        Ok(Arc::new(ModSummary::from_mod_file(
            &f,
            crate::summary::SummarySource::Module { module: m.clone() },
        )))
    }

    /// `queryLatestVersionIgnoringRetractions`: the latest version of `path`
    /// ignoring exclusions and retractions, or its replacement.
    pub fn latest_ignoring_retractions(&self, path: &str) -> Result<ModuleVersion, QueryError> {
        if let Ok(cache) = self.latest_cache.lock() {
            if let Some(r) = cache.get(path) {
                return r.clone();
            }
        }
        let result = self.compute_latest_ignoring_retractions(path);
        if let Ok(mut cache) = self.latest_cache.lock() {
            cache.insert(path.to_string(), result.clone());
        }
        result
    }

    fn compute_latest_ignoring_retractions(&self, path: &str) -> Result<ModuleVersion, QueryError> {
        let s = self.session;
        if let Some(rule) = s.and_then(|s| s.replacement(&ModuleVersion::new(path, ""))) {
            return Ok(rule.effective);
        }
        let rev = self.query(path, "latest", "", Allowed::All)?;
        let latest = ModuleVersion::new(path, rev.version);
        if let Some(rule) = s.and_then(|s| s.replacement(&latest)) {
            return Ok(rule.effective);
        }
        Ok(latest)
    }

    /// `versions(path, allowed)`: the allowed versions of `@v/list` (plus
    /// replaced versions), ascending (for `-versions`).
    pub fn versions(&self, path: &str, allowed: Allowed) -> Result<Vec<String>, QueryError> {
        let repo = self.repo(path)?;
        let all = repo.versions("")?;
        let mut out = Vec::with_capacity(all.len());
        for v in all {
            match self.check(allowed, &ModuleVersion::new(path, v.clone())) {
                Ok(()) => out.push(v),
                Err(e) if e.is_disallowed() => {}
                Err(e) => return Err(e),
            }
        }
        Ok(out)
    }

    /// `Query(path, query, current, allowed)`: resolves `query` (`latest`,
    /// `upgrade`, `patch`, `v1`, `v1.2`, `v1.2.3`, `<v1.2.3`, `<=`, `>`, `>=`,
    /// or a revision) to a version of `path`. `current` is the selected
    /// version (`""` unknown, `none` none).
    pub fn query(
        &self,
        path: &str,
        query: &str,
        current: &str,
        allowed: Allowed,
    ) -> Result<RevInfo, QueryError> {
        if !current.is_empty() && current != "none" && !gover::mod_is_valid(path, current) {
            return Err(QueryError::other(format!(
                "invalid previous version {path}@{current}"
            )));
        }
        if let Some(s) = self.session {
            if s.build_mode == BuildMode::Vendor {
                let mut text = format!("cannot query module due to -mod={}", s.build_mode.as_str());
                if !s.build_mode_reason.is_empty() {
                    text.push_str(&format!("\n\t({})", s.build_mode_reason));
                }
                return Err(QueryError::other(text));
            }
            if (query == "upgrade" || query == "patch") && s.is_main(path) {
                return Ok(RevInfo {
                    version: String::new(),
                    time: String::new(),
                    origin: None,
                });
            }
        }
        if path == "std" || path == "cmd" {
            return Err(QueryError::other(format!(
                "can't query specific version ({}) of standard-library module {}",
                go_quote(query),
                go_quote(path)
            )));
        }
        let repo = self.repo(path)?;
        let qm = match QueryMatcher::parse(path, query, current)? {
            Matcher::Stat => None,
            Matcher::Versions(qm) => Some(qm),
        };
        let Some(qm) = qm else {
            let info = match repo.stat(query) {
                Ok(info) => info,
                Err(query_err) => {
                    let canonical = module::canonical_version(query);
                    if canonical.is_empty() || canonical == query {
                        return Err(query_err);
                    }
                    match repo.stat(&canonical) {
                        Ok(info) => info,
                        Err(e) if !e.is_not_found() => return Err(e),
                        Err(_) => return Err(query_err),
                    }
                }
            };
            if allowed != Allowed::All {
                let m = ModuleVersion::new(path, info.version.clone());
                if let Err(e) = self.check_in_query(allowed, &m, query, current) {
                    if e.is_disallowed() {
                        return Err(e);
                    }
                }
            }
            return Ok(info);
        };

        let versions = repo.versions(&qm.prefix)?;
        let (releases, prereleases) =
            self.filter_versions(&qm, allowed, &versions, query, current)?;

        let lookup_stat = |v: &str| -> Result<RevInfo, QueryError> {
            let rev = repo.stat(v)?;
            if (query == "upgrade" || query == "patch") && pseudo::is_pseudo_version(current) {
                let rev_time = gotime::instant_rfc3339(&rev.time);
                let cur_time = pseudo::pseudo_version_time(current)
                    .ok()
                    .and_then(|ts| gotime::instant_pseudo(&ts));
                if let (Some(rt), Some(ct)) = (rev_time, cur_time) {
                    if rt != gotime::ZERO_INSTANT && rt < ct {
                        let cm = ModuleVersion::new(path, current);
                        if let Err(e) = self.check_in_query(allowed, &cm, query, current) {
                            if e.is_disallowed() {
                                return Err(e);
                            }
                        }
                        return repo.stat(current);
                    }
                }
            }
            Ok(rev)
        };
        // revWithOrigin: a result found through the version list carries
        // the list's Origin, which a proxy never has.
        let lookup = |v: &str| -> Result<RevInfo, QueryError> {
            lookup_stat(v).map(|rev| RevInfo {
                origin: None,
                ..rev
            })
        };

        let pick = if qm.prefer_lower {
            releases.first().or(prereleases.first())
        } else {
            releases.last().or(prereleases.last())
        };
        if let Some(v) = pick {
            return lookup(v);
        }
        if qm.may_use_latest {
            match repo.latest() {
                Ok(latest) => {
                    if self.allows_version(&qm, allowed, &latest.version, query, current) {
                        return lookup(&latest.version);
                    }
                }
                Err(e) if !e.is_not_found() => return Err(e),
                Err(_) => {}
            }
        }
        if (query == "upgrade" || query == "patch") && !current.is_empty() && current != "none" {
            let cm = ModuleVersion::new(path, current);
            if let Err(e) = self.check_in_query(allowed, &cm, query, current) {
                if e.is_disallowed() {
                    return Err(e);
                }
            }
            return lookup(current);
        }
        Err(QueryError::no_matching(query, current))
    }

    /// `queryMatcher.allowsVersion` (errors other than disallowed count as allowed).
    fn allows_version(
        &self,
        qm: &QueryMatcher,
        allowed: Allowed,
        v: &str,
        query: &str,
        current: &str,
    ) -> bool {
        if !qm.prefix.is_empty() && !v.starts_with(&qm.prefix) {
            let toolchain_exact =
                gover::is_toolchain(&qm.path) && qm.prefix.strip_suffix('.') == Some(v);
            if !toolchain_exact {
                return false;
            }
        }
        if !qm.filter_ok(v) {
            return false;
        }
        !matches!(
            self.check_in_query(allowed, &ModuleVersion::new(qm.path.clone(), v), query, current),
            Err(e) if e.is_disallowed()
        )
    }

    /// `filterVersions`: allowed versions split into releases and
    /// prereleases, dropping `+incompatible` ones once a compatible version
    /// with a real go.mod precedes them.
    fn filter_versions(
        &self,
        qm: &QueryMatcher,
        allowed: Allowed,
        versions: &[String],
        query: &str,
        current: &str,
    ) -> Result<(Vec<String>, Vec<String>), QueryError> {
        let mut need_incompatible = qm.prefer_incompatible;
        let mut last_compatible = String::new();
        let mut releases = Vec::new();
        let mut prereleases = Vec::new();
        for v in versions {
            if !self.allows_version(qm, allowed, v, query, current) {
                continue;
            }
            if !need_incompatible {
                if !v.ends_with("+incompatible") {
                    last_compatible = v.clone();
                } else if !last_compatible.is_empty() {
                    let m = ModuleVersion::new(qm.path.clone(), last_compatible.clone());
                    if self.version_has_go_mod(&m)? {
                        break;
                    }
                    need_incompatible = true;
                }
            }
            if gover::mod_is_prerelease(&qm.path, v) {
                prereleases.push(v.clone());
            } else {
                releases.push(v.clone());
            }
        }
        Ok((releases, prereleases))
    }

    /// `versionHasGoMod`: whether `m`'s go.mod (never its replacement's) is
    /// more than the synthesized `module PATH` file (`modfetch.LegacyGoMod`).
    fn version_has_go_mod(&self, m: &ModuleVersion) -> Result<bool, QueryError> {
        let data = self.source.go_mod(m).map_err(QueryError::from_fetch)?;
        let legacy = format!("module {}\n", auto_quote(&m.path));
        Ok(*data != *legacy.as_bytes())
    }
}

/// `modfile.AutoQuote`: quotes a token the go.mod lexer would not read back.
fn auto_quote(s: &str) -> String {
    let must_quote = s.is_empty()
        || s.contains("//")
        || s.contains("/*")
        || s.chars().any(|c| {
            c.is_whitespace() || matches!(c, '"' | '\'' | '`' | '(' | ')' | ',' | '[' | ']')
        });
    if must_quote {
        go_quote(s)
    } else {
        s.to_string()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::env::{BuildMod, ModFlag};
    use crate::listing::{list_modules, CacheLayout, ListMode, ModuleInfo};
    use crate::loader::{GoCommand, GoWork, LoadConfig};
    use crate::source::ProxyDir;
    use std::path::PathBuf;

    fn fixture() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../testdata/query")
    }

    fn session(dir: &std::path::Path, main: &str) -> Session {
        let config = LoadConfig {
            cwd: dir.join(main),
            gowork: GoWork::Off,
            mod_flag: ModFlag {
                mode: Some(BuildMod::Mod),
                explicit: true,
            },
            modfile: None,
            command: GoCommand::ListModules,
            local_go: gover::LOCAL.to_string(),
            gotoolchain: "local".to_string(),
            graph_go: None,
            temp_dir: PathBuf::from("/nonexistent-tmp"),
            goroot: None,
            parallel: true,
            files: crate::files::os_files(),
        };
        let proxy = ProxyDir::new(dir.join("proxy")).unwrap();
        Session::open(config, Arc::new(proxy)).unwrap()
    }

    /// The fields `scripts/record-query-goldens.sh` keeps.
    fn golden_row(m: &ModuleInfo, proxy: &str) -> serde_json::Value {
        let mut row = golden_fields(m, proxy);
        if let (Some(r), serde_json::Value::Object(map)) = (&m.replace, &mut row) {
            map.insert("Replace".to_string(), golden_fields(r, proxy));
        }
        row
    }

    fn golden_fields(m: &ModuleInfo, proxy: &str) -> serde_json::Value {
        let mut row = serde_json::Map::new();
        let mut put = |k: &str, v: serde_json::Value| {
            row.insert(k.to_string(), v);
        };
        put("Path", m.path.as_str().into());
        if !m.version.is_empty() {
            put("Version", m.version.as_str().into());
        }
        if !m.query.is_empty() {
            put("Query", m.query.clone().into());
        }
        if !m.retracted.is_empty() {
            put("Retracted", m.retracted.clone().into());
        }
        if !m.deprecated.is_empty() {
            put("Deprecated", m.deprecated.clone().into());
        }
        if !m.versions.is_empty() {
            put("Versions", m.versions.clone().into());
        }
        if let Some(u) = &m.update {
            put("Update", u.version.as_str().into());
        }
        if let Some(e) = &m.error {
            put("Error", e.err.replace(proxy, "$PROXY").into());
        }
        serde_json::Value::Object(row)
    }

    /// Every command recorded from the real go on testdata/query.
    #[test]
    fn queries_match_recorded_go() {
        let dir = fixture().canonicalize().unwrap();
        let proxy = dir.join("proxy").display().to_string();
        let goldens = std::fs::read_to_string(dir.join("goldens.jsonl")).unwrap();
        let mut checked = 0;
        for line in goldens.lines().filter(|l| !l.is_empty()) {
            let golden: serde_json::Value = serde_json::from_str(line).unwrap();
            let args: Vec<String> = golden["args"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a.as_str().unwrap().to_string())
                .collect();
            let flag = |f: &str| args.iter().any(|a| a == f);
            let mode = ListMode::from_flags(flag("-u"), flag("-retracted"), flag("-versions"));
            let patterns: Vec<String> = args
                .iter()
                .filter(|a| !a.starts_with('-'))
                .cloned()
                .collect();
            let main = golden["main"].as_str().unwrap();
            let loaded = session(&dir, main).load().unwrap();
            let listing = list_modules(&loaded, &CacheLayout::default(), &patterns, mode).unwrap();
            let got: Vec<serde_json::Value> =
                listing.rows.iter().map(|m| golden_row(m, &proxy)).collect();
            assert_eq!(
                serde_json::Value::Array(got),
                golden["rows"],
                "{main}: go list -m -e -json {}",
                args.join(" ")
            );
            checked += 1;
        }
        assert!(checked >= 50, "only {checked} recorded commands");
    }

    #[test]
    fn revision_queries() {
        let p = "example.com/a";
        for q in ["v1.2.3", "master", "0123abcd", "v1.2.3+meta", "v1.2.3-pre"] {
            assert!(is_revision_query(p, q), "{q}");
        }
        for q in [
            "latest", "upgrade", "patch", "<v1.2.3", ">=v1", "v1", "v1.2",
        ] {
            assert!(!is_revision_query(p, q), "{q}");
        }
    }

    #[test]
    fn short_messages() {
        assert_eq!(short_message("  Bad.\nmore", "x"), "Bad.");
        assert_eq!(short_message(" \n", "dflt"), "dflt");
        assert_eq!(
            short_message(&"a".repeat(501), "x"),
            "(message omitted: too long)"
        );
        assert_eq!(
            short_message("a\u{7}b", "x"),
            "(message omitted: contains non-printable characters)"
        );
    }

    #[test]
    fn detached_query_picks_release_then_prerelease() {
        let src = crate::source::MemorySource::builder()
            .module(
                "example.com/m",
                "v1.0.0",
                "module example.com/m\n",
                "2020-01-01T00:00:00Z",
            )
            .module(
                "example.com/m",
                "v1.1.0-pre",
                "module example.com/m\n",
                "2020-01-01T00:00:00Z",
            )
            .list("example.com/m", "v1.0.0\nv1.1.0-pre\n")
            .build();
        let q = Querier::detached(Arc::new(src));
        let v = |query: &str| {
            q.query("example.com/m", query, "", Allowed::All)
                .map(|i| i.version)
        };
        assert_eq!(v("latest").unwrap(), "v1.0.0");
        assert_eq!(v(">v1.0.0").unwrap(), "v1.1.0-pre");
        assert_eq!(
            v("v1.9").unwrap_err().to_string(),
            "no matching versions for query \"v1.9\""
        );
        let e = q
            .query("example.com/m", "patch", "", Allowed::All)
            .unwrap_err();
        assert_eq!(e.kind, QueryErrorKind::NoPatchBase);
    }
}
