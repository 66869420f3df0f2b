//! Module paths and versions as `golang.org/x/mod/module`: validation,
//! major-version suffixes, canonical versions and the case escaping used by
//! proxies and the module cache.

/// A module path and version (`module.Version`). The version is empty for a
/// main module and for directory replacement targets.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct ModuleVersion {
    /// The module path, e.g. `golang.org/x/mod`.
    pub path: String,
    /// The version, e.g. `v0.20.0`; empty for a main module.
    pub version: String,
}

impl ModuleVersion {
    /// Builds a module version from its parts.
    pub fn new(path: impl Into<String>, version: impl Into<String>) -> Self {
        ModuleVersion {
            path: path.into(),
            version: version.into(),
        }
    }
}

impl std::fmt::Display for ModuleVersion {
    /// `path@version`, or the bare path when the version is empty (`module.Version.String`).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.version.is_empty() {
            f.write_str(&self.path)
        } else {
            write!(f, "{}@{}", self.path, self.version)
        }
    }
}

/// `module.CanonicalVersion`: `semver::canonical`, keeping `+incompatible`.
pub fn canonical_version(v: &str) -> String {
    todo!("{v}")
}

/// `module.SplitPathVersion`: splits `path/v2` or `gopkg.in/x.v2` into the
/// prefix and the major-version suffix (`/v2`, `.v2`); `None` if malformed.
pub fn split_path_version(path: &str) -> Option<(String, String)> {
    todo!("{path}")
}

/// `module.CheckPathMajor`: whether version `v` is allowed for a path whose
/// major suffix is `path_major` (as returned by [`split_path_version`]).
/// The error is the message Go prints after `version "v" invalid: `.
pub fn check_path_major(v: &str, path_major: &str) -> Result<(), String> {
    todo!("{v}{path_major}")
}
