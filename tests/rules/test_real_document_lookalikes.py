"""Cases found by running gwlint over real documents from the web: the layout spaces and commas
a 公文 needs must stay silent (PU013 reported them and its fix deleted them), a 发文字号 in
half-width brackets gets one finding, not two with conflicting fixes, and the common 二0二三年
is caught; the slips they look like are still reported."""
import pytest

from gwlint.linter import Document, Linter
from gwlint.linter.config import Settings
from gwlint.linter.model import Applicability

LINTER = Linter(Settings(select=("PU011", "PU013")))


def findings(text):
    doc = Document(text, path="draft.txt")
    return [(d.code, doc.text[d.span.start:d.span.end], d.fix.applicability if d.fix else None)
            for d in LINTER.lint(doc)]


@pytest.mark.parametrize("text", [
    "第一条\u3000为加强管理，制定本办法。\n第二条\u3000本办法所称资金，是指专项资金。\n",
    "第二章   组成人员和政府职能\n",
    "出席：张三丰\u3000王\u3000强\u3000李四光\n列席：赵\u3000六\n",
    "关于下达资金的通知\n各单位：\n现将有关事项通知如下。\n2006年10月26日 财建〔2006〕689号\n",
    "关于开展安全检查的通知\n\n县委书记\u3000李明\n\n同志们：\n今天召开会议。\n",
    "关于做好防汛工作的通知\n各单位：\n请做好防汛工作。\n中共平安县委办公室\u3000\u3000平安县人民政府办公室\n2024年6月1日\n",
    # from the second audit: rosters of names and units, 主题词, letter-spaced headings
    "会议决定，对以下同志予以表彰：\n傅标兵 陈宝清 华维升 陈旭山 傅金良\n朱美仙 蒋有贤 傅静飞\n",
    "抄报单位：\n新安县人民政府 市住房城乡建设委 市发展改革委\n市财政局\u3000市水务局\u3000市交通运输局\n",
    "张\u3000伟\u3000李晓明\u3000王\u3000芳\n",
    "主题词：农村公路 通达杯 表彰 决定\n",
    "第一章\u3000总\u3000则\n第一条\u3000为规范管理，制定本办法。\n",
    "通\u3000知\n",
    # news bylines in brackets: the fix glued the names together (（通讯员王明李华）)
    "文成新闻网讯（记者\u3000赵礼锋\u3000张玲）7月2日下午，县长主持召开县长办公会议。\n",
    "本报讯（通讯员 王明 李华）近日，我县召开会议。\n",
    # from the third audit: two-character labels spaced to line up with 联系人：
    "联系人：张学龙\n电\u3000话：0371-65917260\n地\u3000址：郑州市农业路27号\n",
    "电 话：0371-65917260\n",
])
def test_layout_spaces_are_not_reported(text):
    assert findings(text) == []


def test_a_slip_after_a_bracketed_byline_is_still_reported():
    assert findings("本报讯（记者 张三）全县 上下齐心。\n") == [("PU013", " ", Applicability.SAFE)]


def test_stray_spaces_in_body_text_are_still_reported():
    text = "关于开展安全检查的通知\n各单位：\n今天 我们开会。第一条规定 必须执行。\n"
    assert [(c, s) for c, s, _ in findings(text)] == [("PU013", " "), ("PU013", " ")]


@pytest.mark.parametrize("text,slip", [
    ("关于开展安全检查的通知\n各单位：\n加强 党的建设\n", " "),    # two items, one long: a slip
    ("关于开展安全检查的通知\n各单位：\n坚持把 纪律挺在前面\n", " "),
    ("今年 我们 要 完成，三项任务。\n", " "),          # punctuation: prose, not a roster
])
def test_a_line_that_only_looks_like_a_roster_is_still_checked(text, slip):
    assert [s for c, s, _ in findings(text)][:1] == [slip]


def test_a_space_before_a_title_may_be_a_missing_name_and_is_not_deleted_silently():
    # 领导组组长 同志: the name was left out; gluing the words together would hide that
    assert findings("刚才，领导组组长 同志作了部署。\n") == [("PU013", " ", Applicability.UNSAFE)]
    assert findings("要按照 书记的讲话精神抓好落实。\n") == [("PU013", " ", Applicability.UNSAFE)]
    assert findings("各位代表 同志们：\n") == [("PU013", " ", Applicability.SAFE)]


def test_full_width_space_between_characters_gets_only_a_suggested_fix():
    assert findings("坚持把\u3000纪律挺在前面。\n") == [("PU013", "\u3000", Applicability.UNSAFE)]
    assert findings("坚持把 纪律挺在前面。\n") == [("PU013", " ", Applicability.SAFE)]


@pytest.mark.parametrize("text,flagged", [
    ("要坚持“一人一策”，“一人一专班”的原则。", True),
    ("聚焦“学懂”，“深化于学”悟原理。", False),
    ("坚持“两手抓”，“两手都要硬”。", False),
])
def test_comma_between_quoted_items_only_when_they_form_one_phrase(text, flagged):
    assert [c for c, _, _ in findings(text)] == (["PU011"] if flagged else [])


def _codes(text, select):
    linter = Linter(Settings(select=select))
    doc = Document(text, path="draft.txt")
    return [(d.code, doc.text[d.span.start:d.span.end], d.fix.edits[0].replacement if d.fix else None)
            for d in linter.lint(doc)]


def test_document_number_in_half_width_brackets_is_reported_once():
    assert _codes("根据国办发(2020)53号文件要求。\n", ("PU004", "NU008")) == [
        ("NU008", "(2020)53号", "〔2020〕53号")]
    # an ordinary parenthesis after Chinese text is still PU004
    assert [c for c, _, _ in _codes("根据文件(2020年版)要求。\n", ("PU004", "NU008"))] == ["PU004"]


def test_digit_zero_in_a_chinese_year():
    assert _codes("二0二三年十月\n", ("NU003",)) == [("NU003", "二0二三年", "二〇二三年")]
    assert _codes("2020年修订，二〇二三年施行。\n", ("NU003",)) == []


def test_mojibake_zhi_is_a_typo_with_a_safe_fix():
    assert _codes("会议布臵了任务，设臵了岗位。\n", ("WD001",)) == [
        ("WD001", "布臵", "布置"), ("WD001", "设臵", "设置")]
    assert _codes("会议布置了任务，设置了岗位。\n", ("WD001",)) == []


@pytest.mark.parametrize("text,expected", [
    # a 请示 written from a letter template: both the greeting and the closing
    ("关于申请维修教学楼专项资金的请示\n尊敬的市教育局：\n特申请专项资金。\n此致\n敬礼！\n",
     [("CF008", "尊敬的", ""), ("CF008", "此致\n敬礼！", None)]),
    ("关于开展安全检查的通知\n尊敬的各单位：\n请做好安全检查。\n", [("CF008", "尊敬的", "")]),
    # speeches, a congress 工作报告 and letters (函) keep their forms
    ("在全市教育工作会议上的讲话\n尊敬的各位领导，同志们：\n今天召开会议。\n此致\n敬礼！\n", []),
    ("2024年政府工作报告\n尊敬的各位代表：\n现在，我代表市人民政府作报告。\n", []),
    ("关于商请支持教学楼维修的函\n尊敬的市教育局：\n特此函商。\n此致\n敬礼！\n", []),
    # 此致 inside a sentence is not a closing line
    ("关于申请资金的请示\n市教育局：\n谨此致以诚挚的谢意。\n妥否，请批示。\n", []),
])
def test_letter_forms_in_a_document(text, expected):
    assert _codes(text, ("CF008",)) == expected


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_trailing_blanks_are_reported_whatever_the_line_ends(newline):
    text = f"今天开会。  {newline}明天休息。{newline}"
    assert [(c, s) for c, s, _ in findings(text)] == [("PU013", "  ")]


PAIRS = Linter(Settings(select=("PU006",)))


def unpaired(text):
    doc = Document(text, path="draft.txt")
    return [doc.text[d.span.start:d.span.end] for d in PAIRS.lint(doc)]


def test_a_pair_split_by_a_hard_line_break_is_a_pair():
    # paragraphs copied from a PDF are wrapped at a fixed width: the pair goes on in the next line
    text = ("在全县工作会议上的讲话\n同志们：\n下面，我讲三点意见。二是要强化措施，习近平总书记强调：“作风建设永远在路上，\n"
            "必须常抓不懈。”三是要压实责任，组织学习《中国共产\n党纪律处分条例》等法规。\n")
    assert unpaired(text) == []


@pytest.mark.parametrize("text,expected", [
    # the line ends a sentence: the next line is a new paragraph
    ("关于开展学习的通知\n各单位：\n要认真学习“作风建设永远在路上的精神内涵。\n必须常抓不懈。”\n", ["“", "”"]),
    # the next line is indented: a new paragraph
    ("关于开展学习的通知\n各单位：\n要认真学习“作风建设永远在路上，持之以恒\n\u3000\u3000必须常抓不懈。”\n", ["“", "”"]),
    # an unmatched mark inside one line is still reported
    ("关于开展学习的通知\n各单位：\n要认真学习“作风建设永远在路上的精神。\n", ["“"]),
])
def test_marks_that_a_line_break_does_not_explain_are_still_unpaired(text, expected):
    assert unpaired(text) == expected


HD = Linter(Settings(select=("HD009",)))


def enumeration_findings(text):
    doc = Document(text, path="draft.txt")
    return [d.message for d in HD.lint(doc)]


def test_an_enumeration_in_a_hard_wrapped_paragraph_is_one_list():
    # 一是 on one line and 二是 four lines on, in a paragraph wrapped at a fixed width
    text = (
        "在全县工作会议上的讲话\n同志们：\n（一）强化理论武装，筑牢思想防线。一是深入学习习近平\n"
        "新时代中国特色社会主义思想，坚持学思用贯通、知信行统一，把学习成果转化为\n"
        "推动工作的实际成效，切实增强做好各项工作的责任感和使命感，进一步提高政治\n"
        "判断力、政治领悟力、政治执行力，始终在思想上政治上行动上同党中央保持高度\n"
        "一致。这是关系党和国家事业兴衰成败的大问题。二是认真学习中央八项规定及其实施\n"
        "细则精神，严格执行各项规定。\n（二）加强作风建设。\n")
    assert enumeration_findings(text) == []


def test_a_dangling_first_item_in_a_hard_wrapped_paragraph_is_still_reported():
    text = ("在全县工作会议上的讲话\n同志们：\n（一）强化理论武装，筑牢思想防线。一是深入学习习近平\n"
            "新时代中国特色社会主义思想，坚持学思用贯通、知信行统一，把学习成果转化为\n"
            "推动工作的实际成效。\n")
    assert enumeration_findings(text) == ["只有“一是”而没有“二是”：列举不完整"]


def test_a_space_after_a_sentence_end_is_a_lost_paragraph_break_and_not_deleted_silently():
    # a page that lost its paragraph breaks keeps a space where each was: deleting it would
    # weld the speech into one paragraph, so the fix is only suggested and the message says why
    text = "同志们： 刚才我们传达学习了会议精神。 下面，我再强调几点。\n"
    found = LINTER.lint(Document(text, path="draft.txt"))
    assert [(d.code, d.span.start) for d in found] == [("PU013", 4), ("PU013", 19)]
    assert all("另起一段" in d.message and d.fix.applicability is Applicability.UNSAFE for d in found)


def test_a_spaced_label_inside_a_sentence_is_still_a_slip():
    assert findings("要加强 党的建设。\n") == [("PU013", " ", Applicability.SAFE)]
