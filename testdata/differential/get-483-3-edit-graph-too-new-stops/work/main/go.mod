module example.com/main

go 1.26.1

toolchain go1.27.3

require example.com/kilo/yankee v1.0.0
require example.com/oscar v1.3.0
require example.org/india v1.2.0
require example.com/charlie v3.0.3+incompatible // indirect
require example.com/quebec/log v1.3.1 // indirect
require github.com/acme/sync/sys v1.3.3 // indirect
require go.example.net/foxtrot v1.3.3 // indirect
