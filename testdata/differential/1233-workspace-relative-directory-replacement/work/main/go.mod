module example.com/main

go 1.27

require (
	github.com/Zeta/yaml v0.3.2
	example.com/ws3 v1.9.0
)

require (
	example.com/yaml v0.4.3 // indirect
	github.com/Zeta/oscar/xRay v1.1.2 // indirect
)

replace github.com/Zeta/yaml => ../local-1
exclude example.com/tExt v0.1.1
exclude github.com/Zeta/yaml v0.3.2
