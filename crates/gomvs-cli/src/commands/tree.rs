//! `gomvs tree`: the effective module graph in the shape of `cargo tree`.

use super::why::{emit, load_for_explain};
use crate::render::{self, Format, FormatArgs};
use gomvs_graph::explain::tree::{
    adjacency, duplicates, tree_lines, EffectiveGraph, TreeLine, TreeWalk,
};
use serde::Serialize;
use std::io::Write as _;
use std::process::ExitCode;

/// Arguments of `gomvs tree`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Maximum depth (0: the main module(s) only).
    #[arg(long, value_name = "N")]
    pub depth: Option<usize>,
    /// Show what pulls MODULE in (the tree of its requirers, up to the main module).
    #[arg(long, short = 'i', value_name = "MODULE")]
    pub invert: Option<String>,
    /// List modules required at several versions and coexisting major versions.
    #[arg(long, short = 'd', conflicts_with = "invert")]
    pub duplicates: bool,
    /// How text lines start: `indent` (guides; quadratic in the depth),
    /// `depth` (the depth as a number: linear, for deep graphs) or `none`.
    #[arg(long, value_enum, default_value_t = render::tree::Prefix::Indent)]
    pub prefix: render::tree::Prefix,
    #[command(flatten)]
    pub format: FormatArgs,
}

/// The JSON form of a tree: the effective graph and the walk.
#[derive(Serialize)]
struct TreeJson<'a> {
    graph: &'a EffectiveGraph,
    invert: bool,
    lines: Vec<TreeLine>,
}

/// Runs the command.
pub fn run(args: &Args) -> ExitCode {
    let loaded = match load_for_explain() {
        Ok(l) => l,
        Err(code) => return code,
    };
    let fmt = args.format.format();
    if args.duplicates {
        let d = duplicates(&loaded);
        let out = match fmt {
            Format::Text => Ok(render::tree::duplicates_text(&d, args.format.style())),
            Format::Json => render::json_envelope("duplicates", &d).map(|s| s + "\n"),
            Format::Dot => Ok(render::tree::duplicates_diagram(&d).to_dot("duplicates")),
            Format::Mermaid => Ok(render::tree::duplicates_diagram(&d).to_mermaid()),
        };
        return finish(out);
    }
    let graph = EffectiveGraph::new(&loaded);
    let starts: Vec<usize> = match &args.invert {
        Some(m) => match graph.find(m) {
            Some(i) => vec![i],
            None => {
                eprintln!("gomvs: {m} is not in the build list (see `gomvs why {m}`)");
                return ExitCode::from(1);
            }
        },
        None => graph.roots.clone(),
    };
    let invert = args.invert.is_some();
    if fmt == Format::Text {
        // Streamed: a 100,000-deep chain's indented text is 20 GB.
        let adj = adjacency(&graph, invert);
        let walk = starts
            .iter()
            .flat_map(|&s| TreeWalk::new(&graph, &adj, s, args.depth, invert));
        let stdout = std::io::stdout();
        let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
        let written =
            render::tree::write_text(&mut out, &graph, walk, args.format.style(), args.prefix)
                .and_then(|()| out.flush());
        return match written {
            Ok(()) => ExitCode::SUCCESS,
            Err(_) => ExitCode::from(1),
        };
    }
    let mut lines = Vec::new();
    for s in starts {
        lines.extend(tree_lines(&graph, s, args.depth, invert));
    }
    let out = match fmt {
        Format::Text => Ok(render::tree::text(&graph, &lines, args.format.style())),
        Format::Json => render::json_envelope(
            "tree",
            &TreeJson {
                graph: &graph,
                invert,
                lines,
            },
        )
        .map(|s| s + "\n"),
        Format::Dot => Ok(render::tree::diagram(&graph, &lines).to_dot("tree")),
        Format::Mermaid => Ok(render::tree::diagram(&graph, &lines).to_mermaid()),
    };
    finish(out)
}

fn finish(out: Result<String, String>) -> ExitCode {
    match out {
        Ok(t) => emit(&t),
        Err(e) => {
            eprintln!("gomvs: {e}");
            ExitCode::from(1)
        }
    }
}
