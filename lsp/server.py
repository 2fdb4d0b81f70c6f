"""gwlint's language server: a thin adapter that lints open documents with gwlint.linter and
maps the results to LSP (diagnostics, quick fixes, fix-all, outline, hover, commands).

Latency on a long draft (scripts/bench_lsp.py): one LintResult per text revision, shared by
publish, pull, code actions and hover (``GwlintServer.result``: cached, awaited while in
flight, or started); a document over BIG_DOCUMENT characters is linted in one lint thread,
starting at the change (the debounce holds only the publish), and the JSON text of its
diagnostics is built there too (convert.diagnostics_text) and written without lsprotocol
objects (GwlintProtocol._send_data). A result whose text is no longer current is dropped."""
from __future__ import annotations

import asyncio
import gc
import inspect
import itertools
import json
import logging
import os
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Optional
from urllib.parse import unquote, urlparse

from lsprotocol import types as lsp
from pygls.exceptions import JsonRpcInternalError
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
from .features import FIX_ALL_KIND, code_actions, hover_markdown, outline, resolve_code_action
from .settings import ServerSettings

log = logging.getLogger("gwlint.lsp")
BIG_DOCUMENT = 20_000      # characters: lint off the event loop above this size
CONFIG_NAMES = ("**/.gwlint.toml", "**/gwlint.toml", "**/pyproject.toml")


_frozen = False


def _warm_up() -> None:
    """Build the rule registry (rule modules, compiled patterns: ~0.2 s), freeze the start-up
    objects out of the collector's way, and run every rule once on its own bad examples (lazily
    compiled patterns, first-use caches) during the handshake, so that the first draft the user
    opens costs only its own lint."""
    try:
        linter = _new_linter(Settings())    # also the one-time gc.collect + freeze (~30 ms)
        sample = "\n".join(ex.bad for m in linter.registry.metas.values() for ex in m.examples if ex.bad)
        linter.lint(Document(sample, path="warm-up.txt"))
    except Exception:  # only a warm-up: a real lint reports any problem properly
        log.exception("warm-up lint failed")


def _new_linter(settings: Settings) -> Linter:
    """A Linter; after the first one, the long-lived objects (rule registry, compiled patterns,
    pygls, lsprotocol) are moved out of the cyclic collector's way (gc.freeze), so that the
    full collections a lint's garbage triggers do not walk them on every keystroke."""
    global _frozen
    linter = Linter(settings)
    if not _frozen:
        _frozen = True
        gc.collect()
        gc.freeze()
    return linter


def _log_failure(task: asyncio.Future) -> None:
    """A lint started ahead of its publish: nobody may await it, so report a failure here."""
    if not task.cancelled() and task.exception() is not None:
        log.error("lint failed", exc_info=task.exception())


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

    def _send_data(self, data: Any):
        """A notification or response whose params/result is convert.RawJSON (the diagnostics,
        serialised by convert.diagnostics_text) is written as it is; everything else goes
        through pygls. Building and cattrs-unstructuring a thousand lsprotocol objects per
        keystroke cost more than the lint itself on a long draft."""
        params, result = getattr(data, "params", None), getattr(data, "result", None)
        if isinstance(result, convert.RawJSON) and getattr(data, "id", None) is not None:
            body = '{"jsonrpc":"2.0","id":%s,"result":%s}' % (json.dumps(data.id), result)
        elif isinstance(params, convert.RawJSON) and getattr(data, "id", None) is None:
            body = '{"jsonrpc":"2.0","method":%s,"params":%s}' % (json.dumps(data.method), params)
        else:
            return super()._send_data(data)
        if self.writer is None:
            log.error("Unable to send data, no available transport!")
            return
        # a lone surrogate (half of an emoji an edit split) becomes a \uXXXX escape, as json.dumps writes it
        payload = body.encode("utf-8", "backslashreplace")
        try:      # as pygls's _send_data, with the length in bytes (the text is not ASCII-escaped)
            if self._include_headers:
                payload = (b"Content-Length: %d\r\nContent-Type: %s; charset=%s\r\n\r\n"
                           % (len(payload), self.CONTENT_TYPE.encode(), self.CHARSET.encode()) + payload)
            res = self.writer.write(payload)
            if inspect.isawaitable(res):
                asyncio.ensure_future(res)
        except BrokenPipeError:
            log.exception("Error sending data. BrokenPipeError")
            raise
        except Exception as error:
            log.exception("Error sending data")
            self._server._report_server_error(error, JsonRpcInternalError)


@dataclass(eq=False)
class LintResult:
    """The lint of one revision of an open document, and what is derived from it on demand
    (once: publish, pull, code actions and hover all share it)."""
    key: tuple                     # (text revision, version, configuration generation, enabled)
    version: Optional[int]
    doc: Document
    diags: list
    result_id: str
    pulled: bool = False           # a pull already delivered it: no refresh needed
    _json: dict = field(default_factory=dict)
    _fix_all: dict = field(default_factory=dict)

    def payload(self, uri: str, encoding: str) -> str:
        """The diagnostics as a JSON array (text), built once per encoding."""
        items = self._json.get(encoding)
        if items is None:
            items = self._json[encoding] = convert.diagnostics_text(self.doc, self.diags, uri, encoding)
        return items


class GwlintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("gwlint", __version__, text_document_sync_kind=lsp.TextDocumentSyncKind.Incremental,
                         protocol_cls=GwlintProtocol)
        self.store = DocumentStore()
        self.results: dict[str, LintResult] = {}
        self.inflight: dict[str, tuple[tuple, asyncio.Future]] = {}
        self.tasks: dict[str, asyncio.Task] = {}
        self.options = ServerSettings()
        self.linters: dict[Any, Linter] = {}
        self.shown_errors: set[str] = set()
        self.pull_mode = False
        self.encoding = "utf-16"
        self.isolated = False          # --isolated: no config files (an untrusted VS Code workspace)
        self.generation = 0            # bumped when the configuration changes: older results are void
        self.result_ids = itertools.count(1)
        # one lint thread: the GIL would make parallel lints of stale versions only slower
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="gwlint-lint")

    # --- configuration ---------------------------------------------------------------------
    def linter_for(self, uri: str) -> Linter:
        if self.isolated:
            linter = self.linters.get("default")
            if linter is None:
                linter = self.linters["default"] = _new_linter(Settings())
            return linter
        path = uri_to_path(uri)
        base = path if path else (self.workspace.root_path if self.workspace and self.workspace.root_path else os.getcwd())
        try:
            cfg = find_config(base)
            settings = settings_for(base)
            key = (cfg, os.stat(cfg).st_mtime_ns if cfg else None, self.options.unsafe_fixes)
            linter = self.linters.get(key)
            if linter is None:
                linter = self.linters[key] = _new_linter(settings)
            return linter
        except (ConfigError, RegistryError, OSError) as exc:
            msg = f"gwlint 配置错误，已改用默认设置：{exc}"
            if msg not in self.shown_errors:
                self.shown_errors.add(msg)
                self.window_show_message(lsp.ShowMessageParams(type=lsp.MessageType.Error, message=msg))
            log.error(msg)
            linter = self.linters.get("default")
            if linter is None:
                linter = self.linters["default"] = _new_linter(Settings())
            return linter

    def forget_config(self) -> None:
        """Configuration changed: rebuild linters, and drop results linted with the old one."""
        self.linters.clear()
        self.shown_errors.clear()
        self.results.clear()
        self.generation += 1

    # --- linting ---------------------------------------------------------------------------
    def make_document(self, uri: str) -> Optional[Document]:
        od = self.store.get(uri)
        if od is None:
            return None
        path = uri_to_path(uri)
        kind = kind_for_path(path) if path else ("markdown" if od.language_id == "markdown" else "text")
        return Document(od.text, path=path or uri, kind=kind, version=od.version)

    def _key(self, uri: str) -> Optional[tuple]:
        od = self.store.get(uri)
        # the version too: a change that leaves the text as it was still needs diagnostics (and
        # code-action edits) tagged with the new version
        return None if od is None else (od.revision, od.version, self.generation, self.options.enable)

    def is_current(self, uri: str, res: Optional[LintResult]) -> bool:
        return res is not None and res.key == self._key(uri)

    async def result(self, uri: str) -> Optional[LintResult]:
        """The lint result for the document's current text: the cached one, the one being
        computed for this text, or a new lint (in the lint thread for a big document)."""
        for _ in range(50):       # a newer edit can arrive while we wait: then lint that one
            key = self._key(uri)
            if key is None:
                return None
            res = self.results.get(uri)
            if res is not None and res.key == key:
                return res
            # shielded: a cancelled waiter (a debounced publish) must not cancel the lint others await
            res = await asyncio.shield(self.start_lint(uri, key))
            if res is not None and res.key == self._key(uri):
                return res
        return self.results.get(uri)

    def start_lint(self, uri: str, key: Optional[tuple] = None) -> Optional[asyncio.Future]:
        """The task linting the document's current text: the one already running for it, or a new one."""
        key = key or self._key(uri)
        if key is None:
            return None
        pending = self.inflight.get(uri)
        if pending is None or pending[0] != key:
            pending = self.inflight[uri] = (key, asyncio.ensure_future(self._lint(uri, key)))
        return pending[1]

    async def _lint(self, uri: str, key: tuple) -> Optional[LintResult]:
        try:
            doc = self.make_document(uri)
            if doc is None:
                return None
            linter = self.linter_for(uri)          # on the loop: it may show a message
            payload = encoding = None
            if not self.options.enable:
                diags = []
            elif len(doc.text) > BIG_DOCUMENT:
                t0 = time.perf_counter()
                loop = asyncio.get_running_loop()
                encoding = self.encoding
                out = await loop.run_in_executor(self.executor, self._lint_in_thread, uri, key, linter, doc, encoding)
                if out is None:
                    return None                       # the text changed before the thread got to it
                diags, payload = out
                log.debug("linted %s v%s in the lint thread: %.1f ms", uri, doc.version, (time.perf_counter() - t0) * 1000)
            else:
                diags = linter.lint(doc)
            res = LintResult(key, doc.version, doc, diags, f"{self.generation}.{next(self.result_ids)}")
            if payload is not None:
                res._json[encoding] = payload
            if self._key(uri) == key:                 # a stale result is dropped, never published
                self.results[uri] = res
            return res
        finally:
            if (pending := self.inflight.get(uri)) is not None and pending[0] == key:
                del self.inflight[uri]

    def _lint_in_thread(self, uri: str, key: tuple, linter: Linter, doc: Document, encoding: str):
        if self._key(uri) != key:                    # queued behind a lint and outdated meanwhile
            return None
        diags = linter.lint(doc)
        # the JSON too, while the event loop is free (and, with a debounce, before it ends)
        return diags, convert.diagnostics_text(doc, diags, uri, encoding)

    async def lint_and_publish(self, uri: str, delay: float = 0.0) -> None:
        try:
            if delay:
                await asyncio.sleep(delay)
            res = await self.result(uri)
            if res is None or not self.is_current(uri, res):
                return          # a newer version arrived while linting: its own lint will publish
            if not self.pull_mode:
                self.publish(uri, res)
            elif not res.pulled and self.refresh_supported():
                self.workspace_diagnostic_refresh(None)
        except asyncio.CancelledError:
            raise
        except Exception:  # never take the editor down
            log.exception("lint failed for %s", uri)

    def refresh_supported(self) -> bool:
        ws = getattr(self.client_capabilities, "workspace", None)
        diag = getattr(ws, "diagnostics", None) if ws else None
        return bool(diag and diag.refresh_support)

    def publish(self, uri: str, res: LintResult) -> None:
        t0 = time.perf_counter()
        version = "" if res.version is None else ',"version":%d' % res.version
        params = convert.RawJSON('{"uri":%s%s,"diagnostics":%s}' % (
            json.dumps(uri, ensure_ascii=False), version, res.payload(uri, self.encoding)))
        t1 = time.perf_counter()
        self.protocol.notify(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS, params)
        log.debug("published %d diagnostics for %s v%s: %.1f ms to convert, %.1f ms to send",
                  len(res.diags), uri, res.version, (t1 - t0) * 1000, (time.perf_counter() - t1) * 1000)

    def schedule(self, uri: str, delay: float) -> None:
        old = self.tasks.pop(uri, None)
        if old is not None and not old.done():
            old.cancel()
        self.tasks[uri] = asyncio.ensure_future(self.lint_and_publish(uri, delay))

    def relint_all(self) -> None:
        for uri in list(self.store.docs):
            self.schedule(uri, 0)

    def current_document(self, uri: str) -> Optional[Document]:
        """The current text as a Document, reusing the linted one (and its structure) if current."""
        res = self.results.get(uri)
        return res.doc if self.is_current(uri, res) else self.make_document(uri)

    async def fix_all_edit(self, uri: str, res: Optional[LintResult] = None) -> Optional[lsp.WorkspaceEdit]:
        res = res or await self.result(uri)
        if res is None:
            return None
        unsafe = self.options.unsafe_fixes
        edit = res._fix_all.get((unsafe, self.encoding))
        if edit is None:
            doc = res.doc
            linter = self.linter_for(uri)
            if len(doc.text) > BIG_DOCUMENT:
                outcome = await asyncio.get_running_loop().run_in_executor(
                    self.executor, lambda: fix_text(linter, doc, unsafe=unsafe, diagnostics=res.diags))
            else:
                outcome = fix_text(linter, doc, unsafe=unsafe, diagnostics=res.diags)
            if outcome.text == doc.text:
                edit = lsp.WorkspaceEdit(changes={uri: []})
            else:
                end = convert.position(doc, len(doc.text), self.encoding)
                edit = lsp.WorkspaceEdit(document_changes=[lsp.TextDocumentEdit(
                    text_document=lsp.OptionalVersionedTextDocumentIdentifier(uri=uri, version=doc.version),
                    edits=[lsp.TextEdit(range=lsp.Range(start=lsp.Position(line=0, character=0), end=end),
                                        new_text=outcome.text)])])
            res._fix_all[(unsafe, self.encoding)] = edit
        return edit


def create_server() -> GwlintServer:
    server = GwlintServer()

    @server.feature(lsp.INITIALIZE)
    def initialize(ls: GwlintServer, params: lsp.InitializeParams):
        ls.options = ServerSettings.from_any(params.initialization_options)
        caps = params.capabilities
        ls.pull_mode = bool(caps and caps.text_document and caps.text_document.diagnostic)
        if params.process_id:
            _watch_parent(params.process_id)
        _warm_up()

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
            # lint a big document at once, in the lint thread, and hold only the publish for the
            # debounce: the diagnostics are then ready when it ends. (An edit that comes sooner
            # makes that lint stale: it is skipped if still queued and its result dropped.)
            if len(od.text) > BIG_DOCUMENT and ls.options.enable:
                ls.start_lint(od.uri).add_done_callback(_log_failure)
            ls.schedule(od.uri, ls.options.delay_ms / 1000)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: GwlintServer, params: lsp.DidSaveTextDocumentParams):
        if getattr(params, "text", None) is not None:
            od = ls.store.get(params.text_document.uri)
            if od is not None and od.text != params.text:
                od.set_text(params.text)
        ls.schedule(params.text_document.uri, 0)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: GwlintServer, params: lsp.DidCloseTextDocumentParams):
        uri = params.text_document.uri
        task = ls.tasks.pop(uri, None)
        if task is not None:
            task.cancel()
        ls.store.close(uri)
        ls.results.pop(uri, None)
        ls.inflight.pop(uri, None)
        if not ls.pull_mode:
            ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(lsp.TEXT_DOCUMENT_DIAGNOSTIC,
                    lsp.DiagnosticOptions(identifier="gwlint", inter_file_dependencies=False,
                                          workspace_diagnostics=False))
    async def pull_diagnostics(ls: GwlintServer, params: lsp.DocumentDiagnosticParams):
        # serialised text, as for publishDiagnostics (GwlintProtocol sends it without cattrs)
        uri = params.text_document.uri
        res = await ls.result(uri)
        if res is None:
            return lsp.RelatedFullDocumentDiagnosticReport(items=[])
        res.pulled = True
        if params.previous_result_id == res.result_id:
            return lsp.RelatedUnchangedDocumentDiagnosticReport(result_id=res.result_id)
        return convert.RawJSON('{"kind":"full","resultId":%s,"items":%s}' % (
            json.dumps(res.result_id), res.payload(uri, ls.encoding)))

    @server.feature(lsp.TEXT_DOCUMENT_CODE_ACTION,
                    lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix, FIX_ALL_KIND,
                                                             lsp.CodeActionKind.SourceFixAll], resolve_provider=True))
    async def code_action(ls: GwlintServer, params: lsp.CodeActionParams):
        res = await ls.result(params.text_document.uri)
        if res is None:
            return []
        return await code_actions(ls, params, res)

    @server.feature(lsp.CODE_ACTION_RESOLVE)
    async def code_action_resolve(ls: GwlintServer, action: lsp.CodeAction):
        return await resolve_code_action(ls, action)

    @server.feature(lsp.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    def document_symbol(ls: GwlintServer, params: lsp.DocumentSymbolParams):
        doc = ls.current_document(params.text_document.uri)
        return outline(doc, ls.encoding) if doc is not None else []

    @server.feature(lsp.TEXT_DOCUMENT_HOVER)
    async def hover(ls: GwlintServer, params: lsp.HoverParams):
        res = await ls.result(params.text_document.uri)
        if res is None:
            return None
        doc, diags = res.doc, res.diags
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
        edit = await ls.fix_all_edit(uri)
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
