//! One module per subcommand; each returns the process exit code.

pub mod context;
pub mod graph;
pub mod list;
pub mod parse;
pub mod replaces;
pub mod tree;
pub mod why;
