"""CF rules that depend on the kind of document (文种), read from its title.

CF008 letter forms in a 公文: the 主送机关 of a 请示, 报告, 通知 … takes no 尊敬的 (that belongs
to speeches and letters), and a 请示 or 报告 does not close with the letter formula 此致 敬礼
(a 请示 ends with 妥否，请批示 or the like). Drafts written from a letter template, or copied
from 范文 sites, carry both. Speeches (……上的讲话) and letters (函) are not checked: 尊敬的 and
此致敬礼 are at home there.

CF009 the mixed genre 请示报告 in a title: a 请示 asks for approval and a 报告 reports; the
条例 forbids mixing them (报告中不得夹带请示事项). Titles of rules about both (重大事项请示报告
条例, 请示报告制度) end in another word and are left alone.
"""
from __future__ import annotations

import re

from gwlint.linter.model import Applicability, Example, Fix, FixAvailability, Span
from gwlint.linter.rule import checker, meta

# 文种 whose 主送机关 never takes 尊敬的; a report only when it is a 公文 (关于……的报告), not a
# speech-like 工作报告 delivered to a congress
_FORMAL_GENRES = ("请示", "通知", "批复", "意见", "决定", "通报", "报告")
_NO_LETTER_CLOSING = ("请示", "报告")
_CLOSING_LINE = re.compile(r"[ \t\u3000]*(?:此致[ \t\u3000，,]*(?:敬礼[！!]?)?|敬礼[！!])[ \t\u3000]*$", re.M)

CF008 = meta("CF008", "letter-forms-in-document", "公文中用了书信格式",
             what="在标题表明是请示、报告（“关于……的报告”）、通知、批复、意见、决定、通报的文稿中，检查主送机关前的“尊敬的”，"
                  "以及请示、报告结尾的书信结语“此致 敬礼”。讲话稿和函不检查。",
             why="公文的主送机关用全称或规范化简称，不加“尊敬的”；请示以“妥否，请批示”“以上请示当否，请批示”等结尾，"
                 "报告以“特此报告”等结尾，不用书信的“此致 敬礼”。照书信模板或网上范文写的稿子常带着这两处。",
             basis="GB/T 9704-2012 7.2.3（主送机关）；《党政机关公文处理工作条例》第九条（公文种类）",
             fix=FixAvailability.SOMETIMES, fix_applicability=Applicability.UNSAFE,
             fix_safety="删除主送机关前的“尊敬的”需确认（不安全修复）；结语要按文种改写，不提供自动修复。",
             examples=(Example(bad="关于申请维修教学楼专项资金的请示\n尊敬的市教育局：\n我校教学楼年久失修，特申请专项资金。\n",
                               fixed="关于申请维修教学楼专项资金的请示\n市教育局：\n我校教学楼年久失修，特申请专项资金。\n"),
                       Example(bad="关于申请维修教学楼专项资金的请示\n市教育局：\n特申请专项资金。\n此致\n敬礼！\n"),
                       Example(good="关于申请维修教学楼专项资金的请示\n市教育局：\n特申请专项资金。\n妥否，请批示。\n"),
                       Example(good="在全市教育工作会议上的讲话\n尊敬的各位领导，同志们：\n今天召开会议。\n"),
                       Example(good="关于商请支持教学楼维修的函\n市教育局：\n特此函商。\n此致\n敬礼！\n")))


def _genre(title: str) -> str:
    title = title.rstrip("。.，,；;：: \t\u3000")
    for genre in _FORMAL_GENRES:
        if title.endswith(genre):
            if genre == "报告" and not title.startswith("关于"):
                return ""
            return genre
    return ""


@checker(CF008)
def letter_forms(doc, ctx):
    structure = doc.structure
    if structure.title is None:
        return
    text = doc.text
    genre = _genre(text[structure.title.start:structure.title.end].strip())
    if not genre:
        return
    sal = structure.salutation
    if sal is not None:
        start = sal.start
        while start < sal.end and text[start] in " \t\u3000":
            start += 1
        if text.startswith("尊敬的", start):
            span = Span(start, start + 3)
            yield ctx.report(span, f"{genre}的主送机关前不加“尊敬的”，直接写机关全称或规范化简称", code="CF008",
                             fix=Fix.replace(span, "", "删除“尊敬的”", Applicability.UNSAFE))
    if genre in _NO_LETTER_CLOSING and ("此致" in text or "敬礼" in text):
        ending = "“妥否，请批示”等" if genre == "请示" else "“特此报告”等"
        spans = []                              # 此致 and 敬礼 on two lines are one closing
        for m in _CLOSING_LINE.finditer(text, structure.title.end):
            stripped = m.group().strip(" \t\u3000")
            if not stripped:
                continue
            a = m.start() + m.group().index(stripped[0])
            b = a + len(stripped)
            if spans and not text[spans[-1][1]:a].strip():
                spans[-1] = (spans[-1][0], b)
            else:
                spans.append((a, b))
        for a, b in spans:
            shown = " ".join(text[a:b].split())
            yield ctx.report(Span(a, b), f"{genre}不用书信结语“{shown}”，应以{ending}作结", code="CF008")

CF009 = meta("CF009", "mixed-request-report", "“请示报告”混用文种",
             what="检查标题以“请示报告”结尾的文稿（“关于……的请示报告”）。“重大事项请示报告条例”“请示报告制度”这类"
                  "以其他词结尾的标题不报告。",
             why="请示用于向上级请求指示、批准，报告用于汇报工作、反映情况，两者不得混用：报告中不得夹带请示事项，"
                 "请示应当一文一事。“请示报告”不是法定文种，是公文写作中的典型差错。",
             basis="《党政机关公文处理工作条例》第八条（文种）、第十五条（请示应当一文一事；报告中不得夹带请示事项）",
             fix_safety="不提供自动修复：要按行文目的改为“请示”或“报告”，并相应调整结语。",
             examples=(Example(bad="关于请求解决学校危房改造资金的请示报告\n县教育局：\n我校教学楼年久失修。\n"),
                       Example(good="关于请求解决学校危房改造资金的请示\n县教育局：\n我校教学楼年久失修。\n妥否，请批示。\n"),
                       Example(good="关于认真执行重大事项请示报告制度的通知\n各单位：\n现将有关事项通知如下。\n")))

_MIXED_GENRE = "请示报告"


@checker(CF009)
def mixed_genre(doc, ctx):
    title = doc.structure.title
    if title is None:
        return
    text = doc.text
    shown = text[title.start:title.end].rstrip("。.，,；;：: \t\u3000")
    if shown.endswith(_MIXED_GENRE):
        end = title.start + len(shown)
        yield ctx.report(Span(end - len(_MIXED_GENRE), end),
                         "“请示报告”不是规范文种：请示与报告不得混用，请求批准用“请示”，汇报工作用“报告”")


RULES = (letter_forms, mixed_genre)
