"""Helpers shared by the language-server tests."""
import asyncio
import sys

from lsprotocol import types
from pytest_lsp import LanguageClient, client_capabilities

SERVER = [sys.executable, "-m", "gwlint.lsp"]
CLIENTS = ["visual-studio-code", "neovim@v0.11.0", "emacs"]


async def start(lsp_client: LanguageClient, name: str, init_options=None):
    caps = client_capabilities(name)
    # the recorded clients allow dynamic registration; answer it as the real editors do
    lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)(lambda params: None)
    result = await lsp_client.initialize_session(types.InitializeParams(
        capabilities=caps, initialization_options=init_options))
    lsp_client.encoding = getattr(result.capabilities.position_encoding, "value",
                                  result.capabilities.position_encoding) or "utf-16"
    lsp_client.pull = bool(caps.text_document and caps.text_document.diagnostic)
    return result


async def diagnostics(client: LanguageClient, uri: str, wait: bool = True):
    """The document's diagnostics, pulled or pushed, as the client would see them."""
    if client.pull:
        report = await client.text_document_diagnostic_async(
            types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=uri)))
        return list(report.items)
    if wait:
        # a bounded wait: a server that never publishes fails the test instead of hanging it
        await asyncio.wait_for(client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 30)
    return list(client.diagnostics.get(uri, ()))


def open_doc(client, uri, text, version=1, language="plaintext"):
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id=language, version=version, text=text)))


async def pull(client: LanguageClient, uri: str):
    """Ask for the document's diagnostics (the server answers pull requests from any client)."""
    report = await client.text_document_diagnostic_async(
        types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    return list(report.items)
