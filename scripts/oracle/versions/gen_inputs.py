#!/usr/bin/env python3
"""Prints the JSON inputs of the versions oracle (scripts/oracle/versions).

Hand-picked tricky strings plus a seeded random generator, so the output is
the same on every run. Used by scripts/record-version-table.sh.
"""

import json
import random
import sys

SEED = 20240521
rng = random.Random(SEED)

TS = "20191109021931"
REV = "daa7c04131f5"

HAND_VERSIONS = [
    "", "v", "1.2.3", "v1", "v1.2", "v1.2.3", "v01", "v1.02", "v1.2.03", "v0", "v0.0",
    "v0.0.0", "v00.0.0", "v1.2-pre", "v1+meta", "v1.2+meta", "v1.2.3-", "v1.2.3+",
    "v1.2.3-pre", "v1.2.3-pre.1", "v1.2.3-pre.01", "v1.2.3-01", "v1.2.3-0", "v1.2.3-0a",
    "v1.2.3-00a", "v1.2.3-a.b.c", "v1.2.3-a..b", "v1.2.3-a.", "v1.2.3-.a", "v1.2.3+build",
    "v1.2.3+build.01", "v1.2.3+b..c", "v1.2.3+b.", "v1.2.3-pre+build", "v1.2.3-pre+b+c",
    "v1.2.3+incompatible", "v2.0.0+incompatible", "v2.0+incompatible", "v2+incompatible",
    "v2.0.0-pre+incompatible", "v2.0.0+incompatible.1", "v2.0.0+INCOMPATIBLE",
    "v1.0.0-alpha", "v1.0.0-alpha.1", "v1.0.0-alpha.beta", "v1.0.0-beta", "v1.0.0-beta.2",
    "v1.0.0-beta.11", "v1.0.0-rc.1", "v1.0.0", "v1.0.0+20130313144700", "v1.0.0-0.3.7",
    "v1.0.0-x.7.z.92", "v1.0.0-x-y-z.--", "v1.0.0-alpha+001", "v1.0.0+exp.sha.5114f85",
    "V1.2.3", "v1.2.3.4", " v1.2.3", "v1.2.3 ", "v1.2.3-é", "v1.2.3-RC1", "v1.0.0-RC1",
    "v1.2.3-pre!x", "v1.2.3!", "v18446744073709551616.0.0", "v99999999999999999999.1.1",
    "v1.2.3-99999999999999999999", "v1.2.3-100000000000000000000", "v1.2.3-x-y-z",
    "v1.2.3--", "v1.2.3-0-", "v1.2.3-0.-", "v1.2.3-1.2.3.4.5", "v1.10.0", "v1.9.0",
    "v1.2.3-a", "v1.2.3-A", "v1.2.3-Z", "v1.2.3-z", "v1.2.3-10", "v1.2.3-9", "v1.2.3-1a",
    "v0.0.0-" + TS + "-" + REV,
    "v1.2.4-0." + TS + "-" + REV,
    "v1.2.3-pre.0." + TS + "-" + REV,
    "v0.0.0-" + TS + "-" + REV + "+incompatible",
    "v2.0.0-" + TS + "-" + REV + "+incompatible",
    "v2.3.1-0." + TS + "-" + REV + "+incompatible",
    "v2.3.1-pre.0." + TS + "-" + REV + "+incompatible",
    "v0.0.0-00010101000000-000000000000",
    "v2.0.0-00010101000000-000000000000",
    "v1.0.0-00010101000000-000000000000",
    "v0.0.0-00010101000000-000000000000+incompatible",
    "v0.0.0-00010101000000-00000000000",
    "v1.0.0-0." + TS + "-" + REV,
    "v0.0.0-0." + TS + "-" + REV,
    "v1.10.0-0." + TS + "-" + REV,
    "v1.0.10-0." + TS + "-" + REV,
    "v1.0.100-0." + TS + "-" + REV,
    "v0.0.0-20191309021931-" + REV,
    "v0.0.0-20191100021931-" + REV,
    "v0.0.0-20191132021931-" + REV,
    "v0.0.0-20190229000000-" + REV,
    "v0.0.0-20200229000000-" + REV,
    "v0.0.0-21000229000000-" + REV,
    "v0.0.0-20000229000000-" + REV,
    "v0.0.0-20190431000000-" + REV,
    "v0.0.0-20191109241931-" + REV,
    "v0.0.0-20191109026031-" + REV,
    "v0.0.0-20191109021960-" + REV,
    "v0.0.0-20191109235959-" + REV,
    "v0.0.0-00000101000000-" + REV,
    "v0.0.0-99991231235959-" + REV,
    "v0.0.0-00000000000000-" + REV,
    "v0.0.0-2019110902193-" + REV,
    "v0.0.0-201911090219311-" + REV,
    "v0.0.0-" + TS + "-",
    "v0.0.0-" + TS,
    "v0.0.0-" + TS + "-daa_7",
    "v0.0.0-" + TS + "-DAA7C04131F5",
    "v0.0.0-" + TS + "-" + REV + "+meta.1",
    "v0.0.0-" + TS + "-" + REV + "+meta",
    "v0.0.0-" + TS + "-" + REV + "-extra",
    "v0.0.0-" + TS + "-" + REV + ".x",
    "v1.2.3-pre.1." + TS + "-" + REV,
    "v1.2.3-pre.x.0." + TS + "-" + REV,
    "v1.2.3-0.0." + TS + "-" + REV,
    "v1.2.3-.0." + TS + "-" + REV,
    "v1.2.4-1." + TS + "-" + REV,
    "v1.0.0-" + TS + "-" + REV,
    "v1.2.0-" + TS + "-" + REV,
    "v1.2.3-" + TS + "-" + REV,
    "v1.2.3-0.x." + TS + "-" + REV,
    "v1.2.3-a.0." + TS + "-" + REV + "+incompatible",
    "v1.2.3-a-b.0." + TS + "-" + REV,
    "v1.2.3-rc.1.0." + TS + "-" + REV,
    "v1.2.3-0." + TS + "-" + REV + ".0." + TS + "-abc",
    "v1.2.4-0." + TS + "-" + REV + "+incompatible.x",
    "v1.2.4-0." + TS[:-1] + "-" + REV,
    "v0.0.0-" + TS + "-a",
    "v10.0.0-" + TS + "-" + REV,
    "v1.0.0-pre.0.0." + TS + "-" + REV,
    "v1.0.0-!r!c1", "v1.0.0-!R", "v1.0.0-!", "v1.0.0-!!r", "v1.0.0-!1", "v1.0.0-!rc.!a",
    "v1.0.0-é", "v1.0.0 beta", "v1.0.0/x", "v1.0.0:x", "con", "v1.0.0~1", "..", ".v1", "v1.",
    "-v1", "v1.0.0-\u00e9", "V1.0.0-RC1",
]

HAND_GO_VERSIONS = [
    "", "1", "1.0", "1.0.0", "1.1", "1.2", "1.9", "1.10", "1.16", "1.17", "1.18", "1.20",
    "1.20.0", "1.20rc1", "1.21", "1.21.0", "1.21.1", "1.21rc1", "1.21rc2", "1.21rc",
    "1.21alpha1", "1.21beta1", "1.21beta", "1.21x", "1.21RC1", "1.21-rc1", "1.21.0rc1",
    "1.21rc01", "1.21rc0", "01.21", "1.021", "1.21.00", "1.21.", "1.", ".1", "2", "2.0",
    "1.100", "1.27", "1.27.3", "1.27.10", "go1.21", "v1.21", "1.21 ", "1.21.0.0", "10.0",
    "1.2.3.4", "1e", "1.21rc1x", "1.22", "1.22.0", "1.3beta2", "1.9rc2", "1.18beta1",
    "0", "0.0", "0.1", "1.0rc1", "1.21é", "1.21rc10", "1.21rc9", "1.21rca", "1.21a1b",
    "18446744073709551616.1", "1.21.0-pre", "1.21.0+x",
]

HAND_TOOLCHAINS = [
    "go1.21", "go1.21.0", "go1.21.0-custom", "go1.21.0 extra", "go1.21.0\textra",
    "go1.21rc1", "go1.21rc1-x", "default", "local", "path", "go", "go1", "go1.", "gox",
    "go1.21/x", "go1.21\\x", "1.21.0", "go1.21.0-", "Go1.21.0", "go1.21-rc1", "go1.21.0+auto",
    "go1.27.3", "go1.100.0", "go 1.21", "go1.20", "go1.20.0", "gogo1.21", "go1.21.0-x/y",
    "go1.21.0 ", "go1.22rc2 (custom)", "",
]

HAND_PATHS = [
    "example.com", "example.com/a", "example.com/a/b", "nodot/x", "nodot", "", "-example.com",
    "example.com/-a", "/example.com", "example.com/", "example.com//a", "example.com/./a",
    "example.com/../a", "example.com/.a", "example.com/a.", "example.com/...", ".example.com",
    "example.com.", "Example.com/a", "example.com/A", "example.com/Sirupsen/logrus",
    "github.com/Sirupsen/logrus", "github.com/!sirupsen/logrus", "github.com/!Sirupsen",
    "github.com/!", "github.com/!1", "github.com/!!a", "github.com/!azure/x",
    "example.com/!a!b", "example.com/!A", "example.com/a b", "example.com/a+b",
    "example.com/a++", "example.com/a@v1", "example.com/a:b", "example.com/a\\b",
    "example.com/a~1", "example.com/a~b", "example.com/a~", "example.com/~1",
    "example.com/a~1.x", "example.com/x.a~1", "example.com/a~01", "example.com/con",
    "example.com/CON", "example.com/con.txt", "example.com/Com1", "example.com/com10",
    "example.com/lpt9.go", "example.com/aux/x", "example.com/nul.", "con.com/x",
    "example.com/v2", "example.com/v1", "example.com/v0", "example.com/v02",
    "example.com/v1.2", "example.com/v2.0", "example.com/a/v2", "example.com/a/v1",
    "example.com/a/v0", "example.com/a/v02", "example.com/a/v10", "example.com/a/v2.1",
    "example.com/a/v2.", "example.com/a/vv2", "example.com/a/2", "example.com/a/v",
    "example.com/a/v2/b", "example.com/av2", "v2", "x.y/v2", "x.y/V2", "gopkg.in/yaml.v2",
    "gopkg.in/yaml.v0", "gopkg.in/yaml.v1", "gopkg.in/yaml.v01", "gopkg.in/yaml.v2-unstable",
    "gopkg.in/yaml.v0-unstable", "gopkg.in/yaml.v1-unstable", "gopkg.in/yaml",
    "gopkg.in/yaml.v", "gopkg.in/user/yaml.v3", "gopkg.in/yaml.v2/sub", "gopkg.in/v2",
    "gopkg.in/.v2", "gopkg.in/yaml.v10", "gopkg.in/yaml.v2.v3", "gopkg.in", "gopkg.in/",
    "gopkg.in/yaml-unstable", "gopkg.in/yaml/v2", "example.com/héllo", "exämple.com/a",
    "example.com/日本", "example.com/a\x00b", "example.com/a\tb", "example.com/\u200b",
    "example.com/a\u00a0b", "example.com/😀", "example.com/a\"b", "example.com/a'b",
    "example.com/a#b", "example.com/a%20b", "example.com/a_b", "example.com/a-b",
    "example.com/_a", "example.com/a/.git", "example.com/a/..", "1.2.3.4/x", "localhost/x",
    "example.com:8080/x", "EXAMPLE.COM", "example.com/ǅ", "example.com/ⅷ",
    "example.com/a\u0301", "example.com/\ue000", "example.com/\U000e0001",
    "example.com/\U0010ffff", "example.com/\ufeff", "a.b/c.d/e.f", "example.com/a\x7f",
    "example.com/\u00ad", "example.com/\u0378", "example.com/ß", "example.com/\u212a", "example.com/\u017fon", "a/\u212aon", "a/co\u212a",
    "a/b c", "a/b!c", "a/b$c", "a/b{c}", "a/b*c", "a/b?c", "a/b<c", "a/b|c", "a/b`c",
    "-a/b", "a/-b", "a/.b", "a/b.", "prn", "a/prn.txt", "a/b~1", "a/AUX.tar.gz", "a/ b",
    "a/b ", "a/b=c", "a/[b]", "a/b^c", "a/b&c", "a/b(c)", "a/b,c", "a/b;c", "a/b>c",
    "a/b/c/d/e/f/g/h", "é/x", "a..b.com/x", "a.com/b..c", "a-.com/x", "-.com/x", "a.-com/x",
    "xn--nxasmq6b.com/x", "example.com/v2/v3", "example.com/v3/v2", "example.com/a/v99999",
    "example.com/a/v2-unstable", "example.com/a.v2",
]

PATH_MAJORS = [
    "", "/v2", "/v3", "/v10", ".v0", ".v1", ".v2", ".v1-unstable", ".v2-unstable",
    ".v0-unstable", "/v1", "/v0", "v2", "/v2-unstable", ".v", "/vx", "/v02", ".v02",
    "-unstable", "x", "/", ".", "/v2.1", ".v10",
]

MAJOR_VERSIONS = [
    "v0.0.0", "v0.1.0", "v1.0.0", "v1.5.0", "v2.0.0", "v2.0.0+incompatible", "v3.1.0",
    "v10.0.0", "v0.0.0-" + TS + "-" + REV, "v0.0.0-x", "v1.0.0+incompatible", "v2", "v2.3",
    "bad", "", "v1.0.0-pre", "v02.0.0", "v2.0.0+incompatible.x", "v0.0.0-", "v0.0.0",
    "v1.0.0-" + TS + "-" + REV, "v2.0.0-" + TS + "-" + REV + "+incompatible", "v4.0.0+meta",
]

MAJORS = ["", "v0", "v1", "v2", "v10", "v1.2", "bad"]

CHECK_VERSIONS = [
    "v0.0.0", "v1.0.0", "v1.2.3", "v2.0.0", "v2.0.0+incompatible", "v3.0.0", "v1",
    "v1.2", "1.2.3", "", "v0.0.0-" + TS + "-" + REV, "v2.0.0-pre", "v1.0.0+meta",
    "v1.2.3-01", "v3.0.0+incompatible",
]

SORT_PATHS = ["go", "toolchain", "a.com/x", "a.com/x/v2", "b.com", "a.com"]
SORT_VERSIONS = [
    "v1.0.0", "v1.0.0+meta", "v1", "v1.0.0/go.mod", "v1.0.0+meta/go.mod", "v1.2.3",
    "v1.10.0", "v1.9.0", "v2.0.0+incompatible", "v0.0.0-" + TS + "-" + REV, "bad", "",
    "1.21", "1.21.0", "1.21rc1", "1.9", "go1.21.0", "go1.21rc1", "go1.21.0-custom",
    "default", "v1.0.0-pre", "v1.0.0/x", "/go.mod", "1.21/go.mod",
]


def rand_num():
    return rng.choice(["0", "1", "2", "3", "9", "10", "11", "21", "100", "01", "00",
                       str(rng.randrange(0, 1000))])


def rand_ident():
    return rng.choice(["alpha", "beta", "rc", "pre", "0", "1", "2", "10", "11", "01", "a-b",
                       "-", "0a", "x", "X", "Z9", "", TS + "-" + REV[:rng.randrange(1, 13)],
                       str(rng.randrange(0, 30))])


def rand_timestamp():
    y = rng.choice([2019, 2020, 2000, 2100, 1, 9999, rng.randrange(1970, 2030)])
    mo = rng.choice([1, 2, 12, 13, 0, rng.randrange(1, 13)])
    d = rng.choice([1, 28, 29, 30, 31, 32, 0, rng.randrange(1, 29)])
    h = rng.choice([0, 23, 24, rng.randrange(0, 24)])
    mi = rng.choice([0, 59, 60, rng.randrange(0, 60)])
    s = rng.choice([0, 59, 60, rng.randrange(0, 60)])
    return "%04d%02d%02d%02d%02d%02d" % (y, mo, d, h, mi, s)


def rand_rev():
    alphabet = "0123456789abcdef"
    n = rng.choice([12, 12, 12, 7, 40, 1])
    rev = "".join(rng.choice(alphabet) for _ in range(n))
    if rng.random() < 0.1:
        rev = rev.upper()
    return rev


def rand_pseudo():
    seg = rand_timestamp() + "-" + rand_rev()
    form = rng.randrange(3)
    major = rng.choice(["0", "1", "2", "10"])
    if form == 0:
        v = "v%s.0.0-%s" % (major, seg)
    elif form == 1:
        v = "v%s.%s.%s-0.%s" % (major, rand_num(), rand_num(), seg)
    else:
        pre = ".".join(rand_ident() for _ in range(rng.randrange(1, 3)))
        v = "v%s.%s.%s-%s.0.%s" % (major, rand_num(), rand_num(), pre, seg)
    if rng.random() < 0.25:
        v += "+incompatible"
    return v


def rand_version():
    if rng.random() < 0.3:
        return rand_pseudo()
    v = "v" if rng.random() > 0.05 else rng.choice(["", "V", "w"])
    v += rand_num()
    r = rng.random()
    if r < 0.1:
        return v
    v += "." + rand_num()
    if r < 0.2:
        return v + rng.choice(["", "", "-pre", "+b"])
    v += "." + rand_num()
    if rng.random() < 0.5:
        v += "-" + ".".join(rand_ident() for _ in range(rng.randrange(1, 4)))
    if rng.random() < 0.3:
        v += "+" + rng.choice(["incompatible", "build", "b.1", "01", "", "x..y", "a-b",
                               "incompatible.1"])
    return v


def rand_go_version():
    v = rng.choice(["1", "1", "1", "2", "0", "01"])
    if rng.random() < 0.9:
        v += "." + rng.choice(["0", "1", "9", "20", "21", "22", "27", "100", "02",
                               str(rng.randrange(0, 30))])
    r = rng.random()
    if r < 0.4:
        v += "." + rng.choice(["0", "1", "2", "10", "01", str(rng.randrange(0, 20))])
    elif r < 0.7:
        v += rng.choice(["rc", "beta", "alpha", "x", "RC", "-rc"]) + rng.choice(
            ["", "1", "2", "10", "01", "0"])
    return v


def rand_toolchain(go_versions):
    v = rng.choice(go_versions)
    prefix = rng.choice(["go", "go", "go", "", "Go", "gogo"])
    suffix = rng.choice(["", "", "-custom", " extra", "\tx", "-", "/x", "+x"])
    return prefix + v + suffix


PATH_ELEMS = ["a", "b", "x", "v2", "v1", "v0", "v02", "v3", "V2", "Aa", "con", "aux.x", "a~1",
              "a~b", ".a", "a.", "..", "-a", "a-b", "a_b", "é", "a+b", "a b", "!a", "yaml.v2",
              "pkg", "go", "sub", "v2.1", "LPT1", "a.b"]
FIRST_ELEMS = ["example.com", "github.com", "golang.org", "gopkg.in", "nodot", "Example.com",
               "x.y", "a-b.c", "-x.com", "x_y.com", "localhost", "192.168.0.1", "ex~1.com"]


def rand_path():
    parts = [rng.choice(FIRST_ELEMS)]
    for _ in range(rng.randrange(0, 4)):
        parts.append(rng.choice(PATH_ELEMS))
    p = "/".join(parts)
    if rng.random() < 0.05:
        p += "/"
    return p


def dedup(xs):
    seen = set()
    out = []
    for x in xs:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out


def main():
    versions = dedup(HAND_VERSIONS + [rand_version() for _ in range(500)])
    hand = [v for v in HAND_VERSIONS]
    rest = [v for v in versions if v not in set(hand)]
    compare_versions = dedup(hand + rest)[:450]
    go_versions = dedup(HAND_GO_VERSIONS + [rand_go_version() for _ in range(150)])
    toolchains = dedup(HAND_TOOLCHAINS + [rand_toolchain(go_versions) for _ in range(60)])
    paths = dedup(HAND_PATHS + [rand_path() for _ in range(300)])
    check_paths = dedup(HAND_PATHS[:90] + paths[len(HAND_PATHS):len(HAND_PATHS) + 40])
    checks = [[p, v] for p in check_paths for v in CHECK_VERSIONS]
    pseudo_builds = [
        [m, o, t, r]
        for m in ["", "v0", "v1", "v2"]
        for o in ["", "v1.2.3", "v1.2.3-pre", "v1.2.3+incompatible", "v2.0.0-rc.1+incompatible",
                  "v1.2.9", "v1.2.99", "v1.2", "v1", "bad", "v1.2.3+meta", "v0.0.0"]
        for t in [TS, "00010101000000"]
        for r in [REV, "abc"]
    ]
    sort_lists = []
    for _ in range(300):
        n = rng.randrange(0, 13)
        sort_lists.append([[rng.choice(SORT_PATHS), rng.choice(SORT_VERSIONS)] for _ in range(n)])
    json.dump({
        "versions": versions,
        "compare_versions": compare_versions,
        "go_versions": go_versions,
        "toolchains": toolchains,
        "paths": paths,
        "path_majors": PATH_MAJORS,
        "major_versions": MAJOR_VERSIONS,
        "checks": checks,
        "pseudo_builds": pseudo_builds,
        "sort_lists": sort_lists,
        "mod_paths": ["go", "toolchain", "example.com/m"],
        "majors": MAJORS,
    }, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
