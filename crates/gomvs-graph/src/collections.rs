//! The hash maps and sets of the loader and the graph.
//!
//! Keys are module versions, module paths and node ids, hashed millions of
//! times when a large graph loads; [`foldhash`] (the hasher `hashbrown`
//! itself defaults to) hashes them several times faster than the standard
//! library's SipHash. The seed is random per process, as with SipHash, so
//! crafted inputs cannot force collisions, and nothing may depend on the
//! iteration order.

use std::collections::{HashMap, HashSet};

/// The hasher of [`FastMap`] and [`FastSet`].
pub type FastHasher = foldhash::fast::RandomState;

/// A [`HashMap`] with [`FastHasher`].
pub type FastMap<K, V> = HashMap<K, V, FastHasher>;

/// A [`HashSet`] with [`FastHasher`].
pub type FastSet<T> = HashSet<T, FastHasher>;

/// An [`indexmap::IndexSet`] with [`FastHasher`]: a set that keeps the
/// order of insertion (for what is reported in the order it happened).
pub type FastIndexSet<T> = indexmap::IndexSet<T, FastHasher>;
