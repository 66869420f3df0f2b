//! `gomvs explore` without a browser: the data model embedded in the page
//! (an insta snapshot for a small example), and where the page goes (stdout,
//! or the one `-o` file; a failed load leaves that file as it was).
//! The page in a real browser: tests/explore_browser.rs.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use std::path::{Path, PathBuf};
use std::process::Output;

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

fn gomvs(example: &str, sub: &str, args: &[&str], tmp: &Path) -> Output {
    let dir = workspace_root().join("examples").join(example);
    common::offline_gomvs(&dir.join(sub), &dir.join("proxy"), "", tmp)
        .env("GOWORK", "off")
        .args(args)
        .output()
        .expect("run gomvs")
}

/// The text of the page's `<script ... id="ID">` element.
fn element<'a>(page: &'a str, id: &str) -> &'a str {
    let tag = format!("id=\"{id}\">");
    let start = page.find(&tag).expect("element") + tag.len();
    let len = page[start..].find("</script>").expect("element end");
    &page[start..start + len]
}

/// The data model of a page: the `gomvs-data` JSON, with the why
/// entries of the `gomvs-why` element (one JSON document a line) as `why`.
fn embedded_data(page: &str) -> serde_json::Value {
    let doc: serde_json::Value =
        serde_json::from_str(element(page, "gomvs-data")).expect("embedded JSON");
    assert_eq!(doc["schema"], "gomvs.explore");
    assert_eq!(doc["version"], 1);
    let mut data = doc["data"].clone();
    let why: Vec<serde_json::Value> = element(page, "gomvs-why")
        .split('\n')
        .map(|l| serde_json::from_str(l).expect("why line"))
        .collect();
    data["why"] = serde_json::Value::Array(why);
    data
}

#[test]
fn data_model_of_the_replace_chain_example() {
    let tmp = tempfile::tempdir().unwrap();
    let out = gomvs("replace-chain", "main", &["explore"], tmp.path());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    let data = embedded_data(&page);
    let text = serde_json::to_string_pretty(&data).unwrap();
    // No path of this machine is in it (locations are relative or module@version).
    insta::assert_snapshot!("explore_data_replace_chain", text);
}

#[test]
fn the_why_reports_are_the_ones_gomvs_why_prints() {
    let tmp = tempfile::tempdir().unwrap();
    let out = gomvs("exclude-prune-chain", "main", &["explore"], tmp.path());
    assert!(out.status.success());
    let data = embedded_data(&String::from_utf8(out.stdout).unwrap());
    let nodes = data["nodes"].as_array().unwrap();
    for (i, n) in nodes.iter().enumerate() {
        let path = n["path"].as_str().unwrap();
        let why = gomvs(
            "exclude-prune-chain",
            "main",
            &["why", "--json", path],
            tmp.path(),
        );
        let doc: serde_json::Value = serde_json::from_slice(&why.stdout).unwrap();
        assert_eq!(
            data["why"][i]["report"], doc["data"][0],
            "why report of {path}"
        );
        let text = gomvs(
            "exclude-prune-chain",
            "main",
            &["why", "--color", "never", path],
            tmp.path(),
        );
        assert_eq!(
            data["why"][i]["text"].as_str().unwrap(),
            String::from_utf8_lossy(&text.stdout),
            "why text of {path}"
        );
        assert!(n["layer"].as_u64().is_some(), "layer of {path}");
    }
    // Layers: the main module alone on top, every edge goes at most one layer down.
    assert_eq!(data["layers"][0], serde_json::json!([0]));
    for e in data["edges"].as_array().unwrap() {
        let (from, to) = (e[0].as_u64().unwrap(), e[1].as_u64().unwrap());
        let lf = nodes[from as usize]["layer"].as_u64().unwrap();
        let lt = nodes[to as usize]["layer"].as_u64().unwrap();
        assert!(lt <= lf + 1, "edge {e} skips layers");
    }
}

#[test]
fn output_goes_to_the_named_file_only_and_a_failed_load_leaves_it() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("page.html");
    let file_s = file.to_string_lossy().into_owned();
    let out = gomvs(
        "replace-chain",
        "main",
        &["explore", "-o", &file_s],
        tmp.path(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty());
    let page = std::fs::read_to_string(&file).unwrap();
    assert!(page.contains("gomvs.explore"));
    // A longer old file is truncated to the page.
    std::fs::write(&file, "x".repeat(page.len() + 1000)).unwrap();
    let out = gomvs(
        "replace-chain",
        "main",
        &["explore", "-o", &file_s],
        tmp.path(),
    );
    assert!(out.status.success());
    assert_eq!(std::fs::read_to_string(&file).unwrap(), page);
    // A failing run (no go.mod here) leaves the file as it was.
    std::fs::write(&file, "before").unwrap();
    let out = gomvs(
        "replace-chain",
        "proxy",
        &["explore", "-o", &file_s],
        tmp.path(),
    );
    assert!(!out.status.success());
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "before");
    // A --diff that is not a gomvs diff document: exit 2, named.
    let bogus = tmp.path().join("bogus.json");
    std::fs::write(&bogus, "{\"schema\": \"gomvs.why\"}").unwrap();
    let out = gomvs(
        "replace-chain",
        "main",
        &["explore", "--diff", &bogus.to_string_lossy()],
        tmp.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("bogus.json") && err.contains("gomvs.diff"),
        "{err}"
    );
}

/// A graph of more modules than one page holds (here the main module and
/// 10,000 requirements) is refused before any why report is built, with a
/// message that says so and what to use instead (issue 14: a 200,000-module
/// graph made a 348 MB page at a 2.2 GB peak).
#[test]
fn a_graph_larger_than_a_page_holds_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let proxy = tmp.path().join("proxy");
    let app = tmp.path().join("app");
    std::fs::create_dir_all(&app).unwrap();
    let mut require = String::from("module example.com/app\n\ngo 1.21\n\nrequire (\n");
    for i in 0..10_000 {
        let v = proxy.join(format!("example.com/w{i}/@v"));
        std::fs::create_dir_all(&v).unwrap();
        std::fs::write(
            v.join("v1.0.0.mod"),
            format!("module example.com/w{i}\n\ngo 1.21\n"),
        )
        .unwrap();
        std::fs::write(v.join("v1.0.0.info"), "{\"Version\":\"v1.0.0\"}\n").unwrap();
        require.push_str(&format!("\texample.com/w{i} v1.0.0\n"));
    }
    require.push_str(")\n");
    std::fs::write(app.join("go.mod"), require).unwrap();
    let out = common::offline_gomvs(&app, &proxy, "-mod=mod", tmp.path())
        .env("GOWORK", "off")
        .arg("explore")
        .output()
        .expect("run gomvs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(out.stdout.is_empty());
    assert!(
        err.contains("the module graph has 10001 modules, more than the 10000 one page can hold")
            && err.contains("gomvs tree"),
        "{err}"
    );
}
