//! Go's texts for file-system errors (`syscall.Errno` strings on Linux and
//! `*fs.PathError` formatting, `os.IsNotExist` / `os.IsPermission`), so
//! that messages read like the Go command's.

use std::io;

/// `syscall.Errno.Error()` for the errno of `e` (Linux table), or the
/// platform text without Rust's ` (os error N)` suffix for the rest.
pub fn errno_text(e: &io::Error) -> String {
    let text = match e.raw_os_error() {
        Some(1) => "operation not permitted",
        Some(2) => "no such file or directory",
        Some(5) => "input/output error",
        Some(6) => "no such device or address",
        Some(9) => "bad file descriptor",
        Some(12) => "cannot allocate memory",
        Some(13) => "permission denied",
        Some(19) => "no such device",
        Some(20) => "not a directory",
        Some(21) => "is a directory",
        Some(22) => "invalid argument",
        Some(24) => "too many open files",
        Some(27) => "file too large",
        Some(30) => "read-only file system",
        Some(36) => "file name too long",
        Some(40) => "too many levels of symbolic links",
        Some(75) => "value too large for defined data type",
        Some(116) => "stale NFS file handle",
        _ => {
            return match e.kind() {
                io::ErrorKind::NotFound => "no such file or directory".to_string(),
                // std refuses a path with a NUL byte before any system call;
                // Go's syscall layer returns EINVAL for it.
                io::ErrorKind::InvalidInput if e.to_string().contains("unexpected NUL byte") => {
                    "invalid argument".to_string()
                }
                io::ErrorKind::PermissionDenied => "permission denied".to_string(),
                _ => {
                    let s = e.to_string();
                    let s = match s.find(" (os error") {
                        Some(i) => s[..i].to_string(),
                        None => s,
                    };
                    let mut c = s.chars();
                    match c.next() {
                        Some(f) => f.to_lowercase().collect::<String>() + c.as_str(),
                        None => s,
                    }
                }
            };
        }
    };
    text.to_string()
}

/// `*fs.PathError` text: `op path: errno`.
pub fn path_error(op: &str, path: &str, e: &io::Error) -> String {
    format!("{op} {path}: {}", errno_text(e))
}

/// Whether Go's `os.IsNotExist` holds (ENOENT only).
pub fn is_not_exist(e: &io::Error) -> bool {
    match e.raw_os_error() {
        Some(code) => code == 2,
        None => e.kind() == io::ErrorKind::NotFound,
    }
}

/// Whether Go's `os.IsPermission` holds (EACCES, EPERM).
pub fn is_permission(e: &io::Error) -> bool {
    match e.raw_os_error() {
        Some(code) => code == 13 || code == 1,
        None => e.kind() == io::ErrorKind::PermissionDenied,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn a_nul_in_a_path_is_einval_as_in_go() {
        let e = std::fs::File::open("/tmp/a\0b").unwrap_err();
        assert_eq!(errno_text(&e), "invalid argument");
        let e = gomvs_modfile::fsread::read(Path::new("/tmp/a\0b")).unwrap_err();
        assert_eq!(errno_text(&e), "invalid argument");
    }

    #[test]
    fn enoent_text_is_go_text() {
        let e = io::Error::from_raw_os_error(2);
        assert_eq!(errno_text(&e), "no such file or directory");
        assert!(is_not_exist(&e));
        assert!(!is_not_exist(&io::Error::from_raw_os_error(20)));
    }
}
