//! Go's `%q` formatting (`strconv.Quote` / `strconv.QuoteRune`), needed to
//! reproduce Go's error messages byte for byte, plus the Unicode classes
//! behind it (tables generated from Go by `scripts/oracle/unicodetables`).

use super::unicode_tables::{LETTER, PRINTABLE};

/// Reports whether Go's `strconv.IsPrint` accepts `c` (letters, marks,
/// numbers, punctuation, symbols and the ASCII space).
pub fn is_print(c: char) -> bool {
    in_table(&PRINTABLE, c)
}

/// Reports whether Go's `unicode.IsLetter` accepts `c`.
pub fn is_letter(c: char) -> bool {
    in_table(&LETTER, c)
}

/// Whether `c` lies in one of the sorted inclusive `ranges`.
fn in_table(ranges: &[(u32, u32)], c: char) -> bool {
    let c = u32::from(c);
    let i = ranges.partition_point(|&(_, hi)| hi < c);
    matches!(ranges.get(i), Some(&(lo, _)) if lo <= c)
}

/// `s` as Go's `strconv.Quote` (and so `fmt`'s `%q`) renders it.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        push_escaped(&mut out, c, '"');
    }
    out.push('"');
    out
}

/// `c` as Go's `strconv.QuoteRune` (`%q` of a rune) renders it.
pub fn quote_rune(c: char) -> String {
    let mut out = String::with_capacity(4);
    out.push('\'');
    push_escaped(&mut out, c, '\'');
    out.push('\'');
    out
}

/// Go's `appendEscapedRune` without the ASCII-only and graphic-only modes.
fn push_escaped(out: &mut String, c: char, quote: char) {
    if c == quote || c == '\\' {
        out.push('\\');
        out.push(c);
        return;
    }
    if is_print(c) {
        out.push(c);
        return;
    }
    let code = u32::from(c);
    match c {
        '\u{7}' => out.push_str("\\a"),
        '\u{8}' => out.push_str("\\b"),
        '\u{c}' => out.push_str("\\f"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        '\u{b}' => out.push_str("\\v"),
        _ if code < 0x20 || code == 0x7f => out.push_str(&format!("\\x{code:02x}")),
        _ if code < 0x10000 => out.push_str(&format!("\\u{code:04x}")),
        _ => out.push_str(&format!("\\U{code:08x}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_like_go() {
        assert_eq!(quote("a\"b\\c"), r#""a\"b\\c""#);
        assert_eq!(
            quote("é\u{0}\t\u{7f}\u{a0}\u{ad}"),
            r#""é\x00\t\x7f\u00a0\u00ad""#
        );
        assert_eq!(quote("\u{e0001}😀"), r#""\U000e0001😀""#);
        assert_eq!(quote_rune('\''), r"'\''");
        assert_eq!(quote_rune('"'), "'\"'");
        assert_eq!(quote_rune('@'), "'@'");
        assert!(is_print(' '));
        assert!(!is_print('\u{10ffff}'));
    }
}
