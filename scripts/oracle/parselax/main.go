// Command parselax is the Go oracle for gomvs's go.mod parser. For every
// file name read from stdin (one per line) it parses the file with
// modfile.ParseLax(name, data, nil) and modfile.Parse(name, data, nil) (the
// latter is what `go mod edit` uses) and prints one JSON line with either
// the error text or a normalized dump of the result, including every
// directive's span and the whole syntax tree with its comments. It also
// parses with a deterministic test fixer (testFix), and go.work files (names
// ending in .work) with modfile.ParseWork.
// `gomvs parse --lax-dump` prints the same lines; scripts/conformance-parselax.py
// compares them.
//
// It imports the vendored golang.org/x/mod, so it must be run from inside
// GOROOT/src/cmd (see scripts/conformance-parselax.py).
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"os"
	"strings"

	"golang.org/x/mod/modfile"
	"golang.org/x/mod/module"
)

// testFix is a deterministic VersionFixer exercising every path of
// parseVersion and fixRetract; `gomvs parse --lax-dump` implements the same.
func testFix(path, vers string) (string, error) {
	switch {
	case strings.HasPrefix(vers, "bad"):
		return "", &module.ModuleError{Path: path, Version: vers, Err: errors.New("fixer rejects " + vers)}
	case strings.HasPrefix(vers, "plain"):
		return "", errors.New("plain failure for " + path + "@" + vers)
	case module.CanonicalVersion(vers) != "":
		return module.CanonicalVersion(vers), nil
	}
	return "v1.0.0-fixed", nil
}

type any_ = any

func pos(p modfile.Position) []int { return []int{p.Line, p.LineRune, p.Byte} }

func span(l *modfile.Line) []int {
	return []int{l.Start.Line, l.Start.LineRune, l.Start.Byte, l.End.Line, l.End.LineRune, l.End.Byte}
}

func comments(cs []modfile.Comment) []any_ {
	out := []any_{}
	for _, c := range cs {
		out = append(out, []any_{c.Start.Line, c.Start.LineRune, c.Start.Byte, c.Token, c.Suffix})
	}
	return out
}

func comm(c *modfile.Comments) map[string]any_ {
	return map[string]any_{"before": comments(c.Before), "suffix": comments(c.Suffix), "after": comments(c.After)}
}

func tokens(t []string) []string {
	if t == nil {
		return []string{}
	}
	return t
}

func line(l *modfile.Line) map[string]any_ {
	return map[string]any_{
		"kind": "line", "start": pos(l.Start), "end": pos(l.End), "tokens": tokens(l.Token),
		"in_block": l.InBlock, "comments": comm(&l.Comments),
	}
}

func syntax(fs *modfile.FileSyntax) map[string]any_ {
	stmts := []any_{}
	for _, x := range fs.Stmt {
		switch x := x.(type) {
		case *modfile.CommentBlock:
			stmts = append(stmts, map[string]any_{"kind": "comment", "start": pos(x.Start), "comments": comm(&x.Comments)})
		case *modfile.Line:
			stmts = append(stmts, line(x))
		case *modfile.LineBlock:
			lines := []any_{}
			for _, l := range x.Line {
				lines = append(lines, line(l))
			}
			stmts = append(stmts, map[string]any_{
				"kind": "block", "start": pos(x.Start), "tokens": tokens(x.Token), "comments": comm(&x.Comments),
				"lparen": map[string]any_{"pos": pos(x.LParen.Pos), "comments": comm(&x.LParen.Comments)},
				"rparen": map[string]any_{"pos": pos(x.RParen.Pos), "comments": comm(&x.RParen.Comments)},
				"lines":  lines,
			})
		}
	}
	return map[string]any_{"name": fs.Name, "comments": comm(&fs.Comments), "stmt": stmts}
}

func dump(f *modfile.File) map[string]any_ {
	d := map[string]any_{}
	d["module"] = nil
	if f.Module != nil {
		d["module"] = []any_{f.Module.Mod.Path, f.Module.Deprecated, span(f.Module.Syntax)}
	}
	d["go"] = nil
	if f.Go != nil {
		d["go"] = []any_{f.Go.Version, span(f.Go.Syntax)}
	}
	d["toolchain"] = nil
	if f.Toolchain != nil {
		d["toolchain"] = []any_{f.Toolchain.Name, span(f.Toolchain.Syntax)}
	}
	godebug := []any_{}
	for _, g := range f.Godebug {
		godebug = append(godebug, []any_{g.Key, g.Value, span(g.Syntax)})
	}
	d["godebug"] = godebug
	require := []any_{}
	for _, r := range f.Require {
		require = append(require, []any_{r.Mod.Path, r.Mod.Version, r.Indirect, span(r.Syntax)})
	}
	d["require"] = require
	exclude := []any_{}
	for _, x := range f.Exclude {
		exclude = append(exclude, []any_{x.Mod.Path, x.Mod.Version, span(x.Syntax)})
	}
	d["exclude"] = exclude
	replace := []any_{}
	for _, r := range f.Replace {
		replace = append(replace, []any_{r.Old.Path, r.Old.Version, r.New.Path, r.New.Version, span(r.Syntax)})
	}
	d["replace"] = replace
	retract := []any_{}
	for _, r := range f.Retract {
		retract = append(retract, []any_{r.Low, r.High, r.Rationale, span(r.Syntax)})
	}
	d["retract"] = retract
	tool := []any_{}
	for _, t := range f.Tool {
		tool = append(tool, []any_{t.Path, span(t.Syntax)})
	}
	d["tool"] = tool
	ignore := []any_{}
	for _, i := range f.Ignore {
		ignore = append(ignore, []any_{i.Path, span(i.Syntax)})
	}
	d["ignore"] = ignore
	d["syntax"] = syntax(f.Syntax)
	return d
}

func dumpWork(f *modfile.WorkFile) map[string]any_ {
	d := map[string]any_{}
	d["go"] = nil
	if f.Go != nil {
		d["go"] = []any_{f.Go.Version, span(f.Go.Syntax)}
	}
	d["toolchain"] = nil
	if f.Toolchain != nil {
		d["toolchain"] = []any_{f.Toolchain.Name, span(f.Toolchain.Syntax)}
	}
	godebug := []any_{}
	for _, g := range f.Godebug {
		godebug = append(godebug, []any_{g.Key, g.Value, span(g.Syntax)})
	}
	d["godebug"] = godebug
	use := []any_{}
	for _, u := range f.Use {
		use = append(use, []any_{u.Path, u.ModulePath, span(u.Syntax)})
	}
	d["use"] = use
	replace := []any_{}
	for _, r := range f.Replace {
		replace = append(replace, []any_{r.Old.Path, r.Old.Version, r.New.Path, r.New.Version, span(r.Syntax)})
	}
	d["replace"] = replace
	d["syntax"] = syntax(f.Syntax)
	return d
}

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<20)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	for in.Scan() {
		name := in.Text()
		if name == "" {
			continue
		}
		rec := map[string]any_{"file": name}
		data, err := os.ReadFile(name)
		if err != nil {
			rec["read_error"] = err.Error()
			enc.Encode(rec)
			continue
		}
		rec["module_path"] = modfile.ModulePath(data)
		if strings.HasSuffix(name, ".work") {
			if f, err := modfile.ParseWork("go.work", data, nil); err != nil {
				rec["work_error"] = err.Error()
			} else {
				rec["work"] = dumpWork(f)
			}
			if f, err := modfile.ParseWork("go.work", data, testFix); err != nil {
				rec["fixed_error"] = err.Error()
			} else {
				rec["fixed"] = dumpWork(f)
			}
			enc.Encode(rec)
			continue
		}
		if f, err := modfile.Parse("go.mod", data, testFix); err != nil {
			rec["fixed_error"] = err.Error()
		} else {
			rec["fixed"] = dump(f)
		}
		if f, err := modfile.ParseLax("go.mod", data, nil); err != nil {
			rec["lax_error"] = err.Error()
		} else {
			rec["lax"] = dump(f)
		}
		if f, err := modfile.Parse("go.mod", data, nil); err != nil {
			rec["strict_error"] = err.Error()
		} else {
			rec["strict"] = dump(f)
		}
		enc.Encode(rec)
	}
}
