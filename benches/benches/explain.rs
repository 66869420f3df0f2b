//! Cost of explaining over plain loading, on the largest golang-x case
//! (`synthetic-union-unpruned@v0.0.0`, the most `go mod graph` edges):
//!
//! * `list`: open + load + the `go list -m all` rows (what `gomvs list all` computes);
//! * `why`: open + load + `why` of every module of the build list;
//! * `why_one`: open + load + `why` of one module (the common use);
//! * `tree`: open + load + the effective graph and its full tree walk;
//! * `replaces`: open + load + the replaces report (re-reads dependency go.mod syntax).
//!
//! Target (issue 4): `why` and `tree` cost < 20% over `list`.

use std::hint::black_box;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use gomvs_graph::env::GoEnv;
use gomvs_graph::explain::replaces::explain_replaces;
use gomvs_graph::explain::tree::{tree_lines, EffectiveGraph};
use gomvs_graph::explain::why::{explain_why, WhyIndex, WhyOptions, WhyQuery};
use gomvs_graph::listing::{list_all, CacheLayout};
use gomvs_graph::loader::{GoCommand, LoadConfig, Loaded, Session};
use gomvs_graph::source::GoSources;

const CASE: &str = "synthetic-union-unpruned@v0.0.0";

struct Setup {
    env: GoEnv,
}

impl Setup {
    fn new(tmp: &Path) -> Setup {
        let case = gomvs_benches::golang_x_case(CASE);
        let vars = [
            ("GOTOOLCHAIN", "local".to_string()),
            ("GOSUMDB", "off".to_string()),
            ("GOENV", "off".to_string()),
            ("GOWORK", "off".to_string()),
            ("GOFLAGS", "-mod=mod".to_string()),
            ("GOPROXY", format!("file://{}", case.proxy_dir.display())),
            ("GOMODCACHE", tmp.join("modcache").display().to_string()),
            ("GOPATH", tmp.join("gopath").display().to_string()),
            ("HOME", tmp.join("home").display().to_string()),
        ];
        Setup {
            env: GoEnv::new(vars, case.main_dir),
        }
    }

    fn load(&self) -> Loaded {
        let config = LoadConfig::from_env(&self.env, GoCommand::ListModules, None)
            .unwrap_or_else(|e| panic!("{e}"));
        let session = Session::open(config, Arc::new(GoSources::new(&self.env)))
            .unwrap_or_else(|e| panic!("{e}"));
        session.load().unwrap_or_else(|e| panic!("{e}"))
    }
}

fn bench(c: &mut Criterion) {
    let tmp = std::env::temp_dir().join(format!("gomvs-bench-explain-{}", std::process::id()));
    let setup = Setup::new(&tmp);
    let cache = CacheLayout { root: None };
    let first = setup.load();
    let modules: Vec<String> = first
        .graph
        .build_list()
        .into_iter()
        .filter(|m| !m.version.is_empty() && m.path != "go" && m.path != "toolchain")
        .map(|m| m.path.to_string())
        .collect();
    let one = modules.last().cloned().unwrap_or_default();
    drop(first);

    let mut g = c.benchmark_group("explain");
    g.measurement_time(Duration::from_secs(8));
    g.sample_size(30);
    g.bench_function("list", |b| {
        b.iter(|| {
            let loaded = setup.load();
            black_box(list_all(&loaded, &cache));
        })
    });
    g.bench_function("why_one", |b| {
        b.iter(|| {
            let loaded = setup.load();
            let index = WhyIndex::new(&loaded);
            black_box(explain_why(
                &loaded,
                &index,
                &WhyQuery::parse(&one),
                WhyOptions::default(),
            ));
        })
    });
    g.bench_function("why_all", |b| {
        b.iter(|| {
            let loaded = setup.load();
            let index = WhyIndex::new(&loaded);
            for m in &modules {
                black_box(explain_why(
                    &loaded,
                    &index,
                    &WhyQuery::parse(m),
                    WhyOptions::default(),
                ));
            }
        })
    });
    g.bench_function("tree", |b| {
        b.iter(|| {
            let loaded = setup.load();
            let graph = EffectiveGraph::new(&loaded);
            for &r in &graph.roots {
                black_box(tree_lines(&graph, r, None, false));
            }
        })
    });
    g.bench_function("replaces", |b| {
        b.iter(|| {
            let loaded = setup.load();
            black_box(explain_replaces(&loaded));
        })
    });
    g.finish();
    let _ = std::fs::remove_dir_all(&tmp);
}

criterion_group!(benches, bench);
criterion_main!(benches);
