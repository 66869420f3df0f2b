//! Go's lexical path functions on Unix (`filepath.Clean` = `path.Clean`,
//! `filepath.Join`, `filepath.Rel`), `base.ShortPath`,
//! `modload.ToDirectoryPath`, and the go.mod / go.work searches of `modload`
//! (`findModuleRoot`, `findWorkspaceFile`).
//!
//! Paths are byte strings to Go; the `Path` forms work on the raw bytes of
//! the OS string, so non-UTF-8 names survive.

use crate::files::FileTree;
use crate::goerr::is_not_exist;
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::path::{Path, PathBuf};

/// `filepath.Clean` on raw bytes.
fn clean_bytes(p: &[u8]) -> Vec<u8> {
    if p.is_empty() {
        return b".".to_vec();
    }
    let rooted = p.first() == Some(&b'/');
    let mut parts: Vec<&[u8]> = Vec::new();
    for elem in p.split(|&c| c == b'/') {
        match elem {
            b"" | b"." => {}
            b".." => {
                if parts.last().is_some_and(|l| *l != b"..") {
                    parts.pop();
                } else if !rooted {
                    parts.push(b"..");
                }
            }
            e => parts.push(e),
        }
    }
    let joined = parts.join(&b'/');
    match (rooted, joined.is_empty()) {
        (true, _) => [b"/".as_slice(), &joined].concat(),
        (false, true) => b".".to_vec(),
        (false, false) => joined,
    }
}

/// `filepath.Clean` (and `path.Clean`, the same on Unix): the shortest
/// lexically equivalent path.
pub fn clean(p: &str) -> String {
    // Cleaning only removes whole slash-separated elements, so valid UTF-8 stays valid.
    String::from_utf8(clean_bytes(p.as_bytes()))
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// [`clean`] of an OS path.
pub fn clean_path(p: &Path) -> PathBuf {
    PathBuf::from(std::ffi::OsString::from_vec(clean_bytes(
        p.as_os_str().as_bytes(),
    )))
}

/// `filepath.Join(base, elem)`: the two joined by a slash and cleaned; an
/// empty element is ignored (an absolute `elem` is appended, not substituted).
pub fn join_clean(base: &Path, elem: &str) -> PathBuf {
    let (b, e) = (base.as_os_str().as_bytes(), elem.as_bytes());
    let joined = match (b.is_empty(), e.is_empty()) {
        (true, true) => return PathBuf::new(),
        (true, false) => e.to_vec(),
        (false, true) => b.to_vec(),
        (false, false) => [b, b"/", e].concat(),
    };
    PathBuf::from(std::ffi::OsString::from_vec(clean_bytes(&joined)))
}

/// `filepath.Rel(base, targ)`: `targ` relative to `base`, lexically; `None`
/// where Go returns an error (one path rooted and the other not, or `base`
/// climbing above an unknown directory).
pub fn rel(base: &Path, targ: &Path) -> Option<PathBuf> {
    let base = clean_bytes(base.as_os_str().as_bytes());
    let targ = clean_bytes(targ.as_os_str().as_bytes());
    if targ == base {
        return Some(PathBuf::from("."));
    }
    let base: &[u8] = if base == b"." { b"" } else { &base };
    let base_rooted = base.first() == Some(&b'/');
    let targ_rooted = targ.first() == Some(&b'/');
    if base_rooted != targ_rooted {
        return None;
    }
    let (bl, tl) = (base.len(), targ.len());
    let (mut b0, mut bi, mut t0, mut ti) = (0, 0, 0, 0);
    loop {
        while bi < bl && base[bi] != b'/' {
            bi += 1;
        }
        while ti < tl && targ[ti] != b'/' {
            ti += 1;
        }
        if targ[t0..ti] != base[b0..bi] {
            break;
        }
        if bi < bl {
            bi += 1;
        }
        if ti < tl {
            ti += 1;
        }
        b0 = bi;
        t0 = ti;
        if b0 >= bl && t0 >= tl {
            break;
        }
    }
    if &base[b0..bi] == b".." {
        return None;
    }
    let out = if b0 != bl {
        let seps = base[b0..bl].iter().filter(|&&c| c == b'/').count();
        let mut out = b"..".to_vec();
        for _ in 0..seps {
            out.extend_from_slice(b"/..");
        }
        if t0 != tl {
            out.push(b'/');
            out.extend_from_slice(&targ[t0..]);
        }
        out
    } else {
        targ[t0..].to_vec()
    };
    Some(PathBuf::from(std::ffi::OsString::from_vec(out)))
}

/// `filepath.Rel(base, targ)` as text, or `targ` itself where Go's `Rel`
/// fails (callers that fall back to the absolute path).
pub fn rel_or_target(base: &Path, targ: &Path) -> String {
    rel(base, targ)
        .unwrap_or_else(|| targ.to_path_buf())
        .display()
        .to_string()
}

/// `base.ShortPath(path)` with working directory `cwd`: the relative form
/// when it is shorter and names the same file (or neither exists), else `path`.
pub fn short_path(cwd: &Path, path: &Path) -> String {
    let shown = path.display().to_string();
    let Some(r) = rel(cwd, path) else {
        return shown;
    };
    if r.as_os_str().len() >= path.as_os_str().len() {
        return shown;
    }
    if same_file(&cwd.join(&r), path) {
        r.display().to_string()
    } else {
        shown
    }
}

/// `base.sameFile`: both name the same file, or both do not exist.
fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(a), Ok(b)) => {
            use std::os::unix::fs::MetadataExt;
            a.dev() == b.dev() && a.ino() == b.ino()
        }
        (Err(a), Err(b)) => is_not_exist(&a) && is_not_exist(&b),
        _ => false,
    }
}

/// `search.InDir(a, b) == "."`: the same directory, lexically or after
/// resolving symbolic links.
pub fn same_dir(a: &Path, b: &Path) -> bool {
    if clean_path(a) == clean_path(b) {
        return true;
    }
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}

/// `modload.findModuleRoot(dir)`: the nearest directory (`dir`, cleaned, or
/// a parent) holding a `go.mod` that is not a directory, in `files`.
pub fn find_module_root(files: &dyn FileTree, dir: &Path) -> Option<PathBuf> {
    let mut dir = clean_path(dir);
    loop {
        if files.is_file(&dir.join("go.mod")) {
            return Some(dir);
        }
        dir = dir.parent()?.to_path_buf();
    }
}

/// `modload.findWorkspaceFile(dir)`: the nearest `go.work` (not a directory)
/// in `dir`, cleaned, or a parent, never searching from `goroot` upwards, in `files`.
pub fn find_workspace_file(
    files: &dyn FileTree,
    dir: &Path,
    goroot: Option<&Path>,
) -> Option<PathBuf> {
    let goroot = goroot.map(clean_path);
    let mut dir = clean_path(dir);
    loop {
        let f = dir.join("go.work");
        if files.is_file(&f) {
            return Some(f);
        }
        let parent = dir.parent()?.to_path_buf();
        if goroot.as_ref() == Some(&parent) {
            return None;
        }
        dir = parent;
    }
}

/// `modload.ToDirectoryPath`: make a relative path start with `./` or `../`.
pub fn to_directory_path(p: &str) -> String {
    if p == "."
        || p == ".."
        || p.starts_with("./")
        || p.starts_with("../")
        || Path::new(p).is_absolute()
    {
        return p.to_string();
    }
    format!("./{p}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rel_str(b: &str, t: &str) -> Option<String> {
        rel(Path::new(b), Path::new(t)).map(|p| p.display().to_string())
    }

    #[test]
    fn clean_matches_go() {
        assert_eq!(clean("/a/../../b/./c/"), "/b/c");
        assert_eq!(clean("a/../.."), "..");
        assert_eq!(clean(""), ".");
        assert_eq!(clean("//a//b/"), "/a/b");
        assert_eq!(clean_path(Path::new("/..")), PathBuf::from("/"));
    }

    #[test]
    fn join_matches_filepath_join() {
        assert_eq!(join_clean(Path::new("/w/m"), "../d"), PathBuf::from("/w/d"));
        assert_eq!(join_clean(Path::new("/w"), "/abs"), PathBuf::from("/w/abs"));
        assert_eq!(join_clean(Path::new("/w/"), ""), PathBuf::from("/w"));
    }

    #[test]
    fn rel_matches_filepath_rel() {
        assert_eq!(
            rel_str("/w/main", "/w/dir/go.mod").as_deref(),
            Some("../dir/go.mod")
        );
        assert_eq!(rel_str("/w/main", "/w/main/x").as_deref(), Some("x"));
        assert_eq!(rel_str("/", "/a/b").as_deref(), Some("a/b"));
        assert_eq!(rel_str("/a/b", "/").as_deref(), Some("../.."));
        assert_eq!(rel_str("/a", "/a/").as_deref(), Some("."));
        assert_eq!(rel_str("a", "b").as_deref(), Some("../b"));
        assert_eq!(rel_str(".", "b").as_deref(), Some("b"));
        assert_eq!(rel_str("/a", "b"), None);
        assert_eq!(rel_str("..", "b"), None);
    }
}
