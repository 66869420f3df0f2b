module test.example/foxtrot

go 1.20

require (
	github.com/acme/sieRra v1.3.3
	github.com/Zeta/lima/miKe v1.3.0
	github.com/Zeta/net v2.2.3+incompatible
)
