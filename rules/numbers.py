"""NU: number usage, per GB/T 15835-2011 (and GB/T 15834-2011 for range connectors).

A range is only recognised when a unit follows the second number (1-6月, 3-5名, 2021-2023年),
which keeps telephone numbers (010-12345678), room numbers (3-206), ISO dates (2024-07-12),
figure numbers (图2-1) and codes (青房鉴2024-031) out.
"""
from __future__ import annotations

import re

from gwlint.linter.model import Applicability, Edit, Example, Fix, FixAvailability, Span
from gwlint.linter.rule import checker, meta
from gwlint.linter.search import char_offsets, finditer_from

S15835 = "GB/T 15835-2011"
UNITS = (r"年|月|日|号|季度|个月|周|天|名|人|个|岁|次|项|家|所|条|户|万|亿|千|百|%|％|倍|小时|分钟|时|期|批|届|层|级|"
         r"公里|千米|米|元|吨|亩|公顷|平方米|立方米|座|辆|台|套|间|场|份|篇|页|章|节|款|点")
# a number range: first number (optionally with its own date unit), connector, second number, unit
_RANGE = re.compile(rf"(\d{{1,4}})(年|月|日|号)?[ ]?([-－—–～~])[ ]?(\d{{1,4}})(?![\d\-－.:])(?=\s?(?P<unit>{UNITS}))")
_NOT_BEFORE_RANGE = set("0123456789-－—～~.:/〔[（(")
_LETTER_END = re.compile(r"[A-Za-z]$")
DATE_UNITS = ("年", "月", "日", "号", "季度", "个月", "周", "天", "时", "小时", "分钟", "期", "届")
_CONNECTORS = "-－—–～~"
_FULLWIDTH_DIGITS = "０１２３４５６７８９"


def connector_positions(doc) -> list[int]:
    """Offsets of every range connector (-－—–～~) in ``doc.masked``: _RANGE and _RANGE_UNIT
    are only tried just before one, and CS reads ranges from them."""
    return doc.memo("range-connectors", lambda: char_offsets(doc.masked, _CONNECTORS))


def _finditer_before(pattern, text, anchors, lead, possible=None):
    """The matches of ``pattern.finditer(text)`` for a pattern whose every match starts with a
    run of ``lead`` characters up to its first anchor, or at that anchor (``anchors``: sorted
    offsets that include every such anchor). The pattern is tried only on those runs, never on
    ordinary text: a pattern that starts with a digit would be tried at every digit.
    ``possible(text, anchor)``, if given, is false only where no match can use that anchor."""
    pos = 0
    for c in anchors:
        if c < pos or (possible is not None and not possible(text, c)):
            continue
        p = c
        while p > pos and lead(text[p - 1]):
            p -= 1
        for p in range(p, c + 1):
            m = pattern.match(text, p)
            if m:
                yield m
                pos = m.end()
                break


# what must follow the connector of a match of _RANGE_UNIT
_DIGIT_AFTER_BLANK = re.compile(r"\s?\d")


def _range_unit_possible(text: str, c: int) -> bool:
    return _DIGIT_AFTER_BLANK.match(text, c + 1) is not None


def _number_lead(ch: str) -> bool:
    return ch.isdecimal() or ch == "." or ch.isspace()


# A match of _RANGE starts at most 6 characters before its connector (four digits, a date unit,
# a space) and reads nothing from 10 characters after it on (a space, four digits, the character
# after them, a blank and a unit of up to three characters).
_RANGE_BACK, _RANGE_AHEAD = 6, 10


def _range_matches(text: str, connectors: list[int]):
    """The matches of _RANGE that _finditer_before would find from the connectors (walking back
    over digits, date units and spaces), each connector tried by one search over the window its
    matches lie in: one call instead of a walk back and a match per position. A match cannot
    start before the run of those characters that ends at the connector, and the window end is
    past every character a match starting up to the connector reads: the first match to start
    in the window, if it starts up to the connector, is the one the walk finds."""
    pos = 0
    for c in connectors:
        if c < pos:
            continue
        m = _RANGE.search(text, max(pos, c - _RANGE_BACK), c + _RANGE_AHEAD)
        if m and m.start() <= c:
            yield m
            pos = m.end()


def heading_ordinal_positions(doc) -> set[int]:
    """Offsets inside the ordinals of headings (“一、” “（1）”): NU and PU leave them to HD."""
    return doc.memo("heading-ordinal-positions", lambda: {
        i for h in doc.structure.headings for i in range(h.ordinal.start, h.ordinal.end)})


def find_ranges(doc):
    """[(span of the number run, connector span, connector, kind)] for every number range;
    kind is "date" for years, months, days and other times, "number" otherwise. Shared by NU
    (the hyphen) and CS (connectors mixed within one kind)."""
    def compute():
        text = doc.masked
        heading_ords = heading_ordinal_positions(doc)
        out = []
        for m in _range_matches(text, connector_positions(doc)):
            s, e = m.start(1), m.end(4)
            if s and (text[s - 1] in _NOT_BEFORE_RANGE or (text[s - 1].isascii() and text[s - 1].isalpha())):
                continue
            if doc.is_protected(s, e) or s in heading_ords:
                continue
            pre = text[max(0, s - 2):s]
            if pre.endswith(("图", "表", "式", "第")) or _LETTER_END.search(pre):
                continue
            unit = m.group("unit")
            kind = "date" if (m.group(2) or unit.startswith(DATE_UNITS)) else "number"
            out.append((Span(s, e), Span(m.start(3), m.end(3)), m.group(3), kind))
        return out
    return doc.memo("ranges", compute)


# Patterns start with a literal or a character class (a pattern starting with a look-around or
# a repeat is tried at every position); what stands before that character is checked by a
# look-behind after it.
_RANGE_UNIT = re.compile(r"(\d+(?:\.\d+)?)\s?([～~—\-－])\s?(\d+(?:\.\d+)?)\s?(%|％|万|亿)")
_ZERO_YEAR = re.compile(r"年(?<=[一二三四五六七八九〇零○OΟ0０]{4}年)")     # match.start() - 4 is the year
_MIXED = re.compile(r"\d+[千百](?:\d+[百十])*(?=万|亿|元|人|户|个|家|名|余)|\d+千\d+百?|百分之\d+")
# from the 、 on; match.start() - 1 is the first number. The look-ahead for a number after the 、
# rejects most of them before the alternatives are entered (a third cheaper scan).
_APPROX = re.compile(r"、(?=[\d一二三四五六七八九])(?:(?<=([0-9])、)(\d)(?=[个条名人家次项天岁位户所座处])|"
                     r"(?<=([一二三四五六七八九])、)([一二三四五六七八九])(?=[个条名人家次项天岁位户所座处]))")
_FULLWIDTH = re.compile(r"[０-９]+")
_PADDED_ZERO = re.compile(r"0(?<=[年月]0)[1-9][月日]")     # a zero that pads a month or a day
_DATE_AROUND = re.compile(r"(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日)?")
_ZERO_PART = re.compile(r"(?<=[年月])0(?=\d[月日])|^0(?=\d月)")
# 〔〕 too (a padded 〔2023〕05号), and the „‟ and ﹝﹞ that 〔〕 turn into in Word/GBK conversions
_DOC_NUMBER = re.compile(r"([\[【（(［〔„﹝])(\d{4})([\]】）)］〕‟﹞])(0*)(\d+)(号)")
_DOC_NUMBER_END = re.compile(r"号(?<=\d号)")
_SLOGAN = re.compile(r"个(?<=([2-9])个)(意识|自信|维护|确立|全面|代表|务必|坚持|必须|两手抓)")
_CN = "〇一二三四五六七八九"
_ZERO_FIX = str.maketrans({"零": "〇", "○": "〇", "O": "〇", "Ο": "〇", "0": "〇", "０": "〇"})

NU001 = meta("NU001", "range-hyphen", "数值范围用了连字符",
             what="检查用连字符“-”连接的数值范围（1-6月、3-5名、2021-2023年）；电话号码、房间号、ISO 日期、图表编号、发文字号不报告。",
             why="GB/T 15834-2011 4.13.3.2：标示数值范围用一字线“—”（或浪纹线“～”），连字符“-”用于编号和化合物名称等。",
             fix=FixAvailability.ALWAYS, fix_safety="把“-”换成一字线“—”是安全修复。",
             examples=(Example(bad="1-6月，全县地区生产总值增长5%。", fixed="1—6月，全县地区生产总值增长5%。"),
                       Example(good="联系电话：010-12345678，地点：B座3-206会议室，时间：2024-07-12。")),
             basis="GB/T 15834-2011 4.13.3.2；" + S15835 + " 5.1.3")
NU002 = meta("NU002", "range-unit", "数值范围省略了百分号或万、亿",
             what="检查“7～8%”“2～3亿元”这类省略了前一个数值的%或万、亿的范围。",
             why="GB/T 15835-2011：数值范围中的%和万、亿等不能省略，应写作“7%～8%”“2亿～3亿元”，否则“2～3亿元”可能被理解为2元至3亿元。",
             fix=FixAvailability.ALWAYS, fix_applicability=Applicability.UNSAFE,
             fix_safety="在前一个数值后补上单位，需确认（不安全修复）。",
             examples=(Example(bad="预计全年增长7～8%。", fixed="预计全年增长7%～8%。"),
                       Example(bad="补助资金预计达到2～3亿元。", fixed="补助资金预计达到2亿～3亿元。"),
                       Example(good="增幅在15%～30%之间，投资9亿～16亿元。")),
             basis=S15835 + " 5.1.3")
NU003 = meta("NU003", "chinese-zero", "汉字数字中的“零”写法",
             what="检查汉字年份中用“零”“○”（几何圆圈）、字母O或阿拉伯数字0表示的零（二零二三年、二○二三年、二0二三年）。",
             why="GB/T 15835-2011：汉字数字的“零”在年份中写作“〇”（U+3007）。",
             fix=FixAvailability.ALWAYS, fix_safety="替换为“〇”是安全修复。",
             examples=(Example(bad="二○二三年十月", fixed="二〇二三年十月"),
                       Example(bad="二0二三年十月", fixed="二〇二三年十月"),
                       Example(good="二〇〇八年制定，2020年修订")),
             basis=S15835 + " 4.1.3、5.2.5")
NU004 = meta("NU004", "mixed-numeral-forms", "一个数中混用阿拉伯数字和汉字",
             what="检查“3千5百万元”“百分之5”这类在一个数中混用阿拉伯数字和千、百或“百分之”的写法；“3千米”“5千瓦”等单位不报告。",
             why="GB/T 15835-2011：一个数值的书写形式要一致，“3千5百万元”应写作“3500万元”。",
             fix_safety="不提供自动修复：改写需要换算，请人工处理。",
             examples=(Example(bad="争取项目资金3千5百万元。"), Example(good="争取项目资金3500万元，修路3千米。")),
             basis=S15835 + " 5.3")
NU005 = meta("NU005", "approximate-with-dunhao", "概数中用了阿拉伯数字和顿号",
             what="检查“7、8条”“三、四个月”这类用顿号隔开的相邻数字概数；“第7、8条”和月份“1、2月”不报告。",
             why="GB/T 15835-2011 4.2.2 与 GB/T 15834-2011 4.5.3.4：概数用汉字，相邻两数连用表示概数时不用顿号（七八条、三四个月）。",
             fix=FixAvailability.ALWAYS, fix_applicability=Applicability.UNSAFE,
             fix_safety="改写为汉字概数，需确认是否确为概数（不安全修复）。",
             examples=(Example(bad="全区还有7、8条背街小巷卫生较差。", fixed="全区还有七八条背街小巷卫生较差。"),
                       Example(good="依据条例第7、8条处理，1、2月份完成。")),
             basis=S15835 + " 4.2.2；GB/T 15834-2011 4.5.3.4")
NU006 = meta("NU006", "fullwidth-digits", "全角数字",
             what="检查全角阿拉伯数字“２０２３”。",
             why="GB/T 15835-2011 5.1.7：阿拉伯数字用半角形式。",
             fix=FixAvailability.ALWAYS, fix_safety="替换为半角数字是安全修复。",
             examples=(Example(bad="２０２３年工作总结", fixed="2023年工作总结"), Example(good="2023年工作总结")),
             basis=S15835 + " 5.1.7")
NU007 = meta("NU007", "padded-date", "日期中的月、日补了零",
             what="检查“2023年07月05日”这类在月、日前补零的写法。",
             why="GB/T 9704-2012 7.3.5.4 与 GB/T 15835-2011：年月日用阿拉伯数字，月、日不编虚位（不补零）。",
             fix=FixAvailability.ALWAYS, fix_safety="去掉补位的零是安全修复。",
             examples=(Example(bad="2023年07月05日", fixed="2023年7月5日"), Example(good="2023年7月5日")),
             basis="GB/T 9704-2012 7.3.5.4；" + S15835 + " 5.1.4")
NU008 = meta("NU008", "document-number-form", "发文字号的括号或序号写法",
             what="检查发文字号的年份括号（应为六角括号“〔〕”；包括转码后变成的“„‟”“﹝﹞”）和序号补零"
                  "（“[2023]05号”“〔2023〕05号”应为“〔2023〕5号”）。",
             why="GB/T 9704-2012 7.2.5：年份用阿拉伯数字标全称，用六角括号“〔〕”括入；发文顺序号不加“第”字，不编虚位。",
             fix=FixAvailability.ALWAYS, fix_safety="替换括号、去掉补位的零是安全修复。",
             examples=(Example(bad="京政发[2023]05号", fixed="京政发〔2023〕5号"),
                       Example(bad="国办发„2009‟3号", fixed="国办发〔2009〕3号"),
                       Example(bad="京政发〔2023〕05号", fixed="京政发〔2023〕5号"),
                       Example(bad="证监期审字 [1995]25号", fixed="证监期审字〔1995〕25号"),
                       Example(good="京政发〔2023〕5号")),
             basis="GB/T 9704-2012 7.2.5")
NU009 = meta("NU009", "slogan-numerals", "固定提法应用汉字数字",
             what="检查“4个意识”“2个维护”这类固定提法中的阿拉伯数字。",
             why="GB/T 15835-2011 4.2.3：具有修辞色彩的词语和固定提法中的数字用汉字（“四个意识”）。",
             fix=FixAvailability.ALWAYS, fix_safety="改为汉字数字是安全修复。",
             examples=(Example(bad="增强4个意识", fixed="增强四个意识"), Example(good="增强“四个意识”，完成4个项目")),
             basis=S15835 + " 4.2.3")


_CN_ALL = set("一二三四五六七八九十")


def _after_number(text: str, i: int) -> bool:
    """Is position i inside a longer number (a digit or a decimal point before it)?"""
    return i > 0 and (text[i - 1].isdigit() or text[i - 1] == ".")



def _doc_numbers(text: str):
    """The matches of _DOC_NUMBER, found from their 号 (brackets are common, 号 after a digit is
    not): the digits before it, a bracket and a four-digit year fix where the match starts."""
    for h in finditer_from(_DOC_NUMBER_END, text, "号"):
        r = h.start()
        while r and text[r - 1].isdecimal():
            r -= 1
        m = _DOC_NUMBER.match(text, r - 6) if r >= 6 else None
        if m:
            yield m


def _cn_digit(d: str) -> str:
    return _CN[int(d)]


@checker(NU001, NU002, NU003, NU004, NU005, NU006, NU007, NU008, NU009)
def numbers(doc, ctx):
    text = doc.masked
    orig = doc.text
    heading_ords = heading_ordinal_positions(doc)

    def ok(s, e):
        return not doc.is_protected(s, e) and s not in heading_ords

    for span, dash, connector, kind in find_ranges(doc):
        if connector not in "-－":
            continue
        yield ctx.report(span, f"数值范围“{orig[span.start:span.end]}”应使用一字线“—”，不用连字符“{connector}”",
                         code="NU001", fix=Fix.replace(dash, "—", "改为一字线“—”"))
    for m in _finditer_before(_RANGE_UNIT, text, connector_positions(doc), _number_lead,
                                _range_unit_possible):
        if not ok(m.start(), m.end()) or _after_number(text, m.start()):
            continue
        unit = m.group(4)
        s, e = m.start(), m.end()
        fixed_first = m.group(1) + unit
        fix = Fix.replace(Span(m.end(1), m.end(1)), unit, f"在“{m.group(1)}”后补上“{unit}”", Applicability.UNSAFE)
        yield ctx.report(Span(s, e), f"数值范围“{orig[s:e]}”省略了前一个数的“{unit}”，应写作“{fixed_first}{m.group(2)}{m.group(3)}{unit}”",
                         code="NU002", fix=fix)
    for m in _ZERO_YEAR.finditer(text):
        s = m.start() - 4
        tok = text[s:m.end()]
        if not any(ch in tok for ch in "零○OΟ0０") or tok[0] in "〇零○OΟ0０":
            continue
        new = tok.translate(_ZERO_FIX)
        span = Span(s, m.end())
        yield ctx.report(span, f"年份“{tok}”中的零应写作“〇”：“{new}”", code="NU003",
                         fix=Fix.replace(span, new, f"改为“{new}”"))
    anchors = char_offsets(text, "千百")
    for m in _finditer_before(_MIXED, text, anchors, str.isdecimal):
        s, e = m.span()
        if _after_number(text, s):
            continue
        if text.startswith(("米", "克", "瓦", "伏", "帕", "赫", "卡", "字节"), e) or not ok(s, e):
            continue
        yield ctx.report(Span(s, e), f"“{orig[s:e]}”在一个数中混用了阿拉伯数字和汉字，应统一为阿拉伯数字（如“3500万”）",
                         code="NU004")
    for m in _APPROX.finditer(text):
        s = m.start() - 1
        prev = text[s - 1] if s else ""
        if prev == "第" or (m.group(1) and _after_number(text, s)) or (m.group(3) and prev in _CN_ALL):
            continue
        a, b = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        if m.group(1):
            if int(b) != int(a) + 1:
                continue
            new = _cn_digit(a) + _cn_digit(b)
        else:
            if _CN.index(b) != _CN.index(a) + 1:
                continue
            new = a + b
        span = Span(s, m.end())
        yield ctx.report(span, f"概数“{orig[s:m.end()]}”应写作“{new}”（相邻数字表示概数时用汉字、不用顿号）",
                         code="NU005", fix=Fix.replace(span, new, f"改为“{new}”", Applicability.UNSAFE))
    end = 0
    for p in char_offsets(text, _FULLWIDTH_DIGITS):
        if p < end:
            continue
        m = _FULLWIDTH.match(text, p)                   # the whole run of full-width digits
        end = m.end()
        if m.start() in heading_ords:
            continue
        new = m.group().translate(str.maketrans("０１２３４５６７８９", "0123456789"))
        span = Span(m.start(), m.end())
        yield ctx.report(span, f"全角数字“{m.group()}”应写作半角“{new}”", code="NU006",
                         fix=Fix.replace(span, new, f"改为“{new}”"))
    seen_dates = set()
    last = 0
    for z in _PADDED_ZERO.finditer(text):
        zs = z.start() - 1                              # the 年 or 月 before the zero
        if zs < last:
            continue                                    # that 月 belongs to the previous match
        last = z.end()
        around = _DATE_AROUND.search(text, max(0, zs - 7), z.end() + 4)
        while around is not None and around.end() <= zs:
            around = _DATE_AROUND.search(text, around.end(), z.end() + 4)
        if around is None or around.start() in seen_dates or _after_number(text, around.start()):
            continue
        seen_dates.add(around.start())
        m = around
        zeros = [Span(m.start() + x.start(), m.start() + x.end()) for x in _ZERO_PART.finditer(m.group())]
        if not zeros:
            continue
        fix = Fix(title="去掉补位的零", edits=tuple(Edit(z, "") for z in zeros))
        yield ctx.report(Span(m.start(), m.end()), f"日期“{orig[m.start():m.end()]}”中的月、日不补零",
                         code="NU007", fix=fix)
    for m in _doc_numbers(text):
        start = m.start()
        # 京政发〔2024〕5号; a space after the 机关代字 (证监期审字 [1995]25号) goes with the fix
        spaced = start > 1 and text[start - 1] in " \u3000" and "\u4e00" <= text[start - 2] <= "\u9fff"
        if not (spaced or (start and "\u4e00" <= text[start - 1] <= "\u9fff")):
            continue
        bad_brackets = m.group(1) != "〔"
        padded = bool(m.group(4))
        if not bad_brackets and not padded:                # (a space alone is PU013's)
            continue
        new = f"〔{m.group(2)}〕{m.group(5)}号"
        span = Span(start - 1 if spaced else start, m.end())
        yield ctx.report(span, f"发文字号应写作“{new}”（年份用六角括号，序号不编虚位）", code="NU008",
                         fix=Fix.replace(span, new, f"改为“{new}”"))
    for m in _SLOGAN.finditer(text):
        s = m.start(1)
        if _after_number(text, s):
            continue
        span = Span(s, m.end(1))
        new = _cn_digit(m.group(1))
        yield ctx.report(Span(s, m.end()), f"固定提法“{text[s:m.end()]}”中的数字应用汉字：“{new}个{m.group(2)}”",
                         code="NU009", fix=Fix.replace(span, new, f"改为“{new}”"))


RULES = (numbers,)
