#!/usr/bin/env python3
"""Language-server latency benchmark on a 50,000-character draft: gwlint against AutoCorrect's
server, both driven the same way by a minimal JSON-RPC client over stdio.

    python scripts/bench_lsp.py [--chars 50000] [--edits 40] [--delay MS ...] [--autocorrect PATH]

Reports, per server: time from starting the server process to the first diagnostics of the
draft (handshake included), time from didOpen to the first publishDiagnostics, the time from each
didChange (a one-character edit) to the publishDiagnostics for that version, minus the
server's debounce, as p50 and p95, and the server's resident memory (VmRSS) at the end.
gwlint runs once per --delay value (its lint.delay; default: 0, nothing to subtract, and 300,
its default debounce: it lints a big document during the debounce and holds only the
publish, so the figure shows what is left after the debounce). AutoCorrect's server has no
debounce setting: nothing is subtracted; it clears a document's diagnostics (an empty publish)
before linting, so its answer is its first non-empty publish. Each edit waits for the previous
one's diagnostics. AutoCorrect's server comes from
`npm install autocorrect-node` (its `autocorrect server` command); it is skipped with a message
when it is not installed. No timing is asserted: the figures are for the reader.
"""
from __future__ import annotations

import argparse
import json
import os
import queue
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class Client:
    def __init__(self, argv: list[str]) -> None:
        # as installed, with bytecode cached: a PYTHONDONTWRITEBYTECODE set for the calling
        # shell would make each start compile every module again
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, env=env)
        self.inbox: "queue.Queue[dict]" = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    return
                line = line.strip()
                if not line:
                    break
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            body = out.read(length or 0)
            self.inbox.put(json.loads(body))

    def send(self, method: str, params, request: bool = False):
        msg = {"jsonrpc": "2.0", "method": method, "params": params}
        if request:
            self.next_id += 1
            msg["id"] = self.next_id
        data = json.dumps(msg, ensure_ascii=False).encode("utf-8")
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(data) + data)
        self.proc.stdin.flush()
        return msg.get("id")

    def wait(self, pred, timeout: float = 60.0) -> dict:
        deadline = time.perf_counter() + timeout
        while True:
            left = deadline - time.perf_counter()
            if left <= 0:
                raise TimeoutError("no matching message")
            msg = self.inbox.get(timeout=left)
            if "id" in msg and "method" in msg:          # a request from the server: answer null
                self._answer(msg["id"])
                continue
            if pred(msg):
                return msg

    def _answer(self, msg_id) -> None:
        data = json.dumps({"jsonrpc": "2.0", "id": msg_id, "result": None}).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(data) + data)
        self.proc.stdin.flush()

    def rss_mib(self) -> float:
        try:
            with open(f"/proc/{self.proc.pid}/status") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        return int(line.split()[1]) / 1024
        except OSError:
            pass
        return float("nan")

    def close(self) -> None:
        try:
            self.send("shutdown", None, request=True)
            self.send("exit", None)
            self.proc.wait(timeout=5)
        except Exception:
            self.proc.kill()


def make_draft(chars: int) -> str:
    seeds = os.path.join(ROOT, "corpus", "seeds")
    texts = [open(os.path.join(seeds, n), encoding="utf-8").read() for n in sorted(os.listdir(seeds))]
    out, i = [], 0
    while sum(len(t) for t in out) < chars:
        out.append(texts[i % len(texts)])
        i += 1
    return "".join(out)[:chars]


def run(name: str, argv: list[str], text: str, edits: int, init_options, debounce_ms: float = 0.0) -> dict:
    started = time.perf_counter()
    client = Client(argv)
    uri = "file://" + os.path.join(tempfile.gettempdir(), "gwlint-bench-draft.txt")
    client.send("initialize", {"processId": os.getpid(), "rootUri": None, "capabilities": {
        "textDocument": {"publishDiagnostics": {"versionSupport": True}},
        "general": {"positionEncodings": ["utf-16"]}}, "initializationOptions": init_options}, request=True)
    init = client.wait(lambda m: m.get("id") == 1)
    sync = init["result"]["capabilities"].get("textDocumentSync", 1)
    incremental = (sync.get("change") if isinstance(sync, dict) else sync) == 2
    client.send("initialized", {})

    def published(version):
        # A server that does not version its publishes is matched on the first non-empty list:
        # AutoCorrect's server first clears a document's diagnostics (an empty publish) and then
        # lints it, and the draft always has findings. Taking the clear as the answer would
        # time nothing and count no diagnostics.
        def match(m):
            if m.get("method") != "textDocument/publishDiagnostics" or m["params"].get("uri") != uri:
                return False
            v = m["params"].get("version")
            return v == version if v is not None else bool(m["params"]["diagnostics"])
        return match
    t0 = time.perf_counter()
    client.send("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1,
                                                          "text": text}})
    first = client.wait(published(1))
    open_ms = (time.perf_counter() - t0) * 1000
    start_ms = (time.perf_counter() - started) * 1000
    lines = text.split("\n")
    latencies = []
    for k in range(edits):
        version = k + 2
        line = (k * 37) % max(1, len(lines) - 1)
        lines[line] = "X" + lines[line]
        if incremental:
            change = {"range": {"start": {"line": line, "character": 0},
                                "end": {"line": line, "character": 0}}, "text": "X"}
        else:                                   # a server that only takes the whole text
            change = {"text": "\n".join(lines)}
        t0 = time.perf_counter()
        client.send("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                               "contentChanges": [change]})
        client.wait(published(version))
        latencies.append((time.perf_counter() - t0) * 1000 - debounce_ms)
    rss = client.rss_mib()
    client.close()
    latencies.sort()
    return {"name": name + ("" if incremental else " (full sync)"), "open_ms": open_ms, "start_ms": start_ms, "first_count": len(first["params"]["diagnostics"]),
            "p50": statistics.median(latencies), "p95": latencies[int(0.95 * (len(latencies) - 1))],
            "rss": rss}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--chars", type=int, default=50_000)
    ap.add_argument("--edits", type=int, default=40)
    ap.add_argument("--delay", type=int, nargs="+", default=[0, 300],
                    help="gwlint's lint.delay (debounce) in ms, subtracted; one run per value")
    ap.add_argument("--autocorrect", help="path to AutoCorrect's CLI (from npm autocorrect-node)")
    args = ap.parse_args()
    text = make_draft(args.chars)
    print(f"draft: {len(text)} characters, {text.count(chr(10)) + 1} lines; {args.edits} one-character edits")
    rows = [run(f"gwlint (delay {delay} ms)", [sys.executable, "-m", "gwlint.lsp"],
                text, args.edits, {"lint": {"delay": delay}}, delay) for delay in args.delay]
    ac = args.autocorrect or shutil.which("autocorrect")
    if ac is None:
        local = os.path.join(ROOT, "bench-out", "node_modules", ".bin", "autocorrect")
        ac = local if os.path.exists(local) else None
    if ac:
        try:
            rows.append(run("AutoCorrect", [ac, "server"], text, args.edits, None))
        except Exception as exc:  # report, don't hide
            print(f"AutoCorrect server failed: {type(exc).__name__}: {exc}")
    else:
        print("AutoCorrect not found: `npm install --prefix bench-out autocorrect-node` to compare")
    print()
    print(f"{'server':<26}{'start→diags ms':>16}{'open→diags ms':>15}{'diags':>7}{'change p50 ms':>15}"
          f"{'change p95 ms':>15}{'RSS MiB':>9}")
    for r in rows:
        print(f"{r['name']:<26}{r['start_ms']:>16.1f}{r['open_ms']:>15.1f}{r['first_count']:>7}{r['p50']:>15.1f}"
              f"{r['p95']:>15.1f}{r['rss']:>9.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
