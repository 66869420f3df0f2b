//! Rendering of `why` reports.

use super::diagram::{Diagram, EdgeKind, NodeKind};
use super::{module_text, Style};
use gomvs_graph::explain::why::{Verdict, WhyReport};
use gomvs_graph::explain::{LoadState, Location};
use gomvs_modfile::ModuleVersion;
use std::fmt::Write as _;

fn loc(l: &Option<Location>) -> String {
    l.as_ref()
        .map_or_else(|| "(no require line)".to_string(), |l| l.to_string())
}

fn directive_text(old: &ModuleVersion, new: &ModuleVersion) -> String {
    format!("replace {} => {}", module_text(old), module_text(new))
}

fn path_text(p: &[ModuleVersion]) -> String {
    p.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(" -> ")
}

/// Text for people.
pub fn text(r: &WhyReport, st: Style) -> String {
    let mut s = String::new();
    match r.verdict {
        Verdict::Main => {
            let _ = writeln!(
                s,
                "{} is a main module: it is where the requirement graph starts, not a selected dependency.",
                st.bold(&r.path)
            );
            return s;
        }
        Verdict::Absent => {
            let _ = writeln!(
                s,
                "{}: {}",
                st.bold(&r.query),
                st.bad("not in the module graph (no go.mod that was read requires it)")
            );
            for p in &r.pruned_requirers {
                let _ = writeln!(
                    s,
                    "  {}: {} asks for {}@{} in its go.mod, which was never read (graph pruning), so that requirement took no part",
                    st.warn("pruned"),
                    p.module,
                    r.path,
                    p.would_require
                );
            }
            if !r.suggestions.is_empty() {
                let _ = writeln!(s, "  did you mean: {}", r.suggestions.join(", "));
            }
            for x in &r.exclusions {
                let _ = writeln!(
                    s,
                    "  note: {} excludes {}@{}",
                    x.location, r.path, x.version
                );
            }
            for x in &r.replacements {
                let _ = writeln!(
                    s,
                    "  note: unused directive at {}: {}",
                    x.location,
                    directive_text(&x.old, &x.new)
                );
            }
            return s;
        }
        _ => {}
    }
    let selected = r.selected.clone().unwrap_or_default();
    let used = r.used.clone();
    let replaced = used
        .as_ref()
        .is_some_and(|u| !(u.path == r.path && u.version == selected));
    // Headline: what go list -m all would print.
    let head = match (&used, replaced) {
        (Some(u), true) => format!("{} {} => {}", r.path, selected, module_text(u)),
        _ => format!("{} {}", r.path, selected),
    };
    let _ = writeln!(s, "{}", st.bold(&head));

    match (r.verdict, &r.asked_version) {
        (Verdict::Lost, Some(v)) => {
            let _ = writeln!(
                s,
                "  {} lost: {} is selected (minimal version selection keeps the highest version required)",
                st.warn(v),
                st.good(&selected)
            );
        }
        (Verdict::VersionAbsent, Some(v)) if r.exclusions.iter().any(|x| x.version == *v) => {
            let x = r.exclusions.iter().find(|x| x.version == *v);
            let _ = writeln!(
                s,
                "  {} is excluded ({}): requirements on it were dropped, not raised; {} is selected",
                st.warn(v),
                x.map(|x| x.location.to_string()).unwrap_or_default(),
                st.good(&selected)
            );
        }
        (Verdict::VersionAbsent, Some(v)) => {
            let _ = writeln!(
                s,
                "  {} is not in the module graph: nothing requires {}@{}; {} is selected",
                st.bad(v),
                r.path,
                v,
                st.good(&selected)
            );
        }
        _ => {}
    }

    // Why the selected version.
    let decider = r.deciding.and_then(|i| r.requirements.get(i));
    match decider {
        Some(d) => {
            let _ = writeln!(
                s,
                "  selected {}: the highest version required, by {} ({})",
                st.good(&selected),
                d.requirer,
                st.dim(&loc(&d.location))
            );
            if !d.requirer_selected {
                let _ = writeln!(
                    s,
                    "    ({} itself lost to another version, but its requirements still count in minimal version selection)",
                    d.requirer
                );
            }
        }
        None => {
            let _ = writeln!(s, "  selected {}: a root of the graph", st.good(&selected));
        }
    }
    if !r.path_to_selected.is_empty() {
        let _ = writeln!(s, "    via {}", path_text(&r.path_to_selected));
    }

    // Replacement.
    for x in &r.replacements {
        if x.applies_to_selected {
            let _ = writeln!(
                s,
                "  {} {}: {}",
                st.warn("replaced by"),
                module_text(&x.new),
                st.dim(&format!(
                    "{} ({})",
                    directive_text(&x.old, &x.new),
                    x.location
                ))
            );
            if x.new.path == r.path && !x.new.version.is_empty() {
                let _ = writeln!(
                    s,
                    "  => the build uses {} instead of {} because of the replace directive at {}",
                    st.warn(&x.new.version),
                    selected,
                    x.location
                );
            } else {
                let _ = writeln!(
                    s,
                    "  => the build uses {} instead of {}@{} because of the replace directive at {}",
                    st.warn(&module_text(&x.new)),
                    r.path,
                    selected,
                    x.location
                );
            }
            let _ = writeln!(
                s,
                "     (its code and its go.mod's requirements are used; the selection itself still counts {selected})"
            );
        } else {
            let _ = writeln!(
                s,
                "  note: directive at {} does not apply to {}: {}",
                x.location,
                selected,
                directive_text(&x.old, &x.new)
            );
        }
    }

    // Exclusions.
    for x in &r.exclusions {
        let effect = if x.above_selected && !x.dropped.is_empty() {
            st.warn("dropped a higher requirement")
        } else if x.dropped.is_empty() {
            "matched no requirement".to_string()
        } else {
            "dropped a requirement".to_string()
        };
        let _ = writeln!(
            s,
            "  exclude {}@{} ({}): {}",
            r.path, x.version, x.location, effect
        );
        for d in &x.dropped {
            let _ = writeln!(
                s,
                "    {} asked for {} ({})",
                d.requirer,
                d.version,
                loc(&d.location)
            );
        }
    }

    // Root updates.
    if let Some(u) = &r.root_update {
        let _ = writeln!(
            s,
            "  {}: go.mod lists {}, the graph was loaded with {} (go would rewrite go.mod with -mod=mod)",
            st.warn("root updated"),
            u.go_mod.as_deref().unwrap_or("no requirement"),
            u.updated.as_deref().unwrap_or("no requirement")
        );
    }

    // Load state of the selected version.
    match &r.selected_load {
        Some(LoadState::NotLoaded) => {
            let _ = writeln!(
                s,
                "  {}: its go.mod was never read (graph pruning); its own requirements took no part",
                st.warn("not loaded")
            );
        }
        Some(LoadState::Error { message }) => {
            let _ = writeln!(s, "  {}: {}", st.bad("go.mod error"), message);
        }
        Some(LoadState::Loaded { go_mod }) if replaced => {
            let _ = writeln!(s, "  go.mod read: {go_mod}");
        }
        _ => {}
    }

    // Pruning.
    for p in &r.pruned_requirers {
        let _ = writeln!(
            s,
            "  {}: {} asks for {} in its go.mod, which was never read{}",
            st.warn("pruned"),
            p.module,
            p.would_require,
            if p.above_selected {
                " (higher than the selected version: without pruning it would win)"
            } else {
                ""
            }
        );
    }

    if let (Verdict::Lost, false) = (r.verdict, r.path_to_asked.is_empty()) {
        let _ = writeln!(
            s,
            "  {} is reached via {}",
            r.query,
            path_text(&r.path_to_asked)
        );
    }

    // Every requirement.
    let _ = writeln!(
        s,
        "  requirements on {} ({}):",
        r.path,
        r.requirements.len()
    );
    let width = r
        .requirements
        .iter()
        .map(|q| q.requirer.to_string().len())
        .max()
        .unwrap_or(0);
    for (i, q) in r.requirements.iter().enumerate() {
        let mark = if Some(i) == r.deciding {
            "*"
        } else if q.decides {
            "="
        } else {
            " "
        };
        let version = if q.decides {
            st.good(&q.version)
        } else {
            q.version.clone()
        };
        let lost = if q.from_root_update {
            " (root added or raised in memory by the loader; not in go.mod as such)"
        } else if q.requirer_selected {
            ""
        } else {
            " (requirer not selected)"
        };
        let _ = writeln!(
            s,
            "  {mark} {:width$}  {version}  {}{lost}",
            q.requirer.to_string(),
            st.dim(&loc(&q.location)),
        );
    }
    s
}

/// The requirement paths and directives as a diagram.
pub fn diagram(reports: &[WhyReport]) -> Diagram {
    let mut d = Diagram::default();
    for r in reports {
        let Some(selected) = &r.selected else {
            let n = d.node(&format!("{} (absent)", r.path), NodeKind::Faded);
            let _ = n;
            continue;
        };
        let focus_label = format!("{}@{}", r.path, selected);
        let focus = d.node(&focus_label, NodeKind::Focus);
        let mut prev: Option<usize> = None;
        let n = r.path_to_selected.len();
        for (i, m) in r.path_to_selected.iter().enumerate() {
            let kind = if m.version.is_empty() {
                NodeKind::Main
            } else if i + 1 == n {
                NodeKind::Focus
            } else {
                NodeKind::Module
            };
            let id = d.node(&m.to_string(), kind);
            if let Some(p) = prev {
                // The last hop is drawn below, with its require line.
                if i + 1 < n {
                    d.edge(p, id, "", EdgeKind::Require);
                }
            }
            prev = Some(id);
        }
        for (qi, q) in r.requirements.iter().enumerate() {
            let from_kind = if q.requirer.version.is_empty() {
                NodeKind::Main
            } else if q.requirer_selected {
                NodeKind::Module
            } else {
                NodeKind::Faded
            };
            let from = d.node(&q.requirer.to_string(), from_kind);
            let to = if q.decides {
                focus
            } else {
                d.node(&format!("{}@{}", r.path, q.version), NodeKind::Faded)
            };
            let label = q
                .location
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default();
            let kind = if Some(qi) == r.deciding {
                EdgeKind::Decides
            } else {
                EdgeKind::Require
            };
            d.edge(from, to, &label, kind);
        }
        for x in r.replacements.iter().filter(|x| x.applies_to_selected) {
            let target = d.node(&x.new.to_string(), NodeKind::Replacement);
            d.edge(
                focus,
                target,
                &format!("replace ({})", x.location),
                EdgeKind::Replace,
            );
        }
        for x in &r.exclusions {
            let ex = d.node(
                &format!("{}@{} (excluded)", r.path, x.version),
                NodeKind::Faded,
            );
            for q in &x.dropped {
                let from = d.node(&q.requirer.to_string(), NodeKind::Module);
                d.edge(
                    from,
                    ex,
                    &format!("exclude ({})", x.location),
                    EdgeKind::Ignored,
                );
            }
        }
        for p in &r.pruned_requirers {
            let from = d.node(&p.module.to_string(), NodeKind::Faded);
            let to = d.node(&format!("{}@{}", r.path, p.would_require), NodeKind::Faded);
            d.edge(from, to, "pruned: go.mod not read", EdgeKind::Ignored);
        }
    }
    d
}
