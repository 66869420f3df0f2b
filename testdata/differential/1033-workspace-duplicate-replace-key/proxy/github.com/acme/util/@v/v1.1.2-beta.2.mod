module github.com/acme/util

go 1.21rc1

require (
	example.org/crypto v1.3.4-0.20190303014427-1e9439a1a57f
)
