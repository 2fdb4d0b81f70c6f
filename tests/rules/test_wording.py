"""WD wording rules as a user sees them: every 易错词 pair found and fixed, the look-alikes
left alone, the context-dependent suggestions, redundancy, institution pairs, 的/地/得 and
既使/即使."""
import os
import sys

import pytest

from gwlint.linter import Document, Linter
from gwlint.linter.config import Settings
from gwlint.linter.fixer import apply_edits
from gwlint.rules import builtin_packs_dir

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

LINTER = Linter(Settings(select=("WD",)))
PACK = tomllib.loads(builtin_packs_dir().joinpath("wording.toml").read_text(encoding="utf-8"))
WD001 = next(r for r in PACK["rule"] if r["code"] == "WD001")
PAIRS = [(e[0], e[1]) if isinstance(e, list) else (e["from"], e["to"]) for e in WD001["swap"]]
EXCEPTIONS = [x for e in WD001["swap"] if isinstance(e, dict) for x in e.get("exceptions", [])]
SEEDS = os.path.join(os.path.dirname(__file__), "..", "..", "corpus", "seeds")


def lint(text, code=None):
    found = LINTER.lint(Document(text))
    return [d for d in found if code is None or d.code == code]


def spans(text, code):
    return [text[d.span.start:d.span.end] for d in lint(text, code)]


# --- WD001 易错词 -----------------------------------------------------------------------------
def test_the_typo_pack_is_large_and_every_pair_has_a_rationale():
    assert len(PAIRS) >= 300
    assert all(isinstance(e, list) and len(e) == 3 and e[2] or isinstance(e, dict) and e.get("note")
               for e in WD001["swap"])


@pytest.mark.parametrize("wrong,right", PAIRS, ids=[w for w, _ in PAIRS])
def test_every_pair_is_found_in_a_sentence_and_fixed(wrong, right):
    text = f"会议强调，{wrong}，要抓好落实。"
    found = lint(text, "WD001")
    assert [text[d.span.start:d.span.end] for d in found] == [wrong]
    assert found[0].message.startswith(f"易错词：“{wrong}”应为“{right}”")
    fixed, _ = apply_edits(text, found)
    assert fixed == f"会议强调，{right}，要抓好落实。"
    assert not lint(fixed, "WD001")


@pytest.mark.parametrize("phrase", EXCEPTIONS)
def test_listed_look_alikes_are_not_flagged(phrase):
    assert not lint(f"会议指出，{phrase}，要抓好落实。", "WD001")


@pytest.mark.parametrize("text", [
    "心中有一杆秤。", "大家备受鼓舞，要再接再厉。", "面对严峻工作形势。", "按装订线裁切。", "按装机容量计算。",
    "有关健康的知识。", "由双方协商确定。", "国家俱乐部。", "过渡假期。", "请回复盖章扫描件。",
    "当事人申辩认为。", "发布署名文章。", "深圳成份股指数。", "阳光采购平台。", "湿法冶金工艺。",
    "贯彻退役军人保障法。", "上海拨付资金。", "关键全在落实。", "富饶幸福的家园。", "平安祥和的节日。",
    "充分发扬广大党员的首创精神。", "这毕竟争取到了。", "打磨擦亮。", "结构紧凑和谐。", "选拔任用。",
])
def test_correct_text_that_contains_a_wrong_form_across_words_is_left_alone(text):
    assert not lint(text, "WD001")


def test_the_fix_is_safe_and_replaces_only_the_wrong_characters():
    text = "大家倍受鼓舞，表示要再接再励。"
    found = lint(text, "WD001")
    assert [d.fix.applicability.value for d in found] == ["safe", "safe"]
    assert apply_edits(text, found)[0] == "大家备受鼓舞，表示要再接再厉。"


# --- WD002 / WD004 / WD006 suggestions ---------------------------------------------------------
@pytest.mark.parametrize("text,wrong,right", [
    ("截止目前，已完成投资12亿元。", "截止", "截至"),
    ("截止到6月底，共受理120件。", "截止到", "截至"),
    ("为全市发展做出应有的贡献。", "做出", "作出"),
    ("对此项工作做出了重要批示。", "做出", "作出"),
    ("做为一名党员，要带头遵守纪律。", "做为", "作为"),
    ("防治和纠正损害群众利益的行为。", "防治和纠正", "防止和纠正"),
    ("完善应急通讯手段。", "通讯", "通信"),
    ("其它事项另行通知。", "其它", "其他"),
])
def test_context_confusables_are_suggestions(text, wrong, right):
    [d] = lint(text, "WD002")
    assert text[d.span.start:d.span.end] == wrong and d.fix.edits[0].replacement == right
    assert d.fix.applicability.value == "unsafe" and d.severity.value == "info"


@pytest.mark.parametrize("text", [
    "报名截止日期为5月1日。", "不做出头鸟。", "把样品做出来。", "作出新的更大贡献。", "新闻通讯员。", "其他事项另行通知。",
])
def test_context_confusables_leave_right_uses_alone(text):
    assert not lint(text, "WD002")


@pytest.mark.parametrize("text,fixed", [
    ("此项工作涉及到多个部门。", "此项工作涉及多个部门。"),
    ("目前还存在有一些问题。", "目前还存在一些问题。"),
    ("参会人员约300人左右。", "参会人员约300人。"),
    ("大约300人左右参加。", "大约300人参加。"),
    ("覆盖率超过90%以上。", "覆盖率超过90%。"),
    ("主要原因是由于投入不足。", "主要原因是投入不足。"),
    ("目的是为了提高效率。", "目的是提高效率。"),
])
def test_redundancy(text, fixed):
    found = lint(text, "WD004")
    assert found and apply_edits(text, found, unsafe=True)[0] == fixed


def test_redundancy_leaves_right_uses_alone():
    assert not lint("存在有效期限制，参会人员约300人，覆盖率达到90%以上，约有300人。", "WD004")


@pytest.mark.parametrize("text,wrong,right", [
    ("市委、政府高度重视。", "市委、政府", "市委、市政府"),
    ("县委、政府迅速部署。", "县委、政府", "县委、县政府"),
    ("区委和政府联合发文。", "区委和政府", "区委和区政府"),
])
def test_abbreviated_institution_pairs(text, wrong, right):
    [d] = lint(text, "WD006")
    assert text[d.span.start:d.span.end] == wrong and d.message == f"机构并称不对称：“{wrong}”应为“{right}”"
    assert d.fix.edits[0].replacement == right


def test_institution_pairs_written_in_full_are_fine():
    assert not lint("市委、市政府高度重视，各级党委、政府要负起责任，乡镇党委、政府抓落实。", "WD006")


# --- WD003 的/地/得 -------------------------------------------------------------------------------
@pytest.mark.parametrize("text,phrase,right", [
    ("把困难和问题估计的更充分一些。", "估计的", "得"),
    ("把措施准备的更周全一些。", "准备的", "得"),
    ("即使厕所建的再多再好，也没有用。", "建的", "得"),
    ("争取更好的完成全年目标任务。", "更好的", "地"),
    ("各项工作有条不紊的在推进。", "有条不紊的", "地"),
    ("要科学合理的摆布工作。", "科学合理的", "地"),
    ("让他们心悦诚服的 “下”。", "心悦诚服的", "地"),
    ("要积极的推进改革。", "积极的", "地"),
])
def test_de_di_de_patterns(text, phrase, right):
    [d] = lint(text, "WD003")
    assert d.span.start == text.index(phrase) + len(phrase) - 1 and text[d.span.start] == "的"
    assert d.message.startswith(f"“的”应为“{right}”")
    assert d.fix.applicability.value == "unsafe"


@pytest.mark.parametrize("text", [
    "作出新的更大贡献。", "为大家创造更好的干事创业条件。", "推广好的做法。", "不做出头鸟。",
    "大学的很多学生参加了活动。", "我讲的很多内容大家都记下了。", "要说的太多，太多。", "我们所做的太少。",
    "为企业提供更好的服务。", "奉行积极的对华政策。", "起到了积极的推动作用。", "应该得到全面、切实的执行。",
    "经过持续不断的“严打”。", "获取的成果来之不易。",
])
def test_de_di_de_leaves_right_uses_alone(text):
    assert not lint(text, "WD003")


def test_qu_de():
    text = "今年取的成绩来之不易，去年取的了突破。"
    found = lint(text, "WD003")
    assert apply_edits(text, found, unsafe=True)[0] == "今年取得的成绩来之不易，去年取得了突破。"


# --- WD005 既使 / 即使 --------------------------------------------------------------------------
def test_jishi_concessive():
    text = "既使遇到再大的困难，也要按期完成任务。"
    [d] = lint(text, "WD005")
    assert text[d.span.start:d.span.end] == "既使" and d.fix.edits[0].replacement == "即使"


@pytest.mark.parametrize("text", [
    "这项改革既使企业减轻了负担，又使群众得到了实惠。",
    "既使城市更美，也使群众受益。",
    "即使遇到困难，也要坚持。",
])
def test_jishi_pairs_are_left_alone(text):
    assert not lint(text, "WD005")


# --- the seeds ---------------------------------------------------------------------------------
def _seed(name):
    with open(os.path.join(SEEDS, name), encoding="utf-8") as fh:
        return fh.read()


@pytest.mark.parametrize("name,code,phrase,count", [
    ("001_961d880ff691864d.txt", "WD001", "倍受鼓舞", 1),
    ("001_961d880ff691864d.txt", "WD001", "一杆称", 1),
    ("004_24bec596c64ccf90.txt", "WD001", "避而退之", 1),
    ("004_24bec596c64ccf90.txt", "WD006", "市委、政府", 4),
    ("002_0c10c1c94f5806af.txt", "WD006", "县委、政府", 1),
    ("004_24bec596c64ccf90.txt", "WD002", "其它", 1),
    ("004_24bec596c64ccf90.txt", "WD002", "做出", 1),
    ("004_24bec596c64ccf90.txt", "WD002", "防治和纠正", 1),
    ("001_961d880ff691864d.txt", "WD004", "涉及到", 1),
])
def test_seed_errors_are_found(name, code, phrase, count):
    text = _seed(name)
    assert spans(text, code).count(phrase) == count


TRADITIONAL_SPEECH = ("在紀念秋收起義80周年動員大會上的講話\n\n同志們：\n"
                      "今天，我們在這裏隆重集會，紀念秋收起義80周年。當年，革命先輩們在這裏點燃了武裝鬥爭的火種，"
                      "開闢了農村包圍城市、武裝奪取政權的道路。我們要繼承和發揚光榮傳統，為實現經濟社會發展目標而奮鬥。\n")


def test_a_document_in_traditional_characters_is_reported_once_on_its_title():
    doc = Document(TRADITIONAL_SPEECH, path="d.txt")
    found = [d for d in Linter().lint(doc) if d.code == "WD007"]
    assert [doc.text[d.span.start:d.span.end] for d in found] == ["在紀念秋收起義80周年動員大會上的講話"]


def test_a_site_breadcrumb_above_does_not_hide_the_traditional_finding():
    # the breadcrumb is a leftover line (WM001) and holds the first traditional character
    text = "首頁>演講稿>公眾演講>在紀念秋收起義80周年動員大會上的講話\n\n" + TRADITIONAL_SPEECH
    codes = [d.code for d in Linter().lint(Document(text, path="d.txt"))]
    assert "WM001" in codes and codes.count("WD007") == 1
