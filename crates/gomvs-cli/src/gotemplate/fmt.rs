//! Go's `fmt` (print.go, format.go) for the value types a `go list -m`
//! template can produce, and `strconv.Quote`.

use super::value::Value;

/// strconv.Quote.
pub fn quote(s: &str) -> String {
    quote_with(s, '"', false)
}

fn quote_with(s: &str, q: char, ascii_only: bool) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push(q);
    for c in s.chars() {
        push_escaped(&mut out, c, q, ascii_only);
    }
    out.push(q);
    out
}

fn push_escaped(out: &mut String, c: char, q: char, ascii_only: bool) {
    if c == q || c == '\\' {
        out.push('\\');
        out.push(c);
        return;
    }
    if ascii_only {
        if (c as u32) < 0x80 && is_print(c) {
            out.push(c);
            return;
        }
    } else if is_print(c) {
        out.push(c);
        return;
    }
    match c {
        '\x07' => out.push_str("\\a"),
        '\x08' => out.push_str("\\b"),
        '\x0c' => out.push_str("\\f"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        '\x0b' => out.push_str("\\v"),
        c if (c as u32) < 0x20 || c as u32 == 0x7f => out.push_str(&format!("\\x{:02x}", c as u32)),
        c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04x}", c as u32)),
        c => out.push_str(&format!("\\U{:08x}", c as u32)),
    }
}

/// An approximation of unicode.IsPrint: printable, not a control,
/// space other than U+0020, or unassigned code point.
fn is_print(c: char) -> bool {
    if c == ' ' {
        return true;
    }
    if c.is_control() || c.is_whitespace() {
        return false;
    }
    !matches!(c as u32, 0xad | 0x200b..=0x200f | 0x2028..=0x202e | 0x2060..=0x206f | 0xfeff | 0xfff9..=0xfffb | 0xe000..=0xf8ff | 0xf0000..=0x10ffff)
}

/// `%#U` of a rune: `U+0041 'A'`.
pub fn sharp_u(c: char) -> String {
    if is_print(c) {
        format!("U+{:04X} '{}'", c as u32, c)
    } else {
        format!("U+{:04X}", c as u32)
    }
}

#[derive(Default, Clone, Copy)]
struct Flags {
    plus: bool,
    minus: bool,
    sharp: bool,
    space: bool,
    zero: bool,
    plus_v: bool,
    sharp_v: bool,
    wid: Option<usize>,
    prec: Option<usize>,
}

/// One printer (Go's `pp`).
pub struct Printer {
    buf: String,
    f: Flags,
    erroring: bool,
}

fn rune_len(s: &str) -> usize {
    s.chars().count()
}

impl Printer {
    fn new() -> Self {
        Printer {
            buf: String::new(),
            f: Flags::default(),
            erroring: false,
        }
    }

    fn write_padding(&mut self, n: usize) {
        let b = if self.f.zero && !self.f.minus {
            '0'
        } else {
            ' '
        };
        for _ in 0..n {
            self.buf.push(b);
        }
    }
    fn pad(&mut self, s: &str) {
        let Some(w) = self.f.wid else {
            self.buf.push_str(s);
            return;
        };
        let n = w.saturating_sub(rune_len(s));
        if !self.f.minus {
            self.write_padding(n);
            self.buf.push_str(s);
        } else {
            self.buf.push_str(s);
            self.write_padding(n);
        }
    }
    fn truncate<'s>(&self, s: &'s str) -> &'s str {
        if let Some(p) = self.f.prec {
            if let Some((i, _)) = s.char_indices().nth(p) {
                return &s[..i];
            }
        }
        s
    }
    fn fmt_s(&mut self, s: &str) {
        let s = self.truncate(s).to_string();
        self.pad(&s);
    }
    fn fmt_q(&mut self, s: &str) {
        let s = self.truncate(s).to_string();
        if self.f.sharp
            && !s.contains(['`', '\u{FEFF}'])
            && s.chars().all(|c| c == '\t' || !(c.is_control()))
        {
            self.pad(&format!("`{s}`"));
            return;
        }
        let q = quote_with(&s, '"', self.f.plus);
        self.pad(&q);
    }
    fn fmt_sx(&mut self, s: &str, upper: bool) {
        let digits: &[u8] = if upper {
            b"0123456789ABCDEFX"
        } else {
            b"0123456789abcdefx"
        };
        let b = s.as_bytes();
        let mut length = b.len();
        if let Some(p) = self.f.prec {
            length = length.min(p);
        }
        let mut width = 2 * length;
        if width > 0 {
            if self.f.space {
                if self.f.sharp {
                    width *= 2;
                }
                width += length - 1;
            } else if self.f.sharp {
                width += 2;
            }
        } else {
            if let Some(w) = self.f.wid {
                self.write_padding(w);
            }
            return;
        }
        if let Some(w) = self.f.wid {
            if w > width && !self.f.minus {
                self.write_padding(w - width);
            }
        }
        let mut out = String::new();
        if self.f.sharp {
            out.push('0');
            out.push(digits[16] as char);
        }
        for (i, c) in b.iter().take(length).enumerate() {
            if self.f.space && i > 0 {
                out.push(' ');
                if self.f.sharp {
                    out.push('0');
                    out.push(digits[16] as char);
                }
            }
            out.push(digits[(c >> 4) as usize] as char);
            out.push(digits[(c & 0xf) as usize] as char);
        }
        self.buf.push_str(&out);
        if let Some(w) = self.f.wid {
            if w > width && self.f.minus {
                self.write_padding(w - width);
            }
        }
    }
    fn fmt_string(&mut self, s: &str, verb: char) {
        match verb {
            'v' if self.f.sharp_v => self.fmt_q(s),
            'v' | 's' => self.fmt_s(s),
            'x' => self.fmt_sx(s, false),
            'X' => self.fmt_sx(s, true),
            'q' => self.fmt_q(s),
            _ => self.bad_verb(verb, &Value::Str(s.into())),
        }
    }
    fn fmt_bool(&mut self, b: bool, verb: char, v: &Value) {
        match verb {
            't' | 'v' => self.pad(if b { "true" } else { "false" }),
            _ => self.bad_verb(verb, v),
        }
    }
    fn fmt_integer(&mut self, u: u64, base: u32, signed: bool, verb: char, upper: bool) {
        let negative = signed && (u as i64) < 0;
        let u = if negative {
            (u as i64).unsigned_abs()
        } else {
            u
        };
        let mut prec = 0usize;
        if let Some(p) = self.f.prec {
            prec = p;
            if p == 0 && u == 0 {
                let old = self.f.zero;
                self.f.zero = false;
                self.write_padding(self.f.wid.unwrap_or(0));
                self.f.zero = old;
                return;
            }
        } else if self.f.zero && !self.f.minus && self.f.wid.is_some() {
            prec = self.f.wid.unwrap_or(0);
            if negative || self.f.plus || self.f.space {
                prec = prec.saturating_sub(1);
            }
        }
        let mut digits = match base {
            10 => u.to_string(),
            16 if upper => format!("{u:X}"),
            16 => format!("{u:x}"),
            8 => format!("{u:o}"),
            _ => format!("{u:b}"),
        };
        while digits.len() < prec {
            digits.insert(0, '0');
        }
        if self.f.sharp {
            match base {
                2 => digits.insert_str(0, "0b"),
                8 if !digits.starts_with('0') => digits.insert(0, '0'),
                16 => digits.insert_str(0, if upper { "0X" } else { "0x" }),
                _ => {}
            }
        }
        if verb == 'O' {
            digits.insert_str(0, "0o");
        }
        if negative {
            digits.insert(0, '-');
        } else if self.f.plus {
            digits.insert(0, '+');
        } else if self.f.space {
            digits.insert(0, ' ');
        }
        let old = self.f.zero;
        self.f.zero = false;
        self.pad(&digits);
        self.f.zero = old;
    }
    fn fmt_c(&mut self, c: u64) {
        let ch = if c > 0x10FFFF {
            '\u{FFFD}'
        } else {
            char::from_u32(c as u32).unwrap_or('\u{FFFD}')
        };
        let s = ch.to_string();
        self.pad(&s);
    }
    fn fmt_qc(&mut self, c: u64) {
        let ch = if c > 0x10FFFF {
            '\u{FFFD}'
        } else {
            char::from_u32(c as u32).unwrap_or('\u{FFFD}')
        };
        let s = if self.f.sharp && ch != '\'' && is_print(ch) {
            format!("'{ch}'")
        } else {
            quote_with(&ch.to_string(), '\'', self.f.plus)
        };
        self.pad(&s);
    }
    fn fmt_unicode(&mut self, u: u64) {
        let mut s = format!("U+{u:04X}");
        if self.f.sharp && u <= 0x10FFFF {
            if let Some(c) = char::from_u32(u as u32) {
                if is_print(c) {
                    s.push_str(&format!(" '{c}'"));
                }
            }
        }
        let old = self.f.zero;
        self.f.zero = false;
        self.pad(&s);
        self.f.zero = old;
    }
    fn fmt_int_verb(&mut self, u: u64, signed: bool, verb: char, v: &Value) {
        match verb {
            'v' if self.f.sharp_v && !signed => self.fmt_integer(u, 16, false, verb, false),
            'v' | 'd' => self.fmt_integer(u, 10, signed, verb, false),
            'b' => self.fmt_integer(u, 2, signed, verb, false),
            'o' | 'O' => self.fmt_integer(u, 8, signed, verb, false),
            'x' => self.fmt_integer(u, 16, signed, verb, false),
            'X' => self.fmt_integer(u, 16, signed, verb, true),
            'c' => self.fmt_c(u),
            'q' => self.fmt_qc(u),
            'U' => self.fmt_unicode(u),
            _ => self.bad_verb(verb, v),
        }
    }
    fn fmt_float_verb(&mut self, x: f64, verb: char, v: &Value) {
        let (fmtc, prec) = match verb {
            'v' => ('g', None),
            'g' | 'G' => (verb, None),
            'e' | 'E' | 'f' | 'F' => (verb, Some(6)),
            _ => return self.bad_verb(verb, v),
        };
        let prec = self.f.prec.or(prec);
        let mut num = format_float(x, fmtc, prec);
        if !num.starts_with(['-', '+']) {
            num.insert(0, '+');
        }
        if self.f.space && num.starts_with('+') && !self.f.plus {
            num.replace_range(0..1, " ");
        }
        let special = num[1..].starts_with(['I', 'N']);
        let old = self.f.zero;
        if special {
            self.f.zero = false;
        }
        if self.f.plus || !num.starts_with('+') {
            if self.f.zero && !self.f.minus && self.f.wid.is_some_and(|w| w > num.len()) {
                let w = self.f.wid.unwrap_or(0);
                self.buf.push_str(&num[..1]);
                self.write_padding(w - num.len());
                self.buf.push_str(&num[1..]);
            } else {
                self.pad(&num);
            }
        } else {
            let n = num[1..].to_string();
            self.pad(&n);
        }
        self.f.zero = old;
    }

    /// fmtComplex: `(re+imi)`, the imaginary part always signed.
    fn fmt_complex(&mut self, r: f64, i: f64, verb: char, v: &Value) {
        if !matches!(
            verb,
            'v' | 'b' | 'g' | 'G' | 'x' | 'X' | 'f' | 'F' | 'e' | 'E'
        ) {
            return self.bad_verb(verb, v);
        }
        let old_plus = self.f.plus;
        self.buf.push('(');
        self.fmt_float_verb(r, verb, v);
        self.f.plus = true;
        self.fmt_float_verb(i, verb, v);
        self.buf.push_str("i)");
        self.f.plus = old_plus;
    }

    fn bad_verb(&mut self, verb: char, v: &Value) {
        self.erroring = true;
        self.buf.push_str("%!");
        self.buf.push(verb);
        self.buf.push('(');
        if matches!(v, Value::Invalid) {
            self.buf.push_str("<nil>");
        } else {
            self.buf.push_str(&v.type_name());
            self.buf.push('=');
            self.print_arg(v, 'v');
        }
        self.buf.push(')');
        self.erroring = false;
    }

    /// handleMethods: Stringer for `v s x X q` (not `%#v`).
    fn handle_methods(&mut self, v: &Value, verb: char) -> bool {
        if self.erroring || self.f.sharp_v || !matches!(verb, 'v' | 's' | 'x' | 'X' | 'q') {
            return false;
        }
        match v {
            Value::Module(Some(m)) => {
                self.fmt_string(&crate::render::golist::module_text(m), verb);
                true
            }
            Value::Time(Some(t)) => {
                self.fmt_string(&super::value::time_string(t), verb);
                true
            }
            // String() panics on a nil receiver: fmt prints "<nil>".
            Value::Module(None) | Value::Time(None) => {
                // catchPanic writes "<nil>" unpadded.
                self.buf.push_str("<nil>");
                true
            }
            _ => false,
        }
    }

    fn print_arg(&mut self, v: &Value, verb: char) {
        if matches!(v, Value::Invalid) {
            match verb {
                'T' | 'v' => self.pad("<nil>"),
                _ => self.bad_verb(verb, v),
            }
            return;
        }
        if verb == 'T' {
            let t = v.type_name();
            self.fmt_s(&t);
            return;
        }
        if verb == 'p' {
            // Addresses differ from run to run; not reproducible.
            self.bad_verb(verb, v);
            return;
        }
        match v {
            Value::Bool(b) => self.fmt_bool(*b, verb, v),
            Value::Int(i) => self.fmt_int_verb(*i as u64, true, verb, v),
            Value::Uint8(u) => self.fmt_int_verb(*u as u64, false, verb, v),
            Value::Float(x) => self.fmt_float_verb(*x, verb, v),
            Value::Complex(r, i) => self.fmt_complex(*r, *i, verb, v),
            Value::Str(s) => self.fmt_string(s, verb),
            _ => {
                if self.handle_methods(v, verb) {
                    return;
                }
                self.print_value(v, verb, 0);
            }
        }
    }

    fn print_value(&mut self, v: &Value, verb: char, depth: usize) {
        if depth > 0 && self.handle_methods(v, verb) {
            return;
        }
        match v {
            Value::Invalid | Value::Missing => {
                if depth == 0 {
                    self.buf.push_str("<invalid reflect.Value>");
                } else if verb == 'v' {
                    self.buf.push_str("<nil>");
                } else {
                    self.bad_verb(verb, v);
                }
            }
            Value::Bool(b) => self.fmt_bool(*b, verb, v),
            Value::Int(i) => self.fmt_int_verb(*i as u64, true, verb, v),
            Value::Uint8(u) => self.fmt_int_verb(*u as u64, false, verb, v),
            Value::Float(x) => self.fmt_float_verb(*x, verb, v),
            Value::Complex(r, i) => self.fmt_complex(*r, *i, verb, v),
            Value::Str(s) => self.fmt_string(s, verb),
            Value::Strings(items) => {
                if self.f.sharp_v {
                    match items {
                        None => self.buf.push_str("[]string(nil)"),
                        Some(items) => {
                            self.buf.push_str("[]string{");
                            for (i, s) in items.iter().enumerate() {
                                if i > 0 {
                                    self.buf.push_str(", ");
                                }
                                self.print_value(&Value::Str(s.as_str().into()), verb, depth + 1);
                            }
                            self.buf.push('}');
                        }
                    }
                    return;
                }
                self.buf.push('[');
                for (i, s) in items.iter().flat_map(|x| x.iter()).enumerate() {
                    if i > 0 {
                        self.buf.push(' ');
                    }
                    self.print_value(&Value::Str(s.as_str().into()), verb, depth + 1);
                }
                self.buf.push(']');
            }
            Value::Module(Some(_))
            | Value::ModErr(Some(_))
            | Value::Origin(Some(_))
            | Value::Context(_)
                if depth == 0 =>
            {
                self.buf.push('&');
                self.print_struct(v, verb, depth + 1);
            }
            Value::Module(Some(_))
            | Value::ModErr(Some(_))
            | Value::Origin(Some(_))
            | Value::Context(_)
            | Value::Time(Some(_)) => {
                // A non-nil pointer inside a struct prints its address.
                self.fmt_pointer(verb, v, false);
            }
            Value::Module(None) | Value::ModErr(None) | Value::Time(None) | Value::Origin(None) => {
                self.fmt_pointer(verb, v, true);
            }
        }
    }

    fn fmt_pointer(&mut self, verb: char, v: &Value, nil: bool) {
        match verb {
            'v' => {
                if self.f.sharp_v {
                    self.buf.push('(');
                    self.buf.push_str(&v.type_name());
                    self.buf.push_str(")(");
                    self.buf.push_str(if nil { "nil" } else { "0xc000000000" });
                    self.buf.push(')');
                } else if nil {
                    self.pad("<nil>");
                } else {
                    self.pad("0xc000000000");
                }
            }
            'b' | 'o' | 'd' | 'x' | 'X' => {
                let u = if nil { 0 } else { 0xc000000000 };
                self.fmt_integer(
                    u,
                    match verb {
                        'b' => 2,
                        'o' => 8,
                        'd' => 10,
                        _ => 16,
                    },
                    false,
                    verb,
                    verb == 'X',
                );
            }
            _ => self.bad_verb(verb, v),
        }
    }

    fn print_struct(&mut self, v: &Value, verb: char, depth: usize) {
        let (type_name, fields) = v.struct_fields();
        if self.f.sharp_v {
            self.buf.push_str(&type_name);
        }
        self.buf.push('{');
        for (i, (name, fv)) in fields.iter().enumerate() {
            if i > 0 {
                self.buf.push_str(if self.f.sharp_v { ", " } else { " " });
            }
            if self.f.plus_v || self.f.sharp_v {
                self.buf.push_str(name);
                self.buf.push(':');
            }
            self.print_value(fv, verb, depth);
        }
        self.buf.push('}');
    }
}

/// Formats a float as strconv.FormatFloat(x, fmt, prec, 64).
pub fn format_float(x: f64, fmtc: char, prec: Option<usize>) -> String {
    if x.is_nan() {
        return "NaN".into();
    }
    if x.is_infinite() {
        return if x > 0.0 {
            "+Inf".into()
        } else {
            "-Inf".into()
        };
    }
    let neg = x.is_sign_negative();
    let a = x.abs();
    // Decimal digits and decimal point position.
    let digs = |p: Option<usize>| -> (String, i32) {
        let s = match p {
            Some(p) => format!("{:.*e}", p, a),
            None => format!("{a:e}"),
        };
        let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
        let e: i32 = e.parse().unwrap_or(0);
        let mut d: String = m.chars().filter(|c| *c != '.').collect();
        if a == 0.0 {
            d = "0".into();
            return (d, 1);
        }
        while d.len() > 1 && d.ends_with('0') {
            d.pop();
        }
        (d, e + 1)
    };
    let fmt_e = |d: &str, dp: i32, prec: usize, upper: bool| -> String {
        let mut s = String::new();
        let mut chars = d.chars();
        s.push(chars.next().unwrap_or('0'));
        if prec > 0 {
            s.push('.');
            let rest: String = chars.collect();
            for i in 0..prec {
                s.push(rest.chars().nth(i).unwrap_or('0'));
            }
        }
        let exp = if a == 0.0 { 0 } else { dp - 1 };
        s.push(if upper { 'E' } else { 'e' });
        s.push(if exp < 0 { '-' } else { '+' });
        let ea = exp.abs();
        if ea < 10 {
            s.push('0');
        }
        s.push_str(&ea.to_string());
        s
    };
    let fmt_f = |d: &str, dp: i32, prec: usize| -> String {
        let mut s = String::new();
        if dp > 0 {
            for i in 0..dp as usize {
                s.push(d.chars().nth(i).unwrap_or('0'));
            }
        } else {
            s.push('0');
        }
        if prec > 0 {
            s.push('.');
            for i in 0..prec as i32 {
                let j = dp + i;
                s.push(if j < 0 {
                    '0'
                } else {
                    d.chars().nth(j as usize).unwrap_or('0')
                });
            }
        }
        s
    };
    let body = match fmtc {
        'e' | 'E' => {
            let (d, dp) = digs(prec);
            let p = prec.unwrap_or(d.len().saturating_sub(1));
            fmt_e(&d, dp, p, fmtc == 'E')
        }
        'f' | 'F' => match prec {
            Some(p) => format!("{:.*}", p, a),
            None => {
                let (d, dp) = digs(None);
                fmt_f(&d, dp, (d.len() as i32 - dp).max(0) as usize)
            }
        },
        _ => {
            let shortest = prec.is_none();
            let mut p = prec.unwrap_or(0);
            if p == 0 && !shortest {
                p = 1;
            }
            let (d, dp) = if shortest {
                digs(None)
            } else {
                digs(Some(p - 1))
            };
            let nd = d.len();
            if shortest {
                p = nd;
            }
            let mut eprec = p;
            if eprec > nd && nd as i32 >= dp {
                eprec = nd;
            }
            if shortest {
                eprec = 6;
            }
            let exp = dp - 1;
            if exp < -4 || exp >= eprec as i32 {
                if p > nd {
                    p = nd;
                }
                fmt_e(&d, dp, p.saturating_sub(1), fmtc == 'G')
            } else {
                if p as i32 > dp {
                    p = nd;
                }
                fmt_f(&d, dp, (p as i32 - dp).max(0) as usize)
            }
        }
    };
    if neg {
        format!("-{body}")
    } else {
        body
    }
}

/// fmt.Sprint.
pub fn sprint(args: &[Value]) -> String {
    let mut p = Printer::new();
    let mut prev_string = false;
    for (i, a) in args.iter().enumerate() {
        let is_string = matches!(a, Value::Str(_));
        if i > 0 && !is_string && !prev_string {
            p.buf.push(' ');
        }
        p.print_arg(a, 'v');
        prev_string = is_string;
    }
    p.buf
}

/// fmt.Sprintln.
pub fn sprintln(args: &[Value]) -> String {
    let mut p = Printer::new();
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            p.buf.push(' ');
        }
        p.print_arg(a, 'v');
    }
    p.buf.push('\n');
    p.buf
}

fn parsenum(b: &[u8], mut i: usize, end: usize) -> (Option<usize>, usize) {
    if i >= end || !b[i].is_ascii_digit() {
        return (None, i);
    }
    let mut n: usize = 0;
    while i < end && b[i].is_ascii_digit() {
        if n > 1_000_000 {
            return (None, end);
        }
        n = n * 10 + (b[i] - b'0') as usize;
        i += 1;
    }
    (Some(n), i)
}

/// fmt.Sprintf.
pub fn sprintf(format: &str, a: &[Value]) -> String {
    let mut p = Printer::new();
    let b = format.as_bytes();
    let end = b.len();
    let mut arg_num = 0usize;
    let mut after_index;
    let mut reordered = false;
    let mut i = 0usize;
    'format: while i < end {
        let mut good_arg_num = true;
        let lasti = i;
        while i < end && b[i] != b'%' {
            i += 1;
        }
        if i > lasti {
            p.buf.push_str(&format[lasti..i]);
        }
        if i >= end {
            break;
        }
        i += 1;
        p.f = Flags::default();
        while i < end {
            match b[i] {
                b'#' => p.f.sharp = true,
                b'0' => p.f.zero = true,
                b'+' => p.f.plus = true,
                b'-' => p.f.minus = true,
                b' ' => p.f.space = true,
                c => {
                    if c.is_ascii_lowercase() && arg_num < a.len() {
                        if c == b'v' {
                            p.f.sharp_v = p.f.sharp;
                            p.f.sharp = false;
                            p.f.plus_v = p.f.plus;
                            p.f.plus = false;
                        }
                        p.print_arg(&a[arg_num], c as char);
                        arg_num += 1;
                        i += 1;
                        continue 'format;
                    }
                    break;
                }
            }
            i += 1;
        }
        // Argument index.
        let arg_number = |arg_num: usize,
                          i: usize,
                          reordered: &mut bool,
                          good: &mut bool|
         -> (usize, usize, bool) {
            if i >= end || b[i] != b'[' {
                return (arg_num, i, false);
            }
            *reordered = true;
            let f = &b[i..];
            let (index, wid, ok) = {
                if f.len() < 3 {
                    (0i64, 1usize, false)
                } else {
                    let mut res = (0i64, 1usize, false);
                    for j in 1..f.len() {
                        if f[j] == b']' {
                            let (w, newi) = parsenum(f, 1, j);
                            res = match w {
                                Some(w) if newi == j => (w as i64 - 1, j + 1, true),
                                _ => (0, j + 1, false),
                            };
                            break;
                        }
                    }
                    res
                }
            };
            if ok && index >= 0 && (index as usize) < a.len() {
                return (index as usize, i + wid, true);
            }
            *good = false;
            (arg_num, i + wid, ok)
        };
        let (n, ni, ai) = arg_number(arg_num, i, &mut reordered, &mut good_arg_num);
        arg_num = n;
        i = ni;
        after_index = ai;
        let int_from_arg = |arg_num: usize| -> (Option<i64>, usize) {
            if arg_num < a.len() {
                let v = match &a[arg_num] {
                    Value::Int(x) => Some(*x),
                    Value::Uint8(x) => Some(*x as i64),
                    _ => None,
                };
                let v = v.filter(|x| (-1_000_000..=1_000_000).contains(x));
                return (v, arg_num + 1);
            }
            (None, arg_num)
        };
        if i < end && b[i] == b'*' {
            i += 1;
            let (w, n) = int_from_arg(arg_num);
            arg_num = n;
            match w {
                None => {
                    p.buf.push_str("%!(BADWIDTH)");
                    p.f.wid = None;
                }
                Some(w) if w < 0 => {
                    p.f.wid = Some((-w) as usize);
                    p.f.minus = true;
                    p.f.zero = false;
                }
                Some(w) => p.f.wid = Some(w as usize),
            }
            after_index = false;
        } else {
            let (w, ni) = parsenum(b, i, end);
            p.f.wid = w;
            i = ni;
            if after_index && w.is_some() {
                good_arg_num = false;
            }
        }
        if i + 1 < end && b[i] == b'.' {
            i += 1;
            if after_index {
                good_arg_num = false;
            }
            let (n, ni, ai) = arg_number(arg_num, i, &mut reordered, &mut good_arg_num);
            arg_num = n;
            i = ni;
            after_index = ai;
            if i < end && b[i] == b'*' {
                i += 1;
                let (pr, n) = int_from_arg(arg_num);
                arg_num = n;
                match pr {
                    Some(x) if x >= 0 => p.f.prec = Some(x as usize),
                    Some(_) => p.f.prec = None,
                    None => {
                        p.f.prec = None;
                        p.buf.push_str("%!(BADPREC)");
                    }
                }
                after_index = false;
            } else {
                let (pr, ni) = parsenum(b, i, end);
                i = ni;
                p.f.prec = Some(pr.unwrap_or(0));
            }
        }
        if !after_index {
            let (n, ni, _) = arg_number(arg_num, i, &mut reordered, &mut good_arg_num);
            arg_num = n;
            i = ni;
        }
        if i >= end {
            p.buf.push_str("%!(NOVERB)");
            break;
        }
        let verb = format[i..].chars().next().unwrap_or('?');
        i += verb.len_utf8();
        if verb == '%' {
            p.buf.push('%');
        } else if !good_arg_num {
            p.buf.push_str(&format!("%!{verb}(BADINDEX)"));
        } else if arg_num >= a.len() {
            p.buf.push_str(&format!("%!{verb}(MISSING)"));
        } else {
            if verb == 'v' {
                p.f.sharp_v = p.f.sharp;
                p.f.sharp = false;
                p.f.plus_v = p.f.plus;
                p.f.plus = false;
            }
            p.print_arg(&a[arg_num], verb);
            arg_num += 1;
        }
    }
    if !reordered && arg_num < a.len() {
        p.f = Flags::default();
        p.buf.push_str("%!(EXTRA ");
        for (i, arg) in a[arg_num..].iter().enumerate() {
            if i > 0 {
                p.buf.push_str(", ");
            }
            if matches!(arg, Value::Invalid) {
                p.buf.push_str("<nil>");
            } else {
                p.buf.push_str(&arg.type_name());
                p.buf.push('=');
                p.print_arg(arg, 'v');
            }
        }
        p.buf.push(')');
    }
    p.buf
}

/// `%v` of the struct a non-nil pointer points to (how fmt prints a
/// reflect.Value holding that struct, and text/template's printableValue).
pub fn sprint_deref(v: &Value) -> String {
    let mut p = Printer::new();
    p.print_struct(v, 'v', 1);
    p.buf
}
