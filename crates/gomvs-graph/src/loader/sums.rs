//! go.sum as the loader uses it: required sums in readonly mode, hash
//! verification of fetched go.mod files and its warnings (`modfetch`
//! `HaveSum`, `checkModSum`, `WriteGoSum`).

use super::*;

impl Session {
    /// Reads go.sum (or go.work.sum and the workspace modules' go.sum files).
    pub(super) fn read_sums(&mut self) {
        let read_error: std::cell::RefCell<Option<String>> = std::cell::RefCell::new(None);
        let read = |path: &Path| -> Result<GoSum, String> {
            match self.config.files.read(path) {
                Ok(data) => {
                    parse_go_sum(&path.display().to_string(), &data).map_err(|e| e.to_string())
                }
                Err(e) => {
                    // go: `if err != nil && !os.IsNotExist(err) { return false, err }`.
                    if !crate::goerr::is_not_exist(&e) {
                        read_error.borrow_mut().get_or_insert_with(|| {
                            format!(
                                "{} {}: {}",
                                gomvs_modfile::fsread::verb(&e),
                                path.display(),
                                errno_text(&e)
                            )
                        });
                    }
                    parse_go_sum(&path.display().to_string(), b"").map_err(|e| e.to_string())
                }
            }
        };
        let mut files = SumFiles::default();
        let mut first_error = None;
        let main_file = match &self.work {
            Some((w, _)) => PathBuf::from(format!("{}.sum", w.display())),
            // `strings.TrimSuffix(modFilePath(modRoot), ".mod") + ".sum"`.
            None => self
                .mains
                .first()
                .map(|m| {
                    let gomod = m.go_mod_path.to_string_lossy();
                    PathBuf::from(format!(
                        "{}.sum",
                        gomod.strip_suffix(".mod").unwrap_or(&gomod)
                    ))
                })
                .unwrap_or_default(),
        };
        match read(&main_file) {
            Ok(f) => files.main = f,
            Err(e) => first_error = Some(e),
        }
        if self.work.is_some() {
            for m in &self.mains {
                match read(&m.root.join("go.sum")) {
                    Ok(f) => files.workspace.push(f),
                    Err(e) => {
                        first_error.get_or_insert(e);
                    }
                }
            }
        }
        self.sums = files;
        self.sum_error = first_error;
        self.sum_read_error = read_error.into_inner();
    }

    /// `checkModSum` for a fetched go.mod whose hash `h` was computed when
    /// some sum file records its key (`None` otherwise: nothing can match,
    /// mismatch or warn, here or in the go.sum rewrite): a hash mismatch is
    /// fatal; a key go.sum lists only with unknown algorithms gets Go's warning.
    pub(super) fn verify_go_mod_hash(&self, m: &ModuleVersion, h: Option<String>) {
        if let Some(e) = &self.sum_read_error {
            self.set_fatal(Fatal {
                lines: vec![format!("go: {m}: {e}")],
                exit_code: 1,
            });
            return;
        }
        let Some(h) = h else {
            if let Ok(mut used) = self.used_sums.lock() {
                used.push((m.clone(), String::new(), false));
            }
            return;
        };
        let recorded = match self.sums.check_go_mod(&m.path, &m.version, &h) {
            Err(mismatch) => {
                self.set_fatal(Fatal {
                    lines: vec![mismatch.to_string()],
                    exit_code: 1,
                });
                return;
            }
            Ok(recorded) => recorded,
        };
        if !recorded {
            self.warn_unknown_hashes(&m.path, &format!("{}/go.mod", m.version), &h);
        }
        if let Ok(mut used) = self.used_sums.lock() {
            used.push((m.clone(), h, recorded));
        }
    }

    /// `addModSumLocked`'s warning when go.sum lists a key only with hashes
    /// of unknown algorithms.
    pub(super) fn warn_unknown_hashes(&self, path: &str, key: &str, h: &str) {
        let unknown: Vec<&str> = self.sums.main.hashes(path, key).collect();
        if unknown.is_empty() || unknown.contains(&h) {
            return;
        }
        self.note(format!(
            "warning: verifying {path}@{key}: unknown hashes in go.sum: {}; adding {h}\n\nSECURITY WARNING\nThis download is listed in go.sum, but using an unknown hash algorithm.\nThe download cannot be verified.\n\nFor more information, see 'go help module-auth'.\n",
            unknown.join(", ")
        ));
    }

    /// The go.sum rewrite `go list -m` does in mod mode (`WriteGoSum`,
    /// `tidyGoSum`): when the load added hashes, Go re-reads go.sum and adds
    /// every used hash again, repeating the unknown-algorithm warnings.
    pub(super) fn rewrite_go_sum(&self) {
        if self.build_mode != BuildMode::Mod || self.in_workspace() {
            return;
        }
        let used = self.used_sums.lock().map(|u| u.clone()).unwrap_or_default();
        if used.iter().all(|(_, _, recorded)| *recorded) {
            return;
        }
        for (m, h, _) in &used {
            self.warn_unknown_hashes(&m.path, &format!("{}/go.mod", m.version), h);
        }
    }

    /// Whether this session fetched (and checked) the go.mod of `m`: its
    /// go.sum line is "used" (`modfetch` `sumState.status[..].used`).
    pub fn go_mod_fetched(&self, m: &ModuleVersion) -> bool {
        self.used_sums
            .lock()
            .map(|u| u.iter().any(|(x, _, _)| x == m))
            .unwrap_or(false)
    }

    /// Whether go.sum records an `h1:` hash for `path version` (`HaveSum`).
    pub fn has_sum(&self, path: &str, version: &str) -> bool {
        self.sums_readable() && self.sums.have_sum(path, version)
    }

    /// [`Session::has_sum`] for the go.mod of `path@version` (key
    /// `version/go.mod`), without building the key.
    pub fn has_go_mod_sum(&self, path: &str, version: &str) -> bool {
        self.sums_readable() && self.sums.have_go_mod_sum(path, version)
    }

    /// Whether go.sum was read; if not, its read error becomes fatal (as
    /// `HaveSum`'s `initGoSum` failure is in Go).
    fn sums_readable(&self) -> bool {
        if self.sum_read_error.is_some() {
            return false;
        }
        let Some(e) = &self.sum_error else {
            return true;
        };
        self.set_fatal(Fatal {
            lines: vec![e.clone()],
            exit_code: 1,
        });
        false
    }

    /// The hash go.sum recorded for `path version`, if unambiguous (`RecordedSum`).
    pub fn recorded_sum(&self, path: &str, version: &str) -> Option<String> {
        self.sums.recorded_sum(path, version).map(str::to_string)
    }
}

impl Session {
    /// The go.sum files this session read: the main one (`go.sum`, or
    /// `go.work.sum` in workspace mode) and the workspace modules' go.sum
    /// files (empty models for files that do not exist).
    pub fn sum_files(&self) -> &SumFiles {
        &self.sums
    }
}
