//! The `gomvs` command line: Go's module resolution, offline, exactly, and explained.

mod commands;
mod gojson;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// Simulates how the Go command resolves module versions, offline and exactly, and explains it.
#[derive(Debug, Parser)]
#[command(name = "gomvs", version, about, long_about = None)]
struct Cli {
    /// Change to DIR before doing anything (like `go -C DIR`).
    #[arg(short = 'C', value_name = "DIR", global = true)]
    chdir: Option<std::path::PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Print a go.mod or go.work as `go mod edit -json` / `go work edit -json` do.
    Parse(commands::parse::Args),
    /// List the build list as `go list -m all` does (`-json` as `go list -m -json all`).
    List(commands::list::Args),
    /// Print the module requirement graph as `go mod graph` does.
    Graph(commands::graph::Args),
}

/// Rewrites go's single-dash long flags (`-json`, `-go=1.21`) into clap's
/// double-dash form, so `gomvs list -json all` reads like `go list -m -json all`.
fn normalize_args(args: impl Iterator<Item = std::ffi::OsString>) -> Vec<std::ffi::OsString> {
    const LONG: &[&str] = &["json", "go"];
    args.map(|a| match a.to_str() {
        Some(s) if s.starts_with('-') && !s.starts_with("--") => {
            let name = s[1..].split('=').next().unwrap_or("");
            if LONG.contains(&name) {
                format!("-{s}").into()
            } else {
                a
            }
        }
        _ => a,
    })
    .collect()
}

fn main() -> ExitCode {
    let cli = Cli::parse_from(normalize_args(std::env::args_os()));
    if let Some(dir) = &cli.chdir {
        if let Err(err) = std::env::set_current_dir(dir) {
            eprintln!(
                "go: chdir {}: {}",
                dir.display(),
                gomvs_graph::goerr::errno_text(&err)
            );
            return ExitCode::from(2);
        }
    }
    match cli.command {
        Command::Parse(args) => commands::parse::run(&args),
        Command::List(args) => commands::list::run(&args),
        Command::Graph(args) => commands::graph::run(&args),
    }
}
