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
    /// Print JSON objects as `go list -m -json`; `-json=Path,Version`
    /// prints only those fields (go's `jsonFlag`: a boolean value such as
    /// `-json=false` switches JSON off, anything else names fields).
    #[arg(
        long,
        value_name = "FIELDS",
        num_args = 0..=1,
        require_equals = true,
        default_missing_value = "true",
        action = clap::ArgAction::Append
    )]
    pub json: Vec<String>,
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
    /// Format each row with a Go text/template (`go list -m -f`).
    #[arg(short = 'f', value_name = "TEMPLATE")]
    pub format: Option<String>,
    /// Answer version queries from the module cache alone (docs/get.md, "Offline").
    #[arg(long)]
    pub offline: bool,
    /// `-reuse=old.json`: the output of an earlier `go list -m -json`
    /// whose rows may be reused (outside a module, `path@version`
    /// arguments only). Offline no source can confirm an Origin, so nothing
    /// is reused: the file is read and checked as go reads it.
    #[arg(long, value_name = "FILE")]
    pub reuse: Option<String>,
    /// Accepted for compatibility with `go list -m` (always module mode).
    #[arg(short = 'm', hide = true)]
    pub modules: bool,
    /// Module paths, patterns (`all`, `x/...`) and `path@query` arguments;
    /// none lists the main module(s).
    pub patterns: Vec<String>,
}

/// go list's `-json` flag (`jsonFlag`): whether JSON is printed, and the
/// fields asked for with `-json=Field,...` (empty: every field).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JsonFlag {
    /// `listJson`.
    pub on: bool,
    /// The selected field names (`-json=a,b` accumulates over repeats).
    pub fields: std::collections::BTreeSet<String>,
}

impl JsonFlag {
    /// Applies each `-json[=value]` occurrence in order as `jsonFlag.Set`
    /// does: a `strconv.ParseBool` value sets JSON on or off, any other
    /// value turns it on and adds its comma-separated fields.
    pub fn from_values(values: &[String]) -> JsonFlag {
        let mut flag = JsonFlag::default();
        for v in values {
            match v.as_str() {
                "1" | "t" | "T" | "TRUE" | "true" | "True" => flag.on = true,
                "0" | "f" | "F" | "FALSE" | "false" | "False" => flag.on = false,
                _ => {
                    flag.on = true;
                    flag.fields.extend(v.split(',').map(str::to_string));
                }
            }
        }
        flag
    }

    /// The row go marshals: with `-json=Fields`, a copy with every
    /// top-level field not named cleared (`needAny`); nested modules
    /// (Replace, Update) are kept whole.
    fn select(&self, r: &ModuleInfo) -> ModuleInfo {
        if self.fields.is_empty() {
            return r.clone();
        }
        let keep = |f: &str| self.fields.contains(f);
        let mut m = ModuleInfo::default();
        if keep("Path") {
            m.path = r.path.clone();
        }
        if keep("Version") {
            m.version = r.version.clone();
        }
        if keep("Query") {
            m.query = r.query.clone();
        }
        if keep("Versions") {
            m.versions = r.versions.clone();
        }
        if keep("Replace") {
            m.replace = r.replace.clone();
        }
        if keep("Time") {
            m.time = r.time.clone();
        }
        if keep("Update") {
            m.update = r.update.clone();
        }
        if keep("Main") {
            m.main = r.main;
        }
        if keep("Indirect") {
            m.indirect = r.indirect;
        }
        if keep("Dir") {
            m.dir = r.dir.clone();
        }
        if keep("GoMod") {
            m.go_mod = r.go_mod.clone();
        }
        if keep("GoVersion") {
            m.go_version = r.go_version.clone();
        }
        if keep("Retracted") {
            m.retracted = r.retracted.clone();
        }
        if keep("Deprecated") {
            m.deprecated = r.deprecated.clone();
        }
        if keep("Error") {
            m.error = r.error.clone();
        }
        if keep("Sum") {
            m.sum = r.sum.clone();
        }
        if keep("GoModSum") {
            m.go_mod_sum = r.go_mod_sum.clone();
        }
        if keep("Origin") {
            m.origin = r.origin.clone();
        }
        m
    }
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
    let json = JsonFlag::from_values(&args.json);
    if args.format.is_some() && json.on {
        eprintln!("go list -f cannot be used with -json");
        return ExitCode::from(1);
    }
    // GOFLAGS and the environment are checked when go starts, before list
    // parses the template.
    // Version queries (-u, -versions, -retracted, path@query) read the
    // module cache as a proxy when GOPROXY needs the network.
    let queries = args.update
        || args.versions
        || args.retracted
        || args.patterns.iter().any(|p| p.contains('@'));
    let inv = Invocation {
        command: GoCommand::ListModules,
        graph_go: None,
    };
    let ctx = match if queries || args.offline {
        Context::from_process_offline(inv, args.offline)
    } else {
        Context::from_process(inv)
    } {
        Ok(c) => c,
        Err(code) => return code,
    };
    let reuse = args.reuse.as_deref().filter(|f| !f.is_empty());
    if reuse.is_some() {
        // `moduleLoader.HasModRoot()`: a go.mod or go.work governs the
        // directory (even one that fails to load later).
        let has_mod_root = match ctx.open() {
            Ok(_) => true,
            Err(fatal) => outside_module(&fatal).is_none(),
        };
        if has_mod_root {
            eprintln!("go list -reuse cannot be used inside a module");
            return ExitCode::from(1);
        }
    }
    let template = match &args.format {
        None => None,
        Some(text) => match on_big_stack(|| template::Template::parse(text)) {
            Ok(t) => Some(t),
            Err(e) => {
                // work.BuildInit (modload.Init) runs before the template is
                // parsed: its workspace-flag errors come first.
                if let Err(fatal) = ctx.open() {
                    if let Some(first) = fatal.lines.first() {
                        if first.starts_with("go: -mod may only be set")
                            || first.starts_with("go: -modfile cannot be used")
                        {
                            return print_fatal(&[], &fatal);
                        }
                    }
                }
                // go list: base.Fatalf("%s", err).
                eprintln!("{e}");
                if e.starts_with("gomvs: unsupported") {
                    return ExitCode::from(99);
                }
                return ExitCode::from(1);
            }
        },
    };
    let session = match ctx.open() {
        Ok(s) => s,
        Err(fatal) => {
            return match outside_module(&fatal) {
                Some((warnings, no_main)) => {
                    list_outside_module(args, &json, &ctx, &warnings, &no_main, template.as_ref())
                }
                None => print_fatal(&[], &fatal),
            }
        }
    };
    // go list: -retracted is refused under an explicit -mod=vendor before
    // go.mod is loaded (automatic vendor mode is only decided then).
    if args.retracted
        && ctx.config.mod_flag.explicit
        && ctx.config.mod_flag.mode == Some(BuildMode::Vendor)
    {
        eprintln!("go list -retracted cannot be used when vendoring is enabled");
        return ExitCode::from(1);
    }
    let vendor = session.build_mode == BuildMode::Vendor;
    // go loads the module graph only for arguments that need it; go list's
    // `module` template function may need it later (go loads it then),
    // so a template naming it loads it up front. In vendor mode the graph
    // is vendor/modules.txt's (LoadModFile checks it first).
    let uses_module_fn = args.format.as_deref().is_some_and(|t| t.contains("module"));
    let loaded = if vendor {
        session.load_vendor()
    } else if uses_module_fn {
        session.load()
    } else {
        session.load_for_list(&args.patterns)
    };
    let loaded = match loaded {
        Ok(l) => l,
        Err(fatal) => return print_fatal(&[], &fatal),
    };
    if vendor {
        let disabled = |what: &str| {
            for line in &loaded.session.stderr_lines() {
                super::context::eprint_go(line);
            }
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
    }
    let mode = ListMode::from_flags(args.update, args.retracted, args.versions);
    let listing = match list_modules(&loaded, &ctx.cache, &args.patterns, mode) {
        Ok(l) => l,
        Err(fatal) => {
            let warnings = loaded.session.stderr_lines();
            return print_fatal(&warnings, &fatal);
        }
    };
    // A fatal error while listing (a go.mod checksum mismatch found by a
    // row's completeFromModCache): go exits before printing any row.
    if let Some(fatal) = loaded.session.take_fatal() {
        return print_fatal(&loaded.session.stderr_lines(), &fatal);
    }
    // `go list -m -u` never runs commitRequirements (see modload.ListModules).
    let (stderr, failed) = list_outcome(&loaded, &listing, args.errors, !args.update);
    for line in &stderr {
        super::context::eprint_go(line);
    }
    if failed && !args.errors {
        print_missing_hints(&loaded.session);
        return ExitCode::from(1);
    }
    // go list's `module PATH` template function: modload.ModuleInfo, the
    // row `go list -m PATH` prints, or "module not in current build".
    let module = |path: &str| -> Result<ModuleInfo, String> {
        // With `all`, go's requirements are the ones listing `all` left
        // (updated under -mod=mod): the row listed, without -u/-retracted/
        // -versions fields (ModuleInfo lists in mode 0).
        if !path.contains('@') && args.patterns.iter().any(|p| p == "all") {
            if let Some(r) = listing.rows.iter().find(|r| r.path == path) {
                let mut r = r.clone();
                let strip = |m: &mut ModuleInfo| {
                    m.update = None;
                    m.versions.clear();
                    m.retracted.clear();
                    m.deprecated.clear();
                };
                strip(&mut r);
                if let Some(rep) = r.replace.as_deref_mut() {
                    strip(rep);
                }
                return Ok(r);
            }
        }
        let listed = list_modules(
            &loaded,
            &ctx.cache,
            &[path.to_string()],
            ListMode::default(),
        );
        if let Some((p, v)) = path.split_once('@') {
            // moduleInfo without requirements: the version asked for, no
            // replacement; a failed lookup leaves the error in the row.
            let mut row = match listed {
                Ok(l) => l.rows.into_iter().next().unwrap_or_default(),
                Err(f) => ModuleInfo {
                    error: Some(gomvs_graph::listing::RowError {
                        err: f.lines.join("\n"),
                    }),
                    ..ModuleInfo::default()
                },
            };
            row.path = p.into();
            if row.version.is_empty() {
                row.version = v.into();
            }
            row.replace = None;
            row.indirect = false;
            return Ok(row);
        }
        let not_in_build = || ModuleInfo {
            path: path.into(),
            error: Some(gomvs_graph::listing::RowError {
                err: "module not in current build".into(),
            }),
            ..ModuleInfo::default()
        };
        match listed {
            // A selected module: its row, errors included.
            Ok(l) => match l.rows.into_iter().next() {
                Some(r) if !r.version.is_empty() || r.main => Ok(r),
                _ => Ok(not_in_build()),
            },
            Err(_) => Ok(not_in_build()),
        }
    };
    print_rows_with(
        &listing.rows,
        &json,
        args.versions,
        template.as_ref(),
        &module,
    )
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
    json: &JsonFlag,
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
    if let Some(file) = args.reuse.as_deref().filter(|f| !f.is_empty()) {
        if args.patterns.is_empty() {
            return fail(
                "go: list -m -reuse only has an effect with module@version arguments".into(),
            );
        }
        // ListModules reads the file before it looks at the arguments.
        match std::fs::read(file) {
            Err(e) => {
                return fail(format!(
                    "go: open {file}: {}",
                    gomvs_graph::goerr::errno_text(&e)
                ))
            }
            Ok(data) => {
                if let Err(why) = check_reuse_file(&data) {
                    return unsupported(&format!("-reuse={file}: {why}"));
                }
            }
        }
    }
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
        return print_rows(&listing.rows, json, args.versions, template);
    }
    let row = ModuleInfo {
        path: "command-line-arguments".into(),
        main: true,
        go_version: ctx.config.local_go.clone(),
        ..ModuleInfo::default()
    };
    print_rows(&[row], json, args.versions, template)
}

/// Checks that `data` decodes as go's `json.Decoder` reads a reuse file: a
/// stream of objects (or nulls) whose `modinfo.ModulePublic` fields have
/// their Go types. Go's decode errors are not reproduced: a file that would
/// fail is reported as unsupported (the reason is returned).
fn check_reuse_file(data: &[u8]) -> Result<(), String> {
    use serde_json::Value;
    let strings = [
        "path",
        "version",
        "query",
        "dir",
        "gomod",
        "goversion",
        "deprecated",
        "sum",
        "gomodsum",
    ];
    let bools = ["main", "indirect", "reuse"];
    let lists = ["versions", "retracted"];
    let objects = ["replace", "update", "origin", "error"];
    for value in serde_json::Deserializer::from_slice(data).into_iter::<Value>() {
        let value = value.map_err(|e| format!("not a JSON stream go would decode ({e})"))?;
        let obj = match value {
            Value::Null => continue,
            Value::Object(o) => o,
            _ => return Err("a value that is not an object".into()),
        };
        for (k, v) in &obj {
            let key = k.to_lowercase();
            let ok = match v {
                Value::Null => true,
                // ModuleError also decodes from a bare string.
                Value::String(_) => {
                    strings.contains(&key.as_str()) || key == "time" || key == "error"
                }
                Value::Bool(_) => bools.contains(&key.as_str()),
                Value::Array(a) => {
                    lists.contains(&key.as_str()) && a.iter().all(|x| x.is_string() || x.is_null())
                }
                // Nested objects are decoded field by field too; only
                // accept the ones gomvs would not misjudge.
                Value::Object(o) => {
                    (key == "origin" || key == "error")
                        && o.values().all(|x| x.is_string() || x.is_null())
                }
                Value::Number(_) => false,
            };
            let known = strings.contains(&key.as_str())
                || bools.contains(&key.as_str())
                || lists.contains(&key.as_str())
                || objects.contains(&key.as_str())
                || key == "time";
            if known && !ok {
                return Err(format!("field {k:?} with a value go may reject"));
            }
        }
    }
    Ok(())
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
    json: &JsonFlag,
    versions: bool,
    template: Option<&template::Template>,
) -> ExitCode {
    let no_module = |path: &str| -> Result<ModuleInfo, String> {
        Err(format!(
            "gomvs: unsupported: template function module outside a main module ({path})"
        ))
    };
    print_rows_with(rows, json, versions, template, &no_module)
}

/// The rows as plain text, `-json`, `-versions` text or a template; `module`
/// answers the template function of that name.
fn print_rows_with(
    rows: &[ModuleInfo],
    json: &JsonFlag,
    versions: bool,
    template: Option<&template::Template>,
    module: template::ModuleFn<'_>,
) -> ExitCode {
    if let Some(t) = template {
        if !json.on {
            return print_template_rows(rows, t, module);
        }
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(super::STDOUT_BUFFER, stdout.lock());
    for r in rows {
        if !json.on && !versions {
            // The default format, written straight into the buffer.
            if crate::render::golist::write_module_text(r, &mut out).is_err()
                || out.write_all(b"\n").is_err()
            {
                return ExitCode::from(1);
            }
            continue;
        }
        let text = if json.on {
            crate::gojson::marshal_indent(&json.select(r))
                .map(|b| String::from_utf8_lossy(&b).into_owned())
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

/// `go list -m -f`: each row's template output, then a newline unless the
/// output so far ends in one (list's TrackingWriter: an empty result after a
/// newline prints nothing). An execution error flushes what was written and
/// fails with go's message. Runs on a thread with a large stack: the
/// executor recurses as Go's does, bounded by Go's own depth limits.
fn print_template_rows(
    rows: &[ModuleInfo],
    t: &template::Template,
    module: template::ModuleFn<'_>,
) -> ExitCode {
    let context = build_context();
    let result = std::thread::scope(|scope| {
        let handle = std::thread::Builder::new()
            .stack_size(1 << 30)
            .spawn_scoped(scope, || -> Result<(), String> {
                let host = template::Host {
                    context: context.clone(),
                    module,
                };
                let stdout = std::io::stdout();
                let mut out =
                    std::io::BufWriter::with_capacity(super::STDOUT_BUFFER, stdout.lock());
                let mut last = b'\n';
                let mut failure = None;
                for r in rows {
                    let (s, err) = t.execute(r, &host);
                    if let Some(&b) = s.as_bytes().last() {
                        last = b;
                    }
                    let _ = out.write_all(s.as_bytes());
                    if let Some(e) = err {
                        failure = Some(e);
                        break;
                    }
                    if last != b'\n' {
                        let _ = out.write_all(b"\n");
                        last = b'\n';
                    }
                }
                let _ = out.flush();
                match failure {
                    Some(e) => Err(e),
                    None => Ok(()),
                }
            });
        match handle {
            Ok(h) => h
                .join()
                .unwrap_or_else(|_| Err("gomvs: template executor panicked".into())),
            Err(e) => Err(format!("gomvs: cannot start the template executor: {e}")),
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            if e.starts_with("gomvs: unsupported") {
                return ExitCode::from(99);
            }
            ExitCode::from(1)
        }
    }
}

/// Runs `f` on a thread with a 1 GiB stack (reserved, not committed): the
/// template parser and executor recurse as Go's do, bounded by Go's limits.
fn on_big_stack<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    std::thread::scope(|scope| {
        let handle = std::thread::Builder::new()
            .stack_size(1 << 30)
            .spawn_scoped(scope, f);
        match handle {
            Ok(h) => match h.join() {
                Ok(v) => v,
                Err(p) => std::panic::resume_unwind(p),
            },
            Err(e) => {
                eprintln!("gomvs: cannot start a thread: {e}");
                std::process::exit(1)
            }
        }
    })
}

/// The build context go list's `context` returns, as go 1.27.3 builds it
/// from the environment: GOOS, GOARCH (host defaults), GOPATH ($HOME/go),
/// CgoEnabled (CGO_ENABLED, else whether $CC or gcc is on PATH), the
/// default tool tags of linux/amd64 (GOAMD64 levels); GOROOT only from the
/// environment (gomvs has no toolchain to ask).
fn build_context() -> template::BuildContext {
    let env = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
    let host_arch = match std::env::consts::ARCH {
        "x86_64" => "amd64",
        "aarch64" => "arm64",
        "x86" => "386",
        other => other,
    };
    let goarch = env("GOARCH").unwrap_or_else(|| host_arch.to_string());
    let home = std::env::var("HOME").unwrap_or_default();
    let on_path = |prog: &str| {
        std::env::var_os("PATH").is_some_and(|p| {
            std::env::split_paths(&p).any(|d| !d.as_os_str().is_empty() && d.join(prog).is_file())
        })
    };
    let cgo_enabled = match env("CGO_ENABLED").as_deref() {
        Some("1") => true,
        Some(_) => false,
        None => {
            let cc = env("CC").unwrap_or_else(|| "gcc".into());
            if cc.contains('/') {
                std::path::Path::new(&cc).is_file()
            } else {
                on_path(&cc)
            }
        }
    };
    let mut tool_tags: Vec<String> = [
        "regabiwrappers",
        "regabiargs",
        "dwarf5",
        "jsonv2",
        "greenteagc",
        "randomizedheapbase64",
        "sizespecializedmalloc",
    ]
    .iter()
    .map(|e| format!("goexperiment.{e}"))
    .collect();
    if goarch == "amd64" {
        let level: u32 = env("GOAMD64")
            .and_then(|v| v.strip_prefix('v').and_then(|n| n.parse().ok()))
            .unwrap_or(1);
        tool_tags.extend((1..=level).map(|l| format!("amd64.v{l}")));
    }
    template::BuildContext {
        goarch,
        goos: env("GOOS").unwrap_or_else(|| std::env::consts::OS.to_string()),
        goroot: env("GOROOT").unwrap_or_default(),
        gopath: env("GOPATH").unwrap_or_else(|| format!("{home}/go")),
        cgo_enabled,
        compiler: "gc".into(),
        build_tags: Vec::new(),
        tool_tags,
        release_tags: (1..=27).map(|i| format!("go1.{i}")).collect(),
    }
}

use crate::gotemplate as template;
