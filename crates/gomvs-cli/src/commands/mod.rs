//! One module per subcommand; each returns the process exit code.

pub mod check;
pub mod context;
pub mod diff;
pub mod doctor;
pub mod explore;
pub mod get;
pub mod git;
pub mod graph;
pub mod list;
pub mod parse;
pub mod replaces;
pub mod tree;
pub mod upgrades;
pub mod verify;
pub mod why;

/// Capacity of the buffered writer on standard output for the commands that
/// print one line per module or edge (`list`, `graph`): large enough that
/// a 100k-module listing costs few `write` system calls.
pub const STDOUT_BUFFER: usize = 64 * 1024;
