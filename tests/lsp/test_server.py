"""The language server end to end (pytest-lsp: a real server subprocess over JSON-RPC) with
the recorded capabilities of VS Code (UTF-16), Neovim 0.11 (UTF-8) and Emacs (UTF-32)."""
import asyncio
import random

import pytest
from lsprotocol import types

from gwlint.linter import Document, Linter
from gwlint.lsp import convert

from lsphelp import diagnostics, open_doc, pull

TEXT = ("关于召开会议的通知\n"
        "请XX参加。\n"
        "😀表情后：XX\r\n"
        "𠮷字后，XX\n"
        "软换行\u2028之后：XX\n")
# (line, start, end) of the four XX, per position encoding
EXPECTED = {
    "utf-16": [(1, 1, 3), (2, 6, 8), (3, 5, 7), (4, 7, 9)],
    "utf-8": [(1, 3, 5), (2, 16, 18), (3, 13, 15), (4, 21, 23)],
    "utf-32": [(1, 1, 3), (2, 5, 7), (3, 4, 6), (4, 7, 9)],
}


async def test_exact_ranges_in_every_encoding(client, tmp_path):
    uri = (tmp_path / "草稿.txt").as_uri()
    open_doc(client, uri, TEXT)
    diags = await diagnostics(client, uri)
    ph = sorted((d.range.start.line, d.range.start.character, d.range.end.character)
                for d in diags if str(d.code).startswith("PH"))
    assert ph == EXPECTED[client.encoding], client.encoding
    d = next(d for d in diags if d.code == "PH001")
    assert d.source == "gwlint" and "XX" in d.message
    assert d.severity == types.DiagnosticSeverity.Warning


async def test_changes_update_and_close_clears(pushclient, tmp_path):
    client = pushclient
    uri = (tmp_path / "a.txt").as_uri()
    open_doc(client, uri, "请XX参加。\n")
    diags = await diagnostics(client, uri)
    assert [d.code for d in diags] == ["PH001"]
    # incremental edit: replace XX with a name
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangePartial(
            range=types.Range(start=types.Position(line=0, character=1), end=types.Position(line=0, character=3)),
            text="王明")]))
    diags = await diagnostics(client, uri)
    assert diags == []
    client.text_document_did_close(types.DidCloseTextDocumentParams(
        text_document=types.TextDocumentIdentifier(uri=uri)))
    await asyncio.wait_for(client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 30)
    assert len(client.diagnostics[uri]) == 0


async def test_debounce_publishes_only_latest_version(pushclient, tmp_path):
    client = pushclient
    uri = (tmp_path / "b.txt").as_uri()
    open_doc(client, uri, "正文。\n")
    await diagnostics(client, uri)
    for version, text in enumerate(["请X", "请XX", "请XX参加,"], start=2):
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))
    params = await asyncio.wait_for(client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 30)
    assert params.version == 4
    assert sorted(d.code for d in params.diagnostics) == ["PH001", "PU001"]


async def test_quick_fix_disable_line_allow_phrase_and_fix_all(vscode, tmp_path):
    client = vscode
    uri = (tmp_path / "c.txt").as_uri()
    text = "经研究,现通知如下。\n请XX参加。\n"
    open_doc(client, uri, text)
    diags = await diagnostics(client, uri)
    comma = next(d for d in diags if d.code == "PU001")
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=comma.range,
        context=types.CodeActionContext(diagnostics=[comma])))
    titles = [a.title for a in actions]
    fix = next(a for a in actions if a.title.startswith("gwlint (PU001)"))
    assert fix.is_preferred and fix.kind == types.CodeActionKind.QuickFix
    edit = fix.edit.document_changes[0].edits[0]
    assert edit.new_text == "，" and (edit.range.start.line, edit.range.start.character) == (0, 3)
    disable = next(a for a in actions if "本行禁用 PU001" in a.title)
    ins = disable.edit.document_changes[0].edits[0]
    assert ins.new_text == "<!-- gwlint-disable-next-line PU001 -->\n" and ins.range.start.line == 0
    assert not any("在项目中允许" in t for t in titles)     # not offered for a single mark
    xx = next(d for d in diags if d.code == "PH001")
    ph_actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=xx.range,
        context=types.CodeActionContext(diagnostics=[xx])))
    allow = next(a for a in ph_actions if "在项目中允许“XX”" in a.title)
    # (the client library decodes a command-only action loosely: check what it carries)
    assert "gwlint.server.allowPhrase" in str(allow) and "'PH', 'XX'" in str(allow)
    fix_all = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0)),
        context=types.CodeActionContext(diagnostics=[], only=["source.fixAll.gwlint"])))
    assert len(fix_all) == 1
    new_text = fix_all[0].edit.document_changes[0].edits[0].new_text
    assert new_text == "经研究，现通知如下。\n请XX参加。\n"     # safe fixes only: the placeholder stays


async def test_allow_phrase_command_writes_project_allow_list(vscode, tmp_path):
    client = vscode
    draft = tmp_path / "d.txt"
    draft.write_text("请XX参加。\n", encoding="utf-8")
    uri = draft.as_uri()
    open_doc(client, uri, "请XX参加。\n")
    assert await diagnostics(client, uri)
    written = await client.workspace_execute_command_async(types.ExecuteCommandParams(
        command="gwlint.server.allowPhrase", arguments=[uri, "PH", "XX"]))
    assert written.endswith(".gwlint.toml")
    assert 'PH = ["XX"]' in (tmp_path / ".gwlint.toml").read_text(encoding="utf-8")
    assert await pull(client, uri) == []


async def test_outline_shows_heading_tree(vscode, tmp_path):
    client = vscode
    uri = (tmp_path / "e.md").as_uri()
    open_doc(client, uri, "# 方案\n\n## 一、总体要求\n\n### （一）指导思想\n\n## 二、重点任务\n\n## 四、保障措施\n",
             language="markdown")
    symbols = await client.text_document_document_symbol_async(types.DocumentSymbolParams(
        text_document=types.TextDocumentIdentifier(uri=uri)))
    assert [s.name for s in symbols] == ["一、总体要求", "二、重点任务", "四、保障措施"]
    assert [c.name for c in symbols[0].children] == ["（一）指导思想"]
    assert symbols[0].selection_range.start.line == 2


async def test_hover_shows_rule_documentation(vscode, tmp_path):
    client = vscode
    uri = (tmp_path / "f.txt").as_uri()
    open_doc(client, uri, "请XX参加。\n")
    await diagnostics(client, uri)
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=0, character=2)))
    assert hover.contents.value.startswith("# PH001") and "## 依据" in hover.contents.value


async def test_invalid_config_is_shown_and_defaults_are_used(pushclient, tmp_path):
    client = pushclient
    (tmp_path / ".gwlint.toml").write_text("selekt = ['PH']\n", encoding="utf-8")
    uri = (tmp_path / "g.txt").as_uri()
    open_doc(client, uri, "请XX参加。\n")
    msg = await asyncio.wait_for(client.wait_for_notification(types.WINDOW_SHOW_MESSAGE), 30)
    assert "selekt" in msg.message and msg.type == types.MessageType.Error
    diags = await diagnostics(client, uri, wait=not client.diagnostics.get(uri))
    assert [d.code for d in diags] == ["PH001"]


async def test_malformed_request_gets_an_error_not_a_crash(vscode, tmp_path):
    client = vscode
    with pytest.raises(Exception):
        await client.workspace_execute_command_async(types.ExecuteCommandParams(
            command="gwlint.server.showRuleDoc", arguments=["ZZ999"]))
    doc = await client.workspace_execute_command_async(types.ExecuteCommandParams(
        command="gwlint.server.showRuleDoc", arguments=["PH001"]))
    assert doc.startswith("# PH001")


def _expected(text: str, path: str, encoding: str):
    """What a fresh `gwlint check` finds in `text`, as (code, range, message, severity)."""
    doc = Document(text, path=path)
    out = []
    for d in Linter().lint(doc):
        rng = (*doc.index.units_col(d.span.start, encoding), *doc.index.units_col(d.span.end, encoding))
        out.append((d.code, rng, d.message, convert._SEVERITY[d.severity].value))
    return sorted(out)


def _received(diags):
    return sorted((d.code, (d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character),
                   d.message, getattr(d.severity, "value", d.severity)) for d in diags)


async def _publish_for(client, waiter, version):
    """The diagnostics published for `version` (`waiter` was created before the edit was sent)."""
    while True:
        params = await asyncio.wait_for(waiter, 30)
        if params.version == version:
            return params.diagnostics
        waiter = asyncio.ensure_future(client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS))


async def test_random_incremental_edits_keep_text_and_diagnostics_in_sync(client, tmp_path):
    """1,000 random incremental edits (line breaks of every kind, astral characters, U+2028),
    in the client's position encoding: at checkpoints the server's text is the client's, and
    its diagnostics, pulled and (for a push client) published, equal a fresh lint's in full."""
    enc = client.encoding
    path = tmp_path / "h.txt"
    uri = path.as_uri()
    rng = random.Random(2026)
    text = "关于召开会议的通知\n同志们：\n请XX参加,会期1-2天。\r\n😀𠮷\u2028一是抓落实。\n"
    open_doc(client, uri, text)
    pieces = ["XX", "，", ",", "\n", "\r\n", "\r", "😀", "𠮷", "一、", "（二）", "倍受鼓舞", "\u2028", "", "的", "1-6月",
              "三是", "。\n二、", "“", "”"]
    checkpoints = {250, 500, 750, 1000, 1001}
    from gwlint.linter.lineindex import LineIndex
    for version in range(2, 1002):
        index = LineIndex(text)
        a = rng.randint(0, len(text))
        b = min(len(text), a + rng.randint(0, 4))
        if 0 < a and text[a - 1:a + 1] == "\r\n":      # never split a CRLF pair
            a -= 1
        if b and text[b - 1:b + 1] == "\r\n":
            b += 1
        new = rng.choice(pieces)
        # nor make one: a CR before a LF that follows would merge two line breaks into one
        if (new.endswith("\r") and text[b:b + 1] == "\n") or (new.startswith("\n") and text[a - 1:a] == "\r" and a):
            new = "的"
        sl, sc = index.units_col(a, enc)
        el, ec = index.units_col(b, enc)
        waiter = None
        if version in checkpoints and not client.pull:
            waiter = asyncio.ensure_future(client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS))
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangePartial(
                range=types.Range(start=types.Position(line=sl, character=sc),
                                  end=types.Position(line=el, character=ec)), text=new)]))
        text = text[:a] + new + text[b:]
        if version not in checkpoints:
            continue
        server_text = await client.workspace_execute_command_async(types.ExecuteCommandParams(
            command="gwlint.server.documentText", arguments=[uri]))
        assert server_text == text, version
        expected = _expected(text, str(path), enc)
        assert expected, "the draft should keep some findings to compare"
        assert _received(await pull(client, uri)) == expected, version
        if waiter is not None:
            assert _received(await _publish_for(client, waiter, version)) == expected, version


async def test_pull_reports_unchanged_until_the_text_changes(vscode, tmp_path):
    client = vscode
    uri = (tmp_path / "i.txt").as_uri()
    open_doc(client, uri, "请XX参加。\n")
    first = await client.text_document_diagnostic_async(
        types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    assert [d.code for d in first.items] == ["PH001"] and first.result_id
    again = await client.text_document_diagnostic_async(types.DocumentDiagnosticParams(
        text_document=types.TextDocumentIdentifier(uri=uri), previous_result_id=first.result_id))
    assert again.kind == "unchanged" and again.result_id == first.result_id
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text="请王明参加。\n")]))
    after = await client.text_document_diagnostic_async(types.DocumentDiagnosticParams(
        text_document=types.TextDocumentIdentifier(uri=uri), previous_result_id=first.result_id))
    assert after.kind == "full" and list(after.items) == [] and after.result_id != first.result_id


async def test_fix_all_in_a_general_menu_is_resolved_lazily(vscode, tmp_path):
    """VS Code asks for code actions (no `only`) on every cursor move: fix-all, which re-lints
    to a fixed point, is then computed only when the client resolves the action."""
    client = vscode
    uri = (tmp_path / "j.txt").as_uri()
    open_doc(client, uri, "经研究,现通知如下。\n")
    await diagnostics(client, uri)
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0)),
        context=types.CodeActionContext(diagnostics=[])))
    fix_all = next(a for a in actions if a.kind == "source.fixAll.gwlint")
    assert fix_all.edit is None and fix_all.data
    resolved = await client.code_action_resolve_async(fix_all)
    assert resolved.edit.document_changes[0].edits[0].new_text == "经研究，现通知如下。\n"


async def test_big_document_publishes_only_the_latest_version(pushclient, tmp_path):
    """A draft over BIG_DOCUMENT characters is linted in the lint thread as soon as it changes;
    a result for a version that is no longer current is dropped, never published."""
    from gwlint.lsp.server import BIG_DOCUMENT
    client = pushclient
    uri = (tmp_path / "k.txt").as_uri()
    line = "经研究，现将有关事项通知如下，请XX同志参加会议。\n"
    text = line * (BIG_DOCUMENT // len(line) + 10)
    open_doc(client, uri, text)
    params = await asyncio.wait_for(client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 60)
    assert params.version == 1 and len(params.diagnostics) == text.count("XX")
    waiter = asyncio.ensure_future(client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS))
    for version in range(2, 7):      # back to back, faster than a lint: most go stale
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangePartial(
                range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0)),
                text="XX")]))
    params = await asyncio.wait_for(waiter, 60)
    assert params.version == 6 and len(params.diagnostics) == text.count("XX") + 1
