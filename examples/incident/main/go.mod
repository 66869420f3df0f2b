module example.com/service

go 1.22

require example.com/payment/v2 v2.3.0

require github.com/shared/auth v1.8.3 // indirect

// Pinned during the 2024 token-format migration; never removed.
replace github.com/shared/auth => github.com/shared/auth v1.5.0
