module github.com/Zeta/oscar

go 1.21

require (
	golang.org/x/oscar v2.2.3+incompatible
	example.com/sys v1.0.1-0.20181002193912-c6a22afdeb3d
	golang.org/x/tango/kilo v1.0.0-20200527154109-7c19c43256eb
)
