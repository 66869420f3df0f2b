module golang.org/x/tango/echo
