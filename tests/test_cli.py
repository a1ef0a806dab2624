"""The commands in-process, through typer's CliRunner."""
import json
import re

import pytest
from typer.testing import CliRunner

from mch_cli.cli import app

from .conftest import SEEDS

runner = CliRunner()
SEED = str(SEEDS / "001_519edece9128d60e.txt")


def run(*args, **kw):
    return runner.invoke(app, [str(a) for a in args], **kw)


def test_clean_jsonl_one_record_per_file_in_sorted_order():
    r = run("clean", SEEDS, "--format", "jsonl")
    assert r.exit_code == 0 and r.stderr == ""
    recs = [json.loads(line) for line in r.stdout.splitlines()]
    assert [rec["path"].rsplit("/", 1)[1][:3] for rec in recs] == ["000", "001", "002", "003", "004"]
    assert all(rec["path"].startswith(str(SEEDS)) for rec in recs)
    assert all("removed" not in rec for rec in recs)


SCHEMA_FIELDS = {"path", "id", "url", "title", "date", "datetime", "author", "editor", "source",
                 "fetched", "lang", "langs", "script", "text", "paragraphs", "title_line", "captions",
                 "encoding", "repaired"}


def test_jsonl_schema_fields_and_explain():
    r = run("clean", SEED, "--format", "jsonl", "--explain")
    rec = json.loads(r.stdout)
    assert set(rec) == SCHEMA_FIELDS | {"removed"}
    assert len(rec["id"]) == 16 and rec["url"] is None and rec["repaired"] is False
    assert set(rec["paragraphs"][0]) == {"text", "kind", "lang", "lines"}
    assert {x["label"] for x in rec["removed"]} == {"meta", "boilerplate"}
    assert all(x["reason"] for x in rec["removed"])


def test_json_is_one_array():
    r = run("clean", SEEDS, "-f", "json")
    assert [rec["title"] for rec in json.loads(r.stdout)][1] == "榕奇携手启新程 研修赋能优生育"


def test_text_format_title_blank_text_and_form_feeds():
    r = run("clean", SEEDS)
    docs = r.stdout.split("\f\n")
    assert len(docs) == 5
    title, blank, first = docs[1].split("\n")[:3]
    assert (title, blank) == ("榕奇携手启新程 研修赋能优生育", "")
    assert first.startswith("为深化医疗援疆工作实效")


def test_segment_adds_tokens():
    rec = json.loads(run("clean", SEED, "-f", "jsonl", "--segment").stdout)
    tokens = rec["paragraphs"][0]["tokens"]
    assert "".join(tokens) == rec["paragraphs"][0]["text"].replace(" ", "")
    assert len(tokens) > 20


def test_stdin_dash(page):
    data = (SEEDS / "002_e358708e9456e5f9.txt").read_bytes()
    r = run("clean", "-", "-f", "jsonl", input=data)
    rec = json.loads(r.stdout)
    assert rec["path"] == "-" and rec["title"].startswith("CQHCWC holds")


def test_bad_input_one_line_on_stderr_rest_goes_on(tmp_path):
    missing = tmp_path / "missing.txt"
    r = run("clean", missing, SEED, "-f", "jsonl")
    assert r.exit_code == 1
    assert r.stderr == f"mch: {missing}: No such file or directory\n"
    err, ok = [json.loads(line) for line in r.stdout.splitlines()]
    assert err == {"path": str(missing), "id": None, "error": "No such file or directory"}
    assert ok["title"] == "榕奇携手启新程 研修赋能优生育"


def test_binary_input_is_an_error(page):
    p = page(b"\x00\x01\x02PNG" * 50, "image.txt")
    r = run("clean", p, "-f", "jsonl")
    assert r.exit_code == 1 and "binary" in r.stderr


def test_empty_directory_is_an_error(tmp_path):
    r = run("clean", tmp_path)
    assert r.exit_code == 1 and "no *.txt files" in r.stderr


def test_usage_errors_exit_2():
    assert run("clean", SEED, "--format", "xml").exit_code == 2
    assert run("frobnicate").exit_code == 2
    assert run("clean", SEED, "--patterns", "/nonexistent/patterns.tsv").exit_code == 2


COMMANDS = ["clean", "show", "stats", "detect", "align", "segment", "terms", "keywords"]


@pytest.mark.parametrize("args, message", [
    (["clean", SEED, "--lang", "fr"], "mch: --lang fr: expected zh or en (see 'mch clean --help')"),
    (["clean", SEED, "--format", "xml"], "mch: --format xml: expected text, jsonl or json (see 'mch clean --help')"),
    # (typer words these two itself, and not alike in every version)
    (["clean", SEED, "--jobs", "-1"], re.compile(r"mch: --jobs: .*\b0\b.* \(see 'mch clean --help'\)")),
    (["stats", SEED, "-k", "x"], re.compile(r"mch: --top: .*\bint.* \(see 'mch stats --help'\)")),
    (["clean", SEED, "-f"], "mch: option '-f' requires an argument (see 'mch clean --help')"),
    (["keywords", SEED, "--nope"], "mch: no such option: --nope; did you mean --top? (see 'mch keywords --help')"),
    (["show"], "mch: missing argument 'PATH' (see 'mch show --help')"),
    (["detect", SEED, SEED], f"mch: got unexpected extra argument(s) ({SEED}) (see 'mch detect --help')"),
    (["frobnicate"], "mch: no such command 'frobnicate' (see 'mch --help')"),
])
def test_a_usage_error_is_one_line_exit_2(args, message):
    """Issue 19, 2: usage errors were Rich boxes of 4-6 lines without the `mch:` prefix."""
    r = run(*args)
    assert (r.exit_code, r.stdout) == (2, "") and r.stderr.endswith("\n") and len(r.stderr.splitlines()) == 1
    assert message.fullmatch(r.stderr[:-1]) if isinstance(message, re.Pattern) else r.stderr == message + "\n"


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_says_a_bad_value_in_one_line(command):
    r = run(command, SEED, "--max-bytes", "lots")
    assert r.exit_code == 2 and r.stdout == "" and len(r.stderr.splitlines()) == 1
    assert r.stderr.startswith("mch: --max-bytes lots: ")
    r = run(command, SEED, "--zzzz")
    assert r.exit_code == 2 and r.stderr == f"mch: no such option: --zzzz (see 'mch {command} --help')\n"


def test_mch_alone_prints_the_help_and_exits_0():
    """Issue 19, 6: `mch` alone printed the help on stdout and exited 2."""
    r = run()
    assert r.exit_code == 0 and r.stderr == "" and r.stdout == run("--help").stdout
    assert "Commands:" in r.stdout


def test_help_is_plain_text_wrapped_as_paragraphs():
    """Issue 19, 6: Rich markup ate `[dask]`, source line breaks made ragged lines, and
    placeholders such as <bool> and <list[str]> showed."""
    r = runner.invoke(app, ["clean", "--help"], terminal_width=100)
    assert "pip install 'mch-cli[dask]'" in r.stdout
    assert "<bool>" not in r.stdout and "<list" not in r.stdout and "<str>" not in r.stdout
    assert "[PATH]..." in r.stdout
    r = runner.invoke(app, ["stats", "--help"], terminal_width=100)
    intro = [line.strip() for line in r.stdout.split("\n\n")[1].splitlines()]  # rewrapped as one
    assert " ".join(intro).startswith("A corpus summary: documents, languages, characters before and after cleaning, why lines were removed")
    assert all(len(line) > 60 for line in intro[:-1])


@pytest.mark.parametrize("command", ["stats", "terms", "keywords", "align", "segment", "clean"])
def test_no_input_hint_names_the_command(command):
    """Issue 19, 5: the hint always said 'mch clean --help'. Stdin a terminal, as typed."""
    import os
    import pty
    import subprocess
    import sys

    terminal, tty = pty.openpty()
    try:
        r = subprocess.run([sys.executable, "-m", "mch_cli", command], stdin=tty, capture_output=True,
                           text=True, timeout=60)
    finally:
        os.close(terminal)
        os.close(tty)
    assert r.returncode == 2
    assert r.stderr == f"mch: no input: give PATH... or pipe a page into stdin (see 'mch {command} --help')\n"


def test_options_that_do_nothing_warn():
    """Issue 19, 7: --explain with -f text and --scheduler without --engine dask did nothing, silently."""
    r = run("clean", SEED, "--explain")
    assert r.exit_code == 0 and r.stdout == run("clean", SEED).stdout
    assert r.stderr == "mch: warning: --explain lists removed lines in -f jsonl or json only; ignored with -f text\n"
    r = run("clean", SEED, "--scheduler", "tcp://10.0.0.5:8786")
    assert r.exit_code == 0 and r.stderr == "mch: warning: --scheduler is used only with --engine dask; ignored\n"
    assert run("clean", SEED, "--explain", "-f", "jsonl").stderr == ""


def test_output_file_is_written_whole(tmp_path):
    out = tmp_path / "out.jsonl"
    r = run("clean", SEEDS, "-f", "jsonl", "-o", out)
    assert r.exit_code == 0 and r.stdout == ""
    assert len(out.read_text(encoding="utf-8").splitlines()) == 5
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]


def test_output_file_not_left_half_written_on_interrupt(tmp_path, monkeypatch):
    import mch_cli.pipeline as pipeline

    real = pipeline.clean_document
    calls = []

    def interrupted(doc, options):
        calls.append(doc)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(doc, options)

    monkeypatch.setattr(pipeline, "clean_document", interrupted)
    out = tmp_path / "out.jsonl"
    r = run("clean", SEEDS, "-f", "jsonl", "-o", out, "-j", "1")  # in this process, where the patch is
    assert r.exit_code == 130 and r.stderr == "mch: interrupted\n"
    assert list(tmp_path.iterdir()) == []


def test_input_files_are_not_modified(tmp_path):
    before = {p.name: p.read_bytes() for p in SEEDS.iterdir()}
    run("clean", SEEDS, "-f", "jsonl", "-o", tmp_path / "x.jsonl")
    assert {p.name: p.read_bytes() for p in SEEDS.iterdir()} == before


def test_show_plain_when_not_a_terminal():
    r = run("show", SEED)
    assert r.exit_code == 0 and "\x1b[" not in r.stdout
    lines = r.stdout.splitlines()
    assert lines[0] == "榕奇携手启新程 研修赋能优生育"
    assert "date: 2025-10-27" in lines and "source: 福州援疆" in lines
    assert "## 多维赋能优生育" in lines


def test_show_takes_one_page_not_a_directory(tmp_path):
    r = run("show", SEEDS)
    assert r.exit_code == 2 and r.stdout == "" and "a directory" in r.stderr
    records = tmp_path / "pages.jsonl"
    records.write_text(run("clean", SEEDS, "-f", "jsonl").stdout, encoding="utf-8")
    r = run("show", records)
    assert r.exit_code == 0 and "holds several pages; showing the first" in r.stderr
    assert "Ye Xiaomin" in r.stdout


def test_show_rich_view_renders_title_and_table():
    from rich.console import Console

    from mch_cli import clean_bytes
    from mch_cli.render import rich_view

    console = Console(record=True, width=100, color_system="truecolor", force_terminal=True)
    console.print(rich_view(clean_bytes((SEEDS / "004_3fa1216b693b88b9.txt").read_bytes())))
    text = console.export_text(clear=False)
    assert "The leaders of the Municipal Health" in text and "Lina Song" in text
    assert "[mixed]" in text and "zh 15%" in text
    assert "\x1b[" in console.export_text(styles=True)


@pytest.mark.parametrize("command", ["clean", "show"])
def test_every_command_has_help_with_examples(command):
    r = run(command, "--help")
    assert r.exit_code == 0 and "Examples" in r.stdout
