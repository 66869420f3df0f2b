module example.org/crypto

go 1.20

require (
	gopkg.in/sierra.v3 v3.0.0-20200911120507-356bf7ddeb8e
	gopkg.in/sierra.v3 v3.0.0-20200911120507-356bf7ddeb8e
	gopkg.in/sierra.v3 v3.0.0-20200911120507-356bf7ddeb8e
)
