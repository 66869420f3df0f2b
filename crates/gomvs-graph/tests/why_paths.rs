//! The cause paths `diff` and `check` attach to every module stay short on
//! deep graphs (issue 14: every command on a 100,000-deep chain in bounded
//! memory): `explain_selected` keeps a long path's head and tail and counts
//! what it leaves out, so a report on all n modules of an n-deep chain is
//! linear, not quadratic; `explain_why` (one question, `gomvs why`) still
//! gives the whole path. Before the change each report carried the whole
//! path (and searched the graph again), so this test's totals were
//! quadratic.

mod support;
use gomvs_graph::explain::why::{
    explain_selected, explain_why, WhyIndex, WhyOptions, WhyQuery, PATH_HEAD, PATH_TAIL,
};
use gomvs_graph::source::MemorySource;
use std::sync::Arc;
use support::TempDir;

const N: usize = 3000;

fn path(i: usize) -> String {
    format!("example.com/chain/m{i}")
}

#[test]
fn cause_paths_are_abridged_on_a_deep_chain() {
    let mut b = MemorySource::builder();
    for i in 0..N {
        let mut text = format!("module {}\n\ngo 1.16\n", path(i));
        if i + 1 < N {
            text.push_str(&format!("\nrequire {} v1.0.0\n", path(i + 1)));
        }
        b = b.module(&path(i), "v1.0.0", &text, "2024-01-01T00:00:00Z");
    }
    let dir = TempDir::new("why-paths", "chain");
    std::fs::write(
        dir.0.join("go.mod"),
        format!(
            "module example.com/main\n\ngo 1.16\n\nrequire {} v1.0.0\n",
            path(0)
        ),
    )
    .unwrap_or_else(|e| panic!("go.mod: {e}"));
    let session = support::open_offline_session(&dir.0, "mod", Arc::new(b.build()));
    let loaded = session.load().unwrap_or_else(|f| panic!("load: {f}"));
    let index = WhyIndex::new(&loaded);
    let mut total = 0usize;
    for i in 0..N {
        let report = explain_selected(&loaded, &index, &path(i));
        let p = &report.path_to_selected;
        // main, m0, ..., mi: i + 2 modules in all.
        assert_eq!(p.len() + report.path_to_selected_omitted, i + 2, "m{i}");
        assert!(
            p.len() <= PATH_HEAD + PATH_TAIL + 2,
            "m{i}: {} entries",
            p.len()
        );
        assert_eq!(p.first().map(|m| m.path.as_str()), Some("example.com/main"));
        assert_eq!(p.last().map(|m| m.path.to_string()), Some(path(i)));
        if report.path_to_selected_omitted > 0 {
            // The head runs from the main module, the tail ends at mi, and
            // the count covers exactly the modules between them.
            assert_eq!(p[PATH_HEAD].path.to_string(), path(PATH_HEAD - 1), "m{i}");
            let first_tail = i + 1 - (p.len() - PATH_HEAD - 1);
            assert_eq!(p[PATH_HEAD + 1].path.to_string(), path(first_tail), "m{i}");
        }
        total += p.len();
    }
    assert!(
        total <= N * (PATH_HEAD + PATH_TAIL + 2),
        "{total} path entries"
    );
    let far = explain_why(
        &loaded,
        &index,
        &WhyQuery::parse(&path(N - 1)),
        WhyOptions::default(),
    );
    assert_eq!(far.path_to_selected.len(), N + 1);
    assert_eq!(far.path_to_selected_omitted, 0);
}
