#!/usr/bin/env python3
"""Self-tests of the universe generator: python3 scripts/differential/test_gen.py

Checks determinism, the go.sum hash against a value recorded by the real go in the shared
edge-case corpus, version orderings from go-semantics.md, and that every feature and
every pseudo-version form is reachable.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gen  # noqa: E402

SHARED = os.environ.get("GOMVS_SHARED_DIR",
                        os.path.join(os.path.dirname(os.path.dirname(HERE)), "..", "shared"))


def tree_digest(root: str) -> str:
    h = hashlib.sha256()
    for dirpath, dirs, files in sorted(os.walk(root)):
        dirs.sort()
        for name in sorted(files):
            p = os.path.join(dirpath, name)
            h.update(os.path.relpath(p, root).encode() + b"\0")
            with open(p, "rb") as fh:
                h.update(fh.read())
    return h.hexdigest()


class GenTest(unittest.TestCase):
    def test_deterministic(self):
        with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
            for seed in (1, 42, 1234):
                gen.generate(seed, os.path.join(a, str(seed)))
                gen.generate(seed, os.path.join(b, str(seed)))
                self.assertEqual(tree_digest(os.path.join(a, str(seed))),
                                 tree_digest(os.path.join(b, str(seed))), seed)

    def test_gomod_hash_matches_go(self):
        case = os.path.join(SHARED, "corpus", "edge-cases", "38-workspace-basic")
        if not os.path.isdir(case):
            self.fail(f"shared corpus not found at {case} (set GOMVS_SHARED_DIR)")
        with open(os.path.join(case, "proxy", "example.com", "x", "@v", "v1.0.0.mod"), "rb") as fh:
            data = fh.read()
        with open(os.path.join(case, "expected.txt")) as fh:
            expected = fh.read()
        self.assertIn(f"example.com/x v1.0.0/go.mod {gen.gomod_hash(data)}\n", expected)

    def test_orders(self):
        # E24 and E25 (go-semantics.md section 7.2)
        chain = ["v0.0.0-20200101000000-aaaaaaaaaaaa", "v1.2.3",
                 "v1.2.4-0.20200101000000-bbbbbbbbbbbb", "v1.2.4-pre",
                 "v1.2.4-pre.0.20200101000000-cccccccccccc"]
        pres = ["v1.0.0-alpha", "v1.0.0-alpha.1", "v1.0.0-alpha.beta", "v1.0.0-beta.2",
                "v1.0.0-beta.11", "v1.0.0-rc.1", "v1.0.0"]
        for seq in (chain, pres):
            for x, y in zip(seq, seq[1:]):
                self.assertEqual(gen.semver_cmp(x, y), -1, (x, y))
                self.assertEqual(gen.semver_cmp(y, x), 1, (y, x))
        self.assertEqual(gen.semver_cmp("v2.0.0+incompatible", "v2.0.0"), 0)
        gos = ["1.16", "1.21", "1.21rc1", "1.21.0", "1.22.1", "1.27.3", "1.28"]
        for x, y in zip(gos, gos[1:]):
            self.assertLess(gen.gover_key(x), gen.gover_key(y), (x, y))

    def test_escape(self):
        self.assertEqual(gen.escape("github.com/Zeta/bravo"), "github.com/!zeta/bravo")
        self.assertEqual(gen.escape("v1.0.0-RC1"), "v1.0.0-!r!c1")

    def test_everything_reachable(self):
        seen_features: set[str] = set()
        forms = set()
        gosum = set()
        for seed in range(1500):
            g = gen.Gen(seed)
            g.build()
            seen_features.update(k for k, v in g.f.items() if v)
            gosum.add(g.gosum_mode)
            for mod in g.modules.values():
                for mv in mod.versions:
                    v = mv.version
                    if re.search(r"[-.]\d{14}-[0-9a-f]{12}$", v):
                        if re.match(r"v\d+\.0\.0-\d{14}", v):
                            forms.add(1)
                        elif re.search(r"-0\.\d{14}", v):
                            forms.add(2)
                        else:
                            forms.add(3)
        self.assertEqual(set(gen.FEATURES) - seen_features, set())
        self.assertEqual(set(gen.EXTRA_FEATURES) - seen_features, set())
        self.assertEqual(forms, {1, 2, 3})
        self.assertEqual(gosum, {"complete", "partial", "none"})

if __name__ == "__main__":
    unittest.main()
