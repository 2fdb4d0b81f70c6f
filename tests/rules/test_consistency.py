"""CS in-document consistency: what a user sees (code, flagged text, message, related place,
fix), and the look-alikes that must stay quiet."""
import pytest

from gwlint.linter import Document, Linter
from gwlint.linter.config import Settings
from gwlint.linter.fixer import apply_edits
from gwlint.linter.model import Applicability

LINTER = Linter(Settings(select=("CS",)))
CODES = frozenset(f"CS00{i}" for i in range(1, 8))


def lint(text, path="draft.txt"):
    doc = Document(text, path=path)
    return doc, [d for d in LINTER.lint(doc, enabled=CODES) if d.code in CODES]


def flagged(text, path="draft.txt"):
    doc, diags = lint(text, path)
    return [(d.code, doc.text[d.span.start:d.span.end]) for d in diags]


def one(text, code, path="draft.txt"):
    doc, diags = lint(text, path)
    assert len(diags) == 1, [(d.code, doc.text[d.span.start:d.span.end], d.message) for d in diags]
    d = diags[0]
    assert d.code == code
    return doc, d


def fixed(text, path="draft.txt"):
    doc, diags = lint(text, path)
    out, _ = apply_edits(text, diags, unsafe=True)
    return out


def related_text(doc, d):
    assert len(d.related) == 1
    r = d.related[0].span
    return doc.text[r.start:r.end]


# --------------------------------------------------------------------------- CS001 ranges

def test_range_minority_hyphen_flagged_with_counts_related_and_fix():
    text = "1—6月，全市投资增长8%。4—6月增速加快。7-9月再发放消费券600万元。"
    doc, d = one(text, "CS001")
    assert doc.text[d.span.start:d.span.end] == "7-9"
    assert d.message == "本文时间范围用“—”连接 2 处、用“-”连接 1 处，建议统一为“—”（GB/T 15834-2011 4.13.3.2）"
    assert related_text(doc, d) == "4—6"
    assert d.related[0].message == "多数写法：“4—6月”"
    assert d.fix.applicability is Applicability.UNSAFE
    assert fixed(text) == text.replace("7-9月", "7—9月")


def test_seed_like_month_ranges_tie_goes_to_yiziixian():
    text = "1—6月份，全市完成固定资产投资120亿元。1-6月份，新开工项目45个。"
    assert flagged(text) == [("CS001", "1-6")]


def test_year_range_and_day_range_are_time_ranges():
    assert flagged("1—9月，收入增长。2021-2023年，差距扩大。") == [("CS001", "2021-2023")]
    assert flagged("6月1日—20日全面排查；6月21-30日集中整改；7月1日—5日总结。") == [("CS001", "21-30")]


def test_wave_dash_among_time_ranges_is_flagged():
    assert flagged("1—6月增长，7—9月回落，10～12月回升。") == [("CS001", "10～12")]


def test_numeric_ranges_and_time_ranges_are_different_kinds():
    # GB/T 15834/15835: 一字线 for months, 浪纹线 for numeric ranges: not an inconsistency
    assert flagged("1—6月，游客增长15%～30%，投资9亿～16亿元，每村选派3～5名指导员，回收期8～10年。") == []
    assert flagged("1—6月完成任务，每村选派1～2名指导员，培训2～3天。") == []


def test_numeric_range_hyphen_flagged_only_when_clearly_minority():
    assert flagged("每村3～5名，每户2～3人，每镇5-8名。") == [("CS001", "5-8")]
    # one each: no majority; NU001 reports the hyphen anyway
    assert flagged("预计增长7～8%，每村选派1-2名。") == []
    # — and ～ are both standard for numeric ranges
    assert flagged("每村3～5名，每户2—3人，每镇5～8名。") == []


def test_unit_repeated_numeric_ranges_are_compared():
    assert flagged("增长15%～30%，占比20%～25%，降低5%-8%。") == [("CS001", "5%-8%")]
    assert flagged("投资9亿～16亿元，融资3万元～5万元，补助2亿-3亿元。") == [("CS001", "2亿-3亿元")]


def test_hyphen_majority_is_left_to_nu001():
    assert flagged("1-6月完成投资，7-9月发放消费券，10—12月总结。") == []


def test_clock_ranges_compared_among_themselves():
    text = "上午9:00—11:30报到，下午14:30—17:00开会，晚上19:00-21:00座谈。"
    assert flagged(text) == [("CS001", "19:00-21:00")]
    assert fixed(text) == text.replace("19:00-21:00", "19:00—21:00")
    # a clock range is not compared with month ranges
    assert flagged("1-6月完成，时间为7:30—10:00。") == []


@pytest.mark.parametrize("text", [
    "1—6月完成。联系电话：010-12345678，0571-8888666。",
    "1—6月完成。地点：B座3-206会议室。",
    "1—6月完成。各单位于2024-07-12前报送。",
    "1—6月完成。详见图2-1和表3-2。",
    "1—6月完成。文号为云政发〔2024〕36号，编号青房鉴2024-031。",
    "1—6月完成。依据GB/T 15834-2011和GB/T 9704-2012执行。",
    "1—6月完成。网址为http://www.example.gov.cn/2024-07/12-3.html。",
])
def test_things_that_are_not_ranges_are_not_compared(text):
    assert flagged(text) == []


# --------------------------------------------------------------------------- CS002 dates

def test_iso_date_beside_chinese_dates():
    text = "2024年7月5日下午召开会议。各单位要于2024-07-12前报送。\n\n区专班办公室\n2024年7月8日\n"
    doc, d = one(text, "CS002")
    assert doc.text[d.span.start:d.span.end] == "2024-07-12"
    assert d.message == "本文日期写作“××××年×月×日”格式 2 处、“××××-××-××”格式 1 处，建议统一为“××××年×月×日”格式"
    assert related_text(doc, d) == "2024年7月5日"
    assert fixed(text) == text.replace("2024-07-12", "2024年7月12日")


@pytest.mark.parametrize("other,form", [("2024.7.12", "“××××.×.×”"), ("2024/7/12", "“××××/×/×”")])
def test_dot_and_slash_dates(other, form):
    doc, d = one(f"会议于2024年7月5日召开，材料于{other}前报送。", "CS002")
    assert doc.text[d.span.start:d.span.end] == other
    assert form in d.message


def test_nonstandard_date_format_never_suggested_even_when_majority():
    text = "2024.7.1启动，2024.7.10前完成，2024.7.20验收，2024年7月30日总结。"
    diags = flagged(text)
    assert diags == [("CS002", "2024.7.1"), ("CS002", "2024.7.10"), ("CS002", "2024.7.20")]
    assert fixed(text) == "2024年7月1日启动，2024年7月10日前完成，2024年7月20日验收，2024年7月30日总结。"


def test_year_month_day_is_the_target_even_when_all_digit_dates_are_more():
    # all-digit dates belong in tables (GB/T 15835 5.1.4); page metadata often brings many of them
    text = "2024-07-01启动，2024-07-10前完成，2024-07-15检查，2024年7月20日验收。\n\n某某局\n2024年7月1日\n"
    doc, diags = lint(text)
    assert [doc.text[d.span.start:d.span.end] for d in diags] == ["2024-07-01", "2024-07-10", "2024-07-15"]
    assert fixed(text) == "2024年7月1日启动，2024年7月10日前完成，2024年7月15日检查，2024年7月20日验收。\n\n某某局\n2024年7月1日\n"


def test_all_digit_majority_follows_its_padding_when_no_date_is_written_with_year_month_day():
    text = "2024-07-01启动，2024-07-10前完成，2024.7.15检查。\n"
    doc, diags = lint(text)
    assert [doc.text[d.span.start:d.span.end] for d in diags] == ["2024.7.15"]
    assert fixed(text) == "2024-07-01启动，2024-07-10前完成，2024-07-15检查。\n"


@pytest.mark.parametrize("text", [
    "会议于2024年7月5日召开，材料于2024年7月12日前报送，2024年8月上旬再次召开。",
    "2024年7月5日召开。版本号V2024.7.5，软件2024.1版。",
    "2024年7月5日召开。产量2024.5万吨，IP为192.168.1.10。",
    "2024年7月5日召开。学年为2024-2025学年，编号2024-031。",
    "2024年7月5日召开。详见https://www.example.gov.cn/2024-07-12/notice.html。",
    "2024年7月5日召开。日期格式2024.13.45不是日期。",
])
def test_date_look_alikes(text):
    assert flagged(text) == []


def test_iso_dates_in_markdown_tables_are_allowed():
    text = "会议于2024年7月5日召开。\n\n| 事项 | 完成时间 |\n| --- | --- |\n| 报送材料 | 2024-07-12 |\n"
    assert flagged(text, path="d.md") == []


# --------------------------------------------------------------------------- CS003 numerals

def test_seed_like_count_forms():
    text = "要抓好非法集资、问题楼盘、信访积案3类突出问题的化解工作。集中化解“三类突出问题”。"
    doc, d = one(text, "CS003")
    assert doc.text[d.span.start:d.span.end] == "3"
    assert d.message == "本文同一计数写作“三类突出”（汉字数字）1 处、“3类突出”（阿拉伯数字）1 处，建议统一用汉字数字"
    assert related_text(doc, d) == "三"
    assert fixed(text) == text.replace("3类", "三类")


def test_count_majority_arabic():
    text = "从3个方面部署：……这3个方面相互联系。抓好三个方面的工作。"
    assert flagged(text) == [("CS003", "三")]
    assert fixed(text) == text.replace("三个方面", "3个方面")


def test_two_written_liang():
    text = "抓好两个方面：一是……二是……。这2个方面缺一不可。"
    assert flagged(text) == [("CS003", "2")]
    assert fixed(text) == text.replace("2个方面", "两个方面")


def test_quarters():
    assert flagged("一季度增长5%，二季度增长6%，3季度增长7%。") == [("CS003", "3")]
    assert fixed("一季度增长5%，二季度增长6%，3季度增长7%。") == "一季度增长5%，二季度增长6%，三季度增长7%。"


@pytest.mark.parametrize("text", [
    "重点解决三类突出问题，完成3个项目，建成5个示范点。",           # different things counted
    "第三类问题另行部署，3类问题限期解决。",                          # an ordinal is not a count
    "增强“四个意识”，完成4个项目。",                                  # fixed expression vs count
    "一个中心、一项制度，共1个项目、1项任务。",                        # 一 is mostly indefinite
    "一是抓落实，二是抓项目。完成2个项目。",                          # 一是/二是 are not counts
    "七八个村庄完成改造，另有7个村庄启动。",                          # approximation
    "党的十九大精神；全省19个市州。",
    "三个代表重要思想；3个代表团参会。",
    "前三名获奖，前3名发言。",
    "三个多月来，3个月内完成。",
])
def test_numeral_look_alikes(text):
    assert flagged(text) == []


# --------------------------------------------------------------------------- CS004 labels

def test_label_minority_flagged_with_fix():
    text = ("下面，我讲四句话。\n第一句话：方向不能偏\n……\n第二句话：力度不能减\n……\n"
            "第三句：标准不能降\n……\n第四句话：劲头不能松\n")
    doc, d = one(text, "CS004")
    assert doc.text[d.span.start:d.span.end] == "第三句"
    assert d.message == "这组并列标签用“第×句话” 3 处、“第×句” 1 处，建议统一为“第×句话”"
    assert related_text(doc, d) in ("第二句话", "第四句话")
    assert fixed(text) == text.replace("第三句：", "第三句话：")


def test_seed_like_labels_majority_short_form():
    text = "我讲四句话。第一句：抓项目。第二句：抓招商。第三句：抓服务。第四句话：抓落实。"
    assert flagged(text) == [("CS004", "第四句话")]


def test_aspect_and_point_labels():
    assert flagged("第一个方面，抓产业。第二个方面，抓项目。第三方面，抓服务。") == [("CS004", "第三方面")]
    assert flagged("第一点意见：抓产业。第二点意见：抓项目。第三点：抓服务。") == [("CS004", "第三点")]


@pytest.mark.parametrize("text", [
    "第一句：抓项目。第二句：抓招商。他讲的第一句话，就说到了点子上。",   # prose, not a label
    "第一句话：抓项目。第二句：抓招商。",                               # two labels: no majority
    "第一句话：抓项目。第二句话：抓招商。第三句话：抓服务。",
    "第一点：抓项目。第二个问题：抓招商。第三点：抓服务。",            # different label series
    "第三方面临较大风险，第三方面对面沟通。第一方面，第二方面，",        # 第三方 + 面临
])
def test_label_look_alikes(text):
    assert flagged(text) == []


# --------------------------------------------------------------------------- CS005 percent

def test_percent_minority_safe_fix():
    text = "普及率达到85%以上，无害化处理率达到90％，污水治理率达到45%以上。"
    doc, d = one(text, "CS005")
    assert doc.text[d.span.start:d.span.end] == "90％"
    assert d.message == "本文百分号用“%” 2 处、“％” 1 处，建议统一为“%”"
    assert related_text(doc, d) in ("85%", "45%")
    assert d.fix.applicability is Applicability.SAFE
    assert fixed(text) == text.replace("％", "%")


def test_percent_tie_goes_to_halfwidth_and_fullwidth_majority_is_followed():
    assert flagged("增长12％，占比35%。") == [("CS005", "12％")]
    assert flagged("增长12％，占比35％，完成率90%。") == [("CS005", "90%")]


def test_percent_in_urls_is_ignored():
    assert flagged("增长12％，占比35％。详见http://example.gov.cn/a%20b.html") == []


# --------------------------------------------------------------------------- CS006 institution pairs

def test_institution_pairs():
    text = "在市委、市政府的领导下，区委、区政府高度重视。市委市政府确定的工程，区委区政府综合督查室负责督办。"
    doc, diags = lint(text)
    assert [(d.code, doc.text[d.span.start:d.span.end]) for d in diags] == [
        ("CS006", "市委市政府"), ("CS006", "区委区政府")]
    assert diags[0].message == "本文机构并称加顿号 2 处（如“市委、市政府”）、不加顿号 2 处，建议统一为“市委、市政府”"
    assert related_text(doc, diags[1]) == "区委、区政府"
    assert diags[1].message.endswith("建议统一为“区委、区政府”")
    assert fixed(text) == text.replace("市委市政府", "市委、市政府").replace("区委区政府", "区委、区政府")


def test_institution_pair_standard_form_wins_even_in_minority():
    text = "县委县政府高度重视，县委县政府主要领导，县委、县政府部署。"
    assert flagged(text) == [("CS006", "县委县政府"), ("CS006", "县委县政府")]


def test_party_committee_and_government_pairs():
    assert flagged("各级党委、政府要高度重视，各级党委政府要压实责任。") == [("CS006", "党委政府")]
    assert flagged("党中央、国务院高度重视，党中央国务院作出部署。") == [("CS006", "党中央国务院")]


@pytest.mark.parametrize("text", [
    "市委市政府高度重视，各级党委政府齐抓共管。",             # consistent (no 顿号 form only)
    "市委、市政府高度重视，各级党委政府齐抓共管。",            # different pairs
    "市委、政府分管领导，市委市政府",                           # 市委、政府 is WD006's abbreviation
    "市委组织部、市政府办公室，市委、市政府。",
])
def test_institution_look_alikes(text):
    assert flagged(text) == []


# --------------------------------------------------------------------------- CS007 clock times

def test_clock_colon_width():
    text = "上午9:00报到，9:30开会，下午14：30分组讨论。"
    doc, d = one(text, "CS007")
    assert doc.text[d.span.start:d.span.end] == "14：30"
    assert d.message == "本文时刻用半角冒号“:” 2 处、全角冒号“：” 1 处，建议统一为半角冒号“:”"
    assert d.fix.applicability is Applicability.SAFE
    assert fixed(text) == text.replace("14：30", "14:30")


@pytest.mark.parametrize("text", [
    "上午9:00报到，资金按1：1比例配套，比例为1:10。",
    "时间：9:00，地点：三楼会议室。",                # the label colon is not a time
    "上午9：00报到，下午14：30开会。",                # consistent
])
def test_clock_look_alikes(text):
    assert flagged(text) == []


# --------------------------------------------------------------------------- whole documents

def test_clean_report_has_no_consistency_findings():
    text = (
        "云岚市2024年上半年文化和旅游市场运行情况报告\n\n市人民政府：\n"
        "今年以来，市文化广电和旅游局认真落实市委、市政府决策部署。\n"
        "1—6月，全市共接待国内游客3286.5万人次，同比增长18.4%。热门景区日均客流较平日增长15%～30%。"
        "周末自驾游客中七八成来自周边城市。单体投资在9亿～16亿元之间的重大项目5个。\n"
        "（一）抓好暑期和国庆假期旅游市场。推出一批精品线路。\n"
        "上午9:00—11:30召开调度会。联系电话：0571-12345678。\n"
        "特此报告。\n\n云岚市文化广电和旅游局\n2024年7月15日\n")
    assert flagged(text) == []


def test_each_finding_points_at_a_majority_occurrence():
    text = "1—6月，4—6月，7-9月。市委、市政府，市委、市政府，市委市政府。增长5%，增长6%，增长7％。"
    doc, diags = lint(text)
    assert sorted(d.code for d in diags) == ["CS001", "CS005", "CS006"]
    for d in diags:
        (r,) = d.related
        assert r.span != d.span and r.message.startswith("多数写法")


# --------------------------------------------------------------------------- more look-alikes

def test_joint_issuer_in_a_title_is_not_a_pair_to_unify():
    assert flagged("中共中央、国务院高度重视。认真贯彻《中共中央国务院关于加快建设全国统一大市场的意见》。") == []


def test_building_number_range_is_not_a_time_range():
    # 3-5号楼 is a numeric range (NU001 reports its hyphen), not a time range beside 1—6月
    assert flagged("1—6月，全市完成投资。3-5号楼改造完成。") == []


def test_clock_colon_counts_every_time_in_a_range():
    text = "报名时间为8:00—17:30，咨询时间8：30—17：00。"
    assert flagged(text) == [("CS007", "8：30"), ("CS007", "17：00")]


def test_quarter_forms_with_di():
    assert flagged("第1季度、第2季度完成，第三季度启动。") == [("CS003", "三")]


def test_mixed_pairs_across_levels_point_at_the_same_pair_when_possible():
    text = "市委、市政府；区委、区政府；县委县政府；镇党委、镇政府；乡党委乡政府。"
    doc, diags = lint(text)
    assert [doc.text[d.span.start:d.span.end] for d in diags] == ["县委县政府", "乡党委乡政府"]
    assert fixed(text) == "市委、市政府；区委、区政府；县委、县政府；镇党委、镇政府；乡党委、乡政府。"


@pytest.mark.parametrize("text", [
    "今年以来，全市认真落实市委、市政府决策部署。一季度增长5.1%，二季度增长5.6%，前三季度增长5.3%。",
    "会议时间：2024年7月5日（星期五）上午9:00—11:30。报到时间：7月4日14:00—18:00。电话：0571-88886666。",
    "全市1—9月生产总值增长5%。回收期8～10年，年均增长15%～20%，每户补助3000—5000元，每村选派2～3名干部。",
    "按照“一年打基础、两年见成效、三年大变样”的思路，用2—3年时间完成改造。",
    "党的二十大和二十届三中全会精神；“十四五”规划；三大攻坚战；3个产业集群。",
    "分两个阶段实施：第一阶段（2024年7月—9月），第二阶段（2024年10月—12月）。",
    "第一阶段：2024.7.1—2024.9.30；第二阶段：2024.10.1—2024.12.31；总结阶段：2025年1月。",
    "坚持“两个毫不动摇”，完成2个项目。做到“三个务必”。",
])
def test_clean_passages(text):
    assert flagged(text) == []


def test_bare_ordinal_labels_and_point_labels_in_one_series():
    text = "我讲三点意见。第一，抓项目。第二，抓招商。第三点，抓服务。"
    assert flagged(text) == [("CS004", "第三点")]
    assert fixed(text) == "我讲三点意见。第一，抓项目。第二，抓招商。第三，抓服务。"
    text = "第一点，抓项目。第二点，抓招商。第三，抓服务。"
    assert flagged(text) == [("CS004", "第三")]
    assert fixed(text) == "第一点，抓项目。第二点，抓招商。第三点，抓服务。"


def test_label_series_are_compared_only_within_themselves():
    text = ("第一，抓项目。第二，抓招商。第三，抓服务。\n"
            "我再讲三点要求。第一点，讲政治。第二点，讲规矩。第三点，讲担当。")
    assert flagged(text) == []
    # nested bare sub-lists do not break a 第×句话 series
    text = ("第一句话：抓项目。第一，要快；第二，要实。\n第二句话：抓招商。\n第三句：抓服务。第一，要优；第二，要简。\n"
            "第四句话：抓落实。")
    assert flagged(text) == [("CS004", "第三句")]


def test_ranking_is_not_a_label():
    assert flagged("全省排名第一，增速第二，总量第三点五。第一，抓项目。第二，抓招商。") == []
