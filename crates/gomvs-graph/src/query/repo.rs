//! One module path's versions as `lookupRepo` composes them: the source's
//! `@v/list`, `.info` and `@latest`, plus what replacements add
//! (`replacementRepo`).

use super::error::QueryError;
use super::Querier;
use crate::source::{ModuleSource, RevInfo};
use gomvs_modfile::{gover, module, pseudo, semver, ModuleVersion};

/// One module path's versions, as `lookupRepo` composes them.
pub(super) struct Repo<'q, 's> {
    q: &'q Querier<'s>,
    path: String,
    path_error: Option<String>,
    replaced: bool,
}

impl Repo<'_, '_> {
    pub(super) fn base_versions(&self, prefix: &str) -> Result<Vec<String>, QueryError> {
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

    pub(super) fn base_stat(&self, rev: &str) -> Result<RevInfo, QueryError> {
        if let Some(e) = &self.path_error {
            return Err(QueryError::other(e.clone()));
        }
        self.q
            .source
            .info(&ModuleVersion::new(self.path.clone(), rev))
            .map_err(QueryError::from_fetch)
    }

    pub(super) fn base_latest(&self) -> Result<RevInfo, QueryError> {
        if let Some(e) = &self.path_error {
            return Err(QueryError::other(e.clone()));
        }
        self.q
            .source
            .latest(&self.path)
            .map_err(QueryError::from_fetch)
    }

    /// `Versions(prefix)` (with `replacementRepo`'s additions).
    pub(super) fn versions(&self, prefix: &str) -> Result<Vec<String>, QueryError> {
        let Some(s) = self.q.session.filter(|_| self.replaced) else {
            return self.base_versions(prefix);
        };
        let mut versions = match self.base_versions(prefix) {
            Ok(v) => v,
            Err(e) if e.is_not_found() => Vec::new(),
            Err(e) => return Err(e),
        };
        let before = versions.len();
        for old in s.replaced_modules() {
            if old.path == self.path
                && old.version.starts_with(prefix)
                && !old.version.is_empty()
                && !pseudo::is_pseudo_version(&old.version)
            {
                versions.push(old.version.to_string());
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
    pub(super) fn stat(&self, rev: &str) -> Result<RevInfo, QueryError> {
        let result = self.base_stat(rev);
        let (Some(s), Err(_)) = (self.q.session.filter(|_| self.replaced), &result) else {
            return result;
        };
        if s.replaced_modules().next().is_none() {
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
    pub(super) fn latest(&self) -> Result<RevInfo, QueryError> {
        let result = self.base_latest();
        let Some(s) = self.q.session.filter(|_| self.replaced) else {
            return result;
        };
        if let Some(v) = s.highest_replaced(&self.path) {
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
    /// `lookupRepo`.
    pub(super) fn repo(&self, path: &str) -> Result<Repo<'_, 's>, QueryError> {
        let path_error = if path != "go" && path != "toolchain" {
            module::check_path(path).err().map(|e| e.to_string())
        } else {
            None
        };
        let replaced = self
            .session
            .is_some_and(|s| s.highest_replaced(path).is_some());
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
}
