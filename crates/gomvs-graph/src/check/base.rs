//! `[base]`: the head's module graph against a base revision's, on the diff
//! engine ([`crate::diff`]): downgrades (GMV0101), new replace directives
//! (GMV0102), new major versions (GMV0103) and pins the base revision's
//! policy had and the head's dropped (GMV0104), each allowed by explicit
//! exception entries; exceptions that allowed nothing are stale (GMV0090).

use super::findings::{Code, Finding, RuleRef};
use super::policy::{BaseChange, BaseException, Policy, PolicyLocation};
use super::rules::{CheckContext, FindingProducer};
use crate::diff::{ChangeKind, GraphDiff, ModuleChange};
use crate::explain::Location;
use crate::loader::Loaded;
use gomvs_modfile::ModuleVersion;
use std::cell::RefCell;
use std::collections::BTreeSet;

/// The `base` rule family: the diff between the base revision's graph and
/// the checked graph, judged by `[base]`.
pub struct BaseRules<'a> {
    /// The base revision's graph.
    pub base: &'a Loaded,
    /// The diff from the base to the checked graph.
    pub diff: GraphDiff,
    /// How the base is named in messages (`main (3f2a1bc)`).
    pub label: String,
    /// The base revision's own policy, when it has one (for removed pins).
    pub base_policy: Option<Policy>,
}

impl<'a> BaseRules<'a> {
    /// Diffs `base` against the checked graph `head`.
    pub fn new(
        base: &'a Loaded,
        head: &Loaded,
        label: String,
        base_policy: Option<Policy>,
    ) -> Self {
        BaseRules {
            base,
            diff: crate::diff::diff(base, head),
            label,
            base_policy,
        }
    }
}

/// Which exceptions were used, by index.
struct Exceptions<'p> {
    entries: &'p [BaseException],
    used: RefCell<BTreeSet<usize>>,
}

impl Exceptions<'_> {
    /// Whether an exception allows `change` of `module`.
    fn allows(&self, module: &str, change: BaseChange) -> bool {
        let mut allowed = false;
        for (i, e) in self.entries.iter().enumerate() {
            if super::policy::glob_match(&e.module, module) && e.change.is_none_or(|c| c == change)
            {
                self.used.borrow_mut().insert(i);
                allowed = true;
            }
        }
        allowed
    }
}

fn base_rule(name: &str, ctx: &CheckContext<'_>) -> RuleRef {
    RuleRef {
        name: format!("base.{name}"),
        location: ctx.policy.base.at.clone(),
    }
}

/// `v1.5.0`, or `=> target` for a replacement by another module or a directory.
fn used_text(path: &str, version: &Option<String>, used: &Option<ModuleVersion>) -> String {
    match (version, used) {
        (None, _) => "nothing".to_string(),
        (Some(_), Some(u)) if u.path == path && !u.version.is_empty() => u.version.to_string(),
        (Some(_), Some(u)) if u.version.is_empty() => format!("the directory {}", u.path),
        (Some(_), Some(u)) => format!("{} {}", u.path, u.version),
        (Some(v), None) => v.clone(),
    }
}

impl FindingProducer for BaseRules<'_> {
    fn name(&self) -> &'static str {
        "base"
    }

    fn produce(&self, ctx: &CheckContext<'_>) -> Vec<Finding> {
        let policy = &ctx.policy.base;
        let exceptions = Exceptions {
            entries: &policy.allow,
            used: RefCell::new(BTreeSet::new()),
        };
        let mut out = Vec::new();
        if let Some(severity) = policy.downgrade.severity() {
            for c in self.diff.of_kind(ChangeKind::Downgraded) {
                if exceptions.allows(&c.path, BaseChange::Downgrade) {
                    continue;
                }
                out.push(self.downgrade(ctx, c, severity));
            }
        }
        if let Some(severity) = policy.new_replace.severity() {
            out.extend(self.new_replaces(ctx, severity, &exceptions));
        }
        if let Some(severity) = policy.new_major.severity() {
            for c in self
                .diff
                .changes
                .iter()
                .filter(|c| c.major && c.after.is_some())
            {
                if exceptions.allows(&c.path, BaseChange::NewMajor) {
                    continue;
                }
                let report = ctx.why(&c.path);
                let cause = ctx.cause(&report);
                let what = match &c.before {
                    Some(_) => format!(
                        "{} moved to another major version since the base {}: {} → {}",
                        c.path,
                        self.label,
                        used_text(&c.path, &c.before, &c.before_used),
                        used_text(&c.path, &c.after, &c.after_used)
                    ),
                    None => format!(
                        "{}@{} is a new major version in the build list since the base {} (another major version of the module is there too)",
                        c.path,
                        c.after.clone().unwrap_or_default(),
                        self.label
                    ),
                };
                out.push(Finding {
                    code: Code::BaseNewMajor,
                    severity,
                    rule: base_rule("new_major", ctx),
                    module: Some(ModuleVersion::new(
                        c.path.as_str(),
                        c.after.clone().unwrap_or_default().as_str(),
                    )),
                    message: what,
                    location: ctx.annotate_at(cause.as_ref()),
                    cause,
                });
            }
        }
        if let Some(severity) = policy.removed_pin.severity() {
            out.extend(self.removed_pins(ctx, severity, &exceptions));
        }
        out.extend(ctx.stale_entries(
            "base.allow",
            &policy.allow,
            &exceptions.used.borrow(),
            |e| e.at.clone(),
            "no change since the base revision needed it",
        ));
        out
    }
}

impl BaseRules<'_> {
    fn downgrade(
        &self,
        ctx: &CheckContext<'_>,
        c: &ModuleChange,
        severity: super::policy::Severity,
    ) -> Finding {
        let report = ctx.why(&c.path);
        let cause = ctx.cause(&report);
        let before = used_text(&c.path, &c.before, &c.before_used);
        let after = used_text(&c.path, &c.after, &c.after_used);
        let (how, location) = match cause.as_ref().and_then(|x| x.replaced_by.clone()) {
            Some(r) if c.after_used.is_some() => (
                format!(
                    "the replace at {} makes the build use {after}{}",
                    ctx.said(&r.location),
                    match (
                        &cause.as_ref().and_then(|x| x.required_by.clone()),
                        &c.after
                    ) {
                        (Some(by), Some(sel)) => format!(
                            " although {} requires {sel}",
                            if by.version.is_empty() {
                                by.path.to_string()
                            } else {
                                format!("{}@{}", by.path, by.version)
                            }
                        ),
                        _ => String::new(),
                    }
                ),
                Some(r.location.clone()),
            ),
            _ => (
                match cause.as_ref().and_then(|x| x.required_by.clone()) {
                    Some(by) if by.version.is_empty() => {
                        format!("{} now requires {after}", by.path)
                    }
                    Some(by) => format!(
                        "the highest requirement is now {after}, by {}@{}",
                        by.path, by.version
                    ),
                    None => format!("{after} is selected"),
                },
                ctx.annotate_at(cause.as_ref()),
            ),
        };
        Finding {
            code: Code::BaseDowngrade,
            severity,
            rule: base_rule("downgrade", ctx),
            module: Some(ModuleVersion::new(
                c.path.as_str(),
                c.after.clone().unwrap_or_default().as_str(),
            )),
            message: format!(
                "{} is downgraded from {before} at the base {} to {after}: {how}",
                c.path, self.label
            ),
            location,
            cause,
        }
    }

    /// Replace directives of the checked graph (go.mod and go.work) that the
    /// base revision did not have, with what each does to the build.
    fn new_replaces(
        &self,
        ctx: &CheckContext<'_>,
        severity: super::policy::Severity,
        exceptions: &Exceptions<'_>,
    ) -> Vec<Finding> {
        let key =
            |r: &crate::replace::ReplaceRule| (r.old.clone(), r.new.clone(), r.from_work_file);
        let before: BTreeSet<_> = self
            .base
            .session
            .replacements
            .rules()
            .iter()
            .map(key)
            .collect();
        let mut out = Vec::new();
        for rule in ctx.loaded.session.replacements.rules() {
            if before.contains(&key(rule)) {
                continue;
            }
            if exceptions.allows(&rule.old.path, BaseChange::NewReplace) {
                continue;
            }
            let location: Location = ctx.directive_location(rule);
            let effect = match self.diff.change(&rule.old.path) {
                Some(c) if c.after_used.is_some() => format!(
                    "the build now uses {} for {} (the base {} used {})",
                    used_text(&c.path, &c.after, &c.after_used),
                    c.path,
                    self.label,
                    used_text(&c.path, &c.before, &c.before_used)
                ),
                Some(_) | None => "it changes nothing in the build list".to_string(),
            };
            let target = if rule.new.version.is_empty() {
                rule.new.path.to_string()
            } else {
                format!("{} {}", rule.new.path, rule.new.version)
            };
            let old = if rule.old.version.is_empty() {
                rule.old.path.to_string()
            } else {
                format!("{} {}", rule.old.path, rule.old.version)
            };
            let report = ctx.why(&rule.old.path);
            out.push(Finding {
                code: Code::BaseNewReplace,
                severity,
                rule: base_rule("new_replace", ctx),
                module: report
                    .selected
                    .as_ref()
                    .map(|v| ModuleVersion::new(rule.old.path.as_str(), v.as_str())),
                message: format!(
                    "new replace at {} since the base {}: {old} => {target}; {effect}",
                    ctx.said(&location),
                    self.label
                ),
                location: Some(location),
                cause: ctx.cause(&report),
            });
        }
        out
    }

    /// Pins of the base revision's policy that the checked policy dropped.
    fn removed_pins(
        &self,
        ctx: &CheckContext<'_>,
        severity: super::policy::Severity,
        exceptions: &Exceptions<'_>,
    ) -> Vec<Finding> {
        let Some(base) = &self.base_policy else {
            return Vec::new();
        };
        let now: BTreeSet<&str> = ctx.policy.pins.iter().map(|p| p.module.as_str()).collect();
        let mut out = Vec::new();
        for pin in &base.pins {
            if now.contains(pin.module.as_str()) {
                continue;
            }
            if exceptions.allows(&pin.module, BaseChange::RemovedPin) {
                continue;
            }
            let at = pin
                .at
                .as_ref()
                .map(|a: &PolicyLocation| format!(" ({}:{} at the base)", a.file, a.line))
                .unwrap_or_default();
            out.push(Finding {
                code: Code::BaseRemovedPin,
                severity,
                rule: base_rule("removed_pin", ctx),
                module: None,
                message: format!(
                    "the pin {:?} = {:?}{at} of the base {} is gone from the policy",
                    pin.module, pin.constraint.text, self.label
                ),
                location: None,
                cause: None,
            });
        }
        out
    }
}
