//! Lax go.mod parsing (`modfile.ParseLax`, used for dependencies) must never
//! panic, and its errors must render.
//! The checks live in crates/gomvs-modfile/tests/fuzz_checks (shared with the
//! regression test that replays saved crash inputs).
#![no_main]

#[path = "../../crates/gomvs-modfile/tests/fuzz_checks/mod.rs"]
mod fuzz_checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| fuzz_checks::parse_gomod_lax(data));
