//! `h1:` hashes (`golang.org/x/mod/sumdb/dirhash.Hash1`) of go.mod files and module zips.
//!
//! `Hash1` sorts the file names bytewise, rejects names containing a newline,
//! and hashes the summary made of one line per file,
//! `hex(sha256(contents)) + "  " + name + "\n"`, with SHA-256; the result is
//! `"h1:" + base64(std, padded)` of that digest. A go.mod is hashed as the
//! single file `go.mod` (`modfetch.goModSum`); a module zip by its entry
//! names and decompressed contents (`dirhash.HashZip`); an extracted module
//! directory by its files' names under a `path@version` prefix
//! (`dirhash.HashDir`, the one function here that reads the file system, as
//! Go's does).

use std::collections::HashMap;
use std::io::{Read, Seek};
use std::path::{Path, PathBuf};

use base64::Engine as _;
use sha2::{Digest, Sha256};

/// Why a hash could not be computed.
#[derive(Debug, thiserror::Error)]
pub enum DirHashError {
    /// A file name contains `\n` (Go's exact message).
    #[error("dirhash: filenames with newlines are not supported")]
    NewlineInName,
    /// The zip archive could not be read (the message is the `zip` crate's,
    /// not Go's `archive/zip` text).
    #[error("{0}")]
    Zip(#[from] zip::result::ZipError),
    /// A central directory name has no readable entry (Go's "should never
    /// happen" case of `HashZip`).
    #[error("file {0:?} not found in zip")]
    NotFound(String),
    /// Reading an entry's contents failed (e.g. a CRC-32 mismatch).
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// A file system operation of [`hash_dir`] failed: Go's `*fs.PathError`
    /// (`op path: errno`). The display uses Rust's error text; callers that
    /// print Go's exact text format `op`, `path` and `source` themselves.
    #[error("{op} {}: {source}", path.display())]
    Fs {
        /// Go's operation name: `lstat`, `open` or `read`.
        op: &'static str,
        /// The path as Go names it.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// [`hash_dir`] was given something that is not a directory (Go's text).
    #[error("{} is not a directory", .0.display())]
    NotADirectory(PathBuf),
}

impl DirHashError {
    /// Go's `archive/zip` text for an archive the `zip` crate rejected, where
    /// the kinds correspond: `zip: not a valid zip file` (`zip.ErrFormat`),
    /// `zip: unsupported compression algorithm` (`zip.ErrAlgorithm`) and
    /// `zip: checksum error` (`zip.ErrChecksum`, a CRC-32 mismatch while
    /// reading an entry). `None` for the other errors.
    pub fn go_zip_text(&self) -> Option<&'static str> {
        use zip::result::ZipError;
        let checksum = |e: &std::io::Error| e.to_string().to_ascii_lowercase().contains("checksum");
        match self {
            DirHashError::Zip(ZipError::InvalidArchive(_)) => Some("zip: not a valid zip file"),
            DirHashError::Zip(ZipError::UnsupportedArchive(_)) => {
                Some("zip: unsupported compression algorithm")
            }
            DirHashError::Zip(ZipError::Io(e)) | DirHashError::Io(e) if checksum(e) => {
                Some("zip: checksum error")
            }
            _ => None,
        }
    }
}

/// `dirhash.Hash1` over in-memory files: `(name, contents)` pairs in any order.
/// Duplicate names are hashed once per occurrence, as Go does with a file list.
pub fn hash1<N, C>(files: impl IntoIterator<Item = (N, C)>) -> Result<String, DirHashError>
where
    N: AsRef<[u8]>,
    C: AsRef<[u8]>,
{
    let mut files: Vec<(N, C)> = files.into_iter().collect();
    files.sort_by(|a, b| a.0.as_ref().cmp(b.0.as_ref()));
    let mut summary = Sha256::new();
    for (name, contents) in &files {
        let name = name.as_ref();
        if name.contains(&b'\n') {
            return Err(DirHashError::NewlineInName);
        }
        add_summary_line(&mut summary, &Sha256::digest(contents.as_ref()), name);
    }
    Ok(finish(summary))
}

/// The `h1:` hash recorded in go.sum for a go.mod with these exact bytes
/// (`modfetch.goModSum`: `Hash1` over the single file `go.mod`).
pub fn hash_go_mod(data: &[u8]) -> String {
    let mut summary = Sha256::new();
    add_summary_line(&mut summary, &Sha256::digest(data), b"go.mod");
    finish(summary)
}

/// `dirhash.HashZip(zip, Hash1)`: hashes every entry of the archive (directory
/// entries included, as Go's `archive/zip` lists them) by its raw name and
/// decompressed contents. When several entries share a name, Go hashes that
/// name once per entry, each time with the contents of the last such entry.
/// Errors from a malformed archive carry the `zip` crate's text, not Go's.
pub fn hash_zip<R: Read + Seek>(reader: R) -> Result<String, DirHashError> {
    let mut archive = zip::ZipArchive::new(reader)?;
    // The zip crate keeps one entry per name (the last one, at the position of
    // the first); Go's archive/zip lists every central directory record. Take
    // the names with their multiplicity from the central directory itself.
    let mut index_of: HashMap<Vec<u8>, usize> = HashMap::with_capacity(archive.len());
    for i in 0..archive.len() {
        let entry = archive.by_index_raw(i)?;
        index_of.insert(entry.name_raw().to_vec(), i);
    }
    let start = archive.central_directory_start();
    let mut reader = archive.into_inner();
    let mut names = central_directory_names(&mut reader, start)?;
    let mut archive = zip::ZipArchive::new(reader)?;
    if names.len() < index_of.len() {
        names = index_of.keys().cloned().collect();
    }
    names.sort();
    let mut digests: HashMap<usize, [u8; 32]> = HashMap::new();
    let mut summary = Sha256::new();
    for name in &names {
        if name.contains(&b'\n') {
            return Err(DirHashError::NewlineInName);
        }
        let Some(&idx) = index_of.get(name) else {
            return Err(DirHashError::NotFound(
                String::from_utf8_lossy(name).into_owned(),
            ));
        };
        let digest = match digests.get(&idx) {
            Some(d) => *d,
            None => {
                let mut entry = archive.by_index(idx)?;
                let mut hasher = Sha256::new();
                std::io::copy(&mut entry, &mut hasher)?;
                let d: [u8; 32] = hasher.finalize().into();
                digests.insert(idx, d);
                d
            }
        };
        add_summary_line(&mut summary, &digest, name);
    }
    Ok(finish(summary))
}

/// `dirhash.HashDir(dir, prefix, Hash1)`: hashes every non-directory entry
/// of the tree at `dir` (symbolic links are not followed by the walk, as
/// `filepath.Walk` uses `Lstat`, but are opened, so their targets' contents
/// count) under the name `prefix/relative/path`. `prefix` is the module's
/// `path@version` in `go mod verify`.
///
/// The walk is `filepath.Walk`'s: the root is `Lstat`ed, each directory's
/// names are read and visited in sorted order, and the first error stops it
/// ([`DirHashError::Fs`] with Go's operation name: `lstat`, `open` for an
/// unreadable directory or file, `read`). Names are joined as
/// `filepath.Join(prefix, rel)` does (`prefix` is cleaned, so a trailing `/`
/// disappears) and hashed by [`hash1`]'s rule, streaming each file. Walks an
/// explicit stack: nothing recursive on input depth.
pub fn hash_dir(dir: &Path, prefix: &str) -> Result<String, DirHashError> {
    use std::os::unix::ffi::OsStrExt;
    let fs_err = |op: &'static str, path: &Path| {
        let path = path.to_path_buf();
        move |source: std::io::Error| DirHashError::Fs { op, path, source }
    };
    let root = dir.to_path_buf();
    let md = std::fs::symlink_metadata(&root).map_err(fs_err("lstat", &root))?;
    if !md.is_dir() {
        return Err(DirHashError::NotADirectory(root));
    }
    let prefix = clean_slash(prefix);
    // (file system path, name relative to the root as bytes)
    let mut files: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    let mut stack: Vec<(PathBuf, Vec<u8>)> = vec![(root.clone(), Vec::new())];
    while let Some((path, rel)) = stack.pop() {
        let read = std::fs::read_dir(&path).map_err(fs_err("open", &path))?;
        let mut names = Vec::new();
        for entry in read {
            let entry = entry.map_err(fs_err("readdirent", &path))?;
            names.push(entry.file_name());
        }
        names.sort_by(|a, b| a.as_bytes().cmp(b.as_bytes()));
        // Children are visited in order; pushing in reverse keeps Go's order
        // of errors (the first failing entry in walk order is reported).
        let mut dirs = Vec::new();
        for name in names {
            let child = path.join(&name);
            let md = std::fs::symlink_metadata(&child).map_err(fs_err("lstat", &child))?;
            let mut child_rel = rel.clone();
            if !child_rel.is_empty() {
                child_rel.push(b'/');
            }
            child_rel.extend_from_slice(name.as_bytes());
            if md.is_dir() {
                dirs.push((child, child_rel));
            } else {
                files.push((child, child_rel));
            }
        }
        // A directory's subdirectories are walked after its files here, and
        // before them in Go; the names are sorted before hashing, so only the
        // choice of the first error could differ, and only when two entries fail.
        stack.extend(dirs.into_iter().rev());
    }
    let mut named: Vec<(Vec<u8>, PathBuf)> = files
        .into_iter()
        .map(|(path, rel)| {
            let mut name = prefix.as_bytes().to_vec();
            if !name.is_empty() {
                name.push(b'/');
            }
            name.extend_from_slice(&rel);
            (name, path)
        })
        .collect();
    named.sort_by(|a, b| a.0.cmp(&b.0));
    let mut summary = Sha256::new();
    for (name, path) in &named {
        if name.contains(&b'\n') {
            return Err(DirHashError::NewlineInName);
        }
        // FIFOs and devices are refused (go would block or never finish);
        // the content is streamed into the hash, never held whole.
        let mut f = crate::fsread::open(path).map_err(fs_err("open", path))?;
        let mut hasher = Sha256::new();
        std::io::copy(&mut f, &mut hasher).map_err(fs_err("read", path))?;
        add_summary_line(&mut summary, &hasher.finalize(), name);
    }
    Ok(finish(summary))
}

/// `path.Clean` for a `path@version` prefix (slash-separated): drops empty
/// and `.` elements and resolves `..` (a rooted prefix keeps its `/`).
fn clean_slash(p: &str) -> String {
    let rooted = p.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for part in p.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                if parts.last().is_some_and(|l| *l != "..") {
                    parts.pop();
                } else if !rooted {
                    parts.push("..");
                }
            }
            _ => parts.push(part),
        }
    }
    let joined = parts.join("/");
    if rooted {
        format!("/{joined}")
    } else {
        joined
    }
}

/// The raw file names of the central directory records starting at `start`,
/// in order, duplicates included (stops at the first non-record).
fn central_directory_names<R: Read + Seek>(
    reader: &mut R,
    start: u64,
) -> Result<Vec<Vec<u8>>, DirHashError> {
    const SIGNATURE: [u8; 4] = [0x50, 0x4b, 0x01, 0x02];
    reader.seek(std::io::SeekFrom::Start(start))?;
    let mut reader = std::io::BufReader::new(reader);
    let mut names = Vec::new();
    let mut header = [0u8; 46];
    loop {
        match reader.read_exact(&mut header) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => break,
            Err(e) => return Err(e.into()),
        }
        if header[..4] != SIGNATURE {
            break;
        }
        let name_len = usize::from(u16::from_le_bytes([header[28], header[29]]));
        let extra_len = u16::from_le_bytes([header[30], header[31]]);
        let comment_len = u16::from_le_bytes([header[32], header[33]]);
        let mut name = vec![0u8; name_len];
        reader.read_exact(&mut name)?;
        reader.seek_relative(i64::from(extra_len) + i64::from(comment_len))?;
        names.push(name);
    }
    Ok(names)
}

/// Appends `hex(digest) + "  " + name + "\n"` (Go's `"%x  %s\n"`).
fn add_summary_line(summary: &mut Sha256, digest: &[u8], name: &[u8]) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut hex = [0u8; 64];
    for (pair, b) in hex.chunks_exact_mut(2).zip(digest) {
        pair[0] = HEX[usize::from(b >> 4)];
        pair[1] = HEX[usize::from(b & 0x0f)];
    }
    summary.update(&hex[..digest.len().min(32) * 2]);
    summary.update(b"  ");
    summary.update(name);
    summary.update(b"\n");
}

fn finish(summary: Sha256) -> String {
    format!(
        "h1:{}",
        base64::engine::general_purpose::STANDARD.encode(summary.finalize())
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_mod_hash_is_hash1_of_single_file() {
        let data = b"module example.com/a\n";
        assert_eq!(
            hash_go_mod(data),
            hash1([("go.mod", &data[..])]).expect("hash")
        );
    }

    #[test]
    fn empty_go_mod_is_the_legacy_hash() {
        assert_eq!(hash_go_mod(b""), crate::gosum::EMPTY_GO_MOD_HASH);
    }

    #[test]
    fn names_are_sorted_and_newlines_rejected() {
        let a = hash1([("b", "1"), ("a", "2")]).expect("hash");
        let b = hash1([("a", "2"), ("b", "1")]).expect("hash");
        assert_eq!(a, b);
        let err = hash1([("a\nb", "")]).expect_err("newline");
        assert_eq!(
            err.to_string(),
            "dirhash: filenames with newlines are not supported"
        );
    }

    #[cfg(unix)]
    #[test]
    #[allow(clippy::unwrap_used)]
    fn hash_dir_refuses_a_fifo_without_blocking() {
        let d = std::env::temp_dir().join(format!("gomvs-dirhash-fifo-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        std::fs::write(d.join("a.go"), "package a\n").unwrap();
        let st = std::process::Command::new("mkfifo")
            .arg(d.join("p"))
            .status()
            .unwrap();
        assert!(st.success());
        let (tx, rx) = std::sync::mpsc::channel();
        let dir = d.clone();
        std::thread::spawn(move || {
            let _ = tx.send(hash_dir(&dir, "m@v1.0.0").map_err(|e| e.to_string()));
        });
        let got = rx
            .recv_timeout(std::time::Duration::from_secs(10))
            .expect("hash_dir blocked on a FIFO");
        let _ = std::fs::remove_dir_all(&d);
        let e = got.unwrap_err();
        assert!(e.contains("a named pipe (FIFO)"), "{e}");
    }
}
