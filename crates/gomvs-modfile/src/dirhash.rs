//! `h1:` hashes (`golang.org/x/mod/sumdb/dirhash.Hash1`) of go.mod files and module zips.
