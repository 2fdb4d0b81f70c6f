#!/usr/bin/env python3
"""Throughput benchmark: gwlint's default rules against AutoCorrect, in the same process.

    python scripts/bench.py [--size 10] [--big 2] [--eval ../shared/eval/docs] [--runs 3]

Builds a corpus of about SIZE MB (10^6 bytes of UTF-8) from the seed drafts in corpus/seeds
(and the shared evaluation drafts when that folder exists), cut at line ends into files of
~25 kB, plus one BIG MB file from the same stream. Then it times, median of RUNS after a
warm-up:
  - gwlint in-process: read + decode + lint every file with the default configuration
    (all rules enabled by default, the shipped profile), each run in a fresh process with
    only the linting timed, so no run profits from caches filled by an earlier one;
  - gwlint whole command: ``gwlint check --output-format json CORPUS > /dev/null``
    (process start, discovery, output included);
  - AutoCorrect (``autocorrect-py``, the Rust engine's Python binding: ``lint_for``) on
    the same files, if installed (``pip install autocorrect-py``), timed the same way (read +
    lint, each run in a fresh process, start-up not timed);
  - AutoCorrect's own command, ``autocorrect --lint --format json CORPUS`` (threads on every
    CPU), when ``npm install --prefix bench-out autocorrect-node`` has been run (or
    ``autocorrect`` is on PATH): the peer of gwlint's whole command, which lints files in
    worker processes.
and prints MB/s for each, the ratios gwlint/AutoCorrect (in-process against in-process, whole
command against whole command), and the per-byte speed on the big file relative to the
corpus. As the host's speed drifts, the ratios are also measured pair by pair (gwlint and
AutoCorrect back to back, taking turns to go first) and their median printed. No timing is
asserted: the figures are for the reader.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _stream(texts):
    i = 0
    while True:
        yield from texts[i % len(texts)].splitlines(keepends=True)
        i += 1


def build_corpus(out: str, total: int, big: int, extra_dirs) -> tuple[list[str], str]:
    sources = []
    seeds = os.path.join(ROOT, "corpus", "seeds")
    for folder in [seeds, *extra_dirs]:
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            if not name.endswith((".txt", ".md")):
                continue
            data = open(os.path.join(folder, name), "rb").read()
            for enc in ("utf-8-sig", "gb18030"):
                try:
                    sources.append(data.decode(enc).replace("\r\n", "\n").rstrip("\n") + "\n")
                    break
                except UnicodeDecodeError:
                    continue
    os.makedirs(os.path.join(out, "txt"), exist_ok=True)
    files = []
    per_file = 25_000
    lines = _stream(sources)
    written = 0
    i = 0
    while written < total:
        buf, n = [], 0
        while n < per_file:
            ln = next(lines)
            buf.append(ln)
            n += len(ln.encode("utf-8"))
        path = os.path.join(out, "txt", f"doc_{i:04d}.txt")
        with open(path, "w", encoding="utf-8") as fh:
            fh.write("".join(buf))
        files.append(path)
        written += n
        i += 1
    lines = _stream(sources)
    buf, n = [], 0
    while n < big:
        ln = next(lines)
        buf.append(ln)
        n += len(ln.encode("utf-8"))
    big_path = os.path.join(out, "big.txt")
    with open(big_path, "w", encoding="utf-8") as fh:
        fh.write("".join(buf))
    return files, big_path


def median_time(fn, runs: int) -> float:
    fn()  # warm-up
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def median_seconds(run, runs: int) -> float:
    """Median of what RUN reports it spent (for runs timed inside a child process)."""
    return statistics.median(run() for _ in range(max(1, runs)))


def child(listing: str) -> int:
    """Lint the files named in LISTING with the default configuration, once; print the seconds
    spent reading, decoding and linting (not start-up) and the number of findings."""
    from gwlint.linter import Linter
    from gwlint.linter.document import Document
    from gwlint.linter.source import read_source
    from gwlint.rules.watermarks import _judge
    paths = open(listing, encoding="utf-8").read().split("\n")
    linter = Linter()
    t0 = time.perf_counter()
    n = 0
    for p in paths:
        # The leftover-line judge remembers the lines it judged (banners recur across a
        # corpus, and in a draft re-linted after each edit). The benchmark corpus repeats each
        # source line about ten times, far more than real drafts do, so the memo is emptied
        # before each file: every file is linted as text never seen.
        _judge.cache_clear()
        n += len(linter.lint(Document.from_source(read_source(p), path=p)))
    print(time.perf_counter() - t0, n)
    return 0


def child_autocorrect(listing: str) -> int:
    """Lint the files named in LISTING with AutoCorrect's Python binding, once, in this fresh
    process (as gwlint's runs are); print the seconds spent reading and linting and the names of
    the files it gave up on."""
    import autocorrect_py
    paths = open(listing, encoding="utf-8").read().split("\n")
    failed = []
    t0 = time.perf_counter()
    for p in paths:
        with open(p, encoding="utf-8") as fh:
            try:
                autocorrect_py.lint_for(fh.read(), p)
            except ValueError:  # its parser gives up on some inputs
                failed.append(p)
    print(time.perf_counter() - t0, *failed)
    return 0


def main() -> int:
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        return child(sys.argv[2])
    if len(sys.argv) == 3 and sys.argv[1] == "--child-autocorrect":
        return child_autocorrect(sys.argv[2])
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size", type=float, default=10.0, help="corpus size in MB (default 10)")
    ap.add_argument("--big", type=float, default=2.0, help="size of the single big file in MB (default 2)")
    ap.add_argument("--eval", default=os.path.join(ROOT, "..", "shared", "eval", "docs"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--keep", metavar="DIR", help="build the corpus here and keep it")
    args = ap.parse_args()

    from gwlint.linter import Linter

    work = args.keep or tempfile.mkdtemp(prefix="gwlint-bench-")
    files, big = build_corpus(work, int(args.size * 1e6), int(args.big * 1e6), [args.eval])
    corpus_bytes = sum(os.path.getsize(f) for f in files)
    big_bytes = os.path.getsize(big)
    print(f"corpus: {len(files)} files, {corpus_bytes / 1e6:.2f} MB; big file: {big_bytes / 1e6:.2f} MB  ({work})")

    print(f"gwlint rules enabled: {len(Linter().enabled)}")
    counts = {}

    def listing_of(paths):
        listing = os.path.join(work, f"paths-{len(paths)}.txt")
        with open(listing, "w", encoding="utf-8") as fh:
            fh.write("\n".join(paths))
        return listing

    def gw(paths):
        # Each run in a fresh process (start-up not timed): the corpus repeats its sources, so
        # a process that linted it before would answer from content caches (e.g. the leftover-
        # line judge) and overstate the speed on text it has not seen.
        listing = listing_of(paths)

        def run():
            out = subprocess.run([sys.executable, os.path.abspath(__file__), "--child", listing],
                                 capture_output=True, text=True, check=True).stdout.split()
            counts[tuple(paths[:1])] = int(out[1])
            return float(out[0])
        return run

    rows = []
    t = median_seconds(gw(files), args.runs)
    rows.append(("gwlint in-process, corpus", corpus_bytes, t))
    gw_corpus = corpus_bytes / t
    t_big = median_seconds(gw([big]), args.runs)
    rows.append(("gwlint in-process, big file", big_bytes, t_big))
    gw_big = big_bytes / t_big
    print(f"gwlint findings: corpus {counts[tuple(files[:1])]}, big file {counts[(big,)]}")

    exe = [sys.executable, "-m", "gwlint.linter.cli"]
    # as installed (pip compiles the modules to bytecode): a PYTHONDONTWRITEBYTECODE set for
    # the shell running the benchmark would make every run compile them again
    cli_env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

    def cli():
        subprocess.run(exe + ["check", "--output-format", "json", os.path.join(work, "txt")],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=cli_env)
    t = median_time(cli, max(1, args.runs))
    rows.append(("gwlint check (whole command, json)", corpus_bytes, t))
    gw_cli = corpus_bytes / t

    ac_corpus = ac_big = None
    ac_errors: dict = {}
    try:
        import autocorrect_py
    except ImportError:
        print("autocorrect-py not installed: `pip install autocorrect-py` to compare")
        autocorrect_py = None
    if autocorrect_py is not None:

        def ac(paths):
            # timed like gwlint: each run in a fresh process, start-up not timed
            listing = listing_of(paths)

            def run():
                out = subprocess.run([sys.executable, os.path.abspath(__file__), "--child-autocorrect", listing],
                                     capture_output=True, text=True, check=True).stdout.split()
                for p in out[1:]:
                    ac_errors[p] = True
                return float(out[0])
            return run
        t = median_seconds(ac(files), args.runs)
        rows.append(("AutoCorrect (autocorrect-py), corpus", corpus_bytes, t))
        ac_corpus = corpus_bytes / t
        t = median_seconds(ac([big]), args.runs)
        rows.append(("AutoCorrect (autocorrect-py), big file", big_bytes, t))
        ac_big = big_bytes / t
        if ac_errors:
            which = ", ".join(os.path.basename(p) for p in list(ac_errors)[:3])
            print(f"AutoCorrect raised on {len(ac_errors)} file(s) ({which}) "
                  f"(its parser gives up on some inputs; time includes the failed calls)")

    ac_cli = None
    ac_exe = os.path.join(ROOT, "bench-out", "node_modules", ".bin", "autocorrect")
    ac_exe = ac_exe if os.path.exists(ac_exe) else shutil.which("autocorrect")
    if ac_exe:
        def ac_command():
            subprocess.run([ac_exe, "--lint", "--format", "json", os.path.join(work, "txt")],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        t = median_time(ac_command, max(1, args.runs))
        rows.append(("AutoCorrect command (autocorrect --lint)", corpus_bytes, t))
        ac_cli = corpus_bytes / t
    else:
        print("autocorrect command not found: `npm install --prefix bench-out autocorrect-node` to compare")

    print()
    print(f"machine: {os.cpu_count()} CPU(s), Python {sys.version.split()[0]} (both libraries run on it)")
    print(f"{'run':<42}{'MB':>8}{'seconds':>10}{'MB/s':>9}")
    for name, size, secs in rows:
        print(f"{name:<42}{size / 1e6:>8.2f}{secs:>10.3f}{size / 1e6 / secs:>9.2f}")
    print()
    if ac_corpus:
        print(f"ratio gwlint/AutoCorrect in-process, corpus: {gw_corpus / ac_corpus:.2f}x")
        big_note = " (AutoCorrect gave up on it: not comparable)" if big in ac_errors else ""
        print(f"ratio gwlint/AutoCorrect in-process, big file: {gw_big / ac_big:.2f}x{big_note}")
    if ac_cli:
        print(f"ratio gwlint/AutoCorrect whole command, corpus: {gw_cli / ac_cli:.2f}x")
    print(f"gwlint big file vs corpus, per byte: {gw_big / gw_corpus:.2f}x "
          f"({'no slower' if gw_big >= 0.95 * gw_corpus else 'slower'} on one large file)")

    # The host's speed drifts between runs (the same run can take 30% longer a minute later),
    # so the ratios that decide are taken from runs made back to back, one pair at a time,
    # the two tools taking turns to go first (so that neither always meets the host first).
    def paired(label, ours, theirs):
        ratios = []
        for i in range(max(1, args.runs)):
            if i % 2:
                t_theirs = theirs()
                t_ours = ours()
            else:
                t_ours = ours()
                t_theirs = theirs()
            ratios.append(t_theirs / t_ours)
        ratios.sort()
        print(f"paired ratio gwlint/AutoCorrect {label}: median {statistics.median(ratios):.2f}x "
              f"(range {ratios[0]:.2f}–{ratios[-1]:.2f}x over {len(ratios)} back-to-back pairs)")

    def timed(fn):
        def run():
            t0 = time.perf_counter()
            fn()
            return time.perf_counter() - t0
        return run

    if autocorrect_py is not None:
        paired("in-process, corpus", gw(files), ac(files))
    if ac_exe:
        paired("whole command, corpus", timed(cli), timed(ac_command))
    return 0


if __name__ == "__main__":
    sys.exit(main())
