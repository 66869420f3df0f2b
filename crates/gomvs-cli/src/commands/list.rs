//! `gomvs list`: `go list -m [-json] [-e] [all]`, byte for byte.

use super::context::{print_fatal, print_missing_hints, Context, Invocation};
use gomvs_graph::listing::{list_all, ModuleInfo};
use gomvs_graph::loader::GoCommand;
use std::io::Write;
use std::process::ExitCode;

/// Arguments of `gomvs list` (go's single-dash spellings `-json`, `-e`, `-u`, `-m` are accepted).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Print JSON objects as `go list -m -json`.
    #[arg(long)]
    pub json: bool,
    /// Report errors in the rows instead of failing (`-e`).
    #[arg(short = 'e')]
    pub errors: bool,
    /// Accepted for compatibility with `go list -m` (always module mode).
    #[arg(short = 'm', hide = true)]
    pub modules: bool,
    /// Module patterns; only `all` (the default) is supported for now.
    pub patterns: Vec<String>,
}

/// Runs the command.
pub fn run(args: &Args) -> ExitCode {
    let ctx = match Context::from_process(Invocation {
        command: GoCommand::ListModules,
        graph_go: None,
    }) {
        Ok(c) => c,
        Err(code) => return code,
    };
    if args.patterns.iter().any(|p| p != "all") || args.patterns.is_empty() {
        eprintln!("gomvs: only `gomvs list all` is supported so far");
        return ExitCode::from(2);
    }
    let session = match ctx.open() {
        Ok(s) => s,
        Err(fatal) => return print_fatal(&[], &fatal),
    };
    if session.build_mode == gomvs_graph::loader::BuildMode::Vendor {
        eprintln!("go: can't compute 'all' using the vendor directory\n\t(Use -mod=mod or -mod=readonly to bypass.)");
        return ExitCode::from(1);
    }
    let loaded = match session.load() {
        Ok(l) => l,
        Err(fatal) => return print_fatal(&[], &fatal),
    };
    let rows = list_all(&loaded, &ctx.cache);
    let mut error = loaded.error.clone();
    if error.is_none() {
        error = loaded.commit_requirements();
    }
    let mut stderr: Vec<String> = loaded.session.stderr_lines();
    let mut failed = loaded.session.has_deferred_errors();
    if !args.errors {
        for r in &rows {
            if let Some(e) = &r.error {
                stderr.push(format!("go: {}", e.err));
                failed = true;
            }
        }
        if let Some(e) = &error {
            stderr.push(format!("go: {e}"));
            failed = true;
        }
    }
    for line in &stderr {
        eprintln!("{line}");
    }
    if failed && !args.errors {
        print_missing_hints(&loaded.session);
        return ExitCode::from(1);
    }
    print_rows(&rows, args.json)
}

fn print_rows(rows: &[ModuleInfo], json: bool) -> ExitCode {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for r in rows {
        let text = if json {
            crate::gojson::marshal_indent(r).map(|b| String::from_utf8_lossy(&b).into_owned())
        } else {
            Ok(r.text())
        };
        match text {
            Ok(t) => {
                if writeln!(out, "{t}").is_err() {
                    return ExitCode::from(1);
                }
            }
            Err(e) => {
                eprintln!("gomvs: encoding JSON: {e}");
                return ExitCode::from(1);
            }
        }
    }
    if out.flush().is_err() {
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}
