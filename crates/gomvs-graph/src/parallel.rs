//! Work split across the machine's cores: the one mechanism behind the
//! loader's go.mod and `.info` prefetches.
//!
//! Items are handed out in chunks through one atomic counter, so a worker
//! that finishes early takes over part of a slower one's share; the calling
//! thread works too. Below `min_items` everything runs in line: starting a
//! thread costs about as much as reading and parsing a dozen go.mod files.

use std::sync::atomic::{AtomicUsize, Ordering};

/// Threads used at most (the loader's earlier bound, kept; only two cores
/// were ever measured, where a second thread gains little: docs/benchmarks.md).
const MAX_THREADS: usize = 4;

/// Most items per chunk.
const MAX_CHUNK: usize = 256;

/// Fewest items per chunk (a chunk is one atomic increment).
const MIN_CHUNK: usize = 8;

/// The number of worker threads (the caller included) worth using for
/// `items` items: 1 when the batch is under `min_items` or the machine has
/// one core.
fn workers_for(items: usize, min_items: usize) -> usize {
    if items < min_items.max(2) {
        return 1;
    }
    cores().min(MAX_THREADS)
}

/// `std::thread::available_parallelism`, asked once a process (it reads
/// the cgroup's CPU quota files on every call).
pub(crate) fn cores() -> usize {
    static CORES: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *CORES.get_or_init(|| std::thread::available_parallelism().map_or(1, usize::from))
}

/// The chunk length for `items` items on `workers` threads: four chunks a
/// worker at least, within [`MIN_CHUNK`]..=[`MAX_CHUNK`].
fn chunk_len(items: usize, workers: usize) -> usize {
    items.div_ceil(workers * 4).clamp(MIN_CHUNK, MAX_CHUNK)
}

/// Calls `f` on consecutive chunks of `items`, on up to [`MAX_THREADS`]
/// threads when there are at least `min_items` items (in line otherwise).
/// Chunks run in no particular order.
pub(crate) fn for_each_chunk<T: Sync>(items: &[T], min_items: usize, f: impl Fn(&[T]) + Sync) {
    let workers = workers_for(items.len(), min_items);
    if workers < 2 {
        if !items.is_empty() {
            f(items);
        }
        return;
    }
    let len = chunk_len(items.len(), workers);
    let next = AtomicUsize::new(0);
    let work = || loop {
        let start = next.fetch_add(len, Ordering::Relaxed);
        let Some(chunk) = items.get(start..items.len().min(start + len)) else {
            break;
        };
        if chunk.is_empty() {
            break;
        }
        f(chunk);
    };
    on_workers(workers, work);
}

/// Runs `work` on the calling thread and on `workers - 1` scoped threads.
fn on_workers(workers: usize, work: impl Fn() + Sync) {
    std::thread::scope(|scope| {
        for _ in 1..workers {
            scope.spawn(&work);
        }
        work();
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn for_each_chunk_visits_every_item_once() {
        let items: Vec<usize> = (0..5_000).collect();
        let sum = AtomicUsize::new(0);
        let calls = AtomicUsize::new(0);
        for_each_chunk(&items, 1, |chunk| {
            calls.fetch_add(chunk.len(), Ordering::Relaxed);
            sum.fetch_add(chunk.iter().sum::<usize>(), Ordering::Relaxed);
        });
        assert_eq!(calls.into_inner(), 5_000);
        assert_eq!(sum.into_inner(), items.iter().sum::<usize>());
    }
}
