module example.com/golf

go 1.13

toolchain go1.24.2

retract [v0.0.3-beta.11, v0.2.0]
