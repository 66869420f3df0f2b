module example.org/foxtrot/victor

go 1.20

require (
	example.org/charlie v0.0.0-20181020001946-471292c1f163
	github.com/acme/hotel v1.3.1-pre.0.20220206071349-cdd8818ecb8c
)
