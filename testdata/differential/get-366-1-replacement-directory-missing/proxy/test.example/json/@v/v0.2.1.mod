module test.example/json
