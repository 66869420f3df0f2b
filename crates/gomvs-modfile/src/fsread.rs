//! The one bounded file reader of gomvs.
//!
//! gomvs reads files other people wrote (go.mod and go.sum files from pull
//! requests, module caches and proxy directories, directory replacements that
//! point anywhere), so every file it reads goes through here:
//!
//! 1. the path is `stat`ed first, and anything that is neither a regular file
//!    nor a directory (a FIFO, a socket, a block or character device such as
//!    `/dev/zero`) is refused without being opened — except the null device,
//!    which reads as empty as it does for go;
//! 2. the file is opened with `O_NONBLOCK` (a FIFO swapped in after the
//!    `stat` cannot block) and `fstat`ed again;
//! 3. a regular file larger than the caller's limit is refused before any
//!    byte is read (a sparse multi-gigabyte file costs nothing), and the read
//!    itself stops one byte past the limit, so a file that grows while being
//!    read is refused too.
//!
//! A directory is opened and read like go's `os.ReadFile` does, so callers
//! keep go's `read PATH: is a directory`.
//!
//! The go command has no such limits: it reads these files with
//! `os.ReadFile` / `io.ReadAll`, blocks forever on a FIFO and exhausts memory
//! on `/dev/zero`. gomvs refuses them instead, with the errors below (the
//! caller adds the verb and the file name: `read /x/go.mod: file too large
//! ...`).

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

/// The largest go.mod / go.work file read: [`crate::gomod::MAX_FILE_SIZE`].
pub const MAX_MOD_FILE_SIZE: u64 = crate::gomod::MAX_FILE_SIZE as u64;

/// The largest other text file read (go.sum, go.work.sum,
/// `vendor/modules.txt`, a proxy's `@v/list` or `.info`, the GOENV file,
/// a `.ziphash`): 256 MiB. go has no limit; a go.sum for a 100,000-module
/// graph is about 20 MB.
pub const MAX_DATA_FILE_SIZE: u64 = 256 << 20;

/// The limit gomvs applies to the file at `path`: [`MAX_MOD_FILE_SIZE`] for
/// files named `*.mod` or `*.work` (go.mod, go.work, a `-modfile`, a proxy's
/// `@v/VERSION.mod`), [`MAX_DATA_FILE_SIZE`] for the rest.
pub fn limit_for(path: &Path) -> u64 {
    match path.extension().and_then(|e| e.to_str()) {
        Some("mod") | Some("work") => MAX_MOD_FILE_SIZE,
        _ => MAX_DATA_FILE_SIZE,
    }
}

/// The error for a file over `limit` bytes (`size` is what `fstat` says, or
/// `limit + 1` when the file grew while being read).
pub fn too_large(size: u64, limit: u64) -> io::Error {
    io::Error::new(
        io::ErrorKind::FileTooLarge,
        format!("file too large ({size} bytes): gomvs refuses files over {limit} bytes"),
    )
}

/// What kind of non-regular file `md` describes, for the refusal message.
fn special_kind(md: &std::fs::Metadata) -> Option<&'static str> {
    let ft = md.file_type();
    if ft.is_file() || ft.is_dir() {
        return None;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::{FileTypeExt, MetadataExt};
        if ft.is_char_device() && md.rdev() == libc::makedev(1, 3) {
            // /dev/null: empty, never blocks; go reads it as an empty file.
            return None;
        }
        if ft.is_fifo() {
            return Some("a named pipe (FIFO)");
        }
        if ft.is_char_device() {
            return Some("a character device");
        }
        if ft.is_block_device() {
            return Some("a block device");
        }
        if ft.is_socket() {
            return Some("a socket");
        }
    }
    Some("not a regular file")
}

/// The refusal of a non-regular file.
fn refused(kind: &str) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        format!("{kind}: gomvs reads only regular files and directories"),
    )
}

/// Opens `path` for reading when it is a regular file, a directory or the
/// null device (symbolic links followed); refuses FIFOs, sockets and other
/// devices without blocking. Errors of `stat` and `open` are returned as
/// the operating system gives them (the caller prints them as `open`
/// errors, as go does).
pub fn open(path: &Path) -> io::Result<File> {
    let md = std::fs::metadata(path)?;
    if let Some(kind) = special_kind(&md) {
        return Err(refused(kind));
    }
    let mut opts = std::fs::OpenOptions::new();
    opts.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.custom_flags(libc::O_NONBLOCK);
    }
    let f = opts.open(path)?;
    // The path may have been swapped between stat and open.
    let md = f.metadata()?;
    if let Some(kind) = special_kind(&md) {
        return Err(refused(kind));
    }
    Ok(f)
}

/// Reads the whole of an opened file, refusing it when it holds more than
/// `limit` bytes: the size is checked before reading and the read stops one
/// byte past the limit. Errors are the read's (the caller prints them as
/// `read` errors): a directory gives the operating system's EISDIR.
pub fn read_limited(f: &mut File, limit: u64) -> io::Result<Vec<u8>> {
    let md = f.metadata()?;
    let size = if md.is_file() { md.len() } else { 0 };
    if size > limit {
        return Err(too_large(size, limit));
    }
    let mut data = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    f.take(limit.saturating_add(1)).read_to_end(&mut data)?;
    if data.len() as u64 > limit {
        return Err(too_large(limit.saturating_add(1), limit));
    }
    Ok(data)
}

/// The verb go's `*fs.PathError` would carry for `e`, an error of
/// [`read`]: `"read"` for what fails after opening (a directory's EISDIR,
/// an I/O error, a file over the limit), `"open"` for the rest.
pub fn verb(e: &io::Error) -> &'static str {
    match e.raw_os_error() {
        Some(5) | Some(21) => "read",
        _ if matches!(
            e.kind(),
            io::ErrorKind::FileTooLarge | io::ErrorKind::IsADirectory
        ) =>
        {
            "read"
        }
        _ => "open",
    }
}

/// [`open`] then [`read_limited`] with `limit`.
pub fn read_with_limit(path: &Path, limit: u64) -> io::Result<Vec<u8>> {
    read_limited(&mut open(path)?, limit)
}

/// [`open`] then [`read_limited`] with [`limit_for`] the path.
pub fn read(path: &Path) -> io::Result<Vec<u8>> {
    read_with_limit(path, limit_for(path))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn tmp(name: &str) -> std::path::PathBuf {
        let d = std::env::temp_dir().join(format!("gomvs-fsread-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn regular_files_read_whole_up_to_the_limit() {
        let d = tmp("reg");
        let p = d.join("go.sum");
        std::fs::write(&p, b"abc").unwrap();
        assert_eq!(read_with_limit(&p, 3).unwrap(), b"abc");
        let e = read_with_limit(&p, 2).unwrap_err();
        assert_eq!(
            e.to_string(),
            "file too large (3 bytes): gomvs refuses files over 2 bytes"
        );
    }

    #[test]
    fn sparse_huge_files_are_refused_before_reading() {
        let d = tmp("sparse");
        let p = d.join("go.mod");
        let f = File::create(&p).unwrap();
        f.set_len(4 << 30).unwrap();
        let e = read(&p).unwrap_err();
        assert_eq!(
            e.to_string(),
            "file too large (4294967296 bytes): gomvs refuses files over 16777216 bytes"
        );
    }

    #[cfg(unix)]
    #[test]
    fn devices_are_refused_but_dev_null_is_empty() {
        let e = read(Path::new("/dev/zero")).unwrap_err();
        assert_eq!(
            e.to_string(),
            "a character device: gomvs reads only regular files and directories"
        );
        assert_eq!(read(Path::new("/dev/null")).unwrap(), b"");
    }

    #[cfg(unix)]
    #[test]
    fn fifos_are_refused_without_blocking() {
        let d = tmp("fifo");
        let p = d.join("go.mod");
        let st = std::process::Command::new("mkfifo")
            .arg(&p)
            .status()
            .unwrap();
        assert!(st.success());
        let e = read(&p).unwrap_err();
        assert_eq!(
            e.to_string(),
            "a named pipe (FIFO): gomvs reads only regular files and directories"
        );
    }

    #[test]
    fn directories_fail_at_read_as_in_go() {
        let d = tmp("dir");
        let mut f = open(&d).unwrap();
        let e = read_limited(&mut f, 10).unwrap_err();
        assert_eq!(e.raw_os_error(), Some(21));
    }

    #[test]
    fn limits_follow_the_file_name() {
        assert_eq!(limit_for(Path::new("/a/go.mod")), 16 << 20);
        assert_eq!(limit_for(Path::new("/a/go.work")), 16 << 20);
        assert_eq!(limit_for(Path::new("/a/@v/v1.0.0.mod")), 16 << 20);
        assert_eq!(limit_for(Path::new("/a/go.sum")), 256 << 20);
    }
}
