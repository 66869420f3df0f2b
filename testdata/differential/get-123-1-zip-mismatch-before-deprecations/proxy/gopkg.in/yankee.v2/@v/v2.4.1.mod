module gopkg.in/yankee.v2

go 1.14

require (
	gopkg.in/json.v1 v1.4.1-dev
	test.example/juliet/papa v1.3.2
)
