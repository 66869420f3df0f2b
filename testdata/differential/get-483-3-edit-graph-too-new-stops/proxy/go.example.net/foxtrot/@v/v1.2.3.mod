module go.example.net/foxtrot

go 1.21

toolchain go1.23.0
