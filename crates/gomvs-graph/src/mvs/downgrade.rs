//! `mvs.Downgrade` (`cmd/go/internal/mvs/mvs.go`), with its recursive `add`
//! and `exclude` closures turned into explicit stacks that visit in Go's
//! order.

use super::algorithms::{build_list, MvsResult};
use super::error::MvsError;
use super::graph::NONE;
use super::reqs::{DowngradeReqs, Override, Reqs};
use gomvs_modfile::{ModuleVersion, SmolStr};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// `mvs.Downgrade`: the build list of `target` with the given modules
/// downgraded, lowering (through [`DowngradeReqs::previous`]) every module
/// whose requirements would exceed a downgraded version, and overriding
/// the target's requirements with the result.
pub fn downgrade<R: DowngradeReqs + ?Sized>(
    target: &ModuleVersion,
    reqs: &R,
    downgrades: &[ModuleVersion],
) -> MvsResult<R::Error> {
    let full = build_list(std::slice::from_ref(target), reqs)?;
    let list = full.get(1..).unwrap_or(&[]); // without the target

    let mut max: HashMap<SmolStr, SmolStr> = HashMap::with_capacity(list.len());
    for r in list {
        max.insert(r.path.clone(), r.version.clone());
    }
    for d in downgrades {
        let lower = match max.get(d.path.as_str()) {
            None => true,
            Some(v) => reqs.max(&d.path, v, &d.version) != d.version,
        };
        if lower {
            max.insert(d.path.clone(), d.version.clone());
        }
    }

    let mut state = Search {
        reqs,
        max: &max,
        added: HashSet::new(),
        rdeps: HashMap::new(),
        excluded: HashSet::new(),
    };

    let mut downgraded: Vec<ModuleVersion> = Vec::with_capacity(list.len() + 1);
    downgraded.push(target.clone());
    'list: for r in list {
        let mut r = r.clone();
        state.add(&r);
        while state.excluded.contains(&r) {
            let mut p = reqs.previous(&r).map_err(MvsError::Reqs)?;
            // A target version Previous does not enumerate (a pseudo-version,
            // say) is inserted at its place in the iteration.
            let v = max.get(r.path.as_str()).map_or("", SmolStr::as_str);
            if reqs.max(&r.path, v, &r.version) != v
                && reqs.max(&r.path, &p.version, v) != p.version
            {
                p.version = v.to_owned().into();
            }
            if p.version == NONE {
                continue 'list;
            }
            state.add(&p);
            r = p;
        }
        downgraded.push(r);
    }

    // Recompute with the versions MVS actually selects for the downgraded
    // modules, dropping the requirements of versions pulled back up.
    let actual = build_list(
        std::slice::from_ref(target),
        &Override {
            target: target.clone(),
            list: downgraded.into(),
            reqs,
        },
    )?;
    let actual_version: HashMap<&str, &str> = actual
        .iter()
        .map(|m| (m.path.as_str(), m.version.as_str()))
        .collect();
    let downgraded: Arc<[ModuleVersion]> = list
        .iter()
        .filter_map(|m| {
            actual_version
                .get(m.path.as_str())
                .map(|v| ModuleVersion::new(m.path.as_str(), *v))
        })
        .collect();

    build_list(
        std::slice::from_ref(target),
        &Override {
            target: target.clone(),
            list: downgraded,
            reqs,
        },
    )
}

/// The state shared by `Downgrade`'s `add` and `exclude` closures.
struct Search<'a, R: ?Sized> {
    reqs: &'a R,
    max: &'a HashMap<SmolStr, SmolStr>,
    added: HashSet<ModuleVersion>,
    rdeps: HashMap<ModuleVersion, Vec<ModuleVersion>>,
    excluded: HashSet<ModuleVersion>,
}

/// A module whose requirements `add` is iterating.
struct Frame {
    module: ModuleVersion,
    required: Arc<[ModuleVersion]>,
    next: usize,
}

impl<R: Reqs + ?Sized> Search<'_, R> {
    /// Go's `exclude(m)`: excludes `m` and, transitively, every module
    /// recorded as depending on it.
    fn exclude(&mut self, m: &ModuleVersion) {
        let mut stack = vec![m.clone()];
        while let Some(m) = stack.pop() {
            if !self.excluded.insert(m.clone()) {
                continue;
            }
            if let Some(parents) = self.rdeps.get(&m) {
                stack.extend(
                    parents
                        .iter()
                        .rev()
                        .filter(|p| !self.excluded.contains(*p))
                        .cloned(),
                );
            }
        }
    }

    /// Go's `add(m)`: visits `m`'s requirements depth first, excluding a
    /// module that would raise a capped path, whose requirements cannot be
    /// loaded, or that requires an excluded module.
    fn add(&mut self, m: &ModuleVersion) {
        let mut stack: Vec<Frame> = Vec::new();
        match self.enter(m) {
            Some(frame) => stack.push(frame),
            None => return,
        }
        while let Some(top) = stack.last_mut() {
            let Some(child) = top.required.get(top.next).cloned() else {
                // add(top) returned normally.
                if let Some(done) = stack.pop() {
                    self.child_returned(&mut stack, done.module);
                }
                continue;
            };
            match self.enter(&child) {
                Some(frame) => stack.push(frame),
                None => self.child_returned(&mut stack, child),
            }
        }
    }

    /// The start of `add(m)`: `None` when `add` returns at once (already
    /// added, excluded, or no requirements to visit).
    fn enter(&mut self, m: &ModuleVersion) -> Option<Frame> {
        if !self.added.insert(m.clone()) {
            return None;
        }
        if let Some(v) = self.max.get(m.path.as_str()) {
            if self.reqs.max(&m.path, &m.version, v) != v {
                // m would upgrade an existing dependency: not a strict downgrade.
                self.exclude(m);
                return None;
            }
        }
        match self.reqs.required(m) {
            Ok(required) => Some(Frame {
                module: m.clone(),
                required,
                next: 0,
            }),
            Err(_) => {
                // Go cannot tell a missing go.mod from a transient error here
                // either (golang.org/issue/31730): exclude.
                self.exclude(m);
                None
            }
        }
    }

    /// The code after `add(r)` returns inside the loop over the
    /// requirements of the frame on top of `stack`; when that frame's module
    /// gets excluded, its own `add` returns too, and so on up the stack.
    fn child_returned(&mut self, stack: &mut Vec<Frame>, mut child: ModuleVersion) {
        while let Some(parent) = stack.last_mut() {
            if self.excluded.contains(&child) {
                let parent_module = parent.module.clone();
                self.exclude(&parent_module);
                stack.pop();
                child = parent_module;
                continue;
            }
            self.rdeps
                .entry(child)
                .or_default()
                .push(parent.module.clone());
            parent.next += 1;
            return;
        }
    }
}
