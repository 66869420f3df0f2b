//! Minimal version selection: the incremental requirement graph and the
//! algorithms of `cmd/go/internal/mvs` (BuildList, Req, Upgrade, Downgrade).
//!
//! * [`Graph`] is `mvs.Graph` (`graph.go`), the structure the module graph
//!   loader fills in, stored in a petgraph [`RequirementGraph`].
//! * [`Reqs`], [`UpgradeReqs`] and [`DowngradeReqs`] are the interfaces the
//!   algorithms [`build_list`], [`req`], [`upgrade_all`], [`upgrade`] and
//!   [`downgrade`] (`mvs.go`) run on.
//! * [`BuildListError`] prints the requirement path to a failing module as
//!   Go does (`errors.go`).
//!
//! Nothing here recurses: deep or cyclic graphs are walked with explicit
//! stacks and queues in Go's visit order.

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
