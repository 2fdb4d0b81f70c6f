"""PU015 emoji: what a reviewer sees on drafts copied from WeChat posts, and the symbols 公文
use that must stay quiet."""
import pytest

from gwlint.linter import Document, Linter
from gwlint.linter.fixer import apply_edits
from gwlint.rules import symbols

LINTER = Linter()
ONLY = frozenset({"PU015"})


def found(text, path="d.txt"):
    return [d for d in LINTER.lint(Document(text, path=path), enabled=ONLY)]


def shown(text):
    return [text[d.span.start:d.span.end] for d in found(text)]


def test_enabled_by_default():
    assert "PU015" in LINTER.enabled


@pytest.mark.parametrize("text,expected", [
    ("🎯目标任务：全面完成年度指标。", ["🎯"]),
    ("一、🌟 亮点工作\n", ["🌟"]),
    ("全家👨‍👩‍👧参加，点赞👍🏻。", ["👨‍👩‍👧", "👍🏻"]),           # a ZWJ sequence and a skin tone: one finding each
    ("已完成✔️，请查收❤️。", ["✔️", "❤️"]),                       # symbols in emoji style
    ("1️⃣加强组织领导。\n2⃣压实工作责任。", ["1️⃣", "2⃣"]),          # keycaps, with and without U+FE0F
    ("中国🇨🇳加油", ["🇨🇳"]),
])
def test_emoji_are_reported(text, expected):
    assert shown(text) == expected


@pytest.mark.parametrize("text", [
    "①加强组织领导；②压实工作责任；⑩其他。",
    "★重点任务：■ 完成清单 □ 待办 ● 已办 ◆ 备注 ※ 说明 → 下一步",
    "联系电话☎：12345；©2024 版权所有；注册商标™",
    "XX同志：□□□□年□□月□□日",                                  # placeholders (PH's business)
    "𠀀𪚥 are rare Han characters above U+FFFF, not emoji",         # astral, but not pictographs
    "第1章　总则",
])
def test_symbols_used_in_documents_are_not_reported(text):
    assert found(text) == []


def test_keycap_fix_writes_an_ordinal_and_keeps_a_following_mark():
    text = "1️⃣加强组织领导。\n2⃣、压实工作责任。\n"
    fixed, applied = apply_edits(text, found(text), unsafe=True)
    assert fixed == "1.加强组织领导。\n2、压实工作责任。\n" and len(applied) == 2
    assert all(d.fix.applicability.value == "unsafe" for d in found(text))


def test_emoji_fix_removes_the_space_that_set_it_off_and_is_not_safe():
    text = "🌟 亮点工作：三项改革落地。\n"
    (d,) = found(text)
    assert d.fix.applicability.value == "unsafe"
    assert apply_edits(text, [d], unsafe=True)[0] == "亮点工作：三项改革落地。\n"
    assert apply_edits(text, [d], unsafe=False)[0] == text       # --fix alone leaves it


def test_markdown_code_is_not_checked():
    assert found("正文\n\n```\n🎯 code\n```\n", path="d.md") == []


def test_astral_test_agrees_with_a_scan():
    for text in ["", "abc", "汉字", "汉字🎯", "𠀀", "a" * 1000 + "🎯", "汉" * 1000 + "\uffff"]:
        assert symbols._has_astral(text) == any(ord(c) > 0xFFFF for c in text)
    # texts built by slicing and joining are stored the same way
    joined = "".join(["汉字", "🎯"])[:2]
    assert symbols._has_astral(joined) is False
