//! Presentation of `gomvs doctor`'s plan for people (JSON is the plan's
//! serde form; findings are rendered by [`super::check`]).

use super::Style;
use gomvs_graph::doctor::export::ExportReport;
use gomvs_graph::doctor::sumdb::{SkipReason, SumDbAnswer};
use gomvs_graph::doctor::{Answer, ChecksumCheck, FetchPlan, Outcome, PlannedModule};

fn or_dash(s: &str) -> &str {
    if s.is_empty() {
        "-"
    } else {
        s
    }
}

fn outcome_text(o: &Outcome, st: Style) -> String {
    match o {
        Outcome::Cached { .. } => st.dim("module cache"),
        Outcome::Served { entry } => entry.clone(),
        Outcome::Network { entry } => st.warn(&format!("{entry} (network)")),
        Outcome::Fails { error } => st.bad(&format!("FAILS: {error}")),
    }
}

fn module_lines(m: &PlannedModule, st: Style, out: &mut String) {
    let what = if m.download { "download" } else { "go.mod" };
    let replaces = m
        .replaces
        .as_ref()
        .map(|r| format!(" (replaces {r})"))
        .unwrap_or_default();
    let noproxy = if m.noproxy { " [GONOPROXY]" } else { "" };
    out.push_str(&format!(
        "  {}@{} [{what}]{replaces}{noproxy}\n",
        st.bold(&m.module.path),
        m.module.version
    ));
    for f in &m.files {
        out.push_str(&format!(
            "    .{:<4} {}\n",
            f.file.extension(),
            outcome_text(&f.outcome, st)
        ));
        if matches!(f.outcome, Outcome::Cached { .. }) {
            continue;
        }
        for s in &f.steps {
            let answer = match s.answer {
                Answer::Served => "served".to_string(),
                Answer::NotFound => "not found, next entry".to_string(),
                Answer::Failed if s.fall_back_on_error => "error, next entry (|)".to_string(),
                Answer::Failed => "error, list stops (,)".to_string(),
                Answer::Network => "needs the network".to_string(),
            };
            let direct = s
                .direct
                .as_ref()
                .map(|d| {
                    format!(
                        " via {} {}{}",
                        d.vcs.as_deref().unwrap_or(d.how),
                        d.url,
                        if d.govcs_refuses {
                            " (GOVCS refuses it)"
                        } else {
                            ""
                        }
                    )
                })
                .unwrap_or_default();
            out.push_str(&format!(
                "           {} {}: {answer}{direct}\n",
                st.dim("·"),
                s.entry
            ));
        }
    }
    for c in &m.checksums {
        let text = match &c.check {
            ChecksumCheck::GoSum => st.dim("go.sum"),
            ChecksumCheck::SumDb { name, network } => st.warn(&format!(
                "not in go.sum: looked up in {}{}",
                name.as_deref().unwrap_or("(unusable GOSUMDB)"),
                network
                    .as_ref()
                    .map(|n| format!(" via {n} (network)"))
                    .unwrap_or_else(|| " (offline, file:// proxy)".to_string())
            )),
            ChecksumCheck::Skipped { reason } => st.warn(&format!(
                "not in go.sum: not checked ({})",
                match reason {
                    SkipReason::GosumdbOff => "GOSUMDB=off".to_string(),
                    SkipReason::Gonosumdb(p) => format!("GONOSUMDB {p}"),
                    SkipReason::Goprivate(p) => format!("GOPRIVATE {p}"),
                }
            )),
        };
        let label = if c.of == "go.mod" {
            "go.mod hash"
        } else {
            "zip hash"
        };
        out.push_str(&format!("    {label:<11} {text}\n"));
    }
    if let Some(e) = &m.error {
        out.push_str(&format!("    {} {}\n", st.bad("error:"), e));
    }
}

/// The plan for people: settings, routes, then the modules worth a look
/// (all with `verbose`) and a verdict.
pub fn text(plan: &FetchPlan, verbose: bool, st: Style) -> String {
    let s = &plan.settings;
    let mut out = String::new();
    out.push_str(&format!(
        "{}\n",
        st.bold("gomvs doctor: what `go mod download` would do")
    ));
    out.push_str(&format!("  GOPROXY    {}\n", s.goproxy));
    if let Some(e) = &plan.goproxy_error {
        out.push_str(&format!("             {}\n", st.bad(e)));
    }
    out.push_str(&format!(
        "  GONOPROXY  {}   GONOSUMDB {}   GOPRIVATE {}   GOINSECURE {}\n",
        or_dash(&s.gonoproxy),
        or_dash(&s.gonosumdb),
        or_dash(&s.goprivate),
        or_dash(&s.goinsecure)
    ));
    let db = &plan.sumdb;
    let route: Vec<String> = db
        .route
        .iter()
        .map(|r| {
            let a = match r.answer {
                SumDbAnswer::Serves => "serves it",
                SumDbAnswer::NotSupported => "no sumdb, next",
                SumDbAnswer::AskedOnline => "asked online",
                SumDbAnswer::Direct => "direct",
                SumDbAnswer::Explicit => "from GOSUMDB",
            };
            format!("{} ({a})", r.url)
        })
        .collect();
    match (&db.name, &db.unavailable) {
        (Some(n), _) => out.push_str(&format!("  GOSUMDB    {n}: {}\n", route.join(" -> "))),
        (None, Some(e)) => out.push_str(&format!("  GOSUMDB    {}: {}\n", db.setting, st.warn(e))),
        (None, None) => out.push_str(&format!("  GOSUMDB    {}\n", db.setting)),
    }
    out.push_str(&format!("  GOMODCACHE {}\n", or_dash(&s.gomodcache)));
    if !plan.zip_set.args.is_empty() || !plan.zip_set.reason.is_empty() {
        out.push_str(&format!(
            "  zips       {}: {}\n",
            if plan.zip_set.args == ["all"] {
                "all".to_string()
            } else {
                format!("{} required modules", plan.zip_set.args.len())
            },
            plan.zip_set.reason
        ));
    }
    for l in &plan.load_error {
        out.push_str(&format!("  {} {l}\n", st.bad("load fails:")));
    }
    for l in &plan.error_after_downloads {
        out.push_str(&format!("  {} {l}\n", st.bad("fails after the downloads:")));
    }
    for l in &plan.aborts {
        let first = l.lines().next().unwrap_or_default();
        out.push_str(&format!(
            "  {} {first}\n",
            st.bad("aborts (SECURITY ERROR):")
        ));
    }
    if !plan.needs_network_to_load.is_empty() {
        out.push_str(&format!(
            "  {} the module graph needs the network to load past the go.mod files marked (network) below\n",
            st.warn("offline:")
        ));
    }
    let shown: Vec<&PlannedModule> = plan
        .modules
        .iter()
        .filter(|m| {
            verbose
                || m.error.is_some()
                || m.needs_network
                || m.files
                    .iter()
                    .any(|f| !matches!(f.outcome, Outcome::Cached { .. }))
                || m.checksums
                    .iter()
                    .any(|c| !matches!(c.check, ChecksumCheck::GoSum))
        })
        .collect();
    if !shown.is_empty() {
        out.push_str(&format!(
            "\n{}{}\n",
            st.bold("modules"),
            if verbose {
                ""
            } else {
                " (not shown: those the module cache and go.sum fully cover; -v shows all)"
            }
        ));
        for m in shown {
            module_lines(m, st, &mut out);
        }
    }
    let c = &plan.summary;
    out.push_str(&format!(
        "\n{} {} module versions, {} files: {} in the module cache, {} from file:// proxies, {} over the network, {} failing; {} checksum lookups, {} unchecked\n",
        st.bold("summary"),
        c.modules,
        c.files,
        c.cached,
        c.served_offline,
        c.network,
        c.failing,
        c.sumdb_lookups,
        c.unchecked
    ));
    let verdict = if !plan.load_error.is_empty()
        || !plan.error_after_downloads.is_empty()
        || !plan.aborts.is_empty()
        || c.failing > 0
    {
        st.bad("go mod download fails")
    } else if c.modules_needing_network > 0 || !plan.needs_network_to_load.is_empty() {
        st.warn(&format!(
            "this build needs the network for {} module versions",
            c.modules_needing_network
        ))
    } else {
        "go mod download succeeds offline".to_string()
    };
    out.push_str(&format!("{} {verdict}\n", st.bold("verdict")));
    out
}

/// What `--export-proxy` wrote.
pub fn export_text(r: &ExportReport) -> String {
    let mut out = format!(
        "{} wrote {} files ({} bytes) to {}: use GOPROXY=file://{} GOFLAGS=-mod=readonly\n",
        "export", r.files, r.bytes, r.dir, r.dir
    );
    for m in &r.missing {
        out.push_str(&format!("  missing: {m}\n"));
    }
    out
}
