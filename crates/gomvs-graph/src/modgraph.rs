//! The requirement edges of `go mod graph` as data: one `(from, to)` pair per
//! requirement, in the order of the breadth-first walk (`modcmd.runGraph`),
//! and `module.Version.String()` as bytes. The CLI writes the text
//! (`gomvs-cli`'s `render::modgraph`).

use crate::mvs::{Graph, Requirements, VersionOrder};
use gomvs_modfile::ModuleVersion;

/// Appends `module.Version.String()` of `m` to `buf`: `path@version`, or the
/// bare path when the version is empty.
pub fn push_module_version(buf: &mut Vec<u8>, m: &ModuleVersion) {
    buf.extend_from_slice(m.path.as_bytes());
    if !m.version.is_empty() {
        buf.push(b'@');
        buf.extend_from_slice(m.version.as_bytes());
    }
}

/// Calls `f(m, reqs)` for every module version `m` the breadth-first walk
/// visits (`WalkBreadthFirst`) that has requirements, with its requirements
/// in order: the edges `go mod graph` prints, in its order
/// (`modcmd.runGraph`). Stops at the first error `f` returns.
pub fn try_for_each_requirements<O: VersionOrder, E>(
    g: &Graph<O>,
    mut f: impl FnMut(&ModuleVersion, Requirements<'_>) -> Result<(), E>,
) -> Result<(), E> {
    let mut result = Ok(());
    g.walk_breadth_first_ids(|id| {
        if result.is_err() {
            return;
        }
        let (Some(m), Some(reqs)) = (g.module(id), g.required_by_id(id)) else {
            return;
        };
        result = f(m, reqs);
    });
    result
}
