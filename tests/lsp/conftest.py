import pytest_lsp
from pytest_lsp import ClientServerConfig, LanguageClient

from lsphelp import CLIENTS, SERVER, start


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER), params=CLIENTS)
async def client(lsp_client: LanguageClient, request):
    await start(lsp_client, request.param)
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER))
async def vscode(lsp_client: LanguageClient):
    await start(lsp_client, "visual-studio-code")
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER))
async def pushclient(lsp_client: LanguageClient):
    """A client without pull diagnostics (the server pushes)."""
    await start(lsp_client, "emacs", init_options={"lint": {"delay": 50}})
    yield
    await lsp_client.shutdown_session()
