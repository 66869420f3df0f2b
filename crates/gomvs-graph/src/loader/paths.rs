//! Path helpers shared by the loader (Go's `filepath` and `base.ShortPath`).

use super::*;

/// Searches `name` in `dir` and its parents (`findModuleRoot`, `findWorkspaceFile`).
pub fn find_upwards(dir: &Path, name: &str) -> Option<PathBuf> {
    let mut dir = clean_path(dir);
    loop {
        let candidate = dir.join(name);
        if candidate.is_file() {
            return Some(candidate);
        }
        match dir.parent() {
            Some(p) if p != dir => dir = p.to_path_buf(),
            _ => return None,
        }
    }
}

/// `base.ShortPath` relative to `cwd`.
pub fn short_path(cwd: &Path, path: &Path) -> String {
    if let Some(rel) = relative_path(cwd, path) {
        let rel_s = rel.display().to_string();
        let abs_s = path.display().to_string();
        if rel_s.len() < abs_s.len() {
            return rel_s;
        }
    }
    path.display().to_string()
}

fn relative_path(base: &Path, target: &Path) -> Option<PathBuf> {
    if !base.is_absolute() || !target.is_absolute() {
        return None;
    }
    let base = clean_path(base);
    let target = clean_path(target);
    let b: Vec<_> = base.components().collect();
    let t: Vec<_> = target.components().collect();
    let common = b.iter().zip(t.iter()).take_while(|(x, y)| x == y).count();
    let mut out = PathBuf::new();
    for _ in common..b.len() {
        out.push("..");
    }
    for c in t.iter().skip(common) {
        out.push(c);
    }
    if out.as_os_str().is_empty() {
        out.push(".");
    }
    Some(out)
}

/// `filepath.Rel(base, target)` for absolute paths (lexical).
pub fn short_path_rel(base: &Path, target: &Path) -> String {
    relative_path(base, target)
        .map_or_else(|| target.display().to_string(), |p| p.display().to_string())
}

/// The text Go prints for an OS error (`no such file or directory`).
pub fn io_error_text(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => {
            let text = err.to_string();
            match text.find(" (os error ") {
                Some(i) => text[..i].to_lowercase(),
                None => text,
            }
        }
    }
}
