module golang.org/x/log

go 1.21.0

require (
	example.com/sys v1.1.1
	golang.org/x/tango/kilo v1.0.0-20200527154109-7c19c43256eb
	github.com/acme/hotel v1.3.1-pre.0.20220206071349-cdd8818ecb8c
	example.org/tango v1.4.3-0.20210809174143-fe7c7f1462c5
)
