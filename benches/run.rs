//! In-process runs of the two command paths being measured: `gomvs list all`
//! (load, build list, one row per module) and `gomvs graph` (load, then the
//! breadth-first walk printing every edge). Both render their output into a
//! byte buffer exactly as the CLI prints it, so nothing is optimized away.

use gomvs_graph::env::GoEnv;
use gomvs_graph::listing::{list_all, CacheLayout};
use gomvs_graph::loader::{Fatal, GoCommand, LoadConfig, Loaded, Session};
use gomvs_graph::source::{GoSources, ModuleSource};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Which command path to run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    /// `gomvs list all` (`go list -m all`).
    ListAll,
    /// `gomvs graph` (`go mod graph`).
    Graph,
}

impl Command {
    /// The go command this emulates.
    pub fn go_command(self) -> GoCommand {
        match self {
            Command::ListAll => GoCommand::ListModules,
            Command::Graph => GoCommand::ModGraph,
        }
    }

    /// A short name for reports (`list` or `graph`).
    pub fn name(self) -> &'static str {
        match self {
            Command::ListAll => "list",
            Command::Graph => "graph",
        }
    }
}

/// The environment of a benchmark run: the variables of the golang-x corpus
/// runs (`GOFLAGS=-mod=<mode>`, `GOWORK=off`, `GOPROXY=<goproxy>`, a
/// module cache at `modcache`).
pub fn bench_env(cwd: &Path, goproxy: &str, modcache: &Path, mode: &str) -> GoEnv {
    GoEnv::new(
        [
            ("GOTOOLCHAIN", "local".to_string()),
            ("GOSUMDB", "off".to_string()),
            ("GOPROXY", goproxy.to_string()),
            ("GOWORK", "off".to_string()),
            ("GO111MODULE", "on".to_string()),
            ("GOENV", "off".to_string()),
            ("GOFLAGS", format!("-mod={mode}")),
            ("GOMODCACHE", modcache.display().to_string()),
            ("GOPATH", modcache.display().to_string()),
        ],
        cwd,
    )
}

/// Loads the graph as `command` does, with `source` for module files.
pub fn load(config: &LoadConfig, source: Arc<dyn ModuleSource>) -> Result<Loaded, Fatal> {
    Session::open(config.clone(), source)?.load()
}

/// `gomvs list all` or `gomvs graph` on an environment: builds the Go
/// command's sources from it (fresh caches), loads, renders the output.
pub fn run_env(env: &GoEnv, command: Command) -> Vec<u8> {
    let config = match LoadConfig::from_env(env, command.go_command(), None) {
        Ok(c) => c,
        Err(e) => panic!("bad benchmark environment: {e}"),
    };
    let sources = GoSources::new(env);
    let cache = CacheLayout {
        root: sources
            .mod_cache()
            .and_then(|c| c.check().ok().map(Path::to_path_buf)),
    };
    run_source(&config, Arc::new(sources), &cache, command)
}

/// `gomvs list all` or `gomvs graph` with an explicit source; panics on a
/// load failure (a benchmark input must load).
pub fn run_source(
    config: &LoadConfig,
    source: Arc<dyn ModuleSource>,
    cache: &CacheLayout,
    command: Command,
) -> Vec<u8> {
    render(&load_ok(config, source), cache, command)
}

/// [`load`], panicking on a load failure or a graph error (a benchmark
/// input must load).
pub fn load_ok(config: &LoadConfig, source: Arc<dyn ModuleSource>) -> Loaded {
    let loaded = match load(config, source) {
        Ok(l) => l,
        Err(f) => panic!("load failed in {}: {f}", config.cwd.display()),
    };
    if let Some(e) = &loaded.error {
        panic!("load failed in {}: {e}", config.cwd.display());
    }
    loaded
}

/// The output phase of `command` on a loaded graph: [`render_list`] or
/// [`render_graph`].
pub fn render(loaded: &Loaded, cache: &CacheLayout, command: Command) -> Vec<u8> {
    match command {
        Command::ListAll => render_list(loaded, cache),
        Command::Graph => render_graph(loaded),
    }
}

/// The stdout of `gomvs list all` for a loaded graph.
pub fn render_list(loaded: &Loaded, cache: &CacheLayout) -> Vec<u8> {
    let rows = list_all(loaded, cache);
    let _ = loaded.commit_requirements();
    let mut out = Vec::with_capacity(rows.len() * 48);
    for r in &rows {
        let _ = crate::golist::write_module_text(r, &mut out);
        out.push(b'\n');
    }
    out
}

/// The stdout of `gomvs graph` for a loaded graph.
pub fn render_graph(loaded: &Loaded) -> Vec<u8> {
    let g = &loaded.graph.graph;
    let mut out = Vec::with_capacity(g.petgraph().edge_count() * 64);
    let _ = crate::modgraph::write_mod_graph(g, &mut out);
    out
}

/// A directory under the system temporary directory, removed on drop.
#[derive(Debug)]
pub struct TempDir {
    path: PathBuf,
}

impl TempDir {
    /// Creates `$TMPDIR/gomvs-bench-<pid>-<name>` (emptied first).
    pub fn new(name: &str) -> TempDir {
        let path = std::env::temp_dir().join(format!("gomvs-bench-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        if let Err(e) = std::fs::create_dir_all(&path) {
            panic!("cannot create {}: {e}", path.display());
        }
        TempDir { path }
    }

    /// The directory.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Keeps the directory on disk (it is no longer removed) and returns
    /// its path.
    pub fn keep(self) -> PathBuf {
        let path = self.path.clone();
        std::mem::forget(self);
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::universe::UniverseSpec;
    use gomvs_graph::source::Memoized;

    /// The streamed output is byte for byte what formatting each row and
    /// edge with `Display`/`ModuleInfo::text` gives.
    #[test]
    fn rendered_output_matches_formatted_lines() {
        for pruned in [true, false] {
            let u = UniverseSpec::new(200, pruned).in_memory();
            let modcache = TempDir::new(&format!("render-test-{pruned}"));
            let source = Arc::new(u.source);
            for command in [Command::ListAll, Command::Graph] {
                let env = bench_env(u.main.path(), "off", modcache.path(), "readonly");
                let config = LoadConfig::from_env(&env, command.go_command(), None)
                    .unwrap_or_else(|e| panic!("{e}"));
                let loaded = load_ok(&config, Arc::new(Memoized::new(Arc::clone(&source))));
                let cache = CacheLayout { root: None };
                let got = render(&loaded, &cache, command);
                let mut want = String::new();
                match command {
                    Command::ListAll => {
                        for r in list_all(&loaded, &cache) {
                            want.push_str(&crate::golist::module_text(&r));
                            want.push('\n');
                        }
                    }
                    Command::Graph => {
                        let g = &loaded.graph.graph;
                        g.walk_breadth_first(|m| {
                            for r in g.required_by(m).into_iter().flatten() {
                                want.push_str(&format!("{m} {r}\n"));
                            }
                        });
                    }
                }
                assert!(want.lines().count() > 200, "{pruned} {}", command.name());
                assert_eq!(
                    String::from_utf8_lossy(&got),
                    want,
                    "{pruned} {}",
                    command.name()
                );
            }
        }
    }
}
