"""gwlint learn: the default profile is reproducible, a learned profile is enforced by
gwlint check, genre lines are not learned as leftovers, bad profiles are clear errors."""
import os

import pytest

from gwlint.linter import Document, Linter
from gwlint.linter.cli import main
from gwlint.linter.config import ConfigError, Settings
from gwlint.linter.learn import learn_paths
from gwlint.linter.profile import load_profile_file

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

DOC = """关于做好第{n}季度工作的通知
笔墨轩
笔墨轩独家整理发布

同志们：
下面，我讲几点意见。
一、总体要求
（一）指导思想
1.坚持问题导向，推进第{n}项工作。
2.坚持目标导向，完成第{n}项任务。
（二）工作目标
1.完成年度目标。
二、保障措施
谢谢大家！
"""


def test_default_profile_is_reproducible_from_the_seeds():
    _, text, _ = learn_paths([os.path.join(ROOT, "corpus", "seeds")])
    with open(os.path.join(ROOT, "rules", "profiles", "default.toml"), encoding="utf-8") as fh:
        shipped = fh.read()
    assert text == shipped, "re-run: gwlint learn corpus/seeds -o rules/profiles/default.toml"


def test_default_profile_records_standard_forms_and_seed_leftovers():
    profile, text, _ = learn_paths([os.path.join(ROOT, "corpus", "seeds")])
    assert profile.ordinal_styles[1] == "一、"
    assert profile.ordinal_styles[2] == "（一）"       # the seeds' 1、 is a departure, kept as a comment
    assert "1、" in text and "accept-ordinals" in text
    assert "仅供学习禁止外传" in profile.leftover_lines and "酷乐文行" in profile.leftover_phrases
    assert "XX" in profile.placeholder_tokens


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for n in range(1, 4):
        (folder / f"doc{n}.txt").write_text(DOC.format(n=n), encoding="utf-8")
    return folder


def test_learned_profile_is_enforced_by_check(corpus, tmp_path, capsys):
    out = tmp_path / "profile.toml"
    assert main(["learn", str(corpus), "-o", str(out)]) == 0
    profile = load_profile_file(str(out))
    assert profile.ordinal_styles == {1: "一、", 2: "（一）", 3: "1."}
    assert "笔墨轩独家整理发布" in profile.leftover_lines
    assert not any(l in profile.leftover_lines for l in ("同志们：", "下面，我讲几点意见。", "谢谢大家！"))
    assert "笔墨轩" in profile.leftover_lines and profile.leftover_phrases == ("笔墨轩",)
    draft = "一、总体要求\n（一）指导思想\n（1）坚持问题导向。\n\n笔墨轩\n"
    linter = Linter(Settings(profile=str(out)))
    codes = {(d.code, draft[d.span.start:d.span.end]) for d in linter.lint(Document(draft))}
    assert ("HD012", "（1）") in codes
    assert ("WM009", "笔墨轩") in codes
    # without the profile neither fires
    plain = {d.code for d in Linter(Settings(profile="none")).lint(Document(draft))}
    assert "HD012" not in plain and "WM009" not in plain


def test_learn_output_is_deterministic(corpus):
    assert learn_paths([str(corpus)])[1] == learn_paths([str(corpus)])[1]


def test_bad_profile_names_file_and_key(tmp_path):
    bad = tmp_path / "p.toml"
    bad.write_text("[ordinals]\nlevel-9 = \"1.\"\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="ordinals.level-9"):
        load_profile_file(str(bad))
    with pytest.raises(ConfigError, match="不存在"):
        Linter(Settings(profile=str(tmp_path / "missing.toml")))


def test_learn_cli_errors_and_skips_undecodable(tmp_path, capsys):
    assert main(["learn", str(tmp_path / "nope")]) == 2
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01binary")
    (tmp_path / "a.txt").write_text(DOC.format(n=1), encoding="utf-8")
    assert main(["learn", str(tmp_path)]) == 0
    err = capsys.readouterr().err
    assert "bin.txt：错误：" in err and "学习了 1 个文件（跳过 1 个）" in err
