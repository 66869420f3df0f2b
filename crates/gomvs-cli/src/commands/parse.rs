//! `gomvs parse [FILE]`: `go mod edit -json` / `go work edit -json`.

use std::process::ExitCode;

/// Arguments of `gomvs parse`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The go.mod or go.work file (default: ./go.mod).
    pub file: Option<std::path::PathBuf>,
}

/// Runs the command.
pub fn run(args: &Args) -> ExitCode {
    let _ = args;
    eprintln!("gomvs parse: not implemented yet");
    ExitCode::from(1)
}
