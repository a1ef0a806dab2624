"""The installed entry point in real pipes and processes."""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, SEEDS

_BIN = Path(sys.executable).parent / "mch"
MCH = [str(_BIN)] if _BIN.exists() else [sys.executable, "-m", "mch_cli"]


def sh(cmd, **kw):
    return subprocess.run(cmd, shell=True, capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "MCH": " ".join(MCH)}, **kw)


def test_clean_run_has_empty_stderr_and_only_data_on_stdout():
    r = subprocess.run(MCH + ["clean", "seeds", "--format", "jsonl", "--segment"],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0
    assert r.stderr == ""  # jieba is silent
    assert [json.loads(line)["title"] is not None for line in r.stdout.splitlines()] == [True] * 5


def test_head_closes_the_pipe_quietly():
    r = sh('set -o pipefail; for i in 1 2 3 4 5 6 7 8; do $MCH clean seeds; done | head -1; '
           'echo "status=$?"', executable="/bin/bash")
    assert r.stderr == ""
    assert r.stdout.splitlines()[-1] == "status=0"
    r = sh('$MCH clean seeds seeds seeds seeds --format jsonl | head -c 100 >/dev/null; '
           'echo "${PIPESTATUS[0]}"', executable="/bin/bash")
    assert r.stdout.strip() == "0" and r.stderr == ""


@pytest.mark.skipif(shutil.which("jq") is None, reason="jq not installed")
def test_jq_reads_the_titles():
    r = sh("$MCH clean seeds/ --format jsonl | jq -r .title")
    assert r.stdout.splitlines()[1] == "榕奇携手启新程 研修赋能优生育"


def test_exit_codes_of_the_process(tmp_path):
    assert subprocess.run(MCH + ["clean", str(tmp_path / "nope.txt")], capture_output=True).returncode == 1
    assert subprocess.run(MCH + ["clean", "--format", "xml", "seeds"], capture_output=True,
                          cwd=ROOT).returncode == 2
    r = subprocess.run(MCH + ["clean"], capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert r.returncode == 0 and r.stdout.strip() == ""  # an empty stdin is an empty page: no article text


def test_python_dash_m_works():
    r = subprocess.run([sys.executable, "-m", "mch_cli", "clean", str(SEEDS / "002_e358708e9456e5f9.txt")],
                       capture_output=True, text=True)
    assert r.returncode == 0 and r.stdout.startswith("CQHCWC holds training session")


def test_utf8_output_whatever_the_locale():
    r = subprocess.run(MCH + ["clean", "seeds/001_519edece9128d60e.txt"], capture_output=True,
                       cwd=ROOT, env={**os.environ, "LC_ALL": "C", "LANG": "C", "PYTHONIOENCODING": "ascii"})
    assert r.returncode == 0 and r.stdout.decode("utf-8").startswith("榕奇携手启新程")


def test_library_imports_no_cli_or_heavy_modules():
    code = ("import sys, mch_cli; a = mch_cli.clean_text(open('seeds/001_519edece9128d60e.txt').read()); "
            "assert a.title; print(sorted(m for m in ('typer', 'rich', 'jieba', 'langdetect', 'click') "
            "if m in sys.modules))")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert r.stdout.strip() == "[]", r.stderr


def test_help_does_not_load_jieba_or_langdetect():
    code = ("import sys; from mch_cli.cli import app\n"
            "try:\n    app(['--help'])\nexcept SystemExit:\n    pass\n"
            "print([m for m in ('jieba', 'langdetect') if m in sys.modules], file=sys.stderr)")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.stderr.strip() == "[]"
