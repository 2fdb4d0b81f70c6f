"""``gwlint learn``: read an organisation's documents and write a reviewable TOML profile of its
conventions (ordinal form per heading depth, leftover lines and phrases, placeholder
vocabulary, range connector). Standards come first: a corpus habit that departs from a
standard (``1、`` for level 3) is recorded only as a comment, and the standard form is kept.

Files are streamed one at a time (nothing but counters is kept), so a corpus of thousands
of files learns in seconds; progress goes to stderr when it is a terminal.
"""
from __future__ import annotations

import argparse
import os
import re
import sys
from collections import Counter, defaultdict
from typing import Callable, Iterable, Optional

from .document import Document
from .files import discover
from .profile import parse_profile
from .source import SourceError, read_source, write_atomic
from .structure import LEVEL_STANDARD, STANDARD_STYLES

_WS = re.compile(r"[\s\u3000\u00a0]+")
_SENTENCE = re.compile(r"[。！？；，]")
# what a style becomes when the corpus habit is not the standard form
_STANDARD_OF = {"1、": "1.", "１.": "1.", "1．": "1.", "(1)": "（1）", "1）": "（1）", "(一)": "（一）",
                "（一）、": "（一）", "一.": "一、", "一，": "一、", "一．": "一、"}
_BRAND = re.compile(r"^([\u4e00-\u9fff]{2,8}?)(?:整理|发布|出品|独家)")


def _norm(s: str) -> str:
    return _WS.sub("", s)


class Learner:
    """Counters over a stream of documents."""

    def __init__(self) -> None:
        from .config import Settings
        from .engine import Linter
        self.linter = Linter(Settings(select=("PH", "WM", "HD")), profile=None)
        self.documents = 0
        self.skipped: list[tuple[str, str]] = []
        self.styles: dict[int, Counter] = defaultdict(Counter)
        self.line_docs: Counter = Counter()          # normalised line -> number of documents
        self.line_example: dict[str, str] = {}
        self.flagged_docs: Counter = Counter()       # lines flagged as leftovers by the WM rules
        self.near_flagged: Counter = Counter()       # lines next to a flagged line
        self.placeholders: Counter = Counter()
        self.connectors: Counter = Counter()

    def add_file(self, path: str) -> None:
        try:
            source = read_source(path)
        except SourceError as exc:
            self.skipped.append((path, str(exc)))
            return
        self.add(Document.from_source(source, path=path), os.path.basename(path))

    def add(self, doc: Document, name: str) -> None:
        from gwlint.rules.numbers import find_ranges
        from gwlint.rules.placeholders import find_placeholders
        from gwlint.rules.watermarks import find_leftovers
        self.documents += 1
        structure = doc.structure
        for h in structure.headings:
            if h.level >= 1:
                self.styles[h.depth][h.style] += 1
        index = doc.index
        lines = [_norm(doc.text[a:b]) for _, a, b in doc.lines()]
        flagged = {index.line_of(span.start) for code, span, whole in find_leftovers(doc) if whole}
        headings = {h.line for h in structure.headings}
        seen_here = set()
        for i, n in enumerate(lines):
            if not n or n in seen_here:
                continue
            seen_here.add(n)
            self.line_docs[n] += 1
            self.line_example.setdefault(n, name)
            if i in flagged:
                self.flagged_docs[n] += 1
            elif i not in headings and any(j in flagged for j in (i - 2, i - 1, i + 1, i + 2)):
                self.near_flagged[n] += 1
        for kind, span in find_placeholders(doc):
            token = doc.text[span.start:span.end]
            if kind != "row":
                self.placeholders[re.sub(r"\d", "0", token)] += 1
        for span, dash, connector, kind in find_ranges(doc):
            if kind == "date":
                self.connectors[connector] += 1

    # --- the profile ------------------------------------------------------------------
    def leftovers(self, min_docs: int) -> list[tuple[str, int, str]]:
        out = []
        for n, docs in self.line_docs.items():
            if docs < min_docs:
                continue
            if self.flagged_docs[n]:
                out.append((n, docs, self.line_example[n]))
            elif self.near_flagged[n] >= min_docs and len(n) <= 30 and not _SENTENCE.search(n) \
                    and not n.endswith(("：", ":")):
                out.append((n, docs, self.line_example[n]))
        return sorted(out, key=lambda t: (-t[1], t[0]))

    def phrases(self, lines: Iterable[str]) -> list[str]:
        found = set()
        for n in lines:
            m = _BRAND.match(n)
            if m:
                found.add(m.group(1))
        return sorted(found)

    def render(self, min_docs: int = 2) -> str:
        out = ["# gwlint 约定配置（由 gwlint learn 生成，请审阅后提交）",
               f"# 学习了 {self.documents} 篇文稿。标准优先：语料中不符合标准的写法只记在注释里。", "",
               "[meta]", f"documents = {self.documents}", f"min-docs = {min_docs}",
               'generator = "gwlint learn"', "", "# 各级标题（按实际嵌套深度）使用的序号形式",
               "[ordinals]"]
        for depth in sorted(self.styles):
            if depth > 4:
                continue
            counts = self.styles[depth]
            detail = "，".join(f"“{s}” {n} 次" for s, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
            standard = [(n, s) for s, n in counts.items() if s in STANDARD_STYLES]
            top_style, top_n = max(counts.items(), key=lambda kv: (kv[1], kv[0] in STANDARD_STYLES))
            if top_style in STANDARD_STYLES:
                chosen, note = top_style, ""
            else:
                chosen = max(standard)[1] if standard else (_STANDARD_OF.get(top_style) or LEVEL_STANDARD.get(depth, ""))
                note = f"；语料多用“{top_style}”，不符合 GB/T 15834-2011 附录 B.3，采用标准形式（如确需沿用，请在配置 [conventions] accept-ordinals 中声明）"
            if chosen:
                out.append(f'level-{depth} = "{chosen}"  # 语料中：{detail}{note}')
        out += ["", "# 在多篇文稿中反复出现的广告、水印等残留行（已去掉空白）", "[leftovers]", "lines = ["]
        lefts = self.leftovers(min_docs)
        for n, docs, example in lefts:
            out.append(f'  {_toml(n)},  # {docs} 篇，例：{example}')
        out.append("]")
        out.append("phrases = [" + ", ".join(_toml(p) for p in self.phrases(n for n, _, _ in lefts)) + "]")
        out += ["", "# 语料中见过的占位符写法（数字已归一为 0）", "[placeholders]", "tokens = ["]
        for token, n in sorted(self.placeholders.items(), key=lambda kv: (-kv[1], kv[0]))[:40]:
            out.append(f"  {_toml(token)},  # {n} 次")
        out.append("]")
        out += ["", "# 标点偏好", "[punctuation]"]
        if self.connectors:
            detail = "，".join(f"“{c}” {n} 次" for c, n in sorted(self.connectors.items(), key=lambda kv: (-kv[1], kv[0])))
            out.append(f'range-connector = "—"  # 时间范围连接号，语料中：{detail}；GB/T 15834-2011 4.13.3.2 用一字线')
        out.append("")
        return "\n".join(out)


def _toml(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def learn_paths(paths: Iterable[str], output_path: Optional[str] = None, *, min_docs: int = 2,
                progress: Optional[Callable[[int, int, str], None]] = None):
    """Learn from files and folders; returns (Profile, toml_text) and writes ``output_path``."""
    files = list(discover(list(paths), ("*.txt", "*.md", "*.markdown"), ()))
    learner = Learner()
    for i, path in enumerate(files, 1):
        learner.add_file(path)
        if progress:
            progress(i, len(files), path)
    text = learner.render(min_docs)
    profile = parse_profile(output_path or "<learned>", text.encode("utf-8"))
    if output_path:
        write_atomic(output_path, text.encode("utf-8")) if os.path.exists(output_path) else \
            open(output_path, "w", encoding="utf-8", newline="\n").write(text)
    return profile, text, learner


# --- command line ----------------------------------------------------------------------------
def add_parser(subparsers) -> None:
    p = subparsers.add_parser("learn", help="从本单位语料学习约定，写出约定配置（TOML）")
    p.add_argument("paths", nargs="+", metavar="PATH", help="语料文件或目录（递归读取 *.txt *.md）")
    p.add_argument("-o", "--output", metavar="FILE", help="写入的约定配置文件（默认输出到标准输出）")
    p.add_argument("--min-docs", type=int, default=2, metavar="N",
                   help="一行至少在 N 篇文稿中出现才作为残留学习（默认 2）")


def run(args: argparse.Namespace) -> int:
    for p in args.paths:
        if not os.path.exists(p):
            print(f"gwlint: 错误：{p}：文件或目录不存在", file=sys.stderr)
            return 2
    if args.min_docs < 1:
        print("gwlint: 错误：--min-docs 至少为 1", file=sys.stderr)
        return 2
    tty = sys.stderr.isatty()

    def progress(i: int, n: int, path: str) -> None:
        if tty and (i == n or i % 25 == 0):
            sys.stderr.write(f"\r学习中：{i}/{n} 个文件")
            sys.stderr.flush()

    try:
        profile, text, learner = learn_paths(args.paths, args.output, min_docs=args.min_docs,
                                             progress=progress)
    except OSError as exc:
        print(f"gwlint: 错误：{args.output}：无法写入：{exc.strerror}", file=sys.stderr)
        return 2
    if tty:
        sys.stderr.write("\n")
    for path, reason in learner.skipped:
        print(f"{path}：错误：{reason}，已跳过", file=sys.stderr)
    if not args.output:
        sys.stdout.write(text)
    where = f"，已写入 {args.output}" if args.output else ""
    print(f"学习了 {learner.documents} 个文件（跳过 {len(learner.skipped)} 个）：{len(profile.ordinal_styles)} 级序号、"
          f"{len(profile.leftover_lines)} 条残留行、{len(profile.placeholder_tokens)} 种占位符{where}。",
          file=sys.stderr)
    return 0
