//! Helpers shared by the CLI integration tests.
#![allow(dead_code)]

use std::path::Path;

/// Copies the directory tree `from` into `to` (created), leaving out the
/// top-level subdirectories named in `skip_top`; iterative, so deep trees
/// cannot overflow the stack.
pub fn copy_tree(from: &Path, to: &Path, skip_top: &[&str]) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    let mut stack = vec![(from.to_path_buf(), to.to_path_buf())];
    while let Some((src, dst)) = stack.pop() {
        for entry in std::fs::read_dir(&src)? {
            let entry = entry?;
            let target = dst.join(entry.file_name());
            if entry.file_type()?.is_dir() {
                if src == from && skip_top.iter().any(|s| entry.file_name() == *s) {
                    continue;
                }
                std::fs::create_dir_all(&target)?;
                stack.push((entry.path(), target));
            } else {
                std::fs::copy(entry.path(), &target)?;
            }
        }
    }
    Ok(())
}

/// The shared corpus directory (`$GOMVS_SHARED_DIR/corpus`, default
/// `../shared/corpus` beside the repository); panics naming the path when absent.
pub fn corpus() -> std::path::PathBuf {
    let dir = match std::env::var_os("GOMVS_SHARED_DIR") {
        Some(d) => std::path::PathBuf::from(d).join("corpus"),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus"),
    };
    assert!(
        dir.is_dir(),
        "shared corpus missing at {} (set GOMVS_SHARED_DIR)",
        dir.display()
    );
    dir
}

/// Lays out under `root` the main module of the corpus case
/// `edge-cases/61-zip-dir-and-sum` and a module cache as `go mod download`
/// lays it out for it (example.com/a: .mod, .info, zip, .ziphash and the
/// extracted directory; example.com/b: .mod and .info only), with a go.sum
/// holding the right hashes (computed with `gomvs_modfile::dirhash`).
/// `scripts/verify-conformance.py` compares this layout with the live
/// `go mod verify`.
pub fn edge61_module_cache(root: &Path) {
    use gomvs_modfile::dirhash::{hash_go_mod, hash_zip};
    let case = corpus().join("edge-cases/61-zip-dir-and-sum");
    copy_tree(&case.join("main"), &root.join("main"), &[]).expect("copy main");
    let proxy = case.join("proxy/example.com");
    let dl = root.join("modcache/cache/download/example.com");
    let mut go_sum = String::new();
    for m in ["a", "b"] {
        let src = proxy.join(m).join("@v");
        let dst = dl.join(m).join("@v");
        std::fs::create_dir_all(&dst).expect("mkdir");
        for f in ["v1.0.0.mod", "v1.0.0.info"] {
            std::fs::copy(src.join(f), dst.join(f)).expect("copy");
        }
        let mod_data = std::fs::read(src.join("v1.0.0.mod")).expect("read mod");
        if m == "a" {
            std::fs::copy(src.join("v1.0.0.zip"), dst.join("v1.0.0.zip")).expect("copy zip");
            let zip = || std::fs::File::open(dst.join("v1.0.0.zip")).expect("open zip");
            let h = hash_zip(zip()).expect("hash zip");
            std::fs::write(dst.join("v1.0.0.ziphash"), &h).expect("write ziphash");
            go_sum.push_str(&format!("example.com/a v1.0.0 {h}\n"));
            zip::ZipArchive::new(zip())
                .expect("zip")
                .extract(root.join("modcache"))
                .expect("extract");
        }
        go_sum.push_str(&format!(
            "example.com/{m} v1.0.0/go.mod {}\n",
            hash_go_mod(&mod_data)
        ));
    }
    std::fs::write(root.join("main/go.sum"), go_sum).expect("write go.sum");
}

/// `get_mode.proxy_modules`: `path@v/go.mod` zips next to each `.mod`.
pub fn write_go_mod_zips(proxy: &Path) {
    let unescape = |s: &str| {
        let mut out = String::new();
        let mut bang = false;
        for c in s.chars() {
            if bang {
                out.extend(c.to_uppercase());
                bang = false;
            } else if c == '!' {
                bang = true;
            } else {
                out.push(c);
            }
        }
        out
    };
    let mut stack = vec![proxy.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).expect("read proxy dir").flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
                continue;
            }
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            let Some(v) = name.strip_suffix(".mod") else {
                continue;
            };
            let module = dir
                .parent()
                .and_then(|m| m.strip_prefix(proxy).ok())
                .map(|m| unescape(&m.display().to_string()))
                .expect("module dir");
            let data = std::fs::read(&p).expect("read .mod");
            let f = std::fs::File::create(dir.join(format!("{v}.zip"))).expect("create zip");
            let mut z = zip::ZipWriter::new(f);
            let opts = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Stored);
            z.start_file(format!("{module}@{}/go.mod", unescape(v)), opts)
                .expect("zip entry");
            std::io::Write::write_all(&mut z, &data).expect("zip data");
            z.finish().expect("zip finish");
        }
    }
}
