module example.com/m
go 1.21
toolchain go1.21.0
godebug default=go1.21
require example.com/a v1.0.0
exclude example.com/a v0.9.0
replace example.com/a => ./a
retract v0.1.0
tool example.com/a/cmd
ignore ./node_modules
