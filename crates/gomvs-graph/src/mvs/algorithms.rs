//! `mvs.BuildList`, `mvs.Req`, `mvs.UpgradeAll` and `mvs.Upgrade`
//! (`cmd/go/internal/mvs/mvs.go`). Recursive walks of the Go code are
//! explicit stacks visiting in the same order.

use super::error::{BuildListError, MvsError};
use super::graph::{Graph, NONE};
use super::reqs::{compare_by_max, Override, Reqs, UpgradeReqs};
use gomvs_modfile::ModuleVersion;
use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::Arc;

/// The result of the algorithms: a build list, or why there is none.
pub type MvsResult<E> = Result<Vec<ModuleVersion>, MvsError<E>>;

/// An optional upgrade function of `buildList`.
type UpgradeFn<'a, E> = &'a dyn Fn(&ModuleVersion) -> Result<ModuleVersion, E>;

/// `mvs.BuildList`: the build list of `targets`: the targets first, then the
/// greatest version (under [`Reqs::max`]) of every other module path
/// reachable from them, sorted by path.
///
/// A failed [`Reqs::required`] gives a [`BuildListError`] for a shortest
/// requirement path to a failing module. Go explores the graph in parallel;
/// the result does not depend on the order, so this explores it breadth
/// first.
pub fn build_list<R: Reqs + ?Sized>(targets: &[ModuleVersion], reqs: &R) -> MvsResult<R::Error> {
    build_list_with(targets, reqs, None)
}

/// `mvs.buildList`: [`build_list`] where every visited module `m` also
/// requires `upgrade(m)` (first) when that differs from `m`.
fn build_list_with<R: Reqs + ?Sized>(
    targets: &[ModuleVersion],
    reqs: &R,
    upgrade: Option<UpgradeFn<'_, R::Error>>,
) -> MvsResult<R::Error> {
    let order = |p: &str, v1: &str, v2: &str| compare_by_max(reqs, p, v1, v2);
    let mut g = Graph::new(order, targets.to_vec());
    let mut upgrades: HashMap<ModuleVersion, ModuleVersion> = HashMap::new();
    let mut errs: HashMap<ModuleVersion, R::Error> = HashMap::new();

    let mut queued: HashSet<ModuleVersion> = HashSet::new();
    let mut queue: VecDeque<ModuleVersion> = VecDeque::new();
    for t in targets {
        if queued.insert(t.clone()) {
            queue.push_back(t.clone());
        }
    }
    while let Some(m) = queue.pop_front() {
        let mut err = None;
        let mut required: Arc<[ModuleVersion]> = Arc::new([]);
        if m.version != NONE {
            match reqs.required(&m) {
                Ok(list) => required = list,
                Err(e) => err = Some(e),
            }
        }
        let mut u = None;
        if let Some(upgrade) = upgrade {
            match upgrade(&m) {
                Ok(to) => u = Some(to),
                Err(e) => {
                    if err.is_none() {
                        err = Some(e)
                    }
                }
            }
        }
        if let Some(e) = err {
            errs.insert(m.clone(), e);
        }
        let required: Arc<[ModuleVersion]> = match u {
            Some(u) if u != m => {
                upgrades.insert(m.clone(), u.clone());
                std::iter::once(u).chain(required.iter().cloned()).collect()
            }
            _ => required,
        };
        // m is a target or was required by a module already in the graph,
        // and each module is dequeued once: require cannot fail.
        let _ = g.require(&m, required.iter());
        for r in required.iter() {
            if queued.insert(r.clone()) {
                queue.push_back(r.clone());
            }
        }
    }

    if !errs.is_empty() {
        // Every module with an error is in the graph, so a path exists.
        let path = g.find_path(|m| errs.contains_key(m));
        let failed = path.last().and_then(|m| errs.remove(m));
        if let Some(err) = failed {
            let is_upgrade =
                |from: &ModuleVersion, to: &ModuleVersion| upgrades.get(from) == Some(to);
            return Err(BuildListError::new(err, &path, Some(&is_upgrade)).into());
        }
    }

    let list = g.build_list();
    let chosen = list.get(..targets.len());
    if chosen != Some(targets) {
        return Err(MvsError::TargetNotSelected {
            chosen: chosen.unwrap_or(&list).to_vec(),
            targets: targets.to_vec(),
        });
    }
    Ok(list)
}

/// `mvs.Req`: the minimal requirement list of `main` that reproduces its
/// build list, always listing the module paths in `base` (at their selected
/// versions), sorted by path.
pub fn req<R: Reqs + ?Sized, S: AsRef<str>>(
    main: &ModuleVersion,
    base: &[S],
    reqs: &R,
) -> MvsResult<R::Error> {
    let list = build_list(std::slice::from_ref(main), reqs)?;

    let mut max: HashMap<&str, &str> = HashMap::with_capacity(list.len());
    for m in &list {
        max.insert(&m.path, &m.version);
    }

    // Postorder of the requirement DFS, caching requirements.
    let mut postorder: Vec<ModuleVersion> = Vec::new();
    let mut req_cache: HashMap<ModuleVersion, Arc<[ModuleVersion]>> = HashMap::new();
    req_cache.insert(main.clone(), Arc::new([]));
    for m in &list {
        postorder_walk(m, reqs, &mut req_cache, &mut postorder).map_err(MvsError::Reqs)?;
    }

    // Walk modules in reverse postorder, only adding those not implied already.
    let mut have: HashSet<ModuleVersion> = HashSet::new();
    let mut min: Vec<ModuleVersion> = Vec::new();
    let mut have_base: HashSet<&str> = HashSet::new();
    for path in base {
        let path = path.as_ref();
        if !have_base.insert(path) {
            continue;
        }
        let m = ModuleVersion::new(path, max.get(path).copied().unwrap_or(""));
        mark_implied(&m, &req_cache, &mut have);
        min.push(m);
    }
    for m in postorder.iter().rev() {
        if max.get(m.path.as_str()).copied().unwrap_or("") != m.version {
            continue; // older version
        }
        if !have.contains(m) {
            mark_implied(m, &req_cache, &mut have);
            min.push(m.clone());
        }
    }
    // Go uses an unstable sort by path; the paths here are distinct.
    min.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(min)
}

/// `Req`'s first `walk`: appends to `postorder` every module reachable from
/// `start` not yet in `cache`, children in order, each after its children.
fn postorder_walk<R: Reqs + ?Sized>(
    start: &ModuleVersion,
    reqs: &R,
    cache: &mut HashMap<ModuleVersion, Arc<[ModuleVersion]>>,
    postorder: &mut Vec<ModuleVersion>,
) -> Result<(), R::Error> {
    if cache.contains_key(start) {
        return Ok(());
    }
    let required = reqs.required(start)?;
    cache.insert(start.clone(), required.clone());
    let mut stack: Vec<(ModuleVersion, Arc<[ModuleVersion]>, usize)> =
        vec![(start.clone(), required, 0)];
    while let Some((m, required, next)) = stack.last_mut() {
        let Some(child) = required.get(*next).cloned() else {
            postorder.push(m.clone());
            stack.pop();
            continue;
        };
        *next += 1;
        if cache.contains_key(&child) {
            continue;
        }
        let child_reqs = reqs.required(&child)?;
        cache.insert(child.clone(), child_reqs.clone());
        stack.push((child, child_reqs, 0));
    }
    Ok(())
}

/// `Req`'s second `walk`: marks `start` and everything reachable from it
/// through `cache` as implied.
fn mark_implied(
    start: &ModuleVersion,
    cache: &HashMap<ModuleVersion, Arc<[ModuleVersion]>>,
    have: &mut HashSet<ModuleVersion>,
) {
    let mut stack = vec![start.clone()];
    while let Some(m) = stack.pop() {
        if have.contains(&m) {
            continue;
        }
        if let Some(required) = cache.get(&m) {
            stack.extend(
                required
                    .iter()
                    .rev()
                    .filter(|r| !have.contains(*r))
                    .cloned(),
            );
        }
        have.insert(m);
    }
}

/// `mvs.UpgradeAll`: the build list of `target` with every module upgraded
/// to [`UpgradeReqs::upgrade`]'s version.
pub fn upgrade_all<R: UpgradeReqs + ?Sized>(
    target: &ModuleVersion,
    reqs: &R,
) -> MvsResult<R::Error> {
    let upgrade = |m: &ModuleVersion| {
        if m.path == target.path {
            Ok(target.clone())
        } else {
            reqs.upgrade(m)
        }
    };
    build_list_with(std::slice::from_ref(target), reqs, Some(&upgrade))
}

/// `mvs.Upgrade`: the build list of `target` with the given modules upgraded
/// (added as requirements of the target when new; the greatest version of a
/// path listed twice wins).
pub fn upgrade<R: UpgradeReqs + ?Sized>(
    target: &ModuleVersion,
    reqs: &R,
    upgrades: &[ModuleVersion],
) -> MvsResult<R::Error> {
    let required = reqs.required(target).map_err(MvsError::Reqs)?;
    let path_in_list: HashSet<&str> = required.iter().map(|m| m.path.as_str()).collect();
    let mut list: Vec<ModuleVersion> = required.to_vec();

    let mut upgrade_to: HashMap<&str, &str> = HashMap::with_capacity(upgrades.len());
    for u in upgrades {
        if !path_in_list.contains(u.path.as_str()) {
            list.push(ModuleVersion::new(u.path.as_str(), NONE));
        }
        let version = match upgrade_to.get(u.path.as_str()) {
            Some(prev) => reqs.max(&u.path, prev, &u.version),
            None => &u.version,
        };
        upgrade_to.insert(&u.path, version);
    }

    let overridden = Override {
        target: target.clone(),
        list: list.into(),
        reqs,
    };
    let upgrade = |m: &ModuleVersion| match upgrade_to.get(m.path.as_str()) {
        Some(v) => Ok(ModuleVersion::new(m.path.as_str(), *v)),
        None => Ok(m.clone()),
    };
    build_list_with(std::slice::from_ref(target), &overridden, Some(&upgrade))
}
