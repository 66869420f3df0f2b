module example.com/log/yankee

require (
	example.com/victor v1.0.1
	example.com/quebec/sys/sub v1.0.0
	golang.org/x/alpha/teXt v1.0.2-0.20230815111759-c6d613537393
	example.com/victor v4.1.1+incompatible
)
