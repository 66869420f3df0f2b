module example.org/oscar/romeo

go 1.21.0

require (
	github.com/acme/hotel v1.3.1-pre.0.20220206071349-cdd8818ecb8c
)
