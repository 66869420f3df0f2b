//! JSON exactly as Go's `encoding/json` `MarshalIndent(v, "", "\t")` writes it.
