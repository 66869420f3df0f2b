//! GOPROXY and its companions: the proxy list (`modfetch/proxy.go`
//! `proxyList`) and the GOPRIVATE / GONOPROXY / GONOSUMDB / GOSUMDB /
//! GOINSECURE settings read from a [`GoEnv`].

use super::match_prefix_patterns;
use super::proxyurl::ProxyUrl;
use super::{GoEnv, DEFAULT_GOPROXY, DEFAULT_GOSUMDB};

/// What one GOPROXY entry is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProxyKind {
    /// `off`: every lookup fails with `module lookup disabled by GOPROXY=off`.
    Off,
    /// `direct`: version control access (network; unavailable offline).
    Direct,
    /// The hidden first entry added when GONOPROXY is set.
    NoProxy,
    /// A proxy URL (`file://`, or `http(s)://`, unavailable offline).
    Url(ProxyUrl),
}

/// One entry of the GOPROXY list (`modfetch.proxySpec`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProxyEntry {
    /// The entry.
    pub kind: ProxyKind,
    /// `|` followed the entry: fall back to the next one on any error (after
    /// `,` only on "not found").
    pub fall_back_on_error: bool,
}

/// `modfetch.proxyList`: parses GOPROXY (with GONOPROXY deciding the hidden
/// `noproxy` entry). Errors are Go's texts (`GOPROXY list is not the empty
/// string, but contains no entries`, `invalid proxy URL scheme (must be
/// https, http, file): …`); Go reports them for every lookup, not at start.
pub fn parse_proxy_list(goproxy: &str, gonoproxy: &str) -> Result<Vec<ProxyEntry>, String> {
    let mut list = Vec::new();
    if !gonoproxy.is_empty() && goproxy != "direct" {
        list.push(ProxyEntry {
            kind: ProxyKind::NoProxy,
            fall_back_on_error: false,
        });
    }
    let mut rest = goproxy;
    while !rest.is_empty() {
        let (entry, fall_back_on_error) = match rest.find([',', '|']) {
            Some(i) => {
                let fb = rest.as_bytes()[i] == b'|';
                let e = &rest[..i];
                rest = &rest[i + 1..];
                (e, fb)
            }
            None => {
                let e = rest;
                rest = "";
                (e, false)
            }
        };
        let url = entry.trim_matches(|c: char| c.is_whitespace());
        if url.is_empty() {
            continue;
        }
        if url == "off" {
            list.push(ProxyEntry {
                kind: ProxyKind::Off,
                fall_back_on_error: false,
            });
            break;
        }
        if url == "direct" {
            list.push(ProxyEntry {
                kind: ProxyKind::Direct,
                fall_back_on_error: false,
            });
            break;
        }
        let url = if url.contains(['.', ':', '/']) && !url.contains(":/") && !url.starts_with('/') {
            format!("https://{url}")
        } else {
            url.to_string()
        };
        let parsed = ProxyUrl::parse(&url)?;
        list.push(ProxyEntry {
            kind: ProxyKind::Url(parsed),
            fall_back_on_error,
        });
    }
    if list.is_empty() || (list.len() == 1 && list[0].kind == ProxyKind::NoProxy) {
        return Err("GOPROXY list is not the empty string, but contains no entries".to_string());
    }
    Ok(list)
}

impl GoEnv {
    /// GOPROXY (default [`DEFAULT_GOPROXY`]).
    pub fn goproxy(&self) -> String {
        self.env_or("GOPROXY", DEFAULT_GOPROXY)
    }

    /// GOPRIVATE.
    pub fn goprivate(&self) -> String {
        self.getenv("GOPRIVATE")
    }

    /// GONOPROXY (default GOPRIVATE).
    pub fn gonoproxy(&self) -> String {
        self.env_or("GONOPROXY", &self.goprivate())
    }

    /// GONOSUMDB (default GOPRIVATE).
    pub fn gonosumdb(&self) -> String {
        self.env_or("GONOSUMDB", &self.goprivate())
    }

    /// GOSUMDB (default [`DEFAULT_GOSUMDB`]).
    pub fn gosumdb(&self) -> String {
        self.env_or("GOSUMDB", DEFAULT_GOSUMDB)
    }

    /// GOINSECURE.
    pub fn goinsecure(&self) -> String {
        self.getenv("GOINSECURE")
    }

    /// The parsed GOPROXY list (see [`parse_proxy_list`]).
    pub fn proxy_list(&self) -> Result<Vec<ProxyEntry>, String> {
        parse_proxy_list(&self.goproxy(), &self.gonoproxy())
    }

    /// Whether GONOPROXY/GOPRIVATE makes `path` bypass the proxies.
    pub fn is_noproxy(&self, path: &str) -> bool {
        match_prefix_patterns(&self.gonoproxy(), path)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::env::tests::env;

    #[test]
    fn e40_comma_only_list_has_no_entries() {
        assert_eq!(
            parse_proxy_list(",", "").unwrap_err(),
            "GOPROXY list is not the empty string, but contains no entries"
        );
    }

    #[test]
    fn e40_bad_scheme() {
        assert_eq!(
            parse_proxy_list("nosuchscheme://x", "").unwrap_err(),
            "invalid proxy URL scheme (must be https, http, file): nosuchscheme://x"
        );
    }

    #[test]
    fn e40_off_ends_the_list() {
        let l = parse_proxy_list("file:///e,off,file:///p", "").unwrap();
        assert_eq!(l.len(), 2);
        assert_eq!(l[1].kind, ProxyKind::Off);
    }

    #[test]
    fn e40_pipe_sets_fallback_on_the_entry_before_it() {
        let l = parse_proxy_list("file:///e|file:///p", "").unwrap();
        assert!(l[0].fall_back_on_error);
        assert!(!l[1].fall_back_on_error);
    }

    #[test]
    fn bare_host_gets_https_and_noproxy_comes_first() {
        let l = parse_proxy_list("proxy.example.com,direct,file:///x", "corp.example").unwrap();
        assert_eq!(l[0].kind, ProxyKind::NoProxy);
        match &l[1].kind {
            ProxyKind::Url(u) => assert_eq!(u.redacted(), "https://proxy.example.com"),
            k => panic!("{k:?}"),
        }
        assert_eq!(l[2].kind, ProxyKind::Direct);
        assert_eq!(l.len(), 3);
    }

    #[test]
    fn goprivate_is_the_gonoproxy_default() {
        let e = env(&[("GOPRIVATE", "*.corp.example,rsc.io/private")]);
        assert!(e.is_noproxy("git.corp.example/x/y"));
        assert!(e.is_noproxy("rsc.io/private/quote"));
        assert!(!e.is_noproxy("rsc.io/public"));
        let e = env(&[("GOPRIVATE", "a.example"), ("GONOPROXY", "b.example")]);
        assert!(!e.is_noproxy("a.example/x"));
        assert!(e.is_noproxy("b.example/x"));
    }
}
