//! The `gomvs` command line: Go's module resolution, offline, exactly, and explained.

/// mimalloc: parsing and loading allocate many small strings (module paths,
/// versions, tokens); measured on the corpus, go.mod parsing takes 28% less
/// CPU than with glibc's malloc (docs/benchmarks.md, "Parsing").
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod commands;
mod gojson;
mod gotemplate;
mod render;
mod sandbox;

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
    /// List modules as `go list -m` does (`-u`, `-retracted`, `-versions`, `-e`, `-json`, `-f`; paths, patterns, `path@query`).
    List(commands::list::Args),
    /// Print the module requirement graph as `go mod graph` does.
    Graph(commands::graph::Args),
    /// Explain why a module has its version: requirements, the deciding one, replace/exclude/pruning.
    Why(commands::why::Args),
    /// Print the effective module graph as a tree (`cargo tree` shape).
    Tree(commands::tree::Args),
    /// List every replace directive (including ignored ones in dependencies) and what it did.
    Replaces(commands::replaces::Args),
    /// What changed in the resolved module graph between two git revisions (or directories), and why.
    Diff(commands::diff::Args),
    /// Check the module cache as `go mod verify` does (`--json`: with go.sum coverage).
    Verify(commands::verify::Args),
    /// Check the module graph against a policy (gomvs.toml): replace, pins, bans, retracted, deprecated.
    Check(commands::check::Args),
    /// What `go mod download` would fetch, from where, and check against the checksum database (offline).
    Doctor(commands::doctor::Args),
    /// What `go get MODULE@VERSION...` would write to go.mod and go.sum, and go's messages (dry run).
    Get(commands::get::Args),
    /// The available updates (patch, minor or major) and what taking each alone would change.
    Upgrades(commands::upgrades::Args),
    /// One self-contained HTML page to explore the graph: search, layers, why, replaces, diff.
    Explore(commands::explore::Args),
    /// Print gomvs's version (`-v`: and whether the kernel enforces its read-only sandbox).
    Version(VersionArgs),
}

/// Arguments of `gomvs version`.
#[derive(Debug, clap::Args)]
struct VersionArgs {
    /// Also say whether the read-only sandbox is active (Landlock).
    #[arg(short = 'v', long = "verbose")]
    verbose: bool,
}

/// `gomvs version [-v]`.
fn print_version(args: &VersionArgs, sandbox: &sandbox::SandboxStatus) -> ExitCode {
    println!("gomvs {}", env!("CARGO_PKG_VERSION"));
    if args.verbose {
        println!("sandbox: {sandbox}");
    }
    ExitCode::SUCCESS
}

/// Rewrites go's single-dash long flags (`-json`, `-go=1.21`) into clap's
/// double-dash form, so `gomvs list -json all` reads like `go list -m -json all`.
fn normalize_args(args: impl Iterator<Item = std::ffi::OsString>) -> Vec<std::ffi::OsString> {
    const LONG: &[&str] = &["json", "go", "retracted", "versions", "reuse"];
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

/// A command line clap rejects: `gomvs list` with a `go list -m` flag gomvs
/// does not simulate is reported as unsupported (exit 99, the harness
/// convention); everything else is clap's usage error.
fn parse_error(args: &[std::ffi::OsString], e: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    let is_list = args.iter().skip(1).any(|a| a == "list");
    let usage = matches!(
        e.kind(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion | ErrorKind::InvalidSubcommand
    );
    if is_list && !usage {
        let words: Vec<String> = args
            .iter()
            .skip(1)
            .map(|a| a.to_string_lossy().into_owned())
            .collect();
        eprintln!("gomvs: unsupported: {}", words.join(" "));
        return ExitCode::from(99);
    }
    e.exit()
}

fn main() -> ExitCode {
    // Parsing the arguments reads no file.
    let args = normalize_args(std::env::args_os());
    let cli = match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(e) => return parse_error(&args, e),
    };
    // `explore -o FILE` / `--serve`: the one file the user named is opened and
    // the loopback socket bound now, before the sandbox; it grants nothing more.
    let prepared = match &cli.command {
        Command::Explore(a) => match commands::explore::prepare(a, cli.chdir.as_deref()) {
            Ok(p) => Some(p),
            Err(code) => return code,
        },
        _ => None,
    };
    // `doctor --export-proxy DIR`: the directory is checked and created now;
    // the sandbox then allows writes beneath it and nowhere else.
    let doctor = match &cli.command {
        Command::Doctor(a) => match commands::doctor::prepare(a, cli.chdir.as_deref()) {
            Ok(p) => Some(p),
            Err(code) => return code,
        },
        _ => None,
    };
    let writable = doctor.as_ref().and_then(|d| d.export_dir.clone());
    // Before anything is read and before any thread starts: from here on the
    // kernel refuses this process every write (docs/hardening.md), but
    // beneath an export directory.
    let sandbox = sandbox::restrict_to_reading_except(writable.as_deref());
    if let Some(dir) = &cli.chdir {
        if let Err(err) = std::env::set_current_dir(dir) {
            eprintln!(
                "go: chdir {}: {}",
                dir.display(),
                gomvs_graph::goerr::errno_text(&err)
            );
            // base.Fatalf in go's main: exit status 1.
            return ExitCode::from(1);
        }
    }
    match cli.command {
        Command::Parse(args) => commands::parse::run(&args),
        Command::List(args) => commands::list::run(&args),
        Command::Graph(args) => commands::graph::run(&args),
        Command::Why(args) => commands::why::run(&args),
        Command::Tree(args) => commands::tree::run(&args),
        Command::Replaces(args) => commands::replaces::run(&args),
        Command::Diff(args) => commands::diff::run(&args),
        Command::Verify(args) => commands::verify::run(&args),
        Command::Check(args) => commands::check::run(&args),
        Command::Doctor(args) => match doctor {
            Some(p) => commands::doctor::run(&args, p),
            None => ExitCode::from(1),
        },
        Command::Get(args) => commands::get::run(&args),
        Command::Upgrades(args) => commands::upgrades::run(&args),
        Command::Explore(args) => match prepared {
            Some(p) => commands::explore::run(&args, p),
            None => ExitCode::from(1),
        },
        Command::Version(args) => print_version(&args, &sandbox),
    }
}
