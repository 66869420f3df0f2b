//! Query syntax (`newQueryMatcher`): `latest`, `upgrade`, `patch`, version
//! prefixes, comparisons and revisions, parsed into what a version must match.

use super::error::{go_quote, QueryError, QueryErrorKind};
use gomvs_modfile::{gover, module, pseudo};

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
pub(super) enum Filter {
    None,
    AtLeast(String),
    AtMost(String),
    Below(String),
    Above(String),
}

/// `queryMatcher`.
#[derive(Debug, Clone)]
pub(super) struct QueryMatcher {
    pub(super) path: String,
    pub(super) prefix: String,
    pub(super) filter: Filter,
    pub(super) prefer_lower: bool,
    pub(super) may_use_latest: bool,
    pub(super) prefer_incompatible: bool,
}

/// What `newQueryMatcher` decides.
pub(super) enum Matcher {
    Versions(QueryMatcher),
    /// A complete version (`canStat`) or `errRevQuery` (a revision): only
    /// `repo.Stat` can resolve it, no matcher is needed.
    Stat,
}

impl QueryMatcher {
    /// `newQueryMatcher`.
    pub(super) fn parse(path: &str, query: &str, current: &str) -> Result<Matcher, QueryError> {
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

    pub(super) fn filter_ok(&self, v: &str) -> bool {
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
