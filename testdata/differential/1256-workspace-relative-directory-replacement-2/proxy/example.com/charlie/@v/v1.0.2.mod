module example.com/charlie
