module example.com/main

go 1.23.4

toolchain go1.24.2

require example.org/xray v1.0.1
require example.com/juliet/uniform v0.3.2
require github.com/acme/papa/net v0.3.1
require example.com/sys v4.3.2+incompatible
require example.org/text v1.2.1 // indirect
