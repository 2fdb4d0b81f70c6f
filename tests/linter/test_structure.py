"""Structure recognition (gwlint.linter.structure): headings with their level, form, ordinal
and run-in span; the look-alikes that are not headings; enumerations; title, salutation,
signature, date and line kinds; encodings and line endings."""
import os

import pytest

from gwlint.linter import Document
from gwlint.linter.source import read_source
from gwlint.linter.structure import (EnumItem, Heading, Structure, analyze, cn_numeral, cn_to_int,
                                     ordinal_token, standard_token)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EVAL = os.path.join(os.path.dirname(ROOT), "shared", "eval", "docs")


def _doc(text, path="draft.txt"):
    return Document(text, path=path)


def _s(doc, span):
    return None if span is None else doc.text[span.start:span.end]


def _heads(text, path="draft.txt"):
    doc = _doc(text, path)
    return doc, doc.structure.headings


def _ords(text, path="draft.txt"):
    doc, hs = _heads(text, path)
    return [_s(doc, h.ordinal) for h in hs]


# --------------------------------------------------------------------------- numerals
@pytest.mark.parametrize("s,n", [("一", 1), ("十", 10), ("十二", 12), ("二十", 20), ("二十三", 23), ("九十九", 99),
                                 ("", None), ("百", None), ("十二三", None)])
def test_cn_to_int(s, n):
    assert cn_to_int(s) == n


@pytest.mark.parametrize("n,s", [(1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (34, "三十四")])
def test_cn_numeral_round_trip(n, s):
    assert cn_numeral(n) == s and cn_to_int(s) == n


def test_tokens():
    assert standard_token(1, 3) == "三、" and standard_token(2, 12) == "（十二）"
    assert standard_token(3, 4) == "4." and standard_token(4, 2) == "（2）"
    assert standard_token(-1, 3, "第一章") == "第三章"
    assert ordinal_token("1、", 4) == "4、" and ordinal_token("（一）", 2) == "（二）" and ordinal_token("１．", 3) == "３．"


# --------------------------------------------------------------------------- headings
def test_heading_fields_for_each_standard_level():
    doc, hs = _heads("一、总体要求\n（一）指导思想\n1.坚持党的领导\n（1）强化责任\n")
    assert [h.style for h in hs] == ["一、", "（一）", "1.", "（1）"]
    assert [h.level for h in hs] == [1, 2, 3, 4]
    assert [h.depth for h in hs] == [1, 2, 3, 4]
    assert [h.line for h in hs] == [0, 1, 2, 3]
    assert [h.number for h in hs] == [1, 1, 1, 1]
    assert all(isinstance(h, Heading) and h.standard and not h.run_in and h.md_level is None for h in hs)
    assert [h.title_text for h in hs] == ["总体要求", "指导思想", "坚持党的领导", "强化责任"]
    assert _s(doc, hs[1].span) == "（一）指导思想"


def test_heading_is_frozen():
    _, hs = _heads("一、总体要求")
    with pytest.raises(Exception):
        hs[0].number = 2


@pytest.mark.parametrize("line,ordinal,style,level,number", [
    ("(一)加强组织领导", "(一)", "(一)", 2, 1),
    ("（三）、趣味项目", "（三）、", "（一）、", 2, 3),
    ("１．开展排查", "１．", "１．", 3, 1),
    ("1．开展排查", "1．", "1．", 3, 1),
    ("二.压实责任", "二.", "一.", 1, 2),
    ("三，凝聚合力", "三，", "一，", 1, 3),
    ("3、抓好招商", "3、", "1、", 3, 3),
    ("3）代为查询", "3）", "1）", 4, 3),
    ("(2)协助办理", "(2)", "(1)", 4, 2),
    ("十二、其他事项", "十二、", "一、", 1, 12),
    ("（十一）其他", "（十一）", "（一）", 2, 11),
    ("第三部分 下步打算", "第三部分", "第一部分", -2, 3),
    ("第二章 职责", "第二章", "第一章", -1, 2),
    ("第一节 范围", "第一节", "第一节", 0, 1),
])
def test_faulty_and_other_forms(line, ordinal, style, level, number):
    doc, hs = _heads(line)
    assert len(hs) == 1
    h = hs[0]
    assert (_s(doc, h.ordinal), h.style, h.level, h.number) == (ordinal, style, level, number)


def test_run_in_heading_span_ends_at_first_sentence_mark():
    text = "一、观大势、比不足，切实增强使命感。奋力追赶，才能后来居上。\n（二）稳住工业经济基本盘！全年目标不变。"
    doc, hs = _heads(text)
    assert [h.run_in for h in hs] == [True, True]
    assert _s(doc, hs[0].span) == "一、观大势、比不足，切实增强使命感。"
    assert hs[0].title_text == "观大势、比不足，切实增强使命感"
    assert _s(doc, hs[1].span) == "（二）稳住工业经济基本盘！"


def test_standalone_heading_span_is_the_line_without_trailing_space():
    doc, hs = _heads("　　一、在思想认识上再聚焦\u00a0 \n正文。")
    assert not hs[0].run_in
    assert _s(doc, hs[0].span) == "一、在思想认识上再聚焦"
    assert _s(doc, hs[0].ordinal) == "一、"


def test_heading_ending_in_full_stop_without_body_is_not_run_in():
    doc, hs = _heads("（一）主要指标运行平稳。\n")
    assert not hs[0].run_in and _s(doc, hs[0].span) == "（一）主要指标运行平稳。"


def test_depth_follows_the_document_not_the_form():
    _, hs = _heads("一、总体要求\n（1）完成改造\n1.开展排查\n二、重点任务\n")
    assert [h.level for h in hs] == [1, 4, 3, 1]
    assert [h.depth for h in hs] == [1, 2, 2, 1]


def test_chapters_and_sections_nest():
    _, hs = _heads("第一章 总则\n第一节 范围\n第二节 定义\n第二章 职责\n一、部门职责\n")
    assert [h.level for h in hs] == [-1, 0, 0, -1, 1]
    assert [h.depth for h in hs] == [1, 2, 2, 1, 2]


@pytest.mark.parametrize("text", [
    "1.5亿元的资金已经到位。",
    "2024年，全市经济运行平稳。",
    "12.30前完成报送。",
    "7.1建党节前完成。",
    "1、2号楼已封顶。",
    "3、4月份完成验收。",
    "一、二级医院要落实分级诊疗。",
    "一、二、三等奖分别奖励1000元、500元、300元。",
    "2024年7月5日",
    "（一）",
    "一、",
    "第一条 为了规范工作，制定本办法。",
    "第一要务是发展。",
    "二〇二四年七月五日",
    "（2024年7月5日）",
    "1\t道路改造\t住建局",
    "1.  道路改造    住建局    2024年",
])
def test_look_alikes_are_not_headings(text):
    assert _ords(text) == []


def test_numbered_heading_starting_with_a_year_is_a_heading():
    assert _ords("1.2023年完成情况\n2.2024年工作计划\n一、2024年工作回顾") == ["1.", "2.", "一、"]


def test_chinese_range_is_kept_where_it_fits_the_sequence():
    # "二、三农工作" reads like a range (二三) but continues 一、: a heading
    assert _ords("一、总体要求\n二、三农工作再上新台阶\n三、保障措施") == ["一、", "二、", "三、"]
    # "三、四月份是关键期" after 一、 does not fit (二、 is expected): not a heading
    assert _ords("一、总体要求\n三、四月份是关键期。\n二、重点任务") == ["一、", "二、"]


def test_attachment_lists_are_not_headings():
    assert _ords("一、总体要求\n附件：1.参会回执\n      2.报名表\n二、重点任务") == ["一、", "二、"]
    assert _ords("附件：\n1.参会回执\n2.报名表\n3.日程安排") == []
    assert _ords("附件1：\n1.参会回执\n2.报名表") == []


def test_markdown_headings_and_tables():
    text = ("# 关于开展检查的通知\n\n## **一、总体要求**\n\n### （一）指导思想\n\n正文。\n\n"
            "| 序号 | 内容 |\n| --- | --- |\n| 1. | 开展排查 |\n| 2. | 整改落实 |\n\n"
            "```\n二、代码里的不是标题\n```\n")
    doc, hs = _heads(text, "draft.md")
    assert [_s(doc, h.ordinal) for h in hs] == ["一、", "（一）"]
    assert [h.md_level for h in hs] == [2, 3]
    assert hs[0].title_text == "总体要求"
    assert _s(doc, doc.structure.title) == "关于开展检查的通知"


def test_markdown_list_items_with_ordinals_are_headings():
    doc, hs = _heads("一、总体要求\n\n1. 开展排查\n2. 整改落实\n", "draft.md")
    assert [h.style for h in hs] == ["一、", "1.", "1."]
    assert [h.md_level for h in hs] == [None, None, None]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_endings(newline):
    text = newline.join(["关于开展检查的通知", "", "各单位：", "一、检查范围", "（一）全县", "二、检查要求", "",
                         "青禾县人民政府", "2024年7月5日"])
    doc = _doc(text)
    st = doc.structure
    assert [(_s(doc, h.ordinal), h.line) for h in st.headings] == [("一、", 3), ("（一）", 4), ("二、", 5)]
    assert [_s(doc, h.span) for h in st.headings][0] == "一、检查范围"
    assert _s(doc, st.title) == "关于开展检查的通知"
    assert _s(doc, st.salutation) == "各单位："
    assert _s(doc, st.signature) == "青禾县人民政府"
    assert _s(doc, st.date) == "2024年7月5日"
    assert st.line_kinds == ("title", "blank", "salutation", "heading", "heading", "heading", "blank",
                             "signature", "date")


def test_bom_before_a_heading():
    doc, hs = _heads("\ufeff一、甲\n二、乙")
    assert [_s(doc, h.ordinal) for h in hs] == ["一、", "二、"]


# --------------------------------------------------------------------------- enumerations
def _enums(text, path="draft.txt"):
    doc = _doc(text, path)
    return doc, [[(_s(doc, i.span), i.number, i.kind) for i in items] for items in doc.structure.enumerations]


def test_shi_and_yao_lists_restart_per_paragraph():
    doc, lists = _enums("一是抓项目；二是抓招商；三是抓服务。\n一是稳增长，二是保民生。\n一要提高认识，二要压实责任。")
    assert lists == [[("一是", 1, "shi"), ("二是", 2, "shi"), ("三是", 3, "shi")],
                     [("一是", 1, "shi"), ("二是", 2, "shi")],
                     [("一要", 1, "shi"), ("二要", 2, "shi")]]
    items = doc.structure.enumerations[0]
    assert all(isinstance(i, EnumItem) and i.marker == "是" and i.line == 0 and i.paragraph == 0 for i in items)


def test_list_continues_on_the_next_line_when_it_starts_with_the_next_item():
    _, lists = _enums("存在的问题：一是投资偏慢。\n二是消费偏弱。\n三是出口下滑。")
    assert [[t for t, _, _ in l] for l in lists] == [["一是", "二是", "三是"]]


def test_markdown_paragraph_spanning_lines_is_one_list():
    _, lists = _enums("存在的问题：一是投资偏慢，\n二要说明的是消费偏弱，二是出口下滑。\n", "draft.md")
    assert [t for t, _, _ in lists[0]] == ["一是", "二是"]


@pytest.mark.parametrize("text", ["发展是第一要务。", "统一是前提。", "唯一是他。", "坚持一是一，二是二。",
                                  "工作中存在一是投资偏慢的问题。", "这是第一要素。"])
def test_enumeration_look_alikes(text):
    _, lists = _enums(text)
    assert [t for l in lists for t, _, _ in l if t in ("一是", "一要")] == []


def test_narrative_ordinal_and_label_lists():
    _, lists = _enums("首先，要提高认识。其次，要压实责任。第三，要强化督导。最后，要严格考核。\n"
                      "第一句话：方向不能偏\n正文。\n第二句：力度不能减\n")
    assert lists[0] == [("首先", 1, "narrative"), ("其次", 2, "narrative"), ("第三", 3, "ordinal"),
                        ("最后", 0, "narrative")]
    assert lists[1] == [("第一句话", 1, "label"), ("第二句", 2, "label")]


def test_ordinal_look_alikes_are_not_items():
    _, lists = _enums("坚持安全第一，各类项目都要严格把关。全省排名第二，进位明显。大力发展第一、二产业。")
    assert lists == []


def test_sequence_lists_end_at_headings():
    _, lists = _enums("一、甲\n第一，要提高认识。第二，要压实责任。\n二、乙\n第一，要抓项目。第三，要抓服务。")
    assert [[t for t, _, _ in l] for l in lists] == [["第一", "第二"], ["第一", "第三"]]


# --------------------------------------------------------------------------- title, date …
def test_title_needs_no_genre_word_when_it_stands_alone():
    doc = _doc("桐溪区商务局2024年上半年工作总结和下半年工作打算\n\n今年以来，……。")
    assert _s(doc, doc.structure.title) == "桐溪区商务局2024年上半年工作总结和下半年工作打算"


def test_title_broken_over_two_lines():
    doc = _doc("关于进一步加强全市安全生产\n工作的通知\n\n各区县人民政府：\n现将有关事项通知如下：\n")
    st = doc.structure
    assert _s(doc, st.title) == "关于进一步加强全市安全生产\n工作的通知"
    assert _s(doc, st.salutation) == "各区县人民政府："


def test_issuing_authority_line_is_not_part_of_the_title():
    doc = _doc("中共桐溪区委办公室\n关于认真学习宣传贯彻区委全会精神的通知\n\n各街道党工委：\n")
    assert _s(doc, doc.structure.title) == "关于认真学习宣传贯彻区委全会精神的通知"


def test_advert_lines_are_neither_title_nor_salutation():
    doc = _doc("仅供学习 禁止外传\n会员群：\n在全区工作会议上的讲话\n\n同志们：\n今天……。")
    st = doc.structure
    assert _s(doc, st.title) == "在全区工作会议上的讲话"
    assert _s(doc, st.salutation) == "同志们："
    doc = _doc("更多精品文档尽在笔耕文库\n\n今天我们召开会议。")
    assert doc.structure.title is None


def test_intro_line_ending_in_colon_is_not_a_salutation():
    doc = _doc("关于开展检查的通知\n\n为做好检查工作，现将有关事项通知如下：\n一、检查范围\n")
    assert doc.structure.salutation is None


@pytest.mark.parametrize("date", ["2024年7月5日", "二〇二四年七月五日", "20XX年X月X日", "2024年 7月 5日"])
def test_date_and_signature_near_the_end(date):
    doc = _doc(f"关于开展检查的通知\n\n各单位：\n正文。\n\n青禾县人民政府\n{date}\n（联系人：张三，电话：12345678）\n"
               "更多精品文档，尽在笔耕文库\n")
    st = doc.structure
    assert _s(doc, st.date) == date
    assert _s(doc, st.signature) == "青禾县人民政府"


def test_speech_has_no_signature_or_date():
    doc = _doc("在全县工作会议上的讲话\n\n同志们：\n今天召开会议。\n谢谢大家！\n")
    st = doc.structure
    assert st.signature is None and st.date is None
    assert st.line_kinds[0] == "title" and st.line_kinds[2] == "salutation"


def test_analyze_is_cached_on_the_document():
    doc = _doc("一、甲\n二、乙")
    assert doc.structure is doc.structure
    assert isinstance(analyze(doc), Structure)
    assert analyze(doc).headings == doc.structure.headings


def test_empty_and_blank_documents():
    for text in ("", "\n\n", "   "):
        st = _doc(text).structure
        assert st.headings == () and st.title is None and st.date is None


# --------------------------------------------------------------------------- real files
@pytest.mark.skipif(not os.path.isdir(EVAL), reason="shared evaluation set not available")
@pytest.mark.parametrize("name,ordinals,title", [
    ("d36_crlf.txt", ["一、", "二、", "三、", "1.", "2.", "3.", "4、", "5.", "四、", "（一）", "（二）", "（三）"],
     "关于开展2024年“安全生产月”活动的通知"),
    ("d34_gbk.txt", ["一、", "二、", "（一）", "（三）", "（四）", "（五）", "三，"], "在全县教育工作会议上的讲话"),
    ("d33.md", ["一、", "二、", "（一）", "（二）", "（二）", "（三）", "三、"], "云岚市重点项目建设调度会会议纪要"),
])
def test_eval_files_with_other_encodings(name, ordinals, title):
    doc = Document.from_source(read_source(os.path.join(EVAL, name)), path=name)
    assert [_s(doc, h.ordinal) for h in doc.structure.headings] == ordinals
    assert _s(doc, doc.structure.title) == title


def test_seed_run_in_headings():
    seeds = os.path.join(ROOT, "corpus", "seeds")
    name = next(n for n in sorted(os.listdir(seeds)) if n.startswith("001"))
    doc = Document.from_source(read_source(os.path.join(seeds, name)), path=name)
    hs = doc.structure.headings
    assert [(_s(doc, h.ordinal), h.run_in) for h in hs] == [("一、", True), ("二、", True), ("三、", True)]
    assert _s(doc, hs[1].span) == "二、添措施、增动力，坚决打好四场攻坚战。"


def test_heading_with_a_double_space_is_still_a_heading():
    assert _ords("一、会议时间  2024年7月5日\n二、会议地点  县政府三楼") == ["一、", "二、"]


# --------------------------------------------------------------------------- title: body sentences
@pytest.mark.parametrize("text", [
    # a news-style 纪要 without a title line: the last sentence ends in a genre word (事项)
    "6月2日上午，县长主持召开县长办公会，研究有关工作。\n会议听取了情况汇报，会议强调，要加快推进。\n"
    "会议还研究了其他事项。\n",
    "6月2日上午，县长主持召开县长办公会，县领导张海军、郭杰、索剑峰、刘忠良、李燕、胡延峰、王勇出席会议，"
    "各乡镇、县直各部门主要负责同志列席。\n会议还研究了《热电项目框架协议》等事项。\n",
    # a 批复 excerpt: a later sentence ends in 计划 (and in a half-width full stop)
    "你校报送的请示收悉。经研究，批复如下：\n\n为了教学工作的顺利进行，本着为人民服务的宗旨，我委同意你校翻修"
    "危旧教室的计划，也同意由你校自行组织施工，所需经费由我委拨付，请你校接文后抓紧落实。\n\n"
    "接文后,请按照程序办理相关手续,望你们认真负责的完成房屋翻修计划.\n",
    # an article of a regulation, with full-width or half-width space
    "第一条　为加强管理，制定本办法。\n第二条　本办法适用于全县。\n",
    "第三条 各乡镇应当制定具体实施办法。\n",
    # an introducing sentence with commas that ends in a colon, full- or half-width
    "为了切实加强社区“三资”管理工作，根据上级指示精神，特制定如下方案：\n一、工作目标\n",
    "为了切实加强社区“三资”管理工作,根据上级指示精神,特制定如下方案:\n一、工作目标\n",
])
def test_body_sentences_are_not_taken_for_the_title(text):
    doc = _doc(text)
    assert doc.structure.title is None
    assert "title" not in doc.structure.line_kinds


def test_a_title_line_above_the_body_is_still_found_when_a_body_sentence_ends_in_a_genre_word():
    doc = _doc("新城区政府召开2024年第18次常务会议\n\n2024年11月18日下午，区长主持召开常务会议，传达学习上级精神，"
               "研究部署有关工作。\n\n会议还研究了其他事项。\n")
    assert _s(doc, doc.structure.title) == "新城区政府召开2024年第18次常务会议"


@pytest.mark.parametrize("title", [
    "关于做好防汛工作的通知。",                        # a title ending in a mark (PU014 reports it)
    "凝心聚力，开拓奋进——在全县工作会议上的讲话",        # a comma inside, no mark at the end
    "关于印发《平安县安全生产工作方案》的通知",
])
def test_titles_that_look_like_sentences_are_still_titles(title):
    doc = _doc(f"{title}\n\n各乡镇人民政府：\n现将有关事项通知如下。\n")
    assert _s(doc, doc.structure.title) == title


def test_the_next_document_of_a_file_holding_several_still_has_a_title():
    doc = _doc("（三）严格赛风赛纪。各参赛单位要教育引导运动员发扬体育精神，服从裁判，文明参赛，对弄虚作假、冒名顶替的，"
               "取消该单位相应项目成绩。\n\n青禾县文化广电体育和旅游局\n2024年8月12日\n云岚市生态环境局\n"
               "关于商请协助开展重点河流水质联合监测的函\n\n青禾县人民政府：\n为全面掌握跨界河流水质状况，现商请如下。\n")
    st = doc.structure
    assert _s(doc, st.title) == "关于商请协助开展重点河流水质联合监测的函"
    assert _s(doc, st.salutation) == "青禾县人民政府："


def test_a_body_sentence_is_not_reported_as_a_title_ending_in_a_mark():
    from gwlint.linter import Linter
    from gwlint.linter.config import Settings
    linter = Linter(Settings(select=("PU014",)))
    body = "6月2日上午，县长主持召开县长办公会，研究有关工作。\n会议还研究了其他事项。\n"
    assert linter.lint(_doc(body)) == []
    assert [d.code for d in linter.lint(_doc("关于做好防汛工作的通知。\n\n各乡镇：\n"))] == ["PU014"]
