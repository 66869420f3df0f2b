module example.com/g
godebug noeq
godebug a="b"
godebug a,b=c
godebug a=1 b=2
