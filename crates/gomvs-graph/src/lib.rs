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

// Internal to the gomvs CLI; not covered by semver (see docs/api.md).
#[doc(hidden)]
pub mod check;
pub(crate) mod collections;
pub mod diff;
// Internal to the gomvs CLI; not covered by semver (see docs/api.md).
#[doc(hidden)]
pub mod env;
pub(crate) mod error;
pub mod explain;
pub mod files;
pub(crate) mod fixer;
// Internal to the gomvs CLI; not covered by semver (see docs/api.md).
#[doc(hidden)]
pub mod get;
pub(crate) mod godebug;
mod godebug_table;
// Internal to the gomvs CLI; not covered by semver (see docs/api.md).
#[doc(hidden)]
pub mod goerr;
// Internal to the gomvs CLI; not covered by semver (see docs/api.md).
#[doc(hidden)]
pub mod gopath;
// Internal to the gomvs CLI; not covered by semver (see docs/api.md).
#[doc(hidden)]
pub mod listing;
// Internal to the gomvs CLI; not covered by semver (see docs/api.md).
#[doc(hidden)]
pub mod loader;
// Internal to the gomvs CLI; not covered by semver (see docs/api.md).
#[doc(hidden)]
pub mod modgraph;
// Internal to the gomvs CLI; not covered by semver (see docs/api.md).
#[doc(hidden)]
pub mod mvs;
// Internal to the gomvs CLI; not covered by semver (see docs/api.md).
#[doc(hidden)]
pub mod query;
pub(crate) mod replace;
pub(crate) mod requirements;
pub mod resolution;
pub mod source;
pub(crate) mod summary;
// Internal to the gomvs CLI; not covered by semver (see docs/api.md).
#[doc(hidden)]
pub mod upgrades;
// Internal to the gomvs CLI; not covered by semver (see docs/api.md).
#[doc(hidden)]
pub mod verify;

pub use check::policy::Severity;
pub use gomvs_modfile::{ModuleVersion, Version};
pub use resolution::{
    Diagnostic, DiagnosticCode, LoadError, LoadErrorKind, LoadOptions, ModuleSet, Resolution,
};
