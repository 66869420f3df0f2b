//! `modload.editRequirements` (`edit.go`): new roots that select every
//! `must_select` version, downgrading (or removing) roots that would require
//! more, with Go's disqualification tracker (`dqTracker`).

use crate::error::SummaryError;
use crate::loader::{ModuleGraph, Session};
use crate::mvs;
use crate::query::{Allowed, Querier};
use crate::requirements::Requirements;
use crate::summary::Pruning;
use gomvs_modfile::gover::{mod_compare, mod_sort};
use gomvs_modfile::ModuleVersion;
use std::collections::{BTreeSet, HashMap, HashSet};

/// One violated constraint (`modload.Conflict`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The requirement path from a root to the module that is too high.
    pub path: Vec<ModuleVersion>,
    /// The constraint violated (`must_select` version), when no error.
    pub constraint: Option<ModuleVersion>,
    /// The error reading requirements, if that is the conflict.
    pub err: Option<SummaryError>,
}

impl Conflict {
    /// `Conflict.UnwrapModuleError`: the error without its `path@version: `
    /// prefix when it is about the last module of the path.
    pub fn unwrap_module_error(&self) -> Option<String> {
        let e = self.err.as_ref()?;
        if let (SummaryError::Module { module, message }, Some(last)) = (e, self.path.last()) {
            if module == last {
                return Some(message.clone());
            }
        }
        Some(e.to_string())
    }

    /// `Conflict.Summary`.
    pub fn summary(&self) -> String {
        let (Some(first), Some(last)) = (self.path.first(), self.path.last()) else {
            return "(internal error: invalid Conflict struct)".to_string();
        };
        let cv = self.constraint.as_ref().map_or("", |c| c.version.as_str());
        if self.path.len() == 1 {
            if let Some(e) = self.unwrap_module_error() {
                return format!("{first}: {e}");
            }
            return format!("{first} is above {cv}");
        }
        let adverb = if self.path.len() > 2 {
            "indirectly "
        } else {
            ""
        };
        if let Some(e) = self.unwrap_module_error() {
            return format!("{first} {adverb}requires {last}: {e}");
        }
        format!("{first} {adverb}requires {last}, but {cv} is requested")
    }
}

/// The outcome of [`edit_requirements`].
pub enum EditOutcome {
    /// New requirements (`changed` says whether they differ from the old).
    Edited {
        /// The requirements.
        rs: Requirements,
        /// Whether they changed.
        changed: bool,
    },
    /// Constraints that cannot all hold.
    Conflicts(Vec<Conflict>),
    /// Another failure (Go's error text, without `go: `).
    Error(String),
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum P {
    Pruned,
    Unpruned,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
enum Dq {
    #[default]
    Ok,
    Err(SummaryError),
    Dep(ModuleVersion),
}

impl Dq {
    fn bad(&self) -> bool {
        *self != Dq::Ok
    }
}

#[derive(Clone, Debug, Default)]
struct PerPruning {
    pruned: Dq,
    unpruned: Dq,
}

impl PerPruning {
    fn from(&self, p: P) -> &Dq {
        match p {
            P::Unpruned => &self.unpruned,
            P::Pruned => &self.pruned,
        }
    }
}

#[derive(Default)]
struct Tracker {
    extended_root_pruning: HashMap<ModuleVersion, P>,
    dq_reason: HashMap<ModuleVersion, PerPruning>,
    requiring: HashMap<ModuleVersion, Vec<ModuleVersion>>,
}

impl Tracker {
    fn require(&mut self, m: &ModuleVersion, r: &ModuleVersion) -> bool {
        let rdq = self.dq_reason.get(r).cloned().unwrap_or_default();
        if let Some(&rp) = self.extended_root_pruning.get(r) {
            if rdq.from(rp).bad() {
                self.disqualify(m, P::Pruned, Dq::Dep(r.clone()));
                return false;
            }
        }
        if rdq.unpruned.bad() {
            self.disqualify(m, P::Unpruned, Dq::Dep(r.clone()));
            if !self.extended_root_pruning.contains_key(m) {
                return false;
            }
        }
        self.requiring.entry(r.clone()).or_default().push(m.clone());
        true
    }

    /// `dqTracker.disqualify`, with an explicit work list instead of recursion.
    fn disqualify(&mut self, m: &ModuleVersion, from: P, reason: Dq) {
        let mut work = vec![(m.clone(), from, reason)];
        while let Some((m, from, reason)) = work.pop() {
            let mut dq = self.dq_reason.get(&m).cloned().unwrap_or_default();
            if dq.from(from).bad() {
                continue;
            }
            let root = self.extended_root_pruning.get(&m).copied();
            if from == P::Pruned {
                dq.pruned = reason.clone();
                if !dq.unpruned.bad() {
                    dq.unpruned = reason;
                }
            } else {
                dq.unpruned = reason.clone();
                if root == Some(P::Unpruned) {
                    dq.pruned = reason;
                }
            }
            self.dq_reason.insert(m.clone(), dq);
            if root.is_some() && (from == P::Pruned || root == Some(P::Unpruned)) {
                let reqs = self.requiring.remove(&m).unwrap_or_default();
                // Go recurses in order; pushing in reverse keeps that order.
                for p in reqs.into_iter().rev() {
                    work.push((p, P::Pruned, Dq::Dep(m.clone())));
                }
                continue;
            }
            let reqs = if root.is_none() {
                self.requiring.remove(&m).unwrap_or_default()
            } else {
                self.requiring.get(&m).cloned().unwrap_or_default()
            };
            for p in reqs.into_iter().rev() {
                work.push((p, P::Unpruned, Dq::Dep(m.clone())));
            }
        }
    }

    fn check(&self, m: &ModuleVersion, p: P) -> Dq {
        self.dq_reason
            .get(m)
            .map(|d| d.from(p).clone())
            .unwrap_or_default()
    }

    fn path(&self, m: &ModuleVersion, pruning: P) -> (Vec<ModuleVersion>, Option<SummaryError>) {
        let mut path = Vec::new();
        let mut m = m.clone();
        let mut pruning = pruning;
        loop {
            if self.extended_root_pruning.get(&m) == Some(&P::Unpruned) {
                pruning = P::Unpruned;
            }
            let dq = self.check(&m, pruning);
            match dq {
                Dq::Ok => return (path, None),
                Dq::Err(e) => {
                    path.push(m);
                    return (path, Some(e));
                }
                Dq::Dep(d) => {
                    path.push(m.clone());
                    if d == m {
                        return (path, None);
                    }
                    m = d;
                }
            }
        }
    }
}

fn to_p(p: Pruning) -> P {
    if p == Pruning::Unpruned {
        P::Unpruned
    } else {
        P::Pruned
    }
}

/// `extendGraph`.
fn extend_graph(
    s: &Session,
    pruning: Pruning,
    roots: &[ModuleVersion],
    selected_root: &HashMap<String, String>,
) -> (ModuleGraph, HashSet<ModuleVersion>) {
    let mut upgraded: HashSet<ModuleVersion> = HashSet::new();
    loop {
        let mg = s.read_mod_graph(pruning, roots, &upgraded);
        if pruning == Pruning::Unpruned {
            return (mg, upgraded);
        }
        let before = upgraded.len();
        let mut paths: Vec<&String> = selected_root.keys().collect();
        paths.sort();
        for p in paths {
            let v = mg.selected(p);
            if v == mvs::NONE {
                continue;
            }
            let m = ModuleVersion::new(p.as_str(), v);
            if mg.graph.required_by(&m).is_none() && !upgraded.contains(&m) {
                upgraded.insert(m);
            }
        }
        if upgraded.len() == before {
            return (mg, upgraded);
        }
    }
}

/// `previousVersion`.
fn previous_version(
    s: &Session,
    q: &Querier<'_>,
    m: &ModuleVersion,
) -> Result<ModuleVersion, String> {
    if m.version.is_empty() && s.is_main(&m.path) {
        return Ok(ModuleVersion::new(m.path.clone(), mvs::NONE));
    }
    let list = match q.versions(&m.path, Allowed::NotExcludedNorRetracted) {
        Ok(l) => l,
        Err(e) if e.is_not_found() => return Ok(ModuleVersion::new(m.path.clone(), mvs::NONE)),
        Err(e) => return Err(e.text),
    };
    let i = list.partition_point(|v| mod_compare(&m.path, v, &m.version).is_lt());
    if i > 0 {
        return Ok(ModuleVersion::new(m.path.clone(), list[i - 1].clone()));
    }
    Ok(ModuleVersion::new(m.path.clone(), mvs::NONE))
}

/// `editRequirements(rs, tryUpgrade, mustSelect)` for a single main module.
/// `orig_graph` is the graph of `rs`.
pub fn edit_requirements(
    s: &Session,
    q: &Querier<'_>,
    rs: &Requirements,
    orig_graph: &ModuleGraph,
    try_upgrade: &[ModuleVersion],
    must_select: &[ModuleVersion],
    stderr: &mut Vec<String>,
) -> EditOutcome {
    let root_pruning = rs.pruning;
    let mut selected_root: HashMap<String, String> = HashMap::new();
    if root_pruning == Pruning::Pruned {
        for m in &rs.roots {
            match selected_root.get(m.path.as_str()) {
                Some(v) if mod_compare(&m.path, v, &m.version).is_ge() => {}
                _ => {
                    selected_root.insert(m.path.to_string(), m.version.to_string());
                }
            }
        }
    } else {
        for m in orig_graph.build_list().into_iter().skip(s.mains.len()) {
            selected_root.insert(m.path.to_string(), m.version.to_string());
        }
    }
    for r in try_upgrade {
        if let Some(v) = selected_root.get(r.path.as_str()) {
            if mod_compare(&r.path, v, &r.version).is_ge() {
                continue;
            }
        }
        selected_root.insert(r.path.to_string(), r.version.to_string());
    }
    let mut conflicts: Vec<Conflict> = Vec::new();
    let mut must_select_version: HashMap<String, String> = HashMap::new();
    for r in must_select {
        if let Some(v) = must_select_version.get(r.path.as_str()) {
            if *v != r.version {
                let prev = ModuleVersion::new(r.path.clone(), v.clone());
                if mod_compare(&r.path, v, &r.version).is_gt() {
                    conflicts.push(Conflict {
                        path: vec![prev],
                        constraint: Some(r.clone()),
                        err: None,
                    });
                } else {
                    conflicts.push(Conflict {
                        path: vec![r.clone()],
                        constraint: Some(prev),
                        err: None,
                    });
                }
                continue;
            }
        }
        must_select_version.insert(r.path.to_string(), r.version.to_string());
        selected_root.insert(r.path.to_string(), r.version.to_string());
    }

    let mut roots: Vec<ModuleVersion> = Vec::new();
    let mut roots_dirty = true;
    let mut rejected_root: HashSet<ModuleVersion> = HashSet::new();
    while roots_dirty && conflicts.is_empty() {
        roots = selected_root
            .iter()
            .filter(|(_, v)| v.as_str() != mvs::NONE)
            .map(|(p, v)| ModuleVersion::new(p.as_str(), v.as_str()))
            .collect();
        mod_sort(&mut roots);
        let (mg, upgraded) = extend_graph(s, root_pruning, &roots, &selected_root);
        if let Some(f) = s.take_fatal() {
            return EditOutcome::Error(f.lines.join("\n").trim_start_matches("go: ").to_string());
        }
        // A TooNewError in the graph is returned at once (editRequirements),
        // and go get stops with it (toolchain.SwitchOrFatal).
        if let Some(e) = &mg.error {
            if e.err().is_too_new() {
                return EditOutcome::Error(e.to_string());
            }
        }
        let find_pruning = |m: &ModuleVersion| -> P {
            if root_pruning == Pruning::Pruned {
                if let Some(Ok(sum)) = mg.summaries.get(m) {
                    if sum.pruning == Pruning::Unpruned {
                        return P::Unpruned;
                    }
                }
            }
            to_p(root_pruning)
        };
        let mut t = Tracker::default();
        for m in roots.iter().chain(upgraded.iter()) {
            let p = find_pruning(m);
            t.extended_root_pruning.insert(m.clone(), p);
        }
        let msv = &must_select_version;
        let mut order: Vec<ModuleVersion> = Vec::new();
        mg.graph.walk_breadth_first(|m| order.push(m.clone()));
        for m in &order {
            if let Some(max) = msv.get(m.path.as_str()) {
                if mod_compare(&m.path, &m.version, max).is_gt() {
                    t.disqualify(m, P::Pruned, Dq::Dep(m.clone()));
                    continue;
                }
            }
            let summary = mg.summaries.get(m);
            if let Some(Err(e)) = summary {
                t.disqualify(m, P::Pruned, Dq::Err(e.clone()));
                continue;
            }
            let Some(reqs) = mg.graph.required_by(m) else {
                continue;
            };
            if summary.is_none() {
                continue;
            }
            let reqs: Vec<ModuleVersion> = reqs.cloned().collect();
            let mut bad = None;
            for r in &reqs {
                if let Some(max) = msv.get(r.path.as_str()) {
                    if mod_compare(&r.path, &r.version, max).is_gt() {
                        bad = Some(r.clone());
                        break;
                    }
                }
            }
            if let Some(r) = bad {
                t.disqualify(m, P::Pruned, Dq::Dep(r));
                continue;
            }
            for r in &reqs {
                if !t.require(m, r) {
                    break;
                }
            }
        }

        roots_dirty = false;
        for m in roots.clone() {
            let erp = t
                .extended_root_pruning
                .get(&m)
                .copied()
                .unwrap_or(P::Pruned);
            let (path, err) = t.path(&m, erp);
            if path.is_empty() && err.is_none() {
                continue;
            }
            let mut conflict = Conflict {
                path: path.clone(),
                constraint: None,
                err: err.clone(),
            };
            if err.is_none() {
                let Some(last) = path.last() else { continue };
                let Some(must_v) = msv.get(last.path.as_str()) else {
                    return EditOutcome::Error(
                        "internal error: found a version conflict, but no constraint it violates"
                            .to_string(),
                    );
                };
                conflict.constraint = Some(ModuleVersion::new(last.path.clone(), must_v.clone()));
            }
            if msv.get(m.path.as_str()).is_some_and(|v| *v == m.version) {
                conflicts.push(conflict);
                continue;
            }
            let v = mg.selected(&m.path);
            if v != m.version {
                let u = ModuleVersion::new(m.path.clone(), v);
                // Go looks up the pruning of the root m (always expanded),
                // and checks u with it.
                let Some(&up) = t.extended_root_pruning.get(&m) else {
                    return EditOutcome::Error(format!(
                        "internal error: selected version of root {m} is {u}, but it was not expanded as a new root"
                    ));
                };
                if !t.check(&u, up).bad() && !rejected_root.contains(&u) {
                    continue;
                }
            }
            let orig_v = orig_graph.selected(&m.path);
            if conflict.err.is_some() && orig_v == m.version {
                conflicts.push(conflict);
                continue;
            }
            rejected_root.insert(m.clone());
            let mut prev = m.clone();
            loop {
                let res = previous_version(s, q, &prev);
                let above_orig = mod_compare(&m.path, &m.version, &orig_v).is_gt();
                match res {
                    Ok(p) => {
                        prev = p;
                        if above_orig && mod_compare(&m.path, &prev.version, &orig_v).is_lt() {
                            prev.version = orig_v.clone().into();
                        }
                    }
                    Err(e) => {
                        if above_orig {
                            prev.version = orig_v.clone().into();
                        } else {
                            return EditOutcome::Error(e);
                        }
                    }
                }
                if rejected_root.contains(&prev) {
                    continue;
                }
                let mut pruning = to_p(root_pruning);
                if pruning == P::Pruned {
                    if let Some(Ok(sum)) = mg.summaries.get(&m) {
                        pruning = to_p(sum.pruning);
                    }
                }
                if t.check(&prev, pruning).bad() {
                    rejected_root.insert(prev.clone());
                    continue;
                }
                break;
            }
            selected_root.insert(m.path.to_string(), prev.version.to_string());
            roots_dirty = true;
            if conflict.err.is_some() {
                let action = if prev.version == mvs::NONE {
                    format!("removing {m}")
                } else if prev.version == orig_v {
                    format!("restoring {prev}")
                } else {
                    format!("trying {prev}")
                };
                stderr.push(format!("go: {}\n\t{action}", conflict.summary()));
            }
        }
        if roots_dirty {
            continue;
        }
        let mut paths: Vec<String> = selected_root.keys().cloned().collect();
        paths.sort();
        for p in paths {
            if msv.contains_key(&p) {
                continue;
            }
            let actual = mg.selected(&p);
            if selected_root.get(&p).is_some_and(|v| *v != actual) {
                selected_root.insert(p, actual);
                roots_dirty = true;
            }
        }
    }
    if !conflicts.is_empty() {
        return EditOutcome::Conflicts(conflicts);
    }
    if root_pruning == Pruning::Unpruned {
        let mut root_paths: Vec<String> = Vec::new();
        for m in must_select {
            if m.version != mvs::NONE && !s.is_main(&m.path) {
                root_paths.push(m.path.to_string());
            }
        }
        for m in &roots {
            let rv = if s.is_main(&m.path) {
                Some(String::new())
            } else {
                rs.root_version(&m.path).map(str::to_string)
            };
            if let Some(v) = rv {
                if v == m.version || rs.direct.contains(m.path.as_str()) {
                    root_paths.push(m.path.to_string());
                }
            }
        }
        let Some(main) = s.mains.first() else {
            return EditOutcome::Error("internal error: no main module".to_string());
        };
        let reqs = crate::loader::roots_reqs(s, main.module.clone(), roots.clone());
        match mvs::req(&main.module, &root_paths, &reqs) {
            Ok(r) => roots = r,
            Err(e) => return EditOutcome::Error(e.to_string()),
        }
    }
    let changed = root_pruning != rs.pruning || roots != rs.roots;
    if !changed {
        return EditOutcome::Edited {
            rs: rs.clone(),
            changed: false,
        };
    }
    let direct: BTreeSet<String> = roots
        .iter()
        .filter(|m| rs.direct.contains(m.path.as_str()))
        .map(|m| m.path.to_string())
        .collect();
    let mut edited = Requirements::new(root_pruning, roots, direct);
    // convertPruning(pruned) when the edit raised an unpruned module's go
    // line to 1.17 or higher: every module of the unpruned build list becomes
    // a root.
    if root_pruning == Pruning::Unpruned
        && edited.root_version("go").is_some_and(|v| {
            gomvs_modfile::gover::compare(v, gomvs_modfile::gover::EXPLICIT_INDIRECT_VERSION)
                .is_ge()
        })
    {
        let mg = s.read_mod_graph(Pruning::Unpruned, &edited.roots, &HashSet::new());
        if let Some(e) = &mg.error {
            return EditOutcome::Error(e.to_string());
        }
        let roots: Vec<ModuleVersion> = mg.build_list().into_iter().skip(s.mains.len()).collect();
        edited = Requirements::new(Pruning::Pruned, roots, edited.direct.clone());
    }
    EditOutcome::Edited {
        rs: edited,
        changed: true,
    }
}
