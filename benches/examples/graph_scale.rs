//! Time and CPU of building the MVS graph alone ([`mvs::Graph::require`]
//! for every module) on the requirement lists of a synthetic universe, the
//! part of a load that neither reads nor parses go.mod files.
//!
//! ```text
//! usage: graph_scale <modules> [runs=N]
//! ```

/// The allocator the `gomvs` binary ships with.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use gomvs_benches::universe::UniverseSpec;
use gomvs_graph::mvs;
use gomvs_modfile::ModuleVersion;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(modules) = args.first().and_then(|a| a.parse::<usize>().ok()) else {
        eprintln!("usage: graph_scale <modules> [runs=N]");
        std::process::exit(2)
    };
    let runs: usize = args
        .iter()
        .find_map(|a| a.strip_prefix("runs="))
        .and_then(|n| n.parse().ok())
        .unwrap_or(3);
    let spec = UniverseSpec::new(modules, true);
    let top = UniverseSpec::version(spec.versions - 1);
    // The requirement lists of the newest version of every module, parsed
    // back from the generated go.mod text.
    let mut lists: Vec<(ModuleVersion, Vec<ModuleVersion>)> = Vec::with_capacity(modules);
    spec.for_each_go_mod(|path, version, text| {
        if version != top {
            return;
        }
        let reqs = text
            .lines()
            .filter_map(|l| l.strip_prefix('\t'))
            .filter_map(|l| l.split_once(' '))
            .map(|(p, v)| ModuleVersion::new(p, v))
            .collect();
        lists.push((ModuleVersion::new(path, version), reqs));
    });
    let main = ModuleVersion::new("example.com/main", "");
    let roots: Vec<ModuleVersion> = lists.iter().map(|(m, _)| m.clone()).collect();
    let edges: usize = lists.iter().map(|(_, r)| r.len()).sum::<usize>() + roots.len();
    let mut times = Vec::new();
    let mut nodes = 0;
    for _ in 0..runs {
        let t = Instant::now();
        let mut g = mvs::Graph::with_go_order(vec![main.clone()]);
        if std::env::var_os("NO_RESERVE").is_none() {
            g.reserve(roots.len(), roots.len() * 8, roots.len() * 16);
        }

        let _ = g.require(&main, roots.iter());
        for (m, reqs) in &lists {
            let _ = g.require(m, reqs.iter());
        }
        nodes = g.len();
        let list = g.build_list();
        times.push(t.elapsed());
        assert_eq!(list.len(), modules + 1);
    }
    let first = times[0];
    times.sort();

    println!(
        "{modules} modules: {nodes} nodes, {edges} edges; build + build list: first {:.1} ms, min {:.1} ms, median {:.1} ms ({runs} runs)",
        first.as_secs_f64() * 1e3,
        times[0].as_secs_f64() * 1e3,

        times[times.len() / 2].as_secs_f64() * 1e3
    );
}
