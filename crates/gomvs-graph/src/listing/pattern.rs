//! `go list -m` argument patterns (`search.MatchPattern` as `modload` uses
//! it: `...` wildcards, the vendor rule).

/// `search.IsRelativePath`.
pub(super) fn is_relative_path(p: &str) -> bool {
    p == "." || p == ".." || p.starts_with("./") || p.starts_with("../")
}

/// `pkgpattern.MatchPattern` for module paths: `...` matches any string,
/// and a trailing `/...` is optional (`x/...` matches `x` and `x/y`);
/// a non-trailing `vendor` element of the name is matched only by a literal
/// `vendor` element of the pattern, never by `...` (Go's `vendorChar`
/// strategy: such elements become NUL on both sides and `...` is `[^NUL]*`).
pub fn match_pattern(pattern: &str, name: &str) -> bool {
    if pattern.contains('\0') || pattern.contains('\\') || name.contains('\0') {
        return false;
    }
    let pat = replace_vendor(pattern);
    let name = replace_vendor(name);
    let alternatives: Vec<String> = if let Some(base) = pat.strip_suffix("/\0/...") {
        vec![format!("{base}/vendor"), format!("{base}/\0/...")]
    } else if pat == "\0/..." {
        vec!["/vendor".to_string(), "/\0/...".to_string()]
    } else if let Some(base) = pat.strip_suffix("/...") {
        vec![base.to_string(), pat.clone()]
    } else {
        vec![pat.clone()]
    };
    alternatives.iter().any(|a| glob(a, &name))
}

/// `replaceVendor(x, "\x00")`: non-trailing `vendor` elements become NUL.
fn replace_vendor(x: &str) -> String {
    if !x.contains("vendor") {
        return x.to_string();
    }
    let elems: Vec<&str> = x.split('/').collect();
    let n = elems.len();
    elems
        .iter()
        .enumerate()
        .map(|(i, e)| if i + 1 < n && *e == "vendor" { "\0" } else { e })
        .collect::<Vec<_>>()
        .join("/")
}

/// Anchored match where each `...` matches any string without a NUL
/// (greedy first fit, linear in the name per literal part: the earliest
/// occurrence of a part skips the fewest bytes, so it is never worse).
fn glob(pattern: &str, name: &str) -> bool {
    let parts: Vec<&str> = pattern.split("...").collect();
    let Some((first, rest)) = parts.split_first() else {
        return name.is_empty();
    };
    let Some(mut tail) = name.strip_prefix(first) else {
        return false;
    };
    let Some((last, middle)) = rest.split_last() else {
        return tail.is_empty();
    };
    for part in middle {
        match tail.find(part) {
            Some(j) if !tail.get(..j).unwrap_or("").contains('\0') => {
                tail = tail.get(j + part.len()..).unwrap_or("")
            }
            _ => return false,
        }
    }
    tail.len() >= last.len()
        && tail.ends_with(last)
        && !tail
            .get(..tail.len() - last.len())
            .unwrap_or("\0")
            .contains('\0')
}

#[cfg(test)]
mod tests {
    use super::match_pattern;

    #[test]
    fn module_patterns() {
        assert!(match_pattern("example.com/...", "example.com/a"));
        assert!(match_pattern("example.com/...", "example.com"));
        assert!(!match_pattern("example.com/...", "example.comx"));
        assert!(match_pattern("example.com/.../v2", "example.com/a/b/v2"));
        assert!(!match_pattern("example.com/.../v2", "example.com/a/v3"));
        assert!(match_pattern("ex...le.com/a", "example.com/a"));
        assert!(!match_pattern("nomatch.example/...", "example.com/a"));
        assert!(!match_pattern("a\\b/...", "a\\b/c"));
        // pkgpattern's vendor rule, as `go list -m` applies it (go 1.27.3).
        assert!(!match_pattern("example.com/...", "example.com/vendor/x"));
        assert!(match_pattern("example.com/...", "example.com/vendor"));
        assert!(match_pattern(
            "example.com/vendor/...",
            "example.com/vendor/x"
        ));
        assert!(match_pattern(
            "example.com/vendor/...",
            "example.com/vendor"
        ));
        assert!(!match_pattern("example.com/...x", "example.com/vendor/x"));
        assert!(match_pattern("example.com/.../x", "example.com/a/x"));
        assert!(!match_pattern(".../x", "a/vendor/x"));
        // `(/vendor|/NUL/...)`: go's odd special case never matches a leading vendor.
        assert!(!match_pattern("vendor/...", "vendor/a"));
        assert!(!match_pattern("...", "vendor/a"));
        assert!(match_pattern("...", "a/vendor"));
    }
}
