//! Go's `text/template`, complete for `go list -m -f`: lexer, parser and
//! executor following `$GOROOT/src/text/template`, `fmt` verbs following
//! `$GOROOT/src/fmt`, and go list's functions (`join`, `context`, `module`).
//! Error texts are go's. The data model is Go's reflect view of
//! `*modinfo.ModulePublic` (see `value`).

mod exec;
pub mod fmt;
mod lex;
mod parse;
pub mod value;

pub use exec::{Host, ModuleFn};
use gomvs_graph::listing::ModuleInfo;
use std::rc::Rc;
pub use value::BuildContext;

/// A parsed template.
#[derive(Debug, Clone)]
pub struct Template {
    set: parse::TreeSet,
    text: String,
}

impl Template {
    /// Parses `text` as `template.New("main").Funcs(go list's).Parse(text)`;
    /// the error is go's message (`template: main:1: ...`).
    pub fn parse(text: &str) -> Result<Template, String> {
        let set = parse::parse(text, &exec::is_func)?;
        Ok(Template {
            set,
            text: text.to_string(),
        })
    }

    /// Executes the template on one module row: the output written and, when
    /// execution failed part way, go's error message.
    pub fn execute(&self, m: &ModuleInfo, host: &Host<'_>) -> (String, Option<String>) {
        exec::execute(
            &self.set,
            &self.text,
            value::Value::Module(Some(Rc::new(m.clone()))),
            host,
        )
    }
}
