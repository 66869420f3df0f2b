//! `gomvs doctor`: what `go mod download` would fetch, from where, and
//! what it would check against the checksum database, predicted offline
//! (docs/doctor.md); findings with `gomvs check`'s codes and formats; and
//! `--export-proxy DIR`, the one command of gomvs that writes.
//!
//! Exit status: 0 no finding at or above `--fail-level`; 1 findings at or
//! above it (or an export that missed files); 2 usage error.

use super::check::{render_report, CheckFormat, ReportArgs};
use crate::render;
use gomvs_graph::check::findings::{CheckReport, Code, Counts, Finding, RuleRef};
use gomvs_graph::check::policy::{repository_root, Severity};
use gomvs_graph::doctor::export::{export_proxy, is_non_empty, ExportReport};
use gomvs_graph::doctor::findings::{doctor_findings, DoctorOptions};
use gomvs_graph::doctor::{diagnose, FetchPlan};
use gomvs_graph::env::GoEnv;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `gomvs doctor`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// How findings are reported (`--format json`: the plan and the
    /// findings; `sarif`/`github`: the findings), as `gomvs check` does.
    #[command(flatten)]
    pub report: ReportArgs,
    /// Show every module's route (default: only what is not in the module cache).
    #[arg(short, long)]
    pub verbose: bool,
    /// The build runs without network (air-gapped CI): what needs it is an error.
    #[arg(long)]
    pub air_gapped: bool,
    /// Module path patterns that are private (GOPRIVATE syntax, repeatable),
    /// beyond hosts that are not public DNS names.
    #[arg(long, value_name = "PATTERNS")]
    pub private: Vec<String>,
    /// What if GOPROXY were this.
    #[arg(long, value_name = "LIST")]
    pub goproxy: Option<String>,
    /// What if GOPRIVATE were this.
    #[arg(long, value_name = "PATTERNS")]
    pub goprivate: Option<String>,
    /// What if GONOPROXY were this.
    #[arg(long, value_name = "PATTERNS")]
    pub gonoproxy: Option<String>,
    /// What if GONOSUMDB were this.
    #[arg(long, value_name = "PATTERNS")]
    pub gonosumdb: Option<String>,
    /// What if GOSUMDB were this.
    #[arg(long, value_name = "DB")]
    pub gosumdb: Option<String>,
    /// What if GOINSECURE were this.
    #[arg(long, value_name = "PATTERNS")]
    pub goinsecure: Option<String>,
    /// What if GOFLAGS were this.
    #[arg(long, value_name = "FLAGS")]
    pub goflags: Option<String>,
    /// What if GOMODCACHE were this (e.g. an empty directory: a fresh CI machine).
    #[arg(long, value_name = "DIR")]
    pub gomodcache: Option<String>,
    /// Write the files the build needs (list, .info, .mod, .zip) into DIR,
    /// a proxy for `GOPROXY=file://DIR`: the one command of gomvs that writes.
    #[arg(long, value_name = "DIR")]
    pub export_proxy: Option<PathBuf>,
    /// Let --export-proxy add to a non-empty directory.
    #[arg(long, requires = "export_proxy")]
    pub force: bool,
}

/// The export directory, made ready before the sandbox (which then allows
/// writes beneath it and nowhere else).
pub struct Prepared {
    /// The absolute export directory.
    pub export_dir: Option<PathBuf>,
}

/// Checks and creates the export directory (before the sandbox).
pub fn prepare(args: &Args, chdir: Option<&Path>) -> Result<Prepared, ExitCode> {
    let Some(dir) = &args.export_proxy else {
        return Ok(Prepared { export_dir: None });
    };
    let base = match chdir {
        Some(d) => d.to_path_buf(),
        None => std::env::current_dir().unwrap_or_default(),
    };
    let full = if dir.is_absolute() {
        dir.clone()
    } else {
        base.join(dir)
    };
    if !args.force && is_non_empty(&full) {
        eprintln!(
            "gomvs doctor: --export-proxy {}: directory is not empty; choose an empty or new directory, or pass --force to add to it",
            full.display()
        );
        return Err(ExitCode::from(2));
    }
    if let Err(e) = std::fs::create_dir_all(&full) {
        eprintln!(
            "gomvs doctor: --export-proxy {}: cannot create it: {e}",
            full.display()
        );
        return Err(ExitCode::from(2));
    }
    Ok(Prepared {
        export_dir: Some(full),
    })
}

fn env_with_overrides(args: &Args) -> Result<GoEnv, ExitCode> {
    let mut env = GoEnv::from_process().map_err(|e| {
        eprintln!("go: getwd: {e}");
        ExitCode::from(1)
    })?;
    let overrides = [
        ("GOPROXY", &args.goproxy),
        ("GOPRIVATE", &args.goprivate),
        ("GONOPROXY", &args.gonoproxy),
        ("GONOSUMDB", &args.gonosumdb),
        ("GOSUMDB", &args.gosumdb),
        ("GOINSECURE", &args.goinsecure),
        ("GOFLAGS", &args.goflags),
        ("GOMODCACHE", &args.gomodcache),
    ];
    for (key, value) in overrides {
        if let Some(v) = value {
            env = env.with_var(key, v.clone());
        }
    }
    Ok(env)
}

/// The `data` of the `gomvs.doctor` JSON document.
#[derive(serde::Serialize)]
struct DoctorJson<'a> {
    plan: &'a FetchPlan,
    report: &'a CheckReport,
    #[serde(skip_serializing_if = "Option::is_none")]
    export: Option<&'a ExportReport>,
}

/// Every module version the module graph names (requirements of every
/// go.mod read, build list included), as fetched (replacements applied,
/// directories left out): the export serves their `.info` and `.mod`, so
/// that `go list -m all` works from it under any `-mod`.
fn graph_modules(d: &gomvs_graph::doctor::Diagnosis) -> Vec<gomvs_graph::ModuleVersion> {
    let Some(loaded) = &d.loaded else {
        return Vec::new();
    };
    let s = &loaded.session;
    let mut out = Vec::new();
    loaded.graph.graph.walk_breadth_first(|m| {
        if !s.is_main(&m.path) {
            let r = s.replacement(m).map_or(m.clone(), |r| r.effective);
            if !r.version.is_empty() {
                out.push(r);
            }
        }
    });
    out
}

/// Runs the command.
pub fn run(args: &Args, prepared: Prepared) -> ExitCode {
    let env = match env_with_overrides(args) {
        Ok(e) => e,
        Err(code) => return code,
    };
    let diagnosis = match diagnose(&env) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(u8::try_from(e.exit_code).unwrap_or(1));
        }
    };
    let plan = &diagnosis.plan;
    let opts = DoctorOptions {
        private: args
            .private
            .iter()
            .flat_map(|p| p.split(','))
            .filter(|p| !p.is_empty())
            .map(str::to_string)
            .collect(),
        air_gapped: args.air_gapped,
    };
    // Findings are located relative to the repository root (else the main
    // module's directory), as `gomvs check` locates them.
    let root = match diagnosis.session() {
        Some(s) => {
            let start = match (&s.work, s.mains.first()) {
                (Some((work, _)), _) => work.parent().map(PathBuf::from),
                (None, Some(m)) => Some(m.root.clone()),
                (None, None) => None,
            }
            .unwrap_or_else(|| s.config.cwd.clone());
            repository_root(&start).unwrap_or(start)
        }
        None => env.cwd.clone(),
    };
    let load_failure = |what: &str, lines: &[String]| Finding {
        code: Code::DoctorFetchFails,
        severity: Severity::Error,
        rule: RuleRef {
            name: "doctor.load".to_string(),
            location: None,
        },
        module: None,
        message: format!("go mod download {what}: {}", lines.join("; ")),
        location: None,
        cause: None,
    };
    let mut findings: Vec<Finding> = Vec::new();
    if !plan.load_error.is_empty() {
        findings.push(load_failure(
            "fails before downloading anything",
            &plan.load_error,
        ));
    }
    if !plan.error_after_downloads.is_empty() {
        findings.push(load_failure(
            "downloads the build list it can load, then fails",
            &plan.error_after_downloads,
        ));
    }
    findings.extend(doctor_findings(
        plan,
        &env,
        &opts,
        diagnosis.session(),
        &root,
    ));
    let export = match &prepared.export_dir {
        Some(dir) => match export_proxy(
            plan,
            &graph_modules(&diagnosis),
            &diagnosis.sources,
            dir,
            true,
        ) {
            Ok(r) => Some(r),
            Err(e) => {
                eprintln!("gomvs doctor: --export-proxy: {e}");
                return ExitCode::from(1);
            }
        },
        None => None,
    };
    let mut report = CheckReport {
        policy: None,
        root: root.display().to_string(),
        branch: None,
        findings,
        counts: Counts::default(),
    };
    report.recount();
    let text = match args.report.format() {
        CheckFormat::Text => {
            let st = render::style_for(args.report.color);
            let mut t = render::doctor::text(plan, args.verbose, st);
            if let Some(e) = &export {
                t.push_str(&render::doctor::export_text(e));
            }
            t.push('\n');
            t.push_str(&render::check::text(&report, st));
            t
        }
        CheckFormat::Json => {
            let doc = DoctorJson {
                plan,
                report: &report,
                export: export.as_ref(),
            };
            match render::json_envelope("doctor", &doc) {
                Ok(s) => s + "\n",
                Err(e) => {
                    eprintln!("gomvs: {e}");
                    return ExitCode::from(1);
                }
            }
        }
        CheckFormat::Sarif | CheckFormat::Github => match render_report(&report, &args.report) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("gomvs: {e}");
                return ExitCode::from(1);
            }
        },
    };
    let code = super::why::emit(&text);
    if code != ExitCode::SUCCESS {
        return code;
    }
    let export_missed = export.as_ref().is_some_and(|e| !e.missing.is_empty());
    if report.fails_at(args.report.fail_severity()) || export_missed {
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}
