//! What changed between two resolved module graphs, and why.
//!
//! [`diff`] compares the build lists of two [`Loaded`] graphs (each what
//! `go list -m all` prints) module path by module path, and gives every
//! change its cause on each side: the requirement that decided the
//! version (requirer, go.mod file and line, the path from the main module
//! that carried it) or the replace / exclude directive, read from the
//! explanation engine ([`crate::explain::why`]). Changes are grouped: a
//! change of the main modules' own files (a require, replace or exclude
//! line) is a root, and a transitive change hangs under the root change
//! whose module carried it.
//!
//! The diff is data; `gomvs diff`, `gomvs check --base` and embedders render
//! or judge it.

use crate::explain::why::{
    explain_selected, Exclusion, Replacement, Requirement, RootUpdate, WhyIndex,
};
use crate::listing::{list_all, CacheLayout, ModuleInfo};
use crate::loader::Loaded;
use crate::modgraph::{push_module_version, try_for_each_requirements};
use gomvs_modfile::{module, semver, ModuleVersion};
use serde::Serialize;
use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

/// What kind of change a [`ModuleChange`] is. A path may have several
/// kinds at once (a replacement added that downgrades the version used);
/// [`ModuleChange::kind`] is the most significant, in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum ChangeKind {
    /// The path left the build list.
    Removed,
    /// The path entered the build list.
    Added,
    /// The version the build uses went down (the replacement's version when
    /// both sides use different versions of the same module, else the
    /// selected one).
    Downgraded,
    /// The version the build uses went up.
    Upgraded,
    /// A replace directive now applies to the path.
    ReplacementAdded,
    /// The replace directive that applied no longer does.
    ReplacementRemoved,
    /// Another replacement target applies.
    ReplacementChanged,
    /// The path became a direct requirement of a main module.
    IndirectToDirect,
    /// The path is no longer a direct requirement of a main module.
    DirectToIndirect,
    /// The main module's (or go.work's) `go` line changed (path `go`).
    GoVersion,
    /// The main module's (or go.work's) `toolchain` line changed (path `toolchain`).
    ToolchainVersion,
}

impl ChangeKind {
    /// The kebab-case name used in JSON and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            ChangeKind::Removed => "removed",
            ChangeKind::Added => "added",
            ChangeKind::Downgraded => "downgraded",
            ChangeKind::Upgraded => "upgraded",
            ChangeKind::ReplacementAdded => "replacement-added",
            ChangeKind::ReplacementRemoved => "replacement-removed",
            ChangeKind::ReplacementChanged => "replacement-changed",
            ChangeKind::IndirectToDirect => "indirect-to-direct",
            ChangeKind::DirectToIndirect => "direct-to-indirect",
            ChangeKind::GoVersion => "go-version",
            ChangeKind::ToolchainVersion => "toolchain-version",
        }
    }

    /// Every kind, most significant first.
    pub const ALL: [ChangeKind; 11] = [
        ChangeKind::Removed,
        ChangeKind::Added,
        ChangeKind::Downgraded,
        ChangeKind::Upgraded,
        ChangeKind::ReplacementAdded,
        ChangeKind::ReplacementRemoved,
        ChangeKind::ReplacementChanged,
        ChangeKind::IndirectToDirect,
        ChangeKind::DirectToIndirect,
        ChangeKind::GoVersion,
        ChangeKind::ToolchainVersion,
    ];
}

/// Why a module had its version on one side of the diff.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct SideCause {
    /// The requirement that decided the selected version (its requirer, the
    /// version it asks for, the require line), when a dependency or a main
    /// module asks for exactly the selected version.
    pub requirement: Option<Requirement>,
    /// A shortest requirement path from a main module to the selected
    /// version, through the deciding requirer (abridged on deep graphs).
    pub path: Vec<ModuleVersion>,
    /// Modules left out of `path` after its first
    /// [`crate::explain::why::PATH_HEAD`] + 1 entries (0: whole; omitted from
    /// JSON when 0).
    #[serde(default, skip_serializing_if = "crate::explain::why::is_zero")]
    pub path_omitted: usize,
    /// The replace directive that applies to the selected version.
    pub replacement: Option<Replacement>,
    /// Exclude directives on the path that dropped a version above the
    /// selected one (without them another version would have been selected).
    pub exclusions: Vec<Exclusion>,
    /// The loader raised or added the main module's requirement in memory.
    pub root_update: Option<RootUpdate>,
    /// The directive in a main module's file that states this: the go line,
    /// the toolchain line (for `go` / `toolchain` changes).
    pub directive: Option<crate::explain::Location>,
}

/// Both sides' causes of a change.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Causes {
    /// Why the base side had its entry (absent when the path was not there).
    pub before: Option<SideCause>,
    /// Why the head side has its entry.
    pub after: Option<SideCause>,
}

/// One module path whose build-list entry differs between the two sides.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ModuleChange {
    /// The module path (`go` and `toolchain` for the main module's lines).
    pub path: String,
    /// The most significant of [`ModuleChange::kinds`].
    pub kind: ChangeKind,
    /// Every kind of change that applies, most significant first.
    pub kinds: Vec<ChangeKind>,
    /// The version `go list -m all` prints first for the path on the base
    /// side (`""` for a main module), `None` when absent.
    pub before: Option<String>,
    /// The same on the head side.
    pub after: Option<String>,
    /// The replacement target the base side uses, when replaced (a
    /// directory target has an empty version and its path as go prints it).
    pub before_used: Option<ModuleVersion>,
    /// The same on the head side.
    pub after_used: Option<ModuleVersion>,
    /// Whether the path was only indirectly required on the base side.
    pub before_indirect: Option<bool>,
    /// The same on the head side.
    pub after_indirect: Option<bool>,
    /// The used version's major version changed, or a new major version of
    /// a module already in the build list was added.
    pub major: bool,
    /// A change of a main module's own files: its require line for the
    /// path, a replace or an exclude directive naming it.
    pub root: bool,
    /// For a transitive change: the path of the change that carried it (the
    /// first changed module on the requirement path from the main module).
    pub carried_by: Option<String>,
    /// Why each side has what it has.
    pub causes: Causes,
}

#[doc(hidden)] // internal to the gomvs CLI (takes the loader's Loaded); use Resolution
/// `go mod graph` lines that differ.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct EdgeDiff {
    /// Lines only the head side prints, in its order.
    pub added: Vec<String>,
    /// Lines only the base side prints, in its order.
    pub removed: Vec<String>,
}

/// The difference between two resolved module graphs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct GraphDiff {
    /// Every change, grouped: each root change followed by the changes it
    /// carried; then changes no root change explains. Paths sort within a group.
    pub changes: Vec<ModuleChange>,
}

impl GraphDiff {
    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// The changes that have `kind` among their kinds.
    pub fn of_kind(&self, kind: ChangeKind) -> impl Iterator<Item = &ModuleChange> {
        self.changes.iter().filter(move |c| c.kinds.contains(&kind))
    }

    /// The change of `path`, if any.
    pub fn change(&self, path: &str) -> Option<&ModuleChange> {
        self.changes.iter().find(|c| c.path == path)
    }
}

/// One side's build-list entry for a path.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Entry {
    version: String,
    used: Option<ModuleVersion>,
    indirect: bool,
}

impl Entry {
    fn from_row(row: &ModuleInfo) -> Entry {
        Entry {
            version: row.version.to_string(),
            used: row
                .replace
                .as_ref()
                .map(|r| ModuleVersion::new(r.path.as_str(), r.version.as_str())),
            indirect: row.indirect,
        }
    }

    /// What the build uses: the replacement target, else the selected version.
    fn effective(&self, path: &str) -> ModuleVersion {
        self.used
            .clone()
            .unwrap_or_else(|| ModuleVersion::new(path, self.version.as_str()))
    }
}

/// One side, indexed for the diff.
struct Side<'a> {
    loaded: &'a Loaded,
    entries: BTreeMap<String, Entry>,
    why: WhyIndex,
    /// The main modules' own statements about each path: require versions,
    /// replace and exclude directives, as text (for the root test).
    main_statements: BTreeMap<String, BTreeSet<String>>,
}

impl<'a> Side<'a> {
    fn new(loaded: &'a Loaded) -> Side<'a> {
        let entries = list_all(loaded, &CacheLayout::default())
            .iter()
            .map(|row| (row.path.to_string(), Entry::from_row(row)))
            .collect();
        let mut main_statements: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let mut state = |path: &str, text: String| {
            main_statements
                .entry(path.to_string())
                .or_default()
                .insert(text);
        };
        for m in &loaded.session.mains {
            for r in &m.file.require {
                state(&r.module.path, format!("require {}", r.module.version));
            }
            for x in &m.file.exclude {
                state(&x.module.path, format!("exclude {}", x.module.version));
            }
        }
        for rule in loaded.session.replacements.rules() {
            state(
                &rule.old.path,
                format!(
                    "replace {} => {} {}",
                    rule.old.version, rule.new.path, rule.new.version
                ),
            );
        }
        Side {
            loaded,
            entries,
            why: WhyIndex::new(loaded),
            main_statements,
        }
    }

    fn cause(&self, path: &str) -> SideCause {
        let report = explain_selected(self.loaded, &self.why, path);
        SideCause {
            requirement: report
                .deciding
                .and_then(|i| report.requirements.get(i).cloned()),
            path: report.path_to_selected,
            path_omitted: report.path_to_selected_omitted,
            replacement: report
                .replacements
                .into_iter()
                .find(|r| r.applies_to_selected),
            exclusions: report
                .exclusions
                .into_iter()
                .filter(|x| x.above_selected)
                .collect(),
            root_update: report.root_update,
            directive: None,
        }
    }

    /// The main module's `go` or `toolchain` line and where it is written.
    fn main_line(&self, which: &str) -> Option<(String, crate::explain::Location)> {
        let s = &self.loaded.session;
        let location = |file: &std::path::Path, line: u32| crate::explain::Location {
            file: s.short_path(file),
            line: Some(line),
        };
        match &s.work {
            Some((work_path, wf)) => match which {
                "go" => wf
                    .go
                    .as_ref()
                    .map(|g| (g.version.clone(), location(work_path, g.span.start.line))),
                _ => wf
                    .toolchain
                    .as_ref()
                    .map(|t| (t.name.clone(), location(work_path, t.span.start.line))),
            },
            None => {
                let m = s.mains.first()?;
                match which {
                    "go" => m.file.go.as_ref().map(|g| {
                        (
                            g.version.clone(),
                            location(&m.go_mod_path, g.span.start.line),
                        )
                    }),
                    _ => m
                        .file
                        .toolchain
                        .as_ref()
                        .map(|t| (t.name.clone(), location(&m.go_mod_path, t.span.start.line))),
                }
            }
        }
    }
}

#[doc(hidden)] // internal to the gomvs CLI (takes the loader's Loaded); use Resolution
/// Compares the build lists of `base` and `head` (each loaded as
/// `go list -m all` loads it) and explains every change.
pub fn diff(base: &Loaded, head: &Loaded) -> GraphDiff {
    let before = Side::new(base);
    let after = Side::new(head);
    let paths: BTreeSet<&String> = before.entries.keys().chain(after.entries.keys()).collect();
    let mut changes = Vec::new();
    for path in paths {
        let b = before.entries.get(path.as_str());
        let a = after.entries.get(path.as_str());
        if b == a {
            continue;
        }
        let kinds = kinds_of(path, b, a);
        if kinds.is_empty() {
            continue;
        }
        let root =
            before.main_statements.get(path.as_str()) != after.main_statements.get(path.as_str());
        changes.push(ModuleChange {
            path: path.clone(),
            kind: kinds[0],
            major: is_major(path, b, a, &before),
            kinds,
            before: b.map(|e| e.version.clone()),
            after: a.map(|e| e.version.clone()),
            before_used: b.and_then(|e| e.used.clone()),
            after_used: a.and_then(|e| e.used.clone()),
            before_indirect: b.map(|e| e.indirect),
            after_indirect: a.map(|e| e.indirect),
            root,
            carried_by: None,
            causes: Causes {
                before: b.map(|_| before.cause(path)),
                after: a.map(|_| after.cause(path)),
            },
        });
    }
    for which in ["go", "toolchain"] {
        let b = before.main_line(which);
        let a = after.main_line(which);
        if b.as_ref().map(|x| &x.0) == a.as_ref().map(|x| &x.0) {
            continue;
        }
        let kind = if which == "go" {
            ChangeKind::GoVersion
        } else {
            ChangeKind::ToolchainVersion
        };
        let side = |x: &Option<(String, crate::explain::Location)>| {
            x.as_ref().map(|(_, loc)| SideCause {
                directive: Some(loc.clone()),
                ..SideCause::default()
            })
        };
        changes.push(ModuleChange {
            path: which.to_string(),
            kind,
            kinds: vec![kind],
            before: b.as_ref().map(|x| x.0.clone()),
            after: a.as_ref().map(|x| x.0.clone()),
            before_used: None,
            after_used: None,
            before_indirect: None,
            after_indirect: None,
            major: false,
            root: true,
            carried_by: None,
            causes: Causes {
                before: side(&b),
                after: side(&a),
            },
        });
    }
    GraphDiff {
        changes: group(changes),
    }
}

/// The kinds of change between two entries of `path`, most significant first.
fn kinds_of(path: &str, b: Option<&Entry>, a: Option<&Entry>) -> Vec<ChangeKind> {
    let (b, a) = match (b, a) {
        (None, None) => return Vec::new(),
        (None, Some(_)) => return vec![ChangeKind::Added],
        (Some(_), None) => return vec![ChangeKind::Removed],
        (Some(b), Some(a)) => (b, a),
    };
    let mut kinds = Vec::new();
    let (eb, ea) = (b.effective(path), a.effective(path));
    // The used versions decide when both sides use versions of the same
    // module and they differ; else the selected versions (a selected
    // version that moves under an unchanged replacement still moved).
    let used_order = if eb.path == ea.path && !eb.version.is_empty() && !ea.version.is_empty() {
        semver::compare(&ea.version, &eb.version)
    } else {
        Ordering::Equal
    };
    let order = if used_order != Ordering::Equal {
        used_order
    } else if !b.version.is_empty() && !a.version.is_empty() {
        semver::compare(&a.version, &b.version)
    } else {
        Ordering::Equal
    };
    match order {
        Ordering::Less => kinds.push(ChangeKind::Downgraded),
        Ordering::Greater => kinds.push(ChangeKind::Upgraded),
        Ordering::Equal => {}
    }
    match (&b.used, &a.used) {
        (None, Some(_)) => kinds.push(ChangeKind::ReplacementAdded),
        (Some(_), None) => kinds.push(ChangeKind::ReplacementRemoved),
        (Some(x), Some(y)) if x != y => kinds.push(ChangeKind::ReplacementChanged),
        _ => {}
    }
    match (b.indirect, a.indirect) {
        (true, false) => kinds.push(ChangeKind::IndirectToDirect),
        (false, true) => kinds.push(ChangeKind::DirectToIndirect),
        _ => {}
    }
    kinds.sort();
    kinds
}

/// Whether the change crosses a major version: the used versions' majors
/// differ, or an added path is a new major version (`/vN`) of a module
/// whose other major version the base side already had.
fn is_major(path: &str, b: Option<&Entry>, a: Option<&Entry>, before: &Side) -> bool {
    match (b, a) {
        (Some(b), Some(a)) => {
            let (eb, ea) = (b.effective(path), a.effective(path));
            eb.path == ea.path
                && !eb.version.is_empty()
                && !ea.version.is_empty()
                && semver::major(&eb.version) != semver::major(&ea.version)
        }
        (None, Some(_)) => {
            let family = |p: &str| module::split_path_version(p).map(|(prefix, _)| prefix);
            let Some(prefix) = family(path) else {
                return false;
            };
            before
                .entries
                .keys()
                .any(|other| other != path && family(other).as_deref() == Some(prefix.as_str()))
        }
        _ => false,
    }
}

/// Orders the changes: each root change followed by what it carried.
fn group(mut changes: Vec<ModuleChange>) -> Vec<ModuleChange> {
    let changed: BTreeSet<String> = changes.iter().map(|c| c.path.clone()).collect();
    for c in &mut changes {
        if c.root {
            continue;
        }
        // The first changed module on the path from the main module (the
        // head side's path, or the base side's for a removal).
        let path = c
            .causes
            .after
            .as_ref()
            .or(c.causes.before.as_ref())
            .map(|s| s.path.as_slice())
            .unwrap_or_default();
        c.carried_by = path
            .iter()
            .skip(1)
            .filter(|m| m.path != c.path.as_str())
            .find(|m| changed.contains(m.path.as_str()))
            .map(|m| m.path.to_string());
        if c.carried_by.is_none() {
            // Try the other side's path too.
            let other = c
                .causes
                .before
                .as_ref()
                .filter(|_| c.causes.after.is_some())
                .map(|s| s.path.as_slice())
                .unwrap_or_default();
            c.carried_by = other
                .iter()
                .skip(1)
                .filter(|m| m.path != c.path.as_str())
                .find(|m| changed.contains(m.path.as_str()))
                .map(|m| m.path.to_string());
        }
    }
    // Follow carriers to their root so that groups are one level deep.
    let carrier: BTreeMap<String, Option<String>> = changes
        .iter()
        .map(|c| (c.path.clone(), c.carried_by.clone()))
        .collect();
    let top = |start: &str| -> String {
        let mut at = start.to_string();
        let mut seen = BTreeSet::new();
        while let Some(Some(next)) = carrier.get(&at) {
            if !seen.insert(at.clone()) {
                break;
            }
            at = next.clone();
        }
        at
    };
    let mut order: Vec<(String, u8, String, ModuleChange)> = changes
        .into_iter()
        .map(|c| {
            let group = top(&c.path);
            let rank = if group == c.path { 0 } else { 1 };
            (group, rank, c.path.clone(), c)
        })
        .collect();
    // Root changes' groups first, then the groups of changes nothing carried.
    order.sort_by(|x, y| (x.0.as_str(), x.1, x.2.as_str()).cmp(&(y.0.as_str(), y.1, y.2.as_str())));
    let roots: BTreeSet<String> = order
        .iter()
        .filter(|x| x.1 == 0 && x.3.root)
        .map(|x| x.0.clone())
        .collect();
    let (mut first, rest): (Vec<_>, Vec<_>) = order.into_iter().partition(|x| roots.contains(&x.0));
    first.extend(rest);
    first.into_iter().map(|x| x.3).collect()
}

#[doc(hidden)] // internal to the gomvs CLI (takes the loader's Loaded); use Resolution
/// The `go mod graph` lines of `loaded`.
pub fn mod_graph_lines(loaded: &Loaded) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = Vec::new();
    let _ = try_for_each_requirements(&loaded.graph.graph, |m, reqs| {
        for r in reqs {
            line.clear();
            push_module_version(&mut line, m);
            line.push(b' ');
            push_module_version(&mut line, r);
            lines.push(String::from_utf8_lossy(&line).into_owned());
        }
        Ok::<(), std::convert::Infallible>(())
    });
    lines
}

#[doc(hidden)] // internal to the gomvs CLI (takes the loader's Loaded); use Resolution
/// The `go mod graph` lines only one side prints.
pub fn edge_diff(base: &Loaded, head: &Loaded) -> EdgeDiff {
    let before = mod_graph_lines(base);
    let after = mod_graph_lines(head);
    let in_before: BTreeSet<&String> = before.iter().collect();
    let in_after: BTreeSet<&String> = after.iter().collect();
    EdgeDiff {
        added: after
            .iter()
            .filter(|l| !in_before.contains(l))
            .cloned()
            .collect(),
        removed: before
            .iter()
            .filter(|l| !in_after.contains(l))
            .cloned()
            .collect(),
    }
}
