"""Code actions, document outline and hover, built from the engine's results."""
from __future__ import annotations

import re
from typing import Optional

from lsprotocol import types as lsp

from gwlint.linter.docs import render_rule
from gwlint.linter.document import Document
from gwlint.linter.model import Applicability

from . import convert

FIX_ALL_KIND = "source.fixAll.gwlint"
FIX_ALL_TITLE = "gwlint：修复全部安全问题"
ALLOWABLE = {"PH", "WM", "WD", "CF", "CS"}
_DIRECTIVE_CODE = re.compile(r"gwlint-[a-z-]+((?:[\s,，]+[A-Za-z0-9-]+)+)")


def _wanted(only, kind: str) -> bool:
    if not only:
        return True
    return any(kind == k or kind.startswith(k + ".") for k in only)


async def code_actions(ls, params: lsp.CodeActionParams, res) -> list:
    """Quick fixes for the diagnostics in the range, and fix-all. ``res`` is the server's
    LintResult for the current text (shared with publishing: nothing is linted twice)."""
    doc, diags = res.doc, res.diags
    uri = params.text_document.uri
    enc = ls.encoding
    only = [getattr(k, "value", k) for k in (params.context.only or [])]
    actions: list[lsp.CodeAction] = []
    start = convert.to_offset(doc, params.range.start, enc)
    end = convert.to_offset(doc, params.range.end, enc)
    if _wanted(only, lsp.CodeActionKind.QuickFix.value):
        for d in diags:
            if not (d.span.start <= end and start <= d.span.end):
                continue
            lsp_diag = convert.to_lsp(doc, d, uri, enc)
            if d.fix is not None:
                edits = [convert.text_edit(doc, e, enc) for e in d.fix.edits]
                actions.append(lsp.CodeAction(
                    title=f"gwlint ({d.code})：{d.fix.title}", kind=lsp.CodeActionKind.QuickFix,
                    diagnostics=[lsp_diag], is_preferred=d.fix.applicability is Applicability.SAFE,
                    edit=_versioned(uri, doc, edits)))
            actions.append(_disable_line(uri, doc, d, lsp_diag, enc))
            phrase = doc.text[d.span.start:d.span.end]
            # allowing a phrase makes sense for words and leftovers, not for a single mark
            if d.family in ALLOWABLE and 2 <= len(phrase) <= 40 and "\n" not in phrase and "\r" not in phrase:
                actions.append(lsp.CodeAction(
                    title=f"gwlint：在项目中允许“{phrase}”（{d.family}）", kind=lsp.CodeActionKind.QuickFix,
                    diagnostics=[lsp_diag],
                    command=lsp.Command(title="允许此短语", command="gwlint.server.allowPhrase",
                                        arguments=[uri, d.family, phrase])))
    if _wanted(only, FIX_ALL_KIND) or (only and _wanted(only, lsp.CodeActionKind.SourceFixAll.value)):
        if any(d.fix is not None for d in diags):
            # fixing to a fixed point re-lints the document: in a general menu (no `only`, asked
            # on every cursor move) leave the edit to codeAction/resolve where the client can
            if not only and _resolves_edit(ls):
                actions.append(lsp.CodeAction(title=FIX_ALL_TITLE, kind=FIX_ALL_KIND,
                                              data={"gwlint": "fixAll", "uri": uri, "v": doc.version}))
            else:
                edit = await ls.fix_all_edit(uri, res)
                if edit is not None:
                    actions.append(lsp.CodeAction(title=FIX_ALL_TITLE, kind=FIX_ALL_KIND, edit=edit))
    return actions


def _resolves_edit(ls) -> bool:
    td = getattr(ls.client_capabilities, "text_document", None)
    ca = getattr(td, "code_action", None) if td else None
    support = getattr(ca, "resolve_support", None) if ca else None
    return bool(support and "edit" in (support.properties or ()))


async def resolve_code_action(ls, action: lsp.CodeAction) -> lsp.CodeAction:
    data = action.data if isinstance(action.data, dict) else {}
    if data.get("gwlint") == "fixAll" and action.edit is None and isinstance(data.get("uri"), str):
        action.edit = await ls.fix_all_edit(data["uri"])
    return action


def _versioned(uri: str, doc: Document, edits) -> lsp.WorkspaceEdit:
    return lsp.WorkspaceEdit(document_changes=[lsp.TextDocumentEdit(
        text_document=lsp.OptionalVersionedTextDocumentIdentifier(uri=uri, version=doc.version), edits=edits)])


def _disable_line(uri: str, doc: Document, d, lsp_diag, enc: str) -> lsp.CodeAction:
    line = doc.index.line_of(d.span.start)
    start, end = doc.index.line_span(line)
    text = doc.text[start:end]
    indent = text[:len(text) - len(text.lstrip(" \t\u3000"))]
    newline = doc.source.newline if doc.text else "\n"
    insert = f"{indent}<!-- gwlint-disable-next-line {d.code} -->{newline}"
    pos = convert.position(doc, start, enc)
    edit = lsp.TextEdit(range=lsp.Range(start=pos, end=pos), new_text=insert)
    return lsp.CodeAction(title=f"gwlint：本行禁用 {d.code}", kind=lsp.CodeActionKind.QuickFix,
                          diagnostics=[lsp_diag], edit=_versioned(uri, doc, [edit]))


def outline(doc: Document, enc: str) -> list[lsp.DocumentSymbol]:
    roots: list[lsp.DocumentSymbol] = []
    stack: list[tuple[int, lsp.DocumentSymbol]] = []
    for h in doc.structure.headings:
        line_start, line_end = doc.index.line_span(h.line)
        name = doc.text[h.ordinal.start:h.ordinal.end] + (h.title_text or "")
        sym = lsp.DocumentSymbol(
            name=name.strip() or doc.text[h.ordinal.start:h.ordinal.end],
            detail=f"第{h.depth}级" if h.depth else None, kind=lsp.SymbolKind.String,
            range=convert.to_range(doc, type(h.span)(line_start, line_end), enc),
            selection_range=convert.to_range(doc, h.ordinal, enc), children=[])
        while stack and stack[-1][0] >= h.level:
            stack.pop()
        if stack:
            stack[-1][1].children.append(sym)
        else:
            roots.append(sym)
        stack.append((h.level, sym))
    return roots


def hover_markdown(linter, doc: Document, diags, offset: int) -> Optional[str]:
    reg = linter.registry
    codes = []
    for d in diags:
        if d.span.start <= offset <= d.span.end and d.code not in codes:
            codes.append(d.code)
    # a code written inside a suppression comment
    line = doc.index.line_of(offset)
    start, end = doc.index.line_span(line)
    text = doc.text[start:end]
    for m in re.finditer(r"[A-Z]{2}\d{3}|[a-z]+(?:-[a-z0-9]+)+", text):
        if "gwlint-" in text and m.start() <= offset - start <= m.end():
            code = reg.resolve(m.group())
            if code in reg.metas and code not in codes:
                codes.append(code)
    pages = [render_rule(reg.metas[c]) for c in codes if c in reg.metas]
    return "\n\n---\n\n".join(pages) if pages else None
