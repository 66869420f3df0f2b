//! `why`: the selected version of a module and everything that decided it.
//!
//! Minimal version selection picks, per module path, the highest version
//! any node of the requirement graph asks for (roots included). The answer
//! therefore lists every requirement on the path, marks the one(s) at the
//! selected version, gives a shortest requirement path from the main
//! module(s) to that requirer, and names what else took part: the replace
//! directive that swapped the code and go.mod, exclude directives that
//! dropped requirements, pruned go.mod files whose requirements were not
//! read, and root updates the loader made (the root-consistency rule).

use super::{bounded_distance, load_state, requirement_location, LoadState, Location};
use crate::loader::Loaded;
use crate::mvs::{NodeId, NONE};
use crate::replace::ReplaceRule;
use gomvs_modfile::{gover, ModuleVersion};
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};

/// One `why` question: a module path and optionally a version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WhyQuery {
    /// The module path.
    pub path: String,
    /// The version asked about (`None`: the selected one).
    pub version: Option<String>,
}

impl WhyQuery {
    /// Parses `path[@version]`.
    pub fn parse(arg: &str) -> WhyQuery {
        match arg.rsplit_once('@') {
            Some((p, v)) if !p.is_empty() => WhyQuery {
                path: p.to_string(),
                version: Some(v.to_string()),
            },
            _ => WhyQuery {
                path: arg.to_string(),
                version: None,
            },
        }
    }
}

/// What the queried module is in this graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Verdict {
    /// A main module: it is not selected, it is the starting point.
    Main,
    /// The queried version (or the path, without a version) is selected.
    Selected,
    /// The queried version is in the graph but another version was selected.
    Lost,
    /// The path is in the graph, but not at the queried version.
    VersionAbsent,
    /// The path is nowhere in the graph.
    Absent,
}

/// One requirement on the queried path: an edge of the requirement graph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Requirement {
    /// The requiring module version (a main module has an empty version).
    pub requirer: ModuleVersion,
    /// The version it asks for.
    pub version: String,
    /// The require line (in the go.mod read for the requirer: the
    /// replacement's, when the requirer is replaced).
    pub location: Option<Location>,
    /// Whether the requirer is itself the selected version of its path
    /// (requirements of versions that lost still count in MVS).
    pub requirer_selected: bool,
    /// Whether this requirement is at the selected version.
    pub decides: bool,
    /// A main module's requirement that is not in its go.mod: the loader
    /// added or raised the root in memory (root-consistency rule; with
    /// `-mod=mod` go writes it to go.mod).
    pub from_root_update: bool,
}

/// A replace directive that takes part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Replacement {
    /// The replaced module as written (empty version: every version).
    pub old: ModuleVersion,
    /// The target as written (a directory has an empty version).
    pub new: ModuleVersion,
    /// The directive.
    pub location: Location,
    /// Whether the directive is in go.work.
    pub from_work_file: bool,
    /// Whether it applies to the selected version (otherwise it is listed
    /// because it names the path but matched another version).
    pub applies_to_selected: bool,
}

/// An exclude directive on the queried path and the requirements it dropped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Exclusion {
    /// The excluded version.
    pub version: String,
    /// The exclude directive.
    pub location: Location,
    /// The requirements on that version that were dropped.
    pub dropped: Vec<Requirement>,
    /// Whether the excluded version is above the selected one (without the
    /// exclude, it would have been selected).
    pub above_selected: bool,
}

/// A node whose go.mod was not read because the graph is pruned, and that
/// would have required the queried path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct PrunedRequirer {
    /// The module version whose go.mod was not read.
    pub module: ModuleVersion,
    /// The version of the queried path its go.mod asks for (read now, for
    /// the explanation only; the load never read it).
    pub would_require: String,
    /// Whether that is above the selected version.
    pub above_selected: bool,
}

/// A root that the loader changed in memory (`updateRoots`): what go.mod
/// says and what the graph was finally loaded with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct RootUpdate {
    /// The root version in go.mod (`None`: not a root there).
    pub go_mod: Option<String>,
    /// The root version after the updates (`None`: no longer a root).
    pub updated: Option<String>,
}

/// The answer to one `why` question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct WhyReport {
    /// The question as given (`path` or `path@version`).
    pub query: String,
    /// The module path.
    pub path: String,
    /// The version asked about, if any.
    pub asked_version: Option<String>,
    /// What the module is in this graph.
    pub verdict: Verdict,
    /// The selected version (`None` when the path is absent or a main module).
    pub selected: Option<String>,
    /// What the build uses for the selected version: the replacement
    /// target when replaced, else the selected version itself.
    pub used: Option<ModuleVersion>,
    /// Every requirement on the path in the graph, breadth-first from the
    /// main module(s).
    pub requirements: Vec<Requirement>,
    /// Index in `requirements` of the requirement that decided the selection
    /// (at the selected version; a dependency's preferred over a main
    /// module's, then breadth-first first).
    pub deciding: Option<usize>,
    /// A shortest requirement path from a main module to the requirer of
    /// the deciding requirement, ending with the selected version.
    pub path_to_selected: Vec<ModuleVersion>,
    /// How many modules [`explain_selected`] left out of `path_to_selected`
    /// after its first [`PATH_HEAD`] entries (0: the path is whole). Deep
    /// graphs have paths as long as the graph; a report per module must not
    /// grow with the square of the depth, so `diff` and `check` keep the
    /// head and the last [`PATH_TAIL`] steps. [`explain_why`] always gives
    /// the whole path. Left out of JSON when 0.
    #[serde(skip_serializing_if = "is_zero")]
    pub path_to_selected_omitted: usize,
    /// For a version that lost: a shortest path to one of its requirers,
    /// ending with that version.
    pub path_to_asked: Vec<ModuleVersion>,
    /// Whether the selected version is a root of the graph (required by a
    /// main module's go.mod, or by go.work's modules).
    pub is_root: bool,
    /// Replace directives on the path.
    pub replacements: Vec<Replacement>,
    /// Exclude directives on the path.
    pub exclusions: Vec<Exclusion>,
    /// How the selected version's go.mod was loaded.
    pub selected_load: Option<LoadState>,
    /// Nodes whose go.mod was not read and that ask for this path.
    pub pruned_requirers: Vec<PrunedRequirer>,
    /// Set when the loader changed this path's root.
    pub root_update: Option<RootUpdate>,
    /// Near paths in the graph, when the path is absent.
    pub suggestions: Vec<String>,
}

#[doc(hidden)] // internal to the gomvs CLI (takes the loader's Loaded); use Resolution
/// Options of [`explain_why`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WhyOptions {
    /// Read the go.mod files of pruned-out nodes (never read by the load)
    /// to report the requirements pruning hid.
    pub read_pruned: bool,
}

impl Default for WhyOptions {
    fn default() -> Self {
        WhyOptions { read_pruned: true }
    }
}

#[doc(hidden)] // internal to the gomvs CLI (takes the loader's Loaded); use Resolution
/// An index of the graph's edges by target path, built once for many questions.
pub struct WhyIndex {
    /// Per target path: (from node, position, to node), breadth-first order of `from`.
    by_target: HashMap<String, Vec<(NodeId, usize, NodeId)>>,
    /// Breadth-first rank of each reachable node (for ordering and shortest paths).
    rank: HashMap<NodeId, usize>,
    /// The requirements of pruned-out nodes, read on first need.
    pruned: std::sync::OnceLock<Vec<(ModuleVersion, HashMap<String, String>)>>,
    /// Shortest paths from the roots, computed on first need.
    paths: std::sync::OnceLock<PathTree>,
    /// Per path: the modules whose go.mod requirement on it an exclude
    /// dropped, and the replace rules of that path (by index), found once
    /// so that a question costs what concerns its path, not the graph.
    by_path: std::sync::OnceLock<ByPath>,
}

/// [`WhyIndex::by_path`].
#[derive(Default)]
pub(crate) struct ByPath {
    /// Per main module: the line of each require (by module version, and
    /// the first by path).
    pub(crate) main_lines: Vec<(HashMap<ModuleVersion, u32>, HashMap<String, u32>)>,
    /// The main go.mod's requirements as written.
    initial_roots: crate::collections::FastSet<ModuleVersion>,
    /// Per path: `root_version` of the initial and of the final roots.
    root_versions: HashMap<String, (Option<String>, Option<String>)>,
    dropping: HashMap<String, Vec<ModuleVersion>>,
    rules: HashMap<String, Vec<usize>>,
    /// Main module index → its exclude directives, by path.
    excludes: HashMap<String, Vec<(usize, ModuleVersion, gomvs_modfile::syntax::Span)>>,
}

impl ByPath {
    fn new(loaded: &Loaded) -> ByPath {
        let mut by = ByPath::default();
        for (m, s) in &loaded.graph.summaries {
            let Ok(s) = s else { continue };
            let mut seen: Vec<&str> = Vec::new();
            for (x, _) in &s.excluded {
                if !seen.contains(&x.path.as_str()) {
                    seen.push(x.path.as_str());
                    by.dropping
                        .entry(x.path.to_string())
                        .or_default()
                        .push(m.clone());
                }
            }
        }
        for (i, r) in loaded.session.replacements.rules().iter().enumerate() {
            by.rules.entry(r.old.path.to_string()).or_default().push(i);
        }
        for main in &loaded.session.mains {
            let mut exact = HashMap::new();
            let mut first = HashMap::new();
            for r in &main.file.require {
                exact.entry(r.module.clone()).or_insert(r.span.start.line);
                first
                    .entry(r.module.path.to_string())
                    .or_insert(r.span.start.line);
            }
            by.main_lines.push((exact, first));
        }
        by.initial_roots = loaded.initial_requirements.roots.iter().cloned().collect();
        for (roots, updated) in [
            (&loaded.initial_requirements.roots, false),
            (&loaded.requirements.roots, true),
        ] {
            for r in roots {
                let entry = by.root_versions.entry(r.path.to_string()).or_default();
                let slot = if updated { &mut entry.1 } else { &mut entry.0 };
                let higher = slot.as_deref().is_none_or(|v| {
                    gover::mod_compare(&r.path, &r.version, v) == std::cmp::Ordering::Greater
                });
                if higher {
                    *slot = Some(r.version.to_string());
                }
            }
        }
        for (i, main) in loaded.session.mains.iter().enumerate() {
            for (m, span) in &main.index.exclude {
                by.excludes
                    .entry(m.path.to_string())
                    .or_default()
                    .push((i, m.clone(), *span));
            }
        }
        by
    }
}

#[doc(hidden)] // internal to the gomvs CLI (takes the loader's Loaded); use Resolution
/// Modules [`explain_selected`] keeps at the start of a long path.
pub const PATH_HEAD: usize = 8;

#[doc(hidden)] // internal to the gomvs CLI (takes the loader's Loaded); use Resolution
/// Modules [`explain_selected`] keeps at the end of a long path.
pub const PATH_TAIL: usize = 8;

/// One breadth-first walk from the graph's roots under [`go_mod_path`]'s
/// rule, shared by every question: each reached node's predecessor on a
/// shortest path, its depth, and its ancestor at depth [`PATH_HEAD`] (so
/// that an abridged path costs O(`PATH_HEAD` + `PATH_TAIL`) steps whatever
/// the depth).
struct PathTree {
    /// Reached node → (predecessor, depth, head anchor).
    nodes: HashMap<NodeId, (Option<NodeId>, usize, NodeId)>,
}

impl PathTree {
    fn new(loaded: &Loaded) -> PathTree {
        let g = &loaded.graph.graph;
        // The main go.mod's requirements as written, as a set: a main
        // module can require 100,000 modules.
        let initial: crate::collections::FastSet<&ModuleVersion> =
            loaded.initial_requirements.roots.iter().collect();
        let mut nodes: HashMap<NodeId, (Option<NodeId>, usize, NodeId)> = HashMap::new();
        let mut queue = std::collections::VecDeque::new();
        for r in g.roots() {
            if let Some(id) = g.node_id(r) {
                if let std::collections::hash_map::Entry::Vacant(e) = nodes.entry(id) {
                    e.insert((None, 0, id));
                    queue.push_back(id);
                }
            }
        }
        while let Some(id) = queue.pop_front() {
            let Some(&(_, depth, anchor)) = nodes.get(&id) else {
                continue;
            };
            let from_main = g.module(id).is_some_and(|m| is_main_node(loaded, m));
            let Some(reqs) = g.required_by_id(id) else {
                continue;
            };
            for r in reqs.node_ids() {
                if from_main
                    && !loaded.session.in_workspace()
                    && g.module(r).is_some_and(|m| !initial.contains(m))
                {
                    continue;
                }
                if let std::collections::hash_map::Entry::Vacant(e) = nodes.entry(r) {
                    let d = depth + 1;
                    e.insert((Some(id), d, if d <= PATH_HEAD { r } else { anchor }));
                    queue.push_back(r);
                }
            }
        }
        PathTree { nodes }
    }

    /// Up to `limit` nodes ending at `target`, walking predecessors, in
    /// path order.
    fn tail(&self, target: NodeId, limit: usize) -> Vec<NodeId> {
        let mut path = Vec::new();
        let mut at = Some(target);
        while let Some(id) = at {
            if path.len() == limit {
                break;
            }
            path.push(id);
            at = self.nodes.get(&id).and_then(|n| n.0);
        }
        path.reverse();
        path
    }

    /// The path from a root to `target` (`None`: not reached), whole or,
    /// with `abridge`, its first [`PATH_HEAD`] + 1 and last [`PATH_TAIL`]
    /// nodes and the number left out between them.
    fn path(&self, target: NodeId, abridge: bool) -> Option<(Vec<NodeId>, usize)> {
        let &(_, depth, anchor) = self.nodes.get(&target)?;
        let len = depth + 1;
        if !abridge || len <= PATH_HEAD + 1 + PATH_TAIL {
            return Some((self.tail(target, usize::MAX), 0));
        }
        let mut path = self.tail(anchor, usize::MAX);
        let tail = self.tail(target, PATH_TAIL);
        let omitted = len - path.len() - tail.len();
        path.extend(tail);
        Some((path, omitted))
    }
}

impl WhyIndex {
    /// The line of main module `main`'s first require of `path` (`loaded`
    /// must be the load this index was built from).
    pub(crate) fn main_require_line(
        &self,
        loaded: &Loaded,
        main: usize,
        path: &str,
    ) -> Option<u32> {
        let by = self.by_path.get_or_init(|| ByPath::new(loaded));
        by.main_lines.get(main)?.1.get(path).copied()
    }

    /// Indexes the graph of `loaded`.
    pub fn new(loaded: &Loaded) -> WhyIndex {
        let g = &loaded.graph.graph;
        let mut rank = HashMap::new();
        let mut order = Vec::new();
        g.walk_breadth_first_ids(|id| {
            if let std::collections::hash_map::Entry::Vacant(e) = rank.entry(id) {
                e.insert(order.len());
                order.push(id);
            }
        });
        let mut by_target: HashMap<String, Vec<(NodeId, usize, NodeId)>> = HashMap::new();
        for &from in &order {
            let Some(reqs) = g.required_by_id(from) else {
                continue;
            };
            for (position, to) in reqs.node_ids().enumerate() {
                if let Some(m) = g.module(to) {
                    by_target
                        .entry(m.path.to_string())
                        .or_default()
                        .push((from, position, to));
                }
            }
        }
        WhyIndex {
            by_target,
            rank,
            pruned: std::sync::OnceLock::new(),
            paths: std::sync::OnceLock::new(),
            by_path: std::sync::OnceLock::new(),
        }
    }
}

#[doc(hidden)] // internal to the gomvs CLI (takes the loader's Loaded); use Resolution
/// The report on `path`'s selected version with pruned go.mod files left
/// unread: the question `diff` and `check` ask of every module they name.
/// Its path is abridged when long ([`WhyReport::path_to_selected_omitted`]).
pub fn explain_selected(loaded: &Loaded, index: &WhyIndex, path: &str) -> WhyReport {
    answer(
        loaded,
        index,
        &WhyQuery {
            path: path.to_string(),
            version: None,
        },
        WhyOptions { read_pruned: false },
        true,
    )
}

#[doc(hidden)] // internal to the gomvs CLI (takes the loader's Loaded); use Resolution
/// Answers one question (see the module docs).
pub fn explain_why(
    loaded: &Loaded,
    index: &WhyIndex,
    query: &WhyQuery,
    options: WhyOptions,
) -> WhyReport {
    answer(loaded, index, query, options, false)
}

fn answer(
    loaded: &Loaded,
    index: &WhyIndex,
    query: &WhyQuery,
    options: WhyOptions,
    abridge: bool,
) -> WhyReport {
    let g = &loaded.graph.graph;
    let session = &loaded.session;
    let by_path = index.by_path.get_or_init(|| ByPath::new(loaded));
    let path = query.path.clone();
    let query_text = match &query.version {
        Some(v) => format!("{path}@{v}"),
        None => path.clone(),
    };
    let mut report = WhyReport {
        query: query_text,
        path: path.clone(),
        asked_version: query.version.clone(),
        verdict: Verdict::Absent,
        selected: None,
        used: None,
        requirements: Vec::new(),
        deciding: None,
        path_to_selected: Vec::new(),
        path_to_selected_omitted: 0,
        path_to_asked: Vec::new(),
        is_root: false,
        replacements: Vec::new(),
        exclusions: Vec::new(),
        selected_load: None,
        pruned_requirers: Vec::new(),
        root_update: None,
        suggestions: Vec::new(),
    };
    if session.is_main(&path) {
        report.verdict = Verdict::Main;
        report.selected_load = Some(LoadState::Main);
        return report;
    }
    let selected = g
        .selected_module(&path)
        .filter(|m| m.version != NONE)
        .cloned();
    let Some(selected) = selected else {
        report.suggestions = suggest(loaded, &path);
        report.exclusions = exclusions(loaded, index, &path, None);
        report.replacements = replacements(loaded, index, &path, None);
        if options.read_pruned {
            report.pruned_requirers = pruned_requirers(loaded, index, &path, NONE);
        }
        return report;
    };
    report.selected = Some(selected.version.to_string());
    report.is_root = g.is_root(&selected)
        || session
            .mains
            .first()
            .and_then(|m| g.required_by(&m.module))
            .is_some_and(|mut r| r.any(|x| *x == selected));
    report.verdict = match &query.version {
        None => Verdict::Selected,
        Some(v) if *v == selected.version => Verdict::Selected,
        Some(v) if g.contains(&ModuleVersion::new(path.clone(), v.clone())) => Verdict::Lost,
        Some(_) => Verdict::VersionAbsent,
    };
    report.selected_load = Some(load_state(loaded, &selected));

    // Every requirement on the path.
    let edges = index.by_target.get(&path).map(Vec::as_slice).unwrap_or(&[]);
    for &(from, position, to) in edges {
        let (Some(fm), Some(tm)) = (g.module(from), g.module(to)) else {
            continue;
        };
        report.requirements.push(Requirement {
            requirer: fm.clone(),
            version: tm.version.to_string(),
            location: requirement_location(loaded, by_path, fm, position, tm),
            requirer_selected: fm.version.is_empty()
                || g.selected_module(&fm.path).is_some_and(|s| s == fm),
            decides: tm.version == selected.version,
            // In workspace mode main modules' edges are their go.mod files'.
            from_root_update: is_main_node(loaded, fm)
                && !session.in_workspace()
                && !by_path.initial_roots.contains(tm),
        });
    }

    // The deciding requirer: the first (breadth-first) requirement at the
    // selected version; its shortest path from the roots.
    let decider = edges
        .iter()
        .filter(|(_, _, to)| g.module(*to).is_some_and(|m| m.version == selected.version))
        // A main module's requirement at the selected version is usually
        // the recorded consequence of a dependency's (`// indirect`): prefer
        // the dependency, then the breadth-first first.
        .min_by_key(|(from, _, _)| {
            let main = g
                .module(*from)
                .is_some_and(|m| m.version.is_empty() && session.is_main(&m.path));
            (main, index.rank.get(from).copied().unwrap_or(usize::MAX))
        });
    if let Some(&(from, _, to)) = decider {
        report.deciding = g.module(from).and_then(|fm| {
            report
                .requirements
                .iter()
                .position(|r| r.requirer == *fm && r.version == selected.version)
        });
        let (ids, omitted) = go_mod_path(loaded, index, from, abridge);
        let mut p: Vec<ModuleVersion> = ids
            .into_iter()
            .filter_map(|id| g.module(id).cloned())
            .collect();
        if let Some(m) = g.module(to) {
            p.push(m.clone());
        }
        report.path_to_selected = p;
        report.path_to_selected_omitted = omitted;
    } else if let Some(id) = g.selected_id(&path) {
        // A root of a workspace graph without a requiring edge.
        let (ids, omitted) = go_mod_path(loaded, index, id, abridge);
        report.path_to_selected = ids
            .into_iter()
            .filter_map(|x| g.module(x).cloned())
            .collect();
        report.path_to_selected_omitted = omitted;
    }
    if report.verdict == Verdict::Lost {
        if let Some(v) = &query.version {
            let asked = ModuleVersion::new(path.clone(), v.clone());
            if let Some(asked_id) = g.node_id(&asked) {
                report.path_to_asked = go_mod_path(loaded, index, asked_id, false)
                    .0
                    .into_iter()
                    .filter_map(|x| g.module(x).cloned())
                    .collect();
            }
        }
    }

    report.used = Some(match session.replacements.lookup(&selected) {
        Some(m) => m.rule.new.clone(),
        None => selected.clone(),
    });
    report.replacements = replacements(loaded, index, &path, Some(&selected));
    report.exclusions = exclusions(loaded, index, &path, Some(&selected.version));

    // Root updates.
    let (initial, updated) = by_path
        .root_versions
        .get(&path)
        .cloned()
        .unwrap_or_default();
    if initial != updated {
        report.root_update = Some(RootUpdate {
            go_mod: initial,
            updated,
        });
    }

    if options.read_pruned {
        report.pruned_requirers = pruned_requirers(loaded, index, &path, &selected.version);
    }
    report
}

fn is_main_node(loaded: &Loaded, m: &ModuleVersion) -> bool {
    m.version.is_empty() && loaded.session.is_main(&m.path)
}

/// A shortest requirement path from the graph's roots to `target`,
/// preferring requirements written in the main go.mod: a path through a
/// root the loader added or raised in memory is used only when no other
/// path exists (`FindPath` order otherwise). With `abridge`, a long path
/// keeps its head and tail and counts what it leaves out.
fn go_mod_path(
    loaded: &Loaded,
    index: &WhyIndex,
    target: NodeId,
    abridge: bool,
) -> (Vec<NodeId>, usize) {
    let tree = index.paths.get_or_init(|| PathTree::new(loaded));
    match tree.path(target, abridge) {
        Some(found) => found,
        None => (loaded.graph.graph.find_path_ids(|x| x == target), 0),
    }
}

fn rule_location(loaded: &Loaded, rule: &ReplaceRule) -> Location {
    Location {
        file: loaded.session.short_path(&rule.origin.file),
        line: Some(rule.origin.span.start.line),
    }
}

fn replacements(
    loaded: &Loaded,
    index: &WhyIndex,
    path: &str,
    selected: Option<&ModuleVersion>,
) -> Vec<Replacement> {
    let applied = selected.and_then(|s| loaded.session.replacements.lookup(s));
    let rules = loaded.session.replacements.rules();
    let by = index.by_path.get_or_init(|| ByPath::new(loaded));
    by.rules
        .get(path)
        .into_iter()
        .flatten()
        .filter_map(|&i| rules.get(i))
        .map(|r| Replacement {
            old: r.old.clone(),
            new: r.new.clone(),
            location: rule_location(loaded, r),
            from_work_file: r.from_work_file,
            applies_to_selected: applied.as_ref().is_some_and(|a| a.rule == *r),
        })
        .collect()
}

fn exclusions(
    loaded: &Loaded,
    index: &WhyIndex,
    path: &str,
    selected: Option<&str>,
) -> Vec<Exclusion> {
    let session = &loaded.session;
    let mut out = Vec::new();
    // Summaries that dropped a requirement on this path.
    let by = index.by_path.get_or_init(|| ByPath::new(loaded));
    let mut dropping: Vec<(&ModuleVersion, &crate::summary::ModSummary)> = by
        .dropping
        .get(path)
        .into_iter()
        .flatten()
        .filter_map(|m| {
            let (m, s) = loaded.graph.summaries.get_key_value(m)?;
            Some((m, s.as_ref().ok()?.as_ref()))
        })
        .collect();
    dropping.sort_by(|a, b| a.0.cmp(b.0));
    for (main_index, main) in session.mains.iter().enumerate() {
        let mut excluded: Vec<(&ModuleVersion, &gomvs_modfile::syntax::Span)> = by
            .excludes
            .get(path)
            .into_iter()
            .flatten()
            .filter(|(i, _, _)| *i == main_index)
            .map(|(_, m, span)| (m, span))
            .collect();
        excluded.sort_by_key(|(_, s)| s.start.byte);
        for (m, span) in excluded {
            let mut dropped = Vec::new();
            // Requirements of the main module itself (dropped from the roots).
            for r in &main.file.require {
                if r.module == *m {
                    dropped.push(Requirement {
                        requirer: main.module.clone(),
                        version: m.version.to_string(),
                        location: Some(Location {
                            file: session.short_path(&main.go_mod_path),
                            line: Some(r.span.start.line),
                        }),
                        requirer_selected: true,
                        decides: false,
                        from_root_update: false,
                    });
                }
            }
            let mut from_deps: Vec<Requirement> = Vec::new();
            for &(requirer, s) in &dropping {
                for (i, (x, _)) in s.excluded.iter().enumerate() {
                    if x == m {
                        let line = s
                            .excluded_require_lines
                            .get(i)
                            .copied()
                            .flatten()
                            .map(std::num::NonZeroU32::get);
                        from_deps.push(Requirement {
                            requirer: requirer.clone(),
                            version: m.version.to_string(),
                            location: Some(Location {
                                file: super::source_text(session, &s.source),
                                line,
                            }),
                            requirer_selected: loaded
                                .graph
                                .graph
                                .selected_module(&requirer.path)
                                .is_some_and(|sel| sel == requirer),
                            decides: false,
                            from_root_update: false,
                        });
                    }
                }
            }
            from_deps.sort_by(|a, b| a.requirer.cmp(&b.requirer));
            dropped.extend(from_deps);
            out.push(Exclusion {
                version: m.version.to_string(),
                location: Location {
                    file: session.short_path(&main.go_mod_path),
                    line: Some(span.start.line),
                },
                dropped,
                above_selected: selected
                    .is_none_or(|s| gover::mod_compare(path, &m.version, s).is_gt()),
            });
        }
    }
    out
}

/// The requirements of every node of the graph whose go.mod the load never
/// read, re-read here (from the module source or directory, without
/// touching the session), breadth-first: what pruning hid.
fn read_pruned(loaded: &Loaded) -> Vec<(ModuleVersion, HashMap<String, String>)> {
    let g = &loaded.graph.graph;
    let session = &loaded.session;
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    g.walk_breadth_first(|m| {
        if loaded.graph.summaries.contains_key(m)
            || super::is_pseudo_module(&m.path)
            || m.version.is_empty()
            || !seen.insert(m.clone())
        {
            return;
        }
        let actual = match session.replacements.lookup(m) {
            Some(r) => r.rule.effective,
            None => m.clone(),
        };
        let data = if actual.version.is_empty() {
            let dir = std::path::Path::new(&actual.path);
            let dir = if dir.is_absolute() {
                dir.to_path_buf()
            } else {
                crate::gopath::join_clean(&session.replace_relative_to(), &actual.path)
            };
            session
                .config
                .files
                .read(&dir.join("go.mod"))
                .ok()
                .map(Vec::into)
        } else {
            session.source().go_mod(&actual).ok()
        };
        let Some(data) = data else { return };
        let Ok(f) = gomvs_modfile::gomod::parse_lax("go.mod", &data) else {
            return;
        };
        // The highest version of each required path.
        let mut best: HashMap<String, String> = HashMap::new();
        for r in &f.require {
            let p = &r.module.path;
            match best.get(p.as_str()) {
                Some(v) if gover::mod_compare(p, v, &r.module.version).is_ge() => {}
                _ => {
                    best.insert(p.to_string(), r.module.version.to_string());
                }
            }
        }
        out.push((m.clone(), best));
    });
    out
}

fn pruned_requirers(
    loaded: &Loaded,
    index: &WhyIndex,
    path: &str,
    selected: &str,
) -> Vec<PrunedRequirer> {
    index
        .pruned
        .get_or_init(|| read_pruned(loaded))
        .iter()
        .filter_map(|(m, reqs)| {
            let v = reqs.get(path)?;
            Some(PrunedRequirer {
                module: m.clone(),
                above_selected: selected == NONE || gover::mod_compare(path, v, selected).is_gt(),
                would_require: v.clone(),
            })
        })
        .collect()
}

/// Paths of the graph near `path`: small edit distance, or sharing the
/// last path element.
fn suggest(loaded: &Loaded, path: &str) -> Vec<String> {
    let g = &loaded.graph.graph;
    let limit = (path.len() / 4).clamp(2, 8);
    let last = path.rsplit('/').next().unwrap_or(path).to_lowercase();
    let mut scored: Vec<(usize, String)> = Vec::new();
    let mut seen = BTreeSet::new();
    for m in g.modules() {
        if super::is_pseudo_module(&m.path) || !seen.insert(m.path.clone()) {
            continue;
        }
        let lower = m.path.to_lowercase();
        if let Some(d) = bounded_distance(&lower, &path.to_lowercase(), limit) {
            scored.push((d, m.path.to_string()));
        } else if !last.is_empty() && lower.rsplit('/').next().is_some_and(|l| l == last) {
            scored.push((limit + 1, m.path.to_string()));
        }
    }
    scored.sort();
    scored.into_iter().take(5).map(|(_, p)| p).collect()
}

#[doc(hidden)] // internal to the gomvs CLI (takes the loader's Loaded); use Resolution
/// Whether `state` means the go.mod was not read.
pub fn is_not_loaded(state: &LoadState) -> bool {
    matches!(state, LoadState::NotLoaded)
}

/// serde's `skip_serializing_if` for counts.
pub(crate) fn is_zero(n: &usize) -> bool {
    *n == 0
}
