//! `gomvs doctor`: what `go mod download` would fetch, from where, and what
//! it would check against the checksum database, predicted offline.
//!
//! The plan is data ([`FetchPlan`]); findings are produced from it by
//! [`findings`] with `gomvs check`'s codes and renderers; [`export`] writes
//! the files the plan needs into an offline proxy directory.
//!
//! Which files: the go.mod of every module version the module graph load
//! reads (recorded from the one loader as it asks for them), and for the
//! modules `go mod download` downloads with no arguments (`modcmd/download.go`:
//! the paths the main go.mod requires at go 1.17 or later, `all` before
//! 1.17 and in workspace mode) their `.info`, `.mod` and `.zip`, in that
//! order, as `DownloadModule` fetches them.

pub mod direct;
pub mod export;
pub mod findings;
pub mod sumdb;

use crate::env::{match_prefix_patterns, EnvError, GoEnv};
use crate::listing::{list_modules, ListMode};
use crate::loader::{GoCommand, Loaded, Session};
use crate::resolution::environment;
use crate::source::{FetchError, FetchFile, GoSources, ModuleSource, RevInfo, Trace};
use direct::{direct_route, DirectRoute};
use gomvs_modfile::{gover, ModuleVersion};
use serde::Serialize;
use std::sync::{Arc, Mutex};
use sumdb::{skip_reason, SkipReason, SumDb};

/// The tail of gomvs's error for a network fetch (see [`GoSources`]).
const OFFLINE_MARK: &str = "gomvs is offline: network access is disabled";

/// Which modules' zips the plan covers, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ZipSet {
    /// The `go mod download` arguments it amounts to (`all`, or module paths).
    pub args: Vec<String>,
    /// Why these (go 1.17 and later: go.mod lists every module that provides
    /// a package the main module imports).
    pub reason: String,
}

/// One GOPROXY entry tried for a file, and what it answered offline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Step {
    /// The entry (`file:///p`, `https://proxy.golang.org`, `direct`, `off`, `noproxy`).
    pub entry: String,
    /// What it answered.
    pub answer: Answer,
    /// `|` after the entry: the next one is tried on any error (after `,`
    /// only on "not found").
    pub fall_back_on_error: bool,
    /// For `direct` (and `noproxy`): how the path is fetched without a proxy.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub direct: Option<DirectRoute>,
    /// The entry's error, as the go command words it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// What one entry answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// It has the file.
    Served,
    /// "Not found" (404/410, a missing file, `off`, a path GONOPROXY routes
    /// elsewhere): the next entry is tried.
    NotFound,
    /// Another error: the list stops here unless the entry ends in `|`.
    Failed,
    /// Needs the network: its answer is not known offline.
    Network,
}

/// How one file would be had.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Outcome {
    /// The module cache has it: nothing is fetched.
    Cached {
        /// The cache file.
        path: String,
    },
    /// A `file://` proxy serves it (no network).
    Served {
        /// The entry.
        entry: String,
    },
    /// The first entry that could serve it needs the network.
    Network {
        /// The entry (`https://proxy.golang.org`, `direct`).
        entry: String,
    },
    /// No entry serves it: the go command fails with this error.
    Fails {
        /// Go's error text.
        error: String,
    },
}

/// One file of one module version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlannedFile {
    /// `mod`, `info` or `zip`.
    pub file: FetchFile,
    /// How it would be had.
    pub outcome: Outcome,
    /// The entries tried, in order (empty when cached).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<Step>,
}

/// How one hash (`go.mod` or the zip's) is checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum ChecksumCheck {
    /// go.sum (or go.work.sum) records it: no lookup.
    GoSum,
    /// Not recorded: looked up in the checksum database (`go mod download`
    /// and `go get` do; a `-mod=readonly` build fails with "missing go.sum
    /// entry" instead).
    SumDb {
        /// The database (`sum.golang.org`), `None` when GOSUMDB is unusable.
        name: Option<String>,
        /// Where the lookup goes first over the network (`None`: a `file://`
        /// proxy serves the database).
        network: Option<String>,
    },
    /// Not recorded, and not checked: added to go.sum on trust.
    Skipped {
        /// Why.
        reason: SkipReason,
    },
}

/// One hash of a module version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlannedChecksum {
    /// `go.mod` or `zip`.
    pub of: &'static str,
    /// How it is checked.
    pub check: ChecksumCheck,
}

/// One module version the command needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlannedModule {
    /// The module version fetched (a replacement's target when replaced).
    pub module: ModuleVersion,
    /// The module it stands in for, when a replace directive points at it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replaces: Option<ModuleVersion>,
    /// Whether `go mod download` downloads its zip (else only its go.mod is read).
    pub download: bool,
    /// GONOPROXY/GOPRIVATE route it past the proxies (to `direct`).
    pub noproxy: bool,
    /// The files, in the order the go command fetches them.
    pub files: Vec<PlannedFile>,
    /// Its hashes.
    pub checksums: Vec<PlannedChecksum>,
    /// The error `go mod download -json` reports for it (`Error`), when
    /// known offline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// Whether anything about it needs the network.
    pub needs_network: bool,
}

/// Counts over a plan.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Module versions.
    pub modules: usize,
    /// Files.
    pub files: usize,
    /// Files the module cache has.
    pub cached: usize,
    /// Files a `file://` proxy serves.
    pub served_offline: usize,
    /// Files that need the network.
    pub network: usize,
    /// Files no entry serves.
    pub failing: usize,
    /// Hashes looked up in the checksum database.
    pub sumdb_lookups: usize,
    /// Hashes not checked at all.
    pub unchecked: usize,
    /// Module versions that need the network for something.
    pub modules_needing_network: usize,
}

/// The settings the plan was made under.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Settings {
    /// GOPROXY.
    pub goproxy: String,
    /// GONOPROXY (default GOPRIVATE).
    pub gonoproxy: String,
    /// GONOSUMDB (default GOPRIVATE).
    pub gonosumdb: String,
    /// GOPRIVATE.
    pub goprivate: String,
    /// GOINSECURE.
    pub goinsecure: String,
    /// GOFLAGS.
    pub goflags: String,
    /// GOMODCACHE.
    pub gomodcache: String,
}

/// What `go mod download` would do, predicted offline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FetchPlan {
    /// The settings.
    pub settings: Settings,
    /// GOPROXY's error, when the go command cannot use it (then every fetch fails).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub goproxy_error: Option<String>,
    /// The checksum database and its route.
    pub sumdb: SumDb,
    /// Which zips.
    pub zip_set: ZipSet,
    /// Why the module graph could not be loaded (go fails the whole command
    /// with these lines before downloading anything).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub load_error: Vec<String>,
    /// Where the offline prediction stops: the module graph could not be
    /// loaded because a go.mod needs the network (these are gomvs's offline
    /// errors). What lies beyond is not known here; go, online, goes on.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub needs_network_to_load: Vec<String>,
    /// The graph error go reports after the downloads (exit status 1):
    /// with `all` as its arguments, go mod download lists and downloads the
    /// build list it could load before reporting it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub error_after_downloads: Vec<String>,
    /// Every module version, go.mod files first in load order, then the
    /// downloads in `go mod download`'s order.
    pub modules: Vec<PlannedModule>,
    /// Zips whose hash differs from the one go.sum records: go stops the
    /// whole command at the first it verifies (downloads run in parallel,
    /// so which one is printed varies) with this text (`SECURITY ERROR`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aborts: Vec<String>,
    /// Counts.
    pub summary: Summary,
}

impl FetchPlan {
    /// Whether `go mod download` would succeed offline (no load error, no
    /// failing file, nothing needing the network).
    pub fn succeeds_offline(&self) -> bool {
        self.load_error.is_empty()
            && self.needs_network_to_load.is_empty()
            && self.error_after_downloads.is_empty()
            && self.aborts.is_empty()
            && self.goproxy_error.is_none()
            && self.summary.failing == 0
            && self.summary.modules_needing_network == 0
            && self.modules.iter().all(|m| m.error.is_none())
    }
}

/// A [`ModuleSource`] that remembers which go.mod files the loader asked
/// for, in order (so the plan covers exactly what the load reads).
struct Recording {
    inner: Arc<GoSources>,
    go_mods: Mutex<Vec<ModuleVersion>>,
}

impl ModuleSource for Recording {
    fn go_mod(&self, m: &ModuleVersion) -> Result<Arc<[u8]>, FetchError> {
        if let Ok(mut v) = self.go_mods.lock() {
            v.push(m.clone());
        }
        self.inner.go_mod(m)
    }
    fn info(&self, m: &ModuleVersion) -> Result<RevInfo, FetchError> {
        self.inner.info(m)
    }
    fn versions(&self, path: &str) -> Result<Vec<String>, FetchError> {
        self.inner.versions(path)
    }
    fn latest(&self, path: &str) -> Result<RevInfo, FetchError> {
        self.inner.latest(path)
    }
    fn zip(&self, m: &ModuleVersion) -> Result<Arc<[u8]>, FetchError> {
        self.inner.zip(m)
    }
}

/// A plan with what it was made from: the load (when the graph loaded, for
/// findings that point into go.mod) and the sources (for an export).
pub struct Diagnosis {
    /// The plan.
    pub plan: FetchPlan,
    /// The module graph as `go mod download` loads it.
    pub loaded: Option<Loaded>,
    /// The module cache and GOPROXY list the plan read.
    pub sources: Arc<GoSources>,
    /// The main modules, their replace directives and go.sum, when the
    /// graph did not load (then [`Diagnosis::loaded`] is `None`).
    pub opened: Option<Session>,
}

impl Diagnosis {
    /// The session of the load, or the one opened without a graph load.
    pub fn session(&self) -> Option<&Session> {
        self.loaded
            .as_ref()
            .map(|l| &l.session)
            .or(self.opened.as_ref())
    }
}

/// The plan for `go mod download` (no arguments) in `env`'s working
/// directory; `Err` for settings the go command rejects before doing anything.
pub fn plan(env: &GoEnv) -> Result<FetchPlan, EnvError> {
    diagnose(env).map(|d| d.plan)
}

/// [`plan`], keeping the load and the sources.
pub fn diagnose(env: &GoEnv) -> Result<Diagnosis, EnvError> {
    let (config, sources, cache) = environment(env, GoCommand::ModDownload, None)?;
    let recording = Arc::new(Recording {
        inner: Arc::clone(&sources),
        go_mods: Mutex::new(Vec::new()),
    });
    let mut plan = FetchPlan {
        settings: Settings {
            goproxy: env.goproxy(),
            gonoproxy: env.gonoproxy(),
            gonosumdb: env.gonosumdb(),
            goprivate: env.goprivate(),
            goinsecure: env.goinsecure(),
            goflags: env.getenv("GOFLAGS"),
            gomodcache: env.gomodcache(),
        },
        goproxy_error: env.proxy_list().err(),
        sumdb: SumDb::from_env(env),
        zip_set: ZipSet {
            args: Vec::new(),
            reason: String::new(),
        },
        load_error: Vec::new(),
        needs_network_to_load: Vec::new(),
        error_after_downloads: Vec::new(),
        modules: Vec::new(),
        aborts: Vec::new(),
        summary: Summary::default(),
    };
    let loaded = Session::open(config, Arc::clone(&recording) as Arc<dyn ModuleSource>)
        .and_then(Session::load);
    let planner = Planner {
        env,
        sources: &sources,
        sumdb: &plan.sumdb,
    };
    let read: Vec<ModuleVersion> = recording
        .go_mods
        .lock()
        .map(|v| v.clone())
        .unwrap_or_default();
    let mut seen = std::collections::HashSet::new();
    let loaded = match loaded {
        Ok(l) => l,
        Err(fatal) => {
            if fatal.lines.iter().any(|l| l.contains(OFFLINE_MARK)) {
                plan.needs_network_to_load = fatal.lines;
            } else {
                plan.load_error = fatal.lines;
            }
            // go checks each go.mod's hash as it reads it, so the hashes of
            // the go.mod files read before the failure are checked too: their
            // go.sum lines come from a session opened again (no graph load).
            let sums = environment(env, GoCommand::ModDownload, None)
                .ok()
                .and_then(|(config, _, _)| {
                    let src: Arc<dyn ModuleSource> = Arc::clone(&sources) as _;
                    Session::open(config, src).ok()
                });
            for m in read {
                if seen.insert(m.clone()) {
                    plan.modules.push(planner.go_mod_only(m, sums.as_ref()));
                }
            }
            plan.summary = summarize(&plan.modules);
            return Ok(Diagnosis {
                plan,
                loaded: None,
                sources,
                opened: sums,
            });
        }
    };
    // `go mod download` never fails on a go.mod that needs updates (it
    // rewrites it, or in readonly mode leaves it: modcmd/download.go,
    // TODO #64008); any other graph error stops it.
    plan.zip_set = zip_set(&loaded);
    // With `all` (before go 1.17, workspaces) go mod download does not load
    // the graph first: ListModules lists the build list it could load, the
    // downloads run, and the graph error is reported after them.
    let lists_all = plan.zip_set.args == ["all"];
    if let Some(e) = &loaded.error {
        if e.contains(OFFLINE_MARK) {
            plan.needs_network_to_load.push(format!("go: {e}"));
        } else if e.starts_with("updates to go.mod needed") {
        } else if lists_all {
            plan.error_after_downloads.push(format!("go: {e}"));
        } else {
            plan.load_error.push(format!("go: {e}"));
        }
    }
    for m in read {
        if seen.insert(m.clone()) {
            plan.modules
                .push(planner.go_mod_only(m, Some(&loaded.session)));
        }
    }
    // `go mod download` lists its arguments after `LoadModGraph`, which (in
    // -mod=mod) updated the root requirements: a path is listed at its root
    // version after that update, not as go.mod wrote it (`go list -m PATH`
    // alone reads go.mod's).
    let mut loaded = loaded;
    loaded.initial_requirements = loaded.requirements.clone();
    if !plan.zip_set.args.is_empty()
        && plan.load_error.is_empty()
        && plan.needs_network_to_load.is_empty()
    {
        match list_modules(&loaded, &cache, &plan.zip_set.args, ListMode::default()) {
            Ok(listing) => {
                let listed_from = plan.modules.len();
                for row in &listing.rows {
                    let (info, replaces) = match &row.replace {
                        Some(r) => (
                            r.as_ref(),
                            Some(ModuleVersion::new(row.path.as_str(), row.version.as_str())),
                        ),
                        None => (row, None),
                    };
                    if info.version.is_empty() && info.error.is_none() {
                        continue; // a main module or a directory replacement
                    }
                    let m = ModuleVersion::new(info.path.as_str(), info.version.as_str());
                    let planned = match &info.error {
                        Some(e) => planner.failed_listing(m, replaces, e.err.clone()),
                        None => planner.download(m, replaces, &loaded),
                    };
                    let zip_served = planned.files.iter().any(|f| {
                        f.file == FetchFile::Zip && !matches!(f.outcome, Outcome::Fails { .. })
                    });
                    if zip_served && planned.error.is_none() {
                        let s = &loaded.session;
                        if let Some(m) = crate::get::zip_sum_mismatch(s, &planned.module) {
                            plan.aborts.push(m);
                        }
                    }
                    plan.modules.push(planned);
                }
                supersede_go_mod_only_entries(&mut plan.modules, listed_from);
                if let Some(e) = listing.error {
                    let line = format!("go: {e}");
                    if !plan.error_after_downloads.contains(&line) {
                        plan.error_after_downloads.push(line);
                    }
                }
            }
            Err(fatal) => plan.load_error.extend(fatal.lines),
        }
    }
    plan.summary = summarize(&plan.modules);
    Ok(Diagnosis {
        plan,
        loaded: Some(loaded),
        sources,
        opened: None,
    })
}

/// `go mod download`'s default arguments (`modcmd/download.go`).
fn zip_set(loaded: &Loaded) -> ZipSet {
    let s = &loaded.session;
    if s.in_workspace() {
        return ZipSet {
            args: vec!["all".to_string()],
            reason: "workspace mode: every module in the build list (go mod download downloads `all` in a workspace)".to_string(),
        };
    }
    let Some(main) = s.mains.first() else {
        return ZipSet {
            args: Vec::new(),
            reason: "no main module".to_string(),
        };
    };
    // A go.mod without a go line gets one in memory (`loadModFile`; in
    // -mod=mod the local go version): go mod download reads that one.
    let in_memory = match loaded.requirements.go_version() {
        "" => s.config.local_go.clone(),
        v => v.to_string(),
    };
    let go = main
        .file
        .go
        .as_ref()
        .map(|g| g.version.as_str())
        .filter(|v| !v.is_empty())
        .unwrap_or(in_memory.as_str());
    if go.is_empty() || gover::compare(go, "1.17") == std::cmp::Ordering::Less {
        let args = if main.file.require.is_empty() {
            Vec::new()
        } else {
            vec!["all".to_string()]
        };
        return ZipSet {
            args,
            reason: format!(
                "the main module is at go {}: before go 1.17 go.mod does not list every module a build needs, so go mod download downloads `all`",
                if go.is_empty() { "(none)" } else { go }
            ),
        };
    }
    ZipSet {
        args: main
            .file
            .require
            .iter()
            .map(|r| r.module.path.to_string())
            .collect(),
        reason: format!(
            "the main module is at go {go}: go.mod requires every module that provides a package the main module's packages and tests import, so go mod download downloads those (at their selected versions) and reads only the go.mod of the rest of the graph"
        ),
    }
}

struct Planner<'a> {
    env: &'a GoEnv,
    sources: &'a GoSources,
    sumdb: &'a SumDb,
}

impl Planner<'_> {
    fn file(&self, m: &ModuleVersion, file: FetchFile) -> (PlannedFile, Option<String>) {
        let mut trace = self.sources.trace(m, file);
        if file == FetchFile::Zip {
            if let Err(e) = &mut trace.result {
                zip_copy_error(self.sources, m, e);
            }
        }
        planned_file(self.env, &m.path, file, trace)
    }

    fn checksum(&self, m: &ModuleVersion, of: &'static str, recorded: bool) -> PlannedChecksum {
        let check = if recorded {
            ChecksumCheck::GoSum
        } else if let Some(reason) = skip_reason(self.env, &m.path) {
            ChecksumCheck::Skipped { reason }
        } else {
            ChecksumCheck::SumDb {
                name: self.sumdb.name.clone(),
                network: if self.sumdb.offline() {
                    None
                } else {
                    Some(
                        self.sumdb
                            .network_target()
                            .unwrap_or("the checksum database")
                            .to_string(),
                    )
                },
            }
        };
        PlannedChecksum { of, check }
    }

    fn go_mod_only(&self, m: ModuleVersion, session: Option<&Session>) -> PlannedModule {
        let (f, error) = self.file(&m, FetchFile::Mod);
        let mut checksums = Vec::new();
        if let Some(s) = session {
            let recorded = s.has_go_mod_sum(&m.path, &m.version);
            checksums.push(self.checksum(&m, "go.mod", recorded));
        }
        self.module(m, None, false, vec![f], checksums, error)
    }

    fn failed_listing(
        &self,
        m: ModuleVersion,
        replaces: Option<ModuleVersion>,
        error: String,
    ) -> PlannedModule {
        self.module(m, replaces, true, Vec::new(), Vec::new(), Some(error))
    }

    /// `DownloadModule`: `.info`, then `.mod`, then `.zip`; the first failure is the error.
    fn download(
        &self,
        m: ModuleVersion,
        replaces: Option<ModuleVersion>,
        loaded: &Loaded,
    ) -> PlannedModule {
        let mut files = Vec::new();
        let mut error = None;
        for kind in [FetchFile::Info, FetchFile::Mod, FetchFile::Zip] {
            let (f, e) = self.file(&m, kind);
            files.push(f);
            if e.is_some() {
                error = e;
                break;
            }
        }
        let s = &loaded.session;
        let checksums = vec![
            self.checksum(&m, "go.mod", s.has_go_mod_sum(&m.path, &m.version)),
            self.checksum(&m, "zip", s.has_sum(&m.path, &m.version)),
        ];
        self.module(m, replaces, true, files, checksums, error)
    }

    fn module(
        &self,
        module: ModuleVersion,
        replaces: Option<ModuleVersion>,
        download: bool,
        files: Vec<PlannedFile>,
        checksums: Vec<PlannedChecksum>,
        error: Option<String>,
    ) -> PlannedModule {
        let needs_network = files
            .iter()
            .any(|f| matches!(f.outcome, Outcome::Network { .. }))
            || checksums.iter().any(|c| {
                matches!(
                    c.check,
                    ChecksumCheck::SumDb {
                        network: Some(_),
                        ..
                    }
                )
            });
        // A listing error that is gomvs's offline error: go would ask the network.
        let needs_network =
            needs_network || error.as_deref().is_some_and(|e| e.contains(OFFLINE_MARK));
        let noproxy = match_prefix_patterns(&self.env.gonoproxy(), &module.path);
        // An error that depends on a network answer is not known offline.
        let error = if needs_network { None } else { error };
        PlannedModule {
            module,
            replaces,
            download,
            noproxy,
            files,
            checksums,
            error,
            needs_network,
        }
    }
}

/// go copies a proxy's zip into the module cache through a temporary file
/// (`io.Copy`, `copy_file_range`) where it reads other files whole: a
/// directory in place of the zip fails on the write side, with a random
/// temporary name, shown here as `*`.
fn zip_copy_error(sources: &GoSources, m: &ModuleVersion, e: &mut FetchError) {
    let Some(rest) = e.message.strip_prefix("read \"") else {
        return;
    };
    let Some((url, tail)) = rest.split_once("\": read ") else {
        return;
    };
    if !tail.ends_with(": is a directory") {
        return;
    }
    let Some(zip) = sources
        .mod_cache()
        .and_then(|c| c.cache_path(m, "zip").ok())
    else {
        return;
    };
    e.message = format!(
        "read \"{url}\": write {}*.tmp: copy_file_range: is a directory",
        zip.display()
    );
}

/// A [`Trace`] as a [`PlannedFile`], and the error go reports when no entry serves it.
fn planned_file(
    env: &GoEnv,
    path: &str,
    file: FetchFile,
    trace: Trace,
) -> (PlannedFile, Option<String>) {
    if let Some(p) = trace.cached {
        let f = PlannedFile {
            file,
            outcome: Outcome::Cached {
                path: p.display().to_string(),
            },
            steps: Vec::new(),
        };
        return (f, None);
    }
    let mut steps = Vec::new();
    let mut network_entry = None;
    for t in trace.steps {
        let answer = match &t.error {
            None => Answer::Served,
            Some(_) if t.network => Answer::Network,
            Some(e) if e.is_not_found() => Answer::NotFound,
            Some(_) => Answer::Failed,
        };
        let direct = (t.entry == "direct" || t.entry == "noproxy")
            .then(|| direct_route(env, path))
            .filter(|_| answer == Answer::Network);
        if answer == Answer::Network && network_entry.is_none() {
            network_entry = Some(t.entry.clone());
        }
        steps.push(Step {
            error: t
                .error
                .as_ref()
                .filter(|_| !t.network)
                .map(FetchError::go_text),
            entry: t.entry,
            answer,
            fall_back_on_error: t.fall_back_on_error,
            direct,
        });
        if network_entry.is_some() {
            break;
        }
    }
    let (outcome, error) = match (network_entry, trace.result) {
        (Some(entry), _) => (Outcome::Network { entry }, None),
        (None, Ok(())) => {
            let entry = steps.last().map(|s| s.entry.clone()).unwrap_or_default();
            (Outcome::Served { entry }, None)
        }
        (None, Err(e)) => {
            let text = e.go_text();
            (
                Outcome::Fails {
                    error: text.clone(),
                },
                Some(text),
            )
        }
    };
    (
        PlannedFile {
            file,
            outcome,
            steps,
        },
        error,
    )
}

fn summarize(modules: &[PlannedModule]) -> Summary {
    let mut s = Summary {
        modules: modules.len(),
        ..Summary::default()
    };
    for m in modules {
        for f in &m.files {
            s.files += 1;
            match f.outcome {
                Outcome::Cached { .. } => s.cached += 1,
                Outcome::Served { .. } => s.served_offline += 1,
                Outcome::Network { .. } => s.network += 1,
                Outcome::Fails { .. } => s.failing += 1,
            }
        }
        for c in &m.checksums {
            match c.check {
                ChecksumCheck::SumDb { .. } => s.sumdb_lookups += 1,
                ChecksumCheck::Skipped { .. } => s.unchecked += 1,
                ChecksumCheck::GoSum => {}
            }
        }
        if m.needs_network {
            s.modules_needing_network += 1;
        }
    }
    s
}

/// A download supersedes the go.mod-only entry of the same version: drops
/// every go.mod-only entry that an entry of the same module pushed later,
/// at `listed_from` or after, follows. The same as removing them before
/// each push, in one pass (a `retain` per listed module was quadratic:
/// `doctor` took 82 s on a 100,000-module fan-out).
fn supersede_go_mod_only_entries(modules: &mut Vec<PlannedModule>, listed_from: usize) {
    let mut last: crate::collections::FastMap<ModuleVersion, usize> = Default::default();
    for (i, p) in modules.iter().enumerate().skip(listed_from) {
        last.insert(p.module.clone(), i);
    }
    let mut i = 0;
    modules.retain(|p| {
        let keep = p.download || last.get(&p.module).is_none_or(|&later| later <= i);
        i += 1;
        keep
    });
}
