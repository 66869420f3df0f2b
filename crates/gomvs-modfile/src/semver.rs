//! Semantic versions exactly as `golang.org/x/mod/semver`.
//!
//! Go's semver differs from Cargo's: a leading `v` is required, `vMAJOR` and
//! `vMAJOR.MINOR` shorthands are valid, build metadata is ignored by
//! comparison, and invalid versions compare below all valid ones.

use std::cmp::Ordering;

/// Reports whether `v` is a valid semantic version string (`semver.IsValid`).
pub fn is_valid(v: &str) -> bool {
    todo!("{v}")
}

/// The canonical form of `v` (`semver.Canonical`): shorthands expanded,
/// build metadata dropped; `""` when `v` is invalid.
pub fn canonical(v: &str) -> String {
    todo!("{v}")
}

/// Compares two versions (`semver.Compare`); invalid versions are equal to
/// each other and below every valid version.
pub fn compare(v: &str, w: &str) -> Ordering {
    todo!("{v}{w}")
}

/// The major version prefix (`v2`), or `""` if invalid (`semver.Major`).
pub fn major(v: &str) -> String {
    todo!("{v}")
}

/// The `vMAJOR.MINOR` prefix, or `""` if invalid (`semver.MajorMinor`).
pub fn major_minor(v: &str) -> String {
    todo!("{v}")
}

/// The prerelease suffix including `-`, or `""` (`semver.Prerelease`).
pub fn prerelease(v: &str) -> String {
    todo!("{v}")
}

/// The build suffix including `+`, or `""` (`semver.Build`).
pub fn build(v: &str) -> String {
    todo!("{v}")
}

/// Sorts versions with `compare`, ties broken by string order (`semver.Sort`).
pub fn sort(list: &mut [String]) {
    let _ = list;
    todo!()
}
