module example.com/app

go 1.22

require (
	example.com/fine v1.0.0
	example.com/retracted v1.1.0
	example.com/sunset v1.0.0
)
