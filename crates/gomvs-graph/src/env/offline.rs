//! Offline mode (`--offline`, `GOMVS_OFFLINE`): when the module cache
//! stands in for the GOPROXY list, and the environment that results.

use super::goproxy::{parse_proxy_list, ProxyKind};
use super::proxyurl::ProxyUrl;
use super::GoEnv;
use std::path::Path;

/// When the module cache stands in for the GOPROXY list ([`offline_env`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OfflineMode {
    /// Only when every GOPROXY entry needs the network (`https://...`,
    /// `direct`): no entry could answer offline.
    Auto,
    /// Always (`--offline`, `GOMVS_OFFLINE=1`).
    On,
    /// Never (`GOMVS_OFFLINE=0`): network entries fail with gomvs' offline errors.
    Off,
}

impl OfflineMode {
    /// `GOMVS_OFFLINE`: `1`/`on`/`true` → [`OfflineMode::On`], `0`/`off`/`false`
    /// → [`OfflineMode::Off`], unset or empty → [`OfflineMode::Auto`];
    /// `explicit` (`--offline`) wins. Another value is an error naming it.
    pub fn from_env(env: &GoEnv, explicit: bool) -> Result<OfflineMode, String> {
        if explicit {
            return Ok(OfflineMode::On);
        }
        match env.getenv("GOMVS_OFFLINE").as_str() {
            "" | "auto" => Ok(OfflineMode::Auto),
            "1" | "on" | "true" => Ok(OfflineMode::On),
            "0" | "off" | "false" => Ok(OfflineMode::Off),
            other => Err(format!(
                "gomvs: GOMVS_OFFLINE={other}: want 1/on/true, 0/off/false or auto"
            )),
        }
    }
}

/// The environment with the module cache's `cache/download` tree as the
/// only proxy (`GOPROXY=file://$GOMODCACHE/cache/download`, the go
/// command's own offline recipe; `GONOPROXY=none` so that private paths
/// are read from it too), and the one notice line to print, when `mode`
/// asks for it: [`OfflineMode::On`], or [`OfflineMode::Auto`] with a
/// GOPROXY list whose every entry needs the network (`off` or a `file://`
/// entry keeps the list as is). `None`: use `env` unchanged.
pub fn offline_env(env: &GoEnv, mode: OfflineMode) -> Option<(GoEnv, String)> {
    let goproxy = env.goproxy();
    match mode {
        OfflineMode::Off => return None,
        OfflineMode::On => {}
        OfflineMode::Auto => {
            let list = parse_proxy_list(&goproxy, "").ok()?;
            let needs_network = !list.is_empty()
                && list.iter().all(|e| match &e.kind {
                    ProxyKind::Direct | ProxyKind::NoProxy => true,
                    ProxyKind::Off => false,
                    ProxyKind::Url(u) => !u.is_file(),
                });
            if !needs_network {
                return None;
            }
        }
    }
    let cache = env.gomodcache();
    if cache.is_empty() || !Path::new(&cache).is_absolute() {
        return None;
    }
    let dir = Path::new(&cache).join("cache").join("download");
    let url = ProxyUrl::file_dir(&dir.to_string_lossy()).redacted();
    let notice = format!(
        "gomvs: offline: module versions come from the module cache (GOPROXY={url} instead of {goproxy}); versions published since it last fetched are not seen"
    );
    let env = env
        .clone()
        .with_var("GOPROXY", url)
        .with_var("GONOPROXY", "none");
    Some((env, notice))
}
