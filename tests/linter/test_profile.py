"""Loading a conventions profile: which one a Settings asks for, validation errors that name
the file and the key, normalisation, caching by (path, mtime), and the contract the rules read
(``ordinal_styles``, ``leftover_lines``, ``leftover_phrases``, ``placeholder_tokens``)."""
import os

import pytest

from gwlint.linter import Document, Linter
from gwlint.linter import profile as profile_mod
from gwlint.linter.config import ConfigError, Settings, load_file
from gwlint.linter.profile import (EMPTY, Profile, default_profile, load_for_settings, load_profile_file,
                                   normalize_line, parse_profile)
from gwlint.rules import default_profile_path

GOOD = """
[meta]
generator = "gwlint learn"
documents = 12
min-docs = 2
min-share = 0.6

[ordinals]
level-1 = "一、"
level-2 = "（一）"
level-3 = "1."  # comments are fine

[ordinal-departures]
level-3 = "1、"

[leftovers]
lines = ["云笺阁", "仅供学习\u3000禁止 外传", "云笺阁"]
phrases = [" 云笺阁 "]

[placeholders]
tokens = ["XX", "×"]

[punctuation]
range-connector = "—"
number-range-connector = "～"
ordinal-mark-chinese = "、"
ordinal-mark-arabic = "."
"""


def write(tmp_path, text, name="p.toml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_valid_profile_is_read_and_normalised(tmp_path):
    p = load_profile_file(write(tmp_path, GOOD))
    assert p.ordinal_styles == {1: "一、", 2: "（一）", 3: "1."}
    assert p.ordinal_departures == {3: "1、"}
    assert p.leftover_lines == ("云笺阁", "仅供学习禁止外传")           # spaces of every kind removed, deduplicated
    assert p.leftover_phrases == ("云笺阁",)
    assert p.placeholder_tokens == ("XX", "×")
    assert p.punctuation == {"number-range-connector": "～", "ordinal-mark-arabic": ".",
                             "ordinal-mark-chinese": "、", "range-connector": "—"}
    assert p.documents == 12 and p.source.endswith("p.toml") and not p.builtin


def test_normalize_line_removes_every_kind_of_space_and_the_mask():
    assert normalize_line(" 仅供学习\u00a0禁止\u3000外传\t\ue000 ") == "仅供学习禁止外传"


@pytest.mark.parametrize("text,needle", [
    ("[ordinal]\nlevel-1 = \"一、\"\n", "未知的约定配置表“ordinal”"),
    ("[ordinals]\nlevel-9 = \"1.\"\n", "“ordinals.level-9”"),
    ("[ordinals]\nlevel-0 = \"1.\"\n", "“ordinals.level-0”"),
    ("[ordinals]\nthird = \"1.\"\n", "“ordinals.third”"),
    ("[ordinals]\nlevel-1 = 1\n", "“ordinals.level-1”应为非空字符串"),
    ("[ordinal-departures]\nlevel-2 = \"\"\n", "“ordinal-departures.level-2”应为非空字符串"),
    ("[leftovers]\nlines = \"仅供学习\"\n", "“leftovers.lines”应为字符串数组"),
    ("[leftovers]\nphrases = [1, 2]\n", "“leftovers.phrases”应为字符串数组"),
    ("[leftovers]\nline = []\n", "未知的约定配置项“leftovers.line”"),
    ("[placeholders]\ntokens = [\"XX\", 3]\n", "“placeholders.tokens”应为字符串数组"),
    ("[punctuation]\nrange-dash = \"—\"\n", "未知的约定配置项“punctuation.range-dash”"),
    ("[punctuation]\nrange-connector = 1\n", "“punctuation.range-connector”"),
    ("[meta]\ndocuments = \"5\"\n", "“meta.documents”应为非负整数"),
    ("[meta]\nmin-share = 2\n", "“meta.min-share”"),
    ("[meta]\nauthor = \"me\"\n", "“meta.author”"),
    ("ordinals = 1\n", "“ordinals”应为表"),
    ("level-1 = \"一、\"\n", "未知的约定配置表“level-1”"),
    ("[ordinals\n", "TOML 语法错误"),
])
def test_errors_name_the_file_and_the_key(tmp_path, text, needle):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        load_profile_file(path)
    assert str(info.value).startswith(path + "：") and needle in str(info.value)


def test_io_errors_name_the_file(tmp_path):
    with pytest.raises(ConfigError, match="missing.toml：约定配置文件不存在"):
        load_profile_file(str(tmp_path / "missing.toml"))
    with pytest.raises(ConfigError, match="不是目录"):
        load_profile_file(str(tmp_path))
    gbk = tmp_path / "gbk.toml"
    gbk.write_bytes('[leftovers]\nlines = ["仅供学习"]\n'.encode("gbk"))
    with pytest.raises(ConfigError, match="gbk.toml：约定配置必须是 UTF-8 编码"):
        load_profile_file(str(gbk))


def test_load_for_settings_default_none_and_path(tmp_path):
    default = load_for_settings(Settings())
    assert default is default_profile() and default.builtin
    assert default.source == "gwlint/rules/profiles/default.toml"
    assert default_profile_path().is_file()           # shipped as package data (importlib.resources)
    assert load_for_settings(Settings(profile="none")) is EMPTY
    assert load_for_settings(Settings(profile="None")) is EMPTY
    path = write(tmp_path, GOOD)
    assert load_for_settings(Settings(profile=path)).ordinal_styles[3] == "1."
    with pytest.raises(ConfigError, match="不存在"):
        Linter(Settings(profile=str(tmp_path / "nope.toml")))


def test_relative_profile_path_in_config_is_resolved(tmp_path):
    (tmp_path / "profiles").mkdir()
    write(tmp_path / "profiles", GOOD, "org.toml")
    cfg = write(tmp_path, 'profile = "profiles/org.toml"\n', ".gwlint.toml")
    settings = load_file(cfg)
    assert load_for_settings(settings).ordinal_styles == {1: "一、", 2: "（一）", 3: "1."}


def test_parsed_profiles_are_cached_by_path_and_mtime(tmp_path, monkeypatch):
    path = write(tmp_path, GOOD)
    first = load_profile_file(path)
    assert load_profile_file(path) is first
    calls = []
    real = profile_mod.parse_profile
    monkeypatch.setattr(profile_mod, "parse_profile", lambda *a, **k: calls.append(a) or real(*a, **k))
    assert load_profile_file(path) is first and not calls
    with open(path, "a", encoding="utf-8") as fh:
        fh.write("\n# edited\n")
    st = os.stat(path)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
    second = load_profile_file(path)
    assert calls and second is not first and second == first


def test_accepted_departures_come_from_the_project_config(tmp_path):
    p = load_profile_file(write(tmp_path, GOOD))
    assert p.accepted_departures(Settings()) == {}
    assert p.accepted_departures(Settings(conventions={"accept-ordinals": ["1、"]})) == {3: "1、"}
    assert p.ordinal_styles[3] == "1."            # checking still follows the standard form


def test_the_engine_hands_the_profile_to_rules(tmp_path):
    path = write(tmp_path, GOOD)
    linter = Linter(Settings(profile=path))
    assert linter.profile.leftover_lines == ("云笺阁", "仅供学习禁止外传")
    draft = "一、总体要求\n（一）工作目标\n（1）完成改造任务。\n云笺阁\n"
    found = {(d.code, draft[d.span.start:d.span.end]) for d in linter.lint(Document(draft))}
    assert ("HD012", "（1）") in found and ("WM009", "云笺阁") in found


def test_the_default_profile_is_not_enforced_for_ordinals_but_its_leftovers_are():
    # the default profile learned from five seeds records leftovers every user benefits from;
    # an organisation's ordinal scheme is only enforced from a profile it chose
    draft = "一、总体要求\n1.工作目标\n（1）完成改造任务。\n酷乐文行\n"
    found = {(d.code, draft[d.span.start:d.span.end]) for d in Linter().lint(Document(draft))}
    assert not any(code == "HD012" for code, _ in found)
    assert any(span == "酷乐文行" and code.startswith("WM") for code, span in found)


def test_empty_profile_has_the_documented_types():
    p = Profile()
    assert p == EMPTY and dict(p.ordinal_styles) == {} and p.leftover_lines == () and p.leftover_phrases == ()
    assert p.placeholder_tokens == () and dict(p.punctuation) == {} and p.documents == 0
    assert parse_profile("x.toml", b"") == Profile(source="x.toml")
