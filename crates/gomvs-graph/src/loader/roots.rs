//! Root requirements and their consistency: initial roots, redundant roots,
//! the missing go line, `expandGraph`/`updateRoots` and the go.mod dirty
//! check (`commitRequirements`).

use super::*;

/// What a finished load hands to the listing and explanation layers.
pub struct Loaded {
    /// The session (main modules, replacements, caches).
    pub session: Session,
    /// The final requirements.
    pub requirements: Requirements,
    /// The final graph.
    pub graph: ModuleGraph,
    /// The requirements as read from go.mod, before any update.
    pub initial_requirements: Requirements,
    /// The graph-load error or "updates to go.mod needed" reported after listing.
    pub error: Option<String>,
    /// Whether the full module graph was loaded (false on `go list -m`'s
    /// root-only fast path, where `graph` holds the main modules only).
    pub graph_loaded: bool,
}

pub(super) const GO_MOD_DIRTY: &str = "go.mod needs update";

impl Session {
    /// The "updates to go.mod needed" message in this session's wording.
    pub fn go_mod_dirty_message(&self) -> String {
        if self.build_mode_explicit {
            format!(
                "updates to go.mod needed, disabled by -mod={}; to update it:\n\tgo mod tidy",
                self.build_mode.as_str()
            )
        } else if !self.build_mode_reason.is_empty() {
            format!(
                "updates to go.mod needed, disabled by -mod={}\n\t({})\n\tto update it:\n\tgo mod tidy",
                self.build_mode.as_str(),
                self.build_mode_reason
            )
        } else {
            "updates to go.mod needed; to update it:\n\tgo mod tidy".to_string()
        }
    }

    pub(super) fn must_have_complete_requirements(&self) -> bool {
        self.build_mode != BuildMode::Mod && !self.in_workspace()
    }

    pub(super) fn must_have_sums(&self) -> bool {
        self.build_mode == BuildMode::Readonly && !self.in_workspace()
    }

    /// The initial requirements (`requirementsFromModFiles`), printing the
    /// excluded-requirement notes as go does.
    pub fn requirements_from_mod_files(&mut self) -> Requirements {
        let mut direct = BTreeSet::new();
        if let Some((_, wf)) = &self.work {
            if self.mains.is_empty() {
                // A workspace without modules: go uses the pseudo main module
                // command-line-arguments, with a nil go.work for the go version.
                let roots = vec![
                    ModuleVersion::new(COMMAND_LINE_ARGUMENTS, ""),
                    ModuleVersion::new("go", gover::DEFAULT_GO_WORK_VERSION),
                    ModuleVersion::new("toolchain", format!("go{}", self.config.local_go)),
                ];
                direct.insert("go".to_string());
                return Requirements::new(Pruning::Workspace, roots, direct);
            }
            let mut roots = self.main_versions();

            let go_version = wf
                .go
                .as_ref()
                .map_or(gover::DEFAULT_GO_WORK_VERSION.to_string(), |g| {
                    g.version.clone()
                });
            roots.push(ModuleVersion::new("go", go_version));
            if let Some(t) = &wf.toolchain {
                roots.push(ModuleVersion::new("toolchain", t.name.clone()));
            }
            for m in &self.mains {
                for r in &m.file.require {
                    if !r.indirect {
                        direct.insert(r.module.path.to_string());
                    }
                }
            }
            mod_sort(&mut roots);
            return Requirements::new(Pruning::Workspace, roots, direct);
        }
        let mut roots = Vec::new();
        let mut notes = Vec::new();
        let Some(main) = self.mains.first() else {
            return Requirements::new(Pruning::Unpruned, roots, direct);
        };
        for r in &main.file.require {
            if main.index.exclude.contains_key(&r.module) {
                let verb = if self.build_mode == BuildMode::Mod {
                    "dropping"
                } else {
                    "ignoring"
                };
                notes.push(format!(
                    "go: {verb} requirement on excluded version {} {}",
                    r.module.path, r.module.version
                ));
                continue;
            }
            roots.push(r.module.clone());
            if !r.indirect {
                direct.insert(r.module.path.to_string());
            }
        }
        let go_version = main
            .file
            .go
            .as_ref()
            .map_or(gover::DEFAULT_GO_MOD_VERSION.to_string(), |g| {
                g.version.clone()
            });
        roots.push(ModuleVersion::new("go", go_version.clone()));
        direct.insert("go".to_string());
        if let Some(t) = &main.file.toolchain {
            roots.push(ModuleVersion::new("toolchain", t.name.clone()));
        }
        for n in notes {
            self.note(n);
        }
        mod_sort(&mut roots);
        Requirements::new(Pruning::for_go_version(&go_version), roots, direct)
    }

    pub(super) fn all_roots_selected(&self, mg: &ModuleGraph) -> bool {
        let roots = if self.in_workspace() {
            self.main_versions()
        } else {
            match self
                .mains
                .first()
                .and_then(|m| mg.graph.required_by(&m.module))
            {
                Some(r) => r.cloned().collect(),
                None => Vec::new(),
            }
        };
        roots.iter().all(|m| mg.selected(&m.path) == m.version)
    }

    pub(super) fn root_selected(&self, rs: &Requirements, path: &str) -> Option<String> {
        if self.is_main(path) {
            return Some(String::new());
        }
        rs.root_version(path).map(str::to_string)
    }

    /// `updatePrunedRoots` with no packages and nothing to add.
    fn update_pruned_roots(
        &self,
        rs: Requirements,
        mut mg: Option<ModuleGraph>,
    ) -> Result<(Requirements, Option<ModuleGraph>), UpdateError> {
        let mut rs = rs;
        let mut roots_upgraded = false;
        let mut roots: Vec<ModuleVersion> = rs.roots.clone();
        loop {
            if roots_upgraded {
                if self.must_have_complete_requirements() {
                    return Err(UpdateError::Dirty);
                }
                rs = Requirements::new(Pruning::Pruned, roots.clone(), rs.direct.clone());
                let g = self.read_mod_graph(Pruning::Pruned, &rs.roots, &HashSet::new());
                if let Some(e) = &g.error {
                    return Err(UpdateError::Graph(e.to_string(), Box::new((rs, g))));
                }
                mg = Some(g);
            }
            roots = Vec::with_capacity(rs.roots.len());
            roots_upgraded = false;
            let mut in_root_paths: HashSet<SmolStr> =
                self.mains.iter().map(|m| m.module.path.clone()).collect();
            for m in &rs.roots {
                if in_root_paths.contains(m.path.as_str()) {
                    continue;
                }
                let v = match &mg {
                    None => self.root_selected(&rs, &m.path).unwrap_or_default(),
                    Some(g) => g.selected(&m.path),
                };
                if v != m.version {
                    roots_upgraded = true;
                }
                roots.push(ModuleVersion::new(m.path.clone(), v));
                in_root_paths.insert(m.path.clone());
            }
            if !roots_upgraded {
                if self.build_mode != BuildMode::Mod {
                    return Ok((rs, mg));
                }
                break;
            }
        }
        if rs.pruning == Pruning::Pruned && roots == rs.roots {
            return Ok((rs, mg));
        }
        Ok((
            Requirements::new(Pruning::Pruned, roots, rs.direct.clone()),
            None,
        ))
    }

    /// `updateUnprunedRoots` with nothing to add.
    fn update_unpruned_roots(
        &self,
        rs: Requirements,
        mg: Option<ModuleGraph>,
    ) -> Result<(Requirements, Option<ModuleGraph>), UpdateError> {
        let mg = match mg {
            Some(g) => g,
            None => self.read_mod_graph(rs.pruning, &rs.roots, &HashSet::new()),
        };
        if let Some(e) = &mg.error {
            return Err(UpdateError::Graph(e.to_string(), Box::new((rs, mg))));
        }
        if self.must_have_complete_requirements() {
            for m in &rs.roots {
                if m.version != mg.selected(&m.path) {
                    return Err(UpdateError::Dirty);
                }
            }
            for p in &rs.direct {
                if self.root_selected(&rs, p).is_none() {
                    return Err(UpdateError::Dirty);
                }
            }
            return Ok((rs, Some(mg)));
        }
        let mut root_paths: Vec<String> = Vec::new();
        let mut in_root_paths: HashSet<SmolStr> = HashSet::new();
        for r in &rs.roots {
            if !in_root_paths.contains(r.path.as_str()) && mg.selected(&r.path) == r.version {
                root_paths.push(r.path.to_string());
                in_root_paths.insert(r.path.clone());
            }
        }
        let build_list = mg.build_list();
        let keep: Vec<ModuleVersion> = build_list.iter().skip(self.mains.len()).cloned().collect();
        for m in &keep {
            if rs.direct.contains(m.path.as_str()) && !in_root_paths.contains(m.path.as_str()) {
                root_paths.push(m.path.to_string());
                in_root_paths.insert(m.path.clone());
            }
        }
        let mut roots = Vec::new();
        for main in &self.mains {
            let reqs = SessionReqs {
                session: self,
                main: main.module.clone(),
                roots: keep.clone(),
            };
            match mvs::req(&main.module, &root_paths, &reqs) {
                Ok(min) => roots.extend(min),
                Err(e) => return Err(UpdateError::Graph(e.to_string(), Box::new((rs, mg)))),
            }
        }
        if self.mains.len() > 1 {
            mod_sort(&mut roots);
        }
        if rs.pruning == Pruning::Unpruned && roots == rs.roots {
            return Ok((rs, Some(mg)));
        }
        Ok((
            Requirements::new(Pruning::Unpruned, roots, rs.direct.clone()),
            None,
        ))
    }

    pub(super) fn update_roots(
        &self,
        rs: Requirements,
        mg: Option<ModuleGraph>,
    ) -> Result<(Requirements, Option<ModuleGraph>), UpdateError> {
        match rs.pruning {
            Pruning::Unpruned => self.update_unpruned_roots(rs, mg),
            Pruning::Pruned => self.update_pruned_roots(rs, mg),
            Pruning::Workspace => Ok((rs, mg)),
        }
    }

    pub(super) fn has_redundant_root(&self, rs: &Requirements) -> bool {
        rs.roots.iter().enumerate().any(|(i, m)| {
            self.is_main(&m.path)
                || (i > 0 && rs.roots.get(i - 1).is_some_and(|p| p.path == m.path))
        })
    }

    /// `loadModFile` after reading: the initial requirements, fixing redundant
    /// roots and a missing go line as go does.
    pub(super) fn initial_requirements(&mut self) -> Result<(Requirements, Requirements), Fatal> {
        let rs = self.requirements_from_mod_files();
        let initial = rs.clone();
        if self.in_workspace() {
            return Ok((initial, rs));
        }
        let mut rs = rs;
        if self.has_redundant_root(&rs) {
            match self.update_roots(rs, None) {
                Ok((new_rs, _)) => rs = new_rs,
                Err(UpdateError::Dirty) => return Err(Fatal::go(self.go_mod_dirty_message())),
                Err(UpdateError::Graph(e, _)) => return Err(Fatal::go(e)),
            }
        }
        let main_go_missing = self
            .mains
            .first()
            .is_some_and(|m| m.index.go_version.is_empty());
        if main_go_missing {
            if self.build_mode == BuildMode::Mod && self.config.command != GoCommand::ModGraph {
                let v = self.config.local_go.clone();
                let mut roots: Vec<ModuleVersion> = rs
                    .roots
                    .iter()
                    .filter(|m| m.path != "go")
                    .cloned()
                    .collect();
                roots.push(ModuleVersion::new("go", v.clone()));
                mod_sort(&mut roots);
                rs = Requirements::new(rs.pruning, roots, rs.direct.clone());
                if gover::compare(&v, gover::EXPLICIT_INDIRECT_VERSION).is_ge() {
                    // convertPruning(pruned): every module of the unpruned build list becomes a root.
                    let mg = self.read_mod_graph(rs.pruning, &rs.roots, &HashSet::new());
                    if let Some(e) = mg.error {
                        return Err(Fatal::go(e));
                    }
                    let list: Vec<ModuleVersion> =
                        mg.build_list().into_iter().skip(self.mains.len()).collect();
                    rs = Requirements::new(Pruning::Pruned, list, rs.direct.clone());
                }
            } else if let Some(m) = self.mains.first() {
                let main = m.module.clone();
                self.record_go_version(&main, gover::DEFAULT_GO_MOD_VERSION);
            }
        }
        Ok((initial, rs))
    }

    /// Loads the full graph as `go list -m all` and `go mod graph` do
    /// (`LoadModGraph` / `expandGraph`), updating roots in memory where go would.
    pub fn load(self) -> Result<Loaded, Fatal> {
        let with_warnings = |mut f: Fatal, warnings: &[String]| {
            let mut lines = warnings.to_vec();
            lines.append(&mut f.lines);
            f.lines = lines;
            f
        };
        match self.load_inner() {
            Ok(loaded) => match loaded.session.take_fatal() {
                Some(f) => Err(with_warnings(f, &loaded.session.stderr_lines())),
                None => Ok(loaded),
            },
            Err((f, warnings)) => Err(with_warnings(f, &warnings)),
        }
    }

    /// Loads what `go list -m ARGS` loads (`modload.listModules`): the
    /// requirements from the go.mod files, and the full module graph only
    /// when an argument needs it (`all`, a `...` pattern, a path that is not
    /// a root or a main module, `path@upgrade`/`@patch` of a non-root, or
    /// any path under unpruned requirements). Without one, no dependency's
    /// go.mod is read, so their absence or checksum errors never show, as
    /// in go; the graph of the result then holds the main modules only.
    pub fn load_for_list(self, args: &[String]) -> Result<Loaded, Fatal> {
        let with_warnings = |mut f: Fatal, warnings: &[String]| {
            let mut lines = warnings.to_vec();
            lines.append(&mut f.lines);
            f.lines = lines;
            f
        };
        let mut this = self;
        let (initial, rs) = match this.initial_requirements() {
            Ok(r) => r,
            Err(f) => {
                let f = this.take_fatal().unwrap_or(f);
                let warnings = this.stderr_lines();
                return Err(with_warnings(f, &warnings));
            }
        };
        let need_full_graph = args.iter().any(|arg| {
            if arg == "all" || arg.contains("...") {
                return true;
            }
            let (path, vers) = match arg.split_once('@') {
                Some((p, v)) => (p, Some(v)),
                None => (arg.as_str(), None),
            };
            let not_root = this.root_selected(&initial, path).is_none()
                || initial.pruning == Pruning::Unpruned;
            match vers {
                Some(v) => (v == "upgrade" || v == "patch") && not_root,
                None => not_root,
            }
        });
        let loaded = if need_full_graph || this.config.graph_go.is_some() {
            this.load_from(initial, rs)
        } else {
            let graph = this.read_mod_graph(rs.pruning, &[], &HashSet::new());
            let mut loaded = this.into_loaded(rs, graph, initial, None);
            loaded.graph_loaded = false;
            Ok(loaded)
        };
        match loaded {
            Ok(loaded) => match loaded.session.take_fatal() {
                Some(f) => Err(with_warnings(f, &loaded.session.stderr_lines())),
                None => Ok(loaded),
            },
            Err((f, warnings)) => Err(with_warnings(f, &warnings)),
        }
    }

    /// The finished load: final requirements and graph, the requirements as
    /// read, and the error Go reports after listing (if any).
    pub(super) fn into_loaded(
        self,
        requirements: Requirements,
        graph: ModuleGraph,
        initial_requirements: Requirements,
        error: Option<String>,
    ) -> Loaded {
        Loaded {
            session: self,
            requirements,
            graph,
            initial_requirements,
            error,
            graph_loaded: true,
        }
    }

    pub(super) fn load_inner(mut self) -> Result<Loaded, (Fatal, Vec<String>)> {
        let (initial, rs) = match self.initial_requirements() {
            Ok(r) => r,
            Err(f) => {
                let f = self.take_fatal().unwrap_or(f);
                return Err((f, self.stderr_lines()));
            }
        };
        self.load_from(initial, rs)
    }

    /// `LoadModGraph` from the requirements `loadModFile` left (`rs`;
    /// `initial` as read from go.mod).
    fn load_from(
        self,
        initial: Requirements,
        rs: Requirements,
    ) -> Result<Loaded, (Fatal, Vec<String>)> {
        if let Some(go_flag) = self.config.graph_go.clone() {
            let v = rs.go_version().to_string();
            if gover::compare(&v, gover::GO_STRICT_VERSION).is_ge()
                && gover::compare(&go_flag, &v).is_lt()
            {
                return Err((
                    Fatal::go(format!("requested Go version {go_flag} cannot load module graph (requires Go >= {v})")),
                    self.stderr_lines(),
                ));
            }
            let mut rs = rs;
            if Pruning::for_go_version(&go_flag) == Pruning::Unpruned
                && rs.pruning != Pruning::Unpruned
            {
                rs = Requirements::new(Pruning::Unpruned, rs.roots.clone(), rs.direct.clone());
            }
            let mg = self.read_mod_graph(rs.pruning, &rs.roots, &HashSet::new());
            if let Some(f) = self.take_fatal() {
                return Err((f, self.stderr_lines()));
            }
            if let Some(e) = &mg.error {
                return Err((Fatal::go(e), self.stderr_lines()));
            }
            return Ok(self.into_loaded(rs, mg, initial, None));
        }
        let mg = self.read_mod_graph(rs.pruning, &rs.roots, &HashSet::new());
        if let Some(e) = &mg.error {
            let msg = e.to_string();
            return Ok(self.into_loaded(rs, mg, initial, Some(msg)));
        }
        if self.in_workspace() || self.all_roots_selected(&mg) {
            return Ok(self.into_loaded(rs, mg, initial, None));
        }
        match self.update_roots(rs.clone(), Some(mg)) {
            Ok((new_rs, Some(g))) => Ok(self.into_loaded(new_rs, g, initial, None)),
            Ok((new_rs, _)) => {
                let g = self.read_mod_graph(new_rs.pruning, &new_rs.roots, &HashSet::new());
                let error = g.error.as_ref().map(ToString::to_string);
                Ok(Loaded {
                    session: self,
                    requirements: new_rs,
                    graph: g,
                    initial_requirements: initial,
                    error,
                    graph_loaded: true,
                })
            }
            Err(UpdateError::Dirty) => {
                let g = self.read_mod_graph(rs.pruning, &rs.roots, &HashSet::new());
                let msg = self.go_mod_dirty_message();
                Ok(self.into_loaded(rs, g, initial, Some(msg)))
            }
            Err(UpdateError::Graph(e, boxed)) => {
                let (_, g) = *boxed;
                Ok(self.into_loaded(rs, g, initial, Some(e.to_string())))
            }
        }
    }
}

impl Loaded {
    /// `commitRequirements` as `go list -m` runs it (gomvs never writes):
    /// the go.mod dirty check, which fails a readonly load with Go's
    /// "updates to go.mod needed", and the go.sum bookkeeping (`keepSums`),
    /// whose replacement lookups are when Go reports workspace replacement
    /// conflicts.
    pub fn commit_requirements(&self) -> Option<String> {
        let s = &self.session;
        s.rewrite_go_sum();
        if !s.in_workspace() && self.go_mod_would_change() {
            if s.build_mode != BuildMode::Mod {
                return Some(s.go_mod_dirty_message());
            }
            return None;
        }
        if let Some(e) = self.go_sum_dirty() {
            return Some(e);
        }
        // Looking up replacements again only matters for the conflicts it
        // reports; without replace directives there is nothing to find.
        if s.replacements.rules().is_empty() {
            return None;
        }
        let g = &self.graph.graph;
        g.walk_breadth_first_ids(|id| {
            if g.required_by_id(id).is_some() {
                if let Some(m) = g.module(id) {
                    let _ = s.replacement(m);
                }
            }
        });
        for m in self.graph.build_list() {
            let _ = s.replacement(&m);
        }
        None
    }

    /// `WriteGoSum(keepSums(...), readonly)`'s refusal: in readonly mode
    /// (not a workspace), a go.mod fetched during the run whose hash go.sum
    /// lacks is a go.sum update, refused when `keepSums` keeps it: with the
    /// graph loaded, any module of the graph; on the root-only fast path,
    /// the roots (replacements resolved).
    fn go_sum_dirty(&self) -> Option<String> {
        let s = &self.session;
        if s.build_mode == BuildMode::Mod || s.in_workspace() {
            return None;
        }
        let used = s.used_sums.lock().map(|u| u.clone()).unwrap_or_default();
        if used.iter().all(|(_, _, recorded)| *recorded) {
            return None;
        }
        let mut kept: HashSet<ModuleVersion> = HashSet::new();
        if self.graph_loaded {
            // Every go.mod of the graph (mg.RequiredBy known).
            let g = &self.graph.graph;
            g.walk_breadth_first_ids(|id| {
                if g.required_by_id(id).is_some() {
                    if let Some(m) = g.module(id) {
                        kept.insert(s.actual(m));
                    }
                }
            });
        } else {
            kept.extend(self.requirements.roots.iter().map(|r| s.actual(r)));
        }
        let keep = |m: &ModuleVersion| kept.contains(m);
        used.iter()
            .any(|(m, _, recorded)| !recorded && keep(m))
            .then(|| "updates to go.sum needed, disabled by -mod=readonly".to_string())
    }

    /// `commitRequirements`' dirty check: whether writing go.mod from the
    /// final requirements would change it (readonly then fails).
    pub fn go_mod_would_change(&self) -> bool {
        let s = &self.session;
        if s.in_workspace() {
            return false;
        }
        let Some(main) = s.mains.first() else {
            return false;
        };
        let index = &main.index;
        if index.data_needs_fix {
            return true;
        }
        let mut go_version = String::new();
        let mut toolchain = String::new();
        let mut list: Vec<&ModuleVersion> = Vec::new();
        for m in &self.requirements.roots {
            match m.path.as_str() {
                "go" => go_version = m.version.to_string(),
                "toolchain" => toolchain = m.version.to_string(),
                _ => list.push(m),
            }
        }
        // go line
        let mut new_go = index.go_version.clone();
        if index.go_version.is_empty() || index.go_version != go_version {
            let always = s.build_mode == BuildMode::Mod;
            if !(index.go_version.is_empty()
                && go_version == gover::DEFAULT_GO_MOD_VERSION
                && !always)
            {
                new_go = go_version.clone();
            }
        }
        // toolchain line
        let tc = if toolchain.is_empty() {
            format!("go{go_version}")
        } else {
            toolchain.clone()
        };
        let tc_version = gover::from_toolchain(&tc);
        let new_toolchain = if tc == format!("go{go_version}")
            || gover::compare(&tc_version, gover::GO_STRICT_VERSION).is_lt()
        {
            String::new()
        } else {
            tc
        };
        if new_go != index.go_version || new_toolchain != index.toolchain {
            return true;
        }
        // requirements: SetRequire keeps one line per listed module
        let mut seen: crate::collections::FastSet<&ModuleVersion> =
            crate::collections::FastSet::default();
        seen.reserve(list.len());
        let unique: Vec<&&ModuleVersion> = list.iter().filter(|m| seen.insert(**m)).collect();
        if unique.len() != index.require.len() {
            return true;
        }
        for m in unique {
            match index.require.get(*m) {
                None => return true,
                Some(&indirect) => {
                    let want_indirect = !self.requirements.direct.contains(m.path.as_str());
                    if indirect != want_indirect && s.build_mode != BuildMode::Readonly {
                        return true;
                    }
                }
            }
        }
        false
    }
}

/// The `mvs.Reqs` view of a session used by `mvs::req` (`modload.mvsReqs`).
pub(crate) struct SessionReqs<'a> {
    pub(crate) session: &'a Session,
    pub(crate) main: ModuleVersion,
    pub(crate) roots: Vec<ModuleVersion>,
}

impl mvs::Reqs for SessionReqs<'_> {
    type Error = SummaryError;

    fn required(&self, m: &ModuleVersion) -> Result<Arc<[ModuleVersion]>, SummaryError> {
        if *m == self.main {
            return Ok(self.roots.clone().into());
        }
        if m.version == mvs::NONE {
            return Ok(Arc::from(Vec::new()));
        }
        self.session
            .summary(m)
            .map(|s| Arc::from(s.require.clone()))
    }

    fn max<'v>(&self, path: &str, v1: &'v str, v2: &'v str) -> &'v str {
        mvs::max_version(path, v1, v2)
    }
}

pub(super) enum UpdateError {
    Dirty,
    Graph(String, Box<(Requirements, ModuleGraph)>),
}

impl std::fmt::Debug for UpdateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            UpdateError::Dirty => f.write_str(GO_MOD_DIRTY),
            UpdateError::Graph(e, _) => write!(f, "{e}"),
        }
    }
}

/// The `mvs.Reqs` view `mvs::req` needs for new roots of the main module
/// (`modload.mvsReqs`), for `go get`'s requirement editing.
pub(crate) fn roots_reqs(
    session: &Session,
    main: ModuleVersion,
    roots: Vec<ModuleVersion>,
) -> SessionReqs<'_> {
    SessionReqs {
        session,
        main,
        roots,
    }
}
