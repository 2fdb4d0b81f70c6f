"""``gwlint learn``: read an organisation's documents and write a reviewable TOML profile of its
conventions: the ordinal form at each heading depth, leftover lines and phrases (advert and
watermark boilerplate that recurs across documents), the placeholder vocabulary and
punctuation preferences (range connectors, marks after ordinals).

Standards come first. ``[ordinals]`` only ever holds a standard form (GB/T 9704-2012 7.3.3,
GB/T 15834-2011 B.3): where the corpus habitually departs from it (``1、``), the profile keeps
the standard form, records the habit and its counts for the reviewer, and a project that wants
to keep the habit says so in its own config (``[conventions] accept-ordinals = ["1、"]``).

Leftovers are learned conservatively, from evidence: a line is learned when it recurs verbatim
in at least ``min_docs`` documents and, in most of the documents it occurs in, either the WM
rules flag it or it sits right next to a flagged line and looks like a stamp (short, no
sentence punctuation); or it carries download-site contact features (QQ, a commercial URL and
download-site wording). Genre lines that recur legitimately (``同志们：``,
``下面，我讲几点意见。``, ``谢谢大家！``, titles, signatures, dates, headings) are never
learned.

Files are streamed one at a time: only counters are kept (and the number of distinct short
lines tracked is capped), so thousands of files learn in seconds. Output is sorted, so
re-learning the same corpus gives a byte-identical file.
"""
from __future__ import annotations

import argparse
import math
import os
import re
import sys
import time
from collections import Counter, defaultdict
from typing import Callable, Iterable, NamedTuple, Optional

from .document import Document
from .files import discover
from .profile import EMPTY, MAX_LEVEL, Profile, normalize_line, parse_profile
from .source import SourceError, read_source, write_atomic
from .structure import STANDARD_STYLES

INCLUDE = ("*.txt", "*.md", "*.markdown")
MIN_DOCS = 2
MIN_SHARE = 0.6
MAX_LINE = 80            # longer lines are prose: never learned as leftovers
MAX_TRACKED = 200_000    # distinct short lines counted before lines seen once are forgotten
MAX_TOKENS = 60          # placeholder spellings written to the profile

ProgressFn = Callable[[int, int, str], None]
WarnFn = Callable[[str, str], None]

# page markers ("第2页共9页") are recognised by pattern in every draft: learning each variant adds
# nothing, and a running header next to one is layout, not evidence of an advert
_PATTERN_ONLY = frozenset({"WM005"})

# --- what a line looks like -----------------------------------------------------------------
_SENTENCE = re.compile(r"[。！？；!?;，,]")
_LETTERS = re.compile(r"[\u3400-\u9fffA-Za-z]")
# lines that recur in a genre and are content, whatever sits next to them
_GENRE = re.compile(
    r"^(?:同志们|朋友们|女士们|先生们|各位[\u4e00-\u9fff]{0,8}|尊敬的.*|亲爱的.*)[，,：:！!]?$"
    r"|^(?:谢谢|感谢)(?:大家|各位|您)?[！!。.]?$"
    r"|^(?:下面|现在|首先|其次|再次|最后|总之|总而言之|同时|另外|此外)[，,]"
    r"|^(?:此致|敬礼|此致敬礼|特此(?:通知|报告|函告|批复|通报|公告)|此复|妥否[，,]?请批示|以上[^，,]{0,6}妥否)"
    r"|(?:讲话|发言|致辞|主持词|报告|通知|意见|方案|纪要|请示|函|通报|决定|办法|规定|总结|计划|要点)$"
    r"|(?:委员会|人民政府|政府|办公室|办公厅|党委|党组|支部|总支|[局厅院处科所部委]|中心|公司|集团|协会|学会|大学|学校|医院|银行)"
    r"(?:[（(][\u4e00-\u9fff]+[）)])?$"
    r"|^[0-9０-９〇零一二三四五六七八九十○OΟ]{2,4}年[0-9０-９一二三四五六七八九十]{1,2}月(?:[0-9０-９一二三四五六七八九十]{1,3}日)?$"
    r"|^附件|^抄送|^印发|^联系人|^联系电话|^电话|^地址|^邮编|^传真|^网址|^邮箱|^电子邮箱"
    r"|gov\.cn|\.gov\b|edu\.cn"
)
# download-site features: a contact channel plus download-site wording, not an official site
_CONTACT = re.compile(r"QQ|[Qq]{2}群|微信|VX|vx|加群|客服|淘宝|店铺|旺旺|https?://|www\.|\.(?:com|net|cc|top|cn)\b")
_ADWORD = re.compile(r"整理|下载|会员|订阅|范文|文库|资料|咨询|原创|版权|倒卖|仅供|外传|免费")
_OFFICIAL = re.compile(r"gov\.cn|\.gov\b|edu\.cn|org\.cn|政府|人民|委员会")
# "笔墨轩独家整理发布", "酷乐文行整理，咨询QQ…": the brand is what comes before the verb
_BRAND = re.compile(r"^(?:由|来自|本文由)?([\u4e00-\u9fffA-Za-z]{3,10}?)(?:独家)?(?:整理|发布|出品|原创|制作|编辑|收集|提供|分享)")
_BRANDLIKE = re.compile(r"[\u4e00-\u9fffA-Za-z]{3,10}")
_GENERIC = {"本站", "本网", "本文", "本平台", "网友", "小编", "作者", "互联网", "互联网用户", "网络", "网上",
            "用户", "会员", "编辑", "文章", "资料", "材料", "范文", "文库", "全文", "原文"}

# --- ordinals ---------------------------------------------------------------------------------
_MARK_CHINESE = re.compile(r"一([、.．，,：:])")
_MARK_ARABIC = re.compile(r"[1１]([.．、,，])")


def standard_form(style: str) -> Optional[str]:
    """The standard ordinal form a (possibly faulty) style stands for: "1、" -> "1.",
    "(一)" -> "（一）", "（一）、" -> "（一）", "3）" -> "（1）"; None when unknown."""
    if style in STANDARD_STYLES:
        return style
    if style.startswith("第"):
        return None
    bracket = any(ch in style for ch in "（()）")
    if "一" in style:
        return "（一）" if bracket else "一、"
    if "1" in style or "１" in style:
        return "（1）" if bracket else "1."
    return None


def _basis(style: str) -> str:
    """Why a style is not standard, with the clause."""
    std = standard_form(style)
    if any(ch in style for ch in "()１．"):
        return "GB/T 9704-2012 7.3.3（序号用全角括号、半角数字和下脚点）"
    if std in ("（一）", "（1）"):
        return "GB/T 15834-2011 B.3.4（括号序号后不再加标点）"
    if std == "一、":
        return "GB/T 15834-2011 B.3.2（汉字数字序号后用顿号）"
    return "GB/T 15834-2011 B.3.3（阿拉伯数字序号后用下脚点）"


def _mark_kind(style: str) -> Optional[tuple[str, str]]:
    m = _MARK_CHINESE.fullmatch(style)
    if m:
        return "chinese", m.group(1)
    m = _MARK_ARABIC.fullmatch(style)
    if m:
        return "arabic", m.group(1)
    return None


# --- placeholders -----------------------------------------------------------------------------
_SPACES = re.compile(r"[ \t\u00a0\u3000]+")


def normalize_token(raw: str) -> str:
    """A placeholder as the profile records it: white space runs collapsed, a row of blanks
    (``X    X    X    X``) cut to three items, long underscore runs cut to three."""
    t = _SPACES.sub(" ", raw.strip())
    t = re.sub(r"_{3,}", "___", t)
    t = re.sub(r"＿{2,}", "＿＿", t)
    parts = t.split(" ")
    if len(parts) > 3 and all(p and p == parts[0] for p in parts):
        t = " ".join(parts[:3])
    return t


# --- the learner ------------------------------------------------------------------------------
class Learner:
    """Counters over a stream of documents; ``render`` writes the profile."""

    def __init__(self, min_docs: int = MIN_DOCS, min_share: float = MIN_SHARE) -> None:
        from .config import Settings
        from .engine import Linter
        # learn from the corpus only: no profile (not even the built-in one) while learning
        self.linter = Linter(Settings(select=("PH", "WM")), profile=EMPTY)
        self.min_docs = min_docs
        self.min_share = min_share
        self.documents = 0
        self.chars = 0
        self.skipped: list[tuple[str, str]] = []
        # ordinals: depth -> style/standard form -> documents and headings
        self.depth_docs: Counter = Counter()
        self.style_docs: dict[int, Counter] = defaultdict(Counter)
        self.style_heads: dict[int, Counter] = defaultdict(Counter)
        self.family_docs: dict[int, Counter] = defaultdict(Counter)
        self.family_heads: dict[int, Counter] = defaultdict(Counter)
        self.marks: dict[str, Counter] = defaultdict(Counter)
        # lines: normalised line -> documents it occurs in / is flagged in / sits next to a flag in
        self.line_docs: Counter = Counter()
        self.flag_docs: Counter = Counter()
        self.near_docs: Counter = Counter()
        self.example: dict[str, str] = {}
        self.brand_docs: Counter = Counter()         # brand of a flagged "…整理/发布" credit
        self.brand_example: dict[str, str] = {}
        self.inline_docs: Counter = Counter()
        self.inline_example: dict[str, str] = {}
        self.pruned = 0
        # placeholders and punctuation
        self.tokens: Counter = Counter()
        self._token_cache: dict[str, str] = {}
        self.token_docs: Counter = Counter()
        self.connectors: dict[str, Counter] = defaultdict(Counter)

    # --- reading --------------------------------------------------------------------------
    def add_file(self, path: str, name: Optional[str] = None) -> bool:
        """Learn from one file; False (and the reason in ``skipped``) when it cannot be read."""
        try:
            source = read_source(path)
        except SourceError as exc:
            self.skipped.append((path, str(exc)))
            return False
        self.add(Document.from_source(source, path=path), name or os.path.basename(path))
        return True

    def add(self, doc: Document, name: str) -> None:
        self.documents += 1
        self.chars += len(doc.text)
        index = doc.index
        structure = doc.structure
        skip_lines: set[int] = set()
        self._add_headings(structure.headings, skip_lines)
        for span in (structure.title, structure.salutation, structure.signature, structure.date):
            if span is not None:
                skip_lines.add(index.line_of(span.start))

        flagged: set[int] = set()
        pattern_lines: set[int] = set()
        inline_here: set[str] = set()
        tokens_here: set[str] = set()
        text = doc.text
        for d in self.linter.lint(doc):
            family = d.code[:2]
            if family == "WM":
                if d.whole_line:
                    if d.code in _PATTERN_ONLY:
                        pattern_lines.add(index.line_of(d.span.start))
                        continue
                    last = index.line_of(max(d.span.start, d.span.end - 1))
                    flagged.update(range(index.line_of(d.span.start), last + 1))
                elif d.code != "WM008":                       # invisible characters are not phrases
                    n = normalize_line(text[d.span.start:d.span.end])
                    if 2 <= len(n) <= MAX_LINE:
                        inline_here.add(n)
            elif family == "PH":
                raw = text[d.span.start:d.span.end]
                token = self._token_cache.get(raw)
                if token is None:
                    token = normalize_token(raw)
                    if len(self._token_cache) < 10_000:
                        self._token_cache[raw] = token
                if token:
                    self.tokens[token] += 1
                    tokens_here.add(token)
        self.token_docs.update(tokens_here)
        for n in inline_here:
            self.inline_docs[n] += 1
            self.inline_example.setdefault(n, name)

        near = {j for i in flagged for j in (i - 2, i - 1, i + 1, i + 2)}
        masked = doc.masked
        status: dict[str, int] = {}                          # 2 flagged, 1 next to a flag, 0 neither
        for i, a, b in doc.lines():
            if i in pattern_lines or b - a > 4 * MAX_LINE:     # long lines are prose: skip early
                continue
            n = normalize_line(masked[a:b])
            if not n or len(n) > MAX_LINE:
                continue
            s = 2 if i in flagged else (1 if i in near and i not in skip_lines else 0)
            if status.get(n, -1) < s:
                status[n] = s
        brands_here = set()
        for n, s in status.items():
            if s == 2:
                m = _BRAND.match(n)
                if m:
                    brands_here.add(m.group(1))
            self.line_docs[n] += 1
            if s == 2:
                self.flag_docs[n] += 1
            elif s == 1:
                self.near_docs[n] += 1
            if s or _download_site_line(n):
                self.example.setdefault(n, name)
        for b in brands_here:
            self.brand_docs[b] += 1
            self.brand_example.setdefault(b, name)
        if len(self.line_docs) > MAX_TRACKED:
            self._prune()
        self._add_ranges(doc)

    def _add_headings(self, headings, skip_lines: set[int]) -> None:
        styles: set[tuple[int, str]] = set()
        families: set[tuple[int, str]] = set()
        for h in headings:
            skip_lines.add(h.line)
            depth = getattr(h, "depth", None) or max(h.level, 1)
            if not 1 <= depth <= MAX_LEVEL:
                continue
            self.style_heads[depth][h.style] += 1
            styles.add((depth, h.style))
            family = standard_form(h.style)
            if family:
                self.family_heads[depth][family] += 1
                families.add((depth, family))
            kind = _mark_kind(h.style)
            if kind:
                self.marks[kind[0]][kind[1]] += 1
        for depth, style in styles:
            self.style_docs[depth][style] += 1
        for depth, family in families:
            self.family_docs[depth][family] += 1
        for depth in {d for d, _ in styles}:
            self.depth_docs[depth] += 1

    def _add_ranges(self, doc: Document) -> None:
        try:
            from gwlint.rules.numbers import find_ranges
            ranges = find_ranges(doc)
        except (ImportError, AttributeError, TypeError, ValueError):  # the NU helper changed
            return
        for item in ranges:
            connector, kind = item[2], item[3]
            self.connectors["date" if kind == "date" else "number"][connector] += 1

    def _prune(self) -> None:
        """Forget the rarest lines that carry no evidence, so memory stays bounded on a huge
        corpus (deterministic: depends only on the file order). Lines with evidence (flagged,
        next to a flag, download-site features) are always kept."""
        def evidence(n: str) -> bool:
            if n in self.flag_docs:
                return True
            # a line seen only once, next to a leftover, is weak evidence: prunable like any other
            if self.line_docs[n] <= 1 and not _download_site_line(n):
                return False
            return n in self.near_docs or n in self.example

        excess = len(self.line_docs) - MAX_TRACKED // 2
        histogram = Counter(c for n, c in self.line_docs.items() if not evidence(n))
        cut = removed = 0
        for count in sorted(histogram):
            if removed >= excess:
                break
            cut, removed = count, removed + histogram[count]
        if cut:
            before = len(self.line_docs)
            self.line_docs = Counter({n: c for n, c in self.line_docs.items() if c > cut or evidence(n)})
            for n in [n for n in self.near_docs if n not in self.line_docs]:
                del self.near_docs[n]
                self.example.pop(n, None)
            self.pruned += before - len(self.line_docs)

    # --- deciding -------------------------------------------------------------------------
    def ordinals(self) -> list[tuple[int, Optional[str], Optional[str], str]]:
        """(depth, standard form or None, corpus departure or None, counts) per depth."""
        out = []
        for depth in sorted(self.depth_docs):
            docs, heads = self.style_docs[depth], self.style_heads[depth]
            detail = "，".join(f"“{s}” {docs[s]} 篇 {heads[s]} 处"
                              for s in sorted(docs, key=lambda s: (-docs[s], -heads[s], s)))
            fams, fheads = self.family_docs[depth], self.family_heads[depth]
            chosen = departure = None
            if fams:
                best = max(fams, key=lambda f: (fams[f], fheads[f], f))
                if fams[best] >= self.min_docs and fams[best] >= self.min_share * self.depth_docs[depth]:
                    chosen = best
                    members = [s for s in docs if standard_form(s) == best]
                    habit = max(members, key=lambda s: (docs[s], heads[s], s == best, s))
                    if habit != best:
                        departure = habit
            out.append((depth, chosen, departure, detail))
        return out

    def leftover_lines(self) -> list[tuple[str, int, str, str]]:
        """(line, documents, evidence, example file), most frequent first."""
        out = []
        for n, docs in self.line_docs.items():
            if docs < self.min_docs or _GENRE.search(n) or not _LETTERS.search(n):
                continue
            flagged, near = self.flag_docs.get(n, 0), self.near_docs.get(n, 0)
            mostly = 2 * (flagged + near) >= docs
            if flagged and mostly:
                why = f"水印规则判定 {flagged} 篇"
            elif near >= self.min_docs and mostly and _stamp_like(n):
                why = f"紧邻残留行 {near} 篇"
            elif _download_site_line(n):
                why = "含下载站联系方式"
            else:
                continue
            out.append((n, docs, why, self.example.get(n, "")))
        return sorted(out, key=lambda t: (-t[1], t[0]))

    def leftover_phrases(self, lines: list[tuple[str, int, str, str]]) -> list[tuple[str, int, str, str]]:
        """(phrase, documents, evidence, example): brand names that stamp several leftover
        lines, the brand of a "…整理/发布" credit, and inline adverts that recur verbatim."""
        found: dict[str, tuple[int, str, str]] = {}
        learned = [n for n, _, _, _ in lines]

        def add(p: str, docs: int, why: str, example: str) -> None:
            if p in _GENERIC or _GENRE.search(p):
                return
            if p not in found or found[p][0] < docs:
                found[p] = (docs, why, example)

        for n, docs, _, example in lines:
            if _BRANDLIKE.fullmatch(n) and any(n != m and n in m for m in learned):
                add(n, docs, "品牌名，也出现在其他残留行中", example)
            m = _BRAND.match(n)
            if m:
                add(m.group(1), docs, f"“{_comment(n)}”中的署名", example)
        for b, docs in self.brand_docs.items():
            if docs >= self.min_docs:
                add(b, docs, "水印规则判定的“…整理/发布”署名", self.brand_example[b])
        for n, docs in self.inline_docs.items():
            if docs >= self.min_docs:
                add(n, docs, "插在正文中的广告", self.inline_example[n])
        return sorted(((p, d, w, e) for p, (d, w, e) in found.items()), key=lambda t: (-t[1], t[0]))

    # --- writing --------------------------------------------------------------------------
    def render(self) -> str:
        w = []
        w += ["# gwlint 约定配置（由 gwlint learn 生成）：请审阅后提交，删去不认同的条目即可。",
              f"# 学自 {self.documents} 篇文稿。gwlint check 在配置 profile = \"本文件\" 或命令行 --profile 指定时按此检查。",
              "#",
              "# 标准优先：[ordinals] 只取 GB/T 9704-2012 7.3.3、GB/T 15834-2011 附录 B.3 认可的序号形式；",
              "# 语料中不符合标准的习惯（如第三级用“1、”）记在 [ordinal-departures] 和注释中，不作为检查依据。",
              "# 如本单位确需沿用，请在项目配置中声明：",
              "#   [conventions]",
              "#   accept-ordinals = [\"1、\"]",
              "",
              "[meta]",
              'generator = "gwlint learn"',
              f"documents = {self.documents}",
              f"min-docs = {self.min_docs}",
              f"min-share = {self.min_share!r}",
              ""]
        # ordinals
        decided = self.ordinals()
        w += ["# 各级标题的序号形式。level-N 指实际嵌套的第 N 层（第一层不一定是“一、”）；",
              f"# 某一层至少 {self.min_docs} 篇、且占该层文稿 {_pct(self.min_share)} 以上用同一形式，才记为约定。",
              "[ordinals]"]
        departures = []
        for depth, chosen, departure, detail in decided:
            if chosen is None:
                w.append(f"# level-{depth}：语料中未形成一致的约定（{detail}），不作要求")
                continue
            note = ""
            if departure:
                note = f"；多用的“{departure}”不符合 {_basis(departure)}，取标准形式“{chosen}”"
                departures.append((depth, departure, chosen))
            w.append(f"level-{depth} = {_toml(chosen)}  # 语料中：{detail}{note}")
        w += ["", "# 语料中不符合标准的序号习惯（仅供审阅，不作为检查依据；沿用须在项目配置 accept-ordinals 中声明）",
              "[ordinal-departures]"]
        if not departures:
            w.append("# （语料中没有）")
        for depth, departure, chosen in departures:
            w.append(f"level-{depth} = {_toml(departure)}  # 标准形式为“{chosen}”；"
                     f"沿用请声明 [conventions] accept-ordinals = [{_toml(departure)}]")
        # leftovers
        lines = self.leftover_lines()
        phrases = self.leftover_phrases(lines)
        w += ["", f"# 在至少 {self.min_docs} 篇文稿中原样出现的广告、水印等残留（已去掉空白），gwlint check 报告为 WM009。",
              "# 正文中常见的套语（同志们：、谢谢大家！、标题、落款、日期、标题序号行）不会学入。",
              "[leftovers]"]
        w.append(_array("lines", [(n, f"{docs} 篇，{why}，例：{ex}") for n, docs, why, ex in lines]))
        w.append(_array("phrases", [(p, f"{docs} 篇，{why}，例：{ex}") for p, docs, why, ex in phrases]))
        # placeholders
        ranked = sorted(self.tokens, key=lambda t: (-self.tokens[t], t))
        w += ["", "# 语料中见过的占位符写法（由 PH 规则识别，空白已归一），按出现次数排列。", "[placeholders]"]
        if len(ranked) > MAX_TOKENS:
            w.append(f"# 另有 {len(ranked) - MAX_TOKENS} 种少见写法未列出")
        w.append(_array("tokens", [(t, f"{self.tokens[t]} 处，{self.token_docs[t]} 篇") for t in ranked[:MAX_TOKENS]]))
        # punctuation
        w += ["", "# 标点偏好。标准允许选择时取语料多数，不符合标准的用法只记在注释中。", "[punctuation]"]
        w += _connector_lines("range-connector", "时间范围", self.connectors.get("date", Counter()))
        w += _connector_lines("number-range-connector", "数值范围", self.connectors.get("number", Counter()))
        w += _mark_lines("ordinal-mark-chinese", "汉字数字序号（一、）后", "、", "GB/T 15834-2011 B.3.2",
                         self.marks.get("chinese", Counter()))
        w += _mark_lines("ordinal-mark-arabic", "阿拉伯数字序号（1.）后", ".", "GB/T 15834-2011 B.3.3",
                         self.marks.get("arabic", Counter()))
        w.append("")
        return "\n".join(w)


def _stamp_like(n: str) -> bool:
    return len(n) <= 30 and not _SENTENCE.search(n) and not n.endswith(("：", ":"))


def _download_site_line(n: str) -> bool:
    return (bool(_CONTACT.search(n)) and bool(_ADWORD.search(n)) and "。" not in n
            and not _OFFICIAL.search(n))


def _pct(x: float) -> str:
    return f"{x * 100:g}%"


def _connector_lines(key: str, label: str, counts: Counter) -> list[str]:
    if not counts:
        return [f"# {key}：语料中没有{label}"]
    standard = ("—", "～")                       # GB/T 15834-2011 4.13.3.2: 一字线, sometimes 浪纹线
    ranked = sorted(counts, key=lambda c: (-counts[c], c))
    detail = "，".join(f"“{c}” {counts[c]} 处" for c in ranked)
    usable = [c for c in ranked if c in standard]
    chosen = max(usable, key=lambda c: (counts[c], c == "—")) if usable else "—"
    note = ""
    if ranked[0] not in standard and counts[ranked[0]] > max((counts[c] for c in usable), default=0):
        note = f"；多用的“{ranked[0]}”不符合 GB/T 15834-2011 4.13.3.2（范围用一字线“—”或浪纹线“～”）"
    return [f"{key} = {_toml(chosen)}  # {label}的连接号，语料中：{detail}{note}"]


def _mark_lines(key: str, label: str, standard: str, basis: str, counts: Counter) -> list[str]:
    if not counts:
        return [f"# {key}：语料中没有{label.rstrip('后')}"]
    ranked = sorted(counts, key=lambda c: (-counts[c], c))
    detail = "，".join(f"“{c}” {counts[c]} 处" for c in ranked)
    note = f"；多用的“{ranked[0]}”不符合 {basis}，取标准形式" if ranked[0] != standard else ""
    return [f"{key} = {_toml(standard)}  # {label}的标点，语料中：{detail}{note}"]


def _toml(s: str) -> str:
    out = []
    for ch in s:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _comment(s: str) -> str:
    return re.sub(r"[\x00-\x1f\x7f]+", " ", s)


def _array(key: str, items: list[tuple[str, str]]) -> str:
    if not items:
        return f"{key} = []"
    body = "".join(f"  {_toml(v)},  # {_comment(c)}\n" for v, c in items)
    return f"{key} = [\n{body}]"


# --- the library entry point ------------------------------------------------------------------
class Learned(NamedTuple):
    profile: Profile
    text: str


def iter_corpus(paths: Iterable[str]) -> list[tuple[str, str]]:
    """(path, display name) of every file to learn from: folders recursively (*.txt, *.md),
    files as given. The name is relative to the folder it was found under (stable across
    machines, so the example files in a profile do not depend on where the corpus lives)."""
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    for root in paths:
        if os.path.isdir(root):
            found = ((p, os.path.relpath(p, root).replace(os.sep, "/")) for p in discover([root], INCLUDE, ()))
        else:
            found = iter([(root, os.path.basename(root))])
        for path, name in found:
            key = os.path.abspath(path)
            if key not in seen:
                seen.add(key)
                out.append((path, name))
    return out


def learn(paths: Iterable[str], *, min_docs: int = MIN_DOCS, min_share: float = MIN_SHARE,
          progress: Optional[ProgressFn] = None, warn: Optional[WarnFn] = None) -> Learner:
    """Stream the corpus through a Learner (the CLI uses this to report statistics)."""
    files = iter_corpus(paths)
    learner = Learner(min_docs=min_docs, min_share=min_share)
    total = len(files)
    for i, (path, name) in enumerate(files, 1):
        if not learner.add_file(path, name) and warn is not None:
            warn(path, learner.skipped[-1][1])
        if progress is not None:
            progress(i, total, path)
    return learner


def _stderr_warning(path: str, reason: str) -> None:
    print(f"gwlint: 警告：{path}：{reason}，已跳过", file=sys.stderr)


def write_profile(path: str, text: str) -> None:
    """Write a profile (UTF-8, LF); an existing file is replaced atomically."""
    data = text.encode("utf-8")
    if os.path.exists(path):
        write_atomic(path, data)
    else:
        with open(path, "wb") as fh:
            fh.write(data)


def learn_paths(paths: Iterable[str], output_path: Optional[str] = None,
                progress: Optional[ProgressFn] = None, *, min_docs: int = MIN_DOCS,
                min_share: float = MIN_SHARE, warn: Optional[WarnFn] = _stderr_warning) -> Learned:
    """Learn from files and folders; returns ``(profile, toml_text)`` and writes the text to
    ``output_path`` when given. Undecodable files are skipped with a warning naming them
    (``warn(path, reason)``; stderr by default). ``progress(i, total, path)`` after each file."""
    learner = learn(paths, min_docs=min_docs, min_share=min_share, progress=progress, warn=warn)
    text = learner.render()
    profile = parse_profile(output_path or "<learned>", text.encode("utf-8"))
    if output_path:
        write_profile(output_path, text)
    return Learned(profile, text)


# --- command line -----------------------------------------------------------------------------
def _share(value: str) -> float:
    try:
        x = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"应为 0 到 1 之间的数：{value}") from None
    if not 0 < x <= 1:
        raise argparse.ArgumentTypeError(f"应为 0 到 1 之间的数：{value}")
    return x


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"应为正整数：{value}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"应为正整数：{value}")
    return n


def add_parser(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser(
        "learn", help="从本单位语料学习约定，写出约定配置（TOML）",
        description="读取语料（目录递归读取 *.txt、*.md），学习各级序号形式、反复出现的广告水印残留、"
                    "占位符写法和标点偏好，写出可审阅的约定配置。标准优先：不符合标准的习惯只记在注释中。")
    p.add_argument("paths", nargs="+", metavar="PATH", help="语料文件或目录")
    p.add_argument("-o", "--output", metavar="FILE", help="写入的约定配置文件（默认输出到标准输出）")
    p.add_argument("--min-docs", type=_positive, default=MIN_DOCS, metavar="N",
                   help=f"一行至少在 N 篇文稿中原样出现才作为残留学习，某层序号至少 N 篇使用才记为约定（默认 {MIN_DOCS}）")
    p.add_argument("--min-share", type=_share, default=MIN_SHARE, metavar="R",
                   help=f"某层序号形式至少占该层文稿的比例 R 才记为约定（默认 {MIN_SHARE}）")
    p.add_argument("--no-progress", action="store_true", help="不在终端显示进度")
    return p


class _Progress:
    """A one-line progress display on a terminal (stderr), at most ten updates a second."""

    def __init__(self, stream) -> None:
        self.stream = stream
        self.start = time.monotonic()
        self.last = 0.0
        self.shown = False

    def __call__(self, i: int, total: int, path: str) -> None:
        now = time.monotonic()
        if i != total and now - self.last < 0.1:
            return
        self.last = now
        rate = i / max(now - self.start, 1e-6)
        self.stream.write(f"\r\033[K学习中 {i}/{total} 个文件（{rate:.0f} 个/秒）")
        self.stream.flush()
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            self.stream.write("\r\033[K")
            self.stream.flush()
            self.shown = False


def run(args: argparse.Namespace) -> int:
    """``gwlint learn``: 0 when a profile was written, 2 on errors (one line naming the file)."""
    err = sys.stderr
    for p in args.paths:
        if not os.path.exists(p):
            print(f"gwlint: 错误：{p}：文件或目录不存在", file=err)
            return 2
    if args.output:
        folder = os.path.dirname(os.path.abspath(args.output))
        if not os.path.isdir(folder):
            print(f"gwlint: 错误：{args.output}：所在目录不存在", file=err)
            return 2
        if os.path.isdir(args.output):
            print(f"gwlint: 错误：{args.output}：是目录，应给出约定配置文件名", file=err)
            return 2
    show = err.isatty() and not getattr(args, "no_progress", False)
    bar = _Progress(err) if show else None

    def warn(path: str, reason: str) -> None:
        if bar is not None:
            bar.clear()
        _stderr_warning(path, reason)

    started = time.monotonic()
    try:
        learner = learn(args.paths, min_docs=args.min_docs, min_share=args.min_share, progress=bar, warn=warn)
    finally:
        if bar is not None:
            bar.clear()
    elapsed = time.monotonic() - started
    if learner.documents == 0:
        where = "、".join(args.paths)
        why = "所有文件都无法读取" if learner.skipped else "没有找到 .txt 或 .md 文件"
        print(f"gwlint: 错误：{where}：{why}，无法学习", file=err)
        return 2
    text = learner.render()
    profile = parse_profile(args.output or "<learned>", text.encode("utf-8"))
    if args.output:
        try:
            write_profile(args.output, text)
        except OSError as exc:
            print(f"gwlint: 错误：{args.output}：无法写入约定配置：{exc.strerror or exc}", file=err)
            return 2
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
    rate = learner.documents / elapsed if elapsed > 0 else float("inf")
    where = f"，已写入 {args.output}" if args.output else ""
    print(f"gwlint: 学习了 {learner.documents} 个文件（跳过 {len(learner.skipped)} 个，"
          f"{learner.chars / 1e4:.1f} 万字，{elapsed:.1f} 秒，{_rate(rate)} 个/秒）："
          f"序号约定 {len(profile.ordinal_styles)} 层，残留行 {len(profile.leftover_lines)} 条，"
          f"残留短语 {len(profile.leftover_phrases)} 个，占位符 {len(profile.placeholder_tokens)} 种{where}",
          file=err)
    return 0


def _rate(x: float) -> str:
    return "∞" if math.isinf(x) else f"{x:.0f}"
