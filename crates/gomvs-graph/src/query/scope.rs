//! What a query consults of the main modules: their replacements,
//! exclusions and build mode, and the go.mod summaries they load. A loader
//! session ([`crate::loader::Session`]) is one; the query layer sits below
//! the loader (the main go.mod's version fixer queries while it loads) and
//! names only this trait.

use crate::env::BuildMod;
use crate::error::SummaryError;
use crate::replace::ReplaceRule;
use crate::source::ModuleSource;
use crate::summary::ModSummary;
use gomvs_modfile::ModuleVersion;
use std::sync::Arc;

/// The main-module context of a [`super::Querier`] (`modload`'s global
/// state as `Query` reads it).
pub trait QueryScope: Sync {
    /// The module source queries read.
    fn source(&self) -> &Arc<dyn ModuleSource>;
    /// Whether `path` is a main module's path.
    fn is_main(&self, path: &str) -> bool;
    /// The effective build mode and why it was chosen (`cfg.BuildMod`,
    /// `modload`'s vendor reasons; empty when there is nothing to say).
    fn build_mode(&self) -> (BuildMod, &str);
    /// Whether a main module excludes `m`.
    fn is_excluded(&self, m: &ModuleVersion) -> bool;
    /// The replacement of `m` (`modload.Replacement`), if any.
    fn replacement(&self, m: &ModuleVersion) -> Option<ReplaceRule>;
    /// The highest version of `path` replaced by a main module (`""` for a
    /// wildcard replacement), if any (`replacementRepo.Latest`).
    fn highest_replaced(&self, path: &str) -> Option<&str>;
    /// The left sides of the main modules' replace directives, main module
    /// by main module (`replacementRepo.Versions`).
    fn replaced_modules(&self) -> Box<dyn Iterator<Item = &ModuleVersion> + '_>;
    /// `rawGoModSummary`: the go.mod summary of `m` (or of its replacement).
    fn raw_summary(&self, m: &ModuleVersion) -> Result<Arc<ModSummary>, SummaryError>;
}
