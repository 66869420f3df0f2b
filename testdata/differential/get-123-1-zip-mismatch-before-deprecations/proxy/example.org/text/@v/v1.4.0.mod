module example.org/text

go 1.16

exclude github.com/Zeta/sys/oscar v1.2.2-dev
