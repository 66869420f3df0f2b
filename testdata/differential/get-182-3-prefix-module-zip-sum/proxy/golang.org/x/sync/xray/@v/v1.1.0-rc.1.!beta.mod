module golang.org/x/sync/xray
