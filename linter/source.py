"""Reading draft files: encoding detection, BOM and line endings, and writing them back.

Drafts come from WPS, Word and Notepad: UTF-8, UTF-8 with a BOM, or GB18030/GBK.
We remember what we read so that a fix writes the file back byte for byte the same
outside the edited spans.
"""
from __future__ import annotations

import codecs
import os
import tempfile
from dataclasses import dataclass


class SourceError(Exception):
    """A file that cannot be read as a draft (binary, undecodable, unreadable)."""


@dataclass(frozen=True, slots=True)
class SourceText:
    text: str            # decoded text without the BOM; line endings kept as they are
    encoding: str        # "utf-8", "gb18030" or "utf-16"
    bom: bool = False

    @property
    def newline(self) -> str:
        """The dominant line ending: "\\n", "\\r\\n" or "\\r" ("\\n" for a one-line text)."""
        crlf = self.text.count("\r\n")
        cr = self.text.count("\r") - crlf
        lf = self.text.count("\n") - crlf
        best = max((lf, "\n"), (crlf, "\r\n"), (cr, "\r"))
        return best[1] if best[0] else "\n"

    def encode(self, text: str | None = None) -> bytes:
        body = (self.text if text is None else text)
        if self.encoding == "utf-16":
            return codecs.BOM_UTF16_LE + body.encode("utf-16-le")
        data = body.encode(self.encoding)
        return (codecs.BOM_UTF8 + data) if self.bom else data


# control bytes that do not occur in text (tab, line ends, form feed and ESC do)
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27))


def _looks_binary(data: bytes) -> bool:
    if b"\x00" in data[:8192]:
        return True
    sample = data[:8192]
    if not sample:
        return False
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))  # counted at C speed
    return controls / len(sample) > 0.05


def decode(data: bytes, name: str = "<input>") -> SourceText:
    """Decode a draft's bytes, or raise SourceError with a one-line Chinese reason."""
    if data.startswith(codecs.BOM_UTF8):
        try:
            return SourceText(data[3:].decode("utf-8"), "utf-8", bom=True)
        except UnicodeDecodeError as exc:
            raise SourceError(f"以 UTF-8 BOM 开头但第 {exc.start + 3} 字节无法按 UTF-8 解码") from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return SourceText(data.decode("utf-16"), "utf-16", bom=True)
        except UnicodeDecodeError:
            raise SourceError("UTF-16 文件无法解码") from None
    if _looks_binary(data):
        raise SourceError("看起来是二进制文件，不是文本稿件")
    try:
        return SourceText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as utf8_error:
        try:
            return SourceText(data.decode("gb18030"), "gb18030")
        except UnicodeDecodeError:
            raise SourceError(
                f"无法识别编码（既不是 UTF-8，也不是 GB18030/GBK；第 {utf8_error.start + 1} 字节出错）"
            ) from None


def read_source(path: str) -> SourceText:
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except IsADirectoryError:
        raise SourceError("是目录，不是文件") from None
    except FileNotFoundError:
        raise SourceError("文件不存在") from None
    except PermissionError:
        raise SourceError("没有读取权限") from None
    except OSError as exc:
        raise SourceError(f"无法读取：{exc.strerror}") from None
    return decode(data, path)


def write_atomic(path: str, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename, keeping the mode."""
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".gwlint-", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.chmod(tmp, os.stat(path).st_mode & 0o7777)
        except OSError:
            pass
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
