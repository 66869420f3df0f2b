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
pub use crate::position::{Position, Span};

/// The largest go.mod / go.work gomvs parses: 16 MiB.
///
/// cmd/go declares this limit as `codehost.MaxGoMod` (`16 << 20`), but only
/// passes it to VCS code hosts, which ignore it: go.mod files read from a
/// module proxy, the module cache or the local disk (`go mod edit`) are read
/// with `io.ReadAll` and no limit. gomvs refuses larger inputs with an
/// error instead of risking unbounded memory use; no real go.mod comes near
/// this size.
pub const MAX_FILE_SIZE: usize = 16 << 20;

/// Parses go.mod/go.work syntax without interpreting directives
/// (`modfile.parse`): the lossless tree, or the first lexical/structural error.
/// Inputs over [`MAX_FILE_SIZE`] are refused.
pub fn parse_syntax(file: &str, data: &[u8]) -> Result<FileSyntax, Error> {
    let max = MAX_FILE_SIZE;
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
