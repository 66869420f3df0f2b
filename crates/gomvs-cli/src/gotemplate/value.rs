//! Template values: Go's reflect view of `*modinfo.ModulePublic` and of the
//! constants and function results a template works with.

use gomvs_graph::listing::ModuleInfo;
use std::rc::Rc;

/// The build context `context` returns (go list's `Context`).
#[derive(Debug, Clone, Default)]
pub struct BuildContext {
    pub goarch: String,
    pub goos: String,
    pub goroot: String,
    pub gopath: String,
    pub cgo_enabled: bool,
    pub compiler: String,
    pub build_tags: Vec<String>,
    pub tool_tags: Vec<String>,
    pub release_tags: Vec<String>,
}

/// A value (Go's `reflect.Value` restricted to the types in play).
#[derive(Debug, Clone)]
pub enum Value {
    /// The invalid reflect.Value (untyped nil, `<no value>`).
    Invalid,
    /// text/template's missingVal (no piped value).
    Missing,
    Bool(bool),
    Int(i64),
    Uint8(u8),
    Float(f64),
    Str(Rc<str>),
    /// `[]string`; `None` is a nil slice.
    Strings(Option<Rc<[String]>>),
    /// `*modinfo.ModulePublic`.
    Module(Option<Rc<ModuleInfo>>),
    /// `*time.Time`, as the RFC 3339 text go's JSON holds.
    Time(Option<Rc<str>>),
    /// `*modinfo.ModuleError`.
    ModErr(Option<Rc<str>>),
    /// `(*codehost.Origin)(nil)`.
    Origin,
    /// `*list.Context`.
    Context(Rc<BuildContext>),
}

fn strs(v: &[String]) -> Value {
    if v.is_empty() {
        Value::Strings(None)
    } else {
        Value::Strings(Some(v.to_vec().into()))
    }
}

/// Go's reflect kinds, as far as text/template distinguishes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Invalid,
    Bool,
    Int,
    Uint,
    Float,
    String,
    Slice,
    Pointer,
}

impl Value {
    /// reflect.Type.String().
    pub fn type_name(&self) -> String {
        match self {
            Value::Invalid | Value::Missing => "<nil>",
            Value::Bool(_) => "bool",
            Value::Int(_) => "int",
            Value::Uint8(_) => "uint8",
            Value::Float(_) => "float64",
            Value::Str(_) => "string",
            Value::Strings(_) => "[]string",
            Value::Module(_) => "*modinfo.ModulePublic",
            Value::Time(_) => "*time.Time",
            Value::ModErr(_) => "*modinfo.ModuleError",
            Value::Origin => "*codehost.Origin",
            Value::Context(_) => "*list.Context",
        }
        .to_string()
    }

    /// The reflect kind.
    pub fn kind(&self) -> Kind {
        match self {
            Value::Invalid | Value::Missing => Kind::Invalid,
            Value::Bool(_) => Kind::Bool,
            Value::Int(_) => Kind::Int,
            Value::Uint8(_) => Kind::Uint,
            Value::Float(_) => Kind::Float,
            Value::Str(_) => Kind::String,
            Value::Strings(_) => Kind::Slice,
            _ => Kind::Pointer,
        }
    }

    /// Whether a pointer value is nil.
    pub fn is_nil_ptr(&self) -> bool {
        matches!(
            self,
            Value::Module(None) | Value::Time(None) | Value::ModErr(None) | Value::Origin
        )
    }

    /// text/template's isTrue.
    pub fn truth(&self) -> bool {
        match self {
            Value::Invalid | Value::Missing => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::Uint8(u) => *u != 0,
            Value::Float(f) => *f != 0.0,
            Value::Str(s) => !s.is_empty(),
            Value::Strings(s) => s.as_ref().is_some_and(|s| !s.is_empty()),
            v => !v.is_nil_ptr(),
        }
    }

    /// The type and fields of the struct a non-nil pointer points to.
    pub fn struct_fields(&self) -> (String, Vec<(&'static str, Value)>) {
        match self {
            Value::Module(Some(m)) => ("modinfo.ModulePublic".into(), module_fields(m)),
            Value::ModErr(Some(e)) => (
                "modinfo.ModuleError".into(),
                vec![("Err", Value::Str(e.clone()))],
            ),
            Value::Context(c) => (
                "list.Context".into(),
                vec![
                    ("GOARCH", Value::Str(c.goarch.as_str().into())),
                    ("GOOS", Value::Str(c.goos.as_str().into())),
                    ("GOROOT", Value::Str(c.goroot.as_str().into())),
                    ("GOPATH", Value::Str(c.gopath.as_str().into())),
                    ("CgoEnabled", Value::Bool(c.cgo_enabled)),
                    ("UseAllFiles", Value::Bool(false)),
                    ("Compiler", Value::Str(c.compiler.as_str().into())),
                    ("BuildTags", strs(&c.build_tags)),
                    ("ToolTags", strs(&c.tool_tags)),
                    ("ReleaseTags", strs(&c.release_tags)),
                    ("InstallSuffix", Value::Str("".into())),
                ],
            ),
            _ => (String::new(), Vec::new()),
        }
    }
}

fn module_fields(m: &ModuleInfo) -> Vec<(&'static str, Value)> {
    let s = |x: &str| Value::Str(x.into());
    let sub =
        |x: &Option<Box<ModuleInfo>>| Value::Module(x.as_ref().map(|b| Rc::new((**b).clone())));
    vec![
        ("Path", s(&m.path)),
        ("Version", s(&m.version)),
        ("Query", s(&m.query)),
        ("Versions", strs(&m.versions)),
        ("Replace", sub(&m.replace)),
        ("Time", Value::Time(m.time.as_deref().map(Rc::from))),
        ("Update", sub(&m.update)),
        ("Main", Value::Bool(m.main)),
        ("Indirect", Value::Bool(m.indirect)),
        ("Dir", s(&m.dir)),
        ("GoMod", s(&m.go_mod)),
        ("GoVersion", s(&m.go_version)),
        ("Retracted", strs(&m.retracted)),
        ("Deprecated", s(&m.deprecated)),
        (
            "Error",
            Value::ModErr(m.error.as_ref().map(|e| Rc::from(e.err.as_str()))),
        ),
        ("Sum", s(&m.sum)),
        ("GoModSum", s(&m.go_mod_sum)),
        ("Origin", Value::Origin),
        ("Reuse", Value::Bool(false)),
    ]
}

/// Names of the fields of a struct type behind a pointer type (for
/// "nil pointer evaluating" versus "can't evaluate field").
pub fn pointer_struct_has_field(v: &Value, name: &str) -> bool {
    const MODULE: &[&str] = &[
        "Path",
        "Version",
        "Query",
        "Versions",
        "Replace",
        "Time",
        "Update",
        "Main",
        "Indirect",
        "Dir",
        "GoMod",
        "GoVersion",
        "Retracted",
        "Deprecated",
        "Error",
        "Sum",
        "GoModSum",
        "Origin",
        "Reuse",
    ];
    const ORIGIN: &[&str] = &[
        "VCS",
        "URL",
        "Subdir",
        "Hash",
        "TagPrefix",
        "TagSum",
        "Ref",
        "RepoSum",
    ];
    match v {
        Value::Module(_) => MODULE.contains(&name),
        Value::ModErr(_) => name == "Err",
        Value::Origin => ORIGIN.contains(&name),
        // time.Time's fields are unexported: wall, ext, loc.
        Value::Time(_) => matches!(name, "wall" | "ext" | "loc"),
        _ => false,
    }
}

/// A field of the struct behind a non-nil pointer.
pub fn field(v: &Value, name: &str) -> Option<Value> {
    let (_, fields) = v.struct_fields();
    fields.into_iter().find(|(n, _)| *n == name).map(|(_, v)| v)
}

/// `time.Time.String()` of an RFC 3339 timestamp as go's JSON writes it:
/// `2006-01-02 15:04:05.999999999 -0700 MST` (UTC prints `+0000 UTC`).
pub fn time_string(t: &str) -> String {
    // YYYY-MM-DDTHH:MM:SS[.frac](Z|±hh:mm)
    let Some((date, rest)) = t.split_once('T') else {
        return t.to_string();
    };
    let (clock, zone) = match rest.find(['Z', '+', '-']) {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "Z"),
    };
    let (hms, frac) = match clock.split_once('.') {
        Some((a, f)) => (a, f.trim_end_matches('0')),
        None => (clock, ""),
    };
    let mut s = format!("{date} {hms}");
    if !frac.is_empty() {
        s.push('.');
        s.push_str(frac);
    }
    if zone == "Z" {
        s.push_str(" +0000 UTC");
    } else {
        let z = zone.replace(':', "");
        s.push(' ');
        s.push_str(&z);
        s.push(' ');
        s.push_str(&z);
    }
    s
}
