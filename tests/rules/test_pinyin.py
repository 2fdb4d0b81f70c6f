"""WM011 pinyin inserted after characters by mirror sites (環(huán)境, 區(qū)), as a reviewer
sees it, and the brackets that must stay quiet."""
import pytest

from gwlint.linter import Document, Linter
from gwlint.linter.fixer import fix_text

LINTER = Linter()
ONLY = frozenset({"WM011"})

# a mirror site's copy: a syllable after many characters, ASCII and full-width brackets mixed
MIRROR = ("关于做好农村人居环境整治工作的通知\n各乡镇：\n"
          "　　为示范引领全省农村人居环(huán)境改善，推进(jìn)工作落地落实落细（xì）。\n"
          "　　加强农(nóng)村建(jiàn)设，各区(qū)要压实责(zé)任。\n")


def found(text, path="d.txt"):
    return LINTER.lint(Document(text, path=path), enabled=ONLY)


def test_enabled_by_default():
    assert "WM011" in LINTER.enabled


def test_a_mirror_copy_gets_one_finding_that_names_the_count_and_lists_the_others():
    [d] = found(MIRROR)
    assert MIRROR[d.span.start:d.span.end] == "(huán)"
    assert "全文有 7 处" in d.message and "(huán)" in d.message
    assert [MIRROR[r.span.start:r.span.end] for r in d.related] == ["(jìn)", "（xì）", "(nóng)", "(jiàn)", "(qū)", "(zé)"]
    assert d.fix is not None and d.fix.applicability.value == "safe"


def test_the_fix_deletes_every_syllable_and_nothing_else():
    outcome = fix_text(LINTER, Document(MIRROR, path="d.txt"))
    assert outcome.text == ("关于做好农村人居环境整治工作的通知\n各乡镇：\n"
                            "　　为示范引领全省农村人居环境改善，推进工作落地落实落细。\n"
                            "　　加强农村建设，各区要压实责任。\n")


def test_with_all_rules_the_bracket_fixes_do_not_leave_syllables_behind():
    # PU004 also reports the half-width brackets; fixing to a fixed point must still remove
    # every syllable (a per-syllable finding would drop below the threshold half way)
    full = fix_text(Linter(), Document(MIRROR, path="d.txt"))
    assert full.text == fix_text(LINTER, Document(MIRROR, path="d.txt")).text
    assert not [d for d in full.remaining if d.code in ("WM011", "PU004")]


@pytest.mark.parametrize("text", [
    # a few reading aids a speech writer added on purpose
    "这项改革需要认真酝酿(niàng)，广泛听取意见，防止草率(shuài)行事。",
    "要把浐(chǎn)河、灞(bà)河综合治理抓紧抓好，确保汛期安全。",
    # English words and abbreviations in brackets carry no tone marks
    "扩大微信(WeChat)服务，国内生产总值(GDP)增长6%，推进(app)建设，完善(ETC)通行，加强(AI)应用，发展(VR)产业。",
    # pinyin without tone marks, and a syllable not right after a character
    "环(huan)境、推进(jin)、落细(xi)、建(jian)设、农(nong)村、责(ze)任。",
    "读音：(huán) (jìn) (xì) (nóng) (jiàn) (qū)",
])
def test_look_alikes_are_quiet(text):
    assert found(text) == []


def test_inside_markdown_code_it_is_quiet():
    text = "# 说明\n\n```\n环(huán)境 推进(jìn) 落细(xì) 农(nóng)村 建(jiàn)设\n```\n"
    assert found(text, path="d.md") == []
