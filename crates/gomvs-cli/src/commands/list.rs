//! `gomvs list`: `go list -m [-u] [-retracted] [-versions] [-e] [-json | -f T] [args]`,
//! byte for byte.

use super::context::{list_outcome, print_fatal, print_missing_hints, Context, Invocation};
use gomvs_graph::listing::{list_modules, list_modules_detached, ListMode, ModuleInfo};
use gomvs_graph::loader::{BuildMode, GoCommand};
use std::io::Write;
use std::process::ExitCode;

/// Arguments of `gomvs list` (go's single-dash spellings `-json`, `-u`,
/// `-retracted`, `-versions`, `-e`, `-f`, `-m` are accepted).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Print JSON objects as `go list -m -json`.
    #[arg(long)]
    pub json: bool,
    /// Report errors in the rows instead of failing (`-e`).
    #[arg(short = 'e')]
    pub errors: bool,
    /// Add available updates, retractions and deprecations (`-u`).
    #[arg(short = 'u')]
    pub update: bool,
    /// Add retractions; with `-versions`, list retracted versions too.
    #[arg(long)]
    pub retracted: bool,
    /// List the available versions of each module.
    #[arg(long)]
    pub versions: bool,
    /// Format each row with a (small subset of) Go template.
    #[arg(short = 'f', value_name = "TEMPLATE")]
    pub format: Option<String>,
    /// Accepted for compatibility with `go list -m` (always module mode).
    #[arg(short = 'm', hide = true)]
    pub modules: bool,
    /// Module paths, patterns (`all`, `x/...`) and `path@query` arguments;
    /// none lists the main module(s).
    pub patterns: Vec<String>,
}

fn unsupported(what: &str) -> ExitCode {
    eprintln!("gomvs: unsupported: {what}");
    ExitCode::from(99)
}

/// Runs the command.
pub fn run(args: &Args) -> ExitCode {
    // runList's first check, before anything is loaded.
    if args.patterns.iter().any(String::is_empty) {
        eprintln!("go: invalid package: \"\"");
        return ExitCode::from(1);
    }
    if args.format.is_some() && args.json {
        eprintln!("go list -f cannot be used with -json");
        return ExitCode::from(1);
    }
    let template = match &args.format {
        None => None,
        Some(text) => match template::Template::parse(text) {
            Ok(t) => Some(t),
            Err(()) => {
                eprintln!("gomvs: unsupported template: {text}");
                return ExitCode::from(99);
            }
        },
    };
    let ctx = match Context::from_process(Invocation {
        command: GoCommand::ListModules,
        graph_go: None,
    }) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let session = match ctx.open() {
        Ok(s) => s,
        Err(fatal) => {
            return match outside_module(&fatal) {
                Some((warnings, no_main)) => {
                    list_outside_module(args, &ctx, &warnings, &no_main, template.as_ref())
                }
                None => print_fatal(&[], &fatal),
            }
        }
    };
    if session.build_mode == BuildMode::Vendor {
        let disabled = |what: &str| {
            eprintln!("go: can't {what} using the vendor directory\n\t(Use -mod=mod or -mod=readonly to bypass.)");
            ExitCode::from(1)
        };
        if args.versions {
            return disabled("determine available versions");
        }
        if args.update {
            return disabled("determine available upgrades");
        }
        for arg in &args.patterns {
            if arg == "all" {
                return disabled("compute 'all'");
            }
            if arg.contains("...") {
                return disabled("match module patterns");
            }
        }
        if !args.patterns.is_empty() {
            return unsupported("list -m with arguments in vendor mode");
        }
    }
    let loaded = match session.load() {
        Ok(l) => l,
        Err(fatal) => return print_fatal(&[], &fatal),
    };
    let mode = ListMode::from_flags(args.update, args.retracted, args.versions);
    let listing = match list_modules(&loaded, &ctx.cache, &args.patterns, mode) {
        Ok(l) => l,
        Err(fatal) => {
            let warnings = loaded.session.stderr_lines();
            return print_fatal(&warnings, &fatal);
        }
    };
    // `go list -m -u` never runs commitRequirements (see modload.ListModules).
    let (stderr, failed) = list_outcome(&loaded, &listing, args.errors, !args.update);
    for line in &stderr {
        super::context::eprint_go(line);
    }
    if failed && !args.errors {
        print_missing_hints(&loaded.session);
        return ExitCode::from(1);
    }
    print_rows(&listing.rows, args.json, args.versions, template.as_ref())
}

/// Splits the loader's "no main module" failure of `go list -m` into the
/// warnings printed before it and the `NoMainModulesError` text.
fn outside_module(fatal: &gomvs_graph::loader::Fatal) -> Option<(Vec<String>, String)> {
    let (last, warnings) = fatal.lines.split_last()?;
    let no_main = last.strip_prefix("go: cannot match \"all\": ")?;
    Some((warnings.to_vec(), no_main.to_string()))
}

/// `go list -m` without a main module: the `command-line-arguments` row for
/// no arguments, go's fatal errors for arguments that need a module graph.
fn list_outside_module(
    args: &Args,
    ctx: &Context,
    warnings: &[String],
    no_main: &str,
    template: Option<&template::Template>,
) -> ExitCode {
    for w in warnings {
        super::context::eprint_go(w);
    }
    let fail = |msg: String| {
        eprintln!("{msg}");
        ExitCode::from(1)
    };
    for arg in &args.patterns {
        if arg.contains('\\') {
            return fail("go: module paths never use backslash".to_string());
        }
        if arg == "." || arg == ".." || arg.starts_with("./") || arg.starts_with("../") {
            return fail(format!(
                "go: cannot use relative path {arg} to specify module"
            ));
        }
        if arg == "all" || arg.contains("...") {
            return fail(format!(
                "go: cannot match {}: {no_main}",
                gomvs_modfile::module::quote(arg)
            ));
        }
        match arg.split_once('@') {
            Some((_, v)) if v.starts_with('-') || v.starts_with('/') => {
                return fail(format!(
                    "go: invalid module version {}",
                    gomvs_modfile::module::quote(v)
                ));
            }
            Some((_, v)) if v == "upgrade" || v == "patch" => {
                return fail(format!(
                    "go: cannot match {}: {no_main}",
                    gomvs_modfile::module::quote(arg)
                ));
            }
            Some(_) => {}
            None if !args.versions => {
                return fail(format!(
                    "go: cannot match {} without -versions or an explicit version: {no_main}",
                    gomvs_modfile::module::quote(arg)
                ));
            }
            None => {}
        }
    }
    if !args.patterns.is_empty() {
        let mode = ListMode::from_flags(args.update, args.retracted, args.versions);
        let listing =
            match list_modules_detached(ctx.source.clone(), &ctx.cache, &args.patterns, mode) {
                Ok(l) => l,
                Err(fatal) => return print_fatal(&[], &fatal),
            };
        if !args.errors {
            let mut failed = false;
            for r in &listing.rows {
                if let Some(e) = &r.error {
                    super::context::eprint_go(&format!("go: {}", e.err));
                    failed = true;
                }
            }
            if failed {
                return ExitCode::from(1);
            }
        }
        return print_rows(&listing.rows, args.json, args.versions, template);
    }
    let row = ModuleInfo {
        path: "command-line-arguments".into(),
        main: true,
        go_version: ctx.config.local_go.clone(),
        ..ModuleInfo::default()
    };
    print_rows(&[row], args.json, args.versions, template)
}

/// The default `-versions` format:
/// `{{.Path}}{{range .Versions}} {{.}}{{end}}{{if .Deprecated}} (deprecated){{end}}`.
fn versions_text(m: &ModuleInfo) -> String {
    let mut s = m.path.to_string();
    for v in &m.versions {
        s.push(' ');
        s.push_str(v);
    }
    if !m.deprecated.is_empty() {
        s.push_str(" (deprecated)");
    }
    s
}

fn print_rows(
    rows: &[ModuleInfo],
    json: bool,
    versions: bool,
    template: Option<&template::Template>,
) -> ExitCode {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(super::STDOUT_BUFFER, stdout.lock());
    for r in rows {
        if !json && template.is_none() && !versions {
            // The default format, written straight into the buffer.
            if r.write_text(&mut out).is_err() || out.write_all(b"\n").is_err() {
                return ExitCode::from(1);
            }
            continue;
        }
        let text = if json {
            crate::gojson::marshal_indent(r).map(|b| String::from_utf8_lossy(&b).into_owned())
        } else if let Some(t) = template {
            match t.execute(r) {
                Ok(mut s) => {
                    // list's output writer adds a newline unless there is one.
                    if s.ends_with('\n') {
                        s.pop();
                    }
                    Ok(s)
                }
                Err(what) => return unsupported(&format!("template field {what}")),
            }
        } else {
            Ok(versions_text(r))
        };
        match text {
            Ok(t) => {
                if writeln!(out, "{t}").is_err() {
                    return ExitCode::from(1);
                }
            }
            Err(e) => {
                eprintln!("gomvs: encoding JSON: {e}");
                return ExitCode::from(1);
            }
        }
    }
    if out.flush().is_err() {
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}

/// The small subset of Go's `text/template` that `go list -m -f` uses in
/// practice: text, `{{.Field}}`, `{{.Field.Sub}}`, `{{if .X}}…{{else}}…{{end}}`.
mod template {
    use gomvs_graph::listing::ModuleInfo;

    #[derive(Debug, Clone, PartialEq, Eq)]
    enum Node {
        Text(String),
        Field(Vec<String>),
        If {
            cond: Vec<String>,
            then: Vec<Node>,
            otherwise: Vec<Node>,
        },
    }

    /// A parsed template.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct Template {
        nodes: Vec<Node>,
    }

    enum Token {
        Text(String),
        Action(String),
    }

    fn tokenize(src: &str) -> Result<Vec<Token>, ()> {
        let mut out = Vec::new();
        let mut rest = src;
        while let Some(i) = rest.find("{{") {
            if i > 0 {
                out.push(Token::Text(rest[..i].to_string()));
            }
            let after = &rest[i + 2..];
            let j = after.find("}}").ok_or(())?;
            let action = &after[..j];
            if action.starts_with('-') || action.ends_with('-') || action.starts_with("/*") {
                return Err(());
            }
            out.push(Token::Action(action.trim().to_string()));
            rest = &after[j + 2..];
        }
        if !rest.is_empty() {
            out.push(Token::Text(rest.to_string()));
        }
        Ok(out)
    }

    fn field_path(expr: &str) -> Result<Vec<String>, ()> {
        let body = expr.strip_prefix('.').ok_or(())?;
        let parts: Vec<String> = body.split('.').map(str::to_string).collect();
        let ok = parts.iter().all(|p| {
            !p.is_empty()
                && p.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                && p.chars().all(|c| c.is_ascii_alphanumeric())
        });
        if !ok || parts.len() > 2 {
            return Err(());
        }
        Ok(parts)
    }

    impl Template {
        /// Parses `src`; `Err` when it uses anything outside the subset.
        pub fn parse(src: &str) -> Result<Template, ()> {
            let tokens = tokenize(src)?;
            // Explicit stack of open `if` blocks: (cond, then, otherwise, in_else).
            type Frame = (Vec<String>, Vec<Node>, Vec<Node>, bool);
            let mut stack: Vec<Frame> = Vec::new();
            let mut top: Vec<Node> = Vec::new();
            for t in tokens {
                let node = match t {
                    Token::Text(s) => Node::Text(s),
                    Token::Action(a) => {
                        if let Some(cond) = a.strip_prefix("if ") {
                            stack.push((field_path(cond.trim())?, Vec::new(), Vec::new(), false));
                            continue;
                        } else if a == "else" {
                            let f = stack.last_mut().ok_or(())?;
                            if f.3 {
                                return Err(());
                            }
                            f.3 = true;
                            continue;
                        } else if a == "end" {
                            let (cond, then, otherwise, _) = stack.pop().ok_or(())?;
                            Node::If {
                                cond,
                                then,
                                otherwise,
                            }
                        } else {
                            Node::Field(field_path(&a)?)
                        }
                    }
                };
                match stack.last_mut() {
                    Some(f) if f.3 => f.2.push(node),
                    Some(f) => f.1.push(node),
                    None => top.push(node),
                }
            }
            if !stack.is_empty() {
                return Err(());
            }
            Ok(Template { nodes: top })
        }

        /// Executes the template on a row; `Err(field)` for a field whose
        /// rendering is outside the subset.
        pub fn execute(&self, m: &ModuleInfo) -> Result<String, String> {
            let mut out = String::new();
            // Explicit work stack of node slices.
            let mut work: Vec<std::slice::Iter<'_, Node>> = vec![self.nodes.iter()];
            while let Some(iter) = work.last_mut() {
                let Some(node) = iter.next() else {
                    work.pop();
                    continue;
                };
                match node {
                    Node::Text(s) => out.push_str(s),
                    Node::Field(p) => out.push_str(&lookup(m, p)?.render(&p.join("."))?),
                    Node::If {
                        cond,
                        then,
                        otherwise,
                    } => {
                        let branch = if lookup(m, cond)?.truthy() {
                            then
                        } else {
                            otherwise
                        };
                        work.push(branch.iter());
                    }
                }
            }
            Ok(out)
        }
    }

    enum Value<'a> {
        Str(&'a str),
        Bool(bool),
        List(&'a [String]),
        Module(Option<&'a ModuleInfo>),
        Opaque(bool),
    }

    impl Value<'_> {
        fn truthy(&self) -> bool {
            match self {
                Value::Str(s) => !s.is_empty(),
                Value::Bool(b) => *b,
                Value::List(l) => !l.is_empty(),
                Value::Module(m) => m.is_some(),
                Value::Opaque(set) => *set,
            }
        }

        fn render(&self, name: &str) -> Result<String, String> {
            match self {
                Value::Str(s) => Ok(s.to_string()),
                Value::Bool(b) => Ok(b.to_string()),
                Value::List(l) => Ok(format!("[{}]", l.join(" "))),
                Value::Module(None) | Value::Opaque(false) => Ok("<nil>".to_string()),
                _ => Err(name.to_string()),
            }
        }
    }

    fn lookup<'a>(m: &'a ModuleInfo, path: &[String]) -> Result<Value<'a>, String> {
        let mut cur = m;
        for (i, name) in path.iter().enumerate() {
            let last = i + 1 == path.len();
            let v = match name.as_str() {
                "Path" => Value::Str(&cur.path),
                "Version" => Value::Str(&cur.version),
                "Query" => Value::Str(&cur.query),
                "Dir" => Value::Str(&cur.dir),
                "GoMod" => Value::Str(&cur.go_mod),
                "GoVersion" => Value::Str(&cur.go_version),
                "Deprecated" => Value::Str(&cur.deprecated),
                "Sum" => Value::Str(&cur.sum),
                "GoModSum" => Value::Str(&cur.go_mod_sum),
                "Main" => Value::Bool(cur.main),
                "Indirect" => Value::Bool(cur.indirect),
                "Versions" => Value::List(&cur.versions),
                "Retracted" => Value::List(&cur.retracted),
                "Replace" => Value::Module(cur.replace.as_deref()),
                "Update" => Value::Module(cur.update.as_deref()),
                "Time" => Value::Opaque(cur.time.is_some()),
                "Error" => Value::Opaque(cur.error.is_some()),
                _ => return Err(path.join(".")),
            };
            if last {
                return Ok(v);
            }
            match v {
                Value::Module(Some(next)) => cur = next,
                // Go fails on a field of a nil pointer; not in the subset.
                _ => return Err(path.join(".")),
            }
        }
        Err(path.join("."))
    }

    #[cfg(test)]
    #[allow(clippy::unwrap_used)]
    mod tests {
        use super::*;

        #[test]
        fn fields_and_conditionals() {
            let t = Template::parse(
                "{{.Path}} {{.Indirect}}{{if .Replace}} => {{.Replace.Version}}{{else}} -{{end}}",
            )
            .unwrap();
            let mut m = ModuleInfo {
                path: "example.com/a".into(),
                indirect: true,
                ..ModuleInfo::default()
            };
            assert_eq!(t.execute(&m).unwrap(), "example.com/a true -");
            m.replace = Some(Box::new(ModuleInfo {
                version: "v1.0.0".into(),
                ..ModuleInfo::default()
            }));
            assert_eq!(t.execute(&m).unwrap(), "example.com/a true => v1.0.0");
        }

        #[test]
        fn unsupported_constructs_are_rejected() {
            assert!(Template::parse("{{range .Versions}}{{.}}{{end}}").is_err());
            assert!(Template::parse("{{.Path | printf}}").is_err());
            assert!(Template::parse("{{if .Main}}x").is_err());
            assert!(Template::parse("{{json .}}").is_err());
        }
    }
}
