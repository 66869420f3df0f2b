module example.com/quebec/sys/sub

require (
	example.com/victor v4.0.3+incompatible
	github.com/Zeta/zulu/v5 v5.4.3
)
