//! Version constraints of `gomvs.toml` pins and bans, compared in Go's
//! version order.
//!
//! Syntax: one or more comma-separated clauses, each an operator and a Go
//! version: `>= v1.8.3`, `= v1.5.0`, `!= v1.6.0`, `< v2`, `>= v1.2.0, < v1.4.0`
//! (all clauses must hold). A bare version means `=`.
//!
//! Versions compare exactly as the go command compares them
//! (`golang.org/x/mod/semver.Compare`, ported in [`gomvs_modfile::semver`]):
//! a leading `v` is required, build metadata (`+incompatible`) is ignored,
//! a prerelease (and so a pseudo-version such as
//! `v1.8.4-0.20240101000000-abcdefabcdef`) sorts below its release.
//!
//! Why not the `semver` crate's `VersionReq`: it does not compare like Go.
//! It rejects the `v` prefix and Go's `vMAJOR` / `vMAJOR.MINOR`
//! shorthands, orders build metadata (Go ignores it, so `v2.0.0+incompatible`
//! equals `v2.0.0`), and leaves prereleases out of a range unless a
//! comparator names the same `major.minor.patch` (so `>= v1.8.3` would not
//! match the pseudo-version `v1.8.4-0.2024...`, which Go orders above
//! v1.8.3). `tests/check_constraint.rs` measures the disagreement on the
//! version table recorded from the real go. The grammar here is small, so it
//! is written by hand on top of Go's comparison.
//!
//! Shorthands: `< v2` and `< v1.4` mean "below every version of that
//! series", prereleases included (`< v2.0.0-0`), and `>= v2` / `>= v1.4` mean
//! "at or above the first version of the series" (`>= v2.0.0-0`): that is
//! what a person writing `< v2` means, and Go's own order would otherwise
//! let `v2.0.0-rc.1` through. Other operators need a full version.

use gomvs_modfile::semver;
use serde::Serialize;
use std::cmp::Ordering;

/// A comparison operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Op {
    /// `=`
    #[serde(rename = "=")]
    Eq,
    /// `!=`
    #[serde(rename = "!=")]
    Ne,
    /// `<`
    #[serde(rename = "<")]
    Lt,
    /// `<=`
    #[serde(rename = "<=")]
    Le,
    /// `>`
    #[serde(rename = ">")]
    Gt,
    /// `>=`
    #[serde(rename = ">=")]
    Ge,
}

impl Op {
    fn as_str(self) -> &'static str {
        match self {
            Op::Eq => "=",
            Op::Ne => "!=",
            Op::Lt => "<",
            Op::Le => "<=",
            Op::Gt => ">",
            Op::Ge => ">=",
        }
    }
}

/// One clause: an operator and the version it compares with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Clause {
    /// The operator.
    pub op: Op,
    /// The version as written.
    pub version: String,
    /// The version compared with (a shorthand bound expanded to its series' first version).
    #[serde(skip)]
    bound: String,
}

impl Clause {
    /// Whether `v` satisfies the clause (Go's version order).
    pub fn matches(&self, v: &str) -> bool {
        let c = semver::compare(v, &self.bound);
        match self.op {
            Op::Eq => c == Ordering::Equal,
            Op::Ne => c != Ordering::Equal,
            Op::Lt => c == Ordering::Less,
            Op::Le => c != Ordering::Greater,
            Op::Gt => c == Ordering::Greater,
            Op::Ge => c != Ordering::Less,
        }
    }
}

/// A parsed constraint: every clause must hold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Constraint {
    /// The text as written.
    pub text: String,
    /// The clauses.
    pub clauses: Vec<Clause>,
}

/// Why a constraint does not parse.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct ConstraintError(pub String);

impl Constraint {
    /// Parses `text` (see the module docs).
    pub fn parse(text: &str) -> Result<Constraint, ConstraintError> {
        let mut clauses = Vec::new();
        if text.trim().is_empty() {
            return Err(ConstraintError(
                "empty version constraint (write e.g. \">= v1.8.3\")".into(),
            ));
        }
        for part in text.split(',') {
            let part = part.trim();
            if part.is_empty() {
                return Err(ConstraintError(format!(
                    "empty clause in version constraint {text:?} (clauses are separated by one comma)"
                )));
            }
            let (op, rest) = if let Some(r) = part.strip_prefix(">=") {
                (Op::Ge, r)
            } else if let Some(r) = part.strip_prefix("<=") {
                (Op::Le, r)
            } else if let Some(r) = part.strip_prefix("!=") {
                (Op::Ne, r)
            } else if let Some(r) = part.strip_prefix("==") {
                (Op::Eq, r)
            } else if let Some(r) = part.strip_prefix('>') {
                (Op::Gt, r)
            } else if let Some(r) = part.strip_prefix('<') {
                (Op::Lt, r)
            } else if let Some(r) = part.strip_prefix('=') {
                (Op::Eq, r)
            } else {
                (Op::Eq, part)
            };
            let version = rest.trim();
            if version.is_empty() {
                return Err(ConstraintError(format!(
                    "missing version after {:?} in {text:?}",
                    op.as_str()
                )));
            }
            if version.contains(char::is_whitespace) {
                return Err(ConstraintError(format!(
                    "{part:?} in {text:?}: expected one operator and one version; separate clauses with a comma"
                )));
            }
            if !semver::is_valid(version) {
                let hint = if semver::is_valid(&format!("v{version}")) {
                    format!(" (Go versions start with v: v{version})")
                } else {
                    String::new()
                };
                return Err(ConstraintError(format!(
                    "invalid version {version:?} in {text:?}{hint}"
                )));
            }
            let shorthand = semver::canonical(version) != version.split('+').next().unwrap_or("")
                && semver::build(version).is_empty();
            let bound = if shorthand {
                match op {
                    Op::Lt | Op::Ge => format!("{}-0", semver::canonical(version)),
                    _ => {
                        return Err(ConstraintError(format!(
                            "{:?} needs a full version (vMAJOR.MINOR.PATCH), not the shorthand {version:?}; shorthands are for \"<\" and \">=\"",
                            op.as_str()
                        )))
                    }
                }
            } else {
                version.to_string()
            };
            clauses.push(Clause {
                op,
                version: version.to_string(),
                bound,
            });
        }
        Ok(Constraint {
            text: text.trim().to_string(),
            clauses,
        })
    }

    /// Whether version `v` satisfies every clause; an invalid `v` (such as
    /// the empty version of a directory replacement) satisfies none.
    pub fn matches(&self, v: &str) -> bool {
        semver::is_valid(v) && self.clauses.iter().all(|c| c.matches(v))
    }
}

impl std::fmt::Display for Constraint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(s: &str) -> Constraint {
        Constraint::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    #[test]
    fn go_order() {
        assert!(c(">= v1.8.3").matches("v1.8.3"));
        assert!(!c(">= v1.8.3").matches("v1.5.0"));
        assert!(c(">= v1.8.3").matches("v1.8.4-0.20240101000000-abcdefabcdef"));
        assert!(!c(">= v1.8.3").matches("v1.8.3-0.20240101000000-abcdefabcdef"));
        assert!(c("= v2.0.0+incompatible").matches("v2.0.0+incompatible"));
        assert!(c("v1.5.0").matches("v1.5.0"));
        assert!(c(">= v1.2.0, < v1.4.0").matches("v1.3.9"));
        assert!(!c(">= v1.2.0, < v1.4.0").matches("v1.4.0"));
        // Go order: a prerelease sorts below its release.
        assert!(c(">= v1.2.0, < v1.4.0").matches("v1.4.0-rc.1"));
        assert!(!c(">= v1.8.3").matches(""));
    }

    #[test]
    fn shorthands_cover_a_series() {
        assert!(c("< v2").matches("v1.99.0"));
        assert!(!c("< v2").matches("v2.0.0-rc.1"));
        assert!(!c("< v2").matches("v2.0.0+incompatible"));
        assert!(c(">= v1.4").matches("v1.4.0-pre"));
        assert!(!c(">= v1.4").matches("v1.3.99"));
        assert!(Constraint::parse("= v2").is_err());
    }

    #[test]
    fn errors_say_what_to_write() {
        let e = Constraint::parse(">= 1.8.3")
            .err()
            .map(|e| e.0)
            .unwrap_or_default();
        assert!(e.contains("start with v: v1.8.3"), "{e}");
        assert!(Constraint::parse("").is_err());
        assert!(Constraint::parse(">= v1.0.0,").is_err());
        assert!(Constraint::parse(">= v1.0.0 < v2").is_err());
        assert!(Constraint::parse(">=").is_err());
        assert!(Constraint::parse("~> v1.0.0").is_err());
    }
}
