//! Replace directives of the main module(s) and go.work, and their lookup
//! (`modload.replacementFrom`, `toReplaceMap`, `makeMainModules`).
//!
//! Only main modules' and go.work's directives count; every lookup answer
//! says which directive acted, so explanations can cite file and line.

use gomvs_modfile::syntax::Span;
use gomvs_modfile::{ModuleVersion, SmolStr};
use std::collections::HashMap;
use std::path::PathBuf;

/// Where a directive is written.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct DirectiveOrigin {
    /// The go.mod or go.work file.
    pub file: PathBuf,
    /// The directive's span in that file.
    pub span: Span,
}

/// One replace directive as it takes part in resolution.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ReplaceRule {
    /// The replaced module; an empty version replaces every version.
    pub old: ModuleVersion,
    /// The target as written (module version, or directory with empty version).
    pub new: ModuleVersion,
    /// The target used for loading: in workspace mode a relative directory is
    /// joined to its module's root (`makeMainModules`).
    pub effective: ModuleVersion,
    /// The root directory of the module whose go.mod holds the directive
    /// (empty for go.work directives).
    pub mod_root: PathBuf,
    /// Where the directive is.
    pub origin: DirectiveOrigin,
    /// Whether the directive is in go.work.
    pub from_work_file: bool,
}

/// A fatal conflict between replace directives, with Go's message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct ReplaceConflict(pub String);

/// The replacement table of a load.
#[derive(Debug, Clone, Default)]
pub struct Replacements {
    work: HashMap<ModuleVersion, ReplaceRule>,
    /// Per main module, in main-module order: its own directives.
    per_module: Vec<HashMap<ModuleVersion, ReplaceRule>>,
    /// Every rule that takes part, for reports (go.work first, then modules).
    all: Vec<ReplaceRule>,
    /// Non-fatal diagnostics found during lookups are reported by the caller.
    in_workspace: bool,
    /// Highest replaced version per path (`HighestReplaced`).
    highest: HashMap<SmolStr, SmolStr>,
}

/// The result of looking up a replacement for a module version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReplaceMatch {
    /// The rule that applies.
    pub rule: ReplaceRule,
    /// Whether a workspace conflict between modules was found (the Go command
    /// prints `conflicting replacements found ...` and exits 1 at the end).
    pub conflict: Option<String>,
}

impl Replacements {
    /// Builds the table for single-module mode from the main go.mod's directives.
    pub fn single(rules: Vec<ReplaceRule>) -> Result<Self, ReplaceConflict> {
        let mut map: HashMap<ModuleVersion, ReplaceRule> = HashMap::new();
        let mut highest = HashMap::new();
        check_duplicate_keys(&rules)?;
        for r in &rules {
            map.insert(r.old.clone(), r.clone());
            note_highest(&mut highest, &r.old);
        }
        Ok(Replacements {
            work: HashMap::new(),
            per_module: vec![map],
            all: rules,
            in_workspace: false,
            highest,
        })
    }

    /// Builds the table for workspace mode (`makeMainModules`): go.work
    /// directives win; module directives for paths go.work replaces are
    /// ignored; different targets for one key in two modules are fatal.
    pub fn workspace(
        work_rules: Vec<ReplaceRule>,
        module_rules: Vec<Vec<ReplaceRule>>,
    ) -> Result<Self, ReplaceConflict> {
        for rules in &module_rules {
            check_duplicate_keys(rules)?;
        }
        check_duplicate_keys(&work_rules)?;
        let mut work: HashMap<ModuleVersion, ReplaceRule> = HashMap::new();
        let mut highest = HashMap::new();
        let mut all = Vec::new();
        for r in &work_rules {
            work.insert(r.old.clone(), r.clone());
            note_highest(&mut highest, &r.old);
            all.push(r.clone());
        }
        let replaced_by_work: std::collections::HashSet<&str> =
            work_rules.iter().map(|r| r.old.path.as_str()).collect();
        let mut combined: HashMap<ModuleVersion, ModuleVersion> = work
            .iter()
            .map(|(k, r)| (k.clone(), r.effective.clone()))
            .collect();
        let mut per_module = Vec::new();
        for rules in module_rules {
            // Lookups use each module's own replace map in full (its
            // modFileIndex); paths go.work replaces are only left out of the
            // cross-module conflict check and of HighestReplaced.
            let mut map = HashMap::new();
            let mut current = std::collections::HashSet::new();
            for r in rules {
                if !replaced_by_work.contains(r.old.path.as_str()) {
                    if let Some(prev) = combined.get(&r.old) {
                        if !current.contains(&r.old) && *prev != r.effective {
                            return Err(ReplaceConflict(format!(
                                "go: conflicting replacements for {}:\n\t{}\n\t{}\nuse \"go work edit -replace {}=[override]\" to resolve",
                                r.old, prev, r.effective, r.old
                            )));
                        }
                    }
                    current.insert(r.old.clone());
                    combined.insert(r.old.clone(), r.effective.clone());
                    note_highest(&mut highest, &r.old);
                }
                all.push(r.clone());
                map.insert(r.old.clone(), r);
            }
            per_module.push(map);
        }
        Ok(Replacements {
            work,
            per_module,
            all,
            in_workspace: true,
            highest,
        })
    }

    /// Every rule taking part, go.work first.
    pub fn rules(&self) -> &[ReplaceRule] {
        &self.all
    }

    /// The highest replaced version of `path` (`""` for a wildcard), if any.
    pub fn highest_replaced(&self, path: &str) -> Option<&str> {
        self.highest.get(path).map(SmolStr::as_str)
    }

    /// Looks up the replacement for `m` (`replacementFrom`): version-specific
    /// key first, then the wildcard; go.work before the modules.
    pub fn lookup(&self, m: &ModuleVersion) -> Option<ReplaceMatch> {
        if let Some(rule) = lookup_in(&self.work, m) {
            return Some(ReplaceMatch {
                rule: rule.clone(),
                conflict: None,
            });
        }
        // Go's replacementFrom never updates `foundFrom` (it stays ""), so a
        // conflict is reported only when a later module's rule is
        // version-specific and names another target; a later wildcard wins.
        let mut found: Option<(&ReplaceRule, String)> = None;
        for map in &self.per_module {
            let key_exact = ModuleVersion::new(m.path.clone(), m.version.clone());
            let (from, rule) = match map.get(&key_exact) {
                Some(r) => (m.version.clone(), r),
                None => match map.get(&ModuleVersion::new(m.path.clone(), "")) {
                    Some(r) => (SmolStr::default(), r),
                    None => continue,
                },
            };
            if let Some((prev, _)) = &found {
                if self.in_workspace && !from.is_empty() && prev.effective != rule.effective {
                    let msg = format!(
                        "conflicting replacements found for {} in workspace modules defined by {} and {}",
                        m,
                        prev.mod_root.join("go.mod").display(),
                        rule.mod_root.join("go.mod").display()
                    );
                    return Some(ReplaceMatch {
                        rule: (*prev).clone(),
                        conflict: Some(msg),
                    });
                }
            }
            found = Some((rule, from.to_string()));
        }
        found.map(|(rule, _)| ReplaceMatch {
            rule: rule.clone(),
            conflict: None,
        })
    }
}

/// `toReplaceMap`: one go.mod (or go.work) may repeat a replace key only
/// with the same target; otherwise Go stops with "conflicting replacements".
fn check_duplicate_keys(rules: &[ReplaceRule]) -> Result<(), ReplaceConflict> {
    let mut seen: HashMap<&ModuleVersion, &ModuleVersion> = HashMap::new();
    for r in rules {
        if let Some(prev) = seen.insert(&r.old, &r.new) {
            if *prev != r.new {
                return Err(ReplaceConflict(format!(
                    "go: conflicting replacements for {}:\n\t{}\n\t{}",
                    r.old, prev, r.new
                )));
            }
        }
    }
    Ok(())
}

fn lookup_in<'a>(
    map: &'a HashMap<ModuleVersion, ReplaceRule>,
    m: &ModuleVersion,
) -> Option<&'a ReplaceRule> {
    map.get(m)
        .or_else(|| map.get(&ModuleVersion::new(m.path.clone(), "")))
}

fn note_highest(highest: &mut HashMap<SmolStr, SmolStr>, old: &ModuleVersion) {
    let replace = match highest.get(old.path.as_str()) {
        None => true,
        Some(v) => gomvs_modfile::gover::mod_compare(&old.path, &old.version, v).is_gt(),
    };
    if replace {
        highest.insert(old.path.clone(), old.version.clone());
    }
}

/// Reports whether a replacement target is a directory (`modfile.IsDirectoryPath`
/// semantics are applied by the parser; here an empty version means directory).
pub fn is_directory_target(m: &ModuleVersion) -> bool {
    m.version.is_empty()
}
