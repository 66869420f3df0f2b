//! The main go.mod's version fixer (`modload.fixVersion`): canonical versions
//! are checked against the path's major version; anything else is resolved
//! through the module source like `go list -m path@query` would.

use crate::source::ModuleSource;
use gomvs_modfile::gomod::VersionFixer;
use gomvs_modfile::{module, semver, ModuleVersion};
use std::sync::Arc;

/// Resolves non-canonical versions of a main go.mod; remembers whether it changed any.
pub struct MainVersionFixer {
    source: Arc<dyn ModuleSource>,
    fixed: bool,
}

impl MainVersionFixer {
    /// A fixer querying `source`.
    pub fn new(source: Arc<dyn ModuleSource>) -> Self {
        MainVersionFixer {
            source,
            fixed: false,
        }
    }

    /// Whether any version was changed (the go.mod is then dirty).
    pub fn fixed(&self) -> bool {
        self.fixed
    }

    fn resolve(&self, path: &str, vers: &str) -> Result<String, String> {
        let Some((_, path_major)) = module::split_path_version(path) else {
            return Err(format!(
                "version {vers:?} invalid: malformed module path {path:?}"
            ));
        };
        if !vers.is_empty() && module::canonical_version(vers) == vers {
            module::check_path_major(vers, &path_major).map_err(|e| e.to_string())?;
            return Ok(vers.to_string());
        }
        // A semver prefix (`v1`, `v1.2`) selects the highest matching version
        // in the version list, releases before prereleases (`Query`).
        if semver::is_valid(vers)
            && semver::canonical(vers) != vers
            && semver::build(vers).is_empty()
        {
            let prefix = format!("{}.", vers);
            let list = self.source.versions(path).map_err(|e| e.message)?;
            let mut matching: Vec<&String> =
                list.iter().filter(|v| v.starts_with(&prefix)).collect();
            matching.sort_by(|a, b| semver::compare(a, b));
            let best = matching
                .iter()
                .rev()
                .find(|v| semver::prerelease(v).is_empty())
                .or_else(|| matching.last())
                .map(|v| v.to_string());
            return match best {
                Some(v) => Ok(v),
                None => Err(format!("no matching versions for query {vers:?}")),
            };
        }
        if vers == "latest" {
            // `Query(path, "latest")` with no allowed filter: the highest
            // release, else the highest prerelease, else the repository's @latest.
            let list = self.source.versions(path).map_err(|e| e.go_text())?;
            let best = list
                .iter()
                .rev()
                .find(|v| semver::prerelease(v).is_empty())
                .or_else(|| list.last());
            if let Some(v) = best {
                return Ok(v.clone());
            }
            return self
                .source
                .latest(path)
                .map(|i| i.version)
                .map_err(|e| e.go_text());
        }
        // Anything else is a revision: the proxy's `.info` for it. Go's error
        // is ModuleError{path, InvalidVersionError{vers, err}}; modfile's
        // parseVersion keeps the InvalidVersionError, printed as
        // `version "X" invalid: <err>`.
        let info = self
            .source
            .info(&ModuleVersion::new(path, vers))
            .map_err(|e| {
                let text = e.go_text();
                let wrapped = format!("{path}@{vers}: invalid version: ");
                let inner = text.strip_prefix(&wrapped).unwrap_or(&text);
                format!("version {vers:?} invalid: {inner}")
            })?;
        Ok(info.version)
    }
}

impl VersionFixer for MainVersionFixer {
    fn fix(&mut self, path: &str, version: &str) -> Result<String, String> {
        let mut vers = version.to_string();
        if path.starts_with("gopkg.in/") {
            if let Some(i) = vers.find("-gopkgin-") {
                vers = vers[i + "-gopkgin-".len()..].to_string();
            }
        }
        let resolved = self.resolve(path, &vers)?;
        if resolved != vers {
            self.fixed = true;
        }
        Ok(resolved)
    }
}
