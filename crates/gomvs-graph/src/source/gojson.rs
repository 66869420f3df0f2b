//! Decoding a `.info` file exactly as the Go command does: `encoding/json`
//! `Unmarshal` into `modfetch.RevInfo` (syntax check first, with the
//! scanner's error texts, then field decoding with Go's type-error texts),
//! and `time.Time`'s JSON parsing and RFC 3339 re-formatting.

use super::gotime;

/// The fields of `modfetch.RevInfo` that a `.info` file can set.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct DecodedInfo {
    /// `Version`.
    pub version: String,
    /// `Time`, as Go's `MarshalJSON` prints it (zero time if absent).
    pub time: String,
}

/// `json.Unmarshal(data, new(modfetch.RevInfo))`; the error is Go's text.
pub(crate) fn unmarshal_rev_info(data: &[u8]) -> Result<DecodedInfo, String> {
    check_valid(data)?;
    let mut d = Decoder { data, pos: 0 };
    let mut info = DecodedInfo {
        version: String::new(),
        time: gotime::ZERO_TIME.to_string(),
    };
    // The first UnmarshalTypeError is remembered and returned at the end
    // (`d.saveError`); errors from UnmarshalJSON methods abort at once.
    let mut saved: Option<String> = None;
    d.skip_space();
    match d.peek() {
        Some(b'{') => {}
        Some(b'n') => return Ok(info), // null: nothing to do
        Some(c) => {
            return Err(format!(
                "json: cannot unmarshal {} into Go value of type modfetch.RevInfo",
                kind_name(c)
            ))
        }
        None => return Err("unexpected end of JSON input".to_string()),
    }
    d.pos += 1;
    loop {
        d.skip_space();
        if d.peek() == Some(b'}') {
            break;
        }
        let key = d.string();
        d.skip_space();
        d.pos += 1; // ':'
        d.skip_space();
        let start = d.pos;
        let first = d.peek().unwrap_or(b'n');
        d.skip_value();
        let raw = &data[start..d.pos];
        match field_of(&key, &["Version", "Time", "Origin"]) {
            Some("Version") => match first {
                b'"' => info.version = Decoder::unquote(raw),
                b'n' => {}
                c => {
                    saved.get_or_insert_with(|| type_error(c, "RevInfo.Version", "string"));
                }
            },
            // time.Time.UnmarshalJSON sees the raw bytes.
            Some("Time") if raw != b"null" => {
                if raw.len() < 2 || raw[0] != b'"' || raw[raw.len() - 1] != b'"' {
                    return Err("Time.UnmarshalJSON: input is not a JSON string".to_string());
                }
                let inner = &raw[1..raw.len() - 1];
                info.time = gotime::parse_rfc3339_json(inner)?;
            }
            Some("Origin") => match first {
                b'{' => {
                    if let Err(e) = origin_fields(raw) {
                        saved.get_or_insert(e);
                    }
                }
                b'n' => {}
                c => {
                    saved.get_or_insert_with(|| type_error(c, "RevInfo.Origin", "codehost.Origin"));
                }
            },
            _ => {}
        }
        d.skip_space();
        if d.peek() == Some(b',') {
            d.pos += 1;
        }
    }
    match saved {
        Some(e) => Err(e),
        None => Ok(info),
    }
}

/// Type-checks the (string) fields of a `codehost.Origin` object.
fn origin_fields(raw: &[u8]) -> Result<(), String> {
    const FIELDS: [&str; 8] = [
        "VCS",
        "URL",
        "Subdir",
        "Hash",
        "TagPrefix",
        "TagSum",
        "Ref",
        "RepoSum",
    ];
    let mut d = Decoder { data: raw, pos: 1 };
    let mut saved: Option<String> = None;
    loop {
        d.skip_space();
        if d.peek() != Some(b'"') {
            break;
        }
        let key = d.string();
        d.skip_space();
        d.pos += 1;
        d.skip_space();
        let first = d.peek().unwrap_or(b'n');
        d.skip_value();
        if let Some(name) = field_of(&key, &FIELDS) {
            if first != b'"' && first != b'n' {
                saved.get_or_insert_with(|| {
                    type_error(first, &format!("RevInfo.Origin.{name}"), "string")
                });
            }
        }
        d.skip_space();
        if d.peek() == Some(b',') {
            d.pos += 1;
        }
    }
    saved.map_or(Ok(()), Err)
}

/// Go matches object keys to field names exactly first, then ignoring case
/// (`foldName`: Unicode simple folding; ASCII-only here plus the Kelvin and
/// long-s special cases, which are the only non-ASCII folds of ASCII letters).
fn field_of<'a>(key: &str, fields: &[&'a str]) -> Option<&'a str> {
    if let Some(f) = fields.iter().find(|f| **f == key) {
        return Some(f);
    }
    let folded: String = key
        .chars()
        .map(|c| match c {
            '\u{212A}' => 'k',
            '\u{017F}' => 's',
            c => c.to_ascii_lowercase(),
        })
        .collect();
    fields
        .iter()
        .find(|f| f.to_ascii_lowercase() == folded)
        .copied()
}

fn kind_name(first: u8) -> &'static str {
    match first {
        b'"' => "string",
        b'{' => "object",
        b'[' => "array",
        b't' | b'f' => "bool",
        _ => "number",
    }
}

fn type_error(first: u8, field: &str, ty: &str) -> String {
    format!(
        "json: cannot unmarshal {} into Go struct field {field} of type {ty}",
        kind_name(first)
    )
}

/// A cursor over JSON that [`check_valid`] accepted.
struct Decoder<'a> {
    data: &'a [u8],
    pos: usize,
}

impl Decoder<'_> {
    fn peek(&self) -> Option<u8> {
        self.data.get(self.pos).copied()
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\r' | b'\n')) {
            self.pos += 1;
        }
    }

    /// Skips one value (iteratively, tracking only nesting depth).
    fn skip_value(&mut self) {
        let mut depth = 0usize;
        loop {
            match self.peek() {
                None => return,
                Some(b'"') => {
                    self.pos += 1;
                    while let Some(c) = self.peek() {
                        self.pos += 1;
                        match c {
                            b'\\' => self.pos += 1,
                            b'"' => break,
                            _ => {}
                        }
                    }
                }
                Some(b'{' | b'[') => {
                    depth += 1;
                    self.pos += 1;
                }
                Some(b'}' | b']') => {
                    if depth == 0 {
                        return;
                    }
                    depth -= 1;
                    self.pos += 1;
                }
                Some(b',') if depth == 0 => return,
                Some(_) => self.pos += 1,
            }
            if depth == 0 && self.at_value_end() {
                return;
            }
        }
    }

    fn at_value_end(&self) -> bool {
        match self.data.get(self.pos) {
            None => true,
            Some(c) => matches!(c, b',' | b'}' | b']' | b' ' | b'\t' | b'\r' | b'\n'),
        }
    }

    /// Reads a string token and returns its decoded value.
    fn string(&mut self) -> String {
        let start = self.pos;
        self.pos += 1;
        while let Some(c) = self.peek() {
            self.pos += 1;
            match c {
                b'\\' => self.pos += 1,
                b'"' => break,
                _ => {}
            }
        }
        let end = self.pos.min(self.data.len());
        Self::unquote(&self.data[start..end])
    }

    /// `encoding/json.unquote` of a complete, valid string token: escapes
    /// decoded, invalid UTF-8 and lone surrogates become U+FFFD.
    fn unquote(raw: &[u8]) -> String {
        let inner = raw.get(1..raw.len().saturating_sub(1)).unwrap_or(&[]);
        let mut out: Vec<u8> = Vec::with_capacity(inner.len());
        let mut i = 0;
        while i < inner.len() {
            let c = inner[i];
            if c == b'\\' && i + 1 < inner.len() {
                let e = inner[i + 1];
                i += 2;
                let simple = match e {
                    b'b' => Some(b'\x08'),
                    b'f' => Some(b'\x0c'),
                    b'n' => Some(b'\n'),
                    b'r' => Some(b'\r'),
                    b't' => Some(b'\t'),
                    b'u' => None,
                    other => Some(other),
                };
                if let Some(b) = simple {
                    out.push(b);
                    continue;
                }
                let hex = |at: usize| -> Option<u32> {
                    let s = std::str::from_utf8(inner.get(at..at + 4)?).ok()?;
                    u32::from_str_radix(s, 16).ok()
                };
                let Some(r) = hex(i) else {
                    break;
                };
                i += 4;
                let mut ch = char::from_u32(r);
                if (0xD800..0xDC00).contains(&r)
                    && inner.get(i) == Some(&b'\\')
                    && inner.get(i + 1) == Some(&b'u')
                {
                    if let Some(r2) = hex(i + 2) {
                        if (0xDC00..0xE000).contains(&r2) {
                            ch = char::from_u32(0x10000 + ((r - 0xD800) << 10) + (r2 - 0xDC00));
                            i += 6;
                        }
                    }
                }
                let ch = ch.unwrap_or('\u{FFFD}');
                let mut buf = [0u8; 4];
                out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
            } else {
                out.push(c);
                i += 1;
            }
        }
        String::from_utf8_lossy(&out).into_owned()
    }
}

/// `encoding/json.checkValid`: Go's scanner, returning its `SyntaxError` text.
pub(crate) fn check_valid(data: &[u8]) -> Result<(), String> {
    let mut s = Scanner::default();
    for &c in data {
        s.step(c);
        if let Some(e) = &s.err {
            return Err(e.clone());
        }
    }
    s.eof()
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Parse {
    ObjectKey,
    ObjectValue,
    ArrayValue,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    BeginValue,
    BeginValueOrEmpty,
    BeginStringOrEmpty,
    BeginString,
    EndValue,
    EndTop,
    InString,
    InStringEsc,
    InStringEscU(u8),
    Neg,
    One,
    Zero,
    Dot,
    Dot0,
    E,
    ESign,
    E0,
    Lit(&'static [u8], usize, &'static str),
    Error,
}

const MAX_NESTING_DEPTH: usize = 10000;

struct Scanner {
    state: State,
    stack: Vec<Parse>,
    end_top: bool,
    err: Option<String>,
}

impl Default for Scanner {
    fn default() -> Self {
        Scanner {
            state: State::BeginValue,
            stack: Vec::new(),
            end_top: false,
            err: None,
        }
    }
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\r' | b'\n')
}

/// `encoding/json.quoteChar`.
fn quote_char(c: u8) -> String {
    match c {
        b'\'' => r"'\''".to_string(),
        b'"' => "'\"'".to_string(),
        _ => {
            // strconv.Quote(string(rune(c))) without the double quotes.
            let r = char::from(c);
            let body = match r {
                '\x07' => r"\a".to_string(),
                '\x08' => r"\b".to_string(),
                '\x0c' => r"\f".to_string(),
                '\n' => r"\n".to_string(),
                '\r' => r"\r".to_string(),
                '\t' => r"\t".to_string(),
                '\x0b' => r"\v".to_string(),
                '\\' => r"\\".to_string(),
                r if (r as u32) < 0x20 || r as u32 == 0x7f => format!("\\x{:02x}", r as u32),
                r if (0x80..0xa0).contains(&(r as u32)) => format!("\\u{:04x}", r as u32),
                '\u{a0}' | '\u{ad}' => format!("\\u{:04x}", r as u32),
                r => r.to_string(),
            };
            format!("'{body}'")
        }
    }
}

impl Scanner {
    fn error(&mut self, c: u8, context: &str) {
        self.state = State::Error;
        self.err = Some(format!("invalid character {} {context}", quote_char(c)));
    }

    fn eof(&mut self) -> Result<(), String> {
        if let Some(e) = &self.err {
            return Err(e.clone());
        }
        if self.end_top {
            return Ok(());
        }
        self.step(b' ');
        if self.end_top {
            return Ok(());
        }
        Err(self
            .err
            .clone()
            .unwrap_or_else(|| "unexpected end of JSON input".to_string()))
    }

    fn push(&mut self, c: u8, p: Parse) {
        self.stack.push(p);
        if self.stack.len() > MAX_NESTING_DEPTH {
            self.error(c, "exceeded max depth");
        }
    }

    fn pop(&mut self) {
        self.stack.pop();
        if self.stack.is_empty() {
            self.state = State::EndTop;
            self.end_top = true;
        } else {
            self.state = State::EndValue;
        }
    }

    fn step(&mut self, c: u8) {
        let hex = |c: u8| c.is_ascii_hexdigit();
        match self.state {
            State::Error => {}
            State::BeginValueOrEmpty => {
                if is_space(c) {
                } else if c == b']' {
                    self.end_value(c);
                } else {
                    self.begin_value(c);
                }
            }
            State::BeginValue => self.begin_value(c),
            State::BeginStringOrEmpty => {
                if is_space(c) {
                } else if c == b'}' {
                    if let Some(top) = self.stack.last_mut() {
                        *top = Parse::ObjectValue;
                    }
                    self.end_value(c);
                } else {
                    self.begin_string(c);
                }
            }
            State::BeginString => self.begin_string(c),
            State::EndValue => self.end_value(c),
            State::EndTop => {
                if !is_space(c) {
                    self.error(c, "after top-level value");
                }
            }
            State::InString => {
                if c == b'"' {
                    self.state = State::EndValue;
                } else if c == b'\\' {
                    self.state = State::InStringEsc;
                } else if c < 0x20 {
                    self.error(c, "in string literal");
                }
            }
            State::InStringEsc => match c {
                b'b' | b'f' | b'n' | b'r' | b't' | b'\\' | b'/' | b'"' => {
                    self.state = State::InString
                }
                b'u' => self.state = State::InStringEscU(0),
                _ => self.error(c, "in string escape code"),
            },
            State::InStringEscU(n) => {
                if hex(c) {
                    self.state = if n == 3 {
                        State::InString
                    } else {
                        State::InStringEscU(n + 1)
                    };
                } else {
                    self.error(c, "in \\u hexadecimal character escape");
                }
            }
            State::Neg => {
                if c == b'0' {
                    self.state = State::Zero;
                } else if c.is_ascii_digit() {
                    self.state = State::One;
                } else {
                    self.error(c, "in numeric literal");
                }
            }
            State::One => {
                if c.is_ascii_digit() {
                } else {
                    self.zero(c);
                }
            }
            State::Zero => self.zero(c),
            State::Dot => {
                if c.is_ascii_digit() {
                    self.state = State::Dot0;
                } else {
                    self.error(c, "after decimal point in numeric literal");
                }
            }
            State::Dot0 => {
                if c.is_ascii_digit() {
                } else if c == b'e' || c == b'E' {
                    self.state = State::E;
                } else {
                    self.end_value(c);
                }
            }
            State::E => {
                if c == b'+' || c == b'-' {
                    self.state = State::ESign;
                } else {
                    self.e_sign(c);
                }
            }
            State::ESign => self.e_sign(c),
            State::E0 => {
                if !c.is_ascii_digit() {
                    self.end_value(c);
                }
            }
            State::Lit(word, i, name) => {
                let want = word.get(i).copied().unwrap_or(0);
                if c == want {
                    if i + 1 == word.len() {
                        self.state = State::EndValue;
                    } else {
                        self.state = State::Lit(word, i + 1, name);
                    }
                } else {
                    let ctx = format!("in literal {name} (expecting {})", quote_char(want));
                    self.error(c, &ctx);
                }
            }
        }
    }

    fn zero(&mut self, c: u8) {
        if c == b'.' {
            self.state = State::Dot;
        } else if c == b'e' || c == b'E' {
            self.state = State::E;
        } else {
            self.end_value(c);
        }
    }

    fn e_sign(&mut self, c: u8) {
        if c.is_ascii_digit() {
            self.state = State::E0;
        } else {
            self.error(c, "in exponent of numeric literal");
        }
    }

    fn begin_value(&mut self, c: u8) {
        if is_space(c) {
            return;
        }
        match c {
            b'{' => {
                self.state = State::BeginStringOrEmpty;
                self.push(c, Parse::ObjectKey);
            }
            b'[' => {
                self.state = State::BeginValueOrEmpty;
                self.push(c, Parse::ArrayValue);
            }
            b'"' => self.state = State::InString,
            b'-' => self.state = State::Neg,
            b'0' => self.state = State::Zero,
            b't' => self.state = State::Lit(b"true", 1, "true"),
            b'f' => self.state = State::Lit(b"false", 1, "false"),
            b'n' => self.state = State::Lit(b"null", 1, "null"),
            b'1'..=b'9' => self.state = State::One,
            _ => self.error(c, "looking for beginning of value"),
        }
    }

    fn begin_string(&mut self, c: u8) {
        if is_space(c) {
            return;
        }
        if c == b'"' {
            self.state = State::InString;
        } else {
            self.error(c, "looking for beginning of object key string");
        }
    }

    fn end_value(&mut self, c: u8) {
        let Some(&top) = self.stack.last() else {
            self.state = State::EndTop;
            self.end_top = true;
            if !is_space(c) {
                self.error(c, "after top-level value");
            }
            return;
        };
        if is_space(c) {
            self.state = State::EndValue;
            return;
        }
        match top {
            Parse::ObjectKey => {
                if c == b':' {
                    if let Some(t) = self.stack.last_mut() {
                        *t = Parse::ObjectValue;
                    }
                    self.state = State::BeginValue;
                } else {
                    self.error(c, "after object key");
                }
            }
            Parse::ObjectValue => {
                if c == b',' {
                    if let Some(t) = self.stack.last_mut() {
                        *t = Parse::ObjectKey;
                    }
                    self.state = State::BeginString;
                } else if c == b'}' {
                    self.pop();
                } else {
                    self.error(c, "after object key:value pair");
                }
            }
            Parse::ArrayValue => {
                if c == b',' {
                    self.state = State::BeginValue;
                } else if c == b']' {
                    self.pop();
                } else {
                    self.error(c, "after array element");
                }
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn e58_not_json_is_literal_null_error() {
        assert_eq!(
            check_valid(b"not json"),
            Err("invalid character 'o' in literal null (expecting 'u')".to_string())
        );
    }

    #[test]
    fn e58_missing_time_is_zero_time() {
        let info = unmarshal_rev_info(br#"{"Version":"v1.0.0"}"#).unwrap();
        assert_eq!(info.version, "v1.0.0");
        assert_eq!(info.time, "0001-01-01T00:00:00Z");
    }

    #[test]
    fn empty_input_is_unexpected_end() {
        assert_eq!(
            unmarshal_rev_info(b""),
            Err("unexpected end of JSON input".to_string())
        );
        assert_eq!(
            unmarshal_rev_info(b"{\"Version\":"),
            Err("unexpected end of JSON input".to_string())
        );
    }

    #[test]
    fn keys_match_case_insensitively_last_wins() {
        let info =
            unmarshal_rev_info(br#"{"version":"v1.0.0","VERSION":"v2.0.0","x":[1,{"a":2}]}"#)
                .unwrap();
        assert_eq!(info.version, "v2.0.0");
    }
}
