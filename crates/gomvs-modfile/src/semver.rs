//! Semantic versions exactly as `golang.org/x/mod/semver`.
//!
//! Go's semver differs from Cargo's: a leading `v` is required, `vMAJOR` and
//! `vMAJOR.MINOR` shorthands are valid, build metadata is ignored by
//! comparison, and invalid versions compare below all valid ones.
//!
//! This is a direct port of Go's hand-written parser over bytes rather than a
//! wrapper around the `semver` crate: Go's grammar (shorthands, the required
//! `v`, the "invalid sorts lowest" rule) and its ordering must be reproduced
//! exactly, which is simpler and safer to do with the original algorithm.

use std::cmp::Ordering;

/// The parts of a valid version, borrowed from the input string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Parsed<'a> {
    pub(crate) major: &'a str,
    pub(crate) minor: &'a str,
    pub(crate) patch: &'a str,
    /// The text a shorthand lacks (`.0.0` or `.0`), or `""`.
    pub(crate) short: &'a str,
    /// Prerelease including its leading `-`, or `""`.
    pub(crate) prerelease: &'a str,
    /// Build metadata including its leading `+`, or `""`.
    pub(crate) build: &'a str,
}

/// Reports whether `v` is a valid semantic version string (`semver.IsValid`).
pub fn is_valid(v: &str) -> bool {
    parse(v).is_some()
}

/// The canonical form of `v` (`semver.Canonical`): shorthands expanded,
/// build metadata dropped; `""` when `v` is invalid.
pub fn canonical(v: &str) -> String {
    let Some(p) = parse(v) else {
        return String::new();
    };
    if !p.build.is_empty() {
        return v[..v.len() - p.build.len()].to_string();
    }
    if !p.short.is_empty() {
        return format!("{v}{}", p.short);
    }
    v.to_string()
}

/// Compares two versions (`semver.Compare`); invalid versions are equal to
/// each other and below every valid version.
pub fn compare(v: &str, w: &str) -> Ordering {
    match (parse(v), parse(w)) {
        (None, None) => Ordering::Equal,
        (None, Some(_)) => Ordering::Less,
        (Some(_), None) => Ordering::Greater,
        (Some(pv), Some(pw)) => compare_int(pv.major, pw.major)
            .then_with(|| compare_int(pv.minor, pw.minor))
            .then_with(|| compare_int(pv.patch, pw.patch))
            .then_with(|| compare_prerelease(pv.prerelease, pw.prerelease)),
    }
}

/// The larger of two versions after canonicalizing both (`semver.Max`);
/// `w`'s canonical form on ties, `""` when both are invalid.
pub fn max(v: &str, w: &str) -> String {
    let v = canonical(v);
    let w = canonical(w);
    if compare(&v, &w) == Ordering::Greater {
        v
    } else {
        w
    }
}

/// The major version prefix (`v2`), or `""` if invalid (`semver.Major`).
pub fn major(v: &str) -> String {
    major_str(v).to_string()
}

/// [`major`] borrowed from `v`.
pub(crate) fn major_str(v: &str) -> &str {
    match parse(v) {
        Some(p) => v.get(..1 + p.major.len()).unwrap_or_default(),
        None => "",
    }
}

/// The `vMAJOR.MINOR` prefix, or `""` if invalid (`semver.MajorMinor`).
pub fn major_minor(v: &str) -> String {
    let Some(p) = parse(v) else {
        return String::new();
    };
    let i = 1 + p.major.len();
    let j = i + 1 + p.minor.len();
    if v.as_bytes().get(i) == Some(&b'.') && v.get(i + 1..j) == Some(p.minor) {
        return v[..j].to_string();
    }
    format!("{}.{}", &v[..i], p.minor)
}

/// The prerelease suffix including `-`, or `""` (`semver.Prerelease`).
pub fn prerelease(v: &str) -> String {
    parse(v)
        .map(|p| p.prerelease.to_string())
        .unwrap_or_default()
}

/// The build suffix including `+`, or `""` (`semver.Build`).
pub fn build(v: &str) -> String {
    parse(v).map(|p| p.build.to_string()).unwrap_or_default()
}

/// Sorts versions with `compare`, ties broken by string order (`semver.Sort`).
pub fn sort(list: &mut [String]) {
    list.sort_by(|a, b| compare_version(a, b));
}

/// The total order used by [`sort`]: [`compare`], then byte order.
pub fn compare_version(a: &str, b: &str) -> Ordering {
    compare(a, b).then_with(|| a.cmp(b))
}

/// Go's `semver.parse`; `None` when `v` is not a valid version.
pub(crate) fn parse(v: &str) -> Option<Parsed<'_>> {
    let rest = v.strip_prefix('v')?;
    let (major, rest) = parse_int(rest)?;
    let mut p = Parsed {
        major,
        minor: "0",
        patch: "0",
        short: "",
        prerelease: "",
        build: "",
    };
    if rest.is_empty() {
        p.short = ".0.0";
        return Some(p);
    }
    let rest = rest.strip_prefix('.')?;
    let (minor, rest) = parse_int(rest)?;
    p.minor = minor;
    if rest.is_empty() {
        p.short = ".0";
        return Some(p);
    }
    let rest = rest.strip_prefix('.')?;
    let (patch, mut rest) = parse_int(rest)?;
    p.patch = patch;
    if rest.starts_with('-') {
        let (pre, r) = parse_prerelease(rest)?;
        p.prerelease = pre;
        rest = r;
    }
    if rest.starts_with('+') {
        let (build, r) = parse_build(rest)?;
        p.build = build;
        rest = r;
    }
    if !rest.is_empty() {
        return None;
    }
    Some(p)
}

/// A decimal number without leading zeros at the start of `v`, and the rest.
fn parse_int(v: &str) -> Option<(&str, &str)> {
    let digits = v.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || (digits > 1 && v.starts_with('0')) {
        return None;
    }
    Some(v.split_at(digits))
}

/// A `-id(.id)*` prerelease at the start of `v` (ending at `+` or the end);
/// Go's `parsePrerelease`, one pass over the bytes.
fn parse_prerelease(v: &str) -> Option<(&str, &str)> {
    let b = v.as_bytes();
    if b.first() != Some(&b'-') {
        return None;
    }
    let mut i = 1;
    let mut start = 1;
    while let Some(&c) = b.get(i) {
        if c == b'+' {
            break;
        }
        if c == b'.' {
            if start == i || is_bad_num(v.get(start..i)?) {
                return None;
            }
            start = i + 1;
        } else if !is_ident_char(c) {
            return None;
        }
        i += 1;
    }
    if start == i || is_bad_num(v.get(start..i)?) {
        return None;
    }
    Some(v.split_at(i))
}

/// A `+id(.id)*` build suffix: all of `v`.
fn parse_build(v: &str) -> Option<(&str, &str)> {
    let body = v.strip_prefix('+')?;
    for ident in body.split('.') {
        if ident.is_empty() || !ident.bytes().all(is_ident_char) {
            return None;
        }
    }
    Some((v, ""))
}

fn is_ident_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'-'
}

/// A numeric identifier with a leading zero (`01`).
fn is_bad_num(v: &str) -> bool {
    is_num(v) && v.len() > 1 && v.starts_with('0')
}

fn is_num(v: &str) -> bool {
    v.bytes().all(|c| c.is_ascii_digit())
}

/// Compares decimal strings without leading zeros: length, then bytes.
fn compare_int(x: &str, y: &str) -> Ordering {
    x.len().cmp(&y.len()).then_with(|| x.cmp(y))
}

/// Go's `comparePrerelease`: no prerelease is highest; identifiers compare
/// numeric < alphanumeric, numbers by value, others by bytes; a proper
/// prefix list is lower.
fn compare_prerelease(x: &str, y: &str) -> Ordering {
    if x == y {
        return Ordering::Equal;
    }
    if x.is_empty() {
        return Ordering::Greater;
    }
    if y.is_empty() {
        return Ordering::Less;
    }
    let mut xs = x[1..].split('.');
    let mut ys = y[1..].split('.');
    loop {
        match (xs.next(), ys.next()) {
            (Some(dx), Some(dy)) => {
                if dx == dy {
                    continue;
                }
                let (ix, iy) = (is_num(dx), is_num(dy));
                if ix != iy {
                    return if ix {
                        Ordering::Less
                    } else {
                        Ordering::Greater
                    };
                }
                if ix {
                    return compare_int(dx, dy);
                }
                return dx.cmp(dy);
            }
            // x ran out first (it is a prefix of y) or both did (equal
            // identifier lists, e.g. only differing build metadata; cannot
            // happen since x != y then means a difference was found).
            (None, _) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validity() {
        for v in [
            "v1",
            "v1.2",
            "v1.2.3",
            "v0.0.0",
            "v1.2.3-pre",
            "v1.2.3-pre.1+build.5",
            "v1.2.3+x",
            "v10.20.30-0.a-b",
        ] {
            assert!(is_valid(v), "{v}");
        }
        for v in [
            "",
            "1.2.3",
            "v",
            "v01",
            "v1.02",
            "v1.2.03",
            "v1.2-pre",
            "v1+x",
            "v1.2.3-",
            "v1.2.3-.",
            "v1.2.3-01",
            "v1.2.3+",
            "v1.2.3+a..b",
            "v1.2.3-a+b+c",
            "v1.2.3.4",
            "v1.2.3-é",
        ] {
            assert!(!is_valid(v), "{v}");
        }
    }

    #[test]
    fn parts() {
        assert_eq!(canonical("v1"), "v1.0.0");
        assert_eq!(canonical("v1.2"), "v1.2.0");
        assert_eq!(canonical("v1.2.3+x"), "v1.2.3");
        assert_eq!(canonical("v1.2.3-pre+x"), "v1.2.3-pre");
        assert_eq!(canonical("bad"), "");
        assert_eq!(major("v2.3.4"), "v2");
        assert_eq!(major("x"), "");
        assert_eq!(major_minor("v2"), "v2.0");
        assert_eq!(major_minor("v2.3.4"), "v2.3");
        assert_eq!(prerelease("v1.2.3-pre+b"), "-pre");
        assert_eq!(build("v1.2.3-pre+b"), "+b");
        assert_eq!(max("v1.2", "v1.1.9+x"), "v1.2.0");
        assert_eq!(max("bad", "bad2"), "");
    }

    #[test]
    fn ordering() {
        let ordered = [
            "bad",
            "v0.0.0-20200101000000-abcdefabcdef",
            "v1.0.0-alpha",
            "v1.0.0-alpha.1",
            "v1.0.0-alpha.beta",
            "v1.0.0-beta.2",
            "v1.0.0-beta.11",
            "v1.0.0-rc.1",
            "v1.0.0",
            "v1.2.3",
            "v1.2.4-0.20200101000000-abcdefabcdef",
            "v1.2.4-pre",
            "v1.2.4-pre.0.20200101000000-abcdefabcdef",
            "v2.0.0+incompatible",
            "v10.0.0",
        ];
        for (i, a) in ordered.iter().enumerate() {
            for (j, b) in ordered.iter().enumerate() {
                assert_eq!(compare(a, b), i.cmp(&j), "{a} vs {b}");
            }
        }
        assert_eq!(compare("v1.0.0+a", "v1.0.0"), Ordering::Equal);
        assert_eq!(compare("v1", "v1.0.0"), Ordering::Equal);
        assert_eq!(compare("bad", "worse"), Ordering::Equal);
    }

    #[test]
    fn sorting_breaks_ties_by_string() {
        let mut list: Vec<String> = ["v1.0.0+b", "v1", "v0.9", "x", "v1.0.0", "a"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        sort(&mut list);
        assert_eq!(list, ["a", "x", "v0.9", "v1", "v1.0.0", "v1.0.0+b"]);
    }
}
