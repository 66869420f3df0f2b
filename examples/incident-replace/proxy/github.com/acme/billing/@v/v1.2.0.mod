module github.com/acme/billing

go 1.22

require github.com/shared/auth v1.8.3

// Ignored by Go: only the main module's replace directives count.
replace github.com/shared/auth => github.com/shared/auth v1.8.3
