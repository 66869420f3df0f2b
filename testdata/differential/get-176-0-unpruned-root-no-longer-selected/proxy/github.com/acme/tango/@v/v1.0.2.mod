module github.com/acme/tango

go 1.16

require (
	github.com/acme/hotel v1.3.1-pre.0.20220206071349-cdd8818ecb8c
	github.com/acme/hotel v1.3.1-pre.0.20220206071349-cdd8818ecb8c
)
