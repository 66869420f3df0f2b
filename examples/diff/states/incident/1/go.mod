module example.com/app

go 1.22

require (
	github.com/acme/billing v1.2.0
	github.com/acme/ledger v1.0.0
)

require github.com/shared/auth v1.8.3 // indirect
