//! Pseudo-versions as `golang.org/x/mod/module/pseudo.go`.
//!
//! Three forms, each optionally followed by `+incompatible`:
//! `vX.0.0-yyyymmddhhmmss-abcdefabcdef` (no base tag),
//! `vX.Y.(Z+1)-0.yyyymmddhhmmss-abcdefabcdef` (base release `vX.Y.Z`) and
//! `vX.Y.Z-pre.0.yyyymmddhhmmss-abcdefabcdef` (base prerelease `vX.Y.Z-pre`).
//! Timestamps are handled as their 14-digit UTC text (Go's
//! `PseudoVersionTimestampFormat`, `20060102150405`).

use crate::module::InvalidVersionError;
use crate::semver;

/// The timestamp of [`zero_pseudo_version`]: Go's zero `time.Time`.
pub const ZERO_TIMESTAMP: &str = "00010101000000";

/// The revision of [`zero_pseudo_version`].
pub const ZERO_REV: &str = "000000000000";

/// Reports whether `v` is a pseudo-version (`module.IsPseudoVersion`).
pub fn is_pseudo_version(v: &str) -> bool {
    v.matches('-').count() >= 2 && semver::is_valid(v) && matches_pseudo_re(v)
}

/// Matches Go's `pseudoVersionRE`,
/// `^v[0-9]+\.(0\.0-|\d+\.\d+-([^+]*\.)?0\.)\d{14}-[A-Za-z0-9]+(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$`,
/// in linear time.
fn matches_pseudo_re(v: &str) -> bool {
    let Some(rest) = v.strip_prefix('v') else {
        return false;
    };
    let Some(rest) = skip_digits(rest).and_then(|r| r.strip_prefix('.')) else {
        return false;
    };
    // Alternative 1: `0\.0-` then the tail.
    if let Some(tail) = rest.strip_prefix("0.0-") {
        if matches_tail(tail) {
            return true;
        }
    }
    // Alternative 2: `\d+\.\d+-([^+]*\.)?0\.` then the tail.
    let Some(r) = skip_digits(rest)
        .and_then(|r| r.strip_prefix('.'))
        .and_then(skip_digits)
        .and_then(|r| r.strip_prefix('-'))
    else {
        return false;
    };
    // The tail has no `.` before its `+`, so it starts right after the last
    // `.` before the first `+`; that `.` must close `0.` preceded by the
    // start of `r` or by another `.` (the optional `([^+]*\.)` group).
    let before_plus = &r[..r.find('+').unwrap_or(r.len())];
    let Some(dot) = before_plus.rfind('.') else {
        return false;
    };
    let head = &r[..dot];
    (head == "0" || head.ends_with(".0")) && matches_tail(&r[dot + 1..])
}

/// `\d{14}-[A-Za-z0-9]+(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$`.
fn matches_tail(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() < 16 || !b[..14].iter().all(u8::is_ascii_digit) || b[14] != b'-' {
        return false;
    }
    let rest = &s[15..];
    let (rev, build) = match rest.find('+') {
        Some(i) => (&rest[..i], Some(&rest[i + 1..])),
        None => (rest, None),
    };
    if rev.is_empty() || !rev.bytes().all(|c| c.is_ascii_alphanumeric()) {
        return false;
    }
    match build {
        None => true,
        Some(build) => build
            .split('.')
            .all(|id| !id.is_empty() && id.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-')),
    }
}

/// Skips one or more ASCII digits; `None` if there are none.
fn skip_digits(s: &str) -> Option<&str> {
    let n = s.bytes().take_while(u8::is_ascii_digit).count();
    (n > 0).then(|| &s[n..])
}

/// `module.PseudoVersion`: the pseudo-version for major version `major`
/// (`""` means `v0`), the latest older tag `older` (`""`, `v1.2.3` or
/// `v1.2.3-pre`, possibly `+incompatible`), the UTC commit time formatted
/// as `yyyymmddhhmmss`, and the revision (usually a 12-character hash).
pub fn pseudo_version(major: &str, older: &str, timestamp: &str, rev: &str) -> String {
    let major = if major.is_empty() { "v0" } else { major };
    let segment = format!("{timestamp}-{rev}");
    let build = semver::build(older);
    let older = semver::canonical(older);
    if older.is_empty() {
        return format!("{major}.0.0-{segment}");
    }
    if !semver::prerelease(&older).is_empty() {
        return format!("{older}.0.{segment}{build}");
    }
    let i = older.rfind('.').map_or(0, |i| i + 1);
    let (base, patch) = older.split_at(i);
    format!("{base}{}-0.{segment}{build}", inc_decimal(patch))
}

/// `module.ZeroPseudoVersion`: the placeholder pseudo-version with zero
/// time and revision, e.g. `v0.0.0-00010101000000-000000000000`.
pub fn zero_pseudo_version(major: &str) -> String {
    pseudo_version(major, "", ZERO_TIMESTAMP, ZERO_REV)
}

/// `module.IsZeroPseudoVersion`: whether `v` is what [`zero_pseudo_version`]
/// returns for its major version.
pub fn is_zero_pseudo_version(v: &str) -> bool {
    v == zero_pseudo_version(&semver::major(v))
}

/// `module.PseudoVersionTime`: the 14-digit UTC timestamp of `v`
/// (`yyyymmddhhmmss`), checked to be a valid calendar time.
pub fn pseudo_version_time(v: &str) -> Result<String, InvalidVersionError> {
    let parts = parse_pseudo_version(v)?;
    if !is_valid_timestamp(parts.timestamp) {
        return Err(pseudo_error(
            v,
            format!("malformed time {}", crate::module::quote(parts.timestamp)),
        ));
    }
    Ok(parts.timestamp.to_string())
}

/// `module.PseudoVersionRev`: the revision identifier of `v`.
pub fn pseudo_version_rev(v: &str) -> Result<String, InvalidVersionError> {
    parse_pseudo_version(v).map(|p| p.rev.to_string())
}

/// `module.PseudoVersionBase`: the canonical tagged version `v` is based on
/// (keeping `+incompatible`), or `""` for the `vX.0.0-…` form.
pub fn pseudo_version_base(v: &str) -> Result<String, InvalidVersionError> {
    let parts = parse_pseudo_version(v)?;
    let base = parts.base;
    let build = parts.build;
    let pre = semver::prerelease(base);
    match pre.as_str() {
        "" => {
            if !build.is_empty() {
                return Err(pseudo_error(
                    v,
                    format!(
                        "lacks base version, but has build metadata {}",
                        crate::module::quote(build)
                    ),
                ));
            }
            Ok(String::new())
        }
        "-0" => {
            let base = &base[..base.len() - pre.len()];
            let i = base.rfind('.').unwrap_or(0);
            let patch = dec_decimal(base.get(i + 1..).unwrap_or(""));
            if patch.is_empty() {
                return Err(pseudo_error(
                    v,
                    format!("version before {base} would have negative patch number"),
                ));
            }
            Ok(format!("{}{patch}{build}", &base[..i + 1]))
        }
        _ => {
            let base = base.strip_suffix(".0").unwrap_or(base);
            Ok(format!("{base}{build}"))
        }
    }
}

/// The pieces of a pseudo-version (Go's `parsePseudoVersion` results).
struct PseudoParts<'a> {
    /// `vX.Y.Z-pre.0`, `vX.Y.(Z+1)-0` or `vX.0.0`.
    base: &'a str,
    timestamp: &'a str,
    rev: &'a str,
    /// Build metadata including `+`, or `""`.
    build: &'a str,
}

fn parse_pseudo_version(v: &str) -> Result<PseudoParts<'_>, InvalidVersionError> {
    if !is_pseudo_version(v) {
        return Err(pseudo_error(v, "syntax error".to_string()));
    }
    let build_len = semver::build(v).len();
    let (v, build) = v.split_at(v.len() - build_len);
    // A pseudo-version has at least two '-', so both searches succeed.
    let j = v.rfind('-').unwrap_or(0);
    let (v, rev) = (&v[..j], v.get(j + 1..).unwrap_or(""));
    let i = v.rfind('-').unwrap_or(0);
    let (base, timestamp) = match v.rfind('.') {
        Some(j) if j > i => (&v[..j], &v[j + 1..]),
        _ => (&v[..i], v.get(i + 1..).unwrap_or("")),
    };
    Ok(PseudoParts {
        base,
        timestamp,
        rev,
        build,
    })
}

fn pseudo_error(v: &str, reason: String) -> InvalidVersionError {
    InvalidVersionError {
        version: v.to_string(),
        pseudo: true,
        reason,
    }
}

/// Whether a 14-digit `yyyymmddhhmmss` string is a time Go's
/// `time.Parse("20060102150405", …)` accepts.
fn is_valid_timestamp(ts: &str) -> bool {
    if ts.len() != 14 || !ts.bytes().all(|c| c.is_ascii_digit()) {
        return false;
    }
    let num = |a: usize, b: usize| ts[a..b].parse::<u32>().unwrap_or(u32::MAX);
    let (year, month, day) = (num(0, 4), num(4, 6), num(6, 8));
    let (hour, min, sec) = (num(8, 10), num(10, 12), num(12, 14));
    if !(1..=12).contains(&month) || hour > 23 || min > 59 || sec > 59 {
        return false;
    }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    (1..=days).contains(&day)
}

/// A decimal string plus one (Go's `incDecimal`).
fn inc_decimal(decimal: &str) -> String {
    let mut digits = decimal.as_bytes().to_vec();
    let mut i = digits.len();
    while i > 0 && digits[i - 1] == b'9' {
        digits[i - 1] = b'0';
        i -= 1;
    }
    if i > 0 {
        digits[i - 1] += 1;
    } else {
        digits.insert(0, b'1');
    }
    String::from_utf8_lossy(&digits).into_owned()
}

/// A decimal string minus one, or `""` if it is all zeros (Go's `decDecimal`).
fn dec_decimal(decimal: &str) -> String {
    let mut digits = decimal.as_bytes().to_vec();
    let mut i = digits.len();
    while i > 0 && digits[i - 1] == b'0' {
        digits[i - 1] = b'9';
        i -= 1;
    }
    if i == 0 {
        return String::new();
    }
    if i == 1 && digits[0] == b'1' && digits.len() > 1 {
        digits.remove(0);
    } else {
        digits[i - 1] -= 1;
    }
    String::from_utf8_lossy(&digits).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    const FORMS: [&str; 6] = [
        "v0.0.0-20191109021931-daa7c04131f5",
        "v1.2.4-0.20191109021931-daa7c04131f5",
        "v1.2.3-pre.0.20191109021931-daa7c04131f5",
        "v2.0.0-20191109021931-daa7c04131f5+incompatible",
        "v2.3.1-0.20191109021931-daa7c04131f5+incompatible",
        "v1.2.3-rc.1.0.20191109021931-daa7c04131f5",
    ];

    #[test]
    fn recognizes_the_three_forms() {
        for v in FORMS {
            assert!(is_pseudo_version(v), "{v}");
        }
        for v in [
            "v1.2.3",
            "v1.2.3-pre",
            "v0.0.0-2019110902193-daa7c04131f5",
            "v1.2.4-1.20191109021931-daa7c04131f5",
            "v1.2.4-20191109021931-daa7c04131f5",
            "v1.2.3-pre.1.20191109021931-daa7c04131f5",
            "v1.2.3-0.20191109021931-daa7c04131f5.x",
            "v0.0.0-20191109021931-",
        ] {
            assert!(!is_pseudo_version(v), "{v}");
        }
    }

    #[test]
    fn parts() {
        assert_eq!(pseudo_version_base(FORMS[0]).as_deref(), Ok(""));
        assert_eq!(pseudo_version_base(FORMS[1]).as_deref(), Ok("v1.2.3"));
        assert_eq!(pseudo_version_base(FORMS[2]).as_deref(), Ok("v1.2.3-pre"));
        assert_eq!(
            pseudo_version_base(FORMS[3]).map_err(|e| e.to_string()),
            Err("pseudo-version \"v2.0.0-20191109021931-daa7c04131f5+incompatible\" invalid: lacks base version, but has build metadata \"+incompatible\"".to_string())
        );
        assert_eq!(
            pseudo_version_base(FORMS[4]).as_deref(),
            Ok("v2.3.0+incompatible")
        );
        assert_eq!(pseudo_version_base(FORMS[5]).as_deref(), Ok("v1.2.3-rc.1"));
        assert_eq!(
            pseudo_version_base("v1.0.0-0.20191109021931-daa7c04131f5")
                .map_err(|e| e.to_string()),
            Err("pseudo-version \"v1.0.0-0.20191109021931-daa7c04131f5\" invalid: version before v1.0.0 would have negative patch number".to_string())
        );
        assert_eq!(
            pseudo_version_time(FORMS[1]).as_deref(),
            Ok("20191109021931")
        );
        assert_eq!(pseudo_version_rev(FORMS[1]).as_deref(), Ok("daa7c04131f5"));
        assert_eq!(
            pseudo_version_time("v0.0.0-20191309021931-daa7c04131f5").map_err(|e| e.to_string()),
            Err("pseudo-version \"v0.0.0-20191309021931-daa7c04131f5\" invalid: malformed time \"20191309021931\"".to_string())
        );
        assert_eq!(
            pseudo_version_rev("v1.2.3").map_err(|e| e.to_string()),
            Err("pseudo-version \"v1.2.3\" invalid: syntax error".to_string())
        );
    }

    #[test]
    fn builds_pseudo_versions() {
        let ts = "20191109021931";
        let rev = "daa7c04131f5";
        assert_eq!(pseudo_version("", "", ts, rev), FORMS[0]);
        assert_eq!(pseudo_version("v1", "v1.2.3", ts, rev), FORMS[1]);
        assert_eq!(pseudo_version("v1", "v1.2.3-pre", ts, rev), FORMS[2]);
        assert_eq!(
            pseudo_version("v2", "v2.3.0+incompatible", ts, rev),
            FORMS[4]
        );
        assert_eq!(
            pseudo_version("v1", "v1.2.99", ts, rev),
            "v1.2.100-0.20191109021931-daa7c04131f5"
        );
        assert_eq!(
            zero_pseudo_version(""),
            "v0.0.0-00010101000000-000000000000"
        );
        assert!(is_zero_pseudo_version("v2.0.0-00010101000000-000000000000"));
        assert!(!is_zero_pseudo_version(FORMS[0]));
    }

    #[test]
    fn decimals() {
        assert_eq!(inc_decimal("0"), "1");
        assert_eq!(inc_decimal("99"), "100");
        assert_eq!(dec_decimal("100"), "99");
        assert_eq!(dec_decimal("10"), "9");
        assert_eq!(dec_decimal("1"), "0");
        assert_eq!(dec_decimal("0"), "");
    }
}
