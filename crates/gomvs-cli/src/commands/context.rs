//! The invocation context shared by the graph commands: the Go environment,
//! the module source it implies, and how to report fatal errors.

use gomvs_graph::env::{offline_env, GoEnv, GoWork, OfflineMode};
use gomvs_graph::files::FileTree;
use gomvs_graph::listing::CacheLayout;
use gomvs_graph::loader::{Fatal, GoCommand, LoadConfig, Loaded, Session};
pub use gomvs_graph::resolution::list_outcome;
use gomvs_graph::resolution::{environment, load_build_list};
use gomvs_graph::source::{ModCache, ModuleSource};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

/// What is being run.
pub struct Invocation {
    /// The go command being emulated.
    pub command: GoCommand,
    /// `go mod graph -go=V`.
    pub graph_go: Option<String>,
}

/// The environment and sources of one run.
pub struct Context {
    /// The loader configuration.
    pub config: LoadConfig,
    /// Where modules come from.
    pub source: Arc<dyn ModuleSource>,
    /// The module cache layout (for GoMod/Dir fields).
    pub cache: CacheLayout,
    /// The module cache (GOMODCACHE), for offline verification.
    pub modcache: ModCache,
}

impl Context {
    /// Reads the process environment like the go command.
    pub fn from_process(inv: Invocation) -> Result<Context, ExitCode> {
        let env = match GoEnv::from_process() {
            Ok(e) => e,
            Err(e) => {
                eprintln!("go: getwd: {e}");
                return Err(ExitCode::from(1));
            }
        };
        Context::from_env(env, inv)
    }

    /// [`Context::from_process`] for a command that queries versions
    /// (`get`, `upgrades`, `list -u`): when [`offline_env`] says so
    /// (`--offline` = `explicit`, `GOMVS_OFFLINE`, or a GOPROXY that needs
    /// the network), the module cache is the proxy and one notice line
    /// says so on stderr.
    pub fn from_process_offline(inv: Invocation, explicit: bool) -> Result<Context, ExitCode> {
        let env = match GoEnv::from_process() {
            Ok(e) => e,
            Err(e) => {
                eprintln!("go: getwd: {e}");
                return Err(ExitCode::from(1));
            }
        };
        let mode = match OfflineMode::from_env(&env, explicit) {
            Ok(m) => m,
            Err(e) => {
                eprintln!("{e}");
                return Err(ExitCode::from(2));
            }
        };
        match offline_env(&env, mode) {
            Some((env, notice)) => {
                eprintln!("{notice}");
                Context::from_env(env, inv)
            }
            None => Context::from_env(env, inv),
        }
    }

    /// The context of `go get` (`gomvs get`, `gomvs upgrades`):
    /// [`Context::from_process_offline`] in single-module mode — go get
    /// never enters workspace mode (`runGet` calls `modload.Init` without
    /// `InitWorkfile`) — and the go.work go would find (`FindGoWork`).
    pub fn for_get(offline: bool) -> Result<(Context, Option<PathBuf>), ExitCode> {
        let mut ctx = Context::from_process_offline(
            Invocation {
                command: GoCommand::Get,
                graph_go: None,
            },
            offline,
        )?;
        let work = match &ctx.config.gowork {
            GoWork::Off => None,
            GoWork::Auto => gomvs_graph::gopath::find_workspace_file(
                ctx.config.files.as_ref(),
                &ctx.config.cwd,
                ctx.config.goroot.as_deref(),
            ),
            GoWork::Path(p) => Some(p.clone()),
        };
        ctx.config.gowork = GoWork::Off;
        Ok((ctx, work))
    }

    /// The context of `env` (the library's [`environment`], the one
    /// embedders' `Resolution::load` uses).
    fn from_env(env: GoEnv, inv: Invocation) -> Result<Context, ExitCode> {
        let (config, sources, cache) = match environment(&env, inv.command, inv.graph_go) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("{e}");
                return Err(ExitCode::from(u8::try_from(e.exit_code).unwrap_or(1)));
            }
        };
        Ok(Context {
            config,
            source: sources,
            cache,
            modcache: ModCache::from_env(&env),
        })
    }

    /// Opens the main module(s).
    pub fn open(&self) -> Result<Session, Fatal> {
        Session::open(self.config.clone(), self.source.clone())
    }

    /// Opens and loads the graph as the emulated command does, printing the
    /// loader's stderr lines; go's fatal errors (and a graph error) are
    /// printed and become the exit status.
    pub fn load_or_exit(&self) -> Result<Loaded, ExitCode> {
        let session = self.open().map_err(|f| print_fatal(&[], &f))?;
        let loaded = session.load().map_err(|f| print_fatal(&[], &f))?;
        for line in &loaded.session.stderr_lines() {
            eprint_go(line);
        }
        if let Some(e) = &loaded.error {
            let code = print_fatal(
                &[],
                &Fatal {
                    lines: vec![format!("go: {e}")],
                    exit_code: 1,
                },
            );
            print_missing_hints(&loaded.session);
            return Err(code);
        }
        Ok(loaded)
    }

    /// Loads the build list as `go list -m all` does, with the main modules'
    /// files read from `files` and `cwd` as the working directory, and
    /// decides as go would whether the command succeeds: every stderr line
    /// go prints and a failure when go would exit non-zero.
    pub fn load_build_list(
        &self,
        files: Arc<dyn FileTree>,
        cwd: PathBuf,
    ) -> Result<BuildListLoad, LoadFailure> {
        self.load_build_list_as(files, cwd, GoCommand::ListModules)
    }

    /// [`Context::load_build_list`] with the loading rules of `command`
    /// (`ModVerify` loads without requiring go.sum lines, as `go mod
    /// verify` does).
    pub fn load_build_list_as(
        &self,
        files: Arc<dyn FileTree>,
        cwd: PathBuf,
        command: GoCommand,
    ) -> Result<BuildListLoad, LoadFailure> {
        let mut config = self.config.clone();
        config.files = files;
        config.cwd = cwd;
        config.command = command;
        match load_build_list(config, self.source.clone(), &self.cache) {
            Ok((loaded, stderr)) => Ok(BuildListLoad { loaded, stderr }),
            Err(e) => Err(LoadFailure {
                lines: e.lines().to_vec(),
                missing: e.missing_modules().to_vec(),
            }),
        }
    }
}

/// A build list loaded as `go list -m all` loads it, and go would succeed.
pub struct BuildListLoad {
    /// The loaded graph.
    pub loaded: Loaded,
    /// What go prints on stderr anyway (notes, warnings).
    pub stderr: Vec<String>,
}

/// `go list -m all` would fail: what it prints on stderr, and the module
/// versions whose go.mod no source had (the usual reason offline).
pub struct LoadFailure {
    /// go's stderr lines.
    pub lines: Vec<String>,
    /// go.mod files missing from every module source.
    pub missing: Vec<gomvs_modfile::ModuleVersion>,
}

/// Prints `warnings` and the fatal error's lines on stderr; returns its exit status.
pub fn print_fatal(warnings: &[String], fatal: &Fatal) -> ExitCode {
    for line in warnings.iter().chain(fatal.lines.iter()) {
        eprint_go(line);
    }
    ExitCode::from(u8::try_from(fatal.exit_code).unwrap_or(1))
}

/// Writes one line of go's stderr: the raw bytes that invalid UTF-8 in
/// go.mod files stands for are written back as bytes, as go writes them.
pub fn eprint_go(line: &str) {
    use std::io::Write as _;
    let mut bytes = gomvs_modfile::syntax::text::go_bytes(line).into_owned();
    bytes.push(b'\n');
    let _ = std::io::stderr().lock().write_all(&bytes);
}

/// After Go's exact error text, tells a person at a terminal what is missing
/// and how to get it. Nothing is added when stderr is not a terminal (or
/// `NO_HINTS` is set), so piped output stays byte-identical to go's.
pub fn print_missing_hints(session: &Session) {
    use std::io::IsTerminal;
    if !std::io::stderr().is_terminal() || std::env::var_os("NO_HINTS").is_some() {
        return;
    }
    for m in session.missing_modules() {
        eprintln!(
            "gomvs: hint: no module source has {m}'s go.mod (looked in GOMODCACHE, then each GOPROXY entry); `go mod download {m}` would fetch it"
        );
    }
}
