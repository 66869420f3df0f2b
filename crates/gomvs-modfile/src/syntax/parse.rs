//! The go.mod statement parser and comment attachment, a port of
//! `parseFile`, `parseStmt`, `parseLineBlock`, `parseLine` and
//! `assignComments` in `x/mod/modfile/read.go`. Iterative: no recursion on
//! input depth (the grammar is flat: blocks do not nest).

use super::lex::{Kind, Lexer};
use super::{Comment, CommentBlock, Comments, FileSyntax, Line, LineBlock, Paren, Position, Stmt};
use crate::error::Error;

/// Parses `data` into its syntax tree (`modfile.parse`). Stops at the first
/// lexical or structural error.
pub(crate) fn parse_file(filename: &str, data: &[u8]) -> Result<FileSyntax, Error> {
    let mut lx = Lexer::new(filename, data);
    lx.read_token()?;
    let mut file = FileSyntax {
        stmt: Vec::with_capacity(3),
        ..FileSyntax::default()
    };
    let mut cb: Option<CommentBlock> = None;
    loop {
        match lx.peek() {
            Kind::Punct(b'\n') => {
                lx.lex()?;
                if let Some(block) = cb.take() {
                    file.stmt.push(Stmt::CommentBlock(block));
                }
            }
            Kind::Comment => {
                let tok = lx.lex()?;
                let block = cb.get_or_insert_with(|| CommentBlock {
                    comments: Comments::default(),
                    start: tok.pos,
                });
                block.comments.before.push(Comment {
                    start: tok.pos,
                    token: tok.text,
                    suffix: false,
                });
            }
            Kind::Eof => {
                if let Some(block) = cb.take() {
                    file.stmt.push(Stmt::CommentBlock(block));
                }
                break;
            }
            _ => {
                let stmt = parse_stmt(&mut lx)?;
                file.stmt.push(stmt);
                if let Some(block) = cb.take() {
                    if let Some(last) = file.stmt.last_mut() {
                        stmt_comments_mut(last).before = block.comments.before;
                    }
                }
            }
        }
    }
    file.name = filename.to_owned();
    let suffix = std::mem::take(&mut lx.comments);
    assign_comments(&mut file, suffix);
    Ok(file)
}

fn stmt_comments_mut(stmt: &mut Stmt) -> &mut Comments {
    match stmt {
        Stmt::CommentBlock(b) => &mut b.comments,
        Stmt::Line(l) => &mut l.comments,
        Stmt::LineBlock(b) => &mut b.comments,
    }
}

fn parse_stmt(lx: &mut Lexer<'_>) -> Result<Stmt, Error> {
    let tok = lx.lex()?;
    let start = tok.pos;
    let mut end = tok.end_pos;
    let mut tokens = Vec::with_capacity(4);
    tokens.push(tok.into_text());
    loop {
        let tok = lx.lex()?;
        if tok.kind.is_eol() {
            return Ok(Stmt::Line(Line {
                comments: Comments::default(),
                start,
                token: tokens,
                in_block: false,
                end,
            }));
        }
        if tok.kind == Kind::Punct(b'(') {
            let next = lx.peek();
            if next.is_eol() {
                return parse_line_block(lx, start, tokens, tok.pos).map(Stmt::LineBlock);
            } else if next == Kind::Punct(b')') {
                let rparen = lx.lex()?;
                if lx.peek().is_eol() {
                    lx.lex()?;
                    return Ok(Stmt::LineBlock(LineBlock {
                        comments: Comments::default(),
                        start,
                        lparen: Paren {
                            comments: Comments::default(),
                            pos: tok.pos,
                        },
                        token: tokens,
                        line: Vec::new(),
                        rparen: Paren {
                            comments: Comments::default(),
                            pos: rparen.pos,
                        },
                    }));
                }
                // '( )' in the middle of the line, not a block.
                tokens.push(tok.into_text());
                tokens.push(rparen.into_text());
            } else {
                // '(' in the middle of the line, not a block.
                tokens.push(tok.into_text());
            }
        } else {
            end = tok.end_pos;
            tokens.push(tok.into_text());
        }
    }
}

fn parse_line_block(
    lx: &mut Lexer<'_>,
    start: Position,
    token: Vec<String>,
    lparen: Position,
) -> Result<LineBlock, Error> {
    let mut x = LineBlock {
        comments: Comments::default(),
        start,
        lparen: Paren {
            comments: Comments::default(),
            pos: lparen,
        },
        token,
        line: Vec::with_capacity(7),
        rparen: Paren::default(),
    };
    let mut comments: Vec<Comment> = Vec::new();
    loop {
        match lx.peek() {
            Kind::EolComment => {
                // Suffix comment, attached later by assign_comments.
                lx.lex()?;
            }
            Kind::Punct(b'\n') => {
                // Blank line: an empty comment preserves it.
                lx.lex()?;
                let keep = match comments.last() {
                    None => !x.line.is_empty(),
                    Some(last) => !last.token.is_empty(),
                };
                if keep {
                    comments.push(Comment::default());
                }
            }
            Kind::Comment => {
                let tok = lx.lex()?;
                comments.push(Comment {
                    start: tok.pos,
                    token: tok.text,
                    suffix: false,
                });
            }
            Kind::Eof => {
                return Err(lx.error(format!(
                    "syntax error (unterminated block started at {}:{}:{})",
                    lx.filename(),
                    x.start.line,
                    x.start.line_rune
                )));
            }
            Kind::Punct(b')') => {
                let rparen = lx.lex()?;
                if comments.len() == 1 && comments[0] == Comment::default() {
                    comments.clear();
                }
                x.rparen.comments.before = comments;
                x.rparen.pos = rparen.pos;
                if !lx.peek().is_eol() {
                    return Err(lx.error("syntax error (expected newline after closing paren)"));
                }
                lx.lex()?;
                return Ok(x);
            }
            _ => {
                let mut l = parse_line(lx)?;
                l.comments.before = std::mem::take(&mut comments);
                x.line.push(l);
            }
        }
    }
}

fn parse_line(lx: &mut Lexer<'_>) -> Result<Line, Error> {
    let tok = lx.lex()?;
    if tok.kind.is_eol() {
        return Err(lx.error("internal parse error: parseLine at end of line"));
    }
    let start = tok.pos;
    let mut end = tok.end_pos;
    // Block entries are mostly `path version` or `old => new version`.
    let mut tokens = Vec::with_capacity(4);
    tokens.push(tok.into_text());
    loop {
        let tok = lx.lex()?;
        if tok.kind.is_eol() {
            return Ok(Line {
                comments: Comments::default(),
                start,
                token: tokens,
                in_block: true,
                end,
            });
        }
        end = tok.end_pos;
        tokens.push(tok.into_text());
    }
}

/// A node of the tree that can carry comments, in the order of `order`.
#[derive(Clone, Copy)]
enum Node {
    Stmt(usize),
    LParen(usize),
    BlockLine(usize, usize),
    RParen(usize),
}

/// The position after a one-byte `)` at `p` (`p.add(")")`).
fn after_paren(p: Position) -> Position {
    Position {
        line: p.line,
        line_rune: p.line_rune + 1,
        byte: p.byte + 1,
    }
}

fn span(file: &FileSyntax, node: Node) -> Option<(Position, Position)> {
    match node {
        Node::Stmt(i) => match file.stmt.get(i)? {
            Stmt::CommentBlock(b) => Some((b.start, b.start)),
            Stmt::Line(l) => Some((l.start, l.end)),
            Stmt::LineBlock(b) => Some((b.start, after_paren(b.rparen.pos))),
        },
        Node::LParen(i) => match file.stmt.get(i)? {
            Stmt::LineBlock(b) => Some((b.lparen.pos, after_paren(b.lparen.pos))),
            _ => None,
        },
        Node::RParen(i) => match file.stmt.get(i)? {
            Stmt::LineBlock(b) => Some((b.rparen.pos, after_paren(b.rparen.pos))),
            _ => None,
        },
        Node::BlockLine(i, j) => match file.stmt.get(i)? {
            Stmt::LineBlock(b) => b.line.get(j).map(|l| (l.start, l.end)),
            _ => None,
        },
    }
}

fn comments_mut(file: &mut FileSyntax, node: Node) -> Option<&mut Comments> {
    match node {
        Node::Stmt(i) => file.stmt.get_mut(i).map(stmt_comments_mut),
        Node::LParen(i) => match file.stmt.get_mut(i)? {
            Stmt::LineBlock(b) => Some(&mut b.lparen.comments),
            _ => None,
        },
        Node::RParen(i) => match file.stmt.get_mut(i)? {
            Stmt::LineBlock(b) => Some(&mut b.rparen.comments),
            _ => None,
        },
        Node::BlockLine(i, j) => match file.stmt.get_mut(i)? {
            Stmt::LineBlock(b) => b.line.get_mut(j).map(|l| &mut l.comments),
            _ => None,
        },
    }
}

/// Attaches suffix comments to the syntax immediately before them
/// (`assignComments`). Whole-line comments never reach this list: the
/// parser stores them itself, so Go's preorder pass has nothing to do.
fn assign_comments(file: &mut FileSyntax, mut suffix: Vec<Comment>) {
    // Postorder list of every node except the file itself.
    let nodes = file
        .stmt
        .iter()
        .map(|stmt| match stmt {
            Stmt::LineBlock(b) => b.line.len() + 3,
            _ => 1,
        })
        .sum();
    let mut post = Vec::with_capacity(nodes);
    for (i, stmt) in file.stmt.iter().enumerate() {
        if let Stmt::LineBlock(b) = stmt {
            post.push(Node::LParen(i));
            for j in 0..b.line.len() {
                post.push(Node::BlockLine(i, j));
            }
            post.push(Node::RParen(i));
        }
        post.push(Node::Stmt(i));
    }
    for &node in post.iter().rev() {
        let Some((start, end)) = span(file, node) else {
            continue;
        };
        // Do not assign suffix comments to something that starts on an earlier line.
        if start.line != end.line {
            continue;
        }
        let Some(xcom) = comments_mut(file, node) else {
            continue;
        };
        while let Some(last) = suffix.last() {
            if end.byte > last.start.byte {
                break;
            }
            if let Some(c) = suffix.pop() {
                xcom.suffix.push(c);
            }
        }
    }
    // They were assigned in reverse.
    for &node in &post {
        if let Some(c) = comments_mut(file, node) {
            c.suffix.reverse();
        }
    }
    file.comments.before.append(&mut suffix);
}
