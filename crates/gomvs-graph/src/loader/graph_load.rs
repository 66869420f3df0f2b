//! Walking the requirement graph from the roots (`readModGraph`), with
//! pruning and the workspace upgrade loop.

use super::*;
use crate::collections::{FastMap, FastSet};
use crate::mvs::NodeId;

/// A loaded module graph (`modload.ModuleGraph`) with the provenance of every node.
pub struct ModuleGraph {
    /// The requirement graph.
    pub graph: mvs::Graph,
    /// The summary (or error) of every module whose go.mod was loaded.
    pub summaries: FastMap<ModuleVersion, SummaryResult>,
    /// The pruning modes each module was loaded with, in order.
    pub load_modes: FastMap<ModuleVersion, LoadModes>,
    /// The first load error found from the roots, if any.
    pub error: Option<GraphError>,
}

impl ModuleGraph {
    /// The selected version of `path` (`none` if absent).
    pub fn selected(&self, path: &str) -> String {
        self.graph.selected(path).to_string()
    }

    /// The build list: main module(s) first, then by path.
    pub fn build_list(&self) -> Vec<ModuleVersion> {
        self.graph.build_list()
    }
}

/// The pruning modes one module's go.mod was loaded with, in the order the
/// loads happened (each mode at most once).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LoadModes {
    modes: [Option<Pruning>; 3],
}

impl LoadModes {
    fn push(&mut self, p: Pruning) {
        if let Some(slot) = self.modes.iter_mut().find(|m| m.is_none_or(|m| m == p)) {
            *slot = Some(p);
        }
    }

    /// The modes, in load order.
    pub fn iter(&self) -> impl Iterator<Item = Pruning> + '_ {
        self.modes.iter().map_while(|m| *m)
    }

    /// Whether the go.mod was loaded with mode `p`.
    pub fn contains(&self, p: Pruning) -> bool {
        self.iter().any(|m| m == p)
    }
}

/// The bit of a pruning mode in [`GraphLoad::enqueued`].
fn mode_bit(p: Pruning) -> u8 {
    match p {
        Pruning::Pruned => 1,
        Pruning::Unpruned => 2,
        Pruning::Workspace => 4,
    }
}

/// The state of one `readModGraph` walk: a breadth-first queue of (module,
/// pruning) pairs, each module's go.mod summarized once.
struct GraphLoad<'a> {
    session: &'a Session,
    unprune: &'a HashSet<ModuleVersion>,
    graph: mvs::Graph,
    summaries: FastMap<ModuleVersion, SummaryResult>,
    load_modes: FastMap<ModuleVersion, LoadModes>,
    /// Per graph node, the [`mode_bit`]s it was enqueued with.
    enqueued: Vec<u8>,
    queue: VecDeque<(NodeId, Pruning)>,
    /// A reused buffer of requirement targets.
    scratch: Vec<NodeId>,
    has_error: bool,
}

impl GraphLoad<'_> {
    /// `enqueue`: each (module, pruning) pair is loaded once; `none` never.
    /// Every enqueued module is a graph node (a root, a requirement of a
    /// loaded module, or a selected version).
    pub(super) fn enqueue(&mut self, m: &ModuleVersion, p: Pruning) {
        if m.version == mvs::NONE {
            return;
        }
        let Some(id) = self.graph.node_id(m) else {
            return;
        };
        self.enqueue_node(id, p);
    }

    fn enqueue_node(&mut self, id: NodeId, p: Pruning) {
        if self.enqueued.len() <= id.index() {
            self.enqueued
                .resize(self.graph.len().max(id.index() + 1), 0);
        }
        if let Some(bits) = self.enqueued.get_mut(id.index()) {
            if *bits & mode_bit(p) == 0 {
                *bits |= mode_bit(p);
                self.queue.push_back((id, p));
            }
        }
    }

    /// Loads queued modules until the queue is empty, following
    /// requirements as the pruning of each go.mod allows.
    pub(super) fn drain(&mut self) {
        // Modules left to dequeue before the queue holds the next
        // breadth-first level, whose go.mod files are then fetched and
        // parsed in parallel ahead of their use.
        let mut level_left = 0usize;
        loop {
            if level_left == 0 {
                level_left = self.queue.len();
                self.prefetch_queue();
            }
            let Some((id, p)) = self.queue.pop_front() else {
                break;
            };
            level_left = level_left.saturating_sub(1);
            let Some(m) = self.graph.module(id).cloned() else {
                continue;
            };
            let summary = match self.summaries.get(&m) {
                Some(s) => s.clone(),
                None => {
                    let s = self.session.summary(&m);
                    match &s {
                        // `m` is reachable (it was enqueued from a root) and
                        // its requirements are set once (the summaries map).
                        Ok(sum) => {
                            let _ = self.graph.require(&m, sum.require.iter());
                        }
                        Err(_) => self.has_error = true,
                    }
                    self.summaries.insert(m.clone(), s.clone());
                    s
                }
            };
            self.load_modes.entry(m).or_default().push(p);
            let Ok(summary) = summary else { continue };
            let next = if p == Pruning::Unpruned {
                Pruning::Unpruned
            } else {
                summary.pruning
            };
            let follow_all = p != Pruning::Pruned || summary.pruning == Pruning::Unpruned;
            if !follow_all && self.unprune.is_empty() {
                continue;
            }
            // The requirement edges of `m` were added from this summary, in
            // order; their targets are the nodes to enqueue.
            let mut targets = std::mem::take(&mut self.scratch);
            targets.clear();
            if let Some(reqs) = self.graph.required_by_id(id) {
                targets.extend(reqs.node_ids());
            }
            if targets.len() == summary.require.len() {
                for (r, &target) in summary.require.iter().zip(&targets) {
                    if r.version != mvs::NONE && (follow_all || self.unprune.contains(r)) {
                        self.enqueue_node(target, next);
                    }
                }
            } else {
                for r in &summary.require {
                    if follow_all || self.unprune.contains(r) {
                        self.enqueue(r, next);
                    }
                }
            }
            self.scratch = targets;
        }
    }

    /// Prefetches the summaries of the queued modules not loaded yet
    /// ([`Session::prefetch_raw_summaries`]: output and side effects are
    /// unchanged), when there are enough of them to be worth threads.
    fn prefetch_queue(&self) {
        if !self.session.config.parallel || self.queue.len() < PREFETCH_MIN_BATCH {
            return;
        }
        let batch: Vec<ModuleVersion> = self
            .queue
            .iter()
            .filter_map(|(id, _)| self.graph.module(*id))
            .filter(|m| !self.summaries.contains_key(*m))
            .cloned()
            .collect();
        self.session.prefetch_raw_summaries(&batch);
    }

    /// The workspace upgrade loop of `readModGraph`: when a dependency of a
    /// main module (or of a module upgraded this way) is selected above the
    /// required version, the selected version's go.mod is loaded too.
    pub(super) fn workspace_upgrades(&mut self, roots: &[ModuleVersion]) {
        let mut has_deps: Vec<SmolStr> = Vec::new();
        let mut has_deps_set: FastSet<SmolStr> = FastSet::default();
        for m in roots {
            if has_deps_set.insert(m.path.clone()) {
                has_deps.push(m.path.clone());
            }
        }
        let mut seen: FastSet<ModuleVersion> = FastSet::default();
        loop {
            let mut need: Vec<ModuleVersion> = Vec::new();
            let mut need_set: FastSet<ModuleVersion> = FastSet::default();
            for p in &has_deps {
                let m = ModuleVersion::new(p.clone(), self.graph.selected(p).to_string());
                if !seen.contains(&m) {
                    if need_set.insert(m.clone()) {
                        need.push(m);
                    }
                    continue;
                }
                if let Some(reqs) = self.graph.required_by(&m) {
                    for r in reqs {
                        let s = ModuleVersion::new(
                            r.path.clone(),
                            self.graph.selected(&r.path).to_string(),
                        );
                        if gover::mod_compare(&r.path, &s.version, &r.version).is_gt()
                            && !seen.contains(&s)
                            && need_set.insert(s.clone())
                        {
                            need.push(s);
                        }
                    }
                }
            }
            if need.is_empty() {
                break;
            }
            for m in need {
                self.enqueue(&m, Pruning::Workspace);
                if has_deps_set.insert(m.path.clone()) {
                    has_deps.push(m.path.clone());
                }
                seen.insert(m);
            }
            self.drain();
        }
    }

    /// The loaded graph, with the first error found breadth-first from the
    /// roots (`findError`).
    pub(super) fn finish(self) -> ModuleGraph {
        let error = if self.has_error {
            let path = self
                .graph
                .find_path(|m| matches!(self.summaries.get(m), Some(Err(_))));
            match path.last().and_then(|m| self.summaries.get(m)) {
                Some(Err(e)) => Some(GraphError::new(e.clone(), &path, None)),
                _ => None,
            }
        } else {
            None
        };
        ModuleGraph {
            graph: self.graph,
            summaries: self.summaries,
            load_modes: self.load_modes,
            error,
        }
    }
}

impl Session {
    /// `readModGraph`: loads the graph below `roots` with the given pruning.
    pub fn read_mod_graph(
        &self,
        pruning: Pruning,
        roots: &[ModuleVersion],
        unprune: &HashSet<ModuleVersion>,
    ) -> ModuleGraph {
        let graph_roots = if self.in_workspace() {
            roots.to_vec()
        } else {
            self.main_versions()
        };
        let mut load = GraphLoad {
            session: self,
            unprune,
            graph: mvs::Graph::with_go_order(graph_roots),
            summaries: FastMap::default(),
            load_modes: FastMap::default(),
            enqueued: Vec::new(),
            queue: VecDeque::new(),
            scratch: Vec::new(),
            has_error: false,
        };
        // A guess of the graph's size from its roots: most loads need far
        // less, and what is not written costs no memory.
        // Every root's go.mod is loaded, so the maps keyed by loaded
        // modules start with room for them.
        load.graph.reserve(
            roots.len(),
            roots.len().saturating_mul(8),
            roots.len().saturating_mul(16),
        );
        load.summaries.reserve(roots.len());
        load.load_modes.reserve(roots.len());
        if pruning != Pruning::Workspace {
            if let Some(main) = self.mains.first() {
                // The main module is a root of the graph, so this cannot fail.
                let _ = load.graph.require(&main.module, roots.iter());
            }
        }
        for r in roots {
            load.enqueue(r, pruning);
        }
        load.drain();
        if pruning == Pruning::Workspace {
            load.workspace_upgrades(roots);
        }
        load.finish()
    }
}
