module github.com/Zeta/yaml

go 1.14

toolchain go1.25.1
