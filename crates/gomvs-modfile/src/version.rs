//! [`Version`]: a module version string that compares as Go does.
//!
//! Go orders module versions with `golang.org/x/mod/semver.Compare`, not as
//! strings: `v1.10.0` is above `v1.9.0`, a prerelease is below its release,
//! build metadata (`+incompatible`, `+meta`) is ignored, the shorthands
//! `v1` and `v1.2` equal `v1.0.0` and `v1.2.0`, and every invalid version
//! (`""`, `none`, `latest`, a branch name) is equal to every other invalid
//! version and below every valid one.
//!
//! [`Version`] keeps the text exactly as written (`as_str`, `Display`) and
//! implements `Ord` as [`semver::compare`]. `Eq`
//! and `Hash` are consistent with that order: two versions are equal when
//! Go compares them equal (`v1.0.0+incompatible == v1.0.0`, `"" == "none"`),
//! so a `BTreeSet<Version>` or `HashSet<Version>` holds one entry per
//! version Go tells apart. Compare [`Version::as_str`] for textual identity.
//!
//! This is the version of a *module* (`v1.2.3`). The `go` directive's
//! language versions (`1.21`, `1.21rc1`) have their own order, see
//! [`crate::gover`].

use std::cmp::Ordering;
use std::hash::{Hash, Hasher};

use crate::semver;
use smol_str::SmolStr;

/// A module version (`v1.2.3`, a pseudo-version, or anything else a go.mod
/// may hold) whose order is Go's (`semver.Compare`).
///
/// ```
/// use gomvs_modfile::Version;
///
/// let mut vs: Vec<Version> = ["v1.10.0", "v1.9.0", "v1.9.0-rc.1", "none"]
///     .into_iter()
///     .map(Version::new)
///     .collect();
/// vs.sort();
/// let text: Vec<&str> = vs.iter().map(Version::as_str).collect();
/// assert_eq!(text, ["none", "v1.9.0-rc.1", "v1.9.0", "v1.10.0"]);
///
/// // Build metadata is ignored, as by semver.Compare:
/// assert_eq!(Version::new("v2.0.0+incompatible"), Version::new("v2.0.0"));
/// assert!(Version::new("v2.0.0+incompatible").is_valid());
/// assert!(!Version::new("master").is_valid());
/// ```
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct Version(SmolStr);

impl Version {
    /// Wraps `v` as written; any string is accepted (invalid versions sort
    /// lowest).
    pub fn new(v: impl Into<SmolStr>) -> Version {
        Version(v.into())
    }

    /// The version as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether the text is a valid semantic version (`semver.IsValid`).
    pub fn is_valid(&self) -> bool {
        semver::is_valid(&self.0)
    }

    /// Whether it has a prerelease part (`-rc.1`, and every pseudo-version
    /// but a `vX.0.0-...` one's base).
    pub fn is_prerelease(&self) -> bool {
        !semver::prerelease(&self.0).is_empty()
    }

    /// The canonical form (`semver.Canonical`): shorthands expanded, build
    /// metadata dropped; `""` when invalid.
    pub fn canonical(&self) -> String {
        semver::canonical(&self.0)
    }

    /// The major version prefix, e.g. `v2` (`semver.Major`); `""` when invalid.
    pub fn major(&self) -> String {
        semver::major(&self.0)
    }

    /// The version as a [`SmolStr`], cloned without allocating.
    pub fn to_smol_str(&self) -> SmolStr {
        self.0.clone()
    }
}

impl Ord for Version {
    fn cmp(&self, other: &Version) -> Ordering {
        semver::compare(&self.0, &other.0)
    }
}

impl PartialOrd for Version {
    fn partial_cmp(&self, other: &Version) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Version {
    fn eq(&self, other: &Version) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Version {}

impl Hash for Version {
    /// Hashes what [`semver::compare`] looks at (major, minor, patch,
    /// prerelease), or one constant for every invalid version, so that
    /// versions equal under `Ord` hash alike.
    fn hash<H: Hasher>(&self, state: &mut H) {
        match semver::parse(&self.0) {
            None => state.write_u8(0),
            Some(p) => {
                state.write_u8(1);
                p.major.hash(state);
                p.minor.hash(state);
                p.patch.hash(state);
                p.prerelease.hash(state);
            }
        }
    }
}

impl std::fmt::Display for Version {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for Version {
    fn from(v: &str) -> Version {
        Version::new(v)
    }
}

impl From<String> for Version {
    fn from(v: String) -> Version {
        Version::new(v)
    }
}

impl From<SmolStr> for Version {
    fn from(v: SmolStr) -> Version {
        Version(v)
    }
}

impl AsRef<str> for Version {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::hash_map::DefaultHasher;

    fn h(v: &str) -> u64 {
        let mut s = DefaultHasher::new();
        Version::new(v).hash(&mut s);
        s.finish()
    }

    #[test]
    fn equal_versions_hash_alike() {
        for (a, b) in [
            ("v1.0.0+incompatible", "v1.0.0"),
            ("v1", "v1.0.0"),
            ("v1.2.0+meta", "v1.2"),
            ("", "none"),
            ("bad", "worse"),
        ] {
            assert_eq!(Version::new(a), Version::new(b), "{a} vs {b}");
            assert_eq!(h(a), h(b), "{a} vs {b}");
        }
        assert_ne!(Version::new("v1.0.0-rc.1"), Version::new("v1.0.0"));
    }
}
