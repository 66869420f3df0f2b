//! go.sum coverage as far as the module graph decides it (`modload.keepSums`,
//! `modfetch.tidyGoSum`).
//!
//! The rule, precisely. Let *G* be the set of `resolveReplacement(m)` for
//! every module `m` of the loaded graph whose go.mod requirements are in the
//! graph (`mg.RequiredBy(m)` holds; main modules and directory replacements
//! left out), and *B* the same for the build list.
//!
//! * **Missing** (exact): a `path version/go.mod` key of *G* for which no sum
//!   file holds an `h1:` line. Reading that go.mod is part of loading the
//!   module graph, so `go list -m all` in readonly mode fails with `missing
//!   go.sum entry for go.mod file` (the `-mod=mod` load this is computed from
//!   fetches it instead). Loading the module graph needs no zip (`path
//!   version`) line, so none is ever reported missing; building packages
//!   needs the zip lines of the modules that provide them, which gomvs cannot
//!   know (it does not load packages).
//! * **Stale** (exact, for the current requirements): lines `go mod tidy`
//!   would drop whatever packages the main module imports: a `/go.mod` line
//!   whose key is not in *G* (tidy keeps exactly *G*'s go.mod sums plus those
//!   of modules providing packages, which are in *G* once go.mod is tidy); a
//!   zip line whose module is not in *B* (tidy keeps zip sums only for
//!   build-list modules that provide or prefix imported packages); a second
//!   identical line (tidy sorts and de-duplicates); a legacy empty-go.mod
//!   line (`readGoSum` drops it).
//! * **Not judged**: zip lines of modules in *B* (kept only if the module
//!   provides, or its path prefixes, an imported package); with a main module
//!   at go 1.17.x, `/go.mod` lines outside *G* (tidy also keeps the go.mod
//!   sums of the unpruned graph for go 1.16 compatibility, which this load
//!   did not build); in workspace mode, everything (`go mod tidy` does not
//!   run in a workspace).
//!
//! "For the current requirements": `go mod tidy` may also change go.mod
//! (add or drop requirements, depending on imports), and then the graph; the
//! judgement is the one for a go.mod that is already tidy.

use super::SumLine;
use crate::loader::Loaded;
use crate::summary::Pruning;
use gomvs_modfile::{gover, ModuleVersion};
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// go.sum coverage of one load.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SumCoverage {
    /// The sum file Go would add missing lines to (`go.sum`, or `go.work.sum`
    /// in workspace mode), as the loader named it.
    pub go_sum_file: String,
    /// Lines the module-graph load needs and no sum file has, in the graph's
    /// breadth-first order.
    pub missing: Vec<MissingSum>,
    /// Lines `go mod tidy` would drop, in file order.
    pub stale: Vec<StaleSum>,
    /// Lines whose fate under `go mod tidy` depends on packages (or on a
    /// graph this load did not build), in file order.
    pub not_judged: Vec<UnjudgedSum>,
    /// Whether stale lines were judged at all.
    pub tidy: TidyJudgement,
}

/// Which kind of go.sum line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SumKind {
    /// `path version/go.mod h1:...`: the hash of the module's go.mod.
    GoMod,
    /// `path version h1:...`: the hash of the module's zip.
    Zip,
}

/// A line the module-graph load needs and go.sum lacks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MissingSum {
    /// The module whose hash is missing (the replacement target when replaced).
    pub module: ModuleVersion,
    /// Which line (always [`SumKind::GoMod`] today: see the module docs).
    pub kind: SumKind,
    /// The graph node that needs it (differs from `module` when replaced).
    pub needed_for: ModuleVersion,
    /// The line Go would add, without the hash: `path version/go.mod`.
    pub key: String,
}

/// A line `go mod tidy` would drop.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StaleSum {
    /// The line (for a legacy line only `file` and `line` are known; the
    /// other fields are empty).
    pub line: SumLine,
    /// Which kind of line.
    pub kind: SumKind,
    /// Why tidy drops it.
    pub reason: StaleReason,
}

/// Why `go mod tidy` drops a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "reason")]
pub enum StaleReason {
    /// A `/go.mod` line of a module version whose go.mod is not part of the module graph.
    NotInGraph,
    /// A zip line of a module version that is not in the build list.
    NotInBuildList,
    /// The same key and hash as an earlier line.
    Duplicate {
        /// The earlier line.
        first_line: usize,
    },
    /// The legacy hash of an empty go.mod (`readGoSum` drops it).
    LegacyEmptyGoModHash,
}

/// A line whose fate gomvs cannot decide.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnjudgedSum {
    /// The line.
    pub line: SumLine,
    /// Which kind of line.
    pub kind: SumKind,
    /// Why it cannot be judged.
    pub reason: UnjudgedReason,
}

/// Why a line cannot be judged from the module graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UnjudgedReason {
    /// A zip line of a build-list module: kept only if the module provides an
    /// imported package or its path is a prefix of one.
    PackageDependent,
    /// A `/go.mod` line outside the graph of a go 1.17.x main module: tidy
    /// also keeps the go.mod sums of the unpruned (go 1.16) graph.
    CompatGraph,
}

/// Whether [`SumCoverage::stale`] was judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TidyJudgement {
    /// Judged as the module docs describe.
    Judged,
    /// Workspace mode: `go mod tidy` does not apply; nothing was judged
    /// (`stale` and `not_judged` are empty).
    Workspace,
}

/// Computes go.sum coverage for a finished load (see the module docs for the
/// exact rule). Replacement lookups here report nothing (no side effects on
/// the session).
pub fn sum_coverage(loaded: &Loaded) -> SumCoverage {
    let s = &loaded.session;
    let files = s.sum_files();
    let resolve = |m: &ModuleVersion| -> ModuleVersion {
        match s.replacements.lookup(m) {
            Some(found) => s.canonical_replacement(&found.rule),
            None => m.clone(),
        }
    };
    let g = &loaded.graph.graph;
    // G: go.mod keys of the graph, in breadth-first order.
    let mut graph_go_mods: Vec<(ModuleVersion, ModuleVersion)> = Vec::new();
    let mut seen: HashSet<ModuleVersion> = HashSet::new();
    g.walk_breadth_first_ids(|id| {
        if g.required_by_id(id).is_none() {
            return;
        }
        let Some(m) = g.module(id) else { return };
        if (m.version.is_empty() && s.is_main(&m.path)) || gover::is_toolchain(&m.path) {
            return;
        }
        let r = resolve(m);
        if r.version.is_empty() {
            return;
        }
        if seen.insert(r.clone()) {
            graph_go_mods.push((r, m.clone()));
        }
    });
    let missing = graph_go_mods
        .iter()
        .filter(|(r, _)| !files.have_go_mod_sum(&r.path, &r.version))
        .map(|(r, m)| MissingSum {
            key: format!("{} {}/go.mod", r.path, r.version),
            module: r.clone(),
            kind: SumKind::GoMod,
            needed_for: m.clone(),
        })
        .collect();
    let go_sum_file = files.main.file_name().to_string();
    if s.in_workspace() {
        return SumCoverage {
            go_sum_file,
            missing,
            stale: Vec::new(),
            not_judged: Vec::new(),
            tidy: TidyJudgement::Workspace,
        };
    }
    let build_list: HashSet<ModuleVersion> = loaded
        .graph
        .build_list()
        .iter()
        .filter(|m| !(gover::is_toolchain(&m.path) || m.version.is_empty() && s.is_main(&m.path)))
        .map(resolve)
        .filter(|r| !r.version.is_empty())
        .collect();
    let go_version = loaded.requirements.go_version().to_string();
    let compat_unpruned = loaded.requirements.pruning == Pruning::Pruned
        && gover::compare(&go_version, "1.18").is_lt();
    let mut stale = Vec::new();
    let mut not_judged = Vec::new();
    let main = &files.main;
    let file = main.file_name();
    let mut first_of: HashMap<(&str, &str, &str), usize> = HashMap::new();
    for e in main.entries() {
        let kind = if e.is_go_mod() {
            SumKind::GoMod
        } else {
            SumKind::Zip
        };
        let module = ModuleVersion::new(e.path.as_str(), e.module_version());
        let line = SumLine::of(file, e);
        let verdict: Option<Result<(), UnjudgedReason>> = match kind {
            SumKind::GoMod if seen.contains(&module) => Some(Ok(())),
            SumKind::GoMod if compat_unpruned => Some(Err(UnjudgedReason::CompatGraph)),
            SumKind::GoMod => None,
            SumKind::Zip if build_list.contains(&module) => {
                Some(Err(UnjudgedReason::PackageDependent))
            }
            SumKind::Zip => None,
        };
        let Some(verdict) = verdict else {
            let reason = match kind {
                SumKind::GoMod => StaleReason::NotInGraph,
                SumKind::Zip => StaleReason::NotInBuildList,
            };
            stale.push(StaleSum { line, kind, reason });
            continue;
        };
        let key = (e.path.as_str(), e.version.as_str(), e.hash.as_str());
        if let Some(&first_line) = first_of.get(&key) {
            stale.push(StaleSum {
                line,
                kind,
                reason: StaleReason::Duplicate { first_line },
            });
            continue;
        }
        first_of.insert(key, e.line);
        if let Err(reason) = verdict {
            not_judged.push(UnjudgedSum { line, kind, reason });
        }
    }
    for &l in main.legacy_lines() {
        stale.push(StaleSum {
            line: SumLine {
                file: file.to_string(),
                line: l,
                path: String::new(),
                version: String::new(),
                hash: gomvs_modfile::gosum::EMPTY_GO_MOD_HASH.to_string(),
            },
            kind: SumKind::GoMod,
            reason: StaleReason::LegacyEmptyGoModHash,
        });
    }
    stale.sort_by_key(|x| x.line.line);
    SumCoverage {
        go_sum_file,
        missing,
        stale,
        not_judged,
        tidy: TidyJudgement::Judged,
    }
}
