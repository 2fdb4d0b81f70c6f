"""WM: watermark, advert and download leftovers carried over from downloaded 范文.

How a line is judged (``find_leftovers``):

1. One scan of the masked text with a trigger pattern (every lexicon phrase, site-name
   endings, contact stamps, URLs, page markers, word counts, upload metadata, learned
   leftovers) gives the few candidate lines; ordinary prose is never looked at again.
2. Each candidate line is scored (``_judge``). A *definitive* phrase (``仅供学习``,
   ``由互联网用户分享整理``, ``试读结束`` …) settles it. Otherwise independent signals add up:
   a weak lexicon phrase (``禁止外传``, ``如有侵权`` — which real prose may also contain),
   a site name (``…文库``), a contact stamp (``QQ206157060``, ``客服微信：…``), a commercial URL,
   advert vocabulary, and the line's shape (a short line that is not a sentence, ``【…】``).
   A heading, title, signature or date line, and a notice's own contact line (联系人、联系电话,
   a ``gov.cn`` site) count against. The lexicon is data: ``rules/data/watermarks.txt``.
3. Where an advert is a bracket or sentence inserted in a real paragraph, only the inserted
   text is flagged (WM010); otherwise the whole line is (``whole_line=True``) with an unsafe
   fix that deletes the line and its line break.
4. Blocks: lines between two leftover lines, and stamp-like lines (a short brand name, a
   slogan with advert vocabulary) at the edge of a block, belong to the block (WM004); so does
   a short line that recurs where a leftover's brand (``酷乐文行整理…`` → ``酷乐文行``) is named.
   A government portal's 信息公开 header written one field per line (``• 索引号:`` / value /
   ``• 主题分类:`` …) is read up and down from the field lines the trigger scan found
   (``_metadata_blocks``): three fields with a portal label make the block, values included.
5. Learned leftovers from the profile (``leftover_lines``, ``leftover_phrases``): WM009.
6. Invisible junk (zero-width characters, soft hyphens, bidi controls, a BOM inside the text),
   literal ``x0dx0a``, and anti-copy "jammer" lines of short ASCII tokens: WM008.

Web pages: breadcrumbs (``首页 > …``), tool-bar lines (``打印 纠错 投稿``, ``微信扫一扫 ×``: two
chrome words or more, at least half the words of a short line), 范文-site phrases and collection
markers (``以下是小编为大家整理的…``, ``实施方案最新10篇``, ``篇一：``). A paywall cut inside a
paragraph (``……此处隐藏4926个字……``) and a title field glued to the text (``…的讲话 文章标题:``)
are reported as inline segments only.

Content that merely names a web site or a telephone number (an official site cited in a
notice, the notice's contact line), a page reference (``附件共3页``, ``详见附件第2页``) and a
book's length (``全文约12万字``) are not leftovers.
"""
from __future__ import annotations

import re
from functools import cached_property, lru_cache
from importlib.resources import files
from typing import NamedTuple, Optional

from gwlint.linter.model import Applicability, Edit, Example, Fix, FixAvailability, Span
from gwlint.linter.packs.literal import at_char, char_class, trie_pattern
from gwlint.linter.rule import checker, meta

BASIS = ("《党政机关公文处理工作条例》第二十条（文稿审核：内容准确、文字规范）；网站广告、水印、下载提示不属于公文内容；"
         "GB/T 9704-2012 第7.5条规定页码由版式生成，不写入正文。")

MASK = "\ue000"
_WS = " \t\u3000\u00a0" + MASK
_HAN_RANGE = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN = re.compile(f"[{_HAN_RANGE}]")


# --- the lexicon ---------------------------------------------------------------------------------
class _Entry(NamedTuple):
    section: str
    strong: bool
    pattern: str          # a regular expression
    trigger: Optional[str] = None   # the word the trigger scan finds it by (" @word" in the data)


def _lower_latin(regex: str) -> str:
    """Lower-case the Latin letters of a regular expression, leaving escapes (\\S, \\d) alone."""
    return re.sub(r"(?<!\\)[A-Z]+", lambda m: m.group().lower(), regex)


def _load_lexicon() -> list[_Entry]:
    try:
        raw = (files("gwlint.rules") / "data" / "watermarks.txt").read_text(encoding="utf-8")
    except OSError:  # pragma: no cover - a broken installation: lint with what the code knows
        raw = "[advert]\n仅供学习\n[credit]\n由互联网用户分享整理\n文章地址\n[paywall]\n试读结束\n"
    out: list[_Entry] = []
    section = ""
    for line in raw.splitlines():
        item = line.strip()
        if not item.startswith("re:"):
            item = item.split("#", 1)[0].strip()
        if not item:
            continue
        if item.startswith("[") and item.endswith("]"):
            section = item[1:-1].strip()
            continue
        trigger = None
        if " @" in item:
            item, trigger = (x.strip() for x in item.rsplit(" @", 1))
        strong = not item.startswith("~")
        item = item.lstrip("~")
        # lines are matched lower-cased (no re.IGNORECASE: it would slow every scan down)
        pattern = _lower_latin(item[3:]) if item.startswith("re:") else re.escape(item.lower())
        out.append(_Entry(section, strong, pattern, trigger))
    return out


def _alternation(entries: list[_Entry]) -> Optional[str]:
    """The source of one regular expression for the entries (compiled only where used alone:
    most are parts of bigger patterns, and compiling costs start-up time)."""
    if not entries:
        return None
    literal = [e.pattern for e in entries if re.escape(_unescape(e.pattern)) == e.pattern]
    regex = [e.pattern for e in entries if re.escape(_unescape(e.pattern)) != e.pattern]
    parts = []
    if literal:
        parts.append(trie_pattern(_unescape(p) for p in literal))
    parts.extend(regex)
    return "|".join(parts)


def _unescape(p: str) -> str:
    return re.sub(r"\\(.)", r"\1", p)


try:  # Python's own regex parser, to derive the trigger scan from the lexicon's patterns
    from re import _parser as _sre_parse  # Python >= 3.11
except ImportError:  # pragma: no cover
    import sre_parse as _sre_parse  # type: ignore[no-redef]


def _literal_prefixes(pattern: str, k: int = 3, limit: int = 80) -> set[str]:
    """Strings of up to ``k`` characters one of which every match of ``pattern`` starts with
    (look-arounds and anchors are ignored, so the set may admit more than the pattern does:
    it only picks candidate lines). Raises ValueError when the pattern has no such set."""
    c = _sre_parse

    def extend(prefixes: set[str], items, done: set[str]) -> set[str]:
        """Extend the open ``prefixes`` through ``items``; completed ones go to ``done``."""
        for op, av in items:
            if not prefixes:
                break
            if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
                continue
            if op is c.LITERAL:
                chars = {chr(av)}
            elif op is c.IN:
                chars = set()
                for iop, iav in av:
                    if iop is c.LITERAL:
                        chars.add(chr(iav))
                    elif iop is c.RANGE and iav[1] - iav[0] < 16:
                        chars.update(chr(x) for x in range(iav[0], iav[1] + 1))
                    elif iop is c.CATEGORY and iav is c.CATEGORY_DIGIT:
                        chars.update("0123456789")
                    else:
                        chars = None
                        break
                if chars is None:
                    done |= prefixes
                    return set()
            elif op is c.BRANCH:
                out: set = set()
                for branch in av[1]:
                    out |= extend(set(prefixes), branch, done)
                prefixes = out
                continue
            elif op is c.SUBPATTERN:
                prefixes = extend(prefixes, av[-1], done)
                continue
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1:
                once = extend(set(prefixes), av[2], done)
                done |= once                               # what follows a repeat is not fixed
                return set()
            else:
                done |= prefixes
                return set()
            prefixes = {p + ch for p in prefixes for ch in chars}
            if len(prefixes) > limit:
                raise ValueError(pattern)
            full = {p for p in prefixes if len(p) >= k}
            done |= full
            prefixes -= full
        return prefixes

    done: set[str] = set()
    done |= extend({""}, c.parse(pattern), done)
    if "" in done or not done or len(done) > limit:
        raise ValueError(f"no literal prefix for the trigger scan: {pattern!r}")
    return done


def _led(pattern: str, firsts, flags: int = 0) -> re.Pattern:
    """``pattern`` tried only at the characters its matches can start with (``firsts``): a scan led
    by their class, the pattern confirmed inside look-arounds. ``re`` finds no first-character set
    for an alternation of groups (or one with ``^``) and would try the whole alternation at every
    position. A match consumes its first character only: use it as a yes or no, or take the
    pattern's groups (captured in the look-around)."""
    return re.compile(at_char(char_class(firsts), f"(?:{pattern})"), flags)


def _guarded(pattern: str, flags: int = 0) -> re.Pattern:
    """``pattern`` led by the characters its matches can start with (see ``_led``)."""
    try:
        first = {x[0] for x in _literal_prefixes(pattern, k=1, limit=1000)}
    except ValueError:
        return re.compile(pattern, flags)
    return _led(pattern, first, flags)


_LEXICON = _load_lexicon()
_CATEGORIES = ("paywall", "disclaimer", "credit", "advert")
_CODE_OF = {"paywall": "WM006", "disclaimer": "WM007", "credit": "WM003", "advert": "WM001"}
_STRONG = {c: _alternation([e for e in _LEXICON if e.section == c and e.strong]) for c in _CATEGORIES}
_SOFT = {c: _alternation([e for e in _LEXICON if e.section == c and not e.strong]) for c in _CATEGORIES}
_WEAK_SOURCE = _alternation([e for e in _LEXICON if e.section == "weak"])
_WEAK = re.compile(_WEAK_SOURCE) if _WEAK_SOURCE else None
_SUFFIXES = [_unescape(e.pattern) for e in _LEXICON if e.section == "brand-suffix"]
_BRAND = re.compile(f"[{_HAN_RANGE}A-Za-z0-9]{{1,8}}?(?:{trie_pattern(_SUFFIXES) or '(?!)'})")


def _labels(section: str) -> list[str]:
    return [_unescape(e.pattern) for e in _LEXICON if e.section == section]


# a label written "^索引号" counts only at the start of a field (see _metadata_labels)
_META_LABELS = [w.lstrip("^") for w in _labels("metadata")]
_META_AT_FIELD = {w[1:] for w in _labels("metadata") + _labels("metadata-definitive") if w.startswith("^")}
_META_SURE = {w.lstrip("^") for w in _labels("metadata-definitive")}
_META = re.compile(f"(?:{trie_pattern(_META_LABELS) or '(?!)'})(?=[ \u3000]*[:：])")
# what may stand before a label at the start of a field: the line start, a space, a table bar, a
# bullet, a bracket, or the end of the previous field's value ("14:22作者:"); not Chinese prose
# punctuation ("，更新时间：") nor a character ("项目简介：", "一、主题分类：")
_FIELD_BEFORE = frozenset(" \t\u3000\u00a0" + MASK + "|｜•·▪●◆■-*>》】]）)（(【[/:：") | \
    frozenset("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
# label-per-line blocks of a government portal's 信息公开 header (索引号: / 主题分类: / 发布机构: …)
_META_PORTAL = {w.lstrip("^") for w in _labels("metadata-portal")}
_FIELD_LABELS = sorted(set(_META_LABELS) | _META_PORTAL | {w.lstrip("^") for w in _labels("metadata-field")})
_FIELD_LINE = re.compile(f"[•·▪●◆■*\\-]?[ \u3000]*({trie_pattern(_FIELD_LABELS) or '(?!)'})[ \u3000]*[:：]")
_FIELD_NOT = re.compile(r"[。；;！!？?]")


def _metadata_labels(s: str) -> set[str]:
    """The upload/portal metadata labels (each followed by a colon) in ``s``."""
    out = set()
    for m in _META.finditer(s):
        label = m.group()
        if label in _META_AT_FIELD and m.start() and s[m.start() - 1] not in _FIELD_BEFORE:
            continue
        out.add(label)
    return out


# page chrome: a short line of tool-bar words (打印 纠错 投稿, 微信扫一扫 ×, 【打印本页】【关闭窗口】)
_CHROME_WORDS = frozenset(_labels("chrome"))
_CHROME_SPLIT = re.compile(r"[\s\u3000\ue000【】\[\]「」|｜/：:]+")
# a line without any chrome word as a substring has no chrome token (one scan instead of a split)
_CHROME_ANY = re.compile(trie_pattern(_CHROME_WORDS) or "(?!)")


def _chrome_line(s: str) -> bool:
    if len(s) > 40 or _CHROME_ANY.search(s) is None or _SENTENCE_PUNCT.search(s):
        return False
    tokens = _CHROME_SPLIT.split(s)
    chrome = sum(map(_CHROME_WORDS.__contains__, tokens))     # "" is no chrome word
    return chrome >= 2 and chrome * 2 >= len(tokens) - tokens.count("")


# a 范文 site's page title: "申请办公经费请示格式范文(通用4篇)" is one leftover, not a title with an insert
_PAGE_TITLE = re.compile(r"(?:范文|模板|例文|格式|大全)$")
# "县长在…上的讲话 文章标题:县长在…上的讲话 同志们: …": a site's title field glued to the text
_TITLE_FIELD = re.compile(r"文章标题[ \u3000]*[:：][ \u3000]*")
# "……此处隐藏4926个字……": a 范文 site's paywall cut inside a paragraph (only the marker is reported)
_HIDDEN = re.compile(r"[…\.。·]*此处隐藏[ \u3000]*[0-9０-９]+[ \u3000]*个?字[…\.。·]*")

# contact stamps: QQ numbers and groups, WeChat ids, "加微信", mobile numbers
_MOBILE = r"|1(?<![0-9]1)[3-9]\d{9}(?!\d)"
_CONTACT = re.compile(   # matched on the lower-cased line; every alternative starts with a literal
    r"qq(?:群|号)?[ \u3000]*[:：]?[ \u3000]*\d{5,12}|qq群|ｑｑ群|"
    + "|".join(w + r"(?:号|群)?[ \u3000]*[:：][ \u3000]*[a-z][a-z0-9_-]{4,19}" for w in ("微信", "vx", "v信", "wx"))
    + "|" + "|".join(a + b for a in ("客服", "咨询") for b in ("微信", "qq", "vx", "v信"))
    + r"|加(?<![增参追]加)(?:微信|vx|v信|qq)" + _MOBILE)
_URL = re.compile(r"(?:https?://|www\.)[^\s\u3000-\u303f\uff00-\uffef\u4e00-\u9fff“”‘’《》]+"
                  r"|[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\.(?:com|net|cn|cc|top|xyz|vip|site|org|info|io)\b",
                  re.I)
_OFFICIAL_URL = _guarded(r"\.gov(?:\.cn)?\b|\.edu\.cn\b|\.org\.cn\b|\.mil\.cn\b|12371\.cn|people\.com\.cn|"
                         r"xinhuanet\.com|news\.cn|cctv\.com|qstheory\.cn|xuexi\.cn", re.I)
# a notice's own contact line: its telephone, e-mail or web site are content
_CONTACT_LINE = _guarded(r"联系人|报名|联系电话|联系方式|咨询电话|办公电话|电子邮箱|邮箱[:：]|传真|邮编|地址[:：]|^电话[:：]|"
                         r"网址[:：]|官网[:：]|网站[:：]|官方网站")
_WORDCOUNT = re.compile(r"(?:全文|本文|正文|文章|文档)(?:约|共计|共|计|总计)?[ \u3000]*[0-9０-９][0-9０-９,，.]*[ \u3000]*[万千]?字")
# a line that only states the draft's length: "（全文约3000字）" (site metadata, not content)
_WORDCOUNT_LINE = re.compile(rf"[（(【\[]?{_WORDCOUNT.pattern}[）)】\]]?[。.]?")
_WORDCOUNT_PROMPT = _guarded(r"下载|编辑|打印|复制|阅读|VIP|会员|付费|购买|免费|分钟|预览|试读|查看", re.I)
_PAGE_LINE = re.compile(
    r"[（(【\[]?(?:第[ \u3000]*\d{1,4}[ \u3000]*页[ \u3000]*[/／,，、]?[ \u3000]*共[ \u3000]*\d{1,4}[ \u3000]*页"
    r"|共[ \u3000]*\d{1,4}[ \u3000]*页[ \u3000]*[/／,，、]?[ \u3000]*第[ \u3000]*\d{1,4}[ \u3000]*页"
    r"|第[ \u3000]*\d{1,4}[ \u3000]*页"
    r"|[—－\-–─]{1,2}[ \u3000]*\d{1,4}[ \u3000]*[—－\-–─]{1,2}"
    r"|[·•][ \u3000]*\d{1,4}[ \u3000]*[·•]"
    r"|[Pp]age[ \u3000]*\d{1,4}(?:[ \u3000]*(?:of|/)[ \u3000]*\d{1,4})?)[）)】\]]?")
# a page marker inside a line of text (PDF copies): only the unambiguous 第N页共M页 form
_PAGE_INLINE = re.compile(r"第[ \u3000]*\d{1,4}[ \u3000]*页[ \u3000]*[/／,，、]?[ \u3000]*共[ \u3000]*\d{1,4}[ \u3000]*页")
_BRACKETED = re.compile(r"【[^【】\n]{3,80}】|（[^（）\n]{3,80}）|\([^()\n]{3,80}\)|\[[^\[\]\n]{3,80}\]")
_SENTENCE = re.compile(r"[^。！？!?]+(?:[。！？!?]+[”’」）)]?|$)")
_SENTENCE_PUNCT = re.compile(r"[。！？；!?;]")
_STRUCTURE_KINDS = frozenset({"heading", "title", "salutation", "signature", "date"})
# "酷乐文行整理，咨询QQ…", "【笔耕文库】…": the brand a leftover names
_BRAND_CREDIT = re.compile(rf"^(?:由|本文由|来自|本文来自)?([{_HAN_RANGE}A-Za-z]{{2,10}}?)(?:独家)?"
                           r"(?:整理|发布|出品|原创|制作|收集|提供|分享|编辑)")
_BRAND_BRACKET = re.compile(rf"^【([{_HAN_RANGE}A-Za-z0-9]{{2,10}})】")
# organisation and genre endings: a short line ending so is a signature or a title, never a brand;
# nor is a meeting's chair line under a news title (宋华东主持)
_NOT_BRAND = re.compile(r"(?:政府|委员会|委|办公室|办公厅|办|局|厅|部|院|处|科|室|所|中心|公司|集团|协会|学会|大学|学校|"
                        r"医院|银行|党委|党组|支部|讲话|通知|报告|方案|意见|请示|函|纪要|决定|办法|规定|规则|细则|"
                        r"条例|章程|制度|准则|守则|总结|发言|致辞|通报|批复|公告|通告|计划|要点|规划|预案|体会|心得|"
                        r"同志们|朋友们|大家|主持|出席)[：:！!]?$")
_STAMPLIKE = re.compile(rf"[{_HAN_RANGE}A-Za-z0-9]{{2,6}}")

# names of the invisible characters (the set itself is _INVISIBLE_CHARS, found by the trigger scan)
_INVISIBLE_NAMES = {"\u200b": "零宽空格", "\u200c": "零宽非连接符", "\u200d": "零宽连接符", "\u200e": "从左至右标记",
                    "\u200f": "从右至左标记", "\u2060": "词连接符", "\ufeff": "零宽不换行空格（BOM）",
                    "\u00ad": "软连字符", "\u180e": "蒙古文元音分隔符", "\u3164": "韩文填充符", "\uffa0": "半角韩文填充符"}
# a Discuz-style jammer line: printable ASCII only, several 1-3 character tokens, many symbols
_JAM_SYMBOLS = re.compile(r"[!-/:-@\[-`{-~]")


def _case_variants(word: str) -> set[str]:
    return {word, word.lower(), word.upper()} if any(ch.isascii() and ch.isalpha() for ch in word) else {word}


_INVISIBLE_CHARS = ("\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063"
                    "\u2064\u2066\u2067\u2068\u2069\ufeff\u00ad\u180e\u3164\uffa0")


def _trigger_words() -> set[str]:
    """The literal words of the trigger scan: every line a leftover can be on holds one
    (a superset: each line found is then judged), and the invisible characters."""
    words: set[str] = set()
    for e in _LEXICON:
        if e.section == "weak":
            continue
        text = _unescape(e.pattern)
        if e.trigger is not None:
            for word in filter(None, e.trigger.split("|")):
                words |= _case_variants(word)
        elif e.section in ("metadata", "metadata-definitive", "metadata-portal", "metadata-field"):
            words |= {text[-1] + "：", text[-1] + ":"}       # a label counts before a colon only
        elif e.section == "chrome":
            if e.strong:                                    # "~" words count only next to another one
                words.add(text)
        elif re.escape(text) == e.pattern or e.section == "brand-suffix":
            words |= _case_variants(text)
        else:
            try:
                prefixes = _literal_prefixes(e.pattern)
            except ValueError:  # pragma: no cover - tests/rules/test_watermarks.py checks the lexicon
                continue        # found only on lines that other words bring in
            for prefix in prefixes:
                words |= _case_variants(prefix)
    contact = _CONTACT.pattern.replace(_MOBILE, "")                    # a mobile number alone is no advert
    # whole-line page markers are found by their own scan (_PAGE_SCAN); "第2页共9页" inside a line here
    words |= {"页" + sep + "共" for sep in ("", " ", "/", " / ", "／", "，", ",", "、")}
    for pattern in (contact, r"https?://", r"www\.",
                    r"\.(?:com|net|cn|cc|top|xyz|vip|site)\b"):
        for prefix in _literal_prefixes(pattern, limit=200):
            words |= _case_variants(prefix)
    words |= set(_INVISIBLE_CHARS) | {"x0dx0a", "x0Dx0A"}
    return words


def _trigger_pattern(words: set[str]) -> str:
    """The trigger scan: one alternation of literals (a trie), and word counts."""
    trie = trie_pattern(sorted(words))
    # every top-level alternative starts with a literal character, so that ``re`` skips ordinary
    # text by their set at C speed; a word count ("4300字", "12万字") is found at its 字
    # (…此处隐藏4926个字…: at its 个字; _trigger_scan knows this)
    return trie[3:-1] + r"|字(?<=[0-9０-９万千]字)|字(?<=[0-9０-９][ \u3000]字)|字(?<=[0-9０-９]个字)"


def _first_class(words: set[str]) -> str:
    """The class of the characters a trigger match starts with (a word's first, a word count's 字)."""
    firsts = {w[0] for w in words} | {w for w in words if len(w) == 1} | {"字"}
    return char_class(firsts)


_TRIGGER_WORDS = _trigger_words()
# the trigger's source, compiled inside _TRIGGER_SCAN (each compile of it costs milliseconds)
_TRIGGER = _trigger_pattern(_TRIGGER_WORDS)
# the trigger matches that are junk themselves: an invisible character, a literal "x0dx0a"
_JUNK = frozenset(_INVISIBLE_CHARS) | {w for w in _TRIGGER_WORDS if w.lower() == "x0dx0a"}


def _trigger_scan(words: set[str]) -> re.Pattern:
    """The prefilter and the trigger in one scan. At each character of the first class, the
    next character must be able to continue a word (and for a word of three characters or more,
    the one after) before the trigger is tried (captured, inside look-arounds), so Python sees
    only the trigger's matches. The next character is checked first, by a class that leads its
    branch: ``re`` rejects nearly every place at once, without entering a group or a look-around.
    A single-character word (an invisible character, a word count's 字) is tried at its own
    character only. A multi-character match consumes two characters (``_trigger_matches`` looks
    again at the second when that match is not kept)."""
    multi = {w for w in words if len(w) >= 2}
    single = {w for w in words if len(w) == 1}
    pairs = {w[1] for w in multi if len(w) == 2}      # second characters that may end a word
    longer = [w for w in multi if len(w) >= 3]
    trie = trie_pattern(sorted(multi))[3:-1]           # the trigger's words but single characters
    # a single-character match: the word, or a word count's 字 (as at the end of _TRIGGER)
    one = char_class(single) + _TRIGGER[_TRIGGER.index("|字(?<="):]
    return re.compile(
        _first_class(words)
        + f"(?:{char_class(pairs | {w[1] for w in longer})}"
        + f"(?:(?={char_class({w[2] for w in longer})})|(?<={char_class(pairs)}))"
        + f"(?<=(?=(?P<multi>{trie}))(?s:..))"
        + f"|(?<={char_class(single | {'字'})})(?<=(?=(?P<one>{one}))(?s:.)))")


_TRIGGER_SCAN = _trigger_scan(_TRIGGER_WORDS)


def _trigger_matches(text: str) -> list[tuple[int, int, str]]:
    """(start, end, word) of the matches of ``_TRIGGER.finditer(text)``: the trigger tried where
    the prefilter matches, the scan going on after each match (as finditer would)."""
    out = []
    pos = 0
    for m in _TRIGGER_SCAN.finditer(text):
        start = m.start()
        if start < pos:
            if start + 1 != pos or m.end() != start + 2:
                continue
            # a match inside the last one took the place right after it: the trigger there
            m = _TRIGGER_SCAN.match(text, pos)
            if m is None:
                continue
            start = pos
        group = m.lastindex                            # the one confirming group that matched
        pos = m.end(group)
        out.append((start, pos, m.group(group)))
    return out


_LINE_WS = "[ \t\u3000\u00a0\ue000]*"
# whole lines worth a look of their own, in one scan over line starts: a page marker, or a line of
# printable ASCII only (an anti-copy jammer line?); the first line is matched separately
_LINE_BODY = (f"(?:(?P<page>{_LINE_WS}(?:{_PAGE_LINE.pattern}){_LINE_WS})|(?P<ascii>[ \\t]*[!-~][ -~]{{5,}}))"
              "(?=[\\r\\n]|\\Z)")
# the characters such a line can start with: a blank, a page marker's, printable ASCII. A line
# break followed by another character (most lines) is rejected there; the body is tried in a
# look-around, so a match consumes the line break and that character only
_LINE_LEAD = "[ \t\u3000\u00a0\ue000（(【\\[第共—－\\-–─·•!-~]"
_LINE_SCAN = re.compile("\n" + at_char(_LINE_LEAD, f"(?:{_LINE_BODY})"))   # LF only: a literal is found at C speed
_LINE_FIRST = re.compile(_LINE_BODY)


@lru_cache(maxsize=None)
def _line_scan_cr() -> re.Pattern:
    """The line scan for a text with lines ending in a bare CR (rare: compiled on first use)."""
    return re.compile("[\\r\\n]" + at_char(_LINE_LEAD, f"(?:{_LINE_BODY})"))


# what a match of _PAGE_LINE starts with (its optional bracket included): a line starting with
# none of these is no page marker (a regex call costs a few thousand instructions)
_PAGE_LINE_FIRST = frozenset("（(【[第共—－-–─·•Pp")


# --- judging a line or a segment -------------------------------------------------------------------
class _Verdict(NamedTuple):
    code: str
    strong: bool          # settled by a definitive phrase or pattern
    score: int


def _short(s: str) -> bool:
    """A short line that is not a sentence (a banner, a stamp, a slogan)."""
    if len(s) > 40:
        return False
    body = s.rstrip("！!")
    return not _SENTENCE_PUNCT.search(body)


def _named(groups: list[tuple[str, Optional[str]]]) -> str:
    return "|".join(f"(?P<{name}>{body})" for name, body in groups if body)


class _PhraseScan:
    """An alternation of lexicon phrases, tried only where one of their two-character prefixes
    starts: a scan led by the class of the prefixes' first characters checks the second by a
    class (most places are rejected there, without a look-around) before the alternation is
    confirmed inside look-arounds, where its named groups are captured. A match consumes two
    characters, so ``finditer`` skips the matches that start inside the last one. A phrase whose
    second character is not fixed (``»[ \u3000]*…``) has a one-character prefix: a line holding
    such a character is scanned at the first characters (compiled on first use: rare)."""

    def __init__(self, groups: list[tuple[str, Optional[str]]], entries: list[_Entry]) -> None:
        self.source = _named(groups)
        self.prefixes = _prefixes(entries)
        pairs = [p for p in self.prefixes if len(p) == 2]
        self.lone = "".join(sorted(p for p in self.prefixes if len(p) == 1))
        self.pairs = re.compile(char_class(p[0] for p in pairs) + char_class(p[1] for p in pairs)
                                + f"(?<=(?=(?:{self.source}))(?s:..))")

    @cached_property
    def firsts(self) -> re.Pattern:
        return _led(self.source, {p[0] for p in self.prefixes})

    def _scan(self, s: str) -> re.Pattern:
        for ch in self.lone:
            if ch in s:
                return self.firsts
        return self.pairs

    def search(self, s: str) -> Optional[re.Match]:
        """The leftmost match (its ``lastgroup`` names the group)."""
        return self._scan(s).search(s)

    def finditer(self, s: str):
        """(group name, start, text) of the matches, as ``finditer`` of the alternation gives them."""
        pos = 0
        for m in self._scan(s).finditer(s):
            name = m.lastgroup
            start = m.start(name)
            if start >= pos:
                pos = m.end(name)
                yield name, start, m.group(name)


def _prefixes(entries: list[_Entry], k: int = 2) -> set[str]:
    """Strings of up to ``k`` characters one of which every match of an entry starts with."""
    out: set[str] = set()
    for e in entries:
        text = _unescape(e.pattern)
        if re.escape(text) == e.pattern:
            out.add(text[:k])
        else:
            out |= _literal_prefixes(e.pattern, k=k, limit=1000)
    return out


def _section(name: str, strong: Optional[bool] = None) -> list[_Entry]:
    return [e for e in _LEXICON if e.section == name and strong in (None, e.strong)]


# pass 1: definitive phrases by category (a line is settled by the first category found)
_STRONG_ANY = _PhraseScan([(c, _STRONG[c]) for c in _CATEGORIES],
                          [e for c in _CATEGORIES for e in _section(c, True)])
# pass 2: the signals that add up; at each position the earlier alternatives win, so advert
# vocabulary inside a phrase already counted (本站 in 不代表本站…) is not counted twice
_SIGNALS = _PhraseScan([("soft_" + c, _SOFT[c]) for c in _CATEGORIES]
                       + [("brand", trie_pattern(_SUFFIXES) or "(?!)"), ("weak", _WEAK_SOURCE)],
                       [e for c in _CATEGORIES for e in _section(c, False)]
                       + _section("brand-suffix") + _section("weak"))
# what a site's name before its ending is written in (checked without a Han class of its own:
# each costs a millisecond to compile)
_NAME_ASCII = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
_SUFFIX = re.compile(trie_pattern(_SUFFIXES) or "(?!)")
# characters that end a site's name when reading back from its ending (来源于|好范文网, 尽在|笔耕文库)
_NOT_IN_NAME = set("于自由在的请访问到搜索关注尽来源看是和与及或更多")


# memoised: a pure function of its arguments, and the same banners and stamps recur across the
# documents of a corpus (and in a document re-linted after each edit)
@lru_cache(maxsize=4096)
def _judge(s: str, kind: str = "text") -> Optional[_Verdict]:
    """The leftover code for a line (or an inserted segment) ``s``, or None when it is content."""
    if not s:
        return None
    if len(s) <= 40 and s[0] in _PAGE_LINE_FIRST and _PAGE_LINE.fullmatch(s):
        return _Verdict("WM005", True, 9)
    if "字" in s:
        wc = _WORDCOUNT.search(s)
        if wc and (_WORDCOUNT_PROMPT.search(s, wc.end()) or _WORDCOUNT_PROMPT.search(s, 0, wc.start())
                   or _WORDCOUNT_LINE.fullmatch(s)):
            return _Verdict("WM006", True, 9)
    if "：" in s or ":" in s:
        metas = _metadata_labels(s)
        sure = metas & _META_SURE
        if sure and _SENTENCE_PUNCT.search(s):
            sure -= _META_AT_FIELD                      # "索引号：按照统一规则编制。" describes the field
        if len(metas) >= 2 or sure:
            return _Verdict("WM003", True, 9)
    if _chrome_line(s):
        return _Verdict("WM001", True, 9)
    low = s.lower()
    strong = _STRONG_ANY.search(low)
    contact = _CONTACT.search(low) is not None
    commercial = official = False
    if "." in low or "http" in low or "www" in low:
        for m in _URL.finditer(s):
            if _OFFICIAL_URL.search(m.group()):
                official = True
            else:
                commercial = True
    if strong is not None:
        cat = strong.lastgroup
        if cat == "advert":
            if contact:
                return _Verdict("WM002", True, 9)
            if commercial:
                return _Verdict("WM003", True, 9)      # 更多精品资料请访问www.…com
        return _Verdict(_CODE_OF[cat], True, 9)
    # no definitive phrase: the signals (only scanned now: a definitive phrase settles the line)
    soft: dict[str, str] = {}                 # phrase -> category
    weak: set[str] = set()
    brand = False
    for name, start, phrase in _SIGNALS.finditer(low):
        if name == "brand":
            k = start - 1
            brand = brand or (k >= 0 and (low[k] in _NAME_ASCII or _HAN.match(low, k) is not None))
        elif name == "weak":
            weak.add(phrase)
        else:
            soft.setdefault(phrase, name[5:])
    # independent signals add up
    anchors = bool(soft) or brand or contact or commercial
    if not anchors:
        return None
    score = 2 * min(len(soft), 2) + min(len(weak), 3) + 2 * (brand + contact + commercial)
    short = _short(s)
    if short:
        score += 1
        if commercial and len(_HAN.findall(_URL.sub("", s))) <= 8:
            score += 1                                 # a bare site stamp: 稿子铺 www.gaozipu.com
    if s.startswith("【") and "】" in s[:14]:
        score += 1
    if len(s) > 100:
        score -= 2                                     # adverts are short; a long sentence is prose
    elif len(s) > 60:
        score -= 1
    if kind in _STRUCTURE_KINDS:
        score -= 3
    if official or _CONTACT_LINE.search(s):
        score -= 2
    if score < 4:
        return None
    cats = list(soft.values())
    if contact and not any(c in ("paywall", "disclaimer") for c in cats):
        return _Verdict("WM002", False, score)
    if cats:
        return _Verdict(_CODE_OF[cats[0]], False, score)
    if commercial:
        return _Verdict("WM003", False, score)
    return _Verdict("WM001", False, score)


def _has_bracket(s: str) -> bool:
    """An opening bracket of _BRACKETED in ``s`` (str's search: cheaper than a regex call)."""
    return "（" in s or "【" in s or "(" in s or "[" in s


def _inserted(content: str, sentences: bool = True) -> Optional[list[tuple[int, int, str]]]:
    """Adverts inserted in a line of real text: [(start, end, code)] of the inserted parts,
    or None when the line is not such a mix (then the line is judged as a whole).
    ``sentences``: also try sentence by sentence (only worth it when the whole line is a
    leftover: a sentence never scores more than the line it is in)."""
    found = []
    for m in (_BRACKETED.finditer(content) if _has_bracket(content) else ()):
        v = _judge(m.group()[1:-1])
        if v is not None:
            found.append((m.start(), m.end(), "WM005" if v.code == "WM005" else "WM010"))
    for m in (_PAGE_INLINE.finditer(content) if "页" in content else ()):
        if not any(a <= m.start() < b for a, b, _ in found):
            found.append((m.start(), m.end(), "WM005"))
    if not found and sentences:
        # sentence by sentence: "……确保完成任务。更多精品范文请关注公众号……。下一步……"
        parts = [m for m in _SENTENCE.finditer(content) if m.group().strip(_WS)]
        if len(parts) >= 2:
            for m in parts:
                v = _judge(m.group().strip(_WS))
                if v is not None and v.code != "WM005":
                    lead = len(m.group()) - len(m.group().lstrip(_WS))
                    found.append((m.start() + lead, m.start() + len(m.group().rstrip(_WS)), "WM010"))
    if not found:
        return None
    rest = content
    for a, b, _ in sorted(found, reverse=True):
        rest = rest[:a] + rest[b:]
    if len(_HAN.findall(rest)) < 12 or _PAGE_TITLE.search(rest.strip(_WS)):
        return None                                    # what is left is no content either
    return sorted(found)


# --- the document ------------------------------------------------------------------------------------
class Leftover(NamedTuple):
    code: str
    span: Span
    whole_line: bool


def _content_span(text: str, a: int, b: int) -> Optional[Span]:
    raw = text[a:b]
    stripped = raw.strip(_WS)
    if not stripped:
        return None
    lead = len(raw) - len(raw.lstrip(_WS))
    return Span(a + lead, a + lead + len(stripped))


_SPACE_RUN = re.compile(f"[\\s{MASK}\u3000\u00a0\ufeff]+")
_NORM_DROPS = MASK + "\ufeff"              # what _norm removes besides str.isspace() characters


def _norm(s: str) -> str:
    return _SPACE_RUN.sub("", s)


_LEARNED_CACHE: dict = {}


def _learned(profile):
    """(lines, their first characters, phrase pattern, trigger) from a profile's learned leftovers,
    compiled once per profile. Lines and phrases are stored without white space; in the text they
    may have any."""
    lines = tuple(getattr(profile, "leftover_lines", ()) or ()) if profile is not None else ()
    phrases = tuple(p for p in (getattr(profile, "leftover_phrases", ()) or ()) if p) if profile is not None else ()
    if not lines and not phrases:
        return frozenset(), frozenset(), None, (None, None)
    key = (lines, phrases)
    hit = _LEARNED_CACHE.get(key)
    if hit is None:
        gap = f"[\\s{MASK}\u3000\u00a0\ufeff]*"

        def spaced(x: str) -> str:
            return gap.join(re.escape(ch) for ch in x)
        # a learned line is a whole line: only its head at a line start (after a line break,
        # found at C speed) makes the line worth judging; a learned phrase (a brand) anywhere
        line_heads = sorted({x[:2] for x in lines if x})
        phrase_heads = sorted({x[:2] for x in phrases})
        heads = "|".join(spaced(h) for h in line_heads)
        # after a line break, a head is looked for only where the next character is a blank or
        # starts one (most lines are rejected there); a blank run of several lines may then give
        # the same head twice (_find takes the set)
        lead = f"[\\s{MASK}\u3000\u00a0\ufeff{''.join(re.escape(h[0]) for h in line_heads)}]"
        after = at_char(lead, f"{gap}(?P<line>{heads})")
        triggers = (re.compile(f"{gap}(?P<line>{heads})"),             # the first line
                    re.compile(f"\\n{after}"),                         # after a LF (a literal: fast)
                    re.compile(f"\\r{after}")) if line_heads else None   # bare CR texts
        anywhere = re.compile("|".join(spaced(h) for h in phrase_heads)) if phrase_heads else None
        phrase = re.compile("|".join(spaced(p) for p in sorted(phrases, key=len, reverse=True))) if phrases else None
        hit = (frozenset(lines), frozenset(x[0] for x in lines if x), phrase, (triggers, anywhere))
        if len(_LEARNED_CACHE) > 32:
            _LEARNED_CACHE.clear()
        _LEARNED_CACHE[key] = hit
    return hit


def find_leftovers(doc, profile=None) -> list[Leftover]:
    """Every leftover in the document (memoised per profile)."""
    key = ("leftovers", id(profile) if profile is not None else None)
    return doc.memo(key, lambda: _find(doc, profile))


_LONG_LINE = 150                  # longer lines are paragraphs: judged sentence by sentence around the hits
_SENTENCE_END = "。！？!?"


def _segments_around(content: str, hits: list[int]) -> list[tuple[int, int, bool]]:
    """(start, end, bracketed) of the bracket and sentence around each hit in a long line."""
    out = set()
    for pos in hits:
        # the bracket the hit is in: （…） 【…】 (…) […]
        for opening, closing in (("（", "）"), ("【", "】"), ("(", ")"), ("[", "]")):
            o = content.rfind(opening, max(0, pos - 80), pos + 1)
            if o != -1 and content.rfind(closing, o, pos) == -1:
                c = content.find(closing, pos, o + 82)
                if c != -1:
                    out.add((o, c + 1, True))
        a = max(content.rfind(ch, 0, pos) for ch in _SENTENCE_END) + 1
        ends = [k for k in (content.find(ch, pos) for ch in _SENTENCE_END) if k != -1]
        b = min(ends) + 1 if ends else len(content)
        while b < len(content) and content[b] in "”’」）)":
            b += 1
        out.add((a, b, False))
    return sorted(out)


def _judge_long(content: str, hits: list[int]) -> Optional[tuple[Optional[str], list[tuple[int, int, str]]]]:
    """A long line: (whole-line code or None, inserted parts) from the segments around the hits."""
    parts = []
    for a, b, bracketed in _segments_around(content, hits):
        seg = content[a:b].strip(_WS)
        if not seg:
            continue
        v = _judge(seg[1:-1] if bracketed else seg)
        if v is not None and not bracketed and not v.strong and v.score < 5:
            v = None                                   # a sentence of a paragraph: be surer
        if v is None and not bracketed:
            m = _PAGE_INLINE.search(content, a, b) if content.find("页", a, b) != -1 else None
            if m:
                parts.append((m.start(), m.end(), "WM005"))
            continue
        if v is None:
            continue
        lead = len(content[a:b]) - len(content[a:b].lstrip(_WS))
        parts.append((a + lead, a + lead + len(seg), "WM005" if v.code == "WM005" else v.code))
    if not parts:
        return None
    # an advert in brackets is the inserted text; a sentence around it is not flagged with it
    brackets = [p for p in parts if content[p[0]] in "（【([" and content[p[1] - 1] in "）】)]"]
    parts = brackets + [p for p in parts if p not in brackets
                        and not any(b[0] < p[1] and p[0] < b[1] for b in brackets)]
    parts.sort(key=lambda t: (t[0], -t[1]))
    kept: list[tuple[int, int, str]] = []
    for p in parts:
        if kept and p[0] < kept[-1][1]:
            continue
        kept.append(p)
    rest = content
    for a, b, _ in reversed(kept):
        rest = rest[:a] + rest[b:]
    if len(_HAN.findall(rest)) < 12:
        return kept[0][2], []
    return None, [(a, b, c if c == "WM005" else "WM010") for a, b, c in kept]


def _find(doc, profile) -> list[Leftover]:
    text = doc.masked
    index = doc.index
    line_of = index.line_of
    kinds = None
    found: dict[int, tuple[str, Span]] = {}          # line -> (code, content span): whole lines
    inline: list[Leftover] = []
    junk: list[Leftover] = []
    learned_lines, learned_firsts, learned_phrases, learned_trigger = _learned(profile)

    hits: dict[int, list[int]] = {}
    for start, end, word in _trigger_matches(text):
        if word in _JUNK:
            leftover = _invisible(text, start, end)
            if leftover is not None:
                junk.append(leftover)
            continue
        hits.setdefault(line_of(start), []).append(start)
    line_triggers, phrase_trigger = learned_trigger
    if line_triggers is not None:
        first, after_lf, after_cr = line_triggers
        starts = [m.start("line") for m in after_lf.finditer(text)]
        if index.bare_cr:
            starts += [m.start("line") for m in after_cr.finditer(text)]
        m = first.match(text)
        for start in ([m.start("line")] if m else []) + sorted(set(starts)):
            hits.setdefault(line_of(start), []).append(start)
    if phrase_trigger is not None:
        heads = [m.start() for m in phrase_trigger.finditer(text)]
        for start in heads:
            hits.setdefault(line_of(start), []).append(start)
        if not heads:
            learned_phrases = None                    # no phrase's head in the text: no line holds one
    ascii_lines = []
    first = _LINE_FIRST.match(text)
    line_scan = _line_scan_cr() if index.bare_cr else _LINE_SCAN
    for m in ([first] if first else []) + list(line_scan.finditer(text)):
        if m.group("page") is not None:
            hits.setdefault(line_of(m.start("page")), []).append(m.start("page"))
        else:
            ascii_lines.append(m)
    fields: dict[int, str] = {}                       # line -> its metadata label (label-per-line blocks)
    for line in sorted(hits):
        a, b = index.line_span(line)
        span = _content_span(text, a, b)
        if span is None:
            continue
        content = text[span.start:span.end]
        if "此处隐藏" in content:
            hidden = [m for m in _HIDDEN.finditer(content)]
            if hidden and hidden[0].span() == (0, len(content)):
                found[line] = ("WM006", span)
                continue
            inline.extend(Leftover("WM006", Span(span.start + m.start(), span.start + m.end()), False)
                          for m in hidden)
        if "文章标题" in content:
            m = _TITLE_FIELD.search(content)
            if m is not None and (m.start() or len(content) > 80):
                # the label, and the site's copy of the title before it when that is all there is
                head = content[:m.start()]
                start = 0 if len(head) <= 60 and not _SENTENCE_PUNCT.search(head) else m.start()
                inline.append(Leftover("WM010", Span(span.start + start, span.start + m.end()), False))
                continue
        label = _field_label(content)
        if label is not None:
            fields[line] = label
        if kinds is None:
            kinds = doc.structure.line_kinds
        kind = kinds[line] if line < len(kinds) else "text"
        # learned leftovers: a whole line, or a phrase (a brand) inside a line
        # (normalising costs a substitution: first a look at the first character it would keep)
        learned_line = bool(learned_lines) and (content[0] in learned_firsts or content[0] in _NORM_DROPS
                                                or content[0].isspace()) and _norm(content) in learned_lines
        phrase_hits = [] if learned_phrases is None or learned_line else \
            [(m.start(), m.end(), "WM009") for m in learned_phrases.finditer(content)]
        if len(content) > _LONG_LINE:
            judged = _judge_long(content, [h - span.start for h in hits[line] if h >= span.start])
            code, parts = judged if judged is not None else ("WM009" if learned_line else None, phrase_hits)
        else:
            verdict = _judge(content, kind)
            code, parts = (verdict.code if verdict else None), []
            if code is None:
                if learned_line or (phrase_hits and _short(content)):
                    code = "WM009"
                else:
                    # a page marker, a bracketed advert or a learned brand inside a paragraph
                    parts = (_inserted(content, sentences=False) or []) if len(content) > 12 else []
                    parts += [p for p in phrase_hits if not any(a <= p[0] < b for a, b, _ in parts)]
            elif code not in ("WM005", "WM009"):
                inserted = _inserted(content)
                if inserted is not None:
                    code, parts = None, inserted
        for s, e, c in parts:
            inline.append(Leftover(c, Span(span.start + s, span.start + e), False))
        if code is None:
            continue
        found[line] = (code, span)
    if fields:
        _metadata_blocks(text, index, fields, found)
    if found:
        if kinds is None:
            kinds = doc.structure.line_kinds
        _extend_blocks(text, index, kinds, found)
        _recurring_brands(text, index, kinds, found)
    out = [Leftover(c, s, True) for _, (c, s) in sorted(found.items())]
    out.extend(inline)
    out.extend(junk)
    out.extend(_jammer_lines(ascii_lines))
    out.sort(key=lambda t: (t.span.start, t.span.end))
    return out


def _field_label(s: str) -> Optional[str]:
    """The label of a metadata field line (``• 索引号:``, ``- 发布机构: …``, ``栏目: | … |``), or None."""
    if len(s) > 80 or ("：" not in s and ":" not in s) or _FIELD_NOT.search(s):
        return None                                     # (no colon: no label, as _FIELD_LINE needs one)
    m = _FIELD_LINE.match(s)
    return m.group(1) if m is not None else None


def _metadata_blocks(text, index, fields: dict[int, str], found) -> None:
    """A government portal's 信息公开 header written one field per line (索引号: / 主题分类: /
    发布机构: …, each value on its own line or none). From each field line the trigger scan found,
    the block is read up and down: field lines, blank lines and at most two short value lines in a
    row. Three fields or more with three labels, one of them a portal label, make the block a
    leftover (WM003), its value lines included. A notice's own label lines (联系人：, 会议时间：,
    日期：) carry no portal label."""
    n = index.line_count
    done: set[int] = set()

    def label_of(i: int) -> tuple[Optional[str], str]:
        a, b = index.line_span(i)
        s = text[a:b].strip(_WS)
        return (_field_label(s) if s else None), s

    def walk(start: int, step: int, block: dict[int, str]) -> None:
        values = 0
        i = start + step
        last = start
        while 0 <= i < n and abs(i - last) <= 6:
            label, s = label_of(i)
            if label is not None:
                block[i] = label
                last, values = i, 0
            elif s:
                values += 1
                if values > 2 or len(s) > 40 or _FIELD_NOT.search(s):
                    return
            i += step

    for seed in sorted(fields):
        if seed in done:
            continue
        block = {seed: fields[seed]}
        walk(seed, -1, block)
        walk(seed, 1, block)
        done.update(block)
        labels = set(block.values())
        if len(block) < 3 or len(labels) < 3 or labels.isdisjoint(_META_PORTAL):
            continue
        for i in range(min(block), max(block) + 1):
            if i not in found:
                a, b = index.line_span(i)
                span = _content_span(text, a, b)
                if span is not None:
                    found[i] = ("WM003", span)


def _stamp_like(s: str) -> bool:
    """A short line that reads as part of an advert block: a brand name or a slogan."""
    if not _short(s) or _NOT_BRAND.search(s):
        return False
    if _STAMPLIKE.fullmatch(s):
        return True                                    # 酷乐文行, 云笺阁
    if _WEAK is not None and _WEAK.search(s.lower()):
        return True                                    # 现在加入立享全站材料
    return _BRAND.search(s) is not None


def _between_ok(s: str) -> bool:
    """A line inside a block (leftovers on both sides): anything short that is not a sentence."""
    return len(s) <= 40 and not s.endswith(("。", "；")) and not _NOT_BRAND.search(s)


_BLOCK_SEEDS = frozenset({"WM001", "WM002", "WM003", "WM004", "WM006", "WM007", "WM009"})


def _extend_blocks(text, index, kinds, found) -> None:
    """Lines that belong to an advert block: between two leftover lines, or stamp-like at its edge."""
    n = index.line_count

    def info(i, sandwiched):
        kind = kinds[i]
        a, b = index.line_span(i)
        span = _content_span(text, a, b)
        if span is None or kind not in _STRUCTURE_KINDS:
            return span
        # a "title" between two leftover lines that uses advert words is a slogan of the block
        if kind == "title" and sandwiched and _WEAK is not None and _WEAK.search(text[span.start:span.end].lower()):
            return span
        return None

    def neighbour(i, step):
        """The next non-blank line from i (at most one blank line between), or None."""
        blanks = 0
        j = i + step
        while 0 <= j < n:
            a, b = index.line_span(j)
            if text[a:b].strip(_WS):
                return j
            blanks += 1
            if blanks > 1:
                return None
            j += step
        return None

    # a work list: each leftover line looks at its neighbours once; a line added is looked from too
    work = [i for i, (c, _) in found.items() if c in _BLOCK_SEEDS]
    rejected: set[tuple[int, bool]] = set()
    while work:
        line = work.pop()
        for step in (-1, 1):
            j = neighbour(line, step)
            if j is None or j in found:
                continue
            k = neighbour(j, step)
            sandwiched = k is not None and k in found and found[k][0] in _BLOCK_SEEDS
            if (j, sandwiched) in rejected:
                continue
            span = info(j, sandwiched)
            if span is not None:
                s = text[span.start:span.end]
                if (sandwiched and _between_ok(s)) or _stamp_like(s):
                    found[j] = ("WM004", span)
                    work.append(j)
                    continue
            rejected.add((j, sandwiched))


def _recurring_brands(text, index, kinds, found) -> None:
    """A short line naming the brand of a flagged stamp (酷乐文行整理，咨询QQ… → 酷乐文行)
    elsewhere in the document is part of the same leftovers."""
    brands = set()
    for code, span in found.values():
        if code == "WM005":
            continue
        s = text[span.start:span.end]
        for pattern in (_BRAND_CREDIT, _BRAND_BRACKET) if s[:1] == "【" else (_BRAND_CREDIT,):
            m = pattern.match(s)
            if m and not _NOT_BRAND.search(m.group(1)):
                brands.add(m.group(1))
        for m in _SUFFIX.finditer(s):                 # 好范文网, 笔耕文库: the name before the ending
            k = m.start()
            while k > 0 and m.start() - k < 4 and _HAN.match(s[k - 1]) and s[k - 1] not in _NOT_IN_NAME:
                k -= 1
            if k < m.start():
                brands.add(s[k:m.end()])
    brands = {b for b in brands if len(b) >= 3}
    if not brands:
        return
    # the lines naming a brand, each brand found by str.find at C speed (an alternation of them
    # would try every position whose character can start one); a brand never spans lines
    lines = set()
    for brand in brands:
        i = text.find(brand)
        while i != -1:
            lines.add(index.line_of(i))
            i = text.find(brand, i + len(brand))
    for line in sorted(lines):
        if line in found or kinds[line] in _STRUCTURE_KINDS:
            continue
        a, b = index.line_span(line)
        span = _content_span(text, a, b)
        if span is not None and _short(text[span.start:span.end]) and span.end - span.start <= 30:
            found[line] = ("WM004", span)


def _invisible(text: str, start: int, end: int) -> Optional[Leftover]:
    ch = text[start]
    if start == 0 and ch == "\ufeff":
        return None                                    # a BOM at the very start is the file's
    if ch == "\u200d" and start and ord(text[start - 1]) >= 0x1F000:
        return None                                    # an emoji sequence
    return Leftover("WM008", Span(start, end), False)


def _jammer_lines(ascii_lines: list[re.Match]) -> list[Leftover]:
    """Discuz-style anti-copy lines: printable ASCII only, four or more 1–3 character tokens,
    a third of them symbols of three kinds or more (``% H, N8 ]: q: }. q!``)."""
    out = []
    for m in ascii_lines:
        raw = m.group("ascii")
        s = raw.strip()
        tokens = s.split()
        if len(tokens) < 4 or max(len(t) for t in tokens) > 3:
            continue
        symbols = _JAM_SYMBOLS.findall(s)
        letters = sum(ch.isalpha() for ch in s)
        if len(set(symbols)) >= 3 and letters >= 2 and len(symbols) * 3 >= len(s.replace(" ", "")):
            if re.fullmatch(r"(?:[A-Za-z0-9]{1,2}[.、)）][ ]*)+", s):
                continue                               # an ordinal list "1. 2. 3."
            start = m.start("ascii") + len(raw) - len(raw.lstrip())
            out.append(Leftover("WM008", Span(start, start + len(s)), True))
    return out


# --- rules ---------------------------------------------------------------------------------------------
_MESSAGES = {
    "WM001": "网站广告或水印：“{t}”，不是公文内容，应删除整行",
    "WM002": "广告中的联系方式：“{t}”，应删除整行",
    "WM003": "网站署名、来源或上传信息：“{t}”，不是公文内容，应删除整行",
    "WM004": "与广告水印同块或重复出现的品牌、口号行：“{t}”，应删除整行",
    "WM005": "分页标记“{t}”：页码由排版生成（GB/T 9704-2012 7.5），正文中应删除",
    "WM006": "下载、付费或字数提示：“{t}”，应删除；正文可能不完整，请核对",
    "WM007": "网站免责或版权声明：“{t}”，应删除整行",
    "WM009": "本单位约定配置中记录的残留：“{t}”，应删除整行",
    "WM010": "段落中插入的网站广告：“{t}”，应删除",
}


def _shown(t: str) -> str:
    t = t.strip(_WS)
    return t if len(t) <= 30 else t[:28] + "……"


def _line_fix(doc, line: int) -> Fix:
    start, end = doc.index.line_span(line, keepends=True)
    if end == start or doc.text[end - 1:end] not in ("\n", "\r"):
        # the last line: take the line break before it instead, so no empty line is left
        prev = start
        if start and doc.text[start - 1] == "\n":
            prev -= 2 if start >= 2 and doc.text[start - 2] == "\r" else 1
        elif start and doc.text[start - 1] == "\r":
            prev -= 1
        start = prev
    return Fix(title="删除整行", edits=(Edit(Span(start, end), ""),), applicability=Applicability.UNSAFE)


_DELETE_LINE = "提供“删除整行”的修复（连同换行符），需人工确认（不安全修复）：确认该行确实不是正文再删除。"
_LINE_RULE = dict(basis=BASIS, fix=FixAvailability.ALWAYS, fix_applicability=Applicability.UNSAFE,
                  fix_safety=_DELETE_LINE)

WM001 = meta(
    "WM001", "advert-banner", "网站广告水印行",
    what="检查从网上范文带来的广告、水印横幅（如“仅供学习 禁止外传”“【XX文库】精品材料，仅供学习参考”"
         "“现在订阅立享…”“海量精品范文每日更新”），范文网站的编者口吻和合集标记（“以下是小编为大家整理的…”"
         "“实施方案最新10篇”“…范文(通用4篇)”“篇一：”），以及网页的导航和按钮（“返回顶部”“首页 > … >”"
         "“当前位置：…”“打印 纠错 投稿”“微信扫一扫 ×”“相关解读：…”）。词表见 rules/data/watermarks.txt；"
         "“严禁外传”“如有侵权”这类正文中也可能出现的说法，须同一行另有广告信号（网站名、联系方式、商业网址、广告用语）"
         "或是不成句的短行才报告；句中的“小编”“打印”“篇一”不报告。",
    why="广告水印行出现在正式文稿中会造成严重的形象问题，常规校对工具都不检查。",
    examples=(Example(bad="仅供学习 禁止外传\n在全县工作会议上的讲话", fixed="在全县工作会议上的讲话"),
              Example(bad="海量精品范文每日更新，尽在云笺范文网"),
              Example(bad="首页 > 心得范文 > 干部培训心得体会 >\n干部培训心得体会"),
              Example(bad="共产党员网来稿 打印 纠错 投稿须知 投稿\n微信扫一扫 ×"),
              Example(good="在全县工作会议上的讲话\n同志们："),
              Example(good="本材料涉及工作秘密，严禁外传。"),
              Example(good="请各单位打印文件后签字盖章。报社小编深入基层采写稿件。")),
    **_LINE_RULE)
WM002 = meta(
    "WM002", "contact-stamp", "广告中的联系方式",
    what="检查广告、署名中的 QQ、微信、客服等联系方式（如“酷乐文行整理，咨询QQ206157060”“客服微信：wenku8866”）；"
         "通知正文中本单位的联系人、联系电话、邮箱不报告。",
    why="范文网站的联系方式是典型的下载残留。",
    examples=(Example(bad="墨香阁整理，咨询QQ318820456", fixed=""),
              Example(good="联系人：王明，联系电话：0571-12345678。")),
    **_LINE_RULE)
WM003 = meta(
    "WM003", "source-credit", "网站署名、来源链接或上传信息",
    what="检查网站署名、来源、链接行（如“…讲话》由互联网用户分享整理。文章地址:http://…”“来源：笔耕文库 www.…com”"
         "“更多精品资料请访问www.…com”）和网页上传信息（“上传人：… 文档编号：…”“更新时间：… 作者：…”"
         "“来源网站：…”），包括政府网站信息公开栏目的表头（“索引号：… 发布机构：… 发文日期：…”，一栏一行时整块报告，"
         "连同栏目值行）；通知中作为内容引用的政府网站、本单位的联系人和日期行、“主题词”不报告。",
    why="网站署名不是公文内容，暴露了稿件的来源。",
    examples=(Example(bad="更多精品资料请访问www.gwclk.com", fixed=""),
              Example(bad="上传人：admin  文档编号：12345  浏览次数：88"),
              Example(bad="• 索引号:\n6107280000/2024-001005\n• 主题分类:\n• 发文机构:\n县政府网站\n• 发布日期:\n"
                          "镇巴县人民政府工作规则"),
              Example(good="联系人：张三，联系电话：0571-12345678。\n发布日期：2024年5月6日"),
              Example(good="具体办法详见市政府门户网站www.yunlan.gov.cn。")),
    **_LINE_RULE)
WM004 = meta(
    "WM004", "advert-block-line", "广告块中的品牌、口号行",
    what="检查与广告水印行同在一块的品牌名、口号行（如横幅中的“酷乐文行”“自建平台、实时分享”），"
         "以及文中别处单独出现的、广告署名中的品牌名行。标题、称谓、落款、日期和成句的正文不报告。",
    why="广告块往往整块复制进来，其中单看不像广告的品牌、口号行最容易漏删。",
    examples=(Example(bad="仅供学习 禁止外传\n云笺阁\n根据实际需求不断迭代\n会员群：  免费QQ群：\n在全县工作会议上的讲话",
                      fixed="仅供学习 禁止外传\n会员群：  免费QQ群：\n在全县工作会议上的讲话"),
              Example(good="仅供学习 禁止外传\n在全县工作会议上的讲话\n同志们：")),
    **_LINE_RULE)
WM005 = meta(
    "WM005", "page-marker", "分页标记",
    what="检查从排版文档复制来的分页标记（如“第2页共9页”“第1页 / 共43页”“— 2 —”“- 2 -”）；"
         "正文中提到的页数（“附件共3页”“详见附件第2页”）不报告。",
    why="页码由排版生成（GB/T 9704-2012 7.5），混入正文的页码是复制残留。",
    examples=(Example(bad="工作取得成效。\n第2页共7页\n下一步要继续努力。",
                      fixed="工作取得成效。\n下一步要继续努力。"),
              Example(good="附件共3页，详见附件第2页。")),
    **_LINE_RULE)
WM006 = meta(
    "WM006", "download-prompt", "下载、付费或字数提示",
    what="检查下载、付费、试读和字数提示（如“全文约4300字，请下载后阅读”“试读结束，请开通VIP”“全文预览已结束”"
         "“下载本文档”“因篇幅问题不能全部显示，请点此查看更多”），以及段落中范文网站隐去正文的标记"
         "（“……此处隐藏4926个字……”，只标出标记本身）；作为内容说明的字数（“该教材全文约12万字”）不报告。",
    why="下载提示说明稿件是从网站直接复制的，正文还可能不完整。",
    examples=(Example(bad="全文约3600字，下载后可编辑打印", fixed=""),
              Example(bad="每年9月底，按要求比例申报，……此处隐藏4926个字……业局牵头协调指导服务认种树木活动。",
                      fixed="每年9月底，按要求比例申报，业局牵头协调指导服务认种树木活动。"),
              Example(good="该教材全文约12万字，分为十二章。")),
    **_LINE_RULE)
WM007 = meta(
    "WM007", "site-disclaimer", "网站免责声明",
    what="检查网站免责和版权声明（如“来源于网友上传，不代表本站观点”“如有侵权请联系删除”“仅供参考，请勿用于商业用途”）；"
         "“仅供参考”只在广告语境中报告。",
    why="免责声明是网站文字，不属于公文。",
    examples=(Example(bad="（本文由公文材料库会员上传，版权归原作者所有）", fixed=""),
              Example(good="以上意见仅供参考。"), Example(good="本办法由市司法局负责解释。")),
    **_LINE_RULE)
WM008 = meta(
    "WM008", "invisible-junk", "不可见字符与防复制干扰码",
    what="检查零宽空格、零宽连接符、词连接符、软连字符、双向控制符、文中的 BOM 等不可见字符，换行被破坏后留下的"
         "“x0dx0a”，以及论坛防复制插入的干扰码行（如“% H, N8 ]: q: }. q!”）。",
    why="不可见字符会干扰检索、比对和排版，常是网页复制或防复制手段留下的。",
    fix=FixAvailability.ALWAYS,
    fix_safety="删除不可见字符是安全修复（不改变可见文字）；“x0dx0a”改为换行、删除干扰码行需人工确认（不安全修复）。",
    examples=(Example(bad="加强\u200b组织领导", fixed="加强组织领导"),
              Example(good="加强组织领导，确保工作落实。")),
    basis=BASIS)
WM009 = meta(
    "WM009", "learned-leftover", "约定配置中记录的残留",
    what="检查本单位约定配置（gwlint learn 生成）中记录的残留行和残留短语（如某范文网站的品牌名）。",
    why="各单位常用的范文来源不同，从本单位语料学到的残留比内置词表更准。",
    options="由 profile 配置项指定的约定文件提供（默认使用内置约定，它学自 corpus/seeds/）。", tags=("profile",),
    examples=(Example(bad="酷乐文行", fixed=""),
              Example(good="下面，我讲几点意见。")),
    **_LINE_RULE)
WM010 = meta(
    "WM010", "inline-advert", "段落中插入的广告",
    what="检查插入在正文段落中的网站广告（如“【本文来自XX文库，更多精品范文请搜索…】”“（文档来源：范文之家fwzj.net）”），"
         "只标出插入的部分。",
    why="段中广告最容易在通读时被忽略。",
    fix=FixAvailability.ALWAYS, fix_applicability=Applicability.UNSAFE,
    fix_safety="提供删除插入文字的修复，需人工确认（不安全修复）。",
    examples=(Example(bad="全年完成投资12亿元，同比增长8%。（来源：公文范文网gwfw888.com）下一步我们将继续努力。",
                      fixed="全年完成投资12亿元，同比增长8%。下一步我们将继续努力。"),
              Example(good="全年完成投资12亿元（含中央预算内资金3亿元），同比增长8%。")),
    basis=BASIS)


@checker(WM001, WM002, WM003, WM004, WM005, WM006, WM007, WM008, WM009, WM010)
def leftovers(doc, ctx):
    text = doc.text
    for code, span, whole in find_leftovers(doc, ctx.profile):
        snippet = text[span.start:span.end]
        if code == "WM008" and not whole:
            if snippet.lower() == "x0dx0a":
                newline = "\r\n" if "\r\n" in text else "\n"
                yield ctx.report(span, "换行符被破坏后留下的“x0dx0a”，应改为换行", code=code,
                                 fix=Fix.replace(span, newline, "改为换行", Applicability.UNSAFE))
            else:
                name = _INVISIBLE_NAMES.get(snippet, "不可见控制字符")
                yield ctx.report(span, f"不可见字符 U+{ord(snippet):04X}（{name}），应删除", code=code,
                                 fix=Fix.replace(span, "", "删除不可见字符", Applicability.SAFE))
            continue
        if whole:
            fix = _line_fix(doc, doc.index.line_of(span.start))
            msg = ("防复制干扰码行：“{t}”，应删除整行" if code == "WM008" else _MESSAGES[code]).format(t=_shown(snippet))
            yield ctx.report(span, msg, code=code, fix=fix, whole_line=True)
        else:
            fix = Fix(title={"WM005": "删除分页标记", "WM006": "删除提示文字"}.get(code, "删除插入的广告"),
                      edits=(Edit(span, ""),), applicability=Applicability.UNSAFE)
            msg = _MESSAGES[code].format(t=_shown(snippet))
            if code == "WM005":
                msg = msg.replace("正文中应删除", "应删除")
            yield ctx.report(span, msg, code=code, fix=fix)


RULES = (leftovers,)
