//! Unit tests of `mvs::Graph` (selection rules of go-semantics.md 4.4) and
//! of the algorithms on very deep graphs (no recursion may overflow).

#![allow(clippy::unwrap_used)]

use gomvs_graph::mvs::{self, Graph, Reqs, TextError, NONE};
use gomvs_modfile::ModuleVersion;
use std::cmp::Ordering;
use std::collections::HashMap;
use std::sync::Arc;

fn m(path: &str, version: &str) -> ModuleVersion {
    ModuleVersion::new(path, version)
}

fn main_module() -> ModuleVersion {
    m("example.com/main", "")
}

#[test]
fn edges_of_unselected_versions_still_select() {
    // main -> a@v1.0.0, b@v1.0.0; a@v1.0.0 -> c@v1.5.0; b@v1.0.0 -> a@v1.1.0;
    // a@v1.1.0 is never loaded. c@v1.5.0 is only required by the
    // unselected a@v1.0.0 and is still selected (4.4: "including edges of
    // nodes that are not themselves selected").
    let mut g = Graph::with_go_order(vec![main_module()]);
    g.require(
        &main_module(),
        [m("example.com/a", "v1.0.0"), m("example.com/b", "v1.0.0")],
    )
    .unwrap();
    g.require(
        &m("example.com/a", "v1.0.0"),
        [m("example.com/c", "v1.5.0")],
    )
    .unwrap();
    g.require(
        &m("example.com/b", "v1.0.0"),
        [m("example.com/a", "v1.1.0")],
    )
    .unwrap();
    assert_eq!(g.selected("example.com/a"), "v1.1.0");
    assert_eq!(g.selected("example.com/c"), "v1.5.0");
    assert_eq!(g.selected("example.com/nothing"), NONE);
    assert!(g.selected_module("example.com/nothing").is_none());
    assert_eq!(
        g.build_list(),
        vec![
            main_module(),
            m("example.com/a", "v1.1.0"),
            m("example.com/b", "v1.0.0"),
            m("example.com/c", "v1.5.0"),
        ]
    );
    assert!(g.contains(&m("example.com/a", "v1.1.0")));
    assert!(!g.has_requirements(&m("example.com/a", "v1.1.0")));
    assert!(g.is_root(&main_module()));
    assert!(!g.is_root(&m("example.com/a", "v1.0.0")));
}

#[test]
fn main_module_wins_over_any_version_of_its_path() {
    let mut g = Graph::with_go_order(vec![main_module()]);
    g.require(&main_module(), [m("example.com/a", "v1.0.0")])
        .unwrap();
    g.require(
        &m("example.com/a", "v1.0.0"),
        [m("example.com/main", "v9.0.0")],
    )
    .unwrap();
    assert_eq!(g.selected("example.com/main"), "");
    assert_eq!(g.build_list().first(), Some(&main_module()));
}

#[test]
fn none_versions_are_nodes_but_never_selected_or_walked() {
    let mut g = Graph::with_go_order(vec![main_module()]);
    g.require(
        &main_module(),
        [m("example.com/a", NONE), m("example.com/b", "v1.0.0")],
    )
    .unwrap();
    assert!(g.contains(&m("example.com/a", NONE)));
    assert_eq!(g.selected("example.com/a"), NONE);
    assert_eq!(
        g.build_list(),
        vec![main_module(), m("example.com/b", "v1.0.0")]
    );
    let mut walked = Vec::new();
    g.walk_breadth_first(|m| walked.push(m.clone()));
    assert_eq!(walked, vec![main_module(), m("example.com/b", "v1.0.0")]);
    // FindPath does not skip "none" nodes.
    assert_eq!(
        g.find_path(|x| x.version == NONE),
        vec![main_module(), m("example.com/a", NONE)]
    );
}

#[test]
fn cycles_are_harmless() {
    let a = m("example.com/a", "v1.0.0");
    let b = m("example.com/b", "v1.0.0");
    let mut g = Graph::with_go_order(vec![main_module()]);
    g.require(&main_module(), [a.clone()]).unwrap();
    g.require(&a, [b.clone(), a.clone()]).unwrap();
    g.require(&b, [a.clone(), main_module()]).unwrap();
    assert_eq!(g.build_list(), vec![main_module(), a.clone(), b.clone()]);
    let mut walked = Vec::new();
    g.walk_breadth_first(|m| walked.push(m.clone()));
    assert_eq!(walked, vec![main_module(), a.clone(), b.clone()]);
    assert_eq!(g.find_path(|x| *x == b), vec![main_module(), a.clone(), b]);
    // Duplicate and self edges are kept in order.
    let reqs: Vec<_> = g.required_by(&a).unwrap().cloned().collect();
    assert_eq!(reqs, vec![m("example.com/b", "v1.0.0"), a.clone()]);
}

#[test]
fn petgraph_storage_keeps_requirement_order() {
    let a = m("example.com/a", "v1.0.0");
    let reqs = vec![
        m("example.com/z", "v1.0.0"),
        m("example.com/b", "v1.0.0"),
        m("example.com/z", "v1.0.0"),
    ];
    let mut g = Graph::with_go_order(vec![main_module()]);
    g.require(&main_module(), [a.clone()]).unwrap();
    g.require(&a, &reqs).unwrap();
    let id = g.node_id(&a).unwrap();
    let ids: Vec<_> = g.required_by_id(id).unwrap().node_ids().collect();
    let via_ids: Vec<_> = ids
        .iter()
        .map(|id| g.module(*id).unwrap().clone())
        .collect();
    assert_eq!(via_ids, reqs);
    let parts = g.into_parts();
    let range = parts.nodes[id.index()].requirements.clone().unwrap();
    let positions: Vec<u32> = parts.graph.raw_edges()[range]
        .iter()
        .map(|e| e.weight)
        .collect();
    assert_eq!(positions, vec![0, 1, 2]);
    assert_eq!(parts.graph.node_count(), 4);
}

#[test]
fn custom_order_is_used() {
    // Reverse lexical order, with "none" least.
    let order = |_: &str, a: &str, b: &str| match (a == NONE, b == NONE) {
        (true, true) => Ordering::Equal,
        (true, false) => Ordering::Less,
        (false, true) => Ordering::Greater,
        _ => b.cmp(a),
    };
    let mut g = Graph::new(order, vec![m("r", "x")]);
    g.require(&m("r", "x"), [m("p", "a"), m("p", "b")]).unwrap();
    assert_eq!(g.selected("p"), "a");
}

/// A long chain main -> p0 -> p1 -> ... with two versions per module:
/// v1.1.0 requires the next module at v1.1.0, v1.0.0 requires nothing.
struct Chain {
    len: usize,
    main_reqs: Arc<[ModuleVersion]>,
    cache: HashMap<ModuleVersion, Arc<[ModuleVersion]>>,
}

impl Chain {
    fn new(len: usize) -> Self {
        let mut cache = HashMap::new();
        for i in 0..len {
            let reqs: Arc<[ModuleVersion]> = if i + 1 < len {
                Arc::new([Chain::module(i + 1, "v1.1.0")])
            } else {
                Arc::new([])
            };
            cache.insert(Chain::module(i, "v1.1.0"), reqs);
            cache.insert(Chain::module(i, "v1.0.0"), Arc::new([]) as Arc<[_]>);
        }
        Chain {
            len,
            main_reqs: Arc::new([Chain::module(0, "v1.1.0")]),
            cache,
        }
    }

    fn module(i: usize, version: &str) -> ModuleVersion {
        m(&format!("example.com/p{i:06}"), version)
    }
}

impl Reqs for Chain {
    type Error = TextError;

    fn required(&self, m: &ModuleVersion) -> Result<Arc<[ModuleVersion]>, TextError> {
        if *m == main_module() {
            return Ok(self.main_reqs.clone());
        }
        self.cache
            .get(m)
            .cloned()
            .ok_or_else(|| TextError(format!("missing module: {m}")))
    }

    fn max<'v>(&self, path: &str, v1: &'v str, v2: &'v str) -> &'v str {
        mvs::max_version(path, v1, v2)
    }
}

impl mvs::DowngradeReqs for Chain {
    fn previous(&self, m: &ModuleVersion) -> Result<ModuleVersion, TextError> {
        let version = if m.version == "v1.1.0" {
            "v1.0.0"
        } else {
            NONE
        };
        Ok(ModuleVersion::new(m.path.as_str(), version))
    }
}

impl mvs::UpgradeReqs for Chain {
    fn upgrade(&self, m: &ModuleVersion) -> Result<ModuleVersion, TextError> {
        Ok(m.clone())
    }
}

const DEEP: usize = 100_000;

#[test]
fn deep_chain_does_not_overflow_the_stack() {
    let chain = Chain::new(DEEP);
    let main = main_module();

    let list = mvs::build_list(std::slice::from_ref(&main), &chain).unwrap();
    assert_eq!(list.len(), DEEP + 1);
    assert!(list.iter().skip(1).all(|m| m.version == "v1.1.0"));

    let list = mvs::upgrade_all(&main, &chain).unwrap();
    assert_eq!(list.len(), DEEP + 1);

    // Req: p0 implies everything else.
    let min = mvs::req(&main, &[] as &[&str], &chain).unwrap();
    assert_eq!(min, vec![Chain::module(0, "v1.1.0")]);

    // Downgrading the last module excludes every v1.1.0 up the chain (a
    // 100k-deep cascade in `add`), so everything falls back to v1.0.0.
    let last = Chain::module(chain.len - 1, "v1.0.0");
    let list = mvs::downgrade(&main, &chain, &[last]).unwrap();
    assert_eq!(list.len(), DEEP + 1);
    assert!(list.iter().skip(1).all(|m| m.version == "v1.0.0"));

    // The Graph walks.
    let mut g = Graph::with_go_order(vec![main.clone()]);
    let mut at = main.clone();
    for i in 0..DEEP {
        let next = Chain::module(i, "v1.1.0");
        g.require(&at, [next.clone()]).unwrap();
        at = next;
    }
    let mut count = 0;
    g.walk_breadth_first(|_| count += 1);
    assert_eq!(count, DEEP + 1);
    assert_eq!(g.find_path(|x| *x == at).len(), DEEP + 1);
    assert_eq!(g.build_list().len(), DEEP + 1);
}

#[test]
fn deep_chain_error_path_is_reported() {
    let mut chain = Chain::new(DEEP);
    chain.cache.remove(&Chain::module(DEEP - 1, "v1.1.0"));
    let err = mvs::build_list(&[main_module()], &chain).unwrap_err();
    let mvs::MvsError::BuildList(e) = err else {
        panic!("not a build list error")
    };
    assert_eq!(e.stack().len(), DEEP + 1);
    assert_eq!(e.module(), Chain::module(DEEP - 1, "v1.1.0"));
}
