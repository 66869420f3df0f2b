module example.com/util/net
