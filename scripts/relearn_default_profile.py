#!/usr/bin/env python3
"""Re-learn the default profile shipped in the package from the repo's seed corpus.

    python scripts/relearn_default_profile.py            # rewrite rules/profiles/default.toml
    python scripts/relearn_default_profile.py --check    # exit 1 when the shipped file is stale
    python scripts/relearn_default_profile.py --bench 2000   # learn a generated 2,000-file corpus, print files/s

The default profile is what ``gwlint learn corpus/seeds -o rules/profiles/default.toml`` writes;
``tests/linter/test_learn.py`` checks that the shipped file is byte-identical to a fresh run.
"""
import argparse
import os
import random
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SEEDS = os.path.join(ROOT, "corpus", "seeds")
TARGET = os.path.join(ROOT, "rules", "profiles", "default.toml")


def relearn(check: bool) -> int:
    from gwlint.linter.learn import learn_paths
    _, text = learn_paths([SEEDS])
    with open(TARGET, encoding="utf-8") as fh:
        current = fh.read()
    if current == text:
        print(f"{os.path.relpath(TARGET, ROOT)} is up to date")
        return 0
    if check:
        print(f"{os.path.relpath(TARGET, ROOT)} is stale: run scripts/relearn_default_profile.py", file=sys.stderr)
        return 1
    with open(TARGET, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
    print(f"rewrote {os.path.relpath(TARGET, ROOT)}")
    return 0


_SCHEMES = [("一、", "（一）", "1.", "（1）"), ("一、", "1.", "（1）", "（1）"), ("一、", "（一）", "1、", "（1）")]
_CN = "一二三四五六七八九十"


def generate(folder: str, n: int, seed: int = 7) -> int:
    """Write ``n`` drafts built from the seeds' paragraphs: a few recurring advert blocks and
    brand stamps, per-document heading schemes, placeholders and unique lines. Returns bytes."""
    rnd = random.Random(seed)
    paragraphs = []
    for name in sorted(os.listdir(SEEDS)):
        with open(os.path.join(SEEDS, name), encoding="utf-8") as fh:
            paragraphs += [p.strip() for p in fh.read().splitlines() if len(p.strip()) > 40]
    brands = ["青藤文库", "墨香范文", "笔耕书屋", "知行资料"]
    total = 0
    for i in range(n):
        brand = rnd.choice(brands)
        scheme = rnd.choice(_SCHEMES)
        out = []
        if rnd.random() < 0.4:
            out += [brand, f"{brand}整理，咨询QQ{rnd.choice([1, 2, 3]) * 111111111}", "仅供学习 禁止外传", ""]
        out += [f"关于第{i}项重点工作的讲话", "同志们：", "下面，我讲几点意见。"]
        for a in range(rnd.randint(2, 4)):
            out.append(f"{_CN[a]}、第{i}号文稿的第{a + 1}部分")
            for b in range(rnd.randint(1, 3)):
                out.append(f"{scheme[1].replace('一', _CN[b]).replace('1', str(b + 1))}关于{rnd.randint(1, 10**6)}的工作")
                for c in range(rnd.randint(0, 3)):
                    out.append(f"{scheme[2].replace('1', str(c + 1))}{rnd.choice(paragraphs)}")
                para = rnd.choice(paragraphs).replace("XX", "本区").replace("×", "本")
                out.append(para.replace("我们", "XX", 1) if rnd.random() < 0.2 else para)
        out += ["谢谢大家！", f"第{rnd.randint(1, 9)}页共{rnd.randint(10, 20)}页" if rnd.random() < 0.3 else ""]
        text = "\n".join(out) + "\n"
        sub = os.path.join(folder, f"d{i // 500:02d}")
        os.makedirs(sub, exist_ok=True)
        data = text.encode("utf-8")
        with open(os.path.join(sub, f"{i:05d}.txt"), "wb") as fh:
            fh.write(data)
        total += len(data)
    return total


def bench(n: int) -> int:
    from gwlint.linter.learn import learn_paths
    with tempfile.TemporaryDirectory() as tmp:
        size = generate(tmp, n)
        start = time.perf_counter()
        profile, text = learn_paths([tmp], os.path.join(tmp, "profile.toml"))
        elapsed = time.perf_counter() - start
    print(f"learned {n} files ({size / 1e6:.1f} MB) in {elapsed:.2f} s: {n / elapsed:.0f} files/s, "
          f"{size / 1e6 / elapsed:.1f} MB/s; ordinals {dict(profile.ordinal_styles)}, "
          f"{len(profile.leftover_lines)} leftover lines, phrases {list(profile.leftover_phrases)}")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="only check that the shipped profile is up to date")
    ap.add_argument("--bench", type=int, metavar="N", help="learn a generated corpus of N files and print files/s")
    args = ap.parse_args()
    if args.bench:
        return bench(args.bench)
    return relearn(args.check)


if __name__ == "__main__":
    sys.exit(main())
