//! The main go.mod's version fixer (`modload.fixVersion`): canonical versions
//! are checked against the path's major version; anything else is resolved
//! through [`crate::query`] like `go list -m path@query` would.

use crate::query::{Allowed, Querier};
use crate::source::ModuleSource;
use gomvs_modfile::gomod::{FixError, VersionFixer};
use gomvs_modfile::module;
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

    fn resolve(&self, path: &str, vers: &str) -> Result<String, FixError> {
        let Some((_, path_major)) = module::split_path_version(path) else {
            return Err(FixError::Module(format!(
                "version {vers:?} invalid: malformed module path {path:?}"
            )));
        };
        if !vers.is_empty() && module::canonical_version(vers) == vers {
            module::check_path_major(vers, &path_major)
                .map_err(|e| FixError::Module(e.to_string()))?;
            return Ok(vers.to_string());
        }
        // Anything else is resolved by `Query(path, vers, "", nil)` without
        // main modules (no replacements, exclusions or retractions apply).
        // modfile's parseVersion keeps only the inner error of a
        // `module.ModuleError`: for a revision the proxy's
        // ModuleError{path, InvalidVersionError{vers, err}}, printed as
        // `version "X" invalid: <err>`.
        let querier = Querier::detached(self.source.clone());
        match querier.query(path, vers, "", Allowed::All) {
            Ok(info) => Ok(info.version),
            Err(e) => {
                for noun in ["version", "pseudo-version"] {
                    let wrapped = format!("{path}@{vers}: invalid {noun}: ");
                    if let Some(inner) = e.text.strip_prefix(&wrapped) {
                        return Err(FixError::Module(format!(
                            "{noun} {} invalid: {inner}",
                            module::quote(vers)
                        )));
                    }
                }
                // parseVersion keeps a `*module.ModuleError`'s inner error
                // after `VERB PATH: `; any other error (an invalid module
                // path's `module.CheckPath`) is printed as it is.
                Err(match e.inner {
                    Some(inner) => FixError::Module(inner),
                    None => FixError::Other(e.text),
                })
            }
        }
    }
}

impl VersionFixer for MainVersionFixer {
    fn fix(&mut self, path: &str, version: &str) -> Result<String, String> {
        self.fix_version(path, version).map_err(|e| match e {
            FixError::Module(t) | FixError::Other(t) => t,
        })
    }

    fn fix_version(&mut self, path: &str, version: &str) -> Result<String, FixError> {
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
