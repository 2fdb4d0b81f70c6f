"""The five seed drafts (corpus/seeds): every leftover, placeholder and numbering error the
notes list is reported, nothing else from HD/PH/WM, and the listed PU/NU/WD/CF/CS errors are found."""
import os
from collections import Counter

import pytest

from gwlint.linter import Document, Linter
from gwlint.linter.config import Settings
from gwlint.linter.source import read_source

SEEDS = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "corpus", "seeds")
LINTER = Linter(Settings())


def _lint(prefix):
    name = next(n for n in sorted(os.listdir(SEEDS)) if n.startswith(prefix))
    doc = Document.from_source(read_source(os.path.join(SEEDS, name)), path=name)
    return doc, LINTER.lint(doc)


def _found(doc, diags, code_prefix, text):
    return [d for d in diags if d.code.startswith(code_prefix) and text in doc.text[d.span.start:d.span.end]]


# (seed, family) -> number of findings: every leftover line (37) and placeholder run (228)
COUNTS = {("000", "WM"): 10, ("001", "WM"): 10, ("002", "WM"): 8, ("003", "WM"): 1, ("004", "WM"): 8,
          ("000", "PH"): 77, ("001", "PH"): 46, ("002", "PH"): 60, ("003", "PH"): 12, ("004", "PH"): 31}


@pytest.mark.parametrize("seed,family", sorted(COUNTS))
def test_every_leftover_and_placeholder(seed, family):
    doc, diags = _lint(seed)
    assert sum(1 for d in diags if d.family == family) == COUNTS[(seed, family)]


def test_heading_findings_are_exactly_the_listed_ones():
    found = Counter()
    for seed in ("000", "001", "002", "003", "004"):
        doc, diags = _lint(seed)
        for d in diags:
            if d.family == "HD":
                found[(seed, d.code)] += 1
    assert found == {("000", "HD007"): 14,      # 1、 used as headings (GB/T 15834 B.3.3)
                     ("001", "HD011"): 1,       # 四场攻坚战 followed by only three 一要…三要
                     ("001", "HD010"): 1,       # 首先…其次…第三
                     ("003", "HD009"): 1}       # 一是 with no 二是 (line 7)


@pytest.mark.parametrize("seed,code,text", [
    ("000", "PU001", ","), ("000", "WD003", "的"), ("000", "CS003", "3"), ("000", "CS006", "市委市政府"),
    ("001", "WD001", "倍受鼓舞"), ("001", "CF001", "十九大五中全会"), ("001", "WD001", "一杆称"),
    ("001", "WD003", "的"), ("001", "PU013", "\u00a0"), ("001", "PU012", "、"), ("001", "PU011", "，"),
    ("001", "WD004", "涉及到"), ("001", "WD004", "存在有"), ("001", "WD002", "通讯"), ("001", "CF005", "系列重要讲话精神"),
    ("002", "CS004", "第四句话"), ("002", "CS050", "督"), ("002", "WD006", "县委、政府"),
    ("003", "PU001", ","), ("003", "PU001", "!"), ("003", "PU013", "  "), ("003", "NU001", "1-9"),
    ("003", "PU006", "》"),
    ("004", "WD001", "避而退之"), ("004", "WD002", "防治和纠正"), ("004", "WD002", "其它"), ("004", "WD002", "做出"),
    ("004", "WD006", "市委、政府"), ("004", "NU001", "1-6"), ("004", "CS001", "1-6"), ("004", "WD003", "的"),
    ("004", "PU013", "\u00a0"),
])
def test_listed_errors_are_found(seed, code, text):
    doc, diags = _lint(seed)
    assert _found(doc, diags, code, text), f"{seed}: {code} on {text!r} not reported"


def test_correct_ranges_in_seeds_are_not_flagged():
    doc, diags = _lint("000")
    assert not _found(doc, diags, "NU", "5—9")
