//! Thread-safe memoization: every key is computed at most once, concurrent
//! callers for the same key wait for the first computation (`par.ErrCache`).

use super::{FetchError, ModuleSource, RevInfo};
use crate::collections::FastMap;
use gomvs_modfile::ModuleVersion;
use std::hash::Hash;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

/// A map whose values are computed once per key, safe to share between threads.
pub struct OnceMap<K, V> {
    cells: Mutex<FastMap<K, Arc<OnceLock<V>>>>,
}

impl<K, V> Default for OnceMap<K, V> {
    fn default() -> Self {
        OnceMap {
            cells: Mutex::new(FastMap::default()),
        }
    }
}

impl<K: Eq + Hash + Clone, V: Clone> OnceMap<K, V> {
    /// An empty map.
    pub fn new() -> Self {
        Self::default()
    }

    /// The value for `key`, computing it with `f` if this is the first request.
    /// Other threads asking for the same key meanwhile block until it is ready;
    /// different keys are computed concurrently.
    pub fn get_or_init(&self, key: &K, f: impl FnOnce() -> V) -> V {
        let cell = {
            let mut cells = self.cells.lock().unwrap_or_else(PoisonError::into_inner);
            Arc::clone(cells.entry(key.clone()).or_default())
        };
        cell.get_or_init(f).clone()
    }

    /// The value for `key` if it has been computed.
    pub fn get(&self, key: &K) -> Option<V> {
        let cells = self.cells.lock().unwrap_or_else(PoisonError::into_inner);
        cells.get(key).and_then(|c| c.get().cloned())
    }

    /// The number of keys requested so far.
    pub fn len(&self) -> usize {
        self.cells
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .len()
    }

    /// Whether no key has been requested yet.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A [`ModuleSource`] wrapper that asks its inner source at most once per
/// question (results and errors are both remembered), like the Go command's
/// `cachingRepo`.
pub struct Memoized<S> {
    inner: S,
    go_mods: OnceMap<ModuleVersion, Result<Arc<[u8]>, FetchError>>,
    infos: OnceMap<ModuleVersion, Result<RevInfo, FetchError>>,
    versions: OnceMap<String, Result<Vec<String>, FetchError>>,
    latest: OnceMap<String, Result<RevInfo, FetchError>>,
}

impl<S: ModuleSource> Memoized<S> {
    /// Wraps `inner`.
    pub fn new(inner: S) -> Self {
        Memoized {
            inner,
            go_mods: OnceMap::new(),
            infos: OnceMap::new(),
            versions: OnceMap::new(),
            latest: OnceMap::new(),
        }
    }

    /// The wrapped source.
    pub fn inner(&self) -> &S {
        &self.inner
    }
}

impl<S: ModuleSource> ModuleSource for Memoized<S> {
    fn go_mod(&self, m: &ModuleVersion) -> Result<Arc<[u8]>, FetchError> {
        self.go_mods.get_or_init(m, || self.inner.go_mod(m))
    }
    fn info(&self, m: &ModuleVersion) -> Result<RevInfo, FetchError> {
        self.infos.get_or_init(m, || self.inner.info(m))
    }
    fn versions(&self, path: &str) -> Result<Vec<String>, FetchError> {
        self.versions
            .get_or_init(&path.to_string(), || self.inner.versions(path))
    }
    fn latest(&self, path: &str) -> Result<RevInfo, FetchError> {
        self.latest
            .get_or_init(&path.to_string(), || self.inner.latest(path))
    }
    fn zip(&self, m: &ModuleVersion) -> Result<Arc<[u8]>, FetchError> {
        self.inner.zip(m)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn computes_each_key_once_across_threads() {
        let map: Arc<OnceMap<u32, u32>> = Arc::new(OnceMap::new());
        let calls = Arc::new(AtomicUsize::new(0));
        let handles: Vec<_> = (0..8)
            .map(|_| {
                let map = Arc::clone(&map);
                let calls = Arc::clone(&calls);
                std::thread::spawn(move || {
                    map.get_or_init(&7, || {
                        calls.fetch_add(1, Ordering::SeqCst);
                        std::thread::sleep(std::time::Duration::from_millis(5));
                        49
                    })
                })
            })
            .collect();
        for h in handles {
            assert_eq!(h.join().ok(), Some(49));
        }
        assert_eq!(calls.load(Ordering::SeqCst), 1);
    }
}
