//! The main go.mod's version fixer (`modload.fixVersion`): canonical versions
//! are checked against the path's major version; anything else is resolved
//! through the module source like `go list -m path@query` would.

use crate::source::{FetchErrorKind, ModuleSource};
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
        MainVersionFixer { source, fixed: false }
    }

    /// Whether any version was changed (the go.mod is then dirty).
    pub fn fixed(&self) -> bool {
        self.fixed
    }

    fn resolve(&self, path: &str, vers: &str) -> Result<String, String> {
        let Some((_, path_major)) = module::split_path_version(path) else {
            return Err(format!("version {vers:?} invalid: malformed module path {path:?}"));
        };
        if !vers.is_empty() && module::canonical_version(vers) == vers {
            module::check_path_major(vers, &path_major).map_err(|e| e.to_string())?;
            return Ok(vers.to_string());
        }
        // A semver prefix (`v1`, `v1.2`) selects the highest matching version
        // in the version list, releases before prereleases (`Query`).
        if semver::is_valid(vers) && semver::canonical(vers) != vers && semver::build(vers).is_empty() {
            let prefix = format!("{}.", vers);
            let list = self.source.versions(path).map_err(|e| e.message)?;
            let mut matching: Vec<&String> = list.iter().filter(|v| v.starts_with(&prefix)).collect();
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
        let info = self.source.info(&ModuleVersion::new(path, vers)).map_err(|e| match e.kind {
            FetchErrorKind::NotFound | FetchErrorKind::Other => format!("version {vers:?} invalid: {}", e.message),
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
