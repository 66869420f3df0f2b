module example.com/many
require a
require b v1 extra
exclude c
replace d
tool
ignore
bogus
go 1.21
go 1.22
toolchain x
retract
