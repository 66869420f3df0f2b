//! Version queries (`modload.Query`, `queryProxy`, `newQueryMatcher`,
//! `filterVersions`) and the checks built on them: exclusions, retractions
//! and deprecations (`CheckExclusions`, `CheckRetractions`,
//! `CheckDeprecation`, `queryLatestVersionIgnoringRetractions`).
//!
//! A [`Querier`] answers queries against a [`ModuleSource`], optionally in
//! the context of main modules ([`QueryScope`]: replacements, exclusions,
//! build mode), which a loader [`Session`](crate::loader::Session) provides.
//! Errors carry Go's exact texts.
//!
//! This module resolves queries ([`Querier::query`], [`Querier::versions`]);
//! its submodules hold the query syntax (`matcher`), the versions a path
//! offers with replacements (`repo`), what main modules allow (`checks`) and
//! the errors (`error`).

mod checks;
mod error;
mod matcher;
mod repo;
mod scope;

pub use checks::Allowed;
pub use error::{short_message, QueryError, QueryErrorKind};
pub use matcher::is_revision_query;
pub use scope::QueryScope;

use crate::env::BuildMod;
use crate::source::{gotime, ModuleSource, RevInfo};
use error::go_quote;
use gomvs_modfile::{gover, module, pseudo, ModuleVersion};
use matcher::{Matcher, QueryMatcher};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Answers version queries for one go invocation; memoizes the latest
/// versions used for retractions and deprecations.
pub struct Querier<'s> {
    source: Arc<dyn ModuleSource>,
    session: Option<&'s dyn QueryScope>,
    latest_cache: Mutex<HashMap<String, Result<ModuleVersion, QueryError>>>,
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

    /// A querier in the context of main modules (a loader
    /// [`Session`](crate::loader::Session)).
    pub fn new(session: &'s dyn QueryScope) -> Querier<'s> {
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
            let (build_mode, reason) = s.build_mode();
            if build_mode == BuildMod::Vendor {
                let mut text = format!("cannot query module due to -mod={}", build_mode.as_str());
                if !reason.is_empty() {
                    text.push_str(&format!("\n\t({reason})"));
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
    use crate::loader::{GoCommand, GoWork, LoadConfig, Session};
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
