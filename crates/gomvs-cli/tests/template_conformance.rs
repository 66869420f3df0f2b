//! Template conformance: replays the goldens that
//! `scripts/record-template-goldens.py` recorded from the real go 1.27.3
//! (`go list -m [-u|-retracted] -f TEMPLATE all` on shared-corpus cases) against
//! the gomvs binary and compares stdout, stderr and exit status byte for byte.
//!
//! `testdata/template/known-gaps.txt` lists the runs (`case<TAB>flags<TAB>template`
//! as a JSON string) that are known not to match yet; the test fails on any
//! other mismatch and on a listed run that now matches (so the list stays true).

mod common;

use common::{load_goldens, GapList};
use std::path::{Path, PathBuf};
use std::process::Command;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn shared() -> PathBuf {
    let dir = match std::env::var_os("GOMVS_SHARED_DIR") {
        Some(d) => PathBuf::from(d),
        None => repo().join("../shared"),
    };
    let corpus = dir.join("corpus");
    assert!(
        corpus.is_dir(),
        "shared corpus missing at {} (set GOMVS_SHARED_DIR)",
        corpus.display()
    );
    // gomvs prints the working directory as the kernel reports it (no `..`,
    // no symlinks), so the paths this test rewrites must be physical too.
    corpus
        .canonicalize()
        .unwrap_or_else(|e| panic!("{}: {e}", corpus.display()))
}

fn gap_key(case: &str, flags: &serde_json::Value, template: &str) -> String {
    format!(
        "{case}\t{flags}\t{}",
        serde_json::Value::String(template.to_string())
    )
}

#[test]
fn templates_match_go() {
    let corpus = shared();
    let goldens = load_goldens(&repo().join("testdata/template/goldens"));
    let mut gaps = GapList::load(
        repo().join("testdata/template/known-gaps.txt"),
        "# case\\tflags\\ttemplate (JSON): runs where gomvs does not yet match go",
    );
    for (case_name, g) in &goldens {
        let case_dir = corpus.join(g["case"].as_str().unwrap_or_default());
        let proxy = corpus.join(g["proxy"].as_str().unwrap_or_default());
        let cwd = case_dir.join(g["cwd"].as_str().unwrap_or("main"));
        let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
        let cache = tmp.path().join("modcache");
        for r in g["records"].as_array().into_iter().flatten() {
            let template = r["template"].as_str().unwrap_or_default();
            let flags: Vec<&str> = r["flags"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|f| f.as_str())
                .collect();
            let mut cmd = Command::new(env!("CARGO_BIN_EXE_gomvs"));
            cmd.current_dir(&cwd)
                .env_clear()
                .env("PATH", "/usr/bin:/bin")
                .env("HOME", tmp.path())
                .env("GOTOOLCHAIN", "local")
                .env("GOSUMDB", "off")
                .env("GOFLAGS", "-mod=mod")
                .env("GOENV", "off")
                .env("GOPROXY", format!("file://{}", proxy.display()))
                .env("GOMODCACHE", &cache)
                .env("GOPATH", tmp.path().join("gopath"));
            if let Some(env) = g["env"].as_object() {
                for (k, v) in env {
                    cmd.env(k, v.as_str().unwrap_or_default());
                }
            }
            cmd.arg("list")
                .arg("-m")
                .args(&flags)
                .arg("-f")
                .arg(template)
                .arg("all");
            let out = cmd
                .output()
                .unwrap_or_else(|e| panic!("running gomvs: {e}"));
            // go ran on a copy of the case ($WORK) but read the proxy in
            // place; the proxy may sit inside the case directory. The goldens
            // name the corpus $CORPUS, wherever it was when they were recorded.
            let proxy_text = proxy.display().to_string();
            let corpus_text = corpus.display().to_string();
            let clean = |b: &[u8]| {
                String::from_utf8_lossy(b)
                    .replace(&cache.display().to_string(), "$GOMODCACHE")
                    .replace(&proxy_text, "\u{0}PROXY\u{0}")
                    .replace(&case_dir.display().to_string(), "$WORK")
                    .replace("\u{0}PROXY\u{0}", &proxy_text)
                    .replace(&corpus_text, "$CORPUS")
            };
            let (stdout, stderr) = (clean(&out.stdout), clean(&out.stderr));
            let exit = out.status.code().unwrap_or(-1) as i64;
            gaps.record(
                gap_key(case_name, &r["flags"], template),
                r,
                &stdout,
                &stderr,
                exit,
            );
        }
    }
    gaps.finish("template conformance", "TEMPLATE_GAPS_WRITE");
}
