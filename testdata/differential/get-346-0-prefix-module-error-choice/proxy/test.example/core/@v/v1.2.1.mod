module test.example/core
