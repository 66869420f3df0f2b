//! `gomvs doctor --export-proxy DIR`: the files a [`FetchPlan`] needs, copied
//! from the module cache or the `file://` proxies into a proxy directory, so
//! that `GOPROXY=file://DIR GOFLAGS=-mod=readonly go build` needs no network.
//!
//! The one place gomvs writes: only beneath `DIR`, never into a non-empty
//! `DIR` unless asked (`force`), each file written to a temporary name and
//! renamed into place, so a failure leaves no partial file.

use super::FetchPlan;
use crate::source::{GoSources, ModuleSource};
use gomvs_modfile::module::{escape_path, escape_version};
use gomvs_modfile::{semver, ModuleVersion};
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Why an export stopped.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// `DIR` has files and `force` was not given.
    #[error("{0}: directory is not empty; choose an empty or new directory, or pass --force to add to it")]
    NotEmpty(PathBuf),
    /// A file could not be written.
    #[error("{path}: {source}")]
    Write {
        /// The file.
        path: PathBuf,
        /// The error.
        source: std::io::Error,
    },
    /// A module path or version that cannot be a proxy file name.
    #[error("{0}: cannot be escaped for a proxy path: {1}")]
    Escape(String, String),
}

/// What an export wrote and what it could not find.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ExportReport {
    /// The directory.
    pub dir: String,
    /// Files written (`.mod`, `.info`, `.zip`, `list`).
    pub files: usize,
    /// Bytes written.
    pub bytes: u64,
    /// Files the plan needs that no source had (`path@version.ext: error`).
    pub missing: Vec<String>,
}

/// Whether `dir` exists and has an entry.
pub fn is_non_empty(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|mut d| d.next().is_some())
}

/// Writes every file `plan` needs from `sources` into `dir` (which must
/// exist): `.mod` for every module version, `.info` where a source has one,
/// `.zip` for the downloads, and `@v/list` with the versions written; plus
/// `.info` and `.mod` of `build_list` (the modules `go list -m all` prints,
/// after replacement: it reads their `.info` even where no go.mod of theirs
/// is loaded).
pub fn export_proxy(
    plan: &FetchPlan,
    build_list: &[ModuleVersion],
    sources: &GoSources,
    dir: &Path,
    force: bool,
) -> Result<ExportReport, ExportError> {
    if !force && is_non_empty(dir) {
        return Err(ExportError::NotEmpty(dir.to_path_buf()));
    }
    let mut report = ExportReport {
        dir: dir.display().to_string(),
        ..ExportReport::default()
    };
    let mut versions: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut done = std::collections::HashSet::new();
    // (module, zip wanted, .mod required): planned modules need their
    // .mod; the rest of the graph's only where a source has it.
    let planned = plan
        .modules
        .iter()
        .map(|pm| (&pm.module, pm.download, true));
    let listed = build_list.iter().map(|m| (m, false, false));
    for (m, download, mod_required) in planned.chain(listed) {
        // `go` and `toolchain` are graph nodes the go command synthesizes.
        let synthesized = m.path == "go" || m.path == "toolchain";
        if m.version.is_empty() || synthesized || !done.insert(m.clone()) {
            continue;
        }
        let v_dir = module_dir(dir, m)?;
        let ev = escape_version(&m.version)
            .map_err(|e| ExportError::Escape(m.to_string(), e.to_string()))?;
        let missing = |report: &mut ExportReport, ext: &str, e: String| {
            report
                .missing
                .push(format!("{}@{}.{ext}: {e}", m.path, m.version))
        };
        match sources.go_mod(m) {
            Ok(data) => {
                write_file(&v_dir.join(format!("{ev}.mod")), &data, &mut report)?;
                let list = versions.entry(m.path.to_string()).or_default();
                if !list.contains(&m.version.to_string()) {
                    list.push(m.version.to_string());
                }
            }
            Err(e) if mod_required => missing(&mut report, "mod", e.go_text()),
            Err(_) => {}
        }
        match sources.info(m) {
            Ok(info) => {
                let mut json = serde_json::json!({ "Version": info.version });
                if info.time != "0001-01-01T00:00:00Z" && !info.time.is_empty() {
                    json["Time"] = serde_json::Value::String(info.time.clone());
                }
                write_file(
                    &v_dir.join(format!("{ev}.info")),
                    json.to_string().as_bytes(),
                    &mut report,
                )?;
            }
            Err(e) if download => missing(&mut report, "info", e.go_text()),
            Err(_) => {}
        }
        if download {
            match sources.zip(m) {
                Ok(data) => write_file(&v_dir.join(format!("{ev}.zip")), &data, &mut report)?,
                Err(e) => missing(&mut report, "zip", e.go_text()),
            }
        }
    }
    for (path, mut list) in versions {
        semver::sort(&mut list);
        let mut text = list.join("\n");
        text.push('\n');
        let m = ModuleVersion::new(path.as_str(), "");
        write_file(
            &module_dir(dir, &m)?.join("list"),
            text.as_bytes(),
            &mut report,
        )?;
    }
    Ok(report)
}

fn module_dir(dir: &Path, m: &ModuleVersion) -> Result<PathBuf, ExportError> {
    let ep =
        escape_path(&m.path).map_err(|e| ExportError::Escape(m.path.to_string(), e.to_string()))?;
    let mut p = dir.to_path_buf();
    for elem in ep.split('/') {
        // escape_path accepted the path: no empty, `.` or `..` element.
        p.push(elem);
    }
    p.push("@v");
    Ok(p)
}

/// Writes `data` to `path` through a temporary file renamed into place.
fn write_file(path: &Path, data: &[u8], report: &mut ExportReport) -> Result<(), ExportError> {
    let err = |source| ExportError::Write {
        path: path.to_path_buf(),
        source,
    };
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(err)?;
    }
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".gomvs-tmp");
    let tmp = PathBuf::from(tmp);
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(data)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(err(e));
    }
    report.files += 1;
    report.bytes += data.len() as u64;
    Ok(())
}
