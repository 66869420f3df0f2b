module example.com/main

go 1.25.0

require (
	example.com/text v4.0.1+incompatible
	example.com/yaml v1.3.2
	github.com/acme/juliet v1.2.0
	github.com/acme/lib/errors v1.3.0
	go.example.net/lima/papa v2.4.1+incompatible
	golang.org/x/alpha/november v1.3.3
	golang.org/x/india/sub v1.4.0
	golang.org/x/papa/india v1.4.0
	golang.org/x/sync/victor v1.0.1
	golang.org/x/tango v0.0.3
	golang.org/x/tango/sub v1.1.1
	test.example/crypto v1.3.1
	golang.org/x/papa/india v0.0.0-00010101000000-000000000000
)

replace github.com/acme/lib/errors => github.com/Zeta/term/json v1.3.2
replace github.com/Zeta/term/json => golang.org/x/tango v0.0.3
replace golang.org/x/papa/india v0.0.0-00010101000000-000000000000 => github.com/Zeta/fork-lib/foxtrot v0.1.0
