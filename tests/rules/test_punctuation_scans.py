"""The faster scans of the PU rules find what the simpler code they replace found."""
import random
import re

from gwlint.linter import Document
from gwlint.linter.model import Span
from gwlint.rules import punctuation as pu
from gwlint.rules.numbers import heading_ordinal_positions

# the alternation the _BETWEEN_QUOTED patterns were split from (groups: 、 1, 、 2, comma 3-5)
_OLD_BETWEEN_QUOTED = re.compile(r"”(、)[“《]|》(、)[“《]|“([^“”\n]{1,8})”(，)“([^“”\n]{1,8})”")


def _random_texts(alphabet: str, count: int = 3000, seed: int = 15834):
    rng = random.Random(seed)
    for _ in range(count):
        yield "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 40)))


def test_between_quoted_as_one_alternation():
    found = 0
    for text in _random_texts("“”《》、，的等甲乙\n"):
        old = [(m.start(), m.end(), m.lastindex == 5) for m in _OLD_BETWEEN_QUOTED.finditer(text)]
        new = [(m.start(), m.end(), m.re is pu._COMMA_BETWEEN_QUOTED) for m in pu._between_quoted(text)]
        assert old == new, text
        found += len(new)
    assert found > 100


def _old_unbalanced(doc):
    """PU006 as it was: every mark of the document paired up, line by line."""
    text = doc.masked
    heading_ordinals = heading_ordinal_positions(doc)
    index = doc.index
    stack = []
    line_end = 0
    for m in pu._MARK_OR_PAIR.finditer(text):
        i, j = m.start(), m.end() - 1
        if i >= line_end:
            for och, oi in stack:
                yield och, Span(oi, oi + 1)
            stack = []
            line_end = index.line_span(index.line_of(i), keepends=True)[1]
        if j > i:
            if i not in heading_ordinals and j not in heading_ordinals \
                    and not (text[j] == "）" and pu._one_sided(text, j)):
                continue
            marks = (i, j)
        else:
            marks = (i,)
        for i in marks:
            ch = text[i]
            if i in heading_ordinals:
                continue
            if ch in pu._PAIRS:
                stack.append((ch, i))
                continue
            if ch == "）" and pu._one_sided(text, i):
                continue
            opener = pu._CLOSERS[ch]
            if stack and stack[-1][0] == opener:
                stack.pop()
                continue
            depth = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][0] == opener), None)
            if depth is not None:
                for och, oi in stack[depth + 1:]:
                    yield och, Span(oi, oi + 1)
                del stack[depth:]
            else:
                yield ch, Span(i, i + 1)
    for och, oi in stack:
        yield och, Span(oi, oi + 1)


def test_unbalanced_as_when_every_line_was_paired_up():
    rng = random.Random(15835)
    pieces = ["“", "”", "《", "》", "（", "）", "【", "】", "‘", "’", "1", "12", "，", "。", "甲", "乙",
              "\n", "\r\n", "\r", "（一）", "一、", "1）", "（1）", "（2）、", "\n（三）", "\n3）", " ",
              "\n（一", "\n（1", "\n一）", "\n第一章", "\n【一】", "\n〔二〕", "\n(1)"]
    found = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 30)))
        doc = Document(text, path="x.txt")
        if any(pu._wrapped(doc, line) for line in range(doc.index.line_count)):
            continue                    # a hard-wrapped paragraph pairs across lines (tested elsewhere)
        old = sorted(_old_unbalanced(doc), key=lambda f: f[1])
        new = sorted(pu._unbalanced(doc), key=lambda f: f[1])
        assert old == new, text
        found += len(new)
    assert found > 1000


def test_single_mark_walk_is_the_same_without_possessive_quantifiers():
    # Python 3.10 gets the walk with plain quantifiers: it must stop at the same single marks
    import random
    from gwlint.rules import punctuation as pu
    plain = pu._single_mark_pattern("")
    rng = random.Random(20261203)
    pieces = list(pu._MARKS) + ["文字", "\n", "（一）", "“引”", "《书》", "(a)"]
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        assert [m.span(1) for m in pu._SINGLE_MARK.finditer(text)] == \
            [m.span(1) for m in plain.finditer(text)], text


def _plain_single_marks(text: str) -> list[int]:
    # what _SINGLE_MARK finds, walked one character at a time: a mark is single unless it is
    # an opener whose next mark or line break is its closer, or that closer
    breaks = [i for i, ch in enumerate(text) if ch in pu._MARK_SET or ch in "\r\n"]
    singles = []
    k = 0
    while k < len(breaks):
        i = breaks[k]
        k += 1
        if text[i] in "\r\n":
            continue
        if k < len(breaks) and text[breaks[k]] == pu._PAIRS.get(text[i]):
            k += 1
            continue
        singles.append(i)
    return singles


def test_single_mark_walk_finds_the_marks_outside_pairs():
    # mixed, nested, broken and line-cut pairs of every kind, texts of one kind and none
    rng = random.Random(20261204)
    pieces = list(pu._MARKS) + ["文字", "\n", "\r\n", "\r", "（一）", "“引”", "《书》", "(a)", "ab", " "]
    pairs = list(pu._PAIRS.items())
    found = 0
    for n in range(6000):
        if n % 3 == 0:
            text = ""
            for _ in range(rng.randint(0, 12)):
                o, c = rng.choice(pairs)
                inner = rng.choice(["", "字", "\n", rng.choice(pu._MARKS), text[-4:]])
                text = rng.choice([text + o + inner + c, o + text + c, text + o + inner, inner + c + text])
        elif n % 3 == 1:
            o, c = rng.choice(pairs)
            text = "".join(rng.choice(["文字", "\n", " ", o, c] if n % 2 else ["文字", "\n"])
                           for _ in range(rng.randint(0, 30)))
        else:
            text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        walk = [m.start(1) for m in pu._SINGLE_MARK.finditer(text) if m.start(1) < len(text)]
        assert walk == _plain_single_marks(text), text
        found += len(walk)
    assert found > 10000
