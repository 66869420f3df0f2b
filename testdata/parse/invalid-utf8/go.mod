// Deprecated: bad ÿ byte
module example.com/Ãx
require example.com/ÿ v1.0.0 // indirect
require "example.com/\xfe" v1.0.0
replace "example.com/í €" => ./dÿ
// rationale ÿ
retract v1.0.0
