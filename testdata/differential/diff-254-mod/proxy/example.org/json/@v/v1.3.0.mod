module example.org/json

go 1.19

require (
	github.com/Zeta/xray/quebec v0.1.2-beta.11
)
