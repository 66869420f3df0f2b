//! `gomvs explore` in a real headless Chromium (Debian's `chromium` and
//! `chromium-driver` packages; `.ci/run` installs them), driven over the
//! W3C WebDriver protocol: plain HTTP+JSON to chromedriver on loopback, a
//! hundred lines here instead of an async client crate and its runtime.
//!
//! The tests search, click modules, read the why panel and compare it with
//! `gomvs why --json` and `gomvs why` text; they load a `gomvs diff --json`
//! document and compare the highlighted modules with its changes; they load
//! the page from a file written with `-o` and from `--serve`.
//!
//! `GOMVS_CHROMIUM` / `GOMVS_CHROMEDRIVER` override /usr/bin/chromium and
//! /usr/bin/chromedriver. `GOMVS_EXPLORE_SCREENSHOTS=DIR` saves screenshots
//! there (docs/images/ holds the ones in docs/explore.md).
//! `GOMVS_EXPLORE_MEASURE` (see `measure_load_and_click`) times the page.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

// ---------------------------------------------------------------- WebDriver

/// One HTTP/1.1 request to chromedriver; the JSON body of the answer.
fn http(port: u16, method: &str, path: &str, body: Option<&Value>) -> std::io::Result<Value> {
    let mut s = TcpStream::connect(("127.0.0.1", port))?;
    s.set_read_timeout(Some(Duration::from_secs(120)))?;
    let body = body.map(|b| b.to_string()).unwrap_or_default();
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )?;
    // chromedriver keeps the connection open: read the head, then exactly
    // Content-Length bytes (or chunks up to the last one).
    let mut raw = Vec::new();
    let mut buf = [0u8; 65536];
    let split = loop {
        if let Some(p) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
            break p;
        }
        let n = s.read(&mut buf)?;
        if n == 0 {
            return Err(std::io::Error::other(
                "connection closed before the HTTP head",
            ));
        }
        raw.extend_from_slice(&buf[..n]);
    };
    let lower = String::from_utf8_lossy(&raw[..split]).to_ascii_lowercase();
    let length = lower
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|v| v.trim().parse::<usize>().ok());
    loop {
        let body = &raw[split + 4..];
        let complete = match length {
            Some(n) => body.len() >= n,
            None => body.ends_with(b"0\r\n\r\n"),
        };
        if complete {
            break;
        }
        let n = s.read(&mut buf)?;
        if n == 0 {
            break;
        }
        raw.extend_from_slice(&buf[..n]);
    }
    let head = String::from_utf8_lossy(&raw[..split]).to_ascii_lowercase();
    let mut payload = raw[split + 4..].to_vec();
    if head.contains("transfer-encoding: chunked") {
        let mut out = Vec::new();
        let mut rest = &payload[..];
        while let Some(eol) = rest.windows(2).position(|w| w == b"\r\n") {
            let size = usize::from_str_radix(
                String::from_utf8_lossy(&rest[..eol])
                    .split(';')
                    .next()
                    .unwrap_or("0")
                    .trim(),
                16,
            )
            .unwrap_or(0);
            if size == 0 {
                break;
            }
            let start = eol + 2;
            out.extend_from_slice(&rest[start..start + size]);
            rest = &rest[start + size + 2..];
        }
        payload = out;
    }
    serde_json::from_slice(&payload).map_err(std::io::Error::other)
}

/// A child process killed when dropped (also when a test panics).
struct KillOnDrop(Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A chromedriver process and one browser session.
struct Browser {
    _driver: KillOnDrop,
    port: u16,
    session: String,
    _profile: tempfile::TempDir,
}

fn required_binary(var: &str, default: &str) -> PathBuf {
    let p = std::env::var_os(var)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(default));
    assert!(
        p.is_file(),
        "{} is missing: the explore browser tests need Debian's chromium and chromium-driver \
         (`apt-get install -y chromium chromium-driver`; .ci/run installs them), or {var}=PATH",
        p.display()
    );
    p
}

impl Browser {
    fn start() -> Browser {
        let chromium = required_binary("GOMVS_CHROMIUM", "/usr/bin/chromium");
        let chromedriver = required_binary("GOMVS_CHROMEDRIVER", "/usr/bin/chromedriver");
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let driver = KillOnDrop(
            Command::new(&chromedriver)
                .arg(format!("--port={port}"))
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap_or_else(|e| panic!("starting {}: {e}", chromedriver.display())),
        );
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Ok(v) = http(port, "GET", "/status", None) {
                if v["value"]["ready"] == json!(true) {
                    break;
                }
            }
            assert!(Instant::now() < deadline, "chromedriver did not start");
            std::thread::sleep(Duration::from_millis(100));
        }
        let profile = tempfile::tempdir().unwrap();
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": chromium.to_string_lossy(),
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-background-networking", "--disable-component-update",
                    "--disable-quic", "--no-first-run", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1400,900",
                    format!("--user-data-dir={}", profile.path().display()),
                ]
            }
        }}});
        let v = http(port, "POST", "/session", Some(&caps)).expect("new session");
        let session = v["value"]["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("chromedriver refused the session: {v}"))
            .to_string();
        Browser {
            _driver: driver,
            port,
            session,
            _profile: profile,
        }
    }

    fn cmd(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let full = format!("/session/{}{path}", self.session);
        let v = http(self.port, method, &full, body.as_ref())
            .unwrap_or_else(|e| panic!("{method} {path}: {e}"));
        if v["value"].get("error").is_some() {
            panic!("{method} {path}: {}", v["value"]);
        }
        v["value"].clone()
    }

    fn goto(&self, url: &str) {
        self.cmd("POST", "/url", Some(json!({ "url": url })));
        self.wait_for("document.body && document.body.dataset.ready === 'true'");
    }

    fn exec(&self, script: &str, args: Value) -> Value {
        self.cmd(
            "POST",
            "/execute/sync",
            Some(json!({"script": script, "args": args})),
        )
    }

    fn wait_for(&self, condition: &str) {
        let deadline = Instant::now() + Duration::from_secs(60);
        while self.exec(&format!("return !!({condition});"), json!([])) != json!(true) {
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {condition}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn find_all(&self, css: &str) -> Vec<String> {
        let v = self.cmd(
            "POST",
            "/elements",
            Some(json!({"using": "css selector", "value": css})),
        );
        let Some(found) = v.as_array() else {
            panic!("find {css}: {v}");
        };
        found
            .iter()
            .map(|e| match e[ELEMENT_KEY].as_str() {
                Some(id) => id.to_string(),
                None => panic!("find {css}: {v}"),
            })
            .collect()
    }

    fn find(&self, css: &str) -> String {
        self.find_all(css)
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("no element matches {css}"))
    }

    fn click(&self, el: &str) {
        self.cmd("POST", &format!("/element/{el}/click"), Some(json!({})));
    }

    fn type_text(&self, el: &str, text: &str) {
        self.cmd(
            "POST",
            &format!("/element/{el}/value"),
            Some(json!({ "text": text })),
        );
    }

    fn text(&self, el: &str) -> String {
        self.cmd("GET", &format!("/element/{el}/text"), None)
            .as_str()
            .unwrap_or("")
            .to_string()
    }

    fn attr(&self, el: &str, name: &str) -> String {
        self.cmd("GET", &format!("/element/{el}/attribute/{name}"), None)
            .as_str()
            .unwrap_or("")
            .to_string()
    }

    /// Saves a screenshot when `GOMVS_EXPLORE_SCREENSHOTS` names a directory.
    fn screenshot(&self, name: &str) {
        let Some(dir) = std::env::var_os("GOMVS_EXPLORE_SCREENSHOTS") else {
            return;
        };
        let b64 = self.cmd("GET", "/screenshot", None);
        let png = base64_decode(b64.as_str().unwrap());
        let path = Path::new(&dir).join(format!("explore-{name}.png"));
        std::fs::write(&path, png).unwrap();
        eprintln!("screenshot: {}", path.display());
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = http(
            self.port,
            "DELETE",
            &format!("/session/{}", self.session),
            None,
        );
        // Then self._driver (KillOnDrop) ends chromedriver.
    }
}

fn base64_decode(s: &str) -> Vec<u8> {
    let val = |c: u8| -> u32 {
        match c {
            b'A'..=b'Z' => (c - b'A') as u32,
            b'a'..=b'z' => (c - b'a' + 26) as u32,
            b'0'..=b'9' => (c - b'0' + 52) as u32,
            b'+' => 62,
            b'/' => 63,
            _ => 0,
        }
    };
    let clean: Vec<u8> = s.bytes().filter(|c| !c.is_ascii_whitespace()).collect();
    let mut out = Vec::with_capacity(clean.len() * 3 / 4);
    for chunk in clean.chunks(4) {
        let pad = chunk.iter().filter(|&&c| c == b'=').count();
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            n |= val(c) << (18 - 6 * i);
        }
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&bytes[..3 - pad.min(3)]);
    }
    out
}

// ---------------------------------------------------------------- gomvs

/// Where a case's main module and proxy are, and its GOFLAGS.
struct Case {
    name: String,
    cwd: PathBuf,
    proxy: PathBuf,
    goflags: String,
}

impl Case {
    fn example(name: &str, sub: &str) -> Case {
        let root = workspace_root();
        Case {
            name: name.to_string(),
            cwd: root.join("examples").join(name).join(sub),
            proxy: root.join("examples").join(name).join("proxy"),
            goflags: String::new(),
        }
    }

    fn golang_x(name: &str) -> Case {
        let root = common::corpus().join("golang-x");
        Case {
            name: name.to_string(),
            cwd: root.join("cases").join(name).join("main"),
            proxy: root.join("proxy"),
            goflags: "-mod=mod".into(),
        }
    }

    fn gomvs(&self, args: &[&str], tmp: &Path) -> std::process::Output {
        self.command(args, tmp).output().expect("run gomvs")
    }

    fn command(&self, args: &[&str], tmp: &Path) -> Command {
        let mut c = common::offline_gomvs(&self.cwd, &self.proxy, &self.goflags, tmp);
        c.env("GOWORK", "off").args(args);
        c
    }

    fn gomvs_ok(&self, args: &[&str], tmp: &Path) -> String {
        let out = self.gomvs(args, tmp);
        assert!(
            out.status.success(),
            "{}: gomvs {args:?} failed: {}",
            self.name,
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// Writes the page with `-o` and returns its file:// URL.
    fn page(&self, tmp: &Path, extra: &[&str]) -> String {
        let file = tmp.join(format!("{}.html", self.name.replace(['@', '/'], "_")));
        let mut args = vec!["explore", "-o"];
        let file_s = file.to_string_lossy().into_owned();
        args.push(&file_s);
        args.extend_from_slice(extra);
        let out = self.gomvs(&args, tmp);
        assert!(
            out.status.success(),
            "{}: gomvs explore failed: {}",
            self.name,
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(out.stdout.is_empty(), "explore -o wrote on stdout");
        format!("file://{}", file.display())
    }
}

/// What the page shows for the selected module against `gomvs why`.
fn check_why_panel(b: &Browser, case: &Case, tmp: &Path, path: &str) {
    let why: Value = serde_json::from_str(&case.gomvs_ok(&["why", "--json", path], tmp)).unwrap();
    let report = &why["data"][0];
    let text = case.gomvs_ok(&["why", "--color", "never", path], tmp);
    assert_eq!(b.text(&b.find("#why-title")), path, "{}: title", case.name);
    let selected = b.text(&b.find("#why-selected"));
    match report["selected"].as_str() {
        Some(v) => assert_eq!(selected, v, "{} {path}: selected version", case.name),
        None => assert_eq!(report["verdict"], "main", "{} {path}", case.name),
    }
    assert_eq!(
        b.attr(&b.find("#why-verdict"), "data-verdict"),
        report["verdict"].as_str().unwrap(),
        "{} {path}: verdict",
        case.name
    );
    let shown: Vec<String> = b
        .find_all("#why-path li[data-module]")
        .iter()
        .map(|e| b.attr(e, "data-module"))
        .collect();
    let expected: Vec<String> = report["path_to_selected"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            let (p, v) = (m["path"].as_str().unwrap(), m["version"].as_str().unwrap());
            if v.is_empty() {
                p.to_string()
            } else {
                format!("{p}@{v}")
            }
        })
        .collect();
    assert_eq!(shown, expected, "{} {path}: requirement path", case.name);
    // The full report, as text in the DOM (WebDriver's text trims line ends).
    let pre = b.exec(
        "return document.getElementById('why-text').textContent;",
        json!([]),
    );
    assert_eq!(
        pre.as_str().unwrap().trim_end(),
        text.trim_end(),
        "{} {path}: report text",
        case.name
    );
}

/// The module path of every node of the graph, in layout order.
fn node_paths(b: &Browser) -> Vec<String> {
    b.exec(
        "return Array.from(document.querySelectorAll('#graph .node')).map(n => n.dataset.path);",
        json!([]),
    )
    .as_array()
    .unwrap()
    .iter()
    .map(|v| v.as_str().unwrap().to_string())
    .collect()
}

/// Every module of the case, clicked in the graph, read in the why panel.
fn every_module_clicked(b: &Browser, case: &Case, tmp: &Path) -> usize {
    let paths = node_paths(b);
    assert!(!paths.is_empty(), "{}: no module in the graph", case.name);
    for p in &paths {
        let node = b.find(&format!("#graph .node[data-path=\"{p}\"]"));
        b.click(&node);
        check_why_panel(b, case, tmp, p);
    }
    paths.len()
}

#[test]
fn search_click_and_why_match_gomvs_why_on_an_example_and_golang_x() {
    let tmp = tempfile::tempdir().unwrap();
    let b = Browser::start();
    for (case, search, pick) in [
        (
            Case::example("exclude-prune-chain", "main"),
            "log",
            "example.com/log",
        ),
        (Case::golang_x("gopls@v0.21.1"), "x/mod", "golang.org/x/mod"),
    ] {
        let url = case.page(tmp.path(), &[]);
        b.goto(&url);
        // The go list -m all tab holds go's lines.
        let list = case.gomvs_ok(&["list", "all"], tmp.path());
        let shown = b.exec(
            "return document.getElementById('golist').textContent;",
            json!([]),
        );
        assert_eq!(
            shown.as_str().unwrap(),
            list.trim_end(),
            "{}: go list -m all",
            case.name
        );
        // Search, then click the row of the module.
        b.type_text(&b.find("#search"), search);
        let rows: Vec<String> = b
            .find_all("#list .row:not([hidden])")
            .iter()
            .map(|r| b.attr(r, "data-path"))
            .collect();
        assert!(
            rows.iter().any(|p| p == pick),
            "{}: filter {search:?} shows {rows:?}",
            case.name
        );
        b.click(&b.find(&format!("#list .row[data-path=\"{pick}\"]")));
        check_why_panel(&b, &case, tmp.path(), pick);
        b.screenshot(&format!("{}-why", case.name.replace('@', "-")));
        // Clear the filter; every module's panel against gomvs why.
        b.exec(
            "const s = document.getElementById('search'); s.value = ''; s.dispatchEvent(new Event('input'));",
            json!([]),
        );
        let n = every_module_clicked(&b, &case, tmp.path());
        eprintln!(
            "{}: {n} modules clicked, each why panel = gomvs why",
            case.name
        );
    }
}

/// `gomvs diff --json` of the chain example (examples/diff/states/chain).
fn chain_diff(tmp: &Path) -> (Case, PathBuf, Vec<String>) {
    let root = workspace_root();
    let states = root.join("examples/diff/states/chain");
    let case = Case {
        name: "diff-chain".into(),
        cwd: states.join("2"),
        proxy: root.join("examples/diff/proxy"),
        goflags: String::new(),
    };
    let a = states.join("1").to_string_lossy().into_owned();
    let bdir = states.join("2").to_string_lossy().into_owned();
    let json_text = case.gomvs_ok(&["diff", "--json", "--dirs", &a, &bdir], tmp);
    let file = tmp.join("chain-diff.json");
    std::fs::write(&file, &json_text).unwrap();
    let doc: Value = serde_json::from_str(&json_text).unwrap();
    let changed: Vec<String> = doc["data"]["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["path"].as_str().unwrap().to_string())
        .collect();
    assert!(!changed.is_empty(), "the chain diff has no change");
    (case, file, changed)
}

fn highlighted(b: &Browser) -> (BTreeSet<String>, BTreeSet<String>) {
    let listed: BTreeSet<String> = b
        .find_all("#diff-changes li")
        .iter()
        .map(|e| b.attr(e, "data-path"))
        .collect();
    let nodes: BTreeSet<String> = b
        .find_all("#graph .node.changed")
        .iter()
        .map(|e| b.attr(e, "data-path"))
        .collect();
    (listed, nodes)
}

#[test]
fn a_loaded_diff_highlights_exactly_the_changed_modules() {
    let tmp = tempfile::tempdir().unwrap();
    let (case, diff_file, changed) = chain_diff(tmp.path());
    let changed: BTreeSet<String> = changed.into_iter().collect();
    let b = Browser::start();
    let in_graph = |b: &Browser| -> BTreeSet<String> {
        node_paths(b)
            .into_iter()
            .filter(|p| changed.contains(p))
            .collect()
    };
    // Chosen in the page with the file input.
    b.goto(&case.page(tmp.path(), &[]));
    b.click(&b.find("#tab-diff"));
    b.type_text(&b.find("#diff-file"), &diff_file.to_string_lossy());
    b.wait_for("document.querySelectorAll('#diff-changes li').length > 0");
    let (listed, nodes) = highlighted(&b);
    assert_eq!(listed, changed, "diff tab lists gomvs diff's changes");
    assert_eq!(nodes, in_graph(&b), "graph outlines the changed modules");
    assert!(!nodes.is_empty());
    b.screenshot("diff");
    b.click(&b.find("#tab-graph"));
    b.click(&b.find("#graph .node[data-path=\"example.com/chain/d\"]"));
    let said = b.text(&b.find("#why-diff"));
    assert_eq!(said, "added: none → v1.0.0", "why panel's diff line");
    b.screenshot("diff-graph");
    // Embedded with --diff.
    let diff_arg = diff_file.to_string_lossy().into_owned();
    b.goto(&case.page(tmp.path(), &["--diff", &diff_arg]));
    let (listed, nodes) = highlighted(&b);
    assert_eq!(listed, changed, "--diff: diff tab");
    assert_eq!(nodes, in_graph(&b), "--diff: graph");
}

#[test]
fn serve_answers_the_page_on_loopback() {
    let tmp = tempfile::tempdir().unwrap();
    let case = Case::example("replace-chain", "main");
    let mut child = KillOnDrop(
        case.command(&["explore", "--serve", "--port", "0"], tmp.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let mut line = String::new();
    BufReader::new(child.0.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let url = line
        .split_whitespace()
        .find(|w| w.starts_with("http://127.0.0.1:"))
        .unwrap_or_else(|| panic!("no URL in {line:?}"))
        .to_string();
    // A foreign Host header is refused (DNS rebinding).
    let port: u16 = url
        .trim_start_matches("http://127.0.0.1:")
        .trim_end_matches('/')
        .parse()
        .unwrap();
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.write_all(b"GET / HTTP/1.1\r\nHost: evil.example:80\r\n\r\n")
        .unwrap();
    let mut answer = String::new();
    s.read_to_string(&mut answer).unwrap();
    assert!(answer.starts_with("HTTP/1.1 403"), "{answer}");
    let b = Browser::start();
    b.goto(&url);
    b.click(&b.find("#graph .node[data-path=\"example.com/a\"]"));
    check_why_panel(&b, &case, tmp.path(), "example.com/a");
    b.click(&b.find("#tab-replaces"));
    let summary = b.text(&b.find("#replaces-summary"));
    assert!(summary.contains("chain"), "{summary}");
    b.screenshot("replaces");
    drop(b);
    drop(child);
}

/// Load and click times: `GOMVS_EXPLORE_MEASURE="NAME|DIR|PROXY|GOFLAGS[|EXPLORE ARGS];..."`
/// (scripts/explore-measure.sh sets it), `GOMVS_EXPLORE_RUNS` runs each
/// (default 7). Prints the medians: navigation start to the page's
/// `gomvs-ready` mark, and a click on a module to the next painted frame
/// with its why panel filled.
#[test]
#[ignore]
fn measure_load_and_click() {
    let spec = std::env::var("GOMVS_EXPLORE_MEASURE").expect("GOMVS_EXPLORE_MEASURE");
    let runs: usize = std::env::var("GOMVS_EXPLORE_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(7);
    let tmp = tempfile::tempdir().unwrap();
    let b = Browser::start();
    for item in spec.split(';').filter(|s| !s.is_empty()) {
        let parts: Vec<&str> = item.splitn(5, '|').collect();
        let extra: Vec<&str> = parts
            .get(4)
            .map_or(vec![], |a| a.split_whitespace().collect());
        let case = Case {
            name: parts[0].to_string(),
            cwd: PathBuf::from(parts[1]),
            proxy: PathBuf::from(parts[2]),
            goflags: parts.get(3).unwrap_or(&"").to_string(),
        };
        let t = Instant::now();
        let url = case.page(tmp.path(), &extra);
        let generate = t.elapsed();
        let size = std::fs::metadata(url.trim_start_matches("file://"))
            .unwrap()
            .len();
        let mut loads = Vec::new();
        let mut clicks = Vec::new();
        for _ in 0..runs {
            b.goto(&url);
            let load = b.exec(
                "return performance.getEntriesByName('gomvs-ready')[0].startTime;",
                json!([]),
            );
            loads.push(load.as_f64().unwrap());
            // The deepest module (last node): its panel has the longest path.
            let click = b.cmd(
                "POST",
                "/execute/async",
                Some(json!({"script": "
                    const done = arguments[arguments.length - 1];
                    const nodes = document.querySelectorAll('#graph .node');
                    const n = nodes[nodes.length - 1];
                    const t0 = performance.now();
                    n.click();
                    requestAnimationFrame(() => setTimeout(() => {
                        const ok = document.getElementById('why-title').textContent === n.dataset.path;
                        done(ok ? performance.now() - t0 : -1);
                    }, 0));", "args": []})),
            );
            let ms = click.as_f64().unwrap();
            assert!(
                ms >= 0.0,
                "{}: the why panel did not show the module",
                case.name
            );
            clicks.push(ms);
        }
        let median = |v: &mut Vec<f64>| {
            v.sort_by(|a, b| a.partial_cmp(b).unwrap());
            v[v.len() / 2]
        };
        let nodes = b.exec(
            "return document.querySelectorAll('#graph .node').length;",
            json!([]),
        );
        println!(
            "{}: {} modules, page {:.1} MB (generated in {:.2} s); load median {:.0} ms {:?}; click median {:.0} ms {:?}",
            case.name,
            nodes,
            size as f64 / 1e6,
            generate.as_secs_f64(),
            median(&mut loads),
            loads.iter().map(|x| x.round()).collect::<Vec<_>>(),
            median(&mut clicks),
            clicks.iter().map(|x| x.round()).collect::<Vec<_>>(),
        );
        b.screenshot(&case.name.replace(['@', '/'], "-"));
    }
}
