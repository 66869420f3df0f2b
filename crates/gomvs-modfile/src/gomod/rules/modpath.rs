//! The module path of go.mod bytes without a full parse (`modfile.ModulePath`)
//! and `modfile.IsDirectoryPath`.

use crate::syntax::text::{go_string, unquote};

/// `modfile.IsDirectoryPath`.
pub(crate) fn is_directory_path(ns: &str) -> bool {
    let b = ns.as_bytes();
    ns == "."
        || ns.starts_with("./")
        || ns.starts_with(".\\")
        || ns == ".."
        || ns.starts_with("../")
        || ns.starts_with("..\\")
        || ns.starts_with('/')
        || ns.starts_with('\\')
        || (b.len() >= 2 && b[0].is_ascii_alphabetic() && b[1] == b':')
}

/// `modfile.ModulePath`.
pub(crate) fn module_path(mut data: &[u8]) -> String {
    use crate::syntax::text::{decode_rune, is_space};
    // bytes.TrimSpace over Go runes.
    fn trim(b: &[u8]) -> &[u8] {
        let (mut first, mut last) = (None, 0);
        let mut i = 0;
        while i < b.len() {
            let (r, n) = decode_rune(&b[i..]);
            let n = n.max(1);
            if !is_space(r) {
                first.get_or_insert(i);
                last = i + n;
            }
            i += n;
        }
        match first {
            Some(f) => &b[f..last],
            None => &[],
        }
    }
    while !data.is_empty() {
        let mut line = data;
        data = &[];
        if let Some(i) = line.iter().position(|&c| c == b'\n') {
            data = &line[i + 1..];
            line = &line[..i];
        }
        if let Some(i) = line.windows(2).position(|w| w == b"//") {
            line = &line[..i];
        }
        line = trim(line);
        let Some(rest) = line.strip_prefix(b"module") else {
            continue;
        };
        let n = rest.len();
        let rest = trim(rest);
        if rest.len() == n || rest.is_empty() {
            continue;
        }
        if rest[0] == b'"' || rest[0] == b'`' {
            return match unquote(rest) {
                Some(p) => go_string(&p),
                None => String::new(),
            };
        }
        return go_string(rest);
    }
    String::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn module_path_scanner() {
        assert_eq!(module_path(b"// x\nmodule  \"a/b\" \n"), "a/b");
        assert_eq!(module_path(b"module `a/b`"), "a/b");
        assert_eq!(module_path(b"modulex y\nmodule z // c"), "z");
        assert_eq!(module_path(b"module \"a"), "");
    }
}
