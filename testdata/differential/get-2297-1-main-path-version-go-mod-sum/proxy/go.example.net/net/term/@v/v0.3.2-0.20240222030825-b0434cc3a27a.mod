module go.example.net/net/term

go 1.17

require (
	example.com/xray/v4 v4.3.0
)
