//! Walking the requirement graph from the roots (`readModGraph`), with
//! pruning and the workspace upgrade loop.

use super::*;

/// A loaded module graph (`modload.ModuleGraph`) with the provenance of every node.
pub struct ModuleGraph {
    /// The requirement graph.
    pub graph: mvs::Graph,
    /// The summary (or error) of every module whose go.mod was loaded.
    pub summaries: HashMap<ModuleVersion, SummaryResult>,
    /// The pruning modes each module was enqueued with.
    pub load_modes: HashMap<ModuleVersion, Vec<Pruning>>,
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

/// The state of one `readModGraph` walk: a breadth-first queue of (module,
/// pruning) pairs, each module's go.mod summarized once.
struct GraphLoad<'a> {
    session: &'a Session,
    unprune: &'a HashSet<ModuleVersion>,
    graph: mvs::Graph,
    summaries: HashMap<ModuleVersion, SummaryResult>,
    load_modes: HashMap<ModuleVersion, Vec<Pruning>>,
    enqueued: HashSet<(ModuleVersion, Pruning)>,
    queue: VecDeque<(ModuleVersion, Pruning)>,
    has_error: bool,
}

impl GraphLoad<'_> {
    /// `enqueue`: each (module, pruning) pair is loaded once; `none` never.
    pub(super) fn enqueue(&mut self, m: &ModuleVersion, p: Pruning) {
        if m.version == mvs::NONE {
            return;
        }
        if self.enqueued.insert((m.clone(), p)) {
            self.queue.push_back((m.clone(), p));
        }
    }

    /// Loads queued modules until the queue is empty, following
    /// requirements as the pruning of each go.mod allows.
    pub(super) fn drain(&mut self) {
        while let Some((m, p)) = self.queue.pop_front() {
            self.load_modes.entry(m.clone()).or_default().push(p);
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
            let Ok(summary) = summary else { continue };
            let next = if p == Pruning::Unpruned {
                Pruning::Unpruned
            } else {
                summary.pruning
            };
            for r in &summary.require {
                if p != Pruning::Pruned
                    || summary.pruning == Pruning::Unpruned
                    || self.unprune.contains(r)
                {
                    self.enqueue(r, next);
                }
            }
        }
    }

    /// The workspace upgrade loop of `readModGraph`: when a dependency of a
    /// main module (or of a module upgraded this way) is selected above the
    /// required version, the selected version's go.mod is loaded too.
    pub(super) fn workspace_upgrades(&mut self, roots: &[ModuleVersion]) {
        let mut has_deps: Vec<String> = Vec::new();
        let mut has_deps_set: HashSet<String> = HashSet::new();
        for m in roots {
            if has_deps_set.insert(m.path.to_string()) {
                has_deps.push(m.path.to_string());
            }
        }
        let mut seen: HashSet<ModuleVersion> = HashSet::new();
        loop {
            let mut need: Vec<ModuleVersion> = Vec::new();
            let mut need_set: HashSet<ModuleVersion> = HashSet::new();
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
                if has_deps_set.insert(m.path.to_string()) {
                    has_deps.push(m.path.to_string());
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
            summaries: HashMap::new(),
            load_modes: HashMap::new(),
            enqueued: HashSet::new(),
            queue: VecDeque::new(),
            has_error: false,
        };
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
