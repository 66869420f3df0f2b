//! `gomvs-modfile`: the syntax layer of gomvs.
//!
//! Parses `go.mod`, `go.work` and `go.sum` files losslessly (every node keeps
//! its position), and implements Go's module version and path rules exactly
//! as `golang.org/x/mod` (semver, module, modfile, sumdb/dirhash) and the Go
//! command's `gover` package do. Apart from [`fsread`] (the one bounded file reader every crate uses) and
//! directory hashing, it performs no I/O: callers hand in bytes.
#![warn(missing_docs)]

pub mod dirhash;
pub mod edit;
pub mod error;
pub mod fsread;
pub mod gomod;
pub mod gosum;
pub mod gover;
pub mod gowork;
pub mod module;
pub mod position;
pub mod pseudo;
pub mod semver;
pub mod syntax;
pub mod version;

pub use error::{Error, ErrorList};
pub use gomod::{parse, parse_lax, ModFile, VersionFixer};
pub use gowork::{parse_work, WorkFile};
pub use module::{ModuleVersion, SmolStr};
pub use version::Version;
