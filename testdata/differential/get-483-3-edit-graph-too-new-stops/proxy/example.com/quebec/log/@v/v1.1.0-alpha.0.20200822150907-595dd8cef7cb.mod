module example.com/quebec/log

go 1.28

require (
	github.com/acme/sync/sys v1.0.1-0.20210805201009-e36a1c7de2fa
	example.com/charlie v3.0.3+incompatible
	example.com/charlie v1.2.3
)
