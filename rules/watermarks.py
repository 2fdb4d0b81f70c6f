"""WM: watermark, advert and download leftovers carried over from downloaded 范文.

A first scan finds lines with any advert signal; each such line is then classified
(pagination, download prompt, disclaimer, site credit, contact stamp, banner) and either
flagged as a whole line, or, when the advert is a bracketed insertion in a real paragraph,
only the inserted text is flagged. Short non-sentence lines in the same block as banner
lines (brand names, slogans) are flagged with them. Content that merely mentions a web
site or telephone number (an official site in a notice) is not an advert.
"""
from __future__ import annotations

import re
from typing import Optional

from gwlint.linter.model import Applicability, Edit, Example, Fix, Span
from gwlint.linter.rule import checker, meta

BASIS = ("《党政机关公文处理工作条例》第二十条（文稿审核）；网站广告、水印、分页标记不属于公文内容，"
         "GB/T 9704-2012 第7.5条规定页码由版式生成，不写入正文。")

# site names end in one of these; matching the ending alone keeps the scan fast
_BRAND = (r"(?:文库|范文网|范文库|范文大全|材料库|材料网|文秘网|公文网|文档网|"
          r"范文之家|写作网|资料网|文摘网|秘书网|范文吧|文章网|公文汇|稿子汇)")
# strong signals: one is enough to call a line an advert
_STRONG = re.compile(
    r"仅供(?:内部)?学习|(?:禁止|严禁|谢绝)(?:外传|转载|倒卖|二次)|倒卖|由互联网用户分享整理|文章地址|原文链接|"
    r"不代表本站|本站(?:观点|立场|资料|会员|整理|发布)|如有侵权|侵权请联系|试读结束|全文预览已结束|下载本文档|"
    r"订阅立享|自建平台|实时分享|会员(?:专享|群|资料|上传|可免费|免费下载|材料)|VIP|QQ群|咨询QQ|客服微信|"
    r"加(?:微信|VX|vx)|公众号|每日更新|全站资料|畅享全站|精品(?:范文|材料|资料|文档|讲话稿)|原创(?:范文|讲话稿|材料)|"
    r"整理发布|转载请注明|版权归原作者|网友上传|用户上传|上传人|文档编号|浏览次数|点击查看更多|相关推荐|请先登录|"
    r"(?:下载|编辑)后(?:可|阅读|即可)|可(?:自由)?编辑(?:打印)?|完整版请|本文(?:来自|转载自|由)|本资料来源|"
    + _BRAND)
_PAGE = re.compile(r"^[ \t\u3000\u00a0]*(?:第\s*\d+\s*页\s*[/／,，]?\s*共\s*\d+\s*页|[—－\-–]{1,2}\s*\d{1,3}\s*[—－\-–]{1,2})"
                   r"[ \t\u3000\u00a0]*$")
_WORDCOUNT = re.compile(r"(?:全文|本文)(?:约|共计|共)?\s*\d+(?:\.\d+)?\s*[万千]?字")
_DOWNLOAD = re.compile(r"下载|编辑|打印|阅读全文|VIP|会员")
_DISCLAIMER = re.compile(r"不代表本站|版权归原作者|如有侵权|侵权请联系|网友上传|用户上传|会员上传|转载请注明")
_SOURCE = re.compile(r"来源[:：于]|本文(?:来自|转载自|由)|原文链接|文章地址|由互联网用户分享整理|请访问|请搜索|尽在|本资料来源")
_CONTACT = re.compile(r"QQ(?:群)?[:：]?\s*\d{5,}|QQ群|咨询QQ|(?:客服)?微信[:：号]\s*[A-Za-z0-9_-]{5,}|加(?:微信|VX|vx)|公众号")
_URL = re.compile(r"(?:https?://|www\.)[^\s\u4e00-\u9fff，。；）)】]+|[A-Za-z0-9-]+\.(?:com|net|cn|cc|top|xyz)\b")
_GOV_URL = re.compile(r"\.gov\.cn|\.edu\.cn|\.org\.cn")
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\u180e\ufeff]|x0dx0a")
# the first characters of every alternative above (a guard for speed; see placeholders.py)
_TRIGGER_FIRST = "仅禁严谢倒由文原不本如侵试全下订自实会VQ客加公每畅精整转版网用上浏点相请编可完范材写资秘稿第—－\\-–0-9微hw"
_TRIGGER = re.compile(f"(?=[{_TRIGGER_FIRST}])(?:" + _STRONG.pattern + r"|第\s*\d+\s*页|[—－\-–]\s*\d{1,3}\s*[—－\-–]|\d\s*[万千]?字|QQ|微信|https?://|www\.)")
_BRACKETED = re.compile(r"【[^【】\n]{4,80}】|（[^（）\n]{4,80}）|\([^()\n]{4,80}\)|\[[^\[\]\n]{4,80}\]")
_SENTENCE_END = re.compile(r"[。！？；]$")
_GENRE_END = re.compile(r"(?:讲话|通知|报告|方案|意见|请示|函|纪要|决定|办法|规定|总结|发言|致辞|通报|批复|公告|通告|议案|计划|要点|规划)$")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_WS = " \t\u3000\u00a0"


def _classify(s: str) -> Optional[str]:
    """The leftover code for a line or segment of text, or None when it is content."""
    if _PAGE.match(s):
        return "WM005"
    wc = _WORDCOUNT.search(s)
    if wc and _DOWNLOAD.search(s):
        return "WM006"
    if re.search(r"试读结束|全文预览已结束|下载本文档|请先登录|点击查看更多", s):
        return "WM006"
    strong = _STRONG.search(s)
    url = _URL.search(s)
    if url and _GOV_URL.search(url.group()) and not strong:
        return None                      # an official web site cited as content
    if not strong and not (url and _SOURCE.search(s)) and not _CONTACT.search(s):
        return None
    if _DISCLAIMER.search(s):
        return "WM007"
    if _SOURCE.search(s) or (url and strong):
        return "WM003"
    if _CONTACT.search(s) and (strong or re.search(r"QQ|客服", s)):
        return "WM002"
    if strong:
        return "WM001"
    return None


_MESSAGES = {
    "WM001": "网站广告或水印行：“{t}”，应删除",
    "WM002": "广告中的联系方式：“{t}”，应删除",
    "WM003": "网站署名或来源链接：“{t}”，不是正文内容，应删除",
    "WM005": "分页标记“{t}”：页码由排版生成，正文中应删除",
    "WM006": "下载或字数提示：“{t}”，应删除",
    "WM007": "网站免责声明：“{t}”，应删除",
    "WM009": "本单位语料中学到的残留行：“{t}”，应删除",
    "WM010": "段落中插入的网站广告：“{t}”，应删除",
}


def _short(t: str) -> str:
    t = t.strip(_WS)
    return t if len(t) <= 30 else t[:28] + "……"


def _line_fix(doc, line: int) -> Fix:
    start, end = doc.index.line_span(line, keepends=True)
    return Fix(title="删除整行", edits=(Edit(Span(start, end), ""),), applicability=Applicability.UNSAFE)


def _norm(s: str) -> str:
    return re.sub(r"[\s\u3000\u00a0]+", "", s)


def find_leftovers(doc, profile=None):
    """[(code, span, whole_line)] for the document (shared with `gwlint learn`)."""
    def compute():
        text = doc.masked
        index = doc.index
        lines_seen = set()
        found: dict[int, tuple[str, Span, bool]] = {}
        inline: list[tuple[str, Span]] = []
        candidates = set()
        for m in _TRIGGER.finditer(text):
            candidates.add(index.line_of(m.start()))
        learned_lines = set(getattr(profile, "leftover_lines", ()) or ())
        learned_phrases = tuple(p for p in (getattr(profile, "leftover_phrases", ()) or ()) if p)
        if learned_lines or learned_phrases:
            for i in range(index.line_count):
                a, b = index.line_span(i)
                n = _norm(text[a:b])
                if n and (n in learned_lines or any(p in n for p in learned_phrases)):
                    candidates.add(i)
        for line in sorted(candidates):
            if line in lines_seen:
                continue
            lines_seen.add(line)
            a, b = index.line_span(line)
            raw = text[a:b]
            content = raw.strip(_WS)
            if not content:
                continue
            lead = len(raw) - len(raw.lstrip(_WS))
            span = Span(a + lead, a + lead + len(content))
            code = _classify(content)
            if code is None and (learned_lines or learned_phrases):
                n = _norm(content)
                if n in learned_lines or any(p in n for p in learned_phrases):
                    code = "WM009"
            if code is None:
                continue
            # an advert in brackets inside a real paragraph: flag only the inserted text
            if code != "WM005":
                seg = _inline_segment(content)
                if seg is not None:
                    s, e, c = seg
                    inline.append((c, Span(span.start + s, span.start + e)))
                    continue
            found[line] = (code, span, True)
        # short non-sentence lines in the same block as banner lines: brand names, slogans
        if found:
            _extend_blocks(doc, text, found)
        out = [(c, s, w) for _, (c, s, w) in sorted(found.items())]
        out += [("WM010" if c != "WM005" else c, s, False) for c, s in inline]
        for m in _ZERO_WIDTH.finditer(text):
            if m.start() == 0 and m.group() == "\ufeff":
                continue                               # a BOM left at the very start is the file's, not junk
            out.append(("WM008", Span(m.start(), m.end()), False))
        out.sort(key=lambda t: t[1])
        return out
    return doc.memo("leftovers", compute)


def _inline_segment(content: str):
    """(start, end, code) of a bracketed advert inside a line that has real text around it."""
    for m in _BRACKETED.finditer(content):
        inner = m.group()
        code = _classify(inner[1:-1])
        if code is None:
            continue
        rest = content[:m.start()] + content[m.end():]
        if len(_HAN.findall(rest)) >= 12:
            return m.start(), m.end(), code
    return None


def _is_blockish(s: str) -> bool:
    s = s.strip(_WS)
    if not s or len(s) > 40 or _SENTENCE_END.search(s) or _GENRE_END.search(s):
        return False
    if s.endswith(("：", ":")) and len(s) <= 12:      # salutation 同志们：
        return False
    if re.match(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.．、])", s):
        return False
    return True


def _extend_blocks(doc, text, found) -> None:
    index = doc.index
    n = index.line_count
    for line in list(found):
        if found[line][0] not in ("WM001", "WM002", "WM009"):
            continue
        for step in (-1, 1):
            i = line + step
            blanks = 0
            while 0 <= i < n and blanks <= 1:
                a, b = index.line_span(i)
                raw = text[a:b]
                if not raw.strip(_WS):
                    blanks += 1
                    i += step
                    continue
                if i in found:
                    break
                if not _is_blockish(raw):
                    break
                lead = len(raw) - len(raw.lstrip(_WS))
                content = raw.strip(_WS)
                found[i] = ("WM001", Span(a + lead, a + lead + len(content)), True)
                blanks = 0
                i += step


_COMMON = dict(basis=BASIS)

WM001 = meta("WM001", "advert-banner", "网站广告水印行",
             what="检查从网上范文带来的广告、水印横幅及其所在块中的品牌名、口号行（如“仅供学习 禁止外传”“【XX文库】精品材料”）。",
             why="广告水印行出现在正式文稿中会造成严重的政治和形象问题，且各类检查工具都不会发现。",
             fix_safety="提供“删除整行”的修复，需人工确认（不安全修复）：确认该行确实不是正文。",
             examples=(Example(bad="仅供学习 禁止外传\n在全县工作会议上的讲话",
                               fixed="在全县工作会议上的讲话"),
                       Example(good="在全县工作会议上的讲话\n同志们：")), **_COMMON)
WM002 = meta("WM002", "contact-stamp", "广告中的联系方式",
             what="检查广告中的 QQ、微信、客服等联系方式（如“咨询QQ206157060”“客服微信：wenku8866”）。",
             why="范文网站的联系方式是典型的下载残留。",
             fix_safety="提供删除整行的修复，需人工确认。",
             examples=(Example(bad="客服微信：wenku8866", fixed=""),
                       Example(good="联系人：王明，联系电话：0571-12345678。")), **_COMMON)
WM003 = meta("WM003", "source-credit", "网站署名或来源链接",
             what="检查网站署名、来源和链接行（如“本文转载自XX范文网，原文链接：http://…”“更多精品资料请访问www.…com”）；"
                  "通知中作为内容引用的政府网站不报告。",
             why="网站署名不是公文内容，暴露了稿件的来源。",
             fix_safety="提供删除整行的修复，需人工确认。",
             examples=(Example(bad="更多精品资料请访问www.gwclk.com", fixed=""),
                       Example(good="具体办法详见市政府门户网站www.yunlan.gov.cn。")), **_COMMON)
WM005 = meta("WM005", "page-marker", "分页标记",
             what="检查从排版文档复制来的分页标记（如“第2页共9页”“— 2 —”）。",
             why="页码由排版生成（GB/T 9704-2012 7.5），混入正文的页码是复制残留。",
             fix_safety="提供删除整行的修复，需人工确认。",
             examples=(Example(bad="工作取得成效。\n第2页共7页\n下一步要继续努力。",
                               fixed="工作取得成效。\n下一步要继续努力。"),
                       Example(good="附件共3页，详见附件第2页。")), **_COMMON)
WM006 = meta("WM006", "download-prompt", "下载或字数提示",
             what="检查下载、付费和字数提示（如“全文约4300字，下载后可自由编辑”“试读结束”）；"
                  "作为内容说明的字数（“教材全文约12万字”）不报告。",
             why="下载提示说明稿件是从网站直接复制的，正文可能不完整。",
             fix_safety="提供删除整行的修复，需人工确认。",
             examples=(Example(bad="全文约3600字，下载后可编辑打印", fixed=""),
                       Example(good="该教材全文约12万字，分为十二章。")), **_COMMON)
WM007 = meta("WM007", "site-disclaimer", "网站免责声明",
             what="检查网站免责和版权声明（如“来源于网友上传，不代表本站观点”“版权归原作者所有”）。",
             why="免责声明是网站文字，不属于公文。",
             fix_safety="提供删除整行的修复，需人工确认。",
             examples=(Example(bad="（本文由公文材料库会员上传，版权归原作者所有）", fixed=""),
                       Example(good="本办法由市司法局负责解释。")), **_COMMON)
WM008 = meta("WM008", "invisible-junk", "不可见的垃圾字符",
             what="检查零宽空格、零宽连接符、字中 BOM 等不可见字符，以及换行被破坏后留下的“x0dx0a”。",
             why="不可见字符会干扰检索、比对和排版，常是网页复制或防复制手段留下的。",
             fix_safety="零宽字符的删除是安全修复（不改变可见文字）。",
             examples=(Example(bad="加强\u200b组织领导", fixed="加强组织领导"),
                       Example(good="加强组织领导")), **_COMMON)
WM009 = meta("WM009", "learned-leftover", "语料中学到的残留行",
             what="检查本单位约定配置（gwlint learn 生成）中记录的残留行和残留短语。",
             why="各单位常用的范文来源不同，从本单位语料学到的残留比内置词表更准。",
             fix_safety="提供删除整行的修复，需人工确认。",
             options="由 profile 配置项指定的约定文件提供（默认使用内置约定，它学自 corpus/seeds/）。", tags=("profile",),
             examples=(Example(bad="酷乐文行", fixed=""),
                       Example(good="下面，我讲几点意见。")), **_COMMON)
WM010 = meta("WM010", "inline-advert", "段落中插入的广告",
             what="检查插入在正文段落中的网站广告（如“【本文来自XX文库，更多精品范文请搜索…】”“（文档来源：范文之家fwzj.net）”），只标出插入的部分。",
             why="段中广告最容易在通读时被忽略。",
             fix_safety="提供删除插入文字的修复，需人工确认。",
             examples=(Example(bad="全年完成投资12亿元，同比增长8%。（来源：公文范文网gwfw888.com）下一步我们将继续努力。",
                               fixed="全年完成投资12亿元，同比增长8%。下一步我们将继续努力。"),
                       Example(good="全年完成投资12亿元（含中央预算内资金3亿元），同比增长8%。")), **_COMMON)


@checker(WM001, WM002, WM003, WM005, WM006, WM007, WM008, WM009, WM010)
def leftovers(doc, ctx):
    text = doc.text
    for code, span, whole in find_leftovers(doc, ctx.profile):
        snippet = text[span.start:span.end]
        if code == "WM008":
            shown = "x0dx0a" if snippet == "x0dx0a" else f"U+{ord(snippet):04X}"
            yield ctx.report(span, f"不可见的垃圾字符 {shown}，应删除", code=code,
                             fix=Fix.replace(span, "", "删除不可见字符"))
            continue
        if whole:
            fix = _line_fix(doc, doc.index.line_of(span.start))
        else:
            fix = Fix(title="删除插入的广告", edits=(Edit(span, ""),), applicability=Applicability.UNSAFE)
        yield ctx.report(span, _MESSAGES[code].format(t=_short(snippet)), code=code, fix=fix,
                         whole_line=whole)


RULES = (leftovers,)
