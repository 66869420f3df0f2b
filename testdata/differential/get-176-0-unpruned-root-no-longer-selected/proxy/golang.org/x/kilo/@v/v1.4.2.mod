module golang.org/x/kilo

go 1.27

require (
	example.com/sql v1.0.4-0.20200508131554-a91cfdaba91c
	example.org/tango/zulu v0.0.0-20191201195754-a3442d864fe2
)
