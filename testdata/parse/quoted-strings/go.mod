module "example.com/quoted"
go 1.21
require "example.com/a" "v1.0.0"
require "example.com/b\x2fc" v1.0.0
require "example.com/\u00e9" v1.0.0
replace "example.com/a" => "./local dir"
tool "example.com/tool"
ignore "./ignored"
