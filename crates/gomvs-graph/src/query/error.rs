//! Query errors (`NoMatchingVersionError`, `NoPatchBaseError`, `ErrDisallowed`,
//! `module.ModuleError`) with Go's texts, and `ShortMessage`.

use crate::source::FetchError;
use gomvs_modfile::{module, ModuleVersion};

/// The class of a [`QueryError`], as callers test it with `errors.Is`/`errors.As`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueryErrorKind {
    /// `NoMatchingVersionError`.
    NoMatchingVersion,
    /// `NoPatchBaseError`.
    NoPatchBase,
    /// Excluded by a main module (`ErrDisallowed`).
    Excluded,
    /// Retracted by the module author (`ErrDisallowed`), with the rationales.
    Retracted(Vec<String>),
    /// A "not found" failure (`fs.ErrNotExist`).
    NotFound,
    /// Anything else.
    Other,
}

/// A failed query, with Go's text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{text}")]
pub struct QueryError {
    /// The class of failure.
    pub kind: QueryErrorKind,
    /// Go's full text.
    pub text: String,
    /// The text without the `module.ModuleError` prefix, when the error is one
    /// (what `errors.As(err, &*module.ModuleError).Err` prints).
    pub inner: Option<String>,
}

impl QueryError {
    pub(super) fn new(kind: QueryErrorKind, text: impl Into<String>) -> Self {
        QueryError {
            kind,
            text: text.into(),
            inner: None,
        }
    }

    pub(super) fn other(text: impl Into<String>) -> Self {
        QueryError::new(QueryErrorKind::Other, text)
    }

    /// `module.VersionError(m, err)`.
    pub(super) fn version_error(m: &ModuleVersion, kind: QueryErrorKind, msg: &str) -> Self {
        QueryError {
            kind,
            text: format!("{m}: {msg}"),
            inner: Some(msg.to_string()),
        }
    }

    pub(super) fn from_fetch(e: FetchError) -> Self {
        let kind = if e.is_not_found() {
            QueryErrorKind::NotFound
        } else {
            QueryErrorKind::Other
        };
        QueryError {
            kind,
            text: e.go_text(),
            inner: e.module.as_ref().map(|_| e.message.clone()),
        }
    }

    /// `NoMatchingVersionError{query, current}`.
    pub fn no_matching(query: &str, current: &str) -> Self {
        let mut text = format!("no matching versions for query {}", go_quote(query));
        if (query == "upgrade" || query == "patch") && !current.is_empty() && current != "none" {
            text.push_str(&format!(" (current version is {current})"));
        }
        QueryError::new(QueryErrorKind::NoMatchingVersion, text)
    }

    /// Whether it is `ErrDisallowed` (excluded or retracted).
    pub fn is_disallowed(&self) -> bool {
        matches!(
            self.kind,
            QueryErrorKind::Excluded | QueryErrorKind::Retracted(_)
        )
    }

    /// Whether it is `fs.ErrNotExist`.
    pub fn is_not_found(&self) -> bool {
        self.kind == QueryErrorKind::NotFound
    }

    /// Whether it is a `NoMatchingVersionError`.
    pub fn is_no_matching(&self) -> bool {
        self.kind == QueryErrorKind::NoMatchingVersion
    }
}

/// Go's `%q` of a string (`strconv.Quote`).
pub(super) fn go_quote(s: &str) -> String {
    module::quote(s)
}

/// `ShortMessage`: a go.mod message safe to print on a terminal.
pub fn short_message(message: &str, empty_default: &str) -> String {
    const MAX_LEN: usize = 500;
    let first = message.split('\n').next().unwrap_or("");
    let m = first.trim_matches(|c: char| c.is_whitespace());
    if m.is_empty() {
        return empty_default.to_string();
    }
    if m.len() > MAX_LEN {
        return "(message omitted: too long)".to_string();
    }
    if m.chars()
        .any(|c| !gomvs_modfile::syntax::text::is_print(c as u32) && !c.is_whitespace())
    {
        return "(message omitted: contains non-printable characters)".to_string();
    }
    m.to_string()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn short_messages() {
        assert_eq!(short_message("  Bad.\nmore", "x"), "Bad.");
        assert_eq!(short_message(" \n", "dflt"), "dflt");
        assert_eq!(
            short_message(&"a".repeat(501), "x"),
            "(message omitted: too long)"
        );
        assert_eq!(
            short_message("a\u{7}b", "x"),
            "(message omitted: contains non-printable characters)"
        );
    }
}
