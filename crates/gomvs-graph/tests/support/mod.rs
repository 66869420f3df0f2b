//! Helpers shared by the integration tests: mvs_test.go's `reqsMap`, and a
//! temporary directory.
#![allow(dead_code)]

use gomvs_graph::mvs::{DowngradeReqs, GoErrorChain, Reqs, TextError, UpgradeReqs};
use gomvs_modfile::ModuleVersion;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

/// An error type a [`ReqsMap`] can produce for "missing module".
pub trait TestError: GoErrorChain + Clone + 'static {
    /// A plain message (`fmt.Errorf` without `%w`).
    fn text(message: String) -> Self;
}

impl TestError for TextError {
    fn text(message: String) -> Self {
        TextError(message)
    }
}

/// mvs_test.go's `reqsMap` (plus injected errors, as the oracle's): string
/// versions, `""` greatest, `"none"` least. A BTreeMap keeps iteration
/// deterministic; Go's map order does not affect Upgrade or Previous.
#[derive(Clone)]
pub struct ReqsMap<E> {
    /// Module → requirements.
    pub reqs: BTreeMap<ModuleVersion, Arc<[ModuleVersion]>>,
    /// Modules whose `Required` fails.
    pub required_errors: HashMap<ModuleVersion, E>,
    /// Modules whose `Upgrade` fails.
    pub upgrade_errors: HashMap<ModuleVersion, E>,
}

impl<E> ReqsMap<E> {
    /// A map without injected errors.
    pub fn new(reqs: BTreeMap<ModuleVersion, Arc<[ModuleVersion]>>) -> Self {
        ReqsMap {
            reqs,
            required_errors: HashMap::new(),
            upgrade_errors: HashMap::new(),
        }
    }
}

/// `reqsMap.Max`.
pub fn string_max<'v>(v1: &'v str, v2: &'v str) -> &'v str {
    if v1 == "none" || v2.is_empty() {
        return v2;
    }
    if v2 == "none" || v1.is_empty() {
        return v1;
    }
    if v1 < v2 {
        v2
    } else {
        v1
    }
}

impl<E: TestError> Reqs for ReqsMap<E> {
    type Error = E;

    fn required(&self, m: &ModuleVersion) -> Result<Arc<[ModuleVersion]>, E> {
        if let Some(e) = self.required_errors.get(m) {
            return Err(e.clone());
        }
        self.reqs
            .get(m)
            .cloned()
            .ok_or_else(|| E::text(format!("missing module: {m}")))
    }

    fn max<'v>(&self, _path: &str, v1: &'v str, v2: &'v str) -> &'v str {
        string_max(v1, v2)
    }
}

impl<E: TestError> UpgradeReqs for ReqsMap<E> {
    fn upgrade(&self, m: &ModuleVersion) -> Result<ModuleVersion, E> {
        if let Some(e) = self.upgrade_errors.get(m) {
            return Err(e.clone());
        }
        let mut u = ModuleVersion::new("", "none");
        for k in self.reqs.keys() {
            if k.path == m.path
                && string_max(&u.version, &k.version) == k.version
                && !k.version.ends_with(".hidden")
            {
                u = k.clone();
            }
        }
        if u.path.is_empty() {
            let path_only = ModuleVersion::new(m.path.as_str(), "");
            return Err(E::text(format!("missing module: {path_only}")));
        }
        Ok(u)
    }
}

impl<E: TestError> DowngradeReqs for ReqsMap<E> {
    fn previous(&self, m: &ModuleVersion) -> Result<ModuleVersion, E> {
        let mut p = ModuleVersion::new("", "");
        for k in self.reqs.keys() {
            if k.path == m.path
                && p.version < k.version
                && k.version < m.version
                && !k.version.ends_with(".hidden")
            {
                p = k.clone();
            }
        }
        if p.path.is_empty() {
            return Ok(ModuleVersion::new(m.path.as_str(), "none"));
        }
        Ok(p)
    }
}

/// A directory under the system temp dir, emptied when created and removed
/// when dropped.
pub struct TempDir(pub std::path::PathBuf);

impl TempDir {
    /// `$TMPDIR/gomvs-<test>-<pid>-<name>`.
    pub fn new(test: &str, name: &str) -> TempDir {
        let p = std::env::temp_dir().join(format!("gomvs-{test}-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).unwrap_or_else(|e| panic!("mkdir {}: {e}", p.display()));
        TempDir(p)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A session for `go list -m` in the main module at `dir`, offline
/// (`GOPROXY=off`, no workspace, no GOPATH cache), with `-mod=<mode>`,
/// reading module files from `source`.
pub fn open_offline_session(
    dir: &std::path::Path,
    mode: &str,
    source: Arc<dyn gomvs_graph::source::ModuleSource>,
) -> gomvs_graph::loader::Session {
    use gomvs_graph::loader::{GoCommand, LoadConfig, Session};
    let env = gomvs_graph::env::GoEnv::new(
        [
            ("GOFLAGS", format!("-mod={mode}").as_str()),
            ("GOPROXY", "off"),
            ("GOWORK", "off"),
            ("GOSUMDB", "off"),
            ("GOPATH", "/nonexistent-gopath"),
        ],
        dir.to_path_buf(),
    );
    let config = LoadConfig::from_env(&env, GoCommand::ListModules, None)
        .unwrap_or_else(|e| panic!("config: {e}"));
    Session::open(config, source).unwrap_or_else(|f| panic!("open: {f}"))
}

/// Runs one operation of the MVS test tables (`build`, `upgrade*`,
/// `upgrade`, `upgradereq`, `downgrade`, `req`) on `target`; `args` are the
/// upgrade or downgrade arguments, `base` the `req` base paths. `None` for
/// an unknown operation.
pub fn run_op<E: TestError>(
    op: &str,
    target: &ModuleVersion,
    args: &[ModuleVersion],
    base: &[&str],
    reqs: &ReqsMap<E>,
) -> Option<gomvs_graph::mvs::MvsResult<E>> {
    use gomvs_graph::mvs;
    Some(match op {
        "build" => mvs::build_list(std::slice::from_ref(target), reqs),
        "upgrade*" => mvs::upgrade_all(target, reqs),
        "upgrade" => mvs::upgrade(target, reqs, args),
        "upgradereq" => mvs::upgrade(target, reqs, args).and_then(|list| {
            let mut up = reqs.clone();
            up.reqs.insert(target.clone(), list.into());
            mvs::req(target, &[] as &[&str], &up)
        }),
        "downgrade" => mvs::downgrade(target, reqs, args),
        "req" => mvs::req(target, base, reqs),
        _ => return None,
    })
}
