module example.com/main

go 1.23.4

require (
	example.com/log/yankee v1.3.1
	example.com/quebec/sys/sub v1.3.1-alpha.0.20221210150259-8140ef443132
	example.com/victor v4.1.1+incompatible
	example.org/osCar v1.2.0
	github.com/Zeta/zulu/v5 v5.4.3
	github.com/acme/yankee v1.0.4-0.20240612021412-2ae1988c46b8
	golang.org/x/alpha/teXt v1.0.2-0.20230815111759-c6d613537393
	golang.org/x/juliet/taNgo v4.3.2+incompatible
	golang.org/x/neT/romeo v0.1.2
	test.example/mIke v1.2.2
)

replace example.com/quebec/sys => test.example/fork-lib/uniform v0.1.0
