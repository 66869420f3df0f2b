module example.org/sql/sync
