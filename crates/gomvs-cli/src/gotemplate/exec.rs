//! The executor of Go's `text/template/exec.go` and the builtins of
//! `funcs.go`, plus the functions `go list` adds (`join`, `context`, `module`).

use super::fmt::{sprint, sprint_deref, sprintf, sprintln};
use super::parse::{Arg, BranchKind, Command, Node, Number, Pipe, TreeSet};
use super::value::{field, pointer_struct_has_field, BuildContext, Kind, Value};
use crate::render::golist::module_text;
use gomvs_graph::listing::ModuleInfo;
use std::rc::Rc;

/// Go's maxExecDepth.
const MAX_EXEC_DEPTH: usize = 100000;

/// The `module PATH` function: the row, or an error that ends execution
/// and is printed verbatim (gomvs's own "unsupported" messages).
pub type ModuleFn<'h> = &'h (dyn Fn(&str) -> Result<ModuleInfo, String> + Sync);

/// What the go-list functions need from the command.
pub struct Host<'h> {
    /// `context`.
    pub context: BuildContext,
    /// `module PATH`.
    pub module: ModuleFn<'h>,
}

enum Flow {
    Err(String),
    /// An error printed as is (not a template error).
    Raw(String),
    Break,
    Continue,
}
type R<T> = Result<T, Flow>;

#[derive(Clone, Copy)]
enum At<'t> {
    Arg(&'t Arg),
    Pipe(&'t Pipe),
    Cmd(&'t Command),
    Node(&'t Node, usize),
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Ty {
    Value,
    Any,
    Str,
    Strings,
}

struct State<'t> {
    set: &'t TreeSet,
    text: &'t str,
    name: String,
    vars: Vec<(String, Value)>,
    depth: usize,
    at: Option<At<'t>>,
    out: String,
    host: &'t Host<'t>,
}

/// Builtins and go list functions: the names `is_func` accepts at parse time.
pub fn is_func(name: &str) -> bool {
    matches!(
        name,
        "and"
            | "call"
            | "html"
            | "index"
            | "slice"
            | "js"
            | "len"
            | "not"
            | "or"
            | "print"
            | "printf"
            | "println"
            | "urlquery"
            | "eq"
            | "ge"
            | "gt"
            | "le"
            | "lt"
            | "ne"
            | "join"
            | "context"
            | "module"
    )
}

fn printable(v: &Value) -> Value {
    match v {
        Value::Invalid | Value::Missing => Value::Str("<no value>".into()),
        Value::ModErr(Some(_)) | Value::Origin(Some(_)) | Value::Context(_) => {
            Value::Str(sprint_deref(v).into())
        }
        other => other.clone(),
    }
}

/// Sprint of printable values; a struct rendered by `printable` is not a
/// string operand for Sprint's spacing rule.
fn sprint_printable(args: &[Value]) -> String {
    let mut out = String::new();
    let mut prev_string = false;
    for (i, a) in args.iter().enumerate() {
        let is_struct = matches!(
            a,
            Value::ModErr(Some(_)) | Value::Origin(Some(_)) | Value::Context(_)
        );
        let p = printable(a);
        let is_string = matches!(a, Value::Str(_) | Value::Invalid | Value::Missing);
        if i > 0 && !is_string && !prev_string {
            out.push(' ');
        }
        if is_struct {
            if let Value::Str(s) = &p {
                out.push_str(s);
            }
        } else {
            out.push_str(&sprint(&[p]));
        }
        prev_string = is_string;
    }
    out
}

fn eval_args_string(args: &[Value]) -> String {
    if let [Value::Str(s)] = args {
        return s.to_string();
    }
    sprint_printable(args)
}

fn html_escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\0' => o.push('\u{FFFD}'),
            '"' => o.push_str("&#34;"),
            '\'' => o.push_str("&#39;"),
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            c => o.push(c),
        }
    }
    o
}

fn js_escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => o.push_str("\\\\"),
            '\'' => o.push_str("\\'"),
            '"' => o.push_str("\\\""),
            '<' => o.push_str("\\u003C"),
            '>' => o.push_str("\\u003E"),
            '&' => o.push_str("\\u0026"),
            '=' => o.push_str("\\u003D"),
            c if (c as u32) < 0x20 => o.push_str(&format!("\\u00{:02X}", c as u32)),
            c if (c as u32) < 0x80 => o.push(c),
            c if !c.is_control() && !c.is_whitespace() || c == ' ' => o.push(c),
            c => o.push_str(&format!("\\u{:04X}", c as u32)),
        }
    }
    o
}

fn url_query_escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                o.push(b as char)
            }
            b' ' => o.push('+'),
            b => o.push_str(&format!("%{b:02X}")),
        }
    }
    o
}

impl<'t> State<'t> {
    fn errorf(&self, msg: String) -> Flow {
        let name = super::fmt::quote(&self.name);
        let Some(at) = self.at else {
            return Flow::Err(format!("template: {}: {}", self.name, msg));
        };
        let (pos, ctx) = match at {
            At::Arg(a) => (a.pos(), a.to_string()),
            At::Pipe(p) => (p.pos, p.to_string()),
            At::Cmd(c) => (c.pos, c.to_string()),
            At::Node(n, pos) => (pos, n.to_string()),
        };
        let pos = pos.min(self.text.len());
        let before = &self.text[..pos];
        let col = match before.rfind('\n') {
            Some(i) => pos - (i + 1),
            None => pos,
        };
        let line = 1 + before.matches('\n').count();
        Flow::Err(format!(
            "template: main:{line}:{col}: executing {name} at <{ctx}>: {msg}"
        ))
    }
    fn err<T>(&self, msg: String) -> R<T> {
        Err(self.errorf(msg))
    }

    fn walk_list(&mut self, dot: &Value, list: &'t [Node]) -> R<()> {
        for n in list {
            self.walk(dot, n)?;
        }
        Ok(())
    }

    fn walk(&mut self, dot: &Value, node: &'t Node) -> R<()> {
        match node {
            Node::Text(t) => {
                self.out.push_str(t);
                Ok(())
            }
            Node::Action { pos, pipe } => {
                self.at = Some(At::Node(node, *pos));
                let v = self.eval_pipeline(dot, Some(pipe))?;
                if pipe.decl.is_empty() {
                    self.at = Some(At::Node(node, *pos));
                    let s = sprint_printable(&[v]);
                    self.out.push_str(&s);
                }
                Ok(())
            }
            Node::Break => Err(Flow::Break),
            Node::Continue => Err(Flow::Continue),
            Node::Branch {
                kind: BranchKind::Range,
                pos,
                pipe,
                list,
                else_list,
            } => {
                self.at = Some(At::Node(node, *pos));
                self.walk_range(dot, pipe, list, else_list.as_deref())
            }
            Node::Branch {
                kind,
                pipe,
                list,
                else_list,
                ..
            } => {
                let mark = self.vars.len();
                let val = self.eval_pipeline(dot, Some(pipe))?;
                let r = if val.truth() {
                    if *kind == BranchKind::With {
                        self.walk_list(&val, list)
                    } else {
                        self.walk_list(dot, list)
                    }
                } else if let Some(e) = else_list {
                    self.walk_list(dot, e)
                } else {
                    Ok(())
                };
                self.vars.truncate(mark);
                r
            }
            Node::Template { pos, name, pipe } => {
                self.at = Some(At::Node(node, *pos));
                let Some(tree) = self.set.trees.get(name) else {
                    return self.err(format!("template {} not defined", super::fmt::quote(name)));
                };
                if self.depth == MAX_EXEC_DEPTH {
                    return self.err(format!(
                        "exceeded maximum template depth ({MAX_EXEC_DEPTH})"
                    ));
                }
                let newdot = self.eval_pipeline(dot, pipe.as_ref())?;
                let saved_vars =
                    std::mem::replace(&mut self.vars, vec![("$".into(), newdot.clone())]);
                let saved_name = std::mem::replace(&mut self.name, name.clone());
                self.depth += 1;
                let r = self.walk_list(&newdot, tree);
                self.depth -= 1;
                self.vars = saved_vars;
                self.name = saved_name;
                r
            }
        }
    }

    fn walk_range(
        &mut self,
        dot: &Value,
        pipe: &'t Pipe,
        list: &'t [Node],
        else_list: Option<&'t [Node]>,
    ) -> R<()> {
        let mark0 = self.vars.len();
        let val = self.eval_pipeline(dot, Some(pipe))?;
        let mark = self.vars.len();
        let mut items: Vec<(Value, Value)> = Vec::new();
        match &val {
            Value::Int(n) => {
                if pipe.decl.len() > 1 {
                    return self.err(format!(
                        "can't use {} to iterate over more than one variable",
                        sprint(std::slice::from_ref(&val))
                    ));
                }
                for i in 0..(*n).max(0) {
                    items.push((Value::Invalid, Value::Int(i)));
                }
            }
            Value::Uint8(n) => {
                if pipe.decl.len() > 1 {
                    return self.err(format!(
                        "can't use {n} to iterate over more than one variable"
                    ));
                }
                for i in 0..*n {
                    items.push((Value::Invalid, Value::Uint8(i)));
                }
            }
            Value::Strings(s) => {
                for (i, x) in s.iter().flat_map(|s| s.iter()).enumerate() {
                    items.push((Value::Int(i as i64), Value::Str(x.as_str().into())));
                }
            }
            Value::Invalid | Value::Missing => {}
            v => {
                let shown = if v.kind() == Kind::Pointer && !v.is_nil_ptr() {
                    sprint_deref(v)
                } else {
                    sprint(std::slice::from_ref(v))
                };
                let shown = match v {
                    Value::Module(Some(_)) | Value::Time(Some(_)) if false => shown,
                    _ => shown,
                };
                return self.err(format!("range can't iterate over {shown}"));
            }
        }
        let mut result = Ok(());
        if items.is_empty() {
            if let Some(e) = else_list {
                result = self.walk_list(dot, e);
            }
        } else {
            for (index, elem) in items {
                let n = pipe.decl.len();
                if n > 0 {
                    if pipe.is_assign {
                        let v = if n > 1 { index.clone() } else { elem.clone() };
                        self.set_var(&pipe.decl[0].1, v)?;
                    } else if let Some(top) = self.vars.last_mut() {
                        top.1 = elem.clone();
                    }
                }
                if n > 1 {
                    if pipe.is_assign {
                        self.set_var(&pipe.decl[1].1, elem.clone())?;
                    } else {
                        let l = self.vars.len();
                        self.vars[l - 2].1 = index.clone();
                    }
                }
                let r = self.walk_list(&elem, list);
                self.vars.truncate(mark);
                match r {
                    Ok(()) | Err(Flow::Continue) => {}
                    Err(Flow::Break) => break,
                    Err(e) => {
                        result = Err(e);
                        break;
                    }
                }
            }
        }
        self.vars.truncate(mark0);
        result
    }

    fn set_var(&mut self, name: &str, v: Value) -> R<()> {
        match self.vars.iter_mut().rev().find(|(n, _)| n == name) {
            Some(slot) => {
                slot.1 = v;
                Ok(())
            }
            None => self.err(format!("undefined variable: {name}")),
        }
    }

    fn var_value(&self, name: &str) -> R<Value> {
        match self.vars.iter().rev().find(|(n, _)| n == name) {
            Some((_, v)) => Ok(v.clone()),
            None => self.err(format!("undefined variable: {name}")),
        }
    }

    fn eval_pipeline(&mut self, dot: &Value, pipe: Option<&'t Pipe>) -> R<Value> {
        let Some(pipe) = pipe else {
            return Ok(Value::Invalid);
        };
        self.at = Some(At::Pipe(pipe));
        let mut value = Value::Missing;
        for cmd in &pipe.cmds {
            value = self.eval_command(dot, cmd, value)?;
        }
        for (_, name) in &pipe.decl {
            if pipe.is_assign {
                self.set_var(name, value.clone())?;
            } else {
                self.vars.push((name.clone(), value.clone()));
            }
        }
        Ok(value)
    }

    fn not_a_function(&self, args: &[Arg], final_: &Value) -> R<()> {
        if args.len() > 1 || !matches!(final_, Value::Missing) {
            return self.err(format!("can't give argument to non-function {}", args[0]));
        }
        Ok(())
    }

    fn eval_command(&mut self, dot: &Value, cmd: &'t Command, final_: Value) -> R<Value> {
        let first = &cmd.args[0];
        match first {
            Arg::Field { idents, .. } => {
                self.at = Some(At::Arg(first));
                return self.eval_field_chain(dot, dot.clone(), first, idents, &cmd.args, final_);
            }
            Arg::Chain { .. } => return self.eval_chain_node(dot, first, &cmd.args, final_),
            Arg::Identifier { name, .. } => {
                self.at = Some(At::Arg(first));
                return self.eval_function(dot, name, At::Cmd(cmd), &cmd.args, final_);
            }
            Arg::Pipe(p) => {
                self.not_a_function(&cmd.args, &final_)?;
                return self.eval_pipeline(dot, Some(p));
            }
            Arg::Variable { .. } => return self.eval_variable_node(dot, first, &cmd.args, final_),
            _ => {}
        }
        self.at = Some(At::Arg(first));
        self.not_a_function(&cmd.args, &final_)?;
        match first {
            Arg::Bool { val, .. } => Ok(Value::Bool(*val)),
            Arg::Dot { .. } => Ok(dot.clone()),
            Arg::Nil { .. } => self.err("nil is not a command".into()),
            Arg::Number { num, .. } => self.ideal_constant(first, num),
            Arg::Str { text, .. } => Ok(Value::Str(text.as_str().into())),
            _ => self.err(format!(
                "can't evaluate command {}",
                super::fmt::quote(&first.to_string())
            )),
        }
    }

    fn ideal_constant(&mut self, node: &'t Arg, n: &Number) -> R<Value> {
        self.at = Some(At::Arg(node));
        let is_hex = n.text.len() > 2
            && n.text.starts_with('0')
            && matches!(n.text.as_bytes()[1], b'x' | b'X')
            && !n.text.contains(['p', 'P']);
        let is_rune = n.text.starts_with('\'');
        if let Some((re, im)) = n.complex {
            return Ok(Value::Complex(re, im));
        }
        if n.is_float && !is_hex && !is_rune && n.text.contains(['.', 'e', 'E', 'p', 'P']) {
            return Ok(Value::Float(n.float));
        }
        if n.is_int {
            return Ok(Value::Int(n.int));
        }
        if n.is_uint {
            return self.err(format!("{} overflows int", n.text));
        }
        Ok(Value::Invalid)
    }

    fn eval_variable_node(
        &mut self,
        dot: &Value,
        node: &'t Arg,
        args: &'t [Arg],
        final_: Value,
    ) -> R<Value> {
        self.at = Some(At::Arg(node));
        let Arg::Variable { idents, .. } = node else {
            return Ok(Value::Invalid);
        };
        let value = self.var_value(&idents[0])?;
        if idents.len() == 1 {
            self.not_a_function(args, &final_)?;
            return Ok(value);
        }
        self.eval_field_chain(dot, value, node, &idents[1..], args, final_)
    }

    fn eval_chain_node(
        &mut self,
        dot: &Value,
        node: &'t Arg,
        args: &'t [Arg],
        final_: Value,
    ) -> R<Value> {
        self.at = Some(At::Arg(node));
        let Arg::Chain {
            node: inner,
            fields,
            ..
        } = node
        else {
            return Ok(Value::Invalid);
        };
        if let Arg::Nil { .. } = inner.as_ref() {
            return self.err(format!("indirection through explicit nil in {node}"));
        }
        let pipe = self.eval_arg(dot, Ty::Value, inner)?;
        self.eval_field_chain(dot, pipe, node, fields, args, final_)
    }

    fn eval_field_chain(
        &mut self,
        dot: &Value,
        mut receiver: Value,
        node: &'t Arg,
        idents: &[String],
        args: &'t [Arg],
        final_: Value,
    ) -> R<Value> {
        let n = idents.len();
        for id in &idents[..n - 1] {
            receiver = self.eval_field(dot, id, node, &[], Value::Missing, receiver)?;
        }
        self.eval_field(dot, &idents[n - 1], node, args, final_, receiver)
    }

    fn eval_field(
        &mut self,
        _dot: &Value,
        name: &str,
        node: &'t Arg,
        args: &'t [Arg],
        final_: Value,
        receiver: Value,
    ) -> R<Value> {
        if matches!(receiver, Value::Invalid | Value::Missing) {
            return Ok(Value::Invalid);
        }
        let typ = receiver.type_name();
        let nargs = args.len().saturating_sub(1) + usize::from(!matches!(final_, Value::Missing));
        // Methods: (*ModulePublic).String and time.Time's value methods.
        if let Some(v) = self.call_method(&receiver, name, node, args, nargs)? {
            return Ok(v);
        }
        let has_args = nargs > 0;
        if receiver.kind() == Kind::Pointer {
            if !receiver.is_nil_ptr() {
                if matches!(receiver, Value::Time(_)) && pointer_struct_has_field(&receiver, name) {
                    return self.err(format!(
                        "{name} is an unexported field of struct type {typ}"
                    ));
                }
                if let Some(v) = field(&receiver, name) {
                    if has_args {
                        return self.err(format!(
                            "{name} has arguments but cannot be invoked as function"
                        ));
                    }
                    return Ok(v);
                }
            } else if pointer_struct_has_field(&receiver, name) {
                return self.err(format!("nil pointer evaluating {typ}.{name}"));
            }
        }
        self.err(format!("can't evaluate field {name} in type {typ}"))
    }

    /// Calls a method when `receiver` has one called `name`.
    fn call_method(
        &mut self,
        receiver: &Value,
        name: &str,
        node: &'t Arg,
        args: &'t [Arg],
        nargs: usize,
    ) -> R<Option<Value>> {
        const TIME_METHODS: &[&str] = &[
            "Add",
            "AddDate",
            "After",
            "AppendBinary",
            "AppendFormat",
            "AppendText",
            "Before",
            "Clock",
            "Compare",
            "Date",
            "Day",
            "Equal",
            "Format",
            "GoString",
            "GobEncode",
            "Hour",
            "ISOWeek",
            "In",
            "IsDST",
            "IsZero",
            "Local",
            "Location",
            "MarshalBinary",
            "MarshalJSON",
            "MarshalText",
            "Minute",
            "Month",
            "Nanosecond",
            "Round",
            "Second",
            "String",
            "Sub",
            "Truncate",
            "UTC",
            "Unix",
            "UnixMicro",
            "UnixMilli",
            "UnixNano",
            "Weekday",
            "Year",
            "YearDay",
            "Zone",
            "ZoneBounds",
        ];
        let want = match (receiver, name) {
            (Value::Module(_), "String") => 0,
            (Value::Time(_), "Format") => 1,
            (Value::Time(_), m) if TIME_METHODS.contains(&m) => 0,
            _ => return Ok(None),
        };
        // Arity is checked for the methods gomvs implements; the others end
        // in "unsupported" below.
        let implemented = !matches!(receiver, Value::Time(_))
            || matches!(
                name,
                "Format"
                    | "String"
                    | "Unix"
                    | "UnixMilli"
                    | "Year"
                    | "Day"
                    | "Hour"
                    | "Minute"
                    | "Second"
                    | "YearDay"
                    | "IsZero"
                    | "Nanosecond"
            );
        if nargs != want && implemented {
            return self.err(format!(
                "wrong number of args for {name}: want {want} got {nargs}"
            ));
        }
        match receiver {
            Value::Module(Some(m)) => Ok(Some(Value::Str(module_text(m).into()))),
            Value::Module(None) => {
                self.at = Some(At::Arg(node));
                self.err(format!("error calling {name}: runtime error: invalid memory address or nil pointer dereference"))
            }
            Value::Time(None) => {
                self.at = Some(At::Arg(node));
                self.err(format!("error calling {name}: value method time.Time.{name} called using nil *Time pointer"))
            }
            Value::Time(Some(t)) => {
                let Some(c) = super::value::parse_time(t) else {
                    return Err(Flow::Raw(format!(
                        "gomvs: unsupported: time {t} in a template"
                    )));
                };
                let int = |x: i64| Ok(Some(Value::Int(x)));
                match name {
                    "String" => Ok(Some(Value::Str(super::value::time_string(t).into()))),
                    "Format" => {
                        // The layout: the one argument or the piped value.
                        let layout = match args.get(1) {
                            Some(a) => self.eval_arg(&Value::Invalid, Ty::Str, a)?,
                            None => Value::Invalid,
                        };
                        match layout {
                            Value::Str(l) => {
                                Ok(Some(Value::Str(super::value::format_time(&c, &l).into())))
                            }
                            _ => Err(Flow::Raw(
                                "gomvs: unsupported: piped layout for Time.Format".into(),
                            )),
                        }
                    }
                    "Unix" => int(c.unix()),
                    "UnixMilli" => int(c.unix() * 1000 + (c.nanos / 1_000_000) as i64),
                    "Year" => int(c.year),
                    "Day" => int(c.day as i64),
                    "Hour" => int(c.hour as i64),
                    "Minute" => int(c.min as i64),
                    "Second" => int(c.sec as i64),
                    "Nanosecond" => int(c.nanos as i64),
                    "YearDay" => int(c.yday()),
                    "IsZero" => Ok(Some(Value::Bool(false))),
                    _ => Err(Flow::Raw(format!(
                        "gomvs: unsupported: time.Time method {name} in a template"
                    ))),
                }
            }
            _ => Ok(None),
        }
    }

    fn eval_arg(&mut self, dot: &Value, ty: Ty, n: &'t Arg) -> R<Value> {
        self.at = Some(At::Arg(n));
        let v = match n {
            Arg::Dot { .. } => dot.clone(),
            Arg::Nil { .. } => {
                return match ty {
                    Ty::Str => self.err("cannot assign nil to string".into()),
                    Ty::Strings => Ok(Value::Strings(None)),
                    _ => Ok(Value::Invalid),
                }
            }
            Arg::Field { idents, .. } => self.eval_field_chain(
                dot,
                dot.clone(),
                n,
                idents,
                std::slice::from_ref(n),
                Value::Missing,
            )?,
            Arg::Variable { .. } => self.eval_variable_node(dot, n, &[], Value::Missing)?,
            Arg::Pipe(p) => self.eval_pipeline(dot, Some(p))?,
            Arg::Identifier { name, .. } => {
                self.eval_function(dot, name, At::Arg(n), &[], Value::Missing)?
            }
            Arg::Chain { .. } => self.eval_chain_node(dot, n, &[], Value::Missing)?,
            Arg::Bool { val, .. } => {
                return match ty {
                    Ty::Value | Ty::Any => Ok(Value::Bool(*val)),
                    Ty::Str => self.err(format!("expected string; found {n}")),
                    Ty::Strings => self.err(format!("can't handle {n} for arg of type []string")),
                }
            }
            Arg::Number { num, .. } => {
                return match ty {
                    Ty::Value | Ty::Any => self.ideal_constant(n, num),
                    Ty::Str => self.err(format!("expected string; found {n}")),
                    Ty::Strings => self.err(format!("can't handle {n} for arg of type []string")),
                }
            }
            Arg::Str { text, .. } => {
                return match ty {
                    Ty::Strings => self.err(format!("can't handle {n} for arg of type []string")),
                    _ => Ok(Value::Str(text.as_str().into())),
                }
            }
        };
        self.validate(v, ty)
    }

    fn validate(&self, v: Value, ty: Ty) -> R<Value> {
        match (ty, &v) {
            (Ty::Value | Ty::Any, _) => Ok(v),
            (Ty::Str, Value::Invalid | Value::Missing) => {
                self.err("invalid value; expected string".into())
            }
            (Ty::Strings, Value::Invalid | Value::Missing) => Ok(Value::Strings(None)),
            (Ty::Str, Value::Str(_)) | (Ty::Strings, Value::Strings(_)) => Ok(v),
            (Ty::Str, _) => self.err(format!(
                "wrong type for value; expected string; got {}",
                v.type_name()
            )),
            (Ty::Strings, _) => self.err(format!(
                "wrong type for value; expected []string; got {}",
                v.type_name()
            )),
        }
    }

    fn eval_function(
        &mut self,
        dot: &Value,
        name: &str,
        node: At<'t>,
        args: &'t [Arg],
        final_: Value,
    ) -> R<Value> {
        let args: &'t [Arg] = if args.is_empty() { args } else { &args[1..] };
        let has_final = !matches!(final_, Value::Missing);
        let num_in = args.len() + usize::from(has_final);
        // (fixed params, variadic, fixed types, variadic type)
        let (fixed, variadic): (&[Ty], Option<Ty>) = match name {
            "and" | "or" | "call" | "index" | "slice" | "eq" => (&[Ty::Value], Some(Ty::Value)),
            "len" | "not" => (&[Ty::Value], None),
            "ne" | "lt" | "le" | "gt" | "ge" => (&[Ty::Value, Ty::Value], None),
            "html" | "js" | "urlquery" | "print" | "println" => (&[], Some(Ty::Any)),
            "printf" => (&[Ty::Str], Some(Ty::Any)),
            "join" => (&[Ty::Strings, Ty::Str], None),
            "context" => (&[], None),
            "module" => (&[Ty::Str], None),
            _ => {
                return self.err(format!(
                    "{} is not a defined function",
                    super::fmt::quote(name)
                ))
            }
        };
        if variadic.is_some() {
            if num_in < fixed.len() {
                return self.err(format!(
                    "wrong number of args for {name}: want at least {} got {}",
                    fixed.len(),
                    args.len()
                ));
            }
        } else if num_in != fixed.len() {
            return self.err(format!(
                "wrong number of args for {name}: want {} got {}",
                fixed.len(),
                num_in
            ));
        }
        if name == "and" || name == "or" {
            let mut v = Value::Invalid;
            for a in args {
                v = self.eval_arg(dot, Ty::Value, a)?;
                if v.truth() == (name == "or") {
                    return Ok(v);
                }
            }
            if has_final {
                v = final_;
            }
            return Ok(v);
        }
        let mut argv = Vec::with_capacity(num_in);
        for (i, a) in args.iter().enumerate() {
            let ty = fixed.get(i).copied().or(variadic).unwrap_or(Ty::Any);
            argv.push(self.eval_arg(dot, ty, a)?);
        }
        if has_final {
            let ty = fixed
                .get(num_in - 1)
                .copied()
                .or(variadic)
                .unwrap_or(Ty::Any);
            argv.push(self.validate(final_.clone(), ty)?);
        }
        let result = self.call_builtin(name, &argv, args, &final_);
        match result {
            Ok(v) => Ok(v),
            Err(e) => {
                if let Some(raw) = e.strip_prefix('\u{0}') {
                    return Err(Flow::Raw(raw.to_string()));
                }
                self.at = Some(node);
                self.err(format!("error calling {name}: {e}"))
            }
        }
    }

    fn call_builtin(
        &mut self,
        name: &str,
        a: &[Value],
        args: &[Arg],
        final_: &Value,
    ) -> Result<Value, String> {
        let s = |x: String| Ok(Value::Str(x.into()));
        match name {
            "print" => s(sprint(a)),
            "println" => s(sprintln(a)),
            "printf" => {
                let f = match &a[0] {
                    Value::Str(f) => f.to_string(),
                    _ => String::new(),
                };
                s(sprintf(&f, &a[1..]))
            }
            "html" => s(html_escape(&eval_args_string(a))),
            "js" => s(js_escape(&eval_args_string(a))),
            "urlquery" => s(url_query_escape(&eval_args_string(a))),
            "not" => Ok(Value::Bool(!a[0].truth())),
            "len" => match &a[0] {
                v if v.is_nil_ptr() => Err("len of nil pointer".into()),
                Value::Str(x) => Ok(Value::Int(x.len() as i64)),
                Value::Strings(x) => Ok(Value::Int(x.as_ref().map_or(0, |x| x.len()) as i64)),
                Value::Invalid | Value::Missing => {
                    Err("reflect: call of reflect.Value.Type on zero Value".into())
                }
                v => Err(format!("len of type {}", deref_type(v))),
            },
            "index" => {
                let mut item = a[0].clone();
                if matches!(item, Value::Invalid) {
                    return Err("index of untyped nil".into());
                }
                for idx in &a[1..] {
                    if item.is_nil_ptr() {
                        return Err("index of nil pointer".into());
                    }
                    item = match &item {
                        Value::Strings(v) => {
                            let v = v.clone().unwrap_or_else(|| Rc::from(Vec::new()));
                            let x = index_arg(idx, v.len())?;
                            if x >= v.len() {
                                return Err("reflect: slice index out of range".into());
                            }
                            Value::Str(v[x].as_str().into())
                        }
                        Value::Str(v) => {
                            let x = index_arg(idx, v.len())?;
                            if x >= v.len() {
                                return Err("reflect: string index out of range".into());
                            }
                            Value::Uint8(v.as_bytes()[x])
                        }
                        v => return Err(format!("can't index item of type {}", deref_type(v))),
                    };
                }
                Ok(item)
            }
            "slice" => {
                let item = a[0].clone();
                if matches!(item, Value::Invalid) {
                    return Err("slice of untyped nil".into());
                }
                if item.is_nil_ptr() {
                    return Err("slice of nil pointer".into());
                }
                let idxs = &a[1..];
                if idxs.len() > 3 {
                    return Err(format!("too many slice indexes: {}", idxs.len()));
                }
                let len = match &item {
                    Value::Str(x) => {
                        if idxs.len() == 3 {
                            return Err("cannot 3-index slice a string".into());
                        }
                        x.len()
                    }
                    Value::Strings(x) => x.as_ref().map_or(0, |x| x.len()),
                    v => return Err(format!("can't slice item of type {}", deref_type(v))),
                };
                let mut idx = [0usize, len, 0];
                for (i, v) in idxs.iter().enumerate() {
                    idx[i] = index_arg(v, len)?;
                }
                if idx[0] > idx[1] {
                    return Err(format!("invalid slice index: {} > {}", idx[0], idx[1]));
                }
                if idxs.len() == 3 && idx[1] > idx[2] {
                    return Err(format!("invalid slice index: {} > {}", idx[1], idx[2]));
                }
                match &item {
                    Value::Str(x) => Ok(Value::Str(
                        String::from_utf8_lossy(&x.as_bytes()[idx[0]..idx[1]]).into(),
                    )),
                    Value::Strings(x) => {
                        let v: Vec<String> = x
                            .as_ref()
                            .map(|x| x[idx[0]..idx[1]].to_vec())
                            .unwrap_or_default();
                        Ok(Value::Strings(Some(v.into())))
                    }
                    _ => Ok(Value::Invalid),
                }
            }
            "eq" => {
                if a.len() < 2 {
                    return Err("missing argument for comparison".into());
                }
                for b in &a[1..] {
                    if eq(&a[0], b)? {
                        return Ok(Value::Bool(true));
                    }
                }
                Ok(Value::Bool(false))
            }
            "ne" => Ok(Value::Bool(!eq(&a[0], &a[1])?)),
            "lt" => Ok(Value::Bool(lt(&a[0], &a[1])?)),
            "le" => Ok(Value::Bool(lt(&a[0], &a[1])? || eq(&a[0], &a[1])?)),
            "gt" => Ok(Value::Bool(!(lt(&a[0], &a[1])? || eq(&a[0], &a[1])?))),
            "ge" => Ok(Value::Bool(!lt(&a[0], &a[1])?)),
            "join" => {
                let sep = match &a[1] {
                    Value::Str(x) => x.to_string(),
                    _ => String::new(),
                };
                match &a[0] {
                    Value::Strings(Some(v)) => s(v.join(&sep)),
                    _ => s(String::new()),
                }
            }
            "context" => Ok(Value::Context(Rc::new(self.host.context.clone()))),
            "module" => {
                let p = match &a[0] {
                    Value::Str(x) => x.to_string(),
                    _ => String::new(),
                };
                match (self.host.module)(&p) {
                    Ok(m) => Ok(Value::Module(Some(Rc::new(m)))),
                    Err(e) => Err(format!("\u{0}{e}")),
                }
            }
            "call" => {
                let callee = match args.first() {
                    Some(a) => a.to_string(),
                    None => match final_ {
                        Value::Str(x) => x.to_string(),
                        v => format!("<{} Value>", v.type_name()),
                    },
                };
                match &a[0] {
                    Value::Invalid => Err("call of nil".into()),
                    v => Err(format!("non-function {callee} of type {}", v.type_name())),
                }
            }
            _ => Err(format!("unknown function {name}")),
        }
    }
}

fn deref_type(v: &Value) -> String {
    match v {
        Value::Module(Some(_)) => "modinfo.ModulePublic".into(),
        Value::ModErr(Some(_)) => "modinfo.ModuleError".into(),
        Value::Origin(Some(_)) => "codehost.Origin".into(),
        Value::Time(Some(_)) => "time.Time".into(),
        Value::Context(_) => "list.Context".into(),
        v => v.type_name(),
    }
}

fn index_arg(v: &Value, cap: usize) -> Result<usize, String> {
    let x = match v {
        Value::Int(i) => *i,
        Value::Uint8(u) => *u as i64,
        Value::Invalid => return Err("cannot index slice/array with nil".into()),
        v => {
            return Err(format!(
                "cannot index slice/array with type {}",
                v.type_name()
            ))
        }
    };
    if x < 0 || x as u64 > cap as u64 {
        return Err(format!("index out of range: {x}"));
    }
    Ok(x as usize)
}

#[derive(PartialEq, Eq, Clone, Copy)]
enum BKind {
    Invalid,
    Complex,
    Bool,
    Int,
    Uint,
    Float,
    Str,
}

fn basic_kind(v: &Value) -> BKind {
    match v {
        Value::Bool(_) => BKind::Bool,
        Value::Int(_) => BKind::Int,
        Value::Uint8(_) => BKind::Uint,
        Value::Float(_) => BKind::Float,
        Value::Complex(..) => BKind::Complex,
        Value::Str(_) => BKind::Str,
        _ => BKind::Invalid,
    }
}

fn int_of(v: &Value) -> i64 {
    match v {
        Value::Int(i) => *i,
        Value::Uint8(u) => *u as i64,
        _ => 0,
    }
}

fn valid(v: &Value) -> bool {
    !matches!(v, Value::Invalid | Value::Missing)
}

fn eq(a: &Value, b: &Value) -> Result<bool, String> {
    let (k1, k2) = (basic_kind(a), basic_kind(b));
    if k1 != k2 {
        return match (k1, k2) {
            (BKind::Int, BKind::Uint) | (BKind::Uint, BKind::Int) => Ok(int_of(a) == int_of(b)),
            _ if valid(a) && valid(b) => Err(format!(
                "incompatible types for comparison: {} and {}",
                a.type_name(),
                b.type_name()
            )),
            _ => Ok(false),
        };
    }
    Ok(match (a, b) {
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Float(x), Value::Float(y)) => x == y,
        (Value::Complex(a, b), Value::Complex(c, d)) => a == c && b == d,
        (Value::Str(x), Value::Str(y)) => x == y,
        (Value::Int(_) | Value::Uint8(_), _) => int_of(a) == int_of(b),
        _ => {
            // Non-basic kinds: pointers, slices, invalid.
            if valid(a) && valid(b) && a.kind() != b.kind() {
                return Err(format!(
                    "non-comparable types {}: {}, {}: {}",
                    sprint(std::slice::from_ref(a)),
                    a.type_name(),
                    b.type_name(),
                    sprint(std::slice::from_ref(b))
                ));
            }
            let nil = |v: &Value| !valid(v) || v.is_nil_ptr() || matches!(v, Value::Strings(None));
            if nil(a) || nil(b) {
                nil(a) == nil(b)
            } else if let Value::Strings(_) = b {
                return Err(format!(
                    "non-comparable type {}: {}",
                    sprint(std::slice::from_ref(b)),
                    b.type_name()
                ));
            } else {
                match (a, b) {
                    (Value::Module(Some(x)), Value::Module(Some(y))) => Rc::ptr_eq(x, y),
                    _ => false,
                }
            }
        }
    })
}

fn lt(a: &Value, b: &Value) -> Result<bool, String> {
    let bad = || "invalid type for comparison".to_string();
    let (k1, k2) = (basic_kind(a), basic_kind(b));
    if k1 == BKind::Invalid || k2 == BKind::Invalid {
        return Err(bad());
    }
    if k1 != k2 {
        return match (k1, k2) {
            (BKind::Int, BKind::Uint) | (BKind::Uint, BKind::Int) => Ok(int_of(a) < int_of(b)),
            _ => Err(format!(
                "incompatible types for comparison: {} and {}",
                a.type_name(),
                b.type_name()
            )),
        };
    }
    match (a, b) {
        (Value::Bool(_) | Value::Complex(..), _) => Err(bad()),
        (Value::Float(x), Value::Float(y)) => Ok(x < y),
        (Value::Str(x), Value::Str(y)) => Ok(x.as_bytes() < y.as_bytes()),
        _ => Ok(int_of(a) < int_of(b)),
    }
}

/// Executes template "main" of `set` on `dot`: the output written, and
/// Go's error message when execution failed part way.
pub fn execute(set: &TreeSet, text: &str, dot: Value, host: &Host<'_>) -> (String, Option<String>) {
    let Some(root) = set.trees.get("main") else {
        return (
            String::new(),
            Some("template: main: \"main\" is an incomplete or empty template".into()),
        );
    };
    let mut st = State {
        set,
        text,
        name: "main".into(),
        vars: vec![("$".into(), dot.clone())],
        depth: 0,
        at: None,
        out: String::new(),
        host,
    };
    match st.walk_list(&dot, root) {
        Err(Flow::Err(e) | Flow::Raw(e)) => (st.out, Some(e)),
        _ => (st.out, None),
    }
}
