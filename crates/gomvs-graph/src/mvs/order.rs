//! Version orders for the requirement graph: the comparison `mvs.Graph` is
//! built with (`cmp func(p, v1, v2 string) int`).

use gomvs_modfile::gover;
use std::cmp::Ordering;

/// The version order of an MVS graph, per module path (Go's
/// `cmp(p, v1, v2 string) int`).
///
/// It must accept the special version `"none"`, which the graph passes as the
/// current selection of a path nothing has selected yet: a version is selected
/// only if it compares greater than `"none"`.
pub trait VersionOrder {
    /// Compares versions `v1` and `v2` of the module with path `path`.
    fn compare(&self, path: &str, v1: &str, v2: &str) -> Ordering;
}

impl<F> VersionOrder for F
where
    F: Fn(&str, &str, &str) -> Ordering,
{
    fn compare(&self, path: &str, v1: &str, v2: &str) -> Ordering {
        self(path, v1, v2)
    }
}

/// The Go command's order (`modload.cmpVersion`): the empty version (a main
/// module) is greater than every other version; otherwise
/// [`gover::mod_compare`], under which `"none"` (not a valid version) is below
/// every valid version.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GoVersionOrder;

impl VersionOrder for GoVersionOrder {
    fn compare(&self, path: &str, v1: &str, v2: &str) -> Ordering {
        cmp_version(path, v1, v2)
    }
}

/// `modload.cmpVersion`: `""` is greater than every other version, otherwise
/// `gover.ModCompare(path, v1, v2)`.
pub fn cmp_version(path: &str, v1: &str, v2: &str) -> Ordering {
    match (v1.is_empty(), v2.is_empty()) {
        (true, true) => Ordering::Equal,
        (false, true) => Ordering::Less,
        (true, false) => Ordering::Greater,
        (false, false) => gover::mod_compare(path, v1, v2),
    }
}

/// `modload.mvsReqs.Max`: `v2` if `v1 < v2` under [`cmp_version`], else `v1`.
pub fn max_version<'v>(path: &str, v1: &'v str, v2: &'v str) -> &'v str {
    if cmp_version(path, v1, v2) == Ordering::Less {
        v2
    } else {
        v1
    }
}
