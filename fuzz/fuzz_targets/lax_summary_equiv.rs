//! The go.mod fast path (`gomod::lax_summary`) must agree with the full lax
//! parse whenever it accepts an input.
//! The checks live in crates/gomvs-modfile/tests/fuzz_checks (shared with the
//! regression test that replays saved crash inputs).
#![no_main]

#[path = "../../crates/gomvs-modfile/tests/fuzz_checks/mod.rs"]
mod fuzz_checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| fuzz_checks::lax_summary_equiv(data));
