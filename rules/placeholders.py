"""PH: unfilled placeholders left in a draft (XX, ×, ○○, 20XX年, X月X日, 某某 …).

One scan of the masked text (placeholder glyph runs; brackets: empty ones and template notes),
one alternation whose every branch starts with a literal character, so that Python's
``re`` skips ordinary text by the set of first characters at C speed. Each match is then
checked in Python against the look-alikes that must not be flagged
(X光, X-ray, XL码, Windows XP, 3×4米, 7×24小时, 二〇〇八年, 李某某 in a disciplinary notice,
Markdown ``***`` rules, separator lines of underscores …).

Codes: PH001 Latin X placeholders (incl. 20XX年, X月X日, X届X次, 星期X, XXX同志), PH002 ×
placeholders (incl. the partially filled ×0%), PH003 other glyph runs (○○ □□ ＊＊ *** ____,
empty brackets) and placeholder spellings learned into the profile, PH004 某某 used as a
blank, PH005 placeholder-only rows and template notes (``X    X    X``, ``（发言顺序：XXX）``,
``（此处填写单位名称）``).

There is no fix: a placeholder needs a real value that only the author knows.
"""
from __future__ import annotations

import re
from importlib.resources import files
from typing import Iterator, Optional

from gwlint.linter.model import Example, Span
from gwlint.linter.rule import checker, meta

BASIS = ("《党政机关公文处理工作条例》第二十条（文稿审核：内容准确、文字规范）；"
         "占位符是模板或范文中待填写的空白，印发前必须填入实际内容。")

MASK = "\ue000"
_HAN_RANGE = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# characters that count as "Chinese context" next to a placeholder
_CJK_PUNCT = "%％‰、，。；：？！“”‘’（）《》【】〔〕「」—…·"
_LATIN_X = "XxＸｘ"
_XC = f"[{_LATIN_X}×]"
_XC_CHARS = frozenset(_LATIN_X + "×")                 # the characters of _XC
_SP = "[ \t\u00a0\u3000]"
_SPACES = " \t\u00a0\u3000"
_SPACE_SET = frozenset(_SPACES)
_TIMES_TOKEN = frozenset("×.．")                      # what a × placeholder token may hold


def _load_terms() -> tuple[str, ...]:
    """Words that begin with X and are not placeholders (X光, X射线 …), from rules/data."""
    try:
        raw = (files("gwlint.rules") / "data" / "placeholder_x_terms.txt").read_text(encoding="utf-8")
    except OSError:  # pragma: no cover - a broken installation: fall back to the core terms
        raw = "X光\nX射线\nX线\nX轴\nX型\nX形"
    out = []
    for line in raw.splitlines():
        word = line.split("#", 1)[0].strip()
        if len(word) >= 2 and word[0] in _LATIN_X:
            out.append(word[1:])
    return tuple(sorted(set(out), key=len, reverse=True))


_X_TERM_TAILS = _load_terms()

# a template note: a bracket holding only "label：placeholder" pairs, e.g. （发言顺序：XXX）
_TOK = rf"(?:{_XC}+|○{{2,}}|□{{2,}}|＊{{2,}}|_{{2,}}|＿{{2,}}|某某)"
_NOTE = rf"（(?:[{_HAN_RANGE}]{{1,8}}[：:]{_SP}*{_TOK}(?:{_SP}*[、，,]{_SP}*{_TOK})*{_SP}*[，,；;、]?{_SP}*)+）"
# The scans start every alternative with a literal character, so that Python's ``re`` skips
# ordinary text by the set of first characters at C speed; what kind a match is, is read from
# its text (``_kind``).
_X_TAIL = (rf"(?:{_XC}?月{_XC}{{1,2}}[日号]|{_XC}?届{_XC}{{1,2}}次|{_XC}{{1,3}}年|{_XC}{{1,3}}同志"
           rf"|{_XC}*(?:[.．]{_XC}+)?(?:{_SP}+{_XC}+)*)")
PATTERN = "|".join(
    [re.escape(c) + _X_TAIL for c in _LATIN_X + "×"]
    + ["○○+", "〇〇+", "□□+", "囗囗+", "＊＊+", r"\*\*\*+",
       # two ASCII stars only where a name, a place or a year belongs (**同志, **区, 20**年):
       # elsewhere ** is Markdown-style emphasis
       r"\*\*(?=同志|[省市县区镇乡村局委办处科室年月日号])",
       "__+", "＿＿+", "某某某?"])
# empty brackets, template notes and instructions (PATTERN and BRACKETS are sources: compiled
# together in _SCAN)
BRACKETS = (
    rf"（(?:{_NOTE[1:]}|(?:此处|在此处?|请在此处?)[^（）【】\[\]\n]{{1,20}}）"
    r"|(?:请)?(?:填写|输入|插入)(?:单位|名称|姓名|日期|时间|内容|正文|标题|文号|地点|金额|数字|数据)[^（）【】\n]{0,10}）"
    r"|[ \u3000\u00a0]*）)"
    r"|【(?:(?:此处|在此处?|请在此处?)[^（）【】\[\]\n]{1,20}】"
    r"|(?:请)?(?:填写|输入|插入)(?:单位|名称|姓名|日期|时间|内容|正文|标题|文号|地点|金额|数字|数据)[^（）【】\n]{0,10}】"
    r"|[ \u3000\u00a0]*】)"
    r"|\[(?:此处|在此处?|请在此处?)[^（）【】\[\]\n]{1,20}\]"
    r"|\([ \u3000\u00a0]+\)|《[ \u3000\u00a0]*》|“[ \u3000\u00a0]+”"
    # the year left out of a 发文字号: 湖农〔〕25号
    r"|〔[ \u3000\u00a0]*〕(?=[0-9０-９]{1,4}号)")
# both in one scan (each scan of the text costs as much again as a scan for one character): a
# placeholder glyph is never a bracket, so a match of either never hides a match of the other,
# and a run inside a template note is left out, as it is reported with the note
_SCAN = re.compile(f"{BRACKETS}|{PATTERN}")
_OPENING = frozenset("（【[(《“〔")                     # what a BRACKETS match starts with
_X_KIND = re.compile(rf"{_XC}{{1,2}}月{_XC}{{1,2}}[日号]|(?P<session>{_XC}{{1,2}}届{_XC}{{1,2}}次)"
                     rf"|(?P<year>{_XC}{{2,4}}年)|(?P<name>{_XC}{{2,4}}同志)")
_GLYPH_KIND = {"○": "circles", "〇": "circles", "□": "squares", "囗": "squares", "＊": "stars", "*": "stars",
               "_": "blank", "＿": "blank", "某": "moumou"}


# the written half of a Chinese year placeholder: 二〇 / 二○ / 二0 / 二０ / 二O / 二零 (+ XX年)
_CN_CENTURY = re.compile("二[〇○0０OoＯ零]")


def _kind(m: re.Match) -> str:
    t = m.group()
    kind = _GLYPH_KIND.get(t[0])
    if kind is not None:
        return kind
    k = _X_KIND.fullmatch(t)
    if k is None:
        return "run"
    return k.lastgroup or "date"


_TOKEN = re.compile(_XC + r"+(?:[.．]" + _XC + r"+)?")
_DIGITS = re.compile(r"[0-9０-９]+")
# what may follow digits after an X for the whole to be a partly filled value (X0%, X00万元)
_UNIT_AFTER_DIGITS = set("%％‰万亿千百十元个名项家人天时分年月日倍位次条件所座户台辆吨公亩米")
_NUMERALS = set("〇零○一二三四五六七八九十百千万两")
# Chinese surnames: 李某某 is an intended anonymisation, not a blank
_SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜"
    "崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文"
    "牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛"
    "曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏"
    "席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝")
# surnames that are also common function words: "由某某负责", "向某某汇报", "和某某一起"
_FUNCTION_SURNAMES = set("于和向时应成全单关任余常明安文方高金白平江连路车师商党将")
# words that make a document a disciplinary / case notice, where 于某某 is a person
_ANONYMISING = re.compile(r"处分|违纪|违法|违规|警告|记过|撤职|开除|立案|审查|留置|涉嫌|判处|当事人|举报人|"
                          r"被告|原告|嫌疑人|案件|通报批评|诫勉|问责")


def _prev_char(text: str, i: int) -> str:
    """The character before offset ``i``, looking through Markdown mask characters."""
    ch = text[i - 1] if i > 0 else ""                # (an index: a slice costs twice as much)
    if ch != MASK:
        return ch                                     # the common case: no mask to look through
    i -= 1
    while i >= 0 and text[i] == MASK:
        i -= 1
    return text[i] if i >= 0 else ""


def _next_char(text: str, i: int) -> str:
    n = len(text)
    ch = text[i] if i < n else ""
    if ch != MASK:
        return ch
    while i < n and text[i] == MASK:
        i += 1
    return text[i] if i < n else ""


_CJK_PUNCT_SET = frozenset(_CJK_PUNCT)


def _cjkish(ch: str) -> bool:
    """Chinese context: a Han character (_HAN_RANGE) or Chinese punctuation; False for ""."""
    return ch in _CJK_PUNCT_SET or "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" \
        or "\uf900" <= ch <= "\ufaff"


# one neighbouring character (or "" for none) is tested against these sets: a set lookup, not a
# call, for the thousands of X and × runs a template holds
_ASCII_LETTER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_")
_ASCII_WORD = _ASCII_LETTER | frozenset("0123456789")
_FORMULA_MARKS = frozenset("+=＝<>^/")
_LEFT_OPERAND = frozenset(".．)）%％０１２３４５６７８９")
_RIGHT_OPERAND = frozenset("(（０１２３４５６７８９")
# what stands on either side of a multiplication sign: a word character, a digit, a numeral
_LEFT_OPERAND_ANY = _ASCII_WORD | _LEFT_OPERAND | _NUMERALS
_RIGHT_OPERAND_ANY = _ASCII_WORD | _RIGHT_OPERAND | _NUMERALS


def _latin_word_before(text: str, s: int) -> bool:
    """``iPhone X``, ``Generation X``: an ASCII word right before, across one space."""
    j = s - 1
    if j >= 0 and text[j] == " ":
        return j >= 1 and text[j - 1] in _ASCII_LETTER
    return False


def _latin_word_after(text: str, e: int) -> bool:
    return e < len(text) and text[e] == " " and e + 1 < len(text) and text[e + 1] in _ASCII_LETTER


_AND = frozenset("、，,/和与及")
_Y = frozenset("YyＹ")


def _latin_context(text: str, s: int, e: int, run: str, before: str, after: str) -> bool:
    """The X run at [s, e) between ``before`` and ``after`` is part of a Latin word, a code or
    a formula (_x_is_blank asks unless both neighbours are Han)."""
    if before in _ASCII_LETTER or after in _ASCII_LETTER:
        return True                                   # XL码, Windows XP, Xbox, max
    if after and after in "-－" and text[e + 1:e + 2] in _ASCII_WORD:
        return True                                   # X-ray, X-2型
    if after in _FORMULA_MARKS or before in _FORMULA_MARKS:
        return True                                   # a formula: X+Y, Y=X
    if before.isascii() and before.isdigit():
        return True                                   # 3x4, 1X2 (20XX is a year, found earlier)
    if after.isdigit():
        if run[0] in "xｘ":
            return True                               # x86, x64
        m = _DIGITS.match(text, e)
        tail = text[m.end():m.end() + 1]
        if len(m.group()) > 2 or tail not in _UNIT_AFTER_DIGITS:
            return True                               # X2023-01, X86架构: a code
    # (a space right before or after is the neighbour itself: no mask is looked through)
    if (before == " " and _latin_word_before(text, s)) or (after == " " and _latin_word_after(text, e)):
        return True                                   # iPhone X, X Window
    return False


def _x_is_blank(doc, text: str, s: int, e: int, run: str) -> bool:
    """Is the run of Latin X at [s, e) (``run``, its text) a blank (True), or a term, code or
    English (False)?"""
    before, after = _prev_char(text, s), _next_char(text, e)
    # Han on both sides (the common case) is no Latin word, code or formula: not tested
    if not ("\u4e00" <= before <= "\u9fff" and "\u4e00" <= after <= "\u9fff") \
            and _latin_context(text, s, e, run, before, after):
        return False
    if doc.protected and doc.is_protected(s, e):
        return False                                  # a URL or an e-mail address
    if len(run) == 1 or "." in run or "．" in run:
        if text.startswith(_X_TERM_TAILS, e, e + 4):
            return False                              # X光 X射线 X轴 X型
        if after in _AND and _next_char(text, e + 1) in _Y:
            return False                              # X、Y两个方向
    if run[0] in "xｘ" and len(run) == 1:
        return _cjkish(before) and _cjkish(after)     # a lone lower-case x needs Chinese on both sides
    if len(run) == 1:
        return _cjkish(before) or _cjkish(after) or after.isdigit()
    # XX, XXX, xx: next to Chinese, digits or %, or standing alone between spaces / line edges
    edge = ("", "\n", "\r", " ", "\u3000", "\u00a0", "\t")
    return _cjkish(before) or _cjkish(after) or after.isdigit() or before in edge or after in edge


def _times_is_blank(doc, text: str, s: int, e: int, eq: bool = True) -> bool:
    """Is the × run at [s, e) a blank (True) or a multiplication sign (False)? ``eq``: the
    text holds an equals sign somewhere (else no line needs to be searched for one)."""
    # the neighbours across spaces (each character read once)
    j = s - 1
    before = text[j] if j >= 0 else ""
    while before and before in " \u00a0":
        j -= 1
        before = text[j] if j >= 0 else ""
    k, n = e, len(text)
    after = text[k] if k < n else ""
    while after and after in " \u00a0":
        k += 1
        after = text[k] if k < n else ""
    if before in _LEFT_OPERAND_ANY and after in _RIGHT_OPERAND_ANY:
        return False                                  # 3×4米, 2×2矩阵, 7×24小时, A×B, 10cm×20cm
    # (a space right before means a space on the same line: s is past the line start)
    if e - s == 1 and (eq or (s > 0 and text[s - 1] in _SPACES)):
        a, b = _line_of(doc, s)
        if eq and (text.find("=", a, b) != -1 or text.find("＝", a, b) != -1):
            return False                              # a formula: 得分＝完成率×权重
        if s > a and text[s - 1] in _SPACES and not text[e:b].strip(_SPACES + MASK) \
                and text[a:s].strip(_SPACES + MASK)[-1:] not in ("：", ":", ""):
            return False                              # a close button: 微信扫一扫 × (姓名： × is a blank)
    return True


def _circles_ok(text: str, s: int, e: int) -> bool:
    before, after = _prev_char(text, s), _next_char(text, e)
    # 二〇〇八年 (U+3007) is a numeral; 二○○八年 (U+25CB) is a wrong zero, which NU reports;
    # ○○年○○月 in a template is a blank
    return not (before in _NUMERALS or after in _NUMERALS)


def _stars_ok(text: str, s: int, e: int, line: str, a: int) -> bool:
    if text[s] == "＊":
        return True
    if not line.strip(_SPACES + "*" + MASK):
        return False                                  # a separator line: *** or * * *
    before, after = _prev_char(text, s), _next_char(text, e)
    if e - s == 2 and "**" in line[s - a + 2:] + line[:s - a]:
        if any(m.start() <= s - a < m.end() for m in _STAR_EMPHASIS.finditer(line)):
            return False                              # **县委** in a plain-text draft: emphasis
    return _cjkish(before) or _cjkish(after) or after.isdigit()


# **重点**: emphasis written with stars, as _EMPHASIS below (the closing pair not after a mark:
# “**同志通报的情况，**区” is two blanks)
_STAR_EMPHASIS = re.compile(r"\*\*(?=[^*\s])[^*\n]{2,20}?(?<=[^*\s、，。；：！？,.;:!?])\*\*")


# __重点__: emphasis written with underscores (a word of two characters or more, the closing pair
# after a character, not a mark; 年__月__日 is three blanks)
_EMPHASIS = re.compile(r"__(?=[^_\s])[^_\n]{2,20}?(?<=[^_\s、，。；：！？,.;:!?])__")


def _blank_ok(doc, text: str, s: int, e: int, line: str) -> bool:
    if not line.strip(_SPACES + "_＿-—" + MASK):
        return False                                  # a separator line of underscores
    if e - s == 2 and text[s] == "_":
        # two ASCII underscores: a blank only next to Chinese (开发区和__工业集中区, 记录：__); __init__,
        # snake__case are code, and __重点__ is Markdown-style emphasis
        if not (_cjkish(_prev_char(text, s)) or _cjkish(_next_char(text, e))):
            return False
        a, b = _line_of(doc, s)
        if any(m.start() <= s < m.end() for m in _EMPHASIS.finditer(text, a, b)):
            return False
    return not doc.is_protected(s, e)


# what a blank stands for, from the character after it (for the message)
_WHAT_AFTER = {ch: what for chars, what in reversed([
    ("%％‰", "数值"), ("亿万元", "数额"), ("个项名家人户所座条件次倍位", "数量"),
    ("省市县区乡镇村街", "地名"), ("局委办厅院部处科室", "单位名称"),
]) for ch in chars}                                   # (the first group that names a character wins)
# words that start with a measure character but are no count: ××项目, ××人民政府, ××条件
_MEASURE_WORDS = frozenset("个项名家人户所座条件次倍位")
_WORD_AFTER = {"项目": "名称", "人民": "地名", "人大": "地名", "名称": "名称", "条件": "内容", "条例": "名称",
               "人员": "内容", "人才": "内容", "家庭": "内容", "名单": "内容", "所属": "内容", "位置": "内容",
               "户籍": "内容", "座谈": "内容", "次要": "内容", "个人": "内容"}
_TITLE_AFTER = re.compile(r"(?:书记|[省市县区州盟旗镇乡村]长|局长|厅长|处长|科长|部长|主任|主席|同志|委员|院长|校长|总经理|董事长)")
_WHAT = {"year": "年份", "date": "日期", "session": "届次", "weekday": "星期", "name": "姓名",
         "moumou": "单位或人名"}


# the characters a _TITLE_AFTER match starts with (the pattern is tried only after one of them)
_TITLE_FIRST = frozenset("书省市县区州盟旗镇乡村局厅处科部主同委院校总董")


# what a blank stands for from the character after it alone, once the title, digit and word
# tests of _what have not decided
_WHAT_CHAR = {**_WHAT_AFTER, "年": "年份", "月": "日期", "日": "日期", "号": "日期",
              "书": "姓名", "记": "姓名", "长": "姓名", "任": "姓名"}


def _what(kind: str, text: str, s: int, e: int) -> str:
    what = _WHAT.get(kind)
    if what is not None:
        return what
    after = _next_char(text, e)
    if _prev_char(text, s) == "第":
        return "序号"
    if not after:
        return "内容"
    # (after a mask the title pattern, which starts with no mask, fails: no need to test text[e])
    if after in _TITLE_FIRST and _TITLE_AFTER.match(text, e):
        return "姓名"                                 # ×县长, XX书记, XX主任
    if after.isdigit():
        return "数值"                                 # ×0%: a partly filled number
    if after in _MEASURE_WORDS:
        word = _WORD_AFTER.get(text[e:e + 2])
        if word is not None:
            return word                               # ××项目 is a name, ××人民政府 a place
    return _WHAT_CHAR.get(after, "内容")


def _line_of(doc, s: int) -> tuple[int, int]:
    return doc.index.line_span(doc.index.line_of(s))


def _alone_on_line(doc, text: str, s: int, e: int) -> bool:
    a, b = _line_of(doc, s)
    return not text[a:s].strip(_SPACES + MASK) and not text[e:b].strip(_SPACES + MASK)


def find_placeholders(doc) -> list[tuple[str, Span]]:
    """(kind, span) of every placeholder in the document, built-in styles only (memoised), in
    the order of the scan: not sorted, as the engine sorts the findings (stably, so two of one
    span keep this order) and the learned tokens only test for overlaps."""
    return doc.memo("placeholders", lambda: [(kind, Span(s, e)) for s, e, kind in _scan(doc)])


_XC_STR = "".join(_XC_CHARS)


def _scan(doc) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every placeholder, in the order of the scan."""
    text = doc.masked
    eq = "=" in text or "＝" in text
    out: list[tuple[int, int, str]] = []
    append = out.append
    anonymising: Optional[bool] = None
    for m in _SCAN.finditer(text):
        t = m.group()
        start, end = m.span()
        if not t.strip(_XC_STR):
            # the common case, X, XX, ×× alone: one token
            found = _classify_token(doc, text, start, end, eq, t)
            if found is not None:
                append(found)
            continue
        if t[0] in _OPENING:
            append((start, end, "note" if t[1:-1].strip(_SPACES) else "brackets"))
            continue
        kind = _kind(m)
        if kind == "run":
            out += _classify_run(doc, text, start, end, eq)
            continue
        if kind in ("date", "session", "year", "name"):
            before = _prev_char(text, start)
            century = kind == "year" and end - start == 3 and start >= 2 and _CN_CENTURY.match(text, start - 2, start)
            if (before in _ASCII_LETTER and not century) or doc.is_protected(start, end):
                continue                                # part of a Latin word or a URL
            if kind == "year":
                if text[start - 2:start] in ("19", "20") and not text[start - 3:start - 2].isdigit():
                    start -= 2                          # 20XX年
                elif century:
                    start -= 2                          # 二〇XX年, 二0xx年 (a digit zero, as often typed)
                elif end - start - 1 < 4:               # XX年 alone: "X年" reads as a number of years
                    out += _classify_run(doc, text, start, end - 1, eq)
                    continue
            append((start, end, kind))
            continue
        a, b = _line_of(doc, start)
        line = text[a:b]
        if kind == "circles" and not _circles_ok(text, start, end):
            continue
        if kind == "stars" and not _stars_ok(text, start, end, line, a):
            continue
        if kind == "blank" and not _blank_ok(doc, text, start, end, line):
            continue
        if kind == "moumou":
            before = _prev_char(text, start)
            if before in _SURNAMES:
                # 李某某: an anonymised person; 由某某负责 / 向某某汇报: a blank, except in a
                # disciplinary or case notice where 于某某 / 向某某 are people too (the whole
                # text is searched for that only when it matters)
                if before not in _FUNCTION_SURNAMES:
                    continue
                if anonymising is None:
                    anonymising = bool(_ANONYMISING.search(text))
                if anonymising:
                    continue
        append((start, end, kind))
    return out


def _classify_run(doc, text: str, start: int, end: int, eq: bool = True) -> list[tuple[int, int, str]]:
    """A run of X/× (possibly spaced): a placeholder row, or individual tokens."""
    run = text[start:end]
    if not _SPACE_SET.isdisjoint(run) and _alone_on_line(doc, text, start, end):
        return [(start, end, "row")]
    out = []
    for t in _TOKEN.finditer(text, start, end):
        found = _classify_token(doc, text, *t.span(), eq)
        if found is not None:
            out.append(found)
    return out


def _classify_token(doc, text: str, s: int, e: int, eq: bool = True,
                    tok: Optional[str] = None) -> Optional[tuple[int, int, str]]:
    """One token of X/× (``XX``, ``×``, ``X.X``): (start, end, kind) when it is a placeholder."""
    if tok is None:
        tok = text[s:e]
    if "×" in tok:
        if not _TIMES_TOKEN.issuperset(tok):
            return None                                 # a mix of × and X: not a placeholder style
        return (s, e, "times") if _times_is_blank(doc, text, s, e, eq) else None
    n = len(tok)
    # the character before, read once, rules out a year or a weekday before a slice is built
    # (at s == 0 it is the last character, and the slices below rule the year out)
    prev = text[s - 1]
    if n == 2 and prev in "09" and text[s - 2:s] in ("19", "20") and not text[s - 3:s - 2].isdigit() \
            and _prev_char(text, s - 2) not in _ASCII_LETTER and _next_char(text, e) not in _ASCII_WORD \
            and not doc.is_protected(s, e):
        return s - 2, e, "year"                         # 〔20XX〕, 20XX-20XX年, 20xx届
    if n == 1:
        if prev in "0123456789" and text[s - 3:s - 1] in ("19", "20") \
                and not text[s - 4:s - 3].isdigit() and text[e:e + 1] == "年" \
                and _prev_char(text, s - 3) not in _ASCII_LETTER:
            return s - 3, e, "year"                     # 200X年, 201x年: the last digit left open
        if prev in "期拜" and text[s - 2:s] in ("星期", "礼拜"):
            return s, e, "weekday"
    if _x_is_blank(doc, text, s, e, tok):
        return s, e, "x"
    return None


# --- placeholder spellings learned into the profile ----------------------------------------
# a learned token made only of these characters is a built-in style, found above with its
# look-alike checks; any other token (〖〗, ＃＃, [单位名称] …) is searched for literally
_BUILTIN_CHARS = set(_LATIN_X + "×○〇□囗＊*_＿某年月日号届次同志星期【】（）()《》“” \t\u00a0\u3000.．%％"
                     "0123456789")
_LEARNED_CACHE: dict[tuple[str, ...], tuple[Optional[re.Pattern], Optional[str]]] = {}


def _learned_search(tokens: tuple[str, ...]) -> tuple[Optional[re.Pattern], Optional[str]]:
    """The pattern of the learned tokens, and the token itself when it is the only one and
    holds no white space (then str.find, much faster than the regex, finds the same)."""
    hit = _LEARNED_CACHE.get(tokens)
    if hit is not None:
        return hit
    parts, words = [], []
    for t in sorted({t.strip(_SPACES) for t in tokens}, key=len, reverse=True):
        if len(t) < 2 or set(t) <= _BUILTIN_CHARS:
            continue
        parts.append(_SP.join(re.escape(p) for p in t.split()).replace(_SP, _SP + "+"))
        words.append(t)
    pattern = re.compile("|".join(parts)) if parts else None
    literal = words[0] if len(words) == 1 and words[0].split() == [words[0]] else None
    if len(_LEARNED_CACHE) > 64:
        _LEARNED_CACHE.clear()
    _LEARNED_CACHE[tokens] = hit = (pattern, literal)
    return hit


def _learned(doc, profile, builtin: list[tuple[str, Span]]) -> Iterator[Span]:
    """The learned tokens outside the built-in placeholders ``builtin`` and outside URLs."""
    tokens = tuple(getattr(profile, "placeholder_tokens", ()) or ())
    if not tokens:
        return
    pattern, literal = _learned_search(tokens)
    if pattern is None:
        return
    text = doc.masked
    if literal is not None:
        n = len(literal)
        found = []
        i = text.find(literal)
        while i >= 0:                     # non-overlapping, as finditer
            found.append((i, i + n))
            i = text.find(literal, i + n)
    else:
        found = [m.span() for m in pattern.finditer(text)]
    if not found:
        return
    taken = [span for _, span in builtin]
    for s, e in found:
        span = Span(s, e)
        if not any(span.overlaps(t) for t in taken) and not doc.is_protected(span.start, span.end):
            yield span


# --- rules -----------------------------------------------------------------------------------
_COMMON = dict(basis=BASIS, fix_safety="不提供自动修复：占位符需要作者填入真实内容。")

PH001 = meta(
    "PH001", "unfilled-x-placeholder", "未填写的X占位符",
    what="检查范文、模板中用 X、XX、XXX、xx（含全角Ｘ）表示的待填写内容，包括 20XX年、200X年、二〇XX年（含误写的二0xx年）、"
         "X月X日、X届X次、星期X、XXX同志，"
         "以及紧挨汉字、数字或百分号的单个 X（如“增长X%”“全市第X”“X亿元”）。"
         "X光、X射线、X轴、X型、XL码、Windows XP、X-ray、x86 等词语和代码不报告。",
    why="未填写的占位符一旦随正式文稿印发，是最明显、最难堪的差错。",
    examples=(Example(bad="定于20XX年X月X日召开会议。"), Example(bad="请XXX同志作表态发言。"),
              Example(bad="XX县教委\n二0xx年五月二十日"),
              Example(bad="全市生产总值增长X%，排名全省第X。"),
              Example(good="对X光机和X射线设备开展专项检查，以X轴表示时间。"),
              Example(good="统一采购XL码工作服，安装Windows XP补丁，开展X-ray检测。")),
    **_COMMON)
PH002 = meta(
    "PH002", "unfilled-times-placeholder", "未填写的×占位符",
    what="检查用“×”“××”表示的待填写内容（×书记、××产业、部分填写的“×0%”）；"
         "数字或字母之间的乘号（3×4米、2×2矩阵、7×24小时）、公式中的乘号和网页上行末的关闭按钮（“微信扫一扫 ×”）不报告。",
    why="“×”是范文中最常见的占位写法之一，遗留下来同样是明显差错。",
    examples=(Example(bad="×书记在会上作了重要讲话。"), Example(bad="完成率达到×0%。"),
              Example(good="会议室面积为3×4米，实行7×24小时值守。"),
              Example(good="微信扫一扫 ×")),
    **_COMMON)
PH003 = meta(
    "PH003", "unfilled-glyph-placeholder", "未填写的符号占位",
    what="检查用○○、□□、＊＊、***、下划线“____”（紧挨汉字时两个“__”也算）、空的【】（）《》或发文字号中空的〔〕"
         "（“湖农〔〕25号”）表示的待填写内容；两个星号“**”只在人名、地名、年月日该在的位置（“**同志”“**区”“20**年”）才算，"
         "纯文本中用星号表示强调的“**重点**”不算；"
         "以及约定配置（gwlint learn）中记录的本单位占位写法。",
    why="这些符号在模板中表示空白，正式文稿中不应出现。",
    examples=(Example(bad="○○区人民政府："), Example(bad="报名截止时间为____。"),
              Example(bad="开发区和__工业集中区建设有新突破。"),
              Example(bad="***教语〔2013〕5号"),
              Example(good="二〇〇八年制定的办法继续有效。"),
              Example(good="请在“□同意 □不同意”中勾选。"),
              Example(good="第一部分\n***\n第二部分"),
              Example(good="调用 __init__ 方法，请__务必__注意。")),
    options="约定配置的 [placeholders] tokens 中除内置写法外的占位写法（如“〖〗”）也按本规则报告。",
    **_COMMON)
PH004 = meta(
    "PH004", "unfilled-mou-placeholder", "用“某某”代替的空白",
    what="检查用“某某”代替具体单位、人名的空白（如“由某某负责”“某某局”）；纪律处分通报、案例中“李某某”这类"
         "姓氏加“某某”的有意匿名化写法不报告，“某些”“某种”“某一”等词和单独的“某市”也不报告。",
    why="“某某”作为空白时说明稿件尚未定稿，责任主体不明确。",
    examples=(Example(bad="项目具体组织实施由某某负责。"),
              Example(good="县某局原副局长李某某受到党内警告处分。"), Example(good="在某些方面还存在差距。")),
    **_COMMON)
PH005 = meta(
    "PH005", "placeholder-row", "占位行与模板说明",
    what="检查整行只有 X 或 × 的占位行（如“X    X    X    X”），和只含占位符的模板说明"
         "（如“（发言顺序：XXX）”“（此处填写单位名称）”）。",
    why="占位行和模板说明是从范文、模板复制时留下的结构性空白，必须补写或删除。",
    examples=(Example(bad="首先，请有关同志汇报。\nX    X    X    X\n下面，我讲几点意见。"),
              Example(bad="下面请各县区作表态发言。（发言顺序：XXX）"),
              Example(good="首先，请有关同志汇报。\n下面，我讲几点意见。（发言顺序：青禾县、桐溪区）")),
    **_COMMON)

_CODE = {"x": "PH001", "year": "PH001", "date": "PH001", "session": "PH001", "weekday": "PH001",
         "name": "PH001", "times": "PH002", "circles": "PH003", "squares": "PH003", "stars": "PH003",
         "blank": "PH003", "brackets": "PH003", "moumou": "PH004", "row": "PH005", "note": "PH005"}

_TEMPLATE_KINDS = frozenset(("row", "note", "brackets"))      # reported with their own messages


@checker(PH001, PH002, PH003, PH004, PH005)
def unfilled_placeholders(doc, ctx):
    text, masked = doc.text, doc.masked
    found = find_placeholders(doc)
    report = ctx.report
    for kind, span in found:
        s, e = span
        shown = text[s:e]
        if kind not in _TEMPLATE_KINDS:
            msg = f"未填写的占位符“{shown}”：请填入实际{_what(kind, masked, s, e)}"
        elif kind == "row":
            msg = "占位行：整行只有占位符“X”，应补写内容或删除"
        elif kind == "note":
            msg = f"模板说明“{shown}”未填写：请填入实际内容或删除"
        else:
            msg = f"空的“{shown}”是未填写的占位：请填入实际内容"
        code = _CODE[kind]
        if code == "PH001" and "×" in shown:
            code = "PH002"                              # ×月×日, ×××同志: the × style
        yield report(span, msg, code=code)
    if ctx.profile is not None:
        for span in _learned(doc, ctx.profile, found):
            shown = text[span.start:span.end]
            yield ctx.report(span, f"未填写的占位符“{shown}”（本单位约定配置中记录的占位写法）：请填入实际内容",
                             code="PH003")


RULES = (unfilled_placeholders,)
