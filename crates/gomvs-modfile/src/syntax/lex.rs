//! The go.mod lexer, a port of `readToken` and friends in
//! `x/mod/modfile/read.go`. It keeps one token of look-ahead, so the
//! current position (used for errors) is the end of the peeked token.

use super::text::{decode_rune, go_string, is_all_space, is_print, is_space, quote_rune};
use super::{Comment, Position};
use crate::error::Error;

/// A token's kind (`tokenKind`); punctuation and `\n` are their byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Eof,
    EolComment,
    Ident,
    String,
    Comment,
    Punct(u8),
}

impl Kind {
    /// `isEOL`: end of file, a suffix comment or a newline.
    pub(crate) fn is_eol(self) -> bool {
        matches!(self, Kind::Eof | Kind::EolComment | Kind::Punct(b'\n'))
    }
}

/// One token (`token`).
#[derive(Debug, Clone)]
pub(crate) struct Token {
    pub(crate) kind: Kind,
    pub(crate) pos: Position,
    pub(crate) end_pos: Position,
    pub(crate) text: String,
}

impl Token {
    /// The token's text (`tok.text`).
    pub(crate) fn into_text(self) -> String {
        match self.kind {
            Kind::Punct(c) => char::from(c).to_string(),
            _ => self.text,
        }
    }
}

/// The lexing state of one input file (`input`).
pub(crate) struct Lexer<'a> {
    filename: &'a str,
    data: &'a [u8],
    /// Offset of the remaining input (`len(complete) - len(remaining)`).
    off: usize,
    /// Offset where the current line starts (after the last `\n`).
    line_start: usize,
    token_start: usize,
    /// The next token returned by `lex`, `peek`.
    pub(crate) token: Token,
    /// The current input position.
    pub(crate) pos: Position,
    /// Suffix comments seen so far, for later attachment.
    pub(crate) comments: Vec<Comment>,
}

impl<'a> Lexer<'a> {
    pub(crate) fn new(filename: &'a str, data: &'a [u8]) -> Self {
        let start = Position {
            line: 1,
            line_rune: 1,
            byte: 0,
        };
        Lexer {
            filename,
            data,
            off: 0,
            line_start: 0,
            token_start: 0,
            token: Token {
                kind: Kind::Eof,
                pos: start,
                end_pos: start,
                text: String::new(),
            },
            pos: start,
            comments: Vec::new(),
        }
    }

    /// The file name given to the parser.
    pub(crate) fn filename(&self) -> &'a str {
        self.filename
    }

    /// An error at the current position (`(*input).Error`).
    pub(crate) fn error(&self, msg: impl Into<String>) -> Error {
        Error {
            filename: self.filename.to_owned(),
            pos: self.pos,
            verb: String::new(),
            mod_path: String::new(),
            message: msg.into(),
        }
    }

    fn remaining(&self) -> &'a [u8] {
        self.data.get(self.off..).unwrap_or_default()
    }

    fn eof(&self) -> bool {
        self.off >= self.data.len()
    }

    fn peek_rune(&self) -> u32 {
        match self.data.get(self.off) {
            None => 0,
            Some(&b) if b < 0x80 => u32::from(b),
            Some(_) => decode_rune(self.remaining()).0,
        }
    }

    /// Consumes `n` bytes of ASCII that hold no newline (a fast `read_rune`
    /// loop: each byte is one rune of one column).
    fn skip_ascii(&mut self, n: usize) {
        self.off += n;
        self.pos.byte += n;
        self.pos.line_rune += u32::try_from(n).unwrap_or(u32::MAX);
    }

    /// Reads runes up to and including the next `\n` or to the end of input
    /// (`for !in.eof() && in.readRune() != '\n'`).
    fn skip_to_newline(&mut self) {
        let rest = self.remaining();
        let (body, newline) = match rest.iter().position(|&b| b == b'\n') {
            Some(i) => (rest.get(..i).unwrap_or_default(), true),
            None => (rest, false),
        };
        if body.is_ascii() {
            self.skip_ascii(body.len());
        } else {
            let end = self.off + body.len();
            while self.off < end {
                self.read_rune();
            }
        }
        if newline {
            self.read_rune();
        }
    }

    fn peek_prefix(&self, prefix: &[u8]) -> bool {
        self.remaining().starts_with(prefix)
    }

    fn read_rune(&mut self) -> u32 {
        let (r, size) = match self.data.get(self.off) {
            Some(&b) if b < 0x80 => (u32::from(b), 1),
            _ => decode_rune(self.remaining()),
        };
        self.off += size;
        if r == u32::from(b'\n') {
            self.pos.line += 1;
            self.pos.line_rune = 1;
            self.line_start = self.off;
        } else {
            self.pos.line_rune += 1;
        }
        self.pos.byte += size;
        r
    }

    fn start_token(&mut self) {
        self.token_start = self.off;
        self.token.text.clear();
        self.token.pos = self.pos;
    }

    fn end_token(&mut self, kind: Kind) {
        self.token.kind = kind;
        let mut raw = self
            .data
            .get(self.token_start..self.off)
            .unwrap_or_default();
        if matches!(kind, Kind::Comment | Kind::EolComment) {
            if raw.ends_with(b"\r\n") {
                raw = &raw[..raw.len() - 2];
            } else if raw.ends_with(b"\n") {
                raw = &raw[..raw.len() - 1];
            }
        }
        // Punctuation text is its one byte, produced only when a parser keeps
        // it (`Token::into_text`), so the most frequent tokens (newlines,
        // block parentheses) cost no allocation.
        self.token.text = if matches!(kind, Kind::Punct(_)) {
            String::new()
        } else {
            go_string(raw)
        };
        self.token.end_pos = self.pos;
    }

    /// Returns the kind of the next token (`peek`).
    pub(crate) fn peek(&self) -> Kind {
        self.token.kind
    }

    /// Returns the next token and reads the one after it (`lex`).
    pub(crate) fn lex(&mut self) -> Result<Token, Error> {
        let placeholder = Token {
            kind: Kind::Eof,
            pos: self.pos,
            end_pos: self.pos,
            text: String::new(),
        };
        let tok = std::mem::replace(&mut self.token, placeholder);
        self.read_token()?;
        Ok(tok)
    }

    /// Lexes the next token into `self.token` (`readToken`).
    pub(crate) fn read_token(&mut self) -> Result<(), Error> {
        while !self.eof() {
            let blanks = self
                .remaining()
                .iter()
                .take_while(|&&b| matches!(b, b' ' | b'\t' | b'\r'))
                .count();
            if blanks > 0 {
                self.skip_ascii(blanks);
                continue;
            }
            if self.peek_prefix(b"//") {
                self.start_token();
                // Is this comment the only thing on its line?
                let before = self.data.get(self.line_start..self.off).unwrap_or_default();
                let suffix = !is_all_space(before);
                self.skip_ascii(2);
                self.skip_to_newline();
                if !suffix {
                    self.end_token(Kind::Comment);
                    return Ok(());
                }
                self.end_token(Kind::EolComment);
                // The parser only ever consumes a suffix comment as the end
                // of a line and never reads its text, so the text moves here.
                self.comments.push(Comment {
                    start: self.token.pos,
                    token: std::mem::take(&mut self.token.text),
                    suffix: true,
                });
                return Ok(());
            }
            if self.peek_prefix(b"/*") {
                return Err(self.error("mod files must use // comments (not /* */ comments)"));
            }
            break;
        }

        self.start_token();
        if self.eof() {
            self.end_token(Kind::Eof);
            return Ok(());
        }

        let c = self.peek_rune();
        match c {
            0x0A | 0x28 | 0x29 | 0x5B | 0x5D | 0x7B | 0x7D | 0x2C => {
                self.read_rune();
                // c is ASCII here.
                self.end_token(Kind::Punct(c as u8));
                return Ok(());
            }
            0x22 | 0x60 => {
                let quote = c;
                self.read_rune();
                loop {
                    if self.eof() {
                        self.pos = self.token.pos;
                        return Err(self.error("unexpected EOF in string"));
                    }
                    if self.peek_rune() == u32::from(b'\n') {
                        return Err(self.error("unexpected newline in string"));
                    }
                    let c = self.read_rune();
                    if c == quote {
                        break;
                    }
                    if c == u32::from(b'\\') && quote != u32::from(b'`') {
                        if self.eof() {
                            self.pos = self.token.pos;
                            return Err(self.error("unexpected EOF in string"));
                        }
                        self.read_rune();
                    }
                }
                self.end_token(Kind::String);
                return Ok(());
            }
            _ => {}
        }

        if !is_ident(c) {
            return Err(self.error(format!("unexpected input character {}", quote_rune(c))));
        }
        loop {
            // ASCII identifier bytes up to anything that needs a closer look.
            let rest = self.remaining();
            let mut run = 0;
            while let Some(&b) = rest.get(run) {
                if !PLAIN_IDENT[usize::from(b)] {
                    break;
                }
                run += 1;
            }
            self.skip_ascii(run);
            match rest.get(run) {
                // ASCII other than `/` that is not a plain identifier byte.
                Some(&b) if b < 0x80 && b != b'/' => break,
                _ => {}
            }
            if !is_ident(self.peek_rune()) {
                break;
            }
            if self.peek_prefix(b"//") {
                break;
            }
            if self.peek_prefix(b"/*") {
                return Err(self.error("mod files must use // comments (not /* */ comments)"));
            }
            self.read_rune();
        }
        self.end_token(Kind::Ident);
        Ok(())
    }
}

/// Which bytes are ASCII identifier runes that cannot start a comment:
/// printable, not space, not `()[]{},` and not `/`.
static PLAIN_IDENT: [bool; 256] = plain_ident_table();

const fn plain_ident_table() -> [bool; 256] {
    let mut t = [false; 256];
    let mut b = 0x21u8;
    while b <= 0x7e {
        t[b as usize] = !matches!(b, b'(' | b')' | b'[' | b']' | b'{' | b'}' | b',' | b'/');
        b += 1;
    }
    t
}

/// `isIdent`: printable, non-space runes other than `()[]{},`.
fn is_ident(c: u32) -> bool {
    match c {
        0x20 | 0x28 | 0x29 | 0x5B | 0x5D | 0x7B | 0x7D | 0x2C => false,
        _ => !is_space(c) && is_print(c),
    }
}
