//! Decoding a `.info` file exactly as the Go command does: `encoding/json`
//! `Unmarshal` into `modfetch.RevInfo` (Go 1.27 builds `encoding/json` on
//! `encoding/json/v2`: a syntax check first, with the texts of
//! `jsontext` reworded for v1, then field decoding with Go's type-error
//! texts), and `time.Time`'s JSON parsing and RFC 3339 re-formatting.
//! Verified against the real go by `scripts/record-info-cases.sh`.

use super::gotime;
use gomvs_modfile::syntax::text::{
    decode_rune, is_print, is_space, quote_bytes, quote_rune as go_quote_rune, RUNE_ERROR,
};

/// The fields of `modfetch.RevInfo` that a `.info` file can set.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct DecodedInfo {
    /// `Version`.
    pub version: String,
    /// `Time`, as Go's `MarshalJSON` prints it (zero time if absent).
    pub time: String,
    /// `Origin` (nil when absent or `null`).
    pub origin: Option<super::Origin>,
}

/// `json.Unmarshal(data, new(modfetch.RevInfo))`; the error is Go's text.
pub(crate) fn unmarshal_rev_info(data: &[u8]) -> Result<DecodedInfo, String> {
    check_valid(data)?;
    let mut d = Decoder { data, pos: 0 };
    let mut info = DecodedInfo {
        version: String::new(),
        time: gotime::ZERO_TIME.to_string(),
        origin: None,
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
                    saved.get_or_insert_with(|| type_error(c, &format!("RevInfo.{key}"), "string"));
                }
            },
            // time.Time: a JSON string is unescaped and parsed (errors
            // abort); other kinds are type errors.
            Some("Time") => match first {
                b'"' => {
                    let s = Decoder::unquote(raw);
                    info.time = gotime::parse_rfc3339_json(s.as_bytes())?;
                }
                b'n' => {}
                c => {
                    saved.get_or_insert_with(|| {
                        type_error(c, &format!("RevInfo.{key}"), "time.Time")
                    });
                }
            },
            Some("Origin") => match first {
                b'{' => {
                    // A repeated Origin decodes into the struct already there.
                    let origin = info.origin.get_or_insert_with(Default::default);
                    if let Err(e) = origin_fields(raw, &key, origin) {
                        saved.get_or_insert(e);
                    }
                }
                b'n' => info.origin = None,
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
/// Go names the field in type errors by the JSON key as written.
fn origin_fields(raw: &[u8], origin_key: &str, origin: &mut super::Origin) -> Result<(), String> {
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
        let start = d.pos;
        d.skip_value();
        let field = field_of(&key, &FIELDS);
        if field.is_some() && first != b'"' && first != b'n' {
            saved.get_or_insert_with(|| {
                type_error(first, &format!("RevInfo.{origin_key}.{key}"), "string")
            });
        } else if first == b'"' {
            let slot = match field {
                Some("VCS") => Some(&mut origin.vcs),
                Some("URL") => Some(&mut origin.url),
                Some("Subdir") => Some(&mut origin.subdir),
                Some("Hash") => Some(&mut origin.hash),
                Some("TagPrefix") => Some(&mut origin.tag_prefix),
                Some("TagSum") => Some(&mut origin.tag_sum),
                Some("Ref") => Some(&mut origin.ref_name),
                Some("RepoSum") => Some(&mut origin.repo_sum),
                _ => None,
            };
            if let Some(slot) = slot {
                *slot = Decoder::unquote(&d.data[start..d.pos]);
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
        String::from_utf8(out)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    }
}

/// `encoding/json.checkValid` of Go 1.27 (which runs the `jsontext`
/// decoder with `ReportErrorsWithLegacySemantics`, `AllowDuplicateNames`,
/// `AllowInvalidUTF8`), returning the `SyntaxError` text after Go's
/// rewording (`transformSyntacticError`).
pub(crate) fn check_valid(data: &[u8]) -> Result<(), String> {
    syntax_check(data).map_err(|e| match e {
        SyntaxErr::Eof => "unexpected end of JSON input".to_string(),
        SyntaxErr::MaxDepth => "exceeded max depth".to_string(),
        SyntaxErr::Text(msg) => {
            let msg = match msg.find(" (expecting") {
                Some(i) if !msg.contains(" in literal") => msg[..i].to_string(),
                _ => msg,
            };
            msg.replace("object name", "object key")
                .replace("at start of value", "looking for beginning of value")
                .replace(
                    "at start of string",
                    "looking for beginning of object key string",
                )
                .replace("after object value", "after object key:value pair")
                .replace("in number", "in numeric literal")
        }
    })
}

const MAX_NESTING_DEPTH: usize = 10000;

enum SyntaxErr {
    /// `io.ErrUnexpectedEOF`.
    Eof,
    MaxDepth,
    /// An `InvalidTextError`'s text.
    Text(String),
}

fn ws(data: &[u8], mut pos: usize) -> usize {
    while pos < data.len() && matches!(data[pos], b' ' | b'\t' | b'\r' | b'\n') {
        pos += 1;
    }
    pos
}

/// Length of the UTF-8 sequence at the start of `b` if it is valid, else `None`.
fn valid_rune_len(b: &[u8]) -> Option<usize> {
    let (r, n) = decode_rune(b);
    (n > 0 && !(r == RUNE_ERROR && n == 1)).then_some(n)
}

/// `utf8.FullRune`: false only for a valid but truncated prefix.
fn full_rune(b: &[u8]) -> bool {
    let (need, lo, hi) = match b.first() {
        None => return false,
        Some(0xc2..=0xdf) => (2, 0x80, 0xbf),
        Some(0xe0) => (3, 0xa0, 0xbf),
        Some(0xed) => (3, 0x80, 0x9f),
        Some(0xe1..=0xef) => (3, 0x80, 0xbf),
        Some(0xf0) => (4, 0x90, 0xbf),
        Some(0xf4) => (4, 0x80, 0x8f),
        Some(0xf1..=0xf3) => (4, 0x80, 0xbf),
        Some(_) => return true,
    };
    if b.len() >= need {
        return true;
    }
    if b.len() > 1 && !(lo..=hi).contains(&b[1]) {
        return true;
    }
    b.len() > 2 && !(0x80..=0xbf).contains(&b[2])
}

/// `jsonwire.QuoteRune`.
fn quote_rune(b: &[u8]) -> String {
    let (r, n) = decode_rune(b);
    match b.first() {
        Some(b0) if r == RUNE_ERROR && n == 1 => format!("'\\x{b0:x}'"),
        _ => go_quote_rune(r),
    }
}

/// Number of runes Go's `utf8.RuneCount` sees.
fn rune_count(b: &[u8]) -> usize {
    let mut i = 0;
    let mut n = 0;
    while i < b.len() {
        i += valid_rune_len(&b[i..]).unwrap_or(1);
        n += 1;
    }
    n
}

/// `jsonwire.InvalidTextError.Error`.
fn invalid_text(label: &str, what: &[u8], where_: &str) -> SyntaxErr {
    let need_escape = {
        let mut i = 0;
        let mut esc = false;
        while i < what.len() {
            let (r, n) = decode_rune(&what[i..]);
            if r == u32::from('`') || r == RUNE_ERROR || is_space(r) || !is_print(r) {
                esc = true;
            }
            i += n.max(1);
        }
        esc
    };
    let shown = if rune_count(what) == 1 {
        quote_rune(what)
    } else if need_escape {
        quote_bytes(what)
    } else {
        format!("`{}`", String::from_utf8_lossy(what))
    };
    let msg = format!("invalid {label} {shown} {where_}");
    SyntaxErr::Text(msg.trim_end_matches(' ').to_string())
}

/// `jsonwire.NewInvalidCharacterError(b, where)`.
fn invalid_char(b: &[u8], where_: &str) -> SyntaxErr {
    let n = valid_rune_len(b).unwrap_or(1).min(b.len());
    invalid_text("character", &b[..n], where_)
}

/// `jsonwire.NewInvalidEscapeSequenceError(what)`.
fn invalid_escape(what: &[u8]) -> SyntaxErr {
    let label = if what.len() > 6 {
        "surrogate pair"
    } else {
        "escape sequence"
    };
    invalid_text(label, what, "in string")
}

fn has_escaped_utf16_prefix(b: &[u8]) -> bool {
    b.iter().enumerate().all(|(i, &c)| match i {
        0 => c == b'\\',
        1 => c == b'u',
        2..=5 => c.is_ascii_hexdigit(),
        _ => true,
    })
}

fn consume_literal(data: &[u8], pos: usize, lit: &str) -> Result<usize, SyntaxErr> {
    let l = lit.as_bytes();
    for (i, &want) in l.iter().enumerate() {
        match data.get(pos + i) {
            None => return Err(SyntaxErr::Eof),
            Some(&c) if c != want => {
                let ctx = format!(
                    "in literal {lit} (expecting {})",
                    go_quote_rune(u32::from(want))
                );
                return Err(invalid_char(&data[pos + i..], &ctx));
            }
            Some(_) => {}
        }
    }
    Ok(pos + l.len())
}

/// `jsonwire.ConsumeStringResumable` without UTF-8 validation.
fn consume_string(data: &[u8], pos: usize) -> Result<usize, SyntaxErr> {
    match data.get(pos) {
        None => return Err(SyntaxErr::Eof),
        Some(b'"') => {}
        Some(_) => {
            return Err(invalid_char(
                &data[pos..],
                "at start of string (expecting '\"')",
            ))
        }
    }
    let mut n = pos + 1;
    loop {
        while n < data.len()
            && data[n] < 0x80
            && data[n] >= b' '
            && data[n] != b'\\'
            && data[n] != b'"'
        {
            n += 1;
        }
        let Some(&c) = data.get(n) else {
            return Err(SyntaxErr::Eof);
        };
        if c == b'"' {
            return Ok(n + 1);
        }
        if c == b'\\' {
            let Some(&e) = data.get(n + 1) else {
                return Err(SyntaxErr::Eof);
            };
            match e {
                b'/' | b'"' | b'\\' | b'b' | b'f' | b'n' | b'r' | b't' => n += 2,
                b'u' => {
                    if data.len() < n + 6 {
                        if has_escaped_utf16_prefix(&data[n..]) {
                            return Err(SyntaxErr::Eof);
                        }
                        return Err(invalid_escape(&data[n..]));
                    }
                    if !data[n + 2..n + 6].iter().all(u8::is_ascii_hexdigit) {
                        return Err(invalid_escape(&data[n..n + 6]));
                    }
                    n += 6;
                }
                _ => return Err(invalid_escape(&data[n..(n + 2).min(data.len())])),
            }
            continue;
        }
        if c >= 0x80 {
            match valid_rune_len(&data[n..]) {
                Some(len) => n += len,
                None => {
                    if !full_rune(&data[n..]) {
                        return Err(SyntaxErr::Eof);
                    }
                    n += 1;
                }
            }
            continue;
        }
        // A control character.
        return Err(invalid_char(
            &data[n..],
            "in string (expecting non-control character)",
        ));
    }
}

/// `jsonwire.ConsumeNumberResumable` on a complete buffer.
fn consume_number(data: &[u8], pos: usize) -> Result<usize, SyntaxErr> {
    let digit = |i: usize| data.get(i).is_some_and(u8::is_ascii_digit);
    let mut n = pos;
    if data.get(n) == Some(&b'-') {
        n += 1;
    }
    match data.get(n) {
        None => return Err(SyntaxErr::Eof),
        Some(b'0') => n += 1,
        Some(b'1'..=b'9') => {
            n += 1;
            while digit(n) {
                n += 1;
            }
        }
        Some(_) => return Err(invalid_char(&data[n..], "in number (expecting digit)")),
    }
    if data.get(n) == Some(&b'.') {
        n += 1;
        match data.get(n) {
            None => return Err(SyntaxErr::Eof),
            Some(c) if c.is_ascii_digit() => n += 1,
            Some(_) => return Err(invalid_char(&data[n..], "in number (expecting digit)")),
        }
        while digit(n) {
            n += 1;
        }
    }
    if matches!(data.get(n), Some(b'e' | b'E')) {
        n += 1;
        if matches!(data.get(n), Some(b'-' | b'+')) {
            n += 1;
        }
        match data.get(n) {
            None => return Err(SyntaxErr::Eof),
            Some(c) if c.is_ascii_digit() => n += 1,
            Some(_) => return Err(invalid_char(&data[n..], "in number (expecting digit)")),
        }
        while digit(n) {
            n += 1;
        }
    }
    Ok(n)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Container {
    Object,
    Array,
}

/// An object member name and its colon, leaving `pos` at the value.
fn consume_name(data: &[u8], pos: usize) -> Result<usize, SyntaxErr> {
    let pos = ws(data, pos);
    let pos = consume_string(data, pos)?;
    let pos = ws(data, pos);
    match data.get(pos) {
        None => Err(SyntaxErr::Eof),
        Some(b':') => Ok(ws(data, pos + 1)),
        Some(_) => Err(invalid_char(
            &data[pos..],
            "after object name (expecting ':')",
        )),
    }
}

/// `ReadValue` + `CheckEOF` on a complete buffer, iteratively.
fn syntax_check(data: &[u8]) -> Result<(), SyntaxErr> {
    let mut pos = ws(data, 0);
    match data.get(pos) {
        None => return Err(SyntaxErr::Eof),
        Some(b':' | b',') => return Err(invalid_char(&data[pos..], "at start of value")),
        Some(_) => {}
    }
    let mut stack: Vec<Container> = Vec::new();
    'value: loop {
        let Some(&c) = data.get(pos) else {
            return Err(SyntaxErr::Eof);
        };
        match c {
            b'n' => pos = consume_literal(data, pos, "null")?,
            b'f' => pos = consume_literal(data, pos, "false")?,
            b't' => pos = consume_literal(data, pos, "true")?,
            b'"' => pos = consume_string(data, pos)?,
            b'-' | b'0'..=b'9' => pos = consume_number(data, pos)?,
            b'{' | b'[' => {
                if stack.len() + 1 == MAX_NESTING_DEPTH + 1 {
                    return Err(SyntaxErr::MaxDepth);
                }
                let close = if c == b'{' { b'}' } else { b']' };
                pos = ws(data, pos + 1);
                match data.get(pos) {
                    None => return Err(SyntaxErr::Eof),
                    Some(&x) if x == close => pos += 1,
                    Some(_) => {
                        if c == b'{' {
                            stack.push(Container::Object);
                            pos = consume_name(data, pos)?;
                        } else {
                            stack.push(Container::Array);
                            pos = ws(data, pos);
                        }
                        continue 'value;
                    }
                }
            }
            _ => return Err(invalid_char(&data[pos..], "at start of value")),
        }
        // A value ended: continue in the enclosing containers.
        loop {
            let Some(&top) = stack.last() else {
                let end = ws(data, pos);
                if end < data.len() {
                    return Err(invalid_char(&data[end..], "after top-level value"));
                }
                return Ok(());
            };
            pos = ws(data, pos);
            let (close, what) = match top {
                Container::Object => (b'}', "after object value (expecting ',' or '}')"),
                Container::Array => (b']', "after array element (expecting ',' or ']')"),
            };
            match data.get(pos) {
                None => return Err(SyntaxErr::Eof),
                Some(b',') => {
                    pos += 1;
                    pos = match top {
                        Container::Object => consume_name(data, pos)?,
                        Container::Array => ws(data, pos),
                    };
                    continue 'value;
                }
                Some(&x) if x == close => {
                    pos += 1;
                    stack.pop();
                }
                Some(_) => return Err(invalid_char(&data[pos..], what)),
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
