//! `gomvs graph`: `go mod graph [-go=V]`, byte for byte.

use super::context::{print_fatal, print_missing_hints, Context, Invocation};
use gomvs_graph::loader::{Fatal, GoCommand};
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
        if !gover::is_valid(v) {
            eprintln!("invalid value {v:?} for flag -go: invalid Go version\nusage: go mod graph [-go=version] [-x]\nRun 'go help mod graph' for details.");
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
    let session = match ctx.open() {
        Ok(s) => s,
        Err(fatal) => return print_fatal(&[], &fatal),
    };
    let loaded = match session.load() {
        Ok(l) => l,
        Err(fatal) => return print_fatal(&[], &fatal),
    };
    for line in &loaded.session.stderr_lines() {
        eprintln!("{line}");
    }
    if let Some(e) = &loaded.error {
        let code = print_fatal(
            &[],
            &Fatal {
                lines: vec![format!("go: {e}")],
                exit_code: 1,
            },
        );
        print_missing_hints(&loaded.session);
        return code;
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let g = &loaded.graph.graph;
    let mut failed = false;
    g.walk_breadth_first(|m| {
        if let Some(reqs) = g.required_by(m) {
            for r in reqs {
                if writeln!(out, "{m} {r}").is_err() {
                    failed = true;
                }
            }
        }
    });
    if failed || out.flush().is_err() {
        return ExitCode::from(1);
    }
    // Errors reported without stopping (base.Errorf, e.g. workspace
    // replacement conflicts) still make the exit status 1.
    if loaded.session.has_deferred_errors() {
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}
