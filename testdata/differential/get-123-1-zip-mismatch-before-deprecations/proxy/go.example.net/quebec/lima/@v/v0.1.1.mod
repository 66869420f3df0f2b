module go.example.net/quebec/lima

go 1.22.1

replace example.org/sql/lib v0.2.3-beta.2 => ../nowhere
