//! The page of `gomvs explore`: hand-written HTML, CSS and JavaScript
//! (no third-party code), embedded in the binary, with the data model of
//! `commands::explore` inlined as JSON. The page loads nothing: its
//! Content-Security-Policy forbids every fetch.

use serde::Serialize;

/// The page's HTML skeleton.
const HTML: &str = include_str!("explore/page.html");
/// The page's stylesheet.
const CSS: &str = include_str!("explore/explore.css");
/// The page's script.
const JS: &str = include_str!("explore/explore.js");

/// The Content-Security-Policy of the page (a `<meta>` in the file, a
/// header when served): inline script and style only, no network.
pub const CSP: &str = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/// JSON that is safe inside `<script type="application/json">`: `<` only
/// occurs in JSON strings, where `\u003c` means the same, so `</script>`
/// and `<!--` cannot end or change the element.
pub fn script_json<T: Serialize>(data: &T) -> Result<String, String> {
    let json = serde_json::to_string(data).map_err(|e| e.to_string())?;
    Ok(json.replace('<', "\\u003c"))
}

/// The complete page for `data` (embedded as the `data` of a
/// `gomvs.explore` document, the envelope of every gomvs JSON document), with
/// `lazy` (one JSON document a line, in a separate element the script
/// parses one line at a time, when needed).
pub fn page<T: Serialize, U: Serialize>(data: &T, lazy: &[U]) -> Result<String, String> {
    #[derive(Serialize)]
    struct Envelope<'a, T> {
        schema: &'static str,
        version: u32,
        data: &'a T,
    }
    let json = script_json(&Envelope {
        schema: "gomvs.explore",
        version: gomvs_graph::explain::SCHEMA_VERSION,
        data,
    })?;
    let lines = lazy
        .iter()
        .map(script_json)
        .collect::<Result<Vec<_>, _>>()?
        .join("\n");
    let mut out =
        String::with_capacity(HTML.len() + CSS.len() + JS.len() + json.len() + lines.len());
    // Split once on each placeholder, in order: the data may contain placeholder text.
    let mut rest = HTML;
    for (placeholder, content) in [
        ("/*CSP*/", CSP),
        ("/*CSS*/", CSS),
        ("/*DATA*/", json.as_str()),
        ("/*WHY*/", lines.as_str()),
        ("/*JS*/", JS),
    ] {
        let (before, after) = rest
            .split_once(placeholder)
            .ok_or_else(|| format!("page.html: no {placeholder} placeholder"))?;
        out.push_str(before);
        out.push_str(content);
        rest = after;
    }
    out.push_str(rest);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_end_tags_in_data_cannot_escape_the_json_element() {
        let s = script_json(&serde_json::json!({"x": "</script><script>alert(1)</script><!--"}))
            .unwrap_or_default();
        assert!(!s.contains('<'), "{s}");
        let back: serde_json::Value = serde_json::from_str(&s).unwrap_or_default();
        assert_eq!(back["x"], "</script><script>alert(1)</script><!--");
    }

    #[test]
    fn the_page_is_self_contained() {
        let p = page(&serde_json::json!({"main": []}), &[1, 2]).unwrap_or_default();
        assert!(p.contains("Content-Security-Policy"));
        for external in ["src=\"http", "href=\"http", "src=\"//", "@import", "fetch("] {
            assert!(!p.contains(external), "page refers to {external}");
        }
    }
}
