module github.com/acme/papa/net

require (
	test.example/core v1.2.1
	test.example/xray/log v1.1.3
	example.org/xray v1.0.1
)
