//! Benchmark support crate (benches live in `benches/benches/`).
