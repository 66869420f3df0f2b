module gopkg.in/json.v1

go 1.22.1

require (
	test.example/kilo/text v1.4.0
)

retract v1.0.0-rc.1.Beta
