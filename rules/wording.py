"""WD rules that need more than a word list (the word lists are in packs/wording.toml).

WD003 的/地/得 in high-precision patterns: each pattern pairs a closed list of verbs or
adverbials with what must follow, and checks the context that would make the 的 correct
(a noun after it, a light verb such as 提供/实现 before it), so that 新的更大贡献,
更好的干事创业条件, 大学的很多学生, 提供更好的保障 are not caught.

WD005 既使 used for concessive 即使: flagged unless the sentence goes on with 又/也使…, the
“既……又……” pattern in which 既使 is correct.

Both are suggestions (unsafe fixes).

WD007 a document written in traditional characters (copied from a Hong Kong or Taiwan site):
one finding for the whole text, judged from the share of common traditional-only characters
(``rules/data/traditional_chars.txt``) among the Han characters at its start.
"""
from __future__ import annotations

import re
from importlib.resources import files

from gwlint.linter.model import Applicability, Example, Fix, FixAvailability, Severity, Span
from gwlint.linter.rule import checker, meta

# --- WD003 的/地/得 ------------------------------------------------------------------------------
# Every pattern is anchored on the 的 itself, so that `re` skips quickly from one 的 to the next;
# what must come before the 的 (a verb, an adverbial) is checked in Python with str.endswith.
_VERBS = ("估计", "准备", "建", "修", "做", "干", "抓", "办", "落实", "推进", "完成", "讲", "写", "搞", "想",
          "考虑", "安排", "部署", "谋划", "说", "看", "走", "跑", "学", "改", "练", "管", "守", "防")
_DEGREE = "更|再|很|十分|非常|特别|越来越|比较|还|太|不够|不太|最"
_ADJ = "好|快|实|细|深|多|高|大|充分|周全|扎实|到位|平|宽|透|准|稳|早|远|清楚|明白|具体|周到|全面|精准|牢|严|紧"
# V + 的 + degree adverb + adjective (+ more of them), ending the phrase -> 得.
# "大学的很多学生", "我讲的很多内容": the adjective phrase is followed by a noun, so 的 is right;
# "要说的太多", "所做的太少": 要V的 / 所V的 … is a noun phrase ("厕所建的" is not).
_COMPLEMENT = (rf"(?:{_DEGREE})(?:{_ADJ})(?:(?:{_DEGREE})?(?:{_ADJ}))*"
               rf"(?:一些|一点|些|了|[、，。；！？,;!?\s]|$)")
_NOMINAL_BEFORE = ("要", "想", "该", "能", "可")
# adverbial + 的 + a verb -> 地. Four-character idioms are never attributive before a verb;
# the one- and two-character adverbials (积极, 不断 …) are, before a noun ("积极的对华政策",
# "持续不断的“严打”"), so they need a clear verb that is not the head of a compound noun
# ("积极的推动作用").
_IDIOM_ADVERBIALS = ("积极主动", "认真细致", "扎扎实实", "实实在在", "有条不紊", "心悦诚服", "科学合理", "稳步有序",
                     "更加有效", "更加积极", "更加主动", "更好", "更快")
_PLAIN_ADVERBIALS = ("有序", "深入", "切实", "尽快", "尽早", "主动", "积极", "严格", "认真", "逐步", "不断")
_DI_VERBS = ("完成|落实|推进|贯彻|推动|促进|解决|满足|发挥|带动|服务于|维护|融入|适应|摆布|开展|谋划|"
             "抓好|做好|统筹|履行|执行|投入|参与")
_NOT_A_VERB_HERE = "作用|力量|力度|机制|措施|效果|效应|者|方面|成效|过程|能力|意识|精神|情况"
_VERB_AFTER = rf"(?:{_DI_VERBS})(?!{_NOT_A_VERB_HERE})"
# the characters the alternatives can start with, tested first: most 的 are followed by a noun,
# and one class test is cheaper than trying every alternative
_DE_NEXT = "".join(sorted({w[0] for w in (_DEGREE + "|" + _DI_VERBS).split("|")} | set("在把将向“")))
_DE = re.compile(rf"的(?=[{_DE_NEXT}\s])"
                 rf"(?:(?P<comp>(?={_COMPLEMENT}))|(?P<verb>(?={_VERB_AFTER}))|(?P<marker>(?=\s*(?:{_VERB_AFTER}|在|把|将|向|“))))")
# 提供更好的服务, 得到全面、切实的执行: after a light verb the whole phrase is a noun phrase
_LIGHT_VERB = re.compile(r"提供|实现|得到|受到|给予|带来|迎来|取得|获得|有了|作出|做出|创造|营造|形成|需要|进行|加以|起到|起了")
_CLAUSE_MARKS = "，。；！？,;\n"
_QUDE = re.compile(r"取的(?=了?(?:成绩|成效|进展|突破|胜利|实效|成果))")
_QU_WORDS = "获争采录选听吸汲提读攫谋换赚窃夺领抽"   # 获取的成果, 争取的成果 …: 的 is right


def _light_verb_before(text: str, p: int) -> bool:
    a = max(0, p - 8)
    b = max(text.rfind(c, a, p) for c in _CLAUSE_MARKS)
    return _LIGHT_VERB.search(text, max(a, b + 1), p) is not None


def _de_findings(text: str):
    """(position of the wrong 的, right form, why, start of the phrase shown)."""
    ends = text.endswith
    for m in _DE.finditer(text):
        p = m.start()
        if m.group("comp") is not None:
            verb = next((v for v in _VERBS if ends(v, 0, p)), None)
            if verb is None:
                continue
            v0 = p - len(verb)
            if v0 > 0 and text[v0 - 1] in _NOMINAL_BEFORE:
                continue
            if v0 > 0 and text[v0 - 1] == "所" and not (v0 > 1 and text[v0 - 2] in "厕场住处"):
                continue
            yield p, "得", "动词后连接补语用“得”", v0
            continue
        adv = next((x for x in _IDIOM_ADVERBIALS if ends(x, 0, p)), None)
        if adv is None and m.group("verb") is not None:
            adv = next((x for x in _PLAIN_ADVERBIALS if ends(x, 0, p)), None)
        if adv is None or _light_verb_before(text, p - len(adv)):
            continue
        yield p, "地", "连接状语和动词用“地”", p - len(adv)
    for m in _QUDE.finditer(text):
        p = m.start()
        if p > 0 and text[p - 1] in _QU_WORDS:
            continue
        right = "得" if text.startswith("了", p + 2) else "得的"   # 取的成绩 -> 取得的成绩
        yield p + 1, right, "应为“取得”", p


WD003 = meta(
    "WD003", "de-di-de", "“的”“地”“得”误用",
    what="用高精度的搭配规则检查“的”“地”“得”误用：动词+“的”+程度副词+形容词（“估计的更充分”应为“得”），"
         "状语+“的”+动词（“更好的完成”“有条不紊的在推进”应为“地”），“取的成绩”应为“取得”。",
    why="“的”“地”“得”分别连接定语、状语、补语；误用是审稿时常见的红笔修改。",
    basis="《现代汉语词典》第7版“的”“地”“得”条；现代汉语语法规范",
    fix=FixAvailability.ALWAYS, fix_applicability=Applicability.UNSAFE,
    fix_safety="只是建议，需逐条确认（不安全修复）。",
    severity=Severity.INFO,
    examples=(Example(bad="把困难估计的更充分一些。", fixed="把困难估计得更充分一些。"),
              Example(bad="争取更好的完成全年任务。", fixed="争取更好地完成全年任务。"),
              Example(bad="各项工作有条不紊的在推进。", fixed="各项工作有条不紊地在推进。"),
              Example(bad="今年取的成绩来之不易。", fixed="今年取得的成绩来之不易。"),
              Example(good="作出新的更大贡献，创造更好的干事创业条件，推广好的做法。"),
              Example(good="大学的很多学生参加了活动，我讲的很多内容大家都记下了。"),
              Example(good="为企业提供更好的服务，实现更好的对接，争取的成果来之不易。")),
)


def _de_di_de(doc, ctx):
    for p, right, why, start in _de_findings(doc.masked):
        span = Span(p, p + 1)
        shown = doc.text[start:p + 4]
        yield ctx.report(span, f"“的”应为“{right}”：“{shown}……”（{why}）", code="WD003",
                         fix=Fix.replace(span, right, f"改为“{right}”", Applicability.UNSAFE))


# --- WD005 既使 / 即使 ---------------------------------------------------------------------------
_JISHI = re.compile(r"既使")
_CLAUSE_END = re.compile(r"[。！？；!?;\n\r]")
# "既使企业受益，又使群众满意": 既 pairs with 又/也使…, and 既使 is right
_PAIRED = re.compile(r"又|也(?:能|可|会|将)?(?:使|让|为|给|助|促)|还(?:使|让)|更(?:使|让)|同时")

WD005 = meta(
    "WD005", "jishi-concessive", "“既使”应为“即使”",
    what="检查表示让步的“即使”误写为“既使”（“既使遇到困难，也要……”）；“既使……又使……”这样的并列句式不报告。",
    why="“即使”是连词，表示假设的让步；“既”与“又/也”搭配表示并列。混用是常见的音近别字。",
    basis="《现代汉语词典》第7版“即使”“既”条",
    fix=FixAvailability.ALWAYS, fix_applicability=Applicability.UNSAFE,
    fix_safety="只是建议，需确认句式（不安全修复）。",
    severity=Severity.WARNING,
    examples=(Example(bad="既使遇到再大的困难，也要按期完成任务。", fixed="即使遇到再大的困难，也要按期完成任务。"),
              Example(good="这项改革既使企业减轻了负担，又使群众得到了实惠；既使城市更美，也使群众受益。")),
)


def _jishi(doc, ctx):
    text = doc.masked
    for m in _JISHI.finditer(text):
        stop = _CLAUSE_END.search(text, m.end())
        rest = text[m.end():stop.start() if stop else len(text)]
        if _PAIRED.search(rest):
            continue
        span = Span(m.start(), m.end())
        yield ctx.report(span, "“既使”应为“即使”（表示让步用“即使”；“既……又……”表示并列）", code="WD005",
                         fix=Fix.replace(span, "即使", "改为“即使”", Applicability.UNSAFE))


# --- WD007 a document in traditional characters ----------------------------------------------------
def _traditional_chars() -> frozenset:
    raw = (files("gwlint.rules") / "data" / "traditional_chars.txt").read_text(encoding="utf-8")
    return frozenset("".join(ln.strip() for ln in raw.splitlines() if not ln.startswith("#")))


_TRADITIONAL = _traditional_chars()
_TRADITIONAL_CLASS = re.compile("[" + "".join(sorted(_TRADITIONAL)) + "]")
_HAN_CHAR = re.compile(r"[\u4e00-\u9fff]")
# judged on the start of the text: a document is written in one script, and a look at its first
# few thousand characters costs the same for a short draft and a whole book
_SAMPLE = 2000
_MIN_SHARE = 0.05          # in traditional text the listed characters are 10–30% of all Han ones
_MIN_COUNT = 10            # a simplified draft quoting a name or a title (“國語”) stays well below

WD007 = meta(
    "WD007", "traditional-characters", "繁体字文稿",
    what="检查整篇（或大段）用繁体字书写的文稿：从港台网站、繁体范文复制来的稿子。只看文稿开头几千字中常见繁体字的比例，"
         "简体文稿中引用的个别繁体字（人名、书名）不报告。全文只报告一次。",
    why="国家机关的公务用字是规范汉字（简体字），繁体字文稿必须整体转换后才能使用；逐个替换易错词没有意义。",
    basis="《中华人民共和国国家通用语言文字法》第九条（国家机关以规范汉字为公务用字）；《党政机关公文处理工作条例》第十九条",
    fix_safety="不提供自动修复：请用文字处理软件的“繁转简”功能整体转换，再通读检查。",
    examples=(Example(bad="關於進一步加強農村公路建設的通知\n各鄉鎮人民政府、縣直各有關單位：\n"
                          "為認真貫徹落實上級會議精神，現就有關事項通知如下。\n"),
              Example(good="关于进一步加强农村公路建设的通知\n各乡镇人民政府：\n"
                           "台湾地区称普通话为“國語”，材料中保留原书名《臺灣文學史》。\n")),
)


def _traditional(doc, ctx):
    text = doc.masked
    sample = text[:_SAMPLE]
    found = _TRADITIONAL_CLASS.findall(sample)
    if len(found) < _MIN_COUNT:
        return
    han = len(_HAN_CHAR.findall(sample))
    if len(found) < _MIN_SHARE * han:
        return
    # shown on the title when it is in traditional characters: the first such character may sit on
    # a site's breadcrumb above it (首頁>演講稿>…), a leftover line whose findings are dropped
    title = doc.structure.title
    if title is not None and _TRADITIONAL_CLASS.search(text, title.start, title.end):
        first = title.start
    else:
        first = _TRADITIONAL_CLASS.search(text).start()
    index = doc.index
    a, b = index.line_span(index.line_of(first))
    while a < b and text[a] in " \t\u3000":
        a += 1
    yield ctx.report(Span(a, b), f"这份文稿用的是繁体字（所查 {han} 个汉字中有 {len(found)} 个繁体字）："
                                 "公文应使用规范汉字，请整体转换为简体后再修改", code="WD007")


@checker(WD003, WD005, WD007)
def wording(doc, ctx):
    yield from _de_di_de(doc, ctx)
    yield from _traditional(doc, ctx)
    yield from _jishi(doc, ctx)


RULES = (wording,)
