//! Go toolchain versions (`1.21`, `1.21rc1`, `1.21.0`) in the order of the Go
//! command's `internal/gover` and `cmd/go/internal/gover`.

use std::cmp::Ordering;

/// Compares two Go versions (`gover.Compare`): `1.21 < 1.21rc1 < 1.21.0`.
pub fn compare(x: &str, y: &str) -> Ordering {
    todo!("{x}{y}")
}

/// `gover.ModCompare`: Go-version order for the `go` and `toolchain`
/// pseudo-modules, semver order for every other module path.
pub fn mod_compare(path: &str, x: &str, y: &str) -> Ordering {
    todo!("{path}{x}{y}")
}
