//! Per-module summaries of go.mod files (`modload.modFileSummary`,
//! `summaryFromModFile`), with the provenance of every requirement.

use gomvs_modfile::gomod::{LaxSummary, ModFile};
use gomvs_modfile::syntax::Span;
use gomvs_modfile::{gover, ErrorList, ModuleVersion, SmolStr};
use std::num::NonZeroU32;
use std::path::PathBuf;

/// Whether a go.mod's dependencies are pruned (go ≥ 1.17), unpruned, or the
/// workspace's union (`modload.modPruning`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Pruning {
    /// Transitive dependencies of go ≥ 1.17 modules are pruned out.
    Pruned,
    /// Nothing is pruned out.
    Unpruned,
    /// Pruned to the union of the workspace modules.
    Workspace,
}

impl Pruning {
    /// `pruningForGoVersion`.
    pub fn for_go_version(go_version: &str) -> Pruning {
        if gover::compare(go_version, gover::EXPLICIT_INDIRECT_VERSION).is_lt() {
            Pruning::Unpruned
        } else {
            Pruning::Pruned
        }
    }
}

/// Where the go.mod behind a summary came from.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SummarySource {
    /// The `.mod` of a module version (the node itself or its module replacement).
    Module {
        /// The module version whose go.mod was read.
        module: ModuleVersion,
    },
    /// The go.mod of a directory (a directory replacement or a workspace module).
    Directory {
        /// The go.mod file.
        file: PathBuf,
    },
    /// Synthesized by the Go command (`go` and `toolchain` nodes).
    Synthetic,
}

/// One retract directive of a summary.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Retraction {
    /// Lowest retracted version.
    pub low: String,
    /// Highest retracted version.
    pub high: String,
    /// The rationale.
    pub rationale: String,
}

/// What a module's go.mod contributes to the graph.
///
/// A large load keeps one summary per loaded go.mod (half a million in a
/// 100k-module unpruned universe), so it holds no syntax: short texts are
/// [`SmolStr`]s (inline up to 23 bytes, no allocation) and each requirement
/// keeps only the line it was written on.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ModSummary {
    /// The module path its go.mod declares (empty when missing).
    pub module: SmolStr,
    /// Its go line (empty when missing).
    pub go_version: SmolStr,
    /// Its toolchain line (empty when missing or ignored).
    pub toolchain: SmolStr,
    /// Pruned when its go line is ≥ 1.17.
    pub pruning: Pruning,
    /// Requirements in file order (duplicates kept), then `go@V` for go ≥ 1.21,
    /// minus requirements on excluded versions.
    pub require: Vec<ModuleVersion>,
    /// For each entry of `require`, the (1-based) line of its require line
    /// in the go.mod (`None` for `go@V`).
    pub require_lines: Vec<Option<NonZeroU32>>,
    /// Requirements dropped because a main module excludes them, with the
    /// spans of the main module's exclude directives.
    pub excluded: Vec<(ModuleVersion, Span)>,
    /// For each entry of `excluded`, the line of the dropped require line.
    pub excluded_require_lines: Vec<Option<NonZeroU32>>,
    /// Its retract directives.
    pub retract: Vec<Retraction>,
    /// Its `// Deprecated:` message.
    pub deprecated: SmolStr,
    /// Where the go.mod came from.
    pub source: SummarySource,
}

impl ModSummary {
    /// The synthesized summary of `go@V` / `toolchain@V` (`rawGoModSummary`).
    pub fn synthetic(m: &ModuleVersion) -> ModSummary {
        let mut require = Vec::new();
        if m.path == "go" && gover::compare(&m.version, gover::GO_STRICT_VERSION).is_ge() {
            require.push(ModuleVersion::new("toolchain", format!("go{}", m.version)));
        }
        let lines = vec![None; require.len()];
        ModSummary {
            module: m.path.clone(),
            go_version: SmolStr::default(),
            toolchain: SmolStr::default(),
            pruning: Pruning::Pruned,
            require,
            require_lines: lines,
            excluded: Vec::new(),
            excluded_require_lines: Vec::new(),
            retract: Vec::new(),
            deprecated: SmolStr::default(),
            source: SummarySource::Synthetic,
        }
    }

    /// Parses a dependency's go.mod laxly (`modfile.ParseLax`) and
    /// summarizes it, without the too-new check. The common well-formed
    /// go.mod is read by the fast path
    /// ([`gomvs_modfile::gomod::lax_summary`]); anything else, and every
    /// error, goes through the full lax parser (`file` names the go.mod in
    /// its errors).
    pub fn parse_lax(
        file: &str,
        data: &[u8],
        source: SummarySource,
    ) -> Result<ModSummary, ErrorList> {
        match gomvs_modfile::gomod::lax_summary(data) {
            Some(fast) => Ok(Self::from_lax_summary(&fast, source)),
            None => {
                gomvs_modfile::gomod::parse_lax(file, data).map(|f| Self::from_mod_file(&f, source))
            }
        }
    }

    /// `summaryFromModFile` without the too-new check (the caller does it).
    pub fn from_mod_file(f: &ModFile, source: SummarySource) -> ModSummary {
        Self::build(
            f.module.as_ref().map_or("", |m| &m.path),
            f.module.as_ref().map_or("", |m| &m.deprecated),
            f.go.as_ref().map_or("", |g| &g.version),
            f.toolchain.as_ref().map_or("", |t| &t.name),
            f.require
                .iter()
                .map(|r| (&r.module, NonZeroU32::new(r.span.start.line))),
            f.retract
                .iter()
                .map(|r| Retraction {
                    low: r.low.clone(),
                    high: r.high.clone(),
                    rationale: r.rationale.clone(),
                })
                .collect(),
            source,
        )
    }

    /// The summary of a go.mod read by the fast path
    /// ([`gomvs_modfile::gomod::lax_summary`]): the same as
    /// [`ModSummary::from_mod_file`] of its `parse_lax` result (a file in the
    /// fast subset has no toolchain a lax parse keeps, no retractions and no
    /// deprecation).
    pub fn from_lax_summary(s: &LaxSummary, source: SummarySource) -> ModSummary {
        Self::build(
            &s.module,
            "",
            &s.go,
            "",
            s.require
                .iter()
                .map(|(m, line)| (m, NonZeroU32::new(*line))),
            Vec::new(),
            source,
        )
    }

    fn build<'a>(
        module: &str,
        deprecated: &str,
        go_version: &str,
        toolchain: &str,
        requires: impl ExactSizeIterator<Item = (&'a ModuleVersion, Option<NonZeroU32>)>,
        retract: Vec<Retraction>,
        source: SummarySource,
    ) -> ModSummary {
        let go_version = SmolStr::new(go_version);
        let pruning = if go_version.is_empty() {
            Pruning::Unpruned
        } else {
            Pruning::for_go_version(&go_version)
        };
        let mut require = Vec::with_capacity(requires.len() + 1);
        let mut require_lines = Vec::with_capacity(requires.len() + 1);
        for (m, line) in requires {
            require.push(m.clone());
            require_lines.push(line);
        }
        if !go_version.is_empty() && gover::compare(&go_version, gover::GO_STRICT_VERSION).is_ge() {
            require.push(ModuleVersion::new("go", go_version.clone()));
            require_lines.push(None);
        }
        ModSummary {
            module: SmolStr::new(module),
            go_version,
            toolchain: SmolStr::new(toolchain),
            pruning,
            require,
            require_lines,
            excluded: Vec::new(),
            excluded_require_lines: Vec::new(),
            retract,
            deprecated: SmolStr::new(deprecated),
            source,
        }
    }
}
