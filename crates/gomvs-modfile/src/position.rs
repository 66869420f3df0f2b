//! Positions and spans in a go.mod / go.work file (`modfile.Position`),
//! shared by the syntax tree and the errors that point into it.

/// A position in a file (`modfile.Position`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, serde::Serialize)]
pub struct Position {
    /// 1-based line number.
    pub line: u32,
    /// 1-based column, counted in runes (`LineRune`).
    pub line_rune: u32,
    /// 0-based byte offset into the file.
    pub byte: usize,
}

impl Position {
    /// The position at the end of `s` when `s` starts at `self` (`Position.add`).
    pub fn advanced_by(self, s: &str) -> Position {
        let mut p = self;
        p.byte += s.len();
        let mut rest = s;
        if let Some(i) = s.rfind('\n') {
            p.line += u32::try_from(s.matches('\n').count()).unwrap_or(u32::MAX);
            rest = &s[i + 1..];
            p.line_rune = 1;
        }
        p.line_rune += u32::try_from(rest.chars().count()).unwrap_or(u32::MAX);
        p
    }
}

/// A start and end position (end exclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize)]
pub struct Span {
    /// Where the node starts.
    pub start: Position,
    /// Where the node ends.
    pub end: Position,
}
