//! Errors of graph loading, rendered with the Go command's exact wording
//! (`module.ModuleError`, `gover.TooNewError`); requirement paths use
//! [`crate::mvs::BuildListError`].

use crate::mvs::{GoErrorChain, ModuleErrorRef};
use gomvs_modfile::ModuleVersion;

/// Why a module's requirements could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SummaryError {
    /// A failure about a specific module version (fetch, parse, path
    /// mismatch, go.sum), printed as Go's `module.ModuleError`:
    /// `path@version: message` (or `module path: message` without version).
    /// `module` is the replacement target when the replacement failed, or a
    /// directory with an empty version for a directory replacement.
    #[error("{}", render_module(module, message))]
    Module {
        /// The module the failure is about.
        module: ModuleVersion,
        /// The message after the module prefix.
        message: String,
    },
    /// Any other failure (e.g. `module P@V requires go >= 1.99 (running go 1.27.3; ...)`).
    #[error("{0}")]
    Other(String),
}

impl SummaryError {
    /// Whether it is a `gover.TooNewError` (a go.mod whose go line is newer
    /// than the running go), which `go get` reports at once rather than as a
    /// conflict to resolve.
    pub fn is_too_new(&self) -> bool {
        matches!(self, SummaryError::Other(t) if t.contains(" requires go >= "))
    }

    /// A module error for `module`.
    pub fn module(module: ModuleVersion, message: impl Into<String>) -> Self {
        SummaryError::Module {
            module,
            message: message.into(),
        }
    }
}

fn render_module(module: &ModuleVersion, message: &str) -> String {
    if module.version.is_empty() {
        format!("module {}: {message}", module.path)
    } else {
        format!("{}@{}: {message}", module.path, module.version)
    }
}

impl GoErrorChain for SummaryError {
    fn as_module_error(&self) -> Option<ModuleErrorRef<'_>> {
        match self {
            SummaryError::Module { module, message } => Some(ModuleErrorRef {
                path: &module.path,
                version: &module.version,
                err: message,
                invalid_version: None,
            }),
            SummaryError::Other(_) => None,
        }
    }
}

/// A failure to load the module graph, with the shortest requirement path.
pub type GraphError = crate::mvs::BuildListError<SummaryError>;

/// `gover.TooNewError`: `WHAT requires go >= V (running go L; GOTOOLCHAIN=...)`.
pub fn too_new_message(what: &str, go_version: &str, local: &str, gotoolchain: &str) -> String {
    let explain = if !gotoolchain.is_empty() && gotoolchain != "auto" {
        format!("; GOTOOLCHAIN={gotoolchain}")
    } else {
        String::new()
    };
    format!("{what} requires go >= {go_version} (running go {local}{explain})")
}
