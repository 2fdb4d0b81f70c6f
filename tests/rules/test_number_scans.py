"""The faster scans of the NU and CS rules find what the plainer code they replace found."""
import random
import re

from gwlint.linter.search import char_offsets, finditer_from
from gwlint.rules import numbers as nu


def _random_texts(alphabet: str, count: int = 20000, seed: int = 15835):
    rng = random.Random(seed)
    for _ in range(count):
        yield "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 30)))


def _range_lead(ch: str) -> bool:
    return ch.isdecimal() or ch in "年月日号 "


def _range_possible(text: str, c: int) -> bool:
    return re.match(r"[ ]?\d", text[c + 1:]) is not None


def test_range_matches_as_the_walk_back():
    found = 0
    texts = list(_random_texts("0123456789１年月日号  个季度平方米立方米小时%-－—～~.:图第a"))
    texts += ["1- 2345 平方米", "2021年 - 2023 立方米", "12345-6月", "010-12345678", "2024-07-12"]
    for text in texts:
        connectors = char_offsets(text, nu._CONNECTORS)
        old = [(m.span(), m.groups()) for m in
               nu._finditer_before(nu._RANGE, text, connectors, _range_lead, _range_possible)]
        new = [(m.span(), m.groups()) for m in nu._range_matches(text, connectors)]
        assert old == new, text
        found += len(new)
    assert found > 500


def test_finditer_from_as_finditer():
    patterns = [(re.compile(r"-([0-9]{1,2})-([0-9]{1,2})(?![0-9./])"), "-"),
                (re.compile(r"号(?<=\d号)"), "号"), (re.compile("季度"), "季")]
    for text in _random_texts("0123456789-号季度年 ", 5000):
        for pattern, lead in patterns:
            assert [m.span() for m in finditer_from(pattern, text, lead)] == \
                [m.span() for m in pattern.finditer(text)], text
