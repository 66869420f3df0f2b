module example.org/bravo

toolchain go1.22.3
