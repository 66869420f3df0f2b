//! The go.mod fast path (`gomod::lax_summary`) against the full lax parse:
//! on every go.mod of the shared corpus, on tricky hand-picked inputs and on
//! generated ones, whenever the fast path accepts an input the lax parse
//! must succeed and agree (`fuzz_checks::lax_summary_equiv`).

mod common;
mod fuzz_checks;

use gomvs_modfile::gomod::lax_summary;
use proptest::prelude::*;
use std::path::{Path, PathBuf};

fn go_mod_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = std::fs::read_dir(&d)
            .unwrap_or_else(|e| panic!("cannot read directory {}: {e}", d.display()));
        for entry in entries.filter_map(Result::ok) {
            let path = entry.path();
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() {
                stack.push(path);
            } else if kind.is_file()
                && (path.file_name().is_some_and(|n| n == "go.mod")
                    || path.extension().is_some_and(|e| e == "mod"))
            {
                out.push(path);
            }
        }
    }
}

#[test]
fn corpus_fast_path_matches_lax_parse() {
    let corpus = common::corpus_dir();
    let mut files = Vec::new();
    go_mod_files(&corpus, &mut files);
    files.sort();
    assert!(
        files.len() > 1000,
        "expected the shared corpus at {} to hold its go.mod files, found {}",
        corpus.display(),
        files.len()
    );
    let (mut fast, mut fast_golang_x, mut golang_x) = (0usize, 0usize, 0usize);
    for path in &files {
        let data = common::read(path);
        let x = path.starts_with(corpus.join("golang-x"));
        golang_x += usize::from(x);
        let accepted = lax_summary(&data).is_some();
        if accepted {
            fast += 1;
            fast_golang_x += usize::from(x);
        }
        if let Err(p) = std::panic::catch_unwind(|| fuzz_checks::lax_summary_equiv(&data)) {
            let msg = p
                .downcast_ref::<String>()
                .cloned()
                .unwrap_or_else(|| "panic".to_owned());
            panic!("{}: {msg}", path.display());
        }
    }
    eprintln!(
        "fast path: {fast}/{} go.mod files of the corpus ({:.1}%), golang-x {fast_golang_x}/{golang_x} ({:.1}%)",
        files.len(),
        100.0 * fast as f64 / files.len() as f64,
        100.0 * fast_golang_x as f64 / golang_x.max(1) as f64,
    );
    // Real go.mod files are overwhelmingly in the subset.
    assert!(
        fast_golang_x * 10 >= golang_x * 8,
        "fast path hit rate on golang-x dropped"
    );
}

/// Inputs the fast path must either decline or read exactly as the lax parse.
const TRICKY: &[&str] = &[
    "",
    "\n\n",
    "module m\n",
    "module m",
    "module m\r\ngo 1.21\r\nrequire (\r\n\ta v1.0.0 // indirect\r\n)\r\n",
    "module m // c\nrequire a v1.0.0// c\nrequire b v1.0.0//c\n",
    "module m\nrequire(\na v1.2.3\n)\n",
    "module m\nrequire (\n)\n",
    "module m\nrequire ()\n",
    "module m\nrequire (a v1.0.0\n)\n",
    "module m\nrequire (\na v1.0.0 )\n",
    "module m\nrequire (\na v1.0.0\n) x\n",
    "module m\nrequire (\na v1.0.0\n",
    "module m\nmodule n\n",
    "module\n",
    "module a b\n",
    "module m\nrequire a v1\n",
    "module m\nrequire a v1.2\n",
    "module m\nrequire a 1.2.3\n",
    "module m\nrequire a master\n",
    "module m\nrequire a v2.0.0\n",
    "module m\nrequire a v2.0.0+incompatible\n",
    "module m\nrequire a/v2 v2.0.0+incompatible\n",
    "module m\nrequire a/v2 v1.0.0\n",
    "module m\nrequire a/v2 v2.1.0\n",
    "module m\nrequire gopkg.in/yaml.v3 v3.0.1\n",
    "module m\nrequire gopkg.in/yaml.v3 v2.0.0\n",
    "module m\nrequire a v1.0.0-0.20200101000000-abcdefabcdef\n",
    "module m\nrequire a v1.0.0+meta\n",
    "module m\nrequire a\n",
    "module m\nrequire a v1.0.0 v1.0.1\n",
    "module m\ngo 1.21rc1\n",
    "module m\ngo 1.21.0-foo\n",
    "module m\ngo v1.21x\n",
    "module m\ngo 1.21.0\n",
    "module m\ngo 1.2.3.4\n",
    "module m\ngo 1\n",
    "module m\ngo 1.21\ngo 1.22\n",
    "module m\ngo\n",
    "module m\ntoolchain go1.22.0\n",
    "module m\ntoolchain junk\n",
    "module m\nexclude a v1.0.0\nreplace a => ../a\n",
    "module m\nreplace (\n\ta => ../a\n)\n",
    "module m\nexclude (\n\ta junk\n)\n",
    "module m\nretract v1.0.0\n",
    "module m\nignore ./x\n",
    "module m\nfoo bar\n",
    "// Deprecated: use n\nmodule m\n",
    "module m // Deprecated: x\n",
    "module \"m\"\n",
    "module m\nrequire \"a\" v1.0.0\n",
    "module m\nrequire a `v1.0.0`\n",
    "module m\n/* c */\n",
    "module m\nrequire a/*b v1.0.0\n",
    "module m\nrequire a//b v1.0.0\n",
    "module m\x0b\n",
    "module m\x00\n",
    "module é\n",
    "\u{feff}module m\n",
    "module m\nrequire [a] v1.0.0\n",
    "module m\nrequire a v1.0.0,\n",
    "module m\ngo 1.21\nrequire (\n\ta v1.0.0\n\n\t// c\n\tb v1.0.0\n)\n",
    "module m\nrequire (\n\ta v1.0.0\n)\nrequire (\n\ta v1.0.1\n)\n",
    "module m\nrequire A v1.0.0\n",
    "module m\nrequire a..b v1.0.0\n",
    "module m\nrequire a v1.0.0\r",
    "\rmodule\rm\r\n",
    "module m\n(\n)\n",
    "module m\nrequire x (\n)\n",
    "module m\ngo (\n)\n",
];

#[test]
fn tricky_inputs_agree() {
    let mut accepted = 0;
    for input in TRICKY {
        if lax_summary(input.as_bytes()).is_some() {
            accepted += 1;
        }
        fuzz_checks::lax_summary_equiv(input.as_bytes());
    }
    // The well-formed ones take the fast path (the check alone would pass
    // if it declined everything).
    assert!(
        accepted >= 25,
        "only {accepted} tricky inputs took the fast path"
    );
}

#[test]
fn common_forms_take_the_fast_path() {
    for input in [
        "module m\r\ngo 1.21\r\nrequire (\r\n\ta v1.0.0 // indirect\r\n)\r\n",
        "module m\nrequire(\na v1.2.3\n)\n",
        "module m\ngo 1.21.0-foo\n",
        "module m\nrequire a v2.0.0+incompatible\n",
        "module m\ntoolchain go1.22.0\nreplace (\n\ta => ../a\n)\n",
    ] {
        assert!(lax_summary(input.as_bytes()).is_some(), "{input:?}");
    }
    for input in [
        "module m\nretract v1.0.0\n",
        "// Deprecated: use n\nmodule m\n",
        "module \"m\"\n",
        "module m\nrequire a master\n",
    ] {
        assert!(lax_summary(input.as_bytes()).is_none(), "{input:?}");
    }
}

/// Lines built from go.mod-ish pieces, so generated files often land in the
/// fast subset and near its edges.
fn piece() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "module",
        "go",
        "require",
        "exclude",
        "replace",
        "toolchain",
        "retract",
        "ignore",
        "godebug",
        "tool",
        "(",
        ")",
        "=>",
        "m",
        "a",
        "a/v2",
        "gopkg.in/x.v1",
        "v1.0.0",
        "v1",
        "v2.0.0",
        "v2.0.0+incompatible",
        "v1.2.3-pre",
        "1.21",
        "1.21.0",
        "1.21rc1",
        "1.21.0-x",
        "v1.21x",
        "go1.22.0",
        "// indirect",
        "//c",
        "// Deprecated: x",
        " ",
        "\t",
        "\r",
        "\n",
        "\n",
        "\n",
        "\"q\"",
        "[",
        ",",
        "]",
        "/*",
        "A",
        "-",
        ".",
        "é",
    ])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]
    #[test]
    fn generated_inputs_agree(pieces in prop::collection::vec((piece(), prop::bool::ANY), 0..40)) {
        let mut s = String::new();
        for (p, space) in pieces {
            s.push_str(p);
            if space {
                s.push(' ');
            }
        }
        fuzz_checks::lax_summary_equiv(s.as_bytes());
    }
}
