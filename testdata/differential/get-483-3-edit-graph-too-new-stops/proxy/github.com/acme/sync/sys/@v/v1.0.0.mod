module github.com/acme/sync/sys

go 1.25

toolchain go1.22.3

replace github.com/Zeta/alpha/v2 => github.com/Zeta/alpha/v2 v2.1.0
