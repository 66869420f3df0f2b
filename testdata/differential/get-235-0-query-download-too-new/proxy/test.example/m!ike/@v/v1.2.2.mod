module test.example/mIke

go 1.17

require (
	golang.org/x/neT/romeo v0.0.3
	example.org/osCar v1.2.0
	golang.org/x/neT/romeo v0.1.2
	example.com/log/yankee v1.3.1
)
