//! Property tests of minimal version selection on random requirement graphs
//! with the Go command's version order.

#![allow(clippy::unwrap_used)]

use gomvs_graph::mvs::{self, Graph, Reqs, TextError};
use gomvs_modfile::{ModuleVersion, SmolStr};
use proptest::prelude::*;
use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::sync::Arc;

const MAIN: &str = "example.com/main";

/// A random requirement graph: module (path index, version index) ->
/// requirements; the main module is path index 0 with version "".
#[derive(Debug, Clone)]
struct RandomGraph {
    main_reqs: Vec<ModuleVersion>,
    reqs: HashMap<ModuleVersion, Arc<[ModuleVersion]>>,
}

const VERSIONS: [&str; 5] = ["v1.0.0", "v1.2.0", "v1.10.0", "v1.2.0-pre", "v0.9.0"];

fn module(path: usize, version: usize) -> ModuleVersion {
    let path = if path == 0 {
        MAIN.to_string()
    } else {
        format!("example.com/m{path}")
    };
    ModuleVersion::new(path, VERSIONS[version % VERSIONS.len()])
}

fn random_graph() -> impl Strategy<Value = RandomGraph> {
    let edge = (0usize..6, 0usize..VERSIONS.len());
    let node_reqs = prop::collection::vec(edge.clone(), 0..4);
    (
        prop::collection::vec(edge, 1..5),
        prop::collection::vec(node_reqs, 6 * VERSIONS.len()),
    )
        .prop_map(|(main_reqs, all)| {
            let mut reqs = HashMap::new();
            for (i, r) in all.into_iter().enumerate() {
                let m = module(i / VERSIONS.len(), i % VERSIONS.len());
                let list: Vec<ModuleVersion> = r.into_iter().map(|(p, v)| module(p, v)).collect();
                reqs.insert(m, list.into());
            }
            RandomGraph {
                main_reqs: main_reqs.into_iter().map(|(p, v)| module(p, v)).collect(),
                reqs,
            }
        })
}

impl Reqs for RandomGraph {
    type Error = TextError;

    fn required(&self, m: &ModuleVersion) -> Result<Arc<[ModuleVersion]>, TextError> {
        if m.path == MAIN && m.version.is_empty() {
            return Ok(self.main_reqs.clone().into());
        }
        self.reqs
            .get(m)
            .cloned()
            .ok_or_else(|| TextError(format!("missing module: {m}")))
    }

    fn max<'v>(&self, path: &str, v1: &'v str, v2: &'v str) -> &'v str {
        mvs::max_version(path, v1, v2)
    }
}

fn main_module() -> ModuleVersion {
    ModuleVersion::new(MAIN, "")
}

/// Every module version reachable from the main module (independent BFS).
fn reachable(g: &RandomGraph) -> Vec<ModuleVersion> {
    let mut seen = HashSet::new();
    let mut order = Vec::new();
    let mut queue = VecDeque::from([main_module()]);
    seen.insert(main_module());
    while let Some(m) = queue.pop_front() {
        order.push(m.clone());
        if let Ok(reqs) = g.required(&m) {
            for r in reqs.iter() {
                if seen.insert(r.clone()) {
                    queue.push_back(r.clone());
                }
            }
        }
    }
    order
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn build_list_selects_the_max_of_every_reachable_path(g in random_graph()) {
        let list = mvs::build_list(&[main_module()], &g).unwrap();
        prop_assert_eq!(list.first(), Some(&main_module()));

        // One version per path, the rest sorted by path.
        let paths: Vec<&str> = list.iter().map(|m| m.path.as_str()).collect();
        let unique: HashSet<&str> = paths.iter().copied().collect();
        prop_assert_eq!(unique.len(), paths.len());
        prop_assert!(paths[1..].windows(2).all(|w| w[0] < w[1]));

        // Each selected version is the maximum of the reachable versions.
        let mut max: BTreeMap<SmolStr, SmolStr> = BTreeMap::new();
        for m in reachable(&g) {
            let better = match max.get(m.path.as_str()) {
                None => true,
                Some(v) => mvs::cmp_version(&m.path, v, &m.version) == Ordering::Less,
            };
            if better {
                max.insert(m.path.clone(), m.version.clone());
            }
        }
        let selected: BTreeMap<SmolStr, SmolStr> =
            list.iter().map(|m| (m.path.clone(), m.version.clone())).collect();
        prop_assert_eq!(selected, max);
    }

    #[test]
    fn graph_selection_does_not_depend_on_require_order(g in random_graph(), seed in any::<u64>()) {
        let expected = mvs::build_list(&[main_module()], &g).unwrap();
        // Feed Require in a pseudo-random order of the reachable modules,
        // each only once it is reachable.
        let mut graph = Graph::with_go_order(vec![main_module()]);
        let mut frontier = vec![main_module()];
        let mut done = HashSet::new();
        let mut state = seed | 1;
        while !frontier.is_empty() {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let m = frontier.swap_remove((state % frontier.len() as u64) as usize);
            if !done.insert(m.clone()) {
                continue;
            }
            let reqs = g.required(&m).unwrap();
            graph.require(&m, reqs.iter()).unwrap();
            frontier.extend(reqs.iter().filter(|r| !done.contains(*r)).cloned());
        }
        prop_assert_eq!(graph.build_list(), expected);
    }

    #[test]
    fn req_reproduces_the_build_list(g in random_graph()) {
        let list = mvs::build_list(&[main_module()], &g).unwrap();
        let no_base: Vec<String> = Vec::new();
        let min = mvs::req(&main_module(), &no_base, &g).unwrap();
        let mut again = g.clone();
        again.main_reqs = min;
        let rebuilt = mvs::build_list(&[main_module()], &again).unwrap();
        prop_assert_eq!(rebuilt, list);
    }
}
