//! `gomvs check`: evaluates the policy (`gomvs.toml`) over the module graph
//! as `go list -m all` loads it, and reports findings for people, as JSON,
//! SARIF 2.1.0 or GitHub workflow annotations.
//!
//! Exit status: 0 no finding at or above `--fail-level`; 1 findings at or
//! above it; 2 usage or policy-file error; 3 the module graph could not be
//! loaded (the go command would fail too).

use super::context::{Context, Invocation};
use super::diff::{load_side, open_side, SideSpec};
use super::why::emit;
use crate::render::{self, ColorChoice, FormatArgs};
use gomvs_graph::check::base::BaseRules;
use gomvs_graph::check::findings::CheckReport;
use gomvs_graph::check::gosum::GosumRules;
use gomvs_graph::check::policy::{repository_root, Policy, Severity};
use gomvs_graph::check::rules::{detect_branch, run_check, CheckContext, FindingProducer};
use gomvs_graph::files::os_files;
use gomvs_graph::loader::{GoCommand, Loaded};
use std::path::Path;
use std::path::PathBuf;
use std::process::ExitCode;

/// Output formats of `gomvs check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CheckFormat {
    /// Text for people.
    Text,
    /// JSON: the `gomvs.check` document, or `gomvs.doctor` for doctor (docs/json-schema.md).
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

/// How findings are reported: the options `gomvs check` and `gomvs doctor` share.
#[derive(Debug, clap::Args)]
pub struct ReportArgs {
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

impl ReportArgs {
    /// The format, `--json` winning.
    pub fn format(&self) -> CheckFormat {
        if self.json {
            CheckFormat::Json
        } else {
            self.format
        }
    }

    /// The lowest severity that fails.
    pub fn fail_severity(&self) -> Severity {
        match self.fail_level {
            FailLevel::Error => Severity::Error,
            FailLevel::Warning => Severity::Warning,
            FailLevel::Note => Severity::Note,
        }
    }
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
    /// How findings are reported.
    #[command(flatten)]
    pub report: ReportArgs,
    /// Compare with a base git revision (`main`, `origin/main`, `main...HEAD`):
    /// the `[base]` rules (downgrades, new replaces, new majors, removed pins),
    /// read from the revision's objects as `gomvs diff` reads them.
    #[arg(long, value_name = "REV")]
    pub base: Option<String>,
}

/// Exit status: findings at or above the fail level.
pub const EXIT_FINDINGS: u8 = 1;
/// Exit status: usage or policy-file error.
pub const EXIT_CONFIG: u8 = 2;
/// Exit status: the module graph could not be loaded.
pub const EXIT_LOAD: u8 = 3;

/// The checked graph: loaded as `go list -m all` loads it (the one loader
/// of `diff` and `list`), and whether that load had to be relaxed.
struct Checked {
    loaded: Loaded,
    /// go list -m all fails only for missing go.sum lines: the graph was
    /// loaded as `go mod verify` loads it, and the `gosum` rule reports them.
    missing_sums: Vec<String>,
}

fn fail_load(lines: &[String]) -> ExitCode {
    for l in lines {
        eprintln!("{l}");
    }
    eprintln!("gomvs check: the module graph cannot be loaded (exit status {EXIT_LOAD})");
    ExitCode::from(EXIT_LOAD)
}

fn load(ctx: &Context) -> Result<Checked, ExitCode> {
    let cwd = ctx.config.cwd.clone();
    match ctx.load_build_list(os_files(), cwd.clone()) {
        Ok(l) => {
            for line in &l.stderr {
                super::context::eprint_go(line);
            }
            Ok(Checked {
                loaded: l.loaded,
                missing_sums: Vec::new(),
            })
        }
        Err(f) if f.lines.iter().all(|l| l.contains("missing go.sum entry")) => {
            match ctx.load_build_list_as(os_files(), cwd, GoCommand::ModVerify) {
                Ok(l) => Ok(Checked {
                    loaded: l.loaded,
                    missing_sums: f.lines,
                }),
                Err(_) => Err(fail_load(&f.lines)),
            }
        }
        Err(f) => Err(fail_load(&f.lines)),
    }
}

/// The base revision's graph and policy, for `--base`.
struct BaseSide {
    loaded: Loaded,
    label: String,
    policy: Option<Policy>,
}

fn load_base(
    ctx: &Context,
    rev: &str,
    head_policy: &Policy,
    root: &Path,
) -> Result<BaseSide, ExitCode> {
    let cwd = ctx.config.cwd.clone();
    let side = open_side(&SideSpec::Revision(rev.to_string()), &cwd).map_err(|e| {
        eprintln!("gomvs check: --base: {e}");
        ExitCode::from(EXIT_CONFIG)
    })?;
    let loaded = load_side(ctx, &side, "base").map_err(|e| {
        eprint!("{e}");
        ExitCode::from(EXIT_LOAD)
    })?;
    // The base revision's own policy file, at the same place as the head's.
    let policy = match &head_policy.file {
        Some(file) => {
            let abs = if file.is_absolute() {
                file.clone()
            } else {
                cwd.join(file)
            };
            match side.files.read(&abs) {
                Ok(data) => {
                    let shown = abs.strip_prefix(root).unwrap_or(&abs).to_path_buf();
                    let text = String::from_utf8_lossy(&data);
                    match Policy::parse(&shown, &text) {
                        Ok(p) => Some(p),
                        Err(e) => {
                            eprintln!(
                                "gomvs check: --base {rev}: the base revision's policy is invalid: {e}"
                            );
                            return Err(ExitCode::from(EXIT_CONFIG));
                        }
                    }
                }
                Err(_) => None,
            }
        }
        None => None,
    };
    Ok(BaseSide {
        loaded,
        label: side.info.label(),
        policy,
    })
}

/// Runs `check` with the built-in rules, `base` (with `--base`), `gosum`,
/// and `extra` producers.
pub fn run_with(args: &Args, extra: &[&dyn FindingProducer]) -> ExitCode {
    let cli = match Context::from_process(Invocation {
        command: GoCommand::ListModules,
        graph_go: None,
    }) {
        Ok(c) => c,
        Err(_) => return ExitCode::from(EXIT_LOAD),
    };
    let checked = match load(&cli) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let loaded = &checked.loaded;
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
    if !checked.missing_sums.is_empty() && policy.gosum.missing.severity().is_none() {
        // The gosum rule is off: nothing reports the missing lines, so the
        // check fails as go does.
        return fail_load(&checked.missing_sums);
    }
    let base = match &args.base {
        Some(rev) => match load_base(&cli, rev, &policy, &root) {
            Ok(b) => Some(b),
            Err(code) => return code,
        },
        None => None,
    };
    let base_rules = base
        .as_ref()
        .map(|b| BaseRules::new(&b.loaded, loaded, b.label.clone(), b.policy.clone()));
    let gosum_rules = GosumRules {
        cache: cli.modcache.clone(),
    };
    let branch = detect_branch(args.branch.as_deref(), repo.as_deref(), &|v| {
        std::env::var(v).ok()
    });
    let ctx = CheckContext::new(loaded, &policy, branch, root);
    let mut producers: Vec<&dyn FindingProducer> = Vec::new();
    if let Some(b) = &base_rules {
        producers.push(b);
    }
    producers.push(&gosum_rules);
    producers.extend_from_slice(extra);
    let report = run_check(&ctx, &producers);
    let text = match render_report(&report, &args.report) {
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
    if report.fails_at(args.report.fail_severity()) {
        ExitCode::from(EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    }
}

/// Renders a report in the chosen format.
pub fn render_report(report: &CheckReport, args: &ReportArgs) -> Result<String, String> {
    Ok(match args.format() {
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
