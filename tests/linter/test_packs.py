"""User rule packs: loading, validation errors that name file, rule and key, and every kind."""
import pytest

from gwlint.linter import Document, Linter
from gwlint.linter.config import ConfigError, Settings

PACK = '''
[pack]
name = "house"
version = "1"

[[rule]]
code = "ZJ101"
name = "house-terms"
title = "本单位用语"
kind = "substitution"
fix = "safe"
message = "本单位统一写作“{replacement}”"
what = "本单位用语。"
why = "统一。"
swap = [["网格化服务管理", "网格化管理服务"]]
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
message = "“{found}”与“{other}”混用"
what = "w"
why = "y"
either = [["网格管理员", "网格员"]]

[[rule]]
code = "ZJ104"
name = "house-order"
title = "顺序"
kind = "ordered"
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
'''


def _linter(tmp_path, text=PACK, **kw):
    (tmp_path / "house.toml").write_text(text, encoding="utf-8")
    return Linter(Settings(packs=(str(tmp_path / "house.toml"),), **kw))


def test_user_pack_rules_run_with_fixes(tmp_path):
    lin = _linter(tmp_path)
    doc = Document("推进网格化服务管理。大测试。网格管理员和网格管理员与网格员。丙方案、甲方案、乙方案。通过学习使大家提高。")
    codes = sorted(d.code for d in lin.lint(doc) if d.code.startswith("ZJ"))
    assert codes == ["ZJ101", "ZJ102", "ZJ103", "ZJ104", "ZJ105"]
    fix = next(d for d in lin.lint(doc) if d.code == "ZJ101").fix
    assert fix.edits[0].replacement == "网格化管理服务"


@pytest.mark.parametrize("bad,needle", [
    (PACK.replace('kind = "substitution"', 'kind = "magic"'), "kind“magic”"),
    (PACK.replace('code = "ZJ101"', 'code = "Z101"'), "Z101"),
    (PACK.replace('swap = [["网格化服务管理", "网格化管理服务"]]', 'swap = [["网格化服务管理", "网格化管理服务"]]\ncolour = 1'), "colour"),
    (PACK.replace("\\p{Han}测试", "(unclosed"), "ZJ102"),
    (PACK.replace('[pack]', '[pack\n'), "TOML"),
])
def test_invalid_packs_name_file_rule_and_key(tmp_path, bad, needle):
    with pytest.raises(ConfigError) as e:
        _linter(tmp_path, bad)
    assert "house.toml" in str(e.value) and needle in str(e.value)


def test_builtin_pack_can_be_switched_off():
    doc = Document("深入学习党的十九大五中全会精神。")
    assert any(d.code == "CF001" for d in Linter(Settings()).lint(doc))
    assert not any(d.family == "CF" for d in Linter(Settings(disable_packs=("formulations",))).lint(doc))


def test_vocab_accept_silences_wording_rules(tmp_path):
    (tmp_path / ".gwlint.toml").write_text('[vocab]\naccept = ["其它"]\n', encoding="utf-8")
    from gwlint.linter.config import settings_for
    lin = Linter(settings_for(str(tmp_path / "a.txt")))
    assert not [d for d in lin.lint(Document("其它事项另行通知。")) if d.family == "WD"]
