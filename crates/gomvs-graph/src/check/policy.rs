//! `gomvs.toml`: the policy of `gomvs check`, read with serde and the
//! `toml` crate.
//!
//! Every table refuses unknown keys; unknown keys, wrong types and bad
//! values (constraints, levels) are errors naming the file, line and
//! column. Where each rule is written is kept ([`PolicyLocation`]), so a
//! finding can cite the rule that fired. The file format is documented in
//! `docs/check.md`.

use super::constraint::Constraint;
use indexmap::IndexMap;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use toml::Spanned;

/// The policy file's name.
pub const POLICY_FILE: &str = "gomvs.toml";

/// How serious a finding is (SARIF's levels).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Information.
    Note,
    /// Worth a look; fails only with `--fail-level warning` or `note`.
    Warning,
    /// Fails the check by default.
    Error,
}

impl Severity {
    /// `error`, `warning` or `note`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A rule's level: a severity, or off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// The rule does not run.
    Off,
    /// Findings are notes.
    Note,
    /// Findings are warnings.
    Warning,
    /// Findings are errors.
    Error,
}

impl Level {
    /// The severity of the rule's findings, `None` when off.
    pub fn severity(self) -> Option<Severity> {
        match self {
            Level::Off => None,
            Level::Note => Some(Severity::Note),
            Level::Warning => Some(Severity::Warning),
            Level::Error => Some(Severity::Error),
        }
    }
}

/// Where a rule is written in the policy file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PolicyLocation {
    /// The policy file (as given or found).
    pub file: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column, in characters.
    pub column: u32,
}

impl std::fmt::Display for PolicyLocation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.column)
    }
}

/// A policy file that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PolicyError {
    /// The file cannot be read.
    #[error("{file}: {message}")]
    Read {
        /// The file.
        file: String,
        /// The I/O error.
        message: String,
    },
    /// Bad syntax, an unknown key or a bad value.
    #[error("{at}: {message}")]
    Invalid {
        /// Where.
        at: PolicyLocation,
        /// What is wrong and what to write instead.
        message: String,
    },
}

/// An allow-list entry of `[replace]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReplaceAllow {
    /// Pattern on the replaced module path (`*` matches any run of characters).
    pub module: String,
    /// Pattern on the target: a module path or a directory as written (`None`: any target).
    pub target: Option<String>,
    /// Branch patterns this entry is limited to (empty: every branch).
    pub branches: Vec<String>,
    /// Why it is allowed.
    pub reason: Option<String>,
    /// Where the entry is written.
    pub at: Option<PolicyLocation>,
}

/// `[replace]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReplacePolicy {
    /// Forbid every replace directive that counts (go.mod and go.work).
    pub forbid: bool,
    /// Forbid directory (local path) replacements, even when `forbid` is false.
    pub forbid_directory: bool,
    /// Severity of the findings.
    pub severity: Severity,
    /// Branch patterns the section applies on (empty: every branch).
    pub branches: Vec<String>,
    /// Directives allowed despite `forbid` / `forbid_directory`.
    pub allow: Vec<ReplaceAllow>,
    /// Where `forbid` is written.
    pub forbid_at: Option<PolicyLocation>,
    /// Where `forbid_directory` is written.
    pub forbid_directory_at: Option<PolicyLocation>,
}

/// Which version a pin constrains.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PinTarget {
    /// The selected version (what MVS chose; `go list -m` prints it first).
    Selected,
    /// The version the build uses: the replacement's, when replaced.
    Used,
    /// Both.
    Both,
}

/// One `[pins]` entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Pin {
    /// The module path.
    pub module: String,
    /// The constraint.
    pub constraint: Constraint,
    /// Which version it constrains.
    pub check: PinTarget,
    /// Severity of its findings.
    pub severity: Severity,
    /// Why.
    pub reason: Option<String>,
    /// Where the entry is written.
    pub at: Option<PolicyLocation>,
}

/// One `[[ban]]` entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ban {
    /// Pattern on module paths.
    pub module: String,
    /// Banned versions (`None`: every version).
    pub versions: Option<Constraint>,
    /// Why it is banned (shown in the finding).
    pub reason: Option<String>,
    /// Severity.
    pub severity: Severity,
    /// Where the entry is written.
    pub at: Option<PolicyLocation>,
}

/// An exception entry: a module pattern, optional versions, a reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Exception {
    /// Pattern on module paths.
    pub module: String,
    /// Versions the exception covers (`None`: all).
    pub versions: Option<Constraint>,
    /// Why.
    pub reason: Option<String>,
    /// Where the entry is written.
    pub at: Option<PolicyLocation>,
}

impl Exception {
    /// Whether the exception covers `path@version`.
    pub fn covers(&self, path: &str, version: &str) -> bool {
        glob_match(&self.module, path) && self.versions.as_ref().is_none_or(|c| c.matches(version))
    }
}

/// `[retracted]` or `[deprecated]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatusPolicy {
    /// The level of findings.
    pub level: Level,
    /// Modules exempted.
    pub allow: Vec<Exception>,
    /// Where `level` is written.
    pub at: Option<PolicyLocation>,
}

/// A change kind of `[base]` (for exception entries).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BaseChange {
    /// A module's used version went down.
    Downgrade,
    /// A replace directive that the base revision did not have.
    NewReplace,
    /// A new major version of a module entered the build list.
    NewMajor,
    /// A `[pins]` entry of the base revision's policy is gone.
    RemovedPin,
}

/// A `[base]` exception entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BaseException {
    /// Pattern on module paths.
    pub module: String,
    /// The change kind it allows (`None`: every kind).
    pub change: Option<BaseChange>,
    /// Why.
    pub reason: Option<String>,
    /// Where the entry is written.
    pub at: Option<PolicyLocation>,
}

/// `[base]`: comparison with a base git revision (`--base REV`). Parsed
/// here; evaluated by the `base` finding producer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BasePolicy {
    /// A module's used version is lower than at the base (GMV0101).
    pub downgrade: Level,
    /// A replace directive the base did not have (GMV0102).
    pub new_replace: Level,
    /// A module path of a new major version (GMV0103).
    pub new_major: Level,
    /// A pin of the base revision's policy is gone (GMV0104).
    pub removed_pin: Level,
    /// Exceptions.
    pub allow: Vec<BaseException>,
    /// Where the section is written.
    pub at: Option<PolicyLocation>,
}

/// `[gosum]`: go.sum coverage and offline hash verification. Parsed here;
/// evaluated by the `gosum` finding producer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GosumPolicy {
    /// A go.sum line the go command needs is missing (GMV0201).
    pub missing: Level,
    /// A go.sum line nothing needs (GMV0202).
    pub stale: Level,
    /// A recorded `h1:` hash differs from the module cache's contents (GMV0203).
    pub verify: Level,
    /// A hash that could not be verified (not in the cache) (GMV0204).
    pub unverifiable: Level,
    /// Modules exempted.
    pub allow: Vec<Exception>,
    /// Where the section is written.
    pub at: Option<PolicyLocation>,
}

/// A parsed policy; [`Policy::default`] is the documented defaults.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Policy {
    /// The file it was read from (`None`: no file, the defaults).
    pub file: Option<PathBuf>,
    /// Level of stale allow-list / exception entries (GMV0090).
    pub stale: Level,
    /// `[replace]`.
    pub replace: ReplacePolicy,
    /// `[pins]`, in file order.
    pub pins: Vec<Pin>,
    /// `[[ban]]`, in file order.
    pub bans: Vec<Ban>,
    /// `[retracted]`.
    pub retracted: StatusPolicy,
    /// `[deprecated]`.
    pub deprecated: StatusPolicy,
    /// `[base]`.
    pub base: BasePolicy,
    /// `[gosum]`.
    pub gosum: GosumPolicy,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            file: None,
            stale: Level::Warning,
            replace: ReplacePolicy {
                forbid: false,
                forbid_directory: false,
                severity: Severity::Error,
                branches: Vec::new(),
                allow: Vec::new(),
                forbid_at: None,
                forbid_directory_at: None,
            },
            pins: Vec::new(),
            bans: Vec::new(),
            retracted: StatusPolicy {
                level: Level::Warning,
                allow: Vec::new(),
                at: None,
            },
            deprecated: StatusPolicy {
                level: Level::Warning,
                allow: Vec::new(),
                at: None,
            },
            base: BasePolicy {
                downgrade: Level::Error,
                new_replace: Level::Error,
                new_major: Level::Warning,
                removed_pin: Level::Error,
                allow: Vec::new(),
                at: None,
            },
            gosum: GosumPolicy {
                missing: Level::Error,
                // Off by default: without package loading the judgement
                // over-reports (docs/check.md, "gosum").
                stale: Level::Off,
                verify: Level::Error,
                unverifiable: Level::Off,
                allow: Vec::new(),
                at: None,
            },
        }
    }
}

// ---- the file's serde shape ----

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPolicy {
    stale: Option<Spanned<Level>>,
    replace: Option<RawReplace>,
    pins: Option<IndexMap<String, Spanned<toml::Value>>>,
    ban: Option<Vec<Spanned<RawBan>>>,
    retracted: Option<RawStatus>,
    deprecated: Option<RawStatus>,
    base: Option<Spanned<RawBase>>,
    gosum: Option<Spanned<RawGosum>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReplace {
    forbid: Option<Spanned<bool>>,
    forbid_directory: Option<Spanned<bool>>,
    severity: Option<Severity>,
    #[serde(default)]
    branches: Vec<Spanned<String>>,
    #[serde(default)]
    allow: Vec<Spanned<RawReplaceAllow>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReplaceAllow {
    module: Spanned<String>,
    target: Option<Spanned<String>>,
    #[serde(default)]
    branches: Vec<Spanned<String>>,
    reason: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPin {
    version: String,
    check: Option<PinTarget>,
    severity: Option<Severity>,
    reason: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBan {
    module: Spanned<String>,
    versions: Option<Spanned<String>>,
    reason: Option<String>,
    severity: Option<Severity>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStatus {
    level: Option<Spanned<Level>>,
    #[serde(default)]
    allow: Vec<Spanned<RawException>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawException {
    module: Spanned<String>,
    versions: Option<Spanned<String>>,
    reason: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBase {
    downgrade: Option<Level>,
    new_replace: Option<Level>,
    new_major: Option<Level>,
    removed_pin: Option<Level>,
    #[serde(default)]
    allow: Vec<Spanned<RawBaseException>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBaseException {
    module: Spanned<String>,
    change: Option<BaseChange>,
    reason: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGosum {
    missing: Option<Level>,
    stale: Option<Level>,
    verify: Option<Level>,
    unverifiable: Option<Level>,
    #[serde(default)]
    allow: Vec<Spanned<RawException>>,
}

/// Converts byte offsets of one text into 1-based line and column.
struct LineIndex<'a> {
    text: &'a str,
    file: String,
}

impl LineIndex<'_> {
    fn at(&self, byte: usize) -> PolicyLocation {
        let mut byte = byte.min(self.text.len());
        while !self.text.is_char_boundary(byte) {
            byte -= 1;
        }
        let before = &self.text[..byte];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        PolicyLocation {
            file: self.file.clone(),
            line: u32::try_from(line).unwrap_or(u32::MAX),
            column: u32::try_from(column).unwrap_or(u32::MAX),
        }
    }

    fn span<T>(&self, s: &Spanned<T>) -> PolicyLocation {
        self.at(s.span().start)
    }

    fn error<T>(&self, s: &Spanned<T>, message: impl Into<String>) -> PolicyError {
        PolicyError::Invalid {
            at: self.span(s),
            message: message.into(),
        }
    }
}

fn constraint(ix: &LineIndex<'_>, s: &Spanned<String>) -> Result<Constraint, PolicyError> {
    Constraint::parse(s.get_ref()).map_err(|e| ix.error(s, e.0))
}

fn pattern(ix: &LineIndex<'_>, s: &Spanned<String>, what: &str) -> Result<String, PolicyError> {
    if s.get_ref().trim().is_empty() {
        return Err(ix.error(s, format!("empty {what} pattern")));
    }
    Ok(s.get_ref().clone())
}

fn patterns(
    ix: &LineIndex<'_>,
    list: &[Spanned<String>],
    what: &str,
) -> Result<Vec<String>, PolicyError> {
    list.iter().map(|s| pattern(ix, s, what)).collect()
}

fn exceptions(
    ix: &LineIndex<'_>,
    list: Vec<Spanned<RawException>>,
) -> Result<Vec<Exception>, PolicyError> {
    list.into_iter()
        .map(|e| {
            let at = ix.span(&e);
            let e = e.into_inner();
            Ok(Exception {
                module: pattern(ix, &e.module, "module")?,
                versions: e.versions.as_ref().map(|v| constraint(ix, v)).transpose()?,
                reason: e.reason,
                at: Some(at),
            })
        })
        .collect()
}

fn status(
    ix: &LineIndex<'_>,
    raw: Option<RawStatus>,
    default: StatusPolicy,
) -> Result<StatusPolicy, PolicyError> {
    let Some(raw) = raw else { return Ok(default) };
    Ok(StatusPolicy {
        at: raw.level.as_ref().map(|l| ix.span(l)),
        level: raw.level.map_or(default.level, Spanned::into_inner),
        allow: exceptions(ix, raw.allow)?,
    })
}

impl Policy {
    /// Parses the text of a policy file; `file` names it in locations and errors.
    pub fn parse(file: &Path, text: &str) -> Result<Policy, PolicyError> {
        let ix = LineIndex {
            text,
            file: file.display().to_string(),
        };
        let raw: RawPolicy = toml::from_str(text).map_err(|e| PolicyError::Invalid {
            at: ix.at(e.span().map_or(0, |s| s.start)),
            message: e.message().trim_end().replace('\n', "; "),
        })?;
        let mut p = Policy {
            file: Some(file.to_path_buf()),
            ..Policy::default()
        };
        if let Some(s) = raw.stale {
            p.stale = s.into_inner();
        }
        if let Some(r) = raw.replace {
            p.replace.forbid_at = r.forbid.as_ref().map(|s| ix.span(s));
            p.replace.forbid_directory_at = r.forbid_directory.as_ref().map(|s| ix.span(s));
            p.replace.forbid = r.forbid.is_some_and(|s| *s.get_ref());
            p.replace.forbid_directory = r.forbid_directory.is_some_and(|s| *s.get_ref());
            if let Some(s) = r.severity {
                p.replace.severity = s;
            }
            p.replace.branches = patterns(&ix, &r.branches, "branch")?;
            for a in r.allow {
                let at = ix.span(&a);
                let a = a.into_inner();
                p.replace.allow.push(ReplaceAllow {
                    module: pattern(&ix, &a.module, "module")?,
                    target: a
                        .target
                        .as_ref()
                        .map(|t| pattern(&ix, t, "target"))
                        .transpose()?,
                    branches: patterns(&ix, &a.branches, "branch")?,
                    reason: a.reason,
                    at: Some(at),
                });
            }
        }
        for (module, value) in raw.pins.unwrap_or_default() {
            let at = ix.span(&value);
            let span = value.span();
            let raw_pin = match value.into_inner() {
                toml::Value::String(s) => RawPin {
                    version: s,
                    check: None,
                    severity: None,
                    reason: None,
                },
                v @ toml::Value::Table(_) => {
                    RawPin::deserialize(v).map_err(|e| PolicyError::Invalid {
                        at: at.clone(),
                        message: format!("pin {module:?}: {}", e.message().trim_end()),
                    })?
                }
                other => {
                    return Err(PolicyError::Invalid {
                        at,
                        message: format!(
                            "pin {module:?}: expected a constraint string such as \">= v1.8.3\" or a table {{ version = \">= v1.8.3\", check = \"used\" }}, found {}",
                            other.type_str()
                        ),
                    })
                }
            };
            if module.trim().is_empty() {
                return Err(PolicyError::Invalid {
                    at,
                    message: "empty module path in [pins]".into(),
                });
            }
            let c = Constraint::parse(&raw_pin.version).map_err(|e| PolicyError::Invalid {
                at: ix.at(span.start),
                message: format!("pin {module:?}: {}", e.0),
            })?;
            p.pins.push(Pin {
                module,
                constraint: c,
                check: raw_pin.check.unwrap_or(PinTarget::Both),
                severity: raw_pin.severity.unwrap_or(Severity::Error),
                reason: raw_pin.reason,
                at: Some(at),
            });
        }
        // toml hands map entries over sorted by key: restore file order.
        p.pins
            .sort_by_key(|pin| pin.at.as_ref().map(|a| (a.line, a.column)));
        for b in raw.ban.unwrap_or_default() {
            let at = ix.span(&b);
            let b = b.into_inner();
            p.bans.push(Ban {
                module: pattern(&ix, &b.module, "module")?,
                versions: b
                    .versions
                    .as_ref()
                    .map(|v| constraint(&ix, v))
                    .transpose()?,
                reason: b.reason,
                severity: b.severity.unwrap_or(Severity::Error),
                at: Some(at),
            });
        }
        p.retracted = status(&ix, raw.retracted, p.retracted)?;
        p.deprecated = status(&ix, raw.deprecated, p.deprecated)?;
        if let Some(b) = raw.base {
            let at = ix.span(&b);
            let b = b.into_inner();
            let d = &p.base;
            p.base = BasePolicy {
                downgrade: b.downgrade.unwrap_or(d.downgrade),
                new_replace: b.new_replace.unwrap_or(d.new_replace),
                new_major: b.new_major.unwrap_or(d.new_major),
                removed_pin: b.removed_pin.unwrap_or(d.removed_pin),
                allow: b
                    .allow
                    .into_iter()
                    .map(|e| {
                        let at = ix.span(&e);
                        let e = e.into_inner();
                        Ok(BaseException {
                            module: pattern(&ix, &e.module, "module")?,
                            change: e.change,
                            reason: e.reason,
                            at: Some(at),
                        })
                    })
                    .collect::<Result<_, PolicyError>>()?,
                at: Some(at),
            };
        }
        if let Some(g) = raw.gosum {
            let at = ix.span(&g);
            let g = g.into_inner();
            let d = &p.gosum;
            p.gosum = GosumPolicy {
                missing: g.missing.unwrap_or(d.missing),
                stale: g.stale.unwrap_or(d.stale),
                verify: g.verify.unwrap_or(d.verify),
                unverifiable: g.unverifiable.unwrap_or(d.unverifiable),
                allow: exceptions(&ix, g.allow)?,
                at: Some(at),
            };
        }
        Ok(p)
    }

    /// Reads and parses the policy file `file`; locations name it
    /// relative to `root` when it is inside (else as given).
    pub fn read(file: &Path, root: Option<&Path>) -> Result<Policy, PolicyError> {
        let shown = match root.and_then(|r| file.strip_prefix(r).ok()) {
            Some(rel) => rel.to_path_buf(),
            None => file.to_path_buf(),
        };
        let data = gomvs_modfile::fsread::read(file).map_err(|e| PolicyError::Read {
            file: shown.display().to_string(),
            message: e.to_string(),
        })?;
        let text = String::from_utf8(data).map_err(|_| PolicyError::Read {
            file: shown.display().to_string(),
            message: "stream did not contain valid UTF-8".to_string(),
        })?;
        let mut p = Policy::parse(&shown, &text)?;
        p.file = Some(file.to_path_buf());
        Ok(p)
    }

    /// The policy in effect: `explicit` (`--config FILE`) if given, else the
    /// first `gomvs.toml` found by [`find_policy_file`] from `start`, else
    /// the defaults. File names in locations are relative to `root`.
    pub fn load(
        explicit: Option<&Path>,
        start: &Path,
        root: Option<&Path>,
    ) -> Result<Policy, PolicyError> {
        match explicit {
            Some(f) => Policy::read(f, root),
            None => match find_policy_file(start) {
                Some(f) => Policy::read(&f, root),
                None => Ok(Policy::default()),
            },
        }
    }
}

/// The repository root above `start`: the nearest directory (`start`
/// included) holding `.git` (a directory, or a file in a linked worktree).
pub fn repository_root(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .find(|d| d.join(".git").exists())
        .map(Path::to_path_buf)
}

/// Looks for `gomvs.toml` in `start` (the main module's directory), then in
/// each parent up to and including the repository root. Outside a
/// repository only `start` is consulted (a stray file higher up must not
/// change a build's policy).
pub fn find_policy_file(start: &Path) -> Option<PathBuf> {
    let root = repository_root(start);
    for dir in start.ancestors() {
        let f = dir.join(POLICY_FILE);
        if f.is_file() {
            return Some(f);
        }
        match &root {
            Some(r) if dir != r.as_path() => continue,
            _ => return None,
        }
    }
    None
}

/// Matches `text` against `pattern`, where `*` matches any run of
/// characters (`/` included) and `?` any one character; everything else
/// matches itself. Iterative (no backtracking recursion).
pub fn glob_match(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    let (mut pi, mut ti) = (0usize, 0usize);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        match p.get(pi) {
            Some('*') => {
                star = Some((pi, ti));
                pi += 1;
            }
            Some(&c) if c == '?' || Some(&c) == t.get(ti) => {
                pi += 1;
                ti += 1;
            }
            _ => match star {
                Some((sp, st)) => {
                    pi = sp + 1;
                    ti = st + 1;
                    star = Some((sp, st + 1));
                }
                None => return false,
            },
        }
    }
    p[pi.min(p.len())..].iter().all(|&c| c == '*')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs() {
        assert!(glob_match("release/*", "release/1.2"));
        assert!(glob_match("github.com/acme/*", "github.com/acme/a/b"));
        assert!(!glob_match("main", "main2"));
        assert!(glob_match("*", ""));
        assert!(glob_match("a?c", "abc"));
        assert!(glob_match("*x*y", "aaxbby"));
        assert!(!glob_match("*x*y", "aaxbb"));
    }

    fn err(text: &str) -> String {
        match Policy::parse(Path::new("gomvs.toml"), text) {
            Ok(_) => panic!("accepted: {text}"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn the_documented_opening_example_parses() {
        let text = "[replace]\nforbid = true                          # no replace directive in go.mod or go.work\n[pins]\n\"github.com/shared/auth\" = \">= v1.8.3\" # the version the build uses, after replace\n";
        let p = Policy::parse(Path::new("gomvs.toml"), text).unwrap_or_else(|e| panic!("{e}"));
        assert!(p.replace.forbid);
        assert_eq!(
            p.replace.forbid_at.as_ref().map(|a| (a.line, a.column)),
            Some((2, 10))
        );
        assert_eq!(p.pins.len(), 1);
        assert_eq!(
            p.pins[0].at.as_ref().map(|a| (a.line, a.column)),
            Some((4, 28))
        );
        assert_eq!(p.pins[0].check, PinTarget::Both);
    }

    #[test]
    fn errors_have_line_and_column() {
        assert_eq!(
            err("[replace]\nforbid = true\nforbidd = 1\n"),
            "gomvs.toml:3:1: unknown field `forbidd`, expected one of `forbid`, `forbid_directory`, `severity`, `branches`, `allow`"
        );
        assert_eq!(
            err("[pins]\n\"a.com/x\" = \">= 1.2.3\"\n"),
            "gomvs.toml:2:13: pin \"a.com/x\": invalid version \"1.2.3\" in \">= 1.2.3\" (Go versions start with v: v1.2.3)"
        );
        assert!(err("[retracted]\nlevel = \"fatal\"\n")
            .starts_with("gomvs.toml:2:9: unknown variant `fatal`"));
        assert!(
            err("[[ban]]\nmodule = \"x\"\nversions = \"<<v1\"\n").starts_with("gomvs.toml:3:12: ")
        );
        assert!(err("[pins]\n\"a.com/x\" = 3\n").contains("found integer"));
        assert!(
            err("[pins]\n\"a.com/x\" = { version = \"v1.0.0\", chekc = \"used\" }\n")
                .starts_with("gomvs.toml:2:13: pin \"a.com/x\": unknown field `chekc`")
        );
    }
}
