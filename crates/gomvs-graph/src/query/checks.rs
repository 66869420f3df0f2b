//! What a main module allows (`CheckExclusions`, `CheckRetractions`,
//! `CheckDeprecation`, `queryLatestVersionIgnoringRetractions`).

use super::error::{short_message, QueryError, QueryErrorKind};
use super::Querier;
use crate::source::ModuleSource;
use crate::summary::ModSummary;
use gomvs_modfile::{gover, ModuleVersion};
use std::sync::Arc;

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

impl<'s> Querier<'s> {
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
    pub(super) fn check_in_query(
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
        match self.session.is_some_and(|s| s.is_excluded(m)) {
            true => Err(QueryError::version_error(
                m,
                QueryErrorKind::Excluded,
                "excluded by go.mod",
            )),
            false => Ok(()),
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

    pub(super) fn wildcard_replaced(&self, path: &str) -> bool {
        self.session
            .is_some_and(|s| s.replacement(&ModuleVersion::new(path, "")).is_some())
    }

    /// `rawGoModSummary` of the latest version, tolerating a too-new go line.
    pub(super) fn raw_summary(&self, m: &ModuleVersion) -> Result<Arc<ModSummary>, QueryError> {
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
    pub(super) fn raw_summary_detached(
        &self,
        m: &ModuleVersion,
    ) -> Result<Arc<ModSummary>, QueryError> {
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

    pub(super) fn compute_latest_ignoring_retractions(
        &self,
        path: &str,
    ) -> Result<ModuleVersion, QueryError> {
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
}
