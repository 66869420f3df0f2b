//! Rendering of `replaces` reports.

use super::diagram::{Diagram, EdgeKind, NodeKind};
use super::{module_text, Style};
use gomvs_graph::explain::replaces::{DirectiveScope, ReplacesReport};
use gomvs_graph::explain::LoadState;
use std::fmt::Write as _;

/// Text for people.
pub fn text(r: &ReplacesReport, st: Style) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{}",
        st.bold("replace directives that count (main modules, go.work):")
    );
    if r.directives.is_empty() {
        let _ = writeln!(s, "  none");
    }
    for d in &r.directives {
        let scope = match d.scope {
            DirectiveScope::GoWork => "go.work",
            DirectiveScope::MainModule => "main go.mod",
            _ => "go.mod",
        };
        let _ = writeln!(
            s,
            "  {} => {}  {}",
            module_text(&d.old),
            module_text(&d.new),
            st.dim(&format!("({}, {scope})", d.location))
        );
        if d.unused {
            let _ = writeln!(
                s,
                "    {}: matches no module version in this graph",
                st.warn("unused")
            );
            continue;
        }
        let matched: Vec<String> = d.matched.iter().map(ToString::to_string).collect();
        let _ = writeln!(s, "    matched: {}", matched.join(", "));
        match &d.selected {
            Some(m) => {
                let _ = writeln!(
                    s,
                    "    replaces the selected version {}",
                    st.good(&m.to_string())
                );
            }
            None => {
                let _ = writeln!(
                    s,
                    "    does not replace the selected version (only versions that lost)"
                );
            }
        }
    }
    if !r.chains.is_empty() {
        let _ = writeln!(s, "\n{}", st.bold("chains (Go applies one hop only):"));
        for c in &r.chains {
            let _ = writeln!(
                s,
                "  {} => {} ({}) and {} => {} ({})",
                module_text(&c.first.old),
                module_text(&c.first.new),
                c.first.location,
                module_text(&c.second.old),
                module_text(&c.second.new),
                c.second.location
            );
            let _ = writeln!(
                s,
                "    {} uses {}: its code and go.mod; the second directive is not followed",
                c.first.old.path,
                st.warn(&module_text(&c.used))
            );
        }
    }
    let _ = writeln!(
        s,
        "\n{}",
        st.bold("hidden replace directives (in dependencies' go.mod files; Go ignores them):")
    );
    if r.hidden.is_empty() {
        let _ = writeln!(s, "  none");
    }
    for h in &r.hidden {
        let _ = writeln!(
            s,
            "  {} => {}  {}",
            module_text(&h.old),
            module_text(&h.new),
            st.dim(&format!("({}, in {})", h.location, h.declared_by))
        );
        let effect = match (&h.selected, &h.used) {
            (None, _) | (_, None) => format!("{} is not in this build", h.old.path),
            (Some(v), Some(u)) if h.agrees => {
                format!(
                    "ignored; the build happens to use {} anyway (selected {v})",
                    module_text(u)
                )
            }
            (Some(v), Some(u)) => format!(
                "{}: the build uses {} (selected {v})",
                st.warn("ignored"),
                module_text(u)
            ),
        };
        let _ = writeln!(s, "    {effect}");
    }
    let _ = writeln!(
        s,
        "\n{}",
        st.bold("go.mod source of each module, and what `go list -m all` shows:")
    );
    for m in &r.modules {
        let source = match &m.load {
            LoadState::Loaded { go_mod } => go_mod.clone(),
            LoadState::NotLoaded => st.warn("not read (pruned)"),
            LoadState::Error { message } => st.bad(&format!("error: {message}")),
            LoadState::Main => "main module".into(),
            LoadState::Synthetic => "synthesized".into(),
            _ => "unknown".into(),
        };
        let _ = writeln!(s, "  {}", m.list_line);
        let _ = writeln!(s, "    go.mod: {source}");
        if let Some(c) = &m.caveat {
            let _ = writeln!(s, "    {}: {c}", st.warn("note"));
        }
    }
    s
}

/// Directives (and hidden ones, dashed) as a diagram.
pub fn diagram(r: &ReplacesReport) -> Diagram {
    let mut d = Diagram::default();
    for x in &r.directives {
        let kind = if x.unused {
            NodeKind::Faded
        } else {
            NodeKind::Module
        };
        let from = d.node(&x.old.to_string(), kind);
        let to = d.node(&x.new.to_string(), NodeKind::Replacement);
        if x.unused {
            let chained = r.chains.iter().any(|c| c.second == *x);
            let why = if chained {
                "not followed: one hop only"
            } else {
                "unused"
            };
            d.edge(
                from,
                to,
                &format!("{} ({why})", x.location),
                EdgeKind::Ignored,
            );
        } else {
            d.edge(from, to, &x.location.to_string(), EdgeKind::Replace);
        }
        for m in &x.matched {
            if *m != x.old {
                let k = if x.selected.as_ref() == Some(m) {
                    NodeKind::Focus
                } else {
                    NodeKind::Faded
                };
                let n = d.node(&m.to_string(), k);
                d.edge(n, from, "matches", EdgeKind::Require);
            }
        }
    }
    for h in &r.hidden {
        let from = d.node(&h.old.to_string(), NodeKind::Faded);
        let to = d.node(&h.new.to_string(), NodeKind::Faded);
        d.edge(
            from,
            to,
            &format!("ignored ({})", h.location),
            EdgeKind::Ignored,
        );
    }
    d
}
