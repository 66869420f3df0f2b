//! Errors of the MVS algorithms, printed exactly as Go prints them
//! (`mvs/errors.go`, `module.ModuleError`, `module.VersionError`).

use gomvs_modfile::module::quote;
use gomvs_modfile::ModuleVersion;
use std::fmt::{Display, Write as _};

/// What [`BuildListError`] needs to know about the errors a
/// [`Reqs`](super::Reqs) returns: whether they are (or wrap) Go's
/// `*module.ModuleError` or `*module.InvalidVersionError`, which changes how
/// the error is printed. Every method has a default for opaque errors, so an
/// error type that is neither needs only `impl GoErrorChain for T {}`.
pub trait GoErrorChain: std::error::Error {
    /// `err.(*module.ModuleError)`: this error itself is a module error.
    fn as_module_error(&self) -> Option<ModuleErrorRef<'_>> {
        None
    }

    /// `errors.As(err, &*module.ModuleError)`: the path and version of the
    /// first module error in this error's wrap chain, this error included.
    fn find_module_error(&self) -> Option<(&str, &str)> {
        self.as_module_error().map(|m| (m.path, m.version))
    }

    /// `err.(*module.InvalidVersionError)`: this error itself is an invalid
    /// version error.
    fn as_invalid_version_error(&self) -> Option<InvalidVersionRef<'_>> {
        None
    }
}

/// A borrowed view of a `module.ModuleError`.
#[derive(Clone, Copy)]
pub struct ModuleErrorRef<'a> {
    /// The module path.
    pub path: &'a str,
    /// The module version (may be empty).
    pub version: &'a str,
    /// The wrapped error (printed with `%v`).
    pub err: &'a dyn Display,
    /// The wrapped error when it is a `*module.InvalidVersionError`.
    pub invalid_version: Option<InvalidVersionRef<'a>>,
}

/// A borrowed view of a `module.InvalidVersionError`.
#[derive(Clone, Copy)]
pub struct InvalidVersionRef<'a> {
    /// The invalid version.
    pub version: &'a str,
    /// Whether it is a pseudo-version (the noun is then "pseudo-version").
    pub pseudo: bool,
    /// The reason.
    pub err: &'a dyn Display,
}

impl InvalidVersionRef<'_> {
    fn noun(&self) -> &'static str {
        noun(self.pseudo)
    }
}

/// `(*module.InvalidVersionError).noun`.
fn noun(pseudo: bool) -> &'static str {
    if pseudo {
        "pseudo-version"
    } else {
        "version"
    }
}

/// A plain error message (Go's `errors.New` / `fmt.Errorf` without `%w`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct TextError(pub String);

impl GoErrorChain for TextError {}

/// `module.ModuleError`: an error about a specific module version.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.render())]
pub struct ModuleError {
    /// The module path.
    pub path: String,
    /// The version (may be empty).
    pub version: String,
    /// The underlying error.
    pub err: Box<dyn GoErrorChain + Send + Sync>,
}

impl ModuleError {
    fn render(&self) -> String {
        let invalid_version = self.err.as_invalid_version_error();
        render_module_error(&self.path, &self.version, &self.err, invalid_version)
    }
}

impl GoErrorChain for ModuleError {
    fn as_module_error(&self) -> Option<ModuleErrorRef<'_>> {
        Some(ModuleErrorRef {
            path: &self.path,
            version: &self.version,
            err: &self.err,
            invalid_version: self.err.as_invalid_version_error(),
        })
    }
}

/// `module.InvalidVersionError`: an error about a version string.
#[derive(Debug, thiserror::Error)]
#[error("{} {} invalid: {}", noun(self.pseudo), quote(&self.version), self.err)]
pub struct InvalidVersionError {
    /// The version.
    pub version: String,
    /// Whether it is a pseudo-version.
    pub pseudo: bool,
    /// The reason.
    pub err: Box<dyn GoErrorChain + Send + Sync>,
}

impl GoErrorChain for InvalidVersionError {
    fn as_invalid_version_error(&self) -> Option<InvalidVersionRef<'_>> {
        Some(InvalidVersionRef {
            version: &self.version,
            pseudo: self.pseudo,
            err: &self.err,
        })
    }
}

/// `(*module.ModuleError).Error`.
fn render_module_error(
    path: &str,
    version: &str,
    err: &dyn Display,
    invalid_version: Option<InvalidVersionRef<'_>>,
) -> String {
    if let Some(iv) = invalid_version {
        return format!("{path}@{}: invalid {}: {}", iv.version, iv.noun(), iv.err);
    }
    if !version.is_empty() {
        return format!("{path}@{version}: {err}");
    }
    format!("module {path}: {err}")
}

/// The text of `module.VersionError(m, err)`.
fn render_version_error(m: &ModuleVersion, err: &dyn GoErrorChain) -> String {
    if err.find_module_error() == Some((m.path.as_str(), m.version.as_str())) {
        return err.to_string();
    }
    render_module_error(&m.path, &m.version, err, err.as_invalid_version_error())
}

/// One element of a [`BuildListError`]'s requirement path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildListStep {
    /// The module version.
    pub module: ModuleVersion,
    /// Why it leads to the next element: `"requires"` or `"updating to"`;
    /// empty for the last element.
    pub next_reason: &'static str,
}

/// Whether a step `from -> to` of a requirement path is an explicit version
/// change ("updating to") rather than a requirement ("requires").
pub type IsVersionChange<'a> = &'a dyn Fn(&ModuleVersion, &ModuleVersion) -> bool;

/// `mvs.BuildListError`: an error loading the requirements of a module,
/// with the requirement path from the target to that module.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.render())]
pub struct BuildListError<E: GoErrorChain + 'static> {
    #[source]
    err: E,
    stack: Vec<BuildListStep>,
}

impl<E: GoErrorChain + 'static> BuildListError<E> {
    /// `mvs.NewBuildListError`: `err` happened at the last module of `path`
    /// (which should be non-empty); `is_version_change(from, to)` tells
    /// whether a step is an explicit upgrade or downgrade ("updating to")
    /// rather than a requirement ("requires").
    pub fn new(
        err: E,
        path: &[ModuleVersion],
        is_version_change: Option<IsVersionChange<'_>>,
    ) -> Self {
        let mut stack = Vec::with_capacity(path.len());
        for pair in path.windows(2) {
            if let [from, to] = pair {
                let change = is_version_change.is_some_and(|f| f(from, to));
                stack.push(BuildListStep {
                    module: from.clone(),
                    next_reason: if change { "updating to" } else { "requires" },
                });
            }
        }
        if let Some(last) = path.last() {
            stack.push(BuildListStep {
                module: last.clone(),
                next_reason: "",
            });
        }
        BuildListError { err, stack }
    }

    /// `(*BuildListError).Module`: the module where the error occurred (the
    /// zero module if the path was empty).
    pub fn module(&self) -> ModuleVersion {
        self.stack
            .last()
            .map(|s| s.module.clone())
            .unwrap_or_else(|| ModuleVersion::new("", ""))
    }

    /// The requirement path, target first.
    pub fn stack(&self) -> &[BuildListStep] {
        &self.stack
    }

    /// The underlying error (`Unwrap`).
    pub fn err(&self) -> &E {
        &self.err
    }

    /// Consumes the error, returning the underlying error.
    pub fn into_err(self) -> E {
        self.err
    }

    /// `(*BuildListError).Error`.
    fn render(&self) -> String {
        let mut b = String::new();
        // Leading modules without a version are main modules: not printed.
        let first = self
            .stack
            .iter()
            .position(|s| !s.module.version.is_empty())
            .unwrap_or(self.stack.len());
        let stack = self.stack.get(first..).unwrap_or(&[]);
        let Some((last, init)) = stack.split_last() else {
            return self.err.to_string();
        };
        for elem in init {
            let _ = write!(b, "{} {}\n\t", elem.module, elem.next_reason);
        }
        let m = &last.module;
        if let Some(me) = self.err.as_module_error() {
            let mut actual_version = me.version;
            if let Some(iv) = me.invalid_version {
                actual_version = iv.version;
            }
            if me.path == m.path && actual_version == m.version {
                let _ = write!(b, "{}", self.err);
            } else {
                let actual = ModuleVersion::new(me.path, actual_version);
                let _ = write!(b, "{m} (replaced by {actual}): {}", me.err);
            }
        } else {
            b.push_str(&render_version_error(m, &self.err));
        }
        b
    }
}

/// `(*Graph).Require` misuse (a panic in Go); the graph is left unchanged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RequireError {
    /// The module is not a root nor a requirement of any node.
    #[error("{0} is not reachable from any root")]
    NotReachable(ModuleVersion),
    /// The module's requirements were already set.
    #[error("requirements of {0} have already been set")]
    AlreadySet(ModuleVersion),
    /// The graph would exceed 2^32 - 1 nodes or edges.
    #[error("module graph too large: more than 4294967295 module versions or requirements")]
    TooLarge,
}

/// An error of the MVS algorithms.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MvsError<E: GoErrorChain + 'static> {
    /// Loading requirements failed while building a build list.
    #[error(transparent)]
    BuildList(#[from] BuildListError<E>),
    /// A [`Reqs`](super::Reqs) method failed outside of a build list
    /// traversal (`Req`'s walk, `Upgrade`'s `Required(target)`,
    /// `Downgrade`'s `Previous`); the error is returned as is, as in Go.
    #[error(transparent)]
    Reqs(E),
    /// The `Reqs` broke its contract: a target was not selected at its own
    /// version (Go panics with this text).
    #[error("{}", target_mistake(.chosen, .targets))]
    TargetNotSelected {
        /// The versions chosen for the targets' positions.
        chosen: Vec<ModuleVersion>,
        /// The targets.
        targets: Vec<ModuleVersion>,
    },
}

/// The text of `buildList`'s panic when a target is not selected.
fn target_mistake(chosen: &[ModuleVersion], targets: &[ModuleVersion]) -> String {
    format!(
        "mistake: chose versions {} instead of targets {}",
        go_list(chosen),
        go_list(targets)
    )
}

/// Go's `%+v` of a `[]module.Version` (each element by its `String` method).
fn go_list(list: &[ModuleVersion]) -> String {
    let items: Vec<String> = list.iter().map(ToString::to_string).collect();
    format!("[{}]", items.join(" "))
}
