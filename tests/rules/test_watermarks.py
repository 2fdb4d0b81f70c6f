"""WM: watermark, advert and download leftovers. Invented adverts (other brands, QQ numbers,
domains than the evaluation drafts), the look-alikes a notice legitimately contains, the spans,
messages and fixes a user sees, learned leftovers, and the seed drafts."""
import re

import pytest

from gwlint.linter import Document, Linter
from gwlint.linter.config import Settings
from gwlint.linter.fixer import fix_text
from gwlint.linter.model import Applicability
from gwlint.linter.profile import EMPTY, Profile

from seedtruth import GT_WATERMARK, seed_docs

LINTER = Linter(Settings(select=("WM",)), profile=EMPTY)
NOTICE_HEAD = "关于做好有关工作的通知\n各单位：\n为做好有关工作，现通知如下，请认真贯彻落实。\n"
NOTICE_TAIL = "\n特此通知。\n"


def lint(text, path="draft.txt", linter=LINTER):
    return linter.lint(Document(text, path=path))


def found(text, path="draft.txt", linter=LINTER):
    return [(d.code, text[d.span.start:d.span.end]) for d in lint(text, path, linter)]


def in_notice(line):
    """The findings for ``line`` placed inside an ordinary notice."""
    text = NOTICE_HEAD + line + NOTICE_TAIL
    return [(d.code, text[d.span.start:d.span.end], d.whole_line) for d in lint(text)]


# --- whole-line leftovers, by kind ------------------------------------------------------------------
@pytest.mark.parametrize("line,code", [
    # banners and adverts
    ("仅供内部交流学习，禁止外传", "WM001"),
    ("【墨香文库】精品讲话稿，仅供学习参考", "WM001"),
    ("青藤材料网每日更新原创范文", "WM001"),
    ("会员专享：每年仅需199元，畅享全站材料", "WM001"),
    ("海量范文，尽在公文宝库", "WM001"),
    ("全网资源每日更新，海量精品范文免费下载", "WM001"),
    ("文档可编辑，欢迎下载收藏", "WM001"),
    ("点击查看更多>>", "WM001"),
    ("相关推荐：在全县工作会议上的讲话", "WM001"),
    # contact stamps
    ("墨客书斋整理，咨询QQ556677889", "WM002"),
    ("客服微信：moxiang2024", "WM002"),
    ("加微信moxiang88，领取全套材料", "WM002"),
    ("会员群：    免费QQ群：", "WM002"),
    ("代写材料请联系13912345678", "WM002"),
    ("手机：13912345678（微信同号）", "WM002"),
    # site credits, source URLs, upload metadata
    ("《在全市工作会议上的讲话》由互联网用户分享整理。文章地址:http://www.wsfw.cn/jh/123.html", "WM003"),
    ("来源：文思范文网 www.wsfww.com", "WM003"),
    ("本文转载自文思范文网，原文链接：http://www.wsfww.com/jh/123.html", "WM003"),
    ("更多精品资料请访问www.qtclw.net", "WM003"),
    ("稿子铺 www.gaozipu.com", "WM003"),
    ("http://www.bgwk.com/article/123.html", "WM003"),
    ("《讲话》由会员分享，可在线阅读，更多相关《讲话》请在墨香文库上搜索。", "WM003"),
    ("上传人：wenku88  文档编号：556677  上传时间：2023-05-01", "WM003"),
    ("发布时间：2023-05-01  浏览次数：1234", "WM003"),
    # pagination
    ("第2页共9页", "WM005"), ("第 3 页 / 共 12 页", "WM005"), ("共12页 第3页", "WM005"),
    ("— 2 —", "WM005"), ("- 12 -", "WM005"), ("—3—", "WM005"), ("· 5 ·", "WM005"), ("Page 3 of 12", "WM005"),
    # download, paywall and word-count prompts
    ("全文约5200字，VIP会员可免费下载", "WM006"),
    ("（全文约2600字，下载后可直接打印）", "WM006"),
    ("全文约4300字，请下载后阅读", "WM006"),
    ("本文共计3200字，阅读需要8分钟", "WM006"),
    ("试读结束，请登录后开通VIP查看和下载", "WM006"),
    ("全文预览已结束", "WM006"), ("下载本文档", "WM006"), ("【下载该文章】【会员注册】", "WM006"),
    ("本章未完，请点击下一页继续阅读", "WM006"),
    # disclaimers
    ("来源于网友上传，不代表本站观点，如有侵权请联系删除", "WM007"),
    ("（本文由青藤材料网会员上传，版权归原作者所有）", "WM007"),
    ("版权说明：本文档由用户提供并上传，收益归属内容提供方", "WM007"),
    ("本文档由墨香斋提供，仅供参考，请勿用于商业用途", "WM007"),
])
def test_leftover_lines(line, code):
    assert in_notice(line) == [(code, line, True)]


@pytest.mark.parametrize("line", [
    # a notice's own contact lines and official sites
    "联系人：王明，联系电话：0571-88886666，电子邮箱：ylrs@yunlan.gov.cn",
    "联系电话：010-12345678",
    "网址：www.yunlan.gov.cn",
    "企业官网：www.qinghefood.com",
    "详见市政府网站www.yunlan.gov.cn。",
    "详见中国政府网www.gov.cn。",
    "通过“学习强国”平台（www.xuexi.cn）学习。",
    "原文链接：https://www.gov.cn/zhengce/content/2024-01/01/content_123.htm",
    "相关表格可在市人社局网站（www.ylrs.gov.cn）下载。",
    "联系人：王明，电话：0571-88886666，QQ：123456789",
    "报名咨询QQ群：123456789",
    "值班手机：13912345678",
    "请拨打12345市民热线，或通过“云岚12345”微信公众号反映问题。",
    # page and length references that are content
    "附件共3页，详见附件第2页。",
    "该教材全文约12万字，分为十二章。",
    "全文共3章20条。",
    # genre lines
    "同志们：", "下面，我讲几点意见。", "谢谢大家！", "特此通知。",
    # advert vocabulary in real prose
    "欢迎关注“云岚发布”微信公众号，及时了解政策信息。",
    "请各单位提交可编辑的Word版本，并加盖公章。",
    "严厉打击倒卖车票、哄抬票价等违法行为。",
    "（二）打击倒卖文物行为",
    "本材料涉及工作秘密，严禁外传。",
    "对侵犯知识产权的行为，如有侵权，依法查处。",
    "广大工会会员群众积极参与，工会会员可免费参加健康体检。",
    "相关推荐材料请于3月10日前报送。",
    "资金来源：财政拨款",
    "文章来源：《求是》2024年第1期",
    "数据每日更新，实现信息实时共享。",
    "建设红色文库，丰富群众文化生活。",
    "以上意见仅供参考。",
    "统计局对数据进行整理发布，确保数据真实准确。",
    "整合全网资源，打造一站式服务平台。",
    "提供海量精品课程，满足群众学习需求。",
    "登录后查看办理进度。",
    "扫描二维码关注",
    "要坚持以人民为中心的创作导向，推出更多精品力作，创作更多原创作品，不断满足人民群众日益增长的精神文化需求，"
    "全市文艺工作者要深入生活、扎根人民，创作出无愧于时代的优秀作品，为建设文化强市作出贡献。",
    "要鼓励全民阅读，倡导每天阅读30分钟，营造书香社会氛围，各级图书馆要延长开放时间，丰富馆藏资源，为群众提供更加"
    "便捷的阅读服务，持续推动全民阅读活动深入开展，取得实实在在的成效。",
    "群众可扫码关注“云岚人社”公众号，获取更多政策资讯，也可拨打12333热线咨询。各级人社部门要做好政策宣传解读工作，"
    "确保政策知晓率不断提升，让群众少跑腿、好办事，切实增强获得感。",
    "要防止保障性住房二次倒卖，严格落实五年限售规定，对违规出售的依法依规严肃处理，切实维护住房保障制度的公平性和严肃性，"
    "各区县要加强日常巡查，建立健全长效机制，确保各项政策措施落地见效。",
    # ASCII that is no jammer
    "GDP, CPI, PPI",
    "I, II, III, IV",
    "A. B. C. D.",
])
def test_content_is_not_a_leftover(line):
    assert in_notice(line) == []


# --- blocks ----------------------------------------------------------------------------------------
BANNER = ("仅供学习 禁止外传\n云笺阁\n原创首发、每日更新\n根据实际需求不断迭代\n会员群：      免费QQ群：\n"
          "在全县工作会议上的讲话\n同志们：\n今天我们召开会议，部署下一阶段工作。\n谢谢大家！\n"
          "云笺阁整理，咨询QQ318820456\n")


def test_a_header_block_is_flagged_line_by_line_and_the_title_is_kept():
    assert [(c, s) for c, s in found(BANNER)] == [
        ("WM001", "仅供学习 禁止外传"), ("WM004", "云笺阁"), ("WM001", "原创首发、每日更新"),
        ("WM004", "根据实际需求不断迭代"), ("WM002", "会员群：      免费QQ群："),
        ("WM002", "云笺阁整理，咨询QQ318820456")]


def test_deleting_the_flagged_lines_leaves_the_draft():
    doc = Document(BANNER, path="draft.txt")
    outcome = fix_text(LINTER, doc, unsafe=True)
    assert outcome.text == "在全县工作会议上的讲话\n同志们：\n今天我们召开会议，部署下一阶段工作。\n谢谢大家！\n"


def test_line_findings_cover_the_line_content_and_fix_the_whole_line():
    text = "正文第一段。\n  第2页共9页\u3000\n正文第二段。\n"
    (d,) = lint(text)
    assert d.code == "WM005" and d.whole_line and text[d.span.start:d.span.end] == "第2页共9页"
    assert d.fix.applicability is Applicability.UNSAFE and d.fix.title == "删除整行"
    (edit,) = d.fix.edits
    assert text[edit.span.start:edit.span.end] == "  第2页共9页\u3000\n"
    assert d.message == "分页标记“第2页共9页”：页码由排版生成（GB/T 9704-2012 7.5），正文中应删除"


def test_the_last_line_takes_the_line_break_before_it():
    text = "谢谢大家！\r\n墨客书斋整理，咨询QQ556677889"
    (d,) = lint(text)
    assert fix_text(LINTER, Document(text), unsafe=True).text == "谢谢大家！"
    assert d.code == "WM002"


def test_structure_lines_next_to_a_banner_are_kept():
    text = ("仅供学习 禁止外传\n墨香阁\n坚定信心 真抓实干\n在全县经济工作会议上的讲话\n同志们：\n今天召开会议。\n"
            "谢谢大家！\n云岚市人民政府办公室\n2024年3月1日\n本文由墨香阁整理发布，转载请注明出处\n")
    assert found(text) == [("WM001", "仅供学习 禁止外传"), ("WM004", "墨香阁"),
                           ("WM003", "本文由墨香阁整理发布，转载请注明出处")]


def test_a_brand_named_in_a_stamp_is_flagged_where_it_recurs_alone():
    text = ("墨香阁整理，咨询QQ556677889\n关于加强安全生产工作的通知\n各乡镇人民政府：\n为加强安全生产工作，现通知如下。\n"
            "一、提高认识\n各地要高度重视。\n墨香阁\n")
    assert found(text) == [("WM002", "墨香阁整理，咨询QQ556677889"), ("WM004", "墨香阁")]


def test_reference_only_in_an_advert_block():
    assert found("会议材料\n仅供参考\n") == []
    assert found("【墨香文库】精品讲话稿，禁止外传\n仅供参考\n在全县工作会议上的讲话\n") == [
        ("WM001", "【墨香文库】精品讲话稿，禁止外传"), ("WM004", "仅供参考")]


# --- adverts inserted in a paragraph -----------------------------------------------------------------
PARA = "今年以来，全市上下共同努力，取得了显著成效，经济运行稳中有进，全年完成投资12亿元，同比增长8%。"
MORE = "下一步，我们将继续努力，确保完成全年目标任务，为全省大局作出新的更大贡献。"


@pytest.mark.parametrize("insert,code", [
    ("【更多精品范文请关注公众号：笔杆驿站】", "WM010"),
    ("（本文由墨香文库整理，咨询QQ556677889）", "WM010"),
    ("（文档来源：墨香文库mxwk.net）", "WM010"),
    ("更多精品范文请关注公众号“笔杆驿站”。", "WM010"),
    ("第3页共12页", "WM005"),
])
@pytest.mark.parametrize("long", [False, True])
def test_only_the_inserted_text_is_flagged(insert, code, long):
    text = (PARA * (3 if long else 1)) + insert + MORE
    (d,) = lint(text)
    assert (d.code, text[d.span.start:d.span.end], d.whole_line) == (code, insert, False)
    assert d.fix.applicability is Applicability.UNSAFE
    assert fix_text(LINTER, Document(text), unsafe=True).text == (PARA * (3 if long else 1)) + MORE


def test_brackets_of_content_are_not_adverts():
    assert found("全年完成投资12亿元（含中央预算内资金3亿元），同比增长8%（来源：市统计局）。") == []


# --- invisible junk ---------------------------------------------------------------------------------
@pytest.mark.parametrize("ch,name", [("\u200b", "零宽空格"), ("\u200c", "零宽非连接符"), ("\u200d", "零宽连接符"),
                                     ("\u2060", "词连接符"), ("\ufeff", "零宽不换行空格（BOM）"), ("\u00ad", "软连字符"),
                                     ("\u202e", "不可见控制字符")])
def test_invisible_characters_have_a_safe_fix(ch, name):
    text = f"加强{ch}组织领导"
    (d,) = lint(text)
    assert d.code == "WM008" and d.span.end - d.span.start == 1 and not d.whole_line
    assert d.message == f"不可见字符 U+{ord(ch):04X}（{name}），应删除"
    assert d.fix.applicability is Applicability.SAFE
    assert fix_text(LINTER, Document(text)).text == "加强组织领导"


def test_a_bom_at_the_start_and_emoji_joiners_are_not_junk():
    assert found("\ufeff关于做好工作的通知") == []
    assert found("点赞\U0001F468\u200d\U0001F469\u200d\U0001F467") == []


def test_mangled_line_breaks():
    text = "加强组织领导，x0dx0a确保工作落实。"
    (d,) = lint(text)
    assert (d.code, text[d.span.start:d.span.end]) == ("WM008", "x0dx0a")
    assert d.fix.applicability is Applicability.UNSAFE
    assert fix_text(LINTER, Document(text), unsafe=True).text == "加强组织领导，\n确保工作落实。"


def test_jammer_lines():
    text = "今天召开会议。\n% H, N8 ]: q: }. q!\n部署下一阶段工作。\n"
    (d,) = lint(text)
    assert (d.code, text[d.span.start:d.span.end], d.whole_line) == ("WM008", "% H, N8 ]: q: }. q!", True)


# --- Markdown ------------------------------------------------------------------------------------------
def test_markdown_links_to_official_sites_and_code_are_content():
    text = ("# 通知\n\n详见[云岚市人民政府门户网站](https://www.yunlan.gov.cn)。\n\n"
            "```\n仅供学习 禁止外传\n```\n\n**仅供学习 禁止外传**\n")
    assert found(text, path="draft.md") == [("WM001", "仅供学习 禁止外传")]


# --- learned leftovers ---------------------------------------------------------------------------------
PROFILE = Profile(leftover_lines=("云笺阁", "根据实际需求和形式任务不断迭代"), leftover_phrases=("云笺阁",), source="test")
PROFILE_LINTER = Linter(Settings(select=("WM",)), profile=PROFILE)


def test_learned_lines_match_whatever_the_white_space():
    text = "根据实际需求和 形式任务不断迭代\n云\u3000笺\u00a0阁\n今天召开会议，部署工作。\n"
    assert found(text, linter=PROFILE_LINTER) == [("WM009", "根据实际需求和 形式任务不断迭代"), ("WM009", "云\u3000笺\u00a0阁")]
    assert found(text) == []                       # without the profile these lines are not known


def test_a_learned_phrase_inside_a_paragraph_is_flagged_alone():
    text = PARA + "云笺阁" + MORE
    assert [(d.code, text[d.span.start:d.span.end], d.whole_line) for d in lint(text, linter=PROFILE_LINTER)] == [
        ("WM009", "云笺阁", False)]


def test_the_default_profile_knows_the_seed_brand():
    assert [(d.code, d.whole_line) for d in Linter(Settings(select=("WM",))).lint(Document("酷乐文行\n"))] == [
        ("WM009", True)]


# --- the seeds: every leftover line the ground truth lists, and nothing else -----------------------------
@pytest.mark.parametrize("linter", [LINTER, Linter(Settings(select=("WM",)))], ids=["no-profile", "default-profile"])
@pytest.mark.parametrize("name,doc", list(seed_docs()), ids=lambda v: v if isinstance(v, str) else "")
def test_seed_leftovers_are_exactly_the_listed_lines(name, doc, linter):
    diags = linter.lint(doc)
    expected = {i for i, line in enumerate(doc.text.split("\n")) if GT_WATERMARK.search(line)}
    got = {doc.index.line_of(d.span.start) for d in diags}
    assert got == expected
    assert all(d.whole_line for d in diags)


@pytest.mark.parametrize("line,code", [("（第2页）", "WM005"), ("【第 3 页 共 9 页】", "WM005"),
                                       ("（全文约3000字）", "WM006"), ("本文共计1800字。", "WM006")])
def test_bracketed_page_markers_and_bare_word_counts(line, code):
    assert in_notice(line) == [(code, line, True)]


def test_every_lexicon_pattern_is_reached_by_the_trigger_scan():
    from gwlint.rules import watermarks as wm
    for entry in wm._LEXICON:
        if entry.section != "weak" and re.escape(wm._unescape(entry.pattern)) != entry.pattern:
            assert wm._literal_prefixes(entry.pattern), entry.pattern


def test_a_site_name_from_a_credit_is_flagged_where_it_stands_alone():
    # (a line that is only a 范文网's name is an advert by itself: this brand is a 文库)
    text = ("本资料来源于写写帮文库，仅供参考\n关于加强安全生产工作的通知\n各乡镇人民政府：\n为加强安全生产工作，现通知如下。\n"
            "一、提高认识\n各地要高度重视，写写帮文库的材料不能照搬。\n特此通知。\n\n写写帮文库\n")
    assert found(text) == [("WM003", "本资料来源于写写帮文库，仅供参考"), ("WM004", "写写帮文库")]


def test_a_news_subtitle_next_to_page_chrome_is_content():
    text = ("相关阅读\n\n2025年06月10日\n区政府常务会议召开\n宋华东主持\n本文字数：516\n"
            "6月6日，区政府第70次常务会议召开。区长宋华东主持会议。\n")
    assert found(text) == [("WM001", "相关阅读"), ("WM003", "本文字数：516")]


# --- web pages: portal metadata, breadcrumbs, page chrome, 范文-site phrases ----------------------------
@pytest.mark.parametrize("line,code", [
    # breadcrumbs and page chrome
    ("返回顶部", "WM001"),
    ("首页 > 心得范文 > 干部培训心得体会：政治理论学习永无止境 >", "WM001"),
    ("首页 >> 公开信息内容", "WM001"),
    ("网站首页 » 信息公开 » 通知公告", "WM001"),
    ("当前位置：首页 > 政务公开 > 政策文件", "WM001"),
    ("您现在的位置：首页 › 新闻中心", "WM001"),
    ("您现在的位置是：首页 > 新闻", "WM001"),
    ("字号：大 中 小 【打印】 【关闭】", "WM001"),
    ("加入收藏 设为首页", "WM001"),
    ("共产党员网来稿 打印 纠错 投稿须知 投稿", "WM001"),
    ("微信扫一扫 ×", "WM001"),
    ("【打印本页】 【关闭窗口】", "WM001"),
    ("相关解读：新城区政府召开2024年第18次常务会议图解", "WM001"),
    ("相关新闻：我市召开安全生产工作会议", "WM001"),
    # 范文-site phrases and collection markers
    ("以下是小编为大家整理的工作方案5篇，仅供参考，欢迎大家阅读。", "WM001"),
    ("简介：写写帮文库小编为你整理了多篇相关的《工作通知》，但愿对你工作学习有帮助。", "WM001"),
    ("实施方案最新10篇", "WM001"),
    ("有关工作方案模板汇总5篇", "WM001"),
    ("申请办公经费请示格式范文（通用4篇）", "WM001"),
    ("抗旱请求上级拨款的请示范文 第1篇", "WM001"),
    ("篇一：函的范文", "WM001"),
    ("因篇幅问题不能全部显示，请点此查看更多更全内容", "WM006"),
    # upload and portal metadata on one line
    ("更新时间：2018-06-28 14:22作者：三水老师", "WM003"),
    ("2016-12-13 06:28:00 来源网站：百味书屋", "WM003"),
    ("索引号：11532323015172622Y-/2018-1220012 公文目录：应急管理 发文日期：2017年06月28日", "WM003"),
    ("索引号： | GS5183/2020-771 | 部门： | 中川镇 |", "WM003"),
    # from the second audit of real pages: portal fields, paywalls, forum and page chrome, spam
    ("信息分类：其他有关文件 | 责任部门：区政府办 | 文件编号：区府办字〔2012〕142号 | 公开方式：主动公开 |", "WM003"),
    ("关键词：会议纪要 来源：汉字笔顺查询 浏览：15次 时间：2022-07-04", "WM003"),
    ("来源：文成新闻网", "WM003"),
    ("（未完，全文共1662字，当前显示422字）", "WM006"),
    ("（想阅读完全部图文内容，您需要先登陆！）", "WM006"),
    ("阅读全文", "WM006"),
    ("（请认真阅读下面的提示信息）", "WM006"),
    ("正文复制", "WM001"),
    ("留言与评论（共有 0 条评论）", "WM001"),
    ("验证码：", "WM001"),
    ("用户登录", "WM001"),
    ("还没有账号？立即注册", "WM001"),
    ("[复制链接]", "WM001"),
    ("老秘在线 发表于 2011-11-28 08:13:05 | 显示全部楼层 |阅读模式", "WM001"),
    ("微信扫一扫在手机阅读、分享本文", "WM001"),
    ("欢迎来到瑞文网！", "WM001"),
    ("格言网工作总结频道为大家整理的园林局年终工作总结，供大家阅读参考。更多阅读请查看本站工作总结频道。", "WM001"),
    ("亚洲综合专区|伊人久久大香线蕉|欧美视频网站", "WM001"),
    ("汉字笔顺查询网 » 汉字文化 » 汉字知识 » 会议纪要写作的格式要求", "WM001"),
    ("小学年度教育工会工作总结优秀13篇", "WM001"),
    ("小学年度教育工会工作总结优秀13篇1-10-49", "WM001"),
    ("小学学校工会工作总结 篇一", "WM001"),
    ("关于批复范文 篇2", "WM001"),
    ("1. 主页 > 知识大全 >", "WM001"),
    ("位置:首頁 > 行政範文 > 請示", "WM001"),
    # from the third audit: 范文-site promotion, gambling spam, portal and newspaper chrome
    ("城管局副局长述职报告范文五篇-欧洲杯买球平台", "WM001"),
    ("2022-11-08 欧洲杯买球平台的版权声明", "WM001"),
    ("三味园范文网", "WM001"),
    ("预览结束，免费获取全文或定制代笔此类文章！", "WM006"),
    ("请点击👉 mbgs777 👈联系老师", "WM001"),
    ("下载后可任意编辑", "WM001"),
    ("扫一扫手机阅读", "WM001"),
    ("手机扫一扫在手机上浏览", "WM001"),
    ("来源：岳阳市政府门户网　日期：2017-01-12 17:08　字号：【", "WM003"),
    ("视力保护色：", "WM003"),
    ("本文字数：516", "WM003"),
    ("网站标识码：4404030001", "WM003"),
    ("征集状态：已结束", "WM003"),
    ("（撰稿人：邓亮　审稿人：何宏伟）", "WM003"),
    ("已结束　查看征集结果", "WM001"),
    ("©原创　01-19 21:07　云上鄂州", "WM001"),
    ("相关阅读", "WM001"),
    ("互联网违法和不良信息举报电话：2780091　网站地图　政务邮箱　联系我们　网站标识码：4404030001　备案号：粤ICP备05026010号 |", "WM003"),
])
def test_web_page_leftover_lines(line, code):
    assert in_notice(line) == [(code, line, True)]


@pytest.mark.parametrize("line", [
    # a notice's own contact, date and label lines
    "联系人：张三，联系电话：0571-12345678。",
    "联系人：张三  联系电话：0571-12345678",
    "发布日期：2024年5月6日",
    "本通知自发布日期起施行，有效期为两年。",
    "一、主题分类",
    "一、主题分类：按照国务院公文主题词表进行分类",
    "项目简介：本项目总投资1.2亿元，建设期两年。",
    "数据来源：市统计局，更新时间：2024年6月30日",
    "系统数据更新时间为每日18时。",
    "公开方式：主动公开",
    "数据质量：准确性：高 有效性：高 时效性：中",
    "准确性：高\n有效性：高\n时效性：中",
    "主题词：安全生产 通知",
    # 打印, 关闭, 扫一扫 in sentences and office lists
    "请各单位打印文件后签字盖章，于5月10日前报送。",
    "为各科室配备打印机2台、复印机1台。",
    "打印 复印 扫描 传真",
    "依法关闭不符合安全生产条件的企业。",
    "群众可用手机扫一扫二维码，在线提交办理申请。",
    # 小编, 篇一, 首页 and 相关 in prose
    "报社小编深入基层一线，采写了一批有温度的新闻稿件。",
    "新媒体中心的小编们加班加点，做好宣传报道工作。",
    "全书分为三篇，篇一为总论，篇二为分论，篇三为附录。",
    "从各地报送的调研报告中精选10篇优秀成果，汇编成册。",
    "规划纲要共分十二篇，第一篇为总体要求。",
    "门户网站首页要设置“通知公告”栏目，及时发布政务信息。",
    "首页：设置要闻动态、通知公告、政策文件等栏目。",
    "相关链接材料请于3月10日前报送。",
    "因篇幅所限，具体数据见附件。",
    "当前位置：东经120度，北纬22度",
    "当前位置：东经120度",
    "位置：东经120度，北纬22度",
    "位置：县城东南5公里处",
    "本书共三篇 篇一至篇三依次论述",
    "第二部分　篇目安排",
    "1. 主页设计要简洁",
    "1. 打印文件",
    "关闭 打开",
    "个别单位存在隐藏问题、瞒报数据的情况。",
    # the second audit's phrases in prose and in a 版记
    "公开方式：主动公开  公开范围：面向社会",
    "关键词：乡村振兴",
    "来源：国家统计局网站发布的数据显示，全年粮食产量稳中有增。",
    "我讲几点意见，供大家参考。",
    "请各位代表阅读全文后提出修改意见。",
    "阅读全文件",
    "用户登录系统后，在“办事指南”栏目填写申请。",
    "验证码：请输入短信验证码完成身份认证。",
    "欢迎来到我县考察指导！",
    "欢迎来到新城区！",
    "为大家整理的学习资料已发到各支部。",
    "请关注县政府门户网站和微信公众号。",
    # the third audit's words in prose
    "依法打击网络赌博、跨境赌博等违法犯罪活动。",
    "严禁找人代笔撰写述职报告。",
    "学生在校期间遇到困难，可随时联系老师。",
    "扫一扫二维码，即可在线办理。",
    "要开通违法和不良信息举报电话，及时受理群众举报。",
    "归档时间：每年3月底前完成上年度文件归档。",
    "信息来源：各乡镇每月5日前报送。",
    "第一版印刷2000册，第二版印刷3000册。",
    "撰稿人要对稿件内容负责。",
    "发文字号：县政发〔2024〕12号",
    "我县被评为全省范文网点建设示范县。",
])
def test_web_page_look_alikes_are_content(line):
    assert in_notice(line) == []


PORTAL = ("返回顶部\n\n镇巴县人民政府工作规则\n\n  • 索引号:\n\n    6107280000/2024-001005\n  • 主题分类:\n\n  • 来源:\n\n"
          "  • 发文机构:\n\n    县政府网站\n  • 发文字号:\n\n    镇政发〔2024〕7号\n  • 发文日期:\n\n    2024年04月06日 16:40\n"
          "  • 有效性:\n\n  • 发布日期:\n\n    2024年04月06日 16:34\n  • 内容概述:\n\n镇巴县人民政府工作规则\n\n第一章 总则\n\n"
          "第一条 为规范县政府工作，制定本规则。\n")


def test_a_portal_header_written_one_field_per_line_is_flagged_with_its_values():
    got = found(PORTAL)
    assert got[0] == ("WM001", "返回顶部")
    assert [s for _, s in got[1:]] == [
        "• 索引号:", "6107280000/2024-001005", "• 主题分类:", "• 来源:", "• 发文机构:", "县政府网站", "• 发文字号:",
        "镇政发〔2024〕7号", "• 发文日期:", "2024年04月06日 16:40", "• 有效性:", "• 发布日期:", "2024年04月06日 16:34",
        "• 内容概述:"]
    assert {c for c, _ in got[1:]} == {"WM003"}
    doc = Document(PORTAL, path="draft.txt")
    assert doc.structure.salutation is None          # "• 索引号:" is no 主送机关
    fixed = fix_text(LINTER, doc, unsafe=True).text
    assert fixed.lstrip().startswith("镇巴县人民政府工作规则") and "索引号" not in fixed and "第一条" in fixed


def test_a_portal_header_as_a_list_and_as_a_table():
    text = ("预算绩效管理\n- 索引号: zsjfzzx/2025-00002\n- 发布机构: 红河州数据发展中心\n- 文号:\n- 发布日期: 2025-04-29\n"
            "- 时效性: 有效\n红河州数据发展中心2024年度项目支出绩效单位自评报告\n一、基本情况\n2024年，中心实施项目15个。\n")
    assert [s for _, s in found(text)] == ["预算绩效管理", "- 索引号: zsjfzzx/2025-00002", "- 发布机构: 红河州数据发展中心",
                                            "- 文号:", "- 发布日期: 2025-04-29", "- 时效性: 有效"]
    table = ("关于上报督查情况通报的整改报告\n索引号: | GS5183/2020-771 | 部门: | 中川镇 |\n---|---|---|---|\n"
             "栏目: | 部门文件 | 来源: | 中川镇 |\n作者: | 日期: | 2020-10-20 |\n县全域无垃圾专项治理办公室:\n针对督查出的问题，"
             "镇党委、政府高度重视，立即组织整改。\n")
    assert [c for c, _ in found(table)] == ["WM003"] * 4


@pytest.mark.parametrize("text", [
    # a meeting notice's own label lines
    "关于召开安全生产工作会议的通知\n各单位：\n现将有关事项通知如下：\n会议时间：2024年5月8日上午9时\n会议地点：县政府三楼会议室\n"
    "参会人员：各乡镇分管负责同志\n联系人：张三\n联系电话：0571-12345678\n日期：2024年5月6日\n",
    # a reply slip with 部门 / 日期 / 来源 fields, but no portal label
    "参会回执\n单位：\n部门：\n姓名：\n日期：\n信息来源：\n",
    # a 政务公开 plan that names the fields in sentences
    "政务公开工作方案\n一、规范公开要素\n索引号：按照统一规则编制，不得重复。\n主题分类：按照国务院公文主题分类标注。\n"
    "发布机构：填写信息的制作机关。\n发布日期：填写信息的公开日期。\n",
])
def test_label_lines_of_a_real_document_are_not_a_portal_header(text):
    assert found(text) == []


def test_a_hidden_text_marker_is_flagged_alone_inside_the_paragraph():
    text = (PARA + "每年9月底，按要求比例申报，……此处隐藏4926个字……业局牵头协调指导服务认种树木活动。" + MORE)
    (d,) = lint(text)
    assert (d.code, text[d.span.start:d.span.end], d.whole_line) == ("WM006", "……此处隐藏4926个字……", False)
    assert d.message == "下载、付费或字数提示：“……此处隐藏4926个字……”，应删除；正文可能不完整，请核对"
    assert d.fix.title == "删除提示文字" and d.fix.applicability is Applicability.UNSAFE
    assert in_notice("……此处隐藏1200个字……") == [("WM006", "……此处隐藏1200个字……", True)]


def test_a_title_field_glued_to_the_text_is_flagged_with_the_site_copy_of_the_title():
    text = ("县长在县经济工作会议上的讲话 文章标题:县长在县经济工作会议上的讲话 同志们: 这次全县经济工作会议，是在新年伊始，"
            "县委、县政府决定召开的一次非常重要的会议。会议的主要任务是，深入贯彻省委、市委经济工作会议精神。" * 2)
    (d,) = lint(text)
    assert (d.code, text[d.span.start:d.span.end], d.whole_line) == ("WM010", "县长在县经济工作会议上的讲话 文章标题:", False)
    assert fix_text(LINTER, Document(text), unsafe=True).text.startswith("县长在县经济工作会议上的讲话 同志们:")


def test_a_real_title_between_a_banner_and_a_portal_header_is_kept():
    assert ("WM004", "镇巴县人民政府工作规则") not in found(PORTAL)


def test_prefiltered_trigger_scan_finds_exactly_what_the_trigger_pattern_finds():
    # the fast scan (a character-class prefilter, then the trigger pattern confirms) must give
    # the same matches as scanning with the trigger pattern itself, on text dense with near-misses
    import random
    from gwlint.rules import watermarks as wm
    words = sorted(wm._TRIGGER_WORDS)
    trigger = re.compile(wm._TRIGGER)
    rng = random.Random(20261203)
    # (word counts and single-character words next to longer ones: 3字, 4个字, 字号, 篇一, 篇)
    pieces = words + [w[:-1] for w in words if len(w) > 1] + list("全实不会人的，。 \n\u3000Xx0字1２万个篇>") \
        + ["3字", "4个字", "5 字"]
    for _ in range(600):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 40)))
        fast = [(start, end) for start, end, _ in wm._trigger_matches(text)]
        plain = [(m.start(), m.end()) for m in trigger.finditer(text)]
        assert fast == plain, text


def test_phrase_scans_find_what_the_plain_alternations_find():
    # the judge's phrase scans (two-character prefilter, or first characters on a line with a lone
    # character such as »): the same leftmost match and the same non-overlapping matches
    import random
    from gwlint.rules import watermarks as wm
    rng = random.Random(20261203)
    pieces = [wm._unescape(e.pattern) for e in wm._LEXICON] + list("全实不会人的，。 \n\u3000xq0»>网站文库")
    for scan in (wm._STRONG_ANY, wm._SIGNALS):
        plain = re.compile(scan.source)
        for _ in range(300):
            s = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 8))).lower()
            m, p = scan.search(s), plain.search(s)
            assert (m and (m.lastgroup, m.start(m.lastgroup))) == (p and (p.lastgroup, p.start())), s
            assert list(scan.finditer(s)) == [(p.lastgroup, p.start(), p.group()) for p in plain.finditer(s)], s


def _first_characters(pattern):
    """The characters a match of ``pattern`` can start with (read from its parse)."""
    from gwlint.linter.packs.kinds import _first_items, _sre, _sre_parse
    items, empty = _first_items(_sre_parse.parse(pattern.pattern))
    assert not empty and all(op is _sre.LITERAL for op, _ in items)
    return {chr(av) for _, av in items}


def test_hand_written_first_character_gates_match_their_patterns():
    # the judge tries _PAGE_LINE only on a line starting with one of these, and _inserted tries
    # _BRACKETED only on a segment holding one: a character added to a pattern must be added there
    from gwlint.rules import watermarks as wm
    assert wm._PAGE_LINE_FIRST == _first_characters(wm._PAGE_LINE)
    assert {c for c in "（【([" if wm._has_bracket(c)} == _first_characters(wm._BRACKETED)
