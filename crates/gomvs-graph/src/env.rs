//! The Go command's environment as gomvs reads it (GOPROXY, GOMODCACHE,
//! GOPATH, GOFLAGS, GOWORK, GOTOOLCHAIN...), from a variable map so that
//! tests and embedders do not depend on the process environment.
//!
//! Ported from `cmd/go/internal/cfg` (defaults, `Getenv`, the user's `go/env`
//! file), `modfetch/proxy.go` (`proxyList`), `base/goflags.go` (GOFLAGS),
//! `modload/init.go` (GOWORK, `findModuleRoot`, `findWorkspaceFile`) and
//! `x/mod/module.MatchPrefixPatterns`. Error texts are Go's, including the
//! `go: ` prefix where Go prints one.
//!
//! This module holds the variable map ([`GoEnv`]: defaults, the `go env -w`
//! file, GOPATH, GOMODCACHE, GOTOOLCHAIN); the submodules read the rest:
//! [`goproxy`] (the proxy list and the private-module settings),
//! [`proxyurl`] (GOPROXY entry URLs), [`patterns`] (`MatchPrefixPatterns`),
//! [`goflags`] (GOFLAGS, `-mod`), [`gowork`] (GOWORK and the main module's
//! root) and [`offline`] (what `--offline` changes).

pub mod goflags;
pub mod goproxy;
pub mod gowork;
pub mod offline;
pub mod patterns;
pub mod proxyurl;

pub use goflags::{BuildMod, GoFlags, ModFlag};
pub use goproxy::{parse_proxy_list, ProxyEntry, ProxyKind};
pub use gowork::{GoWork, MainModuleSearch};
pub use offline::{offline_env, OfflineMode};
pub use patterns::{match_prefix_patterns, path_match, BadPattern};

use crate::gopath;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The Go version gomvs emulates unless configured otherwise.
pub const DEFAULT_GO_VERSION: &str = "1.27.3";

/// GOPROXY's default (from `$GOROOT/go.env`).
pub const DEFAULT_GOPROXY: &str = "https://proxy.golang.org,direct";

/// GOSUMDB's default (from `$GOROOT/go.env`).
pub const DEFAULT_GOSUMDB: &str = "sum.golang.org";

/// GOTOOLCHAIN's default (from `$GOROOT/go.env`).
pub const DEFAULT_GOTOOLCHAIN: &str = "auto";

/// A setting the Go command rejects before doing anything (it exits).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct EnvError {
    /// Go's full message, e.g. `go: invalid GOWORK: not an absolute path`.
    pub message: String,
    /// The exit status Go uses (1 for `base.Fatalf`, 2 for flag/usage errors).
    pub exit_code: i32,
}

impl EnvError {
    fn fatal(message: impl Into<String>) -> EnvError {
        EnvError {
            message: message.into(),
            exit_code: 1,
        }
    }
}

/// The Go command's environment, from a variable map and a working directory.
///
/// A variable set to the empty string counts as unset (`cfg.Getenv`). Values
/// not in the map come from the user's `go env -w` file (only with
/// [`GoEnv::from_process`] or [`GoEnv::with_env_file`]), then from the
/// defaults of `$GOROOT/go.env` ([`DEFAULT_GOPROXY`] etc.).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoEnv {
    vars: BTreeMap<String, String>,
    file_vars: BTreeMap<String, String>,
    /// Why the `go env -w` file was refused (a FIFO, a device, too large).
    env_file_error: Option<String>,
    /// The working directory (absolute).
    pub cwd: PathBuf,
    /// The emulated go version (`runtime.Version` without `go`), default [`DEFAULT_GO_VERSION`].
    pub go_version: String,
}

impl GoEnv {
    /// An environment from `vars` (e.g. `[("GOPROXY", "off")]`) and a working directory.
    pub fn new<I, K, V>(vars: I, cwd: impl Into<PathBuf>) -> GoEnv
    where
        I: IntoIterator<Item = (K, V)>,
        K: Into<String>,
        V: Into<String>,
    {
        GoEnv {
            vars: vars
                .into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .collect(),
            file_vars: BTreeMap::new(),
            env_file_error: None,
            cwd: cwd.into(),
            go_version: DEFAULT_GO_VERSION.to_string(),
        }
    }

    /// The process's environment and working directory, plus the user's
    /// `go env -w` file (`$GOENV`, else `$XDG_CONFIG_HOME/go/env` or
    /// `$HOME/.config/go/env`; none with `GOENV=off`).
    pub fn from_process() -> std::io::Result<GoEnv> {
        let cwd = std::env::current_dir()?;
        let vars = std::env::vars_os().map(|(k, v)| {
            (
                k.to_string_lossy().into_owned(),
                v.to_string_lossy().into_owned(),
            )
        });
        Ok(GoEnv::new(vars, cwd).with_user_env_file())
    }

    /// Sets `key` to `value`, as if the process environment had it.
    pub fn with_var(mut self, key: impl Into<String>, value: impl Into<String>) -> GoEnv {
        self.vars.insert(key.into(), value.into());
        self
    }

    /// Sets the emulated go version (e.g. `1.27.3`).
    pub fn with_go_version(mut self, v: impl Into<String>) -> GoEnv {
        self.go_version = v.into();
        self
    }

    /// Reads settings from the `go env -w` file content `data` (`KEY=VALUE`
    /// lines; lines without `=` or not starting with `A`-`Z` are ignored).
    pub fn with_env_file(mut self, data: &[u8]) -> GoEnv {
        for line in data.split(|&c| c == b'\n') {
            let Some(i) = line.iter().position(|&c| c == b'=') else {
                continue;
            };
            if !line.first().is_some_and(u8::is_ascii_uppercase) {
                continue;
            }
            let key = String::from_utf8_lossy(&line[..i]).into_owned();
            let val = String::from_utf8_lossy(&line[i + 1..]).into_owned();
            self.file_vars.insert(key, val);
        }
        self
    }

    /// The path of the user's `go env -w` file (`cfg.EnvFile`), if any.
    pub fn user_env_file(&self) -> Option<PathBuf> {
        match self.vars.get("GOENV").map(String::as_str) {
            Some("off") => return None,
            Some(f) if !f.is_empty() => return Some(PathBuf::from(f)),
            _ => {}
        }
        let config = match self.vars.get("XDG_CONFIG_HOME").filter(|v| !v.is_empty()) {
            Some(x) if Path::new(x).is_absolute() => PathBuf::from(x),
            Some(_) => return None,
            None => PathBuf::from(self.vars.get("HOME").filter(|h| !h.is_empty())?).join(".config"),
        };
        Some(config.join("go/env"))
    }

    /// go reads the file with `os.ReadFile` and ignores every error; gomvs
    /// does too, except for the files its bounded reader refuses (a FIFO on
    /// which go would block, a device or a file over 256 MiB), which
    /// [`GoEnv::check_env_file`] reports.
    fn with_user_env_file(mut self) -> GoEnv {
        let Some(file) = self.user_env_file() else {
            return self;
        };
        match gomvs_modfile::fsread::read(&file) {
            Ok(data) => self.with_env_file(&data),
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::InvalidInput | std::io::ErrorKind::FileTooLarge
                ) =>
            {
                self.env_file_error = Some(format!(
                    "go: reading GOENV file: {} {}: {}",
                    gomvs_modfile::fsread::verb(&e),
                    file.display(),
                    crate::goerr::errno_text(&e)
                ));
                self
            }
            Err(_) => self,
        }
    }

    /// Fails when the `go env -w` file was refused by the bounded reader
    /// (go would block on a FIFO or exhaust memory on a device).
    pub fn check_env_file(&self) -> Result<(), EnvError> {
        match &self.env_file_error {
            Some(m) => Err(EnvError::fatal(m.clone())),
            None => Ok(()),
        }
    }

    /// `cfg.Getenv(key)`: the process value if non-empty, else the env file's, else "".
    pub fn getenv(&self, key: &str) -> String {
        match self.vars.get(key) {
            Some(v) if !v.is_empty() => v.clone(),
            _ => self.file_vars.get(key).cloned().unwrap_or_default(),
        }
    }

    fn env_or(&self, key: &str, default: &str) -> String {
        let v = self.getenv(key);
        if v.is_empty() {
            default.to_string()
        } else {
            v
        }
    }

    /// GOTOOLCHAIN (default [`DEFAULT_GOTOOLCHAIN`]): gomvs never switches
    /// toolchains; [`GoEnv::check_toolchain`] refuses the values that would
    /// make go switch.
    pub fn gotoolchain(&self) -> String {
        self.env_or("GOTOOLCHAIN", DEFAULT_GOTOOLCHAIN)
    }

    /// `toolchain.Select`'s reading of GOTOOLCHAIN at start-up, as far as
    /// it goes without a download: an invalid value fails with go's text
    /// (exit 1); a minimum toolchain other than the emulated one
    /// (`GOTOOLCHAIN=go1.99.0`, `go1.20+auto`), which would make go switch
    /// toolchains, fails with a message saying gomvs cannot do that, instead
    /// of answering as `local`. `auto`, `path`, `local[+auto|+path]` and the
    /// emulated version itself pass (switches asked for by go.mod keep the
    /// loader's own handling).
    pub fn check_toolchain(&self) -> Result<(), EnvError> {
        let gotoolchain = self.gotoolchain();
        if gotoolchain.is_empty() || gotoolchain == "auto" || gotoolchain == "path" {
            return Ok(());
        }
        let q = gomvs_modfile::module::quote;
        let (min, suffix, plus) = match gotoolchain.split_once('+') {
            Some((m, s)) => (m, s, true),
            None => (gotoolchain.as_str(), "", false),
        };
        let mut min_version = None;
        if min != "local" {
            match from_toolchain(min) {
                None if plus => {
                    return Err(EnvError::fatal(format!(
                        "go: invalid GOTOOLCHAIN {}: invalid minimum toolchain {}",
                        q(&gotoolchain),
                        q(min)
                    )))
                }
                None => {
                    return Err(EnvError::fatal(format!(
                        "go: invalid GOTOOLCHAIN {}",
                        q(&gotoolchain)
                    )))
                }
                Some(v) => min_version = Some(v),
            }
        }
        if plus && suffix != "auto" && suffix != "path" {
            return Err(EnvError::fatal(format!(
                "go: invalid GOTOOLCHAIN {}: only version suffixes are +auto and +path",
                q(&gotoolchain)
            )));
        }
        if min_version.is_some() && min != format!("go{}", self.go_version) {
            return Err(EnvError::fatal(format!(
                "gomvs: GOTOOLCHAIN={gotoolchain} selects toolchain {min}: go would switch to it (and download it if needed); gomvs emulates go {} only and cannot switch toolchains.\n\tSet GOTOOLCHAIN=local (or go{}) to resolve with go {}.",
                self.go_version, self.go_version, self.go_version
            )));
        }
        Ok(())
    }

    /// Whether GOTOOLCHAIN is `local` (`go.mod requires go >= …` errors
    /// then end with `(running go X; GOTOOLCHAIN=local)`).
    pub fn toolchain_is_local(&self) -> bool {
        self.gotoolchain() == "local"
    }

    /// GOPATH: the setting, else `$HOME/go` (empty without HOME, or when
    /// `$HOME/go` is GOROOT).
    pub fn gopath(&self) -> String {
        let v = self.getenv("GOPATH");
        if !v.is_empty() {
            return v;
        }
        match self.vars.get("HOME").filter(|h| !h.is_empty()) {
            Some(home) => {
                let def = gopath::clean(&format!("{home}/go"));
                let goroot = self.getenv("GOROOT");
                if !goroot.is_empty() && gopath::clean(&goroot) == def {
                    return String::new();
                }
                def
            }
            None => String::new(),
        }
    }

    /// The Go command's start-up checks of GOPATH (`cmd/go/main.go`): an entry
    /// starting with `~` (exit 2) or a relative entry of an explicit GOPATH (exit 2).
    pub fn check_gopath(&self) -> Result<(), EnvError> {
        let gopath = self.gopath();
        let goroot = self.getenv("GOROOT");
        if !goroot.is_empty() && gopath::clean(&gopath) == gopath::clean(&goroot) {
            return Ok(());
        }
        for p in gopath.split(':') {
            if p.is_empty() {
                continue;
            }
            if p.starts_with('~') {
                return Err(EnvError {
                    message: format!(
                        "go: GOPATH entry cannot start with shell metacharacter '~': {}",
                        gomvs_modfile::module::quote(p)
                    ),
                    exit_code: 2,
                });
            }
            if !p.starts_with('/') && !self.getenv("GOPATH").is_empty() {
                return Err(EnvError {
                    message: format!(
                        "go: GOPATH entry is relative; must be absolute path: {}.\nFor more details see: 'go help gopath'",
                        gomvs_modfile::module::quote(p)
                    ),
                    exit_code: 2,
                });
            }
        }
        Ok(())
    }

    /// GOMODCACHE: the setting, else `<first GOPATH entry>/pkg/mod`, else "".
    /// May be relative (then the module cache is unusable: see [`crate::source::ModCache`]).
    pub fn gomodcache(&self) -> String {
        let v = self.getenv("GOMODCACHE");
        if !v.is_empty() {
            return v;
        }
        let gopath = self.gopath();
        match gopath.split(':').next() {
            Some(first) if !first.is_empty() => gopath::clean(&format!("{first}/pkg/mod")),
            _ => String::new(),
        }
    }

    /// GOROOT when set (the directory `findWorkspaceFile` does not search from).
    pub fn goroot(&self) -> Option<PathBuf> {
        let goroot = self.getenv("GOROOT");
        (!goroot.is_empty()).then(|| PathBuf::from(goroot))
    }
}

/// `gover.FromToolchain`: the version of a toolchain name (`go1.21.3`,
/// `go1.21.3-custom`), or `None` when it names none.
fn from_toolchain(name: &str) -> Option<String> {
    if name.contains(['\\', '/']) {
        return None;
    }
    let v = name.strip_prefix("go")?;
    let v = match v.find([' ', '\t', '-']) {
        Some(i) => v.get(..i).unwrap_or(v),
        None => v,
    };
    gomvs_modfile::gover::is_valid(v).then(|| v.to_string())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn env(vars: &[(&str, &str)]) -> GoEnv {
        GoEnv::new(vars.iter().map(|(k, v)| (*k, *v)), "/w/main")
    }

    #[test]
    fn default_goproxy_and_gomodcache() {
        let e = env(&[("HOME", "/home/u")]);
        assert_eq!(e.goproxy(), DEFAULT_GOPROXY);
        assert_eq!(e.gopath(), "/home/u/go");
        assert_eq!(e.gomodcache(), "/home/u/go/pkg/mod");
        let e = env(&[("GOPATH", "/a:/b"), ("GOPROXY", "")]);
        assert_eq!(e.gomodcache(), "/a/pkg/mod");
        assert_eq!(e.goproxy(), DEFAULT_GOPROXY);
        assert_eq!(env(&[]).gomodcache(), "");
    }

    #[test]
    fn env_file_values_lose_to_process_values() {
        let e = env(&[("GOPROXY", "off")])
            .with_env_file(b"GOPROXY=file:///x\nGOPRIVATE=a.example\n# c\n");
        assert_eq!(e.goproxy(), "off");
        assert_eq!(e.goprivate(), "a.example");
    }
}
