//! Module sources: where go.mod, .info and version lists come from.
//!
//! [`ModuleSource`] is the one trait embedders implement. The Go command's own
//! lookup order (module cache first, then each GOPROXY entry with `,`/`|`
//! fallback) is [`GoSources`], built from a [`crate::env::GoEnv`].
//!
//! Implementations: [`ProxyDir`] (one `file://` GOPROXY directory),
//! [`ModCache`] (`$GOMODCACHE/cache/download`), [`MemorySource`] (in-memory
//! proxy tree, for tests and embedders), [`GoSources`] (the Go command's
//! composition of all of them, memoized), [`Memoized`] (memoizing wrapper).
//! None of them ever writes a file.

use gomvs_modfile::ModuleVersion;
use std::sync::Arc;

mod gocache;
mod gojson;
mod gosources;
#[doc(hidden)] // internal to the gomvs CLI; not covered by semver
pub mod gotime;
mod memo;
mod proxy;

/// GOPROXY entry URLs, read with the environment ([`crate::env::proxyurl`]).
#[doc(hidden)] // internal to the gomvs CLI; not covered by semver
pub use crate::env::proxyurl;
#[doc(hidden)] // internal to the gomvs CLI; not covered by semver
pub use crate::gopath::short_path;
#[doc(hidden)] // internal to the gomvs CLI; not covered by semver
pub use gocache::{read_dir_go_mod, ModCache};
pub use gosources::{FetchFile, GoSources, Trace, TraceStep};
#[doc(hidden)] // internal to the gomvs CLI; not covered by semver
pub use memo::{Memoized, OnceMap};
pub use proxy::{MemorySource, MemorySourceBuilder, ProxyDir};

/// Metadata of one module version, from a `.info` file (`modfetch.RevInfo`).
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct RevInfo {
    /// The canonical version.
    pub version: String,
    /// The commit time exactly as Go prints it in `go list -m -json`
    /// (RFC 3339 with nanoseconds trimmed; `0001-01-01T00:00:00Z` when absent).
    pub time: String,
    /// The provenance the `.info` file recorded (`RevInfo.Origin`), if any.
    #[serde(skip)]
    pub origin: Option<Origin>,
}

/// `codehost.Origin`: where a module version came from, as a `.info` file
/// records it (proxies that fetched from a VCS keep it). Fields are in Go's
/// order and omitted when empty, as `go list -m -json` prints them.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct Origin {
    /// `VCS` ("git" etc).
    #[serde(rename = "VCS", skip_serializing_if = "String::is_empty")]
    pub vcs: String,
    /// `URL` of the repository.
    #[serde(rename = "URL", skip_serializing_if = "String::is_empty")]
    pub url: String,
    /// `Subdir` in the repository.
    #[serde(rename = "Subdir", skip_serializing_if = "String::is_empty")]
    pub subdir: String,
    /// `Hash`: commit hash or ID.
    #[serde(rename = "Hash", skip_serializing_if = "String::is_empty")]
    pub hash: String,
    /// `TagPrefix`.
    #[serde(rename = "TagPrefix", skip_serializing_if = "String::is_empty")]
    pub tag_prefix: String,
    /// `TagSum`.
    #[serde(rename = "TagSum", skip_serializing_if = "String::is_empty")]
    pub tag_sum: String,
    /// `Ref`, e.g. `refs/tags/v1.2.3`.
    #[serde(rename = "Ref", skip_serializing_if = "String::is_empty")]
    pub ref_name: String,
    /// `RepoSum`.
    #[serde(rename = "RepoSum", skip_serializing_if = "String::is_empty")]
    pub repo_sum: String,
}

impl Origin {
    /// The fields in Go's declaration order, with their names.
    pub fn fields(&self) -> [(&'static str, &str); 8] {
        [
            ("VCS", &self.vcs),
            ("URL", &self.url),
            ("Subdir", &self.subdir),
            ("Hash", &self.hash),
            ("TagPrefix", &self.tag_prefix),
            ("TagSum", &self.tag_sum),
            ("Ref", &self.ref_name),
            ("RepoSum", &self.repo_sum),
        ]
    }
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

/// A failed lookup, carrying the exact text the Go command prints for it.
///
/// `message` is the inner text, e.g. `reading file:///p/example.com/a/@v/v1.0.0.mod:
/// no such file or directory`. When Go wraps the error in a
/// `module.ModuleError` (every error a proxy returns for a module), `module`
/// names that module and the full text is `path@version: message` (or
/// `module path: message` when the version is empty). Errors Go returns
/// unwrapped (`module lookup disabled by GOPROXY=off`, GOPROXY list errors,
/// malformed module paths) have `module == None`.
///
/// `Display` prints the full text ([`FetchError::go_text`]); use
/// [`FetchError::in_context`] to render it the way `module.VersionError`
/// does when the graph loader attributes it to a module version.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.go_text())]
pub struct FetchError {
    /// The class of failure.
    pub kind: FetchErrorKind,
    /// Go's message for it (without the module prefix, see [`FetchError::module`]).
    pub message: String,
    /// The module of the `module.ModuleError` wrapping it, if any.
    pub module: Option<ModuleVersion>,
}

impl FetchError {
    /// A "not found" error with Go's text and no module wrapping.
    pub fn not_found(message: impl Into<String>) -> FetchError {
        FetchError {
            kind: FetchErrorKind::NotFound,
            message: message.into(),
            module: None,
        }
    }

    /// Any other error with Go's text and no module wrapping.
    pub fn other(message: impl Into<String>) -> FetchError {
        FetchError {
            kind: FetchErrorKind::Other,
            message: message.into(),
            module: None,
        }
    }

    /// This error wrapped in a `module.ModuleError` for `path@version`.
    pub fn for_module(mut self, path: &str, version: &str) -> FetchError {
        self.module = Some(ModuleVersion::new(path, version));
        self
    }

    /// Whether it is a "not found" error (`errors.Is(err, fs.ErrNotExist)`).
    pub fn is_not_found(&self) -> bool {
        self.kind == FetchErrorKind::NotFound
    }

    /// The full text of the error as Go's `Error()` prints it.
    pub fn go_text(&self) -> String {
        match &self.module {
            None => self.message.clone(),
            Some(m) if m.version.is_empty() => format!("module {}: {}", m.path, self.message),
            Some(m) => format!("{}@{}: {}", m.path, m.version, self.message),
        }
    }

    /// The text of `module.VersionError(m, err)`: the error prefixed with
    /// `m.path@m.version: ` unless it already is a module error for exactly `m`.
    pub fn in_context(&self, m: &ModuleVersion) -> String {
        if self.module.as_ref() == Some(m) {
            return self.go_text();
        }
        format!("{m}: {}", self.go_text())
    }
}

/// Something that can answer the module proxy protocol for one module path.
///
/// Errors carry Go's exact texts (see [`FetchError`]). Versions passed in are
/// expected to be canonical (the graph loader only asks for those).
pub trait ModuleSource: Send + Sync {
    /// The bytes of `m`'s go.mod (`@v/V.mod`).
    fn go_mod(&self, m: &ModuleVersion) -> Result<Arc<[u8]>, FetchError>;
    /// `m`'s `.info`.
    fn info(&self, m: &ModuleVersion) -> Result<RevInfo, FetchError>;
    /// The versions of `@v/list` that are valid, non-pseudo semantic
    /// versions, sorted as `semver.Sort` does (what `Repo.Versions` returns).
    fn versions(&self, path: &str) -> Result<Vec<String>, FetchError>;
    /// The `@latest` answer.
    fn latest(&self, path: &str) -> Result<RevInfo, FetchError>;
    /// The bytes of `m`'s module zip (`@v/V.zip`), for its `h1:` hash
    /// (`go get` records it in go.sum). Sources without zips say so.
    fn zip(&self, m: &ModuleVersion) -> Result<Arc<[u8]>, FetchError> {
        Err(FetchError::not_found(format!(
            "{}@{}: gomvs: this module source has no zip files",
            m.path, m.version
        )))
    }
}

impl<S: ModuleSource + ?Sized> ModuleSource for Arc<S> {
    fn go_mod(&self, m: &ModuleVersion) -> Result<Arc<[u8]>, FetchError> {
        (**self).go_mod(m)
    }
    fn info(&self, m: &ModuleVersion) -> Result<RevInfo, FetchError> {
        (**self).info(m)
    }
    fn versions(&self, path: &str) -> Result<Vec<String>, FetchError> {
        (**self).versions(path)
    }
    fn latest(&self, path: &str) -> Result<RevInfo, FetchError> {
        (**self).latest(path)
    }
    fn zip(&self, m: &ModuleVersion) -> Result<Arc<[u8]>, FetchError> {
        (**self).zip(m)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn e31_version_error_does_not_double_prefix() {
        let e = FetchError::not_found(
            "reading file:///p/example.com/a/@v/v1.9.9.mod: no such file or directory",
        )
        .for_module("example.com/a", "v1.9.9");
        let m = ModuleVersion::new("example.com/a", "v1.9.9");
        assert_eq!(
            e.in_context(&m),
            "example.com/a@v1.9.9: reading file:///p/example.com/a/@v/v1.9.9.mod: no such file or directory"
        );
    }

    #[test]
    fn e31_goproxy_off_is_prefixed_only_in_context() {
        let e = FetchError::not_found("module lookup disabled by GOPROXY=off");
        assert_eq!(e.to_string(), "module lookup disabled by GOPROXY=off");
        let m = ModuleVersion::new("example.com/a", "v1.9.9");
        assert_eq!(
            e.in_context(&m),
            "example.com/a@v1.9.9: module lookup disabled by GOPROXY=off"
        );
    }

    #[test]
    fn versions_error_reads_module_path() {
        let e = FetchError::not_found("reading x: no such file or directory")
            .for_module("example.com/a", "");
        assert_eq!(
            e.to_string(),
            "module example.com/a: reading x: no such file or directory"
        );
    }
}
