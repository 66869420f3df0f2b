// Command versions is the oracle for gomvs's version and module path rules.
//
// It reads a JSON object of inputs (see the input type) on stdin and prints
// a JSON table of what golang.org/x/mod/semver, golang.org/x/mod/module and
// cmd/go/internal/gover answer for them. It must run inside
// $GOROOT/src/cmd/go (see scripts/record-version-table.sh), because those
// packages are vendored / internal to the go command.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"runtime"
	"slices"
	"time"

	"cmd/go/internal/gover"

	"golang.org/x/mod/module"
	"golang.org/x/mod/semver"
)

type input struct {
	Versions        []string      `json:"versions"`
	CompareVersions []string      `json:"compare_versions"`
	GoVersions      []string      `json:"go_versions"`
	Toolchains      []string      `json:"toolchains"`
	Paths           []string      `json:"paths"`
	PathMajors      []string      `json:"path_majors"`
	MajorVersions   []string      `json:"major_versions"`
	Checks          [][2]string   `json:"checks"`
	PseudoBuilds    [][4]string   `json:"pseudo_builds"`
	SortLists       [][][2]string `json:"sort_lists"`
	ModPaths        []string      `json:"mod_paths"`
	Majors          []string      `json:"majors"`
}

// result is an (ok, err) pair: Err is Go's error text or "".
type result struct {
	OK  string `json:"ok"`
	Err string `json:"err"`
}

func res(ok string, err error) result {
	if err != nil {
		return result{Err: err.Error()}
	}
	return result{OK: ok}
}

func errText(err error) string {
	if err != nil {
		return err.Error()
	}
	return ""
}

type versionRow struct {
	V                string `json:"v"`
	IsValid          bool   `json:"is_valid"`
	Canonical        string `json:"canonical"`
	Major            string `json:"major"`
	MajorMinor       string `json:"major_minor"`
	Prerelease       string `json:"prerelease"`
	Build            string `json:"build"`
	CanonicalVersion string `json:"canonical_version"`
	IsPseudo         bool   `json:"is_pseudo"`
	IsZeroPseudo     bool   `json:"is_zero_pseudo"`
	PseudoBase       result `json:"pseudo_base"`
	PseudoTime       result `json:"pseudo_time"`
	PseudoRev        result `json:"pseudo_rev"`
	EscapeVersion    result `json:"escape_version"`
	UnescapeVersion  result `json:"unescape_version"`
}

type goVersionRow struct {
	V            string `json:"v"`
	IsValid      bool   `json:"is_valid"`
	Lang         string `json:"lang"`
	IsLang       bool   `json:"is_lang"`
	IsPrerelease bool   `json:"is_prerelease"`
}

type toolchainRow struct {
	Name          string `json:"name"`
	FromToolchain string `json:"from_toolchain"`
}

type pathRow struct {
	Path            string `json:"path"`
	CheckPath       string `json:"check_path"`
	CheckImportPath string `json:"check_import_path"`
	CheckFilePath   string `json:"check_file_path"`
	EscapePath      result `json:"escape_path"`
	UnescapePath    result `json:"unescape_path"`
	SplitPrefix     string `json:"split_prefix"`
	SplitMajor      string `json:"split_major"`
	SplitOK         bool   `json:"split_ok"`
}

type pathMajorRow struct {
	PathMajor string `json:"path_major"`
	Prefix    result `json:"prefix"` // Err is "panic" where Go panics.
	// CheckPathMajor error text per version in MajorVersions, "" if OK.
	Check []string `json:"check"`
}

type checkRow struct {
	Path    string `json:"path"`
	Version string `json:"version"`
	Err     string `json:"err"`
}

type pseudoBuildRow struct {
	Major     string `json:"major"`
	Older     string `json:"older"`
	Timestamp string `json:"timestamp"`
	Rev       string `json:"rev"`
	Result    string `json:"result"`
}

type modVersionRow struct {
	Path         string `json:"path"`
	V            string `json:"v"`
	IsValid      bool   `json:"is_valid"`
	IsPrefix     bool   `json:"is_prefix"`
	IsPrerelease bool   `json:"is_prerelease"`
	MajorMinor   string `json:"major_minor"`
}

// sortRow holds (path, version) pairs before and after sorting.
type sortRow struct {
	Input      [][2]string `json:"input"`
	ModuleSort [][2]string `json:"module_sort"`
	ModSort    [][2]string `json:"mod_sort"`
}

func pairs(list []module.Version) [][2]string {
	out := [][2]string{}
	for _, m := range list {
		out = append(out, [2]string{m.Path, m.Version})
	}
	return out
}

type output struct {
	GoVersion string       `json:"go_version"`
	Versions  []versionRow `json:"versions"`
	// Compare[i][j] is '<', '=' or '>' for semver.Compare(cv[i], cv[j]).
	CompareVersions []string `json:"compare_versions"`
	Compare         []string `json:"compare"`
	// Max[i] = semver.Max(cv[i], cv[(i+1)%n]).
	Max        []string       `json:"max"`
	SemverSort []string       `json:"semver_sort"`
	GoVersions []goVersionRow `json:"go_versions"`
	GoCompare  []string       `json:"go_compare"`
	GoMax      []string       `json:"go_max"`
	Toolchains []toolchainRow `json:"toolchains"`
	// ToolchainCompare[i][j] = gover.ModCompare("toolchain", tv[i], tv[j])
	// over ToolchainCompareVersions = toolchains ++ go versions.
	ToolchainCompareVersions []string          `json:"toolchain_compare_versions"`
	ToolchainCompare         []string          `json:"toolchain_compare"`
	ModVersions              []modVersionRow   `json:"mod_versions"`
	Paths                    []pathRow         `json:"paths"`
	MajorVersions            []string          `json:"major_versions"`
	PathMajors               []pathMajorRow    `json:"path_majors"`
	Checks                   []checkRow        `json:"checks"`
	PseudoBuilds             []pseudoBuildRow  `json:"pseudo_builds"`
	ZeroPseudo               map[string]string `json:"zero_pseudo"`
	Sorts                    []sortRow         `json:"sorts"`
}

func cmpChar(c int) byte {
	switch {
	case c < 0:
		return '<'
	case c > 0:
		return '>'
	}
	return '='
}

func matrix(vs []string, cmp func(a, b string) int) []string {
	rows := make([]string, len(vs))
	for i, a := range vs {
		row := make([]byte, len(vs))
		for j, b := range vs {
			row[j] = cmpChar(cmp(a, b))
		}
		rows[i] = string(row)
	}
	return rows
}

func pathMajorPrefix(pm string) (r result) {
	defer func() {
		if recover() != nil {
			r = result{Err: "panic"}
		}
	}()
	return result{OK: module.PathMajorPrefix(pm)}
}

func main() {
	var in input
	if err := json.NewDecoder(os.Stdin).Decode(&in); err != nil {
		fmt.Fprintln(os.Stderr, "decoding input:", err)
		os.Exit(1)
	}
	out := output{GoVersion: runtime.Version(), ZeroPseudo: map[string]string{}}

	for _, v := range in.Versions {
		row := versionRow{
			V:                v,
			IsValid:          semver.IsValid(v),
			Canonical:        semver.Canonical(v),
			Major:            semver.Major(v),
			MajorMinor:       semver.MajorMinor(v),
			Prerelease:       semver.Prerelease(v),
			Build:            semver.Build(v),
			CanonicalVersion: module.CanonicalVersion(v),
			IsPseudo:         module.IsPseudoVersion(v),
			IsZeroPseudo:     module.IsZeroPseudoVersion(v),
		}
		row.PseudoBase = res(module.PseudoVersionBase(v))
		if t, err := module.PseudoVersionTime(v); err != nil {
			row.PseudoTime = result{Err: err.Error()}
		} else {
			row.PseudoTime = result{OK: t.UTC().Format(module.PseudoVersionTimestampFormat)}
		}
		row.PseudoRev = res(module.PseudoVersionRev(v))
		row.EscapeVersion = res(module.EscapeVersion(v))
		row.UnescapeVersion = res(module.UnescapeVersion(v))
		out.Versions = append(out.Versions, row)
	}

	cv := in.CompareVersions
	out.CompareVersions = cv
	out.Compare = matrix(cv, semver.Compare)
	for i := range cv {
		out.Max = append(out.Max, semver.Max(cv[i], cv[(i+1)%len(cv)]))
	}
	out.SemverSort = slices.Clone(cv)
	semver.Sort(out.SemverSort)

	for _, v := range in.GoVersions {
		out.GoVersions = append(out.GoVersions, goVersionRow{
			V:            v,
			IsValid:      gover.IsValid(v),
			Lang:         gover.Lang(v),
			IsLang:       gover.IsLang(v),
			IsPrerelease: gover.IsPrerelease(v),
		})
	}
	out.GoCompare = matrix(in.GoVersions, gover.Compare)
	for i := range in.GoVersions {
		out.GoMax = append(out.GoMax, gover.Max(in.GoVersions[i], in.GoVersions[(i+1)%len(in.GoVersions)]))
	}

	for _, name := range in.Toolchains {
		out.Toolchains = append(out.Toolchains, toolchainRow{Name: name, FromToolchain: gover.FromToolchain(name)})
	}
	tv := append(slices.Clone(in.Toolchains), in.GoVersions...)
	out.ToolchainCompareVersions = tv
	out.ToolchainCompare = matrix(tv, func(a, b string) int { return gover.ModCompare("toolchain", a, b) })

	modVers := append(slices.Clone(tv), in.Versions...)
	for _, p := range in.ModPaths {
		for _, v := range modVers {
			out.ModVersions = append(out.ModVersions, modVersionRow{
				Path:         p,
				V:            v,
				IsValid:      gover.ModIsValid(p, v),
				IsPrefix:     gover.ModIsPrefix(p, v),
				IsPrerelease: gover.ModIsPrerelease(p, v),
				MajorMinor:   gover.ModMajorMinor(p, v),
			})
		}
	}

	for _, p := range in.Paths {
		row := pathRow{
			Path:            p,
			CheckPath:       errText(module.CheckPath(p)),
			CheckImportPath: errText(module.CheckImportPath(p)),
			CheckFilePath:   errText(module.CheckFilePath(p)),
			EscapePath:      res(module.EscapePath(p)),
			UnescapePath:    res(module.UnescapePath(p)),
		}
		row.SplitPrefix, row.SplitMajor, row.SplitOK = module.SplitPathVersion(p)
		out.Paths = append(out.Paths, row)
	}

	out.MajorVersions = in.MajorVersions
	for _, pm := range in.PathMajors {
		row := pathMajorRow{PathMajor: pm, Prefix: pathMajorPrefix(pm)}
		for _, v := range in.MajorVersions {
			row.Check = append(row.Check, errText(module.CheckPathMajor(v, pm)))
		}
		out.PathMajors = append(out.PathMajors, row)
	}

	for _, c := range in.Checks {
		out.Checks = append(out.Checks, checkRow{Path: c[0], Version: c[1], Err: errText(module.Check(c[0], c[1]))})
	}

	for _, b := range in.PseudoBuilds {
		t, err := time.Parse(module.PseudoVersionTimestampFormat, b[2])
		if err != nil {
			fmt.Fprintln(os.Stderr, "bad pseudo_builds timestamp:", b[2])
			os.Exit(1)
		}
		out.PseudoBuilds = append(out.PseudoBuilds, pseudoBuildRow{
			Major: b[0], Older: b[1], Timestamp: b[2], Rev: b[3],
			Result: module.PseudoVersion(b[0], b[1], t, b[3]),
		})
	}
	for _, m := range in.Majors {
		out.ZeroPseudo[m] = module.ZeroPseudoVersion(m)
	}
	for _, l := range in.SortLists {
		var list []module.Version
		for _, mv := range l {
			list = append(list, module.Version{Path: mv[0], Version: mv[1]})
		}
		if len(list) > 12 {
			// Go's sorts are only stable (insertion sort) up to 12 elements.
			fmt.Fprintln(os.Stderr, "sort list longer than 12")
			os.Exit(1)
		}
		a, b := slices.Clone(list), slices.Clone(list)
		module.Sort(a)
		gover.ModSort(b)
		out.Sorts = append(out.Sorts, sortRow{Input: pairs(list), ModuleSort: pairs(a), ModSort: pairs(b)})
	}

	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(out); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
