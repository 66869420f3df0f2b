//! The go.work model and parser (`modfile.ParseWork`).

use crate::error::ErrorList;
use crate::gomod::rules::{self, Fixer};
use crate::gomod::{GoDecl, Godebug, Replace, ToolchainDecl, VersionFixer};
use crate::syntax::{FileSyntax, Span};

/// A parsed go.work file (`modfile.WorkFile`).
#[derive(Debug, Clone, Default)]
pub struct WorkFile {
    /// The `go` directive.
    pub go: Option<GoDecl>,
    /// The `toolchain` directive.
    pub toolchain: Option<ToolchainDecl>,
    /// `godebug` directives.
    pub godebug: Vec<Godebug>,
    /// `use` directives in file order.
    pub uses: Vec<Use>,
    /// `replace` directives.
    pub replace: Vec<Replace>,
    /// The lossless syntax tree.
    pub syntax: FileSyntax,
}

/// `use ./dir`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Use {
    /// The directory as written, relative to the go.work directory.
    pub path: String,
    /// The module path of that directory's go.mod, when known (`ModulePath`).
    pub module_path: String,
    /// Where the directive is.
    pub span: Span,
}

/// Parses a go.work file (`modfile.ParseWork`, always strict). `fix` as for
/// [`crate::gomod::parse`]; `go work edit` and workspace loading pass none.
pub fn parse_work(
    file: &str,
    data: &[u8],
    fix: Option<&mut dyn VersionFixer>,
) -> Result<WorkFile, ErrorList> {
    let fixer = match fix {
        Some(f) => Fixer::Custom(f),
        None => Fixer::Canonical,
    };
    rules::parse_work(file, data, fixer)
}
