//! Differential test against Go's own `cmd/go/internal/mvs`: the golden file
//! testdata/mvs/oracle.json was written by scripts/oracle/record-mvs-oracle.sh
//! (generated inputs + Go's answers). Every recorded answer is replayed:
//! algorithm results on random reqsMap graphs, incremental `mvs.Graph`
//! histories with the Go command's version order, BuildListError texts, and
//! the text of `Require`'s panics.

mod support;

use gomvs_graph::mvs::{
    self, GoErrorChain, Graph, InvalidVersionError, InvalidVersionRef, ModuleError, ModuleErrorRef,
    MvsError, TextError,
};
use gomvs_modfile::ModuleVersion;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;
use support::{ReqsMap, TestError};

type Pair = (String, String);

fn mv(p: &Pair) -> ModuleVersion {
    ModuleVersion::new(p.0.as_str(), p.1.as_str())
}

fn mvs_of(list: &[Pair]) -> Vec<ModuleVersion> {
    list.iter().map(mv).collect()
}

#[derive(serde::Deserialize)]
struct Oracle {
    go_version: String,
    #[serde(rename = "abstract")]
    abstract_cases: Vec<AbstractCase>,
    graphs: Vec<GraphCase>,
    errors: Vec<ErrorCase>,
    panics: Vec<PanicCase>,
    target_panics: Vec<TargetPanic>,
}

#[derive(serde::Deserialize)]
struct TargetPanic {
    name: String,
    reqs: Vec<ReqLine>,
    targets: Vec<Pair>,
    panic: String,
}

#[derive(serde::Deserialize)]
struct ReqLine {
    module: Pair,
    reqs: Vec<Pair>,
}

#[derive(serde::Deserialize)]
struct OpResult {
    op: String,
    target: Pair,
    #[serde(default)]
    args: Vec<Pair>,
    #[serde(default)]
    base: Vec<String>,
    want: Option<Vec<Pair>>,
    error: Option<String>,
}

#[derive(serde::Deserialize)]
struct AbstractCase {
    name: String,
    reqs: Vec<ReqLine>,
    ops: Vec<OpResult>,
}

#[derive(serde::Deserialize)]
struct FindResult {
    target: Pair,
    path: Vec<Pair>,
}

#[derive(serde::Deserialize)]
struct GraphCase {
    name: String,
    roots: Vec<Pair>,
    requires: Option<Vec<ReqLine>>,
    build_list: Vec<Pair>,
    walk: Vec<Pair>,
    selected: BTreeMap<String, String>,
    find_paths: Vec<FindResult>,
}

#[derive(serde::Deserialize, Clone)]
struct ErrSpec {
    kind: String,
    #[serde(default)]
    text: String,
    #[serde(default)]
    path: String,
    #[serde(default)]
    version: String,
    #[serde(default)]
    pseudo: bool,
    err: Option<Box<ErrSpec>>,
}

#[derive(serde::Deserialize)]
struct Injected {
    module: Pair,
    err: ErrSpec,
}

#[derive(serde::Deserialize)]
struct ErrorCase {
    name: String,
    reqs: Vec<ReqLine>,
    required_errors: Option<Vec<Injected>>,
    upgrade_errors: Option<Vec<Injected>>,
    op: OpResult,
    error_text: Option<String>,
    error_module: Option<Pair>,
}

#[derive(serde::Deserialize)]
struct PanicCase {
    name: String,
    roots: Vec<Pair>,
    requires: Vec<ReqLine>,
    panic: String,
}

/// A Go error value rebuilt from the oracle's description, using the
/// library's `ModuleError` / `InvalidVersionError` / `TextError`.
#[derive(Debug, Clone)]
struct OracleError(Arc<OracleErrorKind>);

#[derive(Debug)]
enum OracleErrorKind {
    Text(TextError),
    Module(ModuleError),
    InvalidVersion(InvalidVersionError),
    /// `fmt.Errorf(text + "%w", err)`.
    Wrap(String, OracleError),
}

impl OracleError {
    fn build(spec: &ErrSpec) -> OracleError {
        let inner = || {
            let spec = spec
                .err
                .as_deref()
                .unwrap_or_else(|| panic!("{} without err", spec.kind));
            OracleError::build(spec)
        };
        let kind = match spec.kind.as_str() {
            "text" => OracleErrorKind::Text(TextError(spec.text.clone())),
            "module" => OracleErrorKind::Module(ModuleError {
                path: spec.path.clone(),
                version: spec.version.clone(),
                err: Box::new(inner()),
            }),
            "invalid_version" => OracleErrorKind::InvalidVersion(InvalidVersionError {
                version: spec.version.clone(),
                pseudo: spec.pseudo,
                err: Box::new(inner()),
            }),
            "wrap" => OracleErrorKind::Wrap(spec.text.clone(), inner()),
            other => panic!("unknown error kind {other}"),
        };
        OracleError(Arc::new(kind))
    }
}

impl std::fmt::Display for OracleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &*self.0 {
            OracleErrorKind::Text(e) => e.fmt(f),
            OracleErrorKind::Module(e) => e.fmt(f),
            OracleErrorKind::InvalidVersion(e) => e.fmt(f),
            OracleErrorKind::Wrap(text, e) => write!(f, "{text}{e}"),
        }
    }
}

impl std::error::Error for OracleError {}

impl GoErrorChain for OracleError {
    fn as_module_error(&self) -> Option<ModuleErrorRef<'_>> {
        match &*self.0 {
            OracleErrorKind::Module(e) => e.as_module_error(),
            _ => None,
        }
    }

    fn find_module_error(&self) -> Option<(&str, &str)> {
        match &*self.0 {
            OracleErrorKind::Module(e) => e.find_module_error(),
            OracleErrorKind::Wrap(_, e) => e.find_module_error(),
            _ => None,
        }
    }

    fn as_invalid_version_error(&self) -> Option<InvalidVersionRef<'_>> {
        match &*self.0 {
            OracleErrorKind::InvalidVersion(e) => e.as_invalid_version_error(),
            _ => None,
        }
    }
}

impl TestError for OracleError {
    fn text(message: String) -> Self {
        OracleError(Arc::new(OracleErrorKind::Text(TextError(message))))
    }
}

fn oracle() -> Oracle {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../testdata/mvs/oracle.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (record it with scripts/oracle/record-mvs-oracle.sh)",
            path.display()
        )
    });
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn reqs_map<E: TestError>(lines: &[ReqLine]) -> ReqsMap<E> {
    let mut reqs = BTreeMap::new();
    for l in lines {
        reqs.insert(mv(&l.module), mvs_of(&l.reqs).into());
    }
    ReqsMap::new(reqs)
}

fn run<E: TestError>(op: &OpResult, reqs: &ReqsMap<E>) -> mvs::MvsResult<E> {
    let base: Vec<&str> = op.base.iter().map(String::as_str).collect();
    support::run_op(&op.op, &mv(&op.target), &mvs_of(&op.args), &base, reqs)
        .unwrap_or_else(|| panic!("unknown op {}", op.op))
}

/// Compares one result with Go's; returns a failure description.
fn check<E: TestError>(
    name: &str,
    op: &OpResult,
    got: Result<Vec<ModuleVersion>, MvsError<E>>,
) -> Option<String> {
    let want = op.want.as_deref().map(mvs_of);
    match (got, want, &op.error) {
        (Ok(got), Some(want), None) if got == want => None,
        (Err(e), None, Some(text)) if e.to_string() == *text => None,
        (got, want, error) => Some(format!(
            "{name} {} {:?} args {:?} base {:?}:\n  got  {:?}\n  want {:?} / error {:?}",
            op.op,
            op.target,
            op.args,
            op.base,
            got.map_err(|e| e.to_string()),
            want,
            error
        )),
    }
}

#[test]
fn algorithms_match_go_on_random_graphs() {
    let oracle = oracle();
    assert_eq!(oracle.go_version, "go1.27.3");
    let mut failures = Vec::new();
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for case in &oracle.abstract_cases {
        let reqs: ReqsMap<TextError> = reqs_map(&case.reqs);
        for op in &case.ops {
            *counts.entry(op.op.clone()).or_default() += 1;
            if let Some(f) = check(&case.name, op, run(op, &reqs)) {
                failures.push(f);
            }
        }
    }
    let total: usize = counts.values().sum();
    println!("abstract ops checked against go: {total} {counts:?}");
    assert!(total > 2000);
    assert!(
        failures.is_empty(),
        "{} of {total} ops differ from go:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn graph_matches_go_with_the_go_version_order() {
    let oracle = oracle();
    let mut failures = Vec::new();
    let mut finds = 0;
    for case in &oracle.graphs {
        let mut g = Graph::with_go_order(mvs_of(&case.roots));
        for l in case.requires.as_deref().unwrap_or(&[]) {
            g.require(&mv(&l.module), mvs_of(&l.reqs))
                .unwrap_or_else(|e| panic!("{}: {e}", case.name));
        }
        for l in case.requires.as_deref().unwrap_or(&[]) {
            let got: Vec<ModuleVersion> = g
                .required_by(&mv(&l.module))
                .map(|r| r.cloned().collect())
                .unwrap_or_default();
            assert_eq!(got, mvs_of(&l.reqs), "{}: required_by", case.name);
        }
        let build_list = g.build_list();
        if build_list != mvs_of(&case.build_list) {
            failures.push(format!(
                "{}: build list {build_list:?}, go {:?}",
                case.name, case.build_list
            ));
        }
        let mut walk = Vec::new();
        g.walk_breadth_first(|m| walk.push(m.clone()));
        if walk != mvs_of(&case.walk) {
            failures.push(format!("{}: walk {walk:?}, go {:?}", case.name, case.walk));
        }
        for (path, version) in &case.selected {
            if g.selected(path) != version {
                failures.push(format!(
                    "{}: selected({path}) = {}, go {version}",
                    case.name,
                    g.selected(path)
                ));
            }
        }
        for f in &case.find_paths {
            finds += 1;
            let target = mv(&f.target);
            let path = g.find_path(|m| *m == target);
            if path != mvs_of(&f.path) {
                failures.push(format!(
                    "{}: find_path({target}) = {path:?}, go {:?}",
                    case.name, f.path
                ));
            }
        }
    }
    println!(
        "graphs checked against go: {} (find_path calls: {finds})",
        oracle.graphs.len()
    );
    assert!(
        failures.is_empty(),
        "{} differences:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn build_list_errors_match_go_byte_for_byte() {
    let oracle = oracle();
    let mut failures = Vec::new();
    let mut errors = 0;
    for case in &oracle.errors {
        let mut reqs: ReqsMap<OracleError> = reqs_map(&case.reqs);
        for i in case.required_errors.as_deref().unwrap_or(&[]) {
            reqs.required_errors
                .insert(mv(&i.module), OracleError::build(&i.err));
        }
        for i in case.upgrade_errors.as_deref().unwrap_or(&[]) {
            reqs.upgrade_errors
                .insert(mv(&i.module), OracleError::build(&i.err));
        }
        let got = run(&case.op, &reqs);
        if let (Err(MvsError::BuildList(e)), Some(want)) = (&got, &case.error_module) {
            if e.module() != mv(want) {
                failures.push(format!(
                    "{}: module {:?}, go {want:?}",
                    case.name,
                    e.module()
                ));
            }
        }
        if got.is_err() {
            errors += 1;
        }
        assert_eq!(case.op.error, case.error_text);
        if let Some(f) = check(&case.name, &case.op, got) {
            failures.push(f);
        }
    }
    println!(
        "error cases checked against go: {} ({errors} errors)",
        oracle.errors.len()
    );
    assert!(errors > 100);
    assert!(
        failures.is_empty(),
        "{} differences:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn require_misuse_is_reported_with_go_panic_text() {
    let oracle = oracle();
    for case in &oracle.panics {
        let mut g = Graph::with_go_order(mvs_of(&case.roots));
        let mut results: Vec<Result<(), String>> = case
            .requires
            .iter()
            .map(|l| {
                g.require(&mv(&l.module), mvs_of(&l.reqs))
                    .map_err(|e| e.to_string())
            })
            .collect();
        let last = results.pop();
        assert!(results.iter().all(Result::is_ok), "{}", case.name);
        assert_eq!(last, Some(Err(case.panic.clone())), "{}", case.name);
    }
}

#[test]
fn unselected_targets_are_reported_with_go_panic_text() {
    let oracle = oracle();
    assert!(!oracle.target_panics.is_empty());
    for case in &oracle.target_panics {
        let reqs: ReqsMap<TextError> = reqs_map(&case.reqs);
        let got = mvs::build_list(&mvs_of(&case.targets), &reqs);
        assert!(
            matches!(got, Err(MvsError::TargetNotSelected { .. })),
            "{}",
            case.name
        );
        let text = got.map_err(|e| e.to_string()).err();
        assert_eq!(text.as_deref(), Some(case.panic.as_str()), "{}", case.name);
    }
}
