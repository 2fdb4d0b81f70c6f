"""HD rules: what a user sees (code, the span it points at, the message, the fix) for heading
numbering and enumerations, the look-alikes that must stay silent, the seeds and the
evaluation drafts with other encodings."""
import os
from collections import Counter

import pytest

from gwlint.linter import Document, Linter
from gwlint.linter.config import Settings
from gwlint.linter.fixer import apply_edits
from gwlint.linter.model import Applicability
from gwlint.linter.profile import Profile
from gwlint.linter.source import read_source

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SEEDS = os.path.join(ROOT, "corpus", "seeds")
EVAL = os.path.join(os.path.dirname(ROOT), "shared", "eval", "docs")
LINTER = Linter(Settings(select=("HD",)))


def _lint(text, path="draft.txt", linter=LINTER):
    doc = Document(text, path=path)
    return doc, [d for d in linter.lint(doc) if d.code.startswith("HD")]


def found(text, path="draft.txt", linter=LINTER):
    """(code, flagged text) pairs."""
    doc, diags = _lint(text, path, linter)
    return [(d.code, doc.text[d.span.start:d.span.end]) for d in diags]


def one(text, code, path="draft.txt", linter=LINTER):
    doc, diags = _lint(text, path, linter)
    hits = [d for d in diags if d.code == code]
    assert len(hits) == 1, [(d.code, d.message) for d in diags]
    return doc, hits[0]


# --------------------------------------------------------------------------- sequence
def test_gap_flagged_once_at_the_first_out_of_sequence_number():
    doc, d = one("一、总体要求\n二、重点任务\n四、保障措施\n五、实施步骤", "HD001")
    assert doc.text[d.span.start:d.span.end] == "四、"
    assert d.message == "序号“四、”不连续：上一个同级序号是“二、”，应为“三、”"
    assert d.fix is None
    assert doc.text[d.related[0].span.start:d.related[0].span.end] == "二、"


@pytest.mark.parametrize("text,tok,msg", [
    ("一、甲\n（一）乙\n（二）丙\n（四）丁", "（四）", "应为“（三）”"),
    ("（一）甲\n1.乙\n2.丙\n4.丁", "4.", "应为“3.”"),
    ("1.甲\n（1）乙\n（3）丙", "（3）", "应为“（2）”"),
    ("第一章 总则\n第二章 职责\n第四章 附则", "第四章", "应为“第三章”"),
])
def test_gap_at_each_level(text, tok, msg):
    doc, d = one(text, "HD001")
    assert doc.text[d.span.start:d.span.end] == tok and msg in d.message


def test_first_child_must_start_at_one():
    doc, d = one("一、甲\n（一）乙\n1.丙\n（二）丁\n（2）戊\n二、己", "HD001")
    assert doc.text[d.span.start:d.span.end] == "（2）"
    assert d.message == "序号“（2）”不连续：上级标题“（二）”下的第一个序号应为“（1）”"


def test_numbering_restarts_under_each_parent():
    text = ("一、总体要求\n（一）指导思想\n（二）工作目标\n二、重点任务\n（一）抓项目\n1.开工\n2.进度\n"
            "（二）抓招商\n1.引进\n2.落地\n三、保障措施\n")
    assert found(text) == []


def test_numbering_continued_across_parents_is_not_a_gap():
    assert found("（一）甲\n1.乙\n2.丙\n（二）丁\n3.戊\n4.己") == []


def test_repeat_flagged_at_second_occurrence():
    doc, d = one("（一）主办单位\n（二）承办单位\n（二）协办单位", "HD002")
    assert d.span.start == doc.text.rindex("（二）")
    assert d.message == "序号“（二）”与上一个同级序号重复，应为“（三）”"


def test_disorder():
    assert found("一、甲\n二、乙\n三、丙\n二、丁") == [("HD003", "二、")]
    doc, d = one("一、甲\n二、乙\n三、丙\n二、丁", "HD003")
    assert d.message == "序号“二、”倒序：上一个同级序号是“三、”"


def test_restart_at_one_without_new_parent_is_silent():
    assert found("一、甲\n二、乙\n一、丙\n二、丁") == []


def test_ten_and_beyond():
    assert found("一、甲\n二、乙\n三、丙\n四、丁\n五、戊\n六、己\n七、庚\n八、辛\n九、壬\n十、癸\n十一、子") == []
    assert found("一、甲\n二、乙\n十、丙") == [("HD001", "十、")]


# --------------------------------------------------------------------------- hierarchy
def test_orphan_child_before_any_parent():
    doc, d = one("为做好工作，制定本方案。\n（一）适用范围：全县。\n一、工作目标\n二、重点任务", "HD004")
    assert doc.text[d.span.start:d.span.end] == "（一）"
    assert "出现在任何上级标题之前" in d.message


def test_level_skipping_is_not_flagged():
    assert found("一、工作目标\n1.完成改造任务\n2.完成验收\n二、重点任务\n1.抓项目") == []


def test_document_without_top_level_has_no_orphans():
    assert found("为做好工作，通知如下：\n（一）提高认识。\n（二）压实责任。\n（三）强化督导。") == []


def test_level_inversion_reported_once_without_cascade():
    text = ("1.总体要求\n（一）坚持党的领导\n（二）坚持人民至上\n2.重点任务\n（一）抓项目\n（二）抓招商\n"
            "3.保障措施\n（一）加强领导")
    assert found(text) == [("HD005", "（一）")]
    doc, d = one(text, "HD005")
    assert d.message.startswith("标题层级倒置：“（一）”是第二级序号，却用作第三级序号“1.”的下级")
    assert doc.text[d.related[0].span.start:d.related[0].span.end] == "1."


def test_return_to_parent_level_is_not_an_inversion():
    assert found("一、甲\n（一）乙\n1.丙\n2.丁\n（二）戊\n1.己\n（三）庚") == []


def test_orphan_item_before_first_heading_is_not_an_inversion():
    # d28 pattern: （1） before 一、, later a new （1） list
    text = "（1）适用范围：全县。\n一、工作目标\n二、重点任务\n（一）甲\n1.乙\n（1）丙\n（2）丁"
    assert found(text) == [("HD004", "（1）")]


# --------------------------------------------------------------------------- forms
def test_mixed_style_flags_the_minority_with_unsafe_fix():
    text = "（二）个人项目\n1.象棋；\n2.乒乓球；\n3、羽毛球；\n4.健步走。"
    doc, d = one(text, "HD006")
    assert doc.text[d.span.start:d.span.end] == "3、"
    assert d.message == "同级序号形式混用：其他同级序号用“1.”形式，此处用了“3、”，应为“3.”"
    assert d.fix.applicability == Applicability.UNSAFE
    assert apply_edits(text, [d], unsafe=True)[0] == text.replace("3、", "3.")


def test_one_sided_bracket_among_bracketed_siblings():
    doc, d = one("1.甲\n（1）上门代收；\n（2）协助办理；\n3）代为查询。", "HD006")
    assert doc.text[d.span.start:d.span.end] == "3）" and "应为“（3）”" in d.message


def test_list_that_goes_on_in_another_form():
    assert found("一、甲\n1）乙\n2）丙\n3.丁")[-1] == ("HD006", "3.")


@pytest.mark.parametrize("text,tok,fixed,msg", [
    ("（三）、趣味项目", "（三）、", "（三）趣味项目", "括号序号“（三）、”后不应再加标点，应为“（三）”（GB/T 15834-2011 B.3.4）"),
    ("二.压实责任", "二.", "二、压实责任", "汉字数字序号后应用顿号：“二.”应为“二、”（GB/T 15834-2011 B.3.2）"),
    ("三，凝聚合力", "三，", "三、凝聚合力", "汉字数字序号后应用顿号：“三，”应为“三、”（GB/T 15834-2011 B.3.2）"),
    ("一．强化领导", "一．", "一、强化领导", "汉字数字序号后应用顿号"),
    ("（1）.上门服务", "（1）.", "（1）上门服务", "括号序号"),
])
def test_wrong_mark_after_ordinal_safe_fix(text, tok, fixed, msg):
    doc, d = one(text, "HD007")
    assert doc.text[d.span.start:d.span.end] == tok
    assert msg in d.message
    assert d.fix.applicability == Applicability.SAFE
    assert apply_edits(text, [d])[0] == fixed


def test_typo_mark_among_standard_siblings_is_a_mark_error():
    text = "一、提高站位\n二.压实责任\n三、强化措施"
    assert found(text) == [("HD007", "二.")]


def test_arabic_with_dunhao_is_flagged_even_when_used_throughout():
    text = "一、甲\n1、乙\n2、丙\n3、丁"
    hits = found(text)
    assert hits == [("HD007", "1、"), ("HD007", "2、"), ("HD007", "3、")]
    doc, diags = _lint(text)
    assert diags[0].message == "阿拉伯数字序号后应用下脚点：“1、”应为“1.”（GB/T 15834-2011 B.3.3）"
    assert all(d.fix.applicability == Applicability.UNSAFE for d in diags)
    assert apply_edits(text, diags)[0] == text                      # unsafe: not applied by default
    assert apply_edits(text, diags, unsafe=True)[0] == "一、甲\n1.乙\n2.丙\n3.丁"


def test_project_can_accept_arabic_with_dunhao():
    linter = Linter(Settings(select=("HD",), conventions={"accept-ordinals": ["1、"]}))
    assert found("一、甲\n1、乙\n2、丙\n3、丁", linter=linter) == []
    # accepted, but still one form per level
    assert found("一、甲\n1、乙\n2、丙\n3.丁\n4、戊", linter=linter) == [("HD006", "3.")]


def test_one_sided_bracket_used_throughout():
    doc, d = one("一、甲\n1）乙", "HD007")
    assert d.message == "单边括号序号“1）”应为“（1）”（GB/T 9704-2012 7.3.3）"
    assert d.fix.applicability == Applicability.UNSAFE


@pytest.mark.parametrize("text,tok,fixed", [
    ("(一)加强组织领导", "(一)", "（一）加强组织领导"),
    ("(1)上门服务", "(1)", "（1）上门服务"),
    ("１．开展排查", "１．", "1.开展排查"),
    ("1．开展排查", "1．", "1.开展排查"),
    ("（１）上门服务", "（１）", "（1）上门服务"),
])
def test_width_problems_safe_fix(text, tok, fixed):
    doc, d = one(text, "HD008")
    assert doc.text[d.span.start:d.span.end] == tok
    assert "GB/T 9704-2012 7.3.3" in d.message
    assert d.fix.applicability == Applicability.SAFE
    assert apply_edits(text, [d])[0] == fixed


def test_first_and_first_with_dunhao():
    text = "会议强调：第一、要提高认识；第二、要压实责任。"
    hits = found(text)
    assert hits == [("HD007", "第一、"), ("HD007", "第二、")]
    doc, diags = _lint(text)
    assert diags[0].message == "“第一”后应用逗号，不用顿号（GB/T 15834-2011 B.3.1）"
    assert apply_edits(text, diags)[0] == "会议强调：第一，要提高认识；第二，要压实责任。"


# --------------------------------------------------------------------------- enumerations
def test_enumeration_gap():
    doc, d = one("存在的问题：一是投资偏慢；二是消费偏弱；四是出口下滑。", "HD009")
    assert doc.text[d.span.start:d.span.end] == "四是"
    assert d.message == "列举跳号：“二是”之后是“四是”，缺少“三是”"


def test_enumeration_gap_with_yao():
    doc, d = one("一要抓项目，二要抓招商，三要抓服务，五要抓安全。", "HD009")
    assert doc.text[d.span.start:d.span.end] == "五要"


def test_dangling_yi_shi():
    doc, d = one("要抓好三项工作。一是抓项目，确保按期开工。\n同时要注意安全。", "HD009")
    assert doc.text[d.span.start:d.span.end] == "一是"
    assert d.message == "只有“一是”而没有“二是”：列举不完整"


def test_yi_shi_whose_er_shi_starts_the_next_paragraph():
    assert found("一是抓项目，确保按期开工，做到\n项目早见效。二是抓招商。") == []


def test_enumerations_restart_per_paragraph():
    assert found("一是抓项目；二是抓招商；三是抓服务。\n一是稳增长；二是保民生。") == []


def test_ordinal_enumeration_gap_and_repeat():
    assert found("第一，要提高认识。第二，要压实责任。第四，要严格考核。") == [("HD009", "第四")]
    assert found("我们要：第一，抓项目；第二，抓招商；第二，抓服务。") == [("HD009", "第二")]


@pytest.mark.parametrize("text", [
    "发展是第一要务，统一是大局，唯一是他。",
    "我们坚持一是一、二是二，实事求是。",
    "工作中存在一是投资偏慢的问题。",
    "这是第一要素。",
    "一要素齐全，二要素缺失。",
    "坚持安全第一，各类在建项目都要严格管理。",
    "全省排名第二，进位明显。",
    "大力发展第一、二产业，用拼第一、争先进的劲头抓落实。",
    "同志们：\n首先，我代表县委向大家致以问候。\n今年以来成绩显著。\n最后，祝大家工作顺利。",
    "首先，要提高认识。其次，要压实责任。再次，要强化督导。最后，要严格考核。",
    "第一，要提高认识。第二，要压实责任。最后，要严格考核。",
])
def test_enumeration_look_alikes(text):
    assert found(text) == []


def test_mixed_narrative_scheme():
    doc, d = one("首先，要提高认识。其次，要压实责任。第三，要强化督导。第四，要严格考核。", "HD010")
    assert doc.text[d.span.start:d.span.end] == "第三"
    assert d.message == ("序数词混用：前面用了“首先”“其次”，此处用了“第三”，"
                         "应统一为“首先……其次……再次……最后”或“第一……第N”")


def test_mixed_narrative_scheme_across_paragraphs():
    assert found("首先，要提高认识。\n其次，要压实责任。\n第三，要强化督导。") == [("HD010", "第三")]


def test_narrative_lists_do_not_cross_headings():
    assert found("一、甲\n首先，要提高认识。其次，要压实责任。\n二、乙\n第三，要强化督导。") == []


# --------------------------------------------------------------------------- announced counts
def test_announced_count_against_enumeration():
    doc, d = one("坚决打好四场攻坚战。一要抓项目；二要抓招商；三要抓服务。", "HD011")
    assert doc.text[d.span.start:d.span.end] == "四场"
    assert d.message == "宣布了“四场”，随后的列举只有3项"


def test_announced_count_against_headings():
    doc, d = one("下面，我讲三点意见。\n一、统一思想\n二、突出重点\n三、压实责任\n四、改进作风", "HD011")
    assert doc.text[d.span.start:d.span.end] == "三点意见"
    assert d.message == "宣布了“三点意见”，随后的第一级标题却有4个"


@pytest.mark.parametrize("text", [
    "坚决打好四场攻坚战。一要抓项目；二要抓招商；三要抓服务；四要抓安全。",
    "主要有四个方面：一是投资乏力；二是消费不旺；三是出口下滑；四是财政吃紧。",
    "严格落实中央八项规定精神。一是严禁公款吃喝；二是严禁违规收礼。",
    "下面，我讲几点意见。\n一、统一思想\n二、突出重点\n三、压实责任\n四、改进作风",
    "下面，我讲三点意见。\n一、统一思想。今年是关键一年。\n二、突出重点。\n三、压实责任。",
    "下午三点，一是听取汇报，二是现场查看。",
    "我讲四句话。\n第一句话：方向不能偏\n第二句话：力度不能减\n第三句话：标准不能降\n第四句话：劲头不能松",
    # a gap is HD001's business: the count check stays silent
    "下面，我讲三点意见。\n一、统一思想\n二、突出重点\n四、压实责任",
])
def test_announced_count_look_alikes(text):
    assert [c for c, _ in found(text) if c == "HD011"] == []


# --------------------------------------------------------------------------- profile
PROFILE = Profile(ordinal_styles={1: "一、", 2: "（一）", 3: "1.", 4: "（1）"}, source="test")


def test_profile_ordinal_style_at_a_depth():
    linter = Linter(Settings(select=("HD",)), profile=PROFILE)
    doc, d = one("一、总体要求\n（一）工作目标\n（1）完成改造任务", "HD012", linter=linter)
    assert doc.text[d.span.start:d.span.end] == "（1）"
    assert d.message == "本单位约定第3级序号用“1.”形式，此处用了“（1）”"


def test_profile_silent_without_profile_or_with_builtin_or_empty():
    text = "一、总体要求\n（一）工作目标\n（1）完成改造任务"
    assert found(text) == []
    for profile in (None, Profile(source="empty"), Profile(ordinal_styles=dict(PROFILE.ordinal_styles), builtin=True)):
        assert found(text, linter=Linter(Settings(select=("HD",)), profile=profile)) == []


# --------------------------------------------------------------------------- look-alike headings
@pytest.mark.parametrize("text", [
    "一、总体要求\n1.5亿元的资金已经到位。\n2024年，全市经济运行平稳。\n二、重点任务",
    "一、总体要求\n附件：1.参会回执\n2.报名表\n二、重点任务",
    "附件：\n1.参会回执\n2.报名表\n4.日程安排",
    "一、总体要求\n全县完成改造任务。其中：\n1、2号楼已封顶；\n3、4号楼正在施工。\n二、工作措施",
    "一、二级医院要落实分级诊疗。\n三、四月份是关键期。",
    "一、总体要求\n二、三农工作再上新台阶\n三、保障措施",
    "一、2024年工作回顾\n二、2025年工作安排",
    "1.2023年完成情况\n2.2024年工作计划",
    "第一章 总则\n第一节 范围\n第二节 定义\n第二章 职责\n第一节 部门",
    "2024年7月5日\n二〇二四年七月五日\n12.30前完成。",
])
def test_heading_look_alikes(text):
    assert found(text) == []


def test_markdown_table_rows_are_not_headings():
    text = "| 序号 | 内容 |\n| --- | --- |\n| 1. | 开展排查 |\n| 2. | 整改落实 |\n| 4. | 验收 |\n"
    assert found(text, path="draft.md") == []


def test_markdown_headings():
    text = "# 方案\n\n## 一、总体要求\n\n### （一）指导思想\n\n### （三）工作目标\n\n## **三、保障措施**\n"
    assert found(text, path="draft.md") == [("HD001", "（三）"), ("HD001", "三、")]


# --------------------------------------------------------------------------- seeds and eval files
def _lint_file(path):
    doc = Document.from_source(read_source(path), path=os.path.basename(path))
    return doc, [d for d in LINTER.lint(doc) if d.code.startswith("HD")]


def test_seeds_report_exactly_the_listed_numbering_errors():
    got = Counter()
    texts = []
    for name in sorted(os.listdir(SEEDS)):
        doc, diags = _lint_file(os.path.join(SEEDS, name))
        for d in diags:
            got[(name[:3], d.code)] += 1
            texts.append((name[:3], d.code, doc.text[d.span.start:d.span.end]))
    assert got == {("000", "HD007"): 14, ("001", "HD011"): 1, ("001", "HD010"): 1, ("003", "HD009"): 1}
    assert ("001", "HD011", "四场") in texts
    assert ("001", "HD010", "第三") in texts
    assert ("003", "HD009", "一是") in texts
    assert {t for s, c, t in texts if c == "HD007"} == {f"{i}、" for i in range(1, 9)}


def test_seed_003_dangling_yi_shi_is_on_line_7():
    name = next(n for n in sorted(os.listdir(SEEDS)) if n.startswith("003"))
    doc, diags = _lint_file(os.path.join(SEEDS, name))
    assert [doc.index.line_of(d.span.start) + 1 for d in diags] == [7]


@pytest.mark.skipif(not os.path.isdir(EVAL), reason="shared evaluation set not available")
@pytest.mark.parametrize("name,expected", [
    ("d36_crlf.txt", [(14, "4、")]),
    ("d34_gbk.txt", [(15, "（三）"), (15, "三是"), (18, "三，")]),
    ("d35_gbk.txt", []),
    ("d31.md", [(5, "（一）"), (41, "五、")]),
    ("d32.md", []),
    ("d33.md", [(25, "（二）")]),
])
def test_eval_files_with_other_encodings_and_markdown(name, expected):
    doc, diags = _lint_file(os.path.join(EVAL, name))
    got = sorted((doc.index.line_of(d.span.start) + 1, doc.text[d.span.start:d.span.end]) for d in diags)
    assert got == sorted(expected)


# --------------------------------------------------------------------------- items inside lines
def test_missing_item_inside_a_line_is_not_a_gap():
    assert found("一、甲\n1.开工\n2.进度。3.储备要加强。\n4.安全") == []
    assert found("一、甲\n（一）抓项目。1.开工，确保按期。\n2.进度\n3.储备") == []


def test_decimal_is_not_the_missing_item():
    assert found("一、甲\n1.开工，增长3.5%。\n2.进度\n4.安全") == [("HD001", "4.")]


def test_parent_inside_the_salutation_line_is_a_parent():
    assert found("同志们：一、统一思想。今年是关键一年。\n（一）提高认识。\n（二）压实责任。\n二、突出重点") == []


def test_gap_under_a_parent_run_into_a_line_is_reported_without_crashing():
    # found by fuzzing: the parent level was only implied by a run-in ordinal, so there was no
    # parent heading to name and the rule raised (GW900) instead of reporting
    text = "\u3000一、二级XX同志。\n\u3000２．抓好落实。\n四、某某局\n  第一章仅供学习 禁止外传\n"
    pairs = found(text)
    assert not [p for p in pairs if p[0] == "GW900"]
    assert ("HD001", "四、") in pairs
