"""Document model: decoding, line index in every unit, masking."""
import codecs

import pytest

from gwlint.linter.document import MASK, Document
from gwlint.linter.lineindex import LineIndex
from gwlint.linter.source import SourceError, decode


def test_lines_split_only_on_lf_crlf_cr():
    text = "甲\r\n乙\u2028丙\x0b丁\r戊\n己"
    idx = LineIndex(text)
    assert [idx.line_text(i) for i in range(idx.line_count)] == ["甲", "乙\u2028丙\x0b丁", "戊", "己"]


@pytest.mark.parametrize("encoding,expected", [("utf-16", 3), ("utf-8", 5), ("utf-32", 2)])
def test_columns_in_each_encoding_after_astral_character(encoding, expected):
    text = "𠮷a表XX"
    idx = LineIndex(text)
    offset = text.index("表")
    assert idx.units_col(offset + 1, encoding) == (0, {"utf-16": 4, "utf-8": 8, "utf-32": 3}[encoding])
    assert idx.units_col(offset, encoding) == (0, expected)
    # and back
    assert idx.offset_from_units(0, expected, encoding) == offset


def test_offset_from_units_clamps_inside_surrogate_pair_and_past_line_end():
    idx = LineIndex("😀好\n次行")
    assert idx.offset_from_units(0, 1, "utf-16") == 0      # inside the surrogate pair
    assert idx.offset_from_units(0, 99, "utf-16") == 2     # past the end: line end
    assert idx.offset_from_units(5, 0, "utf-16") == len("😀好\n次行")


def test_line_span_excludes_crlf():
    idx = LineIndex("一\r\n二\r\n")
    assert idx.line_span(0) == (0, 1)
    assert idx.line_span(1) == (3, 4)
    assert idx.line_of(2) == 0 and idx.line_of(3) == 1


def test_decode_utf8_bom_gb18030_and_binary():
    s = decode(codecs.BOM_UTF8 + "请示".encode())
    assert (s.text, s.encoding, s.bom) == ("请示", "utf-8", True)
    g = decode("关于召开会议的通知".encode("gb18030"))
    assert (g.text, g.encoding) == ("关于召开会议的通知", "gb18030")
    assert g.encode() == "关于召开会议的通知".encode("gb18030")
    with pytest.raises(SourceError, match="二进制"):
        decode(b"\x00\x01\x02PK")
    crlf = decode(codecs.BOM_UTF8 + "一\r\n二\r\n".encode())
    assert crlf.newline == "\r\n" and crlf.encode() == codecs.BOM_UTF8 + "一\r\n二\r\n".encode()


def test_markdown_masking_keeps_offsets_and_hides_code_comments_links():
    text = ("---\ntitle: XX\n---\n# 一、总体要求\n请`XX`看 [链接](http://a.cn/XX) 与 **重点**。\n"
            "<!-- XX -->\n```\nXX\n```\n| 甲 | 乙 |\n|---|---|\n")
    doc = Document(text, path="a.md")
    masked = doc.masked
    assert len(masked) == len(text)
    assert "XX" not in masked
    assert "一、总体要求" in masked and "链接" in masked and "重点" in masked
    assert "**" not in masked and "|" not in masked and "#" not in masked
    assert masked.count("\n") == text.count("\n")


def test_plain_text_masks_only_directives():
    text = "请XX参加。\n<!-- gwlint-disable PH001 -->\n"
    doc = Document(text, path="a.txt")
    assert doc.masked.startswith("请XX参加。\n")
    assert MASK * 5 in doc.masked


def test_protected_spans_cover_urls_and_emails():
    doc = Document("详见www.yunlan.gov.cn，或发邮件至ban@yunlan.gov.cn。")
    text = doc.text
    assert doc.is_protected(text.index("yunlan"))
    assert doc.is_protected(text.index("@"))
    assert not doc.is_protected(text.index("详"))


def test_url_and_email_patterns_agree_with_and_without_possessive_quantifiers():
    # Python 3.10's re has no possessive quantifiers: the patterns are written another way there
    # (look-ahead + back-reference), and both ways must protect exactly the same spans
    import random
    import sys
    from gwlint.linter.masking import url_patterns
    if sys.version_info < (3, 11):
        pytest.skip("re has possessive quantifiers from Python 3.11 on")
    native, emulated = url_patterns(True), url_patterns(False)
    rng = random.Random(3)
    pieces = ["www.", "http://", "https://", "gov.cn", ".com", ".cn", "a-b", "12345678901234567890",
              "x.y.z", "/path?q=1", "@", "qq.com", "user_1", " ", "，", "详见", "。", "-", "."]
    samples = ["详见www.gov.cn/zwgk/ 和 http://example.com/a?b=1，邮箱 test.user@qq.com。",
               "版本1.2.3.4 与 0123456789012345678901234567890123.com"]
    samples += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 25))) for _ in range(500)]
    for text in samples:
        for a, b in zip(native, emulated):
            assert [m.span() for m in a.finditer(text)] == [m.span() for m in b.finditer(text)], text


def test_protected_spans_found_from_keys_equal_a_scan_of_the_whole_text():
    # find_protected starts its scans only from the runs before "://", "." and "@"; the spans
    # must be those of a plain finditer over the whole text
    import random
    from gwlint.linter.masking import EMAIL, URL, find_protected
    from gwlint.linter.model import Span

    def whole_scan(text):
        spans = sorted([Span(*m.span()) for m in URL.finditer(text)]
                       + [Span(*m.span()) for m in EMAIL.finditer(text)])
        merged = []
        for s in spans:
            if merged and s.start <= merged[-1].end:
                merged[-1] = Span(merged[-1].start, max(s.end, merged[-1].end))
            else:
                merged.append(s)
        return tuple(merged)

    rng = random.Random(5)
    pieces = ["www.", "http://", "https://", "ftp://", "gov.cn", ".com", ".cn", "a-b", "xhttp://", "1.5",
              "x.y.z", "/path?q=1", "@", "qq.com", "user_1", "a.b@c.d", " ", "\n", "\r\n", "，", "详见",
              "。", "-", ".", ":", "//", "h", "w", "%+"]
    samples = ["详见www.gov.cn/zwgk/ 和 http://example.com/a?b=1，邮箱 test.user@qq.com。",
               "增长1.5%，网址abc.gov.cn\n第2行 ftp://x.y 与 a@b.cn", "@@a.cn", "..com", "http://"]
    samples += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 30))) for _ in range(3000)]
    for text in samples:
        assert find_protected(text) == whole_scan(text), text
