//! Pseudo-versions as `golang.org/x/mod/module/pseudo.go`.

/// Reports whether `v` is a pseudo-version (`module.IsPseudoVersion`).
pub fn is_pseudo_version(v: &str) -> bool {
    todo!("{v}")
}
