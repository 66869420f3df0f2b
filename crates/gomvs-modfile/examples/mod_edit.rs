//! A tiny `go mod edit -print` for conformance checks of the go.mod editor
//! (`scripts/conformance-modedit.py`): reads FILE, applies `-go=V`,
//! `-toolchain=NAME|none`, then `-require=PATH@V` and `-droprequire=PATH` in
//! order, sorts blocks, cleans up and prints the file as Go formats it.
use gomvs_modfile::edit::Editor;
use std::io::Write;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(file) = args.last() else {
        eprintln!("usage: mod_edit [-go=V] [-toolchain=T] [-require=P@V] [-droprequire=P] FILE");
        std::process::exit(2);
    };
    let data = match std::fs::read(file) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{file}: {e}");
            std::process::exit(1);
        }
    };
    let f = match gomvs_modfile::gomod::parse(file, &data, None) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let mut ed = Editor::new(&f);
    for a in &args[..args.len() - 1] {
        if let Some(v) = a.strip_prefix("-go=") {
            ed.add_go_stmt(v);
        }
    }
    for a in &args[..args.len() - 1] {
        if let Some(v) = a.strip_prefix("-toolchain=") {
            if v == "none" {
                ed.drop_toolchain_stmt();
            } else {
                ed.add_toolchain_stmt(v);
            }
        }
    }
    for a in &args[..args.len() - 1] {
        if let Some(pv) = a.strip_prefix("-require=") {
            if let Some((p, v)) = pv.rsplit_once('@') {
                ed.add_require(p, v);
            }
        } else if let Some(p) = a.strip_prefix("-droprequire=") {
            ed.drop_require(p);
        }
    }
    ed.sort_blocks();
    ed.cleanup();
    let _ = std::io::stdout().write_all(&ed.format());
}
