#!/usr/bin/env python3
"""Write docs/rules/<CODE>.md and docs/rules/index.md from the rule registry.

    python scripts/gen_rule_docs.py          # write
    python scripts/gen_rule_docs.py --check  # exit 1 if the pages are out of date
"""
import argparse
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def pages():
    from gwlint.linter.config import Settings
    from gwlint.linter.docs import render_index, render_rule
    from gwlint.linter.loading import default_registry
    registry = default_registry(Settings())
    out = {"index.md": render_index(registry.metas.values())}
    for code, meta in registry.metas.items():
        out[f"{code}.md"] = render_rule(meta)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    folder = os.path.join(ROOT, "docs", "rules")
    want = pages()
    if args.check:
        stale = []
        for name, text in want.items():
            path = os.path.join(folder, name)
            if not os.path.exists(path) or open(path, encoding="utf-8").read() != text:
                stale.append(name)
        extra = sorted(set(os.listdir(folder)) - set(want)) if os.path.isdir(folder) else []
        if stale or extra:
            print("out of date: " + ", ".join(stale + extra) + " (run scripts/gen_rule_docs.py)")
            return 1
        print(f"{len(want)} pages up to date")
        return 0
    os.makedirs(folder, exist_ok=True)
    for name in os.listdir(folder):
        if name.endswith(".md") and name not in want:
            os.remove(os.path.join(folder, name))
    for name, text in want.items():
        with open(os.path.join(folder, name), "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
    print(f"wrote {len(want)} pages to {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
