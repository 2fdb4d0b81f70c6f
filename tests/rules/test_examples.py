"""Every rule's documented examples run as tests: each ``bad`` triggers exactly that rule,
each ``good`` (the look-alikes) does not, and the rule's fix turns ``bad`` into ``fixed``."""
import pytest

from gwlint.linter import Document, Linter
from gwlint.linter.config import Settings
from gwlint.linter.fixer import apply_edits

from gwlint.linter.profile import Profile

LINTER = Linter(Settings(select=("ALL",)))
# rules tagged "profile" enforce a learned profile: their examples run against this one
TEST_PROFILE = Profile(ordinal_styles={1: "一、", 2: "（一）", 3: "1.", 4: "（1）"},
                       leftover_lines=("酷乐文行",), leftover_phrases=("酷乐文行",), source="test")
PROFILE_LINTER = Linter(Settings(select=("ALL",)), profile=TEST_PROFILE)
METAS = sorted(LINTER.registry.metas.values(), key=lambda m: m.code)
EXAMPLES = [(m.code, i, ex) for m in METAS for i, ex in enumerate(m.examples)]


ALL = frozenset(LINTER.registry.metas)


def _enabled(code):
    # gwlint's own rules judge other rules' findings (e.g. an unused suppression): run everything
    return ALL if code.startswith("GW") else frozenset({code})


def _linter(code):
    return PROFILE_LINTER if "profile" in LINTER.registry.metas[code].tags else LINTER


def _doc(text):
    return Document(text, path="example.txt")


@pytest.mark.parametrize("code,i,ex", [e for e in EXAMPLES if e[2].bad is not None],
                         ids=lambda v: v if isinstance(v, str) else None)
def test_bad_example_is_flagged(code, i, ex):
    found = [d for d in _linter(code).lint(_doc(ex.bad), enabled=_enabled(code)) if d.code == code]
    assert found, f"{code} example #{i} should be flagged: {ex.bad!r}"


@pytest.mark.parametrize("code,i,ex", [e for e in EXAMPLES if e[2].good is not None],
                         ids=lambda v: v if isinstance(v, str) else None)
def test_good_example_is_not_flagged(code, i, ex):
    found = [d for d in _linter(code).lint(_doc(ex.good), enabled=_enabled(code)) if d.code == code]
    assert not found, f"{code} example #{i} must not be flagged: {ex.good!r} -> {[d.message for d in found]}"


@pytest.mark.parametrize("code,i,ex", [e for e in EXAMPLES if e[2].bad is not None and e[2].fixed is not None],
                         ids=lambda v: v if isinstance(v, str) else None)
def test_fix_gives_documented_result(code, i, ex):
    found = [d for d in _linter(code).lint(_doc(ex.bad), enabled=_enabled(code)) if d.code == code]
    fixed, applied = apply_edits(ex.bad, found, unsafe=True)
    assert applied, f"{code} example #{i} has a documented fix but no fix was offered"
    assert fixed == ex.fixed


@pytest.mark.parametrize("meta", [m for m in METAS if m.code not in ("GW900",)], ids=lambda m: m.code)
def test_every_rule_has_bad_and_good_examples(meta):
    assert any(e.bad for e in meta.examples), f"{meta.code} has no bad example"
    assert any(e.good for e in meta.examples), f"{meta.code} has no good example"


@pytest.mark.parametrize("meta", METAS, ids=lambda m: m.code)
def test_every_rule_is_documented(meta):
    assert meta.title and meta.docs.what and meta.docs.why, meta.code
    assert meta.docs.basis, f"{meta.code} names no standard or rationale (依据)"
