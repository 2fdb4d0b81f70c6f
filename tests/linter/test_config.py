"""Configuration discovery, validation and the allow-list writer."""
import os

import pytest

from gwlint.linter.config import (ConfigError, add_allowed_phrase, describe, find_config, load_file,
                                  settings_for)


@pytest.fixture
def tree(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    (tmp_path / "proj" / "sub" / "deep").mkdir(parents=True)
    return tmp_path / "proj"


def test_closest_file_wins_and_order_in_a_folder(tree):
    (tree / "gwlint.toml").write_text('ignore = ["PU"]\n', encoding="utf-8")
    (tree / ".gwlint.toml").write_text('ignore = ["NU"]\n', encoding="utf-8")
    (tree / "sub" / "pyproject.toml").write_text('[tool.gwlint]\nignore = ["WD"]\n', encoding="utf-8")
    draft = tree / "sub" / "deep" / "a.txt"
    draft.write_text("正文", encoding="utf-8")
    assert find_config(str(draft)) == str(tree / "sub" / "pyproject.toml")
    assert settings_for(str(draft)).ignore == ("WD",)
    assert find_config(str(tree / "x.txt")) == str(tree / ".gwlint.toml")


def test_pyproject_without_tool_gwlint_is_skipped(tree):
    (tree / "gwlint.toml").write_text('select = ["PH"]\n', encoding="utf-8")
    (tree / "sub" / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert find_config(str(tree / "sub" / "a.txt")) == str(tree / "gwlint.toml")


def test_unknown_key_names_file_key_and_suggestion(tree):
    cfg = tree / "gwlint.toml"
    cfg.write_text('selct = ["PH"]\n', encoding="utf-8")
    with pytest.raises(ConfigError) as e:
        settings_for(str(tree / "a.txt"))
    assert str(cfg) in str(e.value) and "selct" in str(e.value) and "select" in str(e.value)


def test_wrong_type_and_bad_toml_are_errors(tree):
    cfg = tree / "gwlint.toml"
    cfg.write_text('select = "PH"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="select.*字符串数组"):
        load_file(str(cfg))
    cfg.write_text('select = [\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="TOML"):
        load_file(str(cfg))
    (tree / "pyproject.toml").write_text('[tool.gwlint.conventions]\naccept = 1\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="tool.gwlint.conventions.accept"):
        load_file(str(tree / "pyproject.toml"))


def test_extend_and_relative_paths(tree):
    (tree / "base.toml").write_text('ignore = ["PU"]\nprofile = "profiles/org.toml"\n', encoding="utf-8")
    (tree / "sub" / "gwlint.toml").write_text('extend = "../base.toml"\npacks = ["house"]\n', encoding="utf-8")
    s = settings_for(str(tree / "sub" / "a.txt"))
    assert s.ignore == ("PU",)
    assert s.profile == str(tree / "profiles" / "org.toml")
    assert s.packs == (str(tree / "sub" / "house"),)
    sources = {k: src for k, _, src in describe(s)}
    assert sources["ignore"] == str(tree / "base.toml") and sources["packs"] == str(tree / "sub" / "gwlint.toml")
    assert sources["select"] == "默认值"


def test_add_allowed_phrase_creates_and_extends_keeping_comments(tree):
    written = add_allowed_phrase(str(tree), "WM", "本站地址")
    assert written == str(tree / ".gwlint.toml")
    assert settings_for(str(tree / "a.txt")).allow["WM"] == ("本站地址",)
    path = tree / ".gwlint.toml"
    path.write_text("# 项目配置\nignore = [\"NU\"]\n\n[allow]\nWM = [\"本站地址\"]\n", encoding="utf-8")
    add_allowed_phrase(str(tree), "WM", "另一个")
    add_allowed_phrase(str(tree), "PH", "X型")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# 项目配置\n")
    s = settings_for(str(tree / "a.txt"))
    assert s.allow == {"WM": ("本站地址", "另一个"), "PH": ("X型",)} and s.ignore == ("NU",)
