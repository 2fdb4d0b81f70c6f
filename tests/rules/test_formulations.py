"""CF canonical formulations and the CS term-variant pack, as a user sees them."""
import os

import pytest

from gwlint.linter import Document, Linter
from gwlint.linter.config import Settings
from gwlint.linter.fixer import apply_edits

LINTER = Linter(Settings(select=("CF", "CS050")))
SEEDS = os.path.join(os.path.dirname(__file__), "..", "..", "corpus", "seeds")


def lint(text, code=None):
    return [d for d in LINTER.lint(Document(text)) if code is None or d.code == code]


def fixed(text, code):
    return apply_edits(text, lint(text, code), unsafe=True)[0]


@pytest.mark.parametrize("text,right", [
    ("深入学习党的十九大五中全会精神。", "深入学习党的十九届五中全会精神。"),
    ("学习贯彻党的二十大三中全会精神。", "学习贯彻党的二十届三中全会精神。"),
    ("学习贯彻党的二十届3中全会精神。", "学习贯彻党的二十届三中全会精神。"),
    ("学习贯彻19届五中全会精神。", "学习贯彻十九届五中全会精神。"),
    ("学习贯彻党的20大精神。", "学习贯彻党的二十大精神。"),
    ("中国共产党第二十届全国代表大会胜利召开。", "中国共产党第二十次全国代表大会胜利召开。"),
])
def test_meeting_names(text, right):
    assert lint(text, "CF001") and fixed(text, "CF001") == right


@pytest.mark.parametrize("text", [
    "学习党的二十大和二十届三中全会精神。", "召开二十届中央纪委三次全会。", "十四届全国人民代表大会第二次会议。",
    "2019届毕业生就业。", "党的十九届五中全会。",
])
def test_meeting_names_written_right(text):
    assert not lint(text, "CF001")


@pytest.mark.parametrize("wrong", [
    "习近平新时代特色社会主义思想", "习近平中国特色社会主义思想", "新时代习近平中国特色社会主义思想",
    "习近平新时代中国特色社会主义理论",
])
def test_xi_thought_variants(wrong):
    text = f"坚持以{wrong}为指导。"
    [d] = lint(text, "CF002")
    assert text[d.span.start:d.span.end] == wrong
    assert fixed(text, "CF002") == "坚持以习近平新时代中国特色社会主义思想为指导。"


def test_core_formulations():
    assert fixed("紧密团结在以习近平总书记为核心的党中央周围。", "CF002") == "紧密团结在以习近平同志为核心的党中央周围。"
    assert fixed("认真学习习总书记重要讲话。", "CF002") == "认真学习习近平总书记重要讲话。"
    assert not lint("认真学习总书记重要讲话，坚决维护习近平总书记党中央的核心、全党的核心地位。", "CF002")


@pytest.mark.parametrize("wrong,right", [
    ("中央八条规定", "中央八项规定"),
    ("中央八项规定精神实施细则", "中央八项规定及其实施细则精神"),
    ("中央八项规定及实施细则精神", "中央八项规定及其实施细则精神"),
    ("“两个拥护”", "“两个维护”"),
    ("“两个确认”", "“两个确立”"),
    ("国家总体安全观", "总体国家安全观"),
    ("“五位一体”战略布局", "“五位一体”总体布局"),
    ("“四个全面”总体布局", "“四个全面”战略布局"),
    ("中国人民共和国", "中华人民共和国"),
    ("稳中求进总基调", "稳中求进工作总基调"),
])
def test_canonical_formulations(wrong, right):
    text = f"坚决落实{wrong}。"
    [d] = lint(text, "CF004")
    assert text[d.span.start:d.span.end] in wrong and len(text[d.span.start:d.span.end]) >= 4
    assert d.severity.value == "error" and d.fix.applicability.value == "safe"
    assert fixed(text, "CF004") == f"坚决落实{right}。"


@pytest.mark.parametrize("text", [
    "严格落实中央八项规定及其实施细则精神。", "做到“两个维护”，深刻领悟“两个确立”。", "坚持总体国家安全观。",
    "统筹推进“五位一体”总体布局，协调推进“四个全面”战略布局。", "双方签订两个确认书。", "中华人民共和国成立75周年。",
])
def test_canonical_formulations_written_right(text):
    assert not lint(text, "CF004")


@pytest.mark.parametrize("text,right", [
    ("增强政治意识、核心意识、大局意识、看齐意识。", "增强政治意识、大局意识、核心意识、看齐意识。"),
    ("坚定道路自信、制度自信、理论自信、文化自信。", "坚定道路自信、理论自信、制度自信、文化自信。"),
    ("坚持创新、协调、开放、绿色、共享的新发展理念。", "坚持创新、协调、绿色、开放、共享的新发展理念。"),
    ("推进党的政治建设、组织建设、思想建设。", "推进党的政治建设、思想建设、组织建设。"),
])
def test_fixed_list_order(text, right):
    [d] = lint(text, "CF003")
    assert d.fix is not None and fixed(text, "CF003") == right


@pytest.mark.parametrize("text", [
    "增强政治意识、大局意识、核心意识、看齐意识。",
    "坚持开放、创新，推进协调发展。",            # two generic words are not the 新发展理念 list
    "加强文化建设、经济建设。",                  # fewer than three members of 五位一体
    "推进党的政治建设、思想建设、组织建设、作风建设、纪律建设，把制度建设贯穿其中。",
])
def test_fixed_list_order_leaves_other_lists_alone(text):
    assert not lint(text, "CF003")


def test_outdated_formulation_is_info_without_fix():
    text = "深入学习贯彻习近平总书记系列重要讲话精神。"
    [d] = lint(text, "CF005")
    assert d.severity.value == "info" and d.fix is None
    assert "习近平总书记重要讲话重要指示精神" in d.message


def test_numbered_plan_quotes():
    assert fixed("编制好全县十四五规划，谋划十五五时期发展。", "CF006") == "编制好全县“十四五”规划，谋划“十五五”时期发展。"
    assert not lint("编制好全县“十四五”规划。", "CF006")


def test_outdated_agency_names():
    text = "按照国土资源部的部署开展调查。"
    [d] = lint(text, "CF007")
    assert d.severity.value == "info" and d.fix.edits[0].replacement == "自然资源部"
    assert not lint("原国土资源部曾发文规范，各级国土资源部门配合自然资源部开展工作。", "CF007")


def test_the_pack_is_dated_and_versioned():
    meta = LINTER.registry.metas["CF004"]
    assert "版本 2026.11" in meta.docs.basis and "截至 2026-11-01" in meta.docs.basis


# --- CS050 term variants ------------------------------------------------------------------------
def test_term_variants_flag_the_minority_with_the_majority_as_related():
    text = "成立项目建设督察组。督查组每周通报一次，督查组要及时反馈。"
    [d] = lint(text, "CS050")
    assert text[d.span.start:d.span.end] == "督察"
    assert d.message == "本文“督察”（1 处）与“督查”（2 处）混用，建议统一为“督查”"
    assert text[d.related[0].span.start:d.related[0].span.end] == "督查"
    assert fixed(text, "CS050") == "成立项目建设督查组。督查组每周通报一次，督查组要及时反馈。"


def test_formal_names_with_ducha_do_not_count():
    assert not lint("持续巩固中央环保督察整改成果。督查组要及时反馈。", "CS050")


def test_county_lists():
    text = "各县（市、区）要高度重视。各县市区要按时报送。各县（市、区）要抓好落实。"
    [d] = lint(text, "CS050")
    assert text[d.span.start:d.span.end] == "县市区"


def test_seed_formulations_are_found():
    with open(os.path.join(SEEDS, "001_961d880ff691864d.txt"), encoding="utf-8") as fh:
        text = fh.read()
    found = {(d.code, text[d.span.start:d.span.end]) for d in lint(text)}
    assert ("CF001", "十九大五中全会") in found
    assert ("CF005", "习近平总书记系列重要讲话精神") in found
