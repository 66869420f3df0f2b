//! Module paths and versions as `golang.org/x/mod/module`: validation,
//! major-version suffixes, canonical versions and the case escaping used by
//! proxies and the module cache.

use std::cmp::Ordering;

pub use smol_str::SmolStr;

use crate::semver;
/// `s` as Go's `strconv.Quote` (`%q` of a string) renders it; `s` is
/// Unicode text (see [`crate::syntax::text::quote_unicode`]).
pub fn quote(s: &str) -> String {
    crate::syntax::text::quote_unicode(s)
}

/// `c` as Go's `strconv.QuoteRune` (`%q` of a rune) renders it.
pub fn quote_rune(c: char) -> String {
    crate::syntax::text::quote_rune(u32::from(c))
}

/// A module path and version (`module.Version`). The version is empty for a
/// main module and for directory replacement targets.
///
/// Both parts are [`SmolStr`]s: a module graph copies each module version into
/// several maps and edges, and a `SmolStr` clone never allocates (strings of
/// up to 23 bytes are stored inline, longer ones share one reference-counted
/// buffer), which keeps loading a 100k-module graph linear in time and memory.
///
/// `Ord` is Go's order (`module.Sort`): by path in byte order, then by
/// version with `semver.Compare` (`v1.9.0 < v1.10.0`), a `/suffix` after the
/// version (`v1.0.0/go.mod`) in byte order; versions Go compares equal
/// (`v1.0.0+incompatible` and `v1.0.0`, or two invalid versions) are then
/// told apart by their text, so that `Ord` agrees with the textual `Eq`.
///
/// ```
/// use gomvs_modfile::ModuleVersion;
///
/// let mut list = vec![
///     ModuleVersion::new("example.com/a", "v1.10.0"),
///     ModuleVersion::new("example.com/a", "v1.9.0"),
///     ModuleVersion::new("example.com/a", "v1.9.0-rc.1"),
/// ];
/// list.sort();
/// assert_eq!(list[0].to_string(), "example.com/a@v1.9.0-rc.1");
/// assert_eq!(list[2].to_string(), "example.com/a@v1.10.0");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct ModuleVersion {
    /// The module path, e.g. `golang.org/x/mod`.
    pub path: SmolStr,
    /// The version, e.g. `v0.20.0`; empty for a main module.
    pub version: SmolStr,
}

impl ModuleVersion {
    /// Builds a module version from its parts.
    pub fn new(path: impl Into<SmolStr>, version: impl Into<SmolStr>) -> Self {
        ModuleVersion {
            path: path.into(),
            version: version.into(),
        }
    }

    /// The version as a [`Version`](crate::Version), ordered as Go orders it.
    pub fn as_version(&self) -> crate::Version {
        crate::Version::new(self.version.clone())
    }
}

impl Ord for ModuleVersion {
    fn cmp(&self, other: &ModuleVersion) -> Ordering {
        sort_cmp(self, other).then_with(|| self.version.cmp(&other.version))
    }
}

impl PartialOrd for ModuleVersion {
    fn partial_cmp(&self, other: &ModuleVersion) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl std::fmt::Display for ModuleVersion {
    /// `path@version`, or the bare path when the version is empty (`module.Version.String`).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.version.is_empty() {
            f.write_str(&self.path)
        } else {
            write!(f, "{}@{}", self.path, self.version)
        }
    }
}

/// Which rules a path is checked against (Go's `pathKind`); its `Display`
/// is the word Go puts in `malformed … path` messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PathKind {
    /// A module path ([`check_path`]).
    Module,
    /// A package import path ([`check_import_path`]).
    Import,
    /// A slash-separated file path ([`check_file_path`]).
    File,
}

impl std::fmt::Display for PathKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            PathKind::Module => "module",
            PathKind::Import => "import",
            PathKind::File => "file",
        })
    }
}

/// A path that breaks a naming rule (`module.InvalidPathError`):
/// `malformed module path "nodot/x": missing dot in first path element`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("malformed {kind} path {}: {reason}", crate::syntax::text::quote(path))]
pub struct InvalidPathError {
    /// Which kind of path was checked.
    pub kind: PathKind,
    /// The offending path.
    pub path: String,
    /// Go's inner error text, e.g. `missing dot in first path element`.
    pub reason: String,
}

/// A version that is invalid on its own or for its module path
/// (`module.InvalidVersionError`): `version "v2.0.0" invalid: should be v0
/// or v1, not v2`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{} {} invalid: {reason}", self.noun(), quote(version))]
pub struct InvalidVersionError {
    /// The offending version.
    pub version: String,
    /// Whether the version is (meant as) a pseudo-version.
    pub pseudo: bool,
    /// Go's inner error text, e.g. `should be v2, not v3`.
    pub reason: String,
}

impl InvalidVersionError {
    /// A non-pseudo-version error with the given reason.
    pub fn new(version: impl Into<String>, reason: impl Into<String>) -> Self {
        InvalidVersionError {
            version: version.into(),
            pseudo: false,
            reason: reason.into(),
        }
    }

    /// `pseudo-version` or `version` (Go's `noun`).
    pub fn noun(&self) -> &'static str {
        if self.pseudo {
            "pseudo-version"
        } else {
            "version"
        }
    }
}

/// An error about a particular module (`module.ModuleError`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ModuleError {
    /// The module path.
    pub path: String,
    /// The module version, possibly empty.
    pub version: String,
    /// The underlying error.
    pub err: Box<CheckError>,
}

impl ModuleError {
    /// `module.VersionError`: wraps `err` for module `m`, unless it already
    /// is a [`ModuleError`] for exactly that path and version.
    pub fn version_error(m: &ModuleVersion, err: CheckError) -> CheckError {
        if let CheckError::Module(me) = &err {
            if me.path == m.path && me.version == m.version {
                return err;
            }
        }
        CheckError::Module(ModuleError {
            path: m.path.to_string(),
            version: m.version.to_string(),
            err: Box::new(err),
        })
    }
}

impl std::fmt::Display for ModuleError {
    /// `path@version: invalid version: reason` for a wrapped
    /// [`InvalidVersionError`], else `path@version: err` or `module path: err`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let CheckError::Version(v) = self.err.as_ref() {
            return write!(
                f,
                "{}@{}: invalid {}: {}",
                self.path,
                v.version,
                v.noun(),
                v.reason
            );
        }
        if !self.version.is_empty() {
            write!(f, "{}@{}: {}", self.path, self.version, self.err)
        } else {
            write!(f, "module {}: {}", self.path, self.err)
        }
    }
}

/// Any error of this module; `Display` is Go's `Error()` text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CheckError {
    /// A malformed path.
    #[error(transparent)]
    Path(#[from] InvalidPathError),
    /// An invalid version.
    #[error(transparent)]
    Version(#[from] InvalidVersionError),
    /// An error about a particular module.
    #[error(transparent)]
    Module(#[from] ModuleError),
    /// A plain Go `errors.New`/`fmt.Errorf` error (e.g. from [`unescape_path`]).
    #[error("{0}")]
    Other(String),
}

/// `module.CanonicalVersion`: `semver::canonical`, keeping `+incompatible`.
pub fn canonical_version(v: &str) -> String {
    canonical_version_cow(v).into_owned()
}

/// [`canonical_version`] from one parse of `v`, borrowing `v` when it is
/// already canonical (the common case).
pub(crate) fn canonical_version_cow(v: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    let Some(p) = semver::parse(v) else {
        return Cow::Borrowed("");
    };
    if p.build == "+incompatible" || (p.build.is_empty() && p.short.is_empty()) {
        // Canonical drops the build suffix and `+incompatible` is added back.
        return Cow::Borrowed(v);
    }
    if !p.build.is_empty() {
        return Cow::Owned(
            v.get(..v.len() - p.build.len())
                .unwrap_or_default()
                .to_owned(),
        );
    }
    Cow::Owned(format!("{v}{}", p.short))
}

/// `module.Check`: `path` is a valid module path, `version` a valid semantic
/// version, and the version's major matches the path's major suffix.
pub fn check(path: &str, version: &str) -> Result<(), CheckError> {
    check_path(path)?;
    if !semver::is_valid(version) {
        return Err(CheckError::Module(ModuleError {
            path: path.to_string(),
            version: String::new(),
            err: Box::new(CheckError::Version(InvalidVersionError::new(
                version,
                "not a semantic version",
            ))),
        }));
    }
    let path_major = split_path_version(path).map(|(_, m)| m).unwrap_or_default();
    check_path_major(version, &path_major).map_err(|e| {
        CheckError::Module(ModuleError {
            path: path.to_string(),
            version: String::new(),
            err: Box::new(CheckError::Version(e)),
        })
    })
}

/// Whether `c` may appear in the first element of a module path (a
/// lower-case LDH domain name; Go's `firstPathOK`).
fn first_path_ok(c: char) -> bool {
    c == '-' || c == '.' || c.is_ascii_digit() || c.is_ascii_lowercase()
}

/// Whether `c` may appear in a module path element (Go's `modPathOK`).
fn mod_path_ok(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_' | '~')
}

/// Whether `c` may appear in an import path element (Go's `importPathOK`).
fn import_path_ok(c: char) -> bool {
    mod_path_ok(c) || c == '+'
}

/// Whether `c` may appear in a file name (Go's `fileNameOK`): ASCII
/// letters, digits, some punctuation, space, and any Unicode letter.
fn file_name_ok(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || "!#$%&()+,-.=@[]^_{}~ ".contains(c);
    }
    crate::syntax::text::is_letter(u32::from(c))
}

/// `module.CheckPath`: whether `path` is a valid module path.
///
/// Invalid UTF-8 (held as raw-byte characters, see
/// [`crate::syntax::text::go_string`]) is rejected as Go does.
pub fn check_path(path: &str) -> Result<(), InvalidPathError> {
    check_module_path(path).map_err(|reason| InvalidPathError {
        kind: PathKind::Module,
        path: path.to_string(),
        reason,
    })
}

fn check_module_path(path: &str) -> Result<(), String> {
    check_general_path(path, PathKind::Module)?;
    // Byte searches: '/' and '.' are ASCII, so their positions are
    // character boundaries.
    let first = match path.bytes().position(|b| b == b'/') {
        Some(0) => return Err("leading slash".to_string()),
        Some(i) => &path[..i],
        None => path,
    };
    if !first.bytes().any(|b| b == b'.') {
        return Err("missing dot in first path element".to_string());
    }
    if path.starts_with('-') {
        return Err("leading dash in first path element".to_string());
    }
    if let Some(c) = first.chars().find(|&c| !first_path_ok(c)) {
        return Err(format!(
            "invalid char {} in first path element",
            quote_rune(c)
        ));
    }
    if split_path_version(path).is_none() {
        return Err("invalid version".to_string());
    }
    Ok(())
}

/// `module.CheckImportPath`: whether `path` is a valid package import path.
pub fn check_import_path(path: &str) -> Result<(), InvalidPathError> {
    check_general_path(path, PathKind::Import).map_err(|reason| InvalidPathError {
        kind: PathKind::Import,
        path: path.to_string(),
        reason,
    })
}

/// `module.CheckFilePath`: whether `path` is a valid slash-separated file
/// path (as found in module zip files).
pub fn check_file_path(path: &str) -> Result<(), InvalidPathError> {
    check_general_path(path, PathKind::File).map_err(|reason| InvalidPathError {
        kind: PathKind::File,
        path: path.to_string(),
        reason,
    })
}

/// Go's `checkPath`: the rules shared by module, import and file paths.
fn check_general_path(path: &str, kind: PathKind) -> Result<(), String> {
    // `!utf8.ValidString(path)`: invalid bytes are raw-byte characters
    // (`syntax::text::go_string`), never ASCII. Module paths are checked
    // for every requirement and every listed row, so the checks below scan
    // bytes rather than running the generic `str` searches.
    if !path.is_ascii()
        && path
            .chars()
            .any(|c| crate::syntax::text::raw_byte(c).is_some())
    {
        return Err("invalid UTF-8".to_string());
    }
    if path.is_empty() {
        return Err("empty string".to_string());
    }
    if path.starts_with('-') && kind != PathKind::File {
        return Err("leading dash".to_string());
    }
    if path.as_bytes().windows(2).any(|w| w == b"//") {
        return Err("double slash".to_string());
    }
    if path.ends_with('/') {
        return Err("trailing slash".to_string());
    }
    let mut start = 0;
    for (i, b) in path.bytes().enumerate() {
        if b == b'/' {
            check_elem(&path[start..i], kind)?;
            start = i + 1;
        }
    }
    check_elem(&path[start..], kind)
}

/// Windows reserved file names (Go's `badWindowsNames`).
const BAD_WINDOWS_NAMES: [&str; 22] = [
    "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8",
    "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
];

/// Go's `checkElem`: whether one path element is valid for `kind`.
fn check_elem(elem: &str, kind: PathKind) -> Result<(), String> {
    if elem.is_empty() {
        return Err("empty path element".to_string());
    }
    if elem.bytes().all(|c| c == b'.') {
        return Err(format!("invalid path element {}", quote(elem)));
    }
    if elem.starts_with('.') && kind == PathKind::Module {
        return Err("leading dot in path element".to_string());
    }
    if elem.ends_with('.') {
        return Err("trailing dot in path element".to_string());
    }
    // One loop per kind, so the character test is inlined.
    let bad = match kind {
        PathKind::Module => elem.chars().find(|&c| !mod_path_ok(c)),
        PathKind::Import => elem.chars().find(|&c| !import_path_ok(c)),
        PathKind::File => elem.chars().find(|&c| !file_name_ok(c)),
    };
    if let Some(c) = bad {
        return Err(format!("invalid char {}", quote_rune(c)));
    }
    let short = match elem.bytes().position(|b| b == b'.') {
        Some(i) => &elem[..i],
        None => elem,
    };
    // Only ASCII letters fold to the letters of these names (the Kelvin
    // sign and long s fold to k and s, which none of them contains), and
    // every one of them is 3 or 4 letters long.
    if (3..=4).contains(&short.len())
        && BAD_WINDOWS_NAMES
            .iter()
            .any(|bad| bad.eq_ignore_ascii_case(short))
    {
        return Err(format!(
            "{} disallowed as path element component on Windows",
            quote(short)
        ));
    }
    if kind == PathKind::File {
        return Ok(());
    }
    if let Some(tilde) = short.bytes().rposition(|b| b == b'~') {
        let suffix = &short[tilde + 1..];
        if !suffix.is_empty() && suffix.bytes().all(|c| c.is_ascii_digit()) {
            return Err("trailing tilde and digits in path element".to_string());
        }
    }
    Ok(())
}

/// `module.SplitPathVersion`: splits `path/v2` or `gopkg.in/x.v2` into the
/// prefix and the major-version suffix (`/v2`, `.v2`, or `""` when there
/// is none); `None` if the final element is a malformed version suffix
/// (`/v1`, `/v02`, `/v1.2`, a gopkg.in path without `.vN`).
pub fn split_path_version(path: &str) -> Option<(String, String)> {
    split_path_version_str(path).map(|(p, m)| (p.to_string(), m.to_string()))
}

/// [`split_path_version`] borrowed from `path`.
pub(crate) fn split_path_version_str(path: &str) -> Option<(&str, &str)> {
    if path.starts_with("gopkg.in/") {
        return split_gopkg_in(path);
    }
    let b = path.as_bytes();
    let mut i = b.len();
    let mut dot = false;
    while i > 0 && (b[i - 1].is_ascii_digit() || b[i - 1] == b'.') {
        if b[i - 1] == b'.' {
            dot = true;
        }
        i -= 1;
    }
    if i <= 1 || i == b.len() || b[i - 1] != b'v' || b[i - 2] != b'/' {
        return Some((path, ""));
    }
    let (prefix, path_major) = path.split_at(i - 2);
    if dot || path_major.len() <= 2 || path_major.as_bytes()[2] == b'0' || path_major == "/v1" {
        return None;
    }
    Some((prefix, path_major))
}

/// Go's `splitGopkgIn`: [`split_path_version`] for `gopkg.in/` paths.
fn split_gopkg_in(path: &str) -> Option<(&str, &str)> {
    let b = path.as_bytes();
    let mut i = b.len();
    if path.ends_with("-unstable") {
        i -= "-unstable".len();
    }
    while i > 0 && b[i - 1].is_ascii_digit() {
        i -= 1;
    }
    if i <= 1 || b[i - 1] != b'v' || b[i - 2] != b'.' {
        return None;
    }
    let (prefix, path_major) = path.split_at(i - 2);
    if path_major.len() <= 2 || (path_major.as_bytes()[2] == b'0' && path_major != ".v0") {
        return None;
    }
    Some((prefix, path_major))
}

/// `module.MatchPathMajor`: whether [`check_path_major`] accepts `v`.
pub fn match_path_major(v: &str, path_major: &str) -> bool {
    check_path_major(v, path_major).is_ok()
}

/// `module.CheckPathMajor`: whether version `v` is allowed for a path whose
/// major suffix is `path_major` (as returned by [`split_path_version`]).
/// The error displays as Go's, e.g. `version "v2.0.0" invalid: should be
/// v0 or v1, not v2`; its `reason` is the text after `invalid: `.
pub fn check_path_major(v: &str, path_major: &str) -> Result<(), InvalidVersionError> {
    let mut path_major = path_major;
    if path_major.starts_with(".v") {
        path_major = path_major.strip_suffix("-unstable").unwrap_or(path_major);
    }
    if v.starts_with("v0.0.0-") && path_major == ".v1" {
        // An old bug generated v0.0.0- pseudo-versions for gopkg.in .v1 paths.
        return Ok(());
    }
    let m = semver::major_str(v);
    let want = if path_major.is_empty() {
        if m == "v0" || m == "v1" || semver::parse(v).is_some_and(|p| p.build == "+incompatible") {
            return Ok(());
        }
        "v0 or v1"
    } else if path_major.starts_with(['/', '.']) {
        if m == &path_major[1..] {
            return Ok(());
        }
        &path_major[1..]
    } else {
        path_major
    };
    Err(InvalidVersionError::new(
        v,
        format!("should be {want}, not {m}"),
    ))
}

/// `module.PathMajorPrefix`: the major-version tag prefix implied by
/// `path_major` (`/v2` → `v2`, `.v1-unstable` → `v1`, `""` → `""`). `None`
/// where Go panics: no `/` or `.` separator, or not a major version.
pub fn path_major_prefix(path_major: &str) -> Option<String> {
    if path_major.is_empty() {
        return Some(String::new());
    }
    if !path_major.starts_with(['/', '.']) {
        return None;
    }
    let mut pm = path_major;
    if pm.starts_with(".v") {
        pm = pm.strip_suffix("-unstable").unwrap_or(pm);
    }
    let m = &pm[1..];
    if m != semver::major(m) {
        return None;
    }
    Some(m.to_string())
}

/// `module.Sort`: by path, then by version with `semver::compare`; a
/// `/suffix` after the version (`v1.0.0/go.mod`) breaks ties in byte order.
pub fn sort(list: &mut [ModuleVersion]) {
    list.sort_by(sort_cmp);
}

/// The order [`sort`] uses.
pub fn sort_cmp(a: &ModuleVersion, b: &ModuleVersion) -> Ordering {
    if a.path != b.path {
        return a.path.cmp(&b.path);
    }
    let (vi, fi) = split_file_suffix(&a.version);
    let (vj, fj) = split_file_suffix(&b.version);
    if vi != vj {
        return semver::compare(vi, vj);
    }
    fi.cmp(fj)
}

/// `module.EscapePath`: checks `path` with [`check_path`], then replaces
/// every upper-case letter by `!` and its lower-case form.
pub fn escape_path(path: &str) -> Result<String, CheckError> {
    check_path(path)?;
    escape_string(path)
}

/// `module.EscapeVersion`: escapes a version for use in a file name; it must
/// be a valid file name element without `!`.
pub fn escape_version(v: &str) -> Result<String, CheckError> {
    if check_elem(v, PathKind::File).is_err() || v.contains('!') {
        return Err(InvalidVersionError::new(v, "disallowed version string").into());
    }
    escape_string(v)
}

fn escape_string(s: &str) -> Result<String, CheckError> {
    // A non-ASCII char is exactly a byte >= 0x80, so bytes decide.
    let mut upper = 0;
    for &c in s.as_bytes() {
        if c == b'!' || !c.is_ascii() {
            return Err(CheckError::Other(
                "internal error: inconsistency in EscapePath".to_string(),
            ));
        }
        upper += usize::from(c.is_ascii_uppercase());
    }
    if upper == 0 {
        return Ok(s.to_owned());
    }
    let mut out = String::with_capacity(s.len() + upper);
    for c in s.chars() {
        if c.is_ascii_uppercase() {
            out.push('!');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    Ok(out)
}

/// `module.UnescapePath`: the module path for an escaped path; fails if the
/// escaping is invalid or the result is not a valid module path.
pub fn unescape_path(escaped: &str) -> Result<String, CheckError> {
    let Some(path) = unescape_string(escaped) else {
        return Err(CheckError::Other(format!(
            "invalid escaped module path {}",
            quote(escaped)
        )));
    };
    if let Err(e) = check_path(&path) {
        return Err(CheckError::Other(format!(
            "invalid escaped module path {}: {e}",
            quote(escaped)
        )));
    }
    Ok(path)
}

/// `module.UnescapeVersion`: the version for an escaped version; fails if
/// the escaping is invalid or the result is not a valid file name.
pub fn unescape_version(escaped: &str) -> Result<String, CheckError> {
    let Some(v) = unescape_string(escaped) else {
        return Err(CheckError::Other(format!(
            "invalid escaped version {}",
            quote(escaped)
        )));
    };
    if let Err(e) = check_elem(&v, PathKind::File) {
        return Err(CheckError::Other(format!(
            "invalid escaped version {}: {e}",
            quote(&v)
        )));
    }
    Ok(v)
}

/// Reverses the `!x` escaping; `None` on raw upper case, non-ASCII, or a
/// `!` not followed by a lower-case letter.
fn unescape_string(escaped: &str) -> Option<String> {
    let mut out = String::with_capacity(escaped.len());
    let mut bang = false;
    for c in escaped.chars() {
        if !c.is_ascii() {
            return None;
        }
        if bang {
            bang = false;
            if !c.is_ascii_lowercase() {
                return None;
            }
            out.push(c.to_ascii_uppercase());
            continue;
        }
        if c == '!' {
            bang = true;
            continue;
        }
        if c.is_ascii_uppercase() {
            return None;
        }
        out.push(c);
    }
    if bang {
        return None;
    }
    Some(out)
}

/// Splits `v1.0.0/go.mod` into `v1.0.0` and `/go.mod`.
pub(crate) fn split_file_suffix(v: &str) -> (&str, &str) {
    match v.find('/') {
        Some(k) => v.split_at(k),
        None => (v, ""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path_err(path: &str) -> String {
        check_path(path)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default()
    }

    #[test]
    fn module_path_errors_read_like_go() {
        assert_eq!(path_err("example.com/a/b"), "");
        assert_eq!(
            path_err("nodot/x"),
            r#"malformed module path "nodot/x": missing dot in first path element"#
        );
        assert_eq!(
            path_err("example.com/a/v1"),
            r#"malformed module path "example.com/a/v1": invalid version"#
        );
        assert_eq!(
            path_err("Example.com/a"),
            r#"malformed module path "Example.com/a": invalid char 'E' in first path element"#
        );
        assert_eq!(
            path_err("example.com/con.x"),
            r#"malformed module path "example.com/con.x": "con" disallowed as path element component on Windows"#
        );
        assert_eq!(
            path_err("example.com/a~1"),
            r#"malformed module path "example.com/a~1": trailing tilde and digits in path element"#
        );
        assert_eq!(
            path_err("example.com/é"),
            r#"malformed module path "example.com/é": invalid char 'é'"#
        );
        assert!(check_import_path("example.com/a++").is_ok());
        assert!(check_file_path("a/é b/.x").is_ok());
    }

    #[test]
    fn path_versions() {
        let split = |p: &str| split_path_version(p);
        assert_eq!(split("x.com/a"), Some(("x.com/a".into(), "".into())));
        assert_eq!(split("x.com/a/v2"), Some(("x.com/a".into(), "/v2".into())));
        assert_eq!(split("x.com/a/v1"), None);
        assert_eq!(split("x.com/a/v02"), None);
        assert_eq!(split("x.com/a/v2.1"), None);
        assert_eq!(
            split("gopkg.in/yaml.v2"),
            Some(("gopkg.in/yaml".into(), ".v2".into()))
        );
        assert_eq!(
            split("gopkg.in/yaml.v1-unstable"),
            Some(("gopkg.in/yaml".into(), ".v1-unstable".into()))
        );
        assert_eq!(split("gopkg.in/yaml.v0-unstable"), None);
        assert_eq!(split("gopkg.in/yaml"), None);
        let cpm = |v: &str, m: &str| check_path_major(v, m).map_err(|e| e.to_string());
        assert_eq!(
            cpm("v2.0.0", ""),
            Err(r#"version "v2.0.0" invalid: should be v0 or v1, not v2"#.into())
        );
        assert_eq!(
            cpm("v3.0.0", "/v2"),
            Err(r#"version "v3.0.0" invalid: should be v2, not v3"#.into())
        );
        assert_eq!(cpm("v2.0.0+incompatible", ""), Ok(()));
        assert_eq!(cpm("v0.0.0-2019-x", ".v1"), Ok(()));
        assert_eq!(cpm("v1.5.0", ".v1-unstable"), Ok(()));
        assert_eq!(
            check("x.com/a/v2", "v1.0.0").map_err(|e| e.to_string()),
            Err("x.com/a/v2@v1.0.0: invalid version: should be v2, not v1".into())
        );
        assert_eq!(
            check("x.com/a", "1.0").map_err(|e| e.to_string()),
            Err("x.com/a@1.0: invalid version: not a semantic version".into())
        );
        assert_eq!(canonical_version("v2.0+incompatible"), "");
        assert_eq!(
            canonical_version("v2.0.0+incompatible"),
            "v2.0.0+incompatible"
        );
        assert_eq!(canonical_version("v2.0.0+meta"), "v2.0.0");
        assert_eq!(path_major_prefix(".v1-unstable").as_deref(), Some("v1"));
    }

    #[test]
    fn escaping() {
        assert_eq!(
            escape_path("github.com/Sirupsen/logrus").as_deref(),
            Ok("github.com/!sirupsen/logrus")
        );
        assert_eq!(
            unescape_path("github.com/!sirupsen/logrus").as_deref(),
            Ok("github.com/Sirupsen/logrus")
        );
        assert_eq!(
            unescape_path("github.com/Sirupsen").map_err(|e| e.to_string()),
            Err(r#"invalid escaped module path "github.com/Sirupsen""#.into())
        );
        assert_eq!(escape_version("v1.0.0-RC1").as_deref(), Ok("v1.0.0-!r!c1"));
        assert_eq!(
            escape_version("v1!").map_err(|e| e.to_string()),
            Err(r#"version "v1!" invalid: disallowed version string"#.into())
        );
        assert_eq!(
            unescape_version("v1.0.0-!r!c1").as_deref(),
            Ok("v1.0.0-RC1")
        );
    }

    #[test]
    fn sorting() {
        let mut list: Vec<ModuleVersion> = [
            ("b.com/x", "v1.0.0"),
            ("a.com/x", "v1.10.0/go.mod"),
            ("a.com/x", "v1.10.0"),
            ("a.com/x", "v1.9.0"),
        ]
        .iter()
        .map(|(p, v)| ModuleVersion::new(*p, *v))
        .collect();
        sort(&mut list);
        let got: Vec<String> = list.iter().map(ToString::to_string).collect();
        assert_eq!(
            got,
            [
                "a.com/x@v1.9.0",
                "a.com/x@v1.10.0",
                "a.com/x@v1.10.0/go.mod",
                "b.com/x@v1.0.0"
            ]
        );
    }
}
