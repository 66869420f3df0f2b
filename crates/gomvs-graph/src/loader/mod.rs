//! Loading the module graph exactly as the Go command does
//! (`modload.loadModFile`, `readModGraph`, `expandGraph`, `updateRoots`,
//! `commitRequirements`), offline and without writing any file.
//!
//! A [`Session`] holds what one go invocation would hold: the main
//! module(s), replacements, exclusions, go.sum, the module source and the
//! caches of parsed go.mod files. Everything it decides is kept as data.

use crate::collections::{FastIndexSet, FastMap};
use crate::error::{too_new_message, GraphError, SummaryError};
use crate::files::FileTree;
use crate::goerr::errno_text;
use crate::gopath::{clean_path, join_clean};
use crate::mvs;
use crate::replace::{DirectiveOrigin, ReplaceConflict, ReplaceRule, Replacements};
use crate::requirements::{mod_sort, Requirements};
use crate::source::ModuleSource;
use crate::summary::{ModSummary, Pruning, SummarySource};
use gomvs_modfile::dirhash::hash_go_mod;
use gomvs_modfile::gomod::ModFile;
use gomvs_modfile::gosum::{parse_go_sum, GoSum, SumFiles};
use gomvs_modfile::gowork::WorkFile;
use gomvs_modfile::syntax::Span;
use gomvs_modfile::{gover, module, ModuleVersion, SmolStr};
use std::collections::{BTreeSet, HashSet, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

pub use crate::env::{BuildMod as BuildMode, GoWork};

mod graph_load;
mod main_modules;
mod roots;
mod summaries;
mod sums;
mod vendor;

pub use crate::gopath::{rel_or_target as short_path_rel, short_path};
pub use graph_load::ModuleGraph;
pub use main_modules::{MainModule, ModFileIndex, GET_OUTSIDE_MODULE};
pub(crate) use roots::roots_reqs;
pub use roots::Loaded;
pub use summaries::PREFETCH_MIN_BATCH;

/// Which go command is being emulated (`cfg.CmdName`): it changes defaults.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GoCommand {
    /// `go list -m`.
    ListModules,
    /// `go mod graph` (always `-mod=mod` semantics, never writes).
    ModGraph,
    /// `go mod verify`: loads the graph as `go mod graph` does, except that a
    /// main go.mod without a go line gets one in memory, as for `go list -m`
    /// (`loadModFile` exempts only `mod graph` and `mod why`).
    ModVerify,
    /// `go get`: defines no `-mod` flag and always loads with `-mod=mod`
    /// (`setDefaultBuildMod`), so GOFLAGS' `-mod` is ignored.
    Get,
    /// `go mod download`: takes `-mod` (GOFLAGS' is honoured, and in
    /// workspace mode only readonly or vendor are allowed, as for `go list
    /// -m`), and loads with `-mod=mod` when it is not given.
    ModDownload,
}

impl GoCommand {
    /// Whether the command defines no `-mod` flag and always loads with
    /// `-mod=mod` (`setDefaultBuildMod` for `mod graph`, `mod verify`).
    pub fn is_mod_subcommand(self) -> bool {
        // `go mod download` defaults to -mod=mod but honours an explicit -mod:
        // see [`GoCommand::takes_mod_flag_defaulting_to_mod`].
        matches!(
            self,
            GoCommand::ModGraph | GoCommand::ModVerify | GoCommand::Get
        )
    }

    /// Whether the command takes `-mod` (from GOFLAGS too) but loads with
    /// `-mod=mod` when it is not given (`setDefaultBuildMod`: `mod download`).
    pub fn takes_mod_flag_defaulting_to_mod(self) -> bool {
        self == GoCommand::ModDownload
    }

    /// Whether the command takes `-mod`, so that `-mod=mod` is refused in
    /// workspace mode (`go list -m`, `go mod download`).
    fn refuses_mod_mode_in_workspace(self) -> bool {
        matches!(self, GoCommand::ListModules | GoCommand::ModDownload)
    }
}

/// Everything a load needs to know about the invocation.
#[derive(Debug, Clone)]
pub struct LoadConfig {
    /// The working directory.
    pub cwd: PathBuf,
    /// The GOWORK setting.
    pub gowork: GoWork,
    /// `-mod` from GOFLAGS (and whether it was explicit).
    pub mod_flag: crate::env::ModFlag,
    /// `-modfile` from GOFLAGS (an alternate go.mod; only its rejection in
    /// workspace mode is supported).
    pub modfile: Option<String>,
    /// The command being emulated.
    pub command: GoCommand,
    /// The emulated toolchain version (`gover.Local()`), e.g. `1.27.3`.
    pub local_go: String,
    /// The GOTOOLCHAIN value (only for message wording).
    pub gotoolchain: String,
    /// `go mod graph -go=V`.
    pub graph_go: Option<String>,
    /// `os.TempDir()`: a go.mod directly in it is ignored.
    pub temp_dir: PathBuf,
    /// GOROOT when set: the go.work search does not go above it.
    pub goroot: Option<PathBuf>,
    /// Whether loading may read and parse go.mod files on several threads
    /// (output is the same either way; `true` by default).
    pub parallel: bool,
    /// Where go.work, the main go.mod and go.sum files, `vendor/modules.txt`
    /// and directory replacements are read from: the file system by default,
    /// a git revision or memory for `gomvs diff` and embedders.
    pub files: Arc<dyn FileTree>,
}

/// A fatal failure: the lines Go prints on stderr (each already complete,
/// e.g. `go: updates to go.mod needed; ...`) and the exit status.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", lines.join("\n"))]
pub struct Fatal {
    /// The stderr lines, without trailing newlines.
    pub lines: Vec<String>,
    /// The process exit status.
    pub exit_code: i32,
}

impl LoadConfig {
    /// The configuration the Go environment implies for `command`.
    pub fn from_env(
        env: &crate::env::GoEnv,
        command: GoCommand,
        graph_go: Option<String>,
    ) -> Result<LoadConfig, crate::env::EnvError> {
        env.check_env_file()?;
        env.check_toolchain()?;
        let temp = env.getenv("TMPDIR");
        Ok(LoadConfig {
            cwd: env.cwd.clone(),
            gowork: env.gowork()?,
            mod_flag: env.mod_flag(None)?,
            modfile: env.goflags()?.value("modfile")?.filter(|v| !v.is_empty()),
            command,
            local_go: env.go_version.clone(),
            gotoolchain: env.gotoolchain(),
            graph_go,
            temp_dir: clean_path(Path::new(if temp.is_empty() { "/tmp" } else { &temp })),
            goroot: env.goroot(),
            parallel: true,
            files: crate::files::os_files(),
        })
    }
}

impl Fatal {
    fn go(msg: impl std::fmt::Display) -> Fatal {
        Fatal {
            lines: vec![format!("go: {msg}")],
            exit_code: 1,
        }
    }
}

type SummaryResult = Result<Arc<ModSummary>, SummaryError>;

/// One go invocation's loading state.
pub struct Session {
    /// The configuration.
    pub config: LoadConfig,
    source: Arc<dyn ModuleSource>,
    sums: SumFiles,
    sum_error: Option<String>,
    /// A go.sum that exists but could not be read (`initGoSum`'s error,
    /// e.g. `read /x/go.sum: is a directory`); go reports it, prefixed by the
    /// module, when it first checks a sum.
    sum_read_error: Option<String>,
    fatal: Mutex<Option<Fatal>>,

    /// The main modules, in go.work `use` order (or the single one).
    pub mains: Vec<MainModule>,
    /// The go.work file and its parse, in workspace mode.
    pub work: Option<(PathBuf, WorkFile)>,
    /// The replacement table.
    pub replacements: Replacements,
    /// The effective build mode.
    pub build_mode: BuildMode,
    /// Whether `-mod` was given explicitly (message wording).
    pub build_mode_explicit: bool,
    /// Why the default build mode was chosen (vendor directory reasons).
    pub build_mode_reason: String,
    raw_cache: Mutex<FastMap<ModuleVersion, SummaryResult>>,
    /// Go lines of loaded go.mod files, by the module they were read for (`rawGoVersion`).
    raw_go_version: Mutex<FastMap<ModuleVersion, SmolStr>>,
    /// go.mod files fetched and parsed ahead of need by
    /// [`Session::prefetch_raw_summaries`], by actual module version; an
    /// entry's side effects happen when `raw_summary` consumes it.
    prefetched: Mutex<FastMap<ModuleVersion, summaries::FetchedGoMod>>,
    /// Everything printed on stderr so far that does not stop the command,
    /// in order: notes, warnings, and errors Go reports with `base.Errorf`
    /// (which make the exit status 1 at the end).
    diagnostics: Mutex<Vec<Diagnostic>>,
    /// go.mod hashes verified during the load: (module version, hash of its
    /// go.mod (empty when no sum file records the key, so it was not
    /// computed), whether go.sum already recorded it); Go's go.sum rewrite
    /// re-checks them.
    used_sums: Mutex<Vec<(ModuleVersion, String, bool)>>,
    /// Module versions whose go.mod no source had (for hints to the user),
    /// in the order they were needed; a set, not a list searched on every
    /// insertion (quadratic on a graph of 200,000 missing go.mod files).
    missing: Mutex<FastIndexSet<ModuleVersion>>,
}

/// One line printed on stderr that does not stop the command.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Diagnostic {
    text: String,
    /// A `base.Errorf` error: the exit status becomes 1.
    is_error: bool,
}

/// The pseudo main module of a workspace without modules.
const COMMAND_LINE_ARGUMENTS: &str = "command-line-arguments";

impl Session {
    /// Opens the main module(s) as `modload.Init` + `loadModFile` do, up to
    /// (but not including) graph loading.
    pub fn open(config: LoadConfig, source: Arc<dyn ModuleSource>) -> Result<Session, Fatal> {
        let work_path = match &config.gowork {
            GoWork::Off => None,
            GoWork::Auto => crate::gopath::find_workspace_file(
                config.files.as_ref(),
                &config.cwd,
                config.goroot.as_deref(),
            ),
            GoWork::Path(p) => Some(p.clone()),
        };
        let mut session = Session {
            config,
            source,
            sums: SumFiles::default(),
            sum_error: None,
            sum_read_error: None,
            fatal: Mutex::new(None),

            mains: Vec::new(),
            work: None,
            replacements: Replacements::default(),
            build_mode: BuildMode::Readonly,
            build_mode_explicit: false,
            build_mode_reason: String::new(),
            raw_cache: Mutex::new(FastMap::default()),
            raw_go_version: Mutex::new(FastMap::default()),
            prefetched: Mutex::new(FastMap::default()),
            diagnostics: Mutex::new(Vec::new()),
            used_sums: Mutex::new(Vec::new()),
            missing: Mutex::new(FastIndexSet::default()),
        };
        match session.discover(work_path) {
            Ok(()) => {
                session.read_sums();
                Ok(session)
            }
            Err(mut fatal) => {
                // Lines printed before the fatal error come first.
                let mut lines = session.stderr_lines();
                lines.append(&mut fatal.lines);
                fatal.lines = lines;
                Err(fatal)
            }
        }
    }

    /// Prints a note or warning on stderr (the command goes on).
    fn note(&self, line: String) {
        if let Ok(mut d) = self.diagnostics.lock() {
            d.push(Diagnostic {
                text: line,
                is_error: false,
            });
        }
    }

    /// Reports an error without stopping (`base.Errorf`): exit status 1 at the end.
    fn error_deferred(&self, line: String) {
        if let Ok(mut d) = self.diagnostics.lock() {
            d.push(Diagnostic {
                text: line,
                is_error: true,
            });
        }
    }

    /// Records that no module source had `m`'s go.mod.
    pub(crate) fn record_missing(&self, m: &ModuleVersion) {
        if let Ok(mut v) = self.missing.lock() {
            if !v.contains(m) {
                v.insert(m.clone());
            }
        }
    }

    /// Module versions whose go.mod none of the sources (module cache,
    /// GOPROXY entries) had, in the order they were needed. Go would fetch
    /// them from the network; gomvs is offline.
    pub fn missing_modules(&self) -> Vec<ModuleVersion> {
        self.missing
            .lock()
            .map(|v| v.iter().cloned().collect())
            .unwrap_or_default()
    }

    /// Every stderr line so far, in the order Go prints them.
    pub fn stderr_lines(&self) -> Vec<String> {
        self.diagnostics
            .lock()
            .map(|d| d.iter().map(|x| x.text.clone()).collect())
            .unwrap_or_default()
    }

    /// Whether an error was reported without stopping the command (`base.Errorf`).
    pub fn has_deferred_errors(&self) -> bool {
        self.diagnostics
            .lock()
            .map(|d| d.iter().any(|x| x.is_error))
            .unwrap_or(false)
    }

    /// Records a fatal error found while loading (Go exits on the spot).
    fn set_fatal(&self, fatal: Fatal) {
        if let Ok(mut f) = self.fatal.lock() {
            f.get_or_insert(fatal);
        }
    }

    /// The fatal error met while loading, if any: the command must stop with it.
    pub fn take_fatal(&self) -> Option<Fatal> {
        self.fatal.lock().ok().and_then(|mut f| f.take())
    }

    /// Whether a go.work is in effect.
    pub fn in_workspace(&self) -> bool {
        self.work.is_some()
    }

    /// `base.ShortPath`: the path relative to the working directory when shorter.
    pub fn short_path(&self, path: &Path) -> String {
        short_path(&self.config.cwd, path)
    }

    /// Whether `path` is a main module's path.
    pub fn is_main(&self, path: &str) -> bool {
        self.mains.iter().any(|m| m.module.path == path)
    }

    /// The module source.
    pub fn source(&self) -> &Arc<dyn ModuleSource> {
        &self.source
    }

    /// The main modules' versions (`MainModules.Versions()`).
    pub fn main_versions(&self) -> Vec<ModuleVersion> {
        self.mains.iter().map(|m| m.module.clone()).collect()
    }

    /// The main module's go version in single-module mode (`gover.FromGoMod`).
    pub fn main_go_version(&self) -> String {
        match &self.work {
            Some((_, wf)) => wf
                .go
                .as_ref()
                .map_or(gover::DEFAULT_GO_WORK_VERSION.to_string(), |g| {
                    g.version.clone()
                }),
            None => self
                .mains
                .first()
                .and_then(|m| m.file.go.as_ref())
                .map_or(gover::DEFAULT_GO_MOD_VERSION.to_string(), |g| {
                    g.version.clone()
                }),
        }
    }
}
