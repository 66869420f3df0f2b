//! Explanations of a finished load, as data: why a version was selected
//! ([`why`]), the effective module tree ([`tree`]) and what every replace
//! directive did ([`replaces`]).
//!
//! Everything here reads what the loader recorded ([`Loaded`]): the
//! requirement graph, the summary of every go.mod that was read (with the
//! span of each requirement), the replacement table with the origin of each
//! directive, and the roots before and after the root-consistency updates.
//! The types are serde-serializable; their JSON form is documented in
//! `docs/json-schema.md` and is stable within a schema version
//! ([`SCHEMA_VERSION`]). Rendering is the caller's business.

use crate::loader::{Loaded, Session};
use crate::summary::SummarySource;
use gomvs_modfile::ModuleVersion;
use serde::Serialize;

pub mod replaces;
pub mod tree;
pub mod why;

/// The version of the JSON schema of every explanation type.
pub const SCHEMA_VERSION: u32 = 1;

/// Which go.mod (or go.work) a statement is written in, and its line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Location {
    /// The file, as the Go command shows it (relative to the working
    /// directory when shorter), or `path@version/go.mod` for a go.mod
    /// served by a module source.
    pub file: String,
    /// The 1-based line, when the statement is written in the file.
    pub line: Option<u32>,
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{l}", self.file),
            None => f.write_str(&self.file),
        }
    }
}

/// Whether and how a module version's go.mod was read during the load.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
#[non_exhaustive]
pub enum LoadState {
    /// Its go.mod was read; its requirements are edges of the graph.
    Loaded {
        /// Where that go.mod came from (the replacement's, if replaced).
        go_mod: String,
    },
    /// It is a node of the graph but its go.mod was never read: graph
    /// pruning (go ≥ 1.17 dependencies) kept the loader from going there,
    /// so its requirements take no part in the selection.
    NotLoaded,
    /// Reading its go.mod failed.
    Error {
        /// The error text.
        message: String,
    },
    /// A main module (its go.mod is the starting point).
    Main,
    /// A `go` or `toolchain` pseudo-module (no go.mod).
    Synthetic,
}

/// Where a loaded summary's go.mod came from, as text.
pub(crate) fn source_text(session: &Session, source: &SummarySource) -> String {
    match source {
        SummarySource::Module { module } => format!("{module}/go.mod"),
        SummarySource::Directory { file } => session.short_path(file),
        SummarySource::Synthetic => "synthesized".to_string(),
    }
}

#[doc(hidden)] // internal to the gomvs CLI (takes the loader's Loaded); use Resolution
/// The load state of node `m` of the graph.
pub fn load_state(loaded: &Loaded, m: &ModuleVersion) -> LoadState {
    if m.path == "go" || m.path == "toolchain" {
        return LoadState::Synthetic;
    }
    if loaded.session.is_main(&m.path) && m.version.is_empty() {
        return LoadState::Main;
    }
    match loaded.graph.summaries.get(m) {
        None => LoadState::NotLoaded,
        Some(Ok(s)) => LoadState::Loaded {
            go_mod: source_text(&loaded.session, &s.source),
        },
        Some(Err(e)) => LoadState::Error {
            message: e.to_string(),
        },
    }
}

#[doc(hidden)] // internal to the gomvs CLI (takes the loader's Loaded); use Resolution
/// Whether `path` names a pseudo-module (`go`, `toolchain`), which the
/// explanations leave out of trees.
pub fn is_pseudo_module(path: &str) -> bool {
    path == "go" || path == "toolchain"
}

/// The location of the requirement edge `from` → its `position`-th
/// requirement: the require line in the go.mod that was read for `from`.
pub(crate) fn requirement_location(
    loaded: &Loaded,
    by_path: &why::ByPath,
    from: &ModuleVersion,
    position: usize,
    to: &ModuleVersion,
) -> Option<Location> {
    let session = &loaded.session;
    if let Some((i, main)) = session
        .mains
        .iter()
        .enumerate()
        .find(|(_, mm)| mm.module == *from && !session.in_workspace())
    {
        // The main module's edges are the roots: find the require line
        // (indexed: a main go.mod can hold 100,000 requires).
        let line = by_path.main_lines.get(i).and_then(|(exact, first)| {
            exact
                .get(to)
                .or_else(|| first.get(to.path.as_str()))
                .copied()
        });
        return Some(Location {
            file: session.short_path(&main.go_mod_path),
            line,
        });
    }
    let summary = loaded.graph.summaries.get(from)?.as_ref().ok()?;
    let line = summary.require_lines.get(position).copied().flatten();
    Some(Location {
        file: source_text(session, &summary.source),
        line: line.map(std::num::NonZeroU32::get),
    })
}

/// Edit distance between two strings (for "did you mean"), bounded by
/// `limit`: `None` when the distance exceeds it. O(|a|·|b|) with a cap
/// on the input length so adversarial paths cannot blow up.
pub(crate) fn bounded_distance(a: &str, b: &str, limit: usize) -> Option<usize> {
    const MAX_LEN: usize = 256;
    let a: Vec<char> = a.chars().take(MAX_LEN).collect();
    let b: Vec<char> = b.chars().take(MAX_LEN).collect();
    if a.len().abs_diff(b.len()) > limit {
        return None;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        if let Some(first) = cur.first_mut() {
            *first = i + 1;
        }
        let mut row_min = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let sub = prev.get(j).copied().unwrap_or(usize::MAX / 2) + usize::from(ca != cb);
            let del = prev.get(j + 1).copied().unwrap_or(usize::MAX / 2) + 1;
            let ins = cur.get(j).copied().unwrap_or(usize::MAX / 2) + 1;
            let v = sub.min(del).min(ins);
            if let Some(slot) = cur.get_mut(j + 1) {
                *slot = v;
            }
            row_min = row_min.min(v);
        }
        if row_min > limit {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev.last().copied().filter(|d| *d <= limit)
}

#[cfg(test)]
mod tests {
    use super::bounded_distance;

    #[test]
    fn distance() {
        assert_eq!(bounded_distance("kitten", "sitting", 5), Some(3));
        assert_eq!(bounded_distance("abc", "abc", 0), Some(0));
        assert_eq!(bounded_distance("abc", "xyz", 2), None);
        assert_eq!(bounded_distance("", "ab", 2), Some(2));
    }
}
