//! Errors of graph loading, rendered with the Go command's exact wording
//! (`module.ModuleError`, `mvs.BuildListError`, `gover.TooNewError`).

use gomvs_modfile::ModuleVersion;

/// An error attached to a module version, as Go's `module.ModuleError`:
/// `path@version: inner`, or `module path: inner` without a version.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.render())]
pub struct ModuleError {
    /// The module the error is about (a replacement target when the
    /// replacement failed; a directory path with an empty version for a
    /// directory replacement).
    pub module: ModuleVersion,
    /// The message after the module prefix.
    pub message: String,
}

impl ModuleError {
    /// Wraps `message` for `module`.
    pub fn new(module: ModuleVersion, message: impl Into<String>) -> Self {
        ModuleError { module, message: message.into() }
    }

    fn render(&self) -> String {
        if self.module.version.is_empty() {
            format!("module {}: {}", self.module.path, self.message)
        } else {
            format!("{}@{}: {}", self.module.path, self.module.version, self.message)
        }
    }
}

/// Why a module's requirements could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SummaryError {
    /// A failure about a specific module version (fetch, parse, path mismatch, go.sum).
    #[error(transparent)]
    Module(#[from] ModuleError),
    /// Any other failure (e.g. `module P@V requires go >= 1.99 (running go 1.27.3; ...)`).
    #[error("{0}")]
    Other(String),
}

/// A failure to load part of the module graph, with the shortest requirement
/// path from the main module(s) to the failing module (`mvs.BuildListError`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.render())]
pub struct BuildListError {
    /// The requirement path; the last element is the module that failed.
    pub path: Vec<ModuleVersion>,
    /// What failed.
    pub error: SummaryError,
}

impl BuildListError {
    fn render(&self) -> String {
        let stack: Vec<&ModuleVersion> = self.path.iter().skip_while(|m| m.version.is_empty()).collect();
        let Some((last, init)) = stack.split_last() else {
            return self.error.to_string();
        };
        let mut out = String::new();
        for m in init {
            out.push_str(&format!("{m} requires\n\t"));
        }
        match &self.error {
            SummaryError::Module(err) if &&err.module == last => out.push_str(&err.to_string()),
            SummaryError::Module(err) => {
                out.push_str(&format!("{last} (replaced by {}): {}", err.module, err.message))
            }
            SummaryError::Other(msg) => {
                if last.version.is_empty() {
                    out.push_str(&format!("module {}: {msg}", last.path))
                } else {
                    out.push_str(&format!("{last}: {msg}"))
                }
            }
        }
        out
    }
}

/// `gover.TooNewError`: `WHAT requires go >= V (running go L; GOTOOLCHAIN=...)`.
pub fn too_new_message(what: &str, go_version: &str, local: &str, gotoolchain: &str) -> String {
    let explain = if !gotoolchain.is_empty() && gotoolchain != "auto" {
        format!("; GOTOOLCHAIN={gotoolchain}")
    } else {
        String::new()
    };
    format!("{what} requires go >= {go_version} (running go {local}{explain})")
}
