module example.org/papa

go 1.23

replace example.com/charlie v1.2.3 => ../nowhere
