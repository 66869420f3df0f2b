//! `gomvs why MODULE[@VERSION]...`: why the build list has the version it has.

use super::context::{Context, Invocation};
use crate::render::{self, Format, FormatArgs};
use gomvs_graph::explain::why::{explain_why, WhyIndex, WhyOptions, WhyQuery, WhyReport};
use gomvs_graph::loader::{GoCommand, Loaded};
use std::io::Write;
use std::process::ExitCode;

/// Arguments of `gomvs why`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Modules to explain: `path` (the selected version) or `path@version`
    /// (a version that may have lost).
    #[arg(required = true, value_name = "MODULE[@VERSION]")]
    pub modules: Vec<String>,
    /// Do not read pruned-out go.mod files to report requirements pruning hid.
    #[arg(long)]
    pub no_pruned: bool,
    #[command(flatten)]
    pub format: FormatArgs,
}

/// Loads the graph as `go list -m all` does, for the explaining commands:
/// fatal errors stop; a graph error (go would fail) is reported as a warning
/// and the explanation goes on with what was loaded.
pub fn load_for_explain() -> Result<Loaded, ExitCode> {
    load_for_explain_in_context().map(|(_, loaded)| loaded)
}

/// [`load_for_explain`], with the context it loaded in (its module cache
/// layout gives the `go list -m` rows).
pub fn load_for_explain_in_context() -> Result<(Context, Loaded), ExitCode> {
    let ctx = Context::from_process(Invocation {
        command: GoCommand::ListModules,
        graph_go: None,
    })?;
    let loaded = gomvs_graph::resolution::load_lenient(ctx.config.clone(), ctx.source.clone())
        .map_err(|e| {
            for line in e.lines() {
                super::context::eprint_go(line);
            }
            ExitCode::from(u8::try_from(e.exit_status()).unwrap_or(1))
        })?;
    for line in loaded.session.stderr_lines() {
        super::context::eprint_go(&line);
    }
    if let Some(e) = &loaded.error {
        eprintln!("gomvs: warning: the go command would fail here: go: {e}");
    }
    Ok((ctx, loaded))
}

/// Writes `text` on stdout.
pub fn emit(text: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    if out
        .write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .is_err()
    {
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}

/// Renders reports in the chosen format.
pub fn render(reports: &[WhyReport], args: &FormatArgs) -> Result<String, String> {
    Ok(match args.format() {
        Format::Text => {
            let st = args.style();
            reports
                .iter()
                .map(|r| render::why::text(r, st))
                .collect::<Vec<_>>()
                .join("\n")
        }
        Format::Json => render::json_envelope("why", &reports)? + "\n",
        Format::Dot => render::why::diagram(reports).to_dot("why"),
        Format::Mermaid => render::why::diagram(reports).to_mermaid(),
    })
}

/// Runs the command.
pub fn run(args: &Args) -> ExitCode {
    let loaded = match load_for_explain() {
        Ok(l) => l,
        Err(code) => return code,
    };
    let index = WhyIndex::new(&loaded);
    let options = WhyOptions {
        read_pruned: !args.no_pruned,
    };
    let reports: Vec<WhyReport> = args
        .modules
        .iter()
        .map(|m| explain_why(&loaded, &index, &WhyQuery::parse(m), options))
        .collect();
    match render(&reports, &args.format) {
        Ok(t) => emit(&t),
        Err(e) => {
            eprintln!("gomvs: {e}");
            ExitCode::from(1)
        }
    }
}
