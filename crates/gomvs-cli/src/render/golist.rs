//! The text of `go list -m` (`ModulePublic.String()`): one line per row of
//! [`gomvs_graph::listing`], written piece by piece into a byte sink.
//!
//! Self-contained (std and gomvs-graph only): the benchmarks include this
//! file to measure the very writer the CLI runs.

use gomvs_graph::listing::ModuleInfo;
use std::io::{self, Write};

/// `ModulePublic.String()`: the text line of `go list -m`.
pub fn module_text(m: &ModuleInfo) -> String {
    let mut buf = Vec::with_capacity(m.path.len() + m.version.len() + 1);
    // Writing to a Vec cannot fail, and only `str` pieces are written.
    let _ = write_module_text(m, &mut buf);
    String::from_utf8(buf).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Writes [`module_text`] (no newline) to `out` piece by piece,
/// without building a `String`.
pub fn write_module_text<W: Write + ?Sized>(row: &ModuleInfo, out: &mut W) -> io::Result<()> {
    fn version<W: Write + ?Sized>(out: &mut W, m: &ModuleInfo) -> io::Result<()> {
        out.write_all(m.version.as_bytes())?;
        if !m.retracted.is_empty() {
            out.write_all(b" (retracted)")?;
        }
        Ok(())
    }
    fn update<W: Write + ?Sized>(out: &mut W, m: &ModuleInfo) -> io::Result<()> {
        if let Some(u) = &m.update {
            out.write_all(b" [")?;
            version(out, u)?;
            out.write_all(b"]")?;
        }
        Ok(())
    }
    // The module, then its replacement, each written the same way.
    fn module<W: Write + ?Sized>(out: &mut W, m: &ModuleInfo) -> io::Result<()> {
        out.write_all(m.path.as_bytes())?;
        if !m.version.is_empty() {
            out.write_all(b" ")?;
            version(out, m)?;
            update(out, m)?;
        }
        if !m.deprecated.is_empty() {
            out.write_all(b" (deprecated)")?;
        }
        Ok(())
    }
    module(out, row)?;
    if let Some(r) = &row.replace {
        out.write_all(b" => ")?;
        module(out, r)?;
    }
    Ok(())
}
