//! `gomvs upgrades`: the available updates of the build list under a policy
//! (`patch`, `minor`, `major`), each with the state of the current version
//! (retracted, deprecated), the newer major versions published as separate
//! module paths, and the impact of taking the candidate alone — computed by
//! [`crate::get::get_with`], the code path of `gomvs get`.
//!
//! The candidates come from the version queries of `go list -m -u`
//! (`modload.Query` with `CheckAllowed`: neither excluded nor retracted):
//! `patch` is go's `@patch`, `major` go's `@upgrade` (what `go list -m -u`
//! prints), `minor` `@upgrade` kept within the current major version (a v0
//! module stays v0, a `+incompatible` one keeps its major).

use crate::get::{get_with, GetOptions, UpgradeFlag};
use crate::loader::Loaded;
use crate::query::{Allowed, Querier, QueryErrorKind};
use gomvs_modfile::{gover, module, semver, ModuleVersion};
use serde::Serialize;
use std::collections::BTreeMap;

/// Which updates count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Policy {
    /// go's `@patch`: the latest release with the same major and minor.
    Patch,
    /// go's `@upgrade` within the current major version.
    Minor,
    /// go's `@upgrade` (as `go list -m -u`), and, for modules without one,
    /// the latest version of the newest major version path.
    Major,
}

/// Options of [`upgrades`].
#[derive(Debug, Clone, Copy)]
pub struct UpgradeOptions {
    /// The policy.
    pub policy: Policy,
    /// Only modules the main module requires without `// indirect`.
    pub direct_only: bool,
}

/// How far one version moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Jump {
    /// Same major, minor and patch (prerelease, pseudo-version, build).
    Prerelease,
    /// Same major and minor.
    Patch,
    /// Same major.
    Minor,
    /// Another major version (v0 → v1 included).
    Major,
}

/// One module of the build list whose version would change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ModuleMove {
    /// Module path.
    pub path: String,
    /// Selected version before (`null`: not in the build list).
    pub from: Option<String>,
    /// Selected version after (`null`: leaves the build list).
    pub to: Option<String>,
    /// The size of the move (`null` when added or removed).
    pub jump: Option<Jump>,
    /// Whether it is a downgrade.
    pub downgrade: bool,
}

/// A change of the go or toolchain line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LineChange {
    /// Before (`""`: absent).
    pub from: String,
    /// After (`""`: absent).
    pub to: String,
}

/// What `gomvs get PATH@CANDIDATE` alone would do.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Impact {
    /// The other modules of the build list whose version would change, by path.
    pub changes: Vec<ModuleMove>,
    /// Index in `changes` of the largest move (major before minor before
    /// patch before prerelease; the first by path among equals).
    pub largest: Option<usize>,
    /// The go line, when it would change.
    pub go: Option<LineChange>,
    /// The toolchain line, when it would change.
    pub toolchain: Option<LineChange>,
    /// go's error when `go get` would fail (a conflict, a missing go.mod).
    pub error: Option<String>,
}

/// One module with an available update.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UpgradeRow {
    /// Module path.
    pub path: String,
    /// Whether the main module requires it without `// indirect`.
    pub direct: bool,
    /// The selected version.
    pub current: String,
    /// The proposed module: the same path, or (`major` policy, no update
    /// on the path) the newest major version path.
    pub candidate: ModuleVersion,
    /// The size of the step from `current` to the candidate (`major` for
    /// another path).
    pub jump: Jump,
    /// The retraction rationales of the current version (empty: not
    /// retracted; `["retracted by module author"]` without a rationale).
    pub retracted: Vec<String>,
    /// The module's deprecation message (`""`: not deprecated).
    pub deprecated: String,
    /// Newer major versions published as separate module paths (`/v2`,
    /// `.v3`), each with its latest version, ascending.
    pub newer_majors: Vec<ModuleVersion>,
    /// What taking the candidate alone would do.
    pub impact: Impact,
}

/// The whole report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UpgradesReport {
    /// The policy.
    pub policy: Policy,
    /// Whether only direct requirements were considered.
    pub direct_only: bool,
    /// How many modules were considered (the build list without main
    /// modules, filtered by `direct_only`).
    pub considered: usize,
    /// One row per module with an update, by path.
    pub rows: Vec<UpgradeRow>,
    /// Query failures other than "no such module/version" (`path: error`),
    /// what `go list -m -u` would report in the row's Error.
    pub errors: Vec<String>,
}

/// The size of the step from `from` to `to` (both valid for `path`).
pub fn jump(from: &str, to: &str) -> Jump {
    if semver::major(from) != semver::major(to) {
        Jump::Major
    } else if semver::major_minor(from) != semver::major_minor(to) {
        Jump::Minor
    } else if semver::canonical(from).split('-').next() != semver::canonical(to).split('-').next() {
        Jump::Patch
    } else {
        Jump::Prerelease
    }
}

/// The available updates of `loaded`'s build list under `opts`.
pub fn upgrades(loaded: &Loaded, opts: UpgradeOptions) -> UpgradesReport {
    let s = &loaded.session;
    let q = Querier::new(s);
    let direct: BTreeMap<String, bool> = s
        .mains
        .iter()
        .flat_map(|m| m.file.require.iter())
        .map(|r| (r.module.path.to_string(), !r.indirect))
        .collect();
    let mut report = UpgradesReport {
        policy: opts.policy,
        direct_only: opts.direct_only,
        considered: 0,
        rows: Vec::new(),
        errors: Vec::new(),
    };
    let mut list = loaded.graph.build_list();
    list.retain(|m| {
        !m.version.is_empty() && !s.is_main(&m.path) && m.path != "go" && m.path != "toolchain"
    });
    list.sort_by(|a, b| a.path.cmp(&b.path));
    for m in &list {
        let is_direct = direct.get(m.path.as_str()).copied().unwrap_or(false);
        if opts.direct_only && !is_direct {
            continue;
        }
        report.considered += 1;
        let candidate = match candidate(&q, &m.path, &m.version, opts.policy) {
            Ok(c) => c,
            Err(e) => {
                report.errors.push(e);
                None
            }
        };
        let majors = if opts.policy == Policy::Major || candidate.is_some() {
            newer_majors(&q, &m.path)
        } else {
            Vec::new()
        };
        let candidate = match candidate {
            Some(v) => ModuleVersion::new(m.path.as_str(), v.as_str()),
            None if opts.policy == Policy::Major => match majors.last() {
                Some(c) => c.clone(),
                None => continue,
            },
            None => continue,
        };
        let jump = if candidate.path == m.path {
            jump(&m.version, &candidate.version)
        } else {
            Jump::Major
        };
        let retracted = match q.check_retractions(m) {
            Err(e) => match e.kind {
                QueryErrorKind::Retracted(r) if r.is_empty() => {
                    vec!["retracted by module author".to_string()]
                }
                QueryErrorKind::Retracted(r) => r,
                _ => Vec::new(),
            },
            Ok(()) => Vec::new(),
        };
        let deprecated = q.check_deprecation(m).unwrap_or_default();
        let impact = impact(loaded, &m.path, &candidate);
        report.rows.push(UpgradeRow {
            path: m.path.to_string(),
            direct: is_direct,
            current: m.version.to_string(),
            candidate,
            jump,
            retracted,
            deprecated,
            newer_majors: majors,
            impact,
        });
    }
    report
}

/// The candidate version of `path` (selected at `current`) under `policy`:
/// `None` when there is no newer allowed version. Errors other than "no
/// such module or version" are `path: text`.
fn candidate(
    q: &Querier<'_>,
    path: &str,
    current: &str,
    policy: Policy,
) -> Result<Option<String>, String> {
    let allowed = Allowed::NotExcludedNorRetracted;
    let ask = |query: &str| match q.query(path, query, current, allowed) {
        Ok(rev) => Ok(Some(rev.version)),
        Err(e) if e.is_no_matching() || e.is_not_found() || e.is_disallowed() => Ok(None),
        Err(e) => Err(format!("{path}: {}", e.text)),
    };
    let mut found = match policy {
        Policy::Patch => ask("patch")?,
        Policy::Minor | Policy::Major => ask("upgrade")?,
    };
    if policy == Policy::Minor {
        if let Some(v) = &found {
            let major = semver::major(current);
            if semver::major(v) != major {
                // `@vN`: the latest release (else prerelease) of the current major.
                found = ask(&major)?;
            }
        }
    }
    Ok(found.filter(|v| gover::mod_compare(path, v, current).is_gt()))
}

/// The newer major version paths of `path` that the sources know, each at
/// its `@latest` (neither excluded nor retracted), probing `/v(N+1)`,
/// `/v(N+2)`, ... (`.vN` for gopkg.in) until one is not found.
pub fn newer_majors(q: &Querier<'_>, path: &str) -> Vec<ModuleVersion> {
    let Some((prefix, suffix)) = module::split_path_version(path) else {
        return Vec::new();
    };
    let (sep, n) = if suffix.is_empty() {
        if prefix.starts_with("gopkg.in/") {
            return Vec::new();
        }
        ("/v", 1u64)
    } else {
        let sep = &suffix[..2];
        let digits = suffix[2..].trim_end_matches("-unstable");
        match digits.parse::<u64>() {
            Ok(n) => (if sep == ".v" { ".v" } else { "/v" }, n),
            Err(_) => return Vec::new(),
        }
    };
    let mut out = Vec::new();
    let start = if n == 0 { 1 } else { n + 1 };
    for k in start..start.saturating_add(100) {
        if sep == "/v" && k < 2 {
            continue;
        }
        let p = format!("{prefix}{sep}{k}");
        match q.query(&p, "latest", "", Allowed::NotExcludedNorRetracted) {
            Ok(rev) => out.push(ModuleVersion::new(p.as_str(), rev.version.as_str())),
            Err(_) => break,
        }
    }
    out
}

/// What `gomvs get CANDIDATE` (alone) would do to the build list of
/// `loaded`, by [`get_with`] with [`GetOptions::modules_only`].
pub fn impact(loaded: &Loaded, path: &str, candidate: &ModuleVersion) -> Impact {
    let arg = format!("{}@{}", candidate.path, candidate.version);
    let out = get_with(
        loaded,
        &[arg],
        UpgradeFlag::None,
        GetOptions {
            modules_only: true,
            ..GetOptions::default()
        },
    );
    let mut impact = Impact::default();
    if out.exit_code != 0 {
        let lines: Vec<&str> = out
            .stderr
            .iter()
            .map(String::as_str)
            .filter(|l| !l.starts_with("go: warning:") && !l.contains("is deprecated"))
            .collect();
        impact.error = Some(
            lines
                .iter()
                .map(|l| l.strip_prefix("go: ").unwrap_or(l))
                .collect::<Vec<_>>()
                .join("; "),
        );
        return impact;
    }
    let s = &loaded.session;
    let keep = |m: &ModuleVersion| {
        !s.is_main(&m.path)
            && m.path != "go"
            && m.path != "toolchain"
            && m.path != path
            && m.path != candidate.path
    };
    let before: BTreeMap<String, String> = loaded
        .graph
        .build_list()
        .into_iter()
        .filter(keep)
        .map(|m| (m.path.to_string(), m.version.to_string()))
        .collect();
    let after: BTreeMap<String, String> = out
        .build_list
        .iter()
        .filter(|m| keep(m))
        .map(|m| (m.path.to_string(), m.version.to_string()))
        .collect();
    let mut paths: Vec<&String> = before.keys().chain(after.keys()).collect();
    paths.sort();
    paths.dedup();
    for p in paths {
        let (b, a) = (before.get(p), after.get(p));
        if b == a {
            continue;
        }
        let (jump, downgrade) = match (b, a) {
            (Some(b), Some(a)) => (
                Some(if gover::mod_compare(p, a, b).is_gt() {
                    jump(b, a)
                } else {
                    jump(a, b)
                }),
                gover::mod_compare(p, a, b).is_lt(),
            ),
            _ => (None, false),
        };
        impact.changes.push(ModuleMove {
            path: p.clone(),
            from: b.cloned(),
            to: a.cloned(),
            jump,
            downgrade,
        });
    }
    let mut best: Option<(Jump, usize)> = None;
    for (i, c) in impact.changes.iter().enumerate() {
        if let Some(j) = c.jump {
            if best.is_none_or(|(bj, _)| j > bj) {
                best = Some((j, i));
            }
        }
    }
    impact.largest = best.map(|(_, i)| i);
    for c in &out.changes {
        let line = LineChange {
            from: c.old.clone(),
            to: c.new.clone(),
        };
        match c.path.as_str() {
            "go" => impact.go = Some(line),
            "toolchain" => impact.toolchain = Some(line),
            _ => {}
        }
    }
    impact
}

#[cfg(test)]
mod tests {
    use super::{jump, Jump};

    #[test]
    fn jumps() {
        assert_eq!(jump("v0.1.0", "v1.0.0"), Jump::Major);
        assert_eq!(jump("v1.1.0", "v1.2.0"), Jump::Minor);
        assert_eq!(jump("v1.1.0", "v1.1.3"), Jump::Patch);
        assert_eq!(jump("v1.1.0-pre", "v1.1.0"), Jump::Prerelease);
        assert_eq!(
            jump("v1.1.0", "v1.1.1-0.20200101000000-abcdefabcdef"),
            Jump::Patch
        );
        assert_eq!(
            jump("v2.0.0+incompatible", "v3.0.0+incompatible"),
            Jump::Major
        );
    }
}
