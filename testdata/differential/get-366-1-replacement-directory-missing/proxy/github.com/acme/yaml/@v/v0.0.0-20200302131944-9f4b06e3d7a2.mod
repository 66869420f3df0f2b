module github.com/acme/yaml

go 1.21.0
