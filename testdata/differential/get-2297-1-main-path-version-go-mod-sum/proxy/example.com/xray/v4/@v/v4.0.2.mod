module example.com/xray/v4

go 1.21.0

require (
	github.com/Zeta/core/yaml v0.0.0-20230823012426-7c2adf230d1a
	github.com/Zeta/core/yaml v0.3.1
)
