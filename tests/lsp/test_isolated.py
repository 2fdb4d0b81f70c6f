"""`gwlint server --isolated` (what the VS Code extension starts in an untrusted workspace)
reads no configuration file: a project's .gwlint.toml has no effect until the folder is trusted."""
import pytest_lsp
from pytest_lsp import ClientServerConfig, LanguageClient

from lsphelp import SERVER, open_doc, pull, start

DRAFT = "请XX参加。\n"
CONFIG = 'ignore = ["PH001"]\n'


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER + ["--isolated"]))
async def isolated(lsp_client: LanguageClient):
    await start(lsp_client, "visual-studio-code")
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER))
async def normal(lsp_client: LanguageClient):
    await start(lsp_client, "visual-studio-code")
    yield
    await lsp_client.shutdown_session()


async def test_isolated_server_ignores_project_config(isolated, tmp_path):
    (tmp_path / ".gwlint.toml").write_text(CONFIG, encoding="utf-8")
    uri = (tmp_path / "a.txt").as_uri()
    open_doc(isolated, uri, DRAFT)
    assert [d.code for d in await pull(isolated, uri)] == ["PH001"]


async def test_normal_server_honours_project_config(normal, tmp_path):
    (tmp_path / ".gwlint.toml").write_text(CONFIG, encoding="utf-8")
    uri = (tmp_path / "a.txt").as_uri()
    open_doc(normal, uri, DRAFT)
    assert [d.code for d in await pull(normal, uri)] == []
