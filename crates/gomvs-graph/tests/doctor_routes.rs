//! `gomvs doctor`'s routing of module paths against the table the real go
//! recorded (`scripts/record-doctor-routes.py` → testdata/doctor/routes.json:
//! `go mod download -x -json` offline, what go tried before the network
//! failed it): the GOPROXY entry or `direct`, GONOPROXY/GOPRIVATE routing,
//! the VCS and the URLs in the order go probes them (GOINSECURE's insecure
//! schemes and `http://` meta-tag pages), and GOVCS refusals. Cases where go
//! could show nothing (a VCS command missing on the recording machine) are
//! counted and skipped.
#![allow(clippy::unwrap_used)]

use gomvs_graph::doctor::direct::direct_route;
use gomvs_graph::env::{GoEnv, ProxyKind};

#[test]
fn routes_match_the_go_command() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../testdata/doctor/routes.json"
    );
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let cases: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
    let (mut checked, mut skipped, mut failures) = (0, 0, Vec::new());
    for c in &cases {
        let module = c["path"].as_str().unwrap();
        let mut vars: Vec<(String, String)> = vec![("GOPROXY".into(), "direct".into())];
        for (k, v) in c["env"].as_object().unwrap() {
            vars.push((k.clone(), v.as_str().unwrap().to_string()));
        }
        let env = GoEnv::new(vars, "/");
        let go = &c["go"];
        let kind = go["kind"].as_str().unwrap();
        if kind == "other" {
            skipped += 1;
            continue;
        }
        checked += 1;
        // The recorded proxies do not exist ("not found"): go reaches
        // `direct` when GONOPROXY routes the path there or a later entry is
        // `direct`; otherwise it stops at the proxy.
        let list = env.proxy_list().unwrap();
        let reaches_direct =
            env.is_noproxy(module) || list.iter().any(|e| e.kind == ProxyKind::Direct);
        let to_proxy = !reaches_direct;
        let r = direct_route(&env, module);
        let mut urls = vec![r.url.clone()];
        urls.extend(r.then.iter().cloned());
        let ok = match kind {
            "proxy" => to_proxy,
            "govcs" => !to_proxy && r.govcs_refuses,
            "meta" => !to_proxy && r.vcs.is_none() && urls == strings(&go["urls"]),
            "vcs" => {
                !to_proxy
                    && !r.govcs_refuses
                    && r.vcs.as_deref() == go["vcs"].as_str()
                    && urls == strings(&go["urls"])
            }
            k => panic!("unknown kind {k}"),
        };
        if !ok {
            failures.push(format!(
                "{} {}: go {go} gomvs {r:?} to_proxy={to_proxy}",
                c["env"], module
            ));
        }
    }
    println!("routes: {checked} checked, {skipped} not observable");
    assert!(checked >= 60, "too few observable cases: {checked}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn strings(v: &serde_json::Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_string())
        .collect()
}
