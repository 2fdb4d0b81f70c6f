"""PH: unfilled placeholders left in a draft (XX, ×, ○○, 20XX年, X月X日, 某某 …).

One scan of the masked text with one alternation; each match is then checked against
the look-alikes that must not be flagged (X光, 3×4米, 二〇〇八年, 李某某, XL码 …).
"""
from __future__ import annotations

import re

from gwlint.linter.model import Example, Span
from gwlint.linter.rule import checker, meta

BASIS = "《党政机关公文处理工作条例》第二十条（文稿审核：内容准确、文字规范）；占位符是模板或范文中待填写的空白。"
_X = "XxＸｘ"
_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN = re.compile(f"[{_CJK}]")
# characters after a single X that make a real term, not a blank: X光 X射线 X轴 X型 …
_X_TERMS = set("光射轴线型形染战元档态")
_SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜"
    "崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文"
    "牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛"
    "曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏"
    "席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝")

# Every branch starts with a character class, so the scan skips ordinary text quickly; the
# look-behind conditions (no Latin letter before an X, 20 before XX年, 星期 before X) are
# checked in Python on the few matches.
_XC = f"[{_X}×]"
_SP = "[ \t\u00a0\u3000]"
PATTERN = re.compile(
    "(?=[XxＸｘ×○〇□■＊*_＿【（(某])(?:" + "|".join([
        rf"(?P<date>{_XC}{{1,2}}月{_XC}{{1,2}}日)",
        rf"(?P<session>{_XC}{{1,2}}届{_XC}{{1,2}}次)",
        rf"(?P<year>{_XC}{{2,4}}年)",
        rf"(?P<name>{_XC}{{2,4}}同志)",
        rf"(?P<run>{_XC}+(?:{_SP}+{_XC}+)*)",
        r"(?P<circles>○{2,}|〇{2,})",
        r"(?P<squares>□{2,}|■{2,})",
        r"(?P<stars>＊{2,}|\*{3,})",
        r"(?P<blank>_{3,}|＿{2,})",
        r"(?P<brackets>【[ \u3000\u00a0]*】|（[ \u3000\u00a0]*）|\([ \u3000\u00a0]+\))",
        r"(?P<moumou>某某)",
    ]) + ")",
)
_TOKEN = re.compile(_XC + "+")


class _M:
    """The parts of a match the context checks read."""
    __slots__ = ("_s", "_e", "_t")

    def __init__(self, text, s, e):
        self._s, self._e, self._t = s, e, text

    def start(self):
        return self._s

    def end(self):
        return self._e

    def group(self):
        return self._t[self._s:self._e]


_NUMERALS = set("〇零一二三四五六七八九十百千万")


def _prev(text: str, i: int) -> str:
    return text[i - 1] if i > 0 else ""


def _next(text: str, i: int) -> str:
    return text[i] if i < len(text) else ""


def _is_cjkish(ch: str) -> bool:
    return bool(ch) and (bool(_HAN.match(ch)) or ch in "%％、，。；：？！“”（）《》【】")


def _latin_x_ok(text: str, m: re.Match) -> bool:
    """Is this run of X a blank (True) or a real term / code / English (False)?"""
    s, e = m.start(), m.end()
    run = m.group()
    before, after = _prev(text, s), _next(text, e)
    if after in ("-", "－") and e + 1 < len(text) and text[e + 1].isascii() and text[e + 1].isalpha():
        return False                      # X-ray
    if before.isdigit() and after.isdigit():
        return False                      # 1x2: multiplication or a code
    if len(run) == 1:
        if after in _X_TERMS:
            return False                  # X光 X射线 X轴 X型
        if run in "xｘ":
            return _is_cjkish(before) and _is_cjkish(after)
        return _is_cjkish(before) or _is_cjkish(after) or after.isdigit() and _is_cjkish(before)
    if after in _X_TERMS and len(run) <= 1:
        return False
    # XX, XXX, xx next to Chinese, digits, % or at a line edge
    return (_is_cjkish(before) or _is_cjkish(after) or after.isdigit() or before.isdigit()
            or before in ("", "\n", "\r", " ", "\u3000") or after in ("", "\n", "\r", " ", "\u3000"))


def _times_ok(text: str, m: re.Match) -> bool:
    before, after = _prev(text, m.start()), _next(text, m.end())
    if (before.isdigit() or before in ("．", ".")) and (after.isdigit() or after in ("．", ".")):
        return False                      # 3×4米, 2×2矩阵, 7×24小时
    if before.isdigit() and after in "（(":
        return False
    return True


def _circles_ok(text: str, m: re.Match) -> bool:
    if m.group()[0] == "〇":             # U+3007 is the Chinese numeral zero: 二〇〇八年
        before, after = _prev(text, m.start()), _next(text, m.end())
        return not (before in _NUMERALS or after in _NUMERALS or after == "年")
    return True


def _moumou_ok(text: str, m: re.Match) -> bool:
    before = _prev(text, m.start())
    # 李某某 in a disciplinary notice is an intended anonymisation, not a blank
    return before not in _SURNAMES


_KIND = {
    "year": ("PH001", "年份"), "date": ("PH001", "日期"), "session": ("PH001", "届次"),
    "weekday": ("PH001", "星期"), "name": ("PH001", "姓名"), "x": ("PH001", "内容"),
    "row": ("PH005", None), "times": ("PH002", "内容"), "circles": ("PH003", "内容"),
    "squares": ("PH003", "内容"), "stars": ("PH003", "内容"), "blank": ("PH003", "内容"),
    "brackets": ("PH003", "内容"), "moumou": ("PH004", "名称"),
}
_CHECK = {"x": _latin_x_ok, "times": _times_ok, "circles": _circles_ok, "moumou": _moumou_ok}


def _line_bounds(text, s, e):
    a = text.rfind("\n", 0, s) + 1
    b = text.find("\n", e)
    b = len(text) if b == -1 else b
    return a, b


def find_placeholders(doc):
    """(kind, span) of every placeholder in the document (shared with `gwlint learn`)."""
    def compute():
        text = doc.masked
        out = []
        for m in PATTERN.finditer(text):
            kind = m.lastgroup
            start, end = m.span()
            if kind in ("date", "session", "year", "name", "run") and start and \
                    text[start - 1].isascii() and text[start - 1].isalpha():
                continue                                   # part of a Latin word: XL, Windows XP
            if kind == "year":
                if text[start - 2:start] in ("19", "20") and not text[start - 3:start - 2].isdigit():
                    start -= 2                             # 20XX年
                elif end - start - 1 < 4:
                    kind = "run"                           # XX年 alone: an ordinary blank
                    end -= 1
            if kind == "run":
                out.extend(_classify_run(doc, text, start, end))
                continue
            check = _CHECK.get(kind)
            if check is not None and not check(text, _M(text, start, end)):
                continue
            if kind == "blank" and doc.is_protected(start, end):
                continue
            out.append((kind, Span(start, end)))
        return out
    return doc.memo("placeholders", compute)


def _classify_run(doc, text, start, end):
    """A run of X/× (possibly spaced): a placeholder row, or individual tokens."""
    run = text[start:end]
    if any(ch in run for ch in " \t\u00a0\u3000"):
        a, b = _line_bounds(text, start, end)
        if not text[a:start].strip(" \t\u00a0\u3000") and not text[end:b].strip(" \t\u00a0\u3000\r"):
            return [("row", Span(start, end))]
    found = []
    for t in _TOKEN.finditer(text, start, end):
        s, e = t.span()
        tok = t.group()
        if s and (text[s - 1].isalnum() and text[s - 1].isascii() or text[s - 1] == "_") and set(tok) <= set(_X):
            continue                                       # x86, abcX
        if e < len(text) and text[e].isascii() and (text[e].isalpha() or text[e] == "_") and set(tok) <= set(_X):
            continue                                       # XL码, X-ray handled below
        if text[s - 2:s] == "星期" and len(tok) == 1:
            found.append(("weekday", Span(s, e)))
            continue
        if set(tok) == {"×"}:
            if _times_ok(text, _M(text, s, e)):
                found.append(("times", Span(s, e)))
            continue
        if set(tok) <= set(_X) and _latin_x_ok(text, _M(text, s, e)) and not doc.is_protected(s, e):
            found.append(("x", Span(s, e)))
    return found


_COMMON = dict(basis=BASIS, fix_safety="不提供自动修复：占位符需要作者填入真实内容。")

PH001 = meta(
    "PH001", "unfilled-x-placeholder", "未填写的X占位符",
    what="检查范文、模板中用 X、XX、XXX、xx 表示的待填写内容，包括 20XX年、X月X日、X届X次、星期X、XXX同志，"
         "以及紧挨汉字、数字或百分号的单个 X（如“增长X%”“第X名”）。",
    why="未填写的占位符一旦随正式文稿印发，是最明显、最难堪的差错。",
    examples=(Example(bad="定于20XX年X月X日召开会议。"), Example(bad="请XXX同志作表态发言。"),
              Example(bad="全市生产总值增长X%。"),
              Example(good="对X光机和X射线设备开展专项检查，以X轴表示时间。"),
              Example(good="统一采购XL码工作服，安装Windows XP补丁。")),
    **_COMMON)
PH002 = meta(
    "PH002", "unfilled-times-placeholder", "未填写的×占位符",
    what="检查用乘号“×”“××”表示的待填写内容（×书记、×月×日、部分填写的“×0%”）；数字之间的乘号（3×4米、7×24小时）不报告。",
    why="“×”是范文中最常见的占位写法之一，遗留下来同样是明显差错。",
    examples=(Example(bad="×书记在会上作了重要讲话。"), Example(bad="完成率达到×0%。"),
              Example(good="会议室面积为3×4米，实行7×24小时值守。")),
    **_COMMON)
PH003 = meta(
    "PH003", "unfilled-glyph-placeholder", "未填写的符号占位",
    what="检查用○○、□□、＊＊、***、下划线“____”或空的【】（）表示的待填写内容。",
    why="这些符号在模板中表示空白，正式文稿中不应出现。",
    examples=(Example(bad="○○区人民政府："), Example(bad="报名截止时间为____。"),
              Example(good="二〇〇八年制定的办法继续有效。"),
              Example(good="请在“□同意 □不同意”中勾选。")),
    **_COMMON)
PH004 = meta(
    "PH004", "unfilled-mou-placeholder", "用“某某”代替的空白",
    what="检查用“某某”代替具体单位、人名的空白（如“由某某负责”）；纪律处分通报中“李某某”这类有意的匿名化写法不报告，"
         "“某些”“某种”等词不报告。",
    why="“某某”作为空白时说明稿件尚未定稿，责任主体不明确。",
    examples=(Example(bad="项目具体组织实施由某某负责。"),
              Example(good="县某局原副局长李某某受到党内警告处分。"), Example(good="在某些方面还存在差距。")),
    **_COMMON)
PH005 = meta(
    "PH005", "placeholder-row", "占位行",
    what="检查整行只有 X 或 × 的占位行（如“X    X    X    X”），通常表示删去或待补的整段内容。",
    why="占位行是从范文复制时留下的结构性空白，必须补写或删除。",
    examples=(Example(bad="首先，请有关同志汇报。\nX    X    X    X\n下面，我讲几点意见。"),
              Example(good="首先，请有关同志汇报。\n下面，我讲几点意见。")),
    **_COMMON)


@checker(PH001, PH002, PH003, PH004, PH005)
def unfilled_placeholders(doc, ctx):
    text = doc.text
    for kind, span in find_placeholders(doc):
        code, what = _KIND[kind]
        found = text[span.start:span.end]
        if kind == "row":
            msg = "占位行：整行只有占位符，应补写内容或删除"
        else:
            msg = f"未填写的占位符“{found}”：请填入实际{what}"
        yield ctx.report(span, msg, code=code)


RULES = (unfilled_placeholders,)
