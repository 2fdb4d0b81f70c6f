"""HD: heading numbering (一、（一）1.（1）) and inline enumerations (一是…二是…).

One pass over ``doc.structure.headings`` keeps, per level, the last sibling number under the
current parent: numbering restarts under each new parent. Enumerations restart in each
paragraph (a list continues on the next line only when that line starts with the next item).
"""
from __future__ import annotations

import re
from collections import Counter

from gwlint.linter.model import Applicability, Example, Fix, FixAvailability, Related, Span
from gwlint.linter.rule import checker, meta
from gwlint.linter.structure import LEVEL_STANDARD, STANDARD_STYLES, cn_to_int

B9704 = "GB/T 9704-2012 7.3.3（结构层次序数依次用“一、”“（一）”“1.”“（1）”）"
B15834 = "GB/T 15834-2011 附录 B.3（序次语之后的标点用法）"
B_ORDER = "《党政机关公文处理工作条例》第二十条（文稿审核：段落顺序、结构层次合理）"
_CN_NUMS = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]


def cn_numeral(n: int) -> str:
    if n <= 10:
        return _CN_NUMS[n]
    if n < 20:
        return "十" + _CN_NUMS[n - 10]
    tens, ones = divmod(n, 10)
    return _CN_NUMS[tens] + "十" + (_CN_NUMS[ones] if ones else "")


def standard_token(level: int, n: int) -> str:
    return {1: f"{cn_numeral(n)}、", 2: f"（{cn_numeral(n)}）", 3: f"{n}.", 4: f"（{n}）"}.get(level, "")


def _width_problem(style: str) -> bool:
    return any(ch in style for ch in "()１．") or ("(" in style or ")" in style)


def _mark_problem(style: str) -> bool:
    return style not in STANDARD_STYLES and not _width_problem(style)


_M = dict(basis=B9704)

HD001 = meta("HD001", "heading-gap", "标题序号跳号",
             what="检查同级标题序号是否连续（一、二、四、只在“四、”处报告一次；每个上级标题下重新编号）。",
             why="跳号说明漏写或删改后没有重排序号，是印发前最常见的结构差错。",
             examples=(Example(bad="一、总体要求\n二、重点任务\n四、保障措施"),
                       Example(good="一、总体要求\n（一）指导思想\n（二）目标\n二、重点任务\n（一）抓项目")),
             basis=B9704 + "；" + B_ORDER)
HD002 = meta("HD002", "heading-repeat", "标题序号重复",
             what="检查同级标题序号重复（如两个“（二）”），在第二次出现处报告。",
             why="重复的序号说明增删段落后没有重新编号。",
             examples=(Example(bad="（一）主办单位\n（二）承办单位\n（二）协办单位"),
                       Example(good="（一）主办单位\n（二）承办单位\n（三）协办单位")),
             basis=B9704 + "；" + B_ORDER)
HD003 = meta("HD003", "heading-disorder", "标题序号倒序",
             what="检查同级标题序号变小（如“三、”之后出现“二、”，且不是重新编号的“一、”）。",
             why="序号倒退通常是段落调整顺序后没有重排。",
             examples=(Example(bad="一、甲\n三、乙\n二、丙"), Example(good="一、甲\n二、乙\n三、丙")),
             basis=B9704 + "；" + B_ORDER)
HD004 = meta("HD004", "heading-orphan", "缺少上级的下级序号",
             what="检查在出现任何上级标题之前就出现的下级序号（如正文开头在“一、”之前出现“（一）”或“1.”）。",
             why="下级序号必须从属于上级标题，孤立的下级序号说明结构混乱或误用了序号。",
             examples=(Example(bad="为做好工作，制定本方案。\n（一）适用范围：全县。\n一、工作目标\n二、重点任务"),
                       Example(good="一、工作目标\n（一）适用范围：全县。\n二、重点任务")),
             basis=B9704)
HD006 = meta("HD006", "mixed-ordinal-style", "同级序号形式混用",
             what="检查同一层级的兄弟标题是否混用不同形式（如“1.”“2.”之间出现“3、”，“（1）”“（2）”之间出现“3）”），报告少数的不规范形式。",
             why="同级序号应当形式一致；混用说明从不同材料拼接而来。",
             fix=FixAvailability.ALWAYS, fix_applicability=Applicability.UNSAFE,
             fix_safety="提供改为同级规范形式的修复；需确认后应用（不安全修复）。",
             examples=(Example(bad="（二）个人项目\n1.象棋；\n2.乒乓球；\n3、羽毛球；\n4.健步走。",
                               fixed="（二）个人项目\n1.象棋；\n2.乒乓球；\n3.羽毛球；\n4.健步走。"),
                       Example(good="（二）个人项目\n1.象棋；\n2.乒乓球；\n3.羽毛球；")),
             basis=B9704 + "；GB/T 15835-2011 4.3（同一形式）")
HD007 = meta("HD007", "ordinal-mark", "序号后标点错误",
             what="检查序号后的标点：“（一）”后不加顿号，“一”后用顿号不用“.”“，”，“1”后用“.”不用顿号（即使全文都用“1、”）。"
                  "项目可在配置 [conventions] accept-ordinals = [\"1、\"] 中明确接受“1、”。",
             why="GB/T 15834-2011 B.3.2—B.3.4 规定了各级序次语后的标点，括号序号后不再加标点。",
             fix=FixAvailability.ALWAYS,
             fix_safety="删去或替换序号后的标点是安全修复；“1、”改“1.”标为不安全修复（部分单位有自己的习惯）。",
             options="[conventions] accept-ordinals：接受的非标准序号形式，如 [\"1、\"]。",
             examples=(Example(bad="（三）、趣味项目", fixed="（三）趣味项目"),
                       Example(bad="二.压实责任", fixed="二、压实责任"),
                       Example(good="（三）趣味项目\n二、压实责任\n1.象棋")),
             basis=B15834)
HD008 = meta("HD008", "ordinal-width", "序号用了半角括号或全角数字",
             what="检查序号中的半角括号“(一)”“(1)”、全角数字“１.”和全角句点“1．”。",
             why="公文序号用全角括号和半角阿拉伯数字、半角句点（GB/T 9704-2012 7.3.3，GB/T 15835-2011 5.1.7）。",
             fix=FixAvailability.ALWAYS, fix_safety="改为规范形式是安全修复。",
             examples=(Example(bad="(一)加强组织领导", fixed="（一）加强组织领导"),
                       Example(bad="１．开展排查", fixed="1.开展排查"),
                       Example(good="（一）加强组织领导\n1.开展排查")),
             basis=B9704 + "；GB/T 15835-2011 5.1.7")
HD009 = meta("HD009", "enumeration-gap", "列举序号缺项或不完整",
             what="检查段落中的“一是……二是……”“一要……二要……”列举：跳号（一是、二是、四是）、重复，"
                  "或只有“一是”而没有“二是”。每个段落重新计数。",
             why="列举缺项说明删改后没有重排，只有“一是”则列举不成立。",
             examples=(Example(bad="存在的问题：一是投资偏慢；二是消费偏弱；四是出口下滑。"),
                       Example(bad="要抓好三项工作。一是抓项目，确保按期开工。\n同时要注意安全。"),
                       Example(good="一是抓项目；二是抓招商；三是抓服务。"),
                       Example(good="发展是第一要务，统一是大局。")),
             basis=B_ORDER)
HD010 = meta("HD010", "mixed-narrative-ordinals", "序数词体系混用",
             what="检查“首先、其次”与“第三、第四”混用（应为“首先……其次……再次……最后”或“第一……第四”）。",
             why="同一组列举应使用同一套序数词（GB/T 15834-2011 B.3.1）。",
             examples=(Example(bad="首先，要提高认识。其次，要压实责任。第三，要强化督导。"),
                       Example(good="首先，要提高认识。其次，要压实责任。再次，要强化督导。最后，要严格考核。")),
             basis="GB/T 15834-2011 B.3.1")
HD011 = meta("HD011", "announced-count-mismatch", "宣布的项数与列举不符",
             what="检查“打好四场攻坚战”“讲三点意见”之后紧接的列举（一要……三要）项数是否与宣布的数目一致。",
             why="宣布四项只讲三项，读者会以为漏了内容。",
             examples=(Example(bad="坚决打好四场攻坚战。一要抓项目；二要抓招商；三要抓服务。"),
                       Example(good="坚决打好三场攻坚战。一要抓项目；二要抓招商；三要抓服务。")),
             basis=B_ORDER)
HD012 = meta("HD012", "profile-ordinal-style", "与本单位序号约定不符",
             what="检查某一层级使用的序号形式是否与本单位约定配置（gwlint learn 从本单位语料学到）一致，"
                  "例如本单位第三级用“1.”，稿件在第三级用了“（1）”。只在配置中指定了约定文件时检查。",
             why="同一单位的文稿层级序号应保持一致；标准允许跳级使用时，由本单位习惯决定。",
             options="profile：约定文件路径（gwlint learn 生成）。", tags=("profile",),
             examples=(Example(bad="一、总体要求\n（一）工作目标\n（1）完成改造任务"),
                       Example(good="一、总体要求\n（一）工作目标\n1.完成改造任务")),
             basis=B9704 + "；本单位约定")


def _fix_for(doc, h, applicability=Applicability.SAFE):
    token = standard_token(h.level, h.number)
    if not token:
        return None
    return Fix(title=f"改为“{token}”", edits=(Fix.replace(h.ordinal, token, "").edits[0],),
               applicability=applicability)


def _analyze_headings(doc, ctx):
    text = doc.text
    headings = doc.structure.headings
    if not headings:
        return
    accepted = set(ctx.settings.conventions.get("accept-ordinals", ())) if ctx.settings else set()
    min_level = min(h.level for h in headings)
    seen_levels: set[int] = set()
    last: dict[int, object] = {}
    groups: list[list] = []          # sibling groups, for the mixed-style check
    group_of: dict[int, list] = {}
    flagged: set[int] = set()
    for h in headings:
        for lv in [lv for lv in last if lv > h.level]:
            del last[lv]
            group_of.pop(lv, None)
        orphan = h.level > min_level and not any(lv < h.level for lv in seen_levels)
        seen_levels.add(h.level)
        if orphan:
            yield ctx.report(h.ordinal, f"序号“{text[h.ordinal.start:h.ordinal.end]}”出现在任何上级标题之前，"
                             "缺少上级标题或误用了序号", code="HD004")
            flagged.add(id(h))
            continue
        prev = last.get(h.level)
        tok = text[h.ordinal.start:h.ordinal.end]
        if prev is not None:
            ptok = text[prev.ordinal.start:prev.ordinal.end]
            if h.number == prev.number + 1:
                pass
            elif h.number == prev.number:
                yield ctx.report(h.ordinal, f"序号“{tok}”与上一个同级序号重复，应为“{standard_token(h.level, h.number + 1)}”",
                                 code="HD002", related=(Related(prev.ordinal, "上一个同级序号"),))
                flagged.add(id(h))
            elif h.number > prev.number + 1:
                yield ctx.report(h.ordinal, f"序号“{tok}”不连续：上一个同级序号是“{ptok}”，"
                                 f"应为“{standard_token(h.level, prev.number + 1)}”", code="HD001",
                                 related=(Related(prev.ordinal, "上一个同级序号"),))
                flagged.add(id(h))
            elif h.number != 1:
                yield ctx.report(h.ordinal, f"序号“{tok}”倒序：上一个同级序号是“{ptok}”", code="HD003",
                                 related=(Related(prev.ordinal, "上一个同级序号"),))
                flagged.add(id(h))
        last[h.level] = h
        group = group_of.get(h.level)
        if group is None or (prev is None):
            group = []
            groups.append(group)
            group_of[h.level] = group
        group.append(h)
    # forms: mixed styles among siblings, wrong marks, wrong widths
    for group in groups:
        styles = Counter(h.style for h in group)
        for h in group:
            style = h.style
            if style in STANDARD_STYLES or style in accepted:
                continue
            tok = text[h.ordinal.start:h.ordinal.end]
            std = standard_token(h.level, h.number)
            others = [s for s in styles if s != style]
            if others and any(s in STANDARD_STYLES for s in others) and styles[style] < sum(
                    styles[s] for s in others):
                fix = _fix_for(doc, h, Applicability.UNSAFE)
                major = max(others, key=lambda s: (styles[s], s in STANDARD_STYLES))
                yield ctx.report(h.ordinal, f"同级序号形式混用：其他同级序号用“{major}”形式，此处用了“{tok}”，应为“{std}”",
                                 code="HD006", fix=fix)
                continue
            if _width_problem(style) and not re.search(r"[、，,：:]$|[）)][.．]$", style):
                yield ctx.report(h.ordinal, f"序号“{tok}”应写作“{std}”（全角括号、半角数字和句点）",
                                 code="HD008", fix=_fix_for(doc, h))
                continue
            unsafe = style in ("1、", "１、")
            yield ctx.report(h.ordinal, _mark_message(tok, std, style), code="HD007",
                             fix=_fix_for(doc, h, Applicability.UNSAFE if unsafe else Applicability.SAFE))
    # the organisation's scheme per depth (only with an explicitly configured profile)
    profile = ctx.profile
    styles_by_depth = getattr(profile, "ordinal_styles", None) or {}
    if styles_by_depth and not getattr(profile, "builtin", False):
        for h in headings:
            want = styles_by_depth.get(h.depth)
            if want and h.style in STANDARD_STYLES and want in STANDARD_STYLES and want != h.style \
                    and id(h) not in flagged:
                yield ctx.report(h.ordinal, f"本单位约定第{h.depth}级序号用“{want}”形式，此处用了“{text[h.ordinal.start:h.ordinal.end]}”",
                                 code="HD012")


def _mark_message(tok: str, std: str, style: str) -> str:
    if style.startswith(("（", "(")):
        return f"括号序号“{tok}”后不应再加标点，应为“{std}”（GB/T 15834-2011 B.3.4）"
    if style[0] == "一":
        return f"汉字序号后应用顿号：“{tok}”应为“{std}”（GB/T 15834-2011 B.3.2）"
    return f"阿拉伯数字序号后应用下脚点：“{tok}”应为“{std}”（GB/T 15834-2011 B.3.3）"


def _analyze_enumerations(doc, ctx):
    text = doc.text
    for items in doc.structure.enumerations:
        marker = items[0].marker
        if len(items) == 1:
            it = items[0]
            if it.number == 1 and not _continues_later(doc, it):
                yield ctx.report(it.span, f"只有“一{marker}”而没有“二{marker}”：列举不完整", code="HD009")
            continue
        prev = items[0]
        for it in items[1:]:
            tok = text[it.span.start:it.span.end]
            if it.number == prev.number + 1:
                pass
            elif it.number > prev.number + 1:
                yield ctx.report(it.span, f"列举跳号：“{text[prev.span.start:prev.span.end]}”之后是“{tok}”，"
                                 f"缺少“{cn_numeral(prev.number + 1)}{marker}”", code="HD009",
                                 related=(Related(prev.span, "上一项"),))
            elif it.number == prev.number:
                yield ctx.report(it.span, f"列举序号“{tok}”重复", code="HD009", related=(Related(prev.span, "上一项"),))
            prev = it


def _continues_later(doc, item) -> bool:
    """A dangling 一是 is only reported when no 二是 follows in the next two lines either."""
    marker = item.marker
    nxt = f"二{marker}"
    index = doc.index
    last_line = min(index.line_count - 1, item.line + 2)
    a = item.span.end
    b = index.line_span(last_line)[1]
    return nxt in doc.masked[a:b]


_NARR = re.compile(r"(首先|其次|再次|最后|第[一二三四五六七八九十])[，,、]")
_NARR_BEFORE = set("。；！？ \t\r\n\u3000\ue000")


def _analyze_narrative(doc, ctx):
    seen = []
    text = doc.masked
    for m in _NARR.finditer(text):
        if m.start() and text[m.start() - 1] not in _NARR_BEFORE:
            continue
        word = m.group(1)
        if word in ("首先", "其次", "再次", "最后"):
            if word == "首先":
                seen = ["首先"]
            elif seen:
                seen.append(word)
            continue
        n = cn_to_int(word[1:]) or 0
        if n >= 3 and "首先" in seen and "其次" in seen and "最后" not in seen:
            yield ctx.report(Span(m.start(1), m.end(1)), f"序数词混用：前面用了“首先”“其次”，此处用了“{word}”，"
                             "应统一为“首先……其次……再次……最后”或“第一……第N”", code="HD010")
            seen = []


_ANNOUNCE = re.compile(r"(?P<n>[二三四五六七八九十]|[2-9])(?P<u>场|个方面|点意见|项工作|项任务|件事|个问题|句话)")


def _analyze_announced(doc, ctx):
    structure = doc.structure
    if not structure.enumerations:
        return
    index = doc.index
    text = doc.masked
    lists = structure.enumerations
    for m in _ANNOUNCE.finditer(text):
        raw = m.group("n")
        n = int(raw) if raw.isdigit() else cn_to_int(raw)
        line = index.line_of(m.start())
        after = [l for l in lists if l[0].span.start > m.end() and l[0].number == 1 and l[0].line <= line + 1]
        if not after:
            continue
        items = after[0]
        between = text[m.end():items[0].span.start]
        if len(between) > 40:
            continue
        numbers = [i.number for i in items]
        if numbers != list(range(1, len(numbers) + 1)) or len(numbers) < 2:
            continue
        if len(numbers) != n:
            yield ctx.report(Span(m.start(), m.end()),
                             f"宣布了“{m.group()}”，随后的列举只有{len(numbers)}项", code="HD011",
                             related=(Related(items[-1].span, "列举的最后一项"),))


@checker(HD001, HD002, HD003, HD004, HD006, HD007, HD008, HD009, HD010, HD011, HD012)
def heading_numbering(doc, ctx):
    yield from _analyze_headings(doc, ctx)
    yield from _analyze_enumerations(doc, ctx)
    yield from _analyze_narrative(doc, ctx)
    yield from _analyze_announced(doc, ctx)


RULES = (heading_numbering,)
