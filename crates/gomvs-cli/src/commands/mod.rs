//! One module per subcommand; each returns the process exit code.

pub mod context;
pub mod graph;
pub mod list;
pub mod parse;
pub mod replaces;
pub mod tree;
pub mod why;

/// The text Go prints for an I/O error (`no such file or directory`, ...),
/// i.e. the OS error string without Rust's ` (os error N)` suffix.
pub fn io_error_text(err: &std::io::Error) -> String {
    let text = err.to_string();
    match text.find(" (os error ") {
        Some(i) => text[..i].to_lowercase(),
        None => text,
    }
}
