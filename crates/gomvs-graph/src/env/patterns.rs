//! Module path patterns: `path.Match` and `x/mod/module.MatchPrefixPatterns`
//! (GOPRIVATE, GONOPROXY, GONOSUMDB, GOINSECURE).

/// `path.ErrBadPattern`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("syntax error in pattern")]
pub struct BadPattern;

/// `path.Match(pattern, name)`; `Err` for a malformed pattern.
pub fn path_match(pattern: &str, name: &str) -> Result<bool, BadPattern> {
    let mut pattern = pattern;
    let mut name = name;
    'pattern: while !pattern.is_empty() {
        let (star, chunk, rest) = scan_chunk(pattern);
        pattern = rest;
        if star && chunk.is_empty() {
            return Ok(!name.contains('/'));
        }
        let r = match_chunk(chunk, name)?;
        if let Some(t) = r {
            if t.is_empty() || !pattern.is_empty() {
                name = t;
                continue;
            }
        }
        if star {
            // Go tries every byte offset; module paths are ASCII, so trying
            // every character boundary is the same.
            for (i, c) in name.char_indices() {
                if c == '/' {
                    break;
                }
                let next = i + c.len_utf8();
                if let Some(t) = match_chunk(chunk, &name[next..])? {
                    if !pattern.is_empty() || t.is_empty() {
                        name = t;
                        continue 'pattern;
                    }
                }
            }
        }
        while !pattern.is_empty() {
            let (_, chunk, rest) = scan_chunk(pattern);
            pattern = rest;
            match_chunk(chunk, "")?;
        }
        return Ok(false);
    }
    Ok(name.is_empty())
}

fn scan_chunk(pattern: &str) -> (bool, &str, &str) {
    let mut p = pattern;
    let mut star = false;
    while let Some(r) = p.strip_prefix('*') {
        p = r;
        star = true;
    }
    let b = p.as_bytes();
    let mut inrange = false;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\\' if i + 1 < b.len() => i += 1,
            b'[' => inrange = true,
            b']' => inrange = false,
            b'*' if !inrange => return (star, &p[..i], &p[i..]),
            _ => {}
        }
        i += 1;
    }
    (star, p, "")
}

fn first_rune(s: &str) -> (char, usize) {
    match s.chars().next() {
        Some(c) => (c, c.len_utf8()),
        None => ('\u{FFFD}', 0),
    }
}

fn get_esc(chunk: &str) -> Result<(char, &str), BadPattern> {
    let mut c = chunk;
    if c.is_empty() || c.starts_with('-') || c.starts_with(']') {
        return Err(BadPattern);
    }
    if let Some(r) = c.strip_prefix('\\') {
        c = r;
        if c.is_empty() {
            return Err(BadPattern);
        }
    }
    let (r, n) = first_rune(c);
    let rest = &c[n..];
    if rest.is_empty() {
        return Err(BadPattern);
    }
    Ok((r, rest))
}

/// `path.matchChunk`: the rest of `s` after matching `chunk`, if it matches.
fn match_chunk<'a>(chunk: &str, s: &'a str) -> Result<Option<&'a str>, BadPattern> {
    let mut chunk = chunk;
    let mut s = s;
    let mut failed = false;
    while !chunk.is_empty() {
        failed = failed || s.is_empty();
        let c0 = chunk.as_bytes()[0];
        match c0 {
            b'[' => {
                let mut r = '\u{FFFD}';
                if !failed {
                    let (rr, n) = first_rune(s);
                    r = rr;
                    s = &s[n..];
                }
                chunk = &chunk[1..];
                let mut negated = false;
                if let Some(rest) = chunk.strip_prefix('^') {
                    negated = true;
                    chunk = rest;
                }
                let mut matched = false;
                let mut nrange = 0;
                loop {
                    if nrange > 0 {
                        if let Some(rest) = chunk.strip_prefix(']') {
                            chunk = rest;
                            break;
                        }
                    }
                    let (lo, rest) = get_esc(chunk)?;
                    chunk = rest;
                    let mut hi = lo;
                    if let Some(rest) = chunk.strip_prefix('-') {
                        let (h, rest) = get_esc(rest)?;
                        hi = h;
                        chunk = rest;
                    }
                    matched = matched || (lo <= r && r <= hi);
                    nrange += 1;
                }
                failed = failed || matched == negated;
            }
            b'?' => {
                if !failed {
                    failed = s.starts_with('/');
                    let (_, n) = first_rune(s);
                    s = &s[n..];
                }
                chunk = &chunk[1..];
            }
            _ => {
                if c0 == b'\\' {
                    chunk = &chunk[1..];
                    if chunk.is_empty() {
                        return Err(BadPattern);
                    }
                }
                if !failed {
                    failed = chunk.as_bytes()[0] != s.as_bytes()[0];
                    s = s.get(1..).unwrap_or("");
                }
                chunk = chunk.get(1..).unwrap_or("");
            }
        }
    }
    if failed {
        return Ok(None);
    }
    Ok(Some(s))
}

/// `module.MatchPrefixPatterns(globs, target)`: whether any comma-separated
/// glob matches a leading run of `target`'s path elements (GONOPROXY,
/// GOPRIVATE, GONOSUMDB, GOINSECURE).
pub fn match_prefix_patterns(globs: &str, target: &str) -> bool {
    for glob in globs.split(',') {
        let glob = glob.strip_suffix('/').unwrap_or(glob);
        if glob.is_empty() {
            continue;
        }
        let mut n = glob.matches('/').count();
        let mut prefix = target;
        for (i, c) in target.bytes().enumerate() {
            if c == b'/' {
                if n == 0 {
                    prefix = &target[..i];
                    break;
                }
                n -= 1;
            }
        }
        if n > 0 {
            continue;
        }
        if path_match(glob, prefix) == Ok(true) {
            return true;
        }
    }
    false
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn path_match_matches_go() {
        assert_eq!(path_match("a*/b", "abc/b"), Ok(true));
        assert_eq!(path_match("a*b", "a/b"), Ok(false));
        assert_eq!(path_match("[a-c]x", "bx"), Ok(true));
        assert_eq!(path_match("[^a-c]x", "bx"), Ok(false));
        assert_eq!(path_match("a\\*", "a*"), Ok(true));
        assert_eq!(path_match("[", "a"), Err(BadPattern));
    }
}
