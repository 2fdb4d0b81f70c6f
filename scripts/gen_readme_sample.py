#!/usr/bin/env python3
"""Write the README's sample output (between the sample-output markers) from a real run of
``gwlint check`` on the bundled example draft, so that it never drifts from what users see.

    python scripts/gen_readme_sample.py          # write
    python scripts/gen_readme_sample.py --check  # exit 1 if the README is out of date
"""
import argparse
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DRAFT = "examples/讲话稿-初稿.txt"
# the findings shown, by code (first occurrence each), in report order
SHOWN = ("WM001", "WM002", "PU001", "WD001", "HD001", "PU010")
START, END = "<!-- sample-output:start -->", "<!-- sample-output:end -->"


def sample() -> str:
    env = dict(os.environ, NO_COLOR="1")
    out = subprocess.run([sys.executable, "-m", "gwlint.linter.cli", "check", "--color", "never", DRAFT],
                         cwd=ROOT, capture_output=True, text=True, env=env, encoding="utf-8").stdout
    lines = out.splitlines()
    summary = lines[-1]
    blocks, current = [], []
    for line in lines[:-1]:
        if re.match(r"\S+:\d+:\d+: [A-Z]{2}\d{3}", line) and current:
            blocks.append(current)
            current = []
        current.append(line)
    if current:
        blocks.append(current)
    chosen, seen = [], set()
    for block in blocks:
        code = re.search(r": ([A-Z]{2}\d{3})", block[0]).group(1)
        if code in SHOWN and code not in seen:
            seen.add(code)
            chosen.extend(block)
    body = "\n".join([f"$ gwlint check {DRAFT}", *chosen, "…", summary])
    return f"{START}\n```text\n{body}\n```\n{END}"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    path = os.path.join(ROOT, "README.md")
    with open(path, encoding="utf-8") as fh:
        readme = fh.read()
    a, b = readme.index(START), readme.index(END) + len(END)
    new = readme[:a] + sample() + readme[b:]
    if args.check:
        if new != readme:
            print("README.md sample output is out of date: run python scripts/gen_readme_sample.py")
            return 1
        print("README.md sample output is up to date")
        return 0
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(new)
    print("README.md sample output written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
