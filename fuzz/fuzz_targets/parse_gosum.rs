//! go.sum parsing (`modfetch.readGoSum`) must never panic; what it keeps must
//! be consistent with Go's rules and its own lookups.
#![no_main]

use gomvs_modfile::gosum::{parse_go_sum, SumCheck, EMPTY_GO_MOD_HASH};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let sum = match parse_go_sum("go.sum", data) {
        Ok(sum) => sum,
        Err(e) => {
            let msg = e.to_string();
            assert!(msg.starts_with("malformed go.sum:\ngo.sum:"));
            return;
        }
    };
    let lines = data.split(|&b| b == b'\n').count();
    let mut last_line = 0;
    for e in sum.entries() {
        assert!(e.line > last_line && e.line <= lines, "line order");
        last_line = e.line;
        for field in [&e.path, &e.version, &e.hash] {
            assert!(!field.is_empty());
            assert!(!field.chars().any(char::is_whitespace));
        }
        assert_ne!(e.hash, EMPTY_GO_MOD_HASH);
        assert!(sum.hashes(&e.path, &e.version).any(|h| h == e.hash));
        assert_eq!(
            sum.have_sum(&e.path, &e.version),
            sum.hashes(&e.path, &e.version)
                .any(|h| h.starts_with("h1:"))
        );
        match sum.check(&e.path, &e.version, &e.hash) {
            SumCheck::Verified => {}
            SumCheck::Mismatch { recorded } => {
                assert!(recorded.starts_with("h1:") && recorded != e.hash)
            }
            SumCheck::NotRecorded => panic!("recorded hash not found"),
        }
        if let Some(r) = sum.recorded_sum(&e.path, &e.version) {
            assert!(r.starts_with("h1:"));
        }
    }
});
