//! Presentation of the explanations of `gomvs_graph::explain`: text for
//! people (colour on a terminal only, `NO_COLOR` honoured), JSON (the
//! documented schema of docs/json-schema.md), Graphviz DOT and Mermaid.

pub mod check;
pub mod diagram;
pub mod diff;
pub mod doctor;
pub mod explore;
pub mod golist;
pub mod modgraph;
pub mod replaces;
pub mod tree;
pub mod upgrades;
pub mod why;

use std::io::IsTerminal;

/// The output format of an explaining command.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Text for people.
    Text,
    /// JSON (docs/json-schema.md).
    Json,
    /// Graphviz DOT.
    Dot,
    /// A Mermaid flowchart.
    Mermaid,
}

/// `--format` and its `--json` shorthand, shared by the explaining commands.
#[derive(Debug, Clone, clap::Args)]
pub struct FormatArgs {
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
    /// Same as `--format json`.
    #[arg(long)]
    pub json: bool,
    /// Colour: auto (on a terminal, unless NO_COLOR is set), always or never.
    #[arg(long, value_name = "WHEN", default_value = "auto")]
    pub color: ColorChoice,
}

/// When to colour text output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless `NO_COLOR` is set to a non-empty value.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

impl FormatArgs {
    /// The effective format.
    pub fn format(&self) -> Format {
        if self.json {
            Format::Json
        } else {
            self.format
        }
    }

    /// The text style for standard output.
    pub fn style(&self) -> Style {
        style_for(self.color)
    }
}

/// The text style for standard output under `choice`.
pub fn style_for(choice: ColorChoice) -> Style {
    let color = match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stdout().is_terminal()
        }
    };
    Style { color }
}

/// ANSI styling that is a no-op without colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// Whether to emit ANSI escapes.
    pub color: bool,
}

impl Style {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    /// Headings and module names.
    pub fn bold(&self, s: &str) -> String {
        self.paint("1", s)
    }
    /// The selected version.
    pub fn good(&self, s: &str) -> String {
        self.paint("32", s)
    }
    /// Things that changed the outcome (replace, exclude, pruning).
    pub fn warn(&self, s: &str) -> String {
        self.paint("33", s)
    }
    /// Absent things and errors.
    pub fn bad(&self, s: &str) -> String {
        self.paint("31", s)
    }
    /// Secondary details (locations).
    pub fn dim(&self, s: &str) -> String {
        self.paint("2", s)
    }
}

/// Wraps a report in the versioned JSON envelope
/// `{"schema": "gomvs.<kind>", "version": N, "data": ...}` and pretty-prints it.
pub fn json_envelope<T: serde::Serialize>(kind: &str, data: &T) -> Result<String, String> {
    #[derive(serde::Serialize)]
    struct Envelope<'a, T> {
        schema: String,
        version: u32,
        data: &'a T,
    }
    serde_json::to_string_pretty(&Envelope {
        schema: format!("gomvs.{kind}"),
        version: gomvs_graph::explain::SCHEMA_VERSION,
        data,
    })
    .map_err(|e| e.to_string())
}

/// `path version` (or the bare path), as `go list -m` prints a module.
pub fn module_text(m: &gomvs_modfile::ModuleVersion) -> String {
    if m.version.is_empty() {
        m.path.to_string()
    } else {
        format!("{} {}", m.path, m.version)
    }
}
