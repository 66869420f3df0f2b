module example.com/app

go 1.22

require (
	example.com/a v1.0.0
	example.com/b v1.2.0
	example.com/c v1.0.0
)

require example.com/crypto v1.3.0-rc.1 // indirect

replace example.com/c => example.com/c v0.9.0
