//! `gomvs explore`: one self-contained HTML page to explore the resolved
//! module graph (docs/explore.md).
//!
//! Every fact on the page comes from the library engines, computed here and
//! embedded as JSON ([`ExploreData`]): the effective graph (`tree`), a `why`
//! report per selected module, the replace directives (`replaces`), the
//! `go list -m all` lines and, with `--diff`, a `gomvs diff --json`
//! document. The page's JavaScript only presents them.
//!
//! gomvs never writes files and never opens sockets once its sandbox is on
//! (src/sandbox.rs). `explore` needs one of each at most, so it takes them
//! *before* the sandbox starts, in [`prepare`]: the `-o` file the user named
//! is opened (created if absent, not yet truncated) and the `--serve`
//! socket is bound to 127.0.0.1; the process then keeps those two
//! descriptors and the sandbox grants nothing more.

use super::context::Context;
use crate::render::{self, Style};
use gomvs_graph::explain::replaces::{explain_replaces, ReplacesReport};
use gomvs_graph::explain::tree::{duplicates, Duplicates, EffectiveGraph};
use gomvs_graph::explain::why::{explain_why, WhyIndex, WhyOptions, WhyQuery, WhyReport};
use gomvs_graph::explain::LoadState;
use gomvs_graph::listing::{list_modules, ListMode};
use gomvs_graph::loader::Loaded;
use serde::Serialize;
use std::collections::{HashMap, HashSet, VecDeque};
use std::fs::File;
use std::io::{BufRead as _, BufReader, Read as _, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

/// Arguments of `gomvs explore`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Writes the page on stdout unless -o FILE names a file (the only file gomvs ever writes). --serve serves it on http://127.0.0.1:PORT/ until interrupted, and opens nothing by itself. A page holds at most 10,000 modules (each with its why report): a larger graph is refused, exit 1."
)]
pub struct Args {
    /// Write the page to FILE (created or overwritten) instead of stdout.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Embed a `gomvs diff --json` document: its changed modules are highlighted.
    #[arg(long, value_name = "DIFF.json")]
    pub diff: Option<PathBuf>,
    /// Serve the page on 127.0.0.1 instead of writing it.
    #[arg(long, conflicts_with = "output")]
    pub serve: bool,
    /// The port for `--serve` (0: one the system chooses).
    #[arg(long, value_name = "N", default_value_t = 0, requires = "serve")]
    pub port: u16,
    /// Do not read pruned-out go.mod files in the why reports (as `gomvs why --no-pruned`).
    #[arg(long)]
    pub no_pruned: bool,
}

/// What `explore` opened before the sandbox started.
pub struct Prepared {
    /// The `-o` file, opened for writing (not truncated yet).
    output: Option<(PathBuf, File)>,
    /// The `--serve` socket, bound to 127.0.0.1.
    listener: Option<TcpListener>,
}

/// Opens the `-o` file and binds the `--serve` socket: called before the
/// sandbox, which refuses both afterwards. A relative `-o` path is taken
/// from the `-C` directory, as every other path is.
pub fn prepare(args: &Args, chdir: Option<&Path>) -> Result<Prepared, ExitCode> {
    let output = match &args.output {
        None => None,
        Some(path) => {
            let full = match chdir {
                Some(dir) if path.is_relative() => dir.join(path),
                _ => path.clone(),
            };
            // Not truncated here: a load that fails leaves an existing file as it was.
            let opened = std::fs::OpenOptions::new()
                .write(true)
                .create(true)
                .truncate(false)
                .open(&full);
            match opened {
                Ok(f) => Some((full, f)),
                Err(e) => {
                    eprintln!("gomvs: explore: cannot write {}: {e}", full.display());
                    return Err(ExitCode::from(1));
                }
            }
        }
    };
    let listener = if args.serve {
        match TcpListener::bind(("127.0.0.1", args.port)) {
            Ok(l) => Some(l),
            Err(e) => {
                eprintln!(
                    "gomvs: explore: cannot listen on 127.0.0.1:{}: {e}",
                    args.port
                );
                return Err(ExitCode::from(1));
            }
        }
    } else {
        None
    };
    Ok(Prepared { output, listener })
}

/// One module of the page: a node of the effective graph.
#[derive(Debug, Serialize)]
pub struct NodeData {
    /// Module path.
    pub path: String,
    /// Selected version (empty for a main module).
    pub version: String,
    /// Whether it is a main module.
    pub main: bool,
    /// `path version` of the replacement (a directory: the path alone).
    pub replaced_by: Option<String>,
    /// `loaded`, `pruned` (go.mod never read), `error`, `main` (or `other`,
    /// a load state this version does not know).
    pub load: &'static str,
    /// Breadth-first depth from the main module(s): the graph's layer.
    pub layer: usize,
    /// Marks shown on the page: `replaced`, `pruned`, `error`,
    /// `excluded` (an exclude directive dropped requirements of it),
    /// `multi-version` (required at several versions), `major` (other major
    /// versions coexist).
    pub marks: Vec<&'static str>,
}

/// The `go list -m all` view.
#[derive(Debug, Serialize)]
pub struct ListView {
    /// The lines go prints, in order.
    pub lines: Vec<String>,
    /// What go would print on stderr (its error, if it fails).
    pub stderr: Vec<String>,
}

/// The why report of one node, as the page embeds it (one line of the
/// `gomvs-why` element).
#[derive(Debug, Serialize)]
pub struct WhyEntry {
    /// The report, as `gomvs why --json` has it.
    pub report: WhyReport,
    /// Its text, as `gomvs why --color never` prints it.
    pub text: String,
}

/// The data model embedded in the page: the `data` of a `gomvs.explore`
/// document (docs/json-schema.md).
#[derive(Debug, Serialize)]
pub struct ExploreData {
    /// The main module paths.
    pub main: Vec<String>,
    /// Set when the go command would fail on this graph.
    pub warning: Option<String>,
    /// Modules, main modules first then breadth-first (the tree's order).
    pub nodes: Vec<NodeData>,
    /// Requirement edges `[from, to, requested version]` (node indices).
    pub edges: Vec<(usize, usize, String)>,
    /// Node indices per layer.
    pub layers: Vec<Vec<usize>>,
    /// The `gomvs why` report of each node (same index as `nodes`), as
    /// `gomvs why --json` has it, and its text as `gomvs why --color never`
    /// prints it: embedded apart, one JSON line a node (see [`WhyEntry`]).
    #[serde(skip)]
    pub why: Vec<WhyEntry>,
    /// `gomvs replaces`.
    pub replaces: ReplacesReport,
    /// `gomvs tree --duplicates`.
    pub duplicates: Duplicates,
    /// `go list -m all`.
    pub list: ListView,
    /// The `data` of a `gomvs diff --json` document given with `--diff`.
    pub diff: Option<serde_json::Value>,
}

/// Breadth-first depth of every node from `roots` (main modules: 0).
/// Nodes no root reaches (none in an effective graph) go one layer below
/// the deepest. Iterative: deep chains cannot overflow the stack.
pub fn layers(node_count: usize, edges: &[(usize, usize)], roots: &[usize]) -> Vec<usize> {
    let mut children = vec![Vec::new(); node_count];
    for &(from, to) in edges {
        if let Some(c) = children.get_mut(from) {
            c.push(to);
        }
    }
    let mut depth = vec![usize::MAX; node_count];
    let mut queue = VecDeque::new();
    for &r in roots {
        if let Some(d) = depth.get_mut(r) {
            if *d == usize::MAX {
                *d = 0;
                queue.push_back(r);
            }
        }
    }
    while let Some(n) = queue.pop_front() {
        let next = depth[n] + 1;
        for &c in &children[n] {
            if let Some(d) = depth.get_mut(c) {
                if *d == usize::MAX {
                    *d = next;
                    queue.push_back(c);
                }
            }
        }
    }
    let deepest = depth
        .iter()
        .filter(|&&d| d != usize::MAX)
        .max()
        .copied()
        .unwrap_or(0);
    for d in &mut depth {
        if *d == usize::MAX {
            *d = deepest + 1;
        }
    }
    depth
}

/// The most modules one page holds. The page carries a why report per
/// module (up to about 17 KiB each: 33 MB at 2,000 modules of the synthetic
/// universe), so its size, gomvs's memory and the browser's load time all
/// grow with the graph. Larger graphs are refused with
/// [`too_large_message`] before any why report is built (a 200,000-module
/// graph made a 348 MB page and a 2.2 GB peak).
pub const MAX_MODULES: usize = 10_000;

/// The error for a graph of `modules` modules, more than [`MAX_MODULES`].
pub fn too_large_message(modules: usize) -> String {
    format!(
        "the module graph has {modules} modules, more than the {MAX_MODULES} one page can hold (each carries its why report); use gomvs tree, gomvs why MODULE or gomvs graph instead"
    )
}

/// Builds the page's data from a loaded graph; an error (see
/// [`MAX_MODULES`]) for a graph too large for one page.
pub fn data(
    loaded: &Loaded,
    ctx: &Context,
    options: WhyOptions,
    diff: Option<serde_json::Value>,
) -> Result<ExploreData, String> {
    let graph = EffectiveGraph::new(loaded);
    if graph.nodes.len() > MAX_MODULES {
        return Err(too_large_message(graph.nodes.len()));
    }
    let plain_edges: Vec<(usize, usize)> = graph.edges.iter().map(|e| (e.from, e.to)).collect();
    let depth = layers(graph.nodes.len(), &plain_edges, &graph.roots);
    let mut by_layer: Vec<Vec<usize>> = Vec::new();
    for (i, &d) in depth.iter().enumerate() {
        if by_layer.len() <= d {
            by_layer.resize_with(d + 1, Vec::new);
        }
        by_layer[d].push(i);
    }
    let index = WhyIndex::new(loaded);
    let why: Vec<WhyReport> = graph
        .nodes
        .iter()
        .map(|n| explain_why(loaded, &index, &WhyQuery::parse(&n.module.path), options))
        .collect();
    let dups = duplicates(loaded);
    let multi: HashSet<&str> = dups.duplicates.iter().map(|d| d.path.as_str()).collect();
    let majors: HashSet<&str> = dups
        .coexisting_majors
        .iter()
        .flat_map(|c| c.modules.iter().map(|m| m.path.as_str()))
        .collect();
    let nodes: Vec<NodeData> = graph
        .nodes
        .iter()
        .zip(&depth)
        .zip(&why)
        .map(|((n, &layer), report)| {
            let load = match &n.load {
                LoadState::Loaded { .. } => "loaded",
                LoadState::NotLoaded => "pruned",
                LoadState::Error { .. } => "error",
                LoadState::Main | LoadState::Synthetic => "main",
                // A state a later library version adds.
                _ => "other",
            };
            let mut marks = Vec::new();
            if n.replaced_by.is_some() {
                marks.push("replaced");
            }
            if load == "pruned" || load == "error" {
                marks.push(load);
            }
            if report.exclusions.iter().any(|e| !e.dropped.is_empty()) {
                marks.push("excluded");
            }
            if multi.contains(n.module.path.as_str()) {
                marks.push("multi-version");
            }
            if majors.contains(n.module.path.as_str()) {
                marks.push("major");
            }
            NodeData {
                path: n.module.path.to_string(),
                version: n.module.version.to_string(),
                main: n.main,
                replaced_by: n.replaced_by.as_ref().map(render::module_text),
                load,
                layer,
                marks,
            }
        })
        .collect();
    let all = ["all".to_string()];
    let list = match list_modules(loaded, &ctx.cache, &all, ListMode::default()) {
        Ok(listing) => {
            let (stderr, _) = super::context::list_outcome(loaded, &listing, false, true);
            ListView {
                lines: listing
                    .rows
                    .iter()
                    .map(render::golist::module_text)
                    .collect(),
                stderr,
            }
        }
        Err(fatal) => ListView {
            lines: Vec::new(),
            stderr: fatal.lines,
        },
    };
    Ok(ExploreData {
        main: loaded
            .session
            .mains
            .iter()
            .map(|m| m.module.path.to_string())
            .collect(),
        warning: loaded
            .error
            .as_ref()
            .map(|e| format!("the go command would fail here: go: {e}")),
        edges: graph
            .edges
            .iter()
            .map(|e| (e.from, e.to, e.requested.clone()))
            .collect(),
        nodes,
        layers: by_layer,
        why: why
            .into_iter()
            .map(|report| WhyEntry {
                text: render::why::text(&report, Style { color: false }),
                report,
            })
            .collect(),
        replaces: explain_replaces(loaded),
        duplicates: dups,
        list,
        diff,
    })
}

/// Reads a `gomvs diff --json` document and returns its `data`.
pub fn read_diff(path: &Path) -> Result<serde_json::Value, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let doc: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("{}: not JSON: {e}", path.display()))?;
    if doc.get("schema").and_then(|s| s.as_str()) != Some("gomvs.diff") {
        return Err(format!(
            "{}: not a `gomvs diff --json` document (its \"schema\" is not \"gomvs.diff\")",
            path.display()
        ));
    }
    match doc.get("data") {
        Some(d) if d.get("changes").is_some_and(|c| c.is_array()) => Ok(d.clone()),
        _ => Err(format!(
            "{}: a gomvs.diff document without data.changes",
            path.display()
        )),
    }
}

/// Runs the command with what [`prepare`] opened.
pub fn run(args: &Args, prepared: Prepared) -> ExitCode {
    let diff = match &args.diff {
        None => None,
        Some(p) => match read_diff(p) {
            Ok(d) => Some(d),
            Err(e) => {
                eprintln!("gomvs: explore: {e}");
                return ExitCode::from(2);
            }
        },
    };
    let (ctx, loaded) = match super::why::load_for_explain_in_context() {
        Ok(x) => x,
        Err(code) => return code,
    };
    let options = WhyOptions {
        read_pruned: !args.no_pruned,
    };
    let model = match data(&loaded, &ctx, options, diff) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("gomvs: explore: {e}");
            return ExitCode::from(1);
        }
    };
    let page = match render::explore::page(&model, &model.why) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("gomvs: explore: {e}");
            return ExitCode::from(1);
        }
    };
    if let Some(listener) = prepared.listener {
        return serve(listener, &page);
    }
    match prepared.output {
        Some((path, mut file)) => {
            let written = file
                .set_len(0)
                .and_then(|()| file.write_all(page.as_bytes()))
                .and_then(|()| file.flush());
            match written {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("gomvs: explore: writing {}: {e}", path.display());
                    ExitCode::from(1)
                }
            }
        }
        None => super::why::emit(&page),
    }
}

/// Serves `page` on `listener` until the process is interrupted: `GET /`
/// (or `/index.html`) answers the page, anything else 404. Requests whose
/// `Host` is not this loopback address are refused (DNS rebinding).
fn serve(listener: TcpListener, page: &str) -> ExitCode {
    let port = match listener.local_addr() {
        Ok(a) => a.port(),
        Err(e) => {
            eprintln!("gomvs: explore: {e}");
            return ExitCode::from(1);
        }
    };
    println!("gomvs explore: serving on http://127.0.0.1:{port}/ (Ctrl-C to stop)");
    let _ = std::io::stdout().flush();
    let hosts: Vec<String> = vec![format!("127.0.0.1:{port}"), format!("localhost:{port}")];
    for stream in listener.incoming() {
        match stream {
            Ok(s) => {
                if let Err(e) = answer(s, page, &hosts) {
                    eprintln!("gomvs: explore: request: {e}");
                }
            }
            Err(e) => eprintln!("gomvs: explore: accept: {e}"),
        }
    }
    ExitCode::SUCCESS
}

/// The largest request head read (request line and headers).
const MAX_REQUEST_HEAD: u64 = 16 * 1024;

/// Answers one HTTP/1.1 request and closes the connection.
fn answer(stream: TcpStream, page: &str, hosts: &[String]) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(5)))?;
    stream.set_write_timeout(Some(Duration::from_secs(30)))?;
    let mut reader = BufReader::new((&stream).take(MAX_REQUEST_HEAD));
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    let mut headers: HashMap<String, String> = HashMap::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 {
            break;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some((k, v)) = line.split_once(':') {
            headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
        }
    }
    let mut words = request_line.split_whitespace();
    let method = words.next().unwrap_or("");
    let target = words.next().unwrap_or("");
    let host_ok = headers.get("host").is_some_and(|h| hosts.contains(h));
    let (status, body): (&str, &str) = if !host_ok {
        ("403 Forbidden", "forbidden: unexpected Host\n")
    } else if method != "GET" && method != "HEAD" {
        ("405 Method Not Allowed", "only GET\n")
    } else if target == "/" || target == "/index.html" {
        ("200 OK", page)
    } else {
        ("404 Not Found", "not found\n")
    };
    let content_type = if status.starts_with("200") {
        "text/html; charset=utf-8"
    } else {
        "text/plain; charset=utf-8"
    };
    let mut out = std::io::BufWriter::new(&stream);
    write!(
        out,
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nContent-Security-Policy: {}\r\nConnection: close\r\n\r\n",
        body.len(),
        render::explore::CSP,
    )?;
    if method != "HEAD" {
        out.write_all(body.as_bytes())?;
    }
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::layers;

    #[test]
    fn layers_are_breadth_first_depths() {
        // 0 -> 1 -> 3, 0 -> 2 -> 3: 3 is at depth 2 once, by the shorter path.
        let l = layers(4, &[(0, 1), (0, 2), (1, 3), (2, 3)], &[0]);
        assert_eq!(l, vec![0, 1, 1, 2]);
    }

    #[test]
    fn shortest_path_wins_over_a_longer_one_found_first() {
        // 0 -> 1 -> 2 -> 3 and 0 -> 3 directly: 3 is at depth 1.
        let l = layers(4, &[(0, 1), (1, 2), (2, 3), (0, 3)], &[0]);
        assert_eq!(l, vec![0, 1, 2, 1]);
    }

    #[test]
    fn cycles_and_several_roots() {
        // Workspace: two roots; a cycle 2 <-> 3 below root 1; 0 requires 1.
        let l = layers(4, &[(1, 2), (2, 3), (3, 2), (0, 1)], &[0, 1]);
        assert_eq!(l, vec![0, 0, 1, 2]);
    }

    #[test]
    fn unreachable_nodes_go_below_the_deepest_and_bad_indices_are_ignored() {
        let l = layers(4, &[(0, 1), (9, 2), (1, 7)], &[0, 42]);
        assert_eq!(l, vec![0, 1, 2, 2]);
    }

    #[test]
    fn a_deep_chain_does_not_overflow() {
        let n = 200_000;
        let edges: Vec<(usize, usize)> = (0..n - 1).map(|i| (i, i + 1)).collect();
        let l = layers(n, &edges, &[0]);
        assert_eq!(l[n - 1], n - 1);
    }
}
