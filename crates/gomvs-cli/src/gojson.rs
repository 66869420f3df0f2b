//! JSON exactly as Go's `encoding/json` `MarshalIndent(v, "", "\t")` writes it.
//!
//! Layout is serde_json's pretty printer with a tab indent (Go writes
//! `"key": value`, one element per line, and `{}` / `[]` for empty values).
//! Strings are escaped as Go's `appendString` with HTML escaping on:
//! `"` and `\` with a backslash; `\b \f \n \r \t` by name; other control
//! bytes as `\u00XX` (lowercase hex); `<`, `>`, `&` as `\u003c`, `\u003e`,
//! `\u0026`; U+2028 and U+2029 as `\u2028`, `\u2029`. An invalid UTF-8
//! byte (kept by the parser as a raw-byte character, see
//! `gomvs_modfile::syntax::text`) becomes a literal U+FFFD: go 1.27 builds
//! `encoding/json` on json/v2 (GOEXPERIMENT=jsonv2 is on by default), whose
//! v1 emulation replaces invalid UTF-8 instead of writing v1's `\ufffd`
//! escape. DEL and all other runes are written literally.

use gomvs_modfile::syntax::text::raw_byte;
use serde::Serialize;
use serde_json::ser::{CharEscape, Formatter, PrettyFormatter};
use std::io::{self, Write};

/// A serde_json formatter producing Go's `MarshalIndent(v, "", "\t")` bytes.
pub struct GoFormatter {
    pretty: PrettyFormatter<'static>,
}

impl Default for GoFormatter {
    fn default() -> Self {
        GoFormatter {
            pretty: PrettyFormatter::with_indent(b"\t"),
        }
    }
}

const HEX: &[u8; 16] = b"0123456789abcdef";

impl Formatter for GoFormatter {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.pretty.begin_array(w)
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.pretty.end_array(w)
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.pretty.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.pretty.end_array_value(w)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.pretty.begin_object(w)
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.pretty.end_object(w)
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.pretty.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.pretty.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.pretty.end_object_value(w)
    }

    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut start = 0;
        for (i, c) in fragment.char_indices() {
            let esc: &[u8] = match c {
                '<' => b"\\u003c",
                '>' => b"\\u003e",
                '&' => b"\\u0026",
                '\u{2028}' => b"\\u2028",
                '\u{2029}' => b"\\u2029",
                c if raw_byte(c).is_some() => "\u{FFFD}".as_bytes(),
                _ => continue,
            };
            w.write_all(&fragment.as_bytes()[start..i])?;
            w.write_all(esc)?;
            start = i + c.len_utf8();
        }
        w.write_all(&fragment.as_bytes()[start..])
    }

    fn write_char_escape<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        char_escape: CharEscape,
    ) -> io::Result<()> {
        match char_escape {
            CharEscape::Quote => w.write_all(b"\\\""),
            CharEscape::ReverseSolidus => w.write_all(b"\\\\"),
            CharEscape::Solidus => w.write_all(b"/"),
            CharEscape::Backspace => w.write_all(b"\\b"),
            CharEscape::FormFeed => w.write_all(b"\\f"),
            CharEscape::LineFeed => w.write_all(b"\\n"),
            CharEscape::CarriageReturn => w.write_all(b"\\r"),
            CharEscape::Tab => w.write_all(b"\\t"),
            CharEscape::AsciiControl(b) => w.write_all(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[usize::from(b >> 4)],
                HEX[usize::from(b & 0xF)],
            ]),
        }
    }
}

/// Serializes `value` as Go's `json.MarshalIndent(value, "", "\t")` (no
/// trailing newline).
pub fn marshal_indent<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<Vec<u8>> {
    let mut out = Vec::new();
    let mut ser = serde_json::Serializer::with_formatter(&mut out, GoFormatter::default());
    value.serialize(&mut ser)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_like_go() {
        let s = "a<b>&c\u{2028}\u{2029}\u{7f}\u{1}\u{8}\u{c}\n\r\t\"\\/é";
        let out = marshal_indent(s).map(String::from_utf8);
        assert_eq!(
            out.ok().and_then(Result::ok).as_deref(),
            Some(
                "\"a\\u003cb\\u003e\\u0026c\\u2028\\u2029\u{7f}\\u0001\\b\\f\\n\\r\\t\\\"\\\\/é\""
            )
        );
    }

    #[test]
    fn layout_like_go() {
        #[derive(Serialize)]
        struct S {
            #[serde(rename = "A")]
            a: Vec<u8>,
            #[serde(rename = "B")]
            b: Vec<u8>,
            #[serde(rename = "C")]
            c: std::collections::BTreeMap<String, u8>,
        }
        let v = S {
            a: vec![1, 2],
            b: vec![],
            c: Default::default(),
        };
        let out = marshal_indent(&v).map(String::from_utf8);
        assert_eq!(
            out.ok().and_then(Result::ok).as_deref(),
            Some("{\n\t\"A\": [\n\t\t1,\n\t\t2\n\t],\n\t\"B\": [],\n\t\"C\": {}\n}")
        );
    }
}

#[cfg(test)]
mod go_output_tests {
    use super::marshal_indent;

    /// The bytes go 1.27's `json.MarshalIndent` writes for every ASCII byte,
    /// U+2028, U+2029, U+FFFD, an invalid byte and a few other runes
    /// (recorded from the real go; its json is built on json/v2).
    #[test]
    fn every_ascii_byte_like_go() {
        let mut s: String = (0u8..0x80).map(char::from).collect();
        s.push_str("\u{2028}\u{2029}\u{FFFD}");
        s.push_str(&gomvs_modfile::syntax::text::go_string(b"\xff"));
        s.push_str("é\u{1F600}\u{FEFF}\u{A0}");
        let want = concat!(
            "\"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000b\\f\\r",
            "\\u000e\\u000f\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018\\u0019",
            "\\u001a\\u001b\\u001c\\u001d\\u001e\\u001f !\\\"#$%\\u0026'()*+,-./0123456789:;\\u003c=",
            "\\u003e?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\u{7f}",
            "\\u2028\\u2029\u{FFFD}\u{FFFD}é\u{1F600}\u{FEFF}\u{A0}\""
        );
        let got = marshal_indent(&s)
            .ok()
            .and_then(|b| String::from_utf8(b).ok());
        assert_eq!(got.as_deref(), Some(want));
    }
}
