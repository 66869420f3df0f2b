//! go.work parsing (`modfile.ParseWork` without a version fixer) must never
//! panic, and its errors must render.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match gomvs_modfile::parse_work("go.work", data, None) {
        Ok(f) => {
            let _ = format!("{f:?}");
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
});
