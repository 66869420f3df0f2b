//! The checksum database: which one GOSUMDB names (`modfetch.dbDial`), how
//! the go command reaches it (`dbClient.initBase`: each GOPROXY entry's
//! `/sumdb/NAME/supported`, then the database itself), and whether a module
//! is checked against it at all (`useSumDB`: GOSUMDB=off, GONOSUMDB,
//! GOPRIVATE).

use crate::env::{match_prefix_patterns, GoEnv, ProxyKind};
use serde::Serialize;

/// `modfetch.knownGOSUMDB`: the databases whose key the go command knows.
const KNOWN_GOSUMDB: &[&str] = &["sum.golang.org"];

/// The checksum database GOSUMDB names, and the route to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SumDb {
    /// GOSUMDB as set (default `sum.golang.org`).
    pub setting: String,
    /// The database name (`sum.golang.org`); `None` when disabled or invalid.
    pub name: Option<String>,
    /// Why no database is used: `GOSUMDB=off`, or Go's error for a GOSUMDB
    /// it cannot use (`invalid GOSUMDB: ...`).
    pub unavailable: Option<String>,
    /// Where its lookups go, in the order the go command tries them.
    pub route: Vec<SumDbStep>,
}

/// One place the go command tries for the checksum database.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SumDbStep {
    /// The URL (`https://proxy.golang.org/sumdb/sum.golang.org`,
    /// `https://sum.golang.org`, `file:///p/sumdb/sum.golang.org`).
    pub url: String,
    /// What happens there offline.
    pub answer: SumDbAnswer,
}

/// What one step of the route answers, as far as is known offline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SumDbAnswer {
    /// A `file://` proxy that has `sumdb/NAME/supported`: lookups are read there.
    Serves,
    /// A `file://` proxy without it: the go command tries the next entry.
    NotSupported,
    /// A network proxy's `/supported` (answered only online: 404/410 or a
    /// `|` entry's error go on to the next entry; success serves lookups;
    /// another error makes the database unavailable).
    AskedOnline,
    /// The database itself (network).
    Direct,
    /// An explicit URL from GOSUMDB (`name+key url`): every lookup goes there.
    Explicit,
}

/// Why a module's checksum is not checked against the database.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "pattern")]
pub enum SkipReason {
    /// `GOSUMDB=off`.
    GosumdbOff,
    /// A GONOSUMDB pattern matches the path.
    Gonosumdb(String),
    /// A GOPRIVATE pattern matches the path (GONOSUMDB unset defaults to GOPRIVATE).
    Goprivate(String),
}

impl SumDb {
    /// The database GOSUMDB names (`dbDial`) and its route over the
    /// GOPROXY list (`initBase`), as far as is known offline.
    pub fn from_env(env: &GoEnv) -> SumDb {
        let setting = env.gosumdb();
        let mut db = SumDb {
            setting: setting.clone(),
            name: None,
            unavailable: None,
            route: Vec::new(),
        };
        let gosumdb = if setting == "sum.golang.google.cn" {
            "sum.golang.org https://sum.golang.google.cn".to_string()
        } else {
            setting.clone()
        };
        if gosumdb == "off" {
            db.unavailable = Some("checksum database disabled by GOSUMDB=off".to_string());
            return db;
        }
        let fields: Vec<&str> = gosumdb.split_whitespace().collect();
        if fields.is_empty() {
            db.unavailable = Some("missing GOSUMDB".to_string());
            return db;
        }
        if fields.len() > 2 {
            db.unavailable = Some("invalid GOSUMDB: too many fields".to_string());
            return db;
        }
        let name = match verifier_name(fields[0]) {
            Ok(n) => n,
            Err(e) => {
                db.unavailable = Some(format!("invalid GOSUMDB: {e}"));
                return db;
            }
        };
        db.name = Some(name.clone());
        if let Some(url) = fields.get(1) {
            db.route.push(SumDbStep {
                url: (*url).to_string(),
                answer: SumDbAnswer::Explicit,
            });
            return db;
        }
        let Ok(list) = env.proxy_list() else {
            return db;
        };
        for entry in list {
            match entry.kind {
                ProxyKind::NoProxy => continue,
                ProxyKind::Direct | ProxyKind::Off => break,
                ProxyKind::Url(u) => {
                    let url = format!("{}/sumdb/{name}", u.redacted().trim_end_matches('/'));
                    if u.is_file() {
                        let supported = u.request_path("sumdb", &format!("{name}/supported"));
                        let found = std::fs::metadata(&supported).is_ok_and(|m| m.is_file());
                        db.route.push(SumDbStep {
                            url,
                            answer: if found {
                                SumDbAnswer::Serves
                            } else {
                                SumDbAnswer::NotSupported
                            },
                        });
                        if found {
                            return db;
                        }
                    } else {
                        db.route.push(SumDbStep {
                            url,
                            answer: SumDbAnswer::AskedOnline,
                        });
                    }
                }
            }
        }
        db.route.push(SumDbStep {
            url: format!("https://{name}"),
            answer: SumDbAnswer::Direct,
        });
        db
    }

    /// Whether every lookup can be answered offline (a `file://` proxy serves the database).
    pub fn offline(&self) -> bool {
        self.route
            .last()
            .is_some_and(|s| s.answer == SumDbAnswer::Serves)
    }

    /// The host (or URL) lookups would reach first over the network, if any.
    pub fn network_target(&self) -> Option<&str> {
        self.route
            .iter()
            .find(|s| s.answer != SumDbAnswer::NotSupported && s.answer != SumDbAnswer::Serves)
            .map(|s| s.url.as_str())
    }
}

/// `useSumDB(mod)`: `None` when `path`'s checksums are checked against the
/// database, else why not.
pub fn skip_reason(env: &GoEnv, path: &str) -> Option<SkipReason> {
    if env.gosumdb() == "off" {
        return Some(SkipReason::GosumdbOff);
    }
    let explicit = env.getenv("GONOSUMDB");
    let (patterns, from_private) = if explicit.is_empty() {
        (env.goprivate(), true)
    } else {
        (explicit, false)
    };
    let pattern = matching_pattern(&patterns, path)?;
    Some(if from_private {
        SkipReason::Goprivate(pattern)
    } else {
        SkipReason::Gonosumdb(pattern)
    })
}

/// The first comma-separated pattern of `globs` that matches `path`
/// ([`match_prefix_patterns`] for one pattern at a time).
pub fn matching_pattern(globs: &str, path: &str) -> Option<String> {
    globs
        .split(',')
        .find(|g| match_prefix_patterns(g, path))
        .map(str::to_string)
}

/// `note.NewVerifier(key).Name()`: a known database name, or the name of a
/// `name+hash+key` verifier key (checked for its shape, not its key bytes).
fn verifier_name(key: &str) -> Result<String, &'static str> {
    if KNOWN_GOSUMDB.contains(&key) {
        return Ok(key.to_string());
    }
    let mut parts = key.splitn(3, '+');
    let (Some(name), Some(hash), Some(k)) = (parts.next(), parts.next(), parts.next()) else {
        return Err("malformed verifier id");
    };
    let hex_ok = hash.len() == 8 && hash.bytes().all(|b| b.is_ascii_hexdigit());
    if name.is_empty() || !hex_ok || k.is_empty() || name.contains(char::is_whitespace) {
        return Err("malformed verifier id");
    }
    Ok(name.to_string())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    use crate::env::tests::env;

    #[test]
    fn default_route_asks_the_proxy_then_the_database() {
        let db = SumDb::from_env(&env(&[]));
        assert_eq!(db.name.as_deref(), Some("sum.golang.org"));
        let urls: Vec<_> = db.route.iter().map(|s| s.url.as_str()).collect();
        assert_eq!(
            urls,
            [
                "https://proxy.golang.org/sumdb/sum.golang.org",
                "https://sum.golang.org"
            ]
        );
        assert_eq!(
            db.network_target(),
            Some("https://proxy.golang.org/sumdb/sum.golang.org")
        );
    }

    #[test]
    fn off_and_bad_settings() {
        let db = SumDb::from_env(&env(&[("GOSUMDB", "off")]));
        assert!(db.name.is_none() && db.unavailable.is_some());
        let db = SumDb::from_env(&env(&[("GOSUMDB", "a b c")]));
        assert_eq!(
            db.unavailable.as_deref(),
            Some("invalid GOSUMDB: too many fields")
        );
        let db = SumDb::from_env(&env(&[("GOSUMDB", "nokey")]));
        assert_eq!(
            db.unavailable.as_deref(),
            Some("invalid GOSUMDB: malformed verifier id")
        );
        let db = SumDb::from_env(&env(&[("GOSUMDB", "sum.golang.google.cn")]));
        assert_eq!(db.route[0].url, "https://sum.golang.google.cn");
    }

    #[test]
    fn nosumdb_defaults_to_goprivate() {
        let e = env(&[("GOPRIVATE", "*.corp.example,rsc.io/private")]);
        assert_eq!(
            skip_reason(&e, "git.corp.example/x"),
            Some(SkipReason::Goprivate("*.corp.example".into()))
        );
        assert_eq!(skip_reason(&e, "rsc.io/quote"), None);
        let e = env(&[("GOPRIVATE", "a.example"), ("GONOSUMDB", "b.example")]);
        assert_eq!(skip_reason(&e, "a.example/x"), None);
        assert_eq!(
            skip_reason(&e, "b.example/x"),
            Some(SkipReason::Gonosumdb("b.example".into()))
        );
        // GOINSECURE does not skip the checksum database.
        assert_eq!(
            skip_reason(&env(&[("GOINSECURE", "*")]), "x.example/y"),
            None
        );
    }
}
