//! GitRepo and GitTreeFiles against repositories built with the real `git`:
//! every read is compared with `git show REV:path`, every resolve with
//! `git rev-parse` / `git merge-base`.

mod support;

use gomvs_git::{GitError, GitRepo, GitTreeFiles};
use gomvs_graph::files::{FileKind, FileTree};
use std::io;
use std::path::Path;
use support::{snapshot, Repo, Scratch};

const GO_MOD_1: &str = "module example.com/m\n\ngo 1.22\n\nrequire example.com/a v1.0.0\n";
const GO_MOD_2: &str = "module example.com/m\n\ngo 1.22\n\nrequire example.com/a v1.1.0\n";
const GO_MOD_3: &str = "module example.com/m\n\ngo 1.23\n\nrequire example.com/a v1.2.0\n";

/// A three-commit history on main: go.mod changes each time, plus a go.sum,
/// a vendor/modules.txt and a nested directory.
fn three_commits(s: &Scratch) -> (Repo, [String; 3]) {
    let r = s.init("repo");
    r.write("go.mod", GO_MOD_1);
    r.write("go.sum", "example.com/a v1.0.0/go.mod h1:x=\n");
    r.write("vendor/modules.txt", "# example.com/a v1.0.0\n");
    let c1 = r.commit("first: a v1.0.0");
    r.write("go.mod", GO_MOD_2);
    let c2 = r.commit("second: a v1.1.0\n\nbody line");
    r.write("go.mod", GO_MOD_3);
    r.write("internal/deep/x.txt", "deep\n");
    let c3 = r.commit("third");
    (r, [c1, c2, c3])
}

fn files_at(repo: &GitRepo, spec: &str) -> GitTreeFiles {
    let rev = repo
        .resolve(spec)
        .unwrap_or_else(|e| panic!("resolve {spec}: {e}"));
    GitTreeFiles::new(repo, &rev).unwrap_or_else(|e| panic!("tree of {spec}: {e}"))
}

/// Reads `rel` at `spec` through GitTreeFiles and through `git show`.
fn assert_same(r: &Repo, repo: &GitRepo, spec: &str, rel: &str) {
    let files = files_at(repo, spec);
    let p = repo.work_tree().join(rel);
    let got = files
        .read(&p)
        .unwrap_or_else(|e| panic!("read {rel} at {spec}: {e}"));
    assert_eq!(got, r.show(spec, rel), "{rel} at {spec}");
    assert_eq!(files.kind(&p).ok(), Some(FileKind::File), "{rel} at {spec}");
}

fn not_found(files: &GitTreeFiles, p: &Path) {
    assert_eq!(
        files.read(p).map_err(|e| e.kind()).err(),
        Some(io::ErrorKind::NotFound),
        "read {}",
        p.display()
    );
    assert_eq!(
        files.kind(p).map_err(|e| e.kind()).err(),
        Some(io::ErrorKind::NotFound),
        "kind {}",
        p.display()
    );
}

fn discover(dir: &Path) -> GitRepo {
    GitRepo::discover(dir).unwrap_or_else(|e| panic!("discover {}: {e}", dir.display()))
}

#[test]
fn loose_objects_read_like_git_show() {
    let s = Scratch::new();
    let (r, ids) = three_commits(&s);
    let loose = std::fs::read_dir(r.root.join(".git/objects"))
        .map(|d| d.count())
        .unwrap_or(0);
    assert!(loose > 3, "expected loose object directories");
    assert!(!r.root.join(".git/packed-refs").exists());
    let repo = discover(&r.root);
    assert_eq!(repo.work_tree(), r.root);
    for spec in [
        "HEAD", "main", &ids[0], &ids[1], "HEAD~1", "HEAD~2", "HEAD^",
    ] {
        for rel in ["go.mod", "go.sum", "vendor/modules.txt"] {
            assert_same(&r, &repo, spec, rel);
        }
    }
    assert_same(&r, &repo, "HEAD", "internal/deep/x.txt");
    let f = files_at(&repo, "HEAD");
    let root = repo.work_tree();
    assert_eq!(f.kind(root).ok(), Some(FileKind::Dir));
    assert_eq!(f.kind(&root.join("vendor")).ok(), Some(FileKind::Dir));
    assert_eq!(
        f.kind(&root.join("internal/deep")).ok(),
        Some(FileKind::Dir)
    );
    assert_eq!(
        f.read(&root.join("vendor")).map_err(|e| e.kind()).err(),
        Some(io::ErrorKind::IsADirectory)
    );
    not_found(&f, &root.join("go.work"));
    not_found(&f, &root.join("nope/go.mod"));
    not_found(&f, &root.join("internal/go.mod"));
    // .git is never a tree path, although it is there on disk.
    assert!(root.join(".git/HEAD").is_file());
    not_found(&f, &root.join(".git/HEAD"));
    not_found(&f, &root.join(".git"));
    // Through a file.
    assert_eq!(
        f.kind(&root.join("go.mod/x")).map_err(|e| e.kind()).err(),
        Some(io::ErrorKind::NotADirectory)
    );
    // The older revision has no internal/.
    not_found(
        &files_at(&repo, "HEAD~2"),
        &root.join("internal/deep/x.txt"),
    );
    // Lexical cleaning of . and .. inside the tree.
    assert_eq!(
        f.read(&root.join("internal/./deep/../../go.mod")).ok(),
        Some(GO_MOD_3.as_bytes().to_vec())
    );
}

#[test]
fn the_working_tree_is_not_what_is_read() {
    let s = Scratch::new();
    let (r, _) = three_commits(&s);
    r.write("go.mod", "module example.com/dirty\n");
    r.write("untracked/go.mod", "module example.com/u\n");
    let repo = discover(&r.root);
    let f = files_at(&repo, "HEAD");
    assert_eq!(
        f.read(&r.root.join("go.mod")).ok(),
        Some(GO_MOD_3.as_bytes().to_vec())
    );
    not_found(&f, &r.root.join("untracked/go.mod"));
}

#[test]
fn packed_objects_and_packed_refs_after_gc() {
    let s = Scratch::new();
    let (r, ids) = three_commits(&s);
    r.git(&["tag", "v1.0.0", &ids[0]]);
    r.git(&["tag", "-a", "-m", "release two", "v1.1.0", &ids[1]]);
    r.git(&["branch", "old", &ids[0]]);
    r.git(&["gc", "-q", "--prune=now"]);
    r.git(&["pack-refs", "--all"]);
    // Everything is packed: no loose object, no loose ref for the tags.
    let loose: Vec<_> = std::fs::read_dir(r.root.join(".git/objects"))
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| {
            let n = e.file_name();
            n.len() == 2 && n != "info"
        })
        .collect();
    assert!(loose.is_empty(), "loose objects left: {loose:?}");
    assert!(!r.root.join(".git/refs/tags/v1.1.0").exists());
    let packed = std::fs::read_to_string(r.root.join(".git/packed-refs")).unwrap_or_default();
    assert!(packed.contains("refs/tags/v1.1.0"), "{packed}");
    let repo = discover(&r.root);
    for (spec, want) in [
        ("v1.0.0", &ids[0]),
        ("v1.1.0", &ids[1]),
        ("old", &ids[0]),
        ("main", &ids[2]),
        ("HEAD~2", &ids[0]),
    ] {
        let rev = repo.resolve(spec).unwrap_or_else(|e| panic!("{spec}: {e}"));
        assert_eq!(&rev.id, want, "{spec}");
        assert_eq!(rev.id, r.rev(&format!("{spec}^{{commit}}")), "{spec}");
        for rel in ["go.mod", "go.sum", "vendor/modules.txt"] {
            assert_same(&r, &repo, spec, rel);
        }
    }
}

#[test]
fn tags_branches_remotes_ancestors_and_abbreviations() {
    let s = Scratch::new();
    let (r, ids) = three_commits(&s);
    r.git(&["tag", "v1.0.0", &ids[0]]);
    r.git(&["tag", "-a", "-m", "annotated", "v1.2.0", &ids[2]]);
    // A clone has remote-tracking refs (origin/main) and its own main.
    let c = support::Repo {
        root: s.path().join("clone"),
    };
    support::git_cmd(&s.path())
        .args(["clone", "-q"])
        .arg(&r.root)
        .arg(&c.root)
        .status()
        .map(|st| assert!(st.success(), "git clone"))
        .unwrap_or_else(|e| panic!("git clone: {e}"));
    c.git(&["reset", "-q", "--hard", "HEAD~1"]);
    let repo = discover(&c.root);
    let short = &ids[1][..7];
    let cases: &[(&str, &str)] = &[
        ("origin/main", &ids[2]),
        ("refs/remotes/origin/main", &ids[2]),
        ("main", &ids[1]),
        ("HEAD", &ids[1]),
        ("HEAD~1", &ids[0]),
        ("v1.0.0", &ids[0]),
        ("v1.2.0", &ids[2]),
        ("v1.2.0~2", &ids[0]),
        ("origin/main~2", &ids[0]),
        (short, &ids[1]),
        (&ids[2], &ids[2]),
    ];
    for (spec, want) in cases {
        let rev = repo.resolve(spec).unwrap_or_else(|e| panic!("{spec}: {e}"));
        assert_eq!(&rev.id, want, "{spec}");
        assert_eq!(rev.spec, *spec);
        assert_eq!(rev.object_id().to_string(), rev.id);
        assert!(rev.id.starts_with(&rev.short_id) && rev.short_id.len() >= 7);
        let git_summary = c.git(&["log", "-1", "--format=%s", want]);
        assert_eq!(rev.summary, git_summary.trim_end(), "{spec}");
        for rel in ["go.mod", "go.sum"] {
            assert_same(&c, &repo, spec, rel);
        }
    }
    assert_eq!(
        repo.resolve("HEAD").map(|r| r.summary).ok().as_deref(),
        Some("second: a v1.1.0")
    );
}

#[test]
fn unknown_revisions_ranges_and_non_commits_are_errors_that_say_what_to_do() {
    let s = Scratch::new();
    let (r, _) = three_commits(&s);
    let repo = discover(&r.root);
    let e = repo.resolve("nosuch").err().map(|e| e.to_string());
    let e = e.unwrap_or_default();
    assert!(e.contains("'nosuch'") && e.contains("git branch -a"), "{e}");
    assert!(e.contains(&r.root.display().to_string()), "{e}");
    assert!(matches!(
        repo.resolve("HEAD~7"),
        Err(GitError::NoRevision { .. })
    ));
    assert!(matches!(
        repo.resolve("HEAD~2..HEAD"),
        Err(GitError::Range { .. })
    ));
    let e = repo.resolve("HEAD:go.mod");
    assert!(matches!(e, Err(GitError::NotACommit { .. })), "{e:?}");
    assert!(matches!(
        repo.resolve("nosuch...main"),
        Err(GitError::NoRevision { .. })
    ));
}

#[test]
fn merge_base_of_forked_histories() {
    let s = Scratch::new();
    let (r, ids) = three_commits(&s);
    r.git(&["checkout", "-q", "-b", "feature", &ids[1]]);
    r.write(
        "go.mod",
        "module example.com/m\n\ngo 1.22\n\nrequire example.com/b v1.0.0\n",
    );
    r.commit("feature one");
    r.write("feature.txt", "f\n");
    let f2 = r.commit("feature two");
    let want = r.git(&["merge-base", "main", "feature"]).trim().to_string();
    assert_eq!(want, ids[1]);
    let repo = discover(&r.root);
    for spec in [
        "main...feature",
        "feature...main",
        "main...",
        "...main",
        "main...HEAD",
    ] {
        let rev = repo.resolve(spec).unwrap_or_else(|e| panic!("{spec}: {e}"));
        assert_eq!(rev.id, want, "{spec}");
        assert_eq!(rev.spec, spec);
        let files = GitTreeFiles::new(&repo, &rev).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            files.read(&r.root.join("go.mod")).ok(),
            Some(r.show(&want, "go.mod"))
        );
    }
    assert_eq!(
        repo.resolve("feature...feature").map(|r| r.id).ok(),
        Some(f2)
    );
    // Unrelated histories have no merge base.
    r.git(&["checkout", "-q", "--orphan", "lonely"]);
    r.git(&["rm", "-rfq", "."]);
    r.write("go.mod", "module example.com/lonely\n");
    r.commit("unrelated root");
    let e = repo.resolve("main...lonely");
    assert!(matches!(e, Err(GitError::NoMergeBase { .. })), "{e:?}");
    let msg = e.err().map(|e| e.to_string()).unwrap_or_default();
    assert!(
        msg.contains("no common ancestor") && msg.contains("main...lonely"),
        "{msg}"
    );
}

#[test]
fn criss_cross_merge_takes_the_base_git_merge_base_prints() {
    let s = Scratch::new();
    let r = s.init("repo");
    r.write("go.mod", GO_MOD_1);
    r.commit("root");
    r.git(&["branch", "b"]);
    r.write("a1", "1");
    let a1 = r.commit("a1");
    r.git(&["checkout", "-q", "b"]);
    r.write("b1", "1");
    let b1 = r.commit("b1");
    // Cross-merge both ways: two best merge bases (a1 and b1).
    r.git(&["merge", "-q", "--no-edit", &a1]);
    r.write("b2", "2");
    r.commit("b2");
    r.git(&["checkout", "-q", "main"]);
    r.git(&["merge", "-q", "--no-edit", &b1]);
    r.write("a2", "2");
    r.commit("a2");
    let all = r.git(&["merge-base", "--all", "main", "b"]);
    assert_eq!(all.lines().count(), 2, "criss-cross expected: {all}");
    let repo = discover(&r.root);
    for (x, y) in [("main", "b"), ("b", "main")] {
        let want = r.git(&["merge-base", x, y]).trim().to_string();
        let got = repo
            .resolve(&format!("{x}...{y}"))
            .map(|r| r.id)
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(all.contains(&got), "{got} not among {all}");
        assert_eq!(got, want, "{x}...{y}");
    }
}

#[test]
fn linked_worktree_and_subdirectories() {
    let s = Scratch::new();
    let (r, ids) = three_commits(&s);
    let wt_root = s.path().join("wt");
    let wt_arg = wt_root.display().to_string();
    r.git(&["worktree", "add", "-q", "-b", "feature", &wt_arg, &ids[1]]);
    let wt = Repo { root: wt_root };
    wt.write("sub/mod/go.mod", "module example.com/sub\n");
    let feat = wt.commit("feature: nested module");
    // From the worktree root and from a subdirectory of it.
    for dir in [
        wt.root.clone(),
        wt.root.join("sub/mod"),
        wt.root.join("sub"),
    ] {
        let repo = discover(&dir);
        assert_eq!(repo.work_tree(), wt.root, "from {}", dir.display());
        assert!(repo.git_dir().starts_with(r.root.join(".git/worktrees")));
        assert_eq!(
            repo.tree_path(&dir).map(|p| wt.root.join(p)),
            Some(dir.clone())
        );
        let head = repo.resolve("HEAD").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(head.id, feat, "the worktree's own HEAD");
        // The main repository's branches are visible from the worktree.
        assert_eq!(
            repo.resolve("main").map(|r| r.id).ok().as_ref(),
            Some(&ids[2])
        );
        assert_same(&wt, &repo, "HEAD", "sub/mod/go.mod");
        assert_same(&wt, &repo, "HEAD", "go.mod");
        assert_same(&wt, &repo, "main", "go.mod");
        let f = files_at(&repo, "HEAD");
        assert_eq!(f.kind(&wt.root.join("sub")).ok(), Some(FileKind::Dir));
        not_found(&f, &wt.root.join("sub/go.mod"));
        // The main work tree is outside this worktree: read from disk.
        assert_eq!(
            f.read(&r.root.join("go.mod")).ok(),
            std::fs::read(r.root.join("go.mod")).ok()
        );
    }
    // The main repository still sees its own HEAD.
    let main_repo = discover(&r.root.join("internal/deep"));
    assert_eq!(main_repo.work_tree(), r.root);
    assert_eq!(
        main_repo.resolve("HEAD").map(|r| r.id).ok().as_ref(),
        Some(&ids[2])
    );
    assert_eq!(main_repo.resolve("feature").map(|r| r.id).ok(), Some(feat));
}

#[test]
fn module_in_a_subdirectory_and_a_workspace_at_the_root() {
    let s = Scratch::new();
    let r = s.init("repo");
    r.write("README", "not a module\n");
    r.write("go.work", "go 1.22\n\nuse (\n\t./svc/api\n\t./lib\n)\n");
    r.write("go.work.sum", "example.com/z v1.0.0/go.mod h1:y=\n");
    r.write("svc/api/go.mod", "module example.com/api\n\ngo 1.22\n");
    r.write("svc/api/go.sum", "");
    r.write("lib/go.mod", "module example.com/lib\n\ngo 1.22\n");
    let c1 = r.commit("workspace");
    r.write("svc/api/go.mod", "module example.com/api\n\ngo 1.23\n");
    r.commit("bump api");
    let repo = discover(&r.root.join("svc/api"));
    assert_eq!(repo.work_tree(), r.root);
    assert_eq!(
        repo.tree_path(&r.root.join("svc/api")).as_deref(),
        Some(Path::new("svc/api"))
    );
    assert_eq!(repo.tree_path(&r.root).as_deref(), Some(Path::new("")));
    assert_eq!(repo.tree_path(&s.path()), None);
    for spec in ["HEAD", "HEAD~1", &c1[..10]] {
        for rel in [
            "go.work",
            "go.work.sum",
            "svc/api/go.mod",
            "svc/api/go.sum",
            "lib/go.mod",
        ] {
            assert_same(&r, &repo, spec, rel);
        }
        let f = files_at(&repo, spec);
        not_found(&f, &r.root.join("go.mod"));
        not_found(&f, &r.root.join("svc/go.mod"));
        assert_eq!(f.kind(&r.root.join("svc/api")).ok(), Some(FileKind::Dir));
        assert!(
            f.is_file(&r.root.join("svc/api/go.sum")),
            "empty file is a file"
        );
    }
}

#[test]
fn symlinks_are_followed_within_the_tree() {
    let s = Scratch::new();
    let outside = s.path().join("outside");
    std::fs::create_dir_all(&outside).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(outside.join("go.mod"), "module example.com/outside\n")
        .unwrap_or_else(|e| panic!("{e}"));
    let r = s.init("repo");
    r.write("real/go.mod", GO_MOD_1);
    let link = |target: &str, at: &str| {
        let p = r.root.join(at);
        if let Some(d) = p.parent() {
            std::fs::create_dir_all(d).unwrap_or_else(|e| panic!("{e}"));
        }
        std::os::unix::fs::symlink(target, &p).unwrap_or_else(|e| panic!("{e}"));
    };
    link("real/go.mod", "go.mod");
    link("../real", "a/linkdir");
    link("../outside", "escape");
    link(&outside.display().to_string(), "abs-outside");
    link(&r.root.join("real").display().to_string(), "abs-inside");
    link("loop2", "loop1");
    link("loop1", "loop2");
    link("nothing-here", "dangling");
    r.commit("links");
    // The work tree's files change after the commit: reads must not follow them.
    std::fs::write(r.root.join("real/go.mod"), "module example.com/changed\n")
        .unwrap_or_else(|e| panic!("{e}"));
    let repo = discover(&r.root);
    let f = files_at(&repo, "HEAD");
    let root = repo.work_tree();
    let want = Some(GO_MOD_1.as_bytes().to_vec());
    assert_eq!(f.read(&root.join("go.mod")).ok(), want);
    assert_eq!(f.kind(&root.join("go.mod")).ok(), Some(FileKind::File));
    assert_eq!(f.kind(&root.join("a/linkdir")).ok(), Some(FileKind::Dir));
    assert_eq!(f.read(&root.join("a/linkdir/go.mod")).ok(), want);
    assert_eq!(f.read(&root.join("abs-inside/go.mod")).ok(), want);
    // Links out of the work tree continue on disk.
    let outside_mod = Some(b"module example.com/outside\n".to_vec());
    assert_eq!(f.read(&root.join("escape/go.mod")).ok(), outside_mod);
    assert_eq!(f.read(&root.join("abs-outside/go.mod")).ok(), outside_mod);
    assert_eq!(f.kind(&root.join("escape")).ok(), Some(FileKind::Dir));
    not_found(&f, &root.join("dangling"));
    let e = f.read(&root.join("loop1")).err().map(|e| e.to_string());
    assert!(
        e.as_deref()
            .is_some_and(|e| e.contains("too many levels of symbolic links")),
        "{e:?}"
    );
}

#[test]
fn submodules_are_empty_directories() {
    let s = Scratch::new();
    let (r, ids) = three_commits(&s);
    let gitlink = format!("160000,{},third_party/sub", ids[0]);
    r.git(&["update-index", "--add", "--cacheinfo", &gitlink]);
    r.git(&["commit", "-q", "-m", "add a submodule entry"]);
    let ls = r.git(&["ls-tree", "HEAD", "third_party/sub"]);
    assert!(ls.starts_with("160000 commit"), "{ls}");
    let repo = discover(&r.root);
    let f = files_at(&repo, "HEAD");
    let sub = repo.work_tree().join("third_party/sub");
    assert_eq!(f.kind(&sub).ok(), Some(FileKind::Dir));
    assert!(f.is_dir(&sub));
    not_found(&f, &sub.join("go.mod"));
    assert_eq!(
        f.read(&sub).map_err(|e| e.kind()).err(),
        Some(io::ErrorKind::IsADirectory)
    );
}

#[test]
fn paths_outside_the_work_tree_come_from_disk() {
    let s = Scratch::new();
    let (r, _) = three_commits(&s);
    let sib = s.path().join("sibling");
    std::fs::create_dir_all(&sib).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(sib.join("go.mod"), "module example.com/sibling\n")
        .unwrap_or_else(|e| panic!("{e}"));
    let repo = discover(&r.root);
    let f = files_at(&repo, "HEAD~2");
    // As the loader joins a `../sibling` replacement onto the module dir.
    let via_dotdot = r.root.join("../sibling/go.mod");
    assert_eq!(
        f.read(&via_dotdot).ok(),
        Some(b"module example.com/sibling\n".to_vec())
    );
    assert_eq!(f.kind(&sib).ok(), Some(FileKind::Dir));
    not_found(&f, &sib.join("go.sum"));
}

#[test]
fn a_symlinked_spelling_of_the_work_tree_maps_too() {
    let s = Scratch::new();
    let (r, _) = three_commits(&s);
    let alias = s.path().join("alias");
    std::os::unix::fs::symlink(&r.root, &alias).unwrap_or_else(|e| panic!("{e}"));
    let repo = discover(&alias.join("internal"));
    assert_eq!(repo.work_tree(), r.root, "canonical root");
    assert_eq!(
        repo.tree_path(&alias.join("go.mod")).as_deref(),
        Some(Path::new("go.mod"))
    );
    assert_eq!(
        repo.tree_path(&r.root.join("go.mod")).as_deref(),
        Some(Path::new("go.mod"))
    );
    let f = files_at(&repo, "HEAD~1");
    assert_eq!(
        f.read(&alias.join("go.mod")).ok(),
        Some(GO_MOD_2.as_bytes().to_vec())
    );
    assert_eq!(
        f.read(&r.root.join("go.mod")).ok(),
        Some(GO_MOD_2.as_bytes().to_vec())
    );
}

#[test]
fn outside_any_repository_and_bare_repositories_are_errors() {
    let s = Scratch::new();
    let plain = s.path().join("plain");
    std::fs::create_dir_all(&plain).unwrap_or_else(|e| panic!("{e}"));
    let m = GitRepo::discover(&plain).err().map(|e| e.to_string());
    let m = m.unwrap_or_else(|| panic!("{} is inside a repository", plain.display()));
    assert!(
        m.contains("not inside a git repository") && m.contains("plain"),
        "{m}"
    );
    let bare = s.path().join("bare.git");
    support::git_cmd(&s.path())
        .args(["init", "-q", "--bare"])
        .arg(&bare)
        .status()
        .map(|st| assert!(st.success()))
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(matches!(
        GitRepo::discover(&bare),
        Err(GitError::Bare { .. })
    ));
}

#[test]
fn nothing_under_the_repository_changes() {
    let s = Scratch::new();
    let (r, ids) = three_commits(&s);
    r.git(&["tag", "-a", "-m", "t", "v1.0.0", &ids[0]]);
    r.git(&["branch", "side", &ids[1]]);
    let wt_arg = s.path().join("wt").display().to_string();
    r.git(&["worktree", "add", "-q", "--detach", &wt_arg, &ids[1]]);
    r.git(&["gc", "-q"]);
    r.write("go.mod", "module example.com/dirty\n");
    r.write("new-untracked", "x\n");
    let before = snapshot(&s.path());
    let index_before = std::fs::read(r.root.join(".git/index")).ok();
    for dir in [r.root.clone(), r.root.join("internal"), s.path().join("wt")] {
        let repo = discover(&dir);
        for spec in [
            "HEAD",
            "main",
            "side",
            "v1.0.0",
            "HEAD~1",
            &ids[0][..8],
            "main...side",
            "nosuch",
        ] {
            let Ok(rev) = repo.resolve(spec) else {
                continue;
            };
            let f = GitTreeFiles::new(&repo, &rev).unwrap_or_else(|e| panic!("{e}"));
            for rel in [
                "go.mod",
                "go.sum",
                "vendor/modules.txt",
                "go.work",
                "internal/deep",
                ".git/config",
                "../wt/go.mod",
            ] {
                let p = repo.work_tree().join(rel);
                let _ = f.read(&p);
                let _ = f.kind(&p);
            }
        }
    }
    let after = snapshot(&s.path());
    assert_eq!(std::fs::read(r.root.join(".git/index")).ok(), index_before);
    let changed: Vec<_> = before
        .iter()
        .zip(after.iter())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(before.len(), after.len(), "files were added or removed");
    assert!(changed.is_empty(), "changed: {changed:?}");
}

#[test]
fn a_blob_over_the_limit_is_refused_from_its_header() {
    // Issue 14: the size comes from the object header, so the blob is never
    // inflated; go.mod files are limited to 16 MiB like files on disk.
    let s = Scratch::new();
    let r = s.init("repo");
    let big = "// padding\n".repeat((16 << 20) / 11 + 1);
    r.write("go.mod", &big);
    r.write("go.sum", &big);
    r.commit("huge go.mod");
    let repo = discover(&r.root);
    let f = files_at(&repo, "HEAD");
    let e = f
        .read(&r.root.join("go.mod"))
        .expect_err("a 16 MiB + 1 go.mod is refused");
    assert_eq!(e.kind(), io::ErrorKind::FileTooLarge);
    assert_eq!(
        e.to_string(),
        format!(
            "file too large ({} bytes): gomvs refuses files over 16777216 bytes",
            big.len()
        )
    );
    // go.sum has the larger data-file limit.
    assert_eq!(
        f.read(&r.root.join("go.sum")).ok().map(|d| d.len()),
        Some(big.len())
    );
}
