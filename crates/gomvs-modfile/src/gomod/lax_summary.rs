//! A fast path for what the module loader needs from a dependency's go.mod:
//! [`lax_summary`] scans the common, well-formed subset of go.mod syntax
//! line by line, without building the lossless syntax tree, and gives up
//! (returns `None`) on anything else, so the caller falls back to
//! [`parse_lax`](super::parse_lax).
//!
//! Inside the subset the result is exactly what `parse_lax` yields for the
//! module path, deprecation, go version and requirements: the arguments are
//! validated by the same functions the directive rules use
//! (`parseString`, `parseVersion`, the major-version check, the lax go
//! version fix-up). The subset:
//!
//! - printable ASCII, tabs, `\r` and `\n` only (anything else: `None`);
//! - `//` comments that do not contain `Deprecated` (so the deprecation is
//!   always empty), and no `/*`;
//! - no quote characters (`"`, `` ` ``, `'`) and none of `[]{},` outside
//!   comments;
//! - `module P`, `go V` and `require P V` lines, each at most once for
//!   `module` and `go`;
//! - `require (` blocks (also written `require(`) whose lines hold no
//!   parentheses, closed by a line holding only `)`;
//! - `exclude`, `replace`, `toolchain`, `godebug` and `tool` lines and
//!   `exclude`/`replace`/`godebug`/`tool` blocks, which lax parsing skips
//!   unvalidated;
//! - no other directive: `retract`, `ignore` and unknown verbs give `None`.
//!
//! Any validation failure gives `None` as well: errors only ever come from
//! the full parser, with its texts.

use super::rules::{is_go_version, lax_go_version, major_matches_fast, module_path_major};
use super::MAX_FILE_SIZE;
use crate::module::{self, ModuleVersion};
use crate::syntax::text::must_quote;
use std::borrow::Cow;

/// What [`lax_summary`] extracts from a go.mod in the fast subset.
///
/// A file in the subset has no `retract` directive and no deprecation
/// comment, so its retractions are none and its deprecation is empty.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LaxSummary {
    /// The module path of the `module` line (empty without one).
    pub module: String,
    /// The version of the `go` line, fixed up as lax parsing does (empty
    /// without one).
    pub go: String,
    /// The requirements in file order (duplicates kept), each with the
    /// 1-based line its require line starts on.
    pub require: Vec<(ModuleVersion, u32)>,
}

/// Which block the scanner is inside.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Block {
    Require,
    Skipped,
}

/// Scans `data` for the fast subset (see the module documentation);
/// `None` means "use [`parse_lax`](super::parse_lax)".
pub fn lax_summary(data: &[u8]) -> Option<LaxSummary> {
    if data.len() > MAX_FILE_SIZE {
        return None;
    }
    let mut out = LaxSummary::default();
    let mut have_module = false;
    let mut have_go = false;
    let mut block: Option<Block> = None;
    let mut toks: Vec<&str> = Vec::with_capacity(8);
    // The subset is ASCII: one validation of the whole file (any other
    // byte leaves the subset), then every byte is a char boundary.
    let text = std::str::from_utf8(data).ok()?;
    for (idx, raw) in text.split('\n').enumerate() {
        let line_no = u32::try_from(idx).ok()?.checked_add(1)?;
        let (code, comment) = split_line(raw)?;
        if !comment.is_empty() && comment.contains("Deprecated") {
            return None;
        }
        toks.clear();
        tokenize(code, &mut toks);
        if toks.is_empty() {
            continue;
        }
        let parens = toks.iter().filter(|t| **t == "(" || **t == ")").count();
        match block {
            Some(kind) => {
                if toks.as_slice() == [")"] {
                    block = None;
                    continue;
                }
                if parens > 0 {
                    return None;
                }
                if kind == Block::Require {
                    add_require(&mut out, &toks, line_no)?;
                }
            }
            None => {
                if toks.len() == 2 && toks[1] == "(" {
                    block = Some(match toks[0] {
                        "require" => Block::Require,
                        "exclude" | "replace" | "godebug" | "tool" => Block::Skipped,
                        _ => return None,
                    });
                    continue;
                }
                if parens > 0 {
                    return None;
                }
                match toks[0] {
                    "module" => {
                        if have_module || toks.len() != 2 {
                            return None;
                        }
                        have_module = true;
                        // No token of the subset needs quoting (see
                        // `add_require`): `parseString` returns it as it is.
                        debug_assert!(!must_quote(toks[1]));
                        out.module = toks[1].to_owned();
                    }
                    "go" => {
                        if have_go || toks.len() != 2 {
                            return None;
                        }
                        have_go = true;
                        let v = toks[1];
                        out.go = if is_go_version(v) {
                            v.to_owned()
                        } else {
                            lax_go_version(v)?
                        };
                    }
                    "require" => add_require(&mut out, &toks[1..], line_no)?,
                    "exclude" | "replace" | "toolchain" | "godebug" | "tool" => {}
                    _ => return None,
                }
            }
        }
    }
    if block.is_some() {
        // An unterminated block is a syntax error.
        return None;
    }
    Some(out)
}

/// What one byte of a line means to the scanner ([`split_line`]).
#[derive(Clone, Copy, PartialEq, Eq)]
enum ByteClass {
    /// Printable ASCII the subset allows anywhere, tab and `\r`.
    Plain,
    /// `/`: starts a comment when doubled, or a `/*` the subset rejects.
    Slash,
    /// A quote, bracket, brace or comma: allowed in comments only.
    CommentOnly,
    /// A control character, DEL or a non-ASCII byte: never in the subset.
    Outside,
}

/// [`ByteClass`] of every byte value, built once at compile time.
const BYTE_CLASS: [ByteClass; 256] = {
    let mut table = [ByteClass::Outside; 256];
    let mut b = 0x20;
    while b < 0x7f {
        table[b] = ByteClass::Plain;
        b += 1;
    }
    table[b'\t' as usize] = ByteClass::Plain;
    table[b'\r' as usize] = ByteClass::Plain;
    table[b'/' as usize] = ByteClass::Slash;
    let comment_only = [b'"', b'`', b'\'', b'[', b']', b'{', b'}', b','];
    let mut i = 0;
    while i < comment_only.len() {
        table[comment_only[i] as usize] = ByteClass::CommentOnly;
        i += 1;
    }
    table
};

/// Splits a line (without its `\n`) into its code and the text after `//`,
/// in one pass: `None` if the line leaves the subset (a byte outside
/// printable ASCII, tab and `\r` anywhere; `/*`, a quote, a bracket, a
/// brace or a comma in the code).
fn split_line(line: &str) -> Option<(&str, &str)> {
    let raw = line.as_bytes();
    let mut comment_at = None;
    for (i, &b) in raw.iter().enumerate() {
        match BYTE_CLASS[usize::from(b)] {
            ByteClass::Plain => {}
            ByteClass::Slash => match raw.get(i + 1) {
                Some(b'/') => {
                    comment_at = Some(i);
                    break;
                }
                Some(b'*') => return None,
                _ => {}
            },
            ByteClass::CommentOnly | ByteClass::Outside => return None,
        }
    }
    match comment_at {
        // `/` is ASCII, so `i` and `i + 2` are char boundaries.
        Some(i) => {
            let comment = line.get(i + 2..).unwrap_or_default();
            if comment
                .bytes()
                .any(|b| BYTE_CLASS[usize::from(b)] == ByteClass::Outside)
            {
                return None;
            }
            Some((line.get(..i).unwrap_or_default(), comment))
        }
        None => Some((line, "")),
    }
}

/// Splits the code part of a line into tokens: runs of identifier bytes
/// separated by spaces, tabs and `\r`, with `(` and `)` tokens of their own.
fn tokenize<'a>(code: &'a str, toks: &mut Vec<&'a str>) {
    let b = code.as_bytes();
    let mut start: Option<usize> = None;
    for (i, &c) in b.iter().enumerate() {
        match c {
            b' ' | b'\t' | b'\r' | b'(' | b')' => {
                if let Some(s) = start.take() {
                    toks.push(&code[s..i]);
                }
                if c == b'(' || c == b')' {
                    toks.push(&code[i..=i]);
                }
            }
            _ => {
                if start.is_none() {
                    start = Some(i);
                }
            }
        }
    }
    if let Some(s) = start {
        toks.push(&code[s..]);
    }
}

/// `(*File).add` for a lax `require` line with arguments `args`.
///
/// No token of the subset needs quoting (no quote, space, control
/// character, `//`, `/*`, bracket, brace or comma; parentheses are tokens
/// of their own), so `parseString` returns each token as it is.
fn add_require(out: &mut LaxSummary, args: &[&str], line: u32) -> Option<()> {
    let [path, version] = args else {
        return None;
    };
    debug_assert!(!must_quote(path) && !must_quote(version));
    // `parseVersion` with the canonicalizing fixer: an invalid version
    // leaves the subset (the full parser reports it).
    let v = match module::canonical_version_cow(version) {
        Cow::Borrowed("") => return None,
        v => v,
    };
    let path_major = module_path_major(path).ok()?;
    if !major_matches_fast(&v, path_major) {
        module::check_path_major(&v, path_major).ok()?;
    }
    out.require
        .push((ModuleVersion::new(*path, v.as_ref()), line));
    Some(())
}
