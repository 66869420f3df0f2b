module example.com/xray/v4

go 1.23

require (
	go.example.net/yaml/victor v1.0.1
)
