//! Writes a synthetic universe (see `gomvs_benches::universe`) to disk and
//! keeps it, for whole-process comparisons with the go command
//! (`scripts/bench-scale-vs-go.sh`). Prints two lines: `main=<dir>` (go.mod
//! and go.sum) and `proxy=<dir>` (a `file://` GOPROXY directory).
//!
//! ```text
//! usage: universe_dump <modules> <pruned|unpruned>
//! ```

use gomvs_benches::universe::UniverseSpec;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(modules), Some(mode)) = (
        args.first().and_then(|a| a.parse::<usize>().ok()),
        args.get(1),
    ) else {
        eprintln!("usage: universe_dump <modules> <pruned|unpruned>");
        std::process::exit(2)
    };
    let pruned = match mode.as_str() {
        "pruned" => true,
        "unpruned" => false,
        _ => {
            eprintln!("usage: universe_dump <modules> <pruned|unpruned>");
            std::process::exit(2)
        }
    };
    let u = UniverseSpec::new(modules, pruned).on_disk();
    println!("main={}", u.main.keep().display());
    println!("proxy={}", u.proxy.keep().display());
}
