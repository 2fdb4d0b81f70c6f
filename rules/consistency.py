"""CS: in-document consistency (GB/T 15835-2011 4.3, "same category, same form").

Each check collects the forms one document uses for one kind of thing — range connectors per
kind of range, date formats, the numeral form of one counted thing, the wording of parallel
labels, the percent sign, the punctuation of institution pairs, the colon in clock times —
and when two forms are mixed it reports the occurrences of the minority form, names both forms
with their counts, suggests the majority form and points (``Related``) at the nearest
occurrence of it.

Which form wins:
* the majority; a tie goes to the form 公文 practice and the standards prefer (一字线 for time
  ranges, ～ for numeric ranges, ``××××年×月×日`` dates, ``%``, ``市委、市政府``, Chinese numerals
  for small counts, the first-used label form); labels are compared within one series (from
  第一 on), the other checks over the whole document;
* a form the standards do not allow (a hyphen as range connector, ``2024.7.5`` or ``2024/7/5``
  dates, ``市委市政府`` without 顿号, a full-width colon in a clock time) is never suggested.
  When such a form is the majority, dates, institution pairs and clock times still report it
  (towards the standard form the document also uses); ranges stay silent, because NU001 already
  reports every hyphen range.

Term variants that are plain word pairs (督察/督查) live in the ``variants`` pack (CS050+).
"""
from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from operator import attrgetter, itemgetter
from typing import Callable, Iterable, NamedTuple, Optional, Sequence

from gwlint.linter.model import Applicability, Edit, Example, Fix, FixAvailability, Related, Span
from gwlint.linter.rule import checker, meta
from gwlint.linter.search import finditer_from
from gwlint.linter.structure import cn_to_int

from .numbers import connector_positions, find_ranges

SAME_FORM = "GB/T 15835-2011 4.3（同一场合出现的数字遵循“同类别同形式”原则）"
RULES_19 = "《党政机关公文处理工作条例》第十九条（表述准确、规范）"

CS001 = meta(
    "CS001", "range-connector-consistency", "范围连接号前后不一",
    what="检查同一文稿中同一类范围混用不同连接号：时间范围（“1—6月”“2021—2023年”“6月1日—20日”）之间、"
         "数值范围（“3～5名”“15%～30%”）之间、时刻范围（“9:00—11:30”）之间各自比较。"
         "时间范围用一字线、数值范围用浪纹线是规范做法，两类之间不算不一致；ISO 日期、电话号码、房间号、"
         "发文字号、图表编号不是范围，不参与比较。",
    why="同一类范围的连接号应全文一致；GB/T 15834-2011 4.13.3.2 规定标示时间、地域等的起止一般用一字线，"
        "数值范围也可用浪纹线，连字符“-”不用于标示范围（4.13.3.1）。混用会让读者以为是两种含义，也像是拼接未改的痕迹。",
    basis="GB/T 15834-2011 4.13.3.1、4.13.3.2；GB/T 15835-2011 5.1.3；" + SAME_FORM,
    fix=FixAvailability.ALWAYS, fix_applicability=Applicability.UNSAFE,
    fix_safety="把少数写法的连接号换成多数写法（不安全修复，需确认）。连字符“-”不会被建议为统一目标；"
               "连字符占多数时本规则不报告，由 NU001 逐处报告。",
    examples=(Example(bad="1—6月完成投资50亿元，4—6月增长较快，7-9月再发放消费券。",
                      fixed="1—6月完成投资50亿元，4—6月增长较快，7—9月再发放消费券。"),
              Example(good="1—6月接待游客增长15%～30%，单体投资9亿～16亿元，回收期8～10年。"),
              Example(good="联系电话：010-12345678，地点：3-206室，时间：2024-07-12；1—6月完成任务。")))
CS002 = meta(
    "CS002", "date-format-consistency", "日期格式前后不一",
    what="检查同一文稿中混用“2024年7月5日”与“2024-07-12”“2024.7.5”“2024/7/5”等日期格式。"
         "文中有“××××年×月×日”格式时一律建议统一为该格式（哪怕全数字日期更多，例如网页转来的元数据行）；"
         "只有全数字日期时，建议统一为多数格式。成文日期按 GB/T 9704 必须写作“××××年×月×日”，不会被建议改为其他格式。",
    why="同一文稿中的日期属于同一类别，应使用同一种形式（GB/T 15835-2011 4.3）；公文日期通常写作"
        "“××××年×月×日”（GB/T 9704-2012 7.3.5.4），全数字格式“2024-07-12”只在表格、注释等处使用"
        "（GB/T 15835-2011 5.1.4），“2024.7.5”“2024/7/5”不是规范格式。",
    basis=SAME_FORM + "；GB/T 15835-2011 5.1.4；GB/T 9704-2012 7.3.5.4",
    fix=FixAvailability.ALWAYS, fix_applicability=Applicability.UNSAFE,
    fix_safety="把日期改写为“××××年×月×日”格式（或全数字日期中的多数格式）：同一日期换一种写法，不安全修复，需确认。",
    examples=(Example(bad="会议于2024年7月5日召开，材料于2024-07-12前报送，2024年8月上旬再次召开。\n\n2024年7月8日",
                      fixed="会议于2024年7月5日召开，材料于2024年7月12日前报送，2024年8月上旬再次召开。\n\n2024年7月8日"),
              Example(bad="材料于2024-07-12前报送，2024-07-20前反馈，会议定于2024年7月25日召开。",
                      fixed="材料于2024年7月12日前报送，2024年7月20日前反馈，会议定于2024年7月25日召开。"),
              Example(good="会议于2024年7月5日召开，材料于2024年7月12日前报送。文号为京政发〔2024〕12号，"
                           "版本号2024.1，编号2024-031。")))
CS003 = meta(
    "CS003", "numeral-form-consistency", "同一计数的数字形式不一",
    what="检查同一文稿中同一计数对象（数值、量词和后面的名词都相同）混用阿拉伯数字和汉字数字"
         "（“3类突出问题”与“三类突出问题”、“3个方面”与“三个方面”），以及季度写法混用（“一季度”与“3季度”）。"
         "序数（第三类）、“一是”、固定提法（“四个意识”）、成语和数值“一”（“一个”“一项”多为泛指）不参与比较。",
    why="GB/T 15835-2011 4.3：同一场合出现的同类数字应选用相同形式；同一件事一会儿写“3类”一会儿写“三类”，"
        "是改稿拼接留下的痕迹。小的计数在公文中多用汉字数字（庄重），数量相当时建议汉字数字。",
    basis=SAME_FORM,
    fix=FixAvailability.ALWAYS, fix_applicability=Applicability.UNSAFE,
    fix_safety="把少数形式的数字改为多数形式（不安全修复，需确认）。",
    examples=(Example(bad="重点解决3类突出问题。这“三类突出问题”必须限期整改。",
                      fixed="重点解决三类突出问题。这“三类突出问题”必须限期整改。"),
              Example(good="重点解决三类突出问题，完成3个项目，第3类问题另行部署，坚持“四个意识”，一是抓落实。")))
CS004 = meta(
    "CS004", "parallel-label-consistency", "并列标签形式不一",
    what="检查同一组并列标签（从“第一”起的一组）写法不一（“第一句话：”“第二句话：”“第三句：”；“第一个方面，”“第二方面，”；"
         "“第一，”“第二，”“第三点，”），报告与多数写法不同的标签；不同的组之间不比较。",
    why="同一层级的并列标签应形式一致（GB/T 15835-2011 4.3 以同级标题为例）；“第三句”夹在“第×句话”中间，"
        "像是漏改或拼接。",
    basis=SAME_FORM,
    fix=FixAvailability.ALWAYS, fix_applicability=Applicability.UNSAFE,
    fix_safety="把标签改为多数写法（不安全修复，需确认）。",
    examples=(Example(bad="第一句话：抓项目。\n第二句话：抓招商。\n第三句：抓服务。",
                      fixed="第一句话：抓项目。\n第二句话：抓招商。\n第三句话：抓服务。"),
              Example(good="第一句：抓项目。\n第二句：抓招商。\n第三句：抓服务。他的第一句话，就说到了点子上。")))
CS005 = meta(
    "CS005", "percent-sign-consistency", "百分号全半角不一",
    what="检查同一文稿中混用半角“%”和全角“％”。",
    why="同一符号在同一文稿中应保持同一形式。数量相当时建议半角“%”：阿拉伯数字用半角（GB/T 15835-2011 5.1.7），"
        "标准示例中的百分号随数字写作“%”（4.1.1 示例“34.05%”“63%～68%”），政府工作报告等公文也用“%”。",
    basis=SAME_FORM + "；GB/T 15835-2011 4.1.1、5.1.7",
    fix=FixAvailability.ALWAYS,
    fix_safety="全角、半角百分号含义相同，统一为多数写法是安全修复。",
    examples=(Example(bad="增长12%，占比35%，完成率90％。", fixed="增长12%，占比35%，完成率90%。"),
              Example(good="增长12%，占比35%，完成率90%，区间为15%～30%。")))
CS006 = meta(
    "CS006", "institution-pair-consistency", "机构并称的标点不一",
    what="检查同一文稿中机构并称有的加顿号、有的不加（“市委、市政府”与“市委市政府”，“区委、区政府”与“区委区政府”，"
         "“党委、政府”与“党委政府”，“党中央、国务院”与“党中央国务院”），报告不加顿号的写法；"
         "文件标题中的联合发文机关（“中共中央 国务院关于……”）不报告。",
    why="并列的机构名称之间用顿号隔开（GB/T 15834-2011 4.5.3.1：顿号用于并列词语之间），"
        "同一文稿已经使用“市委、市政府”时，其余各处应一致。",
    basis="GB/T 15834-2011 4.5.3.1；" + RULES_19,
    fix=FixAvailability.ALWAYS, fix_applicability=Applicability.UNSAFE,
    fix_safety="在两个机构名称之间补顿号（不安全修复：个别单位全称本身不带顿号，需确认）。",
    examples=(Example(bad="在市委、市政府的领导下，区委、区政府高度重视，市委市政府作出部署。",
                      fixed="在市委、市政府的领导下，区委、区政府高度重视，市委、市政府作出部署。"),
              Example(good="市委市政府高度重视，各级党委政府齐抓共管。")))
CS007 = meta(
    "CS007", "clock-time-consistency", "时刻中的冒号全半角不一",
    what="检查同一文稿中时刻混用半角冒号和全角冒号（“14:30”与“9：00”），报告全角冒号的写法；"
         "比例（“按1：1配套”）不是时刻，不参与比较。",
    why="时刻按 GB/T 7408 的扩展格式用半角冒号分隔时和分（GB/T 15835-2011 第5章引用），同一文稿应一致；"
        "全角冒号混在其中多是输入法切换留下的。",
    basis="GB/T 15835-2011 5.1；GB/T 7408-2005；" + SAME_FORM,
    fix=FixAvailability.ALWAYS,
    fix_safety="把时刻中的全角冒号换成半角冒号，不改变含义，是安全修复。",
    examples=(Example(bad="上午9:00报到，9:30开会，下午14：30分组讨论。", fixed="上午9:00报到，9:30开会，下午14:30分组讨论。"),
              Example(good="上午9:00报到，下午14:30分组讨论；资金按1：1比例配套。")))


# --------------------------------------------------------------------------- reporting

class Occ(NamedTuple):
    form: str            # the variant (what is compared)
    span: Span           # what a finding is anchored on
    shown: str = ""      # the occurrence as it reads, for messages (defaults to the span text)
    edit: Optional[Edit] = None   # only used by checks whose fix depends on the occurrence


def _target(counts: Counter, order: Sequence[str], allowed: Optional[Iterable[str]], prefer: Sequence[str]):
    """The form to unify on: the most frequent allowed form; ties go to ``prefer`` order, then
    to the first used."""
    candidates = [f for f in order if allowed is None or f in allowed]
    if not candidates:
        return None
    best = max(counts[f] for f in candidates)
    tied = [f for f in candidates if counts[f] == best]
    for p in prefer:
        if p in tied:
            return p
    return tied[0]


def _report(doc, ctx, code: str, occ: Sequence[Occ], *, name: Callable[[str], str],
            allowed: Optional[Iterable[str]] = None, prefer: Sequence[str] = (),
            fix: Optional[Callable[[Occ, str, Occ], Optional[Fix]]] = None,
            skip: Callable[[Occ], bool] = lambda o: False,
            template: str = "本文{t} {nt} 处、{f} {nf} 处，建议统一为{t}",
            message: Optional[Callable[..., str]] = None,
            alike: Optional[Callable[[Occ], object]] = None):
    """Report every occurrence whose form differs from the target form.

    The message is ``template`` filled with ``t``/``f`` (``name`` of the target form and of this
    occurrence's form) and ``nt``/``nf`` (their counts); ``message(target, n_target, form, n_form,
    occ, example)`` replaces it. ``fix(occ, target, example)`` builds the fix (``example`` is the
    nearest occurrence of the target form, also given as related information); ``skip(occ)``
    marks occurrences that count but are never reported (the 成文日期); the example should
    preferably come from the majority occurrences with the same ``alike(occ)`` (the same
    institution pair)."""
    counts: dict[str, int] = {}                     # in the order the forms are first used
    for o in occ:
        counts[o.form] = counts.get(o.form, 0) + 1
    if len(counts) < 2:
        return
    target = _target(counts, list(counts), allowed, prefer)
    if target is None:
        return
    majority = [o for o in occ if o.form == target]
    starts = [o.span.start for o in majority]
    kind = "多数写法" if counts[target] == max(counts.values()) else "规范写法"
    by_alike: dict[object, list[Occ]] = {}
    if alike is not None:
        for m in majority:
            by_alike.setdefault(alike(m), []).append(m)
    for o in occ:
        if o.form == target or skip(o):
            continue
        same = by_alike.get(alike(o)) if alike is not None else None
        if same:
            example = min(same, key=lambda m: abs(m.span.start - o.span.start))
        else:
            i = bisect.bisect_left(starts, o.span.start)
            example = min((majority[j] for j in (i - 1, i) if 0 <= j < len(majority)),
                          key=lambda m: abs(m.span.start - o.span.start))
        shown = example.shown or doc.text[example.span.start:example.span.end]
        if message is not None:
            msg = message(target, counts[target], o.form, counts[o.form], o, example)
        else:
            msg = template.format(t=name(target), nt=counts[target], f=name(o.form), nf=counts[o.form])
        yield ctx.report(o.span, msg, code=code, fix=fix(o, target, example) if fix else None,
                         related=(Related(example.span, f"{kind}：“{shown}”"),))


_FIRST, _SECOND = itemgetter(0), itemgetter(1)


def _q(s: str) -> str:
    return f"“{s}”"


# --------------------------------------------------------------------------- CS001 ranges

_STANDARD_CONNECTORS = ("—", "～")
_CONNECTORS = "-－—–～~"
_KIND_NAMES = {"date": "时间范围", "number": "数值范围", "clock": "时刻范围"}
# a unit right after the second number that makes a time range (months, days, hours, quarters);
# 个月/天/周/小时 count time and make numeric ranges
_TIME_UNIT = re.compile(r"[ ]?(?:个月|月|日|号(?![楼院线室房])|时(?!间)|季度)")
_YEAR_UNIT = re.compile(r"[ ]?年")
_UNIT_AFTER = re.compile(r"[ ]?(?:个月|季度|小时|[年月日号时天周名人个项次%％万亿元])份?")
# ranges find_ranges does not see: the unit repeated (15%～30%, 9亿～16亿元) and clock times
# (9:00—11:30). Found from the connector (connector_positions) with a digit after it, then read
# on both sides.
_DIGIT_AFTER = re.compile(r"[ ]?[0-9]")
_UNIT_LEFT = re.compile(r"([0-9]+(?:\.[0-9]+)?)(%|％|[万亿]元?)[ ]?$")
_UNIT_RIGHT = re.compile(r"[ ]?[0-9]+(?:\.[0-9]+)?(%|％|[万亿]元?)")
_CLOCK_LEFT = re.compile(r"[0-9]{1,2}[:：][0-5][0-9][ ]?$")
_CLOCK_RIGHT = re.compile(r"[ ]?[0-9]{1,2}[:：][0-5][0-9](?![0-9:：])")
_RANGE_LEFT_END = frozenset("0123456789%％万亿元 ")
_NOT_BEFORE_NUMBER = frozenset("0123456789.-－—～~/:：")


def _range_kind(text: str, span: Span, connector: Span) -> str:
    first = text[span.start:connector.start].rstrip(" ")
    if first.endswith(("年", "月", "日", "号")):
        return "date"                                   # 2021年—2023年, 6月—9月
    m = _TIME_UNIT.match(text, span.end)
    if m:
        return "number" if m.group().endswith("个月") else "date"
    if _YEAR_UNIT.match(text, span.end):
        second = text[connector.end:span.end].strip(" ")
        if len(first) == 4 and len(second) == 4:
            return "date"                               # 2021—2023年 (years), not 8—10年 (a duration)
    return "number"


def _bad_start(text: str, s: int) -> bool:
    """A number starting at s continues a longer token (a digit, a decimal point, a code)."""
    return s > 0 and (text[s - 1] in _NOT_BEFORE_NUMBER or (text[s - 1].isascii() and text[s - 1].isalpha()))


def _ranges(doc, ctx):
    text = doc.masked
    # kind -> [(start, form, span, connector span, shown with its unit?)]: the occurrences are
    # built only for the kinds that mix connectors (most documents use one)
    by_kind = defaultdict(list)
    for item in find_ranges(doc):
        span, connector = item[0], item[1]
        form = text[connector.start:connector.end]
        if form in _CONNECTORS:
            by_kind[_range_kind(text, span, connector)].append((span.start, form, span, connector, True))
    for c in connector_positions(doc):
        if not c or text[c - 1] not in _RANGE_LEFT_END or not _DIGIT_AFTER.match(text, c + 1):
            continue
        left = _UNIT_LEFT.search(text, max(0, c - 14), c)
        if left:
            right = _UNIT_RIGHT.match(text, c + 1)
            if not right or right.group(1)[0].replace("％", "%") != left.group(2)[0].replace("％", "%"):
                continue
            kind, s, e = "number", left.start(), right.end()
        else:
            left = _CLOCK_LEFT.search(text, max(0, c - 7), c)
            right = left and _CLOCK_RIGHT.match(text, c + 1)
            if not right:
                continue
            kind, s, e = "clock", left.start(), right.end()
        if _bad_start(text, s) or doc.is_protected(s, e):
            continue
        by_kind[kind].append((s, text[c], Span(s, e), Span(c, c + 1), False))

    def occurrence(entry):
        _, form, span, connector, ranged = entry
        shown = ""
        if ranged:
            unit = _UNIT_AFTER.match(text, span.end)
            shown = doc.text[span.start:unit.end() if unit else span.end]
        return Occ(form, span, shown, Edit(connector, ""))

    def fix(o, target, example):
        return Fix.replace(o.edit.span, target, f"改为“{target}”", Applicability.UNSAFE)

    for kind, found in by_kind.items():
        if len({f[1] for f in found}) < 2:
            continue           # one connector only: nothing to unify
        found.sort(key=_FIRST)
        occ = [occurrence(f) for f in found]
        standard = sum(1 for o in occ if o.form in _STANDARD_CONNECTORS)
        others = len(occ) - standard
        if not standard or standard < others or (kind == "number" and standard == others):
            continue           # hyphens dominate (or tie among numeric ranges): NU001 reports each
        if kind == "number":
            # — and ～ are both standard for numeric ranges: only the non-standard forms are compared
            std = Counter(o.form for o in occ if o.form in _STANDARD_CONNECTORS)
            target = _target(std, list(dict.fromkeys(o.form for o in occ if o.form in std)), None, ("～",))
            occ = [o for o in occ if o.form not in _STANDARD_CONNECTORS or o.form == target]
        yield from _report(doc, ctx, "CS001", occ, name=_q, allowed=_STANDARD_CONNECTORS, prefer=("—", "～"),
                           fix=fix, template=f"本文{_KIND_NAMES[kind]}用{{t}}连接 {{nt}} 处、用{{f}}连接 {{nf}} 处，"
                                             "建议统一为{t}（GB/T 15834-2011 4.13.3.2）")


# --------------------------------------------------------------------------- CS002 dates

# each scan starts with a literal (fast); the year is read back from the text before it
_DATE_CN = re.compile(r"年([0-9]{1,2})月([0-9]{1,2})日")
_DATE_SEP = tuple(re.compile(rf"{re.escape(sep)}([0-9]{{1,2}}){re.escape(sep)}([0-9]{{1,2}})(?![0-9./]|-[0-9]{{1,3}}(?![0-9]))")
                  for sep in "-./")
_DATE_FORMS = {"cn": "“××××年×月×日”", "-": "“××××-××-××”", ".": "“××××.×.×”", "/": "“××××/×/×”"}
_STANDARD_DATES = ("cn", "-")


def _in_table(doc, offset: int) -> bool:
    text = doc.text
    start = max(text.rfind("\n", 0, offset), text.rfind("\r", 0, offset)) + 1
    return text[start:offset].lstrip(" \t\u3000").startswith("|")


def _date_occurrences(doc, rx, form):
    text = doc.masked
    # the separators stand a few times in a document (found by str.find); 年 stands dozens of
    # times, where re's own scan costs less than a Python step per 年
    for m in rx.finditer(text) if form == "cn" else finditer_from(rx, text, form):
        s = m.start() - 4
        year = text[max(s, 0):m.start()]
        if s < 0 or not year.isdigit() or not year.isascii() or _bad_start(text, s):
            continue
        y, month, day = int(year), m.group(1), m.group(2)
        if not (1900 <= y <= 2099 and 1 <= int(month) <= 12 and 1 <= int(day) <= 31):
            continue
        if doc.is_protected(s, m.end()) or (form != "cn" and _in_table(doc, s)):
            continue                        # all-digit dates are allowed in tables (GB/T 15835 5.1.4)
        yield Occ(form, Span(s, m.end()), edit=Edit(Span(s, m.end()), f"{y}|{int(month)}|{int(day)}|{month}|{day}"))


def _dates(doc, ctx):
    others = [o for sep, rx in zip("-./", _DATE_SEP) if sep in doc.masked for o in _date_occurrences(doc, rx, sep)]
    if not others:
        return
    occ = sorted(others + list(_date_occurrences(doc, _DATE_CN, "cn")), key=lambda o: o.span.start)
    # all-digit dates belong in tables (GB/T 15835 5.1.4): where the text writes 年月日 too, that
    # is the form to unify on, however many all-digit dates (often page metadata) there are
    allowed = ("cn",) if any(o.form == "cn" for o in occ) else _STANDARD_DATES
    dated = doc.structure.date

    def skip(o):   # the 成文日期 counts, but GB/T 9704 fixes its form: never suggest changing it
        return o.form == "cn" and dated is not None and dated.contains(o.span)

    def fix(o, target, example):
        y, mo, d, _, _ = o.edit.replacement.split("|")
        if target == "cn":
            new = f"{y}年{mo}月{d}日"
        else:                                  # follow the example's zero padding
            _, _, _, emo, ed = example.edit.replacement.split("|")
            pad = len(emo) == 2 or len(ed) == 2
            new = f"{y}{target}{int(mo):02d}{target}{int(d):02d}" if pad else f"{y}{target}{mo}{target}{d}"
        return Fix.replace(o.span, new, f"改为“{new}”", Applicability.UNSAFE)

    yield from _report(doc, ctx, "CS002", occ, name=_DATE_FORMS.get, allowed=allowed, prefer=("cn",),
                       fix=fix, skip=skip, template="本文日期写作{t}格式 {nt} 处、{f}格式 {nf} 处，建议统一为{t}格式")


# --------------------------------------------------------------------------- CS003 numeral forms

_CN_NUM = "一二三四五六七八九十两"
_MEASURES = "类项条大批种个件场点名位家所支套座处次轮"
# one class-led scan finds both forms: 3类突出…, 三类突出…, 12个方面, 十二个方面 (值 1 never: 一个、一项
# are mostly indefinite, not counts); the noun is the two characters after the measure word
_COUNT = re.compile(rf"[0-9二三四五六七八九十两][0-9一二三四五六七八九十]?[{_MEASURES}](?=[\u4e00-\u9fff]{{2}})")
_NOT_BEFORE_COUNT = frozenset("0123456789.-—～~第前" + _CN_NUM + "零〇百千万亿几数每")
# fixed expressions (GB/T 15835-2011 4.2.3) keep Chinese numerals whatever the text does: NU009's business
_SLOGAN_NOUNS = frozenset(("意识", "自信", "维护", "确立", "全面", "代表", "务必", "坚持", "必须", "统筹", "两手"))
_AR_TO_CN = {2: "两", 3: "三", 4: "四", 5: "五", 6: "六", 7: "七", 8: "八", 9: "九", 10: "十"}
_QUARTER = re.compile("季度")
_QUARTER_CN = "一二三四"
_QUARTER_NUMBERS = "1234" + _QUARTER_CN
_NOT_BEFORE_QUARTER = "0123456789.-—～~" + _CN_NUM


def _count_ok(text: str, s: int, unit: str, noun: str) -> bool:
    if s and (text[s - 1] in _NOT_BEFORE_COUNT or (text[s - 1].isascii() and text[s - 1].isalpha())):
        return False
    if unit == "个" and noun in _SLOGAN_NOUNS:
        return False
    return not (noun[0] in _CN_NUM or noun[0] in "余多几")   # 三个一百年, 3个多月: not a plain count


def _numerals(doc, ctx):
    text = doc.masked
    by_key = defaultdict(list)                      # 类突出 -> starts of "3类突出", "三类突出"
    for m in _COUNT.finditer(text):
        e = m.end()
        by_key[text[e - 1:e + 2]].append((m.start(), e - 1))
    groups = defaultdict(list)
    for key, found in by_key.items():
        if len(found) < 2 or all(text[s] in "0123456789" for s, _ in found) \
                or not any(text[s] in "0123456789" for s, _ in found):
            continue                                    # one form only
        for s, e in found:
            num = text[s:e]
            if num.isdigit():
                value, form = int(num), "阿拉伯数字"
            elif num[-1] in "0123456789":
                continue
            else:
                value, form = cn_to_int(num), "汉字数字"
            if value and value > 1 and _count_ok(text, s, key[0], key[1:]):
                groups[(value, key)].append(Occ(form, Span(s, e), num + key))
    for m in finditer_from(_QUARTER, text, "季"):     # 一季度 / 3季度 / 第四季度
        s = m.start() - 1
        if s < 0 or text[s] not in _QUARTER_NUMBERS or (s and text[s - 1] in _NOT_BEFORE_QUARTER):
            continue
        groups[(0, "季度")].append(Occ("阿拉伯数字" if text[s].isdigit() else "汉字数字", Span(s, s + 1),
                                     text[s] + "季度"))

    for (value, key), occ in groups.items():
        if len({o.form for o in occ}) < 2:
            continue
        occ.sort(key=lambda o: o.span.start)

        def fix(o, target, example, value=value):
            old = doc.text[o.span.start:o.span.end]
            if value == 0:                              # quarters: 1 ↔ 一
                new = _QUARTER_CN[int(old) - 1] if target == "汉字数字" else str(_QUARTER_CN.index(old) + 1)
            elif target == "阿拉伯数字":
                new = str(value)
            else:
                new = doc.text[example.span.start:example.span.end] or _AR_TO_CN.get(value)
            return Fix.replace(o.span, new, f"改为“{new}”", Applicability.UNSAFE)

        def message(target, n_target, form, n_form, o, example, value=value):
            thing = "季度" if value == 0 else "同一计数"
            return (f"本文{thing}写作“{example.shown}”（{target}）{n_target} 处、“{o.shown}”（{form}）{n_form} 处，"
                    f"建议统一用{target}")

        yield from _report(doc, ctx, "CS003", occ, name=str, prefer=("汉字数字",), fix=fix, message=message)


# --------------------------------------------------------------------------- CS004 labels

_LABEL = re.compile(r"第(?P<n>[一二三四五六七八九十]{1,3})(?P<form>(?P<ge>个)?"
                    r"(?P<head>句话|句|方面|点|问题)(?P<tail>意见|建议|体会|要求|希望)?)?(?=[ ]?[：:，,])")
_LABEL_BEFORE = frozenset("。；！？：:，“\"（ \t\r\n\u3000\ue000")
# labels that can stand in one series: 第一句话/第二句; 第一个方面/第二方面; 第一，/第二点/第三点意见
_FAMILY = {"句话": "句", "句": "句", "方面": "方面", "点": "点", None: "点", "问题": "问题"}


def _labels(doc, ctx):
    text = doc.masked
    series = defaultdict(list)                       # family -> [[label match, ...], ...]
    last = {}
    for m in finditer_from(_LABEL, text, "第"):
        s = m.start()
        if s and text[s - 1] not in _LABEL_BEFORE:
            continue
        family, n = _FAMILY[m.group("head")], cn_to_int(m.group("n")) or 0
        if n == 1 or n <= last.get(family, 0) or not series[family]:
            series[family].append([])                # 第一… starts a new series
        last[family] = n
        series[family][-1].append(m)

    def fix(o, target, example):
        number = doc.text[o.span.start:o.edit.span.start]
        return Fix.replace(o.edit.span, target, f"改为“{number}{target}”", Applicability.UNSAFE)

    for runs in series.values():
        for found in runs:
            if len(found) < 3:
                continue                             # two labels that differ: no majority to follow
            if len({m.group("form") or "" for m in found}) < 2:
                continue                             # one form: nothing to report (built only if needed)
            occ = [Occ(m.group("form") or "", Span(m.start(), m.end()), edit=Edit(Span(m.end("n"), m.end()), ""))
                   for m in found]
            yield from _report(doc, ctx, "CS004", occ, name=lambda f: f"“第×{f}”", fix=fix,
                               template="这组并列标签用{t} {nt} 处、{f} {nf} 处，建议统一为{t}")


# --------------------------------------------------------------------------- CS005 percent

_NUMBER_BEFORE = re.compile(r"[0-9]+(?:\.[0-9]+)?$")


def _percent(doc, ctx):
    text = doc.masked
    if "％" not in text or "%" not in text:
        return
    protected = [p for p in doc.protected if "%" in text[p.start:p.end] or "％" in text[p.start:p.end]]

    def count(sign):
        return text.count(sign) - sum(text.count(sign, p.start, p.end) for p in protected)

    def find(sign, i, step):              # the next (step 1) or previous (step -1) sign outside URLs
        while True:
            i = text.find(sign, i) if step > 0 else text.rfind(sign, 0, i)
            if i < 0 or not doc.is_protected(i, i + 1):
                return i
            i = i + 1 if step > 0 else i

    counts = {"%": count("%"), "％": count("％")}
    if not counts["%"] or not counts["％"]:
        return
    target = "%" if counts["%"] >= counts["％"] else "％"
    minority = "％" if target == "%" else "%"
    msg = f"本文百分号用“{target}” {counts[target]} 处、“{minority}” {counts[minority]} 处，建议统一为“{target}”"
    i = find(minority, 0, 1)
    while i >= 0:
        before, after = find(target, i, -1), find(target, i, 1)
        near = before if after < 0 or (before >= 0 and i - before <= after - i) else after
        # anchored on the number and its sign (90％), as a reader sees it; the fix edits the sign
        num = _NUMBER_BEFORE.search(text, max(0, i - 16), i)
        rel = _NUMBER_BEFORE.search(text, max(0, near - 16), near)
        rel_span = Span(rel.start() if rel else near, near + 1)
        yield ctx.report(Span(num.start() if num else i, i + 1), msg, code="CS005",
                         fix=Fix.replace(Span(i, i + 1), target, f"改为“{target}”"),
                         related=(Related(rel_span, f"多数写法：“{doc.text[rel_span.start:rel_span.end]}”"),))
        i = find(minority, i + 1, 1)


# --------------------------------------------------------------------------- CS006 institution pairs

_SHOWN = attrgetter("shown")

# 市委、市政府 / 市委市政府 / 镇党委、镇政府 / 党委、政府 (found from 委), 党中央、国务院 (from 中央)
_PAIR_WEI = re.compile(r"委(、?)([省市县区州旗镇乡]?)(?:人民)?政府")
_PAIR_CENTRAL = re.compile(r"中央(、?)国务院")


def _institutions(doc, ctx):
    text = doc.masked
    if "委、" not in text and "中央、国务院" not in text:
        return                                    # no pair with 顿号: nothing to unify on
    groups = defaultdict(list)
    found = []
    for m in _PAIR_WEI.finditer(text):
        w, level = m.start(), m.group(2)
        if level:
            if text[w - 1:w] == level:
                s = w - 1
            elif text[w - 2:w] == level + "党":
                s = w - 2
            else:
                continue
            found.append(("level", s, m))
        elif text[w - 1:w] == "党":
            found.append(("党委", w - 1, m))
    if "国务院" in text:
        for m in _PAIR_CENTRAL.finditer(text):
            c = m.start()
            if text[c - 1:c] == "党":
                found.append(("中央", c - 1, m))
            elif text[c - 2:c] == "中共":
                found.append(("中央", c - 2, m))
    for group, s, m in sorted(found, key=_SECOND):
        if not m.group(1) and text.startswith("关于", m.end()):
            continue        # 中共中央 国务院关于…: a joint issuer in a title, spaced per GB/T 9704
        groups[group].append((s, m))
    for group, pairs in groups.items():
        # a group with one form reports nothing: its occurrences are only built when needed
        if len({bool(m.group(1)) for _, m in pairs}) < 2:
            groups[group] = []
            continue
        occ = groups[group] = []
        for s, m in pairs:
            cut = m.start(1)
            old = doc.text[s:m.end()]
            pair = old if m.group(1) else old[:cut - s] + "、" + old[cut - s:]
            occ.append(Occ("、" if m.group(1) else "", Span(s, m.end()), pair, Edit(Span(cut, cut), "、")))

    def fix(o, target, example):
        return Fix(title=f"改为“{o.shown}”", edits=(o.edit,), applicability=Applicability.UNSAFE)

    def message(target, n_target, form, n_form, o, example):
        return (f"本文机构并称加顿号 {n_target} 处（如“{example.shown}”）、不加顿号 {n_form} 处，"
                f"建议统一为“{o.shown}”")

    for group, occ in groups.items():
        yield from _report(doc, ctx, "CS006", occ, name=str, allowed=("、",), fix=fix, message=message,
                           alike=_SHOWN)


# --------------------------------------------------------------------------- CS007 clock times

# found from the colon (a literal); the hour is read back from the text before it
_CLOCK_FULL = re.compile(r"：[0-5][0-9](?![0-9:：]|[.．][0-9])")
_CLOCK_HALF = re.compile(r":[0-5][0-9](?![0-9:：]|[.．][0-9])")
_HOUR_BEFORE = re.compile(r"[0-9]{1,2}$")
# what comes before a clock time (上午9:00, 7月5日14:30, 时间：9:00, 9:00—11:30); a ratio
# (按1：1配套, 比例为1:2) is preceded by something else
_CLOCK_BEFORE = frozenset("午晨晚早上日）)（(间：:，、；至到—～~-－ \t\u3000\ue000\r\n")


def _clock_occurrences(doc, rx, form):
    text = doc.masked
    for m in rx.finditer(text):
        c = m.start()
        hour = _HOUR_BEFORE.search(text, max(0, c - 2), c)
        if not hour:
            continue
        s = hour.start()
        if s and text[s - 1] not in _CLOCK_BEFORE:
            continue
        if int(hour.group()) > 24 or doc.is_protected(s, m.end()):
            continue
        yield Occ(form, Span(s, m.end()), edit=Edit(Span(c, c + 1), ":"))


def _clocks(doc, ctx):
    text = doc.masked
    if "：" not in text or ":" not in text:
        return
    full = list(_clock_occurrences(doc, _CLOCK_FULL, "："))
    if not full:
        return
    occ = sorted(full + list(_clock_occurrences(doc, _CLOCK_HALF, ":")), key=lambda o: o.span.start)

    def fix(o, target, example):
        return Fix(title="改为半角冒号“:”", edits=(o.edit,))

    yield from _report(doc, ctx, "CS007", occ, name=lambda f: "半角冒号“:”" if f == ":" else "全角冒号“：”",
                       allowed=(":",), fix=fix, template="本文时刻用{t} {nt} 处、{f} {nf} 处，建议统一为{t}")


@checker(CS001, CS002, CS003, CS004, CS005, CS006, CS007)
def consistency(doc, ctx):
    yield from _ranges(doc, ctx)
    yield from _dates(doc, ctx)
    yield from _numerals(doc, ctx)
    yield from _labels(doc, ctx)
    yield from _percent(doc, ctx)
    yield from _institutions(doc, ctx)
    yield from _clocks(doc, ctx)


RULES = (consistency,)
