//! Parse errors formatted exactly as `modfile.Error` / `modfile.ErrorList`.

use crate::position::Position;

/// One error in a go.mod/go.work file (`modfile.Error`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.render())]
pub struct Error {
    /// The file name as given to the parser.
    pub filename: String,
    /// Where the error is (line 0 when unknown).
    pub pos: Position,
    /// The directive verb, e.g. `require` (may be empty).
    pub verb: String,
    /// The module path the directive names (may be empty).
    pub mod_path: String,
    /// The message after the position and directive prefix.
    pub message: String,
}

impl Error {
    fn render(&self) -> String {
        let pos = if self.pos.line_rune > 1 {
            format!(
                "{}:{}:{}: ",
                self.filename, self.pos.line, self.pos.line_rune
            )
        } else if self.pos.line > 0 {
            format!("{}:{}: ", self.filename, self.pos.line)
        } else if !self.filename.is_empty() {
            format!("{}: ", self.filename)
        } else {
            String::new()
        };
        let directive = if !self.mod_path.is_empty() {
            format!("{} {}: ", self.verb, self.mod_path)
        } else if !self.verb.is_empty() {
            format!("{}: ", self.verb)
        } else {
            String::new()
        };
        format!("{pos}{directive}{}", self.message)
    }
}

/// All errors of one file, joined by newlines when displayed (`modfile.ErrorList`).
#[derive(Debug, Clone, PartialEq, Eq, Default, thiserror::Error)]
pub struct ErrorList(pub Vec<Error>);

impl std::fmt::Display for ErrorList {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}
