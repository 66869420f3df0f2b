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
    /// complex128.
    Complex(f64, f64),
    Str(Rc<str>),
    /// `[]string`; `None` is a nil slice.
    Strings(Option<Rc<[String]>>),
    /// `*modinfo.ModulePublic`.
    Module(Option<Rc<ModuleInfo>>),
    /// `*time.Time`, as the RFC 3339 text go's JSON holds.
    Time(Option<Rc<str>>),
    /// `*modinfo.ModuleError`.
    ModErr(Option<Rc<str>>),
    /// `*codehost.Origin`.
    Origin(Option<Rc<gomvs_graph::source::Origin>>),
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
    Complex,
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
            Value::Complex(..) => "complex128",
            Value::Str(_) => "string",
            Value::Strings(_) => "[]string",
            Value::Module(_) => "*modinfo.ModulePublic",
            Value::Time(_) => "*time.Time",
            Value::ModErr(_) => "*modinfo.ModuleError",
            Value::Origin(_) => "*codehost.Origin",
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
            Value::Complex(..) => Kind::Complex,
            Value::Str(_) => Kind::String,
            Value::Strings(_) => Kind::Slice,
            _ => Kind::Pointer,
        }
    }

    /// Whether a pointer value is nil.
    pub fn is_nil_ptr(&self) -> bool {
        matches!(
            self,
            Value::Module(None) | Value::Time(None) | Value::ModErr(None) | Value::Origin(None)
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
            Value::Complex(r, i) => *r != 0.0 || *i != 0.0,
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
            Value::Origin(Some(o)) => (
                "codehost.Origin".into(),
                o.fields()
                    .into_iter()
                    .map(|(n, v)| (n, Value::Str(v.into())))
                    .collect(),
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
        (
            "Origin",
            Value::Origin(m.origin.as_ref().map(|o| Rc::new(o.clone()))),
        ),
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
        Value::Origin(_) => ORIGIN.contains(&name),
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

/// A parsed RFC 3339 time: civil fields and the zone offset in seconds.
#[derive(Debug, Clone, Copy)]
pub struct Civil {
    pub year: i64,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub min: u32,
    pub sec: u32,
    pub nanos: u32,
    pub offset: i32,
    pub utc: bool,
}

/// Parses go's JSON time text (`2006-01-02T15:04:05.999999999Z07:00`).
pub fn parse_time(t: &str) -> Option<Civil> {
    let b = t.as_bytes();
    if b.len() < 20
        || b[4] != b'-'
        || b[7] != b'-'
        || b[10] != b'T'
        || b[13] != b':'
        || b[16] != b':'
    {
        return None;
    }
    let num = |r: std::ops::Range<usize>| t.get(r)?.parse::<u32>().ok();
    let mut i = 19;
    let mut nanos = 0u32;
    if b.get(i) == Some(&b'.') {
        let start = i + 1;
        i = start;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        let frac = &t[start..i];
        let padded = format!("{frac:0<9}");
        nanos = padded.get(..9)?.parse().ok()?;
    }
    let zone = &t[i..];
    let (offset, utc) = if zone == "Z" {
        (0, true)
    } else {
        let sign = if zone.starts_with('-') { -1 } else { 1 };
        let h: i32 = zone.get(1..3)?.parse().ok()?;
        let m: i32 = zone.get(4..6)?.parse().ok()?;
        (sign * (h * 3600 + m * 60), false)
    };
    Some(Civil {
        year: t.get(0..4)?.parse().ok()?,
        month: num(5..7)?,
        day: num(8..10)?,
        hour: num(11..13)?,
        min: num(14..16)?,
        sec: num(17..19)?,
        nanos,
        offset,
        utc,
    })
}

fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m as i64 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

impl Civil {
    /// Seconds since 1970-01-01 UTC.
    pub fn unix(&self) -> i64 {
        days_from_civil(self.year, self.month, self.day) * 86400
            + (self.hour * 3600 + self.min * 60 + self.sec) as i64
            - self.offset as i64
    }
    fn weekday(&self) -> usize {
        (days_from_civil(self.year, self.month, self.day) + 4).rem_euclid(7) as usize
    }
    /// Day of the year, 1-based.
    pub fn yday(&self) -> i64 {
        days_from_civil(self.year, self.month, self.day) - days_from_civil(self.year, 1, 1) + 1
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const DAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

/// time.Time.Format for the layout elements of Go's `nextStdChunk`.
pub fn format_time(c: &Civil, layout: &str) -> String {
    let mut out = String::new();
    let mut rest = layout;
    let zone_name = if c.utc {
        "UTC".to_string()
    } else {
        offset_text(c.offset, "", false)
    };
    let h12 = |h: u32| if h % 12 == 0 { 12 } else { h % 12 };
    while !rest.is_empty() {
        // Longest elements first, as nextStdChunk distinguishes them.
        let elems: &[(&str, &dyn Fn() -> String)] = &[
            ("January", &|| {
                MONTHS[(c.month - 1) as usize % 12].to_string()
            }),
            ("Jan", &|| {
                MONTHS[(c.month - 1) as usize % 12][..3].to_string()
            }),
            ("Monday", &|| DAYS[c.weekday()].to_string()),
            ("Mon", &|| DAYS[c.weekday()][..3].to_string()),
            ("MST", &|| zone_name.clone()),
            ("2006", &|| format!("{:04}", c.year)),
            ("2", &|| c.day.to_string()),
            ("_2", &|| format!("{:>2}", c.day)),
            ("002", &|| format!("{:03}", c.yday())),
            ("01", &|| format!("{:02}", c.month)),
            ("02", &|| format!("{:02}", c.day)),
            ("03", &|| format!("{:02}", h12(c.hour))),
            ("04", &|| format!("{:02}", c.min)),
            ("05", &|| format!("{:02}", c.sec)),
            ("06", &|| format!("{:02}", c.year.rem_euclid(100))),
            ("15", &|| format!("{:02}", c.hour)),
            ("1", &|| c.month.to_string()),
            ("3", &|| h12(c.hour).to_string()),
            ("4", &|| c.min.to_string()),
            ("5", &|| c.sec.to_string()),
            ("PM", &|| if c.hour >= 12 { "PM" } else { "AM" }.to_string()),
            ("pm", &|| if c.hour >= 12 { "pm" } else { "am" }.to_string()),
            ("Z07:00", &|| {
                if c.offset == 0 {
                    "Z".into()
                } else {
                    offset_text(c.offset, ":", false)
                }
            }),
            ("Z0700", &|| {
                if c.offset == 0 {
                    "Z".into()
                } else {
                    offset_text(c.offset, "", false)
                }
            }),
            ("Z07", &|| {
                if c.offset == 0 {
                    "Z".into()
                } else {
                    offset_text(c.offset, "", true)
                }
            }),
            ("-07:00", &|| offset_text(c.offset, ":", false)),
            ("-0700", &|| offset_text(c.offset, "", false)),
            ("-07", &|| offset_text(c.offset, "", true)),
        ];
        // Fractional seconds: .000 / ,000 / .999 after the point.
        if rest.starts_with(['.', ',']) && rest.len() > 1 {
            let digit = rest.as_bytes()[1];
            if digit == b'0' || digit == b'9' {
                let n = rest[1..].bytes().take_while(|&d| d == digit).count();
                let next = rest.as_bytes().get(1 + n);
                if !next.is_some_and(|d| d.is_ascii_digit()) {
                    let digits = format!("{:09}", c.nanos);
                    let mut frac = digits[..n.min(9)].to_string();
                    if digit == b'9' {
                        frac = frac.trim_end_matches('0').to_string();
                    }
                    if !frac.is_empty() {
                        out.push_str(&rest[..1]);
                        out.push_str(&frac);
                    }
                    rest = &rest[1 + n..];
                    continue;
                }
            }
        }
        let mut matched = false;
        // Go refuses "Jan"/"Mon" when a lower-case letter follows.
        for (e, f) in elems {
            if let Some(after) = rest.strip_prefix(e) {
                if (*e == "Mon" || *e == "Jan" || *e == "MST")
                    && after.starts_with(|ch: char| ch.is_ascii_lowercase())
                    && !(*e == "Mon" && after.starts_with("day"))
                    && !(*e == "Jan" && after.starts_with("uary"))
                {
                    continue;
                }
                if *e == "2" && rest.starts_with("2006") {
                    continue;
                }
                if (*e == "02" || *e == "01") && rest.starts_with("002") {
                    continue;
                }
                out.push_str(&f());
                rest = after;
                matched = true;
                break;
            }
        }
        if !matched {
            let ch = rest.chars().next().unwrap_or(' ');
            out.push(ch);
            rest = &rest[ch.len_utf8()..];
        }
    }
    out
}

fn offset_text(offset: i32, sep: &str, hours_only: bool) -> String {
    let sign = if offset < 0 { '-' } else { '+' };
    let a = offset.abs();
    if hours_only {
        return format!("{sign}{:02}", a / 3600);
    }
    format!("{sign}{:02}{sep}{:02}", a / 3600, (a % 3600) / 60)
}
