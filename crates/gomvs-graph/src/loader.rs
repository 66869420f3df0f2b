//! Loading the module graph exactly as the Go command does
//! (`modload.loadModFile`, `readModGraph`, `expandGraph`, `updateRoots`,
//! `commitRequirements`), offline and without writing any file.
//!
//! A [`Session`] holds what one go invocation would hold: the main
//! module(s), replacements, exclusions, go.sum, the module source and the
//! caches of parsed go.mod files. Everything it decides is kept as data.

use crate::error::{too_new_message, GraphError, SummaryError};
use crate::mvs;
use crate::replace::{
    clean_path, join_clean, DirectiveOrigin, ReplaceConflict, ReplaceRule, Replacements,
};
use crate::requirements::{mod_sort, Requirements};
use crate::source::ModuleSource;
use crate::summary::{ModSummary, Pruning, SummarySource};
use gomvs_modfile::dirhash::hash_go_mod;
use gomvs_modfile::gomod::ModFile;
use gomvs_modfile::gosum::{parse_go_sum, GoSum, SumFiles};
use gomvs_modfile::gowork::WorkFile;
use gomvs_modfile::syntax::Span;
use gomvs_modfile::{gover, module, ModuleVersion};
use std::collections::{BTreeSet, HashMap, HashSet, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

pub use crate::env::{BuildMod as BuildMode, GoWork};

/// Which go command is being emulated (`cfg.CmdName`): it changes defaults.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GoCommand {
    /// `go list -m`.
    ListModules,
    /// `go mod graph` (always `-mod=mod` semantics, never writes).
    ModGraph,
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

/// The subset of a go.mod the Go command indexes to detect changes (`modFileIndex`).
#[derive(Debug, Clone, Default)]
pub struct ModFileIndex {
    /// Whether the version fixer changed a version while parsing.
    pub data_needs_fix: bool,
    /// The module path.
    pub module: String,
    /// The go line.
    pub go_version: String,
    /// The toolchain line.
    pub toolchain: String,
    /// Requirements and whether each is indirect.
    pub require: HashMap<ModuleVersion, bool>,
    /// Replacements.
    pub replace: HashMap<ModuleVersion, ModuleVersion>,
    /// Exclusions with the span of their directive.
    pub exclude: HashMap<ModuleVersion, Span>,
}

impl ModFileIndex {
    fn new(f: &ModFile, needs_fix: bool) -> Self {
        ModFileIndex {
            data_needs_fix: needs_fix,
            module: f
                .module
                .as_ref()
                .map(|m| m.path.clone())
                .unwrap_or_default(),
            go_version: f.go.as_ref().map(|g| g.version.clone()).unwrap_or_default(),
            toolchain: f
                .toolchain
                .as_ref()
                .map(|t| t.name.clone())
                .unwrap_or_default(),
            require: f
                .require
                .iter()
                .map(|r| (r.module.clone(), r.indirect))
                .collect(),
            replace: f
                .replace
                .iter()
                .map(|r| (r.old.clone(), r.new.clone()))
                .collect(),
            exclude: f
                .exclude
                .iter()
                .map(|x| (x.module.clone(), x.span))
                .collect(),
        }
    }
}

/// One main module.
#[derive(Debug, Clone)]
pub struct MainModule {
    /// Its path (version empty).
    pub module: ModuleVersion,
    /// Its root directory.
    pub root: PathBuf,
    /// Its go.mod file.
    pub go_mod_path: PathBuf,
    /// The parsed go.mod.
    pub file: ModFile,
    /// The index of the go.mod as read.
    pub index: ModFileIndex,
}

type SummaryResult = Result<Arc<ModSummary>, SummaryError>;

/// One go invocation's loading state.
pub struct Session {
    /// The configuration.
    pub config: LoadConfig,
    source: Arc<dyn ModuleSource>,
    sums: SumFiles,
    sum_error: Option<String>,
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
    raw_cache: Mutex<HashMap<ModuleVersion, SummaryResult>>,
    /// Go lines of loaded go.mod files, by the module they were read for (`rawGoVersion`).
    raw_go_version: Mutex<HashMap<ModuleVersion, String>>,
    /// Everything printed on stderr so far that does not stop the command,
    /// in order: notes, warnings, and errors Go reports with `base.Errorf`
    /// (which make the exit status 1 at the end).
    diagnostics: Mutex<Vec<Diagnostic>>,
    /// go.mod hashes verified during the load: (path, `version/go.mod`, hash,
    /// whether go.sum already recorded it); Go's go.sum rewrite re-checks them.
    used_sums: Mutex<Vec<(String, String, String, bool)>>,
}

/// A loaded module graph (`modload.ModuleGraph`) with the provenance of every node.
pub struct ModuleGraph {
    /// The requirement graph.
    pub graph: mvs::Graph,
    /// The summary (or error) of every module whose go.mod was loaded.
    pub summaries: HashMap<ModuleVersion, SummaryResult>,
    /// The pruning modes each module was enqueued with.
    pub load_modes: HashMap<ModuleVersion, Vec<Pruning>>,
    /// The first load error found from the roots, if any.
    pub error: Option<GraphError>,
}

impl ModuleGraph {
    /// The selected version of `path` (`none` if absent).
    pub fn selected(&self, path: &str) -> String {
        self.graph.selected(path).to_string()
    }

    /// The build list: main module(s) first, then by path.
    pub fn build_list(&self) -> Vec<ModuleVersion> {
        self.graph.build_list()
    }
}

/// What a finished load hands to the listing and explanation layers.
pub struct Loaded {
    /// The session (main modules, replacements, caches).
    pub session: Session,
    /// The final requirements.
    pub requirements: Requirements,
    /// The final graph.
    pub graph: ModuleGraph,
    /// The requirements as read from go.mod, before any update.
    pub initial_requirements: Requirements,
    /// The graph-load error or "updates to go.mod needed" reported after listing.
    pub error: Option<String>,
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

const GO_MOD_DIRTY: &str = "go.mod needs update";

impl Session {
    /// Opens the main module(s) as `modload.Init` + `loadModFile` do, up to
    /// (but not including) graph loading.
    pub fn open(config: LoadConfig, source: Arc<dyn ModuleSource>) -> Result<Session, Fatal> {
        let work_path = match &config.gowork {
            GoWork::Off => None,
            GoWork::Auto => find_upwards(&config.cwd, "go.work"),
            GoWork::Path(p) => Some(p.clone()),
        };
        let mut session = Session {
            config,
            source,
            sums: SumFiles::default(),
            sum_error: None,
            fatal: Mutex::new(None),

            mains: Vec::new(),
            work: None,
            replacements: Replacements::default(),
            build_mode: BuildMode::Readonly,
            build_mode_explicit: false,
            build_mode_reason: String::new(),
            raw_cache: Mutex::new(HashMap::new()),
            raw_go_version: Mutex::new(HashMap::new()),
            diagnostics: Mutex::new(Vec::new()),
            used_sums: Mutex::new(Vec::new()),
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

    /// Finds and reads the main module(s) (`Init`, `LoadWorkFile`,
    /// `ReadModFile`, `makeMainModules`, `setDefaultBuildMod`).
    fn discover(&mut self, work_path: Option<PathBuf>) -> Result<(), Fatal> {
        if work_path.is_some() {
            if self.config.modfile.is_some() {
                return Err(Fatal::go("-modfile cannot be used in workspace mode"));
            }
            if let (Some(mode), true) = (self.config.mod_flag.mode, self.config.mod_flag.explicit) {
                if mode == BuildMode::Mod && self.config.command == GoCommand::ListModules {
                    return Err(Fatal::go(format!(
                        "-mod may only be set to readonly or vendor when in workspace mode, but it is set to {:?}\n\tRemove the -mod flag to use the default readonly value, \n\tor set GOWORK=off to disable workspace mode.",
                        mode.as_str()
                    )));
                }
            }
        }
        let mod_roots: Vec<PathBuf>;
        if let Some(work_path) = work_path {
            let (wf, roots) = self.load_work_file(&work_path)?;
            self.work = Some((work_path, wf));
            mod_roots = roots;
        } else {
            match find_upwards(&self.config.cwd, "go.mod") {
                None => return Err(self.no_main_modules_error()),
                Some(gomod) => {
                    let root = gomod.parent().map(Path::to_path_buf).unwrap_or_default();
                    if root == self.config.temp_dir {
                        self.note(format!(
                            "go: warning: ignoring go.mod in system temp root {}",
                            self.config.temp_dir.display()
                        ));
                        return Err(self.no_main_modules_error());
                    }
                    mod_roots = vec![root];
                }
            }
        }
        if self.work.is_some()
            && mod_roots.is_empty()
            && self.config.command == GoCommand::ListModules
        {
            return Err(self.no_main_modules_error());
        }
        self.read_main_modules(&mod_roots)?;
        self.make_main_modules()?;
        self.set_default_build_mode()?;
        Ok(())
    }

    /// Reads go.sum (or go.work.sum and the workspace modules' go.sum files).
    fn read_sums(&mut self) {
        let read = |path: &Path| -> Result<GoSum, String> {
            match std::fs::read(path) {
                Ok(data) => {
                    parse_go_sum(&path.display().to_string(), &data).map_err(|e| e.to_string())
                }
                Err(_) => parse_go_sum(&path.display().to_string(), b"").map_err(|e| e.to_string()),
            }
        };
        let mut files = SumFiles::default();
        let mut first_error = None;
        let main_file = match &self.work {
            Some((w, _)) => PathBuf::from(format!("{}.sum", w.display())),
            None => self
                .mains
                .first()
                .map(|m| m.root.join("go.sum"))
                .unwrap_or_default(),
        };
        match read(&main_file) {
            Ok(f) => files.main = f,
            Err(e) => first_error = Some(e),
        }
        if self.work.is_some() {
            for m in &self.mains {
                match read(&m.root.join("go.sum")) {
                    Ok(f) => files.workspace.push(f),
                    Err(e) => {
                        first_error.get_or_insert(e);
                    }
                }
            }
        }
        self.sums = files;
        self.sum_error = first_error;
    }

    /// `checkModSum` for a fetched go.mod: a hash mismatch is fatal; a key
    /// go.sum lists only with unknown algorithms gets Go's warning.
    fn verify_go_mod_sum(&self, m: &ModuleVersion, data: &[u8]) {
        let h = hash_go_mod(data);
        let key = format!("{}/go.mod", m.version);
        let recorded = match self.sums.check(&m.path, &key, &h) {
            Err(mismatch) => {
                self.set_fatal(Fatal {
                    lines: vec![mismatch.to_string()],
                    exit_code: 1,
                });
                return;
            }
            Ok(recorded) => recorded,
        };
        if !recorded {
            self.warn_unknown_hashes(&m.path, &key, &h);
        }
        if let Ok(mut used) = self.used_sums.lock() {
            used.push((m.path.clone(), key, h, recorded));
        }
    }

    /// `addModSumLocked`'s warning when go.sum lists a key only with hashes
    /// of unknown algorithms.
    fn warn_unknown_hashes(&self, path: &str, key: &str, h: &str) {
        let unknown: Vec<&str> = self.sums.main.hashes(path, key).collect();
        if unknown.is_empty() || unknown.contains(&h) {
            return;
        }
        self.note(format!(
            "warning: verifying {path}@{key}: unknown hashes in go.sum: {}; adding {h}\n\nSECURITY WARNING\nThis download is listed in go.sum, but using an unknown hash algorithm.\nThe download cannot be verified.\n\nFor more information, see 'go help module-auth'.\n",
            unknown.join(", ")
        ));
    }

    /// The go.sum rewrite `go list -m` does in mod mode (`WriteGoSum`,
    /// `tidyGoSum`): when the load added hashes, Go re-reads go.sum and adds
    /// every used hash again, repeating the unknown-algorithm warnings.
    fn rewrite_go_sum(&self) {
        if self.build_mode != BuildMode::Mod || self.in_workspace() {
            return;
        }
        let used = self.used_sums.lock().map(|u| u.clone()).unwrap_or_default();
        if used.iter().all(|(_, _, _, recorded)| *recorded) {
            return;
        }
        for (path, key, h, _) in &used {
            self.warn_unknown_hashes(path, key, h);
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

    fn no_main_modules_error(&self) -> Fatal {
        let msg = if self.work.is_some() {
            "no modules were found in the current workspace; see 'go help work'"
        } else {
            "go.mod file not found in current directory or any parent directory; see 'go help modules'"
        };
        match self.config.command {
            GoCommand::ModGraph => Fatal::go(msg),
            GoCommand::ListModules => Fatal::go(format!("cannot match \"all\": {msg}")),
        }
    }

    /// Whether a go.work is in effect.
    pub fn in_workspace(&self) -> bool {
        self.work.is_some()
    }

    /// `base.ShortPath`: the path relative to the working directory when shorter.
    pub fn short_path(&self, path: &Path) -> String {
        short_path(&self.config.cwd, path)
    }

    fn load_work_file(&mut self, path: &Path) -> Result<(WorkFile, Vec<PathBuf>), Fatal> {
        let short = self.short_path(path);
        let data = std::fs::read(path).map_err(|e| {
            Fatal::go(format!(
                "reading go.work: open {short}: {}",
                io_error_text(&e)
            ))
        })?;
        let wf = gomvs_modfile::gowork::parse_work(&short, &data, None)
            .map_err(|e| Fatal::go(format!("errors parsing go.work:\n{e}")))?;
        if let Some(go) = &wf.go {
            if gover::compare(&go.version, &self.config.local_go).is_gt() {
                return Err(Fatal::go(self.too_new(&short, &go.version)));
            }
        }
        let work_dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let mut seen = HashSet::new();
        let mut roots = Vec::new();
        for u in &wf.uses {
            let root = if Path::new(&u.path).is_absolute() {
                clean_path(Path::new(&u.path))
            } else {
                join_clean(&work_dir, &u.path)
            };
            if !seen.insert(root.clone()) {
                return Err(Fatal::go(format!(
                    "error loading go.work:\n{}:{}: path {} appears multiple times in workspace",
                    short,
                    u.span.start.line,
                    root.display()
                )));
            }
            roots.push(root);
        }
        Ok((wf, roots))
    }

    fn too_new(&self, what: &str, version: &str) -> String {
        too_new_message(
            what,
            version,
            &self.config.local_go,
            &self.config.gotoolchain,
        )
    }

    fn read_main_modules(&mut self, roots: &[PathBuf]) -> Result<(), Fatal> {
        let mut errs: Vec<String> = Vec::new();
        for root in roots {
            let gomod = root.join("go.mod");
            match self.read_main_mod_file(&gomod) {
                Err(err) => {
                    if let Some((_, wf)) = &self.work {
                        let msg = match err {
                            MainModError::TooNew(v) => work_too_old(&self.short_path(root), wf, &v),
                            MainModError::Open(e) => format!(
                                "cannot load module {} listed in go.work file: open {}: {}",
                                self.short_path(root),
                                self.short_path(&gomod),
                                e
                            ),
                            MainModError::Other(m) => format!(
                                "cannot load module {} listed in go.work file: {}",
                                self.short_path(root),
                                m
                            ),
                        };
                        errs.push(msg);
                    } else {
                        errs.push(match err {
                            MainModError::TooNew(v) => self.too_new(&self.short_path(&gomod), &v),
                            MainModError::Open(e) => format!("open {}: {e}", gomod.display()),
                            MainModError::Other(m) => m,
                        });
                    }
                    continue;
                }
                Ok((file, needs_fix)) => {
                    if let Some((_, wf)) = &self.work {
                        let mv = file
                            .go
                            .as_ref()
                            .map_or(gover::DEFAULT_GO_MOD_VERSION, |g| g.version.as_str());
                        let wv = wf
                            .go
                            .as_ref()
                            .map_or(gover::DEFAULT_GO_WORK_VERSION, |g| g.version.as_str());
                        if gover::compare(mv, wv).is_gt()
                            && gover::compare(mv, gover::GO_STRICT_VERSION).is_ge()
                        {
                            errs.push(work_too_old(&self.short_path(root), wf, mv));
                            continue;
                        }
                    } else {
                        let mut bad = false;
                        for g in &file.godebug {
                            if let Err(e) = crate::godebug::check(
                                "godebug",
                                &g.key,
                                &g.value,
                                &self.config.local_go,
                            ) {
                                errs.push(format!(
                                    "error loading go.mod:\n{}:{}: {}",
                                    self.short_path(&gomod),
                                    g.span.start.line,
                                    e
                                ));
                                bad = true;
                            }
                        }
                        if bad {
                            continue;
                        }
                    }
                    let path = file
                        .module
                        .as_ref()
                        .map(|m| m.path.clone())
                        .unwrap_or_default();
                    if let Err(mut e) = module::check_import_path(&path) {
                        e.kind = module::PathKind::Module;
                        errs.push(e.to_string());
                    }
                    let index = ModFileIndex::new(&file, needs_fix);
                    self.mains.push(MainModule {
                        module: ModuleVersion::new(path, ""),
                        root: root.clone(),
                        go_mod_path: gomod,
                        file,
                        index,
                    });
                }
            }
        }
        if !errs.is_empty() {
            return Err(Fatal {
                lines: errs.into_iter().map(|e| format!("go: {e}")).collect(),
                exit_code: 1,
            });
        }
        Ok(())
    }

    fn read_main_mod_file(&self, gomod: &Path) -> Result<(ModFile, bool), MainModError> {
        let data = std::fs::read(gomod).map_err(|e| MainModError::Open(io_error_text(&e)))?;
        let short = self.short_path(gomod);
        let name = gomod.display().to_string();
        let mut fixer = crate::fixer::MainVersionFixer::new(self.source.clone());
        let parsed = gomvs_modfile::gomod::parse(&name, &data, Some(&mut fixer));
        let file = match parsed {
            Ok(f) => f,
            Err(mut errs) => {
                if let Ok(lax) = gomvs_modfile::gomod::parse_lax(&name, &data) {
                    if let Some(go) = &lax.go {
                        if gover::compare(&go.version, &self.config.local_go).is_gt() {
                            return Err(MainModError::TooNew(go.version.clone()));
                        }
                    }
                }
                for e in errs.0.iter_mut() {
                    e.filename = short_path(&self.config.cwd, Path::new(&e.filename));
                }
                return Err(MainModError::Other(format!(
                    "errors parsing {short}:\n{errs}"
                )));
            }
        };
        if let Some(go) = &file.go {
            if gover::compare(&go.version, &self.config.local_go).is_gt() {
                return Err(MainModError::TooNew(go.version.clone()));
            }
        }
        match &file.module {
            None => {
                return Err(MainModError::Other(format!(
                    "error reading {short}: missing module declaration. To specify the module path:\n\tgo mod edit -module=example.com/mod"
                )))
            }
            Some(m) if m.path == "go" || m.path == "toolchain" => {
                return Err(MainModError::Other(format!(
                    "error reading {short}: invalid module path: {:?}",
                    m.path
                )))
            }
            Some(_) => {}
        }
        Ok((file, fixer.fixed()))
    }

    fn make_main_modules(&mut self) -> Result<(), Fatal> {
        let mut lines = Vec::new();
        let mut seen = HashSet::new();
        for m in &self.mains {
            if !seen.insert(m.module.path.clone()) {
                lines.push(format!(
                    "go: module {} appears multiple times in workspace",
                    m.module.path
                ));
            }
        }
        let rules_of = |m: &MainModule, workspace: bool| -> Vec<ReplaceRule> {
            m.file
                .replace
                .iter()
                .map(|r| {
                    let mut effective = r.new.clone();
                    if workspace
                        && effective.version.is_empty()
                        && !Path::new(&effective.path).is_absolute()
                    {
                        effective.path = join_clean(&m.root, &effective.path).display().to_string();
                    }
                    ReplaceRule {
                        old: r.old.clone(),
                        new: r.new.clone(),
                        effective,
                        mod_root: m.root.clone(),
                        origin: DirectiveOrigin {
                            file: m.go_mod_path.clone(),
                            span: r.span,
                        },
                        from_work_file: false,
                    }
                })
                .collect()
        };
        let result = if let Some((work_path, wf)) = &self.work {
            let mut work_rules = Vec::new();
            for r in &wf.replace {
                if seen.contains(&r.old.path) && r.old.version.is_empty() {
                    lines.push(format!(
                        "go: workspace module {} is replaced at all versions in the go.work file. To fix, remove the replacement from the go.work file or specify the version at which to replace the module.",
                        r.old.path
                    ));
                }
                work_rules.push(ReplaceRule {
                    old: r.old.clone(),
                    new: r.new.clone(),
                    effective: r.new.clone(),
                    mod_root: PathBuf::new(),
                    origin: DirectiveOrigin {
                        file: work_path.clone(),
                        span: r.span,
                    },
                    from_work_file: true,
                });
            }
            let module_rules = self.mains.iter().map(|m| rules_of(m, true)).collect();
            Replacements::workspace(work_rules, module_rules)
        } else {
            match self.mains.first() {
                Some(m) => Replacements::single(rules_of(m, false)),
                None => Ok(Replacements::default()),
            }
        };
        match result {
            Ok(r) => self.replacements = r,
            Err(ReplaceConflict(msg)) => {
                lines.push(msg);
                return Err(Fatal {
                    lines,
                    exit_code: 1,
                });
            }
        }
        for m in &self.mains {
            for t in &m.file.tool {
                if let Err(e) = module::check_import_path(&t.path) {
                    lines.push(format!(
                        "go: {}",
                        e.to_string()
                            .replacen("malformed import path", "malformed tool path", 1)
                    ));
                    return Err(Fatal {
                        lines,
                        exit_code: 1,
                    });
                }
            }
        }
        // Duplicate workspace modules and go.work wildcard replacements of a
        // workspace module are base.Errorf: reported, and the command goes on.
        for line in lines {
            self.error_deferred(line);
        }
        Ok(())
    }

    fn set_default_build_mode(&mut self) -> Result<(), Fatal> {
        if let (Some(mode), true) = (self.config.mod_flag.mode, self.config.mod_flag.explicit) {
            self.build_mode = mode;
            self.build_mode_explicit = true;
            if self.in_workspace()
                && mode == BuildMode::Mod
                && self.config.command == GoCommand::ListModules
            {
                return Err(Fatal::go(format!(
                    "-mod may only be set to readonly or vendor when in workspace mode, but it is set to {:?}\n\tRemove the -mod flag to use the default readonly value, \n\tor set GOWORK=off to disable workspace mode.",
                    mode.as_str()
                )));
            }
            if self.config.command == GoCommand::ModGraph {
                // `go mod graph` defines no -mod flag: GOFLAGS' -mod is ignored.
                self.build_mode = BuildMode::Mod;
                self.build_mode_explicit = false;
            }
            return Ok(());
        }
        if self.config.command == GoCommand::ModGraph {
            self.build_mode = BuildMode::Mod;
            return Ok(());
        }
        let (go_version, source, vendor_dir) = match &self.work {
            Some((path, wf)) => (
                wf.go
                    .as_ref()
                    .map(|g| g.version.clone())
                    .unwrap_or_default(),
                "go.work",
                path.parent().map(|p| p.join("vendor")).unwrap_or_default(),
            ),
            None => match self.mains.first() {
                Some(m) => (m.index.go_version.clone(), "go.mod", m.root.join("vendor")),
                None => (String::new(), "go.mod", PathBuf::new()),
            },
        };
        if vendor_dir.is_dir() {
            if go_version.is_empty() {
                self.build_mode_reason = format!(
                    "Go version in {source} is unspecified, so vendor directory was not used."
                );
            } else if gover::compare(&go_version, "1.14").is_lt() {
                self.build_mode_reason = format!(
                    "Go version in {source} is {go_version}, so vendor directory was not used."
                );
            } else {
                let for_workspace = vendor_is_for_workspace(&vendor_dir);
                if for_workspace != (source == "go.work") {
                    self.build_mode_reason = if for_workspace {
                        "Outside workspace mode, but vendor directory is for a workspace.".into()
                    } else {
                        "In workspace mode, but vendor directory is not for a workspace".into()
                    };
                } else {
                    self.build_mode = BuildMode::Vendor;
                    self.build_mode_reason = format!(
                        "Go version in {source} is at least 1.14 and vendor directory exists."
                    );
                    return Ok(());
                }
            }
        }
        self.build_mode = BuildMode::Readonly;
        Ok(())
    }

    /// The "updates to go.mod needed" message in this session's wording.
    pub fn go_mod_dirty_message(&self) -> String {
        if self.build_mode_explicit {
            format!(
                "updates to go.mod needed, disabled by -mod={}; to update it:\n\tgo mod tidy",
                self.build_mode.as_str()
            )
        } else if !self.build_mode_reason.is_empty() {
            format!(
                "updates to go.mod needed, disabled by -mod={}\n\t({})\n\tto update it:\n\tgo mod tidy",
                self.build_mode.as_str(),
                self.build_mode_reason
            )
        } else {
            "updates to go.mod needed; to update it:\n\tgo mod tidy".to_string()
        }
    }

    fn must_have_complete_requirements(&self) -> bool {
        self.build_mode != BuildMode::Mod && !self.in_workspace()
    }

    fn must_have_sums(&self) -> bool {
        self.build_mode == BuildMode::Readonly && !self.in_workspace()
    }

    /// Whether `path` is a main module's path.
    pub fn is_main(&self, path: &str) -> bool {
        self.mains.iter().any(|m| m.module.path == path)
    }

    /// The module source.
    pub fn source(&self) -> &Arc<dyn ModuleSource> {
        &self.source
    }

    /// Whether go.sum records an `h1:` hash for `path version` (`HaveSum`).
    pub fn has_sum(&self, path: &str, version: &str) -> bool {
        if let Some(e) = &self.sum_error {
            self.set_fatal(Fatal {
                lines: vec![e.clone()],
                exit_code: 1,
            });
            return false;
        }
        self.sums.have_sum(path, version)
    }

    /// The hash go.sum recorded for `path version`, if unambiguous (`RecordedSum`).
    pub fn recorded_sum(&self, path: &str, version: &str) -> Option<String> {
        self.sums.recorded_sum(path, version).map(str::to_string)
    }

    /// The text of a failed `.info` lookup as a `go list -m` row error.
    pub fn query_error_text(&self, _m: &ModuleVersion, err: &crate::source::FetchError) -> String {
        err.go_text()
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

    /// Whether a module version is excluded by any main module.
    pub fn excluded_by(&self, m: &ModuleVersion) -> Option<(&MainModule, Span)> {
        self.mains
            .iter()
            .find_map(|mm| mm.index.exclude.get(m).map(|s| (mm, *s)))
    }

    /// The initial requirements (`requirementsFromModFiles`), printing the
    /// excluded-requirement notes as go does.
    pub fn requirements_from_mod_files(&mut self) -> Requirements {
        let mut direct = BTreeSet::new();
        if let Some((_, wf)) = &self.work {
            if self.mains.is_empty() {
                // A workspace without modules: go uses the pseudo main module
                // command-line-arguments, with a nil go.work for the go version.
                let roots = vec![
                    ModuleVersion::new(COMMAND_LINE_ARGUMENTS, ""),
                    ModuleVersion::new("go", gover::DEFAULT_GO_WORK_VERSION),
                    ModuleVersion::new("toolchain", format!("go{}", self.config.local_go)),
                ];
                direct.insert("go".to_string());
                return Requirements::new(Pruning::Workspace, roots, direct);
            }
            let mut roots = self.main_versions();

            let go_version = wf
                .go
                .as_ref()
                .map_or(gover::DEFAULT_GO_WORK_VERSION.to_string(), |g| {
                    g.version.clone()
                });
            roots.push(ModuleVersion::new("go", go_version));
            if let Some(t) = &wf.toolchain {
                roots.push(ModuleVersion::new("toolchain", t.name.clone()));
            }
            for m in &self.mains {
                for r in &m.file.require {
                    if !r.indirect {
                        direct.insert(r.module.path.clone());
                    }
                }
            }
            mod_sort(&mut roots);
            return Requirements::new(Pruning::Workspace, roots, direct);
        }
        let mut roots = Vec::new();
        let mut notes = Vec::new();
        let Some(main) = self.mains.first() else {
            return Requirements::new(Pruning::Unpruned, roots, direct);
        };
        for r in &main.file.require {
            if main.index.exclude.contains_key(&r.module) {
                let verb = if self.build_mode == BuildMode::Mod {
                    "dropping"
                } else {
                    "ignoring"
                };
                notes.push(format!(
                    "go: {verb} requirement on excluded version {} {}",
                    r.module.path, r.module.version
                ));
                continue;
            }
            roots.push(r.module.clone());
            if !r.indirect {
                direct.insert(r.module.path.clone());
            }
        }
        let go_version = main
            .file
            .go
            .as_ref()
            .map_or(gover::DEFAULT_GO_MOD_VERSION.to_string(), |g| {
                g.version.clone()
            });
        roots.push(ModuleVersion::new("go", go_version.clone()));
        direct.insert("go".to_string());
        if let Some(t) = &main.file.toolchain {
            roots.push(ModuleVersion::new("toolchain", t.name.clone()));
        }
        for n in notes {
            self.note(n);
        }
        mod_sort(&mut roots);
        Requirements::new(Pruning::for_go_version(&go_version), roots, direct)
    }

    /// The replacement of `m`, if any (`Replacement`), canonicalized for display.
    pub fn replacement(&self, m: &ModuleVersion) -> Option<ReplaceRule> {
        if m.version.is_empty() && self.is_main(&m.path) {
            return None;
        }
        let found = self.replacements.lookup(m)?;
        if let Some(msg) = found.conflict {
            self.error_deferred(msg);
        }
        Some(found.rule)
    }

    /// The module whose go.mod is actually read for `m` (`resolveReplacement`):
    /// the replacement target (directories as loading paths), or `m` itself.
    fn actual(&self, m: &ModuleVersion) -> ModuleVersion {
        match self.replacement(m) {
            Some(rule) => rule.effective,
            None => m.clone(),
        }
    }

    /// The directory replacements are resolved against (`replaceRelativeTo`).
    pub fn replace_relative_to(&self) -> PathBuf {
        match &self.work {
            Some((p, _)) => p.parent().map(Path::to_path_buf).unwrap_or_default(),
            None => self
                .mains
                .first()
                .map(|m| m.root.clone())
                .unwrap_or_default(),
        }
    }

    /// The go line of a loaded go.mod, keyed by the module it was read for.
    pub fn raw_go_version(&self, m: &ModuleVersion) -> Option<String> {
        self.raw_go_version
            .lock()
            .ok()
            .and_then(|g| g.get(m).cloned())
    }

    fn record_go_version(&self, m: &ModuleVersion, v: &str) {
        if let Ok(mut g) = self.raw_go_version.lock() {
            g.entry(m.clone()).or_insert_with(|| v.to_string());
        }
    }

    /// `rawGoModSummary`: the summary of the go.mod of `m` (an actual module:
    /// a module version, a directory with empty version, or a workspace module).
    pub fn raw_summary(&self, m: &ModuleVersion) -> SummaryResult {
        if m.path == "go" || m.path == "toolchain" {
            return Ok(Arc::new(ModSummary::synthetic(m)));
        }
        if m.version.is_empty() && self.in_workspace() && m.path == COMMAND_LINE_ARGUMENTS {
            return Ok(Arc::new(ModSummary::synthetic(m)));
        }
        if m.version.is_empty() && self.in_workspace() {
            if let Some(main) = self.mains.iter().find(|mm| mm.module.path == m.path) {
                let s = ModSummary::from_mod_file(
                    &main.file,
                    SummarySource::Directory {
                        file: main.go_mod_path.clone(),
                    },
                );
                if !s.go_version.is_empty() {
                    self.record_go_version(m, &s.go_version);
                }
                return self.check_too_new(m, s);
            }
        }
        if let Ok(cache) = self.raw_cache.lock() {
            if let Some(r) = cache.get(m) {
                return r.clone();
            }
        }
        let result = self.load_raw_summary(m);
        if let Ok(mut cache) = self.raw_cache.lock() {
            cache.entry(m.clone()).or_insert_with(|| result.clone());
        }
        result
    }

    fn load_raw_summary(&self, m: &ModuleVersion) -> SummaryResult {
        let (name, data, source) = if m.version.is_empty() {
            let dir = if Path::new(&m.path).is_absolute() {
                PathBuf::from(&m.path)
            } else {
                join_clean(&self.replace_relative_to(), &m.path)
            };
            let file = dir.join("go.mod");
            let short = self.short_path(&file);
            match std::fs::read(&file) {
                Ok(d) => (
                    file.display().to_string(),
                    d,
                    SummarySource::Directory { file },
                ),
                Err(e) => {
                    return Err(SummaryError::module(
                        m.clone(),
                        format!(
                            "reading {short}: open {}: {}",
                            file.display(),
                            io_error_text(&e)
                        ),
                    ))
                }
            }
        } else {
            match self.source.go_mod(m) {
                Ok(d) => {
                    if let Some(e) = &self.sum_error {
                        self.set_fatal(Fatal {
                            lines: vec![e.clone()],
                            exit_code: 1,
                        });
                    }
                    self.verify_go_mod_sum(m, &d);
                    (
                        "go.mod".to_string(),
                        d.to_vec(),
                        SummarySource::Module { module: m.clone() },
                    )
                }
                Err(e) => {
                    return Err(match e.module {
                        Some(module) => SummaryError::Module {
                            module,
                            message: e.message,
                        },
                        None => SummaryError::Other(e.message),
                    })
                }
            }
        };
        let display = if m.version.is_empty() {
            self.short_path(Path::new(&name))
        } else {
            name.clone()
        };
        let f = gomvs_modfile::gomod::parse_lax(&name, &data)
            .map_err(|e| SummaryError::module(m.clone(), format!("parsing {display}: {e}")))?;
        let s = ModSummary::from_mod_file(&f, source);
        if !s.go_version.is_empty() {
            self.record_go_version(m, &s.go_version);
        }
        self.check_too_new(m, s)
    }

    fn check_too_new(&self, m: &ModuleVersion, s: ModSummary) -> SummaryResult {
        if !s.go_version.is_empty()
            && gover::compare(&s.go_version, gover::GO_STRICT_VERSION).is_ge()
            && gover::compare(&s.go_version, &self.config.local_go).is_gt()
        {
            let what = format!("module {m}");
            return Err(SummaryError::Other(self.too_new(&what, &s.go_version)));
        }
        Ok(Arc::new(s))
    }

    /// `goModSummary`: the requirements of graph node `m`, with the
    /// replacement applied, go.sum checked in readonly mode, the module path
    /// checked, and requirements on excluded versions dropped.
    pub fn summary(&self, m: &ModuleVersion) -> SummaryResult {
        if m.path == "go" || m.path == "toolchain" {
            return self.raw_summary(m);
        }
        let actual = self.actual(m);
        if self.must_have_sums() && !actual.version.is_empty() {
            let key = format!("{}/go.mod", actual.version);
            if !self.has_sum(&actual.path, &key) {
                return Err(SummaryError::module(
                    actual.clone(),
                    format!(
                        "missing go.sum entry for go.mod file; to add it:\n\tgo mod download {}",
                        m.path
                    ),
                ));
            }
        }
        let raw = self.raw_summary(&actual)?;
        if !actual.version.is_empty() {
            if raw.module.is_empty() {
                return Err(SummaryError::module(
                    actual,
                    "parsing go.mod: missing module line",
                ));
            }
            if raw.module != m.path && raw.module != actual.path {
                return Err(SummaryError::module(
                    actual,
                    format!(
                        "parsing go.mod:\n\tmodule declares its path as: {}\n\t        but was required as: {}",
                        raw.module, m.path
                    ),
                ));
            }
        }
        let mut excluded = Vec::new();
        let mut keep = Vec::with_capacity(raw.require.len());
        let mut spans = Vec::with_capacity(raw.require.len());
        for (r, span) in raw.require.iter().zip(raw.require_spans.iter()) {
            if let Some((_, xspan)) = self.excluded_by(r) {
                excluded.push((r.clone(), xspan));
                continue;
            }
            keep.push(r.clone());
            spans.push(*span);
        }
        if excluded.is_empty() {
            return Ok(raw);
        }
        let mut s = (*raw).clone();
        s.require = keep;
        s.require_spans = spans;
        s.excluded = excluded;
        Ok(Arc::new(s))
    }

    /// `readModGraph`: loads the graph below `roots` with the given pruning.
    pub fn read_mod_graph(
        &self,
        pruning: Pruning,
        roots: &[ModuleVersion],
        unprune: &HashSet<ModuleVersion>,
    ) -> ModuleGraph {
        let graph_roots = if self.in_workspace() {
            roots.to_vec()
        } else {
            self.main_versions()
        };
        let mut g = mvs::Graph::with_go_order(graph_roots);
        if pruning != Pruning::Workspace {
            if let Some(main) = self.mains.first() {
                // The main module is a root of the graph, so this cannot fail.
                let _ = g.require(&main.module, roots.iter());
            }
        }
        let mut summaries: HashMap<ModuleVersion, SummaryResult> = HashMap::new();
        let mut load_modes: HashMap<ModuleVersion, Vec<Pruning>> = HashMap::new();
        let mut enqueued: HashSet<(ModuleVersion, Pruning)> = HashSet::new();
        let mut queue: VecDeque<(ModuleVersion, Pruning)> = VecDeque::new();
        let mut has_error = false;

        let mut enqueue =
            |m: &ModuleVersion, p: Pruning, queue: &mut VecDeque<(ModuleVersion, Pruning)>| {
                if m.version == "none" {
                    return;
                }
                if enqueued.insert((m.clone(), p)) {
                    queue.push_back((m.clone(), p));
                }
            };
        for r in roots {
            enqueue(r, pruning, &mut queue);
        }
        let mut drain = |queue: &mut VecDeque<(ModuleVersion, Pruning)>,
                         g: &mut mvs::Graph,
                         summaries: &mut HashMap<ModuleVersion, SummaryResult>,
                         load_modes: &mut HashMap<ModuleVersion, Vec<Pruning>>,
                         enqueue: &mut dyn FnMut(
            &ModuleVersion,
            Pruning,
            &mut VecDeque<(ModuleVersion, Pruning)>,
        )| {
            while let Some((m, p)) = queue.pop_front() {
                load_modes.entry(m.clone()).or_default().push(p);
                let summary = match summaries.get(&m) {
                    Some(s) => s.clone(),
                    None => {
                        let s = self.summary(&m);
                        match &s {
                            // `m` was reached from a root and is loaded once (the summaries map).
                            Ok(sum) => {
                                let _ = g.require(&m, sum.require.iter());
                            }
                            Err(_) => has_error = true,
                        }
                        summaries.insert(m.clone(), s.clone());
                        s
                    }
                };
                let Ok(summary) = summary else { continue };
                let next = if p == Pruning::Unpruned {
                    Pruning::Unpruned
                } else {
                    summary.pruning
                };
                for r in &summary.require {
                    if p != Pruning::Pruned
                        || summary.pruning == Pruning::Unpruned
                        || unprune.contains(r)
                    {
                        enqueue(r, next, queue);
                    }
                }
            }
        };
        drain(
            &mut queue,
            &mut g,
            &mut summaries,
            &mut load_modes,
            &mut enqueue,
        );

        if pruning == Pruning::Workspace {
            let mut has_deps: Vec<String> = Vec::new();
            let mut has_deps_set: HashSet<String> = HashSet::new();
            for m in roots {
                if has_deps_set.insert(m.path.clone()) {
                    has_deps.push(m.path.clone());
                }
            }
            let mut seen: HashSet<ModuleVersion> = HashSet::new();
            loop {
                let mut need: Vec<ModuleVersion> = Vec::new();
                let mut need_set: HashSet<ModuleVersion> = HashSet::new();
                for p in &has_deps {
                    let m = ModuleVersion::new(p.clone(), g.selected(p).to_string());
                    if !seen.contains(&m) {
                        if need_set.insert(m.clone()) {
                            need.push(m);
                        }
                        continue;
                    }
                    if let Some(reqs) = g.required_by(&m) {
                        for r in reqs {
                            let s =
                                ModuleVersion::new(r.path.clone(), g.selected(&r.path).to_string());
                            if gover::mod_compare(&r.path, &s.version, &r.version).is_gt()
                                && !seen.contains(&s)
                                && need_set.insert(s.clone())
                            {
                                need.push(s);
                            }
                        }
                    }
                }
                if need.is_empty() {
                    break;
                }
                for m in need {
                    enqueue(&m, Pruning::Workspace, &mut queue);
                    if has_deps_set.insert(m.path.clone()) {
                        has_deps.push(m.path.clone());
                    }
                    seen.insert(m);
                }
                drain(
                    &mut queue,
                    &mut g,
                    &mut summaries,
                    &mut load_modes,
                    &mut enqueue,
                );
            }
        }

        let error = if has_error {
            let path = g.find_path(|m| matches!(summaries.get(m), Some(Err(_))));
            match path.last().and_then(|m| summaries.get(m)) {
                Some(Err(e)) => Some(GraphError::new(e.clone(), &path, None)),
                _ => None,
            }
        } else {
            None
        };
        ModuleGraph {
            graph: g,
            summaries,
            load_modes,
            error,
        }
    }

    fn all_roots_selected(&self, mg: &ModuleGraph) -> bool {
        let roots = if self.in_workspace() {
            self.main_versions()
        } else {
            match self
                .mains
                .first()
                .and_then(|m| mg.graph.required_by(&m.module))
            {
                Some(r) => r.cloned().collect(),
                None => Vec::new(),
            }
        };
        roots.iter().all(|m| mg.selected(&m.path) == m.version)
    }

    fn root_selected(&self, rs: &Requirements, path: &str) -> Option<String> {
        if self.is_main(path) {
            return Some(String::new());
        }
        rs.root_version(path).map(str::to_string)
    }

    /// `updatePrunedRoots` with no packages and nothing to add.
    fn update_pruned_roots(
        &self,
        rs: Requirements,
        mut mg: Option<ModuleGraph>,
    ) -> Result<(Requirements, Option<ModuleGraph>), UpdateError> {
        let mut rs = rs;
        let mut roots_upgraded = false;
        let mut roots: Vec<ModuleVersion> = rs.roots.clone();
        loop {
            if roots_upgraded {
                if self.must_have_complete_requirements() {
                    return Err(UpdateError::Dirty);
                }
                rs = Requirements::new(Pruning::Pruned, roots.clone(), rs.direct.clone());
                let g = self.read_mod_graph(Pruning::Pruned, &rs.roots, &HashSet::new());
                if let Some(e) = &g.error {
                    return Err(UpdateError::Graph(e.to_string(), Box::new((rs, g))));
                }
                mg = Some(g);
            }
            roots = Vec::with_capacity(rs.roots.len());
            roots_upgraded = false;
            let mut in_root_paths: HashSet<String> =
                self.mains.iter().map(|m| m.module.path.clone()).collect();
            for m in &rs.roots {
                if in_root_paths.contains(&m.path) {
                    continue;
                }
                let v = match &mg {
                    None => self.root_selected(&rs, &m.path).unwrap_or_default(),
                    Some(g) => g.selected(&m.path),
                };
                if v != m.version {
                    roots_upgraded = true;
                }
                roots.push(ModuleVersion::new(m.path.clone(), v));
                in_root_paths.insert(m.path.clone());
            }
            if !roots_upgraded {
                if self.build_mode != BuildMode::Mod {
                    return Ok((rs, mg));
                }
                break;
            }
        }
        if rs.pruning == Pruning::Pruned && roots == rs.roots {
            return Ok((rs, mg));
        }
        Ok((
            Requirements::new(Pruning::Pruned, roots, rs.direct.clone()),
            None,
        ))
    }

    /// `updateUnprunedRoots` with nothing to add.
    fn update_unpruned_roots(
        &self,
        rs: Requirements,
        mg: Option<ModuleGraph>,
    ) -> Result<(Requirements, Option<ModuleGraph>), UpdateError> {
        let mg = match mg {
            Some(g) => g,
            None => self.read_mod_graph(rs.pruning, &rs.roots, &HashSet::new()),
        };
        if let Some(e) = &mg.error {
            return Err(UpdateError::Graph(e.to_string(), Box::new((rs, mg))));
        }
        if self.must_have_complete_requirements() {
            for m in &rs.roots {
                if m.version != mg.selected(&m.path) {
                    return Err(UpdateError::Dirty);
                }
            }
            for p in &rs.direct {
                if self.root_selected(&rs, p).is_none() {
                    return Err(UpdateError::Dirty);
                }
            }
            return Ok((rs, Some(mg)));
        }
        let mut root_paths: Vec<String> = Vec::new();
        let mut in_root_paths: HashSet<String> = HashSet::new();
        for r in &rs.roots {
            if !in_root_paths.contains(&r.path) && mg.selected(&r.path) == r.version {
                root_paths.push(r.path.clone());
                in_root_paths.insert(r.path.clone());
            }
        }
        let build_list = mg.build_list();
        let keep: Vec<ModuleVersion> = build_list.iter().skip(self.mains.len()).cloned().collect();
        for m in &keep {
            if rs.direct.contains(&m.path) && !in_root_paths.contains(&m.path) {
                root_paths.push(m.path.clone());
                in_root_paths.insert(m.path.clone());
            }
        }
        let mut roots = Vec::new();
        for main in &self.mains {
            let reqs = SessionReqs {
                session: self,
                main: main.module.clone(),
                roots: keep.clone(),
            };
            match mvs::req(&main.module, &root_paths, &reqs) {
                Ok(min) => roots.extend(min),
                Err(e) => return Err(UpdateError::Graph(e.to_string(), Box::new((rs, mg)))),
            }
        }
        if self.mains.len() > 1 {
            mod_sort(&mut roots);
        }
        if rs.pruning == Pruning::Unpruned && roots == rs.roots {
            return Ok((rs, Some(mg)));
        }
        Ok((
            Requirements::new(Pruning::Unpruned, roots, rs.direct.clone()),
            None,
        ))
    }

    fn update_roots(
        &self,
        rs: Requirements,
        mg: Option<ModuleGraph>,
    ) -> Result<(Requirements, Option<ModuleGraph>), UpdateError> {
        match rs.pruning {
            Pruning::Unpruned => self.update_unpruned_roots(rs, mg),
            Pruning::Pruned => self.update_pruned_roots(rs, mg),
            Pruning::Workspace => Ok((rs, mg)),
        }
    }

    fn has_redundant_root(&self, rs: &Requirements) -> bool {
        rs.roots.iter().enumerate().any(|(i, m)| {
            self.is_main(&m.path)
                || (i > 0 && rs.roots.get(i - 1).is_some_and(|p| p.path == m.path))
        })
    }

    /// `loadModFile` after reading: the initial requirements, fixing redundant
    /// roots and a missing go line as go does.
    fn initial_requirements(&mut self) -> Result<(Requirements, Requirements), Fatal> {
        let rs = self.requirements_from_mod_files();
        let initial = rs.clone();
        if self.in_workspace() {
            return Ok((initial, rs));
        }
        let mut rs = rs;
        if self.has_redundant_root(&rs) {
            match self.update_roots(rs, None) {
                Ok((new_rs, _)) => rs = new_rs,
                Err(UpdateError::Dirty) => return Err(Fatal::go(self.go_mod_dirty_message())),
                Err(UpdateError::Graph(e, _)) => return Err(Fatal::go(e)),
            }
        }
        let main_go_missing = self
            .mains
            .first()
            .is_some_and(|m| m.index.go_version.is_empty());
        if main_go_missing {
            if self.build_mode == BuildMode::Mod && self.config.command == GoCommand::ListModules {
                let v = self.config.local_go.clone();
                let mut roots: Vec<ModuleVersion> = rs
                    .roots
                    .iter()
                    .filter(|m| m.path != "go")
                    .cloned()
                    .collect();
                roots.push(ModuleVersion::new("go", v.clone()));
                mod_sort(&mut roots);
                rs = Requirements::new(rs.pruning, roots, rs.direct.clone());
                if gover::compare(&v, gover::EXPLICIT_INDIRECT_VERSION).is_ge() {
                    // convertPruning(pruned): every module of the unpruned build list becomes a root.
                    let mg = self.read_mod_graph(rs.pruning, &rs.roots, &HashSet::new());
                    if let Some(e) = mg.error {
                        return Err(Fatal::go(e));
                    }
                    let list: Vec<ModuleVersion> =
                        mg.build_list().into_iter().skip(self.mains.len()).collect();
                    rs = Requirements::new(Pruning::Pruned, list, rs.direct.clone());
                }
            } else if let Some(m) = self.mains.first() {
                let main = m.module.clone();
                self.record_go_version(&main, gover::DEFAULT_GO_MOD_VERSION);
            }
        }
        Ok((initial, rs))
    }

    /// Loads the full graph as `go list -m all` and `go mod graph` do
    /// (`LoadModGraph` / `expandGraph`), updating roots in memory where go would.
    pub fn load(self) -> Result<Loaded, Fatal> {
        let with_warnings = |mut f: Fatal, warnings: &[String]| {
            let mut lines = warnings.to_vec();
            lines.append(&mut f.lines);
            f.lines = lines;
            f
        };
        match self.load_inner() {
            Ok(loaded) => match loaded.session.take_fatal() {
                Some(f) => Err(with_warnings(f, &loaded.session.stderr_lines())),
                None => Ok(loaded),
            },
            Err((f, warnings)) => Err(with_warnings(f, &warnings)),
        }
    }

    fn load_inner(mut self) -> Result<Loaded, (Fatal, Vec<String>)> {
        let (initial, rs) = match self.initial_requirements() {
            Ok(r) => r,
            Err(f) => {
                let f = self.take_fatal().unwrap_or(f);
                return Err((f, self.stderr_lines()));
            }
        };
        if let Some(go_flag) = self.config.graph_go.clone() {
            let v = rs.go_version().to_string();
            if gover::compare(&v, gover::GO_STRICT_VERSION).is_ge()
                && gover::compare(&go_flag, &v).is_lt()
            {
                return Err((
                    Fatal::go(format!("requested Go version {go_flag} cannot load module graph (requires Go >= {v})")),
                    self.stderr_lines(),
                ));
            }
            let mut rs = rs;
            if Pruning::for_go_version(&go_flag) == Pruning::Unpruned
                && rs.pruning != Pruning::Unpruned
            {
                rs = Requirements::new(Pruning::Unpruned, rs.roots.clone(), rs.direct.clone());
            }
            let mg = self.read_mod_graph(rs.pruning, &rs.roots, &HashSet::new());
            if let Some(f) = self.take_fatal() {
                return Err((f, self.stderr_lines()));
            }
            if let Some(e) = &mg.error {
                return Err((Fatal::go(e), self.stderr_lines()));
            }
            return Ok(Loaded {
                session: self,
                requirements: rs,
                graph: mg,
                initial_requirements: initial,
                error: None,
            });
        }
        let mg = self.read_mod_graph(rs.pruning, &rs.roots, &HashSet::new());
        if let Some(e) = &mg.error {
            let msg = e.to_string();
            return Ok(Loaded {
                session: self,
                requirements: rs,
                graph: mg,
                initial_requirements: initial,
                error: Some(msg),
            });
        }
        if self.in_workspace() || self.all_roots_selected(&mg) {
            return Ok(Loaded {
                session: self,
                requirements: rs,
                graph: mg,
                initial_requirements: initial,
                error: None,
            });
        }
        match self.update_roots(rs.clone(), Some(mg)) {
            Ok((new_rs, Some(g))) => Ok(Loaded {
                session: self,
                requirements: new_rs,
                graph: g,
                initial_requirements: initial,
                error: None,
            }),
            Ok((new_rs, _)) => {
                let g = self.read_mod_graph(new_rs.pruning, &new_rs.roots, &HashSet::new());
                let error = g.error.as_ref().map(ToString::to_string);
                Ok(Loaded {
                    session: self,
                    requirements: new_rs,
                    graph: g,
                    initial_requirements: initial,
                    error,
                })
            }
            Err(UpdateError::Dirty) => {
                let g = self.read_mod_graph(rs.pruning, &rs.roots, &HashSet::new());
                let msg = self.go_mod_dirty_message();
                Ok(Loaded {
                    session: self,
                    requirements: rs,
                    graph: g,
                    initial_requirements: initial,
                    error: Some(msg),
                })
            }
            Err(UpdateError::Graph(e, boxed)) => {
                let (_, g) = *boxed;
                Ok(Loaded {
                    session: self,
                    requirements: rs,
                    graph: g,
                    initial_requirements: initial,
                    error: Some(e.to_string()),
                })
            }
        }
    }
}

impl Loaded {
    /// `commitRequirements` as `go list -m` runs it (gomvs never writes):
    /// the go.mod dirty check, which fails a readonly load with Go's
    /// "updates to go.mod needed", and the go.sum bookkeeping (`keepSums`),
    /// whose replacement lookups are when Go reports workspace replacement
    /// conflicts.
    pub fn commit_requirements(&self) -> Option<String> {
        let s = &self.session;
        s.rewrite_go_sum();
        if !s.in_workspace() && self.go_mod_would_change() {
            if s.build_mode != BuildMode::Mod {
                return Some(s.go_mod_dirty_message());
            }
            return None;
        }
        let g = &self.graph.graph;
        g.walk_breadth_first(|m| {
            if g.required_by(m).is_some() {
                let _ = s.replacement(m);
            }
        });
        for m in self.graph.build_list() {
            let _ = s.replacement(&m);
        }
        None
    }

    /// `commitRequirements`' dirty check: whether writing go.mod from the
    /// final requirements would change it (readonly then fails).
    pub fn go_mod_would_change(&self) -> bool {
        let s = &self.session;
        if s.in_workspace() {
            return false;
        }
        let Some(main) = s.mains.first() else {
            return false;
        };
        let index = &main.index;
        if index.data_needs_fix {
            return true;
        }
        let mut go_version = String::new();
        let mut toolchain = String::new();
        let mut list: Vec<&ModuleVersion> = Vec::new();
        for m in &self.requirements.roots {
            match m.path.as_str() {
                "go" => go_version = m.version.clone(),
                "toolchain" => toolchain = m.version.clone(),
                _ => list.push(m),
            }
        }
        // go line
        let mut new_go = index.go_version.clone();
        if index.go_version.is_empty() || index.go_version != go_version {
            let always = s.build_mode == BuildMode::Mod;
            if !(index.go_version.is_empty()
                && go_version == gover::DEFAULT_GO_MOD_VERSION
                && !always)
            {
                new_go = go_version.clone();
            }
        }
        // toolchain line
        let tc = if toolchain.is_empty() {
            format!("go{go_version}")
        } else {
            toolchain.clone()
        };
        let tc_version = gover::from_toolchain(&tc);
        let new_toolchain = if tc == format!("go{go_version}")
            || gover::compare(&tc_version, gover::GO_STRICT_VERSION).is_lt()
        {
            String::new()
        } else {
            tc
        };
        if new_go != index.go_version || new_toolchain != index.toolchain {
            return true;
        }
        // requirements: SetRequire keeps one line per listed module
        let mut seen = HashSet::new();
        let unique: Vec<&&ModuleVersion> =
            list.iter().filter(|m| seen.insert((**m).clone())).collect();
        if unique.len() != index.require.len() {
            return true;
        }
        for m in unique {
            match index.require.get(*m) {
                None => return true,
                Some(&indirect) => {
                    let want_indirect = !self.requirements.direct.contains(&m.path);
                    if indirect != want_indirect && s.build_mode != BuildMode::Readonly {
                        return true;
                    }
                }
            }
        }
        false
    }
}

/// The `mvs.Reqs` view of a session used by `mvs::req` (`modload.mvsReqs`).
struct SessionReqs<'a> {
    session: &'a Session,
    main: ModuleVersion,
    roots: Vec<ModuleVersion>,
}

impl mvs::Reqs for SessionReqs<'_> {
    type Error = SummaryError;

    fn required(&self, m: &ModuleVersion) -> Result<Arc<[ModuleVersion]>, SummaryError> {
        if *m == self.main {
            return Ok(self.roots.clone().into());
        }
        if m.version == mvs::NONE {
            return Ok(Arc::from(Vec::new()));
        }
        self.session
            .summary(m)
            .map(|s| Arc::from(s.require.clone()))
    }

    fn max<'v>(&self, path: &str, v1: &'v str, v2: &'v str) -> &'v str {
        mvs::max_version(path, v1, v2)
    }
}

enum UpdateError {
    Dirty,
    Graph(String, Box<(Requirements, ModuleGraph)>),
}

enum MainModError {
    TooNew(String),
    Open(String),
    Other(String),
}

impl std::fmt::Debug for UpdateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            UpdateError::Dirty => f.write_str(GO_MOD_DIRTY),
            UpdateError::Graph(e, _) => write!(f, "{e}"),
        }
    }
}

fn work_too_old(dir: &str, wf: &WorkFile, go_version: &str) -> String {
    let (verb, work_go) = match &wf.go {
        Some(g) => ("lists", g.version.clone()),
        None => (
            "implicitly requires",
            gover::DEFAULT_GO_WORK_VERSION.to_string(),
        ),
    };
    format!(
        "module {dir} listed in go.work file requires go >= {go_version}, but go.work {verb} go {work_go}; to download and use go {go_version}:\n\tgo work use"
    )
}

fn vendor_is_for_workspace(vendor_dir: &Path) -> bool {
    match std::fs::read_to_string(vendor_dir.join("modules.txt")) {
        Ok(text) => text.lines().any(|l| l.starts_with("## workspace")),
        Err(_) => false,
    }
}

/// Searches `name` in `dir` and its parents (`findModuleRoot`, `findWorkspaceFile`).
pub fn find_upwards(dir: &Path, name: &str) -> Option<PathBuf> {
    let mut dir = clean_path(dir);
    loop {
        let candidate = dir.join(name);
        if candidate.is_file() {
            return Some(candidate);
        }
        match dir.parent() {
            Some(p) if p != dir => dir = p.to_path_buf(),
            _ => return None,
        }
    }
}

/// `base.ShortPath` relative to `cwd`.
pub fn short_path(cwd: &Path, path: &Path) -> String {
    if let Some(rel) = relative_path(cwd, path) {
        let rel_s = rel.display().to_string();
        let abs_s = path.display().to_string();
        if rel_s.len() < abs_s.len() {
            return rel_s;
        }
    }
    path.display().to_string()
}

fn relative_path(base: &Path, target: &Path) -> Option<PathBuf> {
    if !base.is_absolute() || !target.is_absolute() {
        return None;
    }
    let base = clean_path(base);
    let target = clean_path(target);
    let b: Vec<_> = base.components().collect();
    let t: Vec<_> = target.components().collect();
    let common = b.iter().zip(t.iter()).take_while(|(x, y)| x == y).count();
    let mut out = PathBuf::new();
    for _ in common..b.len() {
        out.push("..");
    }
    for c in t.iter().skip(common) {
        out.push(c);
    }
    if out.as_os_str().is_empty() {
        out.push(".");
    }
    Some(out)
}

/// `filepath.Rel(base, target)` for absolute paths (lexical).
pub fn short_path_rel(base: &Path, target: &Path) -> String {
    relative_path(base, target)
        .map_or_else(|| target.display().to_string(), |p| p.display().to_string())
}

/// The text Go prints for an OS error (`no such file or directory`).
pub fn io_error_text(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => {
            let text = err.to_string();
            match text.find(" (os error ") {
                Some(i) => text[..i].to_lowercase(),
                None => text,
            }
        }
    }
}
