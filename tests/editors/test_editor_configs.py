"""The Helix and Sublime Text set-ups in editors/ (no such editor in CI): each file parses, starts
`python -m gwlint.lsp`, and the server started with that command line and those settings answers
a draft with diagnostics. The VS Code extension's manifest is checked for the settings and commands
its README documents."""
import json
import os
import re
import selectors
import subprocess
import sys

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EDITORS = os.path.join(ROOT, "editors")


def _frame(msg: dict) -> bytes:
    body = json.dumps(msg, ensure_ascii=False).encode("utf-8")
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def _messages(data: bytes):
    while data:
        head, _, rest = data.partition(b"\r\n\r\n")
        length = int(re.search(rb"Content-Length: *(\d+)", head, re.I).group(1))
        yield json.loads(rest[:length].decode("utf-8"))
        data = rest[length:]


def run_server(argv, init_options, text="请XX同志参加会议,逾期不候。\n"):
    """Initialize, open a draft, shut down; return the published diagnostics."""
    uri = "file:///tmp/gwlint-editor-config/draft.txt"
    msgs = [
        {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
            "processId": None, "rootUri": None, "capabilities": {}, "initializationOptions": init_options}},
        {"jsonrpc": "2.0", "method": "initialized", "params": {}},
        {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": uri, "languageId": "text", "version": 1, "text": text}}},
        # documentSymbol is answered after the open was handled; by then the lint has been scheduled
        {"jsonrpc": "2.0", "id": 2, "method": "textDocument/documentSymbol", "params": {"textDocument": {"uri": uri}}},
    ]
    proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        proc.stdin.write(b"".join(_frame(m) for m in msgs))
        proc.stdin.flush()
        out = b""
        diags = None
        # read until the diagnostics arrive (each read waits at most 30 s)
        sel = selectors.DefaultSelector()
        sel.register(proc.stdout, selectors.EVENT_READ)
        while diags is None:
            if not sel.select(timeout=30):
                raise AssertionError("no diagnostics within 30 s: " + proc.stderr.read1(4000).decode(errors="replace"))
            chunk = os.read(proc.stdout.fileno(), 65536)
            if not chunk:
                raise AssertionError("server exited: " + proc.stderr.read().decode(errors="replace"))
            out += chunk
            try:
                for m in _messages(out):
                    if m.get("method") == "textDocument/publishDiagnostics":
                        diags = m["params"]["diagnostics"]
            except (AttributeError, ValueError):
                continue  # a partial message: read on
        proc.stdin.write(_frame({"jsonrpc": "2.0", "id": 3, "method": "shutdown"})
                         + _frame({"jsonrpc": "2.0", "method": "exit"}))
        proc.stdin.flush()
        proc.wait(10)
        return diags
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.stdout.close()
        proc.stderr.close()
        proc.stdin.close()


def _with_this_python(command):
    """The configs say python3 (or py -3); run them with the test's interpreter."""
    assert command[0] in ("python3", "python", "py"), command
    rest = command[2:] if command[:2] == ["py", "-3"] else command[1:]
    return [sys.executable, *rest]


def test_helix_languages_toml_starts_gwlint_for_text_and_markdown():
    with open(os.path.join(EDITORS, "helix", "languages.toml"), "rb") as f:
        cfg = tomllib.load(f)
    server = cfg["language-server"]["gwlint"]
    assert server["args"] == ["-m", "gwlint.lsp"]
    langs = {lang["name"]: lang for lang in cfg["language"]}
    assert "gwlint" in langs["markdown"]["language-servers"]
    assert "marksman" in langs["markdown"]["language-servers"]   # Helix's own Markdown server is kept
    text = langs["text"]
    assert "gwlint" in text["language-servers"] and "txt" in text["file-types"]
    assert text["scope"] == "text.plain" and "roots" in text       # required keys of a new language
    diags = run_server(_with_this_python([server["command"], *server["args"]]), server["config"])
    assert sorted(d["code"] for d in diags) == ["PH001", "PU001"]


def test_sublime_lsp_client_starts_gwlint():
    with open(os.path.join(EDITORS, "sublime", "LSP-gwlint.sublime-settings"), encoding="utf-8") as f:
        text = "\n".join(line for line in f.read().splitlines() if not line.lstrip().startswith("//"))
    client = json.loads(text)["clients"]["gwlint"]
    assert client["command"][-2:] == ["-m", "gwlint.lsp"]
    assert "text.plain" in client["selector"] and "text.html.markdown" in client["selector"]
    assert client["settings"]["gwlint"] == client["initializationOptions"]
    diags = run_server(_with_this_python(client["command"]), client["initializationOptions"])
    assert sorted(d["code"] for d in diags) == ["PH001", "PU001"]


def test_onsave_setting_from_an_editor_config_is_honoured():
    # the server reads the same shape from Helix's `config`: onSave → no lint while typing,
    # but the first lint on open still happens
    diags = run_server([sys.executable, "-m", "gwlint.lsp"], {"lint": {"run": "onSave"}})
    assert "PH001" in {d["code"] for d in diags}


def test_vscode_manifest_declares_documented_settings_and_commands():
    with open(os.path.join(EDITORS, "vscode", "package.json"), encoding="utf-8") as f:
        pkg = json.load(f)
    props = pkg["contributes"]["configuration"]["properties"]
    for key in ("gwlint.enable", "gwlint.lint.run", "gwlint.lint.delay", "gwlint.fix.unsafe",
                "gwlint.interpreter", "gwlint.importStrategy", "gwlint.trace.server"):
        assert key in props, key
    assert props["gwlint.importStrategy"]["default"] == "useBundled"
    commands = {c["command"] for c in pkg["contributes"]["commands"]}
    assert commands == {"gwlint.restart", "gwlint.fixAll", "gwlint.showRuleDoc", "gwlint.learn", "gwlint.showOutput"}
    trust = pkg["capabilities"]["untrustedWorkspaces"]
    assert trust["supported"] == "limited"
    assert {"gwlint.interpreter", "gwlint.importStrategy"} <= set(trust["restrictedConfigurations"])
    assert "ms-python.python" not in pkg.get("extensionDependencies", [])   # optional, never required
    with open(os.path.join(EDITORS, "vscode", "README.md"), encoding="utf-8") as f:
        readme = f.read()
    for key in props:
        assert f"`{key}`" in readme, f"{key} missing from the extension README"
    for image in re.findall(r"\]\((images/[^)]+)\)", readme):
        assert os.path.isfile(os.path.join(EDITORS, "vscode", image)), image


@pytest.mark.parametrize("name", ["bundle-python.sh", "requirements-bundled.txt"])
def test_vscode_bundle_excludes_compiled_regex(name):
    # the .vsix must run on any Python >= 3.10 on any platform: only pure-Python packages
    with open(os.path.join(EDITORS, "vscode", "scripts", name), encoding="utf-8") as f:
        text = f.read()
    if name.endswith(".txt"):
        pins = [line.split("==")[0].strip().lower() for line in text.splitlines()
                if line.strip() and not line.startswith("#")]
        assert "regex" not in pins and {"pygls", "lsprotocol", "cattrs", "attrs"} <= set(pins)
    else:
        assert "--implementation py" in text and "--only-binary=:all:" in text
