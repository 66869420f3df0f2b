//! The parser of Go's `text/template/parse/parse.go` and the node printer of
//! `node.go` (used in execution error contexts).

use super::lex::{lex, Item, ItemType};
use std::collections::HashMap;
use std::fmt::{self, Display, Write};

/// Go's `maxStackDepth` for parenthesised pipelines.
const MAX_STACK_DEPTH: usize = 10000;

/// A numeric constant (Go's `NumberNode`).
#[derive(Debug, Clone)]
pub struct Number {
    pub text: String,
    pub is_int: bool,
    pub is_uint: bool,
    pub is_float: bool,
    pub int: i64,
    pub uint: u64,
    pub float: f64,
    /// A complex constant: (real, imaginary).
    pub complex: Option<(f64, f64)>,
}

/// An operand.
#[derive(Debug, Clone)]
pub enum Arg {
    Field {
        pos: usize,
        idents: Vec<String>,
    },
    Chain {
        pos: usize,
        node: Box<Arg>,
        fields: Vec<String>,
    },
    Identifier {
        pos: usize,
        name: String,
    },
    Dot {
        pos: usize,
    },
    Nil {
        pos: usize,
    },
    Variable {
        pos: usize,
        idents: Vec<String>,
    },
    Bool {
        pos: usize,
        val: bool,
    },
    Number {
        pos: usize,
        num: Number,
    },
    Str {
        pos: usize,
        quoted: String,
        text: String,
    },
    Pipe(Box<Pipe>),
}

impl Arg {
    /// Byte offset of the node.
    pub fn pos(&self) -> usize {
        match self {
            Arg::Field { pos, .. }
            | Arg::Chain { pos, .. }
            | Arg::Identifier { pos, .. }
            | Arg::Dot { pos }
            | Arg::Nil { pos }
            | Arg::Variable { pos, .. }
            | Arg::Bool { pos, .. }
            | Arg::Number { pos, .. }
            | Arg::Str { pos, .. } => *pos,
            Arg::Pipe(p) => p.pos,
        }
    }
}

/// A command: an operand followed by arguments.
#[derive(Debug, Clone)]
pub struct Command {
    pub pos: usize,
    pub args: Vec<Arg>,
}

/// A pipeline with optional declarations.
#[derive(Debug, Clone)]
pub struct Pipe {
    pub pos: usize,
    pub is_assign: bool,
    pub decl: Vec<(usize, String)>,
    pub cmds: Vec<Command>,
}

/// `if`, `range`, `with`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BranchKind {
    If,
    Range,
    With,
}

/// A node of a template body.
#[derive(Debug, Clone)]
pub enum Node {
    Text(String),
    Action {
        pos: usize,
        pipe: Pipe,
    },
    Branch {
        kind: BranchKind,
        pos: usize,
        pipe: Pipe,
        list: Vec<Node>,
        else_list: Option<Vec<Node>>,
    },
    Template {
        pos: usize,
        name: String,
        pipe: Option<Pipe>,
    },
    Break,
    Continue,
}

// ---------------------------------------------------------------- printing

impl Display for Arg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Arg::Field { idents, .. } => {
                for i in idents {
                    write!(f, ".{i}")?;
                }
                Ok(())
            }
            Arg::Chain { node, fields, .. } => {
                if let Arg::Pipe(p) = node.as_ref() {
                    write!(f, "({p})")?;
                } else {
                    write!(f, "{node}")?;
                }
                for i in fields {
                    write!(f, ".{i}")?;
                }
                Ok(())
            }
            Arg::Identifier { name, .. } => f.write_str(name),
            Arg::Dot { .. } => f.write_str("."),
            Arg::Nil { .. } => f.write_str("nil"),
            Arg::Variable { idents, .. } => f.write_str(&idents.join(".")),
            Arg::Bool { val, .. } => write!(f, "{val}"),
            Arg::Number { num, .. } => f.write_str(&num.text),
            Arg::Str { quoted, .. } => f.write_str(quoted),
            Arg::Pipe(p) => write!(f, "{p}"),
        }
    }
}

impl Display for Command {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, a) in self.args.iter().enumerate() {
            if i > 0 {
                f.write_char(' ')?;
            }
            if let Arg::Pipe(p) = a {
                write!(f, "({p})")?;
            } else {
                write!(f, "{a}")?;
            }
        }
        Ok(())
    }
}

impl Display for Pipe {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.decl.is_empty() {
            for (i, (_, v)) in self.decl.iter().enumerate() {
                if i > 0 {
                    f.write_str(", ")?;
                }
                f.write_str(v)?;
            }
            f.write_str(if self.is_assign { " = " } else { " := " })?;
        }
        for (i, c) in self.cmds.iter().enumerate() {
            if i > 0 {
                f.write_str(" | ")?;
            }
            write!(f, "{c}")?;
        }
        Ok(())
    }
}

fn write_list(f: &mut fmt::Formatter<'_>, list: &[Node]) -> fmt::Result {
    for n in list {
        write!(f, "{n}")?;
    }
    Ok(())
}

impl Display for Node {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Node::Text(t) => f.write_str(&super::fmt::quote(t)),
            Node::Action { pipe, .. } => write!(f, "{{{{{pipe}}}}}"),
            Node::Branch {
                kind,
                pipe,
                list,
                else_list,
                ..
            } => {
                let name = match kind {
                    BranchKind::If => "if",
                    BranchKind::Range => "range",
                    BranchKind::With => "with",
                };
                write!(f, "{{{{{name} {pipe}}}}}")?;
                write_list(f, list)?;
                if let Some(e) = else_list {
                    f.write_str("{{else}}")?;
                    write_list(f, e)?;
                }
                f.write_str("{{end}}")
            }
            Node::Template { name, pipe, .. } => {
                write!(f, "{{{{template {}", super::fmt::quote(name))?;
                if let Some(p) = pipe {
                    write!(f, " {p}")?;
                }
                f.write_str("}}")
            }
            Node::Break => f.write_str("{{break}}"),
            Node::Continue => f.write_str("{{continue}}"),
        }
    }
}

// ---------------------------------------------------------------- parsing

/// The parsed templates: "main" and every `define`/`block`.
#[derive(Debug, Clone, Default)]
pub struct TreeSet {
    pub trees: HashMap<String, Vec<Node>>,
}

enum ListEnd {
    End,
    Else,
}

struct Parser<'f> {
    items: Vec<Item>,
    idx: usize,
    furthest: usize,
    vars: Vec<String>,
    range_depth: usize,
    action_line: usize,
    stack_depth: usize,
    funcs: &'f dyn Fn(&str) -> bool,
    set: TreeSet,
}

type PResult<T> = Result<T, String>;

fn is_empty_tree(list: &[Node]) -> bool {
    list.iter().all(|n| match n {
        Node::Text(t) => t.trim_matches(|c: char| c.is_whitespace()).is_empty(),
        _ => false,
    })
}

impl Parser<'_> {
    fn next(&mut self) -> Item {
        let i = match self.items.get(self.idx) {
            Some(i) => i.clone(),
            None => {
                let line = self.items.last().map_or(1, |i| i.line);
                Item {
                    typ: ItemType::Eof,
                    pos: 0,
                    val: "EOF".into(),
                    line,
                }
            }
        };
        self.idx += 1;
        if self.idx > self.furthest {
            self.furthest = self.idx;
        }
        i
    }
    fn backup(&mut self) {
        self.idx -= 1;
    }
    fn peek(&mut self) -> Item {
        let i = self.next();
        self.backup();
        i
    }
    fn next_non_space(&mut self) -> Item {
        loop {
            let i = self.next();
            if i.typ != ItemType::Space {
                return i;
            }
        }
    }
    fn peek_non_space(&mut self) -> Item {
        let i = self.next_non_space();
        self.backup();
        i
    }
    /// Line of Go's `t.token[0]`: the furthest item lexed.
    fn err_line(&self) -> usize {
        let i = self.furthest.saturating_sub(1).min(self.items.len() - 1);
        self.items[i].line
    }
    fn errorf(&self, msg: String) -> String {
        format!("template: main:{}: {}", self.err_line(), msg)
    }
    fn unexpected(&self, token: &Item, context: &str) -> String {
        if token.typ == ItemType::Error {
            let mut extra = String::new();
            if self.action_line != 0 && self.action_line != token.line {
                extra = format!(" in action started at main:{}", self.action_line);
                if token.val.ends_with(" action") {
                    extra = extra[" in action".len()..].to_string();
                }
            }
            return self.errorf(format!("{token}{extra}"));
        }
        self.errorf(format!("unexpected {token} in {context}"))
    }
    fn expect(&mut self, typ: ItemType, context: &str) -> PResult<Item> {
        let t = self.next_non_space();
        if t.typ != typ {
            return Err(self.unexpected(&t, context));
        }
        Ok(t)
    }

    fn add(&mut self, name: String, root: Vec<Node>) -> PResult<()> {
        match self.set.trees.get(&name) {
            Some(existing) if !is_empty_tree(existing) => {
                if !is_empty_tree(&root) {
                    return Err(self.errorf(format!(
                        "template: multiple definition of template {}",
                        super::fmt::quote(&name)
                    )));
                }
                Ok(())
            }
            _ => {
                self.set.trees.insert(name, root);
                Ok(())
            }
        }
    }

    fn parse(&mut self) -> PResult<()> {
        let mut root = Vec::new();
        while self.peek().typ != ItemType::Eof {
            if self.peek().typ == ItemType::LeftDelim {
                let delim_idx = self.idx;
                self.next();
                if self.next_non_space().typ == ItemType::Define {
                    let saved = std::mem::replace(&mut self.vars, vec!["$".to_string()]);
                    let saved_range = std::mem::replace(&mut self.range_depth, 0);
                    self.parse_definition()?;
                    self.vars = saved;
                    self.range_depth = saved_range;
                    continue;
                }
                self.idx = delim_idx;
            }
            match self.text_or_action()? {
                Err(end) => {
                    return Err(self.errorf(match end {
                        ListEnd::End => "unexpected {{end}}".into(),
                        ListEnd::Else => "unexpected {{else}}".into(),
                    }))
                }
                Ok(Some(n)) => root.push(n),
                Ok(None) => {}
            }
        }
        self.add("main".into(), root)
    }

    fn parse_definition(&mut self) -> PResult<()> {
        let context = "define clause";
        let name = self.next_non_space();
        if name.typ != ItemType::String && name.typ != ItemType::RawString {
            return Err(self.unexpected(&name, context));
        }
        let name = unquote(&name.val).map_err(|e| self.errorf(e))?;
        self.expect(ItemType::RightDelim, context)?;
        let (list, end) = self.item_list()?;
        if let ListEnd::Else = end {
            return Err(self.errorf(format!("unexpected {{{{else}}}} in {context}")));
        }
        self.add(name, list)
    }

    fn item_list(&mut self) -> PResult<(Vec<Node>, ListEnd)> {
        let mut list = Vec::new();
        while self.peek_non_space().typ != ItemType::Eof {
            match self.text_or_action()? {
                Err(end) => return Ok((list, end)),
                Ok(Some(n)) => list.push(n),
                Ok(None) => {}
            }
        }
        Err(self.errorf("unexpected EOF".into()))
    }

    /// `Ok(Ok(node))`, `Ok(Err(end|else))`; comments give `Ok(Ok(None))`.
    #[allow(clippy::type_complexity)]
    fn text_or_action(&mut self) -> PResult<Result<Option<Node>, ListEnd>> {
        let token = self.next_non_space();
        match token.typ {
            ItemType::Text => Ok(Ok(Some(Node::Text(token.val)))),
            ItemType::LeftDelim => {
                self.action_line = token.line;
                let r = self.action();
                self.action_line = 0;
                r
            }
            ItemType::Comment => Ok(Ok(None)),
            _ => Err(self.unexpected(&token, "input")),
        }
    }

    #[allow(clippy::type_complexity)]
    fn action(&mut self) -> PResult<Result<Option<Node>, ListEnd>> {
        let token = self.next_non_space();
        match token.typ {
            ItemType::Block => return self.block_control().map(|n| Ok(Some(n))),
            ItemType::Break | ItemType::Continue => {
                let what = if token.typ == ItemType::Break {
                    "break"
                } else {
                    "continue"
                };
                let t = self.next_non_space();
                if t.typ != ItemType::RightDelim {
                    return Err(self.unexpected(&t, &format!("{{{{{what}}}}}")));
                }
                if self.range_depth == 0 {
                    return Err(self.errorf(format!("{{{{{what}}}}} outside {{{{range}}}}")));
                }
                return Ok(Ok(Some(if what == "break" {
                    Node::Break
                } else {
                    Node::Continue
                })));
            }
            ItemType::Else => {
                let peek = self.peek_non_space();
                if peek.typ == ItemType::If || peek.typ == ItemType::With {
                    return Ok(Err(ListEnd::Else));
                }
                self.expect(ItemType::RightDelim, "else")?;
                return Ok(Err(ListEnd::Else));
            }
            ItemType::End => {
                self.expect(ItemType::RightDelim, "end")?;
                return Ok(Err(ListEnd::End));
            }
            ItemType::If => return self.parse_control(BranchKind::If).map(|n| Ok(Some(n))),
            ItemType::Range => return self.parse_control(BranchKind::Range).map(|n| Ok(Some(n))),
            ItemType::With => return self.parse_control(BranchKind::With).map(|n| Ok(Some(n))),
            ItemType::Template => return self.template_control().map(|n| Ok(Some(n))),
            _ => {}
        }
        self.backup();
        let token = self.peek();
        let pipe = self.pipeline("command", ItemType::RightDelim)?;
        Ok(Ok(Some(Node::Action {
            pos: token.pos,
            pipe,
        })))
    }

    fn parse_control(&mut self, kind: BranchKind) -> PResult<Node> {
        let context = match kind {
            BranchKind::If => "if",
            BranchKind::Range => "range",
            BranchKind::With => "with",
        };
        let nvars = self.vars.len();
        let pipe = self.pipeline(context, ItemType::RightDelim)?;
        if kind == BranchKind::Range {
            self.range_depth += 1;
        }
        let (list, next) = self.item_list()?;
        if kind == BranchKind::Range {
            self.range_depth -= 1;
        }
        let mut else_list = None;
        if let ListEnd::Else = next {
            let pk = self.peek().typ;
            if kind == BranchKind::If && pk == ItemType::If {
                self.next();
                else_list = Some(vec![self.parse_control(BranchKind::If)?]);
            } else if kind == BranchKind::With && pk == ItemType::With {
                self.next();
                else_list = Some(vec![self.parse_control(BranchKind::With)?]);
            } else {
                let (l, next) = self.item_list()?;
                if let ListEnd::Else = next {
                    return Err(self.errorf("expected end; found {{else}}".into()));
                }
                else_list = Some(l);
            }
        }
        self.vars.truncate(nvars);
        Ok(Node::Branch {
            kind,
            pos: pipe.pos,
            pipe,
            list,
            else_list,
        })
    }

    fn template_name(&mut self, token: &Item, context: &str) -> PResult<String> {
        match token.typ {
            ItemType::String | ItemType::RawString => {
                unquote(&token.val).map_err(|e| self.errorf(e))
            }
            _ => Err(self.unexpected(token, context)),
        }
    }

    fn block_control(&mut self) -> PResult<Node> {
        let context = "block clause";
        let token = self.next_non_space();
        let name = self.template_name(&token, context)?;
        let pipe = self.pipeline(context, ItemType::RightDelim)?;
        let saved = std::mem::replace(&mut self.vars, vec!["$".to_string()]);
        let saved_range = std::mem::replace(&mut self.range_depth, 0);
        let (list, end) = self.item_list()?;
        self.vars = saved;
        self.range_depth = saved_range;
        if let ListEnd::Else = end {
            return Err(self.errorf(format!("unexpected {{{{else}}}} in {context}")));
        }
        self.add(name.clone(), list)?;
        Ok(Node::Template {
            pos: token.pos,
            name,
            pipe: Some(pipe),
        })
    }

    fn template_control(&mut self) -> PResult<Node> {
        let context = "template clause";
        let token = self.next_non_space();
        let name = self.template_name(&token, context)?;
        let mut pipe = None;
        if self.next_non_space().typ != ItemType::RightDelim {
            self.backup();
            pipe = Some(self.pipeline(context, ItemType::RightDelim)?);
        }
        Ok(Node::Template {
            pos: token.pos,
            name,
            pipe,
        })
    }

    fn pipeline(&mut self, context: &str, end: ItemType) -> PResult<Pipe> {
        let token = self.peek_non_space();
        let mut pipe = Pipe {
            pos: token.pos,
            is_assign: false,
            decl: Vec::new(),
            cmds: Vec::new(),
        };
        'decls: loop {
            let v = self.peek_non_space();
            if v.typ == ItemType::Variable {
                let v_idx = self.idx;
                self.next();
                let after = self.peek();
                let next = self.peek_non_space();
                if next.typ == ItemType::Assign || next.typ == ItemType::Declare {
                    pipe.is_assign = next.typ == ItemType::Assign;
                    self.next_non_space();
                    pipe.decl.push((v.pos, v.val.clone()));
                    self.vars.push(v.val.clone());
                } else if next.typ == ItemType::Char && next.val == "," {
                    self.next_non_space();
                    pipe.decl.push((v.pos, v.val.clone()));
                    self.vars.push(v.val.clone());
                    if context == "range" && pipe.decl.len() < 2 {
                        match self.peek_non_space().typ {
                            ItemType::Variable | ItemType::RightDelim | ItemType::RightParen => {
                                continue 'decls
                            }
                            _ => {
                                return Err(
                                    self.errorf("range can only initialize variables".into())
                                )
                            }
                        }
                    }
                    return Err(self.errorf(format!("too many declarations in {context}")));
                } else {
                    // Go's backup3/backup2: re-read the variable as an operand.
                    let _ = after;
                    self.idx = v_idx;
                }
            }
            break;
        }
        loop {
            let token = self.next_non_space();
            if token.typ == end {
                self.check_pipeline(&pipe, context)?;
                return Ok(pipe);
            }
            match token.typ {
                ItemType::Bool
                | ItemType::CharConstant
                | ItemType::Complex
                | ItemType::Dot
                | ItemType::Field
                | ItemType::Identifier
                | ItemType::Number
                | ItemType::Nil
                | ItemType::RawString
                | ItemType::String
                | ItemType::Variable
                | ItemType::LeftParen => {
                    self.backup();
                    let c = self.command()?;
                    pipe.cmds.push(c);
                }
                _ => return Err(self.unexpected(&token, context)),
            }
        }
    }

    fn check_pipeline(&self, pipe: &Pipe, context: &str) -> PResult<()> {
        if pipe.cmds.is_empty() {
            return Err(self.errorf(format!("missing value for {context}")));
        }
        for (i, c) in pipe.cmds.iter().enumerate().skip(1) {
            if matches!(
                c.args.first(),
                Some(
                    Arg::Bool { .. }
                        | Arg::Dot { .. }
                        | Arg::Nil { .. }
                        | Arg::Number { .. }
                        | Arg::Str { .. }
                )
            ) {
                return Err(self.errorf(format!(
                    "non executable command in pipeline stage {}",
                    i + 1
                )));
            }
        }
        Ok(())
    }

    fn command(&mut self) -> PResult<Command> {
        let pos = self.peek_non_space().pos;
        let mut cmd = Command {
            pos,
            args: Vec::new(),
        };
        loop {
            self.peek_non_space();
            if let Some(op) = self.operand()? {
                cmd.args.push(op);
            }
            let token = self.next();
            match token.typ {
                ItemType::Space => continue,
                ItemType::RightDelim | ItemType::RightParen => self.backup(),
                ItemType::Pipe => {}
                _ => return Err(self.unexpected(&token, "operand")),
            }
            break;
        }
        if cmd.args.is_empty() {
            return Err(self.errorf("empty command".into()));
        }
        Ok(cmd)
    }

    fn operand(&mut self) -> PResult<Option<Arg>> {
        let Some(node) = self.term()? else {
            return Ok(None);
        };
        if self.peek().typ == ItemType::Field {
            let pos = self.peek().pos;
            let mut fields = Vec::new();
            while self.peek().typ == ItemType::Field {
                let f = self.next().val;
                fields.push(f[1..].to_string());
            }
            return Ok(Some(match node {
                Arg::Field { mut idents, .. } => {
                    idents.extend(fields);
                    Arg::Field { pos, idents }
                }
                Arg::Variable { mut idents, .. } => {
                    idents.extend(fields);
                    Arg::Variable { pos, idents }
                }
                Arg::Bool { .. }
                | Arg::Str { .. }
                | Arg::Number { .. }
                | Arg::Nil { .. }
                | Arg::Dot { .. } => {
                    return Err(self.errorf(format!(
                        "unexpected . after term {}",
                        super::fmt::quote(&node.to_string())
                    )))
                }
                other => Arg::Chain {
                    pos,
                    node: Box::new(other),
                    fields,
                },
            }));
        }
        Ok(Some(node))
    }

    fn term(&mut self) -> PResult<Option<Arg>> {
        let token = self.next_non_space();
        let pos = token.pos;
        Ok(Some(match token.typ {
            ItemType::Identifier => {
                if !(self.funcs)(&token.val) {
                    return Err(self.errorf(format!(
                        "function {} not defined",
                        super::fmt::quote(&token.val)
                    )));
                }
                Arg::Identifier {
                    pos,
                    name: token.val,
                }
            }
            ItemType::Dot => Arg::Dot { pos },
            ItemType::Nil => Arg::Nil { pos },
            ItemType::Variable => {
                let idents: Vec<String> = token.val.split('.').map(str::to_string).collect();
                if !self.vars.iter().any(|v| *v == idents[0]) {
                    return Err(self.errorf(format!(
                        "undefined variable {}",
                        super::fmt::quote(&idents[0])
                    )));
                }
                Arg::Variable { pos, idents }
            }
            ItemType::Field => Arg::Field {
                pos,
                idents: token.val[1..].split('.').map(str::to_string).collect(),
            },
            ItemType::Bool => Arg::Bool {
                pos,
                val: token.val == "true",
            },
            ItemType::CharConstant | ItemType::Complex | ItemType::Number => {
                let num = new_number(&token.val, token.typ).map_err(|e| {
                    match e.strip_prefix('\u{0}') {
                        Some(raw) => raw.to_string(),
                        None => self.errorf(e),
                    }
                })?;
                Arg::Number { pos, num }
            }
            ItemType::LeftParen => {
                if self.stack_depth >= MAX_STACK_DEPTH {
                    return Err(self.errorf("max expression depth exceeded".into()));
                }
                self.stack_depth += 1;
                let p = self.pipeline("parenthesized pipeline", ItemType::RightParen);
                self.stack_depth -= 1;
                Arg::Pipe(Box::new(p?))
            }
            ItemType::String | ItemType::RawString => {
                let text = unquote(&token.val).map_err(|e| self.errorf(e))?;
                Arg::Str {
                    pos,
                    quoted: token.val,
                    text,
                }
            }
            _ => {
                self.backup();
                return Ok(None);
            }
        }))
    }
}

/// Go's `strconv.Unquote` for the quote kinds templates use.
pub fn unquote(s: &str) -> Result<String, String> {
    let bad = || "invalid syntax".to_string();
    if s.len() < 2 {
        return Err(bad());
    }
    let q = s.as_bytes()[0];
    if q != s.as_bytes()[s.len() - 1] {
        return Err(bad());
    }
    let body = &s[1..s.len() - 1];
    if q == b'`' {
        if body.contains('`') {
            return Err(bad());
        }
        return Ok(body.replace('\r', ""));
    }
    if q != b'"' && q != b'\'' {
        return Err(bad());
    }
    let mut out = String::new();
    let mut rest = body;
    while !rest.is_empty() {
        let (c, tail) = unquote_char(rest, q as char)?;
        if q == b'\'' && !tail.is_empty() {
            return Err(bad());
        }
        out.push(c);
        rest = tail;
    }
    if q == b'\'' && out.chars().count() != 1 {
        return Err(bad());
    }
    Ok(out)
}

/// Go's `strconv.UnquoteChar` (bytes above 0x7F from `\x` escapes are kept
/// as the rune of the same value).
pub fn unquote_char(s: &str, quote: char) -> Result<(char, &str), String> {
    let bad = || "invalid syntax".to_string();
    let mut chars = s.chars();
    let c = chars.next().ok_or_else(bad)?;
    if c == quote && (quote == '\'' || quote == '"') {
        return Err(bad());
    }
    if c != '\\' {
        return Ok((c, chars.as_str()));
    }
    let e = chars.next().ok_or_else(bad)?;
    let rest = chars.as_str();
    let simple = match e {
        'a' => Some('\x07'),
        'b' => Some('\x08'),
        'f' => Some('\x0c'),
        'n' => Some('\n'),
        'r' => Some('\r'),
        't' => Some('\t'),
        'v' => Some('\x0b'),
        '\\' => Some('\\'),
        '\'' | '"' => {
            if e != quote {
                return Err(bad());
            }
            Some(e)
        }
        _ => None,
    };
    if let Some(c) = simple {
        return Ok((c, rest));
    }
    let (n, radix) = match e {
        'x' => (2, 16),
        'u' => (4, 16),
        'U' => (8, 16),
        '0'..='7' => (2, 8),
        _ => return Err(bad()),
    };
    let digits_src = if radix == 8 { &s[1..] } else { rest };
    let take = if radix == 8 { 3 } else { n };
    if digits_src.len() < take || !digits_src.is_char_boundary(take) {
        return Err(bad());
    }
    let v = u32::from_str_radix(&digits_src[..take], radix).map_err(|_| bad())?;
    if radix == 8 && v > 255 {
        return Err(bad());
    }
    let c = char::from_u32(v).ok_or_else(bad)?;
    Ok((c, &digits_src[take..]))
}

fn new_number(text: &str, typ: ItemType) -> Result<Number, String> {
    let mut n = Number {
        text: text.to_string(),
        is_int: false,
        is_uint: false,
        is_float: false,
        int: 0,
        uint: 0,
        float: 0.0,
        complex: None,
    };
    if typ == ItemType::CharConstant {
        let q = text.chars().next().unwrap_or('\'');
        let (r, tail) = unquote_char(&text[1..], q)?;
        if tail != "'" {
            return Err(format!("malformed character constant: {text}"));
        }
        n.is_int = true;
        n.is_uint = true;
        n.is_float = true;
        n.int = r as i64;
        n.uint = r as u64;
        n.float = r as u32 as f64;
        return Ok(n);
    }
    if typ == ItemType::Complex || text.ends_with('i') {
        let c = if typ == ItemType::Complex {
            // fmt.Sscan of "re±imi": split at the sign that starts the
            // imaginary part (not the leading one, not an exponent's).
            let b = text.as_bytes();
            let split = (1..b.len()).rev().find(|&k| {
                (b[k] == b'+' || b[k] == b'-') && !matches!(b[k - 1], b'e' | b'E' | b'p' | b'P')
            });
            split.and_then(|k| {
                let re = parse_float(&text[..k]).or_else(|| {
                    text[..k]
                        .replace('_', "")
                        .parse::<i64>()
                        .ok()
                        .map(|i| i as f64)
                })?;
                let im = &text[k..text.len() - 1];
                let im = parse_float(im)
                    .or_else(|| im.replace('_', "").parse::<i64>().ok().map(|i| i as f64))?;
                Some((re, im))
            })
        } else {
            let im = &text[..text.len() - 1];
            parse_float(im)
                .or_else(|| im.replace('_', "").parse::<i64>().ok().map(|i| i as f64))
                .map(|im| (0.0, im))
        };
        match c {
            Some((re, im)) => {
                n.complex = Some((re, im));
                // simplifyComplex.
                if im == 0.0 {
                    n.is_float = true;
                    n.float = re;
                    if re.fract() == 0.0
                        && (-9.223372036854776e18..9.223372036854776e18).contains(&re)
                    {
                        n.is_int = true;
                        n.int = re as i64;
                    }
                    if re.fract() == 0.0 && (0.0..1.8446744073709552e19).contains(&re) {
                        n.is_uint = true;
                        n.uint = re as u64;
                    }
                }
                return Ok(n);
            }
            None if typ == ItemType::Complex => {
                return Err(format!(
                    "\u{0}gomvs: unsupported: complex constant {text} in a template"
                ));
            }
            None => {}
        }
    }
    let clean: String = text.replace('_', "");
    let parse_u = |s: &str| -> Option<u64> {
        let (neg, s) = match s.strip_prefix('+') {
            Some(r) => (false, r),
            None => (s.starts_with('-'), s),
        };
        if neg {
            return if s == "-0" { Some(0) } else { None };
        }
        let (radix, digits) = radix_split(s);
        if digits.is_empty() {
            return None;
        }
        u64::from_str_radix(digits, radix).ok()
    };
    let parse_i = |s: &str| -> Option<i64> {
        let (neg, body) = if let Some(r) = s.strip_prefix('-') {
            (true, r)
        } else if let Some(r) = s.strip_prefix('+') {
            (false, r)
        } else {
            (false, s)
        };
        let (radix, digits) = radix_split(body);
        if digits.is_empty() {
            return None;
        }
        let u = u64::from_str_radix(digits, radix).ok()?;
        if neg {
            if u <= (i64::MAX as u64) + 1 {
                Some((u as i128).wrapping_neg() as i64)
            } else {
                None
            }
        } else {
            i64::try_from(u).ok()
        }
    };
    let valid_underscores = !text.contains('_') || go_underscore_ok(text);
    if valid_underscores {
        if let Some(u) = parse_u(&clean) {
            n.is_uint = true;
            n.uint = u;
        }
        if let Some(i) = parse_i(&clean) {
            n.is_int = true;
            n.int = i;
            if i == 0 {
                n.is_uint = true;
            }
        }
    }
    if n.is_int {
        n.is_float = true;
        n.float = n.int as f64;
    } else if n.is_uint {
        n.is_float = true;
        n.float = n.uint as f64;
    } else if let Some(f) = parse_float(text) {
        if !text.contains(['.', 'e', 'E', 'p', 'P']) {
            return Err(format!("integer overflow: {}", super::fmt::quote(text)));
        }
        n.is_float = true;
        n.float = f;
        if f.fract() == 0.0 && (-9.223372036854776e18..9.223372036854776e18).contains(&f) {
            n.is_int = true;
            n.int = f as i64;
        }
        if f.fract() == 0.0 && (0.0..1.8446744073709552e19).contains(&f) {
            n.is_uint = true;
            n.uint = f as u64;
        }
    }
    if !n.is_int && !n.is_uint && !n.is_float {
        return Err(format!(
            "illegal number syntax: {}",
            super::fmt::quote(text)
        ));
    }
    Ok(n)
}

fn radix_split(s: &str) -> (u32, &str) {
    let b = s.as_bytes();
    if b.len() >= 2 && b[0] == b'0' {
        match b[1] {
            b'x' | b'X' => return (16, &s[2..]),
            b'o' | b'O' => return (8, &s[2..]),
            b'b' | b'B' => return (2, &s[2..]),
            _ => return (8, &s[1..]),
        }
    }
    (10, s)
}

/// Go's underscoreOK: underscores only between digits or after a base prefix.
fn go_underscore_ok(s: &str) -> bool {
    let b = s.as_bytes();
    let mut saw = b'^';
    let mut i = 0;
    if !b.is_empty() && (b[0] == b'-' || b[0] == b'+') {
        i = 1;
    }
    let mut hex = false;
    if b.len() - i >= 2 && b[i] == b'0' && matches!(b[i + 1] | 0x20, b'b' | b'o' | b'x') {
        hex = b[i + 1] | 0x20 == b'x';
        i += 2;
        saw = b'0';
    }
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_digit() || hex && c.is_ascii_hexdigit() {
            saw = b'0';
        } else if c == b'_' {
            if saw != b'0' {
                return false;
            }
            saw = b'_';
        } else {
            if saw == b'_' {
                return false;
            }
            saw = b'!';
        }
        i += 1;
    }
    saw != b'_'
}

/// strconv.ParseFloat: decimal forms and hexadecimal ones (`0x1.8p-2`).
fn parse_float(text: &str) -> Option<f64> {
    let t = text.replace('_', "");
    let (neg, body) = match t.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, t.strip_prefix('+').unwrap_or(&t)),
    };
    if let Some(hex) = body.strip_prefix("0x").or_else(|| body.strip_prefix("0X")) {
        // A hex float needs its p exponent.
        let (mant, exp) = hex.split_once(['p', 'P'])?;
        let exp: i32 = exp.parse().ok()?;
        let (int, frac) = mant.split_once('.').unwrap_or((mant, ""));
        if int.is_empty() && frac.is_empty() {
            return None;
        }
        let mut v = 0f64;
        for c in int.chars().chain(frac.chars()) {
            v = v * 16.0 + f64::from(c.to_digit(16)?);
        }
        let shift = exp - 4 * frac.len() as i32;
        let v = v * 2f64.powi(shift);
        return Some(if neg { -v } else { v }).filter(|f| f.is_finite());
    }
    if t.contains(['p', 'P']) {
        return None;
    }
    if t.is_empty() || t.contains(|c: char| !(c.is_ascii_digit() || "+-.eE".contains(c))) {
        return None;
    }
    t.parse::<f64>().ok().filter(|f| f.is_finite())
}

/// Parses `text` as template "main"; `is_func` says which identifiers are
/// functions. The error is Go's message.
pub fn parse(text: &str, is_func: &dyn Fn(&str) -> bool) -> Result<TreeSet, String> {
    let items = lex(text);
    let mut p = Parser {
        items,
        idx: 0,
        furthest: 0,
        vars: vec!["$".to_string()],
        range_depth: 0,
        action_line: 0,
        stack_depth: 0,
        funcs: is_func,
        set: TreeSet::default(),
    };
    p.parse()?;
    Ok(p.set)
}
