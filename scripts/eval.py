#!/usr/bin/env python3
"""Lint the shared evaluation drafts in-process and score them.

    python scripts/eval.py [--only HD,PH] [--eval ../shared/eval] [score.py options]

Writes the diagnostics JSON to bench-out/eval.json and runs the set's score.py on it.
"""
import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--eval", default=os.path.join(HERE, "..", "..", "shared", "eval"))
    ap.add_argument("--out", default=os.path.join(HERE, "..", "bench-out", "eval.json"))
    args, rest = ap.parse_known_args()
    from gwlint.linter import Linter
    from gwlint.linter.reporters import json_records
    docs = os.path.join(args.eval, "docs")
    linter = Linter()
    results = [linter.lint_path(os.path.join(docs, n)) for n in sorted(os.listdir(docs))]
    for r in results:
        if r.error:
            print(f"{r.path}: {r.error}", file=sys.stderr)
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as fh:
        json.dump(json_records(results), fh, ensure_ascii=False, indent=1)
    return subprocess.call([sys.executable, os.path.join(args.eval, "score.py"), args.out, *rest])


if __name__ == "__main__":
    sys.exit(main())
