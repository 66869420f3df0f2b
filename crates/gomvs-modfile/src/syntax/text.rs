//! Go's view of text: UTF-8 decoding (`utf8.DecodeRune`), rune classes
//! (`unicode.IsPrint`, `unicode.IsSpace`, `unicode.IsLetter`; tables
//! generated from Go by `scripts/gen/unicode_tables.go`) and Go string literals
//! (`strconv.Quote`, `strconv.QuoteRune`, `strconv.Unquote`).
//!
//! go.mod files are byte strings to Go. Invalid UTF-8 bytes decode as
//! U+FFFD (one per byte, as Go's decoder does), which Go treats as a
//! printable identifier rune.
//!
//! Rust strings cannot hold invalid UTF-8, so text taken from a file
//! ([`go_string`]) stores each byte of an invalid sequence as the
//! private-use character U+10FF00 + byte ([`raw_byte`]). That keeps Go's
//! observable behaviour exact: [`quote`] prints it as `\xNN`, the CLI's JSON
//! writer as `\ufffd`, and error text written to stderr turns it back into
//! the raw byte ([`go_bytes`]). (A file that literally contains
//! U+10FF80..U+10FFFF is read as raw bytes; no real go.mod does.)

use super::unicode_tables::{LETTER, PRINT, SPACE};

/// The Unicode replacement character Go yields for an invalid byte.
pub const RUNE_ERROR: u32 = 0xFFFD;

fn in_table(table: &[(u32, u32)], r: u32) -> bool {
    table
        .binary_search_by(|&(lo, hi)| {
            if hi < r {
                std::cmp::Ordering::Less
            } else if lo > r {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// `unicode.IsPrint` (the same set as `strconv.IsPrint`): letters, marks,
/// numbers, punctuation, symbols and U+0020.
pub fn is_print(r: u32) -> bool {
    if r < 0x80 {
        return (0x20..0x7f).contains(&r);
    }
    in_table(PRINT, r)
}

/// `unicode.IsSpace`.
pub fn is_space(r: u32) -> bool {
    if r < 0x80 {
        return matches!(r, 0x09..=0x0d | 0x20);
    }
    in_table(SPACE, r)
}

/// `unicode.IsLetter`.
pub fn is_letter(r: u32) -> bool {
    if r < 0x80 {
        return u8::try_from(r).is_ok_and(|b| b.is_ascii_alphabetic());
    }
    in_table(LETTER, r)
}

/// `utf8.DecodeRune`: the first rune of `b` and its width; invalid or
/// truncated encodings yield `(RUNE_ERROR, 1)`, empty input `(RUNE_ERROR, 0)`.
pub fn decode_rune(b: &[u8]) -> (u32, usize) {
    let Some(&b0) = b.first() else {
        return (RUNE_ERROR, 0);
    };
    if b0 < 0x80 {
        return (u32::from(b0), 1);
    }
    let (size, lo, hi) = match b0 {
        0xC2..=0xDF => (2, 0x80, 0xBF),
        0xE0 => (3, 0xA0, 0xBF),
        0xE1..=0xEC | 0xEE..=0xEF => (3, 0x80, 0xBF),
        0xED => (3, 0x80, 0x9F),
        0xF0 => (4, 0x90, 0xBF),
        0xF1..=0xF3 => (4, 0x80, 0xBF),
        0xF4 => (4, 0x80, 0x8F),
        _ => return (RUNE_ERROR, 1),
    };
    if b.len() < size {
        return (RUNE_ERROR, 1);
    }
    let b1 = b[1];
    if b1 < lo || b1 > hi {
        return (RUNE_ERROR, 1);
    }
    for &c in &b[2..size] {
        if !(0x80..=0xBF).contains(&c) {
            return (RUNE_ERROR, 1);
        }
    }
    let mut r = u32::from(b0) & (0xFF >> (size + 1));
    for &c in &b[1..size] {
        r = (r << 6) | (u32::from(c) & 0x3F);
    }
    (r, size)
}

/// The first private-use character standing for a raw (invalid UTF-8) byte.
const RAW_BYTE_BASE: u32 = 0x10_FF00;

/// The raw byte a character stands for, if it is one (see the module docs).
pub fn raw_byte(c: char) -> Option<u8> {
    let v = u32::from(c);
    if (RAW_BYTE_BASE + 0x80..=RAW_BYTE_BASE + 0xFF).contains(&v) {
        u8::try_from(v - RAW_BYTE_BASE).ok()
    } else {
        None
    }
}

/// Converts Go bytes to a Rust string; every byte Go's decoder sees as
/// `RuneError` (width 1) is kept as its raw-byte character.
pub fn go_string(b: &[u8]) -> String {
    match std::str::from_utf8(b) {
        Ok(s) => s.to_owned(),
        Err(_) => {
            let mut out = String::with_capacity(b.len() + 8);
            let mut i = 0;
            while i < b.len() {
                let (r, size) = decode_rune(&b[i..]);
                if size <= 1 && r == RUNE_ERROR {
                    let raw = char::from_u32(RAW_BYTE_BASE + u32::from(b[i]));
                    out.push(raw.unwrap_or('\u{FFFD}'));
                    i += 1;
                    continue;
                }
                out.push(char::from_u32(r).unwrap_or('\u{FFFD}'));
                i += size;
            }
            out
        }
    }
}

/// The Go bytes a string from [`go_string`] stands for.
pub fn go_bytes(s: &str) -> std::borrow::Cow<'_, [u8]> {
    if !s.chars().any(|c| raw_byte(c).is_some()) {
        return std::borrow::Cow::Borrowed(s.as_bytes());
    }
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        match raw_byte(c) {
            Some(b) => out.push(b),
            None => {
                let mut tmp = [0u8; 4];
                out.extend_from_slice(c.encode_utf8(&mut tmp).as_bytes());
            }
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Whether `s` is all Go white space (`len(bytes.TrimSpace(s)) == 0`).
pub fn is_all_space(b: &[u8]) -> bool {
    let mut i = 0;
    while i < b.len() {
        let (r, size) = decode_rune(&b[i..]);
        if !is_space(r) || (r == RUNE_ERROR && size <= 1) {
            return false;
        }
        i += size.max(1);
    }
    true
}

/// `strings.TrimSpace` for Go text.
pub fn trim_space(s: &str) -> &str {
    s.trim_matches(|c: char| is_space(u32::from(c)))
}

/// `strings.Fields`: splits around runs of Go white space.
pub fn fields(s: &str) -> Vec<&str> {
    s.split(|c: char| is_space(u32::from(c)))
        .filter(|f| !f.is_empty())
        .collect()
}

fn push_escaped_rune(out: &mut String, r: u32, quote: char) {
    if r == u32::from(quote) || r == u32::from('\\') {
        out.push('\\');
        out.push(quote_char_of(r));
        return;
    }
    if is_print(r) {
        out.push(quote_char_of(r));
        return;
    }
    match r {
        0x07 => out.push_str("\\a"),
        0x08 => out.push_str("\\b"),
        0x0C => out.push_str("\\f"),
        0x0A => out.push_str("\\n"),
        0x0D => out.push_str("\\r"),
        0x09 => out.push_str("\\t"),
        0x0B => out.push_str("\\v"),
        _ => {
            if r < 0x20 || r == 0x7f {
                out.push_str(&format!("\\x{r:02x}"));
            } else if char::from_u32(r).is_none() {
                out.push_str("\\ufffd");
            } else if r < 0x10000 {
                out.push_str(&format!("\\u{r:04x}"));
            } else {
                out.push_str(&format!("\\U{r:08x}"));
            }
        }
    }
}

fn quote_char_of(r: u32) -> char {
    char::from_u32(r).unwrap_or('\u{FFFD}')
}

/// `strconv.Quote` (and `%q` of a string) of Go bytes held as a
/// [`go_string`]: raw-byte characters print as `\xNN`.
pub fn quote(s: &str) -> String {
    quote_with(s, true)
}

/// `strconv.Quote` of Unicode text that did not come through [`go_string`]
/// (every character, U+10FF80..U+10FFFF included, is itself).
pub fn quote_unicode(s: &str) -> String {
    quote_with(s, false)
}

fn quote_with(s: &str, raw_bytes: bool) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        if let Some(b) = raw_byte(c).filter(|_| raw_bytes) {
            out.push_str(&format!("\\x{b:02x}"));
            continue;
        }
        push_escaped_rune(&mut out, u32::from(c), '"');
    }
    out.push('"');
    out
}

/// `strconv.Quote` of Go bytes: every byte Go's decoder sees as
/// `RuneError` (width 1) prints as `\xNN`.
pub fn quote_bytes(b: &[u8]) -> String {
    let mut out = String::with_capacity(b.len() + 2);
    out.push('"');
    let mut i = 0;
    while i < b.len() {
        let (r, size) = decode_rune(&b[i..]);
        if size <= 1 && r == RUNE_ERROR {
            out.push_str(&format!("\\x{:02x}", b[i]));
            i += 1;
            continue;
        }
        push_escaped_rune(&mut out, r, '"');
        i += size;
    }
    out.push('"');
    out
}

/// `strconv.QuoteRune` (and `%q` / `%#q` of a rune).
pub fn quote_rune(r: u32) -> String {
    let r = if char::from_u32(r).is_none() {
        RUNE_ERROR
    } else {
        r
    };
    let mut out = String::from("'");
    push_escaped_rune(&mut out, r, '\'');
    out.push('\'');
    out
}

/// `modfile.MustQuote`: whether `s` needs quoting to be one go.mod token.
pub fn must_quote(s: &str) -> bool {
    if s.is_empty() {
        return true;
    }
    // The conditions are independent, so ASCII bytes are checked in one pass
    // (including `//` and `/*`) and only non-ASCII characters are decoded.
    let mut prev = 0u8;
    let mut non_ascii = false;
    for &b in s.as_bytes() {
        match QUOTE_CLASS[usize::from(b)] {
            QuoteClass::Plain => {}
            QuoteClass::Quote => return true,
            QuoteClass::Bracket => {
                if s.len() > 1 {
                    return true;
                }
            }
            QuoteClass::SlashOrStar => {
                if prev == b'/' {
                    return true;
                }
            }
            QuoteClass::NonAscii => non_ascii = true,
        }
        prev = b;
    }
    // A raw byte is RuneError to Go, which is printable.
    non_ascii
        && s.chars()
            .any(|c| !c.is_ascii() && raw_byte(c).is_none() && !is_print(u32::from(c)))
}

/// What a byte means to [`must_quote`].
#[derive(Clone, Copy)]
enum QuoteClass {
    /// Printable ASCII that never needs quoting by itself.
    Plain,
    /// Space, a quote character or an unprintable ASCII byte.
    Quote,
    /// `()[]{},`: quoted unless it is the whole string.
    Bracket,
    /// `/` or `*`: quoted after a `/` (a comment start).
    SlashOrStar,
    /// Part of a multi-byte character, checked separately.
    NonAscii,
}

static QUOTE_CLASS: [QuoteClass; 256] = quote_class_table();

const fn quote_class_table() -> [QuoteClass; 256] {
    let mut t = [QuoteClass::NonAscii; 256];
    let mut i = 0;
    while i < 0x80 {
        let b = i as u8;
        t[i] = match b {
            b' ' | b'"' | b'\'' | b'`' => QuoteClass::Quote,
            b'(' | b')' | b'[' | b']' | b'{' | b'}' | b',' => QuoteClass::Bracket,
            b'/' | b'*' => QuoteClass::SlashOrStar,
            0x21..=0x7e => QuoteClass::Plain,
            _ => QuoteClass::Quote,
        };
        i += 1;
    }
    t
}

/// `modfile.AutoQuote`.
pub fn auto_quote(s: &str) -> String {
    if must_quote(s) {
        quote(s)
    } else {
        s.to_owned()
    }
}

fn unhex(c: u8) -> Option<u32> {
    match c {
        b'0'..=b'9' => Some(u32::from(c - b'0')),
        b'a'..=b'f' => Some(u32::from(c - b'a' + 10)),
        b'A'..=b'F' => Some(u32::from(c - b'A' + 10)),
        _ => None,
    }
}

/// `strconv.UnquoteChar`: one (possibly escaped) character of `s`; returns
/// the rune, whether it is multibyte, and the number of bytes consumed.
fn unquote_char(s: &[u8], quote: u8) -> Option<(u32, bool, usize)> {
    let &c = s.first()?;
    if c == quote && (quote == b'\'' || quote == b'"') {
        return None;
    }
    if c >= 0x80 {
        let (r, size) = decode_rune(s);
        return Some((r, true, size));
    }
    if c != b'\\' {
        return Some((u32::from(c), false, 1));
    }
    let &c = s.get(1)?;
    let rest = &s[2..];
    let simple = |v: u8| Some((u32::from(v), false, 2));
    match c {
        b'a' => simple(0x07),
        b'b' => simple(0x08),
        b'f' => simple(0x0C),
        b'n' => simple(0x0A),
        b'r' => simple(0x0D),
        b't' => simple(0x09),
        b'v' => simple(0x0B),
        b'x' | b'u' | b'U' => {
            let n = match c {
                b'x' => 2,
                b'u' => 4,
                _ => 8,
            };
            if rest.len() < n {
                return None;
            }
            let mut v: u32 = 0;
            for &d in &rest[..n] {
                v = (v << 4) | unhex(d)?;
            }
            if c == b'x' {
                return Some((v, false, 2 + n));
            }
            char::from_u32(v)?;
            Some((v, true, 2 + n))
        }
        b'0'..=b'7' => {
            let mut v = u32::from(c - b'0');
            if rest.len() < 2 {
                return None;
            }
            for &d in &rest[..2] {
                if !(b'0'..=b'7').contains(&d) {
                    return None;
                }
                v = (v << 3) | u32::from(d - b'0');
            }
            if v > 255 {
                return None;
            }
            Some((v, false, 4))
        }
        b'\\' => simple(b'\\'),
        b'\'' | b'"' => {
            if c != quote {
                return None;
            }
            simple(c)
        }
        _ => None,
    }
}

/// `strconv.Unquote` for `"..."` and `` `...` `` literals; `None` is
/// `strconv.ErrSyntax` ("invalid syntax"). The result is Go bytes.
pub fn unquote(s: &[u8]) -> Option<Vec<u8>> {
    if s.len() < 2 {
        return None;
    }
    let quote = s[0];
    let end = s[1..].iter().position(|&c| c == quote)? + 2;
    match quote {
        b'`' => {
            if end != s.len() {
                return None;
            }
            Some(
                s[1..end - 1]
                    .iter()
                    .copied()
                    .filter(|&c| c != b'\r')
                    .collect(),
            )
        }
        b'"' | b'\'' => {
            let head = &s[..end];
            if !head.contains(&b'\\') && !head.contains(&b'\n') {
                let body = &s[1..end - 1];
                let valid = if quote == b'"' {
                    std::str::from_utf8(body).is_ok()
                } else {
                    let (r, n) = decode_rune(body);
                    2 + n == end && (r != RUNE_ERROR || n != 1)
                };
                if valid {
                    return if end == s.len() {
                        Some(body.to_vec())
                    } else {
                        None
                    };
                }
            }
            let mut buf = Vec::with_capacity(s.len());
            let mut i = 1;
            while i < s.len() && s[i] != quote {
                let (r, multibyte, n) = unquote_char(&s[i..], quote)?;
                if s[i] == b'\n' {
                    return None;
                }
                i += n;
                if r < 0x80 || !multibyte {
                    // A \x or octal escape is one raw byte (r <= 255 here).
                    buf.push(u8::try_from(r).unwrap_or(0xFF));
                } else {
                    let c = char::from_u32(r).unwrap_or('\u{FFFD}');
                    let mut tmp = [0u8; 4];
                    buf.extend_from_slice(c.encode_utf8(&mut tmp).as_bytes());
                }
                if quote == b'\'' {
                    break;
                }
            }
            if i >= s.len() || s[i] != quote {
                return None;
            }
            if i + 1 != s.len() {
                return None;
            }
            Some(buf)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_matches_go() {
        assert_eq!(
            quote("a\"b\\c\u{1}\u{a0}\u{2028}é"),
            r#""a\"b\\c\x01\u00a0\u2028é""#
        );
        assert_eq!(quote_rune(0xFEFF), r"'\ufeff'");
        assert_eq!(quote_rune(1), r"'\x01'");
        assert_eq!(quote_rune(0x0B), r"'\v'");
        assert_eq!(quote("\u{e0001}😀\u{ad}"), r#""\U000e0001😀\u00ad""#);
        assert_eq!(quote_rune(u32::from('\'')), r"'\''");
        assert_eq!(quote_rune(u32::from('"')), "'\"'");
    }

    #[test]
    fn unquoting_matches_go() {
        assert_eq!(
            unquote(br#""a\x41\u00e9""#).as_deref(),
            Some("aA\u{e9}".as_bytes())
        );
        assert_eq!(unquote(br#""a"b""#), None);
        assert_eq!(unquote(br#""\q""#), None);
        assert_eq!(unquote(b"`a\rb`").as_deref(), Some(&b"ab"[..]));
        assert_eq!(unquote(br#""\400""#), None);
        assert_eq!(unquote(br#""\377""#).as_deref(), Some(&[0xFFu8][..]));
    }

    #[test]
    fn raw_bytes_round_trip() {
        let b = b"a\xff\xe2\x82b\xc3\xa9";
        let s = go_string(b);
        assert_eq!(s.chars().count(), 6);
        assert_eq!(&*go_bytes(&s), &b[..]);
        assert_eq!(quote(&s), r#""a\xff\xe2\x82bé""#);
        assert_eq!(quote_bytes(b), quote(&s));
        assert_eq!(quote_bytes("\u{10ffff}".as_bytes()), r#""\U0010ffff""#);
        assert_eq!(quote_unicode(&s), r#""a\U0010ffff\U0010ffe2\U0010ff82bé""#);
        assert!(!must_quote(&s));
    }

    #[test]
    fn decoding_matches_go() {
        assert_eq!(decode_rune(b"\xef\xbb\xbf"), (0xFEFF, 3));
        assert_eq!(decode_rune(b"\xed\xa0\x80"), (RUNE_ERROR, 1));
        assert_eq!(decode_rune(b"\xe2\x82"), (RUNE_ERROR, 1));
        assert!(is_print(0xFFFD));
        assert!(!is_print(0xFEFF));
        assert!(is_space(0x85));
        assert!(is_print(0x20));
        assert!(!is_print(0x10FFFF));
        assert!(is_letter(u32::from('é')) && is_letter(u32::from('Z')));
        assert!(!is_letter(u32::from('1')) && !is_letter(0x10FF80));
    }
}
