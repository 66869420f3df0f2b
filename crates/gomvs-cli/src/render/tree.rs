//! Rendering of effective trees (`cargo tree` shape) and duplicates.

use super::diagram::{Diagram, EdgeKind, NodeKind};
use super::{module_text, Style};
use gomvs_graph::explain::tree::{Duplicates, EffectiveGraph, EffectiveNode, TreeLine};
use gomvs_graph::explain::LoadState;
use std::fmt::Write as _;

/// The label of a node: `path version`, `=> target` when replaced, and a
/// marker when its go.mod was not read.
pub fn node_label(n: &EffectiveNode, st: Style) -> String {
    let mut s = st.bold(&module_text(&n.module));
    if let Some(r) = &n.replaced_by {
        let _ = write!(s, " => {}", st.warn(&module_text(r)));
    }
    match &n.load {
        LoadState::NotLoaded => {
            let _ = write!(s, " {}", st.warn("[go.mod not loaded: pruned]"));
        }
        LoadState::Error { .. } => {
            let _ = write!(s, " {}", st.bad("[go.mod error]"));
        }
        _ => {}
    }
    s
}

/// How each line of a text tree starts (`cargo tree --prefix`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Prefix {
    /// `├──`/`└──` guides indented by depth: the output of a chain N deep
    /// is quadratic in N (4 bytes per level per line).
    #[default]
    Indent,
    /// The depth as a number (`3example.com/m v1.0.0`): linear output,
    /// for deep graphs.
    Depth,
    /// No prefix.
    None,
}

/// Text: one line per [`TreeLine`], with `├──`/`└──` guides and `(*)` on repeats.
pub fn text(graph: &EffectiveGraph, lines: &[TreeLine], st: Style) -> String {
    let mut out = Vec::new();
    // Writing into a Vec cannot fail.
    let _ = write_text(&mut out, graph, lines.iter().cloned(), st, Prefix::Indent);
    String::from_utf8_lossy(&out).into_owned()
}

/// Writes the text tree line by line as `lines` yields them (nothing is
/// built whole: memory is the prefix of the current line, linear in its
/// depth).
pub fn write_text(
    w: &mut dyn std::io::Write,
    graph: &EffectiveGraph,
    lines: impl IntoIterator<Item = TreeLine>,
    st: Style,
    mode: Prefix,
) -> std::io::Result<()> {
    // prefix holds the guides of the open ancestors at depths 1..; ends[d]
    // is its length once the ancestor at depth d + 1 is written.
    let mut prefix = String::new();
    let mut ends: Vec<usize> = Vec::new();
    for l in lines {
        let Some(n) = graph.nodes.get(l.node) else {
            continue;
        };
        let repeat = if l.repeat { " (*)" } else { "" };
        match mode {
            Prefix::Indent => {
                // Keep the guides of ancestors at depths 1..l.depth-1.
                let keep = l.depth.saturating_sub(1);
                ends.truncate(keep);
                prefix.truncate(ends.last().copied().unwrap_or(0));
                if l.depth > 0 {
                    let guide = if l.last { "└── " } else { "├── " };
                    writeln!(w, "{prefix}{guide}{}{repeat}", node_label(n, st))?;
                    prefix.push_str(if l.last { "    " } else { "│   " });
                    ends.push(prefix.len());
                } else {
                    writeln!(w, "{}{repeat}", node_label(n, st))?;
                }
            }
            Prefix::Depth => writeln!(w, "{}{}{repeat}", l.depth, node_label(n, st))?,
            Prefix::None => writeln!(w, "{}{repeat}", node_label(n, st))?,
        }
    }
    Ok(())
}

/// The edges walked by `lines` as a diagram.
pub fn diagram(graph: &EffectiveGraph, lines: &[TreeLine]) -> Diagram {
    let mut d = Diagram::default();
    let plain = Style { color: false };
    let mut ids = std::collections::HashMap::new();
    for l in lines {
        let Some(n) = graph.nodes.get(l.node) else {
            continue;
        };
        let kind = if n.main {
            NodeKind::Main
        } else if matches!(n.load, LoadState::NotLoaded | LoadState::Error { .. }) {
            NodeKind::Faded
        } else if n.replaced_by.is_some() {
            NodeKind::Replacement
        } else {
            NodeKind::Module
        };
        ids.insert(l.node, d.node(&node_label(n, plain), kind));
    }
    for l in lines {
        let Some(e) = l.edge.and_then(|e| graph.edges.get(e)) else {
            continue;
        };
        if let (Some(&f), Some(&t)) = (ids.get(&e.from), ids.get(&e.to)) {
            let to_version = graph.nodes.get(e.to).map(|n| n.module.version.as_str());
            let label = if to_version == Some(e.requested.as_str()) {
                String::new()
            } else {
                format!("asks {}", e.requested)
            };
            d.edge(f, t, &label, EdgeKind::Require);
        }
    }
    d
}

/// Text of `--duplicates`.
pub fn duplicates_text(dups: &Duplicates, st: Style) -> String {
    let mut s = String::new();
    if dups.duplicates.is_empty() {
        let _ = writeln!(s, "no module is required at more than one version");
    }
    for d in &dups.duplicates {
        let _ = writeln!(
            s,
            "{} (selected {})",
            st.bold(&d.path),
            st.good(&d.selected)
        );
        for v in &d.versions {
            let users: Vec<String> = v.required_by.iter().map(ToString::to_string).collect();
            let version = if v.version == d.selected {
                st.good(&v.version)
            } else {
                v.version.clone()
            };
            let _ = writeln!(s, "  {version} required by {}", users.join(", "));
        }
    }
    if !dups.coexisting_majors.is_empty() {
        let _ = writeln!(
            s,
            "\ncoexisting major versions (distinct modules, all built):"
        );
        for c in &dups.coexisting_majors {
            let ms: Vec<String> = c.modules.iter().map(module_text).collect();
            let _ = writeln!(s, "  {}: {}", st.bold(&c.prefix), ms.join(", "));
        }
    }
    s
}

/// `--duplicates` as a diagram: each version with its requirers.
pub fn duplicates_diagram(dups: &Duplicates) -> Diagram {
    let mut d = Diagram::default();
    for dup in &dups.duplicates {
        for v in &dup.versions {
            let kind = if v.version == dup.selected {
                NodeKind::Focus
            } else {
                NodeKind::Faded
            };
            let to = d.node(&format!("{}@{}", dup.path, v.version), kind);
            for u in &v.required_by {
                let k = if u.version.is_empty() {
                    NodeKind::Main
                } else {
                    NodeKind::Module
                };
                let from = d.node(&u.to_string(), k);
                d.edge(from, to, "", EdgeKind::Require);
            }
        }
    }
    d
}
