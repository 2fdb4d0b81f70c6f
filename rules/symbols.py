"""PU015 emoji in a 公文: pictographs (🌟 📜 🎯 👍🏻), emoji-style symbols (✔️ ☎️) and keycap
digits used as ordinals (1️⃣ 2️⃣), which drafts pick up when they are copied from WeChat posts
and web pages.

Only what is unmistakably emoji is reported: characters of the emoji blocks above U+FFFF, a
symbol followed by the emoji variation selector U+FE0F, and keycap sequences (U+20E3). Symbols
that 公文 and tables use as they are — ① ★ ● ■ □ ※ → © — are left alone.

Speed: a document almost never holds any of this, so each kind is looked for only where a
cheap test says it can be: str.find for U+FE0F and U+20E3, and for characters above U+FFFF the
width CPython stores the text in (a text without such characters is stored at one or two
bytes per character; telling which costs nothing, a regex scan would cost about 1% of a lint).
"""
from __future__ import annotations

import re
import sys

from gwlint.linter.model import Applicability, Example, Fix, FixAvailability, Span
from gwlint.linter.rule import checker, meta

# pictographs, emoticons, transport and map symbols, supplemental symbols and pictographs,
# regional indicators (flags) and skin-tone modifiers: U+1F000–U+1FAFF. A run of them, joined
# by zero-width joiners and variation selectors, is one emoji sequence (👨‍👩‍👧, 👍🏻).
_PICTOGRAPH = "\U0001F000-\U0001FAFF"
_PICTOGRAPHS = re.compile(f"[{_PICTOGRAPH}](?:[\u200d\ufe0f]*[{_PICTOGRAPH}])*\ufe0f?")
# a symbol shown as emoji by the variation selector U+FE0F (✔️ ☎️ ❤️ ▶️ ©️)
_EMOJI_STYLE = re.compile("[\u00a9\u00ae\u203c-\u2bff\u3030\u303d\u3297\u3299]\ufe0f")
# keycap digits: 1️⃣ (the selector is often left out: 1⃣)
_KEYCAP = re.compile("([0-9#*])\ufe0f?\u20e3")
# what may follow a keycap ordinal for "1." to read right (a word, not a mark of its own)
_MARKS_AFTER = frozenset("、.．，,：:）)")


def _ucs4_header() -> int:
    try:
        return sys.getsizeof("\U0001F600") - 2 * 4          # one character and the terminator
    except TypeError:  # pragma: no cover - an interpreter without sizes (PyPy)
        return -1


_UCS4_HEADER = _ucs4_header()
_ANY_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


def _has_astral(text: str) -> bool:
    """Whether ``text`` holds a character above U+FFFF. CPython stores a text with one such
    character at four bytes per character (PEP 393), so its size tells at once."""
    if _UCS4_HEADER < 0:  # pragma: no cover
        return _ANY_ASTRAL.search(text) is not None
    return sys.getsizeof(text) == _UCS4_HEADER + 4 * (len(text) + 1)


PU015 = meta("PU015", "emoji", "表情符号",
             what="检查表情符号：🌟📜🎯👍 等图形表情、带表情变体符的符号（✔️ ☎️ ❤️）和用作序号的数字键帽（1️⃣ 2️⃣）。"
                  "公文中常用的 ①②、★、●、■、□、※、→ 等符号不报告。",
             why="表情符号不是公文用字，多是从微信公众号、网页复制稿件时带进来的，打印或在其他系统中显示为方框或乱码；"
                 "序号应按层级写作“一、”“（一）”“1.”“（1）”。",
             basis="《党政机关公文处理工作条例》第九条、GB/T 9704-2012 7.3.3（结构层次序数）；GB/T 15834-2011 第3章（标点符号的种类）",
             fix=FixAvailability.ALWAYS, fix_applicability=Applicability.UNSAFE,
             fix_safety="删除表情符号、把数字键帽改成“1.”，需确认（不安全修复）：序号的层级和表情所代替的文字要由人判断。",
             examples=(Example(bad="🎯目标任务：全面完成年度指标。", fixed="目标任务：全面完成年度指标。"),
                       Example(bad="1️⃣加强组织领导。", fixed="1.加强组织领导。"),
                       Example(bad="已完成✔️", fixed="已完成"),
                       Example(good="①加强组织领导；②压实工作责任。"),
                       Example(good="★重点任务：■ 完成清单 □ 待办 → 下一步"),
                       Example(good="联系电话☎：12345")))


def _emoji(text: str, start: int, end: int, ctx):
    drop = end + 1 if text[end:end + 1] == " " else end      # "🌟 加强…": the space that set it off
    return ctx.report(Span(start, end), f"表情符号“{text[start:end]}”不应出现在公文中（多为从网页、公众号复制留下），应删除",
                      fix=Fix.replace(Span(start, drop), "", "删除表情符号", Applicability.UNSAFE))


def _keycap(text: str, m: re.Match, ctx):
    digit = m.group(1)
    if not digit.isdigit():                                # #️⃣ *️⃣: no ordinal to write instead
        return ctx.report(Span(*m.span()), f"数字键帽表情“{m.group()}”不应出现在公文中，应删除")
    after = text[m.end():m.end() + 1]
    # "1️⃣加强…" -> "1.加强…"; before a mark of its own ("2⃣、") the digit alone
    token = digit if not after or after in _MARKS_AFTER or after.isspace() else digit + "."
    return ctx.report(Span(*m.span()), f"数字键帽表情“{m.group()}”不是公文的序号，应按层级写作“{digit}.”“（{digit}）”等",
                      fix=Fix.replace(Span(*m.span()), token, f"改为“{token}”", Applicability.UNSAFE))


@checker(PU015)
def emoji(doc, ctx):
    text = doc.masked
    found = []
    if _has_astral(text):
        found += [m.span() for m in _PICTOGRAPHS.finditer(text)]
    if text.find("\ufe0f") >= 0:
        found += [m.span() for m in _EMOJI_STYLE.finditer(text)]
    for start, end in sorted(found):
        yield _emoji(text, start, end, ctx)
    if text.find("\u20e3") >= 0:
        for m in _KEYCAP.finditer(text):
            yield _keycap(text, m, ctx)


RULES = (emoji,)
