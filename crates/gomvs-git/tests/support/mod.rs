//! Real repositories built with the `git` command line in temporary
//! directories, for the gomvs-git tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// A temporary directory holding one or more repositories.
pub struct Scratch {
    /// Kept alive until the test ends.
    pub dir: tempfile::TempDir,
}

impl Scratch {
    /// A new, empty scratch directory (canonical path).
    pub fn new() -> Scratch {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
        Scratch { dir }
    }

    /// The scratch directory, canonicalized.
    pub fn path(&self) -> PathBuf {
        self.dir
            .path()
            .canonicalize()
            .unwrap_or_else(|e| panic!("canonicalize: {e}"))
    }

    /// `git init -b main` in `<scratch>/<name>`.
    pub fn init(&self, name: &str) -> Repo {
        let root = self.path().join(name);
        std::fs::create_dir_all(&root).unwrap_or_else(|e| panic!("mkdir: {e}"));
        let r = Repo { root };
        r.git(&["init", "-q", "-b", "main"]);
        r
    }
}

/// A repository (or linked worktree) at `root`.
pub struct Repo {
    /// The work-tree root.
    pub root: PathBuf,
}

/// A `git` command isolated from the user's and the system's config, with
/// fixed identities and dates so that runs are reproducible.
pub fn git_cmd(dir: &Path) -> Command {
    let mut c = Command::new("git");
    c.current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_AUTHOR_NAME", "T")
        .env("GIT_AUTHOR_EMAIL", "t@example.com")
        .env("GIT_COMMITTER_NAME", "T")
        .env("GIT_COMMITTER_EMAIL", "t@example.com")
        .env("GIT_AUTHOR_DATE", "2024-01-01T00:00:00Z")
        .env("GIT_COMMITTER_DATE", "2024-01-01T00:00:00Z")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env_remove("GIT_INDEX_FILE");
    c
}

impl Repo {
    /// Runs git here and returns its stdout; panics with stderr on failure.
    pub fn git(&self, args: &[&str]) -> String {
        String::from_utf8_lossy(&self.git_bytes(args)).into_owned()
    }

    /// Runs git here and returns its raw stdout.
    pub fn git_bytes(&self, args: &[&str]) -> Vec<u8> {
        let out = git_cmd(&self.root)
            .args(args)
            .output()
            .unwrap_or_else(|e| panic!("running git {args:?}: {e}"));
        assert!(
            out.status.success(),
            "git {args:?} in {}: {}",
            self.root.display(),
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    }

    /// `git rev-parse <spec>`, trimmed.
    pub fn rev(&self, spec: &str) -> String {
        self.git(&["rev-parse", "--verify", "-q", spec])
            .trim()
            .to_string()
    }

    /// Writes `content` at `rel` (creating directories).
    pub fn write(&self, rel: &str, content: &str) {
        let p = self.root.join(rel);
        if let Some(d) = p.parent() {
            std::fs::create_dir_all(d).unwrap_or_else(|e| panic!("mkdir {}: {e}", d.display()));
        }
        std::fs::write(&p, content).unwrap_or_else(|e| panic!("write {}: {e}", p.display()));
    }

    /// `git add -A && git commit -m msg`; returns the new commit id.
    pub fn commit(&self, msg: &str) -> String {
        self.git(&["add", "-A"]);
        self.git(&["commit", "-q", "--allow-empty", "-m", msg]);
        self.rev("HEAD")
    }

    /// `git show <rev>:<path>` as bytes.
    pub fn show(&self, rev: &str, path: &str) -> Vec<u8> {
        self.git_bytes(&["show", &format!("{rev}:{path}")])
    }
}

/// Every file under `dir` (symlinks as their target text) with a SHA-256
/// of its content, sorted; walks with an explicit stack.
pub fn snapshot(dir: &Path) -> Vec<(PathBuf, String, u64)> {
    use sha2::{Digest, Sha256};
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = std::fs::read_dir(&d).unwrap_or_else(|e| panic!("{}: {e}", d.display()));
        for e in entries {
            let e = e.unwrap_or_else(|e| panic!("{}: {e}", d.display()));
            let p = e.path();
            let md = std::fs::symlink_metadata(&p).unwrap_or_else(|e| panic!("{e}"));
            let modified = md
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos() as u64);
            if md.is_dir() {
                out.push((p.clone(), "dir".to_string(), modified));
                stack.push(p);
            } else if md.file_type().is_symlink() {
                let t = std::fs::read_link(&p).unwrap_or_else(|e| panic!("{e}"));
                out.push((p, format!("link {}", t.display()), modified));
            } else {
                let data = std::fs::read(&p).unwrap_or_else(|e| panic!("{e}"));
                let h = Sha256::digest(&data);
                let hex: String = h.iter().map(|b| format!("{b:02x}")).collect();
                out.push((p, hex, modified));
            }
        }
    }
    out.sort();
    out
}
