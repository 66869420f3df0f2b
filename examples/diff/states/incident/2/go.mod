module example.com/app

go 1.22

require (
	github.com/acme/billing v1.2.0
	github.com/acme/ledger v1.0.0
)

require github.com/shared/auth v1.8.3 // indirect

// Pinned during the 2024 token-format migration; never removed.
replace github.com/shared/auth => github.com/shared/auth v1.5.0
