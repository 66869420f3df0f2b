//! The read-only guarantee, enforced by the kernel.
//!
//! gomvs reads files other people wrote and never writes any: at start-up,
//! before it reads anything or starts a thread, it asks Linux's Landlock to
//! refuse it every file-system write (creating, writing, truncating,
//! renaming, linking, removing files and directories, making devices, FIFOs,
//! sockets and symbolic links, ioctls on devices it opens) and every TCP bind
//! and connect, for the rest of the process. Nothing is allowed back: the
//! ruleset handles those rights and grants none. Reading stays unrestricted,
//! and the standard streams the shell opened before gomvs started (a
//! redirected stdout included) keep working, since Landlock checks rights
//! when a file is opened. For the same reason `gomvs explore` opens its
//! `-o` file and binds its `--serve` socket (127.0.0.1) before calling
//! [`restrict_to_reading_except`] (main.rs, `commands::explore::prepare`).
//! The ruleset grants one thing, to one command: `gomvs doctor
//! --export-proxy DIR` may write beneath DIR (created before the sandbox).
//!
//! Where the kernel has no Landlock (not built in, not enabled at boot, or an
//! older ABI with fewer rights), gomvs runs unrestricted or partly restricted
//! without a word, as the `landlock` crate's best-effort mode does;
//! `gomvs version -v` says which. `GOMVS_SANDBOX=off` turns it off (for
//! debugging with tools that need to write from inside the process).

/// What the sandbox achieved for this process.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SandboxStatus {
    /// Every requested restriction is enforced.
    Full {
        /// The Landlock ABI the kernel offers.
        abi: i32,
    },
    /// Some restrictions are enforced (an older kernel ABI).
    Partial {
        /// The Landlock ABI the kernel offers.
        abi: i32,
    },
    /// The kernel enforces none (no Landlock, or not on Linux).
    Unavailable(String),
    /// Turned off by `GOMVS_SANDBOX=off`.
    Disabled,
}

impl std::fmt::Display for SandboxStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SandboxStatus::Full { abi } => write!(
                f,
                "active: Landlock ABI {abi}, file-system writes and TCP refused by the kernel"
            ),
            SandboxStatus::Partial { abi } => write!(
                f,
                "partly active: Landlock ABI {abi} enforces only some of the write restrictions"
            ),
            SandboxStatus::Unavailable(why) => write!(f, "inactive: {why}"),
            SandboxStatus::Disabled => write!(f, "off (GOMVS_SANDBOX=off)"),
        }
    }
}

/// Restricts the calling thread, and every thread and process it starts
/// afterwards, to reading: call it first thing in `main`, before any thread
/// exists. Honours `GOMVS_SANDBOX=off`. With `writable` (`gomvs doctor
/// --export-proxy DIR`, which must exist), writing stays allowed beneath
/// that one directory.
pub fn restrict_to_reading_except(writable: Option<&std::path::Path>) -> SandboxStatus {
    if std::env::var_os("GOMVS_SANDBOX").is_some_and(|v| v == "off") {
        return SandboxStatus::Disabled;
    }
    imp::restrict(writable)
}

#[cfg(target_os = "linux")]
mod imp {
    use super::SandboxStatus;
    use landlock::{
        Access, AccessFs, AccessNet, LandlockStatus, PathBeneath, PathFd, Ruleset, RulesetAttr,
        RulesetCreatedAttr, RulesetStatus, ABI,
    };

    /// The newest ABI whose rights gomvs asks for (best effort below it).
    const ABI_WANTED: ABI = ABI::V7;

    pub(super) fn restrict(writable: Option<&std::path::Path>) -> SandboxStatus {
        let created = Ruleset::default()
            .handle_access(AccessFs::from_write(ABI_WANTED))
            .and_then(|r| r.handle_access(AccessNet::from_all(ABI_WANTED)))
            .and_then(|r| r.create());
        let created = match (created, writable) {
            (Ok(r), Some(dir)) => match PathFd::new(dir) {
                Ok(fd) => r.add_rule(PathBeneath::new(fd, AccessFs::from_write(ABI_WANTED))),
                Err(e) => return SandboxStatus::Unavailable(e.to_string()),
            },
            (created, _) => created,
        };
        let status = match created.and_then(|r| r.restrict_self()) {
            Ok(status) => status,
            Err(e) => return SandboxStatus::Unavailable(e.to_string()),
        };
        let abi = match status.landlock {
            LandlockStatus::Available {
                effective_abi,
                kernel_abi,
            } => kernel_abi.unwrap_or(effective_abi as i32),
            LandlockStatus::NotEnabled => {
                return SandboxStatus::Unavailable("Landlock is not enabled in this kernel".into())
            }
            LandlockStatus::NotImplemented => {
                return SandboxStatus::Unavailable("this kernel has no Landlock".into())
            }
        };
        match status.ruleset {
            RulesetStatus::FullyEnforced => SandboxStatus::Full { abi },
            RulesetStatus::PartiallyEnforced => SandboxStatus::Partial { abi },
            RulesetStatus::NotEnforced => {
                SandboxStatus::Unavailable("Landlock did not enforce the ruleset".into())
            }
        }
    }
}

#[cfg(not(target_os = "linux"))]
mod imp {
    use super::SandboxStatus;

    pub(super) fn restrict(_writable: Option<&std::path::Path>) -> SandboxStatus {
        SandboxStatus::Unavailable("Landlock exists only on Linux".into())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// Landlock restricts the thread that asks and the threads it starts
    /// later, so the test restricts a thread of its own and leaves the test
    /// harness alone.
    #[test]
    fn writes_are_refused_and_reads_allowed_once_restricted() {
        let dir = tempfile::tempdir().unwrap();
        let existing = dir.path().join("existing");
        std::fs::write(&existing, b"before").unwrap();
        let dir_path = dir.path().to_path_buf();
        let outcome = std::thread::spawn(move || {
            let status = imp::restrict(None);
            let created = std::fs::write(dir_path.join("new"), b"x");
            let appended = std::fs::OpenOptions::new().append(true).open(&existing);
            let removed = std::fs::remove_file(&existing);
            let made_dir = std::fs::create_dir(dir_path.join("sub"));
            let read = std::fs::read(&existing);
            let child = std::thread::spawn(move || std::fs::write(dir_path.join("child"), b"x"))
                .join()
                .unwrap();
            (status, created, appended, removed, made_dir, read, child)
        })
        .join()
        .unwrap();
        let (status, created, appended, removed, made_dir, read, child) = outcome;
        match status {
            SandboxStatus::Full { .. } | SandboxStatus::Partial { .. } => {
                for (what, r) in [
                    ("create", created.map(|_| ())),
                    ("append", appended.map(|_| ())),
                    ("remove", removed),
                    ("mkdir", made_dir),
                    ("create from a later thread", child),
                ] {
                    let e = r.expect_err(what);
                    assert_eq!(
                        e.kind(),
                        std::io::ErrorKind::PermissionDenied,
                        "{what}: {e}"
                    );
                }
                assert_eq!(read.unwrap(), b"before");
                assert!(!dir.path().join("new").exists());
            }
            other => {
                // Nothing to prove on a kernel without Landlock; say so.
                eprintln!("sandbox not available here: {other}");
            }
        }
        // This (unrestricted) thread can still write.
        std::fs::write(dir.path().join("after"), b"x").unwrap();
    }
}
