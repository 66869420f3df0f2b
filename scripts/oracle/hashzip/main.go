// Command hashzip prints golang.org/x/mod/sumdb/dirhash.HashZip(zip, Hash1)
// for each zip file named on the command line, one "<base name> <hash or
// error:...>" line each: the oracle for scripts/record-dirhash-goldens.sh.
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"golang.org/x/mod/sumdb/dirhash"
)

func main() {
	for _, z := range os.Args[1:] {
		h, err := dirhash.HashZip(z, dirhash.Hash1)
		if err != nil {
			fmt.Printf("%s error:%v\n", filepath.Base(z), err)
			continue
		}
		fmt.Printf("%s %s\n", filepath.Base(z), h)
	}
}
