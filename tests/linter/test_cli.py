"""The command line as a user runs it: output formats, exit codes, stdin, selection, errors,
rule docs, config, and --fix/--diff keeping the file's bytes outside the fixed spans."""
import codecs
import io
import json
import os
import subprocess
import sys

import pytest

from cli_helpers import in_tmp, run  # noqa: F401 (in_tmp is a fixture)

DRAFT = "关于召开工作会议的通知\n请XX参加会议。\n"


def test_text_output_has_location_code_source_line_and_caret(in_tmp, capsys):
    (in_tmp / "a.txt").write_text(DRAFT, encoding="utf-8")
    rc, out, _ = run(["check", "a.txt"], capsys)
    assert rc == 1
    lines = out.splitlines()
    first = next(l for l in lines if l.startswith("a.txt:2:2: PH"))
    assert "XX" in first and "\x1b[" not in out
    i = lines.index(first)
    assert lines[i + 1].endswith("| 请XX参加会议。")
    caret_line = lines[i + 2]
    # 请 is two columns wide on a terminal: the caret sits under XX
    assert caret_line.split("| ", 1)[1].startswith("  ^^")
    assert "发现" in lines[-1]


def test_color_only_when_asked_and_no_color_wins(in_tmp, capsys, monkeypatch):
    (in_tmp / "a.txt").write_text(DRAFT, encoding="utf-8")
    rc, out, _ = run(["check", "--color", "always", "a.txt"], capsys)
    assert "\x1b[" in out
    monkeypatch.setenv("NO_COLOR", "1")
    rc, out, _ = run(["check", "a.txt"], capsys)
    assert "\x1b[" not in out


def test_json_output_fields_and_columns(in_tmp, capsys):
    (in_tmp / "a.txt").write_text(DRAFT, encoding="utf-8")
    rc, out, _ = run(["check", "--output-format", "json", "a.txt"], capsys)
    data = json.loads(out)
    rec = next(r for r in data if r["code"].startswith("PH"))
    assert {k: rec[k] for k in ("path", "line", "column", "end_line", "end_column", "severity")} == \
        {"path": "a.txt", "line": 2, "column": 2, "end_line": 2, "end_column": 4, "severity": rec["severity"]}
    assert rec["name"] and rec["message"]


def test_github_annotations(in_tmp, capsys):
    (in_tmp / "a.txt").write_text(DRAFT, encoding="utf-8")
    rc, out, _ = run(["check", "--output-format", "github", "a.txt"], capsys)
    assert rc == 1
    assert any(l.startswith("::warning file=a.txt,line=2,col=2,endLine=2,endColumn=4,title=gwlint (PH")
               or l.startswith("::error file=a.txt,line=2,col=2") for l in out.splitlines())


def test_exit_codes_clean_findings_usage(in_tmp, capsys):
    (in_tmp / "clean.txt").write_text("请各单位按时参加。\n", encoding="utf-8")
    assert run(["check", "clean.txt"], capsys)[0] == 0
    (in_tmp / "a.txt").write_text(DRAFT, encoding="utf-8")
    assert run(["check", "a.txt"], capsys)[0] == 1
    assert run(["check", "--exit-zero", "a.txt"], capsys)[0] == 0
    rc, _, err = run(["check", "missing.txt"], capsys)
    assert rc == 2 and "missing.txt" in err
    rc, _, err = run(["check", "--output-format", "xml", "a.txt"], capsys)
    assert rc == 2


def test_select_ignore_and_statistics(in_tmp, capsys):
    (in_tmp / "a.txt").write_text(DRAFT, encoding="utf-8")
    rc, out, _ = run(["check", "--ignore", "PH", "a.txt"], capsys)
    assert "PH0" not in out
    rc, out, _ = run(["check", "--select", "PH", "--statistics", "--no-source", "a.txt"], capsys)
    stat = [l for l in out.splitlines() if l.strip().startswith("1  PH")]
    assert stat, out
    rc, _, err = run(["check", "--select", "QQ", "a.txt"], capsys)
    assert rc == 2 and "QQ" in err


def test_stdin_with_filename(in_tmp, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(DRAFT.encode("gb18030"))))
    rc, out, _ = run(["check", "--stdin-filename", "draft.txt", "--output-format", "json", "-"], capsys)
    assert rc == 1
    assert json.loads(out)[0]["path"] == "draft.txt"


def test_binary_and_undecodable_files_get_one_line_error_and_are_skipped(in_tmp, capsys):
    (in_tmp / "bin.txt").write_bytes(b"\x00\x01\x02\x03PK\x03\x04")
    (in_tmp / "a.txt").write_text(DRAFT, encoding="utf-8")
    rc, out, err = run(["check", "bin.txt", "a.txt"], capsys)
    assert rc == 2
    assert err.strip().startswith("bin.txt：错误：") and "Traceback" not in err
    assert "a.txt:2:2" in out


def test_bad_config_exit_2_names_file_and_key(in_tmp, capsys):
    (in_tmp / ".gwlint.toml").write_text("selekt = ['PH']\n", encoding="utf-8")
    (in_tmp / "a.txt").write_text(DRAFT, encoding="utf-8")
    rc, _, err = run(["check", "a.txt"], capsys)
    assert rc == 2 and ".gwlint.toml" in err and "selekt" in err and "Traceback" not in err


def test_folder_recursion_include_exclude(in_tmp, capsys):
    (in_tmp / "d" / "old").mkdir(parents=True)
    (in_tmp / "d" / "a.txt").write_text(DRAFT, encoding="utf-8")
    (in_tmp / "d" / "b.md").write_text(DRAFT, encoding="utf-8")
    (in_tmp / "d" / "c.docx").write_bytes(b"PK\x03\x04")
    (in_tmp / "d" / "old" / "x.txt").write_text(DRAFT, encoding="utf-8")
    rc, out, _ = run(["check", "--output-format", "json", "--exclude", "old", "d"], capsys)
    paths = {r["path"].replace(os.sep, "/") for r in json.loads(out)}
    assert paths == {"d/a.txt", "d/b.md"}


def test_rule_docs_and_config_sources(in_tmp, capsys):
    rc, out, _ = run(["rule", "PH001"], capsys)
    assert rc == 0 and out.startswith("# PH001") and "## 检查内容" in out and "## 依据" in out
    rc, out, _ = run(["rule", "--all"], capsys)
    assert "| [PH001]" in out
    rc, _, err = run(["rule", "PH999"], capsys)
    assert rc == 2
    (in_tmp / "gwlint.toml").write_text("ignore = ['NU']\n", encoding="utf-8")
    rc, out, _ = run(["config"], capsys)
    assert "gwlint.toml" in out and 'ignore = ["NU"]' in out


@pytest.mark.parametrize("encoding,bom,newline", [("utf-8", False, "\n"), ("utf-8", True, "\r\n"),
                                                  ("gb18030", False, "\n")])
def test_fix_keeps_encoding_bom_and_line_endings(in_tmp, capsys, encoding, bom, newline):
    text = newline.join(["关于开展检查的通知", "经研究,现通知如下：", "请XX参加会议。", ""])
    data = text.encode(encoding)
    if bom:
        data = codecs.BOM_UTF8 + data
    path = in_tmp / "a.txt"
    path.write_bytes(data)
    rc, out, _ = run(["check", "--diff", "a.txt"], capsys)
    assert rc == 1 and "-经研究,现通知如下" in out and path.read_bytes() == data
    rc, out, _ = run(["check", "--fix", "a.txt"], capsys)
    assert "已修复" in out
    expected = text.replace("经研究,现", "经研究，现").encode(encoding)
    if bom:
        expected = codecs.BOM_UTF8 + expected
    assert path.read_bytes() == expected
    # idempotent
    rc, out, _ = run(["check", "--fix", "a.txt"], capsys)
    assert path.read_bytes() == expected and "已修复" not in out


def test_console_script_runs(in_tmp):
    (in_tmp / "a.txt").write_text(DRAFT, encoding="utf-8")
    res = subprocess.run([sys.executable, "-m", "gwlint.linter.cli", "check", "a.txt"], capture_output=True,
                         text=True, encoding="utf-8")
    assert res.returncode == 1 and "a.txt:2:2" in res.stdout


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif"])
def test_many_files_in_worker_processes_give_the_same_report_as_one_process(in_tmp, capsys, monkeypatch, fmt):
    # enough files to use the process pool; sizes differ so the pool's size-first scheduling
    # differs from discovery order, and the report must still come out in discovery order
    for i in range(24):
        body = "请XX参加会议,时间为X月X日。\n" * (1 + (i * 7) % 11)
        (in_tmp / f"d{i:02d}.txt").write_text(f"关于召开第{i}次会议的通知\n{body}", encoding="utf-8")
    (in_tmp / "bad.txt").write_bytes(b"\x00\x01binary")
    argv = ["check", "--output-format", fmt, "--statistics", "."]
    monkeypatch.setenv("GWLINT_NO_PARALLEL", "1")
    serial = run(argv, capsys)
    monkeypatch.delenv("GWLINT_NO_PARALLEL")
    parallel = run(argv, capsys)
    assert parallel == serial
    rc, out, err = parallel
    assert rc == 2 and "bad.txt" in err  # the unreadable file is reported, the others linted
    assert out.index("d00.txt") < out.index("d01.txt") < out.index("d23.txt")
    assert "PH001" in out
