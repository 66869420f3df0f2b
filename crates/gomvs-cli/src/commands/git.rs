//! Git revisions as sides of `gomvs diff` and `gomvs check --base`: the
//! main modules' files are read from the revision's objects by `gomvs-git`
//! (never checked out), in the repository holding the working directory.

use super::diff::OpenedSide;
use crate::render::diff::SideInfo;
use gomvs_git::{GitRepo, GitTreeFiles};
use std::path::Path;
use std::sync::Arc;

/// Resolves `rev` in the git repository holding `cwd`; the side is resolved
/// in `cwd` as it is in that revision.
pub fn open_revision(rev: &str, cwd: &Path) -> Result<OpenedSide, String> {
    let repo = GitRepo::discover(cwd).map_err(|e| e.to_string())?;
    let revision = repo.resolve(rev).map_err(|e| e.to_string())?;
    let files = GitTreeFiles::new(&repo, &revision).map_err(|e| e.to_string())?;
    Ok(OpenedSide {
        info: SideInfo::Revision {
            spec: revision.spec.clone(),
            commit: revision.id.clone(),
            short: revision.short_id.clone(),
            summary: revision.summary.clone(),
        },
        files: Arc::new(files),
        cwd: cwd.to_path_buf(),
    })
}
