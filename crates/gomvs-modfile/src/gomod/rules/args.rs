//! Directive arguments (`x/mod/modfile/rule.go`): `godebug key=value`,
//! `parseReplace`, `parseVersionInterval`, `parseString` and `parseVersion`
//! with its major-version check.

use super::modpath::is_directory_path;
use super::{span_of, DirectiveError, Fixer};
use crate::error::Error;
use crate::gomod::{FixError, Replace};
use crate::module::{self, ModuleVersion};
use crate::syntax::text::{auto_quote, go_bytes, go_string, must_quote, quote, unquote};
use crate::syntax::Line;
use std::borrow::Cow;

/// `godebug key=value` arguments, or `None` for the usage error.
pub(crate) fn parse_godebug(args: &[String]) -> Option<(String, String)> {
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

/// `parseReplace`; the arguments are `line.token[first_arg..]`.
pub(crate) fn parse_replace(
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
pub(crate) fn parse_version_interval(
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
pub(crate) fn parse_string(tok: &mut String) -> Result<String, &'static str> {
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
pub(crate) fn parse_version(
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
pub(crate) fn major_matches_fast(v: &str, path_major: &str) -> bool {
    // '.' is ASCII, so its position is a char boundary.
    let major = match v.bytes().position(|b| b == b'.') {
        Some(i) => v.get(..i).unwrap_or_default(),
        None => v,
    };
    if path_major.is_empty() {
        return major == "v0" || major == "v1";
    }
    path_major.strip_prefix('/') == Some(major)
}

pub(crate) fn module_path_major(path: &str) -> Result<&str, String> {
    match module::split_path_version_str(path) {
        Some((_, major)) => Ok(major),
        None => Err("invalid module path".to_owned()),
    }
}
