//! `replaces`: every replace directive that exists around a load and what
//! it did.
//!
//! * Directives that count — the main module(s)' and go.work's — with the
//!   graph nodes each one matched, and the unused ones.
//! * Hidden directives: written in dependencies' go.mod files, which Go
//!   reads laxly and ignores; they are found by re-reading those files'
//!   syntax, and compared with what the build really uses.
//! * Chains `A => B` + `B => C`: Go applies one hop only (the go.mod and
//!   code of `A` are `B`'s, never `C`'s; see the edge case
//!   `09-replace-does-not-chain` of the shared corpus, checked with go).
//! * The effective source of each selected module's go.mod, and what
//!   `go list -m all` shows for replaced modules and why that can mislead.

use super::{is_pseudo_module, load_state, source_text, LoadState, Location};
use crate::loader::Loaded;
use crate::mvs::NONE;
use crate::replace::ReplaceRule;
use crate::summary::SummarySource;
use gomvs_modfile::syntax::{parse_syntax, Line, Stmt};
use gomvs_modfile::ModuleVersion;
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// Where a directive that counts is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DirectiveScope {
    /// go.work.
    GoWork,
    /// A main module's go.mod.
    MainModule,
}

/// A replace directive that takes part in resolution.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Directive {
    /// The replaced module (empty version: every version).
    pub old: ModuleVersion,
    /// The target as written (directory: empty version).
    pub new: ModuleVersion,
    /// Where it is written.
    pub location: Location,
    /// go.work or main go.mod.
    pub scope: DirectiveScope,
    /// The graph nodes it replaces (it is their code and go.mod that change).
    pub matched: Vec<ModuleVersion>,
    /// The selected version it replaces, if the path's selected version matches.
    pub selected: Option<ModuleVersion>,
    /// Whether it matched nothing in this graph.
    pub unused: bool,
}

/// A replace directive in a dependency's go.mod: Go ignores it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct HiddenDirective {
    /// The module whose go.mod holds it (the graph node it was read for).
    pub declared_by: ModuleVersion,
    /// The replaced module as written.
    pub old: ModuleVersion,
    /// The target as written.
    pub new: ModuleVersion,
    /// Where it is written.
    pub location: Location,
    /// The selected version of the replaced path in this build, if any.
    pub selected: Option<String>,
    /// What the build uses for that path instead (after the directives that count).
    pub used: Option<ModuleVersion>,
    /// Whether the build happens to use what the hidden directive asks for.
    pub agrees: bool,
}

/// Two directives that would chain (`A => B`, `B => C`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Chain {
    /// The first hop (`A => B`).
    pub first: Directive,
    /// The directive on the first hop's target (`B => C`).
    pub second: Directive,
    /// What Go uses for `A`: the first hop's target, `B` (one hop only).
    pub used: ModuleVersion,
}

/// Where a selected module's go.mod came from, and what `go list -m all`
/// shows for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ModuleSourceRow {
    /// The selected module version.
    pub module: ModuleVersion,
    /// The line `go list -m all` prints for it.
    pub list_line: String,
    /// How its go.mod was read.
    pub load: LoadState,
    /// Why the `go list -m all` line can mislead, if it can.
    pub caveat: Option<String>,
}

/// The `replaces` answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ReplacesReport {
    /// Directives that count (go.work first, then main modules).
    pub directives: Vec<Directive>,
    /// Directives in dependencies' go.mod files (ignored by Go).
    pub hidden: Vec<HiddenDirective>,
    /// Chains between directives that count.
    pub chains: Vec<Chain>,
    /// Every selected module (main modules and pseudo-modules left out).
    pub modules: Vec<ModuleSourceRow>,
}

fn directive(
    loaded: &Loaded,
    by_path: &HashMap<&str, Vec<&ModuleVersion>>,
    rule: &ReplaceRule,
) -> Directive {
    let g = &loaded.graph.graph;
    let lookup = |m: &ModuleVersion| loaded.session.replacements.lookup(m).map(|x| x.rule);
    let mut matched: Vec<ModuleVersion> = by_path
        .get(rule.old.path.as_str())
        .map(Vec::as_slice)
        .unwrap_or(&[])
        .iter()
        .filter(|m| m.version != NONE && !m.version.is_empty())
        .filter(|m| lookup(m).as_ref() == Some(rule))
        .map(|m| (*m).clone())
        .collect();
    matched.sort_by(|a, b| gomvs_modfile::gover::mod_compare(&a.path, &a.version, &b.version));
    let selected = g
        .selected_module(&rule.old.path)
        .filter(|s| matched.contains(s))
        .cloned();
    Directive {
        old: rule.old.clone(),
        new: rule.new.clone(),
        location: Location {
            file: loaded.session.short_path(&rule.origin.file),
            line: Some(rule.origin.span.start.line),
        },
        scope: if rule.from_work_file {
            DirectiveScope::GoWork
        } else {
            DirectiveScope::MainModule
        },
        unused: matched.is_empty(),
        matched,
        selected,
    }
}

#[doc(hidden)] // internal to the gomvs CLI (takes the loader's Loaded); use Resolution
/// Builds the report (see the module docs).
pub fn explain_replaces(loaded: &Loaded) -> ReplacesReport {
    let session = &loaded.session;
    let g = &loaded.graph.graph;
    let rules = session.replacements.rules();
    let mut by_path: HashMap<&str, Vec<&ModuleVersion>> = HashMap::new();
    for m in g.modules() {
        by_path.entry(m.path.as_str()).or_default().push(m);
    }
    let directives: Vec<Directive> = rules
        .iter()
        .map(|r| directive(loaded, &by_path, r))
        .collect();

    let mut chains = Vec::new();
    for (i, r) in rules.iter().enumerate() {
        if r.effective.version.is_empty() {
            continue;
        }
        if let Some(next) = session
            .replacements
            .lookup(&r.effective)
            .filter(|n| n.rule != *r)
        {
            if let (Some(first), Some(j)) = (
                directives.get(i),
                rules.iter().position(|x| *x == next.rule),
            ) {
                if let Some(second) = directives.get(j) {
                    chains.push(Chain {
                        first: first.clone(),
                        second: second.clone(),
                        used: r.new.clone(),
                    });
                }
            }
        }
    }

    let hidden = hidden_directives(loaded);

    let mut modules = Vec::new();
    for m in g.build_list() {
        if is_pseudo_module(&m.path) || (m.version.is_empty() && session.is_main(&m.path)) {
            continue;
        }
        let replaced = session.replacements.lookup(&m).map(|x| x.rule.new);
        let list_line = match &replaced {
            Some(r) if r.version.is_empty() => format!("{} {} => {}", m.path, m.version, r.path),
            Some(r) => format!("{} {} => {} {}", m.path, m.version, r.path, r.version),
            None => format!("{} {}", m.path, m.version),
        };
        let load = load_state(loaded, &m);
        let caveat = match (&replaced, &load) {
            (Some(r), _) if r.version.is_empty() => Some(format!(
                "{} is the version MVS selected, but the code and go.mod come from the directory {}; its requirements are those of {}",
                m.version,
                r.path,
                match &load {
                    LoadState::Loaded { go_mod } => go_mod.clone(),
                    _ => format!("{}/go.mod", r.path),
                }
            )),
            (Some(r), _) if r.path == m.path => Some(format!(
                "{} is the version MVS selected, but the build uses {}: its code and its go.mod's requirements, not those of {}",
                m.version, r.version, m.version
            )),
            (Some(r), _) => Some(format!(
                "{} is the version MVS selected, but the build uses another module, {}: its code and its go.mod's requirements",
                m.version, r
            )),
            (None, LoadState::NotLoaded) => Some(format!(
                "listed at {}, but its go.mod was never read (graph pruning): its requirements took no part",
                m.version
            )),
            _ => None,
        };
        modules.push(ModuleSourceRow {
            module: m,
            list_line,
            load,
            caveat,
        });
    }
    ReplacesReport {
        directives,
        hidden,
        chains,
        modules,
    }
}

/// Re-reads the syntax of every loaded dependency go.mod to find its replace
/// directives (the lax parse the loader uses skips them, as Go's does).
fn hidden_directives(loaded: &Loaded) -> Vec<HiddenDirective> {
    let session = &loaded.session;
    let g = &loaded.graph.graph;
    let mut out = Vec::new();
    let mut read: HashSet<String> = HashSet::new();
    let mut nodes: Vec<(&ModuleVersion, &SummarySource)> = loaded
        .graph
        .summaries
        .iter()
        .filter_map(|(m, s)| s.as_ref().ok().map(|s| (m, &s.source)))
        .filter(|(m, _)| !(m.version.is_empty() && session.is_main(&m.path)))
        .filter(|(m, _)| !is_pseudo_module(&m.path))
        .collect();
    nodes.sort_by(|a, b| a.0.cmp(b.0));
    for (m, source) in nodes {
        let key = source_text(session, source);
        if !read.insert(key.clone()) {
            continue;
        }
        let data: Option<Vec<u8>> = match source {
            SummarySource::Module { module } => {
                session.source().go_mod(module).ok().map(|d| d.to_vec())
            }
            SummarySource::Directory { file } => session.config.files.read(file).ok(),
            SummarySource::Synthetic => None,
        };
        let Some(data) = data else { continue };
        let Ok(syntax) = parse_syntax(&key, &data) else {
            continue;
        };
        for line in replace_lines(&syntax.stmt) {
            let Some((old, new)) = parse_replace_tokens(&line.token) else {
                continue;
            };
            let selected = g
                .selected_module(&old.path)
                .filter(|s| s.version != NONE)
                .cloned();
            let used = selected
                .as_ref()
                .map(|s| match session.replacements.lookup(s) {
                    Some(r) => r.rule.new,
                    None => s.clone(),
                });
            let applies = old.version.is_empty()
                || selected.as_ref().is_some_and(|s| s.version == old.version);
            let agrees = applies && used.as_ref() == Some(&new);
            out.push(HiddenDirective {
                declared_by: m.clone(),
                old,
                new,
                location: Location {
                    file: key.clone(),
                    line: Some(line.start.line),
                },
                selected: selected.map(|s| s.version.to_string()),
                used,
                agrees,
            });
        }
    }
    out
}

/// The `replace` lines of a file, single or in blocks, with the verb removed.
fn replace_lines(stmts: &[Stmt]) -> Vec<Line> {
    let mut out = Vec::new();
    for s in stmts {
        match s {
            Stmt::Line(l) if l.token.first().is_some_and(|t| t == "replace") => {
                let mut l = l.clone();
                l.token.remove(0);
                out.push(l);
            }
            Stmt::LineBlock(b) if b.token.first().is_some_and(|t| t == "replace") => {
                out.extend(b.line.iter().cloned());
            }
            _ => {}
        }
    }
    out
}

/// `old [v] => new [v]` (quoted tokens unquoted).
fn parse_replace_tokens(tokens: &[String]) -> Option<(ModuleVersion, ModuleVersion)> {
    let arrow = tokens.iter().position(|t| t == "=>")?;
    let unquote = |t: &String| t.trim_matches('"').to_string();
    let (lhs, rhs) = (tokens.get(..arrow)?, tokens.get(arrow + 1..)?);
    let old = match lhs {
        [p] => ModuleVersion::new(unquote(p), ""),
        [p, v] => ModuleVersion::new(unquote(p), unquote(v)),
        _ => return None,
    };
    let new = match rhs {
        [p] => ModuleVersion::new(unquote(p), ""),
        [p, v] => ModuleVersion::new(unquote(p), unquote(v)),
        _ => return None,
    };
    Some((old, new))
}

#[cfg(test)]
mod tests {
    use super::parse_replace_tokens;

    #[test]
    fn tokens() {
        let t = |s: &str| s.split(' ').map(String::from).collect::<Vec<_>>();
        let (o, n) = parse_replace_tokens(&t("a v1.0.0 => b v1.1.0")).expect("parses");
        assert_eq!((o.path.as_str(), o.version.as_str()), ("a", "v1.0.0"));
        assert_eq!((n.path.as_str(), n.version.as_str()), ("b", "v1.1.0"));
        let (o, n) = parse_replace_tokens(&t("a => ../b")).expect("parses");
        assert_eq!((o.version.as_str(), n.version.as_str()), ("", ""));
        assert!(parse_replace_tokens(&t("a b c")).is_none());
    }
}
