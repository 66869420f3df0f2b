//! Editing and printing go.mod files as `golang.org/x/mod/modfile` does:
//! `Format` (`print.go`), and the edit operations the go command uses when it
//! writes go.mod (`AddGoStmt`, `AddToolchainStmt`, `DropToolchainStmt`,
//! `AddRequire`, `DropRequire`, `SetRequire`, `SetRequireSeparateIndirect`,
//! `SetRequireAtMostTwo`, `SortBlocks`, `Cleanup` from `rule.go` and `read.go`).
//!
//! Go's edits share `*Line` pointers between the directive list and the
//! syntax tree; here lines and blocks live in arenas and are referred to by
//! index, so the same edits give the same bytes.

use crate::gomod::{ModFile, Replace};
use crate::gowork::WorkFile;
use crate::module::ModuleVersion;
use crate::semver;
use crate::syntax::text::{auto_quote, go_bytes, trim_space};
use crate::syntax::{Comment, CommentBlock, Comments, FileSyntax, Line, LineBlock, Paren, Stmt};
use std::collections::{BTreeMap, HashMap, HashSet};

impl ModFile {
    /// `SortBlocks` then `Cleanup` on the directive lists, as `go mod edit`
    /// applies them before printing `-json`: `removeDups` keeps the first of
    /// duplicate exclude, tool and ignore directives and the last replacement
    /// of each old module version; `Cleanup` drops cleared entries (empty
    /// godebug key, require, exclude or replaced path, retract without
    /// bounds). The syntax tree is left as it is ([`Editor`] edits it).
    pub fn sort_blocks_and_cleanup(&mut self) {
        self.exclude = keep_first(std::mem::take(&mut self.exclude), |x| x.module.clone());
        self.replace = keep_last_replace(std::mem::take(&mut self.replace));
        self.tool = keep_first(std::mem::take(&mut self.tool), |t| t.path.clone());
        self.ignore = keep_first(std::mem::take(&mut self.ignore), |i| i.path.clone());
        self.godebug.retain(|g| !g.key.is_empty());
        self.require.retain(|r| !r.module.path.is_empty());
        self.exclude.retain(|x| !x.module.path.is_empty());
        self.replace.retain(|r| !r.old.path.is_empty());
        self.retract
            .retain(|r| !r.low.is_empty() || !r.high.is_empty());
    }
}

impl WorkFile {
    /// `(*WorkFile).SortBlocks` then `Cleanup` on the directive lists, as
    /// `go work edit` applies them before printing `-json`: the last
    /// replacement of each old module version is kept, and use directives
    /// with an empty path and cleared replacements are dropped.
    pub fn sort_blocks_and_cleanup(&mut self) {
        self.replace = keep_last_replace(std::mem::take(&mut self.replace));
        self.uses.retain(|u| !u.path.is_empty());
        self.replace.retain(|r| !r.old.path.is_empty());
    }
}

/// Keeps the first of each key (`removeDups` for exclude, tool, ignore).
fn keep_first<T, K: std::hash::Hash + Eq>(items: Vec<T>, key: impl Fn(&T) -> K) -> Vec<T> {
    let mut seen = HashSet::new();
    items.into_iter().filter(|x| seen.insert(key(x))).collect()
}

/// Keeps the last replacement of each old module version, in file order
/// (`removeDups` for replace).
fn keep_last_replace(items: Vec<Replace>) -> Vec<Replace> {
    let mut seen = HashSet::new();
    let mut keep = vec![false; items.len()];
    for (i, r) in items.iter().enumerate().rev() {
        keep[i] = seen.insert(r.old.clone());
    }
    items
        .into_iter()
        .zip(keep)
        .filter_map(|(r, k)| k.then_some(r))
        .collect()
}

/// `modfile.Format`: prints a syntax tree as Go does.
pub fn format(f: &FileSyntax) -> Vec<u8> {
    let mut p = Printer::default();
    p.file(f);
    let mut b = go_bytes(&p.out).into_owned();
    while b.last() == Some(&b'\n') && (b.len() == 1 || b[b.len() - 2] == b'\n') {
        b.pop();
    }
    b
}

#[derive(Default)]
struct Printer {
    out: String,
    comment: Vec<Comment>,
    margin: usize,
}

impl Printer {
    fn indent(&self) -> usize {
        self.out.bytes().rev().take_while(|&b| b != b'\n').count()
    }

    fn trim(&mut self) {
        let n = self.out.trim_end_matches(['\t', ' ']).len();
        self.out.truncate(n);
    }

    fn tabs(&mut self) {
        for _ in 0..self.margin {
            self.out.push('\t');
        }
    }

    fn newline(&mut self) {
        if !self.comment.is_empty() {
            self.out.push(' ');
            let comments = std::mem::take(&mut self.comment);
            for (i, com) in comments.iter().enumerate() {
                if i > 0 {
                    self.trim();
                    self.out.push('\n');
                    self.tabs();
                }
                self.out.push_str(trim_space(&com.token));
            }
        }
        self.trim();
        let b = self.out.as_bytes();
        let n = b.len();
        if !(n == 0 || (n >= 2 && b[n - 1] == b'\n' && b[n - 2] == b'\n')) {
            self.out.push('\n');
        }
        self.tabs();
    }

    fn file(&mut self, f: &FileSyntax) {
        for com in &f.comments.before {
            self.out.push_str(trim_space(&com.token));
            self.newline();
        }
        for (i, stmt) in f.stmt.iter().enumerate() {
            match stmt {
                Stmt::CommentBlock(c) => self.before(&c.comments),
                Stmt::Line(l) => {
                    self.line(l);
                    self.newline();
                }
                Stmt::LineBlock(b) => {
                    self.block(b);
                    self.newline();
                }
            }
            let after = match stmt {
                Stmt::CommentBlock(c) => &c.comments.after,
                Stmt::Line(l) => &l.comments.after,
                Stmt::LineBlock(b) => &b.comments.after,
            };
            for com in after {
                self.out.push_str(trim_space(&com.token));
                self.newline();
            }
            if i + 1 < f.stmt.len() {
                self.newline();
            }
        }
    }

    /// The part of `expr` that prints Before comments.
    fn before(&mut self, c: &Comments) {
        if !c.before.is_empty() {
            self.trim();
            if self.indent() > 0 {
                self.out.push('\n');
            }
            self.tabs();
            for com in &c.before {
                self.out.push_str(trim_space(&com.token));
                self.newline();
            }
        }
        // CommentBlock: suffix comments are appended like any expression's.
    }

    fn line(&mut self, l: &Line) {
        self.before(&l.comments);
        self.tokens(&l.token);
        self.comment.extend(l.comments.suffix.iter().cloned());
    }

    fn paren(&mut self, p: &Paren, text: char) {
        self.before(&p.comments);
        self.out.push(text);
        self.comment.extend(p.comments.suffix.iter().cloned());
    }

    fn block(&mut self, b: &LineBlock) {
        self.before(&b.comments);
        self.tokens(&b.token);
        self.out.push(' ');
        self.paren(&b.lparen, '(');
        self.margin += 1;
        for l in &b.line {
            self.newline();
            self.line(l);
        }
        self.margin -= 1;
        self.newline();
        self.paren(&b.rparen, ')');
        self.comment.extend(b.comments.suffix.iter().cloned());
    }

    fn tokens(&mut self, tokens: &[String]) {
        let mut sep = "";
        for t in tokens {
            if matches!(t.as_str(), "," | ")" | "]" | "}") {
                sep = "";
            }
            self.out.push_str(sep);
            self.out.push_str(t);
            sep = " ";
            if matches!(t.as_str(), "(" | "[" | "{") {
                sep = "";
            }
        }
    }
}

/// A line of the editor's arena; an empty token list means removed
/// (`Token == nil` in Go).
#[derive(Debug, Clone, Default)]
struct ELine {
    comments: Comments,
    token: Vec<String>,
    in_block: bool,
}

#[derive(Debug, Clone, Default)]
struct EBlock {
    comments: Comments,
    token: Vec<String>,
    lparen: Paren,
    lines: Vec<usize>,
    rparen: Paren,
}

#[derive(Debug, Clone)]
enum EStmt {
    Comment(CommentBlock),
    Line(usize),
    Block(usize),
}

/// What an `addLine` hint points at.
#[derive(Debug, Clone, Copy)]
enum Hint {
    Line(usize),
    Block(usize),
}

/// One require directive of the editor (`modfile.Require`); an empty path
/// means deleted (`*r = Require{}`).
#[derive(Debug, Clone)]
struct ERequire {
    path: String,
    version: String,
    indirect: bool,
    line: usize,
}

/// One requirement to set (`modfile.Require` without syntax).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewRequire {
    /// The module version.
    pub module: ModuleVersion,
    /// Whether it gets an `// indirect` comment.
    pub indirect: bool,
}

/// A go.mod being edited as `modfile.File` is by the go command.
#[derive(Debug, Clone)]
pub struct Editor {
    lines: Vec<ELine>,
    blocks: Vec<EBlock>,
    stmts: Vec<EStmt>,
    comments: Comments,
    module_line: Option<usize>,
    go: Option<(String, usize)>,
    toolchain: Option<(String, usize)>,
    require: Vec<ERequire>,
    exclude: Vec<(ModuleVersion, usize)>,
    replace: Vec<(ModuleVersion, usize)>,
    tool: Vec<(String, usize)>,
    ignore: Vec<(String, usize)>,
}

fn line_to_e(l: &Line) -> ELine {
    ELine {
        comments: l.comments.clone(),
        token: l.token.clone(),
        in_block: l.in_block,
    }
}

fn is_indirect(line: &ELine) -> bool {
    let Some(c) = line.comments.suffix.first() else {
        return false;
    };
    let text = c.token.strip_prefix("//").unwrap_or(&c.token);
    let f = crate::syntax::text::fields(text);
    (f.len() == 1 && f[0] == "indirect") || (f.len() > 1 && f[0] == "indirect;")
}

fn comment_text(token: &str) -> &str {
    trim_space(token.strip_prefix("//").unwrap_or(token))
}

fn set_indirect(line: &mut ELine, indirect: bool) {
    if is_indirect(line) == indirect {
        return;
    }
    if indirect {
        let Some(com) = line.comments.suffix.first_mut() else {
            line.comments.suffix = vec![Comment {
                token: "// indirect".to_string(),
                suffix: true,
                ..Comment::default()
            }];
            return;
        };
        let text = comment_text(&com.token).to_string();
        if text.is_empty() {
            com.token = "// indirect".to_string();
            return;
        }
        com.token = format!("// indirect; {text}");
        return;
    }
    let Some(com) = line.comments.suffix.first_mut() else {
        return;
    };
    if comment_text(&com.token) == "indirect" {
        line.comments.suffix.clear();
        return;
    }
    if let Some(i) = com.token.find("indirect;") {
        com.token = format!("//{}", &com.token[i + "indirect;".len()..]);
    }
}

fn has_comments(c: &Comments) -> bool {
    !c.before.is_empty()
        || !c.after.is_empty()
        || c.suffix.len() > 1
        || (c.suffix.len() == 1 && comment_text(&c.suffix[0].token) != "indirect")
}

fn compare_line(a: &[String], b: &[String]) -> std::cmp::Ordering {
    for (x, y) in a.iter().zip(b.iter()) {
        if x != y {
            return go_bytes(x).cmp(&go_bytes(y));
        }
    }
    a.len().cmp(&b.len())
}

fn compare_line_exclude(a: &[String], b: &[String]) -> std::cmp::Ordering {
    if a.len() != 2 || b.len() != 2 {
        return compare_line(a, b);
    }
    if a[0] != b[0] {
        return go_bytes(&a[0]).cmp(&go_bytes(&b[0]));
    }
    semver::compare(&a[1], &b[1])
}

fn compare_line_retract(a: &[String], b: &[String]) -> std::cmp::Ordering {
    let interval = |t: &[String]| -> (String, String) {
        if t.len() == 1 {
            (t[0].clone(), t[0].clone())
        } else if t.len() == 5 && t[0] == "[" && t[2] == "," && t[4] == "]" {
            (t[1].clone(), t[3].clone())
        } else {
            (String::new(), String::new())
        }
    };
    let (al, ah) = interval(a);
    let (bl, bh) = interval(b);
    match semver::compare(&al, &bl) {
        std::cmp::Ordering::Equal => semver::compare(&ah, &bh).reverse(),
        o => o.reverse(),
    }
}

impl Editor {
    /// An editor over a parsed go.mod (strict parse: its directives are
    /// found in the syntax tree by their spans).
    pub fn new(f: &ModFile) -> Editor {
        let mut ed = Editor {
            lines: Vec::new(),
            blocks: Vec::new(),
            stmts: Vec::new(),
            comments: f.syntax.comments.clone(),
            module_line: None,
            go: None,
            toolchain: None,
            require: Vec::new(),
            exclude: Vec::new(),
            replace: Vec::new(),
            tool: Vec::new(),
            ignore: Vec::new(),
        };
        let mut by_start: HashMap<usize, usize> = HashMap::new();
        for stmt in &f.syntax.stmt {
            match stmt {
                Stmt::CommentBlock(c) => ed.stmts.push(EStmt::Comment(c.clone())),
                Stmt::Line(l) => {
                    by_start.insert(l.start.byte, ed.lines.len());
                    ed.stmts.push(EStmt::Line(ed.lines.len()));
                    ed.lines.push(line_to_e(l));
                }
                Stmt::LineBlock(b) => {
                    let mut lines = Vec::with_capacity(b.line.len());
                    for l in &b.line {
                        by_start.insert(l.start.byte, ed.lines.len());
                        lines.push(ed.lines.len());
                        ed.lines.push(line_to_e(l));
                    }
                    ed.stmts.push(EStmt::Block(ed.blocks.len()));
                    ed.blocks.push(EBlock {
                        comments: b.comments.clone(),
                        token: b.token.clone(),
                        lparen: b.lparen.clone(),
                        lines,
                        rparen: b.rparen.clone(),
                    });
                }
            }
        }
        let find = |start: usize| by_start.get(&start).copied();
        ed.module_line = f.module.as_ref().and_then(|m| find(m.span.start.byte));
        ed.go =
            f.go.as_ref()
                .and_then(|g| find(g.span.start.byte).map(|l| (g.version.clone(), l)));
        ed.toolchain = f
            .toolchain
            .as_ref()
            .and_then(|t| find(t.span.start.byte).map(|l| (t.name.clone(), l)));
        for r in &f.require {
            if let Some(l) = find(r.span.start.byte) {
                ed.require.push(ERequire {
                    path: r.module.path.to_string(),
                    version: r.module.version.to_string(),
                    indirect: r.indirect,
                    line: l,
                });
            }
        }
        for x in &f.exclude {
            if let Some(l) = find(x.span.start.byte) {
                ed.exclude.push((x.module.clone(), l));
            }
        }
        for x in &f.replace {
            if let Some(l) = find(x.span.start.byte) {
                ed.replace.push((x.old.clone(), l));
            }
        }
        for x in &f.tool {
            if let Some(l) = find(x.span.start.byte) {
                ed.tool.push((x.path.clone(), l));
            }
        }
        for x in &f.ignore {
            if let Some(l) = find(x.span.start.byte) {
                ed.ignore.push((x.path.clone(), l));
            }
        }
        ed
    }

    /// The go version the file states now (`f.Go.Version`), if any.
    pub fn go_version(&self) -> Option<&str> {
        self.go.as_ref().map(|(v, _)| v.as_str())
    }

    /// The toolchain name the file states now, if any.
    pub fn toolchain(&self) -> Option<&str> {
        self.toolchain.as_ref().map(|(v, _)| v.as_str())
    }

    /// The current requirements (`f.Require` after edits, deleted ones skipped).
    pub fn requires(&self) -> Vec<NewRequire> {
        self.require
            .iter()
            .filter(|r| !r.path.is_empty())
            .map(|r| NewRequire {
                module: ModuleVersion::new(r.path.clone(), r.version.clone()),
                indirect: r.indirect,
            })
            .collect()
    }

    fn mark_removed(&mut self, l: usize) {
        if let Some(line) = self.lines.get_mut(l) {
            line.token.clear();
            line.comments.suffix.clear();
        }
    }

    fn update_line(&mut self, l: usize, tokens: Vec<String>) {
        if let Some(line) = self.lines.get_mut(l) {
            line.token = if line.in_block {
                tokens.into_iter().skip(1).collect()
            } else {
                tokens
            };
        }
    }

    fn new_line(&mut self, token: Vec<String>, in_block: bool) -> usize {
        self.lines.push(ELine {
            comments: Comments::default(),
            token,
            in_block,
        });
        self.lines.len() - 1
    }

    /// `FileSyntax.addLine`.
    fn add_line(&mut self, hint: Option<Hint>, tokens: Vec<String>) -> usize {
        let verb = tokens.first().cloned().unwrap_or_default();
        let mut hint = hint;
        if hint.is_none() {
            for stmt in self.stmts.iter().rev() {
                match stmt {
                    EStmt::Line(l) => {
                        let t = &self.lines[*l].token;
                        if !t.is_empty() && t[0] == verb {
                            hint = Some(Hint::Line(*l));
                            break;
                        }
                    }
                    EStmt::Block(b) => {
                        if self.blocks[*b].token.first() == Some(&verb) {
                            hint = Some(Hint::Block(*b));
                            break;
                        }
                    }
                    EStmt::Comment(_) => {}
                }
            }
        }
        if let Some(h) = hint {
            for i in 0..self.stmts.len() {
                match (&self.stmts[i], h) {
                    (EStmt::Line(l), Hint::Line(hl)) if *l == hl => {
                        let l = *l;
                        let t = &self.lines[l].token;
                        if t.is_empty() || t[0] != verb {
                            return self.new_line_after(i, tokens);
                        }
                        let line = &mut self.lines[l];
                        line.in_block = true;
                        let head: Vec<String> = line.token.drain(..1).collect();
                        let new = self.new_line(tokens[1..].to_vec(), true);
                        self.blocks.push(EBlock {
                            token: head,
                            lines: vec![l, new],
                            ..EBlock::default()
                        });
                        self.stmts[i] = EStmt::Block(self.blocks.len() - 1);
                        return new;
                    }
                    (EStmt::Block(b), _) => {
                        let b = *b;
                        let same_verb = self.blocks[b].token.first() == Some(&verb);
                        if let Hint::Block(hb) = h {
                            if hb == b {
                                if !same_verb {
                                    return self.new_line_after(i, tokens);
                                }
                                let new = self.new_line(tokens[1..].to_vec(), true);
                                self.blocks[b].lines.push(new);
                                return new;
                            }
                        }
                        if let Hint::Line(hl) = h {
                            if let Some(j) = self.blocks[b].lines.iter().position(|&x| x == hl) {
                                if !same_verb {
                                    return self.new_line_after(i, tokens);
                                }
                                let new = self.new_line(tokens[1..].to_vec(), true);
                                self.blocks[b].lines.insert(j + 1, new);
                                return new;
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
        let new = self.new_line(tokens, false);
        self.stmts.push(EStmt::Line(new));
        new
    }

    fn new_line_after(&mut self, i: usize, tokens: Vec<String>) -> usize {
        let new = self.new_line(tokens, false);
        self.stmts.insert(i + 1, EStmt::Line(new));
        new
    }

    /// `AddGoStmt` (the version is not validated).
    pub fn add_go_stmt(&mut self, version: &str) {
        match self.go.clone() {
            None => {
                let hint = self.module_line.map(Hint::Line);
                let l = self.add_line(hint, vec!["go".into(), version.into()]);
                self.go = Some((version.to_string(), l));
            }
            Some((_, l)) => {
                self.go = Some((version.to_string(), l));
                self.update_line(l, vec!["go".into(), version.into()]);
            }
        }
    }

    /// `WorkFile.AddGoStmt`: like [`Editor::add_go_stmt`], but a new go
    /// line goes before the first statement that is not a comment block
    /// (file comments stay on top).
    pub fn add_work_go_stmt(&mut self, version: &str) {
        if self.go.is_some() {
            self.add_go_stmt(version);
            return;
        }
        let l = self.new_line(vec!["go".into(), version.into()], false);
        let i = self
            .stmts
            .iter()
            .position(|s| !matches!(s, EStmt::Comment(_)))
            .unwrap_or(self.stmts.len());
        self.stmts.insert(i, EStmt::Line(l));
        self.go = Some((version.to_string(), l));
    }

    /// `DropToolchainStmt`.
    pub fn drop_toolchain_stmt(&mut self) {
        if let Some((_, l)) = self.toolchain.take() {
            self.mark_removed(l);
        }
    }

    /// `AddToolchainStmt` (the name is not validated).
    pub fn add_toolchain_stmt(&mut self, name: &str) {
        match self.toolchain.clone() {
            None => {
                let hint = self
                    .go
                    .as_ref()
                    .map(|(_, l)| Hint::Line(*l))
                    .or(self.module_line.map(Hint::Line));
                let l = self.add_line(hint, vec!["toolchain".into(), name.into()]);
                self.toolchain = Some((name.to_string(), l));
            }
            Some((_, l)) => {
                self.toolchain = Some((name.to_string(), l));
                self.update_line(l, vec!["toolchain".into(), name.into()]);
            }
        }
    }

    /// `AddRequire`: sets the first requirement on `path` to `vers`
    /// (removing others) or adds a new one.
    pub fn add_require(&mut self, path: &str, vers: &str) {
        let mut need = true;
        for i in 0..self.require.len() {
            if self.require[i].path == path {
                let l = self.require[i].line;
                if need {
                    self.require[i].version = vers.to_string();
                    self.update_line(l, vec!["require".into(), auto_quote(path), vers.into()]);
                    need = false;
                } else {
                    self.mark_removed(l);
                    self.require[i].path.clear();
                }
            }
        }
        if need {
            self.add_new_require(path, vers, false);
        }
    }

    /// `AddNewRequire`.
    pub fn add_new_require(&mut self, path: &str, vers: &str, indirect: bool) {
        let l = self.add_line(None, vec!["require".into(), auto_quote(path), vers.into()]);
        set_indirect(&mut self.lines[l], indirect);
        self.require.push(ERequire {
            path: path.to_string(),
            version: vers.to_string(),
            indirect,
            line: l,
        });
    }

    /// `DropRequire`.
    pub fn drop_require(&mut self, path: &str) {
        for i in 0..self.require.len() {
            if self.require[i].path == path {
                let l = self.require[i].line;
                self.mark_removed(l);
                self.require[i].path.clear();
            }
        }
    }

    fn set_version(&mut self, i: usize, v: &str) {
        self.require[i].version = v.to_string();
        let line = &mut self.lines[self.require[i].line];
        if line.token.is_empty() {
            return;
        }
        if line.in_block {
            if line.comments.before.len() == 1 && line.comments.before[0].token.is_empty() {
                line.comments.before.clear();
            }
            if line.token.len() >= 2 {
                line.token[1] = v.to_string();
            }
        } else if line.token.len() >= 3 {
            line.token[2] = v.to_string();
        }
    }

    fn set_require_indirect(&mut self, i: usize, indirect: bool) {
        self.require[i].indirect = indirect;
        let l = self.require[i].line;
        set_indirect(&mut self.lines[l], indirect);
    }

    /// `SetRequire` (go lines before 1.17): one block structure, comments kept.
    pub fn set_require(&mut self, req: &[NewRequire]) {
        let mut need: BTreeMap<String, (String, bool)> = BTreeMap::new();
        for r in req {
            need.insert(
                r.module.path.to_string(),
                (r.module.version.to_string(), r.indirect),
            );
        }
        for i in 0..self.require.len() {
            let path = self.require[i].path.clone();
            match need.remove(&path) {
                Some((v, ind)) => {
                    self.set_version(i, &v);
                    self.set_require_indirect(i, ind);
                }
                None => {
                    let l = self.require[i].line;
                    self.mark_removed(l);
                    self.require[i].path.clear();
                }
            }
        }
        for (path, (v, ind)) in need {
            self.add_new_require(&path, &v, ind);
        }
        self.sort_blocks();
    }

    /// `SetRequireSeparateIndirect` (`simplify == false`, go 1.17 to 1.26)
    /// or `SetRequireAtMostTwo` (`simplify == true`, go 1.27 and later).
    pub fn set_require_separate_indirect(&mut self, req: &[NewRequire], simplify: bool) {
        let mut need: HashMap<String, &NewRequire> = HashMap::new();
        for r in req {
            need.insert(r.module.path.to_string(), r);
        }
        let mut line_indirect: HashMap<usize, bool> = HashMap::new();
        for r in &self.require {
            if let Some(n) = need.get(&r.path) {
                line_indirect.insert(r.line, n.indirect);
            }
        }
        let mut last_direct: isize = -1;
        let mut last_indirect: isize = -1;
        let mut last_require: isize = -1;
        let mut count = 0;
        let mut line_to_block: HashMap<usize, usize> = HashMap::new();
        let mut direct_block_comments: Vec<Comment> = Vec::new();
        let mut indirect_block_comments: Vec<Comment> = Vec::new();
        for i in 0..self.stmts.len() {
            let ii = i as isize;
            match self.stmts[i].clone() {
                EStmt::Line(l) => {
                    let line = &self.lines[l];
                    if line.token.first().map(String::as_str) != Some("require") {
                        continue;
                    }
                    last_require = ii;
                    count += 1;
                    if !has_comments(&line.comments) {
                        if is_indirect(line) {
                            last_indirect = ii;
                        } else {
                            last_direct = ii;
                        }
                    }
                }
                EStmt::Block(b) => {
                    if self.blocks[b].token.first().map(String::as_str) != Some("require") {
                        continue;
                    }
                    last_require = ii;
                    count += 1;
                    let block = &self.blocks[b];
                    let nonempty = !block.lines.is_empty() && !has_comments(&block.comments);
                    let mut all_direct = nonempty;
                    let mut all_indirect = nonempty;
                    for &l in &block.lines {
                        line_to_block.insert(l, b);
                        let line = &self.lines[l];
                        if has_comments(&line.comments) {
                            all_direct = false;
                            all_indirect = false;
                        } else if is_indirect(line) {
                            all_direct = false;
                        } else {
                            all_indirect = false;
                        }
                    }
                    if all_direct {
                        last_direct = ii;
                    }
                    if all_indirect {
                        last_indirect = ii;
                    }
                    if simplify {
                        let any_direct = block
                            .lines
                            .iter()
                            .any(|l| line_indirect.get(l) == Some(&false));
                        let target = if !any_direct && !block.lines.is_empty() {
                            &mut indirect_block_comments
                        } else {
                            &mut direct_block_comments
                        };
                        let before = std::mem::take(&mut self.blocks[b].comments.before);
                        if !target.is_empty() && !before.is_empty() {
                            target.push(Comment {
                                token: "//".to_string(),
                                ..Comment::default()
                            });
                        }
                        target.extend(before);
                    }
                }
                EStmt::Comment(_) => {}
            }
        }
        let one_flat_uncommented_block = count == 1
            && usize::try_from(last_require)
                .ok()
                .and_then(|i| self.stmts.get(i))
                .is_some_and(|s| !has_comments(self.stmt_comments(s)));

        let last_direct_block;
        if last_direct < 0 {
            if last_indirect >= 0 {
                last_direct = last_indirect;
                last_indirect += 1;
            } else if last_require >= 0 {
                last_direct = last_require + 1;
            } else {
                last_direct = self.stmts.len() as isize;
            }
            last_direct_block = self.insert_block(last_direct as usize);
        } else {
            last_direct_block = self.ensure_block(last_direct as usize);
        }
        let last_indirect_block = if last_indirect < 0 {
            last_indirect = last_direct + 1;
            self.insert_block(last_indirect as usize)
        } else {
            self.ensure_block(last_indirect as usize)
        };
        if simplify {
            self.blocks[last_direct_block]
                .comments
                .before
                .extend(direct_block_comments);
            self.blocks[last_indirect_block]
                .comments
                .before
                .extend(indirect_block_comments);
        }
        let mut have: HashSet<String> = HashSet::new();
        for i in 0..self.require.len() {
            let path = self.require[i].path.clone();
            let Some(n) = need.get(&path).copied() else {
                let l = self.require[i].line;
                self.mark_removed(l);
                self.require[i].path.clear();
                continue;
            };
            if have.contains(&path) {
                let l = self.require[i].line;
                self.mark_removed(l);
                self.require[i].path.clear();
                continue;
            }
            have.insert(path);
            self.set_version(i, &n.module.version);
            self.set_require_indirect(i, n.indirect);
            let in_block = line_to_block.get(&self.require[i].line).copied();
            if n.indirect
                && (simplify || one_flat_uncommented_block || in_block == Some(last_direct_block))
            {
                self.move_req(i, last_indirect_block);
            } else if !n.indirect
                && (simplify || one_flat_uncommented_block || in_block == Some(last_indirect_block))
            {
                self.move_req(i, last_direct_block);
            }
        }
        let mut new: Vec<&NewRequire> = need
            .iter()
            .filter(|(p, _)| !have.contains(*p))
            .map(|(_, r)| *r)
            .collect();
        new.sort_by(|a, b| a.module.path.cmp(&b.module.path));
        for r in new {
            let token = vec![auto_quote(&r.module.path), r.module.version.to_string()];
            let l = self.new_line(token, true);
            if r.indirect {
                set_indirect(&mut self.lines[l], true);
            }
            let block = if r.indirect {
                last_indirect_block
            } else {
                last_direct_block
            };
            self.blocks[block].lines.push(l);
            self.require.push(ERequire {
                path: r.module.path.to_string(),
                version: r.module.version.to_string(),
                indirect: r.indirect,
                line: l,
            });
        }
        self.sort_blocks();
    }

    fn stmt_comments<'a>(&'a self, s: &'a EStmt) -> &'a Comments {
        match s {
            EStmt::Comment(c) => &c.comments,
            EStmt::Line(l) => &self.lines[*l].comments,
            EStmt::Block(b) => &self.blocks[*b].comments,
        }
    }

    fn move_req(&mut self, i: usize, block: usize) {
        let old = self.require[i].line;
        let mut line = self.lines[old].clone();
        if !line.in_block && line.token.first().map(String::as_str) == Some("require") {
            line.token.remove(0);
        }
        self.lines[old].token.clear();
        line.in_block = true;
        self.lines.push(line);
        let l = self.lines.len() - 1;
        self.require[i].line = l;
        self.blocks[block].lines.push(l);
    }

    fn insert_block(&mut self, i: usize) -> usize {
        self.blocks.push(EBlock {
            token: vec!["require".to_string()],
            ..EBlock::default()
        });
        let b = self.blocks.len() - 1;
        let i = i.min(self.stmts.len());
        self.stmts.insert(i, EStmt::Block(b));
        b
    }

    fn ensure_block(&mut self, i: usize) -> usize {
        match self.stmts[i] {
            EStmt::Block(b) => b,
            EStmt::Line(l) => {
                let line = &mut self.lines[l];
                if !line.token.is_empty() {
                    line.token.remove(0);
                }
                line.in_block = true;
                self.blocks.push(EBlock {
                    token: vec!["require".to_string()],
                    lines: vec![l],
                    ..EBlock::default()
                });
                let b = self.blocks.len() - 1;
                self.stmts[i] = EStmt::Block(b);
                b
            }
            // Only require lines and blocks are passed here.
            EStmt::Comment(_) => self.insert_block(i),
        }
    }

    /// `removeDups` for exclude, replace, tool and ignore directives.
    fn remove_dups(&mut self) {
        let mut kill: HashSet<usize> = HashSet::new();
        let mut seen = HashSet::new();
        for (m, l) in &self.exclude {
            if !seen.insert(m.clone()) {
                kill.insert(*l);
            }
        }
        let mut seen = HashSet::new();
        for (m, l) in self.replace.iter().rev() {
            if !seen.insert(m.clone()) {
                kill.insert(*l);
            }
        }
        let mut seen = HashSet::new();
        for (p, l) in &self.tool {
            if !seen.insert(p.clone()) {
                kill.insert(*l);
            }
        }
        let mut seen = HashSet::new();
        for (p, l) in &self.ignore {
            if !seen.insert(p.clone()) {
                kill.insert(*l);
            }
        }
        self.exclude.retain(|(_, l)| !kill.contains(l));
        self.replace.retain(|(_, l)| !kill.contains(l));
        self.tool.retain(|(_, l)| !kill.contains(l));
        self.ignore.retain(|(_, l)| !kill.contains(l));
        if kill.is_empty() {
            return;
        }
        let blocks = &mut self.blocks;
        self.stmts.retain(|s| match s {
            EStmt::Line(l) => !kill.contains(l),
            EStmt::Block(b) => {
                blocks[*b].lines.retain(|l| !kill.contains(l));
                !blocks[*b].lines.is_empty()
            }
            EStmt::Comment(_) => true,
        });
    }

    /// `SortBlocks`.
    pub fn sort_blocks(&mut self) {
        self.remove_dups();
        let semantic_exclude = self
            .go
            .as_ref()
            .is_some_and(|(v, _)| semver::compare(&format!("v{v}"), "v1.21").is_ge());
        for s in &self.stmts {
            let EStmt::Block(b) = s else { continue };
            let block = &mut self.blocks[*b];
            let lines = &self.lines;
            let verb = block.token.first().map(String::as_str).unwrap_or("");
            match verb {
                "exclude" if semantic_exclude => block
                    .lines
                    .sort_by(|a, b| compare_line_exclude(&lines[*a].token, &lines[*b].token)),
                "retract" => block
                    .lines
                    .sort_by(|a, b| compare_line_retract(&lines[*a].token, &lines[*b].token)),
                _ => block
                    .lines
                    .sort_by(|a, b| compare_line(&lines[*a].token, &lines[*b].token)),
            }
        }
    }

    /// `Cleanup`: drops removed lines and empty blocks, turns one-line
    /// blocks into lines.
    pub fn cleanup(&mut self) {
        self.require.retain(|r| !r.path.is_empty());
        let stmts = std::mem::take(&mut self.stmts);
        for stmt in stmts {
            match stmt {
                EStmt::Line(l) => {
                    if self.lines[l].token.is_empty() {
                        continue;
                    }
                    self.stmts.push(EStmt::Line(l));
                }
                EStmt::Block(b) => {
                    let lines = &self.lines;
                    self.blocks[b].lines.retain(|l| !lines[*l].token.is_empty());
                    let block = &self.blocks[b];
                    if block.lines.is_empty() {
                        continue;
                    }
                    if block.lines.len() == 1 && block.rparen.comments.before.is_empty() {
                        let l = block.lines[0];
                        let old = std::mem::take(&mut self.lines[l]);
                        let block = &self.blocks[b];
                        let mut before = block.comments.before.clone();
                        before.extend(old.comments.before);
                        let mut suffix = old.comments.suffix;
                        suffix.extend(block.comments.suffix.iter().cloned());
                        let mut after = old.comments.after;
                        after.extend(block.comments.after.iter().cloned());
                        let mut token = block.token.clone();
                        token.extend(old.token);
                        self.lines[l] = ELine {
                            comments: Comments {
                                before,
                                suffix,
                                after,
                            },
                            token,
                            in_block: false,
                        };
                        self.stmts.push(EStmt::Line(l));
                        continue;
                    }
                    self.stmts.push(EStmt::Block(b));
                }
                EStmt::Comment(c) => self.stmts.push(EStmt::Comment(c)),
            }
        }
    }

    fn to_line(&self, l: usize) -> Line {
        let e = &self.lines[l];
        Line {
            comments: e.comments.clone(),
            token: e.token.clone(),
            in_block: e.in_block,
            ..Line::default()
        }
    }

    /// The edited syntax tree (positions are not meaningful).
    pub fn syntax(&self) -> FileSyntax {
        let stmt = self
            .stmts
            .iter()
            .map(|s| match s {
                EStmt::Comment(c) => Stmt::CommentBlock(c.clone()),
                EStmt::Line(l) => Stmt::Line(self.to_line(*l)),
                EStmt::Block(b) => {
                    let b = &self.blocks[*b];
                    Stmt::LineBlock(LineBlock {
                        comments: b.comments.clone(),
                        token: b.token.clone(),
                        lparen: b.lparen.clone(),
                        line: b.lines.iter().map(|l| self.to_line(*l)).collect(),
                        rparen: b.rparen.clone(),
                        ..LineBlock::default()
                    })
                }
            })
            .collect();
        FileSyntax {
            name: String::new(),
            comments: self.comments.clone(),
            stmt,
        }
    }

    /// `File.Format`: the file's bytes as Go prints them.
    pub fn format(&self) -> Vec<u8> {
        format(&self.syntax())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn ed(src: &str) -> Editor {
        Editor::new(&crate::gomod::parse("go.mod", src.as_bytes(), None).unwrap())
    }

    #[test]
    fn format_round_trips_canonical_file() {
        let src = "module m\n\ngo 1.21\n\nrequire (\n\ta v1.0.0\n\tb v1.1.0 // indirect\n)\n";
        assert_eq!(String::from_utf8(ed(src).format()).unwrap(), src);
    }
}
