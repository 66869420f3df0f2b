//! Rendering of `gomvs upgrades`: an aligned text table for people, JSON
//! (`gomvs.upgrades`, docs/json-schema.md) and a Markdown table.

use super::Style;
use gomvs_graph::upgrades::{Impact, Jump, ModuleMove, Policy, UpgradeRow, UpgradesReport};
use std::fmt::Write as _;

/// The output formats of `gomvs upgrades`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum UpgradesFormat {
    /// Text for people.
    Text,
    /// JSON (`gomvs.upgrades`, docs/json-schema.md).
    Json,
    /// A Markdown table (a pull-request comment, a CI summary).
    Markdown,
}

/// Renders `report` in `format`; `verbose` lists every module each
/// candidate would change.
pub fn render(
    report: &UpgradesReport,
    format: UpgradesFormat,
    verbose: bool,
    st: Style,
) -> Result<String, String> {
    Ok(match format {
        UpgradesFormat::Text => text(report, verbose, st),
        UpgradesFormat::Json => super::json_envelope("upgrades", report)? + "\n",
        UpgradesFormat::Markdown => markdown(report, verbose),
    })
}

fn policy_name(p: Policy) -> &'static str {
    match p {
        Policy::Patch => "patch",
        Policy::Minor => "minor",
        Policy::Major => "major",
    }
}

/// `minor`, `patch`...
pub fn jump_name(j: Jump) -> &'static str {
    match j {
        Jump::Prerelease => "prerelease",
        Jump::Patch => "patch",
        Jump::Minor => "minor",
        Jump::Major => "major",
    }
}

/// `path v1 → v2 (minor)`, `path (absent) → v1`, `path v1 → (removed)`.
fn move_text(m: &ModuleMove) -> String {
    let from = m.from.as_deref().unwrap_or("(absent)");
    let to = m.to.as_deref().unwrap_or("(removed)");
    let what = match (m.jump, m.downgrade) {
        (Some(j), false) => format!(" ({})", jump_name(j)),
        (Some(j), true) => format!(" ({} downgrade)", jump_name(j)),
        (None, _) if m.from.is_none() => " (added)".to_string(),
        (None, _) => String::new(),
    };
    format!("{} {from} → {to}{what}", m.path)
}

fn candidate_text(r: &UpgradeRow) -> String {
    if r.candidate.path == r.path {
        r.candidate.version.to_string()
    } else {
        format!("{} {}", r.candidate.path, r.candidate.version)
    }
}

fn others_text(i: &Impact) -> String {
    match &i.error {
        Some(_) => "fails".to_string(),
        None => i.changes.len().to_string(),
    }
}

fn largest_text(i: &Impact) -> String {
    i.largest
        .and_then(|k| i.changes.get(k))
        .map(move_text)
        .unwrap_or_else(|| "-".to_string())
}

fn go_text(i: &Impact) -> String {
    match &i.go {
        Some(g) => format!("{} → {}", g.from, g.to),
        None => "-".to_string(),
    }
}

/// The notes of a row, one per line.
fn notes(r: &UpgradeRow) -> Vec<String> {
    let mut v = Vec::new();
    if !r.retracted.is_empty() {
        v.push(format!(
            "current {} retracted: {}",
            r.current,
            r.retracted.join("; ")
        ));
    }
    if !r.deprecated.is_empty() {
        v.push(format!(
            "deprecated: {}",
            gomvs_graph::query::short_message(&r.deprecated, "")
        ));
    }
    if !r.newer_majors.is_empty() {
        let majors: Vec<String> = r
            .newer_majors
            .iter()
            .map(|m| format!("{} {}", m.path, m.version))
            .collect();
        v.push(format!("newer major versions: {}", majors.join(", ")));
    }
    if let Some(t) = &r.impact.toolchain {
        let show = |s: &str| {
            if s.is_empty() {
                "(none)".to_string()
            } else {
                s.to_string()
            }
        };
        v.push(format!(
            "toolchain line: {} → {}",
            show(&t.from),
            show(&t.to)
        ));
    }
    if let Some(e) = &r.impact.error {
        v.push(format!("go get would fail: {e}"));
    }
    v
}

fn summary(r: &UpgradesReport) -> String {
    let scope = if r.direct_only {
        "direct requirements"
    } else {
        "build list"
    };
    let n = r.rows.len();
    format!(
        "{n} of {} module{} ({scope}) {} an update under the {} policy",
        r.considered,
        if r.considered == 1 { "" } else { "s" },
        if n == 1 { "has" } else { "have" },
        policy_name(r.policy)
    )
}

/// The text table.
pub fn text(r: &UpgradesReport, verbose: bool, st: Style) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "{}", st.bold(&summary(r)));
    for e in &r.errors {
        let _ = writeln!(s, "{}", st.bad(&format!("error: {e}")));
    }
    if r.rows.is_empty() {
        return s;
    }
    let header = [
        "MODULE",
        "CURRENT",
        "CANDIDATE",
        "JUMP",
        "OTHERS",
        "GO",
        "LARGEST OTHER JUMP",
    ];
    let rows: Vec<[String; 7]> = r
        .rows
        .iter()
        .map(|row| {
            [
                row.path.clone(),
                row.current.clone(),
                candidate_text(row),
                jump_name(row.jump).to_string(),
                others_text(&row.impact),
                go_text(&row.impact),
                largest_text(&row.impact),
            ]
        })
        .collect();
    let mut width = [0usize; 7];
    for (i, h) in header.iter().enumerate() {
        width[i] = h.chars().count();
    }
    for row in &rows {
        for (i, c) in row.iter().enumerate() {
            width[i] = width[i].max(c.chars().count());
        }
    }
    let line = |cells: &[String]| -> String {
        let mut out = String::new();
        for (i, c) in cells.iter().enumerate() {
            if i + 1 == cells.len() {
                out.push_str(c);
            } else {
                out.push_str(c);
                out.push_str(&" ".repeat(width[i] - c.chars().count() + 2));
            }
        }
        out
    };
    let _ = writeln!(s);
    let head: Vec<String> = header.iter().map(|h| h.to_string()).collect();
    let _ = writeln!(s, "{}", st.dim(&line(&head)));
    for (row, cells) in r.rows.iter().zip(rows.iter()) {
        let _ = writeln!(s, "{}", line(cells));
        for n in notes(row) {
            let _ = writeln!(s, "    {}", st.warn(&n));
        }
        if verbose {
            for c in &row.impact.changes {
                let _ = writeln!(s, "    {}", st.dim(&format!("• {}", move_text(c))));
            }
        }
    }
    s
}

fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// The Markdown table.
pub fn markdown(r: &UpgradesReport, verbose: bool) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "**gomvs upgrades**: {}", summary(r));
    for e in &r.errors {
        let _ = writeln!(s, "\n> error: {}", cell(e));
    }
    if r.rows.is_empty() {
        return s;
    }
    let _ = writeln!(s);
    let _ = writeln!(
        s,
        "| module | current | candidate | jump | other modules changed | go line | largest other jump | notes |"
    );
    let _ = writeln!(s, "|---|---|---|---|---|---|---|---|");
    for row in &r.rows {
        let _ = writeln!(
            s,
            "| `{}` | {} | {} | {} | {} | {} | {} | {} |",
            cell(&row.path),
            cell(&row.current),
            cell(&candidate_text(row)),
            jump_name(row.jump),
            others_text(&row.impact),
            cell(&go_text(&row.impact)),
            cell(&largest_text(&row.impact)),
            cell(&notes(row).join("<br>"))
        );
    }
    if verbose && r.rows.iter().any(|row| !row.impact.changes.is_empty()) {
        let _ = writeln!(s);
        let _ = writeln!(
            s,
            "<details><summary>Modules each candidate changes</summary>"
        );
        let _ = writeln!(s);
        for row in &r.rows {
            if row.impact.changes.is_empty() {
                continue;
            }
            let _ = writeln!(s, "- `{}@{}`:", row.candidate.path, row.candidate.version);
            for c in &row.impact.changes {
                let _ = writeln!(s, "  - {}", cell(&move_text(c)));
            }
        }
        let _ = writeln!(s, "\n</details>");
    }
    s
}
