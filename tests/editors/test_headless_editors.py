"""Real editors, headless: Debian's Neovim and Emacs + eglot open a seed-like draft with the
configuration snippets in editors/ and receive gwlint's diagnostics at the right places."""
import os
import shutil
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
pytestmark = [pytest.mark.e2e, pytest.mark.slow]

DRAFT = ("仅供学习 禁止外传\n"
         "在全县工作会议上的讲话\n"
         "同志们：\n"
         "请XX同志通报情况。😀后面还有一处：XX\n"
         "一、总体要求\n"
         "二、重点任务\n"
         "四、保障措施\n")


def _env(tmp_path):
    env = dict(os.environ, GWLINT_PYTHON=sys.executable, GWLINT_EXPECT="PH001,WM001,HD001",
               XDG_CACHE_HOME=str(tmp_path / "cache"), XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_STATE_HOME=str(tmp_path / "state"), HOME=str(tmp_path))
    return env


def _draft(tmp_path):
    path = tmp_path / "草稿.txt"
    path.write_text(DRAFT, encoding="utf-8")
    return path


@pytest.mark.skipif(shutil.which("nvim") is None, reason="Neovim is not installed (apt-get install neovim)")
def test_neovim_receives_diagnostics(tmp_path):
    draft = _draft(tmp_path)
    res = subprocess.run(["nvim", "--headless", "--clean", "-c",
                          f"luafile {ROOT}/editors/neovim/check_diagnostics.lua", str(draft)],
                         env=_env(tmp_path), capture_output=True, text=True, timeout=60)
    out = res.stdout
    assert res.returncode == 0, out + res.stderr
    assert "OK" in out
    # byte columns (Neovim 0.7 negotiates UTF-16, vim.diagnostic stores bytes): the covered
    # text is exactly the placeholder, also after the emoji
    assert any(l.startswith("DIAG 3:3-3:11 PH001") and l.endswith("[XX同志]") for l in out.splitlines()), out
    assert any(l.startswith("DIAG 3:51-3:53 PH001") and l.endswith("[XX]") for l in out.splitlines()), out
    assert any(l.startswith("DIAG 6:0-6:") and "HD001" in l and l.endswith("[四、]") for l in out.splitlines())


@pytest.mark.skipif(shutil.which("emacs") is None, reason="Emacs is not installed (apt-get install emacs-nox elpa-eglot)")
def test_emacs_eglot_receives_diagnostics(tmp_path):
    draft = _draft(tmp_path)
    res = subprocess.run(["emacs", "--batch", "-q", "-l", f"{ROOT}/editors/emacs/check_diagnostics.el", str(draft)],
                         env=_env(tmp_path), capture_output=True, text=True, timeout=90)
    out = res.stdout
    assert res.returncode == 0, out + res.stderr
    # character columns: the XX after the emoji is at column 18 of line 4 (eglot 1.9 speaks UTF-16)
    assert any(l.startswith("DIAG 4:1-4:5") and l.endswith("[XX同志]") for l in out.splitlines()), out
    assert any(l.startswith("DIAG 4:18-4:20") and l.endswith("[XX]") for l in out.splitlines()), out
    assert any(l.startswith("DIAG 1:0-1:9") and "WM001" in l for l in out.splitlines()), out
