//! Checks every entry of `testdata/versions-table.json`, the answers of the
//! real go (x/mod/semver, x/mod/module, cmd/go/internal/gover) recorded by
//! `scripts/record-version-table.sh`, against the Rust ports.

use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::fmt::Debug;
use std::path::PathBuf;

use gomvs_modfile::module::{self, ModuleVersion};
use gomvs_modfile::syntax::text;
use gomvs_modfile::{gover, pseudo, semver};
use serde::Deserialize;

/// Go's `(value, error)` pair; `err` is Go's error text or `""`.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
struct GoResult {
    ok: String,
    err: String,
}

impl<E: ToString> From<Result<String, E>> for GoResult {
    fn from(r: Result<String, E>) -> Self {
        match r {
            Ok(ok) => GoResult {
                ok,
                err: String::new(),
            },
            Err(e) => GoResult {
                ok: String::new(),
                err: e.to_string(),
            },
        }
    }
}

#[derive(Debug, Deserialize)]
struct VersionRow {
    v: String,
    is_valid: bool,
    canonical: String,
    major: String,
    major_minor: String,
    prerelease: String,
    build: String,
    canonical_version: String,
    is_pseudo: bool,
    is_zero_pseudo: bool,
    pseudo_base: GoResult,
    pseudo_time: GoResult,
    pseudo_rev: GoResult,
    escape_version: GoResult,
    unescape_version: GoResult,
}

#[derive(Debug, Deserialize)]
struct GoVersionRow {
    v: String,
    is_valid: bool,
    lang: String,
    is_lang: bool,
    is_prerelease: bool,
}

#[derive(Debug, Deserialize)]
struct ToolchainRow {
    name: String,
    from_toolchain: String,
}

#[derive(Debug, Deserialize)]
struct ModVersionRow {
    path: String,
    v: String,
    is_valid: bool,
    is_prefix: bool,
    is_prerelease: bool,
    major_minor: String,
}

#[derive(Debug, Deserialize)]
struct PathRow {
    path: String,
    check_path: String,
    check_import_path: String,
    check_file_path: String,
    escape_path: GoResult,
    unescape_path: GoResult,
    split_prefix: String,
    split_major: String,
    split_ok: bool,
}

#[derive(Debug, Deserialize)]
struct PathMajorRow {
    path_major: String,
    prefix: GoResult,
    check: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct CheckRow {
    path: String,
    version: String,
    err: String,
}

#[derive(Debug, Deserialize)]
struct PseudoBuildRow {
    major: String,
    older: String,
    timestamp: String,
    rev: String,
    result: String,
}

#[derive(Debug, Deserialize)]
struct SortRow {
    input: Vec<(String, String)>,
    module_sort: Vec<(String, String)>,
    mod_sort: Vec<(String, String)>,
}

#[derive(Debug, Deserialize)]
struct Table {
    go_version: String,
    versions: Vec<VersionRow>,
    compare_versions: Vec<String>,
    compare: Vec<String>,
    max: Vec<String>,
    semver_sort: Vec<String>,
    go_versions: Vec<GoVersionRow>,
    go_compare: Vec<String>,
    go_max: Vec<String>,
    toolchains: Vec<ToolchainRow>,
    toolchain_compare_versions: Vec<String>,
    toolchain_compare: Vec<String>,
    mod_versions: Vec<ModVersionRow>,
    paths: Vec<PathRow>,
    major_versions: Vec<String>,
    path_majors: Vec<PathMajorRow>,
    checks: Vec<CheckRow>,
    pseudo_builds: Vec<PseudoBuildRow>,
    zero_pseudo: BTreeMap<String, String>,
    sorts: Vec<SortRow>,
}

fn load() -> Table {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("testdata/versions-table.json");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("cannot parse {}: {e}", path.display()))
}

/// Collects comparisons; fails at the end listing every mismatch.
#[derive(Default)]
struct Checker {
    passed: usize,
    failures: Vec<String>,
}

impl Checker {
    fn eq<T: PartialEq + Debug>(&mut self, what: &str, input: impl Debug, got: T, want: T) {
        if got == want {
            self.passed += 1;
        } else {
            self.failures
                .push(format!("{what}({input:?}): got {got:?}, go says {want:?}"));
        }
    }

    fn finish(self, name: &str) {
        println!(
            "{name}: {} checks passed, {} failed",
            self.passed,
            self.failures.len()
        );
        assert!(
            self.failures.is_empty(),
            "{name}: {} mismatches with go:\n{}",
            self.failures.len(),
            self.failures.join("\n")
        );
        assert!(self.passed > 0, "{name}: nothing was checked");
    }
}

fn cmp_char(o: Ordering) -> char {
    match o {
        Ordering::Less => '<',
        Ordering::Equal => '=',
        Ordering::Greater => '>',
    }
}

fn check_matrix(
    c: &mut Checker,
    what: &str,
    vs: &[String],
    rows: &[String],
    cmp: impl Fn(&str, &str) -> Ordering,
) {
    assert_eq!(vs.len(), rows.len(), "{what}: matrix size");
    for (a, row) in vs.iter().zip(rows) {
        let want: Vec<char> = row.chars().collect();
        assert_eq!(want.len(), vs.len(), "{what}: row size for {a:?}");
        for (b, &w) in vs.iter().zip(&want) {
            c.eq(what, (a, b), cmp_char(cmp(a, b)), w);
        }
    }
}

fn err_text<E: ToString>(r: Result<(), E>) -> String {
    r.err().map(|e| e.to_string()).unwrap_or_default()
}

fn to_modules(list: &[(String, String)]) -> Vec<ModuleVersion> {
    list.iter()
        .map(|(p, v)| ModuleVersion::new(p.as_str(), v.as_str()))
        .collect()
}

#[test]
fn table_was_recorded_by_the_emulated_go() {
    let t = load();
    assert_eq!(t.go_version, format!("go{}", gover::LOCAL));
}

#[test]
fn semver_functions_match_go() {
    let t = load();
    let mut c = Checker::default();
    for r in &t.versions {
        let v = r.v.as_str();
        c.eq("semver.IsValid", v, semver::is_valid(v), r.is_valid);
        c.eq(
            "semver.Canonical",
            v,
            semver::canonical(v),
            r.canonical.clone(),
        );
        c.eq("semver.Major", v, semver::major(v), r.major.clone());
        c.eq(
            "semver.MajorMinor",
            v,
            semver::major_minor(v),
            r.major_minor.clone(),
        );
        c.eq(
            "semver.Prerelease",
            v,
            semver::prerelease(v),
            r.prerelease.clone(),
        );
        c.eq("semver.Build", v, semver::build(v), r.build.clone());
        c.eq(
            "module.CanonicalVersion",
            v,
            module::canonical_version(v),
            r.canonical_version.clone(),
        );
    }
    let cv = &t.compare_versions;
    for (i, want) in t.max.iter().enumerate() {
        let (a, b) = (&cv[i], &cv[(i + 1) % cv.len()]);
        c.eq("semver.Max", (a, b), semver::max(a, b), want.clone());
    }
    let mut sorted = cv.clone();
    semver::sort(&mut sorted);
    c.eq("semver.Sort", cv.len(), sorted, t.semver_sort.clone());
    c.finish("semver");
}

#[test]
fn semver_compare_matches_go_on_every_pair() {
    let t = load();
    let mut c = Checker::default();
    check_matrix(
        &mut c,
        "semver.Compare",
        &t.compare_versions,
        &t.compare,
        semver::compare,
    );
    c.finish("semver.Compare pairs");
}

#[test]
fn pseudo_versions_match_go() {
    let t = load();
    let mut c = Checker::default();
    for r in &t.versions {
        let v = r.v.as_str();
        c.eq(
            "module.IsPseudoVersion",
            v,
            pseudo::is_pseudo_version(v),
            r.is_pseudo,
        );
        c.eq(
            "module.IsZeroPseudoVersion",
            v,
            pseudo::is_zero_pseudo_version(v),
            r.is_zero_pseudo,
        );
        c.eq(
            "module.PseudoVersionBase",
            v,
            GoResult::from(pseudo::pseudo_version_base(v)),
            r.pseudo_base.clone(),
        );
        c.eq(
            "module.PseudoVersionTime",
            v,
            GoResult::from(pseudo::pseudo_version_time(v)),
            r.pseudo_time.clone(),
        );
        c.eq(
            "module.PseudoVersionRev",
            v,
            GoResult::from(pseudo::pseudo_version_rev(v)),
            r.pseudo_rev.clone(),
        );
    }
    for r in &t.pseudo_builds {
        c.eq(
            "module.PseudoVersion",
            (&r.major, &r.older, &r.timestamp, &r.rev),
            pseudo::pseudo_version(&r.major, &r.older, &r.timestamp, &r.rev),
            r.result.clone(),
        );
    }
    for (major, want) in &t.zero_pseudo {
        c.eq(
            "module.ZeroPseudoVersion",
            major,
            pseudo::zero_pseudo_version(major),
            want.clone(),
        );
    }
    c.finish("pseudo-versions");
}

#[test]
fn go_versions_match_go() {
    let t = load();
    let mut c = Checker::default();
    for r in &t.go_versions {
        let v = r.v.as_str();
        c.eq("gover.IsValid", v, gover::is_valid(v), r.is_valid);
        c.eq("gover.Lang", v, gover::lang(v), r.lang.clone());
        c.eq("gover.IsLang", v, gover::is_lang(v), r.is_lang);
        c.eq(
            "gover.IsPrerelease",
            v,
            gover::is_prerelease(v),
            r.is_prerelease,
        );
    }
    let gv: Vec<String> = t.go_versions.iter().map(|r| r.v.clone()).collect();
    check_matrix(&mut c, "gover.Compare", &gv, &t.go_compare, gover::compare);
    for (i, want) in t.go_max.iter().enumerate() {
        let (a, b) = (&gv[i], &gv[(i + 1) % gv.len()]);
        c.eq(
            "gover.Max",
            (a, b),
            gover::max(a, b).to_string(),
            want.clone(),
        );
    }
    for r in &t.toolchains {
        c.eq(
            "gover.FromToolchain",
            &r.name,
            gover::from_toolchain(&r.name),
            r.from_toolchain.clone(),
        );
    }
    check_matrix(
        &mut c,
        "gover.ModCompare(toolchain)",
        &t.toolchain_compare_versions,
        &t.toolchain_compare,
        |a, b| gover::mod_compare("toolchain", a, b),
    );
    for r in &t.mod_versions {
        let input = (&r.path, &r.v);
        c.eq(
            "gover.ModIsValid",
            input,
            gover::mod_is_valid(&r.path, &r.v),
            r.is_valid,
        );
        c.eq(
            "gover.ModIsPrefix",
            input,
            gover::mod_is_prefix(&r.path, &r.v),
            r.is_prefix,
        );
        c.eq(
            "gover.ModIsPrerelease",
            input,
            gover::mod_is_prerelease(&r.path, &r.v),
            r.is_prerelease,
        );
        c.eq(
            "gover.ModMajorMinor",
            input,
            gover::mod_major_minor(&r.path, &r.v),
            r.major_minor.clone(),
        );
    }
    c.finish("gover");
}

#[test]
fn module_paths_match_go() {
    let t = load();
    let mut c = Checker::default();
    let mut raw_inputs = 0;
    for r in &t.paths {
        let p = r.path.as_str();
        // gomvs strings hold go bytes: U+10FF80..U+10FFFF stand for the raw
        // (invalid UTF-8) bytes 0x80..0xFF (syntax::text::go_string). The
        // table's literal U+10FFFF is therefore the byte 0xff to gomvs, for
        // which go's checkPath fails first with `invalid UTF-8` (measured
        // with go.mod bytes in crates/gomvs-cli/tests/hardening.rs).
        if p.chars().any(|ch| text::raw_byte(ch).is_some()) {
            raw_inputs += 1;
            let q = text::quote(p);
            for (what, got, kind) in [
                (
                    "module.CheckPath",
                    err_text(module::check_path(p)),
                    "module",
                ),
                (
                    "module.CheckImportPath",
                    err_text(module::check_import_path(p)),
                    "import",
                ),
                (
                    "module.CheckFilePath",
                    err_text(module::check_file_path(p)),
                    "file",
                ),
            ] {
                c.eq(
                    what,
                    p,
                    got,
                    format!("malformed {kind} path {q}: invalid UTF-8"),
                );
            }
            assert!(
                raw_inputs <= 4,
                "more raw-byte inputs than expected in the table"
            );
            continue;
        }
        c.eq(
            "module.CheckPath",
            p,
            err_text(module::check_path(p)),
            r.check_path.clone(),
        );
        c.eq(
            "module.CheckImportPath",
            p,
            err_text(module::check_import_path(p)),
            r.check_import_path.clone(),
        );
        c.eq(
            "module.CheckFilePath",
            p,
            err_text(module::check_file_path(p)),
            r.check_file_path.clone(),
        );
        c.eq(
            "module.EscapePath",
            p,
            GoResult::from(module::escape_path(p)),
            r.escape_path.clone(),
        );
        c.eq(
            "module.UnescapePath",
            p,
            GoResult::from(module::unescape_path(p)),
            r.unescape_path.clone(),
        );
        let want = if r.split_ok {
            Some((r.split_prefix.clone(), r.split_major.clone()))
        } else {
            None
        };
        c.eq(
            "module.SplitPathVersion",
            p,
            module::split_path_version(p),
            want,
        );
    }
    for r in &t.versions {
        let v = r.v.as_str();
        c.eq(
            "module.EscapeVersion",
            v,
            GoResult::from(module::escape_version(v)),
            r.escape_version.clone(),
        );
        c.eq(
            "module.UnescapeVersion",
            v,
            GoResult::from(module::unescape_version(v)),
            r.unescape_version.clone(),
        );
    }
    for r in &t.path_majors {
        let pm = r.path_major.as_str();
        let want = if r.prefix.err == "panic" {
            None
        } else {
            Some(r.prefix.ok.clone())
        };
        c.eq(
            "module.PathMajorPrefix",
            pm,
            module::path_major_prefix(pm),
            want,
        );
        assert_eq!(r.check.len(), t.major_versions.len());
        for (v, want) in t.major_versions.iter().zip(&r.check) {
            c.eq(
                "module.CheckPathMajor",
                (v, pm),
                err_text(module::check_path_major(v, pm)),
                want.clone(),
            );
            c.eq(
                "module.MatchPathMajor",
                (v, pm),
                module::match_path_major(v, pm),
                want.is_empty(),
            );
        }
    }
    for r in &t.checks {
        c.eq(
            "module.Check",
            (&r.path, &r.version),
            err_text(module::check(&r.path, &r.version)),
            r.err.clone(),
        );
    }
    c.finish("module paths");
}

#[test]
fn sorts_match_go() {
    let t = load();
    let mut c = Checker::default();
    for r in &t.sorts {
        let mut a = to_modules(&r.input);
        module::sort(&mut a);
        c.eq("module.Sort", &r.input, a, to_modules(&r.module_sort));
        let mut b = to_modules(&r.input);
        gover::mod_sort(&mut b);
        c.eq("gover.ModSort", &r.input, b, to_modules(&r.mod_sort));
    }
    c.finish("sorts");
}

/// `Version`'s `Ord`, `Eq` and `Hash` agree with go's `semver.Compare` on
/// every recorded pair; sorting `Version`s gives go's `semver.Sort` up to
/// the order of versions go compares equal.
#[test]
fn version_type_orders_as_go() {
    use gomvs_modfile::Version;
    use std::hash::{BuildHasher, RandomState};
    let t = load();
    let mut c = Checker::default();
    let hasher = RandomState::new();
    check_matrix(
        &mut c,
        "Version::cmp",
        &t.compare_versions,
        &t.compare,
        |a, b| Version::new(a).cmp(&Version::new(b)),
    );
    for a in &t.compare_versions {
        for b in &t.compare_versions {
            let (va, vb) = (Version::new(a.as_str()), Version::new(b.as_str()));
            let eq = va == vb;
            c.eq(
                "Version::eq",
                (a, b),
                eq,
                semver::compare(a, b) == Ordering::Equal,
            );
            if eq {
                c.eq(
                    "Version::hash of equal versions",
                    (a, b),
                    hasher.hash_one(&va),
                    hasher.hash_one(&vb),
                );
            }
        }
    }
    let mut sorted: Vec<Version> = t
        .compare_versions
        .iter()
        .map(|v| Version::new(v.as_str()))
        .collect();
    sorted.sort();
    let want: Vec<Version> = t
        .semver_sort
        .iter()
        .map(|v| Version::new(v.as_str()))
        .collect();
    // Equal under Ord is what go's sort may order either way: compare as Versions.
    c.eq("Version sort", t.compare_versions.len(), sorted, want);
    c.finish("Version");
}

/// `ModuleVersion`'s `Ord` is go's `module.Sort` order (ties, which go's
/// unstable sort leaves in any order, broken by the version text).
#[test]
fn module_version_ord_is_module_sort() {
    let t = load();
    let mut c = Checker::default();
    // module.Sort orders by path, then by the semver class of the version
    // before any `/suffix`; within a class go's comparator is not a strict
    // weak order (it says equal for `1.9` vs `1.21` but puts `1.21` before
    // `1.21/go.mod`), so its unstable sort may leave a class in any order.
    // Position by position the lists must hold the same path and class,
    // and the same modules overall.
    let vi = |m: &ModuleVersion| m.version.split('/').next().unwrap_or("").to_string();
    let text = |l: &[ModuleVersion]| {
        let mut l: Vec<String> = l
            .iter()
            .map(|m| format!("{} {}", m.path, m.version))
            .collect();
        l.sort();
        l
    };
    for r in &t.sorts {
        let mut a = to_modules(&r.input);
        a.sort();
        let go = to_modules(&r.module_sort);
        let same_classes = a.len() == go.len()
            && a.iter().zip(&go).all(|(x, y)| {
                x.path == y.path && semver::compare(&vi(x), &vi(y)) == Ordering::Equal
            });
        c.eq(
            "ModuleVersion::cmp is module.Sort",
            (&r.input, &a),
            (same_classes, text(&a)),
            (true, text(&go)),
        );
    }
    c.finish("ModuleVersion ord");
}
