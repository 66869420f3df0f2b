//! `gomvs-embed-example DIR PATH@FLOOR...`: loads the Go module in DIR as
//! `go list -m all` does (with the process's Go environment: GOPROXY,
//! GOFLAGS, ...) and lists the modules the build uses below their floor.
//! Exit status: 0 when none is, 3 when some are, go's status when go would
//! fail (its message on stderr).

use gomvs_embed_example::{below_floor, parse_floor, render};
use gomvs_graph::{LoadOptions, Resolution};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((dir, floors)) = args.split_first() else {
        eprintln!("usage: gomvs-embed-example DIR PATH@FLOOR...");
        return ExitCode::from(2);
    };
    let floors = match floors
        .iter()
        .map(|a| parse_floor(a))
        .collect::<Result<Vec<_>, _>>()
    {
        Ok(f) => f,
        Err(e) => {
            eprintln!("gomvs-embed-example: {e}");
            return ExitCode::from(2);
        }
    };
    let options = match LoadOptions::from_process() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("gomvs-embed-example: {e}");
            return ExitCode::from(1);
        }
    };
    let res = match Resolution::load(options.dir(dir)) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(u8::try_from(e.exit_status()).unwrap_or(1));
        }
    };
    for d in res.diagnostics() {
        eprintln!("{d}");
    }
    let found = below_floor(&res, &floors);
    print!("{}", render(&found));
    if found.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(3)
    }
}
