module example.com/victor/crypto

go 1.17

require (
	github.com/acme/tango v1.0.2
	test.example/golf v1.0.0-20240125233314-d5c5c05b644b
	example.com/romeo/log v2.3.2+incompatible
)
