module example.org/lima/lima

require (
	example.com/zulu v2.2.0+incompatible
	example.com/zulu v4.1.2+incompatible
)
