//! `go mod verify` (`modcmd.runVerify`, `verifyMod`) as data.

use super::{SumIndex, SumLine};
use crate::goerr::{is_not_exist, path_error};
use crate::loader::Loaded;
use crate::source::ModCache;
use gomvs_modfile::dirhash::{hash_dir, hash_go_mod, hash_zip, DirHashError};
use gomvs_modfile::{gover, ModuleVersion};
use serde::Serialize;
use std::path::{Path, PathBuf};

/// What `go mod verify` found, module by module.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VerifyReport {
    /// One entry per module `verifyMod` looks at: the build list in order,
    /// without the main modules and the `go`/`toolchain` pseudo-modules.
    pub modules: Vec<ModuleVerification>,
}

impl VerifyReport {
    /// Whether `go mod verify` would print `all modules verified` (no problem).
    pub fn all_verified(&self) -> bool {
        self.modules.iter().all(|m| m.problems.is_empty())
    }

    /// The lines `go mod verify` prints on stderr (`base.Errorf`), in order.
    pub fn error_lines(&self) -> impl Iterator<Item = &str> + '_ {
        self.modules
            .iter()
            .flat_map(|m| m.problems.iter().map(|p| p.message.as_str()))
    }
}

/// The verification of one module version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ModuleVerification {
    /// The build-list module (`go mod verify` checks the module itself even
    /// when it is replaced).
    pub module: ModuleVersion,
    /// The outcome.
    pub outcome: VerifyOutcome,
    /// What `go mod verify` prints for this module, in order (empty unless
    /// the outcome is [`VerifyOutcome::Failed`]).
    pub problems: Vec<VerifyProblem>,
    /// `$GOMODCACHE/cache/download/<path>/@v/<version>.zip`, when the path
    /// can be formed.
    pub zip: Option<PathBuf>,
    /// `$GOMODCACHE/<path>@<version>`, when the path can be formed.
    pub dir: Option<PathBuf>,
    /// The `.ziphash` contents (white space trimmed), when readable.
    pub ziphash: Option<String>,
    /// Beyond `go mod verify`: the `.ziphash` compared with go.sum's
    /// `path version` line, as the go command compares them before using the
    /// module's files (`checkMod`). `go mod verify` itself never reads it.
    pub zip_sum: SumComparison,
    /// Beyond `go mod verify`: the cached `.mod` file's hash compared with
    /// go.sum's `path version/go.mod` line (`checkGoMod`). A mismatch on a
    /// go.mod the load read stops the load before verification; this also
    /// covers build-list modules whose go.mod the (pruned) load never read.
    pub go_mod_sum: SumComparison,
}

/// The outcome of `verifyMod` for one module.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "state")]
pub enum VerifyOutcome {
    /// The `.ziphash` matched everything there was to hash.
    Verified {
        /// The zip was hashed (it exists).
        zip: bool,
        /// The extracted directory was hashed (it exists and is complete).
        dir: bool,
    },
    /// Neither the zip nor a complete extracted directory is in the cache,
    /// and no `.ziphash` is readable: nothing downloaded, nothing verifiable
    /// (Go says nothing).
    NotDownloaded,
    /// At least one problem (see [`ModuleVerification::problems`]).
    Failed,
}

/// One line `go mod verify` prints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VerifyProblem {
    /// What kind of problem.
    #[serde(flatten)]
    pub kind: VerifyProblemKind,
    /// Go's line, e.g. `rsc.io/quote v1.5.2: dir has been modified (/cache/rsc.io/quote@v1.5.2)`.
    pub message: String,
}

/// The problems `verifyMod` reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum VerifyProblemKind {
    /// The zip or the directory is there but the `.ziphash` cannot be read.
    MissingZiphash,
    /// The zip could not be hashed (not a valid zip, unreadable, ...).
    ZipError,
    /// The zip's hash differs from the `.ziphash`.
    ZipModified {
        /// The hash of the zip's contents.
        actual: String,
        /// The `.ziphash` contents.
        expected: String,
    },
    /// The extracted directory could not be hashed.
    DirError,
    /// The directory's hash differs from the `.ziphash`.
    DirModified {
        /// The hash of the directory's files.
        actual: String,
        /// The `.ziphash` contents.
        expected: String,
    },
}

/// A hash from the module cache compared with go.sum (`haveModSumLocked`'s rule).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SumComparison {
    /// The verdict.
    pub status: SumStatus,
    /// The hash computed from (or recorded in) the module cache, if available.
    pub cache_hash: Option<String>,
    /// The go.sum line compared with: the matching line, the first
    /// conflicting `h1:` line, or (when the cache has nothing) the first
    /// `h1:` line recorded for the key.
    pub recorded: Option<SumLine>,
}

/// The verdict of a [`SumComparison`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SumStatus {
    /// go.sum records the cache's hash before any other `h1:` hash.
    Match,
    /// go.sum records another `h1:` hash first: the go command would stop with
    /// `checksum mismatch` / `SECURITY ERROR` on using the file.
    Mismatch,
    /// go.sum records no `h1:` hash for the key.
    NotRecorded,
    /// The module cache has nothing to compare (no `.ziphash`, no `.mod`).
    NotInCache,
}

/// `go mod verify` on a finished load: for every build-list module except the
/// main modules and `go`/`toolchain`, in build-list order, the checks of
/// `verifyMod` against the module cache `cache`:
///
/// 1. the `.ziphash` must be readable unless neither the zip nor a complete
///    extracted directory exists (then nothing was downloaded: no problem);
/// 2. if the zip exists, `dirhash.HashZip` of it must equal the `.ziphash`;
/// 3. if the extracted directory exists and is complete (`DownloadDir`: no
///    `.partial`, a `.ziphash`), `dirhash.HashDir` must equal it.
///
/// Relative paths (Go's, when the cache path cannot be formed) are resolved
/// against the load's working directory. go.sum is not part of these checks;
/// [`ModuleVerification::zip_sum`] and [`ModuleVerification::go_mod_sum`]
/// add the comparisons the go command makes elsewhere.
pub fn verify_modules(loaded: &Loaded, cache: &ModCache) -> VerifyReport {
    let session = &loaded.session;
    let index = SumIndex::new(session.sum_files());
    let cwd = &session.config.cwd;
    let modules = loaded
        .graph
        .build_list()
        .into_iter()
        .filter(|m| !gover::is_toolchain(&m.path) && !session.is_main(&m.path))
        .map(|m| verify_module(&m, cache, &index, cwd))
        .collect();
    VerifyReport { modules }
}

/// Whether a failed `os.Stat`-like step counts as `fs.ErrNotExist`.
enum Presence {
    Present,
    NotExist,
    /// Another error (the path is still used, as Go uses it).
    Other,
}

fn verify_module(
    m: &ModuleVersion,
    cache: &ModCache,
    index: &SumIndex<'_>,
    cwd: &Path,
) -> ModuleVerification {
    let abs = |p: &Path| {
        if p.is_absolute() {
            p.to_path_buf()
        } else {
            cwd.join(p)
        }
    };
    let shown_id = format!("{} {}", m.path, m.version);
    // zip, zipErr := CachePath(mod, "zip"); if zipErr == nil { _, zipErr = os.Stat(zip) }
    let (zip, zip_state) = match cache.cache_path(m, "zip") {
        Ok(p) => {
            let state = match std::fs::metadata(&p) {
                Ok(_) => Presence::Present,
                Err(e) if is_not_exist(&e) => Presence::NotExist,
                Err(_) => Presence::Other,
            };
            (Some(p), state)
        }
        Err(_) => (None, Presence::Other),
    };
    let (dir, dir_state) = download_dir(cache, m);
    let zip_string = zip
        .as_ref()
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_default();
    let ziphash_name = format!("{zip_string}hash");
    let ziphash_read = gomvs_modfile::fsread::read(&abs(Path::new(&ziphash_name)));
    let go_mod_sum = go_mod_comparison(m, cache, index);
    let mut result = ModuleVerification {
        module: m.clone(),
        outcome: VerifyOutcome::Failed,
        problems: Vec::new(),
        zip: zip.clone(),
        dir: dir.clone(),
        ziphash: None,
        zip_sum: SumComparison {
            status: SumStatus::NotInCache,
            cache_hash: None,
            recorded: index.first_h1(&m.path, &m.version),
        },
        go_mod_sum,
    };
    let data = match ziphash_read {
        Ok(d) => d,
        Err(e) => {
            if matches!(zip_state, Presence::NotExist) && matches!(dir_state, Presence::NotExist) {
                result.outcome = VerifyOutcome::NotDownloaded;
                return result;
            }
            result.problems.push(VerifyProblem {
                kind: VerifyProblemKind::MissingZiphash,
                message: format!(
                    "{shown_id}: missing ziphash: {}",
                    path_error("open", &ziphash_name, &e)
                ),
            });
            return result;
        }
    };
    let h = String::from_utf8_lossy(data.trim_ascii()).into_owned();
    result.ziphash = Some(h.clone());
    let (status, recorded) = index.compare(&m.path, &m.version, &h);
    result.zip_sum = SumComparison {
        status,
        cache_hash: Some(h.clone()),
        recorded: recorded.or_else(|| index.first_h1(&m.path, &m.version)),
    };
    let mut hashed_zip = false;
    if !matches!(zip_state, Presence::NotExist) {
        // Refuses FIFOs and devices (go would block or never finish); the
        // zip is hashed entry by entry, never held whole.
        let hz = gomvs_modfile::fsread::open(&abs(Path::new(&zip_string)))
            .map_err(|e| path_error("open", &zip_string, &e))
            .and_then(|f| {
                hash_zip(std::io::BufReader::new(f.into_file())).map_err(|e| zip_error_text(&e))
            });
        match hz {
            Err(text) => {
                result.problems.push(VerifyProblem {
                    kind: VerifyProblemKind::ZipError,
                    message: format!("{shown_id}: {text}"),
                });
                return result;
            }
            Ok(hz) => {
                hashed_zip = true;
                if hz != h {
                    result.problems.push(VerifyProblem {
                        kind: VerifyProblemKind::ZipModified {
                            actual: hz,
                            expected: h.clone(),
                        },
                        message: format!("{shown_id}: zip has been modified ({zip_string})"),
                    });
                }
            }
        }
    }
    let mut hashed_dir = false;
    if !matches!(dir_state, Presence::NotExist) {
        let dir_string = dir
            .as_ref()
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_default();
        match hash_dir(
            &abs(Path::new(&dir_string)),
            &format!("{}@{}", m.path, m.version),
        ) {
            Err(e) => {
                result.problems.push(VerifyProblem {
                    kind: VerifyProblemKind::DirError,
                    message: format!("{shown_id}: {}", dir_error_text(&e)),
                });
                return result;
            }
            Ok(hd) => {
                hashed_dir = true;
                if hd != h {
                    result.problems.push(VerifyProblem {
                        kind: VerifyProblemKind::DirModified {
                            actual: hd,
                            expected: h.clone(),
                        },
                        message: format!("{shown_id}: dir has been modified ({dir_string})"),
                    });
                }
            }
        }
    }
    if result.problems.is_empty() {
        result.outcome = VerifyOutcome::Verified {
            zip: hashed_zip,
            dir: hashed_dir,
        };
    }
    result
}

/// `modfetch.DownloadDir` with the distinction `verifyMod` makes: an error
/// that `errors.Is(err, fs.ErrNotExist)` (a missing directory, and every
/// `DownloadDirPartialError`: not a directory, unreadable, `.partial`
/// present, `.ziphash` missing) or another one.
fn download_dir(cache: &ModCache, m: &ModuleVersion) -> (Option<PathBuf>, Presence) {
    let Ok(root) = cache.check() else {
        return (None, Presence::Other);
    };
    let (Ok(enc), Ok(enc_ver)) = (
        gomvs_modfile::module::escape_path(&m.path),
        gomvs_modfile::module::escape_version(&m.version),
    ) else {
        return (None, Presence::Other);
    };
    if cache.cache_path(m, "partial").is_err() {
        return (None, Presence::Other);
    }
    let dir = root.join(format!("{enc}@{enc_ver}"));
    match std::fs::metadata(&dir) {
        Err(e) if is_not_exist(&e) => return (Some(dir), Presence::NotExist),
        // DownloadDirPartialError: also "not exist" for errors.Is.
        Err(_) => return (Some(dir), Presence::NotExist),
        Ok(md) if !md.is_dir() => return (Some(dir), Presence::NotExist),
        Ok(_) => {}
    }
    for (suffix, missing_is_partial) in [("partial", false), ("ziphash", true)] {
        let Ok(p) = cache.cache_path(m, suffix) else {
            return (Some(dir), Presence::Other);
        };
        match std::fs::metadata(&p) {
            Ok(_) if !missing_is_partial => return (Some(dir), Presence::NotExist),
            Ok(_) => {}
            Err(e) if is_not_exist(&e) => {
                if missing_is_partial {
                    return (Some(dir), Presence::NotExist);
                }
            }
            Err(_) => return (Some(dir), Presence::Other),
        }
    }
    (Some(dir), Presence::Present)
}

/// The cached `.mod` of `m` hashed and compared with go.sum.
fn go_mod_comparison(m: &ModuleVersion, cache: &ModCache, index: &SumIndex<'_>) -> SumComparison {
    let key = format!("{}/go.mod", m.version);
    match cache.read_go_mod(m) {
        Some(data) => {
            let h = hash_go_mod(&data);
            let (status, recorded) = index.compare(&m.path, &key, &h);
            SumComparison {
                status,
                cache_hash: Some(h),
                recorded,
            }
        }
        None => SumComparison {
            status: SumStatus::NotInCache,
            cache_hash: None,
            recorded: index.first_h1(&m.path, &key),
        },
    }
}

/// Go's text for a failed `dirhash.HashZip` (after the file was opened).
fn zip_error_text(e: &DirHashError) -> String {
    match e.go_zip_text() {
        Some(t) => t.to_string(),
        None => match e {
            DirHashError::Io(io) => crate::goerr::errno_text(io),
            other => other.to_string(),
        },
    }
}

/// Go's text for a failed `dirhash.HashDir`.
fn dir_error_text(e: &DirHashError) -> String {
    match e {
        DirHashError::Fs { op, path, source } => path_error(op, &path.to_string_lossy(), source),
        other => other.to_string(),
    }
}
