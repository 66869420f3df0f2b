//! `gomvs get ARG...`: what `go get` would do to go.mod and go.sum, as a dry
//! run (gomvs never writes). stderr carries go's own lines; stdout a unified
//! diff of go.mod and go.sum (or the whole new files with `--print-gomod` /
//! `--print-gosum`).

use super::context::{print_fatal, Context};
use crate::render::diff::{DiffFormat, DiffReport, SideInfo};
use gomvs_graph::env::GoWork;
use gomvs_graph::files::OverlayFiles;
use gomvs_graph::get::{get_with, GetOptions, GetOutcome, UpgradeFlag};
use gomvs_graph::loader::{Loaded, Session};
use std::io::Write;
use std::process::ExitCode;
use std::sync::Arc;

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
    /// Print the whole go.work go would leave (in a workspace) instead of a diff.
    #[arg(long)]
    pub print_gowork: bool,
    /// Instead of the go.mod / go.sum diffs, explain the build-list change
    /// (the `gomvs diff` engine: each change with its cause on both sides).
    #[arg(long)]
    pub explain: bool,
    /// Colour for --explain.
    #[arg(long, value_enum, default_value_t = crate::render::ColorChoice::Auto)]
    pub color: crate::render::ColorChoice,
    /// Answer from the module cache alone (docs/get.md, "Offline").
    #[arg(long)]
    pub offline: bool,
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

/// The build after go get, loaded from the go.mod and go.sum go would
/// write, compared with the build before by `gomvs_graph::diff::diff`
/// and rendered by the `gomvs diff` text renderer.
fn explain(
    ctx: &Context,
    before: &Loaded,
    outcome: &GetOutcome,
    args: &Args,
) -> Result<String, String> {
    let Some(main) = before.session.mains.first() else {
        return Err("no main module".to_string());
    };
    let mut files = OverlayFiles::new(ctx.config.files.clone());
    files.insert(main.go_mod_path.clone(), outcome.new_go_mod.clone());
    if !outcome.new_go_sum.is_empty() {
        files.insert(main.root.join("go.sum"), outcome.new_go_sum.clone());
    }
    let mut config = ctx.config.clone();
    config.files = Arc::new(files);
    let session = Session::open(config, ctx.source.clone()).map_err(|f| f.lines.join("\n"))?;
    let after = session.load().map_err(|f| f.lines.join("\n"))?;
    if let Some(e) = &after.error {
        return Err(format!("loading the build after go get: {e}"));
    }
    let graph_diff = gomvs_graph::diff::diff(before, &after);
    let report = DiffReport {
        base: SideInfo::Planned {
            description: "go.mod now".to_string(),
        },
        head: SideInfo::Planned {
            description: format!("after go get {}", shown_args(args)),
        },
        changes: graph_diff.changes,
        edges: None,
    };
    crate::render::diff::render(
        &report,
        DiffFormat::Text,
        crate::render::style_for(args.color),
    )
}

/// The go.work at `path` before, and after when go get would rewrite it
/// (`gomvs_graph::get::work_file_update` with the main module's new go
/// version).
type WorkFiles = (Vec<u8>, Option<Vec<u8>>);

fn work_update(
    ctx: &Context,
    path: &std::path::Path,
    outcome: &GetOutcome,
) -> Result<Option<WorkFiles>, String> {
    let Ok(old) = ctx.config.files.read(path) else {
        return Ok(None);
    };
    let go_version = outcome
        .requirements
        .as_ref()
        .and_then(|rs| rs.root_version("go"))
        .unwrap_or_default()
        .to_string();
    let name = path.display().to_string();
    let new = gomvs_graph::get::work_file_update(&name, &old, &go_version)?;
    Ok(Some((old.to_vec(), new)))
}

/// `modload.EnterWorkspace`: the workspace of the go.work at `path` is
/// loaded (`LoadModFile` reads every module's go.mod from disk: the edited
/// main go.mod only replaces the in-memory one afterwards); go's fatal
/// lines when it cannot be (e.g. a module needing a newer go than go.work's).
fn enter_workspace(ctx: &Context, path: &std::path::Path) -> Result<Session, Vec<String>> {
    let mut config = ctx.config.clone();
    config.gowork = GoWork::Path(path.to_path_buf());
    Session::open(config, ctx.source.clone()).map_err(|f| f.lines)
}

/// The module directories the go.work at `path` uses (`loadWorkspace`'s
/// module roots); none when it cannot be read or parsed.
fn work_uses(ctx: &Context, path: &std::path::Path) -> Vec<std::path::PathBuf> {
    let Ok(data) = ctx.config.files.read(path) else {
        return Vec::new();
    };
    let name = path.display().to_string();
    let Ok(wf) = gomvs_modfile::gowork::parse_work(&name, &data, None) else {
        return Vec::new();
    };
    let dir = path.parent().unwrap_or(std::path::Path::new("/"));
    wf.uses
        .iter()
        .map(|u| gomvs_graph::gopath::join_clean(dir, &u.path))
        .collect()
}

/// The arguments as typed (with `-u` when given).
fn shown_args(args: &Args) -> String {
    let mut v: Vec<String> = Vec::new();
    match args.upgrade.as_deref() {
        None => {}
        Some("patch") => v.push("-u=patch".to_string()),
        Some(_) => v.push("-u".to_string()),
    }
    v.extend(args.args.iter().cloned());
    v.join(" ")
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
    // go get edits the module of the working directory alone; the go.work
    // it finds only has its go line raised (and is loaded for the checks
    // when the module is one of its modules).
    let (ctx, work_path) = match Context::for_get(args.offline) {
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
    let workspace_member = match (&work_path, loaded.session.mains.first()) {
        (Some(path), Some(main)) => work_uses(&ctx, path).contains(&main.root),
        _ => false,
    };
    // checkPackageProblems: EnterWorkspace loads the workspace (a failure
    // is fatal before anything is written); the retraction and deprecation
    // checks run in it.
    let workspace = match (&work_path, workspace_member) {
        (Some(path), true) => Some(enter_workspace(&ctx, path)),
        _ => None,
    };
    let outcome = get_with(
        &loaded,
        &args.args,
        upgrade,
        GetOptions {
            modules_only: false,
            workspace_member,
            workspace: workspace.as_ref().and_then(|w| w.as_ref().ok()),
        },
    );
    if let (Some(Err(lines)), true) = (&workspace, outcome.reached_checks) {
        let mut err = std::io::stderr().lock();
        for line in loaded.session.stderr_lines() {
            let _ = writeln!(err, "{line}");
        }
        for line in outcome.stderr.iter().take(outcome.stderr_before_checks) {
            let _ = writeln!(err, "{line}");
        }
        for line in lines {
            let _ = writeln!(err, "{line}");
        }
        return ExitCode::from(1);
    }
    let work = match (&work_path, outcome.exit_code) {
        (Some(path), 0) => match work_update(&ctx, path, &outcome) {
            Ok(w) => w,
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::from(1);
            }
        },
        _ => None,
    };
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
    if args.print_gowork {
        if let Some((old, new)) = &work {
            let _ = out.write_all(new.as_ref().unwrap_or(old));
        }
    }
    let printed = args.print_gomod || args.print_gosum || args.print_gowork;
    if args.explain && !printed {
        if outcome.exit_code != 0 {
            return ExitCode::from(u8::try_from(outcome.exit_code).unwrap_or(1));
        }
        return match explain(&ctx, &loaded, &outcome, args) {
            Ok(text) => {
                let _ = out.write_all(text.as_bytes());
                ExitCode::SUCCESS
            }
            Err(e) => {
                let _ = writeln!(err, "gomvs: get --explain: {e}");
                ExitCode::from(1)
            }
        };
    }
    if !printed {
        let _ =
            out.write_all(unified("go.mod", &outcome.old_go_mod, &outcome.new_go_mod).as_bytes());
        let _ =
            out.write_all(unified("go.sum", &outcome.old_go_sum, &outcome.new_go_sum).as_bytes());
        if let Some((old, Some(new))) = &work {
            let _ = out.write_all(unified("go.work", old, new).as_bytes());
        }
    }
    ExitCode::from(u8::try_from(outcome.exit_code).unwrap_or(1))
}
