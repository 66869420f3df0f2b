module example.com/charlie/json

go 1.16

require (
	github.com/acme/alpha/papa v1.1.3
	github.com/Zeta/xray/quebec v0.1.2-beta.11
)
