#!/usr/bin/env python3
"""A stand-in for `gomvs diff --dirs A B --json` built from the real go (judge self-check).

    go_diff.py diff --dirs DIR_A DIR_B --json

Copies the parent of each directory (the universe's work tree: replacement
directories and go.work live beside the main module), runs `go list -m -json all`
in the copy with the caller's environment and prints the change set in the
`gomvs.diff` envelope.  `run.py --mode diff --impl go` uses it to check the
harness itself (mutations, go runs, comparison plumbing): it must pass 100%.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import diffmode  # noqa: E402


def side(d: str, name: str):
    t = tempfile.mkdtemp(prefix="go-diff-")
    try:
        shutil.copytree(os.path.dirname(d), os.path.join(t, "w"), symlinks=True)
        main = os.path.join(t, "w", os.path.basename(d))
        p = subprocess.run(["go", "list", "-m", "-json", "all"], cwd=main,
                           capture_output=True, text=True)
        if p.returncode != 0:
            sys.stderr.write(f"go_diff: {name} ({d}): {p.stderr}")
            sys.exit(1)
        # the go/toolchain lines: go.work's in a workspace (GOWORK auto), else go.mod's
        work = os.path.join(os.path.dirname(d), "go.work")
        with open(work if os.path.exists(work) else os.path.join(d, "go.mod")) as fh:
            text = fh.read()
        return diffmode.side_rows(diffmode.parse_json_stream(p.stdout)), text
    finally:
        subprocess.run(["chmod", "-R", "u+w", t])
        shutil.rmtree(t, ignore_errors=True)


def main(argv: list[str]) -> int:
    if len(argv) != 6 or argv[1:3] != ["diff", "--dirs"] or argv[5] != "--json":
        print(__doc__.strip(), file=sys.stderr)
        return 2
    (ra, ta), (rb, tb) = side(argv[3], "base"), side(argv[4], "head")
    changes = []
    for p, e in diffmode.expected_changes(ra, rb).items():
        kinds = sorted(e["kinds"] + e["optional"], key=diffmode.KIND_ORDER.index)
        changes.append({"path": p, "kind": kinds[0], "kinds": kinds,
                        **{k: e[k] for k in ("before", "after", "before_used", "after_used",
                                             "before_indirect", "after_indirect")},
                        "causes": {}})
    ga, gb = ra.get(diffmode.MAIN_PATH, {}).get("go"), rb.get(diffmode.MAIN_PATH, {}).get("go")
    if os.path.exists(os.path.join(os.path.dirname(argv[3]), "go.work")):
        ga, gb = diffmode.main_go_text(ta), diffmode.main_go_text(tb)
    if ga != gb:
        changes.append({"path": "go", "kind": "go-version", "kinds": ["go-version"],
                        "before": ga, "after": gb})
    tca, tcb = diffmode.toolchain_of(ta), diffmode.toolchain_of(tb)
    if tca != tcb:
        changes.append({"path": "toolchain", "kind": "toolchain-version",
                        "kinds": ["toolchain-version"], "before": tca, "after": tcb})
    print(json.dumps({"schema": "gomvs.diff", "version": 1,
                      "data": {"base": {}, "head": {}, "changes": changes}}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
