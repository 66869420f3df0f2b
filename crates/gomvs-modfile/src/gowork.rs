//! The go.work model and parser (`modfile.ParseWork`, `(*WorkFile).add` of
//! `x/mod/modfile/work.go`); the directive arguments are go.mod's
//! ([`crate::gomod`]).

use crate::error::{Error, ErrorList};
use crate::gomod::rules::{
    is_go_version, is_toolchain, parse_godebug, parse_replace, parse_string, span_of,
    unknown_block, verb_of, DirectiveError, Fixer,
};
use crate::gomod::{GoDecl, Godebug, Replace, ToolchainDecl, VersionFixer};
use crate::syntax::{parse_syntax, FileSyntax, Line, Span, Stmt};

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
    parse_work_with(file, data, fixer)
}

/// `ParseWork`.
fn parse_work_with(file: &str, data: &[u8], mut fix: Fixer<'_>) -> Result<WorkFile, ErrorList> {
    let mut syntax = parse_syntax(file, data).map_err(|e| ErrorList(vec![e]))?;
    let mut f = WorkFile::default();
    let mut errs = Vec::new();
    // parse_syntax stores `file` as the tree's name.
    let name = file;
    for stmt in syntax.stmt.iter_mut() {
        match stmt {
            Stmt::CommentBlock(_) => {}
            Stmt::Line(line) => {
                let verb = line.token.first().cloned().unwrap_or_default();
                add_work(&mut f, &mut errs, name, line, &verb, 1, &mut fix);
            }
            Stmt::LineBlock(block) => {
                let verb = verb_of(&block.token);
                if block.token.len() != 1 || !matches!(&*verb, "godebug" | "use" | "replace") {
                    errs.push(unknown_block(file, block));
                    continue;
                }
                for line in block.line.iter_mut() {
                    add_work(&mut f, &mut errs, name, line, &verb, 0, &mut fix);
                }
            }
        }
    }
    if !errs.is_empty() {
        return Err(ErrorList(errs));
    }
    f.syntax = syntax;
    Ok(f)
}

/// `(*WorkFile).add`.
fn add_work(
    f: &mut WorkFile,
    errs: &mut Vec<Error>,
    filename: &str,
    line: &mut Line,
    verb: &str,
    first_arg: usize,
    fix: &mut Fixer<'_>,
) {
    let start = line.start;
    let error = |errs: &mut Vec<Error>, m: String| {
        errs.push(DirectiveError::plain(m).at(filename, start));
    };
    let nargs = line.token.len().saturating_sub(first_arg);
    match verb {
        "go" => {
            if f.go.is_some() {
                return error(errs, "repeated go statement".to_owned());
            }
            if nargs != 1 {
                return error(errs, "go directive expects exactly one argument".to_owned());
            }
            let arg = line.token[first_arg].clone();
            if !is_go_version(&arg) {
                return error(
                    errs,
                    format!("invalid go version '{arg}': must match format 1.23.0"),
                );
            }
            f.go = Some(GoDecl {
                version: arg,
                span: span_of(line),
            });
        }
        "toolchain" => {
            if f.toolchain.is_some() {
                return error(errs, "repeated toolchain statement".to_owned());
            }
            if nargs != 1 {
                return error(
                    errs,
                    "toolchain directive expects exactly one argument".to_owned(),
                );
            }
            let arg = line.token[first_arg].clone();
            if !is_toolchain(&arg) {
                return error(
                    errs,
                    format!(
                        "invalid toolchain version '{arg}': must match format go1.23.0 or default"
                    ),
                );
            }
            f.toolchain = Some(ToolchainDecl {
                name: arg,
                span: span_of(line),
            });
        }
        "godebug" => {
            let Some((key, value)) = parse_godebug(&line.token[first_arg.min(line.token.len())..])
            else {
                return error(errs, "usage: godebug key=value".to_owned());
            };
            f.godebug.push(Godebug {
                key,
                value,
                span: span_of(line),
            });
        }
        "use" => {
            if nargs != 1 {
                return error(errs, format!("usage: {verb} local/dir"));
            }
            match parse_string(&mut line.token[first_arg]) {
                Ok(path) => f.uses.push(Use {
                    path,
                    module_path: String::new(),
                    span: span_of(line),
                }),
                Err(e) => error(errs, format!("invalid quoted string: {e}")),
            }
        }
        "replace" => match parse_replace(filename, line, verb, first_arg, fix) {
            Ok(r) => f.replace.push(r),
            Err(e) => errs.push(e),
        },
        _ => error(errs, format!("unknown directive: {verb}")),
    }
}
