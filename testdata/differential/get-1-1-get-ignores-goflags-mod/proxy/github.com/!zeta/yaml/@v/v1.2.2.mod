module github.com/Zeta/yaml
