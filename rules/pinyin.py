"""WM011 pinyin inserted after characters: 環(huán)境, 區(qū), 責(zé)任 — pages of mirror and
"learning" sites that annotate their text (against copying, or for search engines) leave the
syllables in every copy taken from them, dozens per page.

Only a syllable with a tone mark, in brackets right after a Chinese character, counts: English
words and abbreviations in brackets (微信(WeChat), 国内生产总值(GDP)) carry none. A speech
written for a leader may mark the reading of a few rare characters on purpose (酝酿(niàng)), so
a document is reported only when it holds several such syllables, the way a site inserts them.

Speed: one scan per bracket, led by the bracket and failing at once where no letter follows
(about 4 M instructions per MB, 0.5% of a lint: "（" stands hundreds of times in a draft; a
scan for the tone marks themselves would cost 2%).
"""
from __future__ import annotations

import re

from gwlint.linter.model import Applicability, Edit, Example, Fix, FixAvailability, Related, Span
from gwlint.linter.rule import checker, meta

from .punctuation import _is_han   # the Han test by comparisons (a Han class costs milliseconds to compile)

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
# a syllable in brackets with at least one tone mark (huán, qū, lüè); the brackets may be mixed,
# as a copy through a full-width converter leaves them
_SYLLABLE = f"[a-zü{_TONED}]{{0,5}}[{_TONED}][a-zü{_TONED}]{{0,5}}[)）]"
# each bracket's pattern led by the bracket (re finds a literal lead fast) and failing at once
# where no letter follows (a look-ahead, cheaper there than the counted repeat)
_ANNOTATIONS = tuple(re.compile(f"{re.escape(bracket)}(?=[a-zü{_TONED}]){_SYLLABLE}") for bracket in ("(", "（"))


# fewer than this many are taken for reading aids a drafter added on purpose
MIN_ANNOTATIONS = 5
# the other places listed with the finding (the fix deletes them all)
MAX_RELATED = 10

WM011 = meta("WM011", "pinyin-annotation", "网页插入的拼音注音",
             what="检查汉字后面括号里的带声调拼音，如“環(huán)境”“區(qū)”“责(zé)任”：一份文稿中有 5 处以上时报告一次（指向第一处，列出其他几处），修复删除全部注音。"
                  "括号里的英文词、缩写（微信(WeChat)、国内生产总值(GDP)）不带声调，不报告；"
                  "讲话稿给个别生僻字注的音（少于 5 处）也不报告。",
             why="一些镜像网站、学习网站给正文逐字加注拼音（防复制或为搜索引擎），从这类网页复制的稿子满篇是“(qū)”“(zé)”，"
                 "不删除就不能用。",
             basis="《党政机关公文处理工作条例》第十九条（文字规范）",
             fix=FixAvailability.ALWAYS, fix_applicability=Applicability.SAFE,
             fix_safety="删除括号和拼音，是安全修复：只在全文有多处这样的注音（网页插入的特征）时才报告。",
             examples=(Example(bad="为示范引领全省农村人居环(huán)境改善，推进(jìn)工作落实(shí)，"
                                   "加强农(nóng)村建(jiàn)设。",
                               fixed="为示范引领全省农村人居环境改善，推进工作落实，加强农村建设。"),
                       Example(good="要统筹推进农村人居环境整治（厕所革命、垃圾处理），扩大微信(WeChat)服务覆盖面。"),
                       Example(good="这项工作需要认真酝酿(niàng)。")))


def _annotations(text: str) -> list[tuple[int, int]]:
    found = []
    for pattern in _ANNOTATIONS:
        for m in pattern.finditer(text):
            start = m.start()
            if start and _is_han(text[start - 1]):
                found.append((start, m.end()))
    return sorted(found)


@checker(WM011)
def pinyin_annotations(doc, ctx):
    text = doc.masked
    found = _annotations(text)
    if len(found) < MIN_ANNOTATIONS:
        return
    # one finding for the document, its fix deleting every syllable: per-syllable findings would
    # fall below the threshold as a fix pass deleted some of them and leave the rest
    orig = doc.text
    start, end = found[0]
    related = tuple(Related(Span(a, b), f"另一处拼音注音“{orig[a:b]}”") for a, b in found[1:1 + MAX_RELATED])
    fix = Fix("删除全部拼音注音", tuple(Edit(Span(a, b), "") for a, b in found), Applicability.SAFE)
    yield ctx.report(Span(start, end),
                     f"全文有 {len(found)} 处汉字后插入了拼音注音（如“{orig[start:end]}”），多为从网页复制带入，应全部删除",
                     fix=fix, related=related)


RULES = (pinyin_annotations,)
