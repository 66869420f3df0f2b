//! Findings of `gomvs check` as data: a stable code, a severity, the rule
//! that fired (where it is written in `gomvs.toml`), the module, a message,
//! the line to annotate in go.mod / go.work, and the cause in the module
//! graph (built on [`crate::explain::why`]).

use super::policy::{PolicyLocation, Severity};
use crate::explain::Location;
use gomvs_modfile::ModuleVersion;
use serde::Serialize;

/// A finding's stable code (`GMV0001` …). Codes are never reused or
/// renumbered; `docs/check.md` documents each with an example.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Code {
    /// GMV0001: a replace directive while `[replace] forbid = true`.
    ReplaceForbidden,
    /// GMV0002: a directory replacement while `[replace] forbid_directory = true`.
    ReplaceDirectory,
    /// GMV0003: the selected version violates a pin.
    PinSelected,
    /// GMV0004: the version the build uses (after replace) violates a pin.
    PinUsed,
    /// GMV0005: a pinned module is not in the build list.
    PinAbsent,
    /// GMV0010: a banned module or version is in the build list.
    Banned,
    /// GMV0020: a selected version is retracted by its author.
    Retracted,
    /// GMV0021: a module in the build list is deprecated.
    Deprecated,
    /// GMV0022: retractions or deprecation could not be read.
    StatusUnknown,
    /// GMV0090: an allow-list or exception entry matched nothing.
    StaleAllow,
    /// GMV0101 (`base` producer): a module's used version went down.
    BaseDowngrade,
    /// GMV0102 (`base` producer): a replace directive the base did not have.
    BaseNewReplace,
    /// GMV0103 (`base` producer): a new major version entered the build list.
    BaseNewMajor,
    /// GMV0104 (`base` producer): a pin of the base policy was removed.
    BaseRemovedPin,
    /// GMV0201 (`gosum` producer): a go.sum line the go command needs is missing.
    GosumMissing,
    /// GMV0202 (`gosum` producer): a go.sum line nothing needs.
    GosumStale,
    /// GMV0203 (`gosum` producer): a recorded hash does not match the module cache.
    GosumMismatch,
    /// GMV0204 (`gosum` producer): a recorded hash could not be verified.
    GosumUnverifiable,
    /// GMV0401 (`doctor`): module versions the build needs from the network.
    DoctorNeedsNetwork,
    /// GMV0402 (`doctor`): a private-looking module path sent to a public proxy or checksum database.
    DoctorPrivateLeak,
    /// GMV0403 (`doctor`): checksum verification weakened or disabled.
    DoctorChecksumsOff,
    /// GMV0404 (`doctor`): a file no GOPROXY entry serves: the download fails.
    DoctorFetchFails,
    /// GMV0405 (`doctor`): every GOPROXY entry is unreachable in this environment.
    DoctorProxyUnreachable,
    /// GMV0406 (`doctor`): a directory replacement a clean checkout will not have.
    DoctorReplaceDirMissing,
    /// GMV0407 (`doctor`): a Go setting the go command rejects or ignores.
    DoctorBadSetting,
}

impl Code {
    /// Every code, in numeric order.
    pub const ALL: [Code; 25] = [
        Code::ReplaceForbidden,
        Code::ReplaceDirectory,
        Code::PinSelected,
        Code::PinUsed,
        Code::PinAbsent,
        Code::Banned,
        Code::Retracted,
        Code::Deprecated,
        Code::StatusUnknown,
        Code::StaleAllow,
        Code::BaseDowngrade,
        Code::BaseNewReplace,
        Code::BaseNewMajor,
        Code::BaseRemovedPin,
        Code::GosumMissing,
        Code::GosumStale,
        Code::GosumMismatch,
        Code::GosumUnverifiable,
        Code::DoctorNeedsNetwork,
        Code::DoctorPrivateLeak,
        Code::DoctorChecksumsOff,
        Code::DoctorFetchFails,
        Code::DoctorProxyUnreachable,
        Code::DoctorReplaceDirMissing,
        Code::DoctorBadSetting,
    ];

    /// `GMV0001` …
    pub fn as_str(self) -> &'static str {
        self.meta().0
    }

    /// A short kebab-case name (`replace-forbidden`).
    pub fn name(self) -> &'static str {
        self.meta().1
    }

    /// One sentence saying what the code means.
    pub fn description(self) -> &'static str {
        self.meta().2
    }

    /// The anchor of the code's section in `docs/check.md` (`gmv0001`).
    pub fn anchor(self) -> String {
        self.as_str().to_ascii_lowercase()
    }

    fn meta(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Code::ReplaceForbidden => (
                "GMV0001",
                "replace-forbidden",
                "A replace directive in go.mod or go.work, while the policy forbids them.",
            ),
            Code::ReplaceDirectory => (
                "GMV0002",
                "replace-directory",
                "A replace directive with a directory (local path) target, while the policy forbids them.",
            ),
            Code::PinSelected => (
                "GMV0003",
                "pin-selected",
                "The version minimal version selection chose violates a pin.",
            ),
            Code::PinUsed => (
                "GMV0004",
                "pin-used",
                "The version the build uses, after replace directives, violates a pin.",
            ),
            Code::PinAbsent => (
                "GMV0005",
                "pin-absent",
                "A pinned module is not in the build list, so the pin checks nothing.",
            ),
            Code::Banned => (
                "GMV0010",
                "banned",
                "A banned module or module version is in the build list.",
            ),
            Code::Retracted => (
                "GMV0020",
                "retracted",
                "A selected version is retracted by its module's author.",
            ),
            Code::Deprecated => (
                "GMV0021",
                "deprecated",
                "A module in the build list is deprecated by its author.",
            ),
            Code::StatusUnknown => (
                "GMV0022",
                "status-unknown",
                "The go.mod that says whether a version is retracted or deprecated could not be read.",
            ),
            Code::StaleAllow => (
                "GMV0090",
                "stale-allow",
                "An allow-list or exception entry of the policy matched nothing.",
            ),
            Code::BaseDowngrade => (
                "GMV0101",
                "base-downgrade",
                "A module's used version is lower than at the base revision.",
            ),
            Code::BaseNewReplace => (
                "GMV0102",
                "base-new-replace",
                "A replace directive that the base revision did not have.",
            ),
            Code::BaseNewMajor => (
                "GMV0103",
                "base-new-major",
                "A new major version of a module entered the build list since the base revision.",
            ),
            Code::BaseRemovedPin => (
                "GMV0104",
                "base-removed-pin",
                "A pin of the base revision's gomvs.toml was removed.",
            ),
            Code::GosumMissing => (
                "GMV0201",
                "gosum-missing",
                "A go.sum line the go command needs is missing.",
            ),
            Code::GosumStale => (
                "GMV0202",
                "gosum-stale",
                "A go.sum line that no build of the main modules needs.",
            ),
            Code::GosumMismatch => (
                "GMV0203",
                "gosum-mismatch",
                "A go.sum hash does not match the module cache's files (as go mod verify reports).",
            ),
            Code::GosumUnverifiable => (
                "GMV0204",
                "gosum-unverifiable",
                "A go.sum hash could not be verified offline (the module is not in the module cache).",
            ),
            Code::DoctorNeedsNetwork => (
                "GMV0401",
                "needs-network",
                "Module versions go mod download would fetch over the network: neither the module cache nor a file:// proxy has them.",
            ),
            Code::DoctorPrivateLeak => (
                "GMV0402",
                "private-path-leak",
                "A private-looking module path would be sent to a public proxy or checksum database (GOPRIVATE does not cover it).",
            ),
            Code::DoctorChecksumsOff => (
                "GMV0403",
                "checksums-off",
                "Checksum verification is disabled or weakened (GOSUMDB=off, GONOSUMDB/GOPRIVATE skipping modules go.sum lacks, GOINSECURE).",
            ),
            Code::DoctorFetchFails => (
                "GMV0404",
                "fetch-fails",
                "A file the build needs is served by no GOPROXY entry: go mod download fails for that module.",
            ),
            Code::DoctorProxyUnreachable => (
                "GMV0405",
                "proxy-unreachable",
                "Every GOPROXY entry is unreachable in this environment (off, a missing file:// directory, or the network in an air-gapped run).",
            ),
            Code::DoctorReplaceDirMissing => (
                "GMV0406",
                "replace-dir-missing",
                "A directory replacement that a clean checkout of the repository will not have.",
            ),
            Code::DoctorBadSetting => (
                "GMV0407",
                "bad-setting",
                "A Go environment setting the go command rejects or does not read (invalid GOPROXY or GOSUMDB, GOFLAGS=-insecure, GONOSUMCHECK).",
            ),
        }
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// The rule that fired.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleRef {
    /// The rule's name in the policy (`replace.forbid`, `pins."github.com/shared/auth"`,
    /// `ban[0]`, `retracted.level`, ...).
    pub name: String,
    /// Where it is written (`None`: a documented default, no file).
    pub location: Option<PolicyLocation>,
}

/// A replace directive that took part in the cause.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReplaceCause {
    /// The replaced module as written (empty version: every version).
    pub old: ModuleVersion,
    /// The target as written (a directory has an empty version).
    pub new: ModuleVersion,
    /// The directive (file relative to the repository root).
    pub location: Location,
}

/// Why the module is in the build list at its version: built from
/// [`crate::explain::why::explain_why`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cause {
    /// A requirement path from a main module to the selected version (each
    /// step requires the next): `why`'s `path_to_selected`, abridged on
    /// deep graphs.
    pub path: Vec<ModuleVersion>,
    /// Modules left out of `path` after its first
    /// [`crate::explain::why::PATH_HEAD`] + 1 entries (0: whole; omitted from
    /// JSON when 0).
    #[serde(skip_serializing_if = "crate::explain::why::is_zero")]
    pub path_omitted: usize,
    /// The main go.mod (or go.work) line that starts the path: the
    /// require line of the path's second module in the main module's go.mod.
    pub introduced_at: Option<Location>,
    /// The requirement that decided the selection: its requirer …
    pub required_by: Option<ModuleVersion>,
    /// … the version it asks for …
    pub required_version: Option<String>,
    /// … and its require line (`path@version/go.mod:N` for a dependency's go.mod).
    pub required_at: Option<Location>,
    /// The replace directive applied to the selected version, if any.
    pub replaced_by: Option<ReplaceCause>,
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The stable code.
    pub code: Code,
    /// The severity.
    pub severity: Severity,
    /// The rule that fired.
    pub rule: RuleRef,
    /// The module concerned (its selected version; empty for a directive
    /// on every version that matched nothing).
    pub module: Option<ModuleVersion>,
    /// The message, one sentence, naming file and line of what caused it.
    pub message: String,
    /// The line to annotate: in go.mod or go.work, relative to the
    /// repository root (`None`: nothing in those files to point at).
    pub location: Option<Location>,
    /// The cause in the module graph.
    pub cause: Option<Cause>,
}

/// Findings per severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Errors.
    pub error: usize,
    /// Warnings.
    pub warning: usize,
    /// Notes.
    pub note: usize,
}

/// Where the branch name came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "name")]
pub enum BranchSource {
    /// `--branch`.
    Flag,
    /// The repository's HEAD (`.git/HEAD`).
    GitHead,
    /// A CI environment variable (its name).
    Env(String),
}

/// The branch rules are scoped by.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Branch {
    /// The branch name (`main`, `release/1.2`).
    pub name: String,
    /// Where it came from.
    pub source: BranchSource,
}

/// The result of `gomvs check` (JSON `data` of the `gomvs.check` document).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CheckReport {
    /// The policy file (relative to the repository root when inside it),
    /// `None` when the defaults were used.
    pub policy: Option<String>,
    /// The repository root (absolute), or the main module's directory
    /// outside a repository.
    pub root: String,
    /// The branch, when known.
    pub branch: Option<Branch>,
    /// Every finding, in rule order (replace, pins, ban, retracted,
    /// deprecated, stale entries, then the extra producers').
    pub findings: Vec<Finding>,
    /// Findings per severity.
    pub counts: Counts,
}

impl CheckReport {
    /// Whether a finding is at or above `level`.
    pub fn fails_at(&self, level: Severity) -> bool {
        self.findings.iter().any(|f| f.severity >= level)
    }

    /// Recomputes [`CheckReport::counts`].
    pub fn recount(&mut self) {
        let mut c = Counts::default();
        for f in &self.findings {
            match f.severity {
                Severity::Error => c.error += 1,
                Severity::Warning => c.warning += 1,
                Severity::Note => c.note += 1,
            }
        }
        self.counts = c;
    }
}
