//! The invocation context shared by the graph commands: the Go environment,
//! the module source it implies, and how to report fatal errors.

use gomvs_graph::env::GoEnv;
use gomvs_graph::listing::CacheLayout;
use gomvs_graph::loader::{Fatal, GoCommand, LoadConfig, Session};
use gomvs_graph::source::{GoSources, ModuleSource};
use std::path::Path;
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
        let config = match LoadConfig::from_env(&env, inv.command, inv.graph_go) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("{e}");
                return Err(ExitCode::from(u8::try_from(e.exit_code).unwrap_or(1)));
            }
        };
        let sources = GoSources::new(&env);
        let cache = CacheLayout {
            root: sources
                .mod_cache()
                .and_then(|c| c.check().ok().map(Path::to_path_buf)),
        };
        Ok(Context {
            config,
            source: Arc::new(sources),
            cache,
        })
    }

    /// Opens the main module(s).
    pub fn open(&self) -> Result<Session, Fatal> {
        Session::open(self.config.clone(), self.source.clone())
    }
}

/// Prints `warnings` and the fatal error's lines on stderr; returns its exit status.
pub fn print_fatal(warnings: &[String], fatal: &Fatal) -> ExitCode {
    for line in warnings.iter().chain(fatal.lines.iter()) {
        eprintln!("{line}");
    }
    ExitCode::from(u8::try_from(fatal.exit_code).unwrap_or(1))
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
