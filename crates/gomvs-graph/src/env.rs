//! The Go command's environment as gomvs reads it (GOPROXY, GOMODCACHE,
//! GOPATH, GOFLAGS, GOWORK, GOTOOLCHAIN...), from a variable map so that
//! tests and embedders do not depend on the process environment.
//!
//! Ported from `cmd/go/internal/cfg` (defaults, `Getenv`, the user's `go/env`
//! file), `modfetch/proxy.go` (`proxyList`), `base/goflags.go` (GOFLAGS),
//! `modload/init.go` (GOWORK, `findModuleRoot`, `findWorkspaceFile`) and
//! `x/mod/module.MatchPrefixPatterns`. Error texts are Go's, including the
//! `go: ` prefix where Go prints one.

use crate::gopath;
use crate::source::proxyurl::ProxyUrl;
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

/// What one GOPROXY entry is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProxyKind {
    /// `off`: every lookup fails with `module lookup disabled by GOPROXY=off`.
    Off,
    /// `direct`: version control access (network; unavailable offline).
    Direct,
    /// The hidden first entry added when GONOPROXY is set.
    NoProxy,
    /// A proxy URL (`file://`, or `http(s)://`, unavailable offline).
    Url(ProxyUrl),
}

/// One entry of the GOPROXY list (`modfetch.proxySpec`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProxyEntry {
    /// The entry.
    pub kind: ProxyKind,
    /// `|` followed the entry: fall back to the next one on any error (after
    /// `,` only on "not found").
    pub fall_back_on_error: bool,
}

/// `modfetch.proxyList`: parses GOPROXY (with GONOPROXY deciding the hidden
/// `noproxy` entry). Errors are Go's texts (`GOPROXY list is not the empty
/// string, but contains no entries`, `invalid proxy URL scheme (must be
/// https, http, file): …`); Go reports them for every lookup, not at start.
pub fn parse_proxy_list(goproxy: &str, gonoproxy: &str) -> Result<Vec<ProxyEntry>, String> {
    let mut list = Vec::new();
    if !gonoproxy.is_empty() && goproxy != "direct" {
        list.push(ProxyEntry {
            kind: ProxyKind::NoProxy,
            fall_back_on_error: false,
        });
    }
    let mut rest = goproxy;
    while !rest.is_empty() {
        let (entry, fall_back_on_error) = match rest.find([',', '|']) {
            Some(i) => {
                let fb = rest.as_bytes()[i] == b'|';
                let e = &rest[..i];
                rest = &rest[i + 1..];
                (e, fb)
            }
            None => {
                let e = rest;
                rest = "";
                (e, false)
            }
        };
        let url = entry.trim_matches(|c: char| c.is_whitespace());
        if url.is_empty() {
            continue;
        }
        if url == "off" {
            list.push(ProxyEntry {
                kind: ProxyKind::Off,
                fall_back_on_error: false,
            });
            break;
        }
        if url == "direct" {
            list.push(ProxyEntry {
                kind: ProxyKind::Direct,
                fall_back_on_error: false,
            });
            break;
        }
        let url = if url.contains(['.', ':', '/']) && !url.contains(":/") && !url.starts_with('/') {
            format!("https://{url}")
        } else {
            url.to_string()
        };
        let parsed = ProxyUrl::parse(&url)?;
        list.push(ProxyEntry {
            kind: ProxyKind::Url(parsed),
            fall_back_on_error,
        });
    }
    if list.is_empty() || (list.len() == 1 && list[0].kind == ProxyKind::NoProxy) {
        return Err("GOPROXY list is not the empty string, but contains no entries".to_string());
    }
    Ok(list)
}

/// `path.ErrBadPattern`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("syntax error in pattern")]
pub struct BadPattern;

/// `path.Match(pattern, name)`; `Err` for a malformed pattern.
pub fn path_match(pattern: &str, name: &str) -> Result<bool, BadPattern> {
    let mut pattern = pattern;
    let mut name = name;
    'pattern: while !pattern.is_empty() {
        let (star, chunk, rest) = scan_chunk(pattern);
        pattern = rest;
        if star && chunk.is_empty() {
            return Ok(!name.contains('/'));
        }
        let r = match_chunk(chunk, name)?;
        if let Some(t) = r {
            if t.is_empty() || !pattern.is_empty() {
                name = t;
                continue;
            }
        }
        if star {
            // Go tries every byte offset; module paths are ASCII, so trying
            // every character boundary is the same.
            for (i, c) in name.char_indices() {
                if c == '/' {
                    break;
                }
                let next = i + c.len_utf8();
                if let Some(t) = match_chunk(chunk, &name[next..])? {
                    if !pattern.is_empty() || t.is_empty() {
                        name = t;
                        continue 'pattern;
                    }
                }
            }
        }
        while !pattern.is_empty() {
            let (_, chunk, rest) = scan_chunk(pattern);
            pattern = rest;
            match_chunk(chunk, "")?;
        }
        return Ok(false);
    }
    Ok(name.is_empty())
}

fn scan_chunk(pattern: &str) -> (bool, &str, &str) {
    let mut p = pattern;
    let mut star = false;
    while let Some(r) = p.strip_prefix('*') {
        p = r;
        star = true;
    }
    let b = p.as_bytes();
    let mut inrange = false;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\\' if i + 1 < b.len() => i += 1,
            b'[' => inrange = true,
            b']' => inrange = false,
            b'*' if !inrange => return (star, &p[..i], &p[i..]),
            _ => {}
        }
        i += 1;
    }
    (star, p, "")
}

fn first_rune(s: &str) -> (char, usize) {
    match s.chars().next() {
        Some(c) => (c, c.len_utf8()),
        None => ('\u{FFFD}', 0),
    }
}

fn get_esc(chunk: &str) -> Result<(char, &str), BadPattern> {
    let mut c = chunk;
    if c.is_empty() || c.starts_with('-') || c.starts_with(']') {
        return Err(BadPattern);
    }
    if let Some(r) = c.strip_prefix('\\') {
        c = r;
        if c.is_empty() {
            return Err(BadPattern);
        }
    }
    let (r, n) = first_rune(c);
    let rest = &c[n..];
    if rest.is_empty() {
        return Err(BadPattern);
    }
    Ok((r, rest))
}

/// `path.matchChunk`: the rest of `s` after matching `chunk`, if it matches.
fn match_chunk<'a>(chunk: &str, s: &'a str) -> Result<Option<&'a str>, BadPattern> {
    let mut chunk = chunk;
    let mut s = s;
    let mut failed = false;
    while !chunk.is_empty() {
        failed = failed || s.is_empty();
        let c0 = chunk.as_bytes()[0];
        match c0 {
            b'[' => {
                let mut r = '\u{FFFD}';
                if !failed {
                    let (rr, n) = first_rune(s);
                    r = rr;
                    s = &s[n..];
                }
                chunk = &chunk[1..];
                let mut negated = false;
                if let Some(rest) = chunk.strip_prefix('^') {
                    negated = true;
                    chunk = rest;
                }
                let mut matched = false;
                let mut nrange = 0;
                loop {
                    if nrange > 0 {
                        if let Some(rest) = chunk.strip_prefix(']') {
                            chunk = rest;
                            break;
                        }
                    }
                    let (lo, rest) = get_esc(chunk)?;
                    chunk = rest;
                    let mut hi = lo;
                    if let Some(rest) = chunk.strip_prefix('-') {
                        let (h, rest) = get_esc(rest)?;
                        hi = h;
                        chunk = rest;
                    }
                    matched = matched || (lo <= r && r <= hi);
                    nrange += 1;
                }
                failed = failed || matched == negated;
            }
            b'?' => {
                if !failed {
                    failed = s.starts_with('/');
                    let (_, n) = first_rune(s);
                    s = &s[n..];
                }
                chunk = &chunk[1..];
            }
            _ => {
                if c0 == b'\\' {
                    chunk = &chunk[1..];
                    if chunk.is_empty() {
                        return Err(BadPattern);
                    }
                }
                if !failed {
                    failed = chunk.as_bytes()[0] != s.as_bytes()[0];
                    s = s.get(1..).unwrap_or("");
                }
                chunk = chunk.get(1..).unwrap_or("");
            }
        }
    }
    if failed {
        return Ok(None);
    }
    Ok(Some(s))
}

/// `module.MatchPrefixPatterns(globs, target)`: whether any comma-separated
/// glob matches a leading run of `target`'s path elements (GONOPROXY,
/// GOPRIVATE, GONOSUMDB, GOINSECURE).
pub fn match_prefix_patterns(globs: &str, target: &str) -> bool {
    for glob in globs.split(',') {
        let glob = glob.strip_suffix('/').unwrap_or(glob);
        if glob.is_empty() {
            continue;
        }
        let mut n = glob.matches('/').count();
        let mut prefix = target;
        for (i, c) in target.bytes().enumerate() {
            if c == b'/' {
                if n == 0 {
                    prefix = &target[..i];
                    break;
                }
                n -= 1;
            }
        }
        if n > 0 {
            continue;
        }
        if path_match(glob, prefix) == Ok(true) {
            return true;
        }
    }
    false
}

/// The `-mod` build mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BuildMod {
    /// `-mod=mod`: go.mod may be updated.
    Mod,
    /// `-mod=readonly`.
    Readonly,
    /// `-mod=vendor`.
    Vendor,
}

impl BuildMod {
    /// The flag value (`mod`, `readonly`, `vendor`).
    pub fn as_str(self) -> &'static str {
        match self {
            BuildMod::Mod => "mod",
            BuildMod::Readonly => "readonly",
            BuildMod::Vendor => "vendor",
        }
    }
}

/// The `-mod` setting from GOFLAGS and/or the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ModFlag {
    /// The mode given, if any (`None`: the command's default applies).
    pub mode: Option<BuildMod>,
    /// `cfg.BuildModExplicit`: a non-empty `-mod` was given (in GOFLAGS or
    /// on the command line); changes message wording (`disabled by -mod=readonly`).
    pub explicit: bool,
}

/// `$GOFLAGS`, split as `quoted.Split` does and checked as `InitGOFLAGS` does.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GoFlags {
    /// One entry per flag, each starting with `-` or `--`.
    pub flags: Vec<String>,
}

impl GoFlags {
    /// Parses GOFLAGS. Errors: `go: parsing $GOFLAGS: unterminated ' string`,
    /// `go: parsing $GOFLAGS: non-flag "x"`, `go: parsing $GOFLAGS: unknown
    /// flag -x` (a name no go subcommand defines; the list of known names is
    /// recorded from the real go by `scripts/record-goflags-known.sh`).
    pub fn parse(s: &str) -> Result<GoFlags, EnvError> {
        let words =
            quoted_split(s).map_err(|e| EnvError::fatal(format!("go: parsing $GOFLAGS: {e}")))?;
        for f in &words {
            let bad = !f.starts_with('-')
                || f == "-"
                || f == "--"
                || f.starts_with("---")
                || f.starts_with("-=")
                || f.starts_with("--=");
            if bad {
                return Err(EnvError::fatal(format!(
                    "go: parsing $GOFLAGS: non-flag {}",
                    gomvs_modfile::module::quote(f)
                )));
            }
            let name = &f[1..];
            let name = name.strip_prefix('-').unwrap_or(name);
            let name = name.split('=').next().unwrap_or(name);
            if !is_known_flag(name) {
                return Err(EnvError::fatal(format!(
                    "go: parsing $GOFLAGS: unknown flag -{name}"
                )));
            }
        }
        Ok(GoFlags { flags: words })
    }

    /// `base.InGOFLAGS(flag)`: whether GOFLAGS mentions `flag` (e.g. `-mod`).
    pub fn contains(&self, flag: &str) -> bool {
        self.flags.iter().any(|f| {
            let name = f
                .strip_prefix('-')
                .filter(|n| n.starts_with('-'))
                .unwrap_or(f);
            let name = name.split('=').next().unwrap_or(name);
            name == flag
        })
    }

    /// The `-mod` value GOFLAGS sets for a command that defines `-mod`
    /// (`SetFromGOFLAGS`: the last occurrence wins). `Some("")` for `-mod=`.
    /// Error (exit 2) for `-mod` without a value.
    pub fn mod_value(&self) -> Result<Option<String>, EnvError> {
        self.value("mod")
    }

    /// The value of the last `-NAME=value` in GOFLAGS (`-NAME` without a value
    /// is Go's "flag needs an argument" error).
    pub fn value(&self, flag: &str) -> Result<Option<String>, EnvError> {
        let mut value = None;
        for f in &self.flags {
            let (name, v) = match f.split_once('=') {
                Some((n, v)) => (n, Some(v)),
                None => (f.as_str(), None),
            };
            let name = name.strip_prefix('-').unwrap_or(name);
            let name = name.strip_prefix('-').unwrap_or(name);
            if name != flag {
                continue;
            }
            match v {
                Some(v) => value = Some(v.to_string()),
                None => {
                    return Err(EnvError {
                        message: format!("go: flag needs an argument: -{flag} (from $GOFLAGS)"),
                        exit_code: 2,
                    })
                }
            }
        }
        Ok(value)
    }
}

/// The flag names some go subcommand defines (`base.hasFlag(base.Go, name)`),
/// recorded from the real go.
const KNOWN_FLAGS: &str = include_str!("env/goflags_known.txt");

fn is_known_flag(name: &str) -> bool {
    KNOWN_FLAGS
        .lines()
        .any(|l| !l.starts_with('#') && l == name)
}

/// `cmd/internal/quoted.Split`.
fn quoted_split(s: &str) -> Result<Vec<String>, String> {
    let is_space = |c: u8| matches!(c, b' ' | b'\t' | b'\n' | b'\r');
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        while i < b.len() && is_space(b[i]) {
            i += 1;
        }
        if i >= b.len() {
            break;
        }
        if b[i] == b'"' || b[i] == b'\'' {
            let quote = b[i];
            let start = i + 1;
            let Some(len) = b[start..].iter().position(|&c| c == quote) else {
                return Err(format!("unterminated {} string", char::from(quote)));
            };
            out.push(s[start..start + len].to_string());
            i = start + len + 1;
            continue;
        }
        let start = i;
        while i < b.len() && !is_space(b[i]) {
            i += 1;
        }
        out.push(s[start..i].to_string());
    }
    Ok(out)
}

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

    /// GOPROXY (default [`DEFAULT_GOPROXY`]).
    pub fn goproxy(&self) -> String {
        self.env_or("GOPROXY", DEFAULT_GOPROXY)
    }

    /// GOPRIVATE.
    pub fn goprivate(&self) -> String {
        self.getenv("GOPRIVATE")
    }

    /// GONOPROXY (default GOPRIVATE).
    pub fn gonoproxy(&self) -> String {
        self.env_or("GONOPROXY", &self.goprivate())
    }

    /// GONOSUMDB (default GOPRIVATE).
    pub fn gonosumdb(&self) -> String {
        self.env_or("GONOSUMDB", &self.goprivate())
    }

    /// GOSUMDB (default [`DEFAULT_GOSUMDB`]).
    pub fn gosumdb(&self) -> String {
        self.env_or("GOSUMDB", DEFAULT_GOSUMDB)
    }

    /// GOINSECURE.
    pub fn goinsecure(&self) -> String {
        self.getenv("GOINSECURE")
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

    /// The parsed GOPROXY list (see [`parse_proxy_list`]).
    pub fn proxy_list(&self) -> Result<Vec<ProxyEntry>, String> {
        parse_proxy_list(&self.goproxy(), &self.gonoproxy())
    }

    /// Whether GONOPROXY/GOPRIVATE makes `path` bypass the proxies.
    pub fn is_noproxy(&self, path: &str) -> bool {
        match_prefix_patterns(&self.gonoproxy(), path)
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

    /// GOFLAGS, parsed.
    pub fn goflags(&self) -> Result<GoFlags, EnvError> {
        GoFlags::parse(&self.getenv("GOFLAGS"))
    }

    /// The `-mod` setting for a command that defines `-mod` (e.g. `go list`),
    /// from GOFLAGS and then `command_line` (the value of a `-mod` flag on the
    /// command line, which wins). Commands without `-mod` (`go mod graph`)
    /// ignore GOFLAGS' `-mod`: do not call this for them.
    ///
    /// Errors: GOFLAGS errors, and an unsupported value:
    /// `-mod=x not supported (can be '', 'mod', 'readonly', or 'vendor')`.
    pub fn mod_flag(&self, command_line: Option<&str>) -> Result<ModFlag, EnvError> {
        let mut flag = ModFlag::default();
        let mut value = String::new();
        let from_env = self.goflags()?.mod_value()?;
        for v in from_env.iter().map(String::as_str).chain(command_line) {
            value = v.to_string();
            if !v.is_empty() {
                flag.explicit = true;
            }
        }
        flag.mode = match value.as_str() {
            "" => None,
            "mod" => Some(BuildMod::Mod),
            "readonly" => Some(BuildMod::Readonly),
            "vendor" => Some(BuildMod::Vendor),
            other => {
                return Err(EnvError::fatal(format!(
                    "-mod={other} not supported (can be '', 'mod', 'readonly', or 'vendor')"
                )))
            }
        };
        Ok(flag)
    }

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

    /// GOROOT when set (the directory `findWorkspaceFile` does not search from).
    pub fn goroot(&self) -> Option<PathBuf> {
        let goroot = self.getenv("GOROOT");
        (!goroot.is_empty()).then(|| PathBuf::from(goroot))
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
mod tests {
    use super::*;

    fn env(vars: &[(&str, &str)]) -> GoEnv {
        GoEnv::new(vars.iter().map(|(k, v)| (*k, *v)), "/w/main")
    }

    #[test]
    fn e40_comma_only_list_has_no_entries() {
        assert_eq!(
            parse_proxy_list(",", "").unwrap_err(),
            "GOPROXY list is not the empty string, but contains no entries"
        );
    }

    #[test]
    fn e40_bad_scheme() {
        assert_eq!(
            parse_proxy_list("nosuchscheme://x", "").unwrap_err(),
            "invalid proxy URL scheme (must be https, http, file): nosuchscheme://x"
        );
    }

    #[test]
    fn e40_off_ends_the_list() {
        let l = parse_proxy_list("file:///e,off,file:///p", "").unwrap();
        assert_eq!(l.len(), 2);
        assert_eq!(l[1].kind, ProxyKind::Off);
    }

    #[test]
    fn e40_pipe_sets_fallback_on_the_entry_before_it() {
        let l = parse_proxy_list("file:///e|file:///p", "").unwrap();
        assert!(l[0].fall_back_on_error);
        assert!(!l[1].fall_back_on_error);
    }

    #[test]
    fn bare_host_gets_https_and_noproxy_comes_first() {
        let l = parse_proxy_list("proxy.example.com,direct,file:///x", "corp.example").unwrap();
        assert_eq!(l[0].kind, ProxyKind::NoProxy);
        match &l[1].kind {
            ProxyKind::Url(u) => assert_eq!(u.redacted(), "https://proxy.example.com"),
            k => panic!("{k:?}"),
        }
        assert_eq!(l[2].kind, ProxyKind::Direct);
        assert_eq!(l.len(), 3);
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
    fn goprivate_is_the_gonoproxy_default() {
        let e = env(&[("GOPRIVATE", "*.corp.example,rsc.io/private")]);
        assert!(e.is_noproxy("git.corp.example/x/y"));
        assert!(e.is_noproxy("rsc.io/private/quote"));
        assert!(!e.is_noproxy("rsc.io/public"));
        let e = env(&[("GOPRIVATE", "a.example"), ("GONOPROXY", "b.example")]);
        assert!(!e.is_noproxy("a.example/x"));
        assert!(e.is_noproxy("b.example/x"));
    }

    #[test]
    fn path_match_matches_go() {
        assert_eq!(path_match("a*/b", "abc/b"), Ok(true));
        assert_eq!(path_match("a*b", "a/b"), Ok(false));
        assert_eq!(path_match("[a-c]x", "bx"), Ok(true));
        assert_eq!(path_match("[^a-c]x", "bx"), Ok(false));
        assert_eq!(path_match("a\\*", "a*"), Ok(true));
        assert_eq!(path_match("[", "a"), Err(BadPattern));
    }

    #[test]
    fn e14_goflags_mod_counts_as_explicit() {
        let e = env(&[("GOFLAGS", "-mod=readonly")]);
        let f = e.mod_flag(None).unwrap();
        assert_eq!(f.mode, Some(BuildMod::Readonly));
        assert!(f.explicit);
        let e = env(&[("GOFLAGS", "")]);
        assert_eq!(e.mod_flag(None).unwrap(), ModFlag::default());
        let e = env(&[("GOFLAGS", "-mod=mod")]);
        let f = e.mod_flag(Some("readonly")).unwrap();
        assert_eq!(f.mode, Some(BuildMod::Readonly));
    }

    #[test]
    fn goflags_errors_have_go_text() {
        assert_eq!(
            env(&[("GOFLAGS", "x")]).goflags().unwrap_err().message,
            "go: parsing $GOFLAGS: non-flag \"x\""
        );
        assert_eq!(
            env(&[("GOFLAGS", "'-mod=mod")])
                .goflags()
                .unwrap_err()
                .message,
            "go: parsing $GOFLAGS: unterminated ' string"
        );
        assert_eq!(
            env(&[("GOFLAGS", "-mod=bogus")])
                .mod_flag(None)
                .unwrap_err()
                .message,
            "-mod=bogus not supported (can be '', 'mod', 'readonly', or 'vendor')"
        );
    }

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

    #[test]
    fn env_file_values_lose_to_process_values() {
        let e = env(&[("GOPROXY", "off")])
            .with_env_file(b"GOPROXY=file:///x\nGOPRIVATE=a.example\n# c\n");
        assert_eq!(e.goproxy(), "off");
        assert_eq!(e.goprivate(), "a.example");
    }
}

/// When the module cache stands in for the GOPROXY list ([`offline_env`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OfflineMode {
    /// Only when every GOPROXY entry needs the network (`https://...`,
    /// `direct`): no entry could answer offline.
    Auto,
    /// Always (`--offline`, `GOMVS_OFFLINE=1`).
    On,
    /// Never (`GOMVS_OFFLINE=0`): network entries fail with gomvs' offline errors.
    Off,
}

impl OfflineMode {
    /// `GOMVS_OFFLINE`: `1`/`on`/`true` → [`OfflineMode::On`], `0`/`off`/`false`
    /// → [`OfflineMode::Off`], unset or empty → [`OfflineMode::Auto`];
    /// `explicit` (`--offline`) wins. Another value is an error naming it.
    pub fn from_env(env: &GoEnv, explicit: bool) -> Result<OfflineMode, String> {
        if explicit {
            return Ok(OfflineMode::On);
        }
        match env.getenv("GOMVS_OFFLINE").as_str() {
            "" | "auto" => Ok(OfflineMode::Auto),
            "1" | "on" | "true" => Ok(OfflineMode::On),
            "0" | "off" | "false" => Ok(OfflineMode::Off),
            other => Err(format!(
                "gomvs: GOMVS_OFFLINE={other}: want 1/on/true, 0/off/false or auto"
            )),
        }
    }
}

/// The environment with the module cache's `cache/download` tree as the
/// only proxy (`GOPROXY=file://$GOMODCACHE/cache/download`, the go
/// command's own offline recipe; `GONOPROXY=none` so that private paths
/// are read from it too), and the one notice line to print, when `mode`
/// asks for it: [`OfflineMode::On`], or [`OfflineMode::Auto`] with a
/// GOPROXY list whose every entry needs the network (`off` or a `file://`
/// entry keeps the list as is). `None`: use `env` unchanged.
pub fn offline_env(env: &GoEnv, mode: OfflineMode) -> Option<(GoEnv, String)> {
    let goproxy = env.goproxy();
    match mode {
        OfflineMode::Off => return None,
        OfflineMode::On => {}
        OfflineMode::Auto => {
            let list = parse_proxy_list(&goproxy, "").ok()?;
            let needs_network = !list.is_empty()
                && list.iter().all(|e| match &e.kind {
                    ProxyKind::Direct | ProxyKind::NoProxy => true,
                    ProxyKind::Off => false,
                    ProxyKind::Url(u) => !u.is_file(),
                });
            if !needs_network {
                return None;
            }
        }
    }
    let cache = env.gomodcache();
    if cache.is_empty() || !Path::new(&cache).is_absolute() {
        return None;
    }
    let dir = Path::new(&cache).join("cache").join("download");
    let url = ProxyUrl::file_dir(&dir.to_string_lossy()).redacted();
    let notice = format!(
        "gomvs: offline: module versions come from the module cache (GOPROXY={url} instead of {goproxy}); versions published since it last fetched are not seen"
    );
    let env = env
        .clone()
        .with_var("GOPROXY", url)
        .with_var("GONOPROXY", "none");
    Some((env, notice))
}
