//! What a dependency bot or a policy engine asks of a Go module graph: which
//! modules does the build use below a minimum version ("floor"), and which
//! chain of requirements brought each one in?
//!
//! Everything here goes through `gomvs_graph`'s public API: [`Resolution`]
//! for the load, [`Resolution::why`] for the requirement path and
//! [`Version`] for Go's version order.

use gomvs_graph::{ModuleVersion, Resolution, Version};

/// A module the build uses below its floor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BelowFloor {
    /// The module path.
    pub path: String,
    /// The version minimal version selection chose.
    pub selected: String,
    /// What the build uses: the replacement when a replace directive
    /// applies, else the selected version.
    pub used: ModuleVersion,
    /// The floor it is below.
    pub floor: String,
    /// A shortest requirement path from the main module to the selected
    /// version.
    pub path_to_selected: Vec<ModuleVersion>,
}

/// Parses `path@version` floors.
pub fn parse_floor(arg: &str) -> Result<(String, Version), String> {
    match arg.rsplit_once('@') {
        Some((p, v)) if !p.is_empty() && Version::new(v).is_valid() => {
            Ok((p.to_string(), Version::new(v)))
        }
        _ => Err(format!("floor {arg:?}: want path@vX.Y.Z")),
    }
}

/// The modules of `res` whose used version (after replace directives) is
/// below their floor, in build-list order. A module not in the build list
/// is not reported; a replacement by a directory (no version) is below any
/// floor.
pub fn below_floor(res: &Resolution, floors: &[(String, Version)]) -> Vec<BelowFloor> {
    let wanted = res.set_of(floors.iter().map(|(p, _)| p.as_str()));
    let mut out = Vec::new();
    for m in wanted.iter() {
        let Some((_, floor)) = floors.iter().find(|(p, _)| *p == m.path) else {
            continue;
        };
        let why = res.why(&m.path);
        let used = why.used.clone().unwrap_or_else(|| m.clone());
        // Version's Ord is Go's: v1.10.0 > v1.9.0, and an empty (directory)
        // or invalid version is below every valid one.
        if used.as_version() < *floor {
            out.push(BelowFloor {
                path: m.path.to_string(),
                selected: m.version.to_string(),
                used,
                floor: floor.to_string(),
                path_to_selected: why.path_to_selected,
            });
        }
    }
    out
}

/// The report as text, one block per module.
pub fn render(found: &[BelowFloor]) -> String {
    let mut s = String::new();
    for f in found {
        s.push_str(&format!(
            "{} {} is below the floor {}",
            f.path, f.used.version, f.floor
        ));
        if f.used.path != f.path || f.used.version != f.selected {
            s.push_str(&format!(
                " (selected {}, replaced by {})",
                f.selected, f.used
            ));
        }
        s.push('\n');
        let chain: Vec<String> = f.path_to_selected.iter().map(|m| m.to_string()).collect();
        s.push_str(&format!("  required via: {}\n", chain.join(" -> ")));
    }
    s
}
