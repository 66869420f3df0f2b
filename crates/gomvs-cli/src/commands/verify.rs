//! `gomvs verify`: `go mod verify`, byte for byte, or its findings as data
//! (`--json`: schema `gomvs.verify`, docs/json-schema.md).

use super::context::{print_fatal, print_missing_hints, Context, Invocation};
use gomvs_graph::env::GoEnv;
use gomvs_graph::loader::{Fatal, GoCommand};
use gomvs_graph::source::ModCache;
use gomvs_graph::verify::{sum_coverage, verify_modules, ModuleVerification, SumCoverage};
use std::io::Write;
use std::process::ExitCode;

/// Arguments of `gomvs verify`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Print the findings as JSON (`gomvs.verify`): every module's outcome,
    /// the go.sum comparisons and the go.sum coverage.
    #[arg(long)]
    pub json: bool,
    /// Go rejects any argument (`go: verify takes no arguments`).
    #[arg(trailing_var_arg = true, allow_hyphen_values = true, hide = true)]
    pub args: Vec<String>,
}

/// The `data` of the `gomvs.verify` document.
#[derive(serde::Serialize)]
struct VerifyJson<'a> {
    /// Whether `go mod verify` prints `all modules verified`.
    all_verified: bool,
    /// The exit status `go mod verify` has.
    exit_code: u8,
    /// Every module `go mod verify` looks at, in its order.
    modules: &'a [ModuleVerification],
    /// go.sum coverage of the module graph.
    coverage: &'a SumCoverage,
}

/// Runs the command.
pub fn run(args: &Args) -> ExitCode {
    let ctx = match Context::from_process(Invocation {
        command: GoCommand::ModVerify,
        graph_go: None,
    }) {
        Ok(c) => c,
        Err(code) => return code,
    };
    if !args.args.is_empty() {
        eprintln!("go: verify takes no arguments");
        return ExitCode::from(1);
    }
    let cache = match GoEnv::from_process() {
        Ok(env) => ModCache::from_env(&env),
        Err(e) => {
            eprintln!("go: getwd: {e}");
            return ExitCode::from(1);
        }
    };
    let session = match ctx.open() {
        Ok(s) => s,
        Err(fatal) => return print_fatal(&[], &fatal),
    };
    let loaded = match session.load() {
        Ok(l) => l,
        Err(fatal) => return print_fatal(&[], &fatal),
    };
    for line in &loaded.session.stderr_lines() {
        super::context::eprint_go(line);
    }
    if let Some(e) = &loaded.error {
        let code = print_fatal(
            &[],
            &Fatal {
                lines: vec![format!("go: {e}")],
                exit_code: 1,
            },
        );
        print_missing_hints(&loaded.session);
        return code;
    }
    let report = verify_modules(&loaded, &cache);
    let all_verified = report.all_verified();
    let failed = !all_verified || loaded.session.has_deferred_errors();
    let exit_code: u8 = if failed { 1 } else { 0 };
    if args.json {
        let coverage = sum_coverage(&loaded);
        let doc = VerifyJson {
            all_verified,
            exit_code,
            modules: &report.modules,
            coverage: &coverage,
        };
        let code = match crate::render::json_envelope("verify", &doc) {
            Ok(s) => super::why::emit(&(s + "\n")),
            Err(e) => {
                eprintln!("gomvs: {e}");
                return ExitCode::from(1);
            }
        };
        if code != ExitCode::SUCCESS {
            return code;
        }
        return ExitCode::from(exit_code);
    }
    {
        let mut err = std::io::stderr().lock();
        for line in report.error_lines() {
            let _ = writeln!(err, "{line}");
        }
    }
    if all_verified {
        let mut out = std::io::stdout().lock();
        if out
            .write_all(b"all modules verified\n")
            .and_then(|()| out.flush())
            .is_err()
        {
            return ExitCode::from(1);
        }
    }
    ExitCode::from(exit_code)
}
