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
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(dir) = &cli.chdir {
        if let Err(err) = std::env::set_current_dir(dir) {
            eprintln!(
                "go: chdir {}: {}",
                dir.display(),
                commands::io_error_text(&err)
            );
            return ExitCode::from(2);
        }
    }
    match cli.command {
        Command::Parse(args) => commands::parse::run(&args),
    }
}
