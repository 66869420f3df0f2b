//! Evaluation of the policy over a finished load ([`Loaded`]).
//!
//! Every rule family is a [`FindingProducer`]; [`run_check`] runs the
//! built-in ones (replace, pins, ban, retracted, deprecated) and then any
//! extra producers the caller passes (the `base` and `gosum` families are
//! producers written on their own engines). Causes are built on the `why`
//! engine ([`crate::explain::why`]); nothing here re-walks the graph.

use super::findings::{
    Branch, BranchSource, Cause, CheckReport, Code, Counts, Finding, ReplaceCause, RuleRef,
};
use super::policy::{glob_match, Exception, Pin, PinTarget, Policy, PolicyLocation, Severity};
use crate::explain::why::{explain_selected, WhyIndex, WhyReport};
use crate::explain::{is_pseudo_module, Location};
use crate::loader::Loaded;
use crate::query::{Querier, QueryErrorKind};
use crate::replace::{is_directory_target, ReplaceRule};
use gomvs_modfile::{gover, ModuleVersion};
use std::cell::Cell;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Everything a finding producer reads: the load, the policy, the branch,
/// the repository root, and the `why` engine's index.
pub struct CheckContext<'a> {
    /// The finished load.
    pub loaded: &'a Loaded,
    /// The policy.
    pub policy: &'a Policy,
    /// The branch, when known.
    pub branch: Option<Branch>,
    /// The repository root (locations in findings are relative to it).
    pub root: PathBuf,
    why: WhyIndex,
}

/// A family of rules: turns a context into findings.
///
/// The built-in families are producers; `base` (diff against a git base
/// revision) and `gosum` (go.sum coverage and verification) are added by
/// passing their producers to [`run_check`].
pub trait FindingProducer {
    /// The family's name (`replace`, `pins`, `base`, ...).
    fn name(&self) -> &'static str;
    /// The findings, in a deterministic order. A producer reports its own
    /// stale allow-list entries ([`CheckContext::stale`]).
    fn produce(&self, ctx: &CheckContext<'_>) -> Vec<Finding>;
}

impl<'a> CheckContext<'a> {
    /// Indexes the load for the producers.
    pub fn new(
        loaded: &'a Loaded,
        policy: &'a Policy,
        branch: Option<Branch>,
        root: PathBuf,
    ) -> CheckContext<'a> {
        CheckContext {
            loaded,
            policy,
            branch,
            root,
            why: WhyIndex::new(loaded),
        }
    }

    /// The `why` report of `path` (its selected version), pruned go.mod
    /// files left unread.
    pub fn why(&self, path: &str) -> WhyReport {
        explain_selected(self.loaded, &self.why, path)
    }

    /// `file` (absolute or relative to the working directory) relative to
    /// the repository root, with `/` separators, when it is inside it.
    pub fn repo_path(&self, file: &Path) -> String {
        let abs = if file.is_absolute() {
            crate::gopath::join_clean(file, "")
        } else {
            crate::gopath::join_clean(&self.loaded.session.config.cwd, &file.to_string_lossy())
        };
        match abs.strip_prefix(&self.root) {
            Ok(rel) => rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/"),
            Err(_) => self.loaded.session.short_path(&abs),
        }
    }

    /// A location of the `why` engine (relative to the working directory,
    /// or `path@version/go.mod`) with its file made relative to the
    /// repository root when it is a file there.
    pub fn relocate(&self, loc: &Location) -> Location {
        let p = crate::gopath::join_clean(&self.loaded.session.config.cwd, &loc.file);
        if p.is_file() {
            Location {
                file: self.repo_path(&p),
                line: loc.line,
            }
        } else {
            loc.clone()
        }
    }

    /// `file line N` for a message: files in the repository named as the go
    /// command shows paths (relative to the working directory when shorter).
    pub fn said(&self, loc: &Location) -> String {
        let p = self.root.join(&loc.file);
        let file = if p.is_file() {
            self.loaded.session.short_path(&p)
        } else {
            loc.file.clone()
        };
        match loc.line {
            Some(n) => format!("{file} line {n}"),
            None => file,
        }
    }

    /// The location of a replace directive, relative to the repository root.
    pub fn directive_location(&self, rule: &ReplaceRule) -> Location {
        Location {
            file: self.repo_path(&rule.origin.file),
            line: Some(rule.origin.span.start.line),
        }
    }

    /// The cause of `report`'s selected version.
    pub fn cause(&self, report: &WhyReport) -> Option<Cause> {
        report.selected.as_ref()?;
        let path = report.path_to_selected.clone();
        let introduced_at = match (path.first(), path.get(1)) {
            (Some(first), Some(second)) => self
                .loaded
                .session
                .mains
                .iter()
                .enumerate()
                .find(|(_, m)| m.module.path == first.path && first.version.is_empty())
                .and_then(|(i, main)| {
                    let line = self.why.main_require_line(self.loaded, i, &second.path)?;
                    Some(Location {
                        file: self.repo_path(&main.go_mod_path),
                        line: Some(line),
                    })
                }),
            _ => None,
        };
        let deciding = report.deciding.and_then(|i| report.requirements.get(i));
        Some(Cause {
            path_omitted: report.path_to_selected_omitted,
            introduced_at,
            required_by: deciding.map(|r| r.requirer.clone()),
            required_version: deciding.map(|r| r.version.clone()),
            required_at: deciding
                .and_then(|r| r.location.as_ref())
                .map(|l| self.relocate(l)),
            replaced_by: report
                .replacements
                .iter()
                .find(|r| r.applies_to_selected)
                .map(|r| ReplaceCause {
                    old: r.old.clone(),
                    new: r.new.clone(),
                    location: self.relocate(&r.location),
                }),
            path,
        })
    }

    /// Whether rules limited to `patterns` apply: no patterns, no known
    /// branch (rules fail closed: they run), or a pattern matches.
    pub fn section_applies(&self, patterns: &[String]) -> bool {
        match &self.branch {
            _ if patterns.is_empty() => true,
            None => true,
            Some(b) => patterns.iter().any(|p| glob_match(p, &b.name)),
        }
    }

    /// Whether an allow entry limited to `patterns` is in effect: no
    /// patterns, or the branch is known and matches (exceptions fail
    /// closed: with an unknown branch, a branch-limited entry allows nothing).
    pub fn entry_applies(&self, patterns: &[String]) -> bool {
        if patterns.is_empty() {
            return true;
        }
        self.branch
            .as_ref()
            .is_some_and(|b| patterns.iter().any(|p| glob_match(p, &b.name)))
    }

    /// A GMV0090 finding for an allow-list or exception entry named `name`
    /// that matched nothing (`None` when stale entries are off).
    pub fn stale(&self, name: String, at: Option<PolicyLocation>, what: &str) -> Option<Finding> {
        let severity = self.policy.stale.severity()?;
        let message = match &at {
            Some(a) => format!(
                "{name} ({}:{}) matched nothing: {what}; remove it or fix it",
                a.file, a.line
            ),
            None => format!("{name} matched nothing: {what}"),
        };
        Some(Finding {
            code: Code::StaleAllow,
            severity,
            rule: RuleRef {
                name: "stale".into(),
                location: at.clone(),
            },
            module: None,
            message,
            location: None,
            cause: None,
        })
    }

    /// GMV0090 findings for the entries of the list `section` (e.g.
    /// `base.allow`) whose index is not in `used`.
    pub fn stale_entries<T>(
        &self,
        section: &str,
        entries: &[T],
        used: &std::collections::BTreeSet<usize>,
        at: impl Fn(&T) -> Option<PolicyLocation>,
        what: &str,
    ) -> Vec<Finding> {
        entries
            .iter()
            .enumerate()
            .filter(|(i, _)| !used.contains(i))
            .filter_map(|(i, e)| self.stale(format!("{section}[{i}]"), at(e), what))
            .collect()
    }

    /// The selected, non-main, non-pseudo modules of the build list.
    pub fn selected_modules(&self) -> Vec<ModuleVersion> {
        self.loaded
            .graph
            .build_list()
            .into_iter()
            .filter(|m| {
                !m.version.is_empty()
                    && !is_pseudo_module(&m.path)
                    && !self.loaded.session.is_main(&m.path)
            })
            .collect()
    }

    /// Where to annotate a finding about `cause`'s module: the main go.mod
    /// line that brings it in.
    pub fn annotate_at(&self, cause: Option<&Cause>) -> Option<Location> {
        cause.and_then(|c| c.introduced_at.clone())
    }
}

/// Runs the built-in rule families, then `extra`, and counts.
pub fn run_check(ctx: &CheckContext<'_>, extra: &[&dyn FindingProducer]) -> CheckReport {
    let mut findings = Vec::new();
    for p in builtin_producers() {
        findings.extend(p.produce(ctx));
    }
    for p in extra {
        findings.extend(p.produce(ctx));
    }
    let mut report = CheckReport {
        policy: ctx.policy.file.as_ref().map(|f| ctx.repo_path(f)),
        root: ctx.root.display().to_string(),
        branch: ctx.branch.clone(),
        findings,
        counts: Counts::default(),
    };
    report.recount();
    report
}

/// The built-in producers, in report order.
pub fn builtin_producers() -> Vec<Box<dyn FindingProducer>> {
    vec![
        Box::new(ReplaceRules),
        Box::new(PinRules),
        Box::new(BanRules),
        Box::new(StatusRules),
    ]
}

fn module_at(m: &ModuleVersion) -> String {
    if m.version.is_empty() {
        m.path.to_string()
    } else {
        format!("{}@{}", m.path, m.version)
    }
}

/// "required by X@v (file:line)" for a cause.
fn required_by_text(ctx: &CheckContext<'_>, cause: &Cause) -> String {
    match (&cause.required_by, &cause.required_at) {
        (Some(r), Some(at)) if ctx.loaded.session.is_main(&r.path) && r.version.is_empty() => {
            format!("required by {} at {}", r.path, ctx.said(at))
        }
        (Some(r), _) => format!("required by {}", module_at(r)),
        (None, _) => "a root of the workspace".to_string(),
    }
}

/// `[replace]`: GMV0001, GMV0002, and stale allow entries.
pub struct ReplaceRules;

impl FindingProducer for ReplaceRules {
    fn name(&self) -> &'static str {
        "replace"
    }

    fn produce(&self, ctx: &CheckContext<'_>) -> Vec<Finding> {
        let pol = &ctx.policy.replace;
        let mut out = Vec::new();
        if !(pol.forbid || pol.forbid_directory) || !ctx.section_applies(&pol.branches) {
            return out;
        }
        let used: Vec<Cell<bool>> = pol.allow.iter().map(|_| Cell::new(false)).collect();
        let session = &ctx.loaded.session;
        for rule in session.replacements.rules() {
            let dir = is_directory_target(&rule.new);
            let (code, rule_ref) = if dir && pol.forbid_directory {
                (
                    Code::ReplaceDirectory,
                    RuleRef {
                        name: "replace.forbid_directory".into(),
                        location: pol.forbid_directory_at.clone(),
                    },
                )
            } else if pol.forbid {
                (
                    Code::ReplaceForbidden,
                    RuleRef {
                        name: "replace.forbid".into(),
                        location: pol.forbid_at.clone(),
                    },
                )
            } else {
                continue;
            };
            let mut allowed = false;
            for (i, a) in pol.allow.iter().enumerate() {
                if ctx.entry_applies(&a.branches)
                    && glob_match(&a.module, &rule.old.path)
                    && a.target
                        .as_ref()
                        .is_none_or(|t| glob_match(t, &rule.new.path))
                {
                    allowed = true;
                    if let Some(u) = used.get(i) {
                        u.set(true);
                    }
                }
            }
            if allowed {
                continue;
            }
            let (message, module, cause) = describe_replace(ctx, rule);
            out.push(Finding {
                code,
                severity: pol.severity,
                rule: rule_ref,
                module,
                message,
                location: Some(ctx.directive_location(rule)),
                cause,
            });
        }
        for (i, a) in pol.allow.iter().enumerate() {
            if used.get(i).is_some_and(Cell::get) || !ctx.entry_applies(&a.branches) {
                continue;
            }
            let what = match &a.target {
                Some(t) => format!("no replace directive of {} => {t}", a.module),
                None => format!("no replace directive of {}", a.module),
            };
            out.extend(ctx.stale(format!("replace.allow[{i}]"), a.at.clone(), &what));
        }
        out
    }
}

/// The message, module and cause of a replace directive: what it does to
/// the version the graph selected (the highest requirement, from `why`).
fn describe_replace(
    ctx: &CheckContext<'_>,
    rule: &ReplaceRule,
) -> (String, Option<ModuleVersion>, Option<Cause>) {
    let loc = ctx.directive_location(rule);
    let kind = if rule.from_work_file {
        "the go.work replace"
    } else {
        "the replace"
    };
    let head = format!("{kind} at {}", ctx.said(&loc));
    let g = &ctx.loaded.graph.graph;
    let selected = g
        .selected_module(&rule.old.path)
        .filter(|m| m.version != crate::mvs::NONE && !m.version.is_empty())
        .cloned();
    let applies = selected.as_ref().is_some_and(|s| {
        ctx.loaded
            .session
            .replacements
            .lookup(s)
            .is_some_and(|m| m.rule == *rule)
    });
    let target = if is_directory_target(&rule.new) {
        format!("the directory {}", rule.new.path)
    } else {
        format!("{} {}", rule.new.path, rule.new.version)
    };
    let Some(sel) = selected.filter(|_| applies) else {
        let old = if rule.old.version.is_empty() {
            rule.old.path.to_string()
        } else {
            format!("{} {}", rule.old.path, rule.old.version)
        };
        let what = if g
            .modules()
            .any(|m| m.path == rule.old.path && !m.version.is_empty())
        {
            "replaces no selected version (only versions that lost)"
        } else {
            "matches nothing in the build list"
        };
        return (
            format!("{head} ({old} => {target}) {what}"),
            Some(rule.old.clone()),
            None,
        );
    };
    let report = ctx.why(&rule.old.path);
    let cause = ctx.cause(&report);
    let by = cause
        .as_ref()
        .map(|c| required_by_text(ctx, c))
        .unwrap_or_default();
    let message = if is_directory_target(&rule.new) {
        format!(
            "{head} replaces {} {} ({by}) with {target}",
            sel.path, sel.version
        )
    } else if rule.new.path == sel.path {
        match gover::mod_compare(&sel.path, &rule.new.version, &sel.version) {
            std::cmp::Ordering::Less => format!(
                "{head} downgrades {} from the {} {by} to {}",
                sel.path, sel.version, rule.new.version
            ),
            std::cmp::Ordering::Greater => format!(
                "{head} upgrades {} from the {} {by} to {}",
                sel.path, sel.version, rule.new.version
            ),
            std::cmp::Ordering::Equal => format!(
                "{head} replaces {} {} ({by}) with the same version",
                sel.path, sel.version
            ),
        }
    } else {
        format!(
            "{head} swaps {} {} ({by}) for {target}",
            sel.path, sel.version
        )
    };
    (message, Some(sel), cause)
}

/// `[pins]`: GMV0003, GMV0004, GMV0005.
pub struct PinRules;

impl FindingProducer for PinRules {
    fn name(&self) -> &'static str {
        "pins"
    }

    fn produce(&self, ctx: &CheckContext<'_>) -> Vec<Finding> {
        let mut out = Vec::new();
        for pin in &ctx.policy.pins {
            out.extend(check_pin(ctx, pin));
        }
        out
    }
}

fn pin_rule(pin: &Pin) -> RuleRef {
    RuleRef {
        name: format!("pins.{:?}", pin.module),
        location: pin.at.clone(),
    }
}

fn check_pin(ctx: &CheckContext<'_>, pin: &Pin) -> Vec<Finding> {
    let report = ctx.why(&pin.module);
    let Some(selected) = report.selected.clone() else {
        return vec![Finding {
            code: Code::PinAbsent,
            severity: Severity::Note,
            rule: pin_rule(pin),
            module: None,
            message: format!(
                "{} is not in the build list; the pin {:?} checks nothing",
                pin.module, pin.constraint.text
            ),
            location: None,
            cause: None,
        }];
    };
    let cause = ctx.cause(&report);
    let sel = ModuleVersion::new(pin.module.as_str(), selected.as_str());
    let by = cause
        .as_ref()
        .map(|c| required_by_text(ctx, c))
        .unwrap_or_default();
    let reason = pin
        .reason
        .as_ref()
        .map(|r| format!(" ({r})"))
        .unwrap_or_default();
    let mut out = Vec::new();
    let selected_bad = !pin.constraint.matches(&selected);
    if selected_bad && matches!(pin.check, PinTarget::Selected | PinTarget::Both) {
        out.push(Finding {
            code: Code::PinSelected,
            severity: pin.severity,
            rule: pin_rule(pin),
            module: Some(sel.clone()),
            message: format!(
                "{} is selected at {selected} ({by}), which violates the pin {:?}{reason}",
                pin.module, pin.constraint.text
            ),
            location: ctx.annotate_at(cause.as_ref()),
            cause: cause.clone(),
        });
    }
    if matches!(pin.check, PinTarget::Used | PinTarget::Both) {
        let replaced = cause.as_ref().and_then(|c| c.replaced_by.clone());
        match replaced {
            Some(r) => {
                let dir = is_directory_target(&r.new);
                if dir || !pin.constraint.matches(&r.new.version) {
                    let uses = if dir {
                        format!("the directory {}, which has no version,", r.new.path)
                    } else if r.new.path == sel.path {
                        r.new.version.to_string()
                    } else {
                        format!("{} {} (another module)", r.new.path, r.new.version)
                    };
                    out.push(Finding {
                        code: Code::PinUsed,
                        severity: pin.severity,
                        rule: pin_rule(pin),
                        module: Some(sel.clone()),
                        message: format!(
                            "the build uses {uses} for {} because of the replace at {}, which violates the pin {:?}{reason}; the graph selects {selected} ({by})",
                            pin.module,
                            ctx.said(&r.location),
                            pin.constraint.text
                        ),
                        location: Some(r.location.clone()),
                        cause: cause.clone(),
                    });
                }
            }
            None if selected_bad && pin.check == PinTarget::Used => out.push(Finding {
                code: Code::PinUsed,
                severity: pin.severity,
                rule: pin_rule(pin),
                module: Some(sel.clone()),
                message: format!(
                    "the build uses {} {selected} ({by}), which violates the pin {:?}{reason}",
                    pin.module, pin.constraint.text
                ),
                location: ctx.annotate_at(cause.as_ref()),
                cause: cause.clone(),
            }),
            None => {}
        }
    }
    out
}

/// `[[ban]]`: GMV0010, on the selected version and on what the build uses.
pub struct BanRules;

impl FindingProducer for BanRules {
    fn name(&self) -> &'static str {
        "ban"
    }

    fn produce(&self, ctx: &CheckContext<'_>) -> Vec<Finding> {
        let mut out = Vec::new();
        if ctx.policy.bans.is_empty() {
            return out;
        }
        let session = &ctx.loaded.session;
        for m in ctx.selected_modules() {
            let used = session.replacements.lookup(&m).map(|r| r.rule);
            for (i, ban) in ctx.policy.bans.iter().enumerate() {
                let matches = |p: &str, v: &str| {
                    glob_match(&ban.module, p) && ban.versions.as_ref().is_none_or(|c| c.matches(v))
                };
                let rule = RuleRef {
                    name: format!("ban[{i}]"),
                    location: ban.at.clone(),
                };
                let reason = ban
                    .reason
                    .as_ref()
                    .map(|r| format!(": {r}"))
                    .unwrap_or_default();
                let what = match &ban.versions {
                    Some(c) => format!("{} {c}", ban.module),
                    None => ban.module.clone(),
                };
                if matches(&m.path, &m.version) {
                    let report = ctx.why(&m.path);
                    let cause = ctx.cause(&report);
                    let by = cause
                        .as_ref()
                        .map(|c| required_by_text(ctx, c))
                        .unwrap_or_default();
                    out.push(Finding {
                        code: Code::Banned,
                        severity: ban.severity,
                        rule,
                        module: Some(m.clone()),
                        message: format!(
                            "{} {} is in the build list ({by}); banned ({what}){reason}",
                            m.path, m.version
                        ),
                        location: ctx.annotate_at(cause.as_ref()),
                        cause,
                    });
                } else if let Some(r) = used.as_ref().filter(|r| {
                    !is_directory_target(&r.new) && matches(&r.new.path, &r.new.version)
                }) {
                    let report = ctx.why(&m.path);
                    let loc = ctx.directive_location(r);
                    out.push(Finding {
                        code: Code::Banned,
                        severity: ban.severity,
                        rule,
                        module: Some(m.clone()),
                        message: format!(
                            "the replace at {} makes the build use {} {} for {} {}; banned ({what}){reason}",
                            ctx.said(&loc),
                            r.new.path,
                            r.new.version,
                            m.path,
                            m.version
                        ),
                        location: Some(loc),
                        cause: ctx.cause(&report),
                    });
                }
            }
        }
        out
    }
}

/// `[retracted]` and `[deprecated]`: GMV0020, GMV0021, GMV0022, read from
/// the go.mod of each module's latest version as the go command does
/// (`Querier::check_retractions`, `check_deprecation`).
pub struct StatusRules;

impl FindingProducer for StatusRules {
    fn name(&self) -> &'static str {
        "status"
    }

    fn produce(&self, ctx: &CheckContext<'_>) -> Vec<Finding> {
        let pol = ctx.policy;
        let retracted = pol.retracted.level.severity();
        let deprecated = pol.deprecated.level.severity();
        let mut out = Vec::new();
        if retracted.is_none() && deprecated.is_none() {
            return out;
        }
        let querier = Querier::new(&ctx.loaded.session);
        let used_r: Vec<Cell<bool>> = pol
            .retracted
            .allow
            .iter()
            .map(|_| Cell::new(false))
            .collect();
        let used_d: Vec<Cell<bool>> = pol
            .deprecated
            .allow
            .iter()
            .map(|_| Cell::new(false))
            .collect();
        let covered = |list: &[Exception], used: &[Cell<bool>], m: &ModuleVersion| {
            let mut any = false;
            for (i, e) in list.iter().enumerate() {
                if e.covers(&m.path, &m.version) {
                    any = true;
                    if let Some(u) = used.get(i) {
                        u.set(true);
                    }
                }
            }
            any
        };
        let mut unknown: HashSet<ModuleVersion> = HashSet::new();
        let mut unknown_finding =
            |m: &ModuleVersion, rule: RuleRef, text: &str, out: &mut Vec<Finding>| {
                if unknown.insert(m.clone()) {
                    out.push(Finding {
                        code: Code::StatusUnknown,
                        severity: Severity::Note,
                        rule,
                        module: Some(m.clone()),
                        message: format!("could not check {} {}: {text}", m.path, m.version),
                        location: None,
                        cause: None,
                    });
                }
            };
        for m in ctx.selected_modules() {
            if let Some(sev) = retracted {
                let rule = RuleRef {
                    name: "retracted.level".into(),
                    location: pol.retracted.at.clone(),
                };
                match querier.check_retractions(&m) {
                    Ok(()) => {}
                    Err(e) => {
                        if let QueryErrorKind::Retracted(rationale) = &e.kind {
                            if !covered(&pol.retracted.allow, &used_r, &m) {
                                let report = ctx.why(&m.path);
                                let cause = ctx.cause(&report);
                                let by = cause
                                    .as_ref()
                                    .map(|c| required_by_text(ctx, c))
                                    .unwrap_or_default();
                                let why = rationale
                                    .first()
                                    .map(|r| format!(": {r}"))
                                    .unwrap_or_default();
                                out.push(Finding {
                                    code: Code::Retracted,
                                    severity: sev,
                                    rule,
                                    module: Some(m.clone()),
                                    message: format!(
                                        "{} {} ({by}) is retracted by its author{why}",
                                        m.path, m.version
                                    ),
                                    location: ctx.annotate_at(cause.as_ref()),
                                    cause,
                                });
                            }
                        } else {
                            unknown_finding(&m, rule, &e.text, &mut out);
                        }
                    }
                }
            }
            if let Some(sev) = deprecated {
                let rule = RuleRef {
                    name: "deprecated.level".into(),
                    location: pol.deprecated.at.clone(),
                };
                match querier.check_deprecation(&m) {
                    Ok(msg) if msg.is_empty() => {}
                    Ok(msg) => {
                        if !covered(&pol.deprecated.allow, &used_d, &m) {
                            let report = ctx.why(&m.path);
                            let cause = ctx.cause(&report);
                            let by = cause
                                .as_ref()
                                .map(|c| required_by_text(ctx, c))
                                .unwrap_or_default();
                            out.push(Finding {
                                code: Code::Deprecated,
                                severity: sev,
                                rule,
                                module: Some(m.clone()),
                                message: format!(
                                    "{} {} ({by}) is deprecated: {}",
                                    m.path,
                                    m.version,
                                    msg.trim()
                                ),
                                location: ctx.annotate_at(cause.as_ref()),
                                cause,
                            });
                        }
                    }
                    Err(e) => unknown_finding(&m, rule, &e.text, &mut out),
                }
            }
        }
        for (section, list, used, on) in [
            (
                "retracted",
                &pol.retracted.allow,
                &used_r,
                retracted.is_some(),
            ),
            (
                "deprecated",
                &pol.deprecated.allow,
                &used_d,
                deprecated.is_some(),
            ),
        ] {
            if !on {
                continue;
            }
            for (i, e) in list.iter().enumerate() {
                if !used.get(i).is_some_and(Cell::get) {
                    let what =
                        format!("no {section} module in the build list matches {}", e.module);
                    out.extend(ctx.stale(format!("{section}.allow[{i}]"), e.at.clone(), &what));
                }
            }
        }
        out
    }
}

/// The branch rules are scoped by: `flag` (`--branch`), else the
/// repository's checked-out branch (`.git/HEAD`, following a linked
/// worktree's `gitdir:` file), else the first CI variable set
/// (`GITHUB_HEAD_REF`, `GITHUB_REF_NAME`, `CI_MERGE_REQUEST_SOURCE_BRANCH_NAME`,
/// `CI_COMMIT_BRANCH`, `CI_COMMIT_REF_NAME`, `BUILDKITE_BRANCH`,
/// `CIRCLE_BRANCH`, `BITBUCKET_BRANCH`, `TRAVIS_PULL_REQUEST_BRANCH`,
/// `TRAVIS_BRANCH`, `BRANCH_NAME`). `env` reads a variable (tests pass a map).
pub fn detect_branch(
    flag: Option<&str>,
    repo_root: Option<&Path>,
    env: &dyn Fn(&str) -> Option<String>,
) -> Option<Branch> {
    if let Some(f) = flag {
        return Some(Branch {
            name: f.to_string(),
            source: BranchSource::Flag,
        });
    }
    if let Some(name) = repo_root.and_then(git_head_branch) {
        return Some(Branch {
            name,
            source: BranchSource::GitHead,
        });
    }
    const VARS: [&str; 11] = [
        "GITHUB_HEAD_REF",
        "GITHUB_REF_NAME",
        "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME",
        "CI_COMMIT_BRANCH",
        "CI_COMMIT_REF_NAME",
        "BUILDKITE_BRANCH",
        "CIRCLE_BRANCH",
        "BITBUCKET_BRANCH",
        "TRAVIS_PULL_REQUEST_BRANCH",
        "TRAVIS_BRANCH",
        "BRANCH_NAME",
    ];
    VARS.iter().find_map(|v| {
        env(v).filter(|s| !s.is_empty()).map(|name| Branch {
            name,
            source: BranchSource::Env((*v).to_string()),
        })
    })
}

/// The branch checked out in the repository at `root`: `.git/HEAD` is
/// `ref: refs/heads/NAME`; in a linked worktree `.git` is a file
/// `gitdir: PATH` naming the directory holding HEAD. `None` when detached.
pub fn git_head_branch(root: &Path) -> Option<String> {
    let dot_git = root.join(".git");
    let git_dir = if dot_git.is_file() {
        let text = String::from_utf8(gomvs_modfile::fsread::read(&dot_git).ok()?).ok()?;
        let target = text.lines().find_map(|l| l.strip_prefix("gitdir:"))?.trim();
        let p = Path::new(target);
        if p.is_absolute() {
            p.to_path_buf()
        } else {
            root.join(p)
        }
    } else {
        dot_git
    };
    let head = String::from_utf8(gomvs_modfile::fsread::read(&git_dir.join("HEAD")).ok()?).ok()?;
    head.trim()
        .strip_prefix("ref:")
        .map(str::trim)
        .and_then(|r| r.strip_prefix("refs/heads/"))
        .filter(|n| !n.is_empty())
        .map(str::to_string)
}
