//! GOPROXY entry URLs as the Go command handles them (`net/url` parsing of
//! the entry, `modfetch.newProxyRepo` validation, and the request URLs whose
//! text appears in error messages, e.g. `file:///p/example.com/%21a/@v/list`).

use crate::gopath::clean;
use gomvs_modfile::module::quote;

/// A validated proxy base URL (scheme `file`, `http` or `https`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProxyUrl {
    scheme: String,
    /// `user@host[:port]` as written (empty for file URLs).
    authority: String,
    /// The unescaped path (`url.URL.Path`).
    path: String,
    /// `url.URL.RawPath` (empty when the default escaping is the written one).
    raw_path: String,
}

/// A URL split the way `net/url.Parse` does, for the parts gomvs needs.
struct ParsedUrl {
    scheme: String,
    opaque: String,
    has_authority: bool,
    authority: String,
    path: String,
    raw_path: String,
    has_query: bool,
    has_fragment: bool,
    omit_host: bool,
}

/// `shouldEscape(c, encodePath)`.
fn keep_in_path(c: u8) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(
            c,
            b'-' | b'.'
                | b'_'
                | b'~'
                | b'$'
                | b'&'
                | b'+'
                | b','
                | b'/'
                | b':'
                | b';'
                | b'='
                | b'@'
        )
}

/// `shouldEscape(c, encodePathSegment)`.
fn keep_in_segment(c: u8) -> bool {
    keep_in_path(c) && !matches!(c, b'/' | b',' | b';')
}

fn escape_with(s: &str, keep: fn(u8) -> bool) -> String {
    let mut out = String::with_capacity(s.len());
    for &b in s.as_bytes() {
        if keep(b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `url.PathEscape(s)` with `%2F` turned back into `/` (`modfetch.pathEscape`).
pub fn path_escape(s: &str) -> String {
    escape_with(s, keep_in_segment).replace("%2F", "/")
}

/// `escape(s, encodePath)`.
fn escape_path(s: &str) -> String {
    escape_with(s, keep_in_path)
}

/// `unescape(s, encodePath)`; the error is `url.EscapeError`'s text.
fn unescape_path(s: &str) -> Result<String, String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let ok =
                i + 2 < b.len() && b[i + 1].is_ascii_hexdigit() && b[i + 2].is_ascii_hexdigit();
            if !ok {
                let end = (i + 3).min(b.len());
                let bad = String::from_utf8_lossy(&b[i..end]).into_owned();
                return Err(format!("invalid URL escape {}", quote(&bad)));
            }
            let hex = |c: u8| (c as char).to_digit(16).unwrap_or(0) as u8;
            out.push(hex(b[i + 1]) << 4 | hex(b[i + 2]));
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    Ok(String::from_utf8_lossy(&out).into_owned())
}

/// `validEncoded(s, encodePath)`.
fn valid_encoded(s: &str) -> bool {
    s.bytes().all(|c| {
        matches!(
            c,
            b'!' | b'$'
                | b'&'
                | b'\''
                | b'('
                | b')'
                | b'*'
                | b'+'
                | b','
                | b';'
                | b'='
                | b':'
                | b'@'
                | b'['
                | b']'
                | b'%'
        ) || keep_in_path(c)
    })
}

/// `path.Join(a, b)` for two elements.
/// Whether `p` is a rooted path that [`clean`] returns unchanged: it starts
/// with `/`, and has no empty, `.` or `..` element and no trailing slash.
fn is_clean_rooted(p: &str) -> bool {
    let Some(rest) = p.strip_prefix('/') else {
        return false;
    };
    !rest.is_empty()
        && rest
            .split('/')
            .all(|e| !e.is_empty() && e != "." && e != "..")
}

fn join(a: &str, b: &str) -> String {
    match (a.is_empty(), b.is_empty()) {
        (true, true) => String::new(),
        (true, false) => clean(b),
        (false, true) => clean(a),
        (false, false) => clean(&format!("{a}/{b}")),
    }
}

fn parse_url(raw: &str) -> Result<ParsedUrl, String> {
    let parse_err = |u: &str, e: &str| format!("parse {}: {e}", quote(u));
    let (u, frag) = match raw.split_once('#') {
        Some((u, f)) => (u, Some(f)),
        None => (raw, None),
    };
    if u.bytes().any(|c| c < 0x20 || c == 0x7f) {
        return Err(parse_err(u, "net/url: invalid control character in URL"));
    }
    // getScheme
    let mut scheme = "";
    let mut rest = u;
    for (i, c) in u.bytes().enumerate() {
        match c {
            b'a'..=b'z' | b'A'..=b'Z' => {}
            b'0'..=b'9' | b'+' | b'-' | b'.' if i > 0 => {}
            b':' => {
                if i == 0 {
                    return Err(parse_err(u, "missing protocol scheme"));
                }
                scheme = &u[..i];
                rest = &u[i + 1..];
                break;
            }
            _ => break,
        }
    }
    let scheme = scheme.to_ascii_lowercase();
    let mut has_query = false;
    if rest.ends_with('?') && rest.matches('?').count() == 1 {
        has_query = true;
        rest = &rest[..rest.len() - 1];
    } else if let Some((r, _)) = rest.split_once('?') {
        has_query = true;
        rest = r;
    }
    let mut out = ParsedUrl {
        scheme,
        opaque: String::new(),
        has_authority: false,
        authority: String::new(),
        path: String::new(),
        raw_path: String::new(),
        has_query,
        has_fragment: frag.is_some_and(|f| !f.is_empty()),
        omit_host: false,
    };
    if !rest.starts_with('/') {
        if !out.scheme.is_empty() {
            out.opaque = rest.to_string();
            return Ok(out);
        }
        let first = rest.split('/').next().unwrap_or("");
        if first.contains(':') {
            return Err(parse_err(
                u,
                "first path segment in URL cannot contain colon",
            ));
        }
    }
    if (!out.scheme.is_empty() || !rest.starts_with("///")) && rest.starts_with("//") {
        let authority = &rest[2..];
        let (auth, path) = match authority.find('/') {
            Some(i) => (&authority[..i], &authority[i..]),
            None => (authority, ""),
        };
        check_authority(&out.scheme, auth).map_err(|e| parse_err(u, &e))?;
        out.has_authority = !auth.is_empty();
        out.authority = auth.to_string();
        rest = path;
    } else if !out.scheme.is_empty() && rest.starts_with('/') {
        out.omit_host = true;
    }
    out.path = unescape_path(rest).map_err(|e| parse_err(u, &e))?;
    out.raw_path = if escape_path(&out.path) == rest {
        String::new()
    } else {
        rest.to_string()
    };
    Ok(out)
}

/// `validOptionalPort`.
fn valid_optional_port(port: &str) -> bool {
    port.is_empty() || (port.starts_with(':') && port[1..].bytes().all(|b| b.is_ascii_digit()))
}

/// `unescape(s, encodeHost)`'s checks.
fn check_host_chars(host: &str) -> Result<(), String> {
    let b = host.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'%' {
            let ok =
                i + 2 < b.len() && b[i + 1].is_ascii_hexdigit() && b[i + 2].is_ascii_hexdigit();
            if !ok {
                let end = (i + 3).min(b.len());
                return Err(format!(
                    "invalid URL escape {}",
                    quote(&String::from_utf8_lossy(&b[i..end]))
                ));
            }
            let hi = (b[i + 1] as char).to_digit(16).unwrap_or(0);
            if hi < 8 && &host[i..i + 3] != "%25" {
                return Err(format!("invalid URL escape {}", quote(&host[i..i + 3])));
            }
            i += 3;
            continue;
        }
        let allowed =
            c >= 0x80 || c.is_ascii_alphanumeric() || b"!\"$&'()*+,-.:;<=>[]_~".contains(&c);
        if !allowed {
            return Err(format!(
                "invalid character {} in host name",
                quote(&String::from_utf8_lossy(&b[i..i + 1]))
            ));
        }
        i += 1;
    }
    Ok(())
}

/// `parseAuthority` / `parseHost` validation (IPv6 literals are only
/// checked for their brackets and port).
fn check_authority(scheme: &str, authority: &str) -> Result<(), String> {
    let (userinfo, host) = match authority.rfind('@') {
        Some(i) => (Some(&authority[..i]), &authority[i + 1..]),
        None => (None, authority),
    };
    match host.rfind('[') {
        Some(i) if i > 0 => return Err("invalid IP-literal".to_string()),
        Some(_) => {
            let Some(close) = host.rfind(']') else {
                return Err("missing ']' in host".to_string());
            };
            let port = &host[close + 1..];
            if !valid_optional_port(port) {
                return Err(format!("invalid port {} after host", quote(port)));
            }
        }
        None => {
            if let Some(first) = host.find(':') {
                let last = host.rfind(':').unwrap_or(first);
                let i = if last != first && scheme != "http" && scheme != "https" {
                    last
                } else {
                    first
                };
                let port = &host[i..];
                if !valid_optional_port(port) {
                    return Err(format!("invalid port {} after host", quote(port)));
                }
            }
            check_host_chars(host)?;
        }
    }
    if let Some(ui) = userinfo {
        let ok = ui
            .chars()
            .all(|r| r.is_ascii_alphanumeric() || "-._:~!$&'()*+,;=%@".contains(r));
        if !ok {
            return Err("net/url: invalid userinfo".to_string());
        }
    }
    Ok(())
}

impl ProxyUrl {
    /// Parses and validates a GOPROXY entry as `newProxyRepo` does; the
    /// error is Go's text, e.g. `invalid proxy URL scheme (must be https,
    /// http, file): nosuchscheme://x`.
    pub fn parse(raw: &str) -> Result<ProxyUrl, String> {
        let u = parse_url(raw)?;
        let url = ProxyUrl {
            scheme: u.scheme.clone(),
            authority: u.authority.clone(),
            path: u.path.clone(),
            raw_path: u.raw_path.clone(),
        };
        let redacted = url.redacted_with(&u);
        match u.scheme.as_str() {
            "http" | "https" => {}
            "file" => {
                if !u.opaque.is_empty()
                    || u.has_authority
                    || u.has_query
                    || u.has_fragment
                    || u.omit_host
                {
                    return Err(format!(
                        "invalid file:// proxy URL with non-path elements: {redacted}"
                    ));
                }
            }
            "" => return Err(format!("invalid proxy URL missing scheme: {redacted}")),
            _ => {
                return Err(format!(
                    "invalid proxy URL scheme (must be https, http, file): {redacted}"
                ))
            }
        }
        Ok(url)
    }

    /// A `file://` URL for an absolute directory (`file://` + the path).
    pub fn for_dir(dir: &str) -> Result<ProxyUrl, String> {
        ProxyUrl::parse(&format!("file://{dir}"))
    }

    /// The `file://` URL of an absolute directory path, built directly
    /// (`url.URL{Scheme: "file", Path: dir}`), never failing.
    pub fn file_dir(dir: &str) -> ProxyUrl {
        ProxyUrl {
            scheme: "file".to_string(),
            authority: String::new(),
            path: dir.to_string(),
            raw_path: String::new(),
        }
    }

    fn redacted_with(&self, u: &ParsedUrl) -> String {
        if !u.opaque.is_empty() {
            return format!("{}:{}", u.scheme, u.opaque);
        }
        let mut s = String::new();
        if !self.scheme.is_empty() {
            s.push_str(&self.scheme);
            s.push(':');
        }
        if (!self.scheme.is_empty() || u.has_authority) && !u.omit_host {
            if u.has_authority || !self.path.is_empty() {
                s.push_str("//");
            }
            s.push_str(&redact_authority(&self.authority));
        }
        let p = escaped_path(&self.path, &self.raw_path);
        if !p.is_empty() && !p.starts_with('/') && u.has_authority {
            s.push('/');
        }
        s.push_str(&p);
        s
    }

    /// The URL scheme (`file`, `http`, `https`).
    pub fn scheme(&self) -> &str {
        &self.scheme
    }

    /// Whether this is a `file://` URL.
    pub fn is_file(&self) -> bool {
        self.scheme == "file"
    }

    /// `base.Redacted()`: the text Go shows for the proxy itself, as in
    /// `invalid response from proxy "file:///p"`.
    pub fn redacted(&self) -> String {
        let mut s = format!("{}://", self.scheme);
        s.push_str(&redact_authority(&self.authority));
        let p = escaped_path(&self.path, &self.raw_path);
        if !p.is_empty() && !p.starts_with('/') && !self.authority.is_empty() {
            s.push('/');
        }
        s.push_str(&p);
        s
    }

    /// [`ProxyRequest::file_path`] of [`ProxyUrl::request`] alone: the
    /// unescaped URL path, without building the URL text (which only error
    /// messages need).
    pub fn request_path(&self, enc: &str, rel: &str) -> String {
        if enc.is_empty() || rel.is_empty() {
            return join(&self.repo_path(enc), rel);
        }
        // `join(repo_path, rel)` is `clean(base/enc/rel)`; built once and
        // returned as is when it is already clean (the usual case).
        let base = self.path.trim_end_matches('/');
        let mut p = String::with_capacity(base.len() + enc.len() + rel.len() + 2);
        p.push_str(base);
        p.push('/');
        p.push_str(enc);
        p.push('/');
        p.push_str(rel);
        if is_clean_rooted(&p) {
            p
        } else {
            clean(&p)
        }
    }

    fn repo_path(&self, enc: &str) -> String {
        format!("{}/{enc}", self.path.trim_end_matches('/'))
    }

    /// The request for `rel` (e.g. `@v/v1.0.0.mod`) of the module whose
    /// escaped path is `enc`: the URL text Go shows, and (for file URLs) the
    /// file system path it opens.
    pub fn request(&self, enc: &str, rel: &str) -> ProxyRequest {
        let repo_path = self.repo_path(enc);
        let repo_raw = format!(
            "{}/{}",
            self.raw_path.trim_end_matches('/'),
            path_escape(enc)
        );
        let full_path = join(&repo_path, rel);
        let full_raw = join(&repo_raw, &path_escape(rel));
        let mut url = format!("{}://", self.scheme);
        url.push_str(&redact_authority(&self.authority));
        url.push_str(&escaped_path(&full_path, &full_raw));
        ProxyRequest {
            url,
            file_path: full_path,
        }
    }
}

/// `url.URL.Redacted` for the user-info part: a password becomes `xxxxx`.
fn redact_authority(auth: &str) -> String {
    match auth.rsplit_once('@') {
        Some((user, host)) => match user.split_once(':') {
            Some((name, _)) => format!("{name}:xxxxx@{host}"),
            None => auth.to_string(),
        },
        None => auth.to_string(),
    }
}

/// `url.URL.EscapedPath`.
fn escaped_path(path: &str, raw_path: &str) -> String {
    if !raw_path.is_empty() && valid_encoded(raw_path) {
        if let Ok(p) = unescape_path(raw_path) {
            if p == path {
                return raw_path.to_string();
            }
        }
    }
    if path == "*" {
        return "*".to_string();
    }
    escape_path(path)
}

/// One proxy request: the URL as Go prints it and the file it reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProxyRequest {
    /// The request URL text, e.g. `file:///p/example.com/%21a/@v/list`.
    pub url: String,
    /// The unescaped URL path; for `file://` URLs, the file that is opened.
    pub file_path: String,
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn request_path_is_the_cleaned_request_file_path() {
        for base in [
            "file:///abs/proxy",
            "file:///abs/proxy/",
            "file:///",
            "file:///a/./b/../c",
        ] {
            let u = ProxyUrl::parse(base).unwrap();
            for (enc, rel) in [
                ("example.com/a", "@v/v1.0.0.info"),
                ("example.com/!upper", "@v/list"),
                ("example.com/a/../b", "@v/v1.0.0.mod"),
                ("example.com//a", "@latest"),
                ("example.com/a", "@v/../../x.info"),
                ("example.com/./a", "@v/./v1.mod"),
                ("", "@v/list"),
                ("example.com/a", ""),
            ] {
                assert_eq!(
                    u.request_path(enc, rel),
                    u.request(enc, rel).file_path,
                    "{base} {enc} {rel}"
                );
                assert_eq!(
                    u.request_path(enc, rel),
                    join(&u.repo_path(enc), rel),
                    "{base} {enc} {rel}"
                );
            }
        }
        assert!(is_clean_rooted("/a/b"));
        assert!(!is_clean_rooted("/a/b/"));
        assert!(!is_clean_rooted("/"));
        assert!(!is_clean_rooted("a/b"));
        assert!(!is_clean_rooted("/a/./b"));
        assert!(!is_clean_rooted("/a/.."));
        assert!(is_clean_rooted("/a/.b/..c"));
    }

    #[test]
    fn e57_bang_is_percent_encoded_in_urls() {
        let u = ProxyUrl::parse("file:///abs/proxy").unwrap();
        let r = u.request("example.com/!upper/!x", "@v/v1.0.0-!pre.info");
        assert_eq!(
            r.url,
            "file:///abs/proxy/example.com/%21upper/%21x/@v/v1.0.0-%21pre.info"
        );
        assert_eq!(
            r.file_path,
            "/abs/proxy/example.com/!upper/!x/@v/v1.0.0-!pre.info"
        );
    }

    #[test]
    fn e40_dotdot_in_proxy_dir_is_cleaned_in_requests() {
        let u = ProxyUrl::parse("file:///w/main/../empty-proxy").unwrap();
        let r = u.request("example.com/a", "@v/v1.0.0.info");
        assert_eq!(r.url, "file:///w/empty-proxy/example.com/a/@v/v1.0.0.info");
        assert_eq!(u.redacted(), "file:///w/main/../empty-proxy");
    }

    #[test]
    fn e40_bad_scheme_text() {
        assert_eq!(
            ProxyUrl::parse("nosuchscheme://x").unwrap_err(),
            "invalid proxy URL scheme (must be https, http, file): nosuchscheme://x"
        );
        assert_eq!(
            ProxyUrl::parse("foo").unwrap_err(),
            "invalid proxy URL missing scheme: foo"
        );
        assert_eq!(
            ProxyUrl::parse("file://host/x").unwrap_err(),
            "invalid file:// proxy URL with non-path elements: file://host/x"
        );
    }

    #[test]
    fn host_errors_have_go_text() {
        // GOPROXY=file:proxy becomes https://file:proxy (no ":/" in it).
        assert_eq!(
            ProxyUrl::parse("https://file:proxy").unwrap_err(),
            "parse \"https://file:proxy\": invalid port \":proxy\" after host"
        );
        assert_eq!(
            ProxyUrl::parse("https://[::1").unwrap_err(),
            "parse \"https://[::1\": missing ']' in host"
        );
        assert_eq!(
            ProxyUrl::parse("https://a b/x").unwrap_err(),
            "parse \"https://a b/x\": invalid character \" \" in host name"
        );
        assert!(ProxyUrl::parse("https://proxy.example.com:8080/p").is_ok());
    }

    #[test]
    fn spaces_in_proxy_dirs_are_escaped_in_urls() {
        let u = ProxyUrl::parse("file:///tmp/p q/x").unwrap();
        assert_eq!(
            u.request("example.com/a", "@v/v1.0.0.mod").url,
            "file:///tmp/p%20q/x/example.com/a/@v/v1.0.0.mod"
        );
        let u = ProxyUrl::parse("file:///tmp/p%20q").unwrap();
        assert_eq!(
            u.request("example.com/a", "@v/list").file_path,
            "/tmp/p q/example.com/a/@v/list"
        );
        assert_eq!(
            u.request_path("example.com/a", "@v/list"),
            "/tmp/p q/example.com/a/@v/list"
        );
    }
}
