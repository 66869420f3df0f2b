module github.com/acme/log

go 1.17

require (
	github.com/Zeta/xray/yaml v4.1.1+incompatible
)
