//! `h1:` hashes recomputed from corpus data and compared with what the real go
//! command recorded (edge case 61, the golang-x go.sum files).

mod common;

use std::collections::BTreeSet;
use std::fs;
use std::io::Cursor;

use gomvs_modfile::dirhash::{hash_go_mod, hash_zip};
use gomvs_modfile::gosum::parse_go_sum;

/// The value of `"<field>": "<value>"` in the JSON object for `path` in a transcript.
fn json_field(transcript: &str, path: &str, field: &str) -> String {
    let start = transcript
        .find(&format!("\"Path\": \"{path}\""))
        .unwrap_or_else(|| panic!("no JSON object for {path}"));
    let rest = &transcript[start..];
    let end = rest.find('}').expect("object end");
    let key = format!("\"{field}\": \"");
    let at = rest[..end]
        .find(&key)
        .unwrap_or_else(|| panic!("no {field} for {path}"))
        + key.len();
    rest[at..].split('"').next().expect("value").to_owned()
}

#[test]
fn edge_case_61_zip_and_go_mod_sums() {
    let case = common::corpus_dir().join("edge-cases/61-zip-dir-and-sum");
    let expected = String::from_utf8(common::read(&case.join("expected.txt"))).expect("utf8");
    let zip = common::read(&case.join("proxy/example.com/a/@v/v1.0.0.zip"));
    let sum = hash_zip(Cursor::new(zip)).expect("hash zip");
    assert_eq!(sum, json_field(&expected, "example.com/a", "Sum"));
    assert!(
        expected.contains(&format!("--- stdout\n{sum}\n")),
        "ziphash file content"
    );
    let a_mod = common::read(&case.join("proxy/example.com/a/@v/v1.0.0.mod"));
    assert_eq!(
        hash_go_mod(&a_mod),
        json_field(&expected, "example.com/a", "GoModSum")
    );

    // The go.sum go wrote: every line recomputes.
    let marker = "=== main/go.sum created by the commands above; final content:\n";
    let written = &expected[expected.find(marker).expect("go.sum section") + marker.len()..];
    let gosum = parse_go_sum("go.sum", written.as_bytes()).expect("parse");
    assert_eq!(gosum.entries().len(), 3);
    for e in gosum.entries() {
        let dir = case.join(format!("proxy/{}/@v", e.path));
        let h = if e.is_go_mod() {
            hash_go_mod(&common::read(
                &dir.join(format!("{}.mod", e.module_version())),
            ))
        } else {
            let zip = common::read(&dir.join(format!("{}.zip", e.version)));
            hash_zip(Cursor::new(zip)).expect("hash zip")
        };
        assert_eq!(h, e.hash, "{} {}", e.path, e.version);
    }
}

#[test]
fn golang_x_go_sum_go_mod_lines_match_proxy_mod_files() {
    let corpus = common::corpus_dir().join("golang-x");
    let cases = corpus.join("cases");
    let proxy = corpus.join("proxy");
    let mut lines: BTreeSet<(String, String, String)> = BTreeSet::new();
    let mut files = 0;
    for case in fs::read_dir(&cases).unwrap_or_else(|e| panic!("{}: {e}", cases.display())) {
        let path = case.expect("dir entry").path().join("main/go.sum");
        if !path.is_file() {
            continue;
        }
        files += 1;
        let sum = parse_go_sum(&path.to_string_lossy(), &common::read(&path))
            .unwrap_or_else(|e| panic!("{e}"));
        for e in sum.entries() {
            if e.is_go_mod() && e.is_h1() {
                lines.insert((
                    e.path.clone(),
                    e.module_version().to_owned(),
                    e.hash.clone(),
                ));
            }
        }
    }
    assert!(
        files > 400,
        "only {files} go.sum files under {}",
        cases.display()
    );
    let (mut matched, mut absent) = (0, 0);
    let mut mismatches = Vec::new();
    for (path, version, hash) in &lines {
        let file = proxy
            .join(
                gomvs_modfile::module::escape_path(path)
                    .unwrap_or_else(|e| panic!("go.sum path {path}: {e}")),
            )
            .join("@v")
            .join(format!(
                "{}.mod",
                gomvs_modfile::module::escape_version(version)
                    .unwrap_or_else(|e| panic!("go.sum version {version}: {e}"))
            ));
        match fs::read(&file) {
            Ok(data) => {
                if hash_go_mod(&data) == *hash {
                    matched += 1;
                } else {
                    mismatches.push(format!("{path} {version}"));
                }
            }
            Err(_) => absent += 1,
        }
    }
    assert_eq!(mismatches, Vec::<String>::new());
    // corpus README / verify-gosum.json: 1253 distinct lines, 756 in the proxy, all match.
    assert_eq!(lines.len(), 1253);
    assert_eq!(matched, 756);
    assert_eq!(absent, 497);
}

/// Hand-made zips (duplicates, directories, stored entries, non-ASCII and
/// newline names) against `dirhash.HashZip` as recorded by
/// scripts/record-dirhash-goldens.sh.
#[test]
fn hash_zip_matches_go_on_recorded_zips() {
    let dir = common::workspace_root().join("testdata/dirhash");
    let expected = String::from_utf8(common::read(&dir.join("expected.txt"))).expect("utf8");
    let mut n = 0;
    for line in expected.lines() {
        let (name, want) = line.split_once(' ').expect("name and hash");
        let got = match hash_zip(Cursor::new(common::read(&dir.join(name)))) {
            Ok(h) => h,
            Err(e) => format!("error:{e}"),
        };
        assert_eq!(got, want, "{name}");
        n += 1;
    }
    assert_eq!(n, 7);
}
