"""CS: in-document consistency. Each check collects the forms a document uses for one kind of
thing (range connectors per kind of range, date formats, numeral forms of one counted
category, parallel labels, the percent sign, institution pairs), and when two forms are
mixed reports the minority, suggests the majority and points at an occurrence of it.
Term variants that are plain word pairs live in the ``variants`` pack (CS050+)."""
from __future__ import annotations

import re
from collections import Counter, defaultdict

from gwlint.linter.model import Applicability, Edit, Example, Fix, FixAvailability, Related, Span
from gwlint.linter.rule import checker, meta
from gwlint.linter.structure import cn_to_int

from .numbers import find_ranges

BASIS = "GB/T 15835-2011 4.3（同一文本中同类内容的书写形式应一致）；《党政机关公文处理工作条例》第十九条"

CS001 = meta("CS001", "range-connector-consistency", "范围连接号前后不一",
             what="检查同一文稿中同类范围（年月日等时间范围，或数值范围）混用不同的连接号（“1—6月”与“7-9月”）；"
                  "时间范围用一字线、数值范围用浪纹线是规范做法，不算不一致。",
             why="同类范围的连接号应全文一致（GB/T 15834-2011 4.13.3.2）。",
             fix=FixAvailability.ALWAYS, fix_applicability=Applicability.UNSAFE,
             fix_safety="统一为多数写法，需确认（不安全修复）。",
             examples=(Example(bad="1—6月完成投资50亿元，7-9月再发放消费券。",
                               fixed="1—6月完成投资50亿元，7—9月再发放消费券。"),
                       Example(good="1—6月增长15%～30%，投资9亿～16亿元。")),
             basis=BASIS + "；GB/T 15834-2011 4.13.3.2")
CS002 = meta("CS002", "date-format-consistency", "日期格式前后不一",
             what="检查同一文稿中混用“2024年7月5日”与“2024-07-12”“2024.7.5”“2024/7/5”等日期格式。",
             why="公文日期用“××××年×月×日”（GB/T 9704-2012 7.3.5.4）；同一文稿格式应一致。",
             fix_safety="不提供自动修复：请按多数格式改写。",
             examples=(Example(bad="会议于2024年7月5日召开，材料于2024-07-12前报送。"),
                       Example(good="会议于2024年7月5日召开，材料于2024年7月12日前报送。")),
             basis=BASIS + "；GB/T 9704-2012 7.3.5.4")
CS003 = meta("CS003", "numeral-form-consistency", "同一计数的数字形式不一",
             what="检查同一文稿中同一计数对象混用阿拉伯数字和汉字数字（“3类突出问题”与“三类突出问题”）。",
             why="GB/T 15835-2011 4.3：同一文本中同类数字的形式应一致。",
             fix=FixAvailability.ALWAYS, fix_applicability=Applicability.UNSAFE,
             fix_safety="统一为多数写法，需确认（不安全修复）。",
             examples=(Example(bad="重点解决3类突出问题。这“三类突出问题”必须限期整改。“三类突出问题”要建立台账。",
                               fixed="重点解决三类突出问题。这“三类突出问题”必须限期整改。“三类突出问题”要建立台账。"),
                       Example(good="重点解决三类突出问题，完成3个项目。")),
             basis=BASIS)
CS004 = meta("CS004", "parallel-label-consistency", "并列标签形式不一",
             what="检查并列的小标题标签形式不一（“第一句话：”“第二句话：”“第三句：”）。",
             why="并列的标签应形式一致，否则像是漏改或拼接。",
             fix=FixAvailability.ALWAYS, fix_applicability=Applicability.UNSAFE,
             fix_safety="统一为多数写法，需确认（不安全修复）。",
             examples=(Example(bad="第一句话：抓项目。\n第二句话：抓招商。\n第三句：抓服务。",
                               fixed="第一句话：抓项目。\n第二句话：抓招商。\n第三句话：抓服务。"),
                       Example(good="第一句：抓项目。\n第二句：抓招商。")),
             basis=BASIS)
CS005 = meta("CS005", "percent-sign-consistency", "百分号全半角不一",
             what="检查同一文稿中混用半角“%”和全角“％”。",
             why="同一文稿中同一符号的形式应一致。",
             fix=FixAvailability.ALWAYS, fix_safety="统一为多数写法，是安全修复。",
             examples=(Example(bad="增长12%，占比35%，完成率90％。", fixed="增长12%，占比35%，完成率90%。"),
                       Example(good="增长12%，占比35%，完成率90%。")),
             basis=BASIS)
CS006 = meta("CS006", "institution-pair-consistency", "机构并称的标点不一",
             what="检查同一文稿中混用“市委市政府”与“市委、市政府”等并称写法。",
             why="并列机构之间用顿号隔开是规范写法，同一文稿应一致。",
             fix=FixAvailability.ALWAYS, fix_applicability=Applicability.UNSAFE,
             fix_safety="统一为带顿号的写法，需确认（不安全修复）。",
             examples=(Example(bad="在市委、市政府的领导下，市委市政府高度重视。",
                               fixed="在市委、市政府的领导下，市委、市政府高度重视。"),
                       Example(good="在市委、市政府的领导下，市委、市政府高度重视。")),
             basis=BASIS)


def _majority(counter: Counter, order: list, prefer=None):
    best = max(counter.values())
    tied = [f for f in order if counter.get(f) == best]
    if prefer is not None and prefer in tied:
        return prefer
    return tied[0]


def _report_minority(ctx, code, occurrences, prefer=None, describe=str, fix_for=None, ties=True):
    """occurrences: [(form, span)] in document order. With ``ties=False`` a 1:1 split is not
    reported (there is no majority to follow)."""
    counts = Counter(f for f, _ in occurrences)
    if len(counts) < 2:
        return
    if not ties and len(set(counts.values())) == 1:
        return
    order = list(dict.fromkeys(f for f, _ in occurrences))
    major = _majority(counts, order, prefer)
    first_major = next(s for f, s in occurrences if f == major)
    for form, span in occurrences:
        if form == major:
            continue
        msg = (f"本文{describe(major)} {counts[major]} 处、{describe(form)} {counts[form]} 处，"
               f"建议统一为{describe(major)}")
        fix = fix_for(form, major, span) if fix_for else None
        yield ctx.report(span, msg, code=code, fix=fix,
                         related=(Related(first_major, f"多数写法：{describe(major)}"),))


_CONNECTOR = {"-": "-", "－": "-", "—": "—", "–": "—", "～": "～", "~": "～"}


def _ranges(doc, ctx):
    by_kind = defaultdict(list)
    connector_at = {}
    for span, dash, connector, kind in find_ranges(doc):
        form = _CONNECTOR[connector]
        by_kind[kind].append((form, span))
        connector_at[span] = dash
    for kind, occ in by_kind.items():
        prefer = "—" if kind == "date" else "～"

        def fix_for(form, major, span):
            return Fix(title=f"改为“{major}”", edits=(Edit(connector_at[span], major),),
                       applicability=Applicability.UNSAFE)
        # month/day ranges have one standard connector (—): a tie is still a finding
        yield from _report_minority(ctx, "CS001", occ, prefer, lambda f: f"用“{f}”连接范围",
                                    fix_for, ties=(kind == "date"))


_DATES = re.compile(r"(?=\d{4}[年\-./])(?:(?P<cn>\d{4}年\d{1,2}月\d{1,2}日)|(?P<iso>\d{4}-\d{1,2}-\d{1,2})|"
                    r"(?P<dot>\d{4}\.\d{1,2}\.\d{1,2})|(?P<slash>\d{4}/\d{1,2}/\d{1,2}))(?![\d\-./])")
_DATE_NAMES = {"cn": "“××××年×月×日”格式", "iso": "“××××-××-××”格式", "dot": "“××××.×.×”格式",
               "slash": "“××××/×/×”格式"}


def _dates(doc, ctx):
    occ = []
    text = doc.masked
    for m in _DATES.finditer(text):
        if (m.start() and text[m.start() - 1] in "0123456789-./") or doc.is_protected(m.start(), m.end()):
            continue
        occ.append((m.lastgroup, Span(m.start(), m.end())))
    yield from _report_minority(ctx, "CS002", occ, "cn", lambda f: "日期用" + _DATE_NAMES[f])


_COUNT = re.compile(r"(?=[0-9一二三四五六七八九十]{1,2}(?:类|个方面|项|条|大|批|种))(?:(?P<ar>\d{1,2})(?=(?P<u1>类|个方面|项|条|大|批|种)(?P<n1>[\u4e00-\u9fff]{2}))|"
                    r"(?P<cn>[一二三四五六七八九十]{1,2})(?=(?P<u2>类|个方面|项|条|大|批|种)(?P<n2>[\u4e00-\u9fff]{2})))")
_NOT_BEFORE_COUNT = set("0123456789.第一二三四五六七八九十")
_CN_OF = {1: "一", 2: "两", 3: "三", 4: "四", 5: "五", 6: "六", 7: "七", 8: "八", 9: "九", 10: "十"}


def _numerals(doc, ctx):
    groups = defaultdict(list)
    text = doc.masked
    for m in _COUNT.finditer(text):
        if m.start() and text[m.start() - 1] in _NOT_BEFORE_COUNT:
            continue
        if m.group("ar"):
            value, unit, noun, form = int(m.group("ar")), m.group("u1"), m.group("n1"), "阿拉伯数字"
        else:
            value, unit, noun, form = cn_to_int(m.group("cn")), m.group("u2"), m.group("n2"), "汉字数字"
        if not value:
            continue
        groups[(value, unit + noun)].append((form, Span(m.start(), m.end()), value))
    for (value, key), occ in groups.items():
        pairs = [(f, s) for f, s, _ in occ]

        def fix_for(form, major, span, value=value):
            new = str(value) if major == "阿拉伯数字" else _CN_OF.get(value)
            if not new:
                return None
            return Fix(title=f"改为“{new}”", edits=(Edit(span, new),), applicability=Applicability.UNSAFE)
        yield from _report_minority(ctx, "CS003", pairs, None,
                                    lambda f, key=key: f"“{key}”前用{f}", fix_for)


_LABEL = re.compile(r"第([一二三四五六七八九十]{1,2})(句话|句)(?=[：:，,])")


def _labels(doc, ctx):
    occ = []
    text = doc.masked
    for m in _LABEL.finditer(text):
        if m.start() and text[m.start() - 1] not in "。；！？ \t\r\n\u3000\ue000":
            continue
        occ.append((m.group(2), Span(m.start(), m.end())))
    if len(occ) < 3:
        return

    def fix_for(form, major, span):
        text = doc.text[span.start:span.end]
        return Fix(title=f"改为“{text[:-len(form)]}{major}”",
                   edits=(Edit(Span(span.end - len(form), span.end), major),),
                   applicability=Applicability.UNSAFE)
    yield from _report_minority(ctx, "CS004", occ, None, lambda f: f"标签用“第×{f}”", fix_for)


def _percent(doc, ctx):
    text = doc.masked
    occ = [("%" if ch == "%" else "％", Span(i, i + 1)) for i, ch in enumerate(text) if ch in "%％"] \
        if ("％" in text and "%" in text) else []

    def fix_for(form, major, span):
        return Fix(title=f"改为“{major}”", edits=(Edit(span, major),))
    occ = [(f, s) for f, s in occ if not doc.is_protected(s.start, s.end)]
    yield from _report_minority(ctx, "CS005", occ, "%", lambda f: f"百分号用“{f}”", fix_for)


_PAIR = re.compile(r"([省市县区])委(、?)\1政府")


def _institutions(doc, ctx):
    groups = defaultdict(list)
    for m in _PAIR.finditer(doc.masked):
        form = "顿号" if m.group(2) else "无顿号"
        groups[m.group(1)].append((form, Span(m.start(), m.end())))
    for level, occ in groups.items():
        def fix_for(form, major, span, level=level):
            if major != "顿号":
                return None
            return Fix(title=f"改为“{level}委、{level}政府”", edits=(Edit(Span(span.start + 2, span.start + 2), "、"),),
                       applicability=Applicability.UNSAFE)
        yield from _report_minority(ctx, "CS006", occ, "顿号",
                                    lambda f, level=level: f"“{level}委{'、' if f == '顿号' else ''}{level}政府”写法", fix_for)


@checker(CS001, CS002, CS003, CS004, CS005, CS006)
def consistency(doc, ctx):
    yield from _ranges(doc, ctx)
    yield from _dates(doc, ctx)
    yield from _numerals(doc, ctx)
    yield from _labels(doc, ctx)
    yield from _percent(doc, ctx)
    yield from _institutions(doc, ctx)


RULES = (consistency,)
