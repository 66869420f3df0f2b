//! `time.Time` as a `.info` file's `Time` field goes through the Go command:
//! `UnmarshalJSON` (which, with strict checks disabled in Go 1.27, accepts
//! exactly what `time.Parse(time.RFC3339, s)` accepts and fails with its
//! `ParseError` text), then `MarshalJSON` in `go list -m -json` (RFC 3339 with
//! nanoseconds, trailing zeros trimmed, `Z` for a zero offset, the offset as
//! written otherwise).

/// Go's zero `time.Time`, as `MarshalJSON` prints it.
pub const ZERO_TIME: &str = "0001-01-01T00:00:00Z";

const LAYOUT: &str = "2006-01-02T15:04:05Z07:00";

/// A parsed RFC 3339 time: the wall-clock fields in the written zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Parsed {
    year: i64,
    month: i64,
    day: i64,
    hour: i64,
    min: i64,
    sec: i64,
    nsec: i64,
    /// Offset east of UTC in seconds.
    offset: i64,
}

/// Parses the bytes between the quotes of a JSON time value and returns it
/// formatted as Go's `MarshalJSON` prints it, or Go's parse error text.
pub(crate) fn parse_rfc3339_json(value: &[u8]) -> Result<String, String> {
    parse(value).map(format)
}

/// Parses an RFC 3339 time (as `time.Parse(time.RFC3339, …)`), returning it
/// re-formatted the way Go prints it, or `None` if Go would reject it.
pub fn normalize_rfc3339(value: &str) -> Option<String> {
    parse(value.as_bytes()).ok().map(format)
}

/// The instant of Go's zero time (0001-01-01T00:00:00Z) in [`instant_rfc3339`]'s unit.
pub(crate) const ZERO_INSTANT: i128 = -62_135_596_800 * 1_000_000_000;

/// Days since 1970-01-01 of a proleptic Gregorian date (`days_from_civil`).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

impl Parsed {
    /// Nanoseconds since the Unix epoch.
    fn instant(&self) -> i128 {
        let days = i128::from(days_from_civil(self.year, self.month, self.day));
        let secs =
            days * 86_400 + i128::from(self.hour * 3600 + self.min * 60 + self.sec - self.offset);
        secs * 1_000_000_000 + i128::from(self.nsec)
    }
}

/// `time.Parse(time.RFC3339, s)` as an instant (ns since the epoch), or
/// `None` when Go fails to parse it.
pub(crate) fn instant_rfc3339(s: &str) -> Option<i128> {
    parse(s.as_bytes()).ok().map(|p| p.instant())
}

/// The instant of a pseudo-version timestamp `yyyymmddhhmmss` (UTC).
pub(crate) fn instant_pseudo(ts: &str) -> Option<i128> {
    let b = ts.as_bytes();
    if b.len() != 14 || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let n = |r: std::ops::Range<usize>| -> i64 {
        b[r].iter().fold(0, |acc, d| acc * 10 + i64::from(d - b'0'))
    };
    let p = Parsed {
        year: n(0..4),
        month: n(4..6),
        day: n(6..8),
        hour: n(8..10),
        min: n(10..12),
        sec: n(12..14),
        nsec: 0,
        offset: 0,
    };
    Some(p.instant())
}

/// The error `time.Time.MarshalJSON` returns for a time as [`normalize_rfc3339`]
/// prints it, if any: a zone offset of 24 hours or more cannot be written
/// as RFC 3339 (`timezone hour outside of range [0,23]`). Go then fails the
/// whole `go list -json` output with
/// `json: error calling MarshalJSON for type *time.Time: <this text>`.
pub fn marshal_json_error(formatted: &str) -> Option<String> {
    let b = formatted.as_bytes();
    if b.len() < 6 || b.last() == Some(&b'Z') {
        return None;
    }
    let zone = &b[b.len() - 6..];
    let hour = zone
        .get(1..3)
        .and_then(|h| std::str::from_utf8(h).ok())
        .and_then(|h| h.parse::<u32>().ok())?;
    (hour >= 24).then(|| "timezone hour outside of range [0,23]".to_string())
}

fn format(p: Parsed) -> String {
    let fields = [
        (p.year, 4),
        (p.month, 2),
        (p.day, 2),
        (p.hour, 2),
        (p.min, 2),
        (p.sec, 2),
    ];
    let mut s = String::with_capacity(32);
    if fields
        .iter()
        .all(|&(v, width)| (0..10_i64.pow(width)).contains(&v))
    {
        // `{:0width}` of values that fit their width, digit by digit.
        for (i, (v, width)) in fields.into_iter().enumerate() {
            if i > 0 {
                s.push(match i {
                    1 | 2 => '-',
                    3 => 'T',
                    _ => ':',
                });
            }
            for place in (0..width).rev() {
                let digit = (v / 10_i64.pow(place)) % 10;
                s.push(char::from(b'0' + u8::try_from(digit).unwrap_or(0)));
            }
        }
    } else {
        s = format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
            p.year, p.month, p.day, p.hour, p.min, p.sec
        );
    }
    if p.nsec != 0 {
        let frac = format!("{:09}", p.nsec);
        s.push('.');
        s.push_str(frac.trim_end_matches('0'));
    }
    if p.offset == 0 {
        s.push('Z');
    } else {
        let (sign, off) = if p.offset < 0 {
            ('-', -p.offset)
        } else {
            ('+', p.offset)
        };
        s.push_str(&format!("{sign}{:02}:{:02}", off / 3600, off / 60 % 60));
    }
    s
}

/// `time.quote`.
fn quote(s: &[u8]) -> String {
    let mut out = String::from("\"");
    let mut i = 0;
    while i < s.len() {
        let c = s[i];
        if !(b' '..0x80).contains(&c) {
            let width = if c < 0x80 { 1 } else { utf8_width(&s[i..]) };
            for b in &s[i..i + width] {
                out.push_str(&format!("\\x{b:02x}"));
            }
            i += width;
        } else {
            if c == b'"' || c == b'\\' {
                out.push('\\');
            }
            out.push(char::from(c));
            i += 1;
        }
    }
    out.push('"');
    out
}

/// Width of the rune at the start of `s` as Go's range loop decodes it
/// (1 for invalid encodings).
fn utf8_width(s: &[u8]) -> usize {
    for w in (2..=4).rev() {
        if let Some(prefix) = s.get(..w) {
            if std::str::from_utf8(prefix).is_ok() {
                return w;
            }
        }
    }
    1
}

fn parse_error(value: &[u8], layout_elem: &str, value_elem: &[u8]) -> String {
    format!(
        "parsing time {} as {}: cannot parse {} as {}",
        quote(value),
        quote(LAYOUT.as_bytes()),
        quote(value_elem),
        quote(layout_elem.as_bytes())
    )
}

fn message_error(value: &[u8], message: &str) -> String {
    format!("parsing time {}{message}", quote(value))
}

fn digit(s: &[u8], i: usize) -> bool {
    s.get(i).is_some_and(u8::is_ascii_digit)
}

/// `time.getnum`.
fn getnum(s: &[u8], fixed: bool) -> Option<(i64, &[u8])> {
    if !digit(s, 0) {
        return None;
    }
    let d0 = i64::from(s[0] - b'0');
    if !digit(s, 1) {
        if fixed {
            return None;
        }
        return Some((d0, &s[1..]));
    }
    Some((d0 * 10 + i64::from(s[1] - b'0'), &s[2..]))
}

/// `time.atoi` on an ASCII string (sign allowed, digits only, no overflow
/// for the at most ten digits it is used on here).
fn atoi(s: &[u8]) -> Option<i64> {
    let (neg, digits) = match s.first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        // leadingInt accepts an empty digit run, then atoi fails on "rem";
        // an empty string gives 0 (only reachable for an empty fraction).
        if digits.is_empty() {
            return Some(0);
        }
        return None;
    }
    let mut x: i64 = 0;
    for d in digits {
        x = x.checked_mul(10)?.checked_add(i64::from(d - b'0'))?;
    }
    Some(if neg { -x } else { x })
}

fn is_leap(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in(month: i64, year: i64) -> i64 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// One step of `time.parse` for a fixed literal prefix (`skip`).
fn skip<'a>(value: &'a [u8], prefix: &[u8]) -> Option<&'a [u8]> {
    value.strip_prefix(prefix)
}

/// `time.parse(time.RFC3339, value, UTC, Local)`, keeping the written offset.
fn parse(avalue: &[u8]) -> Result<Parsed, String> {
    let mut p = Parsed {
        year: 0,
        month: 0,
        day: 0,
        hour: 0,
        min: 0,
        sec: 0,
        nsec: 0,
        offset: 0,
    };
    let bad = |layout_elem: &str, hold: &[u8]| parse_error(avalue, layout_elem, hold);
    let range = |what: &str| message_error(avalue, &format!(": {what} out of range"));

    // 2006
    let value = avalue;
    if value.len() < 4 || !digit(value, 0) {
        return Err(bad("2006", value));
    }
    p.year = atoi(&value[..4]).ok_or_else(|| bad("2006", value))?;
    let mut value = &value[4..];

    // -01 -02 T15 :04 :05
    let steps: [(&[u8], &str, bool); 5] = [
        (b"-", "01", true),
        (b"-", "02", true),
        (b"T", "15", false),
        (b":", "04", true),
        (b":", "05", true),
    ];
    for (i, (prefix, elem, fixed)) in steps.iter().enumerate() {
        value = skip(value, prefix)
            .ok_or_else(|| parse_error(avalue, std::str::from_utf8(prefix).unwrap_or(""), value))?;
        let hold = value;
        let (n, rest) = getnum(value, *fixed).ok_or_else(|| bad(elem, hold))?;
        value = rest;
        match i {
            0 => {
                if !(1..=12).contains(&n) {
                    return Err(range("month"));
                }
                p.month = n;
            }
            1 => p.day = n, // validated at the end
            2 => {
                if n >= 24 {
                    return Err(range("hour"));
                }
                p.hour = n;
            }
            3 => {
                if n >= 60 {
                    return Err(range("minute"));
                }
                p.min = n;
            }
            _ => {
                if n >= 60 {
                    return Err(range("second"));
                }
                p.sec = n;
                // A fractional second not in the layout.
                if value.len() >= 2 && matches!(value[0], b'.' | b',') && digit(value, 1) {
                    let mut n = 2;
                    while n < value.len() && digit(value, n) {
                        n += 1;
                    }
                    let nbytes = n.min(10);
                    let ns = atoi(&value[1..nbytes]).ok_or_else(|| bad("05", hold))?;
                    let mut ns = ns;
                    for _ in 0..(10 - nbytes) {
                        ns *= 10;
                    }
                    p.nsec = ns;
                    value = &value[n..];
                }
            }
        }
    }

    // Z07:00
    let hold = value;
    if value.first() == Some(&b'Z') {
        value = &value[1..];
    } else {
        if value.len() < 6 || value[3] != b':' {
            return Err(bad("Z07:00", hold));
        }
        let (sign, hour, min) = (value[0], &value[1..3], &value[4..6]);
        value = &value[6..];
        let hr = getnum(hour, true).map(|x| x.0);
        let mm = hr.and_then(|_| getnum(min, true).map(|x| x.0));
        let (hr_v, mm_v) = (hr.unwrap_or(0), mm.unwrap_or(0));
        let mut range_err = None;
        if hr_v > 24 {
            range_err = Some("time zone offset hour");
        }
        if mm_v > 60 {
            range_err = Some("time zone offset minute");
        }
        if let Some(what) = range_err {
            return Err(range(what));
        }
        if hr.is_none() || mm.is_none() || !matches!(sign, b'+' | b'-') {
            return Err(bad("Z07:00", hold));
        }
        p.offset = (hr_v * 60 + mm_v) * 60;
        if sign == b'-' {
            p.offset = -p.offset;
        }
    }
    if !value.is_empty() {
        return Err(message_error(
            avalue,
            &format!(": extra text: {}", quote(value)),
        ));
    }
    if p.day < 1 || p.day > days_in(p.month, p.year) {
        return Err(range("day"));
    }
    Ok(p)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn t(s: &str) -> Result<String, String> {
        parse_rfc3339_json(s.as_bytes())
    }

    #[test]
    fn formats_like_go_marshal_json() {
        assert_eq!(t("2020-01-01T00:00:00Z").unwrap(), "2020-01-01T00:00:00Z");
        assert_eq!(
            t("2020-01-01T00:00:00.120000000Z").unwrap(),
            "2020-01-01T00:00:00.12Z"
        );
        assert_eq!(
            t("2020-01-01T10:00:00+00:00").unwrap(),
            "2020-01-01T10:00:00Z"
        );
        assert_eq!(
            t("2020-01-01T10:00:00-05:30").unwrap(),
            "2020-01-01T10:00:00-05:30"
        );
    }

    #[test]
    fn digit_formatting_equals_padded_format() {
        for (year, month, day, hour, min, sec) in [
            (0, 1, 1, 0, 0, 0),
            (1, 1, 1, 0, 0, 0),
            (999, 9, 9, 9, 9, 9),
            (2024, 12, 31, 23, 59, 60),
            (9999, 10, 10, 10, 10, 10),
            (10_000, 1, 1, 0, 0, 0),
            (-1, 1, 1, 0, 0, 0),
        ] {
            let p = Parsed {
                year,
                month,
                day,
                hour,
                min,
                sec,
                nsec: 0,
                offset: 0,
            };
            assert_eq!(
                format(p),
                format!("{year:04}-{month:02}-{day:02}T{hour:02}:{min:02}:{sec:02}Z")
            );
        }
    }

    #[test]
    fn instants_compare_across_zones() {
        let a = instant_rfc3339("2020-01-01T10:00:00+02:00").unwrap();
        let b = instant_rfc3339("2020-01-01T08:00:00Z").unwrap();
        assert_eq!(a, b);
        assert_eq!(instant_rfc3339("0001-01-01T00:00:00Z"), Some(ZERO_INSTANT));
        assert_eq!(instant_pseudo("20200101080000"), Some(b));
    }

    #[test]
    fn parse_errors_have_go_text() {
        assert_eq!(
            t("2020-01-01").unwrap_err(),
            r#"parsing time "2020-01-01" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "T""#
        );
        assert_eq!(
            t("2020-13-01T00:00:00Z").unwrap_err(),
            r#"parsing time "2020-13-01T00:00:00Z": month out of range"#
        );
        assert_eq!(
            t("2021-02-29T00:00:00Z").unwrap_err(),
            r#"parsing time "2021-02-29T00:00:00Z": day out of range"#
        );
    }
}
