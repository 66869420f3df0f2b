//! Version and module-path functions on arbitrary strings must never panic and
//! must obey their algebra: comparisons are reflexive, antisymmetric and
//! transitive; canonicalization is idempotent and order-preserving.
//! Input: up to three strings separated by NUL bytes.
//! The checks live in crates/gomvs-modfile/tests/fuzz_checks (shared with the
//! regression test that replays saved crash inputs).
#![no_main]

#[path = "../../crates/gomvs-modfile/tests/fuzz_checks/mod.rs"]
mod fuzz_checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| fuzz_checks::versions(data));
