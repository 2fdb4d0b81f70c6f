"""Rule documentation: every page has the fixed sections, docs/rules matches a fresh render, and
the README's sample output matches a real run."""
import os
import subprocess
import sys

import pytest

from gwlint.linter.config import Settings
from gwlint.linter.docs import SECTIONS, render_rule
from gwlint.linter.loading import default_registry

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
METAS = list(default_registry(Settings()).metas.values())


@pytest.mark.parametrize("meta", METAS, ids=lambda m: m.code)
def test_rule_page_has_every_section(meta):
    page = render_rule(meta)
    for section in SECTIONS:
        assert f"## {section}" in page, f"{meta.code} lacks {section}"
    assert page.startswith(f"# {meta.code} {meta.name}：{meta.title}")


def test_generated_rule_pages_are_up_to_date():
    res = subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "gen_rule_docs.py"), "--check"],
                         capture_output=True, text=True)
    assert res.returncode == 0, res.stdout + res.stderr


def test_readme_sample_output_is_what_gwlint_prints():
    res = subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "gen_readme_sample.py"), "--check"],
                         capture_output=True, text=True)
    assert res.returncode == 0, res.stdout + res.stderr
