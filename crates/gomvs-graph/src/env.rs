//! The Go command's environment as gomvs reads it (GOPROXY, GOMODCACHE,
//! GOPATH, GOFLAGS, GOWORK, GOTOOLCHAIN...), from a variable map so that
//! tests and embedders do not depend on the process environment.
