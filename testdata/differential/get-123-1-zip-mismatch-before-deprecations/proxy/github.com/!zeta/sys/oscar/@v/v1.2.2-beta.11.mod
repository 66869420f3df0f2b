module github.com/Zeta/sys/oscar

require (
	gopkg.in/kilo.v2 v2.3.3
)

retract v1.2.2-beta.11
