module example.com/sync

go 1.16

require (
	test.example/golf v3.2.1+incompatible
)
