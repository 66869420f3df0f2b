module github.com/Zeta/core/yaml
