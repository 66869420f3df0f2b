//! Vendor mode (`-mod=vendor`, or automatic with go ≥ 1.14 and a vendor
//! directory): `vendor/modules.txt` as `modload.readVendorList` reads it,
//! `checkVendorConsistency` with go's error texts, and the module graph
//! `Requirements.initVendor` builds from it (no go.mod of a dependency is
//! ever read).

use super::*;
use std::collections::HashMap;

/// `vendorMetadata`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct VendorMeta {
    explicit: bool,
    replacement: Option<ModuleVersion>,
}

/// What `readVendorList` collects.
#[derive(Debug, Default)]
struct VendorList {
    /// Modules that contribute packages, in order of appearance.
    list: Vec<ModuleVersion>,
    /// Every replaced module.
    replaced: Vec<ModuleVersion>,
    /// Module path → selected version (if known).
    version: HashMap<String, String>,
    meta: HashMap<ModuleVersion, VendorMeta>,
}

/// The pseudo-module `initVendor` hangs the vendored modules on when the
/// requirements are not pruned.
const VENDOR_MOD: &str = "vendor/modules.txt";

impl Session {
    /// The vendor directory (`VendorDir`): next to go.work in workspace
    /// mode, else in the main module's root.
    fn vendor_dir(&self) -> PathBuf {
        match &self.work {
            Some((path, _)) => path.parent().map(|p| p.join("vendor")).unwrap_or_default(),
            None => self
                .mains
                .first()
                .map(|m| m.root.join("vendor"))
                .unwrap_or_default(),
        }
    }

    /// `readVendorList`; records the `## go` versions (`rawGoVersion`).
    fn read_vendor_list(&self) -> Result<VendorList, Fatal> {
        let file = self.vendor_dir().join("modules.txt");
        let mut out = VendorList::default();
        let data = match self.config.files.read(&file) {
            Ok(d) => d,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(out),
            Err(e) => {
                let op = if e.raw_os_error() == Some(21) {
                    "read"
                } else {
                    "open"
                };
                return Err(Fatal::go(format!(
                    "{op} {}: {}",
                    file.display(),
                    errno_text(&e)
                )));
            }
        };
        let text = String::from_utf8_lossy(&data);
        let mut current: Option<ModuleVersion> = None;
        for line in text.split('\n') {
            if let Some(rest) = line.strip_prefix("# ") {
                let f: Vec<&str> = rest.split_whitespace().collect();
                // strings.Fields(line) includes the leading "#".
                if f.len() < 2 {
                    continue;
                }
                let (m, tail) = if gomvs_modfile::semver::is_valid(f[1]) {
                    (ModuleVersion::new(f[0], f[1]), &f[2..])
                } else if f[1] == "=>" {
                    (ModuleVersion::new(f[0], ""), &f[1..])
                } else {
                    current = None;
                    continue;
                };
                if tail.len() >= 2 && tail[0] == "=>" {
                    let meta = out.meta.entry(m.clone()).or_default();
                    if tail.len() == 2 {
                        meta.replacement = Some(ModuleVersion::new(tail[1], ""));
                        out.replaced.push(m.clone());
                    } else if tail.len() == 3 && gomvs_modfile::semver::is_valid(tail[2]) {
                        meta.replacement = Some(ModuleVersion::new(tail[1], tail[2]));
                        out.replaced.push(m.clone());
                    }
                }
                current = Some(m);
                continue;
            }
            let Some(m) = current.as_ref().filter(|m| !m.path.is_empty()) else {
                continue;
            };
            if let Some(annotations) = line.strip_prefix("## ") {
                let meta = out.meta.entry(m.clone()).or_default();
                for entry in annotations.split(';') {
                    let entry = entry.trim();
                    if entry == "explicit" {
                        meta.explicit = true;
                    }
                    if let Some(go) = entry.strip_prefix("go ") {
                        self.store_go_version(m, go);
                        if gover::compare(go, &self.config.local_go).is_gt() {
                            return Err(Fatal::go(too_new_message(
                                &format!("{} in {}", m.path, self.short_path(&file)),
                                go,
                                &self.config.local_go,
                                &self.config.gotoolchain,
                            )));
                        }
                    }
                }
                continue;
            }
            let f: Vec<&str> = line.split_whitespace().collect();
            if f.len() == 1 && module::check_import_path(f[0]).is_ok() {
                let newer = match out.version.get(m.path.as_str()) {
                    None => true,
                    Some(v) => gover::mod_compare(&m.path, v, &m.version).is_lt(),
                };
                if newer {
                    out.list.push(m.clone());
                    out.version
                        .insert(m.path.to_string(), m.version.to_string());
                }
            }
        }
        Ok(out)
    }

    /// `checkVendorConsistency`.
    fn check_vendor_consistency(&self, v: &VendorList) -> Result<(), Fatal> {
        let workspace = self.in_workspace();
        let pre114 = !workspace
            && self
                .mains
                .first()
                .is_some_and(|m| gover::compare(&m.index.go_version, "1.14").is_lt());
        let mut errs = String::new();
        let mut vend_errorf = |m: &ModuleVersion, detail: String| {
            if m.version.is_empty() {
                errs.push_str(&format!("\n\t{}: {detail}", m.path));
            } else {
                errs.push_str(&format!("\n\t{}@{}: {detail}", m.path, m.version));
            }
        };
        let meta = |m: &ModuleVersion| v.meta.get(m).cloned().unwrap_or_default();
        for main in &self.mains {
            for r in &main.file.require {
                if meta(&r.module).explicit {
                    continue;
                }
                if pre114 {
                    if let Some(vv) = v.version.get(r.module.path.as_str()) {
                        if *vv != r.module.version {
                            vend_errorf(
                                &r.module,
                                format!(
                                    "is explicitly required in go.mod, but vendor/modules.txt indicates {}@{vv}",
                                    r.module.path
                                ),
                            );
                        }
                    }
                } else {
                    vend_errorf(
                        &r.module,
                        "is explicitly required in go.mod, but not marked as explicit in vendor/modules.txt".into(),
                    );
                }
            }
        }
        let describe = |m: &ModuleVersion| {
            if m.version.is_empty() {
                m.path.to_string()
            } else {
                format!("{}@{}", m.path, m.version)
            }
        };
        let mut seen: HashSet<ModuleVersion> = HashSet::new();
        let mut olds: Vec<ModuleVersion> = Vec::new();
        for main in &self.mains {
            olds.extend(main.file.replace.iter().map(|r| r.old.clone()));
        }
        if let Some((_, wf)) = &self.work {
            olds.extend(wf.replace.iter().map(|r| r.old.clone()));
        }
        for old in olds {
            if !seen.insert(old.clone()) {
                continue;
            }
            let rule = self.replacements.lookup(&old).map(|f| f.rule);
            let vr = meta(&old).replacement;
            match (&vr, &rule) {
                (None, None) => {}
                (None, Some(rule)) => {
                    let vendored = v.version.get(old.path.as_str()).map(String::as_str);
                    if pre114 && (old.version.is_empty() || vendored != Some(old.version.as_str()))
                    {
                        continue;
                    }
                    vend_errorf(
                        &old,
                        format!(
                            "is replaced in {}, but not marked as replaced in vendor/modules.txt",
                            self.short_path(&rule.origin.file)
                        ),
                    );
                }
                (Some(vr), Some(rule)) => {
                    if *vr != self.canonical_replacement(rule) {
                        vend_errorf(
                            &old,
                            format!(
                                "is replaced by {} in {}, but marked as replaced by {} in vendor/modules.txt",
                                describe(&rule.new),
                                self.short_path(&rule.origin.file),
                                describe(vr)
                            ),
                        );
                    }
                }
                // replacementFrom finds every replace directive of a main
                // go.mod (a go.work conflict has failed the load already).
                (Some(_), None) => {}
            }
        }
        for m in &v.list {
            if !meta(m).explicit {
                continue;
            }
            if !self.mains.iter().any(|mm| mm.index.require.contains_key(m)) {
                let article = if workspace { "a " } else { "" };
                vend_errorf(
                    m,
                    format!(
                        "is marked as explicit in vendor/modules.txt, but not explicitly required in {article}go.mod"
                    ),
                );
            }
        }
        for m in &v.replaced {
            if self.replacements.lookup(m).is_none() {
                let source = if workspace { "the workspace" } else { "go.mod" };
                vend_errorf(
                    m,
                    format!(
                        "is marked as replaced in vendor/modules.txt, but not replaced in {source}"
                    ),
                );
            }
        }
        if errs.is_empty() {
            return Ok(());
        }
        let dir = self.vendor_dir();
        let parent = dir.parent().unwrap_or(&dir);
        Err(Fatal::go(format!(
            "inconsistent vendoring in {}:{errs}\n\n\tTo ignore the vendor directory, use -mod=readonly or -mod=mod.\n\tTo sync the vendor directory, run:\n\t\tgo {} vendor",
            parent.display(),
            if workspace { "work" } else { "mod" }
        )))
    }

    /// `LoadModFile` in vendor mode: the requirements from go.mod, the
    /// vendor list and its consistency checks, and `initVendor`'s graph
    /// (pruned: the roots are the whole graph; unpruned: the vendored
    /// modules hang on a `vendor/modules.txt` pseudo-module).
    pub fn load_vendor(mut self) -> Result<Loaded, Fatal> {
        let rs = self.requirements_from_mod_files();
        let with_warnings = |s: &Session, mut f: Fatal| {
            let mut lines = s.stderr_lines();
            lines.append(&mut f.lines);
            f.lines = lines;
            f
        };
        let vendor = match self.read_vendor_list() {
            Ok(v) => v,
            Err(f) => return Err(with_warnings(&self, f)),
        };
        if let Err(f) = self.check_vendor_consistency(&vendor) {
            return Err(with_warnings(&self, f));
        }
        let roots: Vec<ModuleVersion> = if self.in_workspace() {
            rs.roots.clone()
        } else {
            self.main_versions()
        };
        let mut g = mvs::Graph::with_go_order(roots);
        let vendor_mod = ModuleVersion::new(VENDOR_MOD, "");
        if rs.pruning == Pruning::Pruned {
            let mut inconsistent = false;
            for m in &vendor.list {
                if self.root_selected(&rs, &m.path).as_deref() != Some(m.version.as_str()) {
                    self.error_deferred(format!(
                        "go: vendored module {m} should be required explicitly in go.mod"
                    ));
                    inconsistent = true;
                }
            }
            if inconsistent {
                let f = Fatal::go(self.go_mod_dirty_message());
                return Err(with_warnings(&self, f));
            }
            if let Some(main) = self.main_versions().first() {
                let _ = g.require(main, rs.roots.iter());
            }
        } else if self.in_workspace() {
            for main in &self.mains {
                let mut reqs: Vec<ModuleVersion> =
                    main.file.require.iter().map(|r| r.module.clone()).collect();
                reqs.push(vendor_mod.clone());
                let _ = g.require(&main.module, reqs.iter());
            }
            let _ = g.require(&vendor_mod, vendor.list.iter());
        } else if let Some(main) = self.main_versions().first() {
            let mut reqs = rs.roots.clone();
            reqs.push(vendor_mod.clone());
            let _ = g.require(main, reqs.iter());
            let _ = g.require(&vendor_mod, vendor.list.iter());
        }
        let graph = ModuleGraph {
            graph: g,
            summaries: Default::default(),
            load_modes: Default::default(),
            error: None,
        };
        let initial = rs.clone();
        Ok(self.into_loaded(rs, graph, initial, None))
    }
}
