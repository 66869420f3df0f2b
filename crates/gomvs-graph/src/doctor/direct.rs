//! `direct`: where the go command goes for a module path without a proxy
//! (`modfetch.lookupDirect` over `vcs.RepoRootForImportPath`): a known code
//! host's fixed rule, a path that names its VCS (`host/repo.git`), or the
//! `?go-get=1` meta-tag lookup; HTTPS unless GOINSECURE matches; and
//! whether GOVCS allows the VCS (default: git and hg for public paths, any
//! VCS for GOPRIVATE ones).

use crate::env::{match_prefix_patterns, GoEnv};
use serde::Serialize;

/// How `direct` reaches a module path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DirectRoute {
    /// The version control system, when the path implies it (`git` for
    /// github.com); `None` until the meta-tag page answers.
    pub vcs: Option<String>,
    /// The first URL the go command tries: the repository (known hosts,
    /// VCS-suffixed paths) or the meta-tag page.
    pub url: String,
    /// The URLs it tries next when one fails: the other schemes of a
    /// VCS-suffixed path (`git+ssh://`, `ssh://`), or `http://` for the
    /// meta-tag page under GOINSECURE.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub then: Vec<String>,
    /// `known host`, `vcs suffix` or `go-get meta tag`.
    pub how: &'static str,
    /// GOINSECURE matches: plain HTTP is allowed (the checksum database
    /// still applies).
    pub insecure: bool,
    /// GOVCS refuses the implied VCS for this path (then `direct` fails).
    pub govcs_refuses: bool,
}

/// `vcsPaths`' fixed rules: host prefix, path elements in the repository
/// root, VCS.
const KNOWN_HOSTS: &[(&str, usize, &str)] = &[
    ("github.com", 3, "git"),
    ("bitbucket.org", 3, "git"),
    ("hub.jazz.net/git", 4, "git"),
    ("git.apache.org", 2, "git"),
    ("git.openstack.org", 3, "git"),
    ("chiselapp.com", 5, "fossil"),
];

const VCS_SUFFIXES: &[&str] = &["fossil", "git", "hg", "svn"];

/// Each VCS's schemes in the order `vcs.Cmd.Scheme` probes them.
fn schemes(vcs: &str) -> &'static [&'static str] {
    match vcs {
        "git" => &["git", "https", "http", "git+ssh", "ssh"],
        "hg" => &["https", "http", "ssh"],
        "svn" => &["https", "http", "svn", "svn+ssh"],
        _ => &["https", "http"],
    }
}

/// `defaultSecureScheme`.
fn secure(scheme: &str) -> bool {
    matches!(scheme, "https" | "git+ssh" | "svn+ssh" | "ssh")
}

/// How `direct` would fetch `path` in `env`.
pub fn direct_route(env: &GoEnv, path: &str) -> DirectRoute {
    let insecure = match_prefix_patterns(&env.goinsecure(), path);
    let elems: Vec<&str> = path.split('/').collect();
    for (prefix, n, vcs) in KNOWN_HOSTS {
        if path == *prefix || path.starts_with(&format!("{prefix}/")) {
            let root = elems.iter().take(*n).copied().collect::<Vec<_>>().join("/");
            return DirectRoute {
                vcs: Some((*vcs).to_string()),
                url: format!("https://{root}"),
                then: Vec::new(),
                how: "known host",
                insecure,
                govcs_refuses: govcs_refuses(env, path, vcs),
            };
        }
    }
    for (i, e) in elems.iter().enumerate().skip(1) {
        if let Some((stem, ext)) = e.rsplit_once('.') {
            if VCS_SUFFIXES.contains(&ext) {
                // `repo` is the root without its `.vcs` suffix; each scheme is
                // probed in turn (insecure ones only under GOINSECURE).
                let mut repo = elems[..i].join("/");
                repo.push('/');
                repo.push_str(stem);
                let mut urls = schemes(ext)
                    .iter()
                    .filter(|s| insecure || secure(s))
                    .map(|s| format!("{s}://{repo}"));
                return DirectRoute {
                    vcs: Some(ext.to_string()),
                    url: urls.next().unwrap_or_default(),
                    then: urls.collect(),
                    how: "vcs suffix",
                    insecure,
                    govcs_refuses: govcs_refuses(env, path, ext),
                };
            }
        }
    }
    DirectRoute {
        vcs: None,
        url: format!("https://{path}?go-get=1"),
        then: if insecure {
            vec![format!("http://{path}?go-get=1")]
        } else {
            Vec::new()
        },
        how: "go-get meta tag",
        insecure,
        govcs_refuses: false,
    }
}

/// `govcsConfig.allow` with GOVCS's rules ahead of the default
/// (`private:all,public:git|hg`): whether `vcs` is refused for `path`.
fn govcs_refuses(env: &GoEnv, path: &str, vcs: &str) -> bool {
    let private = match_prefix_patterns(&env.goprivate(), path);
    let setting = env.getenv("GOVCS");
    let rules = setting
        .split(',')
        .filter_map(|r| r.split_once(':'))
        .chain([("private", "all"), ("public", "git|hg")]);
    for (pattern, allowed) in rules {
        let matches = match pattern {
            "private" => private,
            "public" => !private,
            p => match_prefix_patterns(p, path),
        };
        if matches {
            return !allowed.split('|').any(|a| a == "all" || a == vcs);
        }
    }
    false
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    use crate::env::tests::env;

    #[test]
    fn known_hosts_suffixes_and_meta_tags() {
        let r = direct_route(&env(&[]), "github.com/shared/auth/v2");
        assert_eq!(
            (r.vcs.as_deref(), r.url.as_str()),
            (Some("git"), "https://github.com/shared/auth")
        );
        let r = direct_route(&env(&[]), "example.com/repo.hg/sub");
        assert_eq!((r.vcs.as_deref(), r.how), (Some("hg"), "vcs suffix"));
        let r = direct_route(
            &env(&[("GOINSECURE", "git.corp.example")]),
            "git.corp.example/x",
        );
        assert_eq!(r.url, "https://git.corp.example/x?go-get=1");
        assert_eq!(r.then, ["http://git.corp.example/x?go-get=1"]);
        assert!(r.insecure);
    }

    #[test]
    fn govcs_default_allows_git_and_hg_for_public_paths() {
        assert!(direct_route(&env(&[]), "example.com/r.svn").govcs_refuses);
        assert!(
            !direct_route(&env(&[("GOPRIVATE", "example.com")]), "example.com/r.svn").govcs_refuses
        );
        assert!(direct_route(&env(&[("GOVCS", "github.com:off")]), "github.com/a/b").govcs_refuses);
    }
}
