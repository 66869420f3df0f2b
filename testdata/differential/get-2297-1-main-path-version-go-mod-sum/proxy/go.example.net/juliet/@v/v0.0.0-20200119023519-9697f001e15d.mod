module go.example.net/juliet

go 1.17

require (
	example.com/xray/v4 v4.4.0
	go.example.net/yaml/victor v1.0.1
)
