//! The lossless syntax tree of go.mod / go.work files and its parser, a
//! faithful port of `golang.org/x/mod/modfile/read.go`.
//!
//! The tree keeps every statement, block, comment and position, so later
//! layers can point at `go.mod:12:2` and a future editor can print the file back.

mod lex;
mod parse;
pub mod text;
mod unicode_tables;

use crate::error::Error;

/// Parses go.mod/go.work syntax without interpreting directives
/// (`modfile.parse`): the lossless tree, or the first lexical/structural error.
/// Inputs over [`crate::gomod::MAX_FILE_SIZE`] are refused.
pub fn parse_syntax(file: &str, data: &[u8]) -> Result<FileSyntax, Error> {
    let max = crate::gomod::MAX_FILE_SIZE;
    if data.len() > max {
        return Err(Error {
            filename: file.to_owned(),
            pos: Position::default(),
            verb: String::new(),
            mod_path: String::new(),
            message: format!(
                "file too large ({} bytes): gomvs refuses go.mod and go.work files over {max} bytes",
                data.len()
            ),
        });
    }
    parse::parse_file(file, data)
}

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

/// One `//` comment (`modfile.Comment`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Comment {
    /// Where the comment starts.
    pub start: Position,
    /// The comment text including `//` (empty for a blank-line marker).
    pub token: String,
    /// Whether it is an end-of-line (suffix) comment.
    pub suffix: bool,
}

/// The comments attached to a node (`modfile.Comments`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Comments {
    /// Whole-line comments before the node.
    pub before: Vec<Comment>,
    /// End-of-line comments after the node.
    pub suffix: Vec<Comment>,
    /// Whole-line comments after the node (only at the end of blocks/files).
    pub after: Vec<Comment>,
}

/// A statement line: `verb arg...` (`modfile.Line`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Line {
    /// Attached comments.
    pub comments: Comments,
    /// Start of the first token.
    pub start: Position,
    /// The tokens; inside a block the verb is not repeated.
    pub token: Vec<String>,
    /// Whether the line is an entry of a `verb ( ... )` block.
    pub in_block: bool,
    /// End of the last token.
    pub end: Position,
}

/// A `verb ( ... )` block (`modfile.LineBlock`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LineBlock {
    /// Attached comments.
    pub comments: Comments,
    /// Start of the block's verb.
    pub start: Position,
    /// Position of `(`, and its comments.
    pub lparen: Paren,
    /// The header tokens (the verb).
    pub token: Vec<String>,
    /// The entries.
    pub line: Vec<Line>,
    /// Position of `)`, and its comments.
    pub rparen: Paren,
}

/// A parenthesis of a block with its comments (`modfile.LParen`/`RParen`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Paren {
    /// Attached comments.
    pub comments: Comments,
    /// Where the parenthesis is.
    pub pos: Position,
}

/// A run of comments standing alone (`modfile.CommentBlock`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CommentBlock {
    /// The comments (in `comments.before`).
    pub comments: Comments,
    /// Start of the block.
    pub start: Position,
}

/// A top-level statement (`modfile.Expr`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stmt {
    /// A free-standing comment block.
    CommentBlock(CommentBlock),
    /// A single-line statement.
    Line(Line),
    /// A parenthesized block.
    LineBlock(LineBlock),
}

/// A whole parsed file (`modfile.FileSyntax`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FileSyntax {
    /// The file name given to the parser (used in error messages).
    pub name: String,
    /// Comments after the last statement.
    pub comments: Comments,
    /// The statements in file order.
    pub stmt: Vec<Stmt>,
}
