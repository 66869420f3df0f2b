#!/usr/bin/env python3
"""Writes N random, mostly-malformed go.mod files (and go.work files) into
DIR for differential testing of the parser against Go:

    scripts/gen-parse-fuzz.py DIR [N] [SEED]
    scripts/conformance-parselax.py --gomvs target/debug/gomvs DIR
    scripts/conformance-parse.py --gomvs target/debug/gomvs DIR

Files are built from a vocabulary of directives, versions, paths, quoting,
comment, block and whitespace fragments (CRLF, BOM, control and Unicode
space characters, invalid UTF-8 bytes) so every lexer and directive
error path is reached. Deterministic for a given SEED.
"""

import os
import random
import sys

VERBS = ["module", "go", "toolchain", "godebug", "require", "exclude", "replace", "retract",
         "tool", "ignore", "use", "bogus", "require foo", "go"]
PATHS = ["example.com/a", "example.com/a/v2", "example.com/a/v1", "gopkg.in/yaml.v2", "gopkg.in/x.v0",
         '"example.com/q"', '"example.com/\\x41"', '"bad\\q"', "`raw`", "it's", "./dir", "../up", "/abs",
         "C:\\win", ".\\w", "x@v1.0.0", "", "a=>b", '"a b"', "example.com/a/v2.1", "go", "toolchain",
         "example.com/\ue000", '"example.com/\ue001"', '"example.com/\\xff"', "\ue002x", '"\\xc3"']
VERSIONS = ["v1.0.0", "v1", "v1.2", "v2.0.0", "v2.0.0+incompatible", "v1.0.0+meta", "1.0.0", "master",
            '"v1.0.0"', '"v1.0"', "v0.0.0-20200101000000-abcdefabcdef", "v3.0.0", "v1.0.0-rc.1",
            "v1.2.3.4", "'v1'", "v1.0.0\ue000", '"v1\ue001"', "v1.0.0-gopkgin-v1.2.3", "badver", "plainver", "\"bad\""]
GOVERSIONS = ["1.21", "1.21.0", "1.21rc1", "1.16", "v1.21", "1.21.x-extra", "1.21x", "1", "01.2", "1.99",
              "1.21.0.0", "1.2a"]
TOOLCHAINS = ["go1.21.0", "default", "go1", "go1.21rc1", "go2", "golang", "go1.x"]
COMMENTS = ["// indirect", "//indirect", "// indirect; why", "// indirectly", "// Deprecated: use b",
            "//", "// x", "// Deprecated:   spaced", "// Deprecated: \ue000 bytes", "// indirect\ue001", "// retracted for reasons", "// indirect;"]
# Choices that parse cleanly, for files that should mostly succeed.
CLEAN = {
    "paths": ["example.com/a", "example.com/b/v2", "gopkg.in/yaml.v2", '"example.com/q"', "example.com/<x>&y",
              "./dir", "../up", "/abs", "example.com/c"],
    "versions": ["v1.0.0", "v1", "v1.2", "v1.0.0+meta", '"v1.0.0"', "v0.0.0-20200101000000-abcdefabcdef",
                 "v1.0.0-rc.1", "master", "badver", "plainver"],
}
# Placeholders replaced by invalid UTF-8 when the file is written.
RAW = {"\ue000": b"\xff", "\ue001": b"\xc3", "\ue002": b"\xed\xa0\x80"}
SPACES = [" ", " ", " ", "\t", "\r", "  ", "\u00a0", "\u2028", "\v", "\f", "\x01", "\ufeff"]


def word(r):
    return r.choice([r.choice(PATHS), r.choice(VERSIONS), r.choice(GOVERSIONS), r.choice(TOOLCHAINS),
                     "=>", "(", ")", "[", "]", ",", "{", "}", "k=v", "k=", "=v", "a,b", "/*x*/", "\"unterminated",
                     "`unterminated", "é", "日本"])


def args_for(verb, r):
    if CLEAN_MODE[0]:
        return clean_args(verb, r)
    return noisy_args(verb, r)


def clean_args(verb, r):
    p, v = r.choice(CLEAN["paths"]), r.choice(CLEAN["versions"])
    if verb == "go":
        return [r.choice(["1.21", "1.22.1", "1.21rc1", "1.16"])]
    if verb == "toolchain":
        return [r.choice(["go1.21.0", "default"])]
    if verb == "godebug":
        return [r.choice(["k=v", "key=1", "=x", "k="])]
    if verb in ("require", "exclude"):
        return [p if not p.startswith((".", "/")) else "example.com/d", v]
    if verb == "replace":
        left = ["example.com/" + r.choice("abc")] + ([r.choice(["v1.0.0", "v1"])] if r.random() < 0.5 else [])
        right = [r.choice(["./x", "../y", "example.com/z v1.1.0", "example.com/z v1"])]
        return left + ["=>"] + right[0].split()
    if verb == "retract":
        if r.random() < 0.5:
            return [r.choice(CLEAN["versions"][:6])]
        return ["[", r.choice(CLEAN["versions"][:6]), ",", r.choice(CLEAN["versions"][:6]), "]"]
    return [r.choice(["./a", "./b", "example.com/t"])]


def noisy_args(verb, r):
    if verb == "go":
        return [r.choice(GOVERSIONS)]
    if verb == "toolchain":
        return [r.choice(TOOLCHAINS)]
    if verb == "godebug":
        return [r.choice(["k=v", "key=1", "noeq", "a=\"b\"", "a,b=c", "=x"])]
    if verb in ("require", "exclude"):
        return [r.choice(PATHS), r.choice(VERSIONS)]
    if verb == "replace":
        left = [r.choice(PATHS)] + ([r.choice(VERSIONS)] if r.random() < 0.5 else [])
        right = [r.choice(PATHS)] + ([r.choice(VERSIONS)] if r.random() < 0.5 else [])
        return left + ["=>"] + right
    if verb == "retract":
        if r.random() < 0.5:
            return [r.choice(VERSIONS)]
        toks = ["[", r.choice(VERSIONS), ",", r.choice(VERSIONS), "]"]
        if r.random() < 0.3:
            del toks[r.randrange(len(toks))]
        return toks
    return [r.choice(PATHS)]


def line(verb, r, in_block):
    toks = args_for(verb.split()[0], r)
    if CLEAN_MODE[0]:
        text = " ".join(toks if in_block else [verb] + toks)
        if r.random() < 0.3:
            text += " " + r.choice(COMMENTS)
        return ("\t" if in_block else "") + text
    if r.random() < 0.15:
        toks.append(word(r))
    if r.random() < 0.1 and toks:
        del toks[r.randrange(len(toks))]
    if not in_block:
        toks = [verb] + toks
    sep = lambda: r.choice(SPACES) if r.random() < 0.08 else " "
    text = sep().join(t for t in toks)
    if r.random() < 0.3:
        text += " " + r.choice(COMMENTS)
    return ("\t" if in_block else "") + text


CLEAN_MODE = [False]
CLEAN_VERBS = ["go", "toolchain", "godebug", "require", "exclude", "replace", "retract", "tool", "ignore"]


def gen_file(r, work):
    CLEAN_MODE[0] = r.random() < 0.5
    out = []
    if r.random() < 0.05:
        out.append("\ufeff")
    verbs = ["use", "go", "toolchain", "godebug", "replace", "bogus", "require"] if work else VERBS
    if CLEAN_MODE[0]:
        verbs = ["use", "godebug", "replace", "toolchain"] if work else CLEAN_VERBS
    if not work and r.random() < 0.8:
        out.append("module " + r.choice(["example.com/m", '"example.com/m"', "m m", "`m`"])
                   + (" " + r.choice(COMMENTS) if r.random() < 0.2 else ""))
    for _ in range(r.randint(0, 12)):
        x = r.random()
        if x < 0.15:
            out.append(r.choice(COMMENTS))
        elif x < 0.25:
            out.append("")
        elif x < 0.45:
            verb = r.choice(verbs)
            head = verb + " (" + (" " + r.choice(COMMENTS) if r.random() < 0.2 else "")
            if r.random() < 0.05:
                head = verb + " ( )"
                out.append(head)
                continue
            out.append(head)
            for _ in range(r.randint(0, 4)):
                y = r.random()
                if y < 0.2:
                    out.append("\t" + r.choice(COMMENTS))
                elif y < 0.3:
                    out.append("")
                else:
                    out.append(line(verb, r, True))
            if r.random() < 0.95:
                out.append(")" + (" " + r.choice(COMMENTS + ["x", "("]) if r.random() < 0.15 else ""))
        else:
            out.append(line(r.choice(verbs), r, False))
    nl = "\r\n" if r.random() < 0.1 else "\n"
    text = nl.join(out)
    if r.random() < 0.8:
        text += nl
    return text


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    d = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    r = random.Random(seed)
    for i in range(n):
        work = r.random() < 0.1
        sub = os.path.join(d, f"f{i:05d}")
        os.makedirs(sub, exist_ok=True)
        data = gen_file(r, work).encode("utf-8")
        for placeholder, raw in RAW.items():
            data = data.replace(placeholder.encode("utf-8"), raw)
        with open(os.path.join(sub, "go.work" if work else "go.mod"), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()
