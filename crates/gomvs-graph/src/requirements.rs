//! The root requirements of a load (`modload.Requirements`).

use crate::summary::Pruning;
use gomvs_modfile::{gover, ModuleVersion, SmolStr};
use std::collections::{BTreeSet, HashMap};

/// The roots of the module graph and the set of direct dependencies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Requirements {
    /// How the graph below the roots is pruned.
    pub pruning: Pruning,
    /// Root modules, sorted by `gover::mod_sort` (duplicates possible until fixed).
    pub roots: Vec<ModuleVersion>,
    /// Paths required without `// indirect` by a main module, plus `go`.
    pub direct: BTreeSet<String>,
    max_root_version: HashMap<SmolStr, SmolStr>,
}

impl Requirements {
    /// `newRequirements`: `roots` must already be sorted.
    pub fn new(pruning: Pruning, roots: Vec<ModuleVersion>, direct: BTreeSet<String>) -> Self {
        let mut max_root_version: HashMap<SmolStr, SmolStr> = HashMap::new();
        for m in &roots {
            match max_root_version.get(m.path.as_str()) {
                Some(v) if gover::mod_compare(&m.path, v, &m.version).is_ge() => {}
                _ => {
                    max_root_version.insert(m.path.clone(), m.version.clone());
                }
            }
        }
        Requirements {
            pruning,
            roots,
            direct,
            max_root_version,
        }
    }

    /// The highest root version of `path`, if it is a root (`rootSelected`
    /// without the main-module case, which the caller handles).
    pub fn root_version(&self, path: &str) -> Option<&str> {
        self.max_root_version.get(path).map(SmolStr::as_str)
    }

    /// The go version root.
    pub fn go_version(&self) -> &str {
        self.root_version("go")
            .unwrap_or(gover::DEFAULT_GO_MOD_VERSION)
    }
}

pub use gomvs_modfile::gover::mod_sort;
