//! The go.mod model and its strict and lax parsers (`modfile.Parse`,
//! `modfile.ParseLax`), errors identical to Go's.

mod lax_summary;
pub(crate) mod rules;

pub use lax_summary::{lax_summary, LaxSummary};

use crate::error::ErrorList;
use crate::module::ModuleVersion;
use crate::syntax::{FileSyntax, Span};
use rules as directive;
use rules::Fixer;

/// A parsed go.mod file (`modfile.File`). Every directive keeps its span.
#[derive(Debug, Clone, Default)]
pub struct ModFile {
    /// The `module` directive.
    pub module: Option<ModuleDecl>,
    /// The `go` directive.
    pub go: Option<GoDecl>,
    /// The `toolchain` directive (strict parse only).
    pub toolchain: Option<ToolchainDecl>,
    /// `godebug` directives (strict parse only).
    pub godebug: Vec<Godebug>,
    /// `require` directives, in file order (duplicates kept).
    pub require: Vec<Require>,
    /// `exclude` directives (strict parse only).
    pub exclude: Vec<Exclude>,
    /// `replace` directives (strict parse only).
    pub replace: Vec<Replace>,
    /// `retract` directives.
    pub retract: Vec<Retract>,
    /// `tool` directives (strict parse only).
    pub tool: Vec<Tool>,
    /// `ignore` directives.
    pub ignore: Vec<Ignore>,
    /// The lossless syntax tree.
    pub syntax: FileSyntax,
}

/// `module path` with its `// Deprecated:` message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModuleDecl {
    /// The module path (version empty).
    pub path: String,
    /// The deprecation message, empty when not deprecated.
    pub deprecated: String,
    /// Where the directive is.
    pub span: Span,
}

/// `go 1.21`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoDecl {
    /// The version as written (lax parsing may truncate an invalid one).
    pub version: String,
    /// Where the directive is.
    pub span: Span,
}

/// `toolchain go1.21.0`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ToolchainDecl {
    /// The toolchain name, e.g. `go1.21rc1` or `default`.
    pub name: String,
    /// Where the directive is.
    pub span: Span,
}

/// `godebug key=value`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Godebug {
    /// The setting's key.
    pub key: String,
    /// The setting's value.
    pub value: String,
    /// Where the directive is.
    pub span: Span,
}

/// `require path version [// indirect]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Require {
    /// The required module version.
    pub module: ModuleVersion,
    /// Whether the line carries an `// indirect` comment.
    pub indirect: bool,
    /// Where the directive is.
    pub span: Span,
}

/// `exclude path version`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exclude {
    /// The excluded module version.
    pub module: ModuleVersion,
    /// Where the directive is.
    pub span: Span,
}

/// `replace old [v] => new [v]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replace {
    /// The replaced module; an empty version means every version.
    pub old: ModuleVersion,
    /// The replacement: a module version, or a directory path with an empty version.
    pub new: ModuleVersion,
    /// Where the directive is.
    pub span: Span,
}

/// `retract v` or `retract [low, high]` with its rationale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Retract {
    /// Lowest retracted version.
    pub low: String,
    /// Highest retracted version.
    pub high: String,
    /// The rationale from the directive's comments.
    pub rationale: String,
    /// Where the directive is.
    pub span: Span,
}

/// `tool path`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tool {
    /// The tool's package path.
    pub path: String,
    /// Where the directive is.
    pub span: Span,
}

/// `ignore path`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ignore {
    /// The ignored directory path.
    pub path: String,
    /// Where the directive is.
    pub span: Span,
}

/// Resolves a non-canonical version written in a main go.mod (`v1.2`, a
/// branch name) to a canonical one, as `modfile.VersionFixer` /
/// `modload.fixVersion` do. The error is the message Go prints.
pub trait VersionFixer {
    /// Returns the fixed version for `path` at `version`. An error is
    /// treated as a `*module.ModuleError`: it is printed after
    /// `VERB PATH: ` (e.g. `require example.com/b: version "1.0.0" invalid: ...`).
    fn fix(&mut self, path: &str, version: &str) -> Result<String, String>;

    /// Like [`VersionFixer::fix`], but can also report an error that is not
    /// a `*module.ModuleError` ([`FixError::Other`]), which Go prints
    /// without the `VERB PATH: ` prefix. Defaults to calling `fix`.
    fn fix_version(&mut self, path: &str, version: &str) -> Result<String, FixError> {
        self.fix(path, version).map_err(FixError::Module)
    }
}

/// The error of a [`VersionFixer`], distinguishing how Go's `parseVersion`
/// formats it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FixError {
    /// A `*module.ModuleError`; the text is its inner error, printed after
    /// `VERB PATH: `.
    Module(String),
    /// Any other error, printed as is after the position.
    Other(String),
}

pub use crate::syntax::MAX_FILE_SIZE;

/// Parses a main module's go.mod strictly (`modfile.Parse`): every directive
/// is validated; `fix`, when given, resolves non-canonical versions (Go's
/// `fix` callback, also applied to `retract` versions once the module path
/// is known). Without `fix`, versions are canonicalized with
/// `module::canonical_version` and `retract` versions are kept as written,
/// exactly as `modfile.Parse(file, data, nil)` (used by `go mod edit`).
pub fn parse(
    file: &str,
    data: &[u8],
    fix: Option<&mut dyn VersionFixer>,
) -> Result<ModFile, ErrorList> {
    let fixer = match fix {
        Some(f) => Fixer::Custom(f),
        None => Fixer::Canonical,
    };
    directive::parse_mod(file, data, fixer, true)
}

/// Parses a dependency's go.mod laxly (`modfile.ParseLax` with a nil fix):
/// only module, go, require, retract and ignore are kept, everything else is
/// skipped unvalidated.
pub fn parse_lax(file: &str, data: &[u8]) -> Result<ModFile, ErrorList> {
    directive::parse_mod(file, data, Fixer::Canonical, false)
}

/// `modfile.ModulePath`: the module path from go.mod text, tolerating
/// unrelated problems; empty if there is none.
pub fn module_path(data: &[u8]) -> String {
    directive::module_path(data)
}

/// `modfile.IsDirectoryPath`: whether a replacement target is a directory
/// (`.`/`..`, `./`, `../`, rooted, Windows forms, or a drive letter).
pub fn is_directory_path(ns: &str) -> bool {
    directive::is_directory_path(ns)
}

/// Whether `v` matches `modfile.GoVersionRE` (what a `go` line and
/// `go mod graph -go=` accept: `1.21`, `1.21.3`, `1.21rc1`).
pub fn is_go_version(v: &str) -> bool {
    rules::is_go_version(v)
}
