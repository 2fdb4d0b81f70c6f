"""gwlint's language server: a thin adapter that lints open documents with gwlint.linter and
maps the results to LSP (diagnostics, quick fixes, fix-all, outline, hover, commands)."""
from __future__ import annotations

import asyncio
import logging
import os
import time
from typing import Any, Optional
from urllib.parse import unquote, urlparse

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.protocol.language_server import LanguageServerProtocol, lsp_method

from gwlint.linter import __version__
from gwlint.linter.config import ConfigError, Settings, add_allowed_phrase, find_config, settings_for
from gwlint.linter.document import Document, kind_for_path
from gwlint.linter.engine import Linter
from gwlint.linter.fixer import fix_text
from gwlint.linter.registry import RegistryError

from . import convert
from .documents import DocumentStore
from .features import FIX_ALL_KIND, code_actions, hover_markdown, outline
from .settings import ServerSettings

log = logging.getLogger("gwlint.lsp")
BIG_DOCUMENT = 20_000      # characters: lint off the event loop above this size
CONFIG_NAMES = ("**/.gwlint.toml", "**/gwlint.toml", "**/pyproject.toml")


def uri_to_path(uri: str) -> Optional[str]:
    parsed = urlparse(uri)
    if parsed.scheme != "file":
        return None
    path = unquote(parsed.path)
    if os.name == "nt" and path.startswith("/"):  # pragma: no cover
        path = path[1:]
    return path


class GwlintProtocol(LanguageServerProtocol):
    """pygls's own copy of a document splits lines with str.splitlines (also on \x0b and
    \u2028) and can fail or mis-apply an incremental edit; the server keeps its own copy
    (DocumentStore), so pygls's is not updated on change."""

    @lsp_method(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(self, params: lsp.DidChangeTextDocumentParams):
        if (handler := self.fm.features.get(lsp.TEXT_DOCUMENT_DID_CHANGE)) is not None:
            yield handler, (params,), None


class GwlintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("gwlint", __version__, text_document_sync_kind=lsp.TextDocumentSyncKind.Incremental,
                         protocol_cls=GwlintProtocol)
        self.store = DocumentStore()
        self.results: dict[str, tuple[Optional[int], Document, list]] = {}
        self.tasks: dict[str, asyncio.Task] = {}
        self.options = ServerSettings()
        self.linters: dict[Any, Linter] = {}
        self.shown_errors: set[str] = set()
        self.pull_mode = False
        self.encoding = "utf-16"
        self.isolated = False          # --isolated: no config files (an untrusted VS Code workspace)

    # --- configuration ---------------------------------------------------------------------
    def linter_for(self, uri: str) -> Linter:
        if self.isolated:
            linter = self.linters.get("default")
            if linter is None:
                linter = self.linters["default"] = Linter(Settings())
            return linter
        path = uri_to_path(uri)
        base = path if path else (self.workspace.root_path if self.workspace and self.workspace.root_path else os.getcwd())
        try:
            cfg = find_config(base)
            settings = settings_for(base)
            key = (cfg, os.stat(cfg).st_mtime_ns if cfg else None, self.options.unsafe_fixes)
            linter = self.linters.get(key)
            if linter is None:
                linter = self.linters[key] = Linter(settings)
            return linter
        except (ConfigError, RegistryError, OSError) as exc:
            msg = f"gwlint 配置错误，已改用默认设置：{exc}"
            if msg not in self.shown_errors:
                self.shown_errors.add(msg)
                self.window_show_message(lsp.ShowMessageParams(type=lsp.MessageType.Error, message=msg))
            log.error(msg)
            linter = self.linters.get("default")
            if linter is None:
                linter = self.linters["default"] = Linter(Settings())
            return linter

    def forget_config(self) -> None:
        """Configuration changed: rebuild linters, and drop results linted with the old one."""
        self.linters.clear()
        self.shown_errors.clear()
        self.results.clear()

    # --- linting ---------------------------------------------------------------------------
    def make_document(self, uri: str) -> Optional[Document]:
        od = self.store.get(uri)
        if od is None:
            return None
        path = uri_to_path(uri)
        kind = kind_for_path(path) if path else ("markdown" if od.language_id == "markdown" else "text")
        return Document(od.text, path=path or uri, kind=kind, version=od.version)

    def lint_now(self, uri: str):
        doc = self.make_document(uri)
        if doc is None:
            return None
        linter = self.linter_for(uri)
        diags = linter.lint(doc) if self.options.enable else []
        return doc, diags

    async def lint_and_publish(self, uri: str, delay: float = 0.0) -> None:
        try:
            if delay:
                await asyncio.sleep(delay)
            od = self.store.get(uri)
            if od is None:
                return
            version = od.version
            if len(od.text) > BIG_DOCUMENT:
                out = await asyncio.to_thread(self.lint_now, uri)
            else:
                out = self.lint_now(uri)
            if out is None:
                return
            doc, diags = out
            current = self.store.get(uri)
            if current is None or current.version != version or current.text != doc.text:
                return          # a newer version arrived while linting: its own lint will publish
            self.results[uri] = (version, doc, diags)
            if not self.pull_mode:
                self.publish(uri)
            elif self.refresh_supported():
                self.workspace_diagnostic_refresh(None)
        except asyncio.CancelledError:
            raise
        except Exception:  # never take the editor down
            log.exception("lint failed for %s", uri)

    def refresh_supported(self) -> bool:
        ws = getattr(self.client_capabilities, "workspace", None)
        diag = getattr(ws, "diagnostics", None) if ws else None
        return bool(diag and diag.refresh_support)

    def publish(self, uri: str) -> None:
        version, doc, diags = self.results.get(uri, (None, None, []))
        items = [convert.to_lsp(doc, d, uri, self.encoding) for d in diags] if doc is not None else []
        self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=items,
                                                                            version=version))

    def schedule(self, uri: str, delay: float) -> None:
        old = self.tasks.pop(uri, None)
        if old is not None and not old.done():
            old.cancel()
        self.tasks[uri] = asyncio.ensure_future(self.lint_and_publish(uri, delay))

    def relint_all(self) -> None:
        for uri in list(self.store.docs):
            self.schedule(uri, 0)

    def current(self, uri: str):
        """(Document, diagnostics) for the document's current version, linting if needed."""
        od = self.store.get(uri)
        if od is None:
            return None
        cached = self.results.get(uri)
        if cached and cached[0] == od.version and cached[1].text == od.text:
            return cached[1], cached[2]
        out = self.lint_now(uri)
        if out is not None:
            self.results[uri] = (od.version, out[0], out[1])
        return out

    def fix_all_edit(self, uri: str) -> Optional[lsp.WorkspaceEdit]:
        out = self.current(uri)
        if out is None:
            return None
        doc, diags = out
        outcome = fix_text(self.linter_for(uri), doc, unsafe=self.options.unsafe_fixes, diagnostics=diags)
        if outcome.text == doc.text:
            return lsp.WorkspaceEdit(changes={uri: []})
        end = convert.position(doc, len(doc.text), self.encoding)
        edit = lsp.TextEdit(range=lsp.Range(start=lsp.Position(line=0, character=0), end=end),
                            new_text=outcome.text)
        return lsp.WorkspaceEdit(document_changes=[lsp.TextDocumentEdit(
            text_document=lsp.OptionalVersionedTextDocumentIdentifier(uri=uri, version=doc.version),
            edits=[edit])])


def create_server() -> GwlintServer:
    server = GwlintServer()

    @server.feature(lsp.INITIALIZE)
    def initialize(ls: GwlintServer, params: lsp.InitializeParams):
        ls.options = ServerSettings.from_any(params.initialization_options)
        caps = params.capabilities
        ls.pull_mode = bool(caps and caps.text_document and caps.text_document.diagnostic)
        if params.process_id:
            _watch_parent(params.process_id)

    @server.feature(lsp.INITIALIZED)
    async def initialized(ls: GwlintServer, params: lsp.InitializedParams):
        ls.encoding = convert.encoding_name(ls.workspace.position_encoding)
        ws = getattr(ls.client_capabilities, "workspace", None)
        watched = getattr(ws, "did_change_watched_files", None) if ws else None
        if watched and watched.dynamic_registration:
            try:
                await ls.client_register_capability_async(lsp.RegistrationParams(registrations=[lsp.Registration(
                    id="gwlint-config-watch", method=lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                    register_options=lsp.DidChangeWatchedFilesRegistrationOptions(
                        watchers=[lsp.FileSystemWatcher(glob_pattern=g) for g in CONFIG_NAMES]))]))
            except Exception:  # the client may refuse; config is still re-read on open
                log.warning("could not register file watchers")
        await _pull_configuration(ls)

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    async def did_open(ls: GwlintServer, params: lsp.DidOpenTextDocumentParams):
        td = params.text_document
        ls.store.open(td.uri, td.text, td.version, td.language_id)
        ls.schedule(td.uri, 0)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: GwlintServer, params: lsp.DidChangeTextDocumentParams):
        od = ls.store.get(params.text_document.uri)
        if od is None:
            return
        for change in params.content_changes:
            od.apply_change(change, ls.encoding)
        od.version = params.text_document.version
        if ls.options.lint_run == "onType":
            ls.schedule(od.uri, ls.options.delay_ms / 1000)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: GwlintServer, params: lsp.DidSaveTextDocumentParams):
        if getattr(params, "text", None) is not None:
            od = ls.store.get(params.text_document.uri)
            if od is not None:
                od.text = params.text
        ls.schedule(params.text_document.uri, 0)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: GwlintServer, params: lsp.DidCloseTextDocumentParams):
        uri = params.text_document.uri
        task = ls.tasks.pop(uri, None)
        if task is not None:
            task.cancel()
        ls.store.close(uri)
        ls.results.pop(uri, None)
        if not ls.pull_mode:
            ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(lsp.TEXT_DOCUMENT_DIAGNOSTIC,
                    lsp.DiagnosticOptions(identifier="gwlint", inter_file_dependencies=False,
                                          workspace_diagnostics=False))
    async def pull_diagnostics(ls: GwlintServer, params: lsp.DocumentDiagnosticParams):
        uri = params.text_document.uri
        od = ls.store.get(uri)
        if od is None:
            return lsp.RelatedFullDocumentDiagnosticReport(items=[])
        result_id = f"{uri}@{od.version}@{len(od.text)}"
        if params.previous_result_id == result_id:
            return lsp.RelatedUnchangedDocumentDiagnosticReport(result_id=result_id)
        out = await asyncio.to_thread(ls.current, uri) if len(od.text) > BIG_DOCUMENT else ls.current(uri)
        doc, diags = out
        return lsp.RelatedFullDocumentDiagnosticReport(
            items=[convert.to_lsp(doc, d, uri, ls.encoding) for d in diags], result_id=result_id)

    @server.feature(lsp.TEXT_DOCUMENT_CODE_ACTION,
                    lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix, FIX_ALL_KIND,
                                                             lsp.CodeActionKind.SourceFixAll], resolve_provider=False))
    def code_action(ls: GwlintServer, params: lsp.CodeActionParams):
        out = ls.current(params.text_document.uri)
        if out is None:
            return []
        return code_actions(ls, params, *out)

    @server.feature(lsp.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    def document_symbol(ls: GwlintServer, params: lsp.DocumentSymbolParams):
        doc = ls.make_document(params.text_document.uri)
        return outline(doc, ls.encoding) if doc is not None else []

    @server.feature(lsp.TEXT_DOCUMENT_HOVER)
    def hover(ls: GwlintServer, params: lsp.HoverParams):
        out = ls.current(params.text_document.uri)
        if out is None:
            return None
        doc, diags = out
        offset = convert.to_offset(doc, params.position, ls.encoding)
        text = hover_markdown(ls.linter_for(params.text_document.uri), doc, diags, offset)
        if not text:
            return None
        return lsp.Hover(contents=lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value=text))

    @server.feature(lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched_files(ls: GwlintServer, params: lsp.DidChangeWatchedFilesParams):
        ls.forget_config()
        ls.relint_all()

    @server.feature(lsp.WORKSPACE_DID_CHANGE_CONFIGURATION)
    async def changed_configuration(ls: GwlintServer, params: lsp.DidChangeConfigurationParams):
        settings = getattr(params, "settings", None)
        if isinstance(settings, dict) and settings.get("gwlint") is not None:
            ls.options = ServerSettings.from_any(settings["gwlint"])
        else:
            await _pull_configuration(ls)
        ls.forget_config()
        ls.relint_all()

    @server.command("gwlint.server.allowPhrase")
    def allow_phrase(ls: GwlintServer, uri: str, family: str, phrase: str):
        path = uri_to_path(uri) or (ls.workspace.root_path or os.getcwd())
        written = add_allowed_phrase(os.path.dirname(path) if os.path.isfile(path) else path, family, phrase)
        ls.forget_config()
        ls.relint_all()
        ls.window_show_message(lsp.ShowMessageParams(type=lsp.MessageType.Info,
                                                     message=f"已在 {written} 中允许“{phrase}”（{family}）"))
        return written

    @server.command("gwlint.server.fixAll")
    async def fix_all(ls: GwlintServer, uri: str):
        edit = ls.fix_all_edit(uri)
        if edit is not None:
            await ls.workspace_apply_edit_async(lsp.ApplyWorkspaceEditParams(edit=edit, label="gwlint: 修复全部安全问题"))
        return True

    @server.command("gwlint.server.showRuleDoc")
    def show_rule_doc(ls: GwlintServer, code: str):
        from gwlint.linter.docs import render_rule
        reg = ls.linter_for("").registry
        resolved = reg.resolve(code)
        if resolved not in reg.metas:
            raise ValueError(f"未知的规则：{code}")
        return render_rule(reg.metas[resolved])

    @server.command("gwlint.server.documentText")
    def document_text(ls: GwlintServer, uri: str):
        """The server's copy of an open document (for tests and for debugging sync problems)."""
        od = ls.store.get(uri)
        return None if od is None else od.text

    @server.command("gwlint.server.learn")
    async def learn(ls: GwlintServer, folder_uri: Optional[str] = None, output: Optional[str] = None):
        from gwlint.linter.learn import learn_paths
        folder = uri_to_path(folder_uri) if folder_uri else (ls.workspace.root_path or os.getcwd())
        target = output or os.path.join(folder, "gwlint-profile.toml")
        profile, _ = await asyncio.to_thread(learn_paths, [folder], target)
        ls.forget_config()
        ls.relint_all()
        ls.window_show_message(lsp.ShowMessageParams(type=lsp.MessageType.Info, message=(
            f"已从 {profile.documents} 个文件学习约定，写入 {target}；在配置中设置 profile = \"{os.path.basename(target)}\" 即可启用")))
        return target

    return server


async def _pull_configuration(ls: GwlintServer) -> None:
    ws = getattr(ls.client_capabilities, "workspace", None)
    if not (ws and ws.configuration):
        return
    try:
        result = await ls.workspace_configuration_async(
            lsp.ConfigurationParams(items=[lsp.ConfigurationItem(section="gwlint")]))
    except Exception:
        log.warning("workspace/configuration failed")
        return
    if result and isinstance(result[0], dict):
        ls.options = ServerSettings.from_any(result[0], base=ls.options)


def _watch_parent(pid: int) -> None:
    """Exit when the editor that started us is gone (no stdio EOF on some platforms)."""
    import threading

    def loop() -> None:
        while True:
            time.sleep(3)
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                log.info("parent process %s is gone: exiting", pid)
                os._exit(0)
            except PermissionError:
                pass

    threading.Thread(target=loop, daemon=True, name="gwlint-parent-watch").start()
