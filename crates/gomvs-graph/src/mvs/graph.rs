//! The incremental requirement graph of `cmd/go/internal/mvs/graph.go`: the
//! caller pushes each module's requirements ([`Graph::require`]) and the graph
//! keeps, per module path, the greatest version any edge or root names.
//!
//! Storage is a [`petgraph::Graph`] whose node weights are the
//! [`ModuleVersion`]s and whose edge weights are the position of the
//! requirement in its module's list. Because [`Graph::require`] adds all edges
//! of a module at once, the edges of one module occupy a contiguous range of
//! edge indices in requirement order (petgraph's own `edges(n)` walks them
//! newest first; [`Graph::required_by`] walks them in order).

use super::error::RequireError;
use super::order::{GoVersionOrder, VersionOrder};
use crate::collections::{FastMap, FastSet};
use gomvs_modfile::{ModuleVersion, SmolStr};
use petgraph::graph::{Edge, EdgeIndex, NodeIndex};
use petgraph::Directed;
use std::borrow::Borrow;
use std::cmp::Ordering;
use std::collections::{HashMap, VecDeque};
use std::ops::Range;

/// The special version meaning "no version" (`mvs` and `module.Version` docs).
pub const NONE: &str = "none";

/// The index type of [`RequirementGraph`]: 32 bits keep nodes and edges
/// small (a 100k-module graph has over a million edges); a graph that would
/// outgrow it is refused with [`RequireError::TooLarge`], never a panic.
pub type GraphIx = u32;

/// A node of the [`RequirementGraph`].
pub type NodeId = NodeIndex<GraphIx>;

/// An edge of the [`RequirementGraph`].
pub type EdgeId = EdgeIndex<GraphIx>;

/// The petgraph storage of a [`Graph`]: node weight = module version, edge
/// weight = position of the requirement in the requiring module's list.
pub type RequirementGraph = petgraph::Graph<ModuleVersion, u32, Directed, GraphIx>;

/// Per-node bookkeeping, indexed like the petgraph nodes.
#[derive(Debug, Clone, PartialEq, Eq)]
struct NodeState {
    /// Go's `isRoot[m]`: true for roots, false for reachable non-roots.
    is_root: bool,
    /// The edge index range set by `require`, `None` until then (Go's
    /// `required[m]` presence).
    edges: Option<Range<u32>>,
}

impl NodeState {
    fn edge_range(&self) -> Option<Range<usize>> {
        let r = self.edges.as_ref()?;
        Some(r.start as usize..r.end as usize)
    }
}

/// The incremental MVS graph (`mvs.Graph`).
///
/// Every module version that is a root or the target of an edge is a node
/// (including versions whose requirements were never given, and `"none"`
/// versions); `selected` maps each path to the greatest version under the
/// graph's [`VersionOrder`], which must be a total preorder (as MVS needs):
/// since a selection only ever grows, a module version is compared with the
/// selection once, when it first enters the graph, which gives the same
/// selection as Go's comparing it on every requirement.
///
/// Each module version is stored once, as its petgraph node weight. Nodes
/// are found by path first (a hash table with one entry per path, small
/// enough to stay in cache on large graphs), then among that path's few
/// versions; the path's entry also holds its selection.
#[derive(Debug, Clone)]
pub struct Graph<O = GoVersionOrder> {
    order: O,
    roots: Vec<ModuleVersion>,
    graph: RequirementGraph,
    /// Per node (by [`NodeId::index`]).
    states: Vec<NodeState>,
    /// Path → index in `paths`.
    path_index: FastMap<SmolStr, usize>,
    /// Every path in the graph, in order of first appearance.
    paths: Vec<PathNodes>,
}

/// The nodes of one module path.
#[derive(Debug, Clone)]
struct PathNodes {
    path: SmolStr,
    /// The selected node; `None` while no version of the path compares
    /// above `"none"`.
    selected: Option<NodeId>,
    versions: VersionNodes,
}

/// Version → node for one path: a short list scanned in place, or a hash
/// map once the path has many versions (so no input makes lookups slow).
///
/// The list holds a 32-bit fingerprint of each version beside its node, not
/// the version itself (which the node's weight already holds): a lookup
/// compares integers in one or two cache lines and reads a node's version
/// only to confirm a matching fingerprint.
#[derive(Debug, Clone)]
enum VersionNodes {
    Few(Vec<(u32, NodeId)>),
    Many(FastMap<SmolStr, NodeId>),
}

/// The number of versions of one path kept in a list.
const FEW_VERSIONS: usize = 12;

/// The fingerprint of a version in [`VersionNodes::Few`] (a fixed-seed
/// hash: equal versions have equal fingerprints; a collision only costs
/// one more comparison).
fn fingerprint(version: &str) -> u32 {
    use std::hash::BuildHasher;
    // Truncation keeps the low bits, which foldhash mixes fully.
    foldhash::fast::FixedState::with_seed(0x9e37_79b9).hash_one(version) as u32
}

impl VersionNodes {
    fn get(&self, version: &str, graph: &RequirementGraph) -> Option<NodeId> {
        match self {
            VersionNodes::Few(list) => {
                let fp = fingerprint(version);
                list.iter().find_map(|&(f, id)| {
                    (f == fp && graph.node_weight(id).is_some_and(|m| m.version == version))
                        .then_some(id)
                })
            }
            VersionNodes::Many(map) => map.get(version).copied(),
        }
    }

    fn insert(&mut self, version: &SmolStr, id: NodeId, graph: &RequirementGraph) {
        match self {
            VersionNodes::Few(list) if list.len() < FEW_VERSIONS => {
                list.push((fingerprint(version), id))
            }
            VersionNodes::Few(list) => {
                let mut map: FastMap<SmolStr, NodeId> = list
                    .drain(..)
                    .filter_map(|(_, id)| Some((graph.node_weight(id)?.version.clone(), id)))
                    .collect();
                map.insert(version.clone(), id);
                *self = VersionNodes::Many(map);
            }
            VersionNodes::Many(map) => {
                map.insert(version.clone(), id);
            }
        }
    }
}

/// The parts of a finished [`Graph`], for building an immutable view.
#[derive(Debug, Clone)]
pub struct GraphParts {
    /// The roots, in the order given to [`Graph::new`] (duplicates kept).
    pub roots: Vec<ModuleVersion>,
    /// The petgraph storage (see [`RequirementGraph`]).
    pub graph: RequirementGraph,
    /// Per node (indexed by [`NodeId::index`]): whether it is a root, and the
    /// range of edge indices holding its requirements in order (`None` if
    /// its requirements were never set).
    pub nodes: Vec<NodeParts>,
    /// The selected node of every path that has a selected version.
    pub selected: HashMap<SmolStr, NodeId>,
}

/// One node's bookkeeping in [`GraphParts`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeParts {
    /// Whether the module version is one of the roots.
    pub is_root: bool,
    /// Edge indices of its requirements, in requirement order; `None` if
    /// [`Graph::require`] was never called for it.
    pub requirements: Option<Range<usize>>,
}

/// The requirements of one module, in the order given to [`Graph::require`].
#[derive(Debug, Clone)]
pub struct Requirements<'g> {
    graph: &'g RequirementGraph,
    edges: std::slice::Iter<'g, Edge<u32, GraphIx>>,
}

impl<'g> Requirements<'g> {
    /// The same requirements as node ids.
    pub fn node_ids(self) -> impl ExactSizeIterator<Item = NodeId> + 'g {
        self.edges.map(Edge::target)
    }
}

impl<'g> Iterator for Requirements<'g> {
    type Item = &'g ModuleVersion;

    fn next(&mut self) -> Option<Self::Item> {
        let edge = self.edges.next()?;
        self.graph.node_weight(edge.target())
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.edges.size_hint()
    }
}

impl ExactSizeIterator for Requirements<'_> {}

impl Graph<GoVersionOrder> {
    /// A graph with the Go command's version order ([`GoVersionOrder`]).
    pub fn with_go_order(roots: Vec<ModuleVersion>) -> Self {
        Graph::new(GoVersionOrder, roots)
    }
}

impl<O: VersionOrder> Graph<O> {
    /// `mvs.NewGraph`: a graph containing only `roots` (in order, duplicates
    /// allowed), ordered by `order`.
    pub fn new(order: O, roots: Vec<ModuleVersion>) -> Self {
        let mut g = Graph {
            order,
            roots: Vec::new(),
            graph: RequirementGraph::with_capacity(roots.len(), 0),
            states: Vec::with_capacity(roots.len()),
            path_index: FastMap::default(),
            paths: Vec::new(),
        };
        for m in &roots {
            // Only a graph of more than 2^32 nodes could refuse a root.
            if let Ok(id) = g.intern(m) {
                if let Some(state) = g.states.get_mut(id.index()) {
                    state.is_root = true;
                }
            }
        }
        g.roots = roots;
        g
    }

    /// `(*Graph).Require`: records that `m` requires `reqs` (in order,
    /// duplicates and `"none"` versions kept) and updates the selection with
    /// every one of them.
    ///
    /// `m` must already be in the graph (a root or a requirement of some
    /// node), and its requirements must not have been set before; otherwise
    /// the graph is unchanged and the error carries the text of Go's panic.
    pub fn require<I>(&mut self, m: &ModuleVersion, reqs: I) -> Result<(), RequireError>
    where
        I: IntoIterator,
        I::Item: Borrow<ModuleVersion>,
    {
        let Some(from) = self.node_id(m) else {
            return Err(RequireError::NotReachable(m.clone()));
        };
        if self
            .states
            .get(from.index())
            .is_some_and(|s| s.edges.is_some())
        {
            return Err(RequireError::AlreadySet(m.clone()));
        }
        let reqs = reqs.into_iter();
        self.graph.reserve_edges(reqs.size_hint().0);
        let start = self.graph.edge_count();
        let mut position: u32 = 0;
        for dep in reqs {
            let to = self.intern(dep.borrow())?;
            self.graph
                .try_add_edge(from, to, position)
                .map_err(|_| RequireError::TooLarge)?;
            position = position.saturating_add(1);
        }
        let end = self.graph.edge_count();
        let (Ok(start), Ok(end)) = (u32::try_from(start), u32::try_from(end)) else {
            return Err(RequireError::TooLarge);
        };
        if let Some(state) = self.states.get_mut(from.index()) {
            state.edges = Some(start..end);
        }
        Ok(())
    }

    /// Reserves room for `paths` more module paths, `nodes` more module
    /// versions and `edges` more requirements. Reserved but unused room
    /// costs address space only (the operating system provides memory when
    /// it is first written), so a generous estimate avoids copying the
    /// storage as it grows.
    pub fn reserve(&mut self, paths: usize, nodes: usize, edges: usize) {
        self.path_index.reserve(paths);
        self.paths.reserve(paths);
        self.graph.reserve_nodes(nodes);
        self.graph.reserve_edges(edges);
        self.states.reserve(nodes);
    }

    /// `(*Graph).RequiredBy`: the requirements given to [`Graph::require`]
    /// for `m`, in order; `None` if they were never set.
    pub fn required_by(&self, m: &ModuleVersion) -> Option<Requirements<'_>> {
        self.required_by_id(self.node_id(m)?)
    }

    /// [`Graph::required_by`] by node id.
    pub fn required_by_id(&self, id: NodeId) -> Option<Requirements<'_>> {
        let range = self.states.get(id.index())?.edge_range()?;
        let edges = self.graph.raw_edges().get(range)?.iter();
        Some(Requirements {
            graph: &self.graph,
            edges,
        })
    }

    /// `(*Graph).Selected`: the selected version of `path`, or `"none"`.
    pub fn selected(&self, path: &str) -> &str {
        self.selected_module(path)
            .map_or(NONE, |m| m.version.as_str())
    }

    /// The selected module version of `path`, if any.
    pub fn selected_module(&self, path: &str) -> Option<&ModuleVersion> {
        self.module(self.selected_id(path)?)
    }

    /// The node of the selected version of `path`, if any.
    pub fn selected_id(&self, path: &str) -> Option<NodeId> {
        let slot = *self.path_index.get(path)?;
        self.paths.get(slot)?.selected
    }

    /// Every path with a selected version and its selected node (in the
    /// order the paths entered the graph).
    pub fn selections(&self) -> impl Iterator<Item = (&str, NodeId)> + '_ {
        self.paths
            .iter()
            .filter_map(|p| Some((p.path.as_str(), p.selected?)))
    }

    /// `(*Graph).BuildList`: the selected version of each root path (in root
    /// order, repeated paths and `"none"` skipped), then every other selected
    /// version sorted by path.
    pub fn build_list(&self) -> Vec<ModuleVersion> {
        let mut seen_root: FastSet<&str> = FastSet::default();
        seen_root.reserve(self.roots.len());
        let mut list = Vec::with_capacity(self.paths.len());
        for r in &self.roots {
            if !seen_root.insert(r.path.as_str()) {
                continue;
            }
            if let Some(m) = self.selected_module(&r.path) {
                list.push(m.clone());
            }
        }
        let unique_roots = list.len();
        for (path, id) in self.selections() {
            if !seen_root.contains(path) {
                if let Some(m) = self.module(id) {
                    list.push(m.clone());
                }
            }
        }
        // gover.ModSort; these paths are all distinct, so only the path
        // (byte order) decides.
        if let Some(rest) = list.get_mut(unique_roots..) {
            rest.sort_unstable_by(|a, b| a.path.cmp(&b.path));
        }
        list
    }

    /// `(*Graph).WalkBreadthFirst`: calls `f` once per module version other
    /// than `"none"` reachable from the roots (selected or not), breadth
    /// first; a root listed twice is visited twice, as in Go.
    pub fn walk_breadth_first(&self, mut f: impl FnMut(&ModuleVersion)) {
        self.walk_breadth_first_ids(|id| {
            if let Some(m) = self.module(id) {
                f(m)
            }
        })
    }

    /// [`Graph::walk_breadth_first`] over node ids.
    pub fn walk_breadth_first_ids(&self, mut f: impl FnMut(NodeId)) {
        let mut queue = VecDeque::new();
        let mut enqueued = vec![false; self.states.len()];
        for r in &self.roots {
            if r.version != NONE {
                if let Some(id) = self.node_id(r) {
                    queue.push_back(id);
                    set(&mut enqueued, id);
                }
            }
        }
        while let Some(id) = queue.pop_front() {
            f(id);
            let Some(reqs) = self.required_by_id(id) else {
                continue;
            };
            for r in reqs.node_ids() {
                let none = self.module(r).is_none_or(|m| m.version == NONE);
                if !is_set(&enqueued, r) && !none {
                    queue.push_back(r);
                    set(&mut enqueued, r);
                }
            }
        }
    }

    /// `(*Graph).FindPath`: a shortest requirement path from a root to the
    /// first module version (in breadth-first order) for which `f` is true;
    /// empty if there is none (Go's nil).
    pub fn find_path(&self, mut f: impl FnMut(&ModuleVersion) -> bool) -> Vec<ModuleVersion> {
        self.find_path_ids(|id| self.module(id).is_some_and(&mut f))
            .into_iter()
            .filter_map(|id| self.module(id).cloned())
            .collect()
    }

    /// [`Graph::find_path`] over node ids.
    pub fn find_path_ids(&self, mut f: impl FnMut(NodeId) -> bool) -> Vec<NodeId> {
        #[derive(Clone, Copy)]
        enum FirstRequiredBy {
            Unseen,
            Root,
            Node(NodeId),
        }
        let mut first = vec![FirstRequiredBy::Unseen; self.states.len()];
        let mut queue: VecDeque<NodeId> =
            self.roots.iter().filter_map(|r| self.node_id(r)).collect();
        for id in &queue {
            if let Some(slot) = first.get_mut(id.index()) {
                *slot = FirstRequiredBy::Root;
            }
        }
        while let Some(id) = queue.pop_front() {
            if f(id) {
                let mut path = vec![id];
                let mut at = id;
                while let Some(FirstRequiredBy::Node(prev)) = first.get(at.index()).copied() {
                    path.push(prev);
                    at = prev;
                }
                path.reverse();
                return path;
            }
            let Some(reqs) = self.required_by_id(id) else {
                continue;
            };
            for r in reqs.node_ids() {
                if let Some(slot @ FirstRequiredBy::Unseen) = first.get_mut(r.index()) {
                    *slot = FirstRequiredBy::Node(id);
                    queue.push_back(r);
                }
            }
        }
        Vec::new()
    }

    /// The roots, as given to [`Graph::new`].
    pub fn roots(&self) -> &[ModuleVersion] {
        &self.roots
    }

    /// The node of `m`, if `m` is in the graph (a root or a requirement).
    pub fn node_id(&self, m: &ModuleVersion) -> Option<NodeId> {
        let slot = *self.path_index.get(m.path.as_str())?;
        self.paths.get(slot)?.versions.get(&m.version, &self.graph)
    }

    /// The module version of a node.
    pub fn module(&self, id: NodeId) -> Option<&ModuleVersion> {
        self.graph.node_weight(id)
    }

    /// Whether `m` is in the graph (Go's `isRoot` has a key for it).
    pub fn contains(&self, m: &ModuleVersion) -> bool {
        self.node_id(m).is_some()
    }

    /// Whether `m` is one of the roots.
    pub fn is_root(&self, m: &ModuleVersion) -> bool {
        self.state(m).is_some_and(|s| s.is_root)
    }

    /// Whether [`Graph::require`] has been called for `m`.
    pub fn has_requirements(&self, m: &ModuleVersion) -> bool {
        self.state(m).is_some_and(|s| s.edges.is_some())
    }

    /// Every module version in the graph, in node order (first appearance).
    pub fn modules(&self) -> impl ExactSizeIterator<Item = &ModuleVersion> + '_ {
        self.graph.raw_nodes().iter().map(|n| &n.weight)
    }

    /// The number of module versions in the graph.
    pub fn len(&self) -> usize {
        self.states.len()
    }

    /// Whether the graph has no module versions (no roots were given).
    pub fn is_empty(&self) -> bool {
        self.states.is_empty()
    }

    /// The underlying petgraph (see [`RequirementGraph`]).
    pub fn petgraph(&self) -> &RequirementGraph {
        &self.graph
    }

    /// The version order.
    pub fn order(&self) -> &O {
        &self.order
    }

    /// Takes the graph apart for an immutable wrapper.
    pub fn into_parts(self) -> GraphParts {
        GraphParts {
            roots: self.roots,
            graph: self.graph,
            nodes: self
                .states
                .into_iter()
                .map(|s| NodeParts {
                    is_root: s.is_root,
                    requirements: s.edge_range(),
                })
                .collect(),
            selected: self
                .paths
                .into_iter()
                .filter_map(|p| Some((p.path, p.selected?)))
                .collect(),
        }
    }

    fn state(&self, m: &ModuleVersion) -> Option<&NodeState> {
        self.states.get(self.node_id(m)?.index())
    }

    /// The node of `m`, added (as a non-root) if new. A new node is compared
    /// with its path's selection (`"none"` if the path is new) and selected
    /// if greater; a known node needs no comparison, because it was compared
    /// when it was added and selections only grow.
    fn intern(&mut self, m: &ModuleVersion) -> Result<NodeId, RequireError> {
        let slot = match self.path_index.get(m.path.as_str()) {
            Some(&slot) => slot,
            None => {
                let slot = self.paths.len();
                self.path_index.insert(m.path.clone(), slot);
                self.paths.push(PathNodes {
                    path: m.path.clone(),
                    selected: None,
                    versions: VersionNodes::Few(Vec::new()),
                });
                slot
            }
        };
        let entry = self.paths.get(slot);
        if let Some(id) = entry.and_then(|e| e.versions.get(&m.version, &self.graph)) {
            return Ok(id);
        }
        let current = entry
            .and_then(|e| e.selected)
            .and_then(|sel| self.graph.node_weight(sel))
            .map_or(NONE, |sel| sel.version.as_str());

        let greater = self.order.compare(&m.path, current, &m.version) == Ordering::Less;
        let id = self
            .graph
            .try_add_node(m.clone())
            .map_err(|_| RequireError::TooLarge)?;
        self.states.push(NodeState {
            is_root: false,
            edges: None,
        });
        if let Some(entry) = self.paths.get_mut(slot) {
            entry.versions.insert(&m.version, id, &self.graph);
            if greater {
                entry.selected = Some(id);
            }
        }
        Ok(id)
    }
}

fn set(bits: &mut [bool], id: NodeId) {
    if let Some(b) = bits.get_mut(id.index()) {
        *b = true;
    }
}

fn is_set(bits: &[bool], id: NodeId) -> bool {
    bits.get(id.index()).copied().unwrap_or(false)
}
