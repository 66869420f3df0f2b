//! The main modules' files as they were at a git revision, read from git
//! objects without a checkout.
//!
//! `gomvs diff BASE [HEAD]` and `gomvs check --base REV` resolve the module
//! graph as it was at a revision. The loader reads go.work, go.mod, go.sum,
//! `vendor/modules.txt` and every directory replacement's go.mod through a
//! [`FileTree`]; [`GitTreeFiles`] is that tree for one commit. Nothing here
//! writes: no checkout, no index, no worktree, nothing under `.git`.
//!
//! ```no_run
//! # fn main() -> Result<(), gomvs_git::GitError> {
//! use gomvs_git::{GitRepo, GitTreeFiles};
//! let repo = GitRepo::discover(std::path::Path::new("."))?;
//! let base = repo.resolve("origin/main...HEAD")?;
//! let files = GitTreeFiles::new(&repo, &base)?;
//! // LoadConfig { files: Arc::new(files), cwd: <the work-tree directory>, .. }
//! # Ok(()) }
//! ```
#![warn(missing_docs)]

use gix::bstr::{BStr, ByteSlice};
use gix::object::tree::EntryKind;
use gix::prelude::ObjectIdExt;
use gix::ObjectId;
use gomvs_graph::files::{FileKind, FileTree, OsFiles};
use std::collections::VecDeque;
use std::ffi::OsString;
use std::io;
use std::path::{Component, Path, PathBuf};

/// How many symbolic links one lookup follows before giving up, as Linux
/// does (`ELOOP` after 40).
const MAX_SYMLINKS: usize = 40;

/// A failure to find a repository or a revision.
#[derive(Debug, thiserror::Error)]
pub enum GitError {
    /// No git repository contains the directory.
    #[error("{dir} is not inside a git repository ({reason}): run gomvs inside a git work tree, or pass -C <dir>")]
    NotARepository {
        /// The directory searched from.
        dir: PathBuf,
        /// What the search found.
        reason: String,
    },
    /// The repository is bare: there is no work tree to map paths onto.
    #[error("{git_dir} is a bare repository: gomvs needs a work tree to know where the module's files are")]
    Bare {
        /// The repository's git directory.
        git_dir: PathBuf,
    },
    /// The revision expression names nothing.
    #[error("no revision '{spec}' in {repo}: try `git branch -a` or `git tag` ({reason})")]
    NoRevision {
        /// The expression as given.
        spec: String,
        /// The work-tree root.
        repo: PathBuf,
        /// What gitoxide said.
        reason: String,
    },
    /// The expression names a range (`A..B`), not one commit.
    #[error("'{spec}' in {repo} is a range, not one revision: give a single revision, or A...B for the merge base of A and B")]
    Range {
        /// The expression as given.
        spec: String,
        /// The work-tree root.
        repo: PathBuf,
    },
    /// The expression names an object that is not (and does not peel to) a commit.
    #[error(
        "revision '{spec}' in {repo} is not a commit ({reason}): give a branch, tag or commit"
    )]
    NotACommit {
        /// The expression as given.
        spec: String,
        /// The work-tree root.
        repo: PathBuf,
        /// Why it does not peel to a commit.
        reason: String,
    },
    /// `A...B` where A and B share no history.
    #[error("'{spec}' in {repo}: {left} and {right} have no common ancestor: compare two revisions directly instead (A B, not A...B)")]
    NoMergeBase {
        /// The expression as given.
        spec: String,
        /// The work-tree root.
        repo: PathBuf,
        /// The left side as given.
        left: String,
        /// The right side as given.
        right: String,
    },
    /// Reading an object the repository refers to failed (a damaged or
    /// incomplete repository, for example a shallow clone).
    #[error("reading {what} in {repo}: {reason}: check the repository with `git fsck`")]
    Object {
        /// What was being read.
        what: String,
        /// The work-tree root.
        repo: PathBuf,
        /// What gitoxide said.
        reason: String,
    },
}

/// A git repository with a work tree: the one containing a directory.
#[derive(Debug, Clone)]
pub struct GitRepo {
    repo: gix::ThreadSafeRepository,
    /// The work-tree root, canonical.
    root: PathBuf,
    /// The work-tree root as spelled from the directory given to
    /// [`GitRepo::discover`] (absolute, symlinks kept), when it differs from
    /// `root`.
    alias: Option<PathBuf>,
}

/// One commit, resolved from a revision expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Revision {
    /// The expression as given (`main`, `v1.2.0`, `HEAD~3`, `A...B`).
    pub spec: String,
    /// The full commit id in hex.
    pub id: String,
    /// The commit id abbreviated as git abbreviates it (`core.abbrev`, at
    /// least 7 digits, unique in the repository).
    pub short_id: String,
    /// The first line of the commit message.
    pub summary: String,
    oid: ObjectId,
}

impl GitRepo {
    /// The repository containing `dir` (a work-tree root, a subdirectory, or
    /// a linked worktree made by `git worktree add`).
    ///
    /// The work-tree root is canonicalized (symlinks resolved). Paths given
    /// to [`GitTreeFiles`] may start with either the canonical root or the
    /// root as spelled from `dir` made absolute, so that a working
    /// directory taken from `$PWD` maps the same way.
    pub fn discover(dir: &Path) -> Result<GitRepo, GitError> {
        let not_repo = |reason: String| GitError::NotARepository {
            dir: dir.to_path_buf(),
            reason,
        };
        let given = absolute_clean(dir).map_err(|e| not_repo(e.to_string()))?;
        let canonical = dir.canonicalize().map_err(|e| not_repo(e.to_string()))?;
        let repo =
            gix::ThreadSafeRepository::discover(&canonical).map_err(|e| not_repo(e.to_string()))?;
        let work = repo
            .work_dir()
            .ok_or_else(|| GitError::Bare {
                git_dir: repo.git_dir().to_path_buf(),
            })?
            .to_path_buf();
        let root = work.canonicalize().map_err(|e| not_repo(e.to_string()))?;
        // The root as spelled from `dir`: drop as many trailing components
        // from `given` as `canonical` has below the root.
        let alias = canonical.strip_prefix(&root).ok().and_then(|below| {
            let depth = below.components().count();
            let mut a = given.clone();
            for _ in 0..depth {
                if !a.pop() {
                    return None;
                }
            }
            (a != root && a.canonicalize().ok().as_ref() == Some(&root)).then_some(a)
        });
        Ok(GitRepo { repo, root, alias })
    }

    /// The work-tree root (absolute, canonical).
    pub fn work_tree(&self) -> &Path {
        &self.root
    }

    /// The repository's git directory (for a linked worktree, its own
    /// directory under the main repository's `.git/worktrees`).
    pub fn git_dir(&self) -> &Path {
        self.repo.git_dir()
    }

    /// The path of `path` inside the tree, relative to the work-tree root
    /// (`""` for the root itself), or `None` when `path` lies outside the
    /// work tree. `path` is absolute; `.` and `..` are resolved lexically,
    /// as Go's `filepath.Join` does.
    pub fn tree_path(&self, path: &Path) -> Option<PathBuf> {
        let clean = lexical_clean(path)?;
        for root in std::iter::once(&self.root).chain(self.alias.as_ref()) {
            if let Ok(rel) = clean.strip_prefix(root) {
                return Some(rel.to_path_buf());
            }
        }
        None
    }

    /// Resolves a revision expression to a commit.
    ///
    /// Accepts what `git rev-parse` accepts for one commit: branches
    /// (`main`), remote-tracking branches (`origin/main`), `HEAD`, `HEAD~3`,
    /// tags (lightweight or annotated, peeled to their commit), full or
    /// abbreviated ids. `A...B` means the merge base of A and B, as
    /// `git merge-base A B` prints it (not `git rev-parse A...B`, which
    /// gives a symmetric-difference range): when there are several merge
    /// bases (criss-cross merges), the first one is taken, as
    /// `git merge-base` without `--all` does. An empty side means `HEAD`.
    pub fn resolve(&self, spec: &str) -> Result<Revision, GitError> {
        let repo = self.repo.to_thread_local();
        let oid = match spec.split_once("...") {
            Some((left, right)) => {
                let left = if left.is_empty() { "HEAD" } else { left };
                let right = if right.is_empty() { "HEAD" } else { right };
                let a = self.commit_of(&repo, spec, left)?;
                let b = self.commit_of(&repo, spec, right)?;
                let bases = repo
                    .merge_bases_many(a, &[b])
                    .map_err(|e| GitError::Object {
                        what: format!("the history of '{spec}'"),
                        repo: self.root.clone(),
                        reason: e.to_string(),
                    })?;
                match bases.first() {
                    Some(id) => id.detach(),
                    None => {
                        return Err(GitError::NoMergeBase {
                            spec: spec.to_string(),
                            repo: self.root.clone(),
                            left: left.to_string(),
                            right: right.to_string(),
                        })
                    }
                }
            }
            None => self.commit_of(&repo, spec, spec)?,
        };
        let object_err = |e: &dyn std::fmt::Display| GitError::Object {
            what: format!("commit {oid} ('{spec}')"),
            repo: self.root.clone(),
            reason: e.to_string(),
        };
        let commit = repo.find_commit(oid).map_err(|e| object_err(&e))?;
        let summary = commit
            .message()
            .map_err(|e| object_err(&e))?
            .summary()
            .to_str_lossy()
            .into_owned();
        let short_id = oid.attach(&repo).shorten_or_id().to_string();
        Ok(Revision {
            spec: spec.to_string(),
            id: oid.to_string(),
            short_id,
            summary,
            oid,
        })
    }

    /// The commit `part` (one side of `spec`) names, tags peeled.
    fn commit_of(
        &self,
        repo: &gix::Repository,
        spec: &str,
        part: &str,
    ) -> Result<ObjectId, GitError> {
        let parsed = repo
            .rev_parse(BStr::new(part))
            .map_err(|e| GitError::NoRevision {
                spec: spec.to_string(),
                repo: self.root.clone(),
                reason: e.to_string(),
            })?;
        let id = parsed.single().ok_or_else(|| GitError::Range {
            spec: spec.to_string(),
            repo: self.root.clone(),
        })?;
        let object = id.object().map_err(|e| GitError::Object {
            what: format!("object {id} ('{spec}')"),
            repo: self.root.clone(),
            reason: e.to_string(),
        })?;
        let commit = object.peel_to_commit().map_err(|e| GitError::NotACommit {
            spec: spec.to_string(),
            repo: self.root.clone(),
            reason: e.to_string(),
        })?;
        Ok(commit.id)
    }
}

impl Revision {
    /// The commit id.
    pub fn object_id(&self) -> ObjectId {
        self.oid
    }
}

/// The files of one commit, as a [`FileTree`] for the loader.
///
/// An absolute path under the work-tree root names the entry at the same
/// relative path in the commit's tree: blobs are files, trees are
/// directories, submodules (gitlinks) are empty directories. Symbolic links
/// are followed, within the tree, as the operating system follows them on
/// a checkout: a relative target is taken from the link's directory, an
/// absolute one or one that leaves the work tree through `..` continues on
/// disk (like any path outside the work tree), and more than 40 links in
/// one lookup fail as `ELOOP` does. A `.git` component is never in the
/// tree: paths through it are `NotFound`.
///
/// Paths outside the work-tree root are read from the operating system
/// ([`OsFiles`]): a directory replacement such as `../sibling` points out of
/// the repository, and the only version of it there is, is the one on disk.
///
/// Errors are `NotFound` for a missing path, `IsADirectory` when reading a
/// directory, `NotADirectory` for a path through a file, and `Other` with
/// the reason when the repository cannot be read.
#[derive(Clone)]
pub struct GitTreeFiles {
    repo: gix::ThreadSafeRepository,
    git: GitRepo,
    tree: ObjectId,
    revision: Revision,
}

impl std::fmt::Debug for GitTreeFiles {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GitTreeFiles")
            .field("work_tree", &self.git.root)
            .field("revision", &self.revision.spec)
            .field("commit", &self.revision.id)
            .field("tree", &self.tree)
            .finish()
    }
}

/// What a path resolved to.
enum Resolved {
    Blob(ObjectId),
    Tree,
    Submodule,
    Os(PathBuf),
}

impl GitTreeFiles {
    /// The tree of `revision`'s commit in `repo`.
    pub fn new(repo: &GitRepo, revision: &Revision) -> Result<GitTreeFiles, GitError> {
        let local = repo.repo.to_thread_local();
        let tree = local
            .find_commit(revision.oid)
            .map_err(|e| e.to_string())
            .and_then(|c| c.tree_id().map(|t| t.detach()).map_err(|e| e.to_string()))
            .map_err(|reason| GitError::Object {
                what: format!("the tree of commit {} ('{}')", revision.id, revision.spec),
                repo: repo.root.clone(),
                reason,
            })?;
        Ok(GitTreeFiles {
            repo: repo.repo.clone(),
            git: repo.clone(),
            tree,
            revision: revision.clone(),
        })
    }

    /// The revision these files are from.
    pub fn revision(&self) -> &Revision {
        &self.revision
    }

    /// The repository these files are from.
    pub fn repo(&self) -> &GitRepo {
        &self.git
    }

    /// Walks `rel` (relative to the root) through the tree, following
    /// symbolic links; no recursion.
    fn resolve(&self, repo: &gix::Repository, rel: &Path) -> io::Result<Resolved> {
        let mut pending: VecDeque<OsString> = rel
            .components()
            .map(|c| c.as_os_str().to_os_string())
            .collect();
        // The directories walked into: name and tree id.
        let mut stack: Vec<(OsString, ObjectId)> = Vec::new();
        let mut links = 0usize;
        while let Some(name) = pending.pop_front() {
            if name == "." {
                continue;
            }
            if name == ".." {
                if stack.pop().is_none() {
                    // Left the work tree: the rest is on disk.
                    let mut p = self.git.root.clone();
                    p.push("..");
                    p.extend(pending);
                    return lexical_clean(&p)
                        .map(Resolved::Os)
                        .ok_or_else(|| io::ErrorKind::NotFound.into());
                }
                continue;
            }
            if name == ".git" {
                return Err(io::ErrorKind::NotFound.into());
            }
            let dir = stack.last().map_or(self.tree, |(_, id)| *id);
            let tree = repo.find_tree(dir).map_err(io_other)?;
            let bytes = gix::path::os_str_into_bstr(&name)
                .map_err(|_| io::Error::from(io::ErrorKind::NotFound))?;
            let Some(entry) = tree.find_entry(bytes.as_bytes()) else {
                return Err(io::ErrorKind::NotFound.into());
            };
            let id = entry.object_id();
            match entry.mode().kind() {
                EntryKind::Tree => stack.push((name, id)),
                EntryKind::Blob | EntryKind::BlobExecutable => {
                    return if pending.is_empty() {
                        Ok(Resolved::Blob(id))
                    } else {
                        Err(io::ErrorKind::NotADirectory.into())
                    };
                }
                EntryKind::Commit => {
                    return if pending.is_empty() {
                        Ok(Resolved::Submodule)
                    } else {
                        Err(io::ErrorKind::NotFound.into())
                    };
                }
                EntryKind::Link => {
                    links += 1;
                    if links > MAX_SYMLINKS {
                        return Err(io::Error::other(format!(
                            "{}: too many levels of symbolic links",
                            self.git.root.join(rel).display()
                        )));
                    }
                    let target = read_blob(repo, id, 4096)?;
                    let target = gix::path::from_byte_slice(&target).to_path_buf();
                    let mut next: Vec<OsString> = Vec::new();
                    if target.is_absolute() {
                        match self.git.tree_path(&target) {
                            Some(inside) => {
                                stack.clear();
                                next.extend(inside.components().map(|c| c.as_os_str().into()));
                            }
                            None => {
                                let mut p = target;
                                p.extend(pending);
                                return lexical_clean(&p)
                                    .map(Resolved::Os)
                                    .ok_or_else(|| io::ErrorKind::NotFound.into());
                            }
                        }
                    } else {
                        next.extend(target.components().map(|c| c.as_os_str().into()));
                    }
                    for c in next.into_iter().rev() {
                        pending.push_front(c);
                    }
                }
            }
        }
        Ok(Resolved::Tree)
    }

    /// Resolves an absolute path: in the tree, or on disk.
    fn locate(&self, path: &Path) -> io::Result<(gix::Repository, Resolved)> {
        let repo = self.repo.to_thread_local();
        let resolved = match self.git.tree_path(path) {
            Some(rel) => self.resolve(&repo, &rel)?,
            None => Resolved::Os(path.to_path_buf()),
        };
        Ok((repo, resolved))
    }
}

impl FileTree for GitTreeFiles {
    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        match self.locate(path)? {
            (repo, Resolved::Blob(id)) => {
                read_blob(&repo, id, gomvs_modfile::fsread::limit_for(path))
            }
            (_, Resolved::Tree | Resolved::Submodule) => Err(io::Error::new(
                io::ErrorKind::IsADirectory,
                "is a directory",
            )),
            (_, Resolved::Os(p)) => OsFiles.read(&p),
        }
    }

    fn kind(&self, path: &Path) -> io::Result<FileKind> {
        match self.locate(path)? {
            (_, Resolved::Blob(_)) => Ok(FileKind::File),
            (_, Resolved::Tree | Resolved::Submodule) => Ok(FileKind::Dir),
            (_, Resolved::Os(p)) => OsFiles.kind(&p),
        }
    }
}

/// A blob's content, refused (as `gomvs_modfile::fsread` refuses a file)
/// when the object header says it is larger than `limit`: a huge blob is
/// never inflated.
fn read_blob(repo: &gix::Repository, id: gix::ObjectId, limit: u64) -> io::Result<Vec<u8>> {
    let size = repo.find_header(id).map_err(io_other)?.size();
    if size > limit {
        return Err(gomvs_modfile::fsread::too_large(size, limit));
    }
    Ok(repo.find_blob(id).map_err(io_other)?.detach().data)
}

fn io_other(e: impl std::fmt::Display) -> io::Error {
    io::Error::other(e.to_string())
}

/// `path` made absolute against the current directory (symlinks kept),
/// cleaned lexically.
fn absolute_clean(path: &Path) -> io::Result<PathBuf> {
    let abs = std::path::absolute(path)?;
    lexical_clean(&abs).ok_or_else(|| io::Error::other("not an absolute path"))
}

/// Go's `filepath.Clean` for an absolute path: `.` dropped, `..` removes
/// the previous component (never above the root). `None` for a relative
/// path.
fn lexical_clean(path: &Path) -> Option<PathBuf> {
    if !path.is_absolute() {
        return None;
    }
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::Prefix(_) | Component::RootDir => out.push(c.as_os_str()),
            Component::CurDir => {}
            Component::ParentDir => {
                if out.parent().is_some() {
                    out.pop();
                }
            }
            Component::Normal(n) => out.push(n),
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexical_clean_is_filepath_clean() {
        let c = |s: &str| lexical_clean(Path::new(s)).map(|p| p.display().to_string());
        assert_eq!(c("/a/./b/../c").as_deref(), Some("/a/c"));
        assert_eq!(c("/../a").as_deref(), Some("/a"));
        assert_eq!(c("/a/b/..").as_deref(), Some("/a"));
        assert_eq!(c("a/b"), None);
    }
}

/// The repository README's Rust examples, compiled as doctests (they use
/// both `gomvs-graph` and this crate).
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
pub struct ReadmeDoctests;
