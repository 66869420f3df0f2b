module github.com/Zeta/util

go 1.18

require (
	example.org/foxtrot/victor v1.2.2
	example.com/json/lima v1.1.0-pre.0.20200518041133-37b0e57a7773
	example.com/romeo/log v1.1.2
)
