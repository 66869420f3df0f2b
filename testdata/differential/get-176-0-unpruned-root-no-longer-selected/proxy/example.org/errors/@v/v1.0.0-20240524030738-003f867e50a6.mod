module example.org/errors

require (
	example.org/tango v1.4.3-0.20210809174143-fe7c7f1462c5
)
