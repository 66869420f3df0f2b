//! The text of `go mod graph`, written straight into a byte sink: one
//! `from to` line per requirement edge of [`gomvs_graph::modgraph`], in the
//! order of the breadth-first walk (`modcmd.runGraph`). No `String` is
//! built per line.
//!
//! Self-contained (std and gomvs-graph only): the benchmarks include this
//! file to measure the very writer the CLI runs.

use gomvs_graph::modgraph::{push_module_version, try_for_each_requirements};
use gomvs_graph::mvs::{Graph, VersionOrder};
use std::io::{self, Write};

/// Writes the output of `go mod graph` for `g`: for every module version
/// the walk visits (`WalkBreadthFirst`), one line `m r` per requirement `r`
/// of `m`, in order. Stops at the first write error.
pub fn write_mod_graph<O: VersionOrder, W: Write + ?Sized>(
    g: &Graph<O>,
    out: &mut W,
) -> io::Result<()> {
    let mut line: Vec<u8> = Vec::with_capacity(128);
    try_for_each_requirements(g, |m, reqs| {
        line.clear();
        push_module_version(&mut line, m);
        line.push(b' ');
        let prefix = line.len();
        for r in reqs {
            line.truncate(prefix);
            push_module_version(&mut line, r);
            line.push(b'\n');
            out.write_all(&line)?;
        }
        Ok(())
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use gomvs_modfile::ModuleVersion;

    #[test]
    fn lines_match_display_in_walk_order() {
        let main = ModuleVersion::new("example.com/main", "");
        let a1 = ModuleVersion::new("example.com/a", "v1.0.0");
        let b1 = ModuleVersion::new("example.com/b", "v1.1.0");
        let mut g = Graph::with_go_order(vec![main.clone()]);
        g.require(&main, &[a1.clone(), b1.clone()]).unwrap();
        g.require(&a1, std::slice::from_ref(&b1)).unwrap();
        let mut got = Vec::new();
        write_mod_graph(&g, &mut got).unwrap();
        let mut want = String::new();
        g.walk_breadth_first(|m| {
            if let Some(reqs) = g.required_by(m) {
                for r in reqs {
                    want.push_str(&format!("{m} {r}\n"));
                }
            }
        });
        assert_eq!(String::from_utf8(got).unwrap(), want);
        assert_eq!(
            want,
            "example.com/main example.com/a@v1.0.0\nexample.com/main example.com/b@v1.1.0\nexample.com/a@v1.0.0 example.com/b@v1.1.0\n"
        );
    }
}
