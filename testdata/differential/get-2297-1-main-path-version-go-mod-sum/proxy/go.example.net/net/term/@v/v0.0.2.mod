module go.example.net/net/term

require (
	example.com/xray/v4 v4.2.0
	github.com/Zeta/core/yaml v0.0.0-20230823012426-7c2adf230d1a
)
