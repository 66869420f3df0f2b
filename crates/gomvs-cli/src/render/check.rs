//! Presentation of `gomvs check` reports: text, SARIF 2.1.0 and GitHub
//! workflow commands (JSON is the report's serde form in the envelope).

use super::{module_text, Style};
use gomvs_graph::check::findings::{BranchSource, CheckReport, Code, Finding};
use gomvs_graph::check::policy::Severity;
use serde_json::{json, Value};

/// Where the documentation of the codes lives (SARIF `helpUri`).
pub const DOCS_URL: &str = concat!(env!("CARGO_PKG_REPOSITORY"), "/blob/main/docs/check.md");

fn severity_text(s: Severity, st: Style) -> String {
    match s {
        Severity::Error => st.bad("error"),
        Severity::Warning => st.warn("warning"),
        Severity::Note => st.dim("note"),
    }
}

fn path_text(f: &Finding) -> Option<String> {
    let c = f.cause.as_ref()?;
    if c.path.is_empty() {
        return None;
    }
    let mut steps: Vec<String> = c
        .path
        .iter()
        .map(|m| {
            if m.version.is_empty() {
                m.path.to_string()
            } else {
                format!("{}@{}", m.path, m.version)
            }
        })
        .collect();
    if c.path_omitted > 0 {
        let at = (gomvs_graph::explain::why::PATH_HEAD + 1).min(steps.len());
        steps.insert(at, format!("... ({} more) ...", c.path_omitted));
    }
    Some(steps.join(" -> "))
}

/// Text for people: one block per finding, then a summary line.
pub fn text(report: &CheckReport, st: Style) -> String {
    let mut out = String::new();
    for f in &report.findings {
        out.push_str(&format!(
            "{}[{}] {}: {}\n",
            severity_text(f.severity, st),
            st.bold(f.code.as_str()),
            f.code.name(),
            f.message
        ));
        if let Some(l) = &f.location {
            out.push_str(&format!("  --> {}\n", st.dim(&l.to_string())));
        }
        let rule_at = f
            .rule
            .location
            .as_ref()
            .map_or_else(|| "default policy".to_string(), |l| l.to_string());
        out.push_str(&format!("  rule: {} ({})\n", f.rule.name, st.dim(&rule_at)));
        if let Some(p) = path_text(f) {
            out.push_str(&format!("  path: {p}\n"));
        }
        if let Some(c) = &f.cause {
            if let Some(at) = &c.introduced_at {
                out.push_str(&format!("  introduced at: {}\n", st.dim(&at.to_string())));
            }
            if let (Some(by), Some(v), Some(at)) =
                (&c.required_by, &c.required_version, &c.required_at)
            {
                out.push_str(&format!(
                    "  required: {v} by {} ({})\n",
                    module_text(by),
                    st.dim(&at.to_string())
                ));
            }
            if let Some(r) = &c.replaced_by {
                out.push_str(&format!(
                    "  replaced: {} => {} ({})\n",
                    module_text(&r.old),
                    module_text(&r.new),
                    st.dim(&r.location.to_string())
                ));
            }
        }
        out.push('\n');
    }
    let c = report.counts;
    let policy = report
        .policy
        .as_deref()
        .unwrap_or("defaults, no gomvs.toml");
    let branch = match &report.branch {
        Some(b) => {
            let from = match &b.source {
                BranchSource::Flag => "--branch".to_string(),
                BranchSource::GitHead => "git HEAD".to_string(),
                BranchSource::Env(v) => format!("${v}"),
            };
            format!("branch {} from {from}", b.name)
        }
        None => "branch unknown".to_string(),
    };
    if report.findings.is_empty() {
        out.push_str(&format!(
            "check: {} (policy: {policy}; {branch})\n",
            st.good("no findings")
        ));
    } else {
        out.push_str(&format!(
            "check: {} error{}, {} warning{}, {} note{} (policy: {policy}; {branch})\n",
            c.error,
            if c.error == 1 { "" } else { "s" },
            c.warning,
            if c.warning == 1 { "" } else { "s" },
            c.note,
            if c.note == 1 { "" } else { "s" },
        ));
    }
    out
}

fn sarif_level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

fn physical(file: &str, line: Option<u32>, column: Option<u32>) -> Value {
    let mut region = serde_json::Map::new();
    if let Some(l) = line.filter(|l| *l > 0) {
        region.insert("startLine".into(), json!(l));
        if let Some(c) = column.filter(|c| *c > 0) {
            region.insert("startColumn".into(), json!(c));
        }
    }
    let mut loc = json!({ "artifactLocation": { "uri": uri_path(file) } });
    if !region.is_empty() {
        loc["region"] = Value::Object(region);
    }
    loc
}

/// A relative path as a URI reference: each segment percent-encoded
/// outside RFC 3986's unreserved characters.
fn uri_path(file: &str) -> String {
    let mut out = String::new();
    for b in file.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// SARIF 2.1.0: one run, the rule metadata of every code, one result per finding.
pub fn sarif(report: &CheckReport) -> Result<String, String> {
    let rules: Vec<Value> = Code::ALL
        .iter()
        .map(|c| {
            json!({
                "id": c.as_str(),
                "name": c.name(),
                "shortDescription": { "text": c.description() },
                "helpUri": format!("{DOCS_URL}#{}", c.anchor()),
            })
        })
        .collect();
    let results: Vec<Value> = report
        .findings
        .iter()
        .map(|f| {
            let index = Code::ALL.iter().position(|c| *c == f.code).unwrap_or(0);
            let mut r = json!({
                "ruleId": f.code.as_str(),
                "ruleIndex": index,
                "level": sarif_level(f.severity),
                "message": { "text": f.message },
            });
            let rule_loc = f.rule.location.as_ref().map(|l| {
                let mut p = json!({
                    "id": 1,
                    "physicalLocation": physical(&l.file, Some(l.line), Some(l.column)),
                    "message": { "text": format!("rule {}", f.rule.name) },
                });
                p["physicalLocation"]["artifactLocation"]["uri"] = json!(uri_path(&l.file));
                p
            });
            if let Some(l) = &f.location {
                r["locations"] = json!([{ "physicalLocation": physical(&l.file, l.line, None) }]);
                if let Some(rl) = rule_loc {
                    r["relatedLocations"] = json!([rl]);
                }
            } else if let Some(l) = &f.rule.location {
                // Nothing in go.mod / go.work to point at: the rule itself.
                r["locations"] =
                    json!([{ "physicalLocation": physical(&l.file, Some(l.line), Some(l.column)) }]);
            }
            if let Some(m) = &f.module {
                r["properties"] = json!({ "module": module_text(m) });
                if let Some(p) = path_text(f) {
                    r["properties"]["path"] = json!(p);
                }
            }
            r
        })
        .collect();
    let doc = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "gomvs",
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "informationUri": DOCS_URL,
                "rules": rules,
            }},
            "results": results,
        }],
    });
    serde_json::to_string_pretty(&doc).map_err(|e| e.to_string())
}

/// Escapes a workflow command's message (`%`, CR, LF), as
/// `@actions/core`'s `escapeData`.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow command's property value (`%`, CR, LF, `:`, `,`),
/// as `@actions/core`'s `escapeProperty`.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// GitHub Actions workflow commands: one annotation per finding.
pub fn github(report: &CheckReport) -> String {
    let mut out = String::new();
    for f in &report.findings {
        let cmd = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "notice",
        };
        let mut props = Vec::new();
        let (file, line) = match (&f.location, &f.rule.location) {
            (Some(l), _) => (Some(l.file.clone()), l.line),
            (None, Some(r)) => (Some(r.file.clone()), Some(r.line)),
            (None, None) => (None, None),
        };
        if let Some(file) = file {
            props.push(format!("file={}", escape_property(&file)));
        }
        if let Some(line) = line {
            props.push(format!("line={line}"));
        }
        props.push(format!(
            "title={}",
            escape_property(&format!("{} {}", f.code, f.code.name()))
        ));
        let mut message = f.message.clone();
        if let Some(p) = path_text(f) {
            message.push_str(&format!("\npath: {p}"));
        }
        if let Some(r) = &f.rule.location {
            message.push_str(&format!("\nrule: {} ({r})", f.rule.name));
        }
        out.push_str(&format!(
            "::{cmd} {}::{}\n",
            props.join(","),
            escape_data(&message)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn github_escapes() {
        assert_eq!(escape_data("50% a\r\nb"), "50%25 a%0D%0Ab");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
