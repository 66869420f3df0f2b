//! `gomvs diff BASE [HEAD]` / `gomvs diff --dirs A B`: what changed in the
//! resolved module graph, and why.
//!
//! Each side is resolved as `go list -m all` resolves it, with the main
//! modules' files read from a git revision's objects (never checked out),
//! the working tree, or a directory; dependency go.mod files come from the
//! same sources as `gomvs list`.

use super::context::{Context, Invocation, LoadFailure};
use crate::render::diff::{self as render_diff, DiffFormat, DiffReport, SideInfo};
use crate::render::ColorChoice;
use gomvs_graph::diff::{diff, edge_diff, ChangeKind, GraphDiff};
use gomvs_graph::files::{os_files, FileTree};
use gomvs_graph::loader::{GoCommand, Loaded};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

/// Exit status when a `--fail-on` change exists.
pub const EXIT_FAIL_ON: u8 = 1;
/// Exit status for a usage error or a revision that does not resolve.
pub const EXIT_USAGE: u8 = 2;
/// Exit status when a side cannot be resolved (go would fail there).
pub const EXIT_LOAD: u8 = 3;

/// Arguments of `gomvs diff`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Exit status: 0 done; 1 a --fail-on change exists; 2 usage error or unknown revision; 3 a side cannot be resolved (go list -m all would fail there)."
)]
pub struct Args {
    /// The base: a git revision (`main`, `origin/main`, `HEAD~3`, a tag, a
    /// hash, `main...HEAD` for the merge base).
    #[arg(value_name = "BASE", required_unless_present = "dirs")]
    pub base: Option<String>,
    /// The head: a git revision; the working tree (uncommitted edits count) when absent.
    #[arg(value_name = "HEAD", conflicts_with = "dirs")]
    pub head: Option<String>,
    /// Compare two directories instead of git revisions (each resolved as
    /// `go list -m all` run there).
    #[arg(long, num_args = 2, value_names = ["DIR_A", "DIR_B"], conflicts_with = "base")]
    pub dirs: Option<Vec<PathBuf>>,
    /// Add the requirement-graph edges (`go mod graph` lines) added and removed.
    #[arg(long)]
    pub edges: bool,
    /// Exit with status 1 when a change of one of these kinds exists
    /// (comma-separated): added, removed, upgraded, downgraded,
    /// replacement-added, replacement-changed, replacement-removed,
    /// direct-to-indirect, indirect-to-direct, go-version,
    /// toolchain-version, major (a major version changed or was added), any.
    /// Short forms: downgrade, upgrade, replace-added (or replace),
    /// replace-removed, replace-changed.
    #[arg(long, value_name = "KINDS", value_delimiter = ',')]
    pub fail_on: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: DiffFormat,
    /// Same as `--format json`.
    #[arg(long)]
    pub json: bool,
    /// Colour: auto (on a terminal, unless NO_COLOR is set), always or never.
    #[arg(long, value_name = "WHEN", default_value = "auto")]
    pub color: ColorChoice,
}

/// A `--fail-on` condition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailOn {
    /// A change of this kind.
    Kind(ChangeKind),
    /// A change that crosses a major version.
    Major,
    /// Any change.
    Any,
}

impl FailOn {
    /// Parses one `--fail-on` word.
    pub fn parse(word: &str) -> Result<FailOn, String> {
        // Short spellings people type: `downgrade`, `replace-added`, ...
        let word = word.trim();
        let alias = match word {
            "downgrade" => "downgraded",
            "upgrade" => "upgraded",
            "add" => "added",
            "remove" => "removed",
            "replace-added" | "replace" => "replacement-added",
            "replace-removed" => "replacement-removed",
            "replace-changed" => "replacement-changed",
            w => w,
        };
        match alias {
            "any" => Ok(FailOn::Any),
            "major" => Ok(FailOn::Major),
            w => ChangeKind::ALL
                .iter()
                .find(|k| k.name() == w)
                .map(|k| FailOn::Kind(*k))
                .ok_or_else(|| {
                    let names: Vec<&str> = ChangeKind::ALL.iter().map(|k| k.name()).collect();
                    format!(
                        "unknown --fail-on kind {w:?}: expected any, major, {}",
                        names.join(", ")
                    )
                }),
        }
    }

    /// Whether `d` has a change this condition fails on.
    pub fn matches(self, d: &GraphDiff) -> bool {
        match self {
            FailOn::Any => !d.is_empty(),
            FailOn::Major => d.changes.iter().any(|c| c.major),
            FailOn::Kind(k) => d.of_kind(k).next().is_some(),
        }
    }
}

/// One side of the diff, as named on the command line.
pub enum SideSpec {
    /// A git revision expression.
    Revision(String),
    /// The working tree of the current directory.
    WorkingTree,
    /// A directory.
    Dir(PathBuf),
}

/// A side, ready to load: where its files come from and its working directory.
pub struct OpenedSide {
    /// What it is, for reports.
    pub info: SideInfo,
    /// The main modules' files.
    pub files: Arc<dyn FileTree>,
    /// The working directory the side is resolved in.
    pub cwd: PathBuf,
}

/// Opens a side: resolves a revision in the git repository holding `cwd`,
/// or names a directory.
pub fn open_side(spec: &SideSpec, cwd: &Path) -> Result<OpenedSide, String> {
    match spec {
        SideSpec::WorkingTree => Ok(OpenedSide {
            info: SideInfo::working_tree(cwd),
            files: os_files(),
            cwd: cwd.to_path_buf(),
        }),
        SideSpec::Dir(d) => {
            // Go's filepath.Join keeps an absolute second path under the
            // first; a --dirs argument is a path as the shell gives it.
            let dir = if d.is_absolute() {
                gomvs_graph::gopath::clean_path(d)
            } else {
                gomvs_graph::gopath::join_clean(cwd, &d.display().to_string())
            };
            if !dir.is_dir() {
                return Err(format!("{}: not a directory", d.display()));
            }
            Ok(OpenedSide {
                info: SideInfo::dir(d),
                files: os_files(),
                cwd: dir,
            })
        }
        SideSpec::Revision(rev) => super::git::open_revision(rev, cwd),
    }
}

/// Loads a side as `go list -m all` would, or says why go would fail there.
pub fn load_side(ctx: &Context, side: &OpenedSide, role: &str) -> Result<Loaded, String> {
    match ctx.load_build_list(side.files.clone(), side.cwd.clone()) {
        Ok(l) => {
            // What go prints anyway (notes, warnings), with the side named.
            for line in &l.stderr {
                eprintln!("gomvs: {role} ({}): {line}", side.info.label());
            }
            Ok(l.loaded)
        }
        Err(failure) => Err(failure_text(&failure, role, &side.info)),
    }
}

/// The error text for a side go cannot resolve: go's lines, then what to do.
fn failure_text(f: &LoadFailure, role: &str, info: &SideInfo) -> String {
    let mut out = format!(
        "gomvs: cannot resolve the {role} ({}): go list -m all would fail there:\n",
        info.label()
    );
    for l in &f.lines {
        out.push_str("  ");
        out.push_str(l);
        out.push('\n');
    }
    for m in &f.missing {
        out.push_str(&format!(
            "  hint: no module source has {m}'s go.mod (GOMODCACHE, then each GOPROXY entry); run `go mod download {m}` (with the {role}'s go.mod) to fetch it\n"
        ));
    }
    out
}

/// Runs the command.
pub fn run(args: &Args) -> ExitCode {
    let mut fail_on = Vec::new();
    for w in &args.fail_on {
        match FailOn::parse(w) {
            Ok(f) => fail_on.push(f),
            Err(e) => {
                eprintln!("gomvs diff: {e}");
                return ExitCode::from(EXIT_USAGE);
            }
        }
    }
    let (base_spec, head_spec) = match (&args.dirs, &args.base) {
        (Some(dirs), _) if dirs.len() == 2 => (
            SideSpec::Dir(dirs[0].clone()),
            SideSpec::Dir(dirs[1].clone()),
        ),
        (None, Some(base)) => (
            SideSpec::Revision(base.clone()),
            args.head
                .clone()
                .map_or(SideSpec::WorkingTree, SideSpec::Revision),
        ),
        _ => {
            eprintln!("gomvs diff: name a BASE revision, or --dirs DIR_A DIR_B");
            return ExitCode::from(EXIT_USAGE);
        }
    };
    let ctx = match Context::from_process(Invocation {
        command: GoCommand::ListModules,
        graph_go: None,
    }) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let cwd = ctx.config.cwd.clone();
    let (base, head) = match (open_side(&base_spec, &cwd), open_side(&head_spec, &cwd)) {
        (Ok(b), Ok(h)) => (b, h),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("gomvs diff: {e}");
            return ExitCode::from(EXIT_USAGE);
        }
    };
    let loads = (
        load_side(&ctx, &base, "base"),
        load_side(&ctx, &head, "head"),
    );
    let (before, after) = match loads {
        (Ok(b), Ok(a)) => (b, a),
        (b, a) => {
            for e in [b.err(), a.err()].into_iter().flatten() {
                eprint!("{e}");
            }
            return ExitCode::from(EXIT_LOAD);
        }
    };
    let graph_diff = diff(&before, &after);
    let edges = if args.edges {
        match edges_of(&ctx, &base, &head) {
            Ok(e) => Some(e),
            Err(e) => {
                eprint!("{e}");
                return ExitCode::from(EXIT_LOAD);
            }
        }
    } else {
        None
    };
    let report = DiffReport {
        base: base.info,
        head: head.info,
        changes: graph_diff.changes.clone(),
        edges,
    };
    let format = if args.json {
        DiffFormat::Json
    } else {
        args.format
    };
    let text = match render_diff::render(&report, format, crate::render::style_for(args.color)) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("gomvs diff: {e}");
            return ExitCode::from(1);
        }
    };
    let code = super::why::emit(&text);
    if code != ExitCode::SUCCESS {
        return code;
    }
    if fail_on.iter().any(|f| f.matches(&graph_diff)) {
        return ExitCode::from(EXIT_FAIL_ON);
    }
    ExitCode::SUCCESS
}

/// The `go mod graph` edge diff: each side loaded as `go mod graph` loads it.
fn edges_of(
    ctx: &Context,
    base: &OpenedSide,
    head: &OpenedSide,
) -> Result<gomvs_graph::diff::EdgeDiff, String> {
    let load = |side: &OpenedSide, role: &str| -> Result<Loaded, String> {
        let mut config = ctx.config.clone();
        config.command = GoCommand::ModGraph;
        config.files = side.files.clone();
        config.cwd = side.cwd.clone();
        let failure = |lines: Vec<String>| {
            failure_text(
                &LoadFailure {
                    lines,
                    missing: Vec::new(),
                },
                role,
                &side.info,
            )
        };
        let session = gomvs_graph::loader::Session::open(config, ctx.source.clone())
            .map_err(|f| failure(f.lines))?;
        let loaded = session.load().map_err(|f| failure(f.lines))?;
        if let Some(e) = &loaded.error {
            return Err(failure(vec![format!("go: {e}")]));
        }
        Ok(loaded)
    };
    Ok(edge_diff(&load(base, "base")?, &load(head, "head")?))
}
