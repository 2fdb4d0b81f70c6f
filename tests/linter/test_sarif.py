"""``--output-format sarif``: a log that the SARIF 2.1.0 schema accepts, with the same findings,
positions and fixes as the JSON output, the rules described, and paths a code-scanning service
can map onto the repository."""
import json
from pathlib import Path

import pytest

from cli_helpers import in_tmp, run  # noqa: F401 (in_tmp is a fixture)

jsonschema = pytest.importorskip("jsonschema")

# the OASIS schema (errata 01), as published at the URI in its "id"
SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))

# a placeholder (PH, with a fix), a half-width comma (PU, safe fix), a range connector used two
# ways (CS: the minority form, with the other occurrence as related information)
DRAFT = ("关于召开工作会议的通知\n"
         "各单位：\n"
         "请XX参加会议,时间为1-6月份。\n"
         "全年分1—3月、4—6月两段推进，7—9月总结。\n")


@pytest.fixture(autouse=True)
def one_process(monkeypatch):
    monkeypatch.setenv("GWLINT_NO_PARALLEL", "1")


def sarif_and_json(argv, capsys):
    rc, out, _ = run(["check", "--output-format", "sarif", *argv], capsys)
    rc_json, out_json, _ = run(["check", "--output-format", "json", *argv], capsys)
    assert rc == rc_json
    return rc, json.loads(out), json.loads(out_json)


def test_log_is_valid_sarif_with_the_json_findings(in_tmp, capsys):
    (in_tmp / "a.txt").write_text(DRAFT, encoding="utf-8")
    rc, log, records = sarif_and_json(["a.txt"], capsys)
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    assert rc == 1 and log["version"] == "2.1.0"
    run_ = log["runs"][0]
    assert run_["tool"]["driver"]["name"] == "gwlint" and run_["columnKind"] == "unicodeCodePoints"
    results = run_["results"]
    assert len(results) == len(records) >= 3
    for res, rec in zip(results, records):
        region = res["locations"][0]["physicalLocation"]["region"]
        assert (res["ruleId"], region["startLine"], region["startColumn"], region["endLine"], region["endColumn"],
                res["message"]["text"]) == \
            (rec["code"], rec["line"], rec["column"], rec["end_line"], rec["end_column"], rec["message"])
        assert res["level"] == {"error": "error", "warning": "warning", "info": "note", "hint": "note"}[rec["severity"]]
        assert res["properties"]["name"] == rec["name"]
    assert {r["ruleId"][:2] for r in results} >= {"PH", "PU", "CS"}


def test_fixes_and_related_locations_carry_over(in_tmp, capsys):
    (in_tmp / "a.txt").write_text(DRAFT, encoding="utf-8")
    _, log, records = sarif_and_json(["a.txt"], capsys)
    results = log["runs"][0]["results"]
    fixed = [(res, rec) for res, rec in zip(results, records) if rec["fix"]]
    assert fixed
    for res, rec in fixed:
        (fix,) = res["fixes"]
        assert fix["description"]["text"] == rec["fix"]["title"]
        assert res["properties"]["fixApplicability"] == rec["fix"]["applicability"]
        replacements = fix["artifactChanges"][0]["replacements"]
        assert [(r["deletedRegion"]["startLine"], r["deletedRegion"]["startColumn"], r["deletedRegion"]["endLine"],
                 r["deletedRegion"]["endColumn"], r["insertedContent"]["text"]) for r in replacements] == \
            [(e["line"], e["column"], e["end_line"], e["end_column"], e["replacement"]) for e in rec["fix"]["edits"]]
    comma = next(res for res, rec in fixed if rec["code"] == "PU001")          # 会议,时间 (line 3, column 8)
    (change,) = comma["fixes"][0]["artifactChanges"][0]["replacements"]
    assert change["insertedContent"]["text"] == "，" and \
        (change["deletedRegion"]["startLine"], change["deletedRegion"]["startColumn"]) == (3, 8)
    related = [(res, rec) for res, rec in zip(results, records) if rec["related"]]
    assert related
    for res, rec in related:
        assert [(loc["physicalLocation"]["region"]["startLine"], loc["physicalLocation"]["region"]["startColumn"],
                 loc["message"]["text"]) for loc in res["relatedLocations"]] == \
            [(r["line"], r["column"], r["message"]) for r in rec["related"]]


def test_rules_that_have_results_are_described(in_tmp, capsys):
    (in_tmp / "a.txt").write_text(DRAFT, encoding="utf-8")
    _, log, _ = sarif_and_json(["a.txt"], capsys)
    run_ = log["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == sorted({res["ruleId"] for res in run_["results"]})
    rc, out, _ = run(["rule", "--output-format", "json", rules[0]["id"]], capsys)
    doc = json.loads(out)
    doc = doc[0] if isinstance(doc, list) else doc
    assert rules[0]["name"] == doc["name"] and rules[0]["shortDescription"]["text"] == doc["title"]
    assert rules[0]["fullDescription"]["text"] == doc["what"]
    assert rules[0]["help"]["markdown"] == doc["explanation"]


def test_paths_are_relative_to_srcroot_and_escaped(in_tmp, capsys):
    (in_tmp / "文件 夹").mkdir()
    (in_tmp / "文件 夹" / "a b.txt").write_text(DRAFT, encoding="utf-8")
    _, log, _ = sarif_and_json(["."], capsys)
    run_ = log["runs"][0]
    loc = run_["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert loc == {"uri": "%E6%96%87%E4%BB%B6%20%E5%A4%B9/a%20b.txt", "uriBaseId": "%SRCROOT%"}
    assert run_["originalUriBaseIds"]["%SRCROOT%"]["uri"] == in_tmp.resolve().as_uri() + "/"


def test_file_outside_the_working_directory_gets_a_file_uri(in_tmp, capsys, tmp_path_factory):
    other = tmp_path_factory.mktemp("elsewhere") / "a.txt"
    other.write_text(DRAFT, encoding="utf-8")
    _, log, _ = sarif_and_json([str(other)], capsys)
    loc = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert loc == {"uri": other.as_uri()}


def test_clean_draft_gives_a_valid_log_with_no_results(in_tmp, capsys):
    (in_tmp / "a.txt").write_text("关于召开工作会议的通知\n各单位：\n请按时参加会议。\n", encoding="utf-8")
    rc, out, _ = run(["check", "--output-format", "sarif", "a.txt"], capsys)
    log = json.loads(out)
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    assert rc == 0 and log["runs"][0]["results"] == [] and log["runs"][0]["tool"]["driver"]["rules"] == []
