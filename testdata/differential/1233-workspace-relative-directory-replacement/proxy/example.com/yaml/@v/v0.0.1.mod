module example.com/yaml

go 1.21rc1
