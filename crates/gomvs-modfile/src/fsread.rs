//! The one bounded file reader of gomvs.
//!
//! gomvs reads files other people wrote (go.mod and go.sum files from pull
//! requests, module caches and proxy directories, directory replacements that
//! point anywhere), so every file it reads goes through here:
//!
//! 1. the file is opened with `O_NONBLOCK | O_NOCTTY` (a FIFO cannot block
//!    the open) and `fstat`ed on the descriptor: anything that is neither a
//!    regular file nor a directory (a FIFO, a block or character device such
//!    as `/dev/zero`) is refused before a byte is read — except the null
//!    device, which reads as empty as it does for go; a socket cannot be
//!    opened and is named from a `stat` after the failed open;
//! 2. a regular file is read with one `read(2)` sized from the `fstat`
//!    (open, fstat, read, close: four system calls a file);
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

/// A file opened by [`open`], with what `fstat` said of it at open.
#[derive(Debug)]
pub struct OpenFile {
    file: File,
    /// The length `fstat` reported for a regular file; 0 for the rest.
    len: u64,
    regular: bool,
}

impl OpenFile {
    /// The length of a regular file when it was opened (0 for a directory or
    /// the null device).
    pub fn len(&self) -> u64 {
        self.len
    }

    /// Whether the length is 0.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The underlying file, for streaming readers.
    pub fn into_file(self) -> File {
        self.file
    }

    /// Reads the whole file, refusing it when it holds more than `limit`
    /// bytes: the size from `fstat` is checked before reading and the read
    /// stops one byte past the limit. Errors are the read's (the caller
    /// prints them as `read` errors): a directory gives the operating
    /// system's EISDIR.
    ///
    /// A regular file is read with one `read(2)` sized from `fstat` plus one
    /// byte: a short read of a regular file is its end, so no second call is
    /// needed to see end of file. A file that grew since `fstat` is read on,
    /// up to the limit.
    pub fn read_limited(mut self, limit: u64) -> io::Result<Vec<u8>> {
        if self.len > limit {
            return Err(too_large(self.len, limit));
        }
        let cap = limit.saturating_add(1);
        let first = self.len.saturating_add(1).min(cap);
        let mut buf = vec![0u8; usize::try_from(first).unwrap_or(usize::MAX)];
        let mut filled = 0usize;
        loop {
            if filled == buf.len() {
                if filled as u64 >= cap {
                    return Err(too_large(cap, limit));
                }
                let grown = (buf.len() as u64).saturating_mul(2).clamp(8192, cap);
                buf.resize(usize::try_from(grown).unwrap_or(usize::MAX), 0);
            }
            let wanted = buf.len() - filled;
            match self.file.read(&mut buf[filled..]) {
                Ok(0) => break,
                Ok(n) => {
                    filled += n;
                    if self.regular && n < wanted && filled as u64 >= self.len {
                        break;
                    }
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        buf.truncate(filled);
        Ok(buf)
    }
}

impl Read for OpenFile {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.file.read(buf)
    }
}

/// Opens `path` for reading when it is a regular file, a directory or the
/// null device (symbolic links followed); refuses FIFOs, sockets and other
/// devices before reading a byte, without blocking. Errors of `open` are
/// returned as the operating system gives them (the caller prints them as
/// `open` errors, as go does).
///
/// One `openat` and one `fstat`: the file is opened with `O_NONBLOCK` (a FIFO
/// cannot block the open) and `O_NOCTTY`, and its type is checked on the
/// open descriptor, so nothing can be swapped in between. Only a socket,
/// which cannot be opened, is `stat`ed after the failed open to name it.
pub fn open(path: &Path) -> io::Result<OpenFile> {
    let mut opts = std::fs::OpenOptions::new();
    opts.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let file = match opts.open(path) {
        Ok(f) => f,
        Err(e) => {
            if e.raw_os_error() == Some(libc::ENXIO) {
                if let Some(kind) = std::fs::metadata(path).ok().as_ref().and_then(special_kind) {
                    return Err(refused(kind));
                }
            }
            return Err(e);
        }
    };
    let md = file.metadata()?;
    if let Some(kind) = special_kind(&md) {
        return Err(refused(kind));
    }
    let regular = md.is_file();
    Ok(OpenFile {
        file,
        len: if regular { md.len() } else { 0 },
        regular,
    })
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

/// [`open`] then [`OpenFile::read_limited`] with `limit`.
pub fn read_with_limit(path: &Path, limit: u64) -> io::Result<Vec<u8>> {
    open(path)?.read_limited(limit)
}

/// [`open`] then [`OpenFile::read_limited`] with [`limit_for`] the path.
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
        let f = open(&d).unwrap();
        let e = f.read_limited(10).unwrap_err();
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
