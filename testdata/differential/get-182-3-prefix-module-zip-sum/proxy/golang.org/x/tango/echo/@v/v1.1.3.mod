module golang.org/x/tango/echo

go 1.17

toolchain go1.25.1
