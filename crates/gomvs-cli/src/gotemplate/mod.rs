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

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn run(text: &str, m: &ModuleInfo) -> (String, Option<String>) {
        let module = |p: &str| -> Result<ModuleInfo, String> {
            Ok(ModuleInfo {
                path: p.into(),
                ..ModuleInfo::default()
            })
        };
        let host = Host {
            context: BuildContext::default(),
            module: &module,
        };
        Template::parse(text).expect("parses").execute(m, &host)
    }

    fn row() -> ModuleInfo {
        ModuleInfo {
            path: "example.com/a".into(),
            version: "v1.0.0".into(),
            indirect: true,
            retracted: vec!["bad".into(), "worse".into()],
            ..ModuleInfo::default()
        }
    }

    #[test]
    fn actions_trim_markers_and_ranges() {
        let m = row();
        assert_eq!(run("{{.Path}}@{{.Version}}", &m).0, "example.com/a@v1.0.0");
        assert_eq!(run("a  {{- .Main -}}  b", &m).0, "afalseb");
        assert_eq!(
            run(
                "{{range $i, $r := .Retracted}}{{if $i}},{{end}}{{$r}}{{end}}",
                &m
            )
            .0,
            "bad,worse"
        );
        assert_eq!(
            run("{{range 5}}{{if eq . 3}}{{break}}{{end}}{{.}}{{end}}", &m).0,
            "012"
        );
        assert_eq!(run("{{with .Replace}}x{{else}}none{{end}}", &m).0, "none");
        assert_eq!(
            run("{{.Replace}} {{.Time}} {{.Versions}}", &m).0,
            "<nil> <nil> []"
        );
    }

    #[test]
    fn printf_verbs() {
        let m = row();
        assert_eq!(
            run(
                "{{printf \"%-15s|%5.2f|%x|%q|%v\" .Path 3.14159 255 .Version .Indirect}}",
                &m
            )
            .0,
            "example.com/a  | 3.14|ff|\"v1.0.0\"|true"
        );
        assert_eq!(
            run("{{printf \"%d %s\" .Path}}", &m).0,
            "%!d(string=example.com/a) %!s(MISSING)"
        );
        assert_eq!(run("{{printf \"%v\" 1e6}}", &m).0, "1e+06");
    }

    #[test]
    fn errors_carry_go_text() {
        let m = row();
        assert_eq!(
            Template::parse("{{json .}}").unwrap_err(),
            "template: main:1: function \"json\" not defined"
        );
        assert_eq!(
            run("{{.Replace.Path}}", &m).1.unwrap(),
            "template: main:1:10: executing \"main\" at <.Replace.Path>: nil pointer evaluating *modinfo.ModulePublic.Path"
        );
        assert_eq!(
            run("x{{.Foo}}", &m),
            (
                "x".to_string(),
                Some("template: main:1:3: executing \"main\" at <.Foo>: can't evaluate field Foo in type *modinfo.ModulePublic".to_string())
            )
        );
        assert_eq!(
            run("{{1i}} {{printf \"%.1f\" 1+2i}}", &m).0,
            "(0+1i) (1.0+2.0i)"
        );
    }
}
