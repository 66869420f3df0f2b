#!/usr/bin/env python3
"""Generates the adversarial cases of issue 14 into OUT (one directory per case).

Each case OUT/NAME/ holds app/ (the main module, where commands run), proxy/
(a file:// GOPROXY) and cmds.json (the go command lines to run, e.g.
["list", "-m", "all"]). Cases are deterministic; devices, FIFOs and symlinks
are created here (never committed). record.py runs the real go on them;
crates/gomvs-cli/tests/adversarial.rs runs gomvs and compares.

usage: gen.py OUT
"""
import json
import os
import sys

LIST = ["list", "-m", "all"]
GRAPH = ["mod", "graph"]
DEFAULT_CMDS = [LIST, GRAPH]


def w(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if isinstance(data, str):
        data = data.encode()
    with open(path, "wb") as f:
        f.write(data)


class Case:
    def __init__(self, out, name, cmds=None):
        self.dir = os.path.join(out, name)
        os.makedirs(os.path.join(self.dir, "app"), exist_ok=True)
        os.makedirs(os.path.join(self.dir, "proxy"), exist_ok=True)
        w(os.path.join(self.dir, "cmds.json"), json.dumps(cmds or DEFAULT_CMDS))

    def p(self, rel):
        return os.path.join(self.dir, rel)

    def gomod(self, body, go="1.21"):
        w(self.p("app/go.mod"), b"module example.com/app\n\ngo " + go.encode() + b"\n\n" + (body.encode() if isinstance(body, str) else body))

    def mod(self, path, version, body="", go="1.21", info=True):
        base = self.p(f"proxy/{path}/@v/{version}")
        w(base + ".mod", f"module {path}\n\ngo {go}\n{body}")
        if info:
            w(base + ".info", json.dumps({"Version": version}) + "\n")


def gen(out):
    cases = []

    def case(name, cmds=None):
        c = Case(out, name, cmds)
        cases.append(name)
        return c

    # --- hostile module paths in the main go.mod
    for i, path in enumerate([
        "..", "/abs/path", "example.com\\a", "example.com/\x01ctl", "example.com/" + "e" * 300,
        "example.com/!a", "Example.com/a", "example.com/a/", "example.com//a",
        "example.com/a/../b", "-example.com/a", "example.com/.hidden", "example.com/con",
        "example.com/a~1", "example.com/a b", "example.com/\xe9", "localhost/a", "example.com/a@v1",
    ]):
        c = case(f"path-{i:02d}")
        c.gomod(f'require "{path}" v1.0.0\n' if " " in path else f"require {path} v1.0.0\n")
    # --- hostile versions
    for i, v in enumerate([
        "v1.0.0/../x", "v1", "../../v1.0.0", "v1.0.0\x01", "v1." + "9" * 200 + ".0",
        "v1.0.0+meta", "latest", "v01.0.0", "v2.0.0", "master", "v1.0.0-", "v1.0.0+incompatible",
    ]):
        c = case(f"version-{i:02d}")
        c.mod("example.com/a", "v1.0.0")
        c.gomod(f"require example.com/a {v}\n")
    # --- replacements pointing outside / at odd things
    repl = {
        "outside-missing": "../nowhere",
        "abs-missing": "/nonexistent-gomvs-dir",
        "dev": "/dev",
        "root": "/",
        "self": "./",
        "file": "./notadir",
    }
    for name, target in repl.items():
        c = case(f"replace-{name}")
        c.gomod(f"require example.com/a v1.0.0\nreplace example.com/a => {target}\n")
        w(c.p("app/notadir"), "x\n")
    c = case("replace-symlink-loop")
    c.gomod("require example.com/a v1.0.0\nreplace example.com/a => ./loop\n")
    os.symlink("loop", c.p("app/loop"))
    c = case("replace-gomod-loop")
    c.gomod("require example.com/a v1.0.0\nreplace example.com/a => ./r\n")
    os.makedirs(c.p("app/r"))
    os.symlink("go.mod", c.p("app/r/go.mod"))
    c = case("replace-gomod-dir")
    c.gomod("require example.com/a v1.0.0\nreplace example.com/a => ./r\n")
    os.makedirs(c.p("app/r/go.mod"))
    c = case("replace-wrong-module")
    c.gomod("require example.com/a v1.0.0\nreplace example.com/a => ./r\n")
    w(c.p("app/r/go.mod"), "module example.com/other\n\ngo 1.21\n")
    c = case("replace-gomod-devnull")
    c.gomod("require example.com/a v1.0.0\nreplace example.com/a => ./r\n")
    os.makedirs(c.p("app/r"))
    os.symlink("/dev/null", c.p("app/r/go.mod"))
    # --- corrupt sources in the proxy
    corrupt = {
        "truncated": b"module example.com/a\n\nrequ",
        "binary": bytes(range(256)),
        "wrong-module": b"module example.com/b\n\ngo 1.21\n",
        "empty": b"",
        "nul-bytes": b"module example.com/a\x00\n",
        "bom": b"\xef\xbb\xbfmodule example.com/a\n",
        "crlf": b"module example.com/a\r\n\r\ngo 1.21\r\n",
        "unterminated-block": b"module example.com/a\n\nrequire (\n\texample.com/b v1.0.0\n",
        "future-go": b"module example.com/a\n\ngo 1.99\n",
        "bad-require": b"module example.com/a\n\nrequire example.com/b\n",
    }
    for name, data in corrupt.items():
        c = case(f"corrupt-mod-{name}")
        c.mod("example.com/a", "v1.0.0")
        w(c.p("proxy/example.com/a/@v/v1.0.0.mod"), data)
        c.gomod("require example.com/a v1.0.0\n")
    for name, data in {"broken-json": b"{\"Version\": ", "wrong-version": b"{\"Version\":\"v9.9.9\"}", "not-json": b"\x00\xff"}.items():
        c = case(f"corrupt-info-{name}", [LIST, ["list", "-m", "example.com/a@latest"]])
        c.mod("example.com/a", "v1.0.0")
        w(c.p("proxy/example.com/a/@v/v1.0.0.info"), data)
        w(c.p("proxy/example.com/a/@v/list"), "v1.0.0\n")
        c.gomod("require example.com/a v1.0.0\n")
    c = case("corrupt-list-garbage", [["list", "-m", "-versions", "example.com/a"], ["list", "-m", "example.com/a@latest"]])
    c.mod("example.com/a", "v1.0.0")
    w(c.p("proxy/example.com/a/@v/list"), b"\x00garbage\nv1.0.0\n../../etc\nvbad\n\n")
    c.gomod("require example.com/a v1.0.0\n")
    c = case("corrupt-mod-is-dir")
    os.makedirs(c.p("proxy/example.com/a/@v/v1.0.0.mod"))
    w(c.p("proxy/example.com/a/@v/v1.0.0.info"), "{\"Version\":\"v1.0.0\"}\n")
    c.gomod("require example.com/a v1.0.0\n")
    c = case("corrupt-mod-devnull")
    c.mod("example.com/a", "v1.0.0")
    os.remove(c.p("proxy/example.com/a/@v/v1.0.0.mod"))
    os.symlink("/dev/null", c.p("proxy/example.com/a/@v/v1.0.0.mod"))
    c.gomod("require example.com/a v1.0.0\n")
    c = case("corrupt-mod-dangling-symlink")
    c.mod("example.com/a", "v1.0.0")
    os.remove(c.p("proxy/example.com/a/@v/v1.0.0.mod"))
    os.symlink("nowhere.mod", c.p("proxy/example.com/a/@v/v1.0.0.mod"))
    c.gomod("require example.com/a v1.0.0\n")
    # --- size and depth
    c = case("chain-300")
    for i in range(1, 301):
        c.mod(f"example.com/m{i}", "v1.0.0", f"\nrequire example.com/m{i + 1} v1.0.0\n" if i < 300 else "", go="1.16")
    c.gomod("require example.com/m1 v1.0.0\n", go="1.16")
    c = case("cycle")
    c.mod("example.com/a", "v1.0.0", "\nrequire example.com/b v1.0.0\n", go="1.16")
    c.mod("example.com/b", "v1.0.0", "\nrequire example.com/a v1.0.0\n", go="1.16")
    c.gomod("require example.com/a v1.0.0\n", go="1.16")
    c = case("wide-2000")
    reqs = []
    for i in range(2000):
        c.mod(f"example.com/w{i}", "v1.0.0")
        reqs.append(f"\texample.com/w{i} v1.0.0\n")
    c.gomod("require (\n" + "".join(reqs) + ")\n")
    c = case("replaces-10000")
    c.mod("example.com/a", "v1.0.0")
    c.gomod("require example.com/a v1.0.0\n" + "".join(f"replace example.com/r{i} => ./r{i}\n" for i in range(10000)))
    c = case("versions-1000000", [["list", "-m", "-versions", "example.com/a"]])
    c.mod("example.com/a", "v1.0.0")
    w(c.p("proxy/example.com/a/@v/list"), "".join(f"v1.{i}.{j}\n" for i in range(1000) for j in range(1000)))
    c.gomod("require example.com/a v1.0.0\n")
    # 200,000 requires: in a dependency's go.mod, all of one module at
    # 200,000 versions (pruned: that go.mod is read and every version enters
    # the graph; only the selected one, v1.0.199999, is listed), and in the
    # main go.mod with an invalid last line (the whole file is parsed first).
    c = case("requires-200000-dep")
    c.mod("example.com/a", "v1.0.0", "\nrequire (\n" + "".join(f"\texample.com/q v1.0.{i}\n" for i in range(200000)) + ")\n")
    c.mod("example.com/q", "v1.0.199999")
    c.gomod("require example.com/a v1.0.0\n")
    c = case("requires-200000-main-bad-tail")
    c.gomod("require (\n" + "".join(f"\texample.com/q{i} v1.0.0\n" for i in range(200000)) + "\texample.com/last v1.0.0.bad\n)\n")
    c = case("long-comment")
    c.mod("example.com/a", "v1.0.0")
    c.gomod("// " + "x" * (1 << 20) + "\nrequire example.com/a v1.0.0\n")
    c = case("deep-parens")
    c.gomod("require (" * 1000 + "\n")
    # --- go.work
    for name, use in {"outside": "../../nowhere", "abs": "/nonexistent-gomvs-dir", "file": "./notadir", "dev": "/dev"}.items():
        c = case(f"work-use-{name}")
        c.gomod("")
        w(c.p("app/notadir"), "x\n")
        w(c.p("app/go.work"), f"go 1.21\n\nuse (\n\t.\n\t{use}\n)\n")
    c = case("work-use-loop")
    c.gomod("")
    os.symlink("loop", c.p("app/loop"))
    w(c.p("app/go.work"), "go 1.21\n\nuse (\n\t.\n\t./loop\n)\n")
    return cases


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    out = sys.argv[1]
    if os.path.exists(out) and os.listdir(out):
        print(f"gen.py: {out} is not empty", file=sys.stderr)
        sys.exit(2)
    os.makedirs(out, exist_ok=True)
    cases = gen(out)
    w(os.path.join(out, "cases.json"), json.dumps(cases, indent=1) + "\n")
    print(f"{len(cases)} cases in {out}")


if __name__ == "__main__":
    main()
