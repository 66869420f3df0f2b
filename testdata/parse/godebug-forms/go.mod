module example.com/g
godebug (
	panicnil=1
	=empty
	key=
	k=v=w
)
godebug x=1
