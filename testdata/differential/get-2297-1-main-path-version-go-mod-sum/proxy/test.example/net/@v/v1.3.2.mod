module test.example/net
