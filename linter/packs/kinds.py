"""The rule kinds a TOML pack can use. Each factory validates its keys and returns a
check function ``check(doc, ctx)``; all entries of a rule are compiled into one regular
expression so that a 300-entry word list costs one scan of the text."""
from __future__ import annotations

import re
from collections import Counter
from typing import Any, Callable

from ..model import Applicability, Edit, Fix, FixAvailability, Related, RuleMeta, Span

try:  # user packs may use Unicode properties such as \p{Han}, which only `regex` knows
    import regex as _user_re
except ImportError:  # pragma: no cover - the bundled VS Code server has no compiled packages
    _user_re = re

SENTENCE_END = "。！？；\n\r"


def _fix_for(meta: RuleMeta, span: Span, new: str, title: str):
    if meta.fix is FixAvailability.NONE:
        return None
    return Fix(title=title, edits=(Edit(span, new),), applicability=meta.fix_applicability)


def _scopes(rule: dict) -> tuple[str, ...]:
    scope = rule.get("scope", ["text"])
    scope = [scope] if isinstance(scope, str) else list(scope)
    for s in scope:
        if s not in ("text", "title", "body"):
            raise ValueError(f"未知的 scope“{s}”（可用：text、title、body）")
    return tuple(scope)


def _regions(doc, scopes) -> list[tuple[int, int]]:
    if "text" in scopes:
        return [(0, len(doc.masked))]
    out = []
    title = doc.structure.title
    if "title" in scopes and title is not None:
        out.append((title.start, title.end))
    if "body" in scopes:
        start = title.end if title is not None else 0
        out.append((start, len(doc.masked)))
    return out


def _exception_spans(doc, pattern):
    if pattern is None:
        return []
    return [(m.start(), m.end()) for m in pattern.finditer(doc.masked)]


def _excepted(spans, s, e) -> bool:
    return any(a <= s and e <= b for a, b in spans)


def _compile_exceptions(rule: dict):
    exc = rule.get("exceptions", [])
    if not isinstance(exc, list) or not all(isinstance(x, str) and x for x in exc):
        raise ValueError("exceptions 应为非空字符串数组")
    if not exc:
        return None
    return re.compile(literal_pattern(exc))


def literal_pattern(words) -> str:
    """One regular expression for many literal words, factored as a trie (Python's re tries
    the alternatives of a flat alternation one by one) and guarded by their first characters."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    first = "".join(sorted({re.escape(w[0]) for w in words}))
    return f"(?=[{first}])" + build(trie)


def _format(template: str, **values) -> str:
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return template


# --- substitution ----------------------------------------------------------------------------
def substitution(rule: dict, meta: RuleMeta) -> Callable:
    mode = rule.get("match", "literal")
    if mode not in ("literal", "regex"):
        raise ValueError("match 应为 literal 或 regex")
    entries = []
    for raw in rule.get("swap", []):
        if isinstance(raw, list) and 2 <= len(raw) <= 3 and all(isinstance(x, str) for x in raw):
            wrong, right, note = raw[0], raw[1], raw[2] if len(raw) == 3 else ""
        elif isinstance(raw, dict) and {"from", "to"} <= set(raw) and set(raw) <= {"from", "to", "note"}:
            wrong, right, note = raw["from"], raw["to"], raw.get("note", "")
        else:
            raise ValueError(f"swap 条目应为 [错误, 正确, 说明] 或 {{from, to, note}}：{raw!r}")
        if not wrong or wrong == right:
            raise ValueError(f"swap 条目无效：{raw!r}")
        entries.append((wrong, right, note))
    if not entries:
        raise ValueError("substitution 规则需要 swap")
    scopes = _scopes(rule)
    exceptions = _compile_exceptions(rule)
    template = rule["message"]
    if mode == "literal":
        seen = {}
        for wrong, right, note in entries:
            if wrong in seen:
                raise ValueError(f"swap 中“{wrong}”重复")
            seen[wrong] = (right, note)
        pattern = re.compile(literal_pattern(seen))

        def find(text, a, b):
            for m in pattern.finditer(text, a, b):
                right, note = seen[m.group()]
                yield m.start(), m.end(), right, note
    else:
        compiled = [(_user_re.compile(w), r, n) for w, r, n in entries]

        def find(text, a, b):
            for rx, right, note in compiled:
                for m in rx.finditer(text, a, b):
                    yield m.start(), m.end(), m.expand(right), note

    def check(doc, ctx):
        text = doc.masked
        exc = _exception_spans(doc, exceptions)
        for a, b in _regions(doc, scopes):
            for s, e, right, note in find(text, a, b):
                if exc and _excepted(exc, s, e):
                    continue
                found = doc.text[s:e]
                span = Span(s, e)
                msg = _format(template, match=found, replacement=right, note=note)
                yield ctx.report(span, msg, fix=_fix_for(meta, span, right, f"改为“{right}”"))
    return check


# --- existence -------------------------------------------------------------------------------
def existence(rule: dict, meta: RuleMeta) -> Callable:
    tokens = rule.get("tokens")
    if not isinstance(tokens, list) or not tokens or not all(isinstance(t, str) and t for t in tokens):
        raise ValueError("existence 规则需要非空的 tokens 字符串数组")
    if rule.get("match", "literal") == "regex":
        pattern = _user_re.compile("|".join(f"(?:{t})" for t in tokens))
    else:
        pattern = re.compile(literal_pattern(tokens))
    scopes = _scopes(rule)
    exceptions = _compile_exceptions(rule)
    template = rule["message"]

    def check(doc, ctx):
        exc = _exception_spans(doc, exceptions)
        for a, b in _regions(doc, scopes):
            for m in pattern.finditer(doc.masked, a, b):
                if m.end() == m.start() or (exc and _excepted(exc, m.start(), m.end())):
                    continue
                yield ctx.report(Span(m.start(), m.end()), _format(template, match=doc.text[m.start():m.end()]))
    return check


# --- consistency -----------------------------------------------------------------------------
def consistency(rule: dict, meta: RuleMeta) -> Callable:
    groups = rule.get("either")
    if not isinstance(groups, list) or not groups:
        raise ValueError("consistency 规则需要 either = [[甲, 乙], …]")
    for g in groups:
        if not (isinstance(g, list) and len(g) >= 2 and all(isinstance(x, str) and x for x in g)):
            raise ValueError(f"either 的每一组应为至少两个字符串：{g!r}")
    prefer = rule.get("prefer", "majority")
    if prefer not in ("majority", "first"):
        raise ValueError("prefer 应为 majority 或 first")
    exceptions = _compile_exceptions(rule)
    template = rule["message"]
    compiled = [(g, re.compile(literal_pattern(g))) for g in groups]

    def check(doc, ctx):
        text = doc.masked
        exc = _exception_spans(doc, exceptions)
        for group, pattern in compiled:
            hits = [(m.group(), m.start(), m.end()) for m in pattern.finditer(text)
                    if not (exc and _excepted(exc, m.start(), m.end()))]
            counts = Counter(h[0] for h in hits)
            if len(counts) < 2:
                continue
            if prefer == "first":
                preferred = next(x for x in group if x in counts)
            else:
                best = max(counts.values())
                preferred = next(x for x in group if counts.get(x) == best)
            first_pref = next(h for h in hits if h[0] == preferred)
            for form, s, e in hits:
                if form == preferred:
                    continue
                span = Span(s, e)
                msg = _format(template, found=form, other=preferred, preferred=preferred,
                              count_found=counts[form], count_other=counts[preferred])
                yield ctx.report(span, msg, fix=_fix_for(meta, span, preferred, f"统一为“{preferred}”"),
                                 related=(Related(Span(first_pref[1], first_pref[2]), f"本文多处写作“{preferred}”"),))
    return check


# --- occurrence ------------------------------------------------------------------------------
def occurrence(rule: dict, meta: RuleMeta) -> Callable:
    token = rule.get("token")
    if not isinstance(token, str) or not token:
        raise ValueError("occurrence 规则需要 token（正则）")
    pattern = re.compile(token)
    mx, mn = rule.get("max"), rule.get("min")
    if mx is None and mn is None:
        raise ValueError("occurrence 规则需要 max 或 min")
    scopes = _scopes(rule)
    template = rule["message"]

    def check(doc, ctx):
        for a, b in _regions(doc, scopes):
            n = sum(1 for _ in pattern.finditer(doc.masked, a, b))
            if (mx is not None and n > mx) or (mn is not None and n < mn):
                yield ctx.report(Span(a, b), _format(template, count=n, max=mx, min=mn))
    return check


# --- sequence --------------------------------------------------------------------------------
def sequence(rule: dict, meta: RuleMeta) -> Callable:
    steps = rule.get("steps")
    if not isinstance(steps, list) or len(steps) < 2:
        raise ValueError("sequence 规则需要至少两步 steps = [{pattern = …}, {pattern = …, max-gap = N}]")
    compiled = []
    for st in steps:
        if not isinstance(st, dict) or "pattern" not in st or set(st) - {"pattern", "max-gap"}:
            raise ValueError(f"steps 的每一步应为 {{pattern, max-gap}}：{st!r}")
        compiled.append((re.compile(st["pattern"]), int(st.get("max-gap", 30))))
    exceptions = _compile_exceptions(rule)
    template = rule["message"]
    first = compiled[0][0]

    def check(doc, ctx):
        text = doc.masked
        exc = _exception_spans(doc, exceptions)
        for m in first.finditer(text):
            end = m.end()
            ok = True
            for rx, gap in compiled[1:]:
                limit = end + gap
                stop = min((text.find(ch, end) for ch in SENTENCE_END if text.find(ch, end) != -1), default=len(text))
                nxt = rx.search(text, end, min(limit, stop) + 60)
                if nxt is None or nxt.start() > min(limit, stop):
                    ok = False
                    break
                end = nxt.end()
            if ok and not (exc and _excepted(exc, m.start(), end)):
                yield ctx.report(Span(m.start(), end), _format(template, match=doc.text[m.start():end]))
    return check


# --- ordered lists ---------------------------------------------------------------------------
def ordered(rule: dict, meta: RuleMeta) -> Callable:
    lists = rule.get("lists")
    if not isinstance(lists, list) or not lists:
        raise ValueError("ordered 规则需要 lists = [[第一项, 第二项, …], …]")
    compiled = []
    for items in lists:
        if not (isinstance(items, list) and len(items) >= 2 and all(isinstance(x, str) and x for x in items)):
            raise ValueError(f"lists 的每一组应为至少两个字符串：{items!r}")
        alt = "|".join(re.escape(x) for x in sorted(items, key=len, reverse=True))
        run = re.compile(f"(?:{alt})(?:[、，,](?:{alt}))+")
        compiled.append((items, re.compile(alt), run))
    template = rule["message"]

    def check(doc, ctx):
        text = doc.masked
        for items, item_rx, run_rx in compiled:
            for m in run_rx.finditer(text):
                found = [x.group() for x in item_rx.finditer(m.group())]
                order = [items.index(x) for x in found]
                if order == sorted(order) and len(set(order)) == len(order):
                    continue
                expected = "、".join(items) if set(found) == set(items) else "、".join(sorted(set(found), key=items.index))
                span = Span(m.start(), m.end())
                fix = None
                if set(found) == set(items) and len(found) == len(items) and "，" not in m.group():
                    fix = _fix_for(meta, span, expected, f"改为“{expected}”")
                yield ctx.report(span, _format(template, match=doc.text[m.start():m.end()], expected=expected), fix=fix)
    return check


KINDS: dict[str, Callable[[dict, RuleMeta], Callable]] = {
    "substitution": substitution, "existence": existence, "consistency": consistency,
    "occurrence": occurrence, "sequence": sequence, "ordered": ordered,
}
KIND_KEYS: dict[str, set[str]] = {
    "substitution": {"swap", "match"},
    "existence": {"tokens", "match"},
    "consistency": {"either", "prefer"},
    "occurrence": {"token", "max", "min"},
    "sequence": {"steps"},
    "ordered": {"lists"},
}
