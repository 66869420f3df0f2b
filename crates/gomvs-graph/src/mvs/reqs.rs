//! The requirement graph the MVS algorithms operate on (`mvs.Reqs`,
//! `mvs.UpgradeReqs`, `mvs.DowngradeReqs`).

use super::error::GoErrorChain;
use gomvs_modfile::ModuleVersion;
use std::cmp::Ordering;
use std::sync::Arc;

/// `mvs.Reqs`: the requirement graph and version order of MVS.
///
/// Versions are opaque except for the special version `"none"`. For every
/// version `v`, `max(p, v, "none")` must be `v`, and for the target passed
/// to an algorithm, `max(p, target, v)` must be the target.
pub trait Reqs {
    /// The error of a failed lookup.
    type Error: GoErrorChain + 'static;

    /// The module versions explicitly required by `m` itself, in order.
    fn required(&self, m: &ModuleVersion) -> Result<Arc<[ModuleVersion]>, Self::Error>;

    /// The maximum of `v1` and `v2` (returning one of them) for path `path`.
    fn max<'v>(&self, path: &str, v1: &'v str, v2: &'v str) -> &'v str;
}

/// `mvs.UpgradeReqs`: a [`Reqs`] that knows the available upgrades.
pub trait UpgradeReqs: Reqs {
    /// The version to upgrade `m` to (`m` itself to keep it; `m.version` is
    /// `"none"` for a module not yet in the build).
    fn upgrade(&self, m: &ModuleVersion) -> Result<ModuleVersion, Self::Error>;
}

/// `mvs.DowngradeReqs`: a [`Reqs`] that knows the available downgrades.
pub trait DowngradeReqs: Reqs {
    /// The version of `m.path` immediately before `m.version`, or version
    /// `"none"` if there is none.
    fn previous(&self, m: &ModuleVersion) -> Result<ModuleVersion, Self::Error>;
}

impl<R: Reqs + ?Sized> Reqs for &R {
    type Error = R::Error;

    fn required(&self, m: &ModuleVersion) -> Result<Arc<[ModuleVersion]>, Self::Error> {
        (**self).required(m)
    }

    fn max<'v>(&self, path: &str, v1: &'v str, v2: &'v str) -> &'v str {
        (**self).max(path, v1, v2)
    }
}

/// The comparison `buildList` derives from [`Reqs::max`].
pub(crate) fn compare_by_max<R: Reqs + ?Sized>(
    reqs: &R,
    path: &str,
    v1: &str,
    v2: &str,
) -> Ordering {
    if reqs.max(path, v1, v2) != v1 {
        return Ordering::Less;
    }
    if reqs.max(path, v2, v1) != v2 {
        return Ordering::Greater;
    }
    Ordering::Equal
}

/// `mvs.override`: `reqs` with the requirements of `target` replaced by `list`.
pub(crate) struct Override<'a, R: ?Sized> {
    pub(crate) target: ModuleVersion,
    pub(crate) list: Arc<[ModuleVersion]>,
    pub(crate) reqs: &'a R,
}

impl<R: Reqs + ?Sized> Reqs for Override<'_, R> {
    type Error = R::Error;

    fn required(&self, m: &ModuleVersion) -> Result<Arc<[ModuleVersion]>, Self::Error> {
        if *m == self.target {
            return Ok(self.list.clone());
        }
        self.reqs.required(m)
    }

    fn max<'v>(&self, path: &str, v1: &'v str, v2: &'v str) -> &'v str {
        self.reqs.max(path, v1, v2)
    }
}
