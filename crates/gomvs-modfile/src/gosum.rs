//! go.sum files (`modfetch.readGoSum`).
//!
//! A go.sum holds one `<module path> <version>[/go.mod] <hash>` entry per
//! line. [`parse_go_sum`] applies the Go command's rules exactly: lines are
//! split on `\n`, fields on Unicode white space (`strings.Fields`), blank
//! lines are skipped, any other field count is fatal, and entries whose hash
//! is the legacy empty-go.mod hash ([`EMPTY_GO_MOD_HASH`]) are dropped. Only
//! hashes with the `h1:` prefix count as "having a sum"
//! (`modfetch.HaveSum`, `RecordedSum`, `haveModSumLocked`).

use crate::module::SmolStr;
use std::borrow::Borrow;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};

/// The hash of a one-file tree holding an empty `go.mod`; an old bug wrote it
/// into go.sum files for non-modules, so `readGoSum` drops such lines.
pub const EMPTY_GO_MOD_HASH: &str = "h1:G7mAYYxgmS0lVkHyy2hEOLQCFB0DlQFTMLWggykrydY=";

/// The suffix that marks a go.mod-only entry's version (`v1.2.3/go.mod`).
pub const GO_MOD_SUFFIX: &str = "/go.mod";

/// The only hash algorithm prefix the Go command knows.
pub const H1_PREFIX: &str = "h1:";

/// A go.sum that cannot be read (`readGoSum`'s fatal error).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GoSumError {
    /// A non-blank line without exactly three fields. Displays as Go prints it
    /// (without the final newline): `malformed go.sum:\n<file>:<line>: wrong number of fields <n>`.
    #[error("malformed go.sum:\n{file_name}:{line}: wrong number of fields {fields}")]
    WrongFieldCount {
        /// The file name as given to [`parse_go_sum`].
        file_name: String,
        /// 1-based line number.
        line: usize,
        /// How many fields the line has.
        fields: usize,
    },
}

/// One kept go.sum line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoSumEntry {
    /// 1-based line number in the file.
    pub line: usize,
    /// The module path (first field).
    pub path: String,
    /// The version field as written, including a `/go.mod` suffix if present.
    pub version: String,
    /// The hash field, e.g. `h1:...=` (any prefix is kept; only `h1:` counts).
    pub hash: String,
}

impl GoSumEntry {
    /// Whether this entry is for a go.mod file (version ends in `/go.mod`).
    pub fn is_go_mod(&self) -> bool {
        self.version.ends_with(GO_MOD_SUFFIX)
    }

    /// The module version without the `/go.mod` suffix.
    pub fn module_version(&self) -> &str {
        self.version
            .strip_suffix(GO_MOD_SUFFIX)
            .unwrap_or(&self.version)
    }

    /// Whether the hash uses the known `h1:` algorithm.
    pub fn is_h1(&self) -> bool {
        self.hash.starts_with(H1_PREFIX)
    }
}

/// The result of comparing a computed hash with go.sum (`haveModSumLocked`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SumCheck<'a> {
    /// The computed hash is recorded (before any conflicting `h1:` hash).
    Verified,
    /// An `h1:` hash that differs from the computed one is recorded first:
    /// the Go command stops with a checksum mismatch (see [`ChecksumMismatch`]).
    Mismatch {
        /// The recorded hash that was compared.
        recorded: &'a str,
    },
    /// No hash for the key, or only hashes of unknown algorithms.
    NotRecorded,
}

/// A go.sum key as stored in the index: the module path, the version without
/// its `/go.mod` suffix, and whether the suffix was there. Splitting the
/// suffix off is a bijection on version fields (the flag is set exactly when
/// the field ends in the suffix), so lookups never need to build
/// `version/go.mod` strings.
///
/// The parts are [`SmolStr`]s (short ones inline): a go.sum of an unpruned
/// graph can have a million lines, each indexed once.
#[derive(Debug, Clone, PartialEq, Eq)]
struct SumKey {
    path: SmolStr,
    base: SmolStr,
    go_mod: bool,
}

/// A borrowed [`SumKey`] used for allocation-free lookups.
#[derive(Debug, Clone, Copy)]
struct SumKeyRef<'a> {
    path: &'a str,
    base: &'a str,
    go_mod: bool,
}

impl<'a> SumKeyRef<'a> {
    /// The key of a version field as written (`v1.2.3` or `v1.2.3/go.mod`).
    fn of(path: &'a str, version: &'a str) -> Self {
        match version.strip_suffix(GO_MOD_SUFFIX) {
            Some(base) => SumKeyRef {
                path,
                base,
                go_mod: true,
            },
            None => SumKeyRef {
                path,
                base: version,
                go_mod: false,
            },
        }
    }

    /// The version field this key stands for.
    fn version(&self) -> String {
        if self.go_mod {
            format!("{}{GO_MOD_SUFFIX}", self.base)
        } else {
            self.base.to_owned()
        }
    }
}

/// What stored and borrowed keys have in common: the map is keyed by
/// [`SumKey`] and looked up through `dyn SumKeyView` (the usual way to look
/// up a composite owned key with borrowed parts).
trait SumKeyView {
    fn parts(&self) -> SumKeyRef<'_>;
}

impl SumKeyView for SumKey {
    fn parts(&self) -> SumKeyRef<'_> {
        SumKeyRef {
            path: &self.path,
            base: &self.base,
            go_mod: self.go_mod,
        }
    }
}

impl SumKeyView for SumKeyRef<'_> {
    fn parts(&self) -> SumKeyRef<'_> {
        *self
    }
}

fn hash_key_parts<H: Hasher>(k: SumKeyRef<'_>, state: &mut H) {
    k.path.hash(state);
    k.base.hash(state);
    k.go_mod.hash(state);
}

impl Hash for SumKey {
    fn hash<H: Hasher>(&self, state: &mut H) {
        hash_key_parts(self.parts(), state);
    }
}

impl Hash for dyn SumKeyView + '_ {
    fn hash<H: Hasher>(&self, state: &mut H) {
        hash_key_parts(self.parts(), state);
    }
}

impl PartialEq for dyn SumKeyView + '_ {
    fn eq(&self, other: &Self) -> bool {
        let (a, b) = (self.parts(), other.parts());
        a.go_mod == b.go_mod && a.path == b.path && a.base == b.base
    }
}

impl Eq for dyn SumKeyView + '_ {}

impl<'a> Borrow<dyn SumKeyView + 'a> for SumKey {
    fn borrow(&self) -> &(dyn SumKeyView + 'a) {
        self
    }
}

/// `RecordedSum`'s rule: the one `h1:` hash among `hashes`; `None` when
/// there is none or two differ (hashes of other algorithms are ignored).
fn single_h1<'a>(hashes: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let mut found: Option<&str> = None;
    for h in hashes.filter(|h| h.starts_with(H1_PREFIX)) {
        match found {
            Some(f) if f != h => return None,
            _ => found = Some(h),
        }
    }
    found
}

/// The end of a chain in `GoSum::next_same_key`.
const NO_NEXT: u32 = u32::MAX;

/// A parsed go.sum: its entries in file order plus an index by key.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GoSum {
    file_name: String,
    entries: Vec<GoSumEntry>,
    /// Key -> indices into `entries` of its first and last entries, and
    /// whether any of its hashes is an `h1:` hash (so `HaveSum`, asked
    /// several times per loaded module, reads no entry). foldhash (randomly
    /// seeded per process, as SipHash) hashes these short keys several
    /// times faster; a large go.sum is indexed once and looked up three
    /// times per loaded module.
    index: HashMap<SumKey, (u32, u32, bool), foldhash::fast::RandomState>,
    /// Per entry, the index of the next entry with the same key
    /// ([`NO_NEXT`] for the last): the entries of one key in file order,
    /// without a vector per key.
    next_same_key: Vec<u32>,
    legacy_lines: Vec<usize>,
}

impl GoSum {
    /// The file name given to [`parse_go_sum`].
    pub fn file_name(&self) -> &str {
        &self.file_name
    }

    /// The kept entries in file order (legacy empty-go.mod lines excluded).
    pub fn entries(&self) -> &[GoSumEntry] {
        &self.entries
    }

    /// Line numbers of the lines dropped because their hash was [`EMPTY_GO_MOD_HASH`].
    pub fn legacy_lines(&self) -> &[usize] {
        &self.legacy_lines
    }

    /// Whether the file holds no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// All hashes recorded for the key `path version`, in file order; `version`
    /// may carry the `/go.mod` suffix (Go's `module.Version` key convention).
    pub fn hashes<'a>(&'a self, path: &str, version: &str) -> impl Iterator<Item = &'a str> + 'a {
        self.hashes_for(SumKeyRef::of(path, version))
    }

    fn hashes_for<'a>(&'a self, key: SumKeyRef<'_>) -> impl Iterator<Item = &'a str> + 'a {
        let first = self
            .index
            .get(&key as &dyn SumKeyView)
            .map_or(NO_NEXT, |&(first, _, _)| first);
        std::iter::successors(Some(first).filter(|&i| i != NO_NEXT), move |&i| {
            self.next_same_key
                .get(i as usize)
                .copied()
                .filter(|&n| n != NO_NEXT)
        })
        .filter_map(move |i| self.entries.get(i as usize).map(|e| e.hash.as_str()))
    }

    /// Hashes recorded for the module zip of `path@version`.
    pub fn zip_hashes<'a>(
        &'a self,
        path: &str,
        version: &str,
    ) -> impl Iterator<Item = &'a str> + 'a {
        self.hashes(path, version)
    }

    /// Hashes recorded for the go.mod of `path@version` (key `version/go.mod`).
    pub fn go_mod_hashes<'a>(
        &'a self,
        path: &str,
        version: &str,
    ) -> impl Iterator<Item = &'a str> + 'a {
        self.hashes_for(SumKeyRef {
            path,
            base: version,
            go_mod: true,
        })
    }

    /// `HaveSum` for this file: whether an `h1:` hash is recorded for the key
    /// (`version` may carry the `/go.mod` suffix).
    pub fn have_sum(&self, path: &str, version: &str) -> bool {
        self.have_sum_for(SumKeyRef::of(path, version))
    }

    fn have_sum_for(&self, key: SumKeyRef<'_>) -> bool {
        self.index
            .get(&key as &dyn SumKeyView)
            .is_some_and(|&(_, _, h1)| h1)
    }

    /// Whether any hash (of any algorithm) is recorded for the key: every
    /// indexed key has at least one entry.
    fn records(&self, key: SumKeyRef<'_>) -> bool {
        self.index.contains_key(&key as &dyn SumKeyView)
    }

    /// Whether an `h1:` hash is recorded for the go.mod of `path@version`.
    pub fn have_go_mod_sum(&self, path: &str, version: &str) -> bool {
        self.have_sum_for(SumKeyRef {
            path,
            base: version,
            go_mod: true,
        })
    }

    /// `RecordedSum` for this file: the single `h1:` hash recorded for the
    /// key; `None` when there is none or when two different `h1:` hashes conflict.
    pub fn recorded_sum(&self, path: &str, version: &str) -> Option<&str> {
        single_h1(self.hashes(path, version))
    }

    /// `haveModSumLocked` for the main go.sum: walks the recorded hashes in
    /// file order; the computed hash `h` is verified if it appears before any
    /// different `h1:` hash, a mismatch otherwise.
    pub fn check(&self, path: &str, version: &str, h: &str) -> SumCheck<'_> {
        self.check_for(SumKeyRef::of(path, version), h)
    }

    fn check_for(&self, key: SumKeyRef<'_>, h: &str) -> SumCheck<'_> {
        for vh in self.hashes_for(key) {
            if vh == h {
                return SumCheck::Verified;
            }
            if vh.starts_with(H1_PREFIX) {
                return SumCheck::Mismatch { recorded: vh };
            }
        }
        SumCheck::NotRecorded
    }
}

/// The fatal checksum-mismatch error of `haveModSumLocked`. Displays as Go
/// prints it, without the final newline.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "verifying {path}@{version}: checksum mismatch\n\tdownloaded: {downloaded}\n\t{sum_file_name}:     {recorded}\n\nSECURITY ERROR\nThis download does NOT match an earlier download recorded in go.sum.\nThe bits may have been replaced on the origin server, or an attacker may\nhave intercepted the download attempt.\n\nFor more information, see 'go help module-auth'."
)]
pub struct ChecksumMismatch {
    /// The module path.
    pub path: String,
    /// The version, with the `/go.mod` suffix for go.mod checks.
    pub version: String,
    /// The hash computed from the downloaded data.
    pub downloaded: String,
    /// `go.sum` (or `go.work.sum`) for the main sum file; the full file name
    /// for a workspace module's go.sum.
    pub sum_file_name: String,
    /// The conflicting recorded hash.
    pub recorded: String,
}

/// The go.sum files the Go command consults together (`modfetch.Fetcher`'s
/// sum state): the main file (`go.sum`, or `go.work.sum` in workspace mode)
/// and, in workspace mode, every workspace module's go.sum.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SumFiles {
    /// The main sum file.
    pub main: GoSum,
    /// Workspace modules' go.sum files (read-only sources), in go.work order.
    pub workspace: Vec<GoSum>,
}

impl SumFiles {
    /// `HaveSum`: an `h1:` hash for the key is in any of the files.
    pub fn have_sum(&self, path: &str, version: &str) -> bool {
        self.have_sum_for(SumKeyRef::of(path, version))
    }

    /// `HaveSum` for the go.mod of `path@version` (key `version/go.mod`),
    /// without building the key.
    pub fn have_go_mod_sum(&self, path: &str, version: &str) -> bool {
        self.have_sum_for(SumKeyRef {
            path,
            base: version,
            go_mod: true,
        })
    }

    fn have_sum_for(&self, key: SumKeyRef<'_>) -> bool {
        self.workspace
            .iter()
            .chain(std::iter::once(&self.main))
            .any(|f| f.have_sum_for(key))
    }

    /// Whether any of the files records a hash (of any algorithm) for the
    /// go.mod of `path@version`: without one, [`SumFiles::check_go_mod`]
    /// can only answer `Ok(false)`, whatever the hash.
    pub fn records_go_mod(&self, path: &str, version: &str) -> bool {
        let key = SumKeyRef {
            path,
            base: version,
            go_mod: true,
        };
        std::iter::once(&self.main)
            .chain(self.workspace.iter())
            .any(|f| f.records(key))
    }

    /// `RecordedSum`: the single `h1:` hash recorded for the key over all
    /// files; `None` if there is none or two differ.
    pub fn recorded_sum(&self, path: &str, version: &str) -> Option<&str> {
        single_h1(
            self.workspace
                .iter()
                .chain(std::iter::once(&self.main))
                .flat_map(|f| f.hashes(path, version)),
        )
    }

    /// `haveModSumLocked`: `Ok(true)` if the computed hash `h` is recorded,
    /// `Ok(false)` if no `h1:` hash is, and the fatal mismatch otherwise. The
    /// main file is checked first (named `go.sum`/`go.work.sum`), then the
    /// workspace files in order (named by their file name; Go visits them in
    /// map order, so with several conflicting files it may name another one).
    pub fn check(&self, path: &str, version: &str, h: &str) -> Result<bool, ChecksumMismatch> {
        self.check_for(SumKeyRef::of(path, version), h)
    }

    /// [`SumFiles::check`] for the go.mod of `path@version` (key
    /// `version/go.mod`), without building the key unless it mismatches.
    pub fn check_go_mod(
        &self,
        path: &str,
        version: &str,
        h: &str,
    ) -> Result<bool, ChecksumMismatch> {
        self.check_for(
            SumKeyRef {
                path,
                base: version,
                go_mod: true,
            },
            h,
        )
    }

    fn check_for(&self, key: SumKeyRef<'_>, h: &str) -> Result<bool, ChecksumMismatch> {
        let mismatch = |file: &str, recorded: &str| ChecksumMismatch {
            path: key.path.to_owned(),
            version: key.version(),
            downloaded: h.to_owned(),
            sum_file_name: file.to_owned(),
            recorded: recorded.to_owned(),
        };
        match self.main.check_for(key, h) {
            SumCheck::Verified => return Ok(true),
            SumCheck::Mismatch { recorded } => {
                return Err(mismatch(
                    main_sum_file_display_name(self.main.file_name()),
                    recorded,
                ))
            }
            SumCheck::NotRecorded => {}
        }
        let mut found = false;
        for f in &self.workspace {
            for vh in f.hashes_for(key) {
                if vh == h {
                    found = true;
                } else if vh.starts_with(H1_PREFIX) {
                    return Err(mismatch(f.file_name(), vh));
                }
            }
        }
        Ok(found)
    }
}

/// The name Go prints for the main sum file in mismatch errors: `go.work.sum`
/// if the file name ends so, `go.sum` otherwise (`haveModSumLocked`).
pub fn main_sum_file_display_name(file_name: &str) -> &'static str {
    if file_name.ends_with("go.work.sum") {
        "go.work.sum"
    } else {
        "go.sum"
    }
}

/// Parses a go.sum as `modfetch.readGoSum` does. `file_name` is only used in
/// the error message (Go prints the absolute path). Fields are kept as text;
/// invalid UTF-8 inside a field is replaced by U+FFFD (such a field can never
/// name a valid module path or version).
pub fn parse_go_sum(file_name: &str, data: &[u8]) -> Result<GoSum, GoSumError> {
    let mut sum = GoSum {
        file_name: file_name.to_owned(),
        ..GoSum::default()
    };
    for (i, line) in data.split(|&b| b == b'\n').enumerate() {
        let lineno = i + 1;
        let fields = go_fields(line);
        match fields.as_slice() {
            [] => continue,
            [path, version, hash] => {
                if *hash == EMPTY_GO_MOD_HASH.as_bytes() {
                    sum.legacy_lines.push(lineno);
                    continue;
                }
                let entry = GoSumEntry {
                    line: lineno,
                    path: String::from_utf8_lossy(path).into_owned(),
                    version: String::from_utf8_lossy(version).into_owned(),
                    hash: String::from_utf8_lossy(hash).into_owned(),
                };
                let key = SumKeyRef::of(&entry.path, &entry.version);
                // Inputs are at most 16 MiB, so entry indices fit in u32.
                let Ok(at) = u32::try_from(sum.entries.len()) else {
                    continue;
                };
                let h1 = entry.hash.starts_with(H1_PREFIX);
                match sum.index.get_mut(&key as &dyn SumKeyView) {
                    Some((_, last, any_h1)) => {
                        if let Some(slot) = sum.next_same_key.get_mut(*last as usize) {
                            *slot = at;
                        }
                        *last = at;
                        *any_h1 |= h1;
                    }
                    None => {
                        let owned = SumKey {
                            path: SmolStr::new(key.path),
                            base: SmolStr::new(key.base),
                            go_mod: key.go_mod,
                        };
                        sum.index.insert(owned, (at, at, h1));
                    }
                }
                sum.entries.push(entry);
                sum.next_same_key.push(NO_NEXT);
            }
            other => {
                return Err(GoSumError::WrongFieldCount {
                    file_name: file_name.to_owned(),
                    line: lineno,
                    fields: other.len(),
                })
            }
        }
    }
    Ok(sum)
}

/// `strings.Fields` on bytes: splits around runs of Unicode white space
/// (`unicode.IsSpace`, the same set as Rust's `char::is_whitespace`); bytes
/// that are not valid UTF-8 are never white space, as in Go.
fn go_fields(line: &[u8]) -> Vec<&[u8]> {
    // A go.sum line has three fields; every line of a large go.sum is
    // split, so the common ASCII line is split bytewise, with the ASCII
    // members of `unicode.IsSpace` (`\t`, `\n`, `\v`, `\f`, `\r`, space;
    // the others are not ASCII).
    if line.is_ascii() {
        return line
            .split(|&b| matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' '))
            .filter(|f| !f.is_empty())
            .collect();
    }
    let mut fields = Vec::new();
    let mut start: Option<usize> = None;
    let mut pos = 0usize;
    for chunk in line.utf8_chunks() {
        for (off, c) in chunk.valid().char_indices() {
            let at = pos + off;
            if c.is_whitespace() {
                if let Some(s) = start.take() {
                    fields.extend(line.get(s..at));
                }
            } else if start.is_none() {
                start = Some(at);
            }
        }
        pos += chunk.valid().len();
        if !chunk.invalid().is_empty() && start.is_none() {
            start = Some(pos);
        }
        pos += chunk.invalid().len();
    }
    if let Some(s) = start {
        fields.extend(line.get(s..));
    }
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_match_go_strings_fields() {
        let f = go_fields;
        assert_eq!(f(b""), Vec::<&[u8]>::new());
        assert_eq!(f(b"  a \t b\r"), vec![&b"a"[..], b"b"]);
        // Vertical tab and form feed are white space (unlike u8::is_ascii_whitespace).
        assert_eq!(f(b"a\x0bb\x0cc\x1fd"), vec![&b"a"[..], b"b", b"c\x1fd"]);
        assert_eq!(
            f("a\u{a0}b\u{3000}c\u{85}".as_bytes()),
            vec![&b"a"[..], b"b", b"c"]
        );
        assert_eq!(
            f(b"\xffa \xe2\x80 b"),
            vec![&b"\xffa"[..], b"\xe2\x80", b"b"]
        );
        // U+200B (zero width space) is not white space in Go either.
        assert_eq!(f("a\u{200b}b".as_bytes()).len(), 1);
    }

    #[test]
    fn repeated_keys_keep_file_order() {
        let data = b"a v1 h1:1\nb v1 h1:x\na v1 h1:2\na v1/go.mod h1:m\na v1 zz:3\nb v1 h1:y\n";
        let sum = parse_go_sum("go.sum", data).expect("parses");
        assert_eq!(
            sum.hashes("a", "v1").collect::<Vec<_>>(),
            ["h1:1", "h1:2", "zz:3"]
        );
        assert_eq!(sum.hashes("b", "v1").collect::<Vec<_>>(), ["h1:x", "h1:y"]);
        assert_eq!(sum.go_mod_hashes("a", "v1").collect::<Vec<_>>(), ["h1:m"]);
        assert_eq!(sum.hashes("c", "v1").count(), 0);
        assert_eq!(sum.recorded_sum("a", "v1"), None);
        assert_eq!(
            sum.check("b", "v1", "h1:y"),
            SumCheck::Mismatch { recorded: "h1:x" }
        );
    }

    #[test]
    fn go_mod_lookups_match_suffixed_keys() {
        let data = b"a v1 h1:x\na v1/go.mod h1:y\na v1/go.mod/go.mod h1:z\na v1/go.mod zz:w\n";
        let sum = parse_go_sum("go.sum", data).expect("parses");
        fn all<'a>(it: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
            it.collect()
        }
        assert_eq!(all(sum.hashes("a", "v1")), ["h1:x"]);
        assert_eq!(all(sum.hashes("a", "v1/go.mod")), ["h1:y", "zz:w"]);
        assert_eq!(all(sum.go_mod_hashes("a", "v1")), ["h1:y", "zz:w"]);
        assert_eq!(all(sum.go_mod_hashes("a", "v1/go.mod")), ["h1:z"]);
        assert_eq!(all(sum.hashes("a", "v1/go.mod/go.mod")), ["h1:z"]);
        assert!(sum.hashes("a", "v2").next().is_none());
        assert!(sum.hashes("b", "v1").next().is_none());
        let files = SumFiles {
            main: sum,
            workspace: Vec::new(),
        };
        assert!(files.have_go_mod_sum("a", "v1"));
        assert!(files.records_go_mod("a", "v1"));
        assert!(!files.records_go_mod("a", "v2"));
        assert_eq!(files.check_go_mod("a", "v1", "h1:y"), Ok(true));
        let mismatch = files.check_go_mod("a", "v1", "h1:q").expect_err("mismatch");
        assert_eq!(mismatch.version, "v1/go.mod");
        assert_eq!(
            mismatch,
            files.check("a", "v1/go.mod", "h1:q").expect_err("same")
        );
    }
}
