//! `gomvs parse [FILE]`: `go mod edit -json` / `go work edit -json`.
//!
//! A go.mod is parsed as `go mod edit` does (`modfile.Parse(file, data,
//! nil)`), then gomvs-modfile's `ModFile::sort_blocks_and_cleanup` removes
//! duplicate and cleared directives (`SortBlocks`, `Cleanup`) before printing the
//! `-json` structs of `cmd/go/internal/modcmd/edit.go`. A go.work is read as
//! `modload.ReadWorkFile` and printed as `cmd/go/internal/workcmd/edit.go`.

use crate::gojson::marshal_indent;
use gomvs_graph::goerr::path_error;
use gomvs_graph::gopath;
use gomvs_modfile::gomod::{self, ModFile};
use gomvs_modfile::gowork::{self, WorkFile};
use gomvs_modfile::syntax::{Comment, Comments, FileSyntax, Line, Position, Span, Stmt};
use gomvs_modfile::ModuleVersion;
use serde::Serialize;
use serde_json::{json, Value};
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `gomvs parse`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The go.mod or go.work file (default: the go.mod of the current module,
    /// found in the working directory or a parent, as `go mod edit` does).
    pub file: Option<std::path::PathBuf>,
    /// Conformance aid: read file names on stdin and print, per file, one
    /// JSON line with the lax and strict parse results (see scripts/oracle/parselax).
    #[arg(long, hide = true)]
    pub lax_dump: bool,
}

/// Runs the command.
pub fn run(args: &Args) -> ExitCode {
    if args.lax_dump {
        return lax_dump();
    }
    let file = match &args.file {
        Some(f) => f.clone(),
        None => match find_go_mod() {
            Some(f) => f,
            None => {
                eprintln!("go: go.mod file not found in current directory or any parent directory; see 'go help modules'");
                return ExitCode::from(1);
            }
        },
    };
    let is_work = file
        .file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n == "go.work" || n.ends_with(".work"));
    let result = if is_work {
        edit_work_json(&file)
    } else {
        edit_mod_json(&file)
    };
    match result {
        Ok(out) => {
            let mut stdout = std::io::stdout().lock();
            if stdout
                .write_all(&out)
                .and_then(|()| stdout.flush())
                .is_err()
            {
                return ExitCode::from(1);
            }
            ExitCode::SUCCESS
        }
        Err(msg) => {
            // Error text may carry raw (invalid UTF-8) bytes of the file, which
            // go writes as they are.
            let mut stderr = std::io::stderr().lock();
            let mut bytes = gomvs_modfile::syntax::text::go_bytes(&msg).into_owned();
            bytes.push(b'\n');
            let _ = stderr.write_all(&bytes);
            ExitCode::from(1)
        }
    }
}

/// `modFilePath(findModuleRoot(base.Cwd()))`: the go.mod of the nearest
/// directory at or above the working directory.
fn find_go_mod() -> Option<PathBuf> {
    let cwd = std::env::current_dir().ok()?;
    gopath::find_module_root(&gomvs_graph::files::OsFiles, &cwd).map(|root| root.join("go.mod"))
}

/// Reads a file as `lockedfile.Read` / `os.ReadFile` do, with Go's error text.
fn read(path: &str) -> Result<Vec<u8>, String> {
    // Bounded (gomvs_modfile::fsread): FIFOs and devices refused at open,
    // files over 16 MiB at read.
    let p = std::path::Path::new(path);
    let f = gomvs_modfile::fsread::open(p).map_err(|e| path_error("open", path, &e))?;
    f.read_limited(gomvs_modfile::fsread::MAX_MOD_FILE_SIZE)
        .map_err(|e| path_error("read", path, &e))
}

/// `base.ShortPath` against the process working directory.
fn short_path(path: &str) -> String {
    match std::env::current_dir() {
        Ok(cwd) => gopath::short_path(&cwd, Path::new(path)),
        Err(_) => path.to_owned(),
    }
}

#[derive(Serialize)]
struct ModuleVersionJson {
    #[serde(rename = "Path")]
    path: String,
    #[serde(rename = "Version", skip_serializing_if = "String::is_empty")]
    version: String,
}

impl From<&ModuleVersion> for ModuleVersionJson {
    fn from(m: &ModuleVersion) -> Self {
        ModuleVersionJson {
            path: m.path.to_string(),
            version: m.version.to_string(),
        }
    }
}

/// `modcmd.fileJSON`.
#[derive(Serialize)]
struct FileJson {
    #[serde(rename = "Module")]
    module: EditModuleJson,
    #[serde(rename = "Go", skip_serializing_if = "String::is_empty")]
    go: String,
    #[serde(rename = "Toolchain", skip_serializing_if = "String::is_empty")]
    toolchain: String,
    #[serde(rename = "GoDebug", skip_serializing_if = "Vec::is_empty")]
    godebug: Vec<DebugJson>,
    #[serde(rename = "Require", skip_serializing_if = "Vec::is_empty")]
    require: Vec<RequireJson>,
    #[serde(rename = "Exclude", skip_serializing_if = "Vec::is_empty")]
    exclude: Vec<ModuleVersionJson>,
    #[serde(rename = "Replace", skip_serializing_if = "Vec::is_empty")]
    replace: Vec<ReplaceJson>,
    #[serde(rename = "Retract", skip_serializing_if = "Vec::is_empty")]
    retract: Vec<RetractJson>,
    #[serde(rename = "Tool", skip_serializing_if = "Vec::is_empty")]
    tool: Vec<PathJson>,
    #[serde(rename = "Ignore", skip_serializing_if = "Vec::is_empty")]
    ignore: Vec<PathJson>,
}

#[derive(Serialize, Default)]
struct EditModuleJson {
    #[serde(rename = "Path")]
    path: String,
    #[serde(rename = "Deprecated", skip_serializing_if = "String::is_empty")]
    deprecated: String,
}

#[derive(Serialize)]
struct DebugJson {
    #[serde(rename = "Key")]
    key: String,
    #[serde(rename = "Value")]
    value: String,
}

#[derive(Serialize)]
struct RequireJson {
    #[serde(rename = "Path")]
    path: String,
    #[serde(rename = "Version", skip_serializing_if = "String::is_empty")]
    version: String,
    #[serde(rename = "Indirect", skip_serializing_if = "std::ops::Not::not")]
    indirect: bool,
}

#[derive(Serialize)]
struct ReplaceJson {
    #[serde(rename = "Old")]
    old: ModuleVersionJson,
    #[serde(rename = "New")]
    new: ModuleVersionJson,
}

#[derive(Serialize)]
struct RetractJson {
    #[serde(rename = "Low", skip_serializing_if = "String::is_empty")]
    low: String,
    #[serde(rename = "High", skip_serializing_if = "String::is_empty")]
    high: String,
    #[serde(rename = "Rationale", skip_serializing_if = "String::is_empty")]
    rationale: String,
}

#[derive(Serialize)]
struct PathJson {
    #[serde(rename = "Path")]
    path: String,
}

/// `workcmd.workfileJSON`.
#[derive(Serialize)]
struct WorkFileJson {
    #[serde(rename = "Go", skip_serializing_if = "String::is_empty")]
    go: String,
    #[serde(rename = "Toolchain", skip_serializing_if = "String::is_empty")]
    toolchain: String,
    #[serde(rename = "Godebug", skip_serializing_if = "Vec::is_empty")]
    godebug: Vec<DebugJson>,
    #[serde(rename = "Use", skip_serializing_if = "Vec::is_empty")]
    uses: Vec<UseJson>,
    #[serde(rename = "Replace", skip_serializing_if = "Vec::is_empty")]
    replace: Vec<ReplaceJson>,
}

#[derive(Serialize)]
struct UseJson {
    #[serde(rename = "DiskPath")]
    disk_path: String,
    #[serde(rename = "ModPath", skip_serializing_if = "String::is_empty")]
    mod_path: String,
}

fn edit_mod_json(file: &Path) -> Result<Vec<u8>, String> {
    let gomod = file.to_string_lossy().into_owned();
    let data = read(&gomod).map_err(|e| format!("go: {e}"))?;
    let f = gomod::parse(&gomod, &data, None)
        .map_err(|e| format!("go: errors parsing {}:\n{e}", short_path(&gomod)))?;
    let out = mod_json(f);
    let mut bytes = marshal_indent(&out).map_err(|e| format!("go: internal error: {e}"))?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// The `-json` replace list of a go.mod or go.work.
fn replace_json(replace: Vec<gomod::Replace>) -> Vec<ReplaceJson> {
    replace
        .iter()
        .map(|r| ReplaceJson {
            old: (&r.old).into(),
            new: (&r.new).into(),
        })
        .collect()
}

fn mod_json(mut f: ModFile) -> FileJson {
    f.sort_blocks_and_cleanup();
    FileJson {
        module: f
            .module
            .map(|m| EditModuleJson {
                path: m.path,
                deprecated: m.deprecated,
            })
            .unwrap_or_default(),
        go: f.go.map(|g| g.version).unwrap_or_default(),
        toolchain: f.toolchain.map(|t| t.name).unwrap_or_default(),
        godebug: f
            .godebug
            .into_iter()
            .map(|g| DebugJson {
                key: g.key,
                value: g.value,
            })
            .collect(),
        require: f
            .require
            .into_iter()
            .map(|r| RequireJson {
                path: r.module.path.to_string(),
                version: r.module.version.to_string(),
                indirect: r.indirect,
            })
            .collect(),
        exclude: f.exclude.iter().map(|x| (&x.module).into()).collect(),
        replace: replace_json(f.replace),
        retract: f
            .retract
            .into_iter()
            .map(|r| RetractJson {
                low: r.low,
                high: r.high,
                rationale: r.rationale,
            })
            .collect(),
        tool: f
            .tool
            .into_iter()
            .map(|t| PathJson { path: t.path })
            .collect(),
        ignore: f
            .ignore
            .into_iter()
            .map(|i| PathJson { path: i.path })
            .collect(),
    }
}

fn edit_work_json(file: &Path) -> Result<Vec<u8>, String> {
    let given = file.to_string_lossy().into_owned();
    // modload.ReadWorkFile uses the short path everywhere.
    let path = short_path(&given);
    let header = format!("go: errors parsing {}:\n", short_path(&given));
    let data = read(&path).map_err(|e| format!("{header}reading go.work: {e}"))?;
    let f = gowork::parse_work(&path, &data, None)
        .map_err(|e| format!("{header}errors parsing go.work:\n{e}"))?;
    let out = work_json(f);
    let mut bytes = marshal_indent(&out).map_err(|e| format!("go: internal error: {e}"))?;
    bytes.push(b'\n');
    Ok(bytes)
}

fn work_json(mut f: WorkFile) -> WorkFileJson {
    f.sort_blocks_and_cleanup();
    WorkFileJson {
        go: f.go.map(|g| g.version).unwrap_or_default(),
        toolchain: f.toolchain.map(|t| t.name).unwrap_or_default(),
        godebug: f
            .godebug
            .into_iter()
            .map(|g| DebugJson {
                key: g.key,
                value: g.value,
            })
            .collect(),
        uses: f
            .uses
            .into_iter()
            .map(|u| UseJson {
                disk_path: u.path,
                mod_path: u.module_path,
            })
            .collect(),
        replace: replace_json(f.replace),
    }
}

// ---- --lax-dump: the Rust side of scripts/oracle/parselax ----

fn pos(p: Position) -> Value {
    json!([p.line, p.line_rune, p.byte])
}

fn span(s: Span) -> Value {
    json!([
        s.start.line,
        s.start.line_rune,
        s.start.byte,
        s.end.line,
        s.end.line_rune,
        s.end.byte
    ])
}

fn comment_list(cs: &[Comment]) -> Value {
    Value::Array(
        cs.iter()
            .map(|c| {
                json!([
                    c.start.line,
                    c.start.line_rune,
                    c.start.byte,
                    c.token,
                    c.suffix
                ])
            })
            .collect(),
    )
}

fn comments(c: &Comments) -> Value {
    json!({"before": comment_list(&c.before), "suffix": comment_list(&c.suffix), "after": comment_list(&c.after)})
}

fn line(l: &Line) -> Value {
    json!({"kind": "line", "start": pos(l.start), "end": pos(l.end), "tokens": l.token,
           "in_block": l.in_block, "comments": comments(&l.comments)})
}

fn syntax(fs: &FileSyntax) -> Value {
    let stmts: Vec<Value> = fs
        .stmt
        .iter()
        .map(|s| match s {
            Stmt::CommentBlock(b) => {
                json!({"kind": "comment", "start": pos(b.start), "comments": comments(&b.comments)})
            }
            Stmt::Line(l) => line(l),
            Stmt::LineBlock(b) => json!({
                "kind": "block", "start": pos(b.start), "tokens": b.token, "comments": comments(&b.comments),
                "lparen": {"pos": pos(b.lparen.pos), "comments": comments(&b.lparen.comments)},
                "rparen": {"pos": pos(b.rparen.pos), "comments": comments(&b.rparen.comments)},
                "lines": b.line.iter().map(line).collect::<Vec<_>>(),
            }),
        })
        .collect();
    json!({"name": fs.name, "comments": comments(&fs.comments), "stmt": stmts})
}

fn dump(f: &ModFile) -> Value {
    json!({
        "module": f.module.as_ref().map(|m| json!([m.path, m.deprecated, span(m.span)])),
        "go": f.go.as_ref().map(|g| json!([g.version, span(g.span)])),
        "toolchain": f.toolchain.as_ref().map(|t| json!([t.name, span(t.span)])),
        "godebug": f.godebug.iter().map(|g| json!([g.key, g.value, span(g.span)])).collect::<Vec<_>>(),
        "require": f.require.iter().map(|r| json!([r.module.path, r.module.version, r.indirect, span(r.span)])).collect::<Vec<_>>(),
        "exclude": f.exclude.iter().map(|x| json!([x.module.path, x.module.version, span(x.span)])).collect::<Vec<_>>(),
        "replace": f.replace.iter().map(|r| json!([r.old.path, r.old.version, r.new.path, r.new.version, span(r.span)])).collect::<Vec<_>>(),
        "retract": f.retract.iter().map(|r| json!([r.low, r.high, r.rationale, span(r.span)])).collect::<Vec<_>>(),
        "tool": f.tool.iter().map(|t| json!([t.path, span(t.span)])).collect::<Vec<_>>(),
        "ignore": f.ignore.iter().map(|i| json!([i.path, span(i.span)])).collect::<Vec<_>>(),
        "syntax": syntax(&f.syntax),
    })
}

fn dump_work(f: &WorkFile) -> Value {
    json!({
        "go": f.go.as_ref().map(|g| json!([g.version, span(g.span)])),
        "toolchain": f.toolchain.as_ref().map(|t| json!([t.name, span(t.span)])),
        "godebug": f.godebug.iter().map(|g| json!([g.key, g.value, span(g.span)])).collect::<Vec<_>>(),
        "use": f.uses.iter().map(|u| json!([u.path, u.module_path, span(u.span)])).collect::<Vec<_>>(),
        "replace": f.replace.iter().map(|r| json!([r.old.path, r.old.version, r.new.path, r.new.version, span(r.span)])).collect::<Vec<_>>(),
        "syntax": syntax(&f.syntax),
    })
}

/// The oracle's `testFix`: a deterministic fixer reaching every error shape.
struct TestFixer;

impl gomod::VersionFixer for TestFixer {
    fn fix(&mut self, path: &str, version: &str) -> Result<String, String> {
        self.fix_version(path, version).map_err(|e| match e {
            gomod::FixError::Module(m) | gomod::FixError::Other(m) => m,
        })
    }

    fn fix_version(&mut self, path: &str, version: &str) -> Result<String, gomod::FixError> {
        if version.starts_with("bad") {
            return Err(gomod::FixError::Module(format!("fixer rejects {version}")));
        }
        if version.starts_with("plain") {
            return Err(gomod::FixError::Other(format!(
                "plain failure for {path}@{version}"
            )));
        }
        let cv = gomvs_modfile::module::canonical_version(version);
        if !cv.is_empty() {
            return Ok(cv);
        }
        Ok("v1.0.0-fixed".to_owned())
    }
}

/// Go's encoding/json writes invalid UTF-8 bytes as U+FFFD; do the same
/// for the parser's raw-byte characters (iteratively: no recursion).
fn raw_bytes_as_replacement(v: &mut Value) {
    use gomvs_modfile::syntax::text::raw_byte;
    let mut stack = vec![v];
    while let Some(v) = stack.pop() {
        match v {
            Value::String(s) if s.chars().any(|c| raw_byte(c).is_some()) => {
                *s = s
                    .chars()
                    .map(|c| if raw_byte(c).is_some() { '\u{FFFD}' } else { c })
                    .collect();
            }
            Value::Array(a) => stack.extend(a.iter_mut()),
            Value::Object(o) => stack.extend(o.values_mut()),
            _ => {}
        }
    }
}

fn lax_dump() -> ExitCode {
    let stdin = std::io::stdin();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for name in stdin.lock().lines() {
        let Ok(name) = name else { break };
        if name.is_empty() {
            continue;
        }
        let mut rec = serde_json::Map::new();
        rec.insert("file".into(), json!(name));
        match gomvs_modfile::fsread::read(std::path::Path::new(&name)) {
            Err(e) => {
                rec.insert("read_error".into(), json!(e.to_string()));
            }
            Ok(data) => {
                rec.insert("module_path".into(), json!(gomod::module_path(&data)));
                if name.ends_with(".work") {
                    match gowork::parse_work("go.work", &data, None) {
                        Ok(f) => rec.insert("work".into(), dump_work(&f)),
                        Err(e) => rec.insert("work_error".into(), json!(e.to_string())),
                    };
                    match gowork::parse_work("go.work", &data, Some(&mut TestFixer)) {
                        Ok(f) => rec.insert("fixed".into(), dump_work(&f)),
                        Err(e) => rec.insert("fixed_error".into(), json!(e.to_string())),
                    };
                    let mut rec = Value::Object(rec);
                    raw_bytes_as_replacement(&mut rec);
                    if writeln!(out, "{rec}").is_err() {
                        return ExitCode::from(1);
                    }
                    continue;
                }
                match gomod::parse("go.mod", &data, Some(&mut TestFixer)) {
                    Ok(f) => rec.insert("fixed".into(), dump(&f)),
                    Err(e) => rec.insert("fixed_error".into(), json!(e.to_string())),
                };
                match gomod::parse_lax("go.mod", &data) {
                    Ok(f) => rec.insert("lax".into(), dump(&f)),
                    Err(e) => rec.insert("lax_error".into(), json!(e.to_string())),
                };
                match gomod::parse("go.mod", &data, None) {
                    Ok(f) => rec.insert("strict".into(), dump(&f)),
                    Err(e) => rec.insert("strict_error".into(), json!(e.to_string())),
                };
            }
        }
        let mut rec = Value::Object(rec);
        raw_bytes_as_replacement(&mut rec);
        if writeln!(out, "{rec}").is_err() {
            return ExitCode::from(1);
        }
    }
    if out.flush().is_err() {
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}
