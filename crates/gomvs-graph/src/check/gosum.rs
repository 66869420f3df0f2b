//! `[gosum]`: go.sum coverage and offline verification, on
//! [`crate::verify`]: lines the module-graph load needs and go.sum lacks
//! (GMV0201), lines nothing needs (GMV0202), recorded hashes that differ
//! from the module cache's files or that `go mod verify` rejects (GMV0203),
//! and hashes that cannot be checked offline (GMV0204). Modules in
//! `[gosum] allow` are exempt; entries that exempted nothing are stale.

use super::findings::{Code, Finding, RuleRef};
use super::policy::Severity;
use super::rules::{CheckContext, FindingProducer};
use crate::explain::Location;
use crate::source::ModCache;
use crate::verify::{sum_coverage, verify_modules, SumKind, SumLine, SumStatus, VerifyOutcome};
use gomvs_modfile::ModuleVersion;
use std::cell::RefCell;
use std::collections::BTreeSet;
use std::path::Path;

/// The `gosum` rule family over the module cache `cache`.
pub struct GosumRules {
    /// The module cache the recorded hashes are checked against.
    pub cache: ModCache,
}

fn rule(name: &str, ctx: &CheckContext<'_>) -> RuleRef {
    RuleRef {
        name: format!("gosum.{name}"),
        location: ctx.policy.gosum.at.clone(),
    }
}

fn kind_text(kind: SumKind) -> &'static str {
    match kind {
        SumKind::GoMod => "go.mod hash",
        SumKind::Zip => "module hash",
    }
}

fn line_location(ctx: &CheckContext<'_>, line: &SumLine) -> Location {
    Location {
        file: ctx.repo_path(Path::new(&line.file)),
        line: u32::try_from(line.line).ok(),
    }
}

impl FindingProducer for GosumRules {
    fn name(&self) -> &'static str {
        "gosum"
    }

    fn produce(&self, ctx: &CheckContext<'_>) -> Vec<Finding> {
        let policy = &ctx.policy.gosum;
        let used = RefCell::new(BTreeSet::new());
        let exempt = |path: &str, version: &str| {
            let mut any = false;
            for (i, e) in policy.allow.iter().enumerate() {
                if e.covers(path, version) {
                    used.borrow_mut().insert(i);
                    any = true;
                }
            }
            any
        };
        let mut out = Vec::new();
        let coverage = sum_coverage(ctx.loaded);
        let go_sum = Location {
            file: ctx.repo_path(Path::new(&coverage.go_sum_file)),
            line: None,
        };
        if let Some(severity) = policy.missing.severity() {
            for m in &coverage.missing {
                if exempt(&m.module.path, &m.module.version) {
                    continue;
                }
                let cause = ctx.cause(&ctx.why(&m.needed_for.path));
                out.push(Finding {
                    code: Code::GosumMissing,
                    severity,
                    rule: rule("missing", ctx),
                    module: Some(m.module.clone()),
                    message: format!(
                        "{} has no {} line `{}` for {}; the go command needs it to load the module graph (`go mod download {}` would add it)",
                        go_sum.file,
                        kind_text(m.kind),
                        m.key,
                        m.needed_for,
                        m.module
                    ),
                    location: Some(go_sum.clone()),
                    cause,
                });
            }
        }
        if let Some(severity) = policy.stale.severity() {
            for s in &coverage.stale {
                if exempt(&s.line.path, s.line.version.trim_end_matches("/go.mod")) {
                    continue;
                }
                let why = match s.reason {
                    crate::verify::StaleReason::NotInGraph => {
                        "no module of the graph has this go.mod".to_string()
                    }
                    crate::verify::StaleReason::NotInBuildList => {
                        "the module version is not in the build list".to_string()
                    }
                    crate::verify::StaleReason::Duplicate { first_line } => {
                        format!("it repeats line {first_line}")
                    }
                    crate::verify::StaleReason::LegacyEmptyGoModHash => {
                        "it is the legacy hash of an empty go.mod".to_string()
                    }
                };
                let at = line_location(ctx, &s.line);
                out.push(Finding {
                    code: Code::GosumStale,
                    severity,
                    rule: rule("stale", ctx),
                    module: Some(ModuleVersion::new(
                        s.line.path.as_str(),
                        s.line.version.trim_end_matches("/go.mod"),
                    )),
                    message: format!(
                        "{} records `{} {}` but the module graph does not need it: {why} (`go mod tidy` drops it unless the packages the main modules import need it)",
                        ctx.said(&at),
                        s.line.path,
                        s.line.version
                    ),
                    location: Some(at),
                    cause: None,
                });
            }
        }
        let verify = policy.verify.severity();
        let unverifiable = policy.unverifiable.severity();
        if verify.is_some() || unverifiable.is_some() {
            let report = verify_modules(ctx.loaded, &self.cache);
            for m in &report.modules {
                if exempt(&m.module.path, &m.module.version) {
                    continue;
                }
                let mut push = |code: Code,
                                severity: Severity,
                                name: &str,
                                message: String,
                                at: Option<Location>| {
                    out.push(Finding {
                        code,
                        severity,
                        rule: rule(name, ctx),
                        module: Some(m.module.clone()),
                        message,
                        location: at.or_else(|| Some(go_sum.clone())),
                        cause: None,
                    })
                };
                if let Some(severity) = verify {
                    for p in &m.problems {
                        push(
                            Code::GosumMismatch,
                            severity,
                            "verify",
                            format!("go mod verify: {}", p.message),
                            None,
                        );
                    }
                    for (what, cmp) in [("module", &m.zip_sum), ("go.mod", &m.go_mod_sum)] {
                        if cmp.status != SumStatus::Mismatch {
                            continue;
                        }
                        let Some(line) = &cmp.recorded else { continue };
                        let at = line_location(ctx, line);
                        push(
                            Code::GosumMismatch,
                            severity,
                            "verify",
                            format!(
                                "{} records {} for the {what} of {}, but the module cache has {}",
                                ctx.said(&at),
                                line.hash,
                                m.module,
                                cmp.cache_hash.as_deref().unwrap_or("another hash")
                            ),
                            Some(at),
                        );
                    }
                }
            }
            // One finding for everything the cache lacks (a fresh CI cache
            // lacks everything: one line, not one per module).
            if let Some(severity) = unverifiable {
                let absent: Vec<String> = report
                    .modules
                    .iter()
                    .filter(|m| m.outcome == VerifyOutcome::NotDownloaded)
                    .filter(|m| !exempt(&m.module.path, &m.module.version))
                    .map(|m| m.module.to_string())
                    .collect();
                if !absent.is_empty() {
                    let shown: Vec<&str> = absent.iter().take(5).map(String::as_str).collect();
                    let more = absent.len().saturating_sub(shown.len());
                    out.push(Finding {
                        code: Code::GosumUnverifiable,
                        severity,
                        rule: rule("unverifiable", ctx),
                        module: None,
                        message: format!(
                            "{} module{} of the build list {} not in the module cache, so {} hash{} cannot be verified offline: {}{} (run `go mod download` to fetch)",
                            absent.len(),
                            if absent.len() == 1 { "" } else { "s" },
                            if absent.len() == 1 { "is" } else { "are" },
                            if absent.len() == 1 { "its" } else { "their" },
                            if absent.len() == 1 { "" } else { "es" },
                            shown.join(", "),
                            if more > 0 { format!(" and {more} more") } else { String::new() }
                        ),
                        location: Some(go_sum.clone()),
                        cause: None,
                    });
                }
            }
        }
        out.extend(ctx.stale_entries(
            "gosum.allow",
            &policy.allow,
            &used.borrow(),
            |e| e.at.clone(),
            "no go.sum finding needed it",
        ));
        out
    }
}
