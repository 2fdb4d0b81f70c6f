"""gwlint learn: what it learns from a corpus (ordinal scheme, leftovers, placeholders,
punctuation), what it must not learn (genre lines, official contact lines, one-off lines),
standards first (departures are comments, accepted only in config), the whole loop learn ->
check, the default profile is reproducible, and the command line."""
import io
import json
import os
import subprocess
import sys

import pytest

from gwlint.linter import Document, Linter
from gwlint.linter import learn as learn_mod
from gwlint.linter.cli import main
from gwlint.linter.config import Settings
from gwlint.linter.learn import Learner, learn_paths, normalize_token, standard_form
from gwlint.linter.profile import Profile, load_profile_file, parse_profile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SEEDS = os.path.join(ROOT, "corpus", "seeds")
SHIPPED = os.path.join(ROOT, "rules", "profiles", "default.toml")

BRAND = "云笺阁"              # an invented brand stamp: WM does not know it
GENRE = ("同志们：", "下面，我讲几点意见。", "谢谢大家！")


def speech(n, level3="1.", stamp=True, closing="谢谢大家！"):
    """A speech whose third heading level uses ``level3``; the stamp block sits at the top and
    right after the closing line, next to the genre lines."""
    o3 = lambda i: level3.replace("1", str(i))
    lines = [f"在第{n}季度工作会议上的讲话"]
    if stamp:
        lines += [BRAND, f"{BRAND}独家整理发布，咨询QQ8{n}6157060"]
    lines += ["同志们：", "下面，我讲几点意见。",
              "一、总体要求", "（一）指导思想",
              f"{o3(1)}坚持问题导向，推进第{n}项工作。", f"{o3(2)}坚持目标导向，完成第{n}项任务。",
              "（二）工作目标", f"{o3(1)}完成年度目标{n}项。",
              "二、保障措施", f"要在{n}月底前完成。", closing]
    if stamp:
        lines += [BRAND]
    return "\n".join(lines) + "\n"


def write_corpus(folder, docs):
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(docs):
        (folder / f"doc{i:02d}.txt").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def corpus(tmp_path):
    return write_corpus(tmp_path / "corpus", [speech(n) for n in range(1, 5)])


def learned(folder, **kw):
    return learn_paths([str(folder)], warn=None, **kw)


# --- the default profile ----------------------------------------------------------------------
def test_default_profile_is_reproducible_from_the_seeds():
    _, text = learn_paths([SEEDS])
    with open(SHIPPED, "rb") as fh:
        shipped = fh.read()
    assert text.encode("utf-8") == shipped, "stale: run scripts/relearn_default_profile.py"


def test_relearn_script_checks_the_shipped_file():
    r = subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "relearn_default_profile.py"), "--check"],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


def test_cli_from_another_folder_writes_the_same_bytes(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "p.toml"
    assert main(["learn", os.path.relpath(SEEDS, tmp_path), "-o", "p.toml"]) == 0
    with open(SHIPPED, "rb") as fh:
        assert out.read_bytes() == fh.read()


def test_default_profile_content():
    with open(SHIPPED, "rb") as fh:
        profile = parse_profile("default.toml", fh.read())
    assert profile.documents == 5
    assert profile.ordinal_styles == {1: "一、"}       # depth 2: one seed uses 1、, one （一）: no convention
    assert set(profile.leftover_lines) >= {"仅供学习禁止外传", "酷乐文行", "自建平台、实时分享", "【打击倒卖活动】",
                                          "现在订阅立享前3年的所有权益和资料", "会员群：免费QQ群：",
                                          "酷乐文行整理，咨询QQ206157060"}
    assert profile.leftover_phrases == ("酷乐文行",)
    assert not set(profile.leftover_lines) & {"同志们：", "同志们："}
    assert {"XX", "×", "X"} <= set(profile.placeholder_tokens)
    assert profile.punctuation["range-connector"] == "—"
    with open(SHIPPED, encoding="utf-8") as fh:
        text = fh.read()
    assert "“1、” 1 篇 14 处" in text and "accept-ordinals" in text


# --- the whole loop: learn, then check a new draft ---------------------------------------------
DRAFT = "关于做好年度工作的讲话\n一、总体要求\n（一）工作目标\n（1）完成改造任务。\n\n云笺阁\n"


def test_learned_profile_is_enforced_by_check(corpus, tmp_path):
    out = tmp_path / "profile.toml"
    profile, text = learn_paths([str(corpus)], str(out), warn=None)
    assert out.read_text(encoding="utf-8") == text
    assert profile.ordinal_styles == {1: "一、", 2: "（一）", 3: "1."}
    assert BRAND in profile.leftover_lines and profile.leftover_phrases == (BRAND,)
    assert not set(GENRE) & set(profile.leftover_lines)
    found = {(d.code, DRAFT[d.span.start:d.span.end], d.message)
             for d in Linter(Settings(profile=str(out))).lint(Document(DRAFT))}
    hd = [f for f in found if f[0] == "HD012"]
    assert hd and hd[0][1] == "（1）" and "1." in hd[0][2]
    assert any(code == "WM009" and span == BRAND for code, span, _ in found)
    # without the profile neither fires: the finding comes from what was learned
    plain = {d.code for d in Linter(Settings(profile="none")).lint(Document(DRAFT))}
    assert "HD012" not in plain and "WM009" not in plain


def test_learned_profile_from_config_and_command_line(corpus, tmp_path, monkeypatch, capsys):
    project = tmp_path / "project"
    project.mkdir()
    monkeypatch.chdir(project)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert main(["learn", str(corpus), "-o", "org.toml"]) == 0
    (project / "draft.txt").write_text(DRAFT, encoding="utf-8")
    capsys.readouterr()
    assert main(["check", "--profile", "org.toml", "--output-format", "json", "draft.txt"]) == 1
    codes = {r["code"] for r in json.loads(capsys.readouterr().out)}
    assert {"HD012", "WM009"} <= codes
    (project / ".gwlint.toml").write_text('profile = "org.toml"\n', encoding="utf-8")
    assert main(["check", "--output-format", "json", "draft.txt"]) == 1
    codes = {r["code"] for r in json.loads(capsys.readouterr().out)}
    assert {"HD012", "WM009"} <= codes


# --- standards first ----------------------------------------------------------------------------
def test_departure_is_recorded_as_the_standard_form_and_only_accepted_in_config(tmp_path):
    folder = write_corpus(tmp_path / "c", [speech(n, level3="1、") for n in range(1, 4)])
    out = tmp_path / "p.toml"
    profile, text = learn_paths([str(folder)], str(out), warn=None)
    assert profile.ordinal_styles[3] == "1."
    assert profile.ordinal_departures == {3: "1、"}
    assert "“1、” 3 篇 9 处" in text and "B.3.3" in text and 'accept-ordinals = ["1、"]' in text
    assert profile.accepted_departures(Settings()) == {}
    accepting = Settings(profile=str(out), conventions={"accept-ordinals": ["1、"]})
    assert profile.accepted_departures(accepting) == {3: "1、"}
    draft = "一、总体要求\n（一）工作目标\n1、完成改造任务。\n2、完成验收。\n"
    strict = {d.code for d in Linter(Settings(profile=str(out))).lint(Document(draft))}
    assert "HD007" in strict                       # the standard still applies
    relaxed = {d.code for d in Linter(accepting).lint(Document(draft))}
    assert not {"HD007", "HD012"} & relaxed      # the project said so in its config


def test_no_convention_when_the_corpus_is_divided(tmp_path):
    docs = [speech(n, level3="1.") for n in range(1, 3)] + [speech(n, level3="（1）") for n in range(3, 5)]
    profile, text = learned(write_corpus(tmp_path / "c", docs))
    assert 3 not in profile.ordinal_styles
    assert "# level-3：语料中未形成一致的约定（“1.” 2 篇 6 处，“（1）” 2 篇 6 处），不作要求" in text


def test_standard_form_of_faulty_styles():
    assert [standard_form(s) for s in ("1、", "１．", "(1)", "1）", "（一）、", "(一)", "一.", "一，", "第一部分")] == \
        ["1.", "1.", "（1）", "（1）", "（一）", "（一）", "一、", "一、", "第一部分"]


# --- what must not be learned -------------------------------------------------------------------
def test_genre_lines_next_to_a_stamp_are_not_learned(tmp_path):
    closing = ["谢谢大家", "谢谢大家！", "谢谢各位！", "谢谢大家"]
    docs = []
    for n in range(1, 5):
        docs.append("\n".join([
            "关于做好防汛工作的通知", "各乡镇人民政府：", "现将有关事项通知如下。",
            "一、加强领导", f"各地要在{n}日内完成排查。", "特此通知。", closing[n - 1],
            "云岚市人民政府办公室", f"2024年{n}月{n}日", "第1页共2页", "更多范文请访问青柚文库www.qingyou8.com"]) + "\n")
    profile, text = learned(write_corpus(tmp_path / "c", docs))
    for line in ("谢谢大家", "谢谢大家！", "特此通知。", "云岚市人民政府办公室", "各乡镇人民政府：", "第1页共2页"):
        assert line not in profile.leftover_lines, line
    assert "更多范文请访问青柚文库www.qingyou8.com" in profile.leftover_lines


def test_official_contact_lines_and_one_off_lines_are_not_learned(tmp_path):
    docs = []
    for n in range(1, 5):
        docs.append("\n".join([
            f"关于开展第{n}次检查的通知", "联系人：王明", "联系电话：0571-87654321", "网址：www.yunlan.gov.cn",
            "请各单位认真落实。"] + ([f"本文由{BRAND}整理，咨询QQ123456789"] if n == 1 else []))
            + "\n")
    profile, _ = learned(write_corpus(tmp_path / "c", docs))
    assert profile.leftover_lines == ()
    assert profile.leftover_phrases == ()
    # a line seen once is learned only when the user lowers --min-docs
    profile, _ = learned(tmp_path / "c", min_docs=1)
    assert f"本文由{BRAND}整理，咨询QQ123456789" in profile.leftover_lines


def test_inline_adverts_that_recur_become_phrases(tmp_path):
    stamp = "（来源：青柚范文网qingyou8.com）"
    docs = [f"关于第{n}项工作的报告\n全年完成投资{n}亿元，同比增长8%。{stamp}下一步我们将继续努力。\n" for n in range(1, 4)]
    profile, text = learned(write_corpus(tmp_path / "c", docs))
    assert "（来源：青柚范文网qingyou8.com）" in profile.leftover_phrases
    assert "插在正文中的广告" in text


# --- placeholders and punctuation -------------------------------------------------------------
def test_placeholder_vocabulary_is_normalised_and_counted(tmp_path):
    docs = ["请XX同志于X月X日前报送。\n姓名：________\n请XX单位参加。\nX    X    X    X\n",
            "请XX单位参加，时间为20XX年。\n"]
    profile, text = learned(write_corpus(tmp_path / "c", docs))
    tokens = profile.placeholder_tokens
    assert tokens[0] == "XX"
    assert {"X月X日", "___", "20XX年", "X X X", "XX同志"} <= set(tokens)
    assert '"XX",  # 2 处，2 篇' in text
    assert normalize_token("（\u3000\u3000）") == "（ ）" and normalize_token("＿＿＿＿") == "＿＿"


def test_punctuation_preferences(tmp_path):
    docs = [f"计划招收3～5名，资金10～20万元，2021-2023年共{n}项。\n一、总体要求\n（一）目标\n1、完成任务\n2、验收\n"
            for n in range(1, 4)]
    profile, text = learned(write_corpus(tmp_path / "c", docs))
    assert profile.punctuation["number-range-connector"] == "～"      # a standard choice: the corpus decides
    assert profile.punctuation["range-connector"] == "—"              # "-" is not standard: comment only
    assert "“-” 3 处；多用的“-”不符合 GB/T 15834-2011 4.13.3.2" in text
    assert profile.punctuation["ordinal-mark-arabic"] == "."
    assert "“、” 6 处；多用的“、”不符合 GB/T 15834-2011 B.3.3" in text


# --- reading the corpus ---------------------------------------------------------------------------
def test_reads_folders_recursively_md_and_gbk_and_skips_undecodable(tmp_path, capsys):
    folder = tmp_path / "c"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(speech(1), encoding="utf-8")
    (folder / "sub" / "b.md").write_text("```\n云笺阁\n```\n" + speech(2), encoding="utf-8")
    (folder / "sub" / "c.txt").write_bytes(speech(3).encode("gb18030"))
    (folder / "notes.docx").write_bytes(b"PK\x03\x04")
    (folder / "bad.txt").write_bytes(b"\x00\x01\x02binary")
    profile, text = learn_paths([str(folder)])
    err = capsys.readouterr().err
    assert "bad.txt：看起来是二进制文件" in err and "已跳过" in err
    assert profile.documents == 3
    assert BRAND in profile.leftover_lines
    assert "例：a.txt" in text and str(tmp_path) not in text    # example files are relative names


def test_learning_streams_and_bounds_memory(tmp_path, monkeypatch):
    monkeypatch.setattr(learn_mod, "MAX_TRACKED", 200)
    docs = []
    for n in range(60):
        unique = "\n".join(f"第{n}篇独有的一句话，编号{n * 100 + k}。" for k in range(20))
        docs.append(speech(n) + unique + "\n")
    folder = write_corpus(tmp_path / "c", docs)
    learner = learn_mod.learn([str(folder)])
    assert learner.documents == 60 and learner.pruned > 0
    assert len(learner.line_docs) <= 200
    assert BRAND in {n for n, *_ in learner.leftover_lines()}
    assert not hasattr(learner, "docs") and not any(isinstance(v, Document) for v in vars(learner).values())


def test_output_is_deterministic(corpus):
    assert learned(corpus).text == learned(corpus).text


def test_learner_uses_no_profile_while_learning():
    # learning must judge the corpus on its own: the built-in profile's leftovers are not evidence
    learner = Learner()
    assert learner.linter.profile == Profile()
    doc = Document("酷乐文行\n正文。\n", path="a.txt")
    learner.add(doc, "a.txt")
    assert learner.flag_docs.get("酷乐文行", 0) == 0


# --- command line -------------------------------------------------------------------------------
def test_cli_writes_stdout_without_output_and_always_prints_a_summary(corpus, capsys):
    assert main(["learn", str(corpus)]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("# gwlint 约定配置") and "[ordinals]" in out
    assert err.count("\n") == 1 and "学习了 4 个文件（跳过 0 个" in err and "个/秒" in err
    assert "\r" not in err                     # no progress when stderr is not a terminal


def test_cli_shows_progress_on_a_terminal(corpus, monkeypatch, capsys, tmp_path):
    class Tty(io.StringIO):
        def isatty(self):
            return True
    fake = Tty()
    monkeypatch.setattr(sys, "stderr", fake)
    assert main(["learn", str(corpus), "-o", str(tmp_path / "p.toml")]) == 0
    shown = fake.getvalue()
    assert "\r\x1b[K学习中 4/4 个文件" in shown
    assert shown.split("\n")[-2].split("\r\x1b[K")[-1].startswith("gwlint: 学习了 4 个文件")


@pytest.mark.parametrize("argv,needle", [
    (["learn", "nope-dir"], "nope-dir：文件或目录不存在"),
    (["learn", "{corpus}", "-o", "no/such/dir/p.toml"], "no/such/dir/p.toml：所在目录不存在"),
    (["learn", "{empty}"], "没有找到 .txt 或 .md 文件"),
    (["learn", "{junk}"], "所有文件都无法读取"),
])
def test_cli_errors_exit_2_with_one_line_naming_the_file(argv, needle, corpus, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty").mkdir()
    (tmp_path / "junk").mkdir()
    (tmp_path / "junk" / "x.txt").write_bytes(b"\x00\x00binary")
    argv = [a.format(corpus=corpus, empty=tmp_path / "empty", junk=tmp_path / "junk") for a in argv]
    assert main(argv) == 2
    err = capsys.readouterr().err
    last = err.strip().splitlines()[-1]
    assert last.startswith("gwlint: 错误：") and needle in last


def test_cli_rejects_bad_options(corpus, capsys):
    assert main(["learn", str(corpus), "--min-docs", "0"]) == 2
    assert main(["learn", str(corpus), "--min-share", "1.5"]) == 2


def test_cli_min_docs_and_share_are_recorded(corpus, tmp_path):
    out = tmp_path / "p.toml"
    assert main(["learn", str(corpus), "-o", str(out), "--min-docs", "3", "--min-share", "0.75"]) == 0
    text = out.read_text(encoding="utf-8")
    assert "min-docs = 3\nmin-share = 0.75\n" in text
    assert load_profile_file(str(out)).documents == 4
