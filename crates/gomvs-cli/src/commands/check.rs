//! `gomvs check`: evaluates the policy (`gomvs.toml`) over the module graph
//! as `go list -m all` loads it, and reports findings for people, as JSON,
//! SARIF 2.1.0 or GitHub workflow annotations.
//!
//! Exit status: 0 no finding at or above `--fail-level`; 1 findings at or
//! above it; 2 usage or policy-file error; 3 the module graph could not be
//! loaded (the go command would fail too).

use super::context::{Context, Invocation};
use super::why::emit;
use crate::render::{self, ColorChoice, FormatArgs};
use gomvs_graph::check::findings::CheckReport;
use gomvs_graph::check::policy::{repository_root, Policy, Severity};
use gomvs_graph::check::rules::{detect_branch, run_check, CheckContext, FindingProducer};
use gomvs_graph::loader::{GoCommand, Loaded};
use std::path::PathBuf;
use std::process::ExitCode;

/// Output formats of `gomvs check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CheckFormat {
    /// Text for people.
    Text,
    /// The `gomvs.check` JSON document (docs/json-schema.md).
    Json,
    /// SARIF 2.1.0 (code-scanning UIs).
    Sarif,
    /// GitHub Actions workflow commands (`::error file=go.mod,line=12::...`).
    Github,
}

/// The lowest severity that fails the check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FailLevel {
    /// Errors only.
    Error,
    /// Warnings and errors.
    Warning,
    /// Any finding.
    Note,
}

/// Arguments of `gomvs check`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The policy file (default: gomvs.toml in the main module's directory,
    /// then each parent up to the repository root; none: the defaults).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// The branch rules are scoped by (default: the checked-out branch, else CI variables).
    #[arg(long, value_name = "NAME")]
    pub branch: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: CheckFormat,
    /// Same as `--format json`.
    #[arg(long)]
    pub json: bool,
    /// Exit with status 1 when a finding is at or above this severity.
    #[arg(long, value_enum, default_value = "error")]
    pub fail_level: FailLevel,
    /// Colour of text output: auto (on a terminal, unless NO_COLOR is set), always or never.
    #[arg(long, value_name = "WHEN", default_value = "auto")]
    pub color: ColorChoice,
}

/// Exit status: findings at or above the fail level.
pub const EXIT_FINDINGS: u8 = 1;
/// Exit status: usage or policy-file error.
pub const EXIT_CONFIG: u8 = 2;
/// Exit status: the module graph could not be loaded.
pub const EXIT_LOAD: u8 = 3;

fn load() -> Result<Loaded, ExitCode> {
    let ctx = Context::from_process(Invocation {
        command: GoCommand::ListModules,
        graph_go: None,
    })
    .map_err(|_| ExitCode::from(EXIT_LOAD))?;
    let fail = |lines: &[String]| {
        for l in lines {
            eprintln!("{l}");
        }
        eprintln!("gomvs check: the module graph cannot be loaded (exit status {EXIT_LOAD})");
        ExitCode::from(EXIT_LOAD)
    };
    let session = ctx.open().map_err(|f| fail(&f.lines))?;
    let loaded = session.load().map_err(|f| fail(&f.lines))?;
    let mut lines = loaded.session.stderr_lines();
    if let Some(e) = &loaded.error {
        lines.push(format!("go: {e}"));
    }
    if loaded.error.is_some() || loaded.session.has_deferred_errors() {
        return Err(fail(&lines));
    }
    for l in lines {
        eprintln!("{l}");
    }
    Ok(loaded)
}

/// Runs `check` with the built-in rules and `extra` producers (the
/// lead's `base` and `gosum` families plug in here).
pub fn run_with(args: &Args, extra: &[&dyn FindingProducer]) -> ExitCode {
    let loaded = match load() {
        Ok(l) => l,
        Err(code) => return code,
    };
    let session = &loaded.session;
    let start = match (&session.work, session.mains.first()) {
        (Some((work, _)), _) => work.parent().map(PathBuf::from),
        (None, Some(m)) => Some(m.root.clone()),
        (None, None) => None,
    }
    .unwrap_or_else(|| session.config.cwd.clone());
    let repo = repository_root(&start);
    let root = repo.clone().unwrap_or_else(|| start.clone());
    let config = args.config.as_ref().map(|c| session.config.cwd.join(c));
    let policy = match Policy::load(config.as_deref(), &start, Some(&root)) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("gomvs check: {e}");
            return ExitCode::from(EXIT_CONFIG);
        }
    };
    let branch = detect_branch(args.branch.as_deref(), repo.as_deref(), &|v| {
        std::env::var(v).ok()
    });
    let ctx = CheckContext::new(&loaded, &policy, branch, root);
    let report = run_check(&ctx, extra);
    let text = match render_report(&report, args) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("gomvs check: {e}");
            return ExitCode::from(EXIT_CONFIG);
        }
    };
    let code = emit(&text);
    if code != ExitCode::SUCCESS {
        return code;
    }
    let level = match args.fail_level {
        FailLevel::Error => Severity::Error,
        FailLevel::Warning => Severity::Warning,
        FailLevel::Note => Severity::Note,
    };
    if report.fails_at(level) {
        ExitCode::from(EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    }
}

/// Renders a report in the chosen format.
pub fn render_report(report: &CheckReport, args: &Args) -> Result<String, String> {
    let format = if args.json {
        CheckFormat::Json
    } else {
        args.format
    };
    Ok(match format {
        CheckFormat::Text => {
            let style = FormatArgs {
                format: render::Format::Text,
                json: false,
                color: args.color,
            }
            .style();
            render::check::text(report, style)
        }
        CheckFormat::Json => render::json_envelope("check", report)? + "\n",
        CheckFormat::Sarif => render::check::sarif(report)? + "\n",
        CheckFormat::Github => render::check::github(report),
    })
}

/// Runs the command.
pub fn run(args: &Args) -> ExitCode {
    run_with(args, &[])
}
