//! Finding and reading the main module(s): go.work, go.mod (strictly, with
//! the version fixer), workspace checks, replacements and the build mode
//! (`modload.Init`, `LoadWorkFile`, `ReadModFile`, `makeMainModules`,
//! `setDefaultBuildMod`).

use super::*;

/// The subset of a go.mod the Go command indexes to detect changes (`modFileIndex`).
#[derive(Debug, Clone, Default)]
pub struct ModFileIndex {
    /// Whether the version fixer changed a version while parsing.
    pub data_needs_fix: bool,
    /// The module path.
    pub module: String,
    /// The go line.
    pub go_version: String,
    /// The toolchain line.
    pub toolchain: String,
    /// Requirements and whether each is indirect.
    pub require: FastMap<ModuleVersion, bool>,
    /// Replacements.
    pub replace: FastMap<ModuleVersion, ModuleVersion>,
    /// Exclusions with the span of their directive.
    pub exclude: FastMap<ModuleVersion, Span>,
}

impl ModFileIndex {
    pub(super) fn new(f: &ModFile, needs_fix: bool) -> Self {
        ModFileIndex {
            data_needs_fix: needs_fix,
            module: f
                .module
                .as_ref()
                .map(|m| m.path.clone())
                .unwrap_or_default(),
            go_version: f.go.as_ref().map(|g| g.version.clone()).unwrap_or_default(),
            toolchain: f
                .toolchain
                .as_ref()
                .map(|t| t.name.clone())
                .unwrap_or_default(),
            require: f
                .require
                .iter()
                .map(|r| (r.module.clone(), r.indirect))
                .collect(),
            replace: f
                .replace
                .iter()
                .map(|r| (r.old.clone(), r.new.clone()))
                .collect(),
            exclude: f
                .exclude
                .iter()
                .map(|x| (x.module.clone(), x.span))
                .collect(),
        }
    }
}

/// One main module.
#[derive(Debug, Clone)]
pub struct MainModule {
    /// Its path (version empty).
    pub module: ModuleVersion,
    /// Its root directory.
    pub root: PathBuf,
    /// Its go.mod file.
    pub go_mod_path: PathBuf,
    /// The parsed go.mod.
    pub file: ModFile,
    /// The index of the go.mod as read.
    pub index: ModFileIndex,
}

impl Session {
    /// Finds and reads the main module(s) (`Init`, `LoadWorkFile`,
    /// `ReadModFile`, `makeMainModules`, `setDefaultBuildMod`).
    pub(super) fn discover(&mut self, work_path: Option<PathBuf>) -> Result<(), Fatal> {
        if work_path.is_some() {
            if self.config.modfile.is_some() {
                return Err(Fatal::go("-modfile cannot be used in workspace mode"));
            }
            if let (Some(mode), true) = (self.config.mod_flag.mode, self.config.mod_flag.explicit) {
                if mode == BuildMode::Mod && self.config.command.refuses_mod_mode_in_workspace() {
                    return Err(Fatal::go(format!(
                        "-mod may only be set to readonly or vendor when in workspace mode, but it is set to {:?}\n\tRemove the -mod flag to use the default readonly value, \n\tor set GOWORK=off to disable workspace mode.",
                        mode.as_str()
                    )));
                }
            }
        }
        let mod_roots: Vec<PathBuf>;
        if let Some(work_path) = work_path {
            let (wf, roots) = self.load_work_file(&work_path)?;
            self.work = Some((work_path, wf));
            mod_roots = roots;
        } else {
            match crate::gopath::find_module_root(self.config.files.as_ref(), &self.config.cwd) {
                None if self.config.modfile.is_some() => {
                    return Err(Fatal::go("cannot find main module, but -modfile was set.\n\t-modfile cannot be used to set the module root directory."));
                }
                None => return Err(self.no_main_modules_error()),
                Some(root) => {
                    if crate::gopath::same_dir(&root, &self.config.temp_dir) {
                        self.note(format!(
                            "go: warning: ignoring go.mod in system temp root {}",
                            self.config.temp_dir.display()
                        ));
                        return Err(self.no_main_modules_error());
                    }
                    mod_roots = vec![root];
                }
            }
        }
        if let Some(f) = &self.config.modfile {
            if !f.ends_with(".mod") {
                return Err(Fatal::go(format!(
                    "-modfile={f}: file does not have .mod extension"
                )));
            }
        }
        if self.work.is_some()
            && mod_roots.is_empty()
            && self.config.command == GoCommand::ListModules
        {
            return Err(self.no_main_modules_error());
        }
        self.read_main_modules(&mod_roots)?;
        self.make_main_modules()?;
        self.set_default_build_mode()?;
        Ok(())
    }

    pub(super) fn no_main_modules_error(&self) -> Fatal {
        let msg = if self.work.is_some() {
            "no modules were found in the current workspace; see 'go help work'"
        } else {
            "go.mod file not found in current directory or any parent directory; see 'go help modules'"
        };
        match self.config.command {
            GoCommand::ModGraph | GoCommand::ModVerify => Fatal::go(msg),
            GoCommand::ListModules => Fatal::go(format!("cannot match \"all\": {msg}")),
            GoCommand::Get => Fatal::go(GET_OUTSIDE_MODULE),
            GoCommand::ModDownload => {
                Fatal::go("no modules specified (see 'go help mod download')")
            }
        }
    }

    pub(super) fn load_work_file(
        &mut self,
        path: &Path,
    ) -> Result<(WorkFile, Vec<PathBuf>), Fatal> {
        let short = self.short_path(path);
        let data = self.config.files.read(path).map_err(|e| {
            Fatal::go(format!(
                "reading go.work: {} {short}: {}",
                gomvs_modfile::fsread::verb(&e),
                errno_text(&e)
            ))
        })?;
        let wf = gomvs_modfile::gowork::parse_work(&short, &data, None)
            .map_err(|e| Fatal::go(format!("errors parsing go.work:\n{e}")))?;
        if let Some(go) = &wf.go {
            if gover::compare(&go.version, &self.config.local_go).is_gt() {
                return Err(Fatal::go(self.too_new(&short, &go.version)));
            }
        }
        let work_dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let mut seen = HashSet::new();
        let mut roots = Vec::new();
        for u in &wf.uses {
            let root = if Path::new(&u.path).is_absolute() {
                clean_path(Path::new(&u.path))
            } else {
                join_clean(&work_dir, &u.path)
            };
            if !seen.insert(root.clone()) {
                return Err(Fatal::go(format!(
                    "error loading go.work:\n{}:{}: path {} appears multiple times in workspace",
                    short,
                    u.span.start.line,
                    root.display()
                )));
            }
            roots.push(root);
        }
        Ok((wf, roots))
    }

    pub(super) fn too_new(&self, what: &str, version: &str) -> String {
        too_new_message(
            what,
            version,
            &self.config.local_go,
            &self.config.gotoolchain,
        )
    }

    /// `modFilePath`: the `-modfile` (relative to the working directory)
    /// when set, else `ROOT/go.mod`.
    pub(super) fn mod_file_path(&self, root: &Path) -> PathBuf {
        match &self.config.modfile {
            Some(f) if self.work.is_none() && Path::new(f).is_absolute() => {
                crate::gopath::clean_path(Path::new(f))
            }
            Some(f) if self.work.is_none() => join_clean(&self.config.cwd, f),
            _ => root.join("go.mod"),
        }
    }

    pub(super) fn read_main_modules(&mut self, roots: &[PathBuf]) -> Result<(), Fatal> {
        let mut errs: Vec<String> = Vec::new();
        for root in roots {
            let gomod = self.mod_file_path(root);
            match self.read_main_mod_file(&gomod) {
                Err(err) => {
                    if let Some((_, wf)) = &self.work {
                        let msg = match err {
                            MainModError::TooNew(v) => work_too_old(&self.short_path(root), wf, &v),
                            MainModError::Open(verb, e) => format!(
                                "cannot load module {} listed in go.work file: {verb} {}: {}",
                                self.short_path(root),
                                self.short_path(&gomod),
                                e
                            ),
                            MainModError::Other(m) => format!(
                                "cannot load module {} listed in go.work file: {}",
                                self.short_path(root),
                                m
                            ),
                        };
                        errs.push(msg);
                    } else {
                        errs.push(match err {
                            MainModError::TooNew(v) => self.too_new(&self.short_path(&gomod), &v),
                            MainModError::Open(verb, e) => {
                                format!("{verb} {}: {e}", gomod.display())
                            }
                            MainModError::Other(m) => m,
                        });
                    }
                    continue;
                }
                Ok((file, needs_fix)) => {
                    if let Some((_, wf)) = &self.work {
                        let mv = file
                            .go
                            .as_ref()
                            .map_or(gover::DEFAULT_GO_MOD_VERSION, |g| g.version.as_str());
                        let wv = wf
                            .go
                            .as_ref()
                            .map_or(gover::DEFAULT_GO_WORK_VERSION, |g| g.version.as_str());
                        if gover::compare(mv, wv).is_gt()
                            && gover::compare(mv, gover::GO_STRICT_VERSION).is_ge()
                        {
                            errs.push(work_too_old(&self.short_path(root), wf, mv));
                            continue;
                        }
                    } else {
                        let mut bad = false;
                        for g in &file.godebug {
                            if let Err(e) = crate::godebug::check(
                                "godebug",
                                &g.key,
                                &g.value,
                                &self.config.local_go,
                            ) {
                                errs.push(format!(
                                    "error loading go.mod:\n{}:{}: {}",
                                    self.short_path(&gomod),
                                    g.span.start.line,
                                    e
                                ));
                                bad = true;
                            }
                        }
                        if bad {
                            continue;
                        }
                    }
                    let path = file
                        .module
                        .as_ref()
                        .map(|m| m.path.clone())
                        .unwrap_or_default();
                    if let Err(mut e) = module::check_import_path(&path) {
                        e.kind = module::PathKind::Module;
                        errs.push(e.to_string());
                    }
                    let index = ModFileIndex::new(&file, needs_fix);
                    self.mains.push(MainModule {
                        module: ModuleVersion::new(path, ""),
                        root: root.clone(),
                        go_mod_path: gomod,
                        file,
                        index,
                    });
                }
            }
        }
        if !errs.is_empty() {
            return Err(Fatal {
                lines: errs.into_iter().map(|e| format!("go: {e}")).collect(),
                exit_code: 1,
            });
        }
        Ok(())
    }

    fn read_main_mod_file(&self, gomod: &Path) -> Result<(ModFile, bool), MainModError> {
        let data = self
            .config
            .files
            .read(gomod)
            .map_err(|e| MainModError::Open(gomvs_modfile::fsread::verb(&e), errno_text(&e)))?;
        let short = self.short_path(gomod);
        let name = gomod.display().to_string();
        let mut fixer = crate::fixer::MainVersionFixer::new(self.source.clone());
        let parsed = gomvs_modfile::gomod::parse(&name, &data, Some(&mut fixer));
        let file = match parsed {
            Ok(f) => f,
            Err(mut errs) => {
                if let Ok(lax) = gomvs_modfile::gomod::parse_lax(&name, &data) {
                    if let Some(go) = &lax.go {
                        if gover::compare(&go.version, &self.config.local_go).is_gt() {
                            return Err(MainModError::TooNew(go.version.clone()));
                        }
                    }
                }
                for e in errs.0.iter_mut() {
                    e.filename = short_path(&self.config.cwd, Path::new(&e.filename));
                }
                return Err(MainModError::Other(format!(
                    "errors parsing {short}:\n{errs}"
                )));
            }
        };
        if let Some(go) = &file.go {
            if gover::compare(&go.version, &self.config.local_go).is_gt() {
                return Err(MainModError::TooNew(go.version.clone()));
            }
        }
        match &file.module {
            None => {
                return Err(MainModError::Other(format!(
                    "error reading {short}: missing module declaration. To specify the module path:\n\tgo mod edit -module=example.com/mod"
                )))
            }
            Some(m) if m.path == "go" || m.path == "toolchain" => {
                return Err(MainModError::Other(format!(
                    "error reading {short}: invalid module path: {:?}",
                    m.path
                )))
            }
            Some(_) => {}
        }
        Ok((file, fixer.fixed()))
    }

    pub(super) fn make_main_modules(&mut self) -> Result<(), Fatal> {
        let mut lines = Vec::new();
        let mut seen = HashSet::new();
        for m in &self.mains {
            if !seen.insert(m.module.path.clone()) {
                lines.push(format!(
                    "go: module {} appears multiple times in workspace",
                    m.module.path
                ));
            }
        }
        let rules_of = |m: &MainModule, workspace: bool| -> Vec<ReplaceRule> {
            m.file
                .replace
                .iter()
                .map(|r| {
                    let mut effective = r.new.clone();
                    if workspace
                        && effective.version.is_empty()
                        && !Path::new(&effective.path).is_absolute()
                    {
                        effective.path = join_clean(&m.root, &effective.path)
                            .display()
                            .to_string()
                            .into();
                    }
                    ReplaceRule {
                        old: r.old.clone(),
                        new: r.new.clone(),
                        effective,
                        mod_root: m.root.clone(),
                        origin: DirectiveOrigin {
                            file: m.go_mod_path.clone(),
                            span: r.span,
                        },
                        from_work_file: false,
                    }
                })
                .collect()
        };
        let result = if let Some((work_path, wf)) = &self.work {
            let mut work_rules = Vec::new();
            for r in &wf.replace {
                if seen.contains(r.old.path.as_str()) && r.old.version.is_empty() {
                    lines.push(format!(
                        "go: workspace module {} is replaced at all versions in the go.work file. To fix, remove the replacement from the go.work file or specify the version at which to replace the module.",
                        r.old.path
                    ));
                }
                work_rules.push(ReplaceRule {
                    old: r.old.clone(),
                    new: r.new.clone(),
                    effective: r.new.clone(),
                    mod_root: PathBuf::new(),
                    origin: DirectiveOrigin {
                        file: work_path.clone(),
                        span: r.span,
                    },
                    from_work_file: true,
                });
            }
            let module_rules = self.mains.iter().map(|m| rules_of(m, true)).collect();
            Replacements::workspace(work_rules, module_rules)
        } else {
            match self.mains.first() {
                Some(m) => Replacements::single(rules_of(m, false)),
                None => Ok(Replacements::default()),
            }
        };
        match result {
            Ok(r) => self.replacements = r,
            Err(ReplaceConflict(msg)) => {
                lines.push(msg);
                return Err(Fatal {
                    lines,
                    exit_code: 1,
                });
            }
        }
        for m in &self.mains {
            for t in &m.file.tool {
                if let Err(e) = module::check_import_path(&t.path) {
                    lines.push(format!(
                        "go: {}",
                        e.to_string()
                            .replacen("malformed import path", "malformed tool path", 1)
                    ));
                    return Err(Fatal {
                        lines,
                        exit_code: 1,
                    });
                }
            }
        }
        // Duplicate workspace modules and go.work wildcard replacements of a
        // workspace module are base.Errorf: reported, and the command goes on.
        for line in lines {
            self.error_deferred(line);
        }
        Ok(())
    }

    pub(super) fn set_default_build_mode(&mut self) -> Result<(), Fatal> {
        if let (Some(mode), true) = (self.config.mod_flag.mode, self.config.mod_flag.explicit) {
            self.build_mode = mode;
            self.build_mode_explicit = true;
            if self.in_workspace()
                && mode == BuildMode::Mod
                && self.config.command.refuses_mod_mode_in_workspace()
            {
                return Err(Fatal::go(format!(
                    "-mod may only be set to readonly or vendor when in workspace mode, but it is set to {:?}\n\tRemove the -mod flag to use the default readonly value, \n\tor set GOWORK=off to disable workspace mode.",
                    mode.as_str()
                )));
            }
            if self.config.command.is_mod_subcommand()
                || (self.config.command.takes_mod_flag_defaulting_to_mod()
                    && mode != BuildMode::Vendor)
            {
                // `go mod graph` and `go mod verify` define no -mod flag:
                // GOFLAGS' -mod is ignored. `go mod download` takes it, but
                // loads, lists and downloads the same with readonly as with
                // mod (measured: identical output, where `go list -m all`
                // fails with "updates to go.mod needed").
                self.build_mode = BuildMode::Mod;
                self.build_mode_explicit = false;
            }
            return Ok(());
        }
        if self.config.command.is_mod_subcommand()
            || self.config.command.takes_mod_flag_defaulting_to_mod()
        {
            self.build_mode = BuildMode::Mod;
            return Ok(());
        }
        let (go_version, source, vendor_dir) = match &self.work {
            Some((path, wf)) => (
                wf.go
                    .as_ref()
                    .map(|g| g.version.clone())
                    .unwrap_or_default(),
                "go.work",
                path.parent().map(|p| p.join("vendor")).unwrap_or_default(),
            ),
            None => match self.mains.first() {
                Some(m) => (m.index.go_version.clone(), "go.mod", m.root.join("vendor")),
                None => (String::new(), "go.mod", PathBuf::new()),
            },
        };
        if self.config.files.is_dir(&vendor_dir) {
            if go_version.is_empty() {
                self.build_mode_reason = format!(
                    "Go version in {source} is unspecified, so vendor directory was not used."
                );
            } else if gover::compare(&go_version, "1.14").is_lt() {
                self.build_mode_reason = format!(
                    "Go version in {source} is {go_version}, so vendor directory was not used."
                );
            } else {
                let for_workspace =
                    vendor_is_for_workspace(self.config.files.as_ref(), &vendor_dir);
                if for_workspace != (source == "go.work") {
                    self.build_mode_reason = if for_workspace {
                        "Outside workspace mode, but vendor directory is for a workspace.".into()
                    } else {
                        "In workspace mode, but vendor directory is not for a workspace".into()
                    };
                } else {
                    self.build_mode = BuildMode::Vendor;
                    self.build_mode_reason = format!(
                        "Go version in {source} is at least 1.14 and vendor directory exists."
                    );
                    return Ok(());
                }
            }
        }
        self.build_mode = BuildMode::Readonly;
        Ok(())
    }
}

/// `go get`'s error outside a module (`runGet`).
pub const GET_OUTSIDE_MODULE: &str = "go.mod file not found in current directory or any parent directory.\n\t'go get' is no longer supported outside a module.\n\tTo build and install a command, use 'go install' with a version,\n\tlike 'go install example.com/cmd@latest'\n\tFor more information, see https://go.dev/doc/go-get-install-deprecation\n\tor run 'go help get' or 'go help install'.";

enum MainModError {
    TooNew(String),
    /// Reading the file failed: the verb (`open`/`read`) and the errno text.
    Open(&'static str, String),
    Other(String),
}

fn work_too_old(dir: &str, wf: &WorkFile, go_version: &str) -> String {
    let (verb, work_go) = match &wf.go {
        Some(g) => ("lists", g.version.clone()),
        None => (
            "implicitly requires",
            gover::DEFAULT_GO_WORK_VERSION.to_string(),
        ),
    };
    format!(
        "module {dir} listed in go.work file requires go >= {go_version}, but go.work {verb} go {work_go}; to download and use go {go_version}:\n\tgo work use"
    )
}

fn vendor_is_for_workspace(files: &dyn FileTree, vendor_dir: &Path) -> bool {
    match files.read(&vendor_dir.join("modules.txt")) {
        Ok(text) => text
            .split(|&b| b == b'\n')
            .any(|l| l.starts_with(b"## workspace")),
        Err(_) => false,
    }
}
