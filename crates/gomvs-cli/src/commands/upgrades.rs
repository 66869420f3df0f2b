//! `gomvs upgrades [--patch | --minor | --major] [--direct]`: the available
//! updates of the build list under a policy, each with the impact of taking
//! it alone (computed by the code path of `gomvs get`).
//!
//! Exit status: 0 the report was printed (with `--fail-on-available`: and
//! no module has an update); 1 `--fail-on-available` and at least one
//! update; 2 usage error; 3 the module graph could not be loaded (the go
//! command would fail too).

use super::context::{eprint_go, print_fatal, Context};
use crate::render::upgrades::{render, UpgradesFormat};
use crate::render::ColorChoice;
use gomvs_graph::upgrades::{upgrades, Policy, UpgradeOptions};
use std::io::Write;
use std::process::ExitCode;

/// Exit status: `--fail-on-available` and an update is available.
pub const EXIT_AVAILABLE: u8 = 1;
/// Exit status: the module graph could not be loaded.
pub const EXIT_LOAD: u8 = 3;

/// Arguments of `gomvs upgrades`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Patch updates only (go's `@patch`: same major and minor).
    #[arg(long, conflicts_with_all = ["minor", "major"])]
    pub patch: bool,
    /// Minor and patch updates within the current major version (the default).
    #[arg(long, conflicts_with_all = ["patch", "major"])]
    pub minor: bool,
    /// Any update go's `@upgrade` finds (what `go list -m -u` shows,
    /// v0 → v1 and `+incompatible` majors included), and newer major
    /// version paths (`/v2`...) for modules without one.
    #[arg(long, conflicts_with_all = ["patch", "minor"])]
    pub major: bool,
    /// Only the modules the main module requires directly (no `// indirect`).
    #[arg(long)]
    pub direct: bool,
    /// List every module each candidate would change.
    #[arg(long, short = 'v')]
    pub verbose: bool,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: UpgradesFormat,
    /// Same as `--format json`.
    #[arg(long)]
    pub json: bool,
    /// Exit with status 1 when at least one update is available (CI).
    #[arg(long)]
    pub fail_on_available: bool,
    /// Colour of text output: auto (on a terminal, unless NO_COLOR is set), always or never.
    #[arg(long, value_name = "WHEN", default_value = "auto")]
    pub color: ColorChoice,
    /// Answer from the module cache alone (see docs/get.md, "Offline").
    #[arg(long)]
    pub offline: bool,
}

/// Runs the command.
pub fn run(args: &Args) -> ExitCode {
    let policy = if args.patch {
        Policy::Patch
    } else if args.major {
        Policy::Major
    } else {
        Policy::Minor
    };
    let format = if args.json {
        UpgradesFormat::Json
    } else {
        args.format
    };
    // As go get sees it: the module of the working directory alone, also
    // inside a workspace.
    let ctx = match Context::for_get(args.offline) {
        Ok((c, _)) => c,
        Err(code) => return code,
    };
    let session = match ctx.open() {
        Ok(s) => s,
        Err(fatal) => {
            let _ = print_fatal(&[], &fatal);
            return ExitCode::from(EXIT_LOAD);
        }
    };
    let loaded = match session.load() {
        Ok(l) => l,
        Err(fatal) => {
            let _ = print_fatal(&[], &fatal);
            return ExitCode::from(EXIT_LOAD);
        }
    };
    for line in loaded.session.stderr_lines() {
        eprint_go(&line);
    }
    if let Some(e) = &loaded.error {
        eprint_go(&format!("go: {e}"));
        return ExitCode::from(EXIT_LOAD);
    }
    let report = upgrades(
        &loaded,
        UpgradeOptions {
            policy,
            direct_only: args.direct,
        },
    );
    let text = match render(
        &report,
        format,
        args.verbose,
        crate::render::style_for(args.color),
    ) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("gomvs: upgrades: {e}");
            return ExitCode::from(2);
        }
    };
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    if args.fail_on_available && !report.rows.is_empty() {
        return ExitCode::from(EXIT_AVAILABLE);
    }
    ExitCode::SUCCESS
}
