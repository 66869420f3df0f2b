module example.org/log/kilo
