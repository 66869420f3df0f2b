//! `modload.CheckGodebug`: validation of `godebug` directives of main modules.

use crate::godebug_table::{KNOWN, REMOVED};
use gomvs_modfile::gover;

/// Checks one `godebug key=value` setting; the error is Go's message.
pub fn check(verb: &str, key: &str, value: &str, local_go: &str) -> Result<(), String> {
    if key.contains([' ', '\t']) {
        return Err("key contains space".into());
    }
    if value.contains([' ', '\t']) {
        return Err("value contains space".into());
    }
    if key.contains(',') {
        return Err("key contains comma".into());
    }
    if value.contains(',') {
        return Err("value contains comma".into());
    }
    if key == "default" {
        let Some(v) = value.strip_prefix("go").filter(|v| gover::is_valid(v)) else {
            return Err("value for default= must be goVERSION".into());
        };
        if gover::compare(v, local_go).is_gt() {
            return Err(format!(
                "default={value} too new (toolchain is go{local_go})"
            ));
        }
        return Ok(());
    }
    if KNOWN.contains(&key) {
        return Ok(());
    }
    if let Some((name, removed, old)) = REMOVED.iter().find(|(n, _, _)| *n == key) {
        if old.contains(&value) {
            return Err(format!(
                "removed GODEBUG {name:?} set to old value {value:?} (https://go.dev/doc/godebug#go-1{removed})"
            ));
        }
        return Ok(());
    }
    Err(format!("unknown {verb} {key:?}"))
}

#[cfg(test)]
mod tests {
    use super::check;

    #[test]
    fn unknown_key_is_rejected_like_e63_c5() {
        assert_eq!(
            check("godebug", "unknownkey", "1", "1.27.3"),
            Err("unknown godebug \"unknownkey\"".to_string())
        );
    }

    #[test]
    fn known_and_default_keys_pass() {
        assert_eq!(check("godebug", "panicnil", "1", "1.27.3"), Ok(()));
        assert_eq!(check("godebug", "default", "go1.21", "1.27.3"), Ok(()));
        assert!(check("godebug", "default", "go1.99", "1.27.3").is_err());
    }
}
