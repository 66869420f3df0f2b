module github.com/Zeta/alpha/v2

go 1.17

require (
	github.com/acme/sync/sys v1.0.1-0.20210805201009-e36a1c7de2fa
	example.com/quebec/log v1.3.1
)
