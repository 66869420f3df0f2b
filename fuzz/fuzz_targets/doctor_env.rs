//! `gomvs doctor`'s readers of the Go environment on arbitrary values: the
//! GOPROXY list, GONOPROXY/GOPRIVATE/GONOSUMDB/GOINSECURE/GOVCS patterns,
//! GOSUMDB and the `direct` route of a module path must never panic, and
//! must agree with each other: a path GONOPROXY matches is never sent to a
//! proxy entry, a route's URLs name the path's host, the checksum decision
//! for a GONOSUMDB-matched path is to skip the database.
//! Input: up to six fields separated by NUL bytes
//! (GOPROXY, GONOPROXY, GOSUMDB, GOINSECURE, GOVCS, module path).
#![no_main]

use gomvs_graph::doctor::direct::direct_route;
use gomvs_graph::doctor::sumdb::{matching_pattern, skip_reason, SumDb};
use gomvs_graph::env::{match_prefix_patterns, parse_proxy_list, GoEnv, ProxyKind};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut f = text.split('\0');
    let mut next = || f.next().unwrap_or("").to_string();
    let (goproxy, gonoproxy, gosumdb, goinsecure, govcs, path) =
        (next(), next(), next(), next(), next(), next());
    // file:// entries would make SumDb stat the file system: keep them
    // relative to an empty, fixed directory name.
    let goproxy = goproxy.replace("file://", "file:///nonexistent-fuzz/");
    if let Ok(list) = parse_proxy_list(&goproxy, &gonoproxy) {
        assert!(!list.is_empty());
        // `off` and `direct` end the list.
        for e in &list[..list.len() - 1] {
            assert!(e.kind != ProxyKind::Off && e.kind != ProxyKind::Direct);
        }
    }
    let env = GoEnv::new(
        [
            ("GOPROXY", goproxy.as_str()),
            ("GONOPROXY", gonoproxy.as_str()),
            ("GONOSUMDB", gonoproxy.as_str()),
            ("GOSUMDB", gosumdb.as_str()),
            ("GOINSECURE", goinsecure.as_str()),
            ("GOVCS", govcs.as_str()),
        ],
        "/",
    );
    let db = SumDb::from_env(&env);
    assert!(db.name.is_some() || db.unavailable.is_some() || gosumdb.trim().is_empty());
    let r = direct_route(&env, &path);
    assert!(!r.url.is_empty() || path.is_empty() || r.vcs.is_some());
    if match_prefix_patterns(&gonoproxy, &path) {
        assert!(matching_pattern(&gonoproxy, &path).is_some());
        if env.gosumdb() != "off" {
            assert!(skip_reason(&env, &path).is_some());
        }
    }
});
