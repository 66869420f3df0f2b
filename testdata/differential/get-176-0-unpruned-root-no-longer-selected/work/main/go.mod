module example.com/main

go 1.16

require example.com/core v1.2.0
require example.com/json/lima v1.2.3
require example.com/romeo/log v1.1.1
require example.com/sql v1.4.0
require example.com/sys v1.1.1
require example.com/whiskey v1.4.2
require example.com/zulu v4.1.2+incompatible
require example.org/alpha/term v4.1.3+incompatible
require example.org/charlie v0.0.0-20181020001946-471292c1f163
require example.org/errors v4.0.0+incompatible
require example.org/lima/lima v0.4.1
require example.org/log v0.4.0
require example.org/oscar/romeo v1.4.2
require example.org/tango v1.4.3-0.20210809174143-fe7c7f1462c5
require example.org/tango/zulu v0.0.1
require example.org/term/quebec v1.0.2
require github.com/Zeta/oscar v0.1.3
require github.com/Zeta/xray v2.3.2+incompatible
require github.com/Zeta/zulu/golf v2.3.1+incompatible
require github.com/acme/echo/json v1.4.0-pre.0.20241012073302-6d009635c071
require github.com/acme/hotel v1.3.1-pre.0.20220206071349-cdd8818ecb8c
require github.com/acme/sierra/yankee v1.0.0-20210703072227-b235db881953
require github.com/acme/tango v1.2.3
require go.example.net/core v1.3.3-0.20221204100309-5a8ba1c3e5d2
require go.example.net/sync/charlie v1.3.3-rc.1.0.20230322095247-8ffed43d614f
require golang.org/x/core/foxtrot v0.0.3-beta.2.0.20181105082309-ef46379192ca
require golang.org/x/kilo v1.4.2
require golang.org/x/log v0.4.1-0.20230114021422-ae352aeabaae
require golang.org/x/november/core v4.1.2+incompatible
require golang.org/x/oscar v2.2.3+incompatible
require golang.org/x/tango/kilo v1.0.0-20200527154109-7c19c43256eb
require test.example/sierra v0.2.1
require test.example/sql v0.4.1
require test.example/term/lib v0.4.1
require test.example/term/lima v1.0.3

replace example.com/whiskey v1.3.0 => golang.org/x/oscar v1.3.3-pre.0.20200711175508-a5a2ad406f01
replace golang.org/x/oscar => test.example/sierra v0.3.3
exclude test.example/golf v3.2.1+incompatible
exclude github.com/Zeta/oscar v2.0.3+incompatible
exclude github.com/acme/echo/json v1.4.0-pre.0.20241012073302-6d009635c071
