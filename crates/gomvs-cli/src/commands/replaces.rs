//! `gomvs replaces`: every replace directive and what it did.

use super::why::{emit, load_for_explain};
use crate::render::{self, Format, FormatArgs};
use gomvs_graph::explain::replaces::explain_replaces;
use std::process::ExitCode;

/// Arguments of `gomvs replaces`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub format: FormatArgs,
}

/// Runs the command.
pub fn run(args: &Args) -> ExitCode {
    let loaded = match load_for_explain() {
        Ok(l) => l,
        Err(code) => return code,
    };
    let r = explain_replaces(&loaded);
    let out = match args.format.format() {
        Format::Text => Ok(render::replaces::text(&r, args.format.style())),
        Format::Json => render::json_envelope("replaces", &r).map(|s| s + "\n"),
        Format::Dot => Ok(render::replaces::diagram(&r).to_dot("replaces")),
        Format::Mermaid => Ok(render::replaces::diagram(&r).to_mermaid()),
    };
    match out {
        Ok(t) => emit(&t),
        Err(e) => {
            eprintln!("gomvs: {e}");
            ExitCode::from(1)
        }
    }
}
