module example.com/Yaml

go 1.21rc1
