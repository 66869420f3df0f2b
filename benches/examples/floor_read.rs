//! The physical floor of a gomvs run: a process that opens, reads and closes
//! the files named in LIST (one path per line), spread over N threads, and
//! does nothing else. `scripts/bench-floor.py` times it beside gomvs and go on
//! the files a gomvs run opens (recorded with strace); with an empty LIST it
//! is the cost of an empty process start.
//!
//! ```text
//! usage: floor_read [-j N] LIST
//! ```
//!
//! Each file is read the way a minimal C reader would: `open`, `read` into a
//! reused buffer until end of file, `close`; no `stat`, no allocation per
//! file. The total byte count is printed so the reads cannot be optimised away.

use std::io::Read;

fn read_all(paths: &[&str]) -> u64 {
    let mut buf = vec![0u8; 1 << 16];
    let mut total = 0u64;
    for path in paths {
        let Ok(mut file) = std::fs::File::open(path) else {
            eprintln!("floor_read: cannot open {path}");
            std::process::exit(1)
        };
        loop {
            match file.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => total += n as u64,
                Err(e) => {
                    eprintln!("floor_read: {path}: {e}");
                    std::process::exit(1)
                }
            }
        }
    }
    total
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (threads, list) = match args.as_slice() {
        [flag, n, list] if flag == "-j" => match n.parse::<usize>() {
            Ok(n) if n > 0 => (n, list),
            _ => usage(),
        },
        [list] => (1, list),
        _ => usage(),
    };
    let text = match std::fs::read_to_string(list) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("floor_read: {list}: {e}");
            std::process::exit(1)
        }
    };
    let paths: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();
    let total = if threads == 1 || paths.len() < 2 {
        read_all(&paths)
    } else {
        let chunk = paths.len().div_ceil(threads);
        std::thread::scope(|s| {
            let handles: Vec<_> = paths
                .chunks(chunk)
                .map(|c| s.spawn(move || read_all(c)))
                .collect();
            handles.into_iter().map(|h| h.join().unwrap_or(0)).sum()
        })
    };
    println!("{} files, {total} bytes", paths.len());
}

fn usage() -> ! {
    eprintln!("usage: floor_read [-j N] LIST");
    std::process::exit(2)
}
