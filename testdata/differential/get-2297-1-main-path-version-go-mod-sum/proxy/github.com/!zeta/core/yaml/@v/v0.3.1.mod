module github.com/Zeta/core/yaml

go 1.23.4
