module example.com/deps // Deprecated: inline form
go 1.22
