// Command parsebench times golang.org/x/mod/modfile.ParseLax over every go.mod
// file of the shared corpus: the Go side of scripts/bench-parse-vs-go.sh.
//
// Files: every regular file under <corpus dir> named go.mod or ending in .mod,
// in sorted path order (the same rule as benches/benches/parse.rs). All files
// are read into memory first; then the whole set is parsed repeatedly for at
// least -seconds (after one warm-up pass), and the best and median pass times
// are reported as MiB/s and files/s, plus the mean CPU time per pass ("cpu").
package main

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"

	"golang.org/x/mod/modfile"
)

type file struct {
	name string
	data []byte
}

func main() {
	seconds := flag.Float64("seconds", 10, "minimum total measuring time")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: parsebench [-seconds N] <corpus dir>")
		os.Exit(2)
	}
	root := flag.Arg(0)
	var names []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() && (d.Name() == "go.mod" || strings.HasSuffix(d.Name(), ".mod")) {
			names = append(names, p)
		}
		return nil
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if len(names) == 0 {
		fmt.Fprintf(os.Stderr, "no go.mod files under %s\n", root)
		os.Exit(1)
	}
	sort.Strings(names)
	files := make([]file, 0, len(names))
	total := 0
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		files = append(files, file{n, data})
		total += len(data)
	}
	pass := func() (time.Duration, int) {
		errs := 0
		start := time.Now()
		for _, f := range files {
			if _, err := modfile.ParseLax(f.name, f.data, nil); err != nil {
				errs++
			}
		}
		return time.Since(start), errs
	}
	_, errs := pass() // warm-up
	var times []time.Duration
	var sum time.Duration
	cpu0 := cpuTime()
	for sum < time.Duration(*seconds*float64(time.Second)) || len(times) < 5 {
		d, _ := pass()
		times = append(times, d)
		sum += d
	}
	cpu := (cpuTime() - cpu0) / time.Duration(len(times))
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	report := func(label string, d time.Duration) {
		s := d.Seconds()
		fmt.Printf("go %-6s pass %9.3f ms  %8.2f MiB/s  %10.0f files/s\n", label, s*1e3,
			float64(total)/s/(1<<20), float64(len(files))/s)
	}
	fmt.Printf("go files %d, bytes %d, parse errors %d, passes %d\n", len(files), total, errs, len(times))
	report("best", times[0])
	report("median", times[len(times)/2])
	report("cpu", cpu)
}

// cpuTime is the process's user+system CPU time (all threads, GC included):
// robust against other load on a shared machine, unlike wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
