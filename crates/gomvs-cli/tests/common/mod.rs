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
