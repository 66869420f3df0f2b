//! The embedder's entry point: a finished resolution of a Go module graph
//! ([`Resolution`]) and the queries a tool asks of it.
//!
//! [`Resolution::load`] loads the build list exactly as `go list -m all`
//! does — the same loader, environment rules and failure decisions as the
//! `gomvs` command line — from a directory and an environment map
//! ([`LoadOptions`]), optionally with the main modules' files and the module
//! source held in memory. On success it answers:
//!
//! - [`Resolution::selected`] and [`Resolution::build_list`]: what go
//!   selected, in `go list -m all` order;
//! - [`Resolution::query_forward`] / [`Resolution::query_reverse`]: the
//!   modules a set of roots requires (transitively), or that require them,
//!   as a [`ModuleSet`] with set algebra and build-list-order iteration;
//! - [`Resolution::why`], [`Resolution::tree`], [`Resolution::replaces`] and
//!   [`Resolution::diff`]: the explanation engines of `gomvs why`, `tree`,
//!   `replaces` and `diff`, whose indexes are built on first use.
//!
//! Failures are a [`LoadError`] whose `Display` is go's exact stderr text;
//! notes and warnings go would print are [`Diagnostic`]s.
//!
//! ```
//! use gomvs_graph::{LoadOptions, Resolution};
//! # let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/incident");
//! // `dir` is the repository's examples/incident: a main module and a
//! // GOPROXY directory beside it.
//! let res = Resolution::load(
//!     LoadOptions::new(dir.join("main"))
//!         .env("GOPROXY", format!("file://{}", dir.join("proxy").display()))
//!         .env("GOFLAGS", "-mod=mod")
//!         .env("GONOSUMDB", "*")
//!         .env("GOMODCACHE", "/nonexistent/gomvs-doctest-modcache"),
//! )?;
//! let auth = res.selected("github.com/shared/auth").expect("in the build list");
//! assert_eq!(auth.version, "v1.8.3");
//! let why = res.why("github.com/shared/auth");
//! assert_eq!(why.path_to_selected.len(), 3); // service -> payment/v2 -> auth
//! # Ok::<(), gomvs_graph::LoadError>(())
//! ```

use crate::check::policy::Severity;
use crate::collections::FastMap;
use crate::diff::GraphDiff;
use crate::env::{EnvError, GoEnv};
use crate::explain::replaces::{explain_replaces, ReplacesReport};
use crate::explain::tree::{tree_lines, EffectiveGraph, TreeLine};
use crate::explain::why::{explain_why, WhyIndex, WhyOptions, WhyQuery, WhyReport};
use crate::explain::{is_pseudo_module, Location};
use crate::files::FileTree;
use crate::listing::{list_modules, CacheLayout, ListMode, Listing};
use crate::loader::{Fatal, GoCommand, LoadConfig, Loaded, Session};
use crate::source::{GoSources, ModuleSource};
use gomvs_modfile::{ModuleVersion, SmolStr};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

// ---------------------------------------------------------------------------
// Loading: the one path shared with the CLI.

/// The loader configuration, module source and module-cache layout the Go
/// environment `env` implies for `command` — what the `gomvs` command line
/// builds for every graph command (internal to the gomvs CLI; not covered by
/// semver).
#[doc(hidden)]
pub fn environment(
    env: &GoEnv,
    command: GoCommand,
    graph_go: Option<String>,
) -> Result<(LoadConfig, Arc<GoSources>, CacheLayout), EnvError> {
    let config = LoadConfig::from_env(env, command, graph_go)?;
    let sources = GoSources::new(env);
    let cache = CacheLayout {
        root: sources
            .mod_cache()
            .and_then(|c| c.check().ok().map(Path::to_path_buf)),
    };
    Ok((config, Arc::new(sources), cache))
}

/// What `go list -m` prints on stderr after listing, and whether it exits 1:
/// the loader's lines, pattern warnings, then (unless `-e`, `errors_in_rows`)
/// each row's error and the listing's or `commitRequirements`' error
/// (`run_commit`: go list -m -u never commits). Internal to the gomvs CLI;
/// not covered by semver.
#[doc(hidden)]
pub fn list_outcome(
    loaded: &Loaded,
    listing: &Listing,
    errors_in_rows: bool,
    run_commit: bool,
) -> (Vec<String>, bool) {
    let mut error = listing.error.clone();
    if error.is_none() && run_commit {
        error = loaded.commit_requirements();
    }
    let mut stderr = loaded.session.stderr_lines();
    stderr.extend(listing.warnings.iter().cloned());
    let mut failed = loaded.session.has_deferred_errors();
    if !errors_in_rows {
        for r in &listing.rows {
            if let Some(e) = &r.error {
                stderr.push(format!("go: {}", e.err));
                failed = true;
            }
        }
        if let Some(e) = &error {
            stderr.push(format!("go: {e}"));
            failed = true;
        }
    }
    (stderr, failed)
}

/// Loads the build list as `go list -m all` does and decides as go would
/// whether the command succeeds: the loaded graph and every stderr line go
/// prints anyway, or the failure. Internal to the gomvs CLI (which prints
/// the lines); embedders use [`Resolution::load`].
#[doc(hidden)]
pub fn load_build_list(
    config: LoadConfig,
    source: Arc<dyn ModuleSource>,
    cache: &CacheLayout,
) -> Result<(Loaded, Vec<String>), LoadError> {
    let session = Session::open(config, source).map_err(LoadError::main_modules)?;
    let loaded = session.load().map_err(LoadError::graph)?;
    let all = ["all".to_string()];
    let fail = |lines: Vec<String>, session: &Session| {
        LoadError::new(Kind::Graph, lines, 1, session.missing_modules())
    };
    let listing = match list_modules(&loaded, cache, &all, ListMode::default()) {
        Ok(l) => l,
        Err(fatal) => {
            let mut lines = loaded.session.stderr_lines();
            lines.extend(fatal.lines);
            return Err(fail(lines, &loaded.session));
        }
    };
    let (stderr, failed) = list_outcome(&loaded, &listing, false, true);
    if failed {
        return Err(fail(stderr, &loaded.session));
    }
    Ok((loaded, stderr))
}

/// Opens and loads the graph for the explaining commands (`gomvs why`,
/// `tree`, `replaces`): go's fatal errors stop, a graph error (go would
/// fail) is returned beside the graph, which holds what could be loaded.
/// Internal to the gomvs CLI; embedders use [`LoadOptions::lenient`].
#[doc(hidden)]
pub fn load_lenient(
    config: LoadConfig,
    source: Arc<dyn ModuleSource>,
) -> Result<Loaded, LoadError> {
    let session = Session::open(config, source).map_err(LoadError::main_modules)?;
    session.load().map_err(LoadError::graph)
}

// ---------------------------------------------------------------------------
// Errors and diagnostics.

/// Why a load failed. Its `Display` is exactly what go prints on stderr
/// (one or more lines, without the last newline), so a tool can show it as
/// go would; [`LoadError::exit_status`] is go's exit status.
///
/// ```
/// use gomvs_graph::{LoadErrorKind, LoadOptions, Resolution};
///
/// let dir = std::env::temp_dir().join("gomvs-doctest-no-module-here");
/// let err = Resolution::load(
///     LoadOptions::new(&dir).env("GOFLAGS", "-mod=bogus"),
/// )
/// .unwrap_err();
/// assert_eq!(err.kind(), LoadErrorKind::Environment);
/// // what go 1.27.3 prints for GOFLAGS=-mod=bogus go list -m all
/// assert_eq!(
///     err.to_string(),
///     "-mod=bogus not supported (can be '', 'mod', 'readonly', or 'vendor')"
/// );
/// assert_eq!(err.exit_status(), 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", lines.join("\n"))]
pub struct LoadError {
    kind: Kind,
    lines: Vec<String>,
    exit_code: i32,
    missing: Vec<ModuleVersion>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Environment,
    MainModules,
    Graph,
}

/// The stage a [`LoadError`] comes from.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LoadErrorKind {
    /// The Go environment is invalid (GOFLAGS, GOWORK, GOTOOLCHAIN, a
    /// `go env -w` file): go stops before reading any go.mod.
    Environment,
    /// The main module(s) cannot be found or read: no go.mod, a malformed
    /// go.mod or go.work, conflicting replacements.
    MainModules,
    /// Loading the module graph failed, or go would exit non-zero after it
    /// (a go.mod missing from every module source, go.mod or go.sum
    /// updates needed).
    Graph,
}

impl LoadError {
    fn new(kind: Kind, lines: Vec<String>, exit_code: i32, missing: Vec<ModuleVersion>) -> Self {
        LoadError {
            kind,
            lines,
            exit_code,
            missing,
        }
    }

    fn from_fatal(kind: Kind, f: Fatal) -> Self {
        LoadError::new(kind, f.lines, f.exit_code, Vec::new())
    }

    fn main_modules(f: Fatal) -> Self {
        LoadError::from_fatal(Kind::MainModules, f)
    }

    fn graph(f: Fatal) -> Self {
        LoadError::from_fatal(Kind::Graph, f)
    }

    fn environment(e: EnvError) -> Self {
        LoadError::new(Kind::Environment, vec![e.message], e.exit_code, Vec::new())
    }

    /// The stage the load failed at.
    pub fn kind(&self) -> LoadErrorKind {
        match self.kind {
            Kind::Environment => LoadErrorKind::Environment,
            Kind::MainModules => LoadErrorKind::MainModules,
            Kind::Graph => LoadErrorKind::Graph,
        }
    }

    /// go's stderr lines, in order (the `Display` text split at line ends
    /// of separate messages; a message may itself hold newlines).
    pub fn lines(&self) -> &[String] {
        &self.lines
    }

    /// The exit status go exits with (1 for most errors, 2 for usage
    /// errors such as an unknown flag in GOFLAGS).
    pub fn exit_status(&self) -> i32 {
        self.exit_code
    }

    /// Module versions whose go.mod no module source had — offline, the
    /// usual reason a load fails; `go mod download` would fetch them.
    pub fn missing_modules(&self) -> &[ModuleVersion] {
        &self.missing
    }
}

/// What a [`Diagnostic`] is about; [`DiagnosticCode::as_str`] is stable.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DiagnosticCode {
    /// GMV0301: a go.mod requires a version an exclude directive excludes;
    /// go uses the next higher version (or drops the requirement).
    ExcludedRequirement,
    /// GMV0302: go.sum lists a module only with hashes of unknown algorithms.
    UnknownHashes,
    /// GMV0303: the graph could not be loaded completely (a lenient load
    /// went on; go itself would fail).
    GraphError,
    /// GMV0399: any other note or warning go prints.
    Other,
}

impl DiagnosticCode {
    /// `GMV0301` … (load diagnostics use the GMV03xx range; `gomvs check`'s
    /// policy findings use GMV00xx–GMV02xx).
    pub fn as_str(self) -> &'static str {
        match self {
            DiagnosticCode::ExcludedRequirement => "GMV0301",
            DiagnosticCode::UnknownHashes => "GMV0302",
            DiagnosticCode::GraphError => "GMV0303",
            DiagnosticCode::Other => "GMV0399",
        }
    }
}

/// A note, warning or error go reports without stopping, as data.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// What it is about.
    pub code: DiagnosticCode,
    /// How serious (the policy severities of `gomvs check`).
    pub severity: Severity,
    /// The module it concerns, when it names one.
    pub module: Option<ModuleVersion>,
    /// Where, when known.
    pub location: Option<Location>,
    /// go's exact text (as it prints it on stderr, without the last newline).
    pub message: String,
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl Diagnostic {
    /// Classifies one of go's stderr lines.
    fn from_line(line: String) -> Diagnostic {
        // `go: dropping requirement on excluded version P V` /
        // `go: upgraded requirement on excluded version P V` ...
        if let Some(rest) = line
            .split_once("requirement on excluded version ")
            .map(|(_, r)| r)
        {
            let module = rest
                .split_once(' ')
                .map(|(p, v)| ModuleVersion::new(p, v.trim_end()));
            return Diagnostic {
                code: DiagnosticCode::ExcludedRequirement,
                severity: Severity::Note,
                module,
                location: None,
                message: line,
            };
        }
        if let Some(rest) = line.strip_prefix("warning: verifying ") {
            let module = rest
                .split_once(':')
                .and_then(|(m, _)| m.split_once('@'))
                .map(|(p, v)| ModuleVersion::new(p, v));
            return Diagnostic {
                code: DiagnosticCode::UnknownHashes,
                severity: Severity::Warning,
                module,
                location: None,
                message: line,
            };
        }
        let severity = if line.contains("warning:") {
            Severity::Warning
        } else {
            Severity::Note
        };
        Diagnostic {
            code: DiagnosticCode::Other,
            severity,
            module: None,
            location: None,
            message: line,
        }
    }
}

// ---------------------------------------------------------------------------
// Options.

/// Where and how to load: the working directory, the environment, and
/// optionally the main modules' files and the module source in memory.
///
/// Nothing is read from the process environment unless
/// [`LoadOptions::from_process`] is used: a variable not given is unset
/// (go's defaults apply, e.g. `GOPROXY=https://proxy.golang.org,direct`,
/// which gomvs cannot reach: give a `file://` GOPROXY, a GOMODCACHE, or a
/// [`LoadOptions::source`]).
#[derive(Clone)]
pub struct LoadOptions {
    env: GoEnv,
    files: Option<Arc<dyn FileTree>>,
    source: Option<Arc<dyn ModuleSource>>,
    lenient: bool,
}

impl std::fmt::Debug for LoadOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LoadOptions")
            .field("env", &self.env)
            .field("files", &self.files)
            .field("source", &self.source.as_ref().map(|_| "dyn ModuleSource"))
            .field("lenient", &self.lenient)
            .finish()
    }
}

impl LoadOptions {
    /// Loads from working directory `dir` (absolute, or relative to the
    /// process's), with an empty environment.
    ///
    /// ```
    /// use gomvs_graph::LoadOptions;
    /// let opts = LoadOptions::new("/src/service").env("GOFLAGS", "-mod=mod");
    /// # let _ = opts;
    /// ```
    pub fn new(dir: impl Into<PathBuf>) -> LoadOptions {
        LoadOptions {
            env: GoEnv::new(std::iter::empty::<(String, String)>(), absolute(dir.into())),
            files: None,
            source: None,
            lenient: false,
        }
    }

    /// The process's environment, working directory and `go env -w` file,
    /// as the `gomvs` command sees them.
    pub fn from_process() -> std::io::Result<LoadOptions> {
        Ok(LoadOptions {
            env: GoEnv::from_process()?,
            files: None,
            source: None,
            lenient: false,
        })
    }

    /// Changes the working directory (absolute, or relative to the
    /// process's), keeping the environment: `LoadOptions::from_process()?.dir(d)`.
    pub fn dir(mut self, dir: impl Into<PathBuf>) -> LoadOptions {
        self.env.cwd = absolute(dir.into());
        self
    }

    /// Sets one environment variable (`GOFLAGS`, `GOPROXY`, `GOWORK`, ...).
    pub fn env(mut self, key: impl Into<String>, value: impl Into<String>) -> LoadOptions {
        self.env = self.env.with_var(key, value);
        self
    }

    /// Sets several environment variables.
    pub fn envs<I, K, V>(mut self, vars: I) -> LoadOptions
    where
        I: IntoIterator<Item = (K, V)>,
        K: Into<String>,
        V: Into<String>,
    {
        for (k, v) in vars {
            self.env = self.env.with_var(k, v);
        }
        self
    }

    /// The go version to emulate (`1.27.3` by default): it decides the
    /// wording of some messages and the `toolchain` checks.
    pub fn go_version(mut self, v: impl Into<String>) -> LoadOptions {
        self.env = self.env.with_go_version(v);
        self
    }

    /// Reads go.work, the main go.mod and go.sum files and directory
    /// replacements from `files` instead of the file system (e.g.
    /// [`MemoryFiles`](crate::files::MemoryFiles), or a git revision with
    /// `gomvs-git`).
    pub fn files(mut self, files: Arc<dyn FileTree>) -> LoadOptions {
        self.files = Some(files);
        self
    }

    /// Serves the other modules' go.mod files from `source` instead of the
    /// GOMODCACHE and GOPROXY the environment names (e.g.
    /// [`MemorySource`](crate::source::MemorySource)).
    pub fn source(mut self, source: Arc<dyn ModuleSource>) -> LoadOptions {
        self.source = Some(source);
        self
    }

    /// Whether a graph that go could not load completely (go would exit 1)
    /// still gives a [`Resolution`] of what was loaded, with the error as a
    /// [`DiagnosticCode::GraphError`] diagnostic — what `gomvs why`, `tree`
    /// and `replaces` do. Off by default: the load succeeds exactly when
    /// `go list -m all` would.
    pub fn lenient(mut self, lenient: bool) -> LoadOptions {
        self.lenient = lenient;
        self
    }
}

/// `dir` made absolute against the process's working directory.
fn absolute(dir: PathBuf) -> PathBuf {
    if dir.is_absolute() {
        return crate::gopath::clean_path(&dir);
    }
    match std::env::current_dir() {
        Ok(cwd) => crate::gopath::clean_path(&cwd.join(&dir)),
        Err(_) => dir,
    }
}

// ---------------------------------------------------------------------------
// The resolution.

/// A finished load: the module graph go would build, its build list, and
/// the explanations of it. See the [module documentation](self).
pub struct Resolution {
    loaded: Loaded,
    diagnostics: Vec<Diagnostic>,
    build_list: Vec<ModuleVersion>,
    position: FastMap<SmolStr, usize>,
    why_index: OnceLock<WhyIndex>,
    effective: OnceLock<Effective>,
    replaces: OnceLock<ReplacesReport>,
}

/// The effective graph with its adjacency by build-list position.
struct Effective {
    graph: EffectiveGraph,
    /// Build-list position → effective node, and back.
    node_of: Vec<Option<usize>>,
    pos_of: Vec<Option<usize>>,
    children: Vec<Vec<usize>>,
    parents: Vec<Vec<usize>>,
}

impl std::fmt::Debug for Resolution {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Resolution")
            .field("build_list", &self.build_list)
            .field("diagnostics", &self.diagnostics)
            .finish_non_exhaustive()
    }
}

impl Resolution {
    /// Loads the build list as `go list -m all` does with `options`. Fails
    /// with go's exact error text when go would fail (unless
    /// [`LoadOptions::lenient`]). The [module documentation](self) loads
    /// from directories; here everything is in memory:
    ///
    /// ```
    /// use gomvs_graph::files::MemoryFiles;
    /// use gomvs_graph::source::MemorySource;
    /// use gomvs_graph::{LoadOptions, Resolution};
    /// use std::sync::Arc;
    ///
    /// let t = "2026-01-01T00:00:00Z";
    /// let source = MemorySource::builder()
    ///     .module("example.com/lib", "v1.2.0", "module example.com/lib\n\ngo 1.21\n", t)
    ///     .build();
    /// let mut files = MemoryFiles::new();
    /// files.insert(
    ///     "/src/app/go.mod",
    ///     "module example.com/app\n\ngo 1.21\n\nrequire example.com/lib v1.2.0\n",
    /// );
    /// let res = Resolution::load(
    ///     LoadOptions::new("/src/app")
    ///         .envs([("GOFLAGS", "-mod=mod"), ("GOWORK", "off"), ("GONOSUMDB", "*")])
    ///         .files(Arc::new(files))
    ///         .source(Arc::new(source)),
    /// )?;
    /// assert_eq!(res.selected("example.com/lib").map(|m| m.to_string()).as_deref(), Some("example.com/lib@v1.2.0"));
    /// assert!(res.diagnostics().is_empty());
    /// # Ok::<(), gomvs_graph::LoadError>(())
    /// ```
    pub fn load(options: LoadOptions) -> Result<Resolution, LoadError> {
        let (mut config, sources, cache) = environment(&options.env, GoCommand::ListModules, None)
            .map_err(LoadError::environment)?;
        if let Some(files) = options.files {
            config.files = files;
        }
        let (source, cache): (Arc<dyn ModuleSource>, CacheLayout) = match options.source {
            Some(s) => (s, CacheLayout { root: None }),
            None => (sources, cache),
        };
        if options.lenient {
            let loaded = load_lenient(config, source)?;
            let mut diagnostics: Vec<Diagnostic> = loaded
                .session
                .stderr_lines()
                .into_iter()
                .map(Diagnostic::from_line)
                .collect();
            if let Some(e) = &loaded.error {
                diagnostics.push(Diagnostic {
                    code: DiagnosticCode::GraphError,
                    severity: Severity::Error,
                    module: None,
                    location: None,
                    message: format!("go: {e}"),
                });
            }
            return Ok(Resolution::new(loaded, diagnostics));
        }
        let (loaded, stderr) = load_build_list(config, source, &cache)?;
        let diagnostics = stderr.into_iter().map(Diagnostic::from_line).collect();
        Ok(Resolution::new(loaded, diagnostics))
    }

    /// Wraps a graph the CLI's loader produced (internal to the gomvs CLI;
    /// not covered by semver).
    #[doc(hidden)]
    pub fn from_loaded(loaded: Loaded) -> Resolution {
        Resolution::new(loaded, Vec::new())
    }

    fn new(loaded: Loaded, diagnostics: Vec<Diagnostic>) -> Resolution {
        let build_list: Vec<ModuleVersion> = loaded
            .graph
            .build_list()
            .into_iter()
            .filter(|m| !is_pseudo_module(&m.path))
            .collect();
        let mut position = FastMap::default();
        for (i, m) in build_list.iter().enumerate() {
            position.entry(m.path.clone()).or_insert(i);
        }
        Resolution {
            loaded,
            diagnostics,
            build_list,
            position,
            why_index: OnceLock::new(),
            effective: OnceLock::new(),
            replaces: OnceLock::new(),
        }
    }

    /// The loaded graph (internal to the gomvs CLI; not covered by semver).
    #[doc(hidden)]
    pub fn loaded(&self) -> &Loaded {
        &self.loaded
    }

    /// The notes and warnings go printed while loading, in its order (see
    /// [`Diagnostic`]).
    ///
    /// ```
    /// # let res = gomvs_graph::resolution::doc_example_with(
    /// #     "require example.com/b v1.0.0\nexclude example.com/b v1.0.0\n");
    /// // go.mod: require example.com/b v1.0.0 / exclude example.com/b v1.0.0
    /// let d = &res.diagnostics()[0];
    /// assert_eq!(d.message, "go: dropping requirement on excluded version example.com/b v1.0.0");
    /// assert_eq!(d.code.as_str(), "GMV0301");
    /// ```
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// The selected version of module `path` (a main module has an empty
    /// version), or `None` when `path` is not in the build list.
    ///
    /// ```
    /// # let res = gomvs_graph::resolution::doc_example();
    /// assert_eq!(res.selected("example.com/b").map(|m| m.version.as_str()), Some("v1.1.0"));
    /// assert_eq!(res.selected("example.com/nope"), None);
    /// ```
    pub fn selected(&self, path: &str) -> Option<&ModuleVersion> {
        self.position
            .get(path)
            .and_then(|&i| self.build_list.get(i))
    }

    /// The main modules (one, or a workspace's modules in go.work order).
    ///
    /// ```
    /// # let res = gomvs_graph::resolution::doc_example();
    /// assert_eq!(res.main_modules()[0].path, "example.com/app");
    /// ```
    pub fn main_modules(&self) -> Vec<&ModuleVersion> {
        self.build_list
            .iter()
            .filter(|m| self.loaded.session.is_main(&m.path))
            .collect()
    }

    /// The build list in `go list -m all` order: the main module(s) first,
    /// then every other selected module by path. The `go` and `toolchain`
    /// pseudo-modules are left out, as go leaves them out of its listing.
    ///
    /// ```
    /// # let res = gomvs_graph::resolution::doc_example();
    /// let list: Vec<String> = res.build_list().map(|m| m.to_string()).collect();
    /// assert_eq!(list, ["example.com/app", "example.com/a@v1.0.0", "example.com/b@v1.1.0", "example.com/c@v1.0.0"]);
    /// ```
    pub fn build_list(&self) -> impl ExactSizeIterator<Item = &ModuleVersion> + '_ {
        self.build_list.iter()
    }

    /// The modules in the build list as an (all-inclusive) [`ModuleSet`].
    ///
    /// ```
    /// # let res = gomvs_graph::resolution::doc_example();
    /// assert_eq!(res.all().len(), res.build_list().len());
    /// ```
    pub fn all(&self) -> ModuleSet<'_> {
        ModuleSet {
            res: self,
            members: vec![true; self.build_list.len()],
        }
    }

    /// A set of the named modules (paths not in the build list are ignored).
    ///
    /// ```
    /// # let res = gomvs_graph::resolution::doc_example();
    /// let s = res.set_of(["example.com/c", "example.com/a", "example.com/nope"]);
    /// let paths: Vec<&str> = s.iter().map(|m| m.path.as_str()).collect();
    /// assert_eq!(paths, ["example.com/a", "example.com/c"]); // build-list order
    /// ```
    pub fn set_of<'a, I>(&self, paths: I) -> ModuleSet<'_>
    where
        I: IntoIterator<Item = &'a str>,
    {
        let mut members = vec![false; self.build_list.len()];
        for p in paths {
            if let Some(&i) = self.position.get(p) {
                if let Some(slot) = members.get_mut(i) {
                    *slot = true;
                }
            }
        }
        ModuleSet { res: self, members }
    }

    /// The roots (module paths) and every module they require, directly or
    /// not, in the effective graph: each requirement leads to the selected
    /// version of its path, and requirements of go.mod files graph pruning
    /// kept go from reading take no part. Paths not in the build list are
    /// ignored.
    ///
    /// ```
    /// # let res = gomvs_graph::resolution::doc_example();
    /// let deps = res.query_forward(["example.com/a"]);
    /// let paths: Vec<&str> = deps.iter().map(|m| m.path.as_str()).collect();
    /// assert_eq!(paths, ["example.com/a", "example.com/b", "example.com/c"]);
    /// ```
    pub fn query_forward<'a, I>(&self, roots: I) -> ModuleSet<'_>
    where
        I: IntoIterator<Item = &'a str>,
    {
        self.reach(roots, false)
    }

    /// The roots (module paths) and every module that requires one of them,
    /// directly or not (the reverse of [`Resolution::query_forward`]).
    ///
    /// ```
    /// # let res = gomvs_graph::resolution::doc_example();
    /// let rdeps = res.query_reverse(["example.com/c"]);
    /// let paths: Vec<&str> = rdeps.iter().map(|m| m.path.as_str()).collect();
    /// assert_eq!(paths, ["example.com/app", "example.com/a", "example.com/b", "example.com/c"]);
    /// ```
    pub fn query_reverse<'a, I>(&self, roots: I) -> ModuleSet<'_>
    where
        I: IntoIterator<Item = &'a str>,
    {
        self.reach(roots, true)
    }

    fn effective(&self) -> &Effective {
        self.effective.get_or_init(|| {
            let graph = EffectiveGraph::new(&self.loaded);
            let mut node_of = vec![None; self.build_list.len()];
            let mut pos_of = vec![None; graph.nodes.len()];
            for (n, node) in graph.nodes.iter().enumerate() {
                if let Some(&p) = self.position.get(&node.module.path) {
                    if let Some(slot) = node_of.get_mut(p) {
                        *slot = Some(n);
                    }
                    if let Some(slot) = pos_of.get_mut(n) {
                        *slot = Some(p);
                    }
                }
            }
            let mut children = vec![Vec::new(); graph.nodes.len()];
            let mut parents = vec![Vec::new(); graph.nodes.len()];
            for e in &graph.edges {
                if let Some(c) = children.get_mut(e.from) {
                    c.push(e.to);
                }
                if let Some(p) = parents.get_mut(e.to) {
                    p.push(e.from);
                }
            }
            Effective {
                graph,
                node_of,
                pos_of,
                children,
                parents,
            }
        })
    }

    fn reach<'a, I>(&self, roots: I, reverse: bool) -> ModuleSet<'_>
    where
        I: IntoIterator<Item = &'a str>,
    {
        let eff = self.effective();
        let adjacency = if reverse { &eff.parents } else { &eff.children };
        let mut members = vec![false; self.build_list.len()];
        let mut seen = vec![false; eff.graph.nodes.len()];
        let mut stack: Vec<usize> = Vec::new();
        for p in roots {
            let Some(&pos) = self.position.get(p) else {
                continue;
            };
            if let Some(slot) = members.get_mut(pos) {
                *slot = true;
            }
            if let Some(Some(n)) = eff.node_of.get(pos) {
                stack.push(*n);
            }
        }
        while let Some(n) = stack.pop() {
            match seen.get_mut(n) {
                Some(s) if !*s => *s = true,
                _ => continue,
            }
            if let Some(Some(pos)) = eff.pos_of.get(n) {
                if let Some(slot) = members.get_mut(*pos) {
                    *slot = true;
                }
            }
            for &next in adjacency.get(n).into_iter().flatten() {
                if !seen.get(next).copied().unwrap_or(true) {
                    stack.push(next);
                }
            }
        }
        ModuleSet { res: self, members }
    }

    fn why_index(&self) -> &WhyIndex {
        self.why_index.get_or_init(|| WhyIndex::new(&self.loaded))
    }

    /// Why the build list has the version it has of `module` (`path`), or
    /// why a version lost (`path@version`): `gomvs why`'s report, with the
    /// deciding requirement, a requirement path from a main module, and the
    /// replace and exclude directives involved. Pruned-out go.mod files are
    /// read to report the requirements pruning hid.
    ///
    /// ```
    /// # let res = gomvs_graph::resolution::doc_example();
    /// let why = res.why("example.com/b");
    /// assert_eq!(why.selected.as_deref(), Some("v1.1.0"));
    /// let path: Vec<String> = why.path_to_selected.iter().map(|m| m.to_string()).collect();
    /// assert_eq!(path, ["example.com/app", "example.com/b@v1.1.0"]);
    /// ```
    pub fn why(&self, module: &str) -> WhyReport {
        explain_why(
            &self.loaded,
            self.why_index(),
            &WhyQuery::parse(module),
            WhyOptions::default(),
        )
    }

    /// The effective module graph: the selected version of every module
    /// reachable from the main module(s) and one edge per requirement, as
    /// `gomvs tree --json` prints it.
    ///
    /// ```
    /// # let res = gomvs_graph::resolution::doc_example();
    /// let g = res.effective_graph();
    /// let app = g.roots[0];
    /// let requires: Vec<String> = g
    ///     .edges
    ///     .iter()
    ///     .filter(|e| e.from == app)
    ///     .map(|e| format!("{} {}", g.nodes[e.to].module.path, e.requested))
    ///     .collect();
    /// assert_eq!(requires, ["example.com/a v1.0.0", "example.com/b v1.1.0"]);
    /// ```
    pub fn effective_graph(&self) -> &EffectiveGraph {
        &self.effective().graph
    }

    /// `gomvs tree`'s lines: a depth-first walk of the effective graph from
    /// `start` (a module path, or `path@version` of the selected version;
    /// `None`: the first main module), each module expanded once, down to
    /// `max_depth`; with `invert`, who requires the module. `None` when
    /// `start` is not in the graph. Line `node`s index
    /// [`Resolution::effective_graph`]`().nodes`.
    ///
    /// ```
    /// # let res = gomvs_graph::resolution::doc_example();
    /// let lines = res.tree(Some("example.com/c"), None, true).expect("in the graph");
    /// let nodes = &res.effective_graph().nodes;
    /// let text: Vec<String> = lines
    ///     .iter()
    ///     .map(|l| format!("{}{}", "  ".repeat(l.depth), nodes[l.node].module))
    ///     .collect();
    /// assert_eq!(text, ["example.com/c@v1.0.0", "  example.com/b@v1.1.0", "    example.com/app", "    example.com/a@v1.0.0", "      example.com/app"]);
    /// ```
    pub fn tree(
        &self,
        start: Option<&str>,
        max_depth: Option<usize>,
        invert: bool,
    ) -> Option<Vec<TreeLine>> {
        let graph = &self.effective().graph;
        let start = match start {
            Some(spec) => graph.find(spec)?,
            None => *graph.roots.first()?,
        };
        Some(tree_lines(graph, start, max_depth, invert))
    }

    /// What every replace directive did (`gomvs replaces`): counted,
    /// ignored, chained, and the module each selected version is read from.
    ///
    /// ```
    /// # let res = gomvs_graph::resolution::doc_example_with(
    /// #     "require example.com/a v1.0.0\nreplace example.com/a => example.com/a v1.0.0\nreplace example.com/zzz => example.com/zzz v1.0.0\n");
    /// // go.mod: replace example.com/a => ...; replace example.com/zzz => ...
    /// let r = res.replaces();
    /// assert_eq!(r.directives.len(), 2);
    /// let unused: Vec<&str> = r.directives.iter().filter(|d| d.unused).map(|d| d.old.path.as_str()).collect();
    /// assert_eq!(unused, ["example.com/zzz"]);
    /// ```
    pub fn replaces(&self) -> &ReplacesReport {
        self.replaces.get_or_init(|| explain_replaces(&self.loaded))
    }

    /// What changed from `self` (the base) to `head`, module by module, with
    /// the causes (`gomvs diff`).
    ///
    /// ```
    /// # let base = gomvs_graph::resolution::doc_example();
    /// # let head = gomvs_graph::resolution::doc_example_with("require example.com/a v1.0.0\nrequire example.com/b v1.0.0\n");
    /// let d = base.diff(&head);
    /// let b = d.change("example.com/b").expect("b changed");
    /// assert_eq!((b.before.as_deref(), b.after.as_deref()), (Some("v1.1.0"), Some("v1.0.0")));
    /// ```
    pub fn diff(&self, head: &Resolution) -> GraphDiff {
        crate::diff::diff(&self.loaded, &head.loaded)
    }
}

// ---------------------------------------------------------------------------
// Sets.

/// A set of modules of one [`Resolution`]'s build list (modeled on guppy's
/// `PackageSet`): set algebra, membership by path, and iteration in
/// build-list order.
///
/// Combining sets of two different resolutions panics.
///
/// ```
/// # let res = gomvs_graph::resolution::doc_example();
/// let under_a = res.query_forward(["example.com/a"]);
/// let above_c = res.query_reverse(["example.com/c"]);
/// let both = under_a.intersection(&above_c);
/// assert_eq!(both.iter().map(|m| m.path.as_str()).collect::<Vec<_>>(), ["example.com/a", "example.com/b", "example.com/c"]);
/// assert!(res.all().difference(&under_a).contains("example.com/app"));
/// assert_eq!(under_a.union(&above_c).len(), 4);
/// ```
#[derive(Clone)]
pub struct ModuleSet<'r> {
    res: &'r Resolution,
    /// Membership by build-list position.
    members: Vec<bool>,
}

impl std::fmt::Debug for ModuleSet<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

impl PartialEq for ModuleSet<'_> {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.res, other.res) && self.members == other.members
    }
}

impl Eq for ModuleSet<'_> {}

impl<'r> ModuleSet<'r> {
    fn combine(&self, other: &ModuleSet<'r>, f: impl Fn(bool, bool) -> bool) -> ModuleSet<'r> {
        assert!(
            std::ptr::eq(self.res, other.res),
            "ModuleSet: combining sets of two different resolutions"
        );
        ModuleSet {
            res: self.res,
            members: self
                .members
                .iter()
                .zip(&other.members)
                .map(|(&a, &b)| f(a, b))
                .collect(),
        }
    }

    /// The modules in either set.
    pub fn union(&self, other: &ModuleSet<'r>) -> ModuleSet<'r> {
        self.combine(other, |a, b| a || b)
    }

    /// The modules in both sets.
    pub fn intersection(&self, other: &ModuleSet<'r>) -> ModuleSet<'r> {
        self.combine(other, |a, b| a && b)
    }

    /// The modules in `self` and not in `other`.
    pub fn difference(&self, other: &ModuleSet<'r>) -> ModuleSet<'r> {
        self.combine(other, |a, b| a && !b)
    }

    /// Whether module `path` is in the set.
    pub fn contains(&self, path: &str) -> bool {
        self.res
            .position
            .get(path)
            .and_then(|&i| self.members.get(i))
            .copied()
            .unwrap_or(false)
    }

    /// How many modules the set holds.
    pub fn len(&self) -> usize {
        self.members.iter().filter(|&&m| m).count()
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        !self.members.iter().any(|&m| m)
    }

    /// The modules (selected versions), in build-list order.
    pub fn iter(&self) -> impl Iterator<Item = &'r ModuleVersion> + '_ {
        let list = &self.res.build_list;
        self.members
            .iter()
            .enumerate()
            .filter(|(_, &m)| m)
            .filter_map(move |(i, _)| list.get(i))
    }
}

// ---------------------------------------------------------------------------
// Doctest fixtures.

/// A small in-memory resolution for the examples in this documentation:
/// `example.com/app` requires `a v1.0.0` and `b v1.1.0`; `a` requires
/// `b v1.0.0`; `b v1.1.0` requires `c v1.0.0`. Not covered by semver.
#[doc(hidden)]
pub fn doc_example() -> Resolution {
    doc_example_with("require example.com/a v1.0.0\nrequire example.com/b v1.1.0\n")
}

/// [`doc_example`] with other requirements in the main go.mod.
#[doc(hidden)]
pub fn doc_example_with(requires: &str) -> Resolution {
    use crate::files::MemoryFiles;
    use crate::source::MemorySource;
    const T: &str = "2026-01-01T00:00:00Z";
    let source = MemorySource::builder()
        .module(
            "example.com/a",
            "v1.0.0",
            "module example.com/a\n\ngo 1.21\n\nrequire example.com/b v1.0.0\n",
            T,
        )
        .module(
            "example.com/b",
            "v1.0.0",
            "module example.com/b\n\ngo 1.21\n",
            T,
        )
        .module(
            "example.com/b",
            "v1.1.0",
            "module example.com/b\n\ngo 1.21\n\nrequire example.com/c v1.0.0\n",
            T,
        )
        .module(
            "example.com/c",
            "v1.0.0",
            "module example.com/c\n\ngo 1.21\n",
            T,
        )
        .build();
    let mut files = MemoryFiles::new();
    files.insert(
        "/app/go.mod",
        format!("module example.com/app\n\ngo 1.21\n\n{requires}"),
    );
    let opts = LoadOptions::new("/app")
        .envs([
            ("GOFLAGS", "-mod=mod"),
            ("GOPROXY", "off"),
            ("GOWORK", "off"),
            ("GONOSUMDB", "*"),
            ("GOPATH", "/nonexistent-gopath"),
        ])
        .files(Arc::new(files))
        .source(Arc::new(source));
    match Resolution::load(opts) {
        Ok(r) => r,
        Err(e) => panic!("doc example failed to load: {e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A resolution can be shared across threads (an IDE's worker pool, a
    /// server): its lazy indexes are `OnceLock`s.
    #[test]
    fn resolution_is_send_and_sync() {
        fn assert<T: Send + Sync>() {}
        assert::<Resolution>();
        assert::<LoadError>();
        assert::<LoadOptions>();
    }

    #[test]
    fn diagnostics_are_classified() {
        let d = Diagnostic::from_line(
            "go: dropping requirement on excluded version example.com/log v1.4.0".to_string(),
        );
        assert_eq!(d.code, DiagnosticCode::ExcludedRequirement);
        assert_eq!(
            d.module,
            Some(ModuleVersion::new("example.com/log", "v1.4.0"))
        );
        assert_eq!(d.severity, Severity::Note);
        let w = Diagnostic::from_line(
            "warning: verifying example.com/a@v1.0.0/go.mod: unknown hashes in go.sum: x; adding h1:y".to_string(),
        );
        assert_eq!(w.code, DiagnosticCode::UnknownHashes);
        assert_eq!(
            w.module,
            Some(ModuleVersion::new("example.com/a", "v1.0.0/go.mod"))
        );
    }

    #[test]
    #[should_panic(expected = "two different resolutions")]
    fn sets_of_two_resolutions_do_not_combine() {
        let a = doc_example();
        let b = doc_example();
        let _ = a.all().union(&b.all());
    }
}
