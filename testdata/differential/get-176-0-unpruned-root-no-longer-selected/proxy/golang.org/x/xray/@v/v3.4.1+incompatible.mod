module golang.org/x/xray

require (
	example.com/sys v1.0.3-0.20211002214618-83a7807eed9f
	test.example/sierra v0.3.3
)
