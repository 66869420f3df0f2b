module example.com/quebec/log

go 1.19

require (
	go.example.net/foxtrot v1.3.3
	example.com/charlie v1.0.0-20211201044107-14695b161b24
	github.com/acme/sync/sys v1.0.1-0.20210805201009-e36a1c7de2fa
	example.com/oscar v1.3.0
)
