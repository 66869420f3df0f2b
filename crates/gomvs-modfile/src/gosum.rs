//! go.sum files (`modfetch.readGoSum`).
