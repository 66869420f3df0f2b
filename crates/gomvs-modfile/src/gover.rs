//! Go toolchain versions (`1.21`, `1.21rc1`, `1.21.0`) in the order of the Go
//! command's `internal/gover` and `cmd/go/internal/gover`.

use std::cmp::Ordering;

use crate::module::{split_file_suffix, ModuleVersion};
use crate::semver;

/// The Go version gomvs emulates (`gover.Local()` of the go 1.27.3
/// toolchain); the default for "the running toolchain".
pub const LOCAL: &str = "1.27.3";

/// The Go version assumed for a go.mod without a `go` line
/// (`gover.DefaultGoModVersion`).
pub const DEFAULT_GO_MOD_VERSION: &str = "1.16";

/// The Go version assumed for a go.work without a `go` line
/// (`gover.DefaultGoWorkVersion`).
pub const DEFAULT_GO_WORK_VERSION: &str = "1.18";

/// From this go version on, go.mod lists every indirect dependency
/// explicitly and the module graph is pruned (`gover.ExplicitIndirectVersion`).
pub const EXPLICIT_INDIRECT_VERSION: &str = "1.17";

/// From this go version on, indirect requirements are written in a separate
/// require block (`gover.SeparateIndirectVersion`).
pub const SEPARATE_INDIRECT_VERSION: &str = "1.17";

/// From this go version on, `go` lines are strict requirements and the
/// module graph has `go@` edges (`gover.GoStrictVersion`).
pub const GO_STRICT_VERSION: &str = "1.21";

/// From this go version on, go.mod rewriting uses the simplified require
/// layout (`gover.SimplifyRequireVersion`).
pub const SIMPLIFY_REQUIRE_VERSION: &str = "1.27";

/// From this go version on, `go mod tidy` keeps go.sum entries for go.mod
/// files needed to load the module graph (`gover.TidyGoModSumVersion`).
pub const TIDY_GO_MOD_SUM_VERSION: &str = "1.21";

/// Up to this go version, the `all` pattern is not narrowed
/// (`gover.NarrowAllVersion`).
pub const NARROW_ALL_VERSION: &str = "1.16";

/// The parts of a Go version (`gover.Version`); all empty when invalid.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Version<'a> {
    /// Decimal major version.
    pub major: &'a str,
    /// Decimal minor version, or `""`.
    pub minor: &'a str,
    /// Decimal patch version, or `""` (missing, as in `1.21`).
    pub patch: &'a str,
    /// Prerelease kind (`alpha`, `beta`, `rc`, any lowercase word), or `""`.
    pub kind: &'a str,
    /// Decimal prerelease number, or `""`.
    pub pre: &'a str,
}

/// Parses a Go version (`gover.Parse`); the zero [`Version`] when invalid.
pub fn parse(x: &str) -> Version<'_> {
    parse_opt(x).unwrap_or_default()
}

fn parse_opt(x: &str) -> Option<Version<'_>> {
    let (major, x) = cut_int(x)?;
    let mut v = Version {
        major,
        ..Version::default()
    };
    if x.is_empty() {
        v.minor = "0";
        v.patch = "0";
        return Some(v);
    }
    let x = x.strip_prefix('.')?;
    let (minor, x) = cut_int(x)?;
    v.minor = minor;
    if x.is_empty() {
        // Before 1.21 the patch is implicitly 0; from 1.21 on it is missing.
        if cmp_int(minor, "21") == Ordering::Less {
            v.patch = "0";
        }
        return Some(v);
    }
    if let Some(x) = x.strip_prefix('.') {
        let (patch, rest) = cut_int(x)?;
        if !rest.is_empty() {
            return None;
        }
        v.patch = patch;
        return Some(v);
    }
    let kind_len = x.bytes().take_while(|c| !c.is_ascii_digit()).count();
    let (kind, x) = x.split_at(kind_len);
    if kind.is_empty() || !kind.bytes().all(|c| c.is_ascii_lowercase()) {
        return None;
    }
    v.kind = kind;
    if x.is_empty() {
        return Some(v);
    }
    let (pre, rest) = cut_int(x)?;
    if !rest.is_empty() {
        return None;
    }
    v.pre = pre;
    Some(v)
}

/// A decimal number without unnecessary leading zero at the start of `x`.
fn cut_int(x: &str) -> Option<(&str, &str)> {
    let digits = x.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || (digits > 1 && x.starts_with('0')) {
        return None;
    }
    Some(x.split_at(digits))
}

/// Compares decimal strings (`gover.CmpInt`): length, then bytes.
fn cmp_int(x: &str, y: &str) -> Ordering {
    x.len().cmp(&y.len()).then_with(|| x.cmp(y))
}

/// Compares two Go versions (`gover.Compare`): `1.21 < 1.21rc1 < 1.21.0`.
/// Invalid versions are equal to each other and below all valid ones.
pub fn compare(x: &str, y: &str) -> Ordering {
    let vx = parse(x);
    let vy = parse(y);
    cmp_int(vx.major, vy.major)
        .then_with(|| cmp_int(vx.minor, vy.minor))
        .then_with(|| cmp_int(vx.patch, vy.patch))
        .then_with(|| vx.kind.cmp(vy.kind))
        .then_with(|| cmp_int(vx.pre, vy.pre))
}

/// The larger of two Go versions, `x` on ties (`gover.Max`).
pub fn max<'a>(x: &'a str, y: &'a str) -> &'a str {
    if compare(x, y) == Ordering::Less {
        y
    } else {
        x
    }
}

/// Reports whether `x` is a valid Go version (`gover.IsValid`).
pub fn is_valid(x: &str) -> bool {
    parse_opt(x).is_some()
}

/// Reports whether `x` is a language version such as `1.21` or `1`, with no
/// patch or prerelease (`gover.IsLang`).
pub fn is_lang(x: &str) -> bool {
    match parse_opt(x) {
        Some(v) => v.patch.is_empty() && v.kind.is_empty() && v.pre.is_empty(),
        None => false,
    }
}

/// The language version of `x` (`gover.Lang`): `1.21.3` → `1.21`,
/// `1.0` → `1`; `""` when invalid.
pub fn lang(x: &str) -> String {
    let v = parse(x);
    if v.minor.is_empty() || (v.major == "1" && v.minor == "0") {
        return v.major.to_string();
    }
    format!("{}.{}", v.major, v.minor)
}

/// Reports whether `x` is a prerelease such as `1.21rc1` (`gover.IsPrerelease`).
pub fn is_prerelease(x: &str) -> bool {
    !parse(x).kind.is_empty()
}

/// The Go version of a toolchain name (`gover.FromToolchain`):
/// `go1.21.0` → `1.21.0`; a `-suffix` or ` text` after the version is
/// ignored; `""` for names without a valid version (`default`, paths).
pub fn from_toolchain(name: &str) -> String {
    if name.contains(['\\', '/']) {
        return String::new();
    }
    let Some(v) = name.strip_prefix("go") else {
        return String::new();
    };
    let v = match v.find([' ', '\t', '-']) {
        Some(i) => &v[..i],
        None => v,
    };
    if !is_valid(v) {
        return String::new();
    }
    v.to_string()
}

/// A bare Go version as is, otherwise the version of a toolchain name
/// (`gover.maybeToolchainVersion`).
fn maybe_toolchain_version(name: &str) -> String {
    if is_valid(name) {
        name.to_string()
    } else {
        from_toolchain(name)
    }
}

/// Reports whether `path` is one of the `go` / `toolchain` pseudo-modules
/// (`gover.IsToolchain`).
pub fn is_toolchain(path: &str) -> bool {
    path == "go" || path == "toolchain"
}

/// `gover.ModCompare`: Go-version order for the `go` and `toolchain`
/// pseudo-modules, semver order for every other module path.
pub fn mod_compare(path: &str, x: &str, y: &str) -> Ordering {
    match path {
        "go" => compare(x, y),
        "toolchain" => compare(&maybe_toolchain_version(x), &maybe_toolchain_version(y)),
        _ => semver::compare(x, y),
    }
}

/// `gover.ModSort`: sorts by path (byte order), then by [`mod_compare`] on
/// the version, with a `/suffix` after the version (`v1.0.0/go.mod`)
/// breaking ties in byte order.
pub fn mod_sort(list: &mut [ModuleVersion]) {
    list.sort_by(mod_sort_cmp);
}

/// The order [`mod_sort`] uses.
pub fn mod_sort_cmp(a: &ModuleVersion, b: &ModuleVersion) -> Ordering {
    if a.path != b.path {
        return a.path.cmp(&b.path);
    }
    let (vi, fi) = split_file_suffix(&a.version);
    let (vj, fj) = split_file_suffix(&b.version);
    if vi != vj {
        return mod_compare(&a.path, vi, vj);
    }
    fi.cmp(fj)
}

/// `gover.ModIsValid`: whether `vers` is a valid version for module `path`.
pub fn mod_is_valid(path: &str, vers: &str) -> bool {
    match path {
        "toolchain" => is_valid(&from_toolchain(vers)),
        "go" => is_valid(vers),
        _ => semver::is_valid(vers),
    }
}

/// `gover.ModIsPrefix`: whether `vers` is a version prefix (`1.21`, `v1.2`)
/// rather than a complete version.
pub fn mod_is_prefix(path: &str, vers: &str) -> bool {
    match path {
        "toolchain" => is_lang(&from_toolchain(vers)),
        "go" => is_lang(vers),
        _ => {
            let mut dots = 0;
            for c in vers.bytes() {
                match c {
                    b'-' | b'+' => return false,
                    b'.' => {
                        dots += 1;
                        if dots >= 2 {
                            return false;
                        }
                    }
                    _ => {}
                }
            }
            true
        }
    }
}

/// `gover.ModIsPrerelease`: whether `vers` is a prerelease for module `path`.
pub fn mod_is_prerelease(path: &str, vers: &str) -> bool {
    match path {
        "toolchain" => is_prerelease(&from_toolchain(vers)),
        "go" => is_prerelease(vers),
        _ => !semver::prerelease(vers).is_empty(),
    }
}

/// `gover.ModMajorMinor`: the `major.minor` prefix of `vers` for module `path`.
pub fn mod_major_minor(path: &str, vers: &str) -> String {
    match path {
        "toolchain" => format!("go{}", lang(&from_toolchain(vers))),
        "go" => lang(vers),
        _ => semver::major_minor(vers),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_version_order() {
        let ordered = [
            "",
            "1",
            "1.2",
            "1.20",
            "1.21",
            "1.21alpha",
            "1.21rc",
            "1.21rc1",
            "1.21rc2",
            "1.21.0",
            "1.21.1",
            "1.22",
            "2",
        ];
        for (i, a) in ordered.iter().enumerate() {
            for (j, b) in ordered.iter().enumerate() {
                assert_eq!(compare(a, b), i.cmp(&j), "{a} vs {b}");
            }
        }
        assert_eq!(compare("1.20", "1.20.0"), Ordering::Equal);
        assert_eq!(compare("bad", "1.2X"), Ordering::Equal);
        assert_eq!(compare("1", "1.0.0"), Ordering::Equal);
    }

    #[test]
    fn validity_and_lang() {
        for x in ["1", "1.21", "1.21rc1", "1.21.0", "1.21rc", "1.22beta1"] {
            assert!(is_valid(x), "{x}");
        }
        for x in [
            "", "01", "1.", "1.21.", "1.21.0.1", "1.21RC1", "1.21rc01", "go1.21", "v1",
        ] {
            assert!(!is_valid(x), "{x}");
        }
        assert_eq!(lang("1.21.3"), "1.21");
        assert_eq!(lang("1.0"), "1");
        assert_eq!(lang("1"), "1");
        assert_eq!(lang("bad"), "");
        assert!(is_lang("1.21"));
        assert!(!is_lang("1.20"));
        assert!(!is_lang("1.21.0"));
        assert_eq!(max("1.21", "1.21.0"), "1.21.0");
    }

    #[test]
    fn toolchains() {
        assert_eq!(from_toolchain("go1.21.0"), "1.21.0");
        assert_eq!(from_toolchain("go1.21.0-custom"), "1.21.0");
        assert_eq!(from_toolchain("go1.21.0 extra"), "1.21.0");
        assert_eq!(from_toolchain("default"), "");
        assert_eq!(from_toolchain("go1.21/x"), "");
        assert_eq!(from_toolchain("1.21"), "");
        assert_eq!(mod_compare("toolchain", "go1.21.0", "1.22"), Ordering::Less);
        assert_eq!(mod_compare("go", "1.21", "1.21.0"), Ordering::Less);
        assert_eq!(mod_compare("x.com/m", "v1.21", "v1.21.0"), Ordering::Equal);
        assert!(mod_is_valid("toolchain", "go1.21rc1"));
        assert!(!mod_is_valid("toolchain", "1.21rc1"));
        assert!(mod_is_valid("go", "1.21rc1"));
        assert!(!mod_is_valid("m.com/x", "1.21rc1"));
    }

    #[test]
    fn mod_sort_orders_paths_then_versions() {
        let mut list: Vec<ModuleVersion> = [
            ("x.com/b", "v1.0.0"),
            ("go", "1.21.0"),
            ("go", "1.21"),
            ("x.com/a", "v1.10.0/go.mod"),
            ("x.com/a", "v1.10.0"),
            ("x.com/a", "v1.9.0"),
            ("toolchain", "go1.22.0"),
            ("toolchain", "go1.21.1"),
        ]
        .iter()
        .map(|(p, v)| ModuleVersion::new(*p, *v))
        .collect();
        mod_sort(&mut list);
        let got: Vec<String> = list.iter().map(ToString::to_string).collect();
        assert_eq!(
            got,
            [
                "go@1.21",
                "go@1.21.0",
                "toolchain@go1.21.1",
                "toolchain@go1.22.0",
                "x.com/a@v1.9.0",
                "x.com/a@v1.10.0",
                "x.com/a@v1.10.0/go.mod",
                "x.com/b@v1.0.0",
            ]
        );
    }
}
