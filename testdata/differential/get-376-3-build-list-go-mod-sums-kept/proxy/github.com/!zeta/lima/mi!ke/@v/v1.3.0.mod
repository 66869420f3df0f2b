module github.com/Zeta/lima/miKe

go 1.21rc1

require (
	golang.org/x/mike v1.0.2
)
