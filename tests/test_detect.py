"""`mch detect`: one LANG<TAB>line per input line (SCHEMA.md "`mch detect`")."""
import json
import subprocess

import pytest
from typer.testing import CliRunner

from mch_cli.cli import app
from mch_cli.lang import detect_lines

from .conftest import ROOT, SEEDS
from .test_pipes import MCH

runner = CliRunner()
SEED_001 = SEEDS / "001_519edece9128d60e.txt"
SEED_004 = SEEDS / "004_3fa1216b693b88b9.txt"


def detect(*args, **kw):
    return runner.invoke(app, ["detect", *map(str, args)], **kw)


def test_seed_004_every_line():
    r = detect(SEED_004)
    assert r.exit_code == 0 and r.stderr == ""
    raw = SEED_004.read_text(encoding="utf-8").splitlines()   # no newline after the last line
    out = r.stdout.splitlines()
    assert [line.split("\t", 1)[1] for line in out] == raw        # same count, order, text
    labels = {n: line.split("\t", 1)[0] for n, line in enumerate(out, 1) if raw[n - 1].strip()}
    assert labels[1] == "und"
    assert [n for n, lang in labels.items() if lang == "mixed"] == [8, 17, 18]
    assert {lang for n, lang in labels.items() if n not in (1, 8, 17, 18)} == {"en"}


def test_seed_001_every_non_empty_line_is_chinese():
    out = detect(SEED_001).stdout.splitlines()
    assert {line.split("\t", 1)[0] for line in out if line != "und\t"} == {"zh"}
    assert len(out) == len(SEED_001.read_text(encoding="utf-8").splitlines())


def test_empty_lines_crlf_and_an_unterminated_last_line():
    r = detect("-", input="妇幼保健院\r\n\r\n   \nHello world".encode("utf-8"))
    assert r.stdout == "zh\t妇幼保健院\nund\t\nund\t   \nen\tHello world\n"
    assert detect("-", input=b"").stdout == ""
    assert detect("-", input=b"\n\n").stdout == "und\t\nund\t\n"


def test_the_line_is_written_as_read():
    line = "  Tab\there, zero\u200bwidth  and  spaces  "
    assert detect("-", input=line.encode("utf-8")).stdout == f"en\t{line}\n"


def test_jsonl_gives_line_numbers_and_shares():
    r = detect(SEED_004, "--format", "jsonl")
    recs = [json.loads(line) for line in r.stdout.splitlines()]
    assert all(set(rec) == {"line", "lang", "langs", "text"} for rec in recs)
    assert [rec["line"] for rec in recs] == list(range(1, 23))
    assert recs[1] == {"line": 2, "lang": "und", "langs": {}, "text": ""}
    eight = recs[7]
    assert eight["lang"] == "mixed" and list(eight["langs"]) == ["zh", "en"]   # largest first
    assert 0.3 < eight["langs"]["zh"] < 0.7 and abs(sum(eight["langs"].values()) - 1) < 0.01
    assert recs[9]["langs"] == {"en": 1.0}


def test_stdin_without_dash_and_gb18030():
    r = detect(input="妇幼保健院举办培训班\nHospital holds training\n".encode("gb18030"))
    assert r.stdout == "zh\t妇幼保健院举办培训班\nen\tHospital holds training\n"


def test_bad_input_one_line_on_stderr_exit_1(tmp_path):
    missing = tmp_path / "missing.txt"
    r = detect(missing)
    assert r.exit_code == 1 and r.stdout == ""
    assert r.stderr == f"mch: {missing}: No such file or directory\n"
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x00\x01PNG" * 50)
    r = detect(binary)
    assert r.exit_code == 1 and "binary" in r.stderr


def test_help_has_examples():
    r = detect("--help")
    assert r.exit_code == 0 and "Examples" in r.stdout and "uniq -c" in r.stdout


def test_library_and_cli_agree():
    text = SEED_004.read_text(encoding="utf-8")
    assert detect(SEED_004).stdout == "".join(f"{lang}\t{line}\n" for lang, _, line in detect_lines(text))


def test_byte_identical_output_across_runs(tmp_path):
    pages = tmp_path / "pages.txt"
    pages.write_bytes(b"\n".join(p.read_bytes() for p in (*sorted(SEEDS.glob("*.txt")),
                                                           ROOT / "tests" / "fixtures" / "lang_lines.tsv")))
    runs = {fmt: {subprocess.run(MCH + ["detect", str(pages), "-f", fmt], capture_output=True).stdout
                  for _ in range(2)} for fmt in ("tsv", "jsonl")}
    assert all(len(outputs) == 1 and len(outputs.pop()) > 10_000 for outputs in runs.values())


@pytest.mark.parametrize("fmt", ["tsv", "jsonl"])
def test_head_closes_the_pipe_quietly(fmt, tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes((SEED_004.read_bytes() + b"\n") * 2000)
    cmd = " ".join(MCH) + f" detect {big} -f {fmt}"
    r = subprocess.run(f"set -o pipefail; {cmd} | head -1; echo \"status=$?\"", shell=True,
                       capture_output=True, text=True, executable="/bin/bash")
    assert r.stderr == "" and r.stdout.splitlines()[-1] == "status=0"


def test_pipe_into_cut_sort_uniq():
    cmd = " ".join(MCH) + f" detect {SEED_004}"
    r = subprocess.run(f"{cmd} | cut -f1 | sort | uniq -c", shell=True, capture_output=True, text=True)
    counts = {lang: int(n) for n, lang in (line.split() for line in r.stdout.splitlines())}
    assert counts == {"en": 9, "mixed": 3, "und": 10}
