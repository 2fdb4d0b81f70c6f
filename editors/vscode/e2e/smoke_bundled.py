"""Start the gwlint server exactly as the VS Code extension does by default
(`PYTHON -S -m gwlint.lsp`, PYTHONPATH = the extension's bundled/libs and nothing else) and check
that a draft gets its diagnostics (UTF-16 columns) and its outline. Standard library only, so it
runs under any Python >= 3.10 with nothing installed:

    python3.10 smoke_bundled.py PATH/TO/bundled/libs [PYTHON]
"""
import json
import os
import subprocess
import sys
import time

TEXT = "关于开展检查的通知\n😀请XX同志参加。\n一、总体要求\n三、工作安排\n"


def send(proc, msg):
    body = json.dumps(msg, ensure_ascii=False).encode("utf-8")
    proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    proc.stdin.flush()


def receive(proc):
    length = None
    while True:
        line = proc.stdout.readline()
        if not line:
            raise RuntimeError("server closed its output")
        line = line.strip()
        if not line:
            break
        name, _, value = line.partition(b":")
        if name.lower() == b"content-length":
            length = int(value)
    return json.loads(proc.stdout.read(length).decode("utf-8"))


def main() -> int:
    libs = os.path.abspath(sys.argv[1])
    python = sys.argv[2] if len(sys.argv) > 2 else sys.executable
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON") and k != "VIRTUAL_ENV"}
    env.update(PYTHONPATH=libs, PYTHONUTF8="1")
    t0 = time.monotonic()
    proc = subprocess.Popen([python, "-S", "-m", "gwlint.lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            env=env, cwd=os.path.dirname(libs))
    uri = "file:///tmp/gwlint-smoke/draft.txt"
    try:
        send(proc, {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
            "processId": None, "rootUri": None,
            "capabilities": {"general": {"positionEncodings": ["utf-16"]},
                             "textDocument": {"documentSymbol": {"hierarchicalDocumentSymbolSupport": True}}}}})
        init = receive(proc)
        info = init["result"].get("serverInfo", {})
        send(proc, {"jsonrpc": "2.0", "method": "initialized", "params": {}})
        send(proc, {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": uri, "languageId": "plaintext", "version": 1, "text": TEXT}}})
        send(proc, {"jsonrpc": "2.0", "id": 2, "method": "textDocument/documentSymbol",
                    "params": {"textDocument": {"uri": uri}}})
        diags = symbols = None
        while diags is None or symbols is None:
            msg = receive(proc)
            if msg.get("method") == "textDocument/publishDiagnostics" and msg["params"]["uri"] == uri:
                diags = msg["params"]["diagnostics"]
            elif msg.get("id") == 2:
                symbols = msg["result"]
        found = {d["code"]: (d["range"]["start"]["line"], d["range"]["start"]["character"]) for d in diags}
        names = [s["name"] for s in symbols or []]
        send(proc, {"jsonrpc": "2.0", "id": 3, "method": "shutdown"})
        while receive(proc).get("id") != 3:
            pass
        send(proc, {"jsonrpc": "2.0", "method": "exit"})
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
    version = subprocess.run([python, "-c", "import sys; print(sys.version.split()[0])"],
                             capture_output=True, text=True).stdout.strip()
    problems = []
    if found.get("PH001") != (1, 3):         # the emoji counts 2 UTF-16 units
        problems.append(f"PH001 at {found.get('PH001')}, expected (1, 3)")
    if "HD001" not in found:
        problems.append("no HD001 for the numbering gap")
    if not any("一、总体要求" in n for n in names):
        problems.append(f"outline lacks the headings: {names}")
    where = f"{python} (Python {version}), {info.get('name')} {info.get('version')}, {time.monotonic() - t0:.1f} s"
    if problems:
        print(f"FAIL bundled gwlint under {where}: " + "; ".join(problems))
        return 1
    print(f"ok: bundled gwlint under {where}: {sorted(found)}, outline {len(names)} entries")
    return 0


if __name__ == "__main__":
    sys.exit(main())
