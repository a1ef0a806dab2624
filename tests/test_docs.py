"""The README cannot drift from the code."""
import re

import pytest
import typer

from mch_cli.cli import app
from mch_cli import clean_text

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = [c.name or c.callback.__name__ for c in app.registered_commands]


def test_readme_opens_with_the_two_setup_commands():
    head = "\n".join(README.splitlines()[:6])
    assert "make run" in head and "make test" in head


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_in_the_readme_and_has_help(command):
    assert f"mch {command}" in README
    cmd = typer.main.get_command(app).commands[command]
    assert cmd.help and "Examples" in cmd.help


def test_every_output_field_is_documented():
    fields = clean_text("标题\n正文内容，足够长的一段文字，用来测试所有字段都写进了说明文档。\n").to_dict(explain=True)
    for name in fields:
        assert re.search(rf"`{name}`", README), name


def test_packaging_builds_without_warnings(tmp_path):
    """Issue 18, 9: a fresh install printed setuptools' 40-line warning that mch_cli.data is
    absent from the packages configuration. The wheel is built as pip builds it (isolated, the
    project's own setuptools); the editable install's meta path finder warning is gone with it
    (package-dir, checked by hand: `pip install -e .` prints only pip's progress)."""
    import shutil
    import subprocess
    import sys

    src = tmp_path / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    shutil.copytree(ROOT / "mch_cli", src / "mch_cli", ignore=shutil.ignore_patterns("__pycache__"))
    r = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path / "dist"), str(src)],
                       capture_output=True, text=True)
    assert r.returncode == 0 and "arning" not in r.stdout + r.stderr, r.stdout + r.stderr
    import zipfile
    (wheel,) = (tmp_path / "dist").glob("*.whl")
    assert "mch_cli/data/patterns.tsv" in zipfile.ZipFile(wheel).namelist()
