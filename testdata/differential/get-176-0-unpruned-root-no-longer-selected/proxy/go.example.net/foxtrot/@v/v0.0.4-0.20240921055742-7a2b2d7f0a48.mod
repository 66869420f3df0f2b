module go.example.net/foxtrot

go 1.21rc1

require (
	test.example/sierra v0.2.1
)
