//! Locating the shared corpus and the repository's testdata for integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The repository (workspace) root.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `<workspace root>/../shared/corpus`, or `$GOMVS_SHARED_DIR/corpus`; panics
/// naming the path when it is absent.
pub fn corpus_dir() -> PathBuf {
    let shared = std::env::var_os("GOMVS_SHARED_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("../shared"));
    let corpus = shared.join("corpus");
    assert!(
        corpus.is_dir(),
        "shared corpus not found at {} (set GOMVS_SHARED_DIR to the shared directory)",
        corpus.display()
    );
    corpus
}

/// Reads a file, panicking with its path on failure.
pub fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}
