//! Rendering of `gomvs diff`: text for people, JSON (docs/json-schema.md,
//! `gomvs.diff`), and Markdown for a pull-request comment.

use super::{module_text, Style};
use gomvs_graph::diff::{ChangeKind, EdgeDiff, ModuleChange, SideCause};
use gomvs_modfile::ModuleVersion;
use serde::Serialize;
use std::fmt::Write as _;
use std::path::Path;

/// The output formats of `gomvs diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DiffFormat {
    /// Text for people.
    Text,
    /// JSON (`gomvs.diff`, docs/json-schema.md).
    Json,
    /// Markdown for a pull-request comment.
    Markdown,
}

/// What one side of a diff is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SideInfo {
    /// A git revision.
    Revision {
        /// The expression as given.
        spec: String,
        /// The full commit id.
        commit: String,
        /// The abbreviated commit id.
        short: String,
        /// The commit's summary line.
        summary: String,
    },
    /// The working tree.
    WorkingTree {
        /// Its directory.
        dir: String,
    },
    /// A directory given with `--dirs`.
    Dir {
        /// The directory as given.
        dir: String,
    },
    /// A build that does not exist on disk: what a command would leave
    /// (`gomvs get --explain`).
    Planned {
        /// What would produce it, e.g. `go get example.com/m@v1.2.0`.
        description: String,
    },
}

impl SideInfo {
    /// The working tree at `dir`.
    pub fn working_tree(dir: &Path) -> SideInfo {
        SideInfo::WorkingTree {
            dir: dir.display().to_string(),
        }
    }

    /// A directory.
    pub fn dir(dir: &Path) -> SideInfo {
        SideInfo::Dir {
            dir: dir.display().to_string(),
        }
    }

    /// A short label: `main (3f2a1bc)`, `working tree`, the directory.
    pub fn label(&self) -> String {
        match self {
            SideInfo::Revision { spec, short, .. } => format!("{spec} ({short})"),
            SideInfo::WorkingTree { .. } => "working tree".to_string(),
            SideInfo::Dir { dir } => dir.clone(),
            SideInfo::Planned { description } => description.clone(),
        }
    }
}

/// The whole `gomvs diff` document.
#[derive(Debug, Clone, Serialize)]
pub struct DiffReport {
    /// The base side.
    pub base: SideInfo,
    /// The head side.
    pub head: SideInfo,
    /// Every change, grouped (see `gomvs_graph::diff`).
    pub changes: Vec<ModuleChange>,
    /// With `--edges`: `go mod graph` lines added and removed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub edges: Option<EdgeDiff>,
}

/// Renders `report` in `format`.
pub fn render(report: &DiffReport, format: DiffFormat, st: Style) -> Result<String, String> {
    Ok(match format {
        DiffFormat::Text => text(report, st),
        DiffFormat::Json => super::json_envelope("diff", report)? + "\n",
        DiffFormat::Markdown => markdown(report),
    })
}

/// What `go list -m all` prints after the path on one side: `v1.2.3`,
/// `v1.2.3 => target v1.0.0`, `""` for a main module, `None` when absent.
fn entry_text(version: &Option<String>, used: &Option<ModuleVersion>) -> Option<String> {
    let v = version.as_ref()?;
    Some(match used {
        Some(u) if v.is_empty() => format!("=> {}", module_text(u)),
        Some(u) => format!("{v} => {}", module_text(u)),
        None if v.is_empty() => "(main module)".to_string(),
        None => v.clone(),
    })
}

/// The kinds as words: `downgraded, replacement added`.
fn kinds_text(c: &ModuleChange) -> String {
    let mut words: Vec<String> = c.kinds.iter().map(|k| k.name().replace('-', " ")).collect();
    if c.major {
        words.push("major version".to_string());
    }
    words.join(", ")
}

/// The version the build uses on one side: the replacement's when it
/// replaces with a version of the same module, else the selected one.
fn used_version(path: &str, version: &Option<String>, used: &Option<ModuleVersion>) -> String {
    match (version, used) {
        (None, _) => "(absent)".to_string(),
        (Some(_), Some(u)) if u.path == path && !u.version.is_empty() => u.version.to_string(),
        (Some(_), Some(u)) => format!("=> {}", module_text(u)),
        (Some(v), None) if v.is_empty() => "(main module)".to_string(),
        (Some(v), None) => v.clone(),
    }
}

/// `before → after` as the build uses them.
fn headline(c: &ModuleChange) -> String {
    format!(
        "{} → {}",
        used_version(&c.path, &c.before, &c.before_used),
        used_version(&c.path, &c.after, &c.after_used)
    )
}

/// `before → after` as `go list -m all` prints them (replacements included).
fn transition(c: &ModuleChange) -> String {
    let side = |v: &Option<String>, u: &Option<ModuleVersion>| {
        entry_text(v, u).unwrap_or_else(|| "(absent)".to_string())
    };
    format!(
        "{} → {}",
        side(&c.before, &c.before_used),
        side(&c.after, &c.after_used)
    )
}

fn path_text(p: &[ModuleVersion], omitted: usize) -> String {
    let mut steps: Vec<String> = p.iter().map(ToString::to_string).collect();
    if omitted > 0 {
        let at = (gomvs_graph::explain::why::PATH_HEAD + 1).min(steps.len());
        steps.insert(at, format!("… ({omitted} more) …"));
    }
    steps.join(" → ")
}

/// The cause of one side in words, one line each.
fn cause_lines(c: &ModuleChange, cause: &SideCause, version: &Option<String>) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(loc) = &cause.directive {
        lines.push(format!("{} line at {loc}", c.path));
        return lines;
    }
    if let Some(r) = &cause.replacement {
        lines.push(format!(
            "replaced by {} at {} (replace {} => {}{})",
            module_text(&r.new),
            r.location,
            module_text(&r.old),
            module_text(&r.new),
            if r.from_work_file { ", in go.work" } else { "" }
        ));
    }
    let selected = version.clone().unwrap_or_default();
    match &cause.requirement {
        Some(req) if req.requirer.version.is_empty() => {
            let at = req
                .location
                .as_ref()
                .map_or_else(String::new, |l| format!(" at {l}"));
            let how = if req.from_root_update {
                " (raised by the loader in memory)"
            } else {
                ""
            };
            lines.push(format!(
                "{selected} required by main module {}{at}{how}",
                req.requirer.path
            ));
        }
        Some(req) => {
            let at = req
                .location
                .as_ref()
                .map_or_else(String::new, |l| format!(" ({l})"));
            lines.push(format!("{selected} required by {}{at}", req.requirer));
            if cause.path.len() > 1 {
                lines.push(format!(
                    "via {}",
                    path_text(&cause.path, cause.path_omitted)
                ));
            }
        }
        None if !selected.is_empty() => {
            lines.push(format!(
                "{selected} selected (no requirement names this exact version)"
            ));
        }
        None => {}
    }
    for x in &cause.exclusions {
        lines.push(format!(
            "{}@{} excluded at {}",
            c.path, x.version, x.location
        ));
    }
    if let Some(u) = &cause.root_update {
        lines.push(format!(
            "root updated by the loader: go.mod says {}, the loader uses {}",
            u.go_mod.as_deref().unwrap_or("nothing"),
            u.updated.as_deref().unwrap_or("nothing")
        ));
    }
    lines
}

/// Text for people.
pub fn text(r: &DiffReport, st: Style) -> String {
    let mut s = String::new();
    let n = r.changes.len();
    let _ = writeln!(
        s,
        "{} {} → {}: {}",
        st.bold("gomvs diff"),
        r.base.label(),
        r.head.label(),
        match n {
            0 => "no change in the build list".to_string(),
            1 => "1 change".to_string(),
            _ => format!("{n} changes"),
        }
    );
    for c in &r.changes {
        let carried = c.carried_by.is_some();
        let indent = if carried { "    " } else { "" };
        let marker = if carried { "↳ " } else { "" };
        let paint = |text: &str| match c.kind {
            ChangeKind::Downgraded | ChangeKind::Removed => st.bad(text),
            ChangeKind::ReplacementAdded
            | ChangeKind::ReplacementChanged
            | ChangeKind::ReplacementRemoved => st.warn(text),
            _ => st.good(text),
        };
        let _ = writeln!(s);
        let _ = writeln!(
            s,
            "{indent}{marker}{}: {} ({})",
            st.bold(&c.path),
            headline(c),
            paint(&kinds_text(c))
        );
        if c.before_used.is_some() || c.after_used.is_some() {
            let _ = writeln!(s, "{indent}    go list -m all: {}", transition(c));
        }
        if let Some(by) = &c.carried_by {
            let _ = writeln!(s, "{indent}    carried by the change of {by}");
        }
        for (role, cause, version) in [
            ("base", &c.causes.before, &c.before),
            ("head", &c.causes.after, &c.after),
        ] {
            let Some(cause) = cause else { continue };
            let lines = cause_lines(c, cause, version);
            for (i, line) in lines.iter().enumerate() {
                let label = if i == 0 {
                    format!("{role}:")
                } else {
                    String::new()
                };
                let _ = writeln!(s, "{indent}    {:<5} {}", label, st.dim(line));
            }
        }
    }
    if let Some(e) = &r.edges {
        let _ = writeln!(s);
        let _ = writeln!(
            s,
            "{} (go mod graph): {} added, {} removed",
            st.bold("edges"),
            e.added.len(),
            e.removed.len()
        );
        for l in &e.removed {
            let _ = writeln!(s, "{}", st.bad(&format!("- {l}")));
        }
        for l in &e.added {
            let _ = writeln!(s, "{}", st.good(&format!("+ {l}")));
        }
    }
    s
}

/// Escapes a Markdown table cell.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// Markdown for a pull-request comment: a summary line, a table, details.
pub fn markdown(r: &DiffReport) -> String {
    let mut s = String::new();
    let mut counts: Vec<(ChangeKind, usize)> = Vec::new();
    for k in ChangeKind::ALL {
        let n = r.changes.iter().filter(|c| c.kind == k).count();
        if n > 0 {
            counts.push((k, n));
        }
    }
    let summary = if counts.is_empty() {
        "no change".to_string()
    } else {
        counts
            .iter()
            .map(|(k, n)| format!("{n} {}", k.name()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let _ = writeln!(
        s,
        "**gomvs diff** `{}` → `{}`: {summary}",
        r.base.label(),
        r.head.label()
    );
    if r.changes.is_empty() {
        return s;
    }
    let _ = writeln!(s);
    let _ = writeln!(s, "| module | change | base | head | cause (head) |");
    let _ = writeln!(s, "|---|---|---|---|---|");
    for c in &r.changes {
        let name = match &c.carried_by {
            Some(_) => format!("↳ `{}`", c.path),
            None => format!("`{}`", c.path),
        };
        let cause = c
            .causes
            .after
            .as_ref()
            .map(|x| cause_lines(c, x, &c.after))
            .or_else(|| {
                c.causes
                    .before
                    .as_ref()
                    .map(|x| cause_lines(c, x, &c.before))
            })
            .and_then(|l| l.first().cloned())
            .unwrap_or_default();
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} |",
            cell(&name),
            cell(&kinds_text(c)),
            cell(&entry_text(&c.before, &c.before_used).unwrap_or_else(|| "—".into())),
            cell(&entry_text(&c.after, &c.after_used).unwrap_or_else(|| "—".into())),
            cell(&cause)
        );
    }
    let _ = writeln!(s);
    let _ = writeln!(s, "<details><summary>Causes</summary>");
    let _ = writeln!(s);
    for c in &r.changes {
        let _ = writeln!(s, "- `{}`: {}", c.path, cell(&transition(c)));
        for (role, cause, version) in [
            ("base", &c.causes.before, &c.before),
            ("head", &c.causes.after, &c.after),
        ] {
            if let Some(cause) = cause {
                for line in cause_lines(c, cause, version) {
                    let _ = writeln!(s, "  - {role}: {line}");
                }
            }
        }
    }
    let _ = writeln!(s);
    let _ = writeln!(s, "</details>");
    if let Some(e) = &r.edges {
        let _ = writeln!(s);
        let _ = writeln!(
            s,
            "<details><summary>go mod graph: {} added, {} removed</summary>\n\n```diff",
            e.added.len(),
            e.removed.len()
        );
        for l in &e.removed {
            let _ = writeln!(s, "- {l}");
        }
        for l in &e.added {
            let _ = writeln!(s, "+ {l}");
        }
        let _ = writeln!(s, "```\n\n</details>");
    }
    s
}
