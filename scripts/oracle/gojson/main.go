// Command gojson prints what go's json.MarshalIndent writes for every ASCII
// byte and a few special runes; crates/gomvs-cli/src/gojson.rs's
// every_ascii_byte_like_go test expects exactly its "S" string.
// Run: GO111MODULE=off go run scripts/oracle/gojson/main.go
package main

import (
	"encoding/json"
	"os"
)

func main() {
	var b []byte
	for i := 0; i < 0x80; i++ {
		b = append(b, byte(i))
	}
	s := string(b) + "\u2028\u2029\ufffd\xff\xc3é\U0001F600\ufeff\u00a0"
	out, _ := json.MarshalIndent(map[string]any{"S": s, "E": []string{}, "O": struct{}{}, "N": []string{"a"}}, "", "\t")
	os.Stdout.Write(out)
}
