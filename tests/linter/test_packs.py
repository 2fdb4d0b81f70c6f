"""TOML rule packs: loading, validation errors that name file, rule and key, every kind with
what a user sees (code, span, message, fix, related information), scopes, exceptions, user
packs that extend or switch off built-in ones, and the one-scan word matcher."""
import random
import re

import pytest

from gwlint.linter import Document, Linter
from gwlint.linter.cli import main
from gwlint.linter.config import ConfigError, Settings
from gwlint.linter.fixer import apply_edits
from gwlint.linter.packs import PackError, builtin_pack_names, load_pack_checkers
from gwlint.linter.packs.kinds import _strip_lookbehind
from gwlint.linter.packs.literal import LiteralMatcher

HEAD = '''
[pack]
name = "house"
version = "1"
as-of = 2026-01-01
'''

PACK = HEAD + '''
[[rule]]
code = "ZJ101"
name = "house-terms"
title = "本单位用语"
kind = "substitution"
fix = "safe"
message = "本单位统一写作“{replacement}”（{note}）"
what = "本单位用语。"
why = "统一。"
exceptions = ["网格化服务管理处"]
swap = [["网格化服务管理", "网格化管理服务", "本单位规定"], ["服务管理", "管理服务"]]
examples = [{ bad = "推进网格化服务管理。", fixed = "推进网格化管理服务。" }, { good = "推进网格化管理服务。" }]

[[rule]]
code = "ZJ102"
name = "house-han-regex"
title = "正则"
kind = "existence"
match = "regex"
message = "发现“{match}”"
what = "w"
why = "y"
tokens = ['\\p{Han}测试']

[[rule]]
code = "ZJ103"
name = "house-consistency"
title = "一致"
kind = "consistency"
fix = "unsafe"
message = "“{found}”（{count_found}）与“{other}”（{count_other}）混用"
what = "w"
why = "y"
either = [["网格管理员", "网格员"]]

[[rule]]
code = "ZJ104"
name = "house-order"
title = "顺序"
kind = "ordered"
fix = "unsafe"
message = "顺序应为“{expected}”"
what = "w"
why = "y"
lists = [["甲方案", "乙方案", "丙方案"]]

[[rule]]
code = "ZJ105"
name = "house-sequence"
title = "句式"
kind = "sequence"
message = "“{match}”句式易造成主语缺失"
what = "w"
why = "y"
steps = [{ pattern = "通过" }, { pattern = "使", max-gap = 20 }]

[[rule]]
code = "ZJ106"
name = "house-title-length"
title = "标题长度"
kind = "occurrence"
scope = "title"
token = '\\p{Han}'
max = 10
message = "标题 {count} 字，超过 {max} 字"
what = "w"
why = "y"
'''


def _write(tmp_path, text, name="house.toml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def _linter(tmp_path, text=PACK, **kw):
    return Linter(Settings(packs=(_write(tmp_path, text),), **kw))


def _found(lin, text, prefix="ZJ"):
    return [d for d in lin.lint(Document(text)) if d.code.startswith(prefix)]


# --- every kind, as a user sees it -------------------------------------------------------------
def test_user_pack_rules_run_with_fixes(tmp_path):
    lin = _linter(tmp_path)
    doc = Document("推进网格化服务管理。大测试。网格管理员和网格管理员与网格员。丙方案、甲方案、乙方案。通过学习使大家提高。")
    codes = sorted(d.code for d in lin.lint(doc) if d.code.startswith("ZJ"))
    assert codes == ["ZJ101", "ZJ102", "ZJ103", "ZJ104", "ZJ105"]
    fix = next(d for d in lin.lint(doc) if d.code == "ZJ101").fix
    assert fix.edits[0].replacement == "网格化管理服务"


def test_substitution_prefers_the_longest_entry_and_replaces_only_the_match(tmp_path):
    lin = _linter(tmp_path)
    text = "推进网格化服务管理工作，加强服务管理。"
    found = _found(lin, text)
    assert [(text[d.span.start:d.span.end], d.message) for d in found] == [
        ("网格化服务管理", "本单位统一写作“网格化管理服务”（本单位规定）"),
        ("服务管理", "本单位统一写作“管理服务”（）"),
    ]
    fixed, _ = apply_edits(text, found)
    assert fixed == "推进网格化管理服务工作，加强管理服务。"


def test_exceptions_keep_look_alike_phrases(tmp_path):
    assert not _found(_linter(tmp_path), "网格化服务管理处负责。")


def test_consistency_flags_the_minority_and_points_at_the_majority(tmp_path):
    lin = _linter(tmp_path)
    text = "网格员要巡查。网格管理员每天报告，网格管理员要尽责。"
    [d] = _found(lin, text)
    assert text[d.span.start:d.span.end] == "网格员" and d.message == "“网格员”（1）与“网格管理员”（2）混用"
    assert d.fix.edits[0].replacement == "网格管理员"
    [rel] = d.related
    assert text[rel.span.start:rel.span.end] == "网格管理员" and rel.span.start == text.index("网格管理员")


def test_consistency_tie_goes_to_the_form_used_first(tmp_path):
    lin = _linter(tmp_path)
    text = "网格员要巡查，网格管理员要报告。"
    [d] = _found(lin, text, "ZJ103")
    assert text[d.span.start:d.span.end] == "网格管理员"
    assert d.fix.edits[0].replacement == "网格员"


def test_ordered_lists_fix_the_order(tmp_path):
    lin = _linter(tmp_path)
    text = "比较丙方案、甲方案、乙方案。"
    [d] = _found(lin, text, "ZJ104")
    assert d.message == "顺序应为“甲方案、乙方案、丙方案”"
    fixed, _ = apply_edits(text, [d], unsafe=True)
    assert fixed == "比较甲方案、乙方案、丙方案。"
    assert not _found(lin, "比较甲方案、乙方案、丙方案，丙方案最好。", "ZJ104")


def test_sequence_stays_inside_a_sentence_and_within_the_gap(tmp_path):
    lin = _linter(tmp_path)
    assert [d.code for d in _found(lin, "通过学习使大家提高。")] == ["ZJ105"]
    assert not _found(lin, "通过学习。使大家提高。")
    assert not _found(lin, "通过" + "认真" * 15 + "使大家提高。")


def test_occurrence_in_the_title_scope(tmp_path):
    lin = _linter(tmp_path)
    long_title = "关于进一步加强全市网格化管理服务工作的通知"
    found = _found(lin, long_title + "\n\n各区：\n现将有关事项通知如下。\n")
    assert [d.code for d in found] == ["ZJ106"]
    assert found[0].span.start == 0 and found[0].message == f"标题 {len(long_title)} 字，超过 10 字"
    assert not _found(lin, "关于开会的通知\n\n各区：\n" + "现将有关事项通知如下。" * 5 + "\n")


def test_scopes_title_body_and_heading(tmp_path):
    pack = HEAD + '''
[[rule]]
code = "ZJ201"
name = "title-only"
title = "t"
kind = "existence"
scope = ["title"]
tokens = ["通知"]
message = "m"
what = "w"
why = "y"

[[rule]]
code = "ZJ202"
name = "heading-only"
title = "t"
kind = "existence"
scope = ["heading"]
tokens = ["工作"]
message = "m"
what = "w"
why = "y"
'''
    lin = _linter(tmp_path, pack)
    text = "关于开会的通知\n\n各单位：\n一、工作安排\n请按通知要求做好工作。\n"
    found = [(d.code, d.span.start) for d in _found(lin, text)]
    assert found == [("ZJ201", text.index("通知")), ("ZJ202", text.index("工作"))]


# --- the built-in packs ------------------------------------------------------------------------
def test_builtin_packs_come_from_the_package():
    assert builtin_pack_names() == ["formulations", "variants", "wording"]
    metas = [m for ch in load_pack_checkers() for m in ch.metas]
    assert {m.code[:2] for m in metas} == {"CF", "CS", "WD"}
    assert all(m.origin.startswith("gwlint/rules/packs/") for m in metas)
    wd001 = next(m for m in metas if m.code == "WD001")
    assert "版本 2026.11" in wd001.docs.basis and wd001.examples


def test_builtin_pack_can_be_switched_off():
    doc = Document("深入学习党的十九大五中全会精神。")
    assert any(d.code == "CF001" for d in Linter(Settings()).lint(doc))
    assert not any(d.family == "CF" for d in Linter(Settings(disable_packs=("formulations",))).lint(doc))


def test_unknown_pack_name_in_disable_packs_is_an_error():
    with pytest.raises(PackError, match="formulation"):
        load_pack_checkers((), ("formulation",))


def test_vocab_accept_silences_wording_rules(tmp_path):
    (tmp_path / ".gwlint.toml").write_text('[vocab]\naccept = ["其它"]\n', encoding="utf-8")
    from gwlint.linter.config import settings_for
    lin = Linter(settings_for(str(tmp_path / "a.txt")))
    assert not [d for d in lin.lint(Document("其它事项另行通知。")) if d.family == "WD"]


def test_user_pack_extends_a_builtin_rule(tmp_path):
    pack = HEAD + '''
[[extend]]
code = "WD001"
swap = [["网格化服务管理", "网格化管理服务", "本单位规定"], ["按装", "安装", "本单位说明"]]
exceptions = ["坐阵地"]
'''
    lin = _linter(tmp_path, pack)
    text = "推进网格化服务管理，按装设备，坐阵地指挥，坐阵指挥。"
    found = [(text[d.span.start:d.span.end], d.message) for d in lin.lint(Document(text)) if d.code == "WD001"]
    assert found == [("网格化服务管理", "易错词：“网格化服务管理”应为“网格化管理服务”（本单位规定）"),
                     ("按装", "易错词：“按装”应为“安装”（本单位说明）"),
                     ("坐阵", "易错词：“坐阵”应为“坐镇”（别字：“镇”误作“阵”）")]
    # other projects are not affected
    assert not [d for d in Linter(Settings()).lint(Document("推进网格化服务管理。")) if d.code == "WD001"]


@pytest.mark.parametrize("ext,needle", [
    ('code = "WD999"\nswap = [["甲", "乙"]]', "WD999"),
    ('code = "CF003"\nswap = [["甲", "乙"]]', "swap"),
    ('code = "WD001"\nswap = "甲"', "swap"),
])
def test_bad_extensions_are_reported(tmp_path, ext, needle):
    with pytest.raises(PackError) as e:
        _linter(tmp_path, HEAD + "\n[[extend]]\n" + ext + "\n")
    assert "house.toml" in str(e.value) and needle in str(e.value)


# --- validation: every message names the file, the rule and the key ---------------------------
@pytest.mark.parametrize("bad,needle", [
    (PACK.replace('kind = "substitution"', 'kind = "magic"'), "“kind”的值“magic”"),
    (PACK.replace('code = "ZJ101"', 'code = "Z101"'), "Z101"),
    (PACK.replace('code = "ZJ101"', 'code = "zj101"'), "zj101"),
    (PACK.replace('swap = [["网格化服务管理"', 'colour = 1\nswap = [["网格化服务管理"'), "“colour”"),
    (PACK.replace("\\p{Han}测试", "(unclosed"), "ZJ102"),
    (PACK.replace('[pack]', '[pack\n'), "TOML"),
    (PACK.replace('title = "正则"', 'title = "正则"\nseverity = 3'), "severity"),
    (PACK.replace('title = "正则"', 'title = "正则"\nenabled = "yes"'), "enabled"),
    (PACK.replace('max = 10', 'max = "10"'), "max"),
    (PACK.replace('max-gap = 20', 'max-gap = -1'), "max-gap"),
    (PACK.replace('code = "ZJ102"', 'code = "ZJ101"'), "重复"),
    (PACK.replace('name = "house-han-regex"', 'name = "house-terms"'), "house-terms"),
    (PACK.replace('["服务管理", "管理服务"]', '["管理", "管理服务"]'), "本身含有错误写法"),
    (PACK.replace('examples = [{ bad', 'examples = [{ wrong = "x" }, { bad'), "examples"),
    (PACK.replace('name = "house"', 'name = "House Pack"'), "[pack]"),
    (PACK.replace('version = "1"', 'version = "1"\nowner = "me"'), "owner"),
    (PACK.replace('what = "本单位用语。"\n', ''), "“what”"),
    (PACK.replace('either = [["网格管理员", "网格员"]]', 'either = [["网格员", "网格员"]]'), "either"),
    (PACK.replace('scope = "title"', 'scope = "footer"'), "footer"),
    (PACK + '\n[[rule]]\ncode = "WD001"\nname = "x-y"\ntitle = "t"\nkind = "existence"\ntokens = ["甲"]\n'
            'message = "m"\nwhat = "w"\nwhy = "y"\n', "WD001"),
])
def test_invalid_packs_name_file_rule_and_key(tmp_path, bad, needle):
    with pytest.raises(ConfigError) as e:
        _linter(tmp_path, bad)
    assert isinstance(e.value, PackError)
    assert "house.toml" in str(e.value) and needle in str(e.value)


def test_a_missing_pack_file_is_reported(tmp_path):
    with pytest.raises(PackError, match="不存在"):
        load_pack_checkers((str(tmp_path / "nope.toml"),), ())


def test_a_folder_of_packs_loads_every_toml_file(tmp_path):
    folder = tmp_path / "packs"
    folder.mkdir()
    _write(folder, PACK, "a.toml")
    _write(folder, PACK.replace('"house"', '"house-two"').replace("ZJ1", "ZK1").replace("house-", "second-"), "b.toml")
    codes = {m.code for ch in load_pack_checkers((str(folder),), ()) for m in ch.metas}
    assert {"ZJ101", "ZK101"} <= codes


def test_cli_reports_a_broken_pack_with_exit_code_2(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    _write(tmp_path, PACK.replace('kind = "substitution"', 'kind = "magic"'))
    (tmp_path / ".gwlint.toml").write_text('packs = ["house.toml"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("推进网格化服务管理。\n", encoding="utf-8")
    rc = main(["check", "a.txt"])
    err = capsys.readouterr().err
    assert rc == 2 and "house.toml" in err and "ZJ101" in err and "magic" in err


def test_pack_rules_get_documented_examples_and_pack_origin(tmp_path):
    lin = _linter(tmp_path)
    meta = lin.registry.metas["ZJ101"]
    assert meta.origin.endswith("house.toml")
    assert meta.examples[0].bad == "推进网格化服务管理。" and meta.examples[0].fixed == "推进网格化管理服务。"
    assert "版本 1" in meta.docs.basis and "2026-01-01" in meta.docs.basis


# --- the matchers ------------------------------------------------------------------------------
def test_literal_matcher_agrees_with_the_longest_first_alternation():
    rnd = random.Random(7)
    alphabet = "的一是了不在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着"
    words = sorted({"".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 4))) for _ in range(300)})
    text = "".join(rnd.choice(alphabet + "，。") for _ in range(20000))
    rx = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))
    expected = [(m.start(), m.end(), m.group()) for m in rx.finditer(text)]
    assert LiteralMatcher(words).finditer(text) == expected
    assert LiteralMatcher(words).finditer(text, 100, 5000) == [
        (m.start(), m.end(), m.group()) for m in rx.finditer(text, 100, 5000)]


def test_leading_lookbehinds_are_stripped_for_the_scan_only():
    assert _strip_lookbehind(r"(?<![\d.])17(?=届)") == "17(?=届)"
    assert _strip_lookbehind(r"(?<=[)\]])x(?<=x)") == "x(?<=x)"
    assert _strip_lookbehind("abc") == "abc"
    doc = Document("党的19大，2019届毕业生，十九届5中全会。")
    found = [(doc.text[d.span.start:d.span.end], d.fix.edits[0].replacement)
             for d in Linter(Settings(select=("CF001",))).lint(doc)]
    assert found == [("19", "十九"), ("5", "五")]


# --- the literal guard of regex substitutions ----------------------------------------------------
_GUARD_PATTERNS = [
    r"((?:二十|十)[一二三四五六七八九]?)大([一二三四五六七八九])中全会", r"(?<=届)1(?=中全会)",
    r"(?<![\d.])17(?=届(?:[一二三四五六七1-7]中全会|中央))", r"(?<=党的)17(?=大)",
    r"(?:(?<=党的)|(?<=中国共产党))第?((?:二十|十)[一二三四五六七八九]?)届全国代表大会",
    r"(?<![“\"])(十[一二三四五六七八九]五)(?=规划|时期|以来)", r"(四个意识|两个维护|三个代表)(?![”\"])",
    r"截止(?:到|至)?(?=目前|当前|今年)", r"约(\d[\d.]*(?:万|亿)?[^\d，。；、\s]{0,3}?)左右", r"(?<=将)近(\d+)左右",
    r"([省市县区])委、政府", r"(?:党委|政府)+工作", r"(?:甲乙|丙丁)?会议", r"大(?=会议|会场)", r"a(?<=a)大会",
]


def _sample(seq, rng) -> str:
    """A random string shaped like the parsed pattern ``seq`` (look-arounds written out)."""
    from gwlint.linter.packs.kinds import _sre
    out = []
    for i, (op, av) in enumerate(seq):
        if op is _sre.LITERAL:
            out.append(chr(av))
        elif op is _sre.IN:
            items = [x for x in av if x[0] is not _sre.NEGATE]
            kind, val = rng.choice(items) if items and len(items) == len(av) else (None, None)
            out.append(chr(val) if kind is _sre.LITERAL else chr(rng.randint(*val)) if kind is _sre.RANGE
                       else "5" if kind is _sre.CATEGORY else rng.choice("甲a。"))
        elif op is _sre.BRANCH:
            out.append(_sample(rng.choice(av[1]), rng))
        elif op is _sre.SUBPATTERN:
            out.append(_sample(av[3], rng))
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
            out.extend(_sample(av[2], rng) for _ in range(rng.randint(av[0], min(av[1], av[0] + 2))))
        elif op is _sre.ASSERT and (av[0] == -1 or i == len(seq) - 1):
            out.append(_sample(av[1], rng))          # a look-behind here, a final look-ahead after
        elif op in (_sre.ANY, _sre.NOT_LITERAL):
            out.append("甲")
    return "".join(out)


@pytest.mark.parametrize("pattern", _GUARD_PATTERNS)
def test_regex_guard_literal_is_present_wherever_the_pattern_matches(pattern):
    # a regex substitution runs only where one of its required literals occurs in the region
    # searched (from `back` characters before it): wherever the pattern matches, one must be there
    from gwlint.linter.packs.kinds import _required_literals, _sre_parse
    found = _required_literals(pattern)
    assert found is not None, pattern
    words, back = found
    rx = re.compile(pattern)
    parsed = _sre_parse.parse(pattern)
    rng = random.Random(pattern)
    noise = list("一二十届大党的中会12。“a")
    matched = 0
    for _ in range(3000):
        chars = list("".join(rng.choice(noise) for _ in range(rng.randint(0, 3))) + _sample(parsed, rng)
                     + "".join(rng.choice(noise) for _ in range(rng.randint(0, 3))))
        for _ in range(rng.choice((0, 0, 1, 2))):          # some damage: the near misses count too
            chars[rng.randrange(len(chars))] = rng.choice(noise)
        text = "".join(chars)
        a = rng.randint(0, len(text))
        b = rng.randint(a, len(text))
        region = text[max(0, a - back):b]
        for _ in rx.finditer(text, a, b):
            matched += 1
            assert any(w in region for w in words), (pattern, text, a, b, words)
    assert matched > 50, pattern      # the samples did exercise the pattern


GUARDED_PACK = HEAD + '''
[[rule]]
code = "ZJ301"
name = "guarded-regex"
title = "测试"
kind = "substitution"
match = "regex"
message = "“{match}”应为“{replacement}”"
what = "测试。"
why = "测试。"
examples = [{ bad = "十九届5中全会", fixed = "十九届五中全会" }, { good = "十九届五中全会" }]
swap = [
  ['(?<=届)5(?=中全会)', "五", "数字"],
  ['(?<=党的)19(?=大)', "十九", "数字"],
  ['约(\\d+人)左右', '约\\1', "重复"],
  ['涉及到', "涉及", "重复"],
]
'''


@pytest.mark.parametrize("text,expected", [
    ("十九届5中全会", ["5"]),
    ("党的19大", ["19"]),
    ("约50人左右", ["约50人左右"]),
    ("党的19大和十九届5中全会，涉及到约50人左右。", ["19", "5", "涉及到", "约50人左右"]),
    ("十九届5中全会，党的十九大，约五十人。", ["5"]),
    ("届里的5中全会会议", []),
])
def test_a_guarded_regex_rule_runs_the_scans_of_the_entries_whose_literals_are_there(tmp_path, text, expected):
    # each entry's scan runs only where one of its literals occurs; every entry must still be
    # found wherever it matches, alone or together with the others
    lin = Linter(Settings(packs=(_write(tmp_path, GUARDED_PACK),)))
    found = _found(lin, text, "ZJ301")
    assert [text[d.span.start:d.span.end] for d in found] == expected
