// Command gomvsoracle_mvs records what Go's cmd/go/internal/mvs does on
// generated inputs, as a golden file for crates/gomvs-graph/tests/mvs_oracle.rs.
//
// It is not built in place: scripts/oracle/record-mvs-oracle.sh copies it to
// $GOROOT/src/cmd/go/internal/gomvsoracle_mvs (the only place that may import
// cmd/go/internal/mvs), runs it and deletes the copy. Output: JSON on stdout.
//
// Sections:
//   - abstract: random requirement graphs with the reqsMap semantics of
//     mvs_test.go (string versions, "" = target, "none", ".hidden"), and the
//     results of BuildList, UpgradeAll, Upgrade, Downgrade and Req on them.
//   - graphs: random incremental mvs.Graph histories with modload's
//     cmpVersion (gover.ModCompare, "" greatest): BuildList,
//     WalkBreadthFirst, Selected, FindPath.
//   - errors: BuildList/UpgradeAll/Upgrade over graphs where some modules
//     fail with module.ModuleError, module.InvalidVersionError, wrapped or
//     plain errors: the exact BuildListError text.
//   - panics: the text of Graph.Require's panics.
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/rand"
	"os"
	"runtime"
	"sort"
	"strings"

	"cmd/go/internal/gover"
	"cmd/go/internal/mvs"

	"golang.org/x/mod/module"
)

type mv = module.Version

// ---------------------------------------------------------------- reqsMap

// reqsMap is mvs_test.go's reqsMap, with optional injected errors.
type reqsMap struct {
	reqs       map[mv][]mv
	reqErrs    map[mv]error // Required(m) fails
	upgradeErr map[mv]error // Upgrade(m) fails
}

func (r *reqsMap) Max(_, v1, v2 string) string {
	if v1 == "none" || v2 == "" {
		return v2
	}
	if v2 == "none" || v1 == "" {
		return v1
	}
	if v1 < v2 {
		return v2
	}
	return v1
}

func (r *reqsMap) Upgrade(m mv) (mv, error) {
	if err := r.upgradeErr[m]; err != nil {
		return mv{}, err
	}
	u := mv{Version: "none"}
	for k := range r.reqs {
		if k.Path == m.Path && r.Max(k.Path, u.Version, k.Version) == k.Version && !strings.HasSuffix(k.Version, ".hidden") {
			u = k
		}
	}
	if u.Path == "" {
		return mv{}, fmt.Errorf("missing module: %v", mv{Path: m.Path})
	}
	return u, nil
}

func (r *reqsMap) Previous(m mv) (mv, error) {
	var p mv
	for k := range r.reqs {
		if k.Path == m.Path && p.Version < k.Version && k.Version < m.Version && !strings.HasSuffix(k.Version, ".hidden") {
			p = k
		}
	}
	if p.Path == "" {
		return mv{Path: m.Path, Version: "none"}, nil
	}
	return p, nil
}

func (r *reqsMap) Required(m mv) ([]mv, error) {
	if err := r.reqErrs[m]; err != nil {
		return nil, err
	}
	rr, ok := r.reqs[m]
	if !ok {
		return nil, fmt.Errorf("missing module: %v", m)
	}
	return rr, nil
}

// ---------------------------------------------------------------- JSON shapes

type pair [2]string // [path, version]

func p(m mv) pair { return pair{m.Path, m.Version} }

func ps(list []mv) []pair {
	out := make([]pair, 0, len(list))
	for _, m := range list {
		out = append(out, p(m))
	}
	return out
}

type reqLine struct {
	Module pair   `json:"module"`
	Reqs   []pair `json:"reqs"`
}

// opResult is one algorithm call: want (the list) or error (its text).
type opResult struct {
	Op     string  `json:"op"` // build, upgrade*, upgrade, upgradereq, downgrade, req
	Target pair    `json:"target"`
	Args   []pair  `json:"args,omitempty"` // upgrade/downgrade modules
	Base   []string `json:"base,omitempty"` // req base paths
	Want   []pair  `json:"want"`
	Error  *string `json:"error,omitempty"`
}

type abstractCase struct {
	Name string     `json:"name"`
	Reqs []reqLine  `json:"reqs"`
	Ops  []opResult `json:"ops"`
}

type findResult struct {
	Target pair   `json:"target"`
	Path   []pair `json:"path"`
}

type graphCase struct {
	Name      string            `json:"name"`
	Roots     []pair            `json:"roots"`
	Requires  []reqLine         `json:"requires"`
	BuildList []pair            `json:"build_list"`
	Walk      []pair            `json:"walk"`
	Selected  map[string]string `json:"selected"`
	FindPaths []findResult      `json:"find_paths"`
}

// errSpec describes an error value so that the Rust side can rebuild it.
type errSpec struct {
	Kind    string   `json:"kind"` // text, module, invalid_version, wrap
	Text    string   `json:"text,omitempty"`
	Path    string   `json:"path,omitempty"`
	Version string   `json:"version,omitempty"`
	Pseudo  bool     `json:"pseudo,omitempty"`
	Err     *errSpec `json:"err,omitempty"`
}

func (e *errSpec) build() error {
	switch e.Kind {
	case "text":
		return errors.New(e.Text)
	case "module":
		return &module.ModuleError{Path: e.Path, Version: e.Version, Err: e.Err.build()}
	case "invalid_version":
		return &module.InvalidVersionError{Version: e.Version, Pseudo: e.Pseudo, Err: e.Err.build()}
	case "wrap":
		return fmt.Errorf("%s%w", e.Text, e.Err.build())
	}
	panic("bad kind " + e.Kind)
}

type injected struct {
	Module pair     `json:"module"`
	Err    *errSpec `json:"err"`
}

type errorCase struct {
	Name          string     `json:"name"`
	Reqs          []reqLine  `json:"reqs"`
	RequiredErrs  []injected `json:"required_errors"`
	UpgradeErrs   []injected `json:"upgrade_errors"`
	Op            opResult   `json:"op"`
	ErrorText     *string    `json:"error_text"`
	ErrorModule   *pair      `json:"error_module"`
}

type panicCase struct {
	Name     string    `json:"name"`
	Roots    []pair    `json:"roots"`
	Requires []reqLine `json:"requires"` // the last one panics
	Panic    string    `json:"panic"`
}

// targetPanic is a BuildList whose Reqs breaks the target-is-greatest
// contract: Go panics.
type targetPanic struct {
	Name    string    `json:"name"`
	Reqs    []reqLine `json:"reqs"`
	Targets []pair    `json:"targets"`
	Panic   string    `json:"panic"`
}

type output struct {
	Generator string         `json:"generator"`
	GoVersion string         `json:"go_version"`
	Seed      int64          `json:"seed"`
	Abstract  []abstractCase `json:"abstract"`
	Graphs    []graphCase    `json:"graphs"`
	Errors    []errorCase    `json:"errors"`
	Panics    []panicCase    `json:"panics"`
	Targets   []targetPanic  `json:"target_panics"`
}

// ---------------------------------------------------------------- abstract

func errText(err error) *string {
	if err == nil {
		return nil
	}
	s := err.Error()
	return &s
}

// run calls one algorithm, converting a panic into an error text.
func run(f func() ([]mv, error)) (list []mv, errp *string) {
	defer func() {
		if r := recover(); r != nil {
			s := fmt.Sprintf("panic: %v", r)
			list, errp = nil, &s
		}
	}()
	l, err := f()
	return l, errText(err)
}

func genAbstract(r *rand.Rand, name string) abstractCase {
	npaths := 2 + r.Intn(5)
	paths := "ABCDEFG"[:npaths]
	target := mv{Path: "A", Version: ""}
	var mods []mv
	for i := 0; i < npaths; i++ {
		nv := 1 + r.Intn(5)
		for v := 1; v <= nv; v++ {
			ver := fmt.Sprint(v)
			if r.Intn(7) == 0 {
				ver += ".hidden"
			}
			mods = append(mods, mv{Path: paths[i : i+1], Version: ver})
		}
	}
	pick := func() mv {
		if r.Intn(12) == 0 {
			return mv{Path: string(paths[r.Intn(npaths)]), Version: "none"}
		}
		return mods[r.Intn(len(mods))]
	}
	reqs := &reqsMap{reqs: map[mv][]mv{}}
	var lines []reqLine
	setReqs := func(m mv, n int) {
		var rs []mv
		for j := 0; j < n; j++ {
			rs = append(rs, pick())
		}
		reqs.reqs[m] = rs
		lines = append(lines, reqLine{Module: p(m), Reqs: ps(rs)})
	}
	setReqs(target, 1+r.Intn(4))
	for _, m := range mods {
		setReqs(m, r.Intn(4))
	}
	// As mvs_test.go: every module named on a right-hand side is a key.
	var extra []mv
	for _, rs := range reqs.reqs {
		for _, m := range rs {
			if _, ok := reqs.reqs[m]; !ok {
				extra = append(extra, m)
			}
		}
	}
	sort.Slice(extra, func(i, j int) bool {
		if extra[i].Path != extra[j].Path {
			return extra[i].Path < extra[j].Path
		}
		return extra[i].Version < extra[j].Version
	})
	for _, m := range extra {
		if _, ok := reqs.reqs[m]; !ok {
			reqs.reqs[m] = []mv{}
			lines = append(lines, reqLine{Module: p(m), Reqs: []pair{}})
		}
	}

	c := abstractCase{Name: name, Reqs: lines}
	add := func(op string, args []mv, base []string, f func() ([]mv, error)) {
		list, e := run(f)
		res := opResult{Op: op, Target: p(target), Args: ps(args), Base: base, Error: e}
		if e == nil {
			res.Want = ps(list)
		}
		c.Ops = append(c.Ops, res)
	}
	add("build", nil, nil, func() ([]mv, error) { return mvs.BuildList([]mv{target}, reqs) })
	add("upgrade*", nil, nil, func() ([]mv, error) { return mvs.UpgradeAll(target, reqs) })
	for k := 0; k < 2; k++ {
		var ups []mv
		for j := 0; j < 1+r.Intn(2); j++ {
			ups = append(ups, mods[r.Intn(len(mods))])
		}
		add("upgrade", ups, nil, func() ([]mv, error) { return mvs.Upgrade(target, reqs, ups...) })
		add("upgradereq", ups, nil, func() ([]mv, error) {
			list, err := mvs.Upgrade(target, reqs, ups...)
			if err != nil {
				return nil, err
			}
			up := &reqsMap{reqs: map[mv][]mv{}}
			for m, rs := range reqs.reqs {
				up.reqs[m] = rs
			}
			up.reqs[target] = list
			return mvs.Req(target, nil, up)
		})
	}
	for k := 0; k < 3; k++ {
		var downs []mv
		if k == 0 {
			downs = append(downs, target) // as mvs_test.go does
		}
		for j := 0; j < 1+r.Intn(2); j++ {
			downs = append(downs, mods[r.Intn(len(mods))])
		}
		add("downgrade", downs, nil, func() ([]mv, error) { return mvs.Downgrade(target, reqs, downs...) })
	}
	for k := 0; k < 2; k++ {
		base := []string{}
		for j := 0; j < r.Intn(3); j++ {
			base = append(base, string(paths[r.Intn(npaths)]))
		}
		if r.Intn(6) == 0 {
			base = append(base, "Z") // a path not in the build list
		}
		add("req", nil, base, func() ([]mv, error) { return mvs.Req(target, base, reqs) })
	}
	return c
}

// ---------------------------------------------------------------- graphs

// cmpVersion is modload.cmpVersion.
func cmpVersion(p string, v1, v2 string) int {
	if v2 == "" {
		if v1 == "" {
			return 0
		}
		return -1
	}
	if v1 == "" {
		return 1
	}
	return gover.ModCompare(p, v1, v2)
}

var versionPool = map[string][]string{
	"example.com/a":    {"v1.0.0", "v1.2.0", "v1.10.0", "v1.2.0-pre", "v0.0.0-20200101000000-abcdefabcdef", "v1.2.1-0.20200101000000-abcdefabcdef", "none"},
	"example.com/b":    {"v0.1.0", "v0.9.0", "v0.10.0", "none", "v0.10.0+meta"},
	"example.com/c/v2": {"v2.0.0", "v2.1.0", "v2.1.0-rc.1", "v2.1.0-rc.10", "v2.1.0-rc.2"},
	"example.com/d":    {"v1.0.0", "v2.0.0+incompatible", "v3.0.0+incompatible", "v1.5.0"},
	"example.com/main": {"v1.0.0", "v1.1.0"},
	"go":               {"1.16", "1.21", "1.21rc1", "1.21.0", "1.9", "1.22", "1.21.10", "1.21.2"},
	"toolchain":        {"go1.21.0", "go1.22rc1", "go1.21.10", "go1.22.0"},
}

func genGraph(r *rand.Rand, name string) graphCase {
	var all []mv
	var paths []string
	for path := range versionPool {
		paths = append(paths, path)
	}
	sort.Strings(paths)
	for _, path := range paths {
		for _, v := range versionPool[path] {
			all = append(all, mv{Path: path, Version: v})
		}
	}
	main := mv{Path: "example.com/main", Version: ""}
	roots := []mv{main}
	for r.Intn(3) == 0 {
		roots = append(roots, all[r.Intn(len(all))])
	}
	if r.Intn(4) == 0 {
		roots = append(roots, main) // duplicate root
	}
	g := mvs.NewGraph(cmpVersion, roots)
	c := graphCase{Name: name, Roots: ps(roots), Selected: map[string]string{}}

	reachable := map[mv]bool{}
	var frontier []mv
	for _, m := range roots {
		if !reachable[m] {
			reachable[m] = true
			frontier = append(frontier, m)
		}
	}
	steps := 4 + r.Intn(25)
	for s := 0; s < steps && len(frontier) > 0; s++ {
		i := r.Intn(len(frontier))
		m := frontier[i]
		frontier = append(frontier[:i], frontier[i+1:]...)
		if s > 0 && r.Intn(6) == 0 {
			continue // leave m without requirements
		}
		var rs []mv
		n := r.Intn(5)
		if s == 0 {
			n = 1 + r.Intn(4)
		}
		for j := 0; j < n; j++ {
			d := all[r.Intn(len(all))]
			if r.Intn(15) == 0 {
				d = main
			}
			rs = append(rs, d)
			if !reachable[d] {
				reachable[d] = true
				frontier = append(frontier, d)
			}
		}
		g.Require(m, rs)
		c.Requires = append(c.Requires, reqLine{Module: p(m), Reqs: ps(rs)})
	}
	c.BuildList = ps(g.BuildList())
	c.Walk = []pair{}
	g.WalkBreadthFirst(func(m mv) { c.Walk = append(c.Walk, p(m)) })
	for _, path := range append(paths, "example.com/absent") {
		c.Selected[path] = g.Selected(path)
	}
	// Every module version in the graph, in a random order, and two absent ones.
	var targets []mv
	for m := range reachable {
		targets = append(targets, m)
	}
	sort.Slice(targets, func(i, j int) bool {
		if targets[i].Path != targets[j].Path {
			return targets[i].Path < targets[j].Path
		}
		return targets[i].Version < targets[j].Version
	})
	r.Shuffle(len(targets), func(i, j int) { targets[i], targets[j] = targets[j], targets[i] })
	targets = append(targets, mv{Path: "example.com/absent", Version: "v1.0.0"}, mv{Path: "example.com/a", Version: "v9.0.0"})
	for _, t := range targets {
		path := g.FindPath(func(m mv) bool { return m == t })
		c.FindPaths = append(c.FindPaths, findResult{Target: p(t), Path: ps(path)})
	}
	return c
}

// ---------------------------------------------------------------- errors

func genErrSpec(r *rand.Rand, at mv, others []mv, depth int) *errSpec {
	leaf := &errSpec{Kind: "text", Text: []string{
		"reading file:///proxy/x/@v/v1.0.0.mod: no such file or directory",
		"missing go.sum entry for go.mod file; to add it:\n\tgo mod download x",
		"parsing go.mod:\n\tmodule declares its path as: y\n\t        but was required as: x",
		"boom",
	}[r.Intn(4)]}
	if depth > 2 {
		return leaf
	}
	other := others[r.Intn(len(others))]
	switch r.Intn(7) {
	case 0:
		return leaf
	case 1: // module error about the failing module itself
		return &errSpec{Kind: "module", Path: at.Path, Version: at.Version, Err: genErrSpec(r, at, others, depth+1)}
	case 2: // about another module (a replacement)
		return &errSpec{Kind: "module", Path: other.Path, Version: other.Version, Err: genErrSpec(r, at, others, depth+1)}
	case 3: // module error without a version (a directory replacement)
		return &errSpec{Kind: "module", Path: "../local-" + other.Path, Err: genErrSpec(r, at, others, depth+1)}
	case 4: // module error wrapping an invalid version
		v := at.Version
		if r.Intn(2) == 0 {
			v = other.Version
		}
		return &errSpec{Kind: "module", Path: at.Path, Version: at.Version, Err: &errSpec{Kind: "invalid_version", Version: v, Pseudo: r.Intn(2) == 0, Err: leaf}}
	case 5:
		return &errSpec{Kind: "invalid_version", Version: []string{at.Version, other.Version, "v9.9.9"}[r.Intn(3)], Pseudo: r.Intn(2) == 0, Err: leaf}
	default:
		return &errSpec{Kind: "wrap", Text: "wrapped: ", Err: genErrSpec(r, at, others, depth+1)}
	}
}

func genError(r *rand.Rand, name string) errorCase {
	// Real-looking module paths with the reqsMap order.
	paths := []string{"example.com/a", "example.com/b", "example.com/c", "example.com/d"}
	target := mv{Path: "example.com/main", Version: ""}
	if r.Intn(5) == 0 {
		target.Version = "v1.0.0" // a versioned target is printed
	}
	var mods []mv
	for _, path := range paths {
		for v := 1; v <= 1+r.Intn(3); v++ {
			mods = append(mods, mv{Path: path, Version: fmt.Sprintf("v1.%d.0", v)})
		}
	}
	reqs := &reqsMap{reqs: map[mv][]mv{}, reqErrs: map[mv]error{}, upgradeErr: map[mv]error{}}
	c := errorCase{Name: name}
	set := func(m mv, n int) {
		var rs []mv
		for j := 0; j < n; j++ {
			rs = append(rs, mods[r.Intn(len(mods))])
		}
		reqs.reqs[m] = rs
		c.Reqs = append(c.Reqs, reqLine{Module: p(m), Reqs: ps(rs)})
	}
	set(target, 1+r.Intn(3))
	for _, m := range mods {
		if r.Intn(4) != 0 {
			set(m, r.Intn(3))
		}
		// modules without a line fail with "missing module" from Required
	}
	for _, m := range mods {
		if r.Intn(4) == 0 {
			spec := genErrSpec(r, m, mods, 0)
			reqs.reqErrs[m] = spec.build()
			c.RequiredErrs = append(c.RequiredErrs, injected{Module: p(m), Err: spec})
		}
		if r.Intn(8) == 0 {
			spec := genErrSpec(r, m, mods, 0)
			reqs.upgradeErr[m] = spec.build()
			c.UpgradeErrs = append(c.UpgradeErrs, injected{Module: p(m), Err: spec})
		}
	}
	var f func() ([]mv, error)
	var op opResult
	switch r.Intn(3) {
	case 0:
		op = opResult{Op: "build", Target: p(target)}
		f = func() ([]mv, error) { return mvs.BuildList([]mv{target}, reqs) }
	case 1:
		op = opResult{Op: "upgrade*", Target: p(target)}
		f = func() ([]mv, error) { return mvs.UpgradeAll(target, reqs) }
	default:
		ups := []mv{mods[r.Intn(len(mods))]}
		op = opResult{Op: "upgrade", Target: p(target), Args: ps(ups)}
		f = func() ([]mv, error) { return mvs.Upgrade(target, reqs, ups...) }
	}
	list, err := f()
	if err == nil {
		op.Want = ps(list)
	} else {
		op.Error = errText(err)
		c.ErrorText = errText(err)
		var ble *mvs.BuildListError
		if errors.As(err, &ble) {
			m := p(ble.Module())
			c.ErrorModule = &m
		}
	}
	c.Op = op
	return c
}

// ---------------------------------------------------------------- panics

func requirePanic(roots []mv, lines []reqLine) (s string) {
	defer func() {
		if r := recover(); r != nil {
			s = fmt.Sprint(r)
		}
	}()
	g := mvs.NewGraph(cmpVersion, roots)
	for _, l := range lines {
		var rs []mv
		for _, q := range l.Reqs {
			rs = append(rs, mv{Path: q[0], Version: q[1]})
		}
		g.Require(mv{Path: l.Module[0], Version: l.Module[1]}, rs)
	}
	return ""
}

func main() {
	const seed = 20261121
	r := rand.New(rand.NewSource(seed))
	out := output{
		Generator: "scripts/oracle/record-mvs-oracle.sh (scripts/oracle/mvs/main.go)",
		GoVersion: runtime.Version(),
		Seed:      seed,
	}
	for i := 0; i < 250; i++ {
		out.Abstract = append(out.Abstract, genAbstract(r, fmt.Sprintf("abstract-%03d", i)))
	}
	for i := 0; i < 120; i++ {
		out.Graphs = append(out.Graphs, genGraph(r, fmt.Sprintf("graph-%03d", i)))
	}
	for i := 0; i < 200; i++ {
		out.Errors = append(out.Errors, genError(r, fmt.Sprintf("error-%03d", i)))
	}
	main := mv{Path: "example.com/main"}
	a := mv{Path: "example.com/a", Version: "v1.0.0"}
	b := mv{Path: "example.com/b", Version: "v1.0.0"}
	panics := []panicCase{
		{Name: "unreachable", Roots: ps([]mv{main}), Requires: []reqLine{{Module: p(a), Reqs: []pair{}}}},
		{Name: "unreachable-after-require", Roots: ps([]mv{main}), Requires: []reqLine{
			{Module: p(main), Reqs: ps([]mv{a})}, {Module: p(b), Reqs: ps([]mv{a})}}},
		{Name: "already-set", Roots: ps([]mv{main}), Requires: []reqLine{
			{Module: p(main), Reqs: ps([]mv{a})}, {Module: p(a), Reqs: ps([]mv{b})}, {Module: p(a), Reqs: []pair{}}}},
		{Name: "already-set-main", Roots: ps([]mv{main}), Requires: []reqLine{
			{Module: p(main), Reqs: []pair{}}, {Module: p(main), Reqs: []pair{}}}},
	}
	for _, pc := range panics {
		pc.Panic = requirePanic([]mv{{Path: pc.Roots[0][0], Version: pc.Roots[0][1]}}, pc.Requires)
		out.Panics = append(out.Panics, pc)
	}
	// String order: "1" < "2", so a target at "1" requiring its own path at
	// "2" is not selected.
	for i, tc := range []struct {
		targets []mv
		lines   []reqLine
	}{
		{[]mv{{Path: "A", Version: "1"}}, []reqLine{{Module: pair{"A", "1"}, Reqs: []pair{{"A", "2"}, {"B", "1"}}}, {Module: pair{"A", "2"}, Reqs: []pair{}}, {Module: pair{"B", "1"}, Reqs: []pair{}}}},
		{[]mv{{Path: "A", Version: ""}, {Path: "B", Version: "1"}}, []reqLine{{Module: pair{"A", ""}, Reqs: []pair{{"B", "2"}}}, {Module: pair{"B", "1"}, Reqs: []pair{}}, {Module: pair{"B", "2"}, Reqs: []pair{}}}},
	} {
		reqs := &reqsMap{reqs: map[mv][]mv{}}
		for _, l := range tc.lines {
			var rs []mv
			for _, q := range l.Reqs {
				rs = append(rs, mv{Path: q[0], Version: q[1]})
			}
			reqs.reqs[mv{Path: l.Module[0], Version: l.Module[1]}] = rs
		}
		_, e := run(func() ([]mv, error) { return mvs.BuildList(tc.targets, reqs) })
		msg := ""
		if e != nil {
			msg = strings.TrimPrefix(*e, "panic: ")
		}
		out.Targets = append(out.Targets, targetPanic{Name: fmt.Sprintf("target-panic-%d", i), Reqs: tc.lines, Targets: ps(tc.targets), Panic: msg})
	}
	if err := write(out); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// write prints out as JSON with one case per line (diffable, compact).
func write(out output) error {
	w := os.Stdout
	enc := func(v any) (string, error) {
		var b strings.Builder
		e := json.NewEncoder(&b)
		e.SetEscapeHTML(false)
		if err := e.Encode(v); err != nil {
			return "", err
		}
		return strings.TrimSuffix(b.String(), "\n"), nil
	}
	head := map[string]any{"generator": out.Generator, "go_version": out.GoVersion, "seed": out.Seed}
	h, err := enc(head)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "%s,\n", strings.TrimSuffix(h, "}"))
	sections := []struct {
		name  string
		items []any
	}{
		{"abstract", anys(out.Abstract)},
		{"graphs", anys(out.Graphs)},
		{"errors", anys(out.Errors)},
		{"panics", anys(out.Panics)},
		{"target_panics", anys(out.Targets)},
	}
	for i, sec := range sections {
		fmt.Fprintf(w, "%q: [\n", sec.name)
		for j, item := range sec.items {
			line, err := enc(item)
			if err != nil {
				return err
			}
			sep := ","
			if j == len(sec.items)-1 {
				sep = ""
			}
			fmt.Fprintf(w, "%s%s\n", line, sep)
		}
		end := "],"
		if i == len(sections)-1 {
			end = "]}"
		}
		fmt.Fprintln(w, end)
	}
	return nil
}

func anys[T any](list []T) []any {
	out := make([]any, len(list))
	for i, v := range list {
		out[i] = v
	}
	return out
}
