module gopkg.in/crypto.v3

require (
	gopkg.in/xray.v3 v3.4.2
	example.org/sql/yaml v0.0.3-beta.11
)
