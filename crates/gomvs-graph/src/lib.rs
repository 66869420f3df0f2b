//! `gomvs-graph`: the semantic layer of gomvs.
//!
//! Loads the module graph exactly as the Go command does (`cmd/go/internal/
//! modload`, `mvs`, `modfetch`), offline, from module sources (file://
//! GOPROXY directories, the module cache, directory replacements, memory),
//! and records every replace, exclude and pruning decision as data.
//!
//! # The embedding API
//!
//! Start at [`Resolution`]: [`Resolution::load`] with [`LoadOptions`] loads
//! the build list as `go list -m all` does; the resolution answers
//! [`selected`](Resolution::selected), [`build_list`](Resolution::build_list),
//! forward and reverse queries ([`ModuleSet`]), and the `why`, `tree`,
//! `replaces` and `diff` reports ([`explain`], [`diff`]). Errors are
//! [`LoadError`]s whose text is go's; notes and warnings are
//! [`Diagnostic`]s. Main modules' files and module sources can live in
//! memory ([`files::MemoryFiles`], [`source::MemorySource`]).
//!
//! ```
//! # let res = gomvs_graph::resolution::doc_example();
//! // res: a Resolution (see Resolution::load)
//! let needs_b = res.query_reverse(["example.com/b"]);
//! assert!(needs_b.contains("example.com/a"));
//! ```
//!
//! The modules documented here, and the root re-exports, are the public
//! API, covered by semver (docs/api.md). Other public modules are internal
//! to the gomvs command line: hidden from the documentation and not covered
//! by semver.
#![warn(missing_docs)]

// The public API (docs/api.md).
pub mod diff;
pub mod explain;
pub mod files;
pub mod resolution;
pub mod source;

// Internal to the gomvs CLI, which still calls them: hidden from the
// documentation and not covered by semver (docs/api.md, "Known gaps").
#[doc(hidden)]
pub mod check;
#[doc(hidden)]
pub mod doctor;
#[doc(hidden)]
pub mod env;
#[doc(hidden)]
pub mod get;
#[doc(hidden)]
pub mod goerr;
#[doc(hidden)]
pub mod gopath;
#[doc(hidden)]
pub mod listing;
#[doc(hidden)]
pub mod loader;
#[doc(hidden)]
pub mod modgraph;
#[doc(hidden)]
pub mod mvs;
#[doc(hidden)]
pub mod query;
#[doc(hidden)]
pub mod upgrades;
#[doc(hidden)]
pub mod verify;

// Internal to this crate.
pub(crate) mod collections;
pub(crate) mod error;
pub(crate) mod fixer;
pub(crate) mod godebug;
mod godebug_table;
pub(crate) mod parallel;
pub(crate) mod replace;
pub(crate) mod requirements;
pub(crate) mod summary;

pub use check::policy::Severity;
pub use gomvs_modfile::{ModuleVersion, Version};
pub use resolution::{
    Diagnostic, DiagnosticCode, LoadError, LoadErrorKind, LoadOptions, ModuleSet, Resolution,
};
