module github.com/Zeta/xray/yaml

go 1.26.1
