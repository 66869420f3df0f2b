//! Lax go.mod parsing (`modfile.ParseLax`, used for dependencies) must never
//! panic, and its errors must render.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match gomvs_modfile::parse_lax("go.mod", data) {
        Ok(f) => {
            let _ = format!("{f:?}");
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
});
