//! go.sum parsing and checking against transcripts of the real go command
//! (testdata/gosum, recorded by scripts/record-gosum-goldens.sh; edge case 41).

mod common;

use std::fs;

use gomvs_modfile::dirhash::hash_go_mod;
use gomvs_modfile::gosum::{parse_go_sum, ChecksumMismatch, SumCheck, SumFiles};

const MISSING: &str = "go: example.com/a@v1.0.0: missing go.sum entry for go.mod file; to add it:\n\tgo mod download example.com/a\n";

#[test]
fn goldens_recorded_from_go() {
    let corpus = common::corpus_dir();
    let a_mod = common::read(
        &corpus.join("edge-cases/41-readonly-needs-go-sum/proxy/example.com/a/@v/v1.0.0.mod"),
    );
    let downloaded = hash_go_mod(&a_mod);
    let dir = common::workspace_root().join("testdata/gosum");
    let mut cases = 0;
    for entry in fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let case = entry.expect("dir entry").path();
        let name = case
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let data = common::read(&case.join("go.sum"));
        let stderr = String::from_utf8(common::read(&case.join("go.stderr"))).expect("utf8");
        let exit = String::from_utf8(common::read(&case.join("go.exitcode"))).expect("utf8");
        let parsed = parse_go_sum("$WORK/go.sum", &data);
        cases += 1;
        if stderr.starts_with("malformed go.sum:") {
            let err = parsed.expect_err(&name);
            assert_eq!(format!("{err}\n"), stderr, "{name}");
            continue;
        }
        let sum = parsed.unwrap_or_else(|e| panic!("{name}: {e}"));
        let have = sum.have_go_mod_sum("example.com/a", "v1.0.0");
        let check = sum.check("example.com/a", "v1.0.0/go.mod", &downloaded);
        if exit.trim() == "0" {
            assert!(have, "{name}");
            assert_eq!(check, SumCheck::Verified, "{name}");
            assert!(stderr.is_empty(), "{name}");
        } else if stderr == MISSING {
            assert!(!have, "{name}");
            assert_eq!(check, SumCheck::NotRecorded, "{name}");
        } else {
            let files = SumFiles {
                main: sum.clone(),
                workspace: vec![],
            };
            let err: ChecksumMismatch = files
                .check("example.com/a", "v1.0.0/go.mod", &downloaded)
                .expect_err(&name);
            assert_eq!(format!("{err}\n"), stderr, "{name}");
        }
    }
    assert!(
        cases >= 17,
        "only {cases} golden cases in {}",
        dir.display()
    );
}

#[test]
fn edge_case_41_transcripts() {
    let case = common::corpus_dir().join("edge-cases/41-readonly-needs-go-sum");
    let expected = String::from_utf8(common::read(&case.join("expected.txt"))).expect("utf8");
    let a_mod = common::read(&case.join("proxy/example.com/a/@v/v1.0.0.mod"));
    let downloaded = hash_go_mod(&a_mod);

    // malformed: the exact fatal text, with the file name go printed.
    let malformed = common::read(&case.join("malformed/go.sum"));
    let err = parse_go_sum("$WORK/malformed/go.sum", &malformed).expect_err("malformed");
    assert!(
        expected.contains(&format!("--- stderr\n{err}\n\n")),
        "{err}"
    );

    // badsum: the downloaded hash and the whole SECURITY ERROR text.
    let badsum = parse_go_sum("go.sum", &common::read(&case.join("badsum/go.sum"))).expect("ok");
    let files = SumFiles {
        main: badsum,
        workspace: vec![],
    };
    let err = files
        .check("example.com/a", "v1.0.0/go.mod", &downloaded)
        .expect_err("mismatch");
    assert!(
        expected.contains(&format!("--- stderr\n{err}\n\n")),
        "{err}"
    );

    // withsum and stale: every hash is the hash of the proxy's .mod file.
    for dir in ["withsum", "stale"] {
        let sum =
            parse_go_sum("go.sum", &common::read(&case.join(dir).join("go.sum"))).expect("ok");
        assert!(!sum.is_empty());
        for e in sum.entries() {
            assert!(e.is_go_mod());
            let m =
                common::read(&case.join(format!("proxy/{}/@v/{}.mod", e.path, e.module_version())));
            assert_eq!(
                sum.check(&e.path, &e.version, &hash_go_mod(&m)),
                SumCheck::Verified
            );
        }
    }
    // stale has a duplicated line: both kept, in file order.
    let stale = parse_go_sum("go.sum", &common::read(&case.join("stale/go.sum"))).expect("ok");
    let lines: Vec<usize> = stale
        .entries()
        .iter()
        .filter(|e| e.path == "example.com/b" && e.version == "v0.9.0/go.mod")
        .map(|e| e.line)
        .collect();
    assert_eq!(lines, vec![2, 4]);
    assert_eq!(stale.go_mod_hashes("example.com/b", "v0.9.0").count(), 2);
    assert!(stale
        .recorded_sum("example.com/b", "v0.9.0/go.mod")
        .is_some());

    // replsum: the key is the original module, not the replacement, so a's sum is missing.
    let repl = parse_go_sum("go.sum", &common::read(&case.join("replsum/go.sum"))).expect("ok");
    assert!(!repl.have_go_mod_sum("example.com/a", "v1.0.0"));
    assert!(repl.have_go_mod_sum("example.com/x", "v1.0.0"));
}

#[test]
fn recorded_sum_conflicts_and_workspace_files() {
    let good = "h1:QI9QbTK4wbh/zn2ky1WhEOIGrjbru9NrqO5Ou3nlNaA=";
    let bad = "h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
    let conflicting = format!("m v1.0.0 {good}\nm v1.0.0 {bad}\nm v1.0.0 h2:zz\n");
    let s = parse_go_sum("go.sum", conflicting.as_bytes()).expect("ok");
    assert_eq!(s.recorded_sum("m", "v1.0.0"), None);
    assert!(s.have_sum("m", "v1.0.0"));
    assert_eq!(s.zip_hashes("m", "v1.0.0").count(), 3);

    let main = parse_go_sum("/w/go.work.sum", b"").expect("ok");
    let ws =
        parse_go_sum("/w/a/go.sum", format!("m v1.0.0/go.mod {bad}\n").as_bytes()).expect("ok");
    let files = SumFiles {
        main,
        workspace: vec![ws],
    };
    assert!(files.have_sum("m", "v1.0.0/go.mod"));
    assert_eq!(files.recorded_sum("m", "v1.0.0/go.mod"), Some(bad));
    let err = files
        .check("m", "v1.0.0/go.mod", good)
        .expect_err("mismatch");
    assert_eq!(err.sum_file_name, "/w/a/go.sum");
    assert_eq!(files.check("m", "v1.0.0/go.mod", bad).ok(), Some(true));
    assert_eq!(files.check("n", "v1.0.0/go.mod", bad).ok(), Some(false));
    let main = parse_go_sum(
        "/w/go.work.sum",
        format!("m v1.0.0/go.mod {good}\n").as_bytes(),
    )
    .expect("ok");
    let files = SumFiles {
        main,
        workspace: vec![],
    };
    let err = files
        .check("m", "v1.0.0/go.mod", bad)
        .expect_err("mismatch");
    assert_eq!(err.sum_file_name, "go.work.sum");
}
