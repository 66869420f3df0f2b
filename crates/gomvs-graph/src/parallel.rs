//! Work split across the machine's cores: the one mechanism behind the
//! loader's go.mod prefetch and the listing's rows.
//!
//! Items are handed out in chunks through one atomic counter, so a worker
//! that finishes early takes over part of a slower one's share; the calling
//! thread works too. Below `min_items` everything runs in line: starting a
//! thread costs about as much as reading and parsing a dozen go.mod files.

use std::sync::atomic::{AtomicUsize, Ordering};

/// Threads used at most (the work is file reads and short parses: past
/// four, the kernel's per-directory locks and the allocator gain nothing).
const MAX_THREADS: usize = 4;

/// Most items per chunk.
const MAX_CHUNK: usize = 256;

/// Fewest items per chunk (a chunk is one atomic increment, and for
/// [`map_in_order`] one small vector).
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
    for_each_indexed_chunk(items, min_items, |_, chunk| f(chunk));
}

/// [`for_each_chunk`], with each chunk's start index in `items`.
fn for_each_indexed_chunk<T: Sync>(items: &[T], min_items: usize, f: impl Fn(usize, &[T]) + Sync) {
    let workers = workers_for(items.len(), min_items);
    if workers < 2 {
        if !items.is_empty() {
            f(0, items);
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
        f(start, chunk);
    };
    std::thread::scope(|scope| {
        for _ in 1..workers {
            scope.spawn(work);
        }
        work();
    });
}

/// `items.iter().map(f).collect()`, computed on up to [`MAX_THREADS`]
/// threads when there are at least `min_items` items; the results keep the
/// order of `items`. `f` must not depend on the order it is called in.
pub(crate) fn map_in_order<T: Sync, R: Send>(
    items: &[T],
    min_items: usize,
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    if workers_for(items.len(), min_items) < 2 {
        return items.iter().map(f).collect();
    }
    let done: std::sync::Mutex<Vec<(usize, Vec<R>)>> = std::sync::Mutex::new(Vec::new());
    for_each_indexed_chunk(items, min_items, |start, chunk| {
        let results: Vec<R> = chunk.iter().map(&f).collect();
        if let Ok(mut done) = done.lock() {
            done.push((start, results));
        }
    });
    let mut done = done.into_inner().unwrap_or_else(|e| e.into_inner());
    done.sort_unstable_by_key(|(start, _)| *start);
    done.into_iter().flat_map(|(_, r)| r).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn map_in_order_keeps_the_order_of_its_items() {
        let items: Vec<u64> = (0..10_000).collect();
        let squares = map_in_order(&items, 1, |x| x * x);
        assert_eq!(squares, items.iter().map(|x| x * x).collect::<Vec<_>>());
    }

    #[test]
    fn small_batches_and_zero_sized_items_run_in_line() {
        assert_eq!(map_in_order(&[1, 2, 3], 24, |x| x + 1), vec![2, 3, 4]);
        let units = vec![(); 1000];
        assert_eq!(map_in_order(&units, 1, |_| 7).len(), 1000);
        let empty: [u8; 0] = [];
        assert!(map_in_order(&empty, 0, |x| *x).is_empty());
    }

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
