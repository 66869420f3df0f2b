module test.example/term/quebec

go 1.22

toolchain go1.25.1
