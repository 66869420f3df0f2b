//! go.sum and module cache checks, as data: [`verify_modules`] is exactly
//! what `go mod verify` checks (`modcmd/verify.go`), and [`sum_coverage`]
//! says which go.sum lines the module-graph load needs and lacks and which
//! ones `go mod tidy` would drop, as far as the module graph decides it.
//!
//! Both read a finished [`Loaded`](crate::loader::Loaded): load with [`GoCommand::ModVerify`]
//! (`-mod=mod` semantics, as `go mod verify` loads), so that a missing go.sum
//! line does not stop the load. gomvs never writes: the module cache and
//! go.sum are only read.
//!
//! [`GoCommand::ModVerify`]: crate::loader::GoCommand::ModVerify

mod coverage;
mod modules;

pub use coverage::{
    sum_coverage, MissingSum, StaleReason, StaleSum, SumCoverage, SumKind, TidyJudgement,
    UnjudgedReason, UnjudgedSum,
};
pub use modules::{
    verify_modules, ModuleVerification, SumComparison, SumStatus, VerifyOutcome, VerifyProblem,
    VerifyProblemKind, VerifyReport,
};

use gomvs_modfile::gosum::{GoSumEntry, SumFiles};
use std::collections::HashMap;

/// One go.sum line: which file, which line, and what it records.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SumLine {
    /// The go.sum file, as the loader named it (an absolute path).
    pub file: String,
    /// 1-based line number.
    pub line: usize,
    /// The module path field.
    pub path: String,
    /// The version field as written (with `/go.mod` for a go.mod line).
    pub version: String,
    /// The hash field (`h1:...`, or a hash of an unknown algorithm).
    pub hash: String,
}

impl SumLine {
    fn of(file: &str, e: &GoSumEntry) -> SumLine {
        SumLine {
            file: file.to_string(),
            line: e.line,
            path: e.path.clone(),
            version: e.version.clone(),
            hash: e.hash.clone(),
        }
    }
}

/// Every kept line of the sum files by key (path, version field), in the
/// order Go consults them: the main file first, then the workspace files.
pub(crate) struct SumIndex<'a> {
    by_key: HashMap<(String, String), Vec<(&'a str, &'a GoSumEntry)>>,
}

impl<'a> SumIndex<'a> {
    pub(crate) fn new(files: &'a SumFiles) -> SumIndex<'a> {
        let mut by_key: HashMap<(String, String), Vec<(&str, &GoSumEntry)>> = HashMap::new();
        for f in std::iter::once(&files.main).chain(files.workspace.iter()) {
            for e in f.entries() {
                by_key
                    .entry((e.path.clone(), e.version.clone()))
                    .or_default()
                    .push((f.file_name(), e));
            }
        }
        SumIndex { by_key }
    }

    /// The lines recorded for the key, in consultation order.
    pub(crate) fn lines(&self, path: &str, version: &str) -> &[(&'a str, &'a GoSumEntry)] {
        self.by_key
            .get(&(path.to_string(), version.to_string()))
            .map_or(&[][..], Vec::as_slice)
    }

    /// `haveModSumLocked`'s comparison of the hash `h` with the recorded
    /// ones: the first line holding `h` before any other `h1:` hash matches;
    /// the first other `h1:` line is a mismatch; no `h1:` line is "not recorded".
    pub(crate) fn compare(
        &self,
        path: &str,
        version: &str,
        h: &str,
    ) -> (SumStatus, Option<SumLine>) {
        for (file, e) in self.lines(path, version) {
            if e.hash == h {
                return (SumStatus::Match, Some(SumLine::of(file, e)));
            }
            if e.is_h1() {
                return (SumStatus::Mismatch, Some(SumLine::of(file, e)));
            }
        }
        (SumStatus::NotRecorded, None)
    }

    /// The first `h1:` line of the key (what a comparison would use).
    pub(crate) fn first_h1(&self, path: &str, version: &str) -> Option<SumLine> {
        self.lines(path, version)
            .iter()
            .find(|(_, e)| e.is_h1())
            .map(|(f, e)| SumLine::of(f, e))
    }
}
