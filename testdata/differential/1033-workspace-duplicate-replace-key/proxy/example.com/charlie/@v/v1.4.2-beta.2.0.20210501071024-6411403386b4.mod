module example.com/charlie

go 1.23

require (
	gopkg.in/sierra.v3 v3.0.0-20200911120507-356bf7ddeb8e
)
