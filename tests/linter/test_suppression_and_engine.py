"""Engine behaviour that every rule shares: selection, suppression comments, allow-list,
severity overrides, and rule errors turned into GW900."""
import pytest

from gwlint.linter import Document, Linter
from gwlint.linter.config import Settings
from gwlint.linter.model import Severity, Span
from gwlint.linter.registry import Registry, RegistryError
from gwlint.linter.rule import checker, meta
from gwlint.linter.model import Example
from gwlint.linter import meta_rules


@checker(meta("ZZ001", "find-xx", "测试", what="w", why="y", basis="b",
              examples=(Example(bad="XX", good="YY"),)))
def _find_xx(doc, ctx):
    start = doc.masked.find("XX")
    while start != -1:
        yield ctx.report(Span(start, start + 2), "XX")
        start = doc.masked.find("XX", start + 2)


@checker(meta("ZZ002", "boom", "测试", what="w", why="y", basis="b"))
def _boom(doc, ctx):
    raise RuntimeError("坏了")
    yield  # pragma: no cover


def _linter(**kw):
    reg = Registry.build(list(meta_rules.RULES) + [_find_xx, _boom])
    return Linter(Settings(**kw), registry=reg, profile=None)


def _codes(linter, text, path="t.txt"):
    return [(d.code, d.span.start) for d in linter.lint(Document(text, path=path))]


def test_rule_error_becomes_gw900_and_other_rules_still_run():
    found = _codes(_linter(), "XX")
    assert ("ZZ001", 0) in found
    gw = [d for d in _linter().lint(Document("XX")) if d.code == "GW900"]
    assert gw and "ZZ002" in gw[0].message and "坏了" in gw[0].message


def test_select_ignore_longest_prefix_wins():
    assert _codes(_linter(select=("ZZ",), ignore=("ZZ002",)), "XX") == [("ZZ001", 0)]
    assert _codes(_linter(ignore=("ZZ",), extend_select=("ZZ001",)), "XX") == [("ZZ001", 0)]
    assert _codes(_linter(select=("find-xx",)), "XX") == [("ZZ001", 0)]
    with pytest.raises(RegistryError, match="QQ9"):
        _linter(select=("QQ9",))


def test_disable_next_line_line_block_and_file():
    lin = _linter(ignore=("ZZ002",))
    text = ("XX\n<!-- gwlint-disable-next-line ZZ001 -->\nXX\nXX <!-- gwlint-disable-line find-xx -->\n"
            "<!-- gwlint-disable ZZ -->\nXX\n<!-- gwlint-enable ZZ -->\nXX\n")
    lines = [Document(text).index.line_of(s) for _, s in _codes(lin, text)]
    assert lines == [0, 7]
    assert _codes(lin, "<!-- gwlint-disable-file -->\nXX\n") == []


def test_unknown_code_in_directive_is_reported_and_unused_needs_opt_in():
    lin = _linter(ignore=("ZZ002",))
    assert [c for c, _ in _codes(lin, "<!-- gwlint-disable ZZ999 -->\n正文\n")] == ["GW002"]
    lin2 = _linter(ignore=("ZZ002",), extend_select=("GW001",))
    assert [c for c, _ in _codes(lin2, "<!-- gwlint-disable-next-line ZZ001 -->\n正文\n")] == ["GW001"]


def test_allow_list_and_severity_override_and_per_file_ignores():
    lin = _linter(ignore=("ZZ002",), allow={"ZZ": ("型号XX",)}, severity={"ZZ001": "error"})
    found = lin.lint(Document("型号XX与XX"))
    assert [d.span.start for d in found] == [5]
    assert found[0].severity is Severity.ERROR
    lin2 = _linter(ignore=("ZZ002",), per_file_ignores=(("drafts/*.txt", ("ZZ001",)),))
    assert _codes(lin2, "XX", path="drafts/a.txt") == []
    assert _codes(lin2, "XX", path="other/a.txt") == [("ZZ001", 0)]
