module test.example/sierra/log
