"""The ``gwlint`` command line: check, rule, learn, config, server.

Exit codes: 0 nothing found, 1 findings, 2 usage, configuration or file error.
"""
from __future__ import annotations

import argparse
import difflib
import gc
import io
import json
import os
import sys
from typing import Optional, Sequence

from . import __version__
from .config import ConfigError, Settings, describe, find_config, load_file, settings_for
from .document import Document
from .engine import Linter
from .files import discover
from .fixer import fix_text
from .model import FileResult
from .registry import RegistryError
from .reporters import FileReport, Style, render_file, write_reports, write_statistics
from .source import SourceError, SourceText, decode, read_source, write_atomic

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # exit 2 with a one-line message, as argparse does
        self.print_usage(sys.stderr)
        raise UsageError(message)


def _csv(value: str) -> list[str]:
    return [v for v in value.replace("，", ",").split(",") if v.strip()]


#: sub-commands whose parsers cli.py builds itself; ``learn`` comes from the learn module
_OWN_COMMANDS = ("check", "rule", "config", "server")


def build_parser(command: Optional[str] = None) -> argparse.ArgumentParser:
    """The whole parser, or (``command`` one of ``_OWN_COMMANDS``) one that leaves out the
    ``learn`` sub-command: importing the learn module costs every ``gwlint check`` run."""
    p = _Parser(prog="gwlint", description="公文草稿检查工具：标题序号、占位符、水印广告残留、标点、数字、用词、规范表述与文内一致性。")
    p.add_argument("--version", action="version", version=f"gwlint {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    c = sub.add_parser("check", help="检查稿件（文件或目录，- 表示标准输入）")
    c.add_argument("paths", nargs="*", metavar="PATH", help="文件或目录，默认当前目录；- 读标准输入")
    c.add_argument("--output-format", choices=("text", "json", "github", "sarif"), default=None,
                   help="输出格式（默认 text；github 为 GitHub Actions 注释，sarif 供代码扫描平台使用）")
    c.add_argument("--select", type=_csv, help="只启用这些规则（代码、前缀或规则名，逗号分隔；ALL 为全部）")
    c.add_argument("--extend-select", type=_csv, help="在配置之外再启用这些规则")
    c.add_argument("--ignore", type=_csv, help="不启用这些规则")
    c.add_argument("--statistics", action="store_true", help="按规则统计问题数")
    c.add_argument("--fix", action="store_true", help="应用安全修复并写回文件")
    c.add_argument("--unsafe-fixes", action="store_true", default=None, help="同时应用不安全修复（需要人工复核）")
    c.add_argument("--diff", action="store_true", help="只显示修复会带来的改动，不写文件")
    c.add_argument("--config", metavar="FILE", help="使用指定配置文件（不再查找就近配置）")
    c.add_argument("--isolated", action="store_true", help="忽略所有配置文件")
    c.add_argument("--profile", metavar="FILE", help="使用指定的约定配置（gwlint learn 生成；none 表示不用）")
    c.add_argument("--include", type=_csv, help="目录中要检查的文件 glob（默认 *.txt,*.md）")
    c.add_argument("--exclude", type=_csv, help="排除的文件或目录 glob")
    c.add_argument("--stdin-filename", metavar="NAME", help="从标准输入读取时使用的文件名（决定 .md/.txt 与配置）")
    c.add_argument("--exit-zero", action="store_true", help="发现问题时也以 0 退出")
    c.add_argument("--no-source", action="store_true", help="文本输出不显示源代码行")
    c.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="是否着色（遵循 NO_COLOR）")
    c.add_argument("-q", "--quiet", action="store_true", help="不打印汇总行")

    r = sub.add_parser("rule", help="显示规则文档")
    r.add_argument("code", nargs="?", help="规则代码或规则名")
    r.add_argument("--all", action="store_true", help="列出全部规则")
    r.add_argument("--output-format", choices=("text", "json"), default="text")

    g = sub.add_parser("config", help="显示解析后的配置及每个值的来源")
    g.add_argument("path", nargs="?", default=".", help="按此文件或目录查找配置（默认当前目录）")
    g.add_argument("--config", metavar="FILE", help="使用指定配置文件")
    g.add_argument("--output-format", choices=("text", "json"), default="text")

    if command not in _OWN_COMMANDS:
        try:
            from . import learn
        except ImportError:  # pragma: no cover
            learn = None
        if learn is not None and hasattr(learn, "add_parser"):
            learn.add_parser(sub)

    s = sub.add_parser("server", help="启动语言服务器（LSP，默认 stdio）")
    s.add_argument("server_args", nargs=argparse.REMAINDER, help="传给语言服务器的参数，如 --tcp")
    return p


# ---------------------------------------------------------------------------------------------
def main(argv: Optional[Sequence[str]] = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    _utf8_streams()
    # the command is the first argument (options before it, --help: the whole parser)
    parser = build_parser(argv[0] if argv else None)
    try:
        args = parser.parse_args(argv)
    except UsageError as exc:
        print(f"gwlint: 错误：{exc}", file=sys.stderr)
        return EXIT_ERROR
    except SystemExit as exc:  # --help / --version
        return int(exc.code or 0)
    if args.command is None:
        parser.print_help()
        return EXIT_ERROR
    try:
        if args.command == "check":
            return cmd_check(args)
        if args.command == "rule":
            return cmd_rule(args)
        if args.command == "config":
            return cmd_config(args)
        if args.command == "learn":
            from . import learn
            return learn.run(args)
        if args.command == "server":
            from gwlint.lsp import main as server_main
            return server_main(args.server_args) or 0
    except (ConfigError, RegistryError, UsageError) as exc:
        print(f"gwlint: 错误：{exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_ERROR
    return EXIT_ERROR


def _utf8_streams() -> None:
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if hasattr(stream, "reconfigure") and (stream.encoding or "").lower().replace("-", "") not in ("utf8",):
            try:
                stream.reconfigure(encoding="utf-8")
            except (ValueError, OSError):  # pragma: no cover
                pass


def _use_color(choice: str) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


# --- check -----------------------------------------------------------------------------------
class _Linters:
    """One Linter per configuration file, with the command-line overrides applied."""

    def __init__(self, args) -> None:
        self.args = args
        self.cache: dict[Optional[str], Linter] = {}
        # settings by folder: the files of one folder share them (and the same object pickles
        # once per batch of files sent to a worker)
        self.by_folder: dict[str, Settings] = {}
        self.explicit: Optional[Settings] = None
        if args.config:
            self.explicit = load_file(args.config)
        elif args.isolated:
            self.explicit = Settings()

    def settings(self, path: str) -> Settings:
        folder = os.path.abspath(path)
        if not os.path.isdir(folder):
            folder = os.path.dirname(folder)
        found = self.by_folder.get(folder)
        if found is None:
            found = self.by_folder[folder] = self._settings(path)
        return found

    def _settings(self, path: str) -> Settings:
        base = self.explicit if self.explicit is not None else settings_for(path)
        a = self.args
        over = {}
        if a.select:
            over["select"] = tuple(a.select)
        if a.extend_select:
            over["extend_select"] = base.extend_select + tuple(a.extend_select)
        if a.ignore:
            over["ignore"] = base.ignore + tuple(a.ignore)
        if a.profile:
            over["profile"] = a.profile if a.profile.lower() == "none" else os.path.abspath(a.profile)
        if a.include:
            over["include"] = tuple(a.include)
        if a.exclude:
            over["exclude"] = base.exclude + tuple(a.exclude)
        if a.unsafe_fixes:
            over["unsafe_fixes"] = True
        return base.with_overrides(**over) if over else base

    def for_path(self, path: str) -> Linter:
        key = self.explicit_key() if self.explicit is not None else find_config(path)
        linter = self.cache.get(key)
        if linter is None:
            linter = self.cache[key] = Linter(self.settings(path))
        return linter

    def explicit_key(self) -> str:
        return "<explicit>"


def cmd_check(args) -> int:
    fmt = args.output_format or "text"
    if args.diff and args.fix:
        raise UsageError("--diff 与 --fix 不能同时使用（--diff 只显示改动）")
    linters = _Linters(args)
    _relax_gc()
    paths = args.paths or ["."]
    for p in paths:
        if p != "-" and not os.path.exists(p):
            raise UsageError(f"{p}：文件或目录不存在")
    cwd_settings = linters.settings(os.getcwd())
    fmt_text = fmt == "text" and not args.diff
    # what each file's output looks like: rendered where the file is linted
    render = (fmt, fmt_text and _use_color(args.color) and not (args.fix and "-" in paths),
              not args.no_source)
    reports: list[FileReport] = []
    io_error = False
    fixed_total = 0
    diffs: list[str] = []
    stdin_fixed: Optional[str] = None

    targets: list[str] = []
    for p in paths:
        if p == "-":
            targets.append("-")
        elif os.path.isdir(p):
            s = linters.settings(p)
            targets.extend(discover([p], s.include, s.exclude))
        else:
            targets.extend(discover([p], cwd_settings.include, linters.settings(p).exclude))

    jobs = []
    for path in targets:
        if path == "-":
            name = args.stdin_filename or "<stdin>"
            data = sys.stdin.buffer.read()
            try:
                source = decode(data, name)
            except SourceError as exc:
                print(f"{name}：错误：{exc}，已跳过", file=sys.stderr)
                io_error = True
                continue
            linter = linters.for_path(os.path.abspath(args.stdin_filename) if args.stdin_filename else os.getcwd())
            doc = Document.from_source(source, path=args.stdin_filename)
            diags = linter.lint(doc)
            if args.fix or args.diff:
                outcome = fix_text(linter, doc, unsafe=linter.settings.unsafe_fixes, diagnostics=diags)
                if args.diff:
                    if outcome.text != doc.text:
                        diffs.append(_unified(name, doc.text, outcome.text))
                else:
                    stdin_fixed = outcome.text
                    fixed_total += len(outcome.applied)
                    diags = list(outcome.remaining)
            reports.append(_render(FileResult(path=name, diagnostics=tuple(diags), document=doc), render))
            continue
        jobs.append((path, _display_path(path), linters.settings(path)))
    mode = "diff" if args.diff else ("fix" if args.fix else "check")
    for outcome in _run_jobs(jobs, mode, render):
        report, fixed, diff, error = outcome
        if error:
            print(error, file=sys.stderr)
            io_error = True
        if report is not None:
            reports.append(report)
        fixed_total += fixed
        if diff:
            diffs.append(diff)

    out = sys.stdout
    if stdin_fixed is not None:
        out.write(stdin_fixed)
        out = sys.stderr  # the fixed text owns stdout
    if args.diff:
        for d in diffs:
            out.write(d)
    else:
        write_reports(reports, fmt, out, _full_registry() if fmt == "sarif" else None)
    total = sum(r.count for r in reports)
    if args.statistics:
        write_statistics(reports, out if fmt == "text" else sys.stderr, _full_registry())
    if not args.quiet and fmt == "text" and not args.diff:
        _summary(reports, total, fixed_total, args, out)
    if args.diff:
        return EXIT_ERROR if io_error else (EXIT_FINDINGS if diffs else EXIT_CLEAN)
    if io_error:
        return EXIT_ERROR
    if total and not args.exit_zero:
        return EXIT_FINDINGS
    return EXIT_CLEAN


def _relax_gc() -> None:
    """Linting allocates many short-lived objects and no long-lived cycles: collect the young
    generation less often and leave the start-up objects (compiled rules) out of collections."""
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)


# --- per-file work (run in worker processes when there are many files) ----------------------
_WORKER_LINTERS: dict = {}
PARALLEL_MIN_FILES = 16


def _linter_for_settings(settings: Settings) -> Linter:
    key = repr(settings)
    linter = _WORKER_LINTERS.get(key)
    if linter is None:
        linter = _WORKER_LINTERS[key] = Linter(settings)
    return linter


def process_file(job, mode: str):
    """Lint (and in fix/diff mode fix) one file: (FileResult|None, fixed count, diff, error line)."""
    path, display, settings = job
    linter = _linter_for_settings(settings)
    try:
        with open(path, "rb") as fh:
            raw = fh.read()
        source = decode(raw, path)
    except SourceError as exc:
        return None, 0, "", f"{display}：错误：{exc}，已跳过"
    except OSError as exc:
        return None, 0, "", f"{display}：错误：无法读取：{exc.strerror}，已跳过"
    doc = Document.from_source(source, path=display)
    diags = linter.lint(doc)
    if mode == "check" or not any(d.fix for d in diags):
        return FileResult(path=display, diagnostics=tuple(diags), document=doc), 0, "", None
    outcome = fix_text(linter, doc, unsafe=settings.unsafe_fixes, diagnostics=diags)
    if outcome.text == doc.text:
        return FileResult(path=display, diagnostics=tuple(diags), document=doc), 0, "", None
    if mode == "diff":
        return (FileResult(path=display, diagnostics=tuple(diags), document=doc), 0,
                _unified(display, doc.text, outcome.text), None)
    try:
        _write_fixed(path, raw, source, outcome.text)
    except SourceError as exc:
        return (FileResult(path=display, diagnostics=tuple(diags), document=doc), 0, "",
                f"{display}：错误：{exc}，未写入")
    fixed_doc = Document.from_source(SourceText(outcome.text, source.encoding, source.bom), path=display)
    return (FileResult(path=display, diagnostics=outcome.remaining, document=fixed_doc),
            len(outcome.applied), "", None)


def _render(result: FileResult, render) -> FileReport:
    fmt, color, show_source = render
    return render_file(result, fmt, Style(color), show_source)


def _process_and_render(item) -> tuple:
    job, mode, render = item
    result, fixed, diff, error = process_file(job, mode)
    return (_render(result, render) if result is not None else None), fixed, diff, error


def _process_batch(batch) -> list:
    jobs, mode, render = batch
    return [_process_and_render((job, mode, render)) for job in jobs]


def _batches(sizes: list[int], workers: int) -> list[list[int]]:
    """Job indices in batches, biggest files first (so that one large file does not finish
    alone at the end), each batch about a 4*workers-th of the bytes still to go: few
    round trips to the workers, yet small batches at the end to even out their load."""
    order = sorted(range(len(sizes)), key=lambda i: -sizes[i])
    left = sum(sizes)
    batches: list[list[int]] = []
    batch: list[int] = []
    bytes_in = 0
    for i in order:
        if not batch:
            target = left / (4 * workers)
        batch.append(i)
        bytes_in += sizes[i]
        if bytes_in >= target:
            batches.append(batch)
            left -= bytes_in
            batch, bytes_in = [], 0
    if batch:
        batches.append(batch)
    return batches


def _run_jobs(jobs, mode: str, render):
    """Lint the files, in worker processes when there are many; each yields its rendered
    report, so only text and counts cross process boundaries."""
    workers = min(os.cpu_count() or 1, 8)
    items = [(job, mode, render) for job in jobs]
    if len(jobs) < PARALLEL_MIN_FILES or workers < 2 or os.environ.get("GWLINT_NO_PARALLEL"):
        for item in items:
            yield _process_and_render(item)
        return
    import concurrent.futures as cf
    import multiprocessing
    for settings in {id(job[2]): job[2] for job in jobs}.values():
        _linter_for_settings(settings)  # built once here; forked workers inherit it
    done = 0
    try:
        ctx = multiprocessing.get_context("fork") if sys.platform.startswith("linux") else None
        with cf.ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
            # results still come out in discovery order
            where: list = [None] * len(jobs)        # job index -> (future, place in its batch)
            for batch in _batches([_size(job[0]) for job in jobs], workers):
                future = pool.submit(_process_batch, ([jobs[i] for i in batch], mode, render))
                for k, i in enumerate(batch):
                    where[i] = (future, k)
            for future, k in where:
                outcome = future.result()[k]
                done += 1
                yield outcome
    except (OSError, cf.process.BrokenProcessPool):  # no processes (left): do the rest here
        for item in items[done:]:
            yield _process_and_render(item)


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def _summary(reports, total, fixed_total, args, out) -> None:
    files = len(reports)
    if fixed_total:
        out.write(f"已修复 {fixed_total} 个问题。\n")
    if total == 0:
        out.write(f"未发现问题（检查了 {files} 个文件）。\n")
        return
    safe = sum(sum(r.safe_fixable.values()) for r in reports)
    hint = f"，其中 {safe} 个可用 --fix 自动修复" if safe and not args.fix else ""
    out.write(f"在 {files} 个文件中发现 {total} 个问题{hint}。\n")


def _display_path(path: str) -> str:
    try:
        rel = os.path.relpath(path)
    except ValueError:  # other drive on Windows
        return path
    return path if rel.startswith("..") else rel


def _unified(name: str, old: str, new: str) -> str:
    diff = difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                fromfile=f"a/{name}", tofile=f"b/{name}")
    text = "".join(l if l.endswith(("\n", "\r")) else l + "\n" for l in diff)
    return text


def _write_fixed(path: str, raw: bytes, source, new_text: str) -> None:
    """Write the fixed text back in the file's own encoding, BOM and line endings; refuse when
    the file changed on disk since it was read."""
    try:
        with open(path, "rb") as fh:
            now = fh.read()
    except OSError as exc:
        raise SourceError(f"无法重新读取：{exc.strerror}") from None
    if now != raw:
        raise SourceError("文件在检查期间被修改")
    try:
        data = source.encode(new_text)
    except UnicodeEncodeError:
        raise SourceError(f"修复后的文字无法用 {source.encoding} 编码保存") from None
    write_atomic(path, data)


# --- rule ------------------------------------------------------------------------------------
def cmd_rule(args) -> int:
    from .docs import render_index, render_rule, rule_json
    registry = _full_registry()
    if args.all:
        metas = list(registry.metas.values())
        if args.output_format == "json":
            json.dump([rule_json(m) for m in metas], sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
        else:
            sys.stdout.write(render_index(metas))
        return EXIT_CLEAN
    if not args.code:
        raise UsageError("请给出规则代码或规则名，或使用 --all")
    code = registry.resolve(args.code)
    if code is None or code not in registry.metas:
        near = difflib.get_close_matches(args.code.upper(), list(registry.metas), n=3)
        hint = f"（相近的有：{'、'.join(near)}）" if near else ""
        raise UsageError(f"未知的规则“{args.code}”{hint}；gwlint rule --all 列出全部规则")
    meta = registry.metas[code]
    if args.output_format == "json":
        json.dump(rule_json(meta), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(render_rule(meta))
    return EXIT_CLEAN


def _full_registry():
    from .loading import default_registry
    try:
        settings = settings_for(os.getcwd())
    except ConfigError:
        settings = Settings()
    return default_registry(settings)


# --- config ----------------------------------------------------------------------------------
def cmd_config(args) -> int:
    if args.config:
        settings, where = load_file(args.config), os.path.abspath(args.config)
    else:
        where = find_config(args.path)
        settings = load_file(where) if where else Settings()
    rows = describe(settings)
    if args.output_format == "json":
        json.dump({"config_file": where, "settings": {k: {"value": v, "source": s} for k, v, s in rows}},
                  sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return EXIT_CLEAN
    print(f"# 配置文件：{where or '（未找到，使用默认值）'}")
    for key, value, source in rows:
        print(f"{key} = {json.dumps(value, ensure_ascii=False)}    # 来源：{source}")
    return EXIT_CLEAN


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
