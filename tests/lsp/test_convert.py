"""The fast conversion paths (plain JSON, serialised text) against the reference ones
(LineIndex.units_col, lsprotocol objects unstructured by cattrs)."""
import json
import os
import random

import pytest
from lsprotocol.converters import get_converter

from gwlint.linter import Document, Linter
from gwlint.lsp import convert

SEEDS = os.path.join(os.path.dirname(__file__), "..", "..", "corpus", "seeds")
ENCODINGS = ("utf-16", "utf-8", "utf-32")


def test_positions_match_line_index():
    rng = random.Random(7)
    alphabet = "a中😀\r\n𠮷\u2028é\x0b"
    for _ in range(400):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        doc = Document(text)
        for enc in ENCODINGS:
            pos = convert.Positions(doc, enc)
            for offset in range(len(text) + 1):
                assert pos.line_col(offset) == doc.index.units_col(offset, enc), (text, offset, enc)


@pytest.mark.parametrize("enc", ENCODINGS)
def test_serialised_diagnostics_equal_lsprotocol_ones(enc):
    linter = Linter()
    conv = get_converter()
    names = sorted(os.listdir(SEEDS))[:6]
    extra = "关于召开会议的通知\n请XX参加😀，𠮷XX\u2028“XX\r\n"      # astral characters and odd line breaks
    checked = 0
    for text in [open(os.path.join(SEEDS, n), encoding="utf-8").read() for n in names] + [extra]:
        doc = Document(text, path="/tmp/draft.txt")
        diags = linter.lint(doc)
        reference = [conv.unstructure(convert.to_lsp(doc, d, "file:///tmp/draft.txt", enc)) for d in diags]
        assert json.loads(convert.diagnostics_text(doc, diags, "file:///tmp/draft.txt", enc)) == reference
        assert convert.diagnostics_json(doc, diags, "file:///tmp/draft.txt", enc) == reference
        checked += len(diags)
    assert checked > 20


def test_serialised_ranges_for_arbitrary_spans():
    """Spans over several lines, at line ends and at the end of the text, in texts with and
    without astral characters (the inlined one-unit-per-character path and the other)."""
    from gwlint.linter.model import Diagnostic, Related, Span
    rng = random.Random(11)
    conv = get_converter()
    for alphabet in ("ab中\n\r", "a中😀\r\n𠮷\u2028"):
        for _ in range(150):
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
            doc = Document(text)
            diags = []
            for _ in range(5):
                a = rng.randint(0, len(text))
                b = rng.randint(a, len(text))
                c = rng.randint(0, len(text))
                diags.append(Diagnostic("PH001", "x", f"“{text[a:b]}”\\", Span(a, b),
                                        related=(Related(Span(c, c), "另见"),) if c % 2 else ()))
            for enc in ENCODINGS:
                got = json.loads(convert.diagnostics_text(doc, diags, "file:///t.txt", enc))
                assert got == [conv.unstructure(convert.to_lsp(doc, d, "file:///t.txt", enc)) for d in diags]
