//! The effective module graph: the selected version of every module
//! reachable from the main module(s), with one edge per requirement as
//! resolved (a requirement on any version of a path points at the path's
//! selected version), the replacement of each node and whether its go.mod
//! was read. Trees in the shape of `cargo tree` are walks of it
//! ([`tree_lines`]); `--invert` walks it backwards.

use super::{is_pseudo_module, load_state, LoadState};
use crate::loader::Loaded;
use crate::mvs::{NodeId, NONE};
use gomvs_modfile::{gover, module, ModuleVersion};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};

/// A node of the effective graph: a selected module version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct EffectiveNode {
    /// The selected module version (a main module has an empty version).
    pub module: ModuleVersion,
    /// Whether it is a main module.
    pub main: bool,
    /// The replacement target, when replaced (directory: empty version).
    pub replaced_by: Option<ModuleVersion>,
    /// Whether and how its go.mod was read.
    pub load: LoadState,
}

/// An edge of the effective graph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct EffectiveEdge {
    /// Index of the requiring node in [`EffectiveGraph::nodes`].
    pub from: usize,
    /// Index of the required node (the selected version of the required path).
    pub to: usize,
    /// The version the requirement asks for (may be below the selected one).
    pub requested: String,
}

/// The effective module graph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct EffectiveGraph {
    /// Nodes: main modules first, then breadth-first.
    pub nodes: Vec<EffectiveNode>,
    /// Edges, grouped by `from` in requirement order (one per required path).
    pub edges: Vec<EffectiveEdge>,
    /// Indices of the main modules.
    pub roots: Vec<usize>,
}

impl EffectiveGraph {
    #[doc(hidden)] // internal to the gomvs CLI (takes the loader's Loaded); use Resolution
    /// Builds the effective graph of `loaded` (pseudo-modules `go` and
    /// `toolchain` left out).
    pub fn new(loaded: &Loaded) -> EffectiveGraph {
        let g = &loaded.graph.graph;
        let session = &loaded.session;
        let mut index: HashMap<NodeId, usize> = HashMap::new();
        let mut nodes = Vec::new();
        let mut edges = Vec::new();
        let mut queue = VecDeque::new();
        let add = |id: NodeId,
                   index: &mut HashMap<NodeId, usize>,
                   nodes: &mut Vec<EffectiveNode>,
                   queue: &mut VecDeque<NodeId>| {
            if let Some(i) = index.get(&id) {
                return Some(*i);
            }
            let m = g.module(id)?.clone();
            let main = m.version.is_empty() && session.is_main(&m.path);
            let replaced_by = if main {
                None
            } else {
                session.replacements.lookup(&m).map(|r| r.rule.new)
            };
            let i = nodes.len();
            nodes.push(EffectiveNode {
                load: load_state(loaded, &m),
                module: m,
                main,
                replaced_by,
            });
            index.insert(id, i);
            queue.push_back(id);
            Some(i)
        };
        let mut roots = Vec::new();
        for mm in &session.mains {
            if let Some(id) = g.node_id(&mm.module) {
                if let Some(i) = add(id, &mut index, &mut nodes, &mut queue) {
                    roots.push(i);
                }
            }
        }
        while let Some(id) = queue.pop_front() {
            let Some(from) = index.get(&id).copied() else {
                continue;
            };
            let Some(reqs) = g.required_by_id(id) else {
                continue;
            };
            let mut seen_paths: HashSet<&str> = HashSet::new();
            for r in reqs {
                if is_pseudo_module(&r.path) || r.version == NONE {
                    continue;
                }
                if !seen_paths.insert(r.path.as_str()) {
                    continue;
                }
                let target = if session.is_main(&r.path) {
                    session
                        .mains
                        .iter()
                        .find(|m| m.module.path == r.path)
                        .and_then(|m| g.node_id(&m.module))
                } else {
                    g.selected_id(&r.path)
                };
                let Some(target) = target else { continue };
                if let Some(to) = add(target, &mut index, &mut nodes, &mut queue) {
                    edges.push(EffectiveEdge {
                        from,
                        to,
                        requested: r.version.to_string(),
                    });
                }
            }
        }
        EffectiveGraph {
            nodes,
            edges,
            roots,
        }
    }

    /// Outgoing edges per node (edge indices, in order).
    pub fn children(&self) -> Vec<Vec<usize>> {
        let mut out = vec![Vec::new(); self.nodes.len()];
        for (i, e) in self.edges.iter().enumerate() {
            if let Some(v) = out.get_mut(e.from) {
                v.push(i);
            }
        }
        out
    }

    /// Incoming edges per node (edge indices, in order).
    pub fn parents(&self) -> Vec<Vec<usize>> {
        let mut out = vec![Vec::new(); self.nodes.len()];
        for (i, e) in self.edges.iter().enumerate() {
            if let Some(v) = out.get_mut(e.to) {
                v.push(i);
            }
        }
        out
    }

    /// The node of module path `path` (or `path@version`, which must then
    /// be the selected version).
    pub fn find(&self, spec: &str) -> Option<usize> {
        let (path, version) = match spec.rsplit_once('@') {
            Some((p, v)) if !p.is_empty() => (p, Some(v)),
            _ => (spec, None),
        };
        self.nodes
            .iter()
            .position(|n| n.module.path == path && version.is_none_or(|v| v == n.module.version))
    }
}

/// One line of a tree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct TreeLine {
    /// Depth below the start (0 for the start node).
    pub depth: usize,
    /// Index of the node in [`EffectiveGraph::nodes`].
    pub node: usize,
    /// The edge that leads here from the line's parent (`None` at depth 0).
    pub edge: Option<usize>,
    /// The node was already expanded above (`(*)`): its children are not repeated.
    pub repeat: bool,
    /// Whether, when the line is the last child of its parent.
    pub last: bool,
}

/// Walks the effective graph depth first from `start` as `cargo tree`
/// does: children in requirement order, each node expanded once (later
/// occurrences are marked [`TreeLine::repeat`]), down to `max_depth`.
/// With `invert`, edges are followed backwards (who requires the node).
/// Collects [`TreeWalk`]; prefer the walk itself to stream a deep tree.
pub fn tree_lines(
    graph: &EffectiveGraph,
    start: usize,
    max_depth: Option<usize>,
    invert: bool,
) -> Vec<TreeLine> {
    TreeWalk::new(graph, &adjacency(graph, invert), start, max_depth, invert).collect()
}

/// The adjacency a [`TreeWalk`] follows: [`EffectiveGraph::children`], or
/// [`EffectiveGraph::parents`] with `invert`.
pub fn adjacency(graph: &EffectiveGraph, invert: bool) -> Vec<Vec<usize>> {
    if invert {
        graph.parents()
    } else {
        graph.children()
    }
}

/// The lines of [`tree_lines`], one at a time: an explicit stack (no
/// recursion), memory linear in the graph whatever the depth, so that a
/// renderer can write each line as it comes.
pub struct TreeWalk<'a> {
    graph: &'a EffectiveGraph,
    adjacency: &'a [Vec<usize>],
    max_depth: Option<usize>,
    invert: bool,
    expanded: Vec<bool>,
    /// (node, edge, depth, last); children pushed in reverse.
    stack: Vec<(usize, Option<usize>, usize, bool)>,
}

impl<'a> TreeWalk<'a> {
    /// A walk from `start` over `adjacency` (from [`adjacency`] with the
    /// same `invert`).
    pub fn new(
        graph: &'a EffectiveGraph,
        adjacency: &'a [Vec<usize>],
        start: usize,
        max_depth: Option<usize>,
        invert: bool,
    ) -> TreeWalk<'a> {
        TreeWalk {
            graph,
            adjacency,
            max_depth,
            invert,
            expanded: vec![false; graph.nodes.len()],
            stack: vec![(start, None, 0, true)],
        }
    }
}

impl Iterator for TreeWalk<'_> {
    type Item = TreeLine;

    fn next(&mut self) -> Option<TreeLine> {
        loop {
            let (node, edge, depth, last) = self.stack.pop()?;
            let Some(seen) = self.expanded.get_mut(node) else {
                continue;
            };
            let kids = self.adjacency.get(node).map(Vec::as_slice).unwrap_or(&[]);
            let repeat = *seen && !kids.is_empty();
            let line = TreeLine {
                depth,
                node,
                edge,
                repeat,
                last,
            };
            if *seen || self.max_depth.is_some_and(|d| depth >= d) {
                return Some(line);
            }
            *seen = true;
            let n = kids.len();
            for (k, &e) in kids.iter().enumerate().rev() {
                let Some(edge_data) = self.graph.edges.get(e) else {
                    continue;
                };
                let next = if self.invert {
                    edge_data.from
                } else {
                    edge_data.to
                };
                self.stack.push((next, Some(e), depth + 1, k + 1 == n));
            }
            return Some(line);
        }
    }
}

#[doc(hidden)] // internal to the gomvs CLI (takes the loader's Loaded); use Resolution
/// One version of a module path present in the requirement graph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VersionUse {
    /// The version.
    pub version: String,
    /// The module versions that require it.
    pub required_by: Vec<ModuleVersion>,
}

#[doc(hidden)] // internal to the gomvs CLI (takes the loader's Loaded); use Resolution
/// A module path required at several versions (only the highest is selected).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Duplicate {
    /// The module path.
    pub path: String,
    /// The selected version.
    pub selected: String,
    /// Every version in the graph, ascending.
    pub versions: Vec<VersionUse>,
}

#[doc(hidden)] // internal to the gomvs CLI (takes the loader's Loaded); use Resolution
/// Major versions of one module that coexist in the build (different paths).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CoexistingMajors {
    /// The path without its major-version suffix.
    pub prefix: String,
    /// The selected module of each major version, by path.
    pub modules: Vec<ModuleVersion>,
}

#[doc(hidden)] // internal to the gomvs CLI (takes the loader's Loaded); use Resolution
/// The `--duplicates` answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Duplicates {
    /// Paths required at more than one version.
    pub duplicates: Vec<Duplicate>,
    /// Module paths whose major versions coexist.
    pub coexisting_majors: Vec<CoexistingMajors>,
}

#[doc(hidden)] // internal to the gomvs CLI (takes the loader's Loaded); use Resolution
/// Finds modules required at several versions and coexisting major versions.
pub fn duplicates(loaded: &Loaded) -> Duplicates {
    let g = &loaded.graph.graph;
    let mut versions: BTreeMap<String, BTreeMap<String, Vec<ModuleVersion>>> = BTreeMap::new();
    let mut seen_edges: HashSet<(NodeId, &ModuleVersion)> = HashSet::new();
    g.walk_breadth_first_ids(|id| {
        let Some(from) = g.module(id) else { return };
        let Some(reqs) = g.required_by_id(id) else {
            return;
        };
        for r in reqs {
            if is_pseudo_module(&r.path) || r.version == NONE || r.version.is_empty() {
                continue;
            }
            if !seen_edges.insert((id, r)) {
                continue;
            }
            versions
                .entry(r.path.to_string())
                .or_default()
                .entry(r.version.to_string())
                .or_default()
                .push(from.clone());
        }
    });
    let mut dups = Vec::new();
    for (path, by_version) in versions {
        if by_version.len() < 2 {
            continue;
        }
        let mut vs: Vec<VersionUse> = by_version
            .into_iter()
            .map(|(version, required_by)| VersionUse {
                version,
                required_by,
            })
            .collect();
        vs.sort_by(|a, b| gover::mod_compare(&path, &a.version, &b.version));
        dups.push(Duplicate {
            selected: g.selected(&path).to_string(),
            path,
            versions: vs,
        });
    }
    let mut by_prefix: BTreeMap<String, Vec<ModuleVersion>> = BTreeMap::new();
    for m in g.build_list() {
        if is_pseudo_module(&m.path) || m.version.is_empty() {
            continue;
        }
        let prefix = match module::split_path_version(&m.path) {
            Some((prefix, _)) => prefix,
            None => m.path.to_string(),
        };
        by_prefix.entry(prefix).or_default().push(m);
    }
    let coexisting_majors = by_prefix
        .into_iter()
        .filter(|(_, ms)| ms.len() > 1)
        .map(|(prefix, modules)| CoexistingMajors { prefix, modules })
        .collect();
    Duplicates {
        duplicates: dups,
        coexisting_majors,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// main -> a, b; a -> c; b -> c; c -> a (a cycle).
    fn graph() -> EffectiveGraph {
        let node = |p: &str, v: &str| EffectiveNode {
            module: ModuleVersion::new(p, v),
            main: v.is_empty(),
            replaced_by: None,
            load: LoadState::NotLoaded,
        };
        let edge = |from, to| EffectiveEdge {
            from,
            to,
            requested: "v1.0.0".into(),
        };
        EffectiveGraph {
            nodes: vec![
                node("main", ""),
                node("a", "v1.0.0"),
                node("b", "v1.0.0"),
                node("c", "v1.0.0"),
            ],
            edges: vec![edge(0, 1), edge(0, 2), edge(1, 3), edge(2, 3), edge(3, 1)],
            roots: vec![0],
        }
    }

    fn shape(lines: &[TreeLine]) -> Vec<(usize, usize, bool, bool)> {
        lines
            .iter()
            .map(|l| (l.depth, l.node, l.repeat, l.last))
            .collect()
    }

    #[test]
    fn forward_expands_each_node_once() {
        let g = graph();
        let lines = tree_lines(&g, 0, None, false);
        assert_eq!(
            shape(&lines),
            vec![
                (0, 0, false, true),
                (1, 1, false, false),
                (2, 3, false, true),
                (3, 1, true, true),
                (1, 2, false, true),
                (2, 3, true, true),
            ]
        );
    }

    #[test]
    fn depth_limit_does_not_hide_later_expansions() {
        let g = graph();
        let lines = tree_lines(&g, 0, Some(1), false);
        assert_eq!(
            shape(&lines),
            vec![
                (0, 0, false, true),
                (1, 1, false, false),
                (1, 2, false, true)
            ]
        );
    }

    #[test]
    fn invert_follows_requirers() {
        let g = graph();
        let lines = tree_lines(&g, 3, None, true);
        let nodes: Vec<usize> = lines.iter().map(|l| l.node).collect();
        // c <- a (<- main, <- c (*)), c <- b (<- main)
        assert_eq!(nodes, vec![3, 1, 0, 3, 2, 0]);
        assert!(lines.get(3).is_some_and(|l| l.repeat));
    }
}
