//! Where the main module and the workspace are (`modload/init.go`:
//! GOWORK, `FindGoWork`, `findModuleRoot`, `findWorkspaceFile`, and
//! `modload.Init`'s main-module search with its warnings).

use super::{EnvError, GoEnv};
use crate::gopath;
use std::path::{Path, PathBuf};

/// The GOWORK setting (`FindGoWork`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GoWork {
    /// `GOWORK=off`: workspace mode disabled.
    Off,
    /// Empty or `auto`: search `go.work` upwards from the working directory.
    Auto,
    /// An absolute path to a go.work file.
    Path(PathBuf),
}

impl GoEnv {
    /// The GOWORK setting; a relative path is fatal:
    /// `go: invalid GOWORK: not an absolute path`.
    pub fn gowork(&self) -> Result<GoWork, EnvError> {
        match self.getenv("GOWORK").as_str() {
            "off" => Ok(GoWork::Off),
            "" | "auto" => Ok(GoWork::Auto),
            p if Path::new(p).is_absolute() => Ok(GoWork::Path(PathBuf::from(p))),
            _ => Err(EnvError::fatal("go: invalid GOWORK: not an absolute path")),
        }
    }

    /// `FindGoWork(cwd)`: the go.work file to use, if any. For `auto`, the
    /// nearest `go.work` file in the working directory or its parents, not
    /// crossing into GOROOT (when GOROOT is set). A GOWORK path is returned
    /// as is (reading it may then fail:
    /// `go: reading go.work: open nope.work: no such file or directory`).
    pub fn find_go_work(&self) -> Result<Option<PathBuf>, EnvError> {
        match self.gowork()? {
            GoWork::Off => Ok(None),
            GoWork::Path(p) => Ok(Some(p)),
            GoWork::Auto => Ok(gopath::find_workspace_file(
                &crate::files::OsFiles,
                &self.cwd,
                self.goroot().as_deref(),
            )),
        }
    }

    /// `findModuleRoot(cwd)`: the nearest directory (the working directory
    /// or a parent) containing a `go.mod` file.
    pub fn find_module_root(&self) -> Option<PathBuf> {
        gopath::find_module_root(&crate::files::OsFiles, &self.cwd)
    }
}

/// The main module's root as `modload.Init` determines it, with the
/// warnings the Go command prints on the way.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MainModuleSearch {
    /// The directory of the main go.mod (`None`: no main module; Go then
    /// fails with its "go.mod file not found" error where a module is needed).
    pub root: Option<PathBuf>,
    /// Warnings in print order, e.g.
    /// `go: warning: ignoring go.mod in system temp root /tmp`.
    pub warnings: Vec<String>,
}

impl GoEnv {
    /// `os.TempDir()`: `$TMPDIR`, else `/tmp`.
    pub fn temp_dir(&self) -> PathBuf {
        match self.vars.get("TMPDIR").filter(|t| !t.is_empty()) {
            Some(t) => PathBuf::from(t),
            None => PathBuf::from("/tmp"),
        }
    }

    /// `modload.Init`'s search for the main module (skipped in workspace
    /// mode, `in_workspace`): the nearest go.mod upwards, except that a
    /// go.mod directly in the temp directory is ignored with a warning; and
    /// a go.mod at the root of the first GOPATH entry draws a warning
    /// (`go: warning: ignoring go.mod in $GOPATH /p`) but changes nothing
    /// for commands like `go list -m` and `go mod graph`.
    pub fn find_main_module(&self, in_workspace: bool) -> MainModuleSearch {
        let mut out = MainModuleSearch::default();
        if !in_workspace {
            if let Some(root) = self.find_module_root() {
                let tmp = self.temp_dir();
                if gopath::same_dir(&root, &tmp) {
                    out.warnings.push(format!(
                        "go: warning: ignoring go.mod in system temp root {}",
                        tmp.display()
                    ));
                } else {
                    out.root = Some(root);
                }
            }
        }
        let gopath = self.gopath();
        if let Some(first) = gopath.split(':').next().filter(|f| !f.is_empty()) {
            if Path::new(first).join("go.mod").metadata().is_ok() {
                out.warnings
                    .push(format!("go: warning: ignoring go.mod in $GOPATH {first}"));
            }
        }
        out
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::env::tests::env;

    #[test]
    fn e64_relative_gowork_is_fatal() {
        assert_eq!(
            env(&[("GOWORK", "nope.work")])
                .gowork()
                .unwrap_err()
                .message,
            "go: invalid GOWORK: not an absolute path"
        );
        assert_eq!(env(&[("GOWORK", "off")]).gowork(), Ok(GoWork::Off));
        assert_eq!(env(&[("GOWORK", "auto")]).gowork(), Ok(GoWork::Auto));
    }
}
