//! A small graph-drawing model, written out as Graphviz DOT or as a
//! Mermaid flowchart (which GitHub renders in markdown).

use std::collections::HashMap;
use std::fmt::Write as _;

/// How a node is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    /// A main module.
    Main,
    /// A selected module.
    Module,
    /// The module the question is about.
    Focus,
    /// A version that lost, or a module whose go.mod was not read.
    Faded,
    /// A replacement target.
    Replacement,
}

impl NodeKind {
    /// When one label is added with several kinds, the highest wins.
    fn priority(self) -> u8 {
        match self {
            NodeKind::Faded => 0,
            NodeKind::Module => 1,
            NodeKind::Replacement => 2,
            NodeKind::Focus => 3,
            NodeKind::Main => 4,
        }
    }
}

/// How an edge is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EdgeKind {
    /// A requirement.
    Require,
    /// The requirement that decided.
    Decides,
    /// A replacement (old → new).
    Replace,
    /// An ignored directive (hidden replace) or dropped requirement.
    Ignored,
}

/// A diagram under construction.
#[derive(Debug, Default)]
pub struct Diagram {
    nodes: Vec<(String, NodeKind)>,
    index: HashMap<String, usize>,
    edges: Vec<(usize, usize, String, EdgeKind)>,
    edge_set: std::collections::HashSet<(usize, usize, String)>,
}

impl Diagram {
    /// The node labelled `label` (added once; of several kinds the one
    /// with the highest priority wins: main, focus, replacement, module, faded).
    pub fn node(&mut self, label: &str, kind: NodeKind) -> usize {
        if let Some(&i) = self.index.get(label) {
            if let Some(n) = self.nodes.get_mut(i) {
                if kind.priority() > n.1.priority() {
                    n.1 = kind;
                }
            }
            return i;
        }
        let i = self.nodes.len();
        self.nodes.push((label.to_string(), kind));
        self.index.insert(label.to_string(), i);
        i
    }

    /// Adds an edge (duplicates of the same from/to/label are dropped).
    pub fn edge(&mut self, from: usize, to: usize, label: &str, kind: EdgeKind) {
        if !self.edge_set.insert((from, to, label.to_string())) {
            return;
        }
        self.edges.push((from, to, label.to_string(), kind));
    }

    /// Graphviz DOT.
    pub fn to_dot(&self, name: &str) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "digraph {} {{", dot_quote(name));
        let _ = writeln!(s, "  rankdir=LR;");
        let _ = writeln!(
            s,
            "  node [shape=box, style=\"rounded,filled\", fillcolor=white, fontname=\"Helvetica\"];"
        );
        let _ = writeln!(s, "  edge [fontname=\"Helvetica\", fontsize=10];");
        for (i, (label, kind)) in self.nodes.iter().enumerate() {
            let attrs = match kind {
                NodeKind::Main => ", fillcolor=\"#dbeafe\", penwidth=2",
                NodeKind::Module => "",
                NodeKind::Focus => ", fillcolor=\"#dcfce7\", penwidth=2",
                NodeKind::Faded => ", fontcolor=gray40, color=gray60, style=\"rounded,dashed\"",
                NodeKind::Replacement => ", fillcolor=\"#fef3c7\"",
            };
            let _ = writeln!(s, "  n{i} [label={}{attrs}];", dot_quote(label));
        }
        for (f, t, label, kind) in &self.edges {
            let mut attrs = Vec::new();
            if !label.is_empty() {
                attrs.push(format!("label={}", dot_quote(label)));
            }
            match kind {
                EdgeKind::Require => {}
                EdgeKind::Decides => attrs.push("color=\"#16a34a\", penwidth=2".into()),
                EdgeKind::Replace => attrs.push("color=\"#d97706\", style=bold".into()),
                EdgeKind::Ignored => attrs.push("color=gray50, style=dashed".into()),
            }
            if attrs.is_empty() {
                let _ = writeln!(s, "  n{f} -> n{t};");
            } else {
                let _ = writeln!(s, "  n{f} -> n{t} [{}];", attrs.join(", "));
            }
        }
        s.push_str("}\n");
        s
    }

    /// A Mermaid `flowchart LR`.
    pub fn to_mermaid(&self) -> String {
        let mut s = String::from("flowchart LR\n");
        for (i, (label, kind)) in self.nodes.iter().enumerate() {
            let text = mermaid_quote(label);
            let shape = match kind {
                NodeKind::Main => format!("n{i}[[\"{text}\"]]"),
                NodeKind::Replacement => format!("n{i}[/\"{text}\"/]"),
                _ => format!("n{i}[\"{text}\"]"),
            };
            let _ = writeln!(s, "  {shape}");
        }
        for (f, t, label, kind) in &self.edges {
            let arrow = match kind {
                EdgeKind::Require => "-->",
                EdgeKind::Decides => "==>",
                EdgeKind::Replace => "==>",
                EdgeKind::Ignored => "-.->",
            };
            if label.is_empty() {
                let _ = writeln!(s, "  n{f} {arrow} n{t}");
            } else {
                let _ = writeln!(s, "  n{f} {arrow}|\"{}\"| n{t}", mermaid_quote(label));
            }
        }
        let mut classes: Vec<(&str, Vec<usize>)> = vec![
            ("focus", Vec::new()),
            ("faded", Vec::new()),
            ("replacement", Vec::new()),
            ("main", Vec::new()),
        ];
        for (i, (_, kind)) in self.nodes.iter().enumerate() {
            let slot = match kind {
                NodeKind::Focus => 0,
                NodeKind::Faded => 1,
                NodeKind::Replacement => 2,
                NodeKind::Main => 3,
                NodeKind::Module => continue,
            };
            if let Some((_, v)) = classes.get_mut(slot) {
                v.push(i);
            }
        }
        s.push_str("  classDef focus fill:#dcfce7,stroke:#16a34a,stroke-width:2px\n");
        s.push_str("  classDef faded fill:#f5f5f5,stroke:#999,stroke-dasharray:4 3,color:#666\n");
        s.push_str("  classDef replacement fill:#fef3c7,stroke:#d97706\n");
        s.push_str("  classDef main fill:#dbeafe,stroke:#2563eb,stroke-width:2px\n");
        for (name, ids) in classes {
            if !ids.is_empty() {
                let list: Vec<String> = ids.iter().map(|i| format!("n{i}")).collect();
                let _ = writeln!(s, "  class {} {name}", list.join(","));
            }
        }
        s
    }
}

/// A DOT double-quoted string.
fn dot_quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Text inside a Mermaid `"..."` label: quotes and markup characters as
/// entity codes.
fn mermaid_quote(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '\n' => out.push_str("<br/>"),
            c => out.push(c),
        }
    }
    out
}
