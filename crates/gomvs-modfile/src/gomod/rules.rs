//! Directive interpretation, a port of `x/mod/modfile/rule.go`
//! (`parseToFile`, `(*File).add`, `parseReplace`, `parseVersionInterval`,
//! `parseString`, `parseVersion`, `fixRetract`, deprecation and rationale
//! extraction, `isIndirect`) and `work.go` (`ParseWork`, `(*WorkFile).add`).

use super::{
    Exclude, FixError, GoDecl, Godebug, Ignore, ModFile, ModuleDecl, Replace, Require, Retract,
    Tool, ToolchainDecl, VersionFixer,
};
use crate::error::{Error, ErrorList};
use crate::gowork::{Use, WorkFile};
use crate::module::{self, ModuleVersion};
use crate::syntax::text::{
    auto_quote, go_bytes, go_string, is_space, must_quote, quote, trim_space, unquote,
};
use crate::syntax::{parse_syntax, Comments, Line, Position, Span, Stmt};
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
struct DirectiveError {
    verb: String,
    mod_path: String,
    message: String,
}

impl DirectiveError {
    fn plain(message: impl Into<String>) -> Self {
        DirectiveError {
            verb: String::new(),
            mod_path: String::new(),
            message: message.into(),
        }
    }

    fn at(self, filename: &str, pos: Position) -> Error {
        Error {
            filename: filename.to_owned(),
            pos,
            verb: self.verb,
            mod_path: self.mod_path,
            message: self.message,
        }
    }
}

fn span_of(line: &Line) -> Span {
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
                        errs.push(Error {
                            filename: file.to_owned(),
                            pos: block.start,
                            verb: String::new(),
                            mod_path: String::new(),
                            message: format!("unknown block type: {}", block.token.join(" ")),
                        });
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
fn verb_of(tokens: &[String]) -> Cow<'static, str> {
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

/// `godebug key=value` arguments, or `None` for the usage error.
fn parse_godebug(args: &[String]) -> Option<(String, String)> {
    if args.len() != 1 {
        return None;
    }
    let arg = &args[0];
    if arg.contains(['"', '`', '\'', ',']) {
        return None;
    }
    let (k, v) = arg.split_once('=')?;
    Some((k.to_owned(), v.to_owned()))
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

/// `parseReplace`; the arguments are `line.token[first_arg..]`.
fn parse_replace(
    filename: &str,
    line: &mut Line,
    verb: &str,
    first_arg: usize,
    fix: &mut Fixer<'_>,
) -> Result<Replace, Error> {
    let start = line.start;
    let plain = |m: String| DirectiveError::plain(m).at(filename, start);
    let with_path = |path: &str, m: String| {
        DirectiveError {
            verb: verb.to_owned(),
            mod_path: path.to_owned(),
            message: m,
        }
        .at(filename, start)
    };
    let span = span_of(line);
    let args = line.token.get_mut(first_arg..).unwrap_or_default();
    let mut arrow = 2;
    if args.len() >= 2 && args[1] == "=>" {
        arrow = 1;
    }
    if args.len() < arrow + 2 || args.len() > arrow + 3 || args[arrow] != "=>" {
        return Err(plain(format!(
            "usage: {verb} module/path [v1.2.3] => other/module v1.4\n\t or {verb} module/path [v1.2.3] => ../local/directory"
        )));
    }
    let s = parse_string(&mut args[0]).map_err(|e| plain(format!("invalid quoted string: {e}")))?;
    let path_major = module_path_major(&s).map_err(|e| with_path(&s, e))?;
    let mut v = String::new();
    if arrow == 2 {
        v = parse_version(verb, &s, &mut args[1], fix).map_err(|e| e.at(filename, start))?;
        if let Err(e) = module::check_path_major(&v, path_major) {
            return Err(with_path(&s, e.to_string()));
        }
    }
    let ns = parse_string(&mut args[arrow + 1])
        .map_err(|e| plain(format!("invalid quoted string: {e}")))?;
    let mut nv = String::new();
    if args.len() == arrow + 2 {
        if !is_directory_path(&ns) {
            if ns.contains('@') {
                return Err(plain(
                    "replacement module must match format 'path version', not 'path@version'"
                        .to_owned(),
                ));
            }
            return Err(plain(
                "replacement module without version must be directory path (rooted or starting with . or ..)"
                    .to_owned(),
            ));
        }
        // gomvs behaves as the go command on a Unix system.
        if ns.contains('\\') {
            return Err(plain(
                "replacement directory appears to be Windows path (on a non-windows system)"
                    .to_owned(),
            ));
        }
    }
    if args.len() == arrow + 3 {
        nv = parse_version(verb, &ns, &mut args[arrow + 2], fix)
            .map_err(|e| e.at(filename, start))?;
        if is_directory_path(&ns) {
            return Err(plain(format!(
                "replacement module directory path {} cannot have version",
                quote(&ns)
            )));
        }
    }
    Ok(Replace {
        old: ModuleVersion::new(s, v),
        new: ModuleVersion::new(ns, nv),
        span,
    })
}

/// `parseVersionInterval`: parses `toks[*rest..]`, advancing `*rest` past
/// the interval. Returns `(low, high)`.
fn parse_version_interval(
    verb: &str,
    path: &str,
    toks: &mut [String],
    rest: &mut usize,
    fix: &mut Fixer<'_>,
) -> Result<(String, String), DirectiveError> {
    let mut i = *rest;
    match toks.get(i).map(String::as_str) {
        None | Some("(") => return Err(DirectiveError::plain("expected '[' or version")),
        Some("[") => {}
        Some(_) => {
            let v = parse_version(verb, path, &mut toks[i], fix)?;
            *rest = i + 1;
            return Ok((v.clone(), v));
        }
    }
    i += 1;
    if i >= toks.len() {
        return Err(DirectiveError::plain("expected version after '['"));
    }
    let low = parse_version(verb, path, &mut toks[i], fix)?;
    i += 1;
    if toks.get(i).map(String::as_str) != Some(",") {
        return Err(DirectiveError::plain("expected ',' after version"));
    }
    i += 1;
    if i >= toks.len() {
        return Err(DirectiveError::plain("expected version after ','"));
    }
    let high = parse_version(verb, path, &mut toks[i], fix)?;
    i += 1;
    if toks.get(i).map(String::as_str) != Some("]") {
        return Err(DirectiveError::plain("expected ']' after version"));
    }
    *rest = i + 1;
    Ok((low, high))
}

/// `parseString`: unquotes a `"..."` token, rejects other quotes, and
/// rewrites the token in its canonical (`AutoQuote`) form.
fn parse_string(tok: &mut String) -> Result<String, &'static str> {
    if !must_quote(tok) {
        // No quote characters and already in AutoQuote form: kept as it is.
        return Ok(tok.clone());
    }
    let t = unquote_token(tok)?;
    if tok.starts_with('"') || must_quote(tok) {
        *tok = auto_quote(&t);
    }
    Ok(t)
}

/// The value of a token as `parseString` reads it, without rewriting the
/// token. An unquoted token that needs no quoting is already its own
/// AutoQuote form, so `parse_string` leaves it alone.
fn unquote_token(tok: &str) -> Result<String, &'static str> {
    if tok.starts_with('"') {
        match unquote(&go_bytes(tok)) {
            Some(b) => Ok(go_string(&b)),
            None => Err("invalid syntax"),
        }
    } else if tok.bytes().any(|b| matches!(b, b'"' | b'\'' | b'`')) {
        Err("unquoted string cannot contain quote")
    } else {
        Ok(tok.to_owned())
    }
}

/// `parseVersion`.
fn parse_version(
    verb: &str,
    path: &str,
    tok: &mut String,
    fix: &mut Fixer<'_>,
) -> Result<String, DirectiveError> {
    let with_path = |message: String| DirectiveError {
        verb: verb.to_owned(),
        mod_path: path.to_owned(),
        message,
    };
    // Go's parseString rewrites the token to AutoQuote(t) and, on success,
    // parseVersion rewrites it again to the result; so the AutoQuote form
    // is only stored on the error paths, where it stays visible.
    let mut t = match unquote_token(tok) {
        Ok(t) => t,
        Err(e) => return Err(with_path(format!("version {} invalid: {e}", quote(tok)))),
    };
    match fix {
        Fixer::Keep => {}
        Fixer::Custom(fixer) => match fixer.fix_version(path, &t) {
            Ok(fixed) => t = fixed,
            Err(FixError::Module(m)) => {
                *tok = auto_quote(&t);
                return Err(with_path(m));
            }
            Err(FixError::Other(m)) => {
                *tok = auto_quote(&t);
                return Err(DirectiveError::plain(m));
            }
        },
        Fixer::Canonical => {
            let cv = match module::canonical_version_cow(&t) {
                Cow::Borrowed("") => {
                    *tok = auto_quote(&t);
                    return Err(with_path(format!(
                        "version {} invalid: must be of the form v1.2.3",
                        quote(&t)
                    )));
                }
                Cow::Borrowed(_) => None,
                Cow::Owned(cv) => Some(cv),
            };
            if let Some(cv) = cv {
                t = cv;
            }
        }
    }
    if *tok != t {
        tok.clone_from(&t);
    }
    Ok(t)
}

/// Whether `check_path_major` surely accepts the valid version `v`: no
/// major suffix and a v0/v1 version, or a `/vN` suffix and a vN version.
fn major_matches_fast(v: &str, path_major: &str) -> bool {
    let major = v.split('.').next().unwrap_or_default();
    if path_major.is_empty() {
        return major == "v0" || major == "v1";
    }
    path_major.strip_prefix('/') == Some(major)
}

fn module_path_major(path: &str) -> Result<&str, String> {
    match module::split_path_version_str(path) {
        Some((_, major)) => Ok(major),
        None => Err("invalid module path".to_owned()),
    }
}

/// `GoVersionRE`: `^([1-9][0-9]*)\.(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))?([a-z]+[0-9]+)?$`.
pub(crate) fn is_go_version(v: &str) -> bool {
    let b = v.as_bytes();
    let mut i = 0;
    let num = |i: &mut usize, allow_zero: bool| -> bool {
        match b.get(*i) {
            Some(b'0') if allow_zero => {
                *i += 1;
                true
            }
            Some(b'1'..=b'9') => {
                while b.get(*i).is_some_and(u8::is_ascii_digit) {
                    *i += 1;
                }
                true
            }
            _ => false,
        }
    };
    if !num(&mut i, false) || b.get(i) != Some(&b'.') {
        return false;
    }
    i += 1;
    if !num(&mut i, true) {
        return false;
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        if !num(&mut i, true) {
            return false;
        }
    }
    if i < b.len() {
        let letters = b[i..].iter().take_while(|c| c.is_ascii_lowercase()).count();
        if letters == 0 {
            return false;
        }
        i += letters;
        let digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if digits == 0 {
            return false;
        }
        i += digits;
    }
    i == b.len()
}

/// `laxGoVersionRE` (`^v?(([1-9][0-9]*)\.(0|[1-9][0-9]*))([^0-9].*)$`):
/// the truncated `major.minor` if it matches.
fn lax_go_version(v: &str) -> Option<String> {
    let s = v.strip_prefix('v').unwrap_or(v);
    let b = s.as_bytes();
    let major = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if major == 0 || b[0] == b'0' || b.get(major) != Some(&b'.') {
        return None;
    }
    let rest = &b[major + 1..];
    let minor = match rest.first() {
        Some(b'0') => 1,
        Some(b'1'..=b'9') => rest.iter().take_while(|c| c.is_ascii_digit()).count(),
        _ => return None,
    };
    // The remainder must be one non-digit rune followed by anything but a
    // newline (tokens never contain newlines).
    match rest.get(minor) {
        Some(c) if !c.is_ascii_digit() => Some(s[..major + 1 + minor].to_owned()),
        _ => None,
    }
}

/// `ToolchainRE`: `^default$|^go1($|\.)`.
pub(crate) fn is_toolchain(v: &str) -> bool {
    v == "default" || v == "go1" || v.starts_with("go1.")
}

/// `isIndirect`: the first suffix comment is `// indirect` or `// indirect; ...`.
fn is_indirect(c: &Comments) -> bool {
    let Some(first) = c.suffix.first() else {
        return false;
    };
    let text = first.token.strip_prefix("//").unwrap_or(&first.token);
    let mut f = text
        .split(|c: char| is_space(u32::from(c)))
        .filter(|f| !f.is_empty());
    let (first, second) = (f.next(), f.next());
    matches!(
        (first, second),
        (Some("indirect"), None) | (Some("indirect;"), Some(_))
    )
}

/// `parseDirectiveComment`: the comment text of a directive, or of its block
/// when the line has no comments of its own.
fn parse_directive_comment(block: Option<&Comments>, line: &Comments) -> String {
    let mut comments = line;
    if let Some(b) = block {
        if line.before.is_empty() && line.suffix.is_empty() {
            comments = b;
        }
    }
    let mut lines: Vec<&str> = Vec::new();
    for c in comments.before.iter().chain(&comments.suffix) {
        let Some(text) = c.token.strip_prefix("//") else {
            continue; // blank line
        };
        lines.push(trim_space(text));
    }
    lines.join("\n")
}

/// `parseDeprecation`: the first paragraph starting with `Deprecated:`
/// (`(?s)(?:^|\n\n)Deprecated: *(.*?)(?:$|\n\n)`).
fn parse_deprecation(block: Option<&Comments>, line: &Comments) -> String {
    let text = parse_directive_comment(block, line);
    const KEY: &str = "Deprecated:";
    if text.len() < KEY.len() {
        return String::new();
    }
    let start = if text.starts_with(KEY) {
        Some(KEY.len())
    } else {
        text.find("\n\nDeprecated:").map(|i| i + 2 + KEY.len())
    };
    let Some(start) = start else {
        return String::new();
    };
    let body = text[start..].trim_start_matches(' ');
    match body.find("\n\n") {
        Some(end) => body[..end].to_owned(),
        None => body.to_owned(),
    }
}

/// `modfile.IsDirectoryPath`.
pub(crate) fn is_directory_path(ns: &str) -> bool {
    let b = ns.as_bytes();
    ns == "."
        || ns.starts_with("./")
        || ns.starts_with(".\\")
        || ns == ".."
        || ns.starts_with("../")
        || ns.starts_with("..\\")
        || ns.starts_with('/')
        || ns.starts_with('\\')
        || (b.len() >= 2 && b[0].is_ascii_alphabetic() && b[1] == b':')
}

/// `modfile.ModulePath`.
pub(crate) fn module_path(mut data: &[u8]) -> String {
    use crate::syntax::text::{decode_rune, is_space};
    // bytes.TrimSpace over Go runes.
    fn trim(b: &[u8]) -> &[u8] {
        let (mut first, mut last) = (None, 0);
        let mut i = 0;
        while i < b.len() {
            let (r, n) = decode_rune(&b[i..]);
            let n = n.max(1);
            if !is_space(r) {
                first.get_or_insert(i);
                last = i + n;
            }
            i += n;
        }
        match first {
            Some(f) => &b[f..last],
            None => &[],
        }
    }
    while !data.is_empty() {
        let mut line = data;
        data = &[];
        if let Some(i) = line.iter().position(|&c| c == b'\n') {
            data = &line[i + 1..];
            line = &line[..i];
        }
        if let Some(i) = line.windows(2).position(|w| w == b"//") {
            line = &line[..i];
        }
        line = trim(line);
        let Some(rest) = line.strip_prefix(b"module") else {
            continue;
        };
        let n = rest.len();
        let rest = trim(rest);
        if rest.len() == n || rest.is_empty() {
            continue;
        }
        if rest[0] == b'"' || rest[0] == b'`' {
            return match unquote(rest) {
                Some(p) => go_string(&p),
                None => String::new(),
            };
        }
        return go_string(rest);
    }
    String::new()
}

/// `ParseWork`.
pub(crate) fn parse_work(
    file: &str,
    data: &[u8],
    mut fix: Fixer<'_>,
) -> Result<WorkFile, ErrorList> {
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
                    errs.push(Error {
                        filename: file.to_owned(),
                        pos: block.start,
                        verb: String::new(),
                        mod_path: String::new(),
                        message: format!("unknown block type: {}", block.token.join(" ")),
                    });
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_version_regexps() {
        for ok in ["1.21", "1.21.0", "1.21rc1", "1.0", "10.100.0beta22"] {
            assert!(is_go_version(ok), "{ok}");
        }
        for bad in [
            "1", "01.2", "1.02", "1.2.", "1.21rc", "1.21-rc1", "v1.21", "1.21.0.0",
        ] {
            assert!(!is_go_version(bad), "{bad}");
        }
        assert_eq!(lax_go_version("1.21.x-extra").as_deref(), Some("1.21"));
        assert_eq!(lax_go_version("v1.21").as_deref(), None);
        assert_eq!(lax_go_version("v1.21x").as_deref(), Some("1.21"));
        assert_eq!(lax_go_version("1.21.0").as_deref(), Some("1.21"));
        assert_eq!(lax_go_version("1.01x"), None);
    }

    #[test]
    fn deprecation_paragraphs() {
        let c = |t: &str| Comments {
            before: t
                .split('\n')
                .map(|l| crate::syntax::Comment {
                    start: Position::default(),
                    token: format!("// {l}"),
                    suffix: false,
                })
                .collect(),
            ..Comments::default()
        };
        assert_eq!(parse_deprecation(None, &c("Deprecated: use b")), "use b");
        assert_eq!(
            parse_deprecation(None, &c("x\n\nDeprecated:   a\nb\n\nc")),
            "a\nb"
        );
        assert_eq!(parse_deprecation(None, &c("x\nDeprecated: a")), "");
    }

    #[test]
    fn module_path_scanner() {
        assert_eq!(module_path(b"// x\nmodule  \"a/b\" \n"), "a/b");
        assert_eq!(module_path(b"module `a/b`"), "a/b");
        assert_eq!(module_path(b"modulex y\nmodule z // c"), "z");
        assert_eq!(module_path(b"module \"a"), "");
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
