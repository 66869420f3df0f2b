//! Module sources: where go.mod, .info and version lists come from.
//!
//! [`ModuleSource`] is the one trait embedders implement. The Go command's own
//! lookup order (module cache first, then each GOPROXY entry with `,`/`|`
//! fallback) is [`GoSources`], built from a [`crate::env::GoEnv`].

use gomvs_modfile::ModuleVersion;
use std::sync::Arc;

/// Metadata of one module version, from a `.info` file (`modfetch.RevInfo`).
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct RevInfo {
    /// The canonical version.
    pub version: String,
    /// The commit time exactly as Go prints it in `go list -m -json`
    /// (RFC 3339 with nanoseconds trimmed; `0001-01-01T00:00:00Z` when absent).
    pub time: String,
}

/// Whether a failed lookup means "not there" (a proxy list falls through to
/// the next entry after `,`) or something else (only `|` falls through).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FetchErrorKind {
    /// 404/410 or a missing file.
    NotFound,
    /// Any other failure (bad JSON, unreadable file, lookup disabled...).
    Other,
}

/// A failed lookup, carrying the exact text the Go command prints for it,
/// e.g. `reading file:///p/example.com/a/@v/v1.0.0.mod: no such file or directory`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct FetchError {
    /// The class of failure.
    pub kind: FetchErrorKind,
    /// Go's message for it.
    pub message: String,
}

/// Something that can answer the module proxy protocol for one module path.
pub trait ModuleSource: Send + Sync {
    /// The bytes of `m`'s go.mod (`@v/V.mod`).
    fn go_mod(&self, m: &ModuleVersion) -> Result<Arc<[u8]>, FetchError>;
    /// `m`'s `.info`.
    fn info(&self, m: &ModuleVersion) -> Result<RevInfo, FetchError>;
    /// The lines of `@v/list` that are valid, non-pseudo semantic versions, in file order.
    fn versions(&self, path: &str) -> Result<Vec<String>, FetchError>;
    /// The `@latest` answer.
    fn latest(&self, path: &str) -> Result<RevInfo, FetchError>;
}
