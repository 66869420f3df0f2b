//! Findings of `gomvs doctor`, as `gomvs check` findings (same codes
//! table, severities, JSON, SARIF and annotations): read off a
//! [`FetchPlan`] and the environment it was made in.

use super::sumdb::SkipReason;
use super::{ChecksumCheck, FetchPlan, Outcome};
use crate::check::findings::{Code, Finding, RuleRef};
use crate::check::policy::Severity;
use crate::env::{match_prefix_patterns, GoEnv, ProxyKind};
use crate::explain::Location;
use crate::loader::Session;
use crate::replace::is_directory_target;
use gomvs_modfile::ModuleVersion;

/// What the caller says about the environment.
#[derive(Debug, Clone, Default)]
pub struct DoctorOptions {
    /// Module path patterns (GOPRIVATE syntax) that are private, beyond the
    /// built-in heuristic (a first path element without a dot, or under
    /// `.local`, `.internal`, `.corp`, `.lan`, `.intranet`, `.private`, `.home.arpa`).
    pub private: Vec<String>,
    /// The build runs without network (air-gapped CI): anything that needs
    /// it fails, so those findings are errors.
    pub air_gapped: bool,
}

const PRIVATE_SUFFIXES: &[&str] = &[
    ".local",
    ".internal",
    ".corp",
    ".lan",
    ".intranet",
    ".private",
    ".home.arpa",
];

/// Whether `path` looks private: a `--private` pattern matches, or its host
/// is not a public DNS name.
pub fn looks_private(opts: &DoctorOptions, path: &str) -> Option<String> {
    if let Some(p) = opts.private.iter().find(|p| match_prefix_patterns(p, path)) {
        return Some(format!("matches the private pattern {p}"));
    }
    let host = path.split('/').next().unwrap_or(path);
    if !host.contains('.') {
        return Some(format!("its first element {host:?} is not a DNS name"));
    }
    PRIVATE_SUFFIXES
        .iter()
        .find(|s| host.ends_with(*s))
        .map(|s| format!("its host {host} is under {s}, which is not publicly resolvable"))
}

fn finding(
    code: Code,
    severity: Severity,
    rule: &str,
    module: Option<ModuleVersion>,
    message: String,
) -> Finding {
    Finding {
        code,
        severity,
        rule: RuleRef {
            name: rule.to_string(),
            location: None,
        },
        module,
        message,
        location: None,
        cause: None,
    }
}

/// The findings for `plan` (made in `env`); `session` (the main modules
/// and their replace directives) adds the directory replacements' checks,
/// located relative to the repository root `root`.
pub fn doctor_findings(
    plan: &FetchPlan,
    env: &GoEnv,
    opts: &DoctorOptions,
    session: Option<&Session>,
    root: &std::path::Path,
) -> Vec<Finding> {
    let mut out = Vec::new();
    settings_findings(plan, env, &mut out);
    proxy_reachability(plan, env, opts, &mut out);
    for m in &plan.modules {
        for f in &m.files {
            if let Outcome::Fails { error } = &f.outcome {
                out.push(finding(
                    Code::DoctorFetchFails,
                    Severity::Error,
                    "doctor.fetch",
                    Some(m.module.clone()),
                    format!(
                        "{}@{}: no GOPROXY entry serves its .{}: go mod download fails with: {error}",
                        m.module.path,
                        m.module.version,
                        f.file.extension()
                    ),
                ));
            }
        }
    }
    for a in &plan.aborts {
        let first = a.lines().next().unwrap_or_default();
        out.push(finding(
            Code::GosumMismatch,
            Severity::Error,
            "doctor.gosum",
            None,
            format!(
                "{first}: go.sum records another hash than the zip the source serves, so go mod download stops with SECURITY ERROR; find out which is right before changing go.sum"
            ),
        ));
    }
    network_findings(plan, opts, &mut out);
    leak_findings(plan, opts, &mut out);
    checksum_findings(plan, &mut out);
    if let Some(s) = session {
        replace_dir_findings(s, root, &mut out);
    }
    out
}

fn settings_findings(plan: &FetchPlan, env: &GoEnv, out: &mut Vec<Finding>) {
    if let Some(e) = &plan.goproxy_error {
        out.push(finding(
            Code::DoctorBadSetting,
            Severity::Error,
            "GOPROXY",
            None,
            format!("GOPROXY={}: {e}; every fetch fails", plan.settings.goproxy),
        ));
    }
    if plan.sumdb.name.is_none() && plan.sumdb.setting != "off" {
        if let Some(e) = &plan.sumdb.unavailable {
            out.push(finding(
                Code::DoctorBadSetting,
                Severity::Error,
                "GOSUMDB",
                None,
                format!(
                    "GOSUMDB={}: {e}; every checksum lookup fails",
                    plan.sumdb.setting
                ),
            ));
        }
    }
    let goflags = env.getenv("GOFLAGS");
    if goflags
        .split_whitespace()
        .any(|f| f == "-insecure" || f.starts_with("-insecure=") || f == "--insecure")
    {
        out.push(finding(
            Code::DoctorBadSetting,
            Severity::Warning,
            "GOFLAGS",
            None,
            "GOFLAGS contains -insecure: go 1.27 no longer supports it (go get fails with \"-insecure flag is no longer supported; use GOINSECURE instead\"; other commands ignore it); it disables nothing".to_string(),
        ));
    }
    if !env.getenv("GONOSUMCHECK").is_empty() {
        out.push(finding(
            Code::DoctorBadSetting,
            Severity::Note,
            "GONOSUMCHECK",
            None,
            "GONOSUMCHECK is set, but the go command does not read it: to skip the checksum database for some modules set GONOSUMDB (or GOPRIVATE)".to_string(),
        ));
    }
    if plan.sumdb.setting == "off" {
        out.push(finding(
            Code::DoctorChecksumsOff,
            Severity::Warning,
            "GOSUMDB",
            None,
            "GOSUMDB=off: module versions go.sum does not record are added to it unverified; nothing checks that the proxy served what the author published".to_string(),
        ));
    }
    if !plan.settings.goinsecure.is_empty() {
        out.push(finding(
            Code::DoctorChecksumsOff,
            Severity::Warning,
            "GOINSECURE",
            None,
            format!(
                "GOINSECURE={}: direct fetches of matching paths may use plain HTTP and skip certificate checks (the checksum database still applies)",
                plan.settings.goinsecure
            ),
        ));
    }
}

/// Whether `entry` (a proxy-list entry) can answer in this environment.
fn entry_reachable(kind: &ProxyKind, air_gapped: bool) -> bool {
    match kind {
        ProxyKind::Off => false,
        ProxyKind::Direct | ProxyKind::NoProxy => !air_gapped,
        ProxyKind::Url(u) if u.is_file() => {
            let dir = u.request_path("", "");
            std::path::Path::new(&dir).is_dir()
        }
        ProxyKind::Url(_) => !air_gapped,
    }
}

fn proxy_reachability(plan: &FetchPlan, env: &GoEnv, opts: &DoctorOptions, out: &mut Vec<Finding>) {
    let Ok(list) = env.proxy_list() else { return };
    let fetching = plan.modules.iter().any(|m| {
        m.files
            .iter()
            .any(|f| !matches!(f.outcome, Outcome::Cached { .. }))
    });
    if !fetching {
        return;
    }
    let entries: Vec<_> = list
        .iter()
        .filter(|e| e.kind != ProxyKind::NoProxy)
        .collect();
    if entries
        .iter()
        .all(|e| !entry_reachable(&e.kind, opts.air_gapped))
    {
        out.push(finding(
            Code::DoctorProxyUnreachable,
            Severity::Error,
            "GOPROXY",
            None,
            format!(
                "GOPROXY={}: no entry is reachable here ({}), and the module cache lacks files the build needs",
                plan.settings.goproxy,
                if opts.air_gapped {
                    "off, missing file:// directories, or the network in an air-gapped run"
                } else {
                    "off or missing file:// directories"
                }
            ),
        ));
    }
}

fn network_findings(plan: &FetchPlan, opts: &DoctorOptions, out: &mut Vec<Finding>) {
    let needing: Vec<&ModuleVersion> = plan
        .modules
        .iter()
        .filter(|m| m.needs_network)
        .map(|m| &m.module)
        .collect();
    if needing.is_empty() && plan.needs_network_to_load.is_empty() {
        return;
    }
    let shown: Vec<String> = needing.iter().take(10).map(|m| m.to_string()).collect();
    let more = needing.len().saturating_sub(shown.len());
    out.push(finding(
        Code::DoctorNeedsNetwork,
        if opts.air_gapped {
            Severity::Error
        } else {
            Severity::Note
        },
        "doctor.network",
        None,
        format!(
            "this build needs the network for {} module version{}: {}{}",
            needing.len(),
            if needing.len() == 1 { "" } else { "s" },
            shown.join(", "),
            if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            }
        ) + &if plan.needs_network_to_load.is_empty() {
            String::new()
        } else {
            "; the rest of the module graph is known only once those go.mod files are fetched"
                .to_string()
        },
    ));
}

fn leak_findings(plan: &FetchPlan, opts: &DoctorOptions, out: &mut Vec<Finding>) {
    let mut seen = std::collections::HashSet::new();
    for m in &plan.modules {
        let Some(why) = looks_private(opts, &m.module.path) else {
            continue;
        };
        if !seen.insert(m.module.path.clone()) {
            continue;
        }
        let proxies: Vec<String> = m
            .files
            .iter()
            .flat_map(|f| &f.steps)
            .filter(|s| s.entry.starts_with("https://") || s.entry.starts_with("http://"))
            .map(|s| s.entry.clone())
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        let sumdb: Option<String> = m.checksums.iter().find_map(|c| match &c.check {
            ChecksumCheck::SumDb {
                network: Some(n), ..
            } => Some(n.clone()),
            _ => None,
        });
        if proxies.is_empty() && sumdb.is_none() {
            continue;
        }
        let mut to = proxies.clone();
        to.extend(sumdb);
        out.push(finding(
            Code::DoctorPrivateLeak,
            Severity::Error,
            "doctor.private",
            Some(m.module.clone()),
            format!(
                "{} looks private ({why}) but its path would be sent to {}: add it to GOPRIVATE (e.g. GOPRIVATE={}) so the go command fetches it directly and skips the checksum database",
                m.module.path,
                to.join(" and "),
                m.module.path.split('/').next().unwrap_or(&m.module.path)
            ),
        ));
    }
}

fn checksum_findings(plan: &FetchPlan, out: &mut Vec<Finding>) {
    let mut lookups = Vec::new();
    let mut skipped = Vec::new();
    for m in &plan.modules {
        for c in &m.checksums {
            let key = if c.of == "go.mod" {
                format!("{} {}/go.mod", m.module.path, m.module.version)
            } else {
                format!("{} {}", m.module.path, m.module.version)
            };
            match &c.check {
                ChecksumCheck::SumDb { name, .. } => lookups.push((m, key, name.clone())),
                ChecksumCheck::Skipped { reason } if *reason != SkipReason::GosumdbOff => {
                    skipped.push((m, key, reason.clone()))
                }
                _ => {}
            }
        }
    }
    for (m, key, name) in lookups {
        out.push(finding(
            Code::GosumMissing,
            Severity::Warning,
            "doctor.gosum",
            Some(m.module.clone()),
            format!(
                "go.sum has no line for {key}: go mod download asks the checksum database {} (a -mod=readonly build fails with \"missing go.sum entry\"); run go mod download {} where the network is reachable, and commit go.sum",
                name.as_deref().unwrap_or("(unusable GOSUMDB)"),
                m.module.path
            ),
        ));
    }
    for (m, key, reason) in skipped {
        let why = match reason {
            SkipReason::Gonosumdb(p) => format!("GONOSUMDB pattern {p}"),
            SkipReason::Goprivate(p) => format!("GOPRIVATE pattern {p}"),
            SkipReason::GosumdbOff => "GOSUMDB=off".to_string(),
        };
        out.push(finding(
            Code::DoctorChecksumsOff,
            Severity::Note,
            "doctor.gosum",
            Some(m.module.clone()),
            format!(
                "go.sum has no line for {key} and the {why} skips the checksum database: the first download is trusted as served"
            ),
        ));
    }
}

fn replace_dir_findings(s: &Session, repo_root: &std::path::Path, out: &mut Vec<Finding>) {
    let in_repo = repo_root.join(".git").exists();
    for rule in s.replacements.rules() {
        if !is_directory_target(&rule.new) {
            continue;
        }
        let dir = crate::gopath::join_clean(&rule.mod_root, &rule.new.path);
        let file = &rule.origin.file;
        let location = Some(Location {
            file: file
                .strip_prefix(repo_root)
                .unwrap_or(file)
                .display()
                .to_string(),
            line: Some(rule.origin.span.start.line),
        });
        let (severity, message) = if !dir.is_dir() {
            (
                Severity::Error,
                format!(
                    "replace {} => {}: the directory {} does not exist, so every go command in this module fails",
                    rule.old, rule.new.path, dir.display()
                ),
            )
        } else if in_repo && !dir.starts_with(repo_root) {
            (
                Severity::Error,
                format!(
                    "replace {} => {}: the directory {} is outside the repository ({}), so a clean checkout (CI, a colleague, a deploy) will not have it",
                    rule.old,
                    rule.new.path,
                    dir.display(),
                    repo_root.display()
                ),
            )
        } else if !dir.join("go.mod").is_file() {
            (
                Severity::Error,
                format!(
                    "replace {} => {}: the directory has no go.mod file",
                    rule.old, rule.new.path
                ),
            )
        } else {
            continue;
        };
        let mut f = finding(
            Code::DoctorReplaceDirMissing,
            severity,
            "doctor.replace",
            Some(rule.old.clone()),
            message,
        );
        f.location = location;
        out.push(f);
    }
}
