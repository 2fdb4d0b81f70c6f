"""The pre-commit hooks, run by the real pre-commit package against a throw-away git repo of
drafts: a commit with an unfilled placeholder is refused, a clean one passes, and gwlint-fix
rewrites a fixable draft. Dependencies come from a local wheelhouse (PIP_NO_INDEX), so the
hook environment is built offline."""
import os
import shutil
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
pytestmark = pytest.mark.slow

GIT_ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid"}


def _run(cmd, cwd, env=None, check=True):
    res = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    if check and res.returncode != 0:
        raise AssertionError(f"{cmd} failed ({res.returncode}):\n{res.stdout}\n{res.stderr}")
    return res


def _git(*args, cwd, env):
    return _run(["git", "-c", "init.defaultBranch=main", *args], cwd, env)


@pytest.fixture(scope="module")
def setup(tmp_path_factory):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    try:
        import pre_commit  # noqa: F401
    except ImportError:
        pytest.skip("pre-commit is not installed (pip install -e '.[test]')")
    work = tmp_path_factory.mktemp("precommit")
    env = {**os.environ, **GIT_ENV, "PRE_COMMIT_HOME": str(work / "home")}
    # 1. the hook repository: this checkout's files as they are now, committed and tagged
    hook = work / "hook-repo"
    listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, text=True)
    files = [f for f in listed.stdout.splitlines() if f and os.path.isfile(os.path.join(ROOT, f))] \
        if listed.returncode == 0 else None
    if files is None:
        shutil.copytree(ROOT, hook, ignore=shutil.ignore_patterns(".venv", ".git", "node_modules", "__pycache__"))
    else:
        for f in files:
            if f.startswith("editors/vscode/"):
                continue
            dest = hook / f
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(os.path.join(ROOT, f), dest)
    _git("init", "-q", cwd=hook, env=env)
    _git("add", "-A", cwd=hook, env=env)
    _git("commit", "-qm", "gwlint", cwd=hook, env=env)
    _git("tag", "v0-test", cwd=hook, env=env)
    # 2. a wheelhouse with gwlint's dependencies and the build backend, so that pre-commit's
    #    hook environment installs with no index at all
    wheels = work / "wheels"
    _run([sys.executable, "-m", "pip", "wheel", "-q", "-w", str(wheels), str(hook), "setuptools", "wheel"],
         cwd=work)
    env.update({"PIP_NO_INDEX": "1", "PIP_FIND_LINKS": str(wheels), "PIP_DISABLE_PIP_VERSION_CHECK": "1"})
    env.pop("PIP_CONSTRAINT", None)
    # 3. the drafts repository
    drafts = work / "drafts"
    drafts.mkdir()
    (drafts / "draft.txt").write_text("关于开展安全检查的通知\n请XX同志于X月X日前报送材料。\n", encoding="utf-8")
    (drafts / "clean.md").write_text("# 关于开展安全检查的通知\n\n请各单位按时报送材料。\n", encoding="utf-8")
    (drafts / "commas.txt").write_text("关于开展安全检查的通知\n经研究,现通知如下。\n", encoding="utf-8")
    (drafts / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hook}\n    rev: v0-test\n    hooks:\n      - id: gwlint\n", encoding="utf-8")
    _git("init", "-q", cwd=drafts, env=env)
    return drafts, hook, env


def _pre_commit(args, cwd, env):
    return _run([sys.executable, "-m", "pre_commit", *args], cwd, env, check=False)


def test_hook_fails_on_placeholder_and_passes_on_clean_draft(setup):
    drafts, _, env = setup
    _git("add", "draft.txt", "clean.md", ".pre-commit-config.yaml", cwd=drafts, env=env)
    bad = _pre_commit(["run", "--files", "draft.txt"], drafts, env)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "draft.txt:2:2: PH" in bad.stdout
    good = _pre_commit(["run", "--files", "clean.md"], drafts, env)
    assert good.returncode == 0, good.stdout + good.stderr


def test_git_commit_is_refused_with_placeholder(setup):
    drafts, _, env = setup
    _pre_commit(["install"], drafts, env)
    _git("reset", "-q", cwd=drafts, env=env)
    _git("add", "clean.md", ".pre-commit-config.yaml", cwd=drafts, env=env)
    ok = _run(["git", "commit", "-qm", "clean"], drafts, env, check=False)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    _git("add", "draft.txt", cwd=drafts, env=env)
    refused = _run(["git", "commit", "-qm", "placeholder"], drafts, env, check=False)
    assert refused.returncode != 0
    assert "PH001" in refused.stdout + refused.stderr


def test_fix_hook_rewrites_safe_problems(setup):
    drafts, hook, env = setup
    cfg = drafts / ".pre-commit-config.yaml"
    cfg.write_text(f"repos:\n  - repo: {hook}\n    rev: v0-test\n    hooks:\n      - id: gwlint-fix\n",
                   encoding="utf-8")
    _git("add", "commas.txt", ".pre-commit-config.yaml", cwd=drafts, env=env)
    res = _pre_commit(["run", "--files", "commas.txt"], drafts, env)
    assert res.returncode == 1, res.stdout + res.stderr  # pre-commit fails a hook that modified files
    assert (drafts / "commas.txt").read_text(encoding="utf-8") == "关于开展安全检查的通知\n经研究，现通知如下。\n"
    again = _pre_commit(["run", "--files", "commas.txt"], drafts, env)
    assert again.returncode == 0, again.stdout + again.stderr
