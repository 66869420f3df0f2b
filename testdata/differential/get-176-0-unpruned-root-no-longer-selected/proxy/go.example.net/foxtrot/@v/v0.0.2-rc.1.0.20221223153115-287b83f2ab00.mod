module go.example.net/foxtrot

go 1.17

require (
	test.example/golf v3.2.1+incompatible
)
