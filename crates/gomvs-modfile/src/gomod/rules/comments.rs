//! What directive comments mean (`x/mod/modfile/rule.go`): `isIndirect`,
//! `parseDirectiveComment` (retract rationale) and `parseDeprecation`.

use crate::syntax::text::{is_space, trim_space};
use crate::syntax::Comments;

/// `isIndirect`: the first suffix comment is `// indirect` or `// indirect; ...`.
pub(crate) fn is_indirect(c: &Comments) -> bool {
    let Some(first) = c.suffix.first() else {
        return false;
    };
    let text = first.token.strip_prefix("//").unwrap_or(&first.token);
    let mut f = text
        .split(|c: char| is_space(u32::from(c)))
        .filter(|f| !f.is_empty());
    let (first, second) = (f.next(), f.next());
    matches!(
        (first, second),
        (Some("indirect"), None) | (Some("indirect;"), Some(_))
    )
}

/// `parseDirectiveComment`: the comment text of a directive, or of its block
/// when the line has no comments of its own.
pub(crate) fn parse_directive_comment(block: Option<&Comments>, line: &Comments) -> String {
    let mut comments = line;
    if let Some(b) = block {
        if line.before.is_empty() && line.suffix.is_empty() {
            comments = b;
        }
    }
    let mut lines: Vec<&str> = Vec::new();
    for c in comments.before.iter().chain(&comments.suffix) {
        let Some(text) = c.token.strip_prefix("//") else {
            continue; // blank line
        };
        lines.push(trim_space(text));
    }
    lines.join("\n")
}

/// `parseDeprecation`: the first paragraph starting with `Deprecated:`
/// (`(?s)(?:^|\n\n)Deprecated: *(.*?)(?:$|\n\n)`).
pub(crate) fn parse_deprecation(block: Option<&Comments>, line: &Comments) -> String {
    let text = parse_directive_comment(block, line);
    const KEY: &str = "Deprecated:";
    if text.len() < KEY.len() {
        return String::new();
    }
    let start = if text.starts_with(KEY) {
        Some(KEY.len())
    } else {
        text.find("\n\nDeprecated:").map(|i| i + 2 + KEY.len())
    };
    let Some(start) = start else {
        return String::new();
    };
    let body = text[start..].trim_start_matches(' ');
    match body.find("\n\n") {
        Some(end) => body[..end].to_owned(),
        None => body.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deprecation_paragraphs() {
        let c = |t: &str| Comments {
            before: t
                .split('\n')
                .map(|l| crate::syntax::Comment {
                    start: crate::position::Position::default(),
                    token: format!("// {l}"),
                    suffix: false,
                })
                .collect(),
            ..Comments::default()
        };
        assert_eq!(parse_deprecation(None, &c("Deprecated: use b")), "use b");
        assert_eq!(
            parse_deprecation(None, &c("x\n\nDeprecated:   a\nb\n\nc")),
            "a\nb"
        );
        assert_eq!(parse_deprecation(None, &c("x\nDeprecated: a")), "");
    }
}
