module example.com/t
toolchain go2
toolchain go1.21.0
toolchain default
toolchain
