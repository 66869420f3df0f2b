module example.org/osCar

go 1.17

require (
	github.com/Zeta/zulu/v5 v5.4.0
	example.com/quebec/sys/sub v1.3.1-alpha.0.20221210150259-8140ef443132
)
