//! Where the main modules' own files come from.
//!
//! The go command reads go.work, the main go.mod files, go.sum, go.work.sum,
//! `vendor/modules.txt` and the go.mod of every directory replacement from
//! the file system. gomvs reads them through a [`FileTree`], so that the same
//! loader resolves the working tree ([`OsFiles`]), a git revision (the
//! `gomvs-git` crate), or files held in memory ([`MemoryFiles`]) without a
//! checkout. Dependency go.mod files still come from a
//! [`ModuleSource`](crate::source::ModuleSource).
//!
//! Paths are absolute, as the loader computes them from its working
//! directory; a tree decides which of them it holds.

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What a path names in a [`FileTree`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A regular file (or anything that is not a directory).
    File,
    /// A directory.
    Dir,
}

/// A read-only view of a file system holding the main modules' files.
///
/// Errors follow `std::io`: a path that is not there is
/// [`io::ErrorKind::NotFound`], which the loader reports with Go's wording
/// (`open go.mod: no such file or directory`).
pub trait FileTree: Send + Sync + std::fmt::Debug {
    /// The whole content of the file at `path`.
    fn read(&self, path: &Path) -> io::Result<Vec<u8>>;
    /// What `path` is, or `NotFound`.
    fn kind(&self, path: &Path) -> io::Result<FileKind>;
    /// Whether `path` exists and is not a directory (`fsys.Stat` + `!IsDir`).
    fn is_file(&self, path: &Path) -> bool {
        matches!(self.kind(path), Ok(FileKind::File))
    }
    /// Whether `path` exists and is a directory.
    fn is_dir(&self, path: &Path) -> bool {
        matches!(self.kind(path), Ok(FileKind::Dir))
    }
}

/// The operating system's file system: what the go command itself reads.
#[derive(Debug, Clone, Copy, Default)]
pub struct OsFiles;

impl FileTree for OsFiles {
    /// Bounded: see [`gomvs_modfile::fsread`] (FIFOs and devices refused,
    /// go.mod/go.work over 16 MiB and other files over 256 MiB refused).
    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        gomvs_modfile::fsread::read(path)
    }

    fn kind(&self, path: &Path) -> io::Result<FileKind> {
        let md = std::fs::metadata(path)?;
        Ok(if md.is_dir() {
            FileKind::Dir
        } else {
            FileKind::File
        })
    }
}

/// The shared handle of the operating system's file system.
pub fn os_files() -> Arc<dyn FileTree> {
    Arc::new(OsFiles)
}

/// Files held in memory, by absolute path; every ancestor of a file is a
/// directory. For tests and for embedders that have the files already.
#[derive(Debug, Clone, Default)]
pub struct MemoryFiles {
    files: BTreeMap<PathBuf, Vec<u8>>,
}

impl MemoryFiles {
    /// An empty tree.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds (or replaces) the file at the absolute `path`.
    pub fn insert(&mut self, path: impl Into<PathBuf>, data: impl Into<Vec<u8>>) -> &mut Self {
        self.files.insert(path.into(), data.into());
        self
    }
}

impl FileTree for MemoryFiles {
    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        match self.files.get(path) {
            Some(d) => Ok(d.clone()),
            None if self.kind(path).is_ok() => Err(io::Error::new(
                io::ErrorKind::IsADirectory,
                "is a directory",
            )),
            None => Err(io::ErrorKind::NotFound.into()),
        }
    }

    fn kind(&self, path: &Path) -> io::Result<FileKind> {
        if self.files.contains_key(path) {
            return Ok(FileKind::File);
        }
        // A directory when some file lies below it.
        let below = self
            .files
            .range(path.to_path_buf()..)
            .next()
            .is_some_and(|(p, _)| p.starts_with(path));
        if below {
            Ok(FileKind::Dir)
        } else {
            Err(io::ErrorKind::NotFound.into())
        }
    }
}

/// A tree with some files replaced: what `gomvs get --explain` loads to
/// see the build after go would have written go.mod and go.sum.
#[derive(Debug, Clone)]
pub struct OverlayFiles {
    base: Arc<dyn FileTree>,
    files: BTreeMap<PathBuf, Vec<u8>>,
}

impl OverlayFiles {
    /// `base` with no file replaced yet.
    pub fn new(base: Arc<dyn FileTree>) -> Self {
        OverlayFiles {
            base,
            files: BTreeMap::new(),
        }
    }

    /// Replaces (or adds) the file at the absolute `path`; its directory
    /// must exist in the base tree.
    pub fn insert(&mut self, path: impl Into<PathBuf>, data: impl Into<Vec<u8>>) -> &mut Self {
        self.files.insert(path.into(), data.into());
        self
    }
}

impl FileTree for OverlayFiles {
    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        match self.files.get(path) {
            Some(d) => Ok(d.clone()),
            None => self.base.read(path),
        }
    }

    fn kind(&self, path: &Path) -> io::Result<FileKind> {
        if self.files.contains_key(path) {
            return Ok(FileKind::File);
        }
        self.base.kind(path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlay_files_replace_and_add() {
        let mut base = MemoryFiles::new();
        base.insert("/w/m/go.mod", "module m\n");
        let mut t = OverlayFiles::new(Arc::new(base));
        t.insert("/w/m/go.mod", "module m\n\ngo 1.22\n");
        t.insert("/w/m/go.sum", "");
        assert_eq!(
            t.read(Path::new("/w/m/go.mod")).ok().as_deref(),
            Some(&b"module m\n\ngo 1.22\n"[..])
        );
        assert!(t.is_file(Path::new("/w/m/go.sum")));
        assert!(t.is_dir(Path::new("/w/m")));
        assert!(!t.is_file(Path::new("/w/m/x")));
    }

    #[test]
    fn memory_files_have_directories_above_them() {
        let mut t = MemoryFiles::new();
        t.insert("/w/m/go.mod", "module m\n");
        assert!(t.is_file(Path::new("/w/m/go.mod")));
        assert!(t.is_dir(Path::new("/w/m")));
        assert!(t.is_dir(Path::new("/w")));
        assert!(!t.is_dir(Path::new("/w/m/go.mod")));
        assert!(!t.is_file(Path::new("/w/mm")));
        assert_eq!(
            t.read(Path::new("/w/x")).map_err(|e| e.kind()),
            Err(io::ErrorKind::NotFound)
        );
        assert_eq!(
            t.read(Path::new("/w/m/go.mod")).ok().as_deref(),
            Some(&b"module m\n"[..])
        );
    }
}
