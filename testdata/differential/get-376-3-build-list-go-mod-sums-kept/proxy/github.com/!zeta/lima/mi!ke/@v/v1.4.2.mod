module github.com/Zeta/lima/miKe

go 1.22.1

require (
	github.com/Zeta/november/log v1.4.0
)
