#!/usr/bin/env python3
"""Checks that the diff-mode judge can fail: every kind of wrong answer is flagged.

    python3 scripts/differential/test_diffmode.py
"""

from __future__ import annotations

import copy
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import diffmode  # noqa: E402

BASE = [
    {"Path": "example.com/main", "Main": True, "GoVersion": "1.16"},
    {"Path": "a.com/x", "Version": "v1.2.0"},
    {"Path": "a.com/y", "Version": "v1.0.0", "Indirect": True},
    {"Path": "a.com/z", "Version": "v0.1.0"},
    {"Path": "a.com/r", "Version": "v1.0.0"},
]
HEAD = [
    {"Path": "example.com/main", "Main": True, "GoVersion": "1.21"},
    {"Path": "a.com/x", "Version": "v1.10.0-rc.1"},
    {"Path": "a.com/y", "Version": "v1.0.0"},
    {"Path": "a.com/new", "Version": "v0.0.0-20200101000000-abcdefabcdef"},
    {"Path": "a.com/r", "Version": "v1.0.0", "Replace": {"Path": "../r", "Dir": "/x"}},
]


def good():
    exp = diffmode.expected_changes(diffmode.side_rows(BASE), diffmode.side_rows(HEAD))
    changes = []
    for p, e in exp.items():
        ks = sorted(e["kinds"], key=diffmode.KIND_ORDER.index)
        changes.append({"path": p, "kind": ks[0], "kinds": ks,
                        **{k: e[k] for k in ("before", "after", "before_used", "after_used",
                                             "before_indirect", "after_indirect")}})
    changes.append({"path": "go", "kind": "go-version", "kinds": ["go-version"],
                    "before": "1.16", "after": "1.21"})
    lines = {"go": [("1.16", "1.21")], "toolchain": [(None, None)]}
    return exp, lines, {"schema": "gomvs.diff", "version": 1, "data": {"changes": changes}}


class JudgeTest(unittest.TestCase):
    def test_expected_kinds(self):
        exp, _, _ = good()
        self.assertEqual(exp["a.com/x"]["kinds"], ["upgraded"])  # v1.10.0-rc.1 > v1.2.0
        self.assertEqual(exp["a.com/y"]["kinds"], ["indirect-to-direct"])
        self.assertEqual(exp["a.com/z"]["kinds"], ["removed"])
        self.assertEqual(exp["a.com/new"]["kinds"], ["added"])
        self.assertEqual(exp["a.com/r"]["kinds"], ["replacement-added"])
        self.assertEqual(exp["a.com/r"]["after_used"], {"path": "../r", "version": ""})
        self.assertNotIn("example.com/main", exp)

    def test_used_versions_decide(self):
        x = {"path": "m", "version": "v1.8.3", "used": None, "indirect": False}
        y = {"path": "m", "version": "v1.8.3", "used": {"path": "m", "version": "v1.5.0"},
             "indirect": False}
        e = diffmode.expected_changes({"m": x}, {"m": y})["m"]
        self.assertEqual(e["kinds"], ["downgraded", "replacement-added"])
        y["used"] = {"path": "fork", "version": "v0.1.0"}
        self.assertEqual(diffmode.expected_changes({"m": x}, {"m": y})["m"]["kinds"],
                         ["replacement-added"])

    def test_correct_answer_passes(self):
        exp, lines, act = good()
        self.assertEqual(diffmode.check(exp, lines, act), [])

    def test_wrong_answers_fail(self):
        perturb = [
            lambda ch: ch.pop(0),  # a change missing
            lambda ch: ch.append({"path": "a.com/q", "kind": "added", "kinds": ["added"],
                                  "before": None, "after": "v1.0.0", "before_used": None,
                                  "after_used": None, "before_indirect": None,
                                  "after_indirect": False}),  # invented
            lambda ch: ch[0].update(before="v1.1.0"),
            lambda ch: ch[0].update(kinds=["downgraded"], kind="downgraded"),
            lambda ch: ch[0].update(kind="removed"),
            lambda ch: ch[1].update(after_indirect=True),
            lambda ch: ch[4].update(after_used={"path": "../r", "version": "v1.0.0"}),
            lambda ch: ch[4].update(kinds=["replacement-added", "upgraded"]),
            lambda ch: ch[5].update(after="1.22"),
            lambda ch: ch.pop(5),  # go line missing
            lambda ch: ch.append({"path": "toolchain", "kind": "toolchain-version",
                                  "kinds": ["toolchain-version"], "before": None,
                                  "after": "go1.22.0"}),
            lambda ch: ch.append(dict(ch[0])),  # duplicate
        ]
        for i, f in enumerate(perturb):
            exp, lines, act = good()
            f(act["data"]["changes"])
            self.assertNotEqual(diffmode.check(exp, lines, act), [], f"perturbation {i}")

    def test_envelope(self):
        exp, lines, act = good()
        act["schema"] = "gomvs.list"
        self.assertNotEqual(diffmode.check(exp, lines, act), [])


if __name__ == "__main__":
    unittest.main()
