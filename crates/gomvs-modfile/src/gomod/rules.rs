//! Directive interpretation for go.mod, a port of `x/mod/modfile/rule.go`
//! (`parseToFile`, `(*File).add`, `fixRetract`): each statement of the
//! syntax tree becomes a field of [`ModFile`], with Go's error texts.
//!
//! The pieces a directive is made of live in the submodules: [`args`]
//! (quoted strings, versions, `replace` and `retract` arguments),
//! [`goversion`] (the `go` and `toolchain` version syntax), [`comments`]
//! (`// indirect`, deprecation and rationale text) and [`modpath`]
//! (`ModulePath`, `IsDirectoryPath`). The go.work directives are in
//! [`crate::gowork`].

mod args;
mod comments;
mod goversion;
mod modpath;

use args::parse_version_interval;
pub(crate) use args::{major_matches_fast, module_path_major, parse_version};
pub(crate) use args::{parse_godebug, parse_replace, parse_string};
use comments::{is_indirect, parse_deprecation, parse_directive_comment};
pub(crate) use goversion::lax_go_version;
pub(crate) use goversion::{is_go_version, is_toolchain};
pub(crate) use modpath::{is_directory_path, module_path};

use super::{
    Exclude, GoDecl, Godebug, Ignore, ModFile, ModuleDecl, Require, Retract, Tool, ToolchainDecl,
    VersionFixer,
};
use crate::error::{Error, ErrorList};
use crate::module::{self, ModuleVersion};
use crate::syntax::text::quote;
use crate::syntax::{parse_syntax, Comments, Line, LineBlock, Position, Span, Stmt};
use std::borrow::Cow;

/// How versions are fixed (Go's `fix` argument).
pub(crate) enum Fixer<'f> {
    /// A nil fix: versions are canonicalized or rejected.
    Canonical,
    /// `dontFixRetract`: versions are kept as written.
    Keep,
    /// A caller-supplied fixer.
    Custom(&'f mut dyn VersionFixer),
}

impl Fixer<'_> {
    fn is_nil(&self) -> bool {
        matches!(self, Fixer::Canonical)
    }
}

/// A directive error before its position is known: `VERB MODPATH: MESSAGE`
/// (an inner `*modfile.Error` without position, or a plain error).
pub(crate) struct DirectiveError {
    verb: String,
    mod_path: String,
    message: String,
}

impl DirectiveError {
    pub(crate) fn plain(message: impl Into<String>) -> Self {
        DirectiveError {
            verb: String::new(),
            mod_path: String::new(),
            message: message.into(),
        }
    }

    pub(crate) fn at(self, filename: &str, pos: Position) -> Error {
        Error {
            filename: filename.to_owned(),
            pos,
            verb: self.verb,
            mod_path: self.mod_path,
            message: self.message,
        }
    }
}

/// `unknown block type: TOKENS` at the start of `block`.
pub(crate) fn unknown_block(file: &str, block: &LineBlock) -> Error {
    Error {
        filename: file.to_owned(),
        pos: block.start,
        verb: String::new(),
        mod_path: String::new(),
        message: format!("unknown block type: {}", block.token.join(" ")),
    }
}

pub(crate) fn span_of(line: &Line) -> Span {
    Span {
        start: line.start,
        end: line.end,
    }
}

/// Which line of the syntax tree a directive came from.
#[derive(Clone, Copy)]
struct LineRef {
    stmt: usize,
    line: Option<usize>,
}

fn line_mut(stmts: &mut [Stmt], r: LineRef) -> Option<&mut Line> {
    match (stmts.get_mut(r.stmt)?, r.line) {
        (Stmt::Line(l), None) => Some(l),
        (Stmt::LineBlock(b), Some(j)) => b.line.get_mut(j),
        _ => None,
    }
}

/// `parseToFile`.
pub(crate) fn parse_mod(
    file: &str,
    data: &[u8],
    mut fix: Fixer<'_>,
    strict: bool,
) -> Result<ModFile, ErrorList> {
    let mut syntax = parse_syntax(file, data).map_err(|e| ErrorList(vec![e]))?;
    let mut f = ModFile::default();
    let mut errs = Vec::new();
    let mut retract_lines = Vec::new();
    // parse_syntax stores `file` as the tree's name.
    let name = file;
    let requires: usize = syntax
        .stmt
        .iter()
        .map(|stmt| match stmt {
            Stmt::Line(l) if l.token.first().is_some_and(|t| t == "require") => 1,
            Stmt::LineBlock(b) if b.token.first().is_some_and(|t| t == "require") => b.line.len(),
            _ => 0,
        })
        .sum();
    f.require.reserve(requires);

    for (i, stmt) in syntax.stmt.iter_mut().enumerate() {
        match stmt {
            Stmt::CommentBlock(_) => {}
            Stmt::Line(line) => {
                let mut ctx = AddCtx {
                    f: &mut f,
                    errs: &mut errs,
                    filename: name,
                    block: None,
                    fix: &mut fix,
                    strict,
                    retract_lines: &mut retract_lines,
                    at: LineRef {
                        stmt: i,
                        line: None,
                    },
                };
                let verb = verb_of(&line.token);
                ctx.add(line, &verb, 1);
            }
            Stmt::LineBlock(block) => {
                let verb = verb_of(&block.token);
                let known = block.token.len() == 1
                    && matches!(
                        &*verb,
                        "module"
                            | "godebug"
                            | "require"
                            | "exclude"
                            | "replace"
                            | "retract"
                            | "tool"
                            | "ignore"
                    );
                if !known {
                    if strict {
                        errs.push(unknown_block(file, block));
                    }
                    continue;
                }
                let block_comments = &block.comments;
                for (j, line) in block.line.iter_mut().enumerate() {
                    let mut ctx = AddCtx {
                        f: &mut f,
                        errs: &mut errs,
                        filename: name,
                        block: Some(block_comments),
                        fix: &mut fix,
                        strict,
                        retract_lines: &mut retract_lines,
                        at: LineRef {
                            stmt: i,
                            line: Some(j),
                        },
                    };
                    ctx.add(line, &verb, 0);
                }
            }
        }
    }

    fix_retract(
        &mut f,
        &mut syntax.stmt,
        &retract_lines,
        &mut fix,
        name,
        &mut errs,
    );
    if !errs.is_empty() {
        return Err(ErrorList(errs));
    }
    f.syntax = syntax;
    Ok(f)
}

/// A statement's verb (its first token), without allocating for the known ones.
pub(crate) fn verb_of(tokens: &[String]) -> Cow<'static, str> {
    const KNOWN: [&str; 11] = [
        "module",
        "go",
        "toolchain",
        "godebug",
        "require",
        "exclude",
        "replace",
        "retract",
        "tool",
        "ignore",
        "use",
    ];
    let first = tokens.first().map_or("", String::as_str);
    match KNOWN.iter().find(|&&k| k == first) {
        Some(&k) => Cow::Borrowed(k),
        None => Cow::Owned(first.to_owned()),
    }
}

struct AddCtx<'a, 'f> {
    f: &'a mut ModFile,
    errs: &'a mut Vec<Error>,
    filename: &'a str,
    block: Option<&'a Comments>,
    fix: &'a mut Fixer<'f>,
    strict: bool,
    retract_lines: &'a mut Vec<LineRef>,
    at: LineRef,
}

impl AddCtx<'_, '_> {
    fn error(&mut self, line: &Line, message: impl Into<String>) {
        self.errs
            .push(DirectiveError::plain(message).at(self.filename, line.start));
    }

    fn wrap(&mut self, line: &Line, err: DirectiveError) {
        self.errs.push(err.at(self.filename, line.start));
    }

    fn mod_path_error(&mut self, line: &Line, verb: &str, path: &str, message: String) {
        self.errs.push(
            DirectiveError {
                verb: verb.to_owned(),
                mod_path: path.to_owned(),
                message,
            }
            .at(self.filename, line.start),
        );
    }

    /// `(*File).add`; the arguments are `line.token[first_arg..]`.
    fn add(&mut self, line: &mut Line, verb: &str, first_arg: usize) {
        if !self.strict && !matches!(verb, "go" | "module" | "retract" | "require" | "ignore") {
            return;
        }
        let nargs = line.token.len().saturating_sub(first_arg);
        match verb {
            "go" => {
                if self.f.go.is_some() {
                    return self.error(line, "repeated go statement");
                }
                if nargs != 1 {
                    return self.error(line, "go directive expects exactly one argument");
                }
                let mut version = line.token[first_arg].clone();
                if !is_go_version(&version) {
                    let arg = version.clone();
                    let fixed = if self.strict {
                        None
                    } else {
                        lax_go_version(&arg)
                    };
                    match fixed {
                        Some(v) => {
                            line.token[first_arg] = v.clone();
                            version = v;
                        }
                        None => {
                            return self.error(
                                line,
                                format!("invalid go version '{arg}': must match format 1.23.0"),
                            )
                        }
                    }
                }
                self.f.go = Some(GoDecl {
                    version,
                    span: span_of(line),
                });
            }
            "toolchain" => {
                if self.f.toolchain.is_some() {
                    return self.error(line, "repeated toolchain statement");
                }
                if nargs != 1 {
                    return self.error(line, "toolchain directive expects exactly one argument");
                }
                let arg = line.token[first_arg].clone();
                if !is_toolchain(&arg) {
                    return self.error(
                        line,
                        format!(
                            "invalid toolchain version '{arg}': must match format go1.23.0 or default"
                        ),
                    );
                }
                self.f.toolchain = Some(ToolchainDecl {
                    name: arg,
                    span: span_of(line),
                });
            }
            "module" => {
                if self.f.module.is_some() {
                    return self.error(line, "repeated module statement");
                }
                let deprecated = parse_deprecation(self.block, &line.comments);
                self.f.module = Some(ModuleDecl {
                    path: String::new(),
                    deprecated,
                    span: span_of(line),
                });
                if nargs != 1 {
                    return self.error(line, "usage: module module/path");
                }
                match parse_string(&mut line.token[first_arg]) {
                    Ok(s) => {
                        if let Some(m) = self.f.module.as_mut() {
                            m.path = s;
                        }
                    }
                    Err(e) => self.error(line, format!("invalid quoted string: {e}")),
                }
            }
            "godebug" => {
                let Some((key, value)) = parse_godebug(&line.token[first_arg..]) else {
                    return self.error(line, "usage: godebug key=value");
                };
                self.f.godebug.push(Godebug {
                    key,
                    value,
                    span: span_of(line),
                });
            }
            "require" | "exclude" => {
                if nargs != 2 {
                    return self.error(line, format!("usage: {verb} module/path v1.2.3"));
                }
                let s = match parse_string(&mut line.token[first_arg]) {
                    Ok(s) => s,
                    Err(e) => return self.error(line, format!("invalid quoted string: {e}")),
                };
                let v = match parse_version(verb, &s, &mut line.token[first_arg + 1], self.fix) {
                    Ok(v) => v,
                    Err(e) => return self.wrap(line, e),
                };
                let path_major = match module_path_major(&s) {
                    Ok(m) => m,
                    Err(e) => return self.error(line, e),
                };
                // A canonicalized version is valid, so its major is the text
                // before the first `.` and the common cases need no re-parse.
                let canonical = matches!(self.fix, Fixer::Canonical);
                if !(canonical && major_matches_fast(&v, path_major)) {
                    if let Err(e) = module::check_path_major(&v, path_major) {
                        return self.mod_path_error(line, verb, &s, e.to_string());
                    }
                }
                if verb == "require" {
                    let indirect = is_indirect(&line.comments);
                    self.f.require.push(Require {
                        module: ModuleVersion::new(s, v),
                        indirect,
                        span: span_of(line),
                    });
                } else {
                    self.f.exclude.push(Exclude {
                        module: ModuleVersion::new(s, v),
                        span: span_of(line),
                    });
                }
            }
            "replace" => match parse_replace(self.filename, line, verb, first_arg, self.fix) {
                Ok(r) => self.f.replace.push(r),
                Err(e) => self.errs.push(e),
            },
            "retract" => {
                let rationale = parse_directive_comment(self.block, &line.comments);
                let mut keep = Fixer::Keep;
                let mut rest = first_arg;
                let vi =
                    match parse_version_interval(verb, "", &mut line.token, &mut rest, &mut keep) {
                        Ok(vi) => vi,
                        Err(e) => {
                            if self.strict {
                                self.wrap(line, e);
                            }
                            return;
                        }
                    };
                if rest < line.token.len() && self.strict {
                    let tok = line.token[rest].clone();
                    return self.error(
                        line,
                        format!("unexpected token after version: {}", quote(&tok)),
                    );
                }
                self.f.retract.push(Retract {
                    low: vi.0,
                    high: vi.1,
                    rationale,
                    span: span_of(line),
                });
                self.retract_lines.push(self.at);
            }
            "tool" => {
                if nargs != 1 {
                    return self.error(line, "tool directive expects exactly one argument");
                }
                match parse_string(&mut line.token[first_arg]) {
                    Ok(path) => self.f.tool.push(Tool {
                        path,
                        span: span_of(line),
                    }),
                    Err(e) => self.error(line, format!("invalid quoted string: {e}")),
                }
            }
            "ignore" => {
                if nargs != 1 {
                    return self.error(line, "ignore directive expects exactly one argument");
                }
                match parse_string(&mut line.token[first_arg]) {
                    Ok(path) => self.f.ignore.push(Ignore {
                        path,
                        span: span_of(line),
                    }),
                    Err(e) => self.error(line, format!("invalid quoted string: {e}")),
                }
            }
            _ => self.error(line, format!("unknown directive: {verb}")),
        }
    }
}

/// `fixRetract`: re-parses retract versions with the real fixer once the
/// module path is known. Does nothing for a nil fix.
fn fix_retract(
    f: &mut ModFile,
    stmts: &mut [Stmt],
    lines: &[LineRef],
    fix: &mut Fixer<'_>,
    filename: &str,
    errs: &mut Vec<Error>,
) {
    if fix.is_nil() {
        return;
    }
    let path = f
        .module
        .as_ref()
        .map(|m| m.path.clone())
        .unwrap_or_default();
    for (r, &at) in f.retract.iter_mut().zip(lines) {
        let Some(line) = line_mut(stmts, at) else {
            continue;
        };
        if path.is_empty() {
            errs.push(
                DirectiveError::plain("no module directive found, so retract cannot be used")
                    .at(filename, line.start),
            );
            return;
        }
        let mut rest = usize::from(line.token.first().map(String::as_str) == Some("retract"));
        match parse_version_interval("retract", &path, &mut line.token, &mut rest, fix) {
            Ok((low, high)) => {
                r.low = low;
                r.high = high;
            }
            Err(e) => {
                errs.push(e.at(filename, line.start));
                r.low.clear();
                r.high.clear();
            }
        }
    }
}

#[cfg(test)]
mod input_limits {
    use crate::gomod::{parse, parse_lax, MAX_FILE_SIZE};

    #[test]
    fn oversize_input_is_refused() {
        let data = vec![b'\n'; MAX_FILE_SIZE + 1];
        let err = parse_lax("go.mod", &data).err().map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some("go.mod: file too large (16777217 bytes): gomvs refuses go.mod and go.work files over 16777216 bytes")
        );
    }

    #[test]
    fn deep_parens_do_not_recurse() {
        let mut data = vec![b'('; 1 << 20];
        data.push(b'\n');
        let err = parse("go.mod", &data, None).err().map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some("go.mod:2: syntax error (unterminated block started at go.mod:1:1)")
        );
    }

    #[test]
    fn crlf_and_indirect() {
        let f = parse_lax(
            "go.mod",
            b"module m\r\nrequire (\r\n\ta v1 //indirect\r\n)\r\n",
        );
        let f = f.unwrap_or_default();
        assert_eq!(f.require.len(), 1);
        assert_eq!(f.require[0].module.version, "v1.0.0");
        assert!(f.require[0].indirect);
    }
}
