"""HD: heading numbering (一、（一）1.（1）) and inline enumerations (一是…二是…, 首先…其次…).

Codes (stable):
  HD001 gap among siblings · HD002 repeat · HD003 disorder · HD004 child heading with no parent ·
  HD005 level inversion · HD006 mixed ordinal forms among siblings · HD007 wrong mark after an
  ordinal · HD008 half-width brackets / full-width digits in ordinals · HD009 enumeration gap,
  repeat or dangling 一是 · HD010 mixed narrative scheme (首先…第三) · HD011 announced count ≠
  items · HD012 ordinal form differs from the organisation's profile.

One pass over ``doc.structure.headings`` keeps, per level, the last sibling under the current
parent: numbering restarts under each new parent. A document that consistently uses a deeper
form as the parent of a shallower one (1. above （一）) is reported once (HD005) and then read
with its own order of levels, so one inversion does not cascade into orphans and gaps.
Enumerations restart in each paragraph (a list continues on the next line only when that line
starts with the next item).
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass

from gwlint.linter.model import Applicability, Example, Fix, FixAvailability, Related, Span
from gwlint.linter.rule import checker, meta
from gwlint.linter.structure import STANDARD_STYLES, cn_numeral, cn_to_int, ordinal_token, standard_token

B9704 = "GB/T 9704-2012 7.3.3（结构层次序数依次用“一、”“（一）”“1.”“（1）”）"
B15834 = "GB/T 15834-2011 附录 B.3（序次语之后的标点用法）"
B_ORDER = "《党政机关公文处理工作条例》第二十条（文稿审核：段落顺序、结构层次合理）"
_LEVEL_NAME = {1: "第一级", 2: "第二级", 3: "第三级", 4: "第四级"}

__all__ = ["RULES", "cn_numeral", "standard_token"]

HD001 = meta("HD001", "heading-gap", "标题序号跳号",
             what="检查同级标题序号是否连续（一、二、四、只在“四、”处报告一次），以及上级标题下的第一个序号是否从 1 开始"
                  "（“（二）”下直接出现“（2）”）。每个上级标题下重新编号。",
             why="跳号说明漏写或删改后没有重排序号，是印发前最常见的结构差错。",
             examples=(Example(bad="一、总体要求\n二、重点任务\n四、保障措施"),
                       Example(bad="一、总体要求\n（一）工作目标\n1.完成改造\n3.完成验收"),
                       Example(good="一、总体要求\n（一）指导思想\n（二）目标\n二、重点任务\n（一）抓项目"),
                       Example(good="一、总体要求\n1.5亿元资金已到位。\n2024年，全市经济运行平稳。\n二、重点任务")),
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
             what="检查在出现任何上级标题之前就出现的下级序号（如正文开头在“一、”之前出现“（一）”或“1.”）。"
                  "跳级使用（“一、”下直接用“1.”）不报告。",
             why="下级序号必须从属于上级标题，孤立的下级序号说明结构混乱或误用了序号。",
             examples=(Example(bad="为做好工作，制定本方案。\n（一）适用范围：全县。\n一、工作目标\n二、重点任务"),
                       Example(good="一、工作目标\n（一）适用范围：全县。\n二、重点任务"),
                       Example(good="一、工作目标\n1.完成改造任务\n二、重点任务")),
             basis=B9704)
HD005 = meta("HD005", "heading-level-inversion", "标题层级倒置",
             what="检查高一级的序号形式被用作低一级序号的下级（如“1.”之下出现“（一）”“（二）”，随后又接“2.”），"
                  "即层次顺序与“一、（一）1.（1）”相反。每种倒置只报告一次。",
             why="层次序数的先后顺序由标准规定，倒置会让读者误判结构；这类稿件常由几份材料拼接而成。",
             examples=(Example(bad="一、总体要求\n1.指导思想\n（一）坚持党的领导\n（二）坚持人民至上\n2.工作目标"),
                       Example(good="一、总体要求\n（一）指导思想\n1.坚持党的领导\n2.坚持人民至上\n（二）工作目标")),
             basis=B9704 + "；GB/T 15834-2011 B.3")
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
             what="检查序号后的标点：“（一）”后不加顿号，“一”后用顿号不用“.”“，”，“1”后用“.”不用顿号（即使全文都用“1、”），"
                  "单边括号“1）”应为“（1）”，段首的“第一”“首先”后用逗号不用顿号。"
                  "项目可在配置 [conventions] accept-ordinals = [\"1、\"] 中明确接受“1、”。",
             why="GB/T 15834-2011 B.3.1—B.3.4 规定了各级序次语后的标点，括号序号后不再加标点。",
             fix=FixAvailability.ALWAYS,
             fix_safety="删去或替换序号后的标点是安全修复；“1、”改“1.”、“1）”改“（1）”标为不安全修复（部分单位有自己的习惯）。",
             options="[conventions] accept-ordinals：接受的非标准序号形式，如 [\"1、\"]。",
             examples=(Example(bad="（三）、趣味项目", fixed="（三）趣味项目"),
                       Example(bad="二.压实责任", fixed="二、压实责任"),
                       Example(bad="会议强调：第一、要提高认识；第二、要压实责任。",
                               fixed="会议强调：第一，要提高认识；第二，要压实责任。"),
                       Example(good="（三）趣味项目\n二、压实责任\n1.象棋"),
                       Example(good="要大力发展第一、二产业，用拼第一、争先进的劲头抓落实。")),
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
             what="检查段落中的“一是……二是……”“一要……二要……”“第一，……第二，……”列举：跳号（一是、二是、四是）、重复，"
                  "或只有“一是”而没有“二是”。每个段落重新计数；从 PDF 等处复制、按固定宽度硬换行的段落（行尾不是句末标点、下一行不缩进也不是标题）算作一段。",
             why="列举缺项说明删改后没有重排，只有“一是”则列举不成立。",
             examples=(Example(bad="存在的问题：一是投资偏慢；二是消费偏弱；四是出口下滑。"),
                       Example(bad="要抓好三项工作。一是抓项目，确保按期开工。\n同时要注意安全。"),
                       Example(bad="第一，要提高认识。第二，要压实责任。第四，要严格考核。"),
                       Example(good="一是抓项目；二是抓招商；三是抓服务。"),
                       Example(good="发展是第一要务，统一是大局，唯一是他。我们坚持一是一、二是二。")),
             basis=B_ORDER)
HD010 = meta("HD010", "mixed-narrative-ordinals", "序数词体系混用",
             what="检查同一组列举中“首先、其次”与“第三、第四”混用（应为“首先……其次……再次……最后”或“第一……第四”）。",
             why="同一组列举应使用同一套序数词（GB/T 15834-2011 B.3.1）。",
             examples=(Example(bad="首先，要提高认识。其次，要压实责任。第三，要强化督导。"),
                       Example(good="首先，要提高认识。其次，要压实责任。再次，要强化督导。最后，要严格考核。"),
                       Example(good="第一，要提高认识。第二，要压实责任。最后，要严格考核。")),
             basis="GB/T 15834-2011 B.3.1")
HD011 = meta("HD011", "announced-count-mismatch", "宣布的项数与列举不符",
             what="检查“打好四场攻坚战”“讲三点意见”“主要有四个方面”之后紧接的列举（一要……三要、第一句……）"
                  "或一级标题的项数是否与宣布的数目一致。只在列举本身连续完整时检查。",
             why="宣布四项只讲三项，读者会以为漏了内容。",
             examples=(Example(bad="坚决打好四场攻坚战。一要抓项目；二要抓招商；三要抓服务。"),
                       Example(bad="下面，我讲三点意见。\n一、统一思想\n二、突出重点\n三、压实责任\n四、改进作风"),
                       Example(good="坚决打好三场攻坚战。一要抓项目；二要抓招商；三要抓服务。"),
                       Example(good="下面，我讲几点意见。\n一、统一思想\n二、突出重点\n三、压实责任\n四、改进作风")),
             basis=B_ORDER)
HD012 = meta("HD012", "profile-ordinal-style", "与本单位序号约定不符",
             what="检查某一层级使用的序号形式是否与本单位约定配置（gwlint learn 从本单位语料学到）一致，"
                  "例如本单位第三级用“1.”，稿件在第三级用了“（1）”。只在配置中指定了约定文件时检查。",
             why="同一单位的文稿层级序号应保持一致；标准允许跳级使用时，由本单位习惯决定。",
             options="profile：约定文件路径（gwlint learn 生成）。", tags=("profile",),
             examples=(Example(bad="一、总体要求\n（一）工作目标\n（1）完成改造任务"),
                       Example(good="一、总体要求\n（一）工作目标\n1.完成改造任务")),
             basis=B9704 + "；本单位约定")


# --------------------------------------------------------------------------- heading tree
@dataclass(frozen=True)
class HeadingTree:
    """The heading analysis shared by the HD checks (``doc.memo("hd.tree", …)``)."""
    order: tuple[int, ...]                 # canonical levels 1–4 in this document's nesting order
    inversions: tuple[tuple[int, int], ...]  # (index of the heading reported, index of its parent)

    def eff(self, level: int) -> int:
        return level if level <= 0 else self.order.index(level) + 1


def _inversions(headings) -> list[tuple[int, int]]:
    """A shallower form starting at 1 right after a deeper form whose own list then continues
    (1. … （一）（二）… 2.): the deeper form is this document's parent level."""
    found = []
    for i, (p, h) in enumerate(zip(headings, headings[1:]), 1):
        if h.number != 1 or h.level < 1 or p.level <= h.level:
            continue
        for x in range(i + 1, len(headings)):
            q = headings[x]
            if q.level < h.level:
                break
            if q.level == p.level:
                if q.number == p.number + 1:
                    found.append((i, i - 1))
                break
    return found


def _tree(doc) -> HeadingTree:
    headings = doc.structure.headings
    order = [1, 2, 3, 4]
    reported = []
    pairs_seen = set()
    for i, j in _inversions(headings):
        a, b = headings[i].level, headings[j].level
        if (a, b) in pairs_seen:
            continue
        pairs_seen.add((a, b))
        reported.append((i, j))
        if order.index(b) > order.index(a):
            order.remove(b)
            order.insert(order.index(a), b)
    return HeadingTree(order=tuple(order), inversions=tuple(reported))


def _tok(doc, h) -> str:
    return doc.text[h.ordinal.start:h.ordinal.end]


def _std(h) -> str:
    return standard_token(h.level, h.number, h.style)


def _fix_for(h, applicability=Applicability.SAFE):
    token = _std(h)
    if not token:
        return None
    return Fix.replace(h.ordinal, token, f"改为“{token}”", applicability)


def _analyze_headings(doc, ctx):
    headings = doc.structure.headings
    if not headings:
        return
    tree = doc.memo("hd.tree", lambda: _tree(doc))
    flagged: set[int] = set()
    for i, j in tree.inversions:
        h, p = headings[i], headings[j]
        yield ctx.report(h.ordinal, f"标题层级倒置：“{_tok(doc, h)}”是{_LEVEL_NAME.get(h.level, '')}序号，"
                         f"却用作{_LEVEL_NAME.get(p.level, '')}序号“{_tok(doc, p)}”的下级"
                         "（层次应依次为“一、”“（一）”“1.”“（1）”）", code="HD005",
                         related=(Related(p.ordinal, "上级序号"),))
        flagged.add(i)
    accepted = set(ctx.settings.conventions.get("accept-ordinals", ()) or ()) if ctx.settings else set()
    effs = [h.level for h in headings]
    if tree.order != (1, 2, 3, 4):                # (in the standard order a level is its own)
        eff_of = {level: tree.eff(level) for level in set(effs)}
        effs = [eff_of[level] for level in effs]
    min_eff = min(effs)
    seen_min = None                  # the shallowest effective level seen so far
    prev_e = None                    # the previous heading's effective level
    last: dict[int, int] = {}        # effective level -> index of the last sibling under the current parent
    last_any: dict[int, int] = {}    # effective level -> index of the last heading at that level anywhere
    groups: list[list[int]] = []     # sibling groups, for the form checks
    group_of: dict[int, list[int]] = {}
    for k, h in enumerate(headings):
        e = effs[k]
        if prev_e is not None and e < prev_e:      # (no level in last is deeper than prev_e)
            for lv in [lv for lv in last if lv > e]:
                del last[lv]
                group_of.pop(lv, None)
        prev_e = e
        has_parent = seen_min is not None and seen_min < e
        orphan = e > min_eff and not has_parent
        if seen_min is None or e < seen_min:
            seen_min = e
        if orphan and _parent_run_in(doc, h):
            orphan = False                 # "同志们：一、……" — the parent sits inside a line
            seen_min = min(seen_min, e - 1, min_eff)
        if orphan:
            yield ctx.report(h.ordinal, f"序号“{_tok(doc, h)}”出现在任何上级标题之前，缺少上级标题或误用了序号",
                             code="HD004")
            flagged.add(k)
            last_any[e] = k
            continue
        prev_i = last.get(e)
        if prev_i is not None:
            prev = headings[prev_i]
            if h.number == prev.number + 1:
                pass
            elif h.number == prev.number:
                tok = _tok(doc, h)
                related = (Related(prev.ordinal, "上一个同级序号"),)
                yield ctx.report(h.ordinal, f"序号“{tok}”与上一个同级序号重复，应为“{ordinal_for(h, h.number + 1)}”",
                                 code="HD002", related=related)
                flagged.add(k)
            elif h.number > prev.number + 1:
                if _run_in_item(doc, h, prev.number + 1, prev.ordinal.end):
                    pass                   # "2.进度。3.储备……" the missing item sits inside a line
                else:
                    tok, ptok = _tok(doc, h), _tok(doc, prev)
                    related = (Related(prev.ordinal, "上一个同级序号"),)
                    yield ctx.report(h.ordinal, f"序号“{tok}”不连续：上一个同级序号是“{ptok}”，"
                                     f"应为“{ordinal_for(h, prev.number + 1)}”", code="HD001", related=related)
                    flagged.add(k)
            elif h.number != 1:
                tok, ptok = _tok(doc, h), _tok(doc, prev)
                related = (Related(prev.ordinal, "上一个同级序号"),)
                yield ctx.report(h.ordinal, f"序号“{tok}”倒序：上一个同级序号是“{ptok}”", code="HD003",
                                 related=related)
                flagged.add(k)
        elif has_parent and h.number > 1 and k not in flagged:
            tok = _tok(doc, h)
            before = last_any.get(e)
            continuing = before is not None and headings[before].number == h.number - 1
            p = headings[k - 1]
            if p.number == h.number - 1 and effs[k - 1] > e and p.level >= 1 and not continuing:
                # "1）乙 2）丙 3.丁": the list goes on in another form
                yield ctx.report(h.ordinal, f"同级序号形式混用：上一个序号是“{_tok(doc, p)}”，此处用了“{tok}”，"
                                 "同一组序号应使用同一形式", code="HD006", related=(Related(p.ordinal, "上一个序号"),))
                flagged.add(k)
            elif not continuing and not _run_in_item(
                    doc, h, h.number - 1, next((headings[x].ordinal.end for x in range(k - 1, -1, -1)
                                                if effs[x] < e), 0)):
                # the parent may be run into a line ("同志们：一、……"), not a heading of its own
                parent = next((headings[x] for x in range(k - 1, -1, -1) if effs[x] < e), None)
                where = f"上级标题“{_tok(doc, parent)}”下" if parent else "上级标题下"
                yield ctx.report(h.ordinal, f"序号“{tok}”不连续：{where}的第一个序号"
                                 f"应为“{ordinal_for(h, 1)}”", code="HD001",
                                 related=(Related(parent.ordinal, "上级标题"),) if parent else ())
                flagged.add(k)
        last[e] = k
        last_any[e] = k
        group = group_of.get(e)
        if group is None or prev_i is None:
            group = []
            groups.append(group)
            group_of[e] = group
        group.append(k)
    yield from _check_forms(doc, ctx, headings, groups, accepted)
    # the organisation's scheme per depth (only with an explicitly configured profile)
    profile = ctx.profile
    styles_by_depth = getattr(profile, "ordinal_styles", None) or {}
    if styles_by_depth and not getattr(profile, "builtin", False) and not tree.inversions:
        for k, h in enumerate(headings):
            want = styles_by_depth.get(h.depth)
            if want and h.style in STANDARD_STYLES and want in STANDARD_STYLES and want != h.style \
                    and k not in flagged:
                yield ctx.report(h.ordinal, f"本单位约定第{h.depth}级序号用“{want}”形式，此处用了“{_tok(doc, h)}”",
                                 code="HD012")


_CLAUSE_START = set("。；！？：;!?: \t\u3000\u00a0")


def _inline_token(doc, token: str, a: int, b: int) -> bool:
    """``token`` at a clause start somewhere in masked[a:b] (not at a line start)."""
    text = doc.masked
    i = text.find(token, a, b)
    while i >= 0:
        after = text[i + len(token):i + len(token) + 1]
        if i > 0 and text[i - 1] in _CLAUSE_START and not (after.isdigit() or after in "０１２３４５６７８９"):
            return True
        i = text.find(token, i + 1, b)
    return False


def _run_in_item(doc, h, n: int, since: int) -> bool:
    """The item numbered ``n`` is there, but inside a line ("（一）抓项目。1.开工……\n2.进度")."""
    if n < 1:
        return False
    tokens = {ordinal_token(h.style, n), standard_token(h.level, n, h.style)}
    return any(t and _inline_token(doc, t, since, h.ordinal.start) for t in tokens)


def _parent_run_in(doc, h) -> bool:
    """A first-level ordinal ("一、" "（一）" "1.") inside an earlier line: the parent exists."""
    return any(_inline_token(doc, standard_token(level, 1), 0, h.ordinal.start) for level in range(1, h.level))


def ordinal_for(h, n: int) -> str:
    """The ordinal ``n`` at ``h``'s level in the standard form."""
    return standard_token(h.level, n, h.style)


def _problems(style: str) -> tuple[bool, bool]:
    """(width problem, mark problem) of a heading form."""
    width = "(" in style or ")" in style or "１" in style or style.endswith("．") and style[0] in "1１"
    if style.startswith(("（", "(")):
        mark = style[-1] not in "）)"
    elif style[0] == "一":
        mark = style != "一、"
    elif style[0] in "1１":
        mark = style[1:] not in (".", "．")       # "1、" "1，" and the one-sided "1）"
    else:
        mark = False
    return width, mark


def _typo_mark(style: str) -> bool:
    """A mark slip rather than another numbering scheme: "（一）、" "（1）." "二." "三，"."""
    return (style.startswith(("（", "(")) and style[-1] not in "）)") or (style[0] == "一" and style != "一、")


def _minority(styles: Counter, style: str) -> tuple[bool, str]:
    """(Is ``style`` rarer in its group than the other forms together, the commonest other form.)"""
    others = {s: c for s, c in styles.items() if s != style}
    minority = bool(others) and styles[style] < sum(others.values())
    major = max(others, key=lambda s: (others[s], s in STANDARD_STYLES)) if others else ""
    return minority, major


def _check_forms(doc, ctx, headings, groups, accepted):
    """Mixed forms among siblings (HD006), wrong marks (HD007), wrong widths (HD008)."""
    fine = STANDARD_STYLES | accepted
    forms = [h.style for h in headings]
    for group in groups:
        first = forms[group[0]]
        if first in fine and [forms[k] for k in group].count(first) == len(group):
            continue                                   # the common case: one good form
        styles = Counter(headings[k].style for k in group)
        verdicts: dict[str, tuple[bool, str]] = {}     # style -> _minority (the same for its headings)
        for k in group:
            h = headings[k]
            style = h.style
            if style in fine and style in STANDARD_STYLES and not accepted:
                continue
            tok = _tok(doc, h)
            verdict = verdicts.get(style)
            if verdict is None:
                verdict = verdicts[style] = _minority(styles, style)
            minority, major = verdict
            if style in fine:
                # two acceptable forms among siblings (an accepted "1、" beside "1."): flag the minority
                if minority and major in fine and (style in accepted or major in accepted):
                    yield ctx.report(h.ordinal, f"同级序号形式混用：其他同级序号用“{major}”形式，此处用了“{tok}”",
                                     code="HD006")
                continue
            std = _std(h)
            if minority and major in STANDARD_STYLES and not _typo_mark(style):
                yield ctx.report(h.ordinal, f"同级序号形式混用：其他同级序号用“{major}”形式，此处用了“{tok}”，应为“{std}”",
                                 code="HD006", fix=_fix_for(h, Applicability.UNSAFE))
                continue
            width, mark = _problems(style)
            if width and not mark:
                yield ctx.report(h.ordinal, f"序号“{tok}”应写作“{std}”（全角括号、半角阿拉伯数字和半角句点，"
                                 "GB/T 9704-2012 7.3.3）", code="HD008", fix=_fix_for(h))
                continue
            unsafe = not _typo_mark(style)            # "1、" "1）": a house style, confirm first
            yield ctx.report(h.ordinal, _mark_message(tok, std, style), code="HD007",
                             fix=_fix_for(h, Applicability.UNSAFE if unsafe else Applicability.SAFE))


def _mark_message(tok: str, std: str, style: str) -> str:
    if style.startswith(("（", "(")):
        return f"括号序号“{tok}”后不应再加标点，应为“{std}”（GB/T 15834-2011 B.3.4）"
    if style[0] == "一":
        return f"汉字数字序号后应用顿号：“{tok}”应为“{std}”（GB/T 15834-2011 B.3.2）"
    if style[-1] in "）)":
        return f"单边括号序号“{tok}”应为“{std}”（GB/T 9704-2012 7.3.3）"
    return f"阿拉伯数字序号后应用下脚点：“{tok}”应为“{std}”（GB/T 15834-2011 B.3.3）"


# --------------------------------------------------------------------------- enumerations
def _analyze_enumerations(doc, ctx):
    text = doc.text
    for items in doc.structure.enumerations:
        kind = items[0].kind
        if kind == "shi":
            yield from _check_shi(doc, ctx, items)
        elif kind in ("ordinal", "narrative"):
            yield from _check_sequence(doc, ctx, items)
        # "label" lists (第一句：… 第四句话：) belong to CS (label drift)
    # 第一、 首先、 at a clause start: B.3.1 wants a comma
    for items in doc.structure.enumerations:
        for it in items:
            if it.kind in ("ordinal", "narrative") and it.span.end < len(text) and text[it.span.end] == "、":
                mark = Span(it.span.end, it.span.end + 1)
                yield ctx.report(Span(it.span.start, mark.end),
                                 f"“{text[it.span.start:it.span.end]}”后应用逗号，不用顿号（GB/T 15834-2011 B.3.1）",
                                 code="HD007", fix=Fix.replace(mark, "，", "改为逗号"))


def _check_shi(doc, ctx, items):
    text = doc.text
    marker = items[0].marker
    if len(items) == 1:
        it = items[0]
        if it.number == 1 and not _continues_later(doc, it):
            yield ctx.report(it.span, f"只有“一{marker}”而没有“二{marker}”：列举不完整", code="HD009")
        return
    prev = items[0]
    for it in items[1:]:
        if it.number == prev.number + 1:
            pass
        elif it.number > prev.number + 1:
            tok = text[it.span.start:it.span.end]
            yield ctx.report(it.span, f"列举跳号：“{text[prev.span.start:prev.span.end]}”之后是“{tok}”，"
                             f"缺少“{cn_numeral(prev.number + 1)}{marker}”", code="HD009",
                             related=(Related(prev.span, "上一项"),))
        elif it.number == prev.number:
            tok = text[it.span.start:it.span.end]
            yield ctx.report(it.span, f"列举序号“{tok}”重复", code="HD009", related=(Related(prev.span, "上一项"),))
        prev = it


def _continues_later(doc, item) -> bool:
    """A dangling 一是 is only reported when no 二是 follows in the next two lines either."""
    nxt = f"二{item.marker}"
    index = doc.index
    last_line = min(index.line_count - 1, item.line + 2)
    return nxt in doc.masked[item.span.end:index.line_span(last_line)[1]]


_NARRATIVE_WORDS = ("首先", "其次", "再次")


def _check_sequence(doc, ctx, items):
    text = doc.text
    # gaps and repeats among 第一，第二，… (only in a list that starts at 第一)
    if items[0].number == 1 and items[0].kind == "ordinal":
        prev = items[0]
        for it in items[1:]:
            if it.kind != "ordinal" or it.number == 0:
                break
            tok = text[it.span.start:it.span.end]
            if it.number > prev.number + 1:
                yield ctx.report(it.span, f"列举跳号：“{text[prev.span.start:prev.span.end]}”之后是“{tok}”，"
                                 f"缺少“{'其' if it.marker == '其' else '第'}{cn_numeral(prev.number + 1)}”", code="HD009",
                                 related=(Related(prev.span, "上一项"),))
                break
            if it.number == prev.number:
                yield ctx.report(it.span, f"列举序号“{tok}”重复", code="HD009",
                                 related=(Related(prev.span, "上一项"),))
                break
            prev = it
    # 首先/其次 beside 第三/第四 (最后 goes with either)
    first = items[0]
    scheme = "narrative" if first.marker in _NARRATIVE_WORDS else "ordinal"
    if len(items) < 2:
        return
    for it in items[1:]:
        if it.number == 0:
            continue
        other = "narrative" if it.marker in _NARRATIVE_WORDS else "ordinal"
        if other != scheme:
            word = text[it.span.start:it.span.end]
            used = "“首先”“其次”" if scheme == "narrative" else f"“{text[first.span.start:first.span.end]}”"
            yield ctx.report(it.span, f"序数词混用：前面用了{used}，此处用了“{word}”，"
                             "应统一为“首先……其次……再次……最后”或“第一……第N”", code="HD010",
                             related=(Related(first.span, "列举的第一项"),))
            return


# --------------------------------------------------------------------------- announced counts
_ANNOUNCE = re.compile(r"(?P<n>[两二三四五六七八九十2-9])"
                       r"(?P<u>场|个方面|方面|点意见|点要求|点体会|点|项工作|项任务|项重点工作|件事|个问题|句话|条意见)")
# an announcement of the headings that follow: "下面，我讲三点意见" "我从三个方面作一强调"
_SPEAKS = re.compile(r"(?:讲|谈|强调|提|说|从|分|围绕|归纳为|概括为|包括|有)(?:以下)?$")


def _analyze_announced(doc, ctx):
    structure = doc.structure
    if not structure.enumerations and not structure.headings:
        return
    index = doc.index
    text = doc.masked
    lists = [l for l in structure.enumerations if l[0].kind in ("shi", "label", "ordinal")]
    list_starts = [l[0].span.start for l in lists]
    headings = structure.headings
    heading_starts = None              # (built when first needed: few matches get that far)
    for m in _announcements(text, index, lists, headings):
        if m.start() and text[m.start() - 1] in "0123456789第十.．":
            continue
        raw = m.group("n")
        n = int(raw) if raw.isdigit() else cn_to_int(raw)
        if not n:
            continue
        line = index.line_of(m.start())
        # the list right after the announcement (一是/一要 in the same or the next line, or
        # 第一句： labels)
        if m.group("u") == "点" or (m.start() and text[m.start() - 1] in "“‘\"'"):
            after = None                   # "三点" alone is a time; "“四个”" a fixed phrase
        else:
            i = bisect.bisect_right(list_starts, m.end())
            after = lists[i] if i < len(lists) else None
        if after is not None and after[0].number == 1 and after[0].line <= line + 1 \
                and len(text[m.end():after[0].span.start]) <= 40:
            numbers = [i.number for i in after]
            if numbers == list(range(1, len(numbers) + 1)) and len(numbers) >= 2 and len(numbers) != n:
                yield ctx.report(Span(m.start(), m.end()),
                                 f"宣布了“{m.group()}”，随后的列举只有{len(numbers)}项" if len(numbers) < n else
                                 f"宣布了“{m.group()}”，随后的列举却有{len(numbers)}项",
                                 code="HD011", related=(Related(after[-1].span, "列举的最后一项"),))
            continue
        # the headings right after "下面，我讲三点意见。"
        if m.group("u") not in ("个方面", "方面", "点意见", "点要求", "点体会", "点", "句话", "件事", "个问题", "条意见"):
            continue
        line_start = index.line_starts[line]
        if not _SPEAKS.search(text[max(line_start, m.start() - 6):m.start()]):
            continue
        if heading_starts is None:
            heading_starts = [h.ordinal.start for h in headings]
        k = bisect.bisect_right(heading_starts, m.end())
        if k >= len(headings):
            continue
        first = headings[k]
        if first.number != 1 or first.line > line + 2 or first.line == line:
            continue
        gap = text[m.end():first.ordinal.start]
        if _MORE_ITEMS.search(gap):
            continue
        siblings = [first]
        regular = True
        for x in range(k + 1, len(headings)):
            h = headings[x]
            if h.level < first.level:
                break
            if h.level == first.level:
                if h.number != len(siblings) + 1:
                    regular = h.number == 1           # a new list starts: this one has ended
                    break
                siblings.append(h)
        if regular and len(siblings) >= 2 and len(siblings) != n:
            yield ctx.report(Span(m.start(), m.end()),
                             f"宣布了“{m.group()}”，随后的{_LEVEL_NAME.get(first.level, '')}标题却有{len(siblings)}个",
                             code="HD011", related=(Related(siblings[-1].ordinal, "最后一个标题"),))


def _announcements(text, index, lists, headings):
    """The _ANNOUNCE matches that can be checked: those on the (one or) two lines before a
    heading numbered 1, and those ending at most 40 characters before a list's first item 一 on its
    line or the line before (only these are scanned: the pattern starts with a class of
    numerals, which is slow to look for; no two matches can overlap, so scanning a part of a
    line finds the matches of the whole line that lie in it)."""
    starts = index.line_starts
    spans: list[tuple[int, int]] = []
    # the line above a heading numbered 1, and the one above that when the line between holds
    # no heading (a match there would announce that heading, which is numbered 1 only when it
    # adds the line itself); headings come one a line, in line order
    for k, h in enumerate(headings):
        if h.number == 1 and h.line:
            line = h.line
            top = line - 1 if k and headings[k - 1].line == line - 1 else max(line - 2, 0)
            spans.append((starts[top], starts[line]))
    for items in lists:
        first = items[0]
        if first.number == 1:
            # (_analyze_announced reads a match as the list's announcement only that close)
            a = max(starts[max(first.line - 1, 0)], first.span.start - _LIST_REACH)
            spans.append((a, first.span.start))
    spans.sort()
    start, end = 0, -1                 # the union of these spans so far, range by range
    for a, b in spans:
        if a > end:
            if start < end:
                yield from _ANNOUNCE.finditer(text, start, end)
            start = a
        if b > end:
            end = b
    if start < end:
        yield from _ANNOUNCE.finditer(text, start, end)


# how far before a list's first item its announcement may end (40), plus the longest match
_LIST_REACH = 40 + 6


# an enumeration between the announcement and the headings means the count is about that
_MORE_ITEMS = re.compile(r"[一二三四五六七八九十][是要]|首先|第[一二三四五六七八九十]")


@checker(HD001, HD002, HD003, HD004, HD005, HD006, HD007, HD008, HD009, HD010, HD011, HD012)
def heading_numbering(doc, ctx):
    yield from _analyze_headings(doc, ctx)
    yield from _analyze_enumerations(doc, ctx)
    yield from _analyze_announced(doc, ctx)


RULES = (heading_numbering,)
