//! Minimal version selection: the incremental requirement graph and the
//! algorithms of `cmd/go/internal/mvs` (BuildList, Req, Upgrade, Downgrade).
//!
//! * [`Graph`] is `mvs.Graph` (`graph.go`), the structure the module graph
//!   loader fills in, stored in a petgraph [`RequirementGraph`].
//! * [`Reqs`], [`UpgradeReqs`] and [`DowngradeReqs`] are the interfaces the
//!   algorithms [`build_list`], [`req`], [`upgrade_all`], [`upgrade`] and
//!   [`downgrade()`] (`mvs.go`) run on.
//! * [`BuildListError`] prints the requirement path to a failing module as
//!   Go does (`errors.go`).
//!
//! Nothing here recurses: deep or cyclic graphs are walked with explicit
//! stacks and queues in Go's visit order.
//!
//! ```
//! use gomvs_graph::mvs::Graph;
//! use gomvs_modfile::ModuleVersion;
//!
//! let main = ModuleVersion::new("example.com/main", "");
//! let a1 = ModuleVersion::new("example.com/a", "v1.0.0");
//! let b1 = ModuleVersion::new("example.com/b", "v1.0.0");
//! let a2 = ModuleVersion::new("example.com/a", "v1.2.0");
//! let mut g = Graph::with_go_order(vec![main.clone()]);
//! g.require(&main, [a1.clone(), b1.clone()])?;
//! g.require(&b1, [a2.clone()])?;
//! assert_eq!(g.selected("example.com/a"), "v1.2.0");
//! assert_eq!(g.build_list(), vec![main.clone(), a2.clone(), b1.clone()]);
//! let reqs: Vec<&ModuleVersion> = g.required_by(&main).into_iter().flatten().collect();
//! assert_eq!(reqs, vec![&a1, &b1]);
//! assert_eq!(g.find_path(|m| *m == a2), vec![main, b1, a2]);
//! # Ok::<(), gomvs_graph::mvs::RequireError>(())
//! ```

mod algorithms;
mod downgrade;
mod error;
mod graph;
mod order;
mod reqs;

pub use algorithms::{build_list, req, upgrade, upgrade_all, MvsResult};
pub use downgrade::downgrade;
pub use error::{
    BuildListError, BuildListStep, GoErrorChain, InvalidVersionError, InvalidVersionRef,
    IsVersionChange, ModuleError, ModuleErrorRef, MvsError, RequireError, TextError,
};
pub use graph::{
    EdgeId, Graph, GraphIx, GraphParts, NodeId, NodeParts, RequirementGraph, Requirements, NONE,
};
pub use order::{cmp_version, max_version, GoVersionOrder, VersionOrder};
pub use reqs::{DowngradeReqs, Reqs, UpgradeReqs};
