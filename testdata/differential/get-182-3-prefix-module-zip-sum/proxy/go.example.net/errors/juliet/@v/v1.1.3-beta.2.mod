module go.example.net/errors/juliet

go 1.21rc1

toolchain go1.27.3
