//! Helpers shared by the CLI integration tests.
#![allow(dead_code)]

use std::path::Path;

/// Copies the directory tree `from` into `to` (created), leaving out the
/// top-level subdirectories named in `skip_top`; iterative, so deep trees
/// cannot overflow the stack.
pub fn copy_tree(from: &Path, to: &Path, skip_top: &[&str]) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    let mut stack = vec![(from.to_path_buf(), to.to_path_buf())];
    while let Some((src, dst)) = stack.pop() {
        for entry in std::fs::read_dir(&src)? {
            let entry = entry?;
            let target = dst.join(entry.file_name());
            if entry.file_type()?.is_dir() {
                if src == from && skip_top.iter().any(|s| entry.file_name() == *s) {
                    continue;
                }
                std::fs::create_dir_all(&target)?;
                stack.push((entry.path(), target));
            } else {
                std::fs::copy(entry.path(), &target)?;
            }
        }
    }
    Ok(())
}
