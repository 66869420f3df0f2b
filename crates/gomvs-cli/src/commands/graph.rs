//! `gomvs graph`: `go mod graph [-go=V]`, byte for byte.

use super::context::{Context, Invocation};
use gomvs_graph::loader::GoCommand;
use gomvs_modfile::gover;
use std::io::Write;
use std::process::ExitCode;

/// Arguments of `gomvs graph` (go's `-go=V` spelling is accepted).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Load the graph as the given Go version would (`go mod graph -go=V`).
    #[arg(long = "go", value_name = "VERSION")]
    pub go: Option<String>,
    /// Accepted for compatibility (`-x` prints commands; gomvs runs none).
    #[arg(short = 'x', hide = true)]
    pub trace: bool,
    /// Output format: `go` (exactly `go mod graph`), `json`, `dot` or `mermaid`.
    #[arg(long, value_enum, default_value = "go")]
    pub format: GraphFormat,
}

/// Output formats of `gomvs graph`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum GraphFormat {
    /// `go mod graph`, byte for byte.
    Go,
    /// `{"schema": "gomvs.graph", ...}` (docs/json-schema.md).
    Json,
    /// Graphviz DOT.
    Dot,
    /// A Mermaid flowchart.
    Mermaid,
}

/// The JSON form of the requirement graph: every edge `go mod graph` prints.
#[derive(serde::Serialize)]
struct GraphJson {
    /// Module versions in breadth-first order; `selected` marks the build list.
    nodes: Vec<GraphJsonNode>,
    /// Edges as indices into `nodes`, in `go mod graph` order.
    edges: Vec<(usize, usize)>,
}

#[derive(serde::Serialize)]
struct GraphJsonNode {
    module: gomvs_modfile::ModuleVersion,
    selected: bool,
}

/// Runs the command.
pub fn run(args: &Args) -> ExitCode {
    let ctx = match Context::from_process(Invocation {
        command: GoCommand::ModGraph,
        graph_go: args.go.clone(),
    }) {
        Ok(c) => c,
        Err(code) => return code,
    };
    if let Some(v) = &args.go {
        if !gomvs_modfile::gomod::is_go_version(v) {
            // goVersionFlag.Set (modcmd/tidy.go): GoVersionRE, then the latest.
            eprintln!(
                "invalid value {v:?} for flag -go: expecting a Go version like {:?}\nusage: go mod graph [-go=version] [-x]\nRun 'go help mod graph' for details.",
                ctx.config.local_go
            );
            return ExitCode::from(2);
        }
        if gover::compare(&ctx.config.local_go, v).is_lt() {
            eprintln!(
                "invalid value {v:?} for flag -go: maximum supported Go version is {}\nusage: go mod graph [-go=version] [-x]\nRun 'go help mod graph' for details.",
                ctx.config.local_go
            );
            return ExitCode::from(2);
        }
    }
    let loaded = match ctx.load_or_exit() {
        Ok(l) => l,
        Err(code) => return code,
    };
    if args.format != GraphFormat::Go {
        let code = render_other(&loaded, args.format);
        if code != ExitCode::SUCCESS || !loaded.session.has_deferred_errors() {
            return code;
        }
        return ExitCode::from(1);
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(super::STDOUT_BUFFER, stdout.lock());
    let written = crate::render::modgraph::write_mod_graph(&loaded.graph.graph, &mut out);
    if written.is_err() || out.flush().is_err() {
        return ExitCode::from(1);
    }
    // Errors reported without stopping (base.Errorf, e.g. workspace
    // replacement conflicts) still make the exit status 1.
    if loaded.session.has_deferred_errors() {
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}

/// `--format json|dot|mermaid`: the same edges as `go mod graph`.
fn render_other(loaded: &gomvs_graph::loader::Loaded, format: GraphFormat) -> ExitCode {
    use crate::render::diagram::{Diagram, EdgeKind, NodeKind};
    let g = &loaded.graph.graph;
    let mut index = std::collections::HashMap::new();
    let mut nodes = Vec::new();
    let mut edges = Vec::new();
    let mut intern = |m: &gomvs_modfile::ModuleVersion, nodes: &mut Vec<GraphJsonNode>| {
        *index.entry(m.clone()).or_insert_with(|| {
            nodes.push(GraphJsonNode {
                module: m.clone(),
                selected: m.version.is_empty() || g.selected(&m.path) == m.version,
            });
            nodes.len() - 1
        })
    };
    g.walk_breadth_first(|m| {
        if let Some(reqs) = g.required_by(m) {
            let from = intern(m, &mut nodes);
            for r in reqs {
                let to = intern(r, &mut nodes);
                edges.push((from, to));
            }
        }
    });
    let text = match format {
        GraphFormat::Json => {
            match crate::render::json_envelope("graph", &GraphJson { nodes, edges }) {
                Ok(s) => s + "\n",
                Err(e) => {
                    eprintln!("gomvs: {e}");
                    return ExitCode::from(1);
                }
            }
        }
        _ => {
            let mut d = Diagram::default();
            let ids: Vec<usize> = nodes
                .iter()
                .map(|n| {
                    let kind = if n.module.version.is_empty() {
                        NodeKind::Main
                    } else if n.selected {
                        NodeKind::Module
                    } else {
                        NodeKind::Faded
                    };
                    d.node(&n.module.to_string(), kind)
                })
                .collect();
            for (f, t) in edges {
                if let (Some(&f), Some(&t)) = (ids.get(f), ids.get(t)) {
                    d.edge(f, t, "", EdgeKind::Require);
                }
            }
            if format == GraphFormat::Dot {
                d.to_dot("graph")
            } else {
                d.to_mermaid()
            }
        }
    };
    super::why::emit(&text)
}
