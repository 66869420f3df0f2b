//! `gomvs get ARG...`: what `go get` would do to go.mod and go.sum, as a dry
//! run (gomvs never writes). stderr carries go's own lines; stdout a unified
//! diff of go.mod and go.sum (or the whole new files with `--print-gomod` /
//! `--print-gosum`).

use super::context::{print_fatal, Context, Invocation};
use gomvs_graph::get::{get, UpgradeFlag};
use gomvs_graph::loader::GoCommand;
use std::io::Write;
use std::process::ExitCode;

/// Arguments of `gomvs get`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// `-u` (`-u` alone = upgrade) or `-u=patch`: the default query for
    /// arguments without a version.
    #[arg(short = 'u', num_args = 0..=1, default_missing_value = "upgrade", require_equals = true)]
    pub upgrade: Option<String>,
    /// Print the whole go.mod go would write instead of a diff.
    #[arg(long)]
    pub print_gomod: bool,
    /// Print the whole go.sum go would write instead of a diff.
    #[arg(long)]
    pub print_gosum: bool,
    /// Module arguments: `path`, `path@version`, `path@latest`, `path@upgrade`,
    /// `path@patch`, `path@none`, `path@<query>`.
    #[arg(required = true)]
    pub args: Vec<String>,
}

fn unified(name: &str, old: &[u8], new: &[u8]) -> String {
    let old = String::from_utf8_lossy(old);
    let new = String::from_utf8_lossy(new);
    if old == new {
        return String::new();
    }
    similar::TextDiff::from_lines(old.as_ref(), new.as_ref())
        .unified_diff()
        .header(&format!("a/{name}"), &format!("b/{name}"))
        .to_string()
}

/// Runs the command.
pub fn run(args: &Args) -> ExitCode {
    let upgrade = match args.upgrade.as_deref() {
        None => UpgradeFlag::None,
        Some("upgrade") | Some("") => UpgradeFlag::Upgrade,
        Some("patch") => UpgradeFlag::Patch,
        Some(other) => {
            eprintln!("go: unknown upgrade flag -u={other}");
            return ExitCode::from(2);
        }
    };
    let ctx = match Context::from_process(Invocation {
        command: GoCommand::Get,
        graph_go: None,
    }) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let session = match ctx.open() {
        Ok(s) => s,
        Err(fatal) => return print_fatal(&[], &fatal),
    };
    let loaded = match session.load() {
        Ok(l) => l,
        Err(fatal) => return print_fatal(&[], &fatal),
    };
    let outcome = get(&loaded, &args.args, upgrade);
    let mut err = std::io::stderr().lock();
    for line in loaded.session.stderr_lines() {
        let _ = writeln!(err, "{line}");
    }
    for line in &outcome.stderr {
        let _ = writeln!(err, "{line}");
    }
    let mut out = std::io::stdout().lock();
    if args.print_gomod {
        let _ = out.write_all(&outcome.new_go_mod);
    }
    if args.print_gosum {
        let _ = out.write_all(&outcome.new_go_sum);
    }
    if !args.print_gomod && !args.print_gosum {
        let _ =
            out.write_all(unified("go.mod", &outcome.old_go_mod, &outcome.new_go_mod).as_bytes());
        let _ =
            out.write_all(unified("go.sum", &outcome.old_go_sum, &outcome.new_go_sum).as_bytes());
    }
    ExitCode::from(u8::try_from(outcome.exit_code).unwrap_or(1))
}
