module "example.com/<a>&b"
require "example.com/\u2028x" v1.0.0 // indirect
replace "example.com/\t" => "./d\u2029"
// Deprecated: <html> & \u2028
retract v1.0.0
