module example.com/main

go 1.25.0

require example.org/alpha v0.0.2
require test.example/sys v1.3.2
require go.example.net/india v0.4.2
require test.example/lib/bravo v0.4.2
require go.example.net/november/oscar v1.1.1-pre.0.20190608211256-9f375c6f4c5c

replace go.example.net/november/oscar v1.0.0 => example.org/sql v0.1.0
replace test.example/sys v1.0.0-20220516160231-534b03fdf9e2 => example.org/fork-net v0.1.0
exclude go.example.net/november/oscar v1.3.1-0.20221010030618-a225f5b98a25
exclude go.example.net/india v0.0.0
