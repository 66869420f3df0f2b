//! Minimal version selection: the incremental requirement graph and the
//! algorithms of `cmd/go/internal/mvs` (BuildList, Req, Upgrade, Downgrade).
