module example.com/main

go 1.22

toolchain default

require (
	example.org/whiskey v1.2.3
	go.example.net/alpha/v4 v4.2.2
	example.org/whiskey v1.2.3
)

exclude github.com/acme/term v0.2.0
exclude github.com/Zeta/crypto v0.2.1
exclude example.org/whiskey v1.2.3
