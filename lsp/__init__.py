"""gwlint's language server (pygls 2.x): a thin adapter over gwlint.linter.

Run with ``gwlint server`` or ``python -m gwlint.lsp`` (stdio; ``--tcp HOST:PORT`` to debug)."""
from __future__ import annotations

import argparse
import logging
import sys
from typing import Optional, Sequence


def create_server():
    from .server import create_server as _create
    return _create()


def main(argv: Optional[Sequence[str]] = None) -> int:
    ap = argparse.ArgumentParser(prog="gwlint server", description="gwlint 语言服务器（LSP）")
    ap.add_argument("--stdio", action="store_true", help="通过标准输入输出通信（默认）")
    ap.add_argument("--tcp", metavar="HOST:PORT", help="在 TCP 端口上监听（调试用）")
    ap.add_argument("--log-file", metavar="FILE", help="日志文件")
    ap.add_argument("--log-level", default="WARNING", choices=("DEBUG", "INFO", "WARNING", "ERROR"))
    ap.add_argument("--clientProcessId", type=int, help="客户端进程号（进程退出时服务器随之退出）")
    ap.add_argument("--isolated", action="store_true",
                    help="不读取任何配置文件（.gwlint.toml 等），使用默认设置；用于不受信任的工作区")
    args = ap.parse_args(list(argv) if argv is not None else None)
    target = {"filename": args.log_file} if args.log_file else {"stream": sys.stderr}
    logging.basicConfig(level=getattr(logging, args.log_level),
                        format="%(asctime)s %(name)s %(levelname)s %(message)s", **target)
    if args.clientProcessId:
        from .server import _watch_parent
        _watch_parent(args.clientProcessId)
    server = create_server()
    server.isolated = args.isolated
    if args.tcp:
        host, _, port = args.tcp.rpartition(":")
        server.start_tcp(host or "127.0.0.1", int(port))
    else:
        server.start_io()
    return 0
