//! `gomvs-graph`: the semantic layer of gomvs.
//!
//! Loads the module graph exactly as the Go command does (`cmd/go/internal/
//! modload`, `mvs`, `modfetch`), offline, from module sources (file://
//! GOPROXY directories, the module cache, directory replacements, memory),
//! and records every replace, exclude and pruning decision as data.
#![warn(missing_docs)]

pub mod check;
pub mod collections;
pub mod diff;
pub mod env;
pub mod error;
pub mod explain;
pub mod files;
pub mod fixer;
pub mod get;
pub mod godebug;
mod godebug_table;
pub mod goerr;
pub mod gopath;
pub mod listing;
pub mod loader;
pub mod modgraph;
pub mod mvs;
pub mod query;
pub mod replace;
pub mod requirements;
pub mod resolution;
pub mod source;
pub mod summary;
pub mod upgrades;
pub mod verify;

pub use gomvs_modfile::{ModuleVersion, Version};
pub use resolution::{
    Diagnostic, DiagnosticCode, LoadError, LoadErrorKind, LoadOptions, ModuleSet, Resolution,
};
