//! The module-level part of `go get` as a dry run (`cmd/go/internal/modget`):
//! module arguments (`path@version`, `@latest`, `@upgrade`, `@patch`,
//! `@none`, `@<query>`, `path` alone, `-u`, `-u=patch`) resolved against the
//! initial build list, the requirements edited as `modload.EditBuildList`
//! does, and the go.mod / go.sum go would write, with go's stderr lines.
//!
//! Arguments are taken as module paths: gomvs reads no Go source, so an
//! argument that names packages (a path inside a module, `./...`, `all`)
//! is refused with an error saying so.

mod edit;

pub use edit::{edit_requirements, Conflict, EditOutcome};

use crate::loader::Loaded;
use crate::mvs;
use crate::query::{Allowed, Querier};
use crate::requirements::Requirements;
use gomvs_modfile::dirhash::{hash_go_mod, hash_zip};
use gomvs_modfile::edit::{Editor, NewRequire};
use gomvs_modfile::gover;
use gomvs_modfile::ModuleVersion;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// `-u` / `-u=patch`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum UpgradeFlag {
    /// No `-u`.
    #[default]
    None,
    /// `-u`: arguments without a version mean `@upgrade`.
    Upgrade,
    /// `-u=patch`: arguments without a version mean `@patch`.
    Patch,
}

/// What `go get` would do.
#[derive(Debug, Clone, Default)]
pub struct GetOutcome {
    /// go's stderr lines, in order (each complete, may contain newlines).
    pub stderr: Vec<String>,
    /// go's exit status.
    pub exit_code: i32,
    /// The go.mod before, as read.
    pub old_go_mod: Vec<u8>,
    /// The go.mod go would leave (the old bytes when go would not write it).
    pub new_go_mod: Vec<u8>,
    /// The go.sum before (empty when absent).
    pub old_go_sum: Vec<u8>,
    /// The go.sum go would leave.
    pub new_go_sum: Vec<u8>,
    /// The new requirements, when the command succeeded.
    pub requirements: Option<Requirements>,
    /// The build list after go get (empty when the command failed).
    pub build_list: Vec<ModuleVersion>,
    /// How many of the `stderr` lines come before `checkPackageProblems`
    /// (where go, in a workspace, loads the workspace and may stop).
    pub stderr_before_checks: usize,
    /// Whether go would reach `checkPackageProblems` (the edit succeeded).
    pub reached_checks: bool,
    /// What `reportChanges` reported (`go: upgraded ...` and the like,
    /// `go` and `toolchain` included), in go's order.
    pub changes: Vec<ReportedChange>,
}

/// One `go: added/upgraded/downgraded/removed` line, as data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportedChange {
    /// The module path (or `go`, `toolchain`).
    pub path: String,
    /// The version before (`""` when added).
    pub old: String,
    /// The version after (`""` or `none` when removed).
    pub new: String,
}

/// How [`get_with`] treats its arguments.
#[derive(Clone, Copy, Default)]
pub struct GetOptions<'a> {
    /// Each argument is a module at a version the caller already resolved
    /// (`gomvs upgrades` asking what taking one candidate changes): the
    /// package check of `QueryPattern` (querying every module path prefix
    /// and downloading its zip) and the zip sums of `checkPackageProblems`
    /// are skipped, so no zip is needed. go.mod, stderr and the build list
    /// are the ones of [`get`]; go.sum lacks the `h1:` lines of zips.
    pub modules_only: bool,
    /// The main module is a module of the go.work go found (`go get` in a
    /// workspace): `checkPackageProblems`' `EnterWorkspace` updates the
    /// main go.mod in memory (`UpdateGoModFromReqs` edits the `modfile.File`
    /// in place), so `reportChanges` sees the new requirements as the old
    /// ones: go and toolchain changes are not reported, nor explicit
    /// requirements that left the build list unless an argument named them.
    pub workspace_member: bool,
    /// With `workspace_member`: the workspace `EnterWorkspace` loaded. The
    /// retraction and deprecation checks of `checkPackageProblems` run in
    /// it (its replacements and exclusions apply).
    pub workspace: Option<&'a crate::loader::Session>,
}

#[derive(Debug, Clone)]
struct Query {
    raw: String,
    raw_version: String,
    pattern: String,
    version: String,
}

impl Query {
    /// `query.ResolvedString`.
    fn resolved_string(&self, m: &ModuleVersion) -> String {
        if m.path != self.pattern {
            if m.version != self.version {
                return format!("{m} (matching {}@{})", self.pattern, self.version);
            }
            return format!("{m} (matching {})", self.raw);
        }
        if m.version != self.version {
            return format!("{}@{} ({})", self.pattern, self.version, m.version);
        }
        self.raw.clone()
    }
}

/// `(?m)(?:[ \t(\"`]|^)` + needle + `(?:[ @:;)\"`]|$)` and the like.
fn bounded_match(hay: &str, needle: &str, before: &[u8], after: &[u8]) -> bool {
    if needle.is_empty() {
        return false;
    }
    let b = hay.as_bytes();
    let mut start = 0;
    while let Some(i) = hay[start..].find(needle) {
        let i = start + i;
        let j = i + needle.len();
        let ok_before = i == 0 || b[i - 1] == b'\n' || before.contains(&b[i - 1]);
        let ok_after = j == b.len() || b[j] == b'\n' || after.contains(&b[j]);
        if ok_before && ok_after {
            return true;
        }
        start = i + 1;
        while !hay.is_char_boundary(start) {
            start += 1;
        }
    }
    false
}

/// `reportError`.
fn report_error(q: &Query, err: &str) -> String {
    if bounded_match(err, &q.pattern, b" \t(\"`", b" @:;)\"`") {
        if q.raw_version.is_empty() {
            return format!("go: {err}");
        }
        if bounded_match(err, &q.version, b" @(\"`", b" :;)\"`") {
            return format!("go: {err}");
        }
    }
    if q.raw.is_empty() {
        format!("go: {err}")
    } else {
        format!("go: {}: {err}", q.raw)
    }
}

/// Why an argument is not a module argument gomvs can resolve.
fn package_argument(pattern: &str) -> Option<&'static str> {
    if pattern.contains("...") {
        return Some("a wildcard pattern");
    }
    if matches!(pattern, "all" | "std" | "cmd" | "tool" | "work") {
        return Some("a package meta-pattern");
    }
    if pattern == "."
        || pattern == ".."
        || pattern.starts_with("./")
        || pattern.starts_with("../")
        || pattern.starts_with('/')
    {
        return Some("a local package path");
    }
    if pattern == "go" || pattern == "toolchain" {
        return Some("a toolchain argument (go@, toolchain@), which gomvs does not resolve yet");
    }
    None
}

/// The error for a package argument.
pub fn package_argument_error(arg: &str, why: &str) -> String {
    format!(
        "gomvs: {arg}: {why}: package arguments need Go source analysis (import paths, packages in module zips), which gomvs does not do; name modules instead"
    )
}

fn fail(mut out: GetOutcome, lines: Vec<String>) -> GetOutcome {
    out.stderr.extend(lines);
    out.exit_code = 1;
    out.new_go_mod = out.old_go_mod.clone();
    out.new_go_sum = out.old_go_sum.clone();
    out
}

/// Runs `go get ARGS` on a load made with `-mod=mod` semantics.
pub fn get(loaded: &Loaded, args: &[String], upgrade: UpgradeFlag) -> GetOutcome {
    get_with(loaded, args, upgrade, GetOptions::default())
}

/// [`get`] with options (see [`GetOptions`]).
pub fn get_with(
    loaded: &Loaded,
    args: &[String],
    upgrade: UpgradeFlag,
    opts: GetOptions<'_>,
) -> GetOutcome {
    let s = &loaded.session;
    let mut out = GetOutcome::default();
    let Some(main) = s.mains.first() else {
        return fail(
            out,
            vec![format!("go: {}", crate::loader::GET_OUTSIDE_MODULE)],
        );
    };
    let gomod_path = main.go_mod_path.clone();
    out.old_go_mod = s
        .config
        .files
        .read(&gomod_path)
        .map(|d| d.to_vec())
        .unwrap_or_default();
    out.old_go_sum = s
        .config
        .files
        .read(&main.root.join("go.sum"))
        .map(|d| d.to_vec())
        .unwrap_or_default();
    if s.in_workspace() {
        return fail(
            out,
            vec!["gomvs: get: workspace mode is not supported yet (set GOWORK=off)".to_string()],
        );
    }
    if let Some(e) = &loaded.error {
        return fail(out, vec![format!("go: {e}")]);
    }
    let initial: HashMap<String, String> = loaded
        .graph
        .build_list()
        .into_iter()
        .map(|m| (m.path.to_string(), m.version.to_string()))
        .collect();
    let initial_selected = |p: &str| -> String {
        initial
            .get(p)
            .cloned()
            .unwrap_or_else(|| mvs::NONE.to_string())
    };

    // parseArgs
    let mut queries: Vec<Query> = Vec::new();
    let mut errors: Vec<String> = Vec::new();
    for raw in args {
        let (pattern, raw_version, found) = match raw.split_once('@') {
            Some((p, v)) => (p.to_string(), v.to_string(), true),
            None => (raw.clone(), String::new(), false),
        };
        if found && (raw_version.contains('@') || raw_version.is_empty()) {
            errors.push(format!(
                "go: invalid module version syntax {}",
                gomvs_modfile::module::quote(raw)
            ));
            continue;
        }
        if let Some(why) = package_argument(&pattern) {
            return fail(out, vec![package_argument_error(raw, why)]);
        }
        let version = if raw_version.is_empty() {
            match upgrade {
                UpgradeFlag::None | UpgradeFlag::Upgrade => "upgrade".to_string(),
                UpgradeFlag::Patch => "patch".to_string(),
            }
        } else {
            raw_version.clone()
        };
        queries.push(Query {
            raw: raw.clone(),
            raw_version,
            pattern,
            version,
        });
    }
    if !errors.is_empty() {
        return fail(out, errors);
    }

    // performPathQueries + resolveQueries.
    let q = Querier::new(s);
    let mut seen: BTreeSet<(usize, String)> = BTreeSet::new();
    let mut candidates: Vec<(usize, Result<ModuleVersion, String>)> = Vec::new();
    let mut fetched_zips: Vec<ModuleVersion> = Vec::new();
    for (i, qu) in queries.iter().enumerate() {
        if !seen.insert((i, qu.pattern.clone())) {
            continue;
        }
        if qu.version == mvs::NONE {
            if s.is_main(&qu.pattern) {
                candidates.push((
                    i,
                    Err(format!(
                        "can't request version \"none\" of the main module ({})",
                        qu.pattern
                    )),
                ));
            } else {
                candidates.push((i, Ok(ModuleVersion::new(qu.pattern.as_str(), mvs::NONE))));
            }
            continue;
        }
        if s.is_main(&qu.pattern) {
            if qu.version == "upgrade" || qu.version == "patch" {
                // QueryPattern: the main module matches, but every other
                // module path prefix is queried too, and their error (none
                // can hold the package) is the query's.
                if module_prefixes(s, &qu.pattern).is_empty() {
                    candidates.push((i, Ok(ModuleVersion::new(qu.pattern.as_str(), ""))));
                    continue;
                }
                match query_pattern(
                    s,
                    &q,
                    &qu.pattern,
                    &qu.version,
                    &initial_selected,
                    Allowed::GetArgument,
                ) {
                    Err(PatternFailure::Fatal(text)) => return fail(out, vec![text]),
                    Err(PatternFailure::Query(e, zips)) => {
                        fetched_zips.extend(zips);
                        candidates.push((i, Err(e)));
                    }
                    Ok((m, zips)) => {
                        fetched_zips.extend(zips);
                        candidates.push((i, Ok(m)));
                    }
                }
            } else {
                candidates.push((
                    i,
                    Err(format!(
                        "can't request version {} of the main module ({})",
                        gomvs_modfile::module::quote(&qu.version),
                        qu.pattern
                    )),
                ));
            }
            continue;
        }
        let allowed = Allowed::GetArgument;
        if opts.modules_only {
            let current = initial_selected(&qu.pattern);
            candidates.push((
                i,
                q.query(&qu.pattern, &qu.version, &current, allowed)
                    .map(|rev| ModuleVersion::new(qu.pattern.as_str(), rev.version.as_str()))
                    .map_err(|e| e.text),
            ));
            continue;
        }
        match query_pattern(s, &q, &qu.pattern, &qu.version, &initial_selected, allowed) {
            Err(PatternFailure::Fatal(text)) => return fail(out, vec![text]),
            Err(PatternFailure::Query(e, zips)) => {
                fetched_zips.extend(zips);
                candidates.push((i, Err(e)));
            }
            Ok((m, zips)) => {
                fetched_zips.extend(zips);
                candidates.push((i, Ok(m)));
            }
        }
    }
    let mut resolved: BTreeMap<String, (String, usize)> = BTreeMap::new();
    let mut conflicted: Vec<bool> = vec![false; queries.len()];
    for (i, c) in &candidates {
        let qu = &queries[*i];
        match c {
            Err(e) => errors.push(report_error(qu, e)),
            Ok(m) => {
                if s.is_main(&m.path) && !m.version.is_empty() {
                    errors.push(report_error(
                        qu,
                        &format!(
                            "can't request version {} of the main module ({})",
                            gomvs_modfile::module::quote(&qu.version),
                            m.path
                        ),
                    ));
                    continue;
                }
                if let Some((v, j)) = resolved.get(m.path.as_str()) {
                    if *v != m.version {
                        if !conflicted[*i] {
                            conflicted[*i] = true;
                            let other = &queries[*j];
                            let arg = |q: &Query, v: &str| {
                                if v != q.version {
                                    format!("{}@{} ({v})", q.pattern, q.version)
                                } else {
                                    q.raw.clone()
                                }
                            };
                            let detail = if m.path != qu.pattern {
                                format!("for module {}, ", m.path)
                            } else {
                                String::new()
                            };
                            let e = format!(
                                "{detail}{} conflicts with {}",
                                arg(qu, &m.version),
                                arg(other, v)
                            );
                            errors.push(report_error(qu, &e));
                        }
                        continue;
                    }
                }
                resolved.insert(m.path.to_string(), (m.version.to_string(), *i));
            }
        }
    }
    if !errors.is_empty() {
        return fail(out, errors);
    }

    // updateBuildList
    let must_select: Vec<ModuleVersion> = resolved
        .iter()
        .filter(|(p, _)| !s.is_main(p))
        .map(|(p, (v, _))| ModuleVersion::new(p.as_str(), v.as_str()))
        .collect();
    let mut edit_stderr = Vec::new();
    let outcome = edit_requirements(
        s,
        &q,
        &loaded.requirements,
        &loaded.graph,
        &[],
        &must_select,
        &mut edit_stderr,
    );
    out.stderr.extend(edit_stderr);
    let rs = match outcome {
        EditOutcome::Error(e) => return fail(out, vec![format!("go: {e}")]),
        EditOutcome::Conflicts(cs) => {
            let reason = |m: &ModuleVersion| -> String {
                match resolved.get(m.path.as_str()) {
                    Some((v, i)) => queries[*i]
                        .resolved_string(&ModuleVersion::new(m.path.as_str(), v.as_str())),
                    None => format!("(INTERNAL ERROR: no reason found for {m})"),
                }
            };
            let mut lines = Vec::new();
            for c in &cs {
                let Some(first) = c.path.first() else {
                    continue;
                };
                let Some(last) = c.path.last() else { continue };
                let adverb = if c.path.len() > 2 { "indirectly " } else { "" };
                let first_reason = reason(first);
                match (c.unwrap_module_error(), &c.constraint) {
                    (Some(e), _) => {
                        lines.push(format!("go: {first_reason} {adverb}requires {last}: {e}"))
                    }
                    (None, Some(k)) => lines.push(format!(
                        "go: {first_reason} {adverb}requires {last}, not {}",
                        reason(k)
                    )),
                    (None, None) => {}
                }
            }
            return fail(out, lines);
        }
        EditOutcome::Edited { rs, .. } => rs,
    };
    let final_graph = s.read_mod_graph(rs.pruning, &rs.roots, &Default::default());
    if let Some(e) = &final_graph.error {
        return fail(out, vec![format!("go: {e}")]);
    }
    let final_list = final_graph.build_list();

    out.stderr_before_checks = out.stderr.len();
    out.reached_checks = true;
    // checkPackageProblems: go queues the retraction, deprecation and sum
    // work and waits for all of it: a zip checksum mismatch is fatal before
    // any message is printed.
    let mut sum_errors = Vec::new();
    for m in &final_list {
        let Some(old_v) = initial.get(m.path.as_str()) else {
            continue;
        };
        if old_v.is_empty() {
            continue;
        }
        let actual = s.replacement(m).map_or(m.clone(), |r| r.effective);
        let old = ModuleVersion::new(m.path.as_str(), old_v.as_str());
        let old_actual = s.replacement(&old).map_or(old.clone(), |r| r.effective);
        if opts.modules_only
            || actual == old_actual
            || actual.version.is_empty()
            || !s.has_sum(&old_actual.path, &old_actual.version)
        {
            continue;
        }
        match s.source().zip(&actual) {
            Ok(_) => {
                if let Some(mismatch) = verify_zip(s, &actual) {
                    return fail(out, vec![mismatch]);
                }
                fetched_zips.push(actual.clone())
            }
            Err(e) => {
                let verb = if gover::mod_compare(&m.path, &m.version, old_v).is_lt() {
                    "downgraded"
                } else {
                    "upgraded"
                };
                let replaced = if actual != *m {
                    format!(" (replaced by {actual})")
                } else {
                    String::new()
                };
                sum_errors.push(format!(
                    "go: {verb} {} {old_v} => {}{replaced}: error finding sum for {actual}: {}",
                    m.path,
                    m.version,
                    e.go_text()
                ));
            }
        }
    }
    // checkPackageProblems: deprecations, retractions, sums of updated modules.
    let mut deprecations = Vec::new();
    let mut retractions = Vec::new();
    let ws_querier = opts.workspace.map(|w| {
        let wq = Querier::new(w);
        wq.inherit_latest(&q);
        wq
    });
    let q = ws_querier.as_ref().unwrap_or(&q);
    for (p, (v, _)) in &resolved {
        let m = ModuleVersion::new(p.as_str(), v.as_str());
        if let Err(e) = q.check_retractions(&m) {
            if matches!(e.kind, crate::query::QueryErrorKind::Retracted(_)) {
                retractions.push((p.clone(), e.text));
            }
        }
        if let Ok(d) = q.check_deprecation(&m) {
            if !d.is_empty() {
                deprecations.push(format!(
                    "go: module {p} is deprecated: {}",
                    crate::query::short_message(&d, "")
                ));
            }
        }
    }
    out.stderr.extend(deprecations);
    let mut retract_path = String::new();
    for (p, msg) in &retractions {
        out.stderr.push(format!("go: warning: {msg}"));
        retract_path = if retract_path.is_empty() {
            p.clone()
        } else {
            "<module>".to_string()
        };
    }
    if !retract_path.is_empty() {
        out.stderr.push(format!(
            "go: to switch to the latest unretracted version, run:\n\tgo get {retract_path}@latest"
        ));
    }
    if !sum_errors.is_empty() {
        return fail(out, sum_errors);
    }

    // WriteGoMod (UpdateGoModFromReqs + the dirty check).
    let mut go_version = String::new();
    let mut toolchain = String::new();
    let mut list: Vec<NewRequire> = Vec::new();
    for m in &rs.roots {
        match m.path.as_str() {
            "go" => go_version = m.version.to_string(),
            "toolchain" => toolchain = m.version.to_string(),
            _ => list.push(NewRequire {
                module: m.clone(),
                indirect: !rs.direct.contains(m.path.as_str()),
            }),
        }
    }
    if gover::compare(&go_version, &s.config.local_go).is_gt() {
        return fail(
            out,
            vec![format!(
                "go: updating go.mod requires go >= {go_version} (running go {}; GOTOOLCHAIN={})",
                s.config.local_go, s.config.gotoolchain
            )],
        );
    }
    let mut ed = Editor::new(&main.file);
    if main.file.go.as_ref().map(|g| g.version.as_str()) != Some(go_version.as_str()) {
        ed.add_go_stmt(&go_version);
    }
    if toolchain.is_empty() {
        toolchain = format!("go{go_version}");
    }
    let tv = gover::from_toolchain(&toolchain);
    if toolchain == format!("go{go_version}")
        || gover::compare(&tv, gover::GO_STRICT_VERSION).is_lt()
    {
        ed.drop_toolchain_stmt();
    } else {
        ed.add_toolchain_stmt(&toolchain);
    }
    if gover::compare(&go_version, gover::SEPARATE_INDIRECT_VERSION).is_lt() {
        ed.set_require(&list);
    } else {
        ed.set_require_separate_indirect(
            &list,
            gover::compare(&go_version, gover::SIMPLIFY_REQUIRE_VERSION).is_ge(),
        );
    }
    ed.cleanup();
    let old_reqs: BTreeMap<ModuleVersion, bool> = main
        .file
        .require
        .iter()
        .map(|r| (r.module.clone(), r.indirect))
        .collect();
    let new_reqs = ed.requires();
    let dirty = main.index.data_needs_fix
        || ed.go_version() != main.file.go.as_ref().map(|g| g.version.as_str())
        || ed.toolchain() != main.file.toolchain.as_ref().map(|t| t.name.as_str())
        || new_reqs.len() != old_reqs.len()
        || new_reqs
            .iter()
            .any(|r| old_reqs.get(&r.module) != Some(&r.indirect));
    out.new_go_mod = if dirty {
        ed.format()
    } else {
        out.old_go_mod.clone()
    };

    // reportChanges
    let mut changes: BTreeMap<String, (String, String)> = BTreeMap::new();
    for (p, (v, _)) in &resolved {
        let old = initial.get(p).cloned().unwrap_or_default();
        if old != *v && (!old.is_empty() || v != mvs::NONE) {
            changes.insert(p.clone(), (old, v.clone()));
        }
    }
    let new_version: HashMap<String, String> = final_list
        .iter()
        .map(|m| (m.path.to_string(), m.version.to_string()))
        .collect();
    // loadModFile already added a missing go line to the in-memory go.mod
    // that reqsFromGoMod reads: it is the go root of the loaded requirements.
    let old_go = match &main.file.go {
        Some(g) => g.version.clone(),
        None => loaded
            .requirements
            .root_version("go")
            .unwrap_or_default()
            .to_string(),
    };
    let old_tc = main
        .file
        .toolchain
        .as_ref()
        .map(|t| t.name.clone())
        .unwrap_or_default();
    let new_go = ed.go_version().unwrap_or_default().to_string();
    let new_tc = ed.toolchain().unwrap_or_default().to_string();
    let (old_go, old_tc, old_reqs): (String, String, Vec<ModuleVersion>) = if opts.workspace_member
    {
        let reqs = new_reqs.iter().map(|r| r.module.clone()).collect();
        (new_go.clone(), new_tc.clone(), reqs)
    } else {
        let reqs = main.file.require.iter().map(|r| r.module.clone()).collect();
        (old_go, old_tc, reqs)
    };
    for m in &old_reqs {
        let new = new_version
            .get(m.path.as_str())
            .cloned()
            .unwrap_or_default();
        if m.version != new {
            changes.insert(m.path.to_string(), (m.version.to_string(), new));
        }
    }
    for r in &new_reqs {
        let old = initial
            .get(r.module.path.as_str())
            .cloned()
            .unwrap_or_default();
        if old != r.module.version {
            changes.insert(
                r.module.path.to_string(),
                (old, r.module.version.to_string()),
            );
        }
    }
    let mut lines = Vec::new();
    let mut reported = Vec::new();
    let mut report = |path: &str, old: &str, new: &str| {
        reported.push(ReportedChange {
            path: path.to_string(),
            old: old.to_string(),
            new: new.to_string(),
        });
        if old.is_empty() {
            lines.push(format!("go: added {path} {new}"));
        } else if new == mvs::NONE || new.is_empty() {
            lines.push(format!("go: removed {path} {old}"));
        } else if gover::mod_compare(path, new, old).is_gt() {
            lines.push(format!("go: upgraded {path} {old} => {new}"));
            if path == "go"
                && gover::compare(old, gover::EXPLICIT_INDIRECT_VERSION).is_lt()
                && gover::compare(new, gover::EXPLICIT_INDIRECT_VERSION).is_ge()
            {
                lines.push(format!("\tnote: expanded dependencies to upgrade to go {} or higher; run 'go mod tidy' to clean up", gover::EXPLICIT_INDIRECT_VERSION));
            }
        } else {
            lines.push(format!("go: downgraded {path} {old} => {new}"));
        }
    };
    if old_go != new_go {
        report("go", &old_go, &new_go);
    }
    if old_tc != new_tc {
        report("toolchain", &old_tc, &new_tc);
    }
    for (p, (old, new)) in &changes {
        if p == "go" || p == "toolchain" {
            continue;
        }
        report(p, old, new);
    }
    out.stderr.extend(lines);
    out.changes = reported;

    // go.sum (WriteGoSum with keepSums(addBuildListZipSums)).
    out.new_go_sum = new_go_sum(
        loaded,
        &final_graph,
        &final_list,
        &fetched_zips,
        &out.old_go_sum,
    );
    out.requirements = Some(rs);
    out.build_list = final_list;
    out
}

enum PatternFailure {
    /// A go.sum mismatch on a downloaded zip: go stops.
    Fatal(String),
    /// The query's error, with the zips downloaded on the way.
    Query(String, Vec<ModuleVersion>),
}

/// `modulePrefixesExcludingTarget`: `path` and its parent paths that are
/// valid module paths, longest first, without the main modules.
fn module_prefixes(s: &crate::loader::Session, path: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut p = path;
    loop {
        if !s.is_main(p) && gomvs_modfile::module::split_path_version(p).is_some() {
            out.push(p.to_string());
        }
        match p.rfind('/') {
            Some(j) => p = &p[..j],
            None => break,
        }
    }
    out
}

/// One class of `queryPrefixModules`' per-prefix errors, in its order of
/// preference.
#[derive(PartialEq, Eq, PartialOrd, Ord, Clone, Copy)]
enum PrefixErr {
    NoPackage,
    NoVersion,
    NoPatchBase,
    InvalidPath,
    InvalidVersion,
    NotExist,
    Other,
}

/// How querying one prefix module failed.
enum Step {
    /// A go.sum mismatch: go stops.
    Fatal(String),
    /// An error of the given class.
    Failed(PrefixErr, String),
}

/// `modload.QueryPattern` for a path pattern whose modules hold no package
/// (gomvs reads no Go source): every module path prefix is queried; the
/// zip of each version found is downloaded (verified against go.sum, go's
/// TooNewError checked); the module at the pattern's own path is the
/// answer, and without it `queryPrefixModules` picks one error: a prefix
/// module found without the package first, then no matching version, no
/// patch base, invalid path, invalid version, not found.
fn query_pattern(
    s: &crate::loader::Session,
    q: &Querier<'_>,
    pattern: &str,
    version: &str,
    current: &dyn Fn(&str) -> String,
    allowed: Allowed,
) -> Result<(ModuleVersion, Vec<ModuleVersion>), PatternFailure> {
    let mut zips = Vec::new();
    let mut found: Option<ModuleVersion> = None;
    let mut err: Option<String> = None;
    let mut classed: BTreeMap<PrefixErr, String> = BTreeMap::new();
    for path in module_prefixes(s, pattern) {
        let res = q
            .query(&path, version, &current(&path), allowed)
            .map_err(|e| {
                let class = match e.kind {
                    crate::query::QueryErrorKind::NoMatchingVersion => PrefixErr::NoVersion,
                    crate::query::QueryErrorKind::NoPatchBase => PrefixErr::NoPatchBase,
                    crate::query::QueryErrorKind::NotFound => PrefixErr::NotExist,
                    _ if e.text.contains("malformed module path") => PrefixErr::InvalidPath,
                    _ if e.text.contains(": invalid version: ") => PrefixErr::InvalidVersion,
                    _ => PrefixErr::Other,
                };
                Step::Failed(class, e.text)
            })
            .and_then(|rev| {
                let m = ModuleVersion::new(path.as_str(), rev.version.as_str());
                // modload.fetch: a directory replacement must exist.
                if let Some(r) = s.replacement(&m) {
                    let r = r.effective;
                    if r.version.is_empty() {
                        let dir = s.replace_relative_to().join(r.path.as_str());
                        if s.config.files.kind(&dir).is_err() {
                            return Err(Step::Failed(
                                PrefixErr::Other,
                                format!("{m}: replacement directory {} does not exist", r.path),
                            ));
                        }
                    }
                }
                // modfetch.Download: the zip must be there.
                let r = s.replacement(&m).map_or(m.clone(), |r| r.effective);
                if !r.version.is_empty() {
                    if let Err(e) = s.source().zip(&r) {
                        let class = if e.is_not_found() {
                            PrefixErr::NotExist
                        } else {
                            PrefixErr::Other
                        };
                        return Err(Step::Failed(class, e.go_text()));
                    }
                }
                if let Some(mismatch) = verify_zip(s, &m) {
                    return Err(Step::Fatal(mismatch));
                }
                zips.push(m.clone());
                if let Some(e) = too_new_download(s, &m) {
                    return Err(Step::Failed(PrefixErr::Other, e));
                }
                if path == pattern {
                    return Ok(m);
                }
                let found = match s.replacement(&m) {
                    Some(r) => {
                        let r = r.effective;
                        let rs = if r.version.is_empty() {
                            r.path.to_string()
                        } else {
                            format!("{}@{}", r.path, r.version)
                        };
                        if version == m.version {
                            format!(" (replaced by {rs})")
                        } else {
                            format!(" ({}, replaced by {rs})", m.version)
                        }
                    }
                    None if version != m.version => format!(" ({})", m.version),
                    None => String::new(),
                };
                Err(Step::Failed(
                    PrefixErr::NoPackage,
                    format!(
                        "module {path}@{version} found{found}, but does not contain package {pattern}"
                    ),
                ))
            });
        match res {
            Ok(m) => found = Some(m),
            Err(Step::Fatal(text)) => return Err(PatternFailure::Fatal(text)),
            Err(Step::Failed(PrefixErr::Other, text)) => {
                if err.is_none() && found.is_none() && !classed.contains_key(&PrefixErr::NoPackage)
                {
                    err = Some(text);
                }
            }
            Err(Step::Failed(class, text)) => {
                classed.entry(class).or_insert(text);
            }
        }
    }
    if let Some(m) = found {
        return Ok((m, zips));
    }
    let text = match err {
        Some(e) => e,
        None => match classed.into_values().next() {
            Some(e) => e,
            None => format!("cannot find module providing package {pattern}"),
        },
    };
    Err(PatternFailure::Query(text, zips))
}

/// `gover.GoModLookup(gomod, "go")`: the first `go` line's value, by a
/// line scan (no parse).
fn go_mod_lookup_go(gomod: &[u8]) -> String {
    for line in gomod.split(|&b| b == b'\n') {
        let line = String::from_utf8_lossy(line);
        let line = line.trim();
        if let Some(rest) = line.strip_prefix("go") {
            if rest.starts_with(' ') || rest.starts_with('\t') {
                let v = rest.split_once("//").map_or(rest, |(v, _)| v);
                return v.trim().to_string();
            }
        }
    }
    String::new()
}

/// The `TooNewError` `modfetch.Download` returns for the (replaced) module
/// `m` when its go.mod's go line is above the running go. gomvs reads the
/// `.mod` file the source serves, which is the zip's go.mod for a proxy.
fn too_new_download(s: &crate::loader::Session, m: &ModuleVersion) -> Option<String> {
    let r = s.replacement(m).map_or(m.clone(), |r| r.effective);
    if r.version.is_empty() {
        return None;
    }
    let data = s.source().go_mod(&r).ok()?;
    let v = go_mod_lookup_go(&data);
    if gover::compare(&v, &s.config.local_go).is_gt() {
        return Some(crate::error::too_new_message(
            &r.to_string(),
            &v,
            &s.config.local_go,
            &s.config.gotoolchain,
        ));
    }
    None
}

/// `checkMod` on a downloaded zip (after replacement): go's fatal
/// "verifying ...: checksum mismatch" text when go.sum records another `h1:`.
fn verify_zip(s: &crate::loader::Session, m: &ModuleVersion) -> Option<String> {
    let r = s.replacement(m).map_or(m.clone(), |r| r.effective);
    if r.version.is_empty() {
        return None;
    }
    zip_sum_mismatch(s, &r)
}

/// `checkMod` on the zip of `r` (a module version as fetched, after
/// replacement): go's fatal "verifying ...: checksum mismatch" text when
/// go.sum records another `h1:` for it (`go get`, `go mod download`).
pub(crate) fn zip_sum_mismatch(s: &crate::loader::Session, r: &ModuleVersion) -> Option<String> {
    let data = s.source().zip(r).ok()?;
    let h = hash_zip(std::io::Cursor::new(&data[..])).ok()?;
    match s.sum_files().check(&r.path, &r.version, &h) {
        Err(mismatch) => Some(mismatch.to_string()),
        Ok(_) => None,
    }
}

/// The go.sum `WriteGoSum` leaves: existing lines kept, the hashes this
/// command used added for kept modules, all sorted (`tidyGoSum`).
fn new_go_sum(
    loaded: &Loaded,
    mg: &crate::loader::ModuleGraph,
    build_list: &[ModuleVersion],
    zips: &[ModuleVersion],
    old: &[u8],
) -> Vec<u8> {
    let s = &loaded.session;
    let sums = &s.sum_files().main;
    let mut have: BTreeSet<(String, String, String)> = BTreeSet::new();
    for e in sums.entries() {
        have.insert((
            e.path.to_string(),
            e.version.to_string(),
            e.hash.to_string(),
        ));
    }
    let mut dirty = false;
    let mut add =
        |path: &str, version: String, h: String, have: &mut BTreeSet<(String, String, String)>| {
            if have.insert((path.to_string(), version, h)) {
                dirty = true;
            }
        };
    let resolve = |m: &ModuleVersion| s.replacement(m).map_or(m.clone(), |r| r.effective);
    // go.mod hashes of every module whose requirements the final graph loaded.
    let mut mods: Vec<ModuleVersion> = Vec::new();
    mg.graph.walk_breadth_first(|m| {
        if mg.graph.required_by(m).is_some() && !(s.is_main(&m.path) && m.version.is_empty()) {
            mods.push(m.clone());
        }
    });
    for m in &mods {
        let r = resolve(m);
        if r.version.is_empty() {
            continue;
        }
        if let Ok(data) = s.source().go_mod(&r) {
            add(
                &r.path,
                format!("{}/go.mod", r.version),
                hash_go_mod(&data),
                &mut have,
            );
        }
    }
    // keepSums(addBuildListZipSums): the go.mod of every build-list module
    // too, when this run fetched it (an intermediate graph of the edit).
    for m in build_list {
        let r = resolve(m);
        if r.version.is_empty() || s.is_main(&m.path) || !s.go_mod_fetched(&r) {
            continue;
        }
        if let Ok(data) = s.source().go_mod(&r) {
            add(
                &r.path,
                format!("{}/go.mod", r.version),
                hash_go_mod(&data),
                &mut have,
            );
        }
    }
    let in_list: BTreeSet<ModuleVersion> = build_list.iter().map(resolve).collect();
    for z in zips {
        let r = resolve(z);
        if !in_list.contains(&r) || r.version.is_empty() {
            continue;
        }
        if let Ok(data) = s.source().zip(&r) {
            if let Ok(h) = hash_zip(std::io::Cursor::new(&data[..])) {
                add(&r.path, r.version.to_string(), h, &mut have);
            }
        }
    }
    if !dirty {
        return old.to_vec();
    }
    let mut keys: Vec<(String, String, String)> = have.into_iter().collect();
    keys.sort_by(|a, b| {
        a.0.cmp(&b.0)
            .then_with(|| {
                let (av, asuf) =
                    a.1.split_once('/')
                        .map_or((a.1.as_str(), ""), |(v, s)| (v, s));
                let (bv, bsuf) =
                    b.1.split_once('/')
                        .map_or((b.1.as_str(), ""), |(v, s)| (v, s));
                gomvs_modfile::semver::compare(av, bv)
                    .then_with(|| av.cmp(bv))
                    .then_with(|| asuf.cmp(bsuf))
            })
            .then_with(|| a.2.cmp(&b.2))
    });
    let mut outb = Vec::new();
    for (p, v, h) in keys {
        outb.extend_from_slice(format!("{p} {v} {h}\n").as_bytes());
    }
    outb
}

/// The go.work file go writes after `go get` in a workspace: `go get`
/// itself runs in single-module mode (it never calls `InitWorkfile`), then
/// `modload.UpdateWorkGoVersion` raises the go.work `go` line to the main
/// module's go version when it is lower (dropping a `toolchain` line the
/// new go line implies or outdates) and `WriteWorkFile` writes it
/// (`SortBlocks`, `Cleanup`, `Format`). `Ok(None)`: go leaves it alone.
pub fn work_file_update(
    file: &str,
    data: &[u8],
    go_version: &str,
) -> Result<Option<Vec<u8>>, String> {
    let wf = gomvs_modfile::gowork::parse_work(file, data, None)
        .map_err(|e| format!("go: errors parsing {file}:\n{e}"))?;
    let old = wf.go.as_ref().map_or("1.18", |g| g.version.as_str());
    if go_version.is_empty() || gover::compare(old, go_version).is_ge() {
        return Ok(None);
    }
    let as_mod = gomvs_modfile::ModFile {
        go: wf.go.clone(),
        toolchain: wf.toolchain.clone(),
        syntax: wf.syntax.clone(),
        ..Default::default()
    };
    let mut ed = Editor::new(&as_mod);
    ed.add_work_go_stmt(go_version);
    if let Some(t) = &wf.toolchain {
        let tv = gover::from_toolchain(&t.name);
        if t.name == format!("go{go_version}")
            || gover::compare(&tv, go_version).is_lt()
            || gover::compare(&tv, gover::GO_STRICT_VERSION).is_lt()
        {
            ed.drop_toolchain_stmt();
        }
    }
    ed.sort_blocks();
    ed.cleanup();
    Ok(Some(ed.format()))
}
