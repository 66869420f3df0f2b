module test.example/quebec
