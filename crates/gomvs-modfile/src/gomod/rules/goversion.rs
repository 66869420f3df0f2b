//! The `go` and `toolchain` version syntax of go.mod and go.work
//! (`GoVersionRE`, `laxGoVersionRE`, `ToolchainRE` of `x/mod/modfile/rule.go`).

/// `GoVersionRE`: `^([1-9][0-9]*)\.(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))?([a-z]+[0-9]+)?$`.
pub(crate) fn is_go_version(v: &str) -> bool {
    let b = v.as_bytes();
    let mut i = 0;
    let num = |i: &mut usize, allow_zero: bool| -> bool {
        match b.get(*i) {
            Some(b'0') if allow_zero => {
                *i += 1;
                true
            }
            Some(b'1'..=b'9') => {
                while b.get(*i).is_some_and(u8::is_ascii_digit) {
                    *i += 1;
                }
                true
            }
            _ => false,
        }
    };
    if !num(&mut i, false) || b.get(i) != Some(&b'.') {
        return false;
    }
    i += 1;
    if !num(&mut i, true) {
        return false;
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        if !num(&mut i, true) {
            return false;
        }
    }
    if i < b.len() {
        let letters = b[i..].iter().take_while(|c| c.is_ascii_lowercase()).count();
        if letters == 0 {
            return false;
        }
        i += letters;
        let digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if digits == 0 {
            return false;
        }
        i += digits;
    }
    i == b.len()
}

/// `laxGoVersionRE` (`^v?(([1-9][0-9]*)\.(0|[1-9][0-9]*))([^0-9].*)$`):
/// the truncated `major.minor` if it matches.
pub(crate) fn lax_go_version(v: &str) -> Option<String> {
    let s = v.strip_prefix('v').unwrap_or(v);
    let b = s.as_bytes();
    let major = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if major == 0 || b[0] == b'0' || b.get(major) != Some(&b'.') {
        return None;
    }
    let rest = &b[major + 1..];
    let minor = match rest.first() {
        Some(b'0') => 1,
        Some(b'1'..=b'9') => rest.iter().take_while(|c| c.is_ascii_digit()).count(),
        _ => return None,
    };
    // The remainder must be one non-digit rune followed by anything but a
    // newline (tokens never contain newlines).
    match rest.get(minor) {
        Some(c) if !c.is_ascii_digit() => Some(s[..major + 1 + minor].to_owned()),
        _ => None,
    }
}

/// `ToolchainRE`: `^default$|^go1($|\.)`.
pub(crate) fn is_toolchain(v: &str) -> bool {
    v == "default" || v == "go1" || v.starts_with("go1.")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_version_regexps() {
        for ok in ["1.21", "1.21.0", "1.21rc1", "1.0", "10.100.0beta22"] {
            assert!(is_go_version(ok), "{ok}");
        }
        for bad in [
            "1", "01.2", "1.02", "1.2.", "1.21rc", "1.21-rc1", "v1.21", "1.21.0.0",
        ] {
            assert!(!is_go_version(bad), "{bad}");
        }
        assert_eq!(lax_go_version("1.21.x-extra").as_deref(), Some("1.21"));
        assert_eq!(lax_go_version("v1.21").as_deref(), None);
        assert_eq!(lax_go_version("v1.21x").as_deref(), Some("1.21"));
        assert_eq!(lax_go_version("1.21.0").as_deref(), Some("1.21"));
        assert_eq!(lax_go_version("1.01x"), None);
    }
}
