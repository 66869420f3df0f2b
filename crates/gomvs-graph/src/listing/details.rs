//! The optional fields of a row (`modload.addUpdate`, `addVersions`,
//! `addRetraction`, `addDeprecation`): `-u`, `-versions`, `-retracted`,
//! and the error rows of failed queries.

use super::row::{ModuleInfo, RowError};
use super::ListMode;
use crate::query::{Allowed, Querier, QueryErrorKind};
use gomvs_modfile::ModuleVersion;

/// The row of a failed `path@query` argument (`modinfoError`).
pub(super) fn query_error_row(path: &str, vers: &str, e: &crate::query::QueryError) -> ModuleInfo {
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

/// The `-u`/`-retracted`/`-versions` additions for a row and its module
/// replacement, in go's order (the retraction `completeFromModCache` adds
/// first, then `addUpdate`, `addVersions`, `addRetraction`, `addDeprecation`).
pub(super) fn add_details(q: &Querier<'_>, row: &mut ModuleInfo, mode: ListMode) {
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
