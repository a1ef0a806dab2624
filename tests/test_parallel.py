"""--jobs, --engine dask, --shard: the same records as a serial run, in input order."""
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mch_cli.cli import app
from mch_cli.parallel import clean_pool, take_shard
from mch_cli.read import iter_documents
from mch_cli.settings import Options

from .conftest import SEEDS

runner = CliRunner()


def _corpus(tmp_path, copies=4):
    """The seeds several times over, plus one bad input in the middle."""
    for k in range(copies):
        for seed in sorted(SEEDS.glob("*.txt")):
            (tmp_path / f"{k}_{seed.name}").write_bytes(seed.read_bytes())
    (tmp_path / "1_zz_binary.txt").write_bytes(b"\x00\x01\x02\x03" * 64)
    return tmp_path


def _run(*args):
    r = runner.invoke(app, ["clean", *map(str, args), "-f", "jsonl"])
    return r.exit_code, r.stdout


def test_jobs_give_the_serial_records_in_order(tmp_path):
    corpus = _corpus(tmp_path)
    serial = _run(corpus, "-j", "1")
    assert serial[0] == 1  # the binary input
    assert _run(corpus, "-j", "2") == serial
    assert _run(corpus, "-j", "3") == serial
    paths = [json.loads(x)["path"] for x in serial[1].splitlines()]
    assert paths == sorted(paths)


def test_records_rendered_by_the_workers_are_the_serial_ones_in_every_format(tmp_path):
    from functools import partial

    from mch_cli.write import render
    corpus = _corpus(tmp_path, copies=3)
    docs = list(iter_documents([str(corpus), "/nonexistent/x.txt"]))
    for fmt, explain in (("text", False), ("jsonl", True), ("json", False)):
        finish = partial(render, fmt, explain)
        serial = [finish(x) for x in clean_pool(docs, Options(), jobs=1)]
        assert list(clean_pool(docs, Options(), jobs=2, finish=finish)) == serial
        assert sum(x.failure is not None for x in serial) == 2 and serial[-1].failure.path == "/nonexistent/x.txt"
        r = runner.invoke(app, ["clean", str(corpus), "-f", fmt, "-j", "2"])
        assert r.stdout == runner.invoke(app, ["clean", str(corpus), "-f", fmt, "-j", "1"]).stdout


def test_pool_window_keeps_order_with_failures():
    docs = list(iter_documents([str(SEEDS), "/nonexistent/x.txt", str(SEEDS)]))
    out = list(clean_pool(docs, Options(), jobs=2))
    assert [getattr(x, "path") for x in out] == [d.path for d in docs]
    assert out[5].error == "No such file or directory"


def test_shards_partition_the_inputs(tmp_path):
    corpus = _corpus(tmp_path)
    whole = [json.loads(x)["path"] for x in _run(corpus, "-j", "1")[1].splitlines()]
    parts = [[json.loads(x)["path"] for x in _run(corpus, "--shard", f"{i}/3")[1].splitlines()]
             for i in range(3)]
    assert sorted(p for part in parts for p in part) == sorted(whole)
    assert parts[1] == whole[1::3]
    assert list(take_shard(range(10), (2, 4))) == [2, 6]


def test_bad_shard_is_a_usage_error():
    assert runner.invoke(app, ["clean", str(SEEDS), "--shard", "4/4"]).exit_code == 2
    assert runner.invoke(app, ["clean", str(SEEDS), "--shard", "x"]).exit_code == 2


def test_finished_shard_is_skipped(tmp_path):
    out = tmp_path / "part-0.jsonl"
    cmd = [sys.executable, "-m", "mch_cli", "clean", str(SEEDS), "--shard", "0/2", "-f", "jsonl", "-o", str(out)]
    first = subprocess.run(cmd, capture_output=True, text=True)
    assert first.returncode == 0 and first.stderr == ""
    done = json.loads(Path(str(out) + ".done").read_text())
    assert done["failed"] == 0 and "--shard" in done["command"]
    out.write_text("sentinel")  # a rerun must not redo (and so not overwrite) it
    again = subprocess.run(cmd, capture_output=True, text=True)
    assert again.returncode == 0 and "already complete" in again.stderr
    assert out.read_text() == "sentinel"
    other = subprocess.run(cmd[:-4] + ["1/2", "-f", "jsonl", "-o", str(out)], capture_output=True, text=True)
    assert other.returncode == 0 and out.read_text() != "sentinel"  # another command: redone


def test_dask_engine_gives_the_local_records(tmp_path):
    pytest.importorskip("dask.distributed")
    corpus = _corpus(tmp_path, copies=2)
    local = _run(corpus, "-j", "1")
    r = subprocess.run([sys.executable, "-m", "mch_cli", "clean", str(corpus), "-f", "jsonl",
                        "--engine", "dask", "-j", "2"], capture_output=True, text=True, timeout=120)
    assert (r.returncode, r.stdout) == local
    assert "Traceback" not in r.stderr


def test_output_to_a_fifo_is_written_in_place(tmp_path):
    """-o /dev/null or a named pipe: never replaced by a regular file."""
    import os
    import stat
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(open(fifo, "rb").read()))
    reader.start()
    r = runner.invoke(app, ["clean", str(SEEDS), "-f", "jsonl", "-o", str(fifo)])
    reader.join(10)
    assert r.exit_code == 0 and stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert len(got[0].splitlines()) == 5


def test_one_task_of_documents_or_none_starts_no_pool(monkeypatch):
    import multiprocessing

    from mch_cli.article import Document, Failure

    def no_pool(*args, **kw):
        raise AssertionError("a pool was started")

    monkeypatch.setattr(multiprocessing, "get_context", no_pool)
    docs = [Document("第一段。\n".encode() * 3, f"{n}.txt") for n in range(3)]
    assert [r.path for r in clean_pool(docs, Options(), jobs=2)] == ["0.txt", "1.txt", "2.txt"]
    assert [r.error for r in clean_pool([Failure("nope.txt", "no such file")], Options(), jobs=2)] == ["no such file"]


# --- issue 19, 1: --engine dask fails in one line, whatever is installed -------------------------

def _mch(*args, env=None, **kw):
    import os
    return subprocess.run([sys.executable, "-m", "mch_cli", *map(str, args)], capture_output=True,
                          text=True, timeout=120, env={**os.environ, **(env or {})}, **kw)


def test_engine_dask_without_dask_is_one_line(tmp_path):
    """A fake `dask` package first on the path hides the real one, as a venv without the extra."""
    hidden = tmp_path / "hide" / "dask"
    hidden.mkdir(parents=True)
    (hidden / "__init__.py").write_text("raise ImportError('no dask here')\n")
    r = _mch("clean", SEEDS, "--engine", "dask", env={"PYTHONPATH": str(tmp_path / "hide")}, cwd=tmp_path)
    assert (r.returncode, r.stdout, r.stderr) == (2, "", "mch: --engine dask needs Dask: pip install 'mch-cli[dask]'\n")


@pytest.mark.parametrize("address", ["foo", "tcp://", "tcp://host:notaport", "http//x:1", "tcp://host:99999"])
def test_a_malformed_scheduler_is_one_line_at_once(address):
    r = runner.invoke(app, ["clean", str(SEEDS), "--engine", "dask", "--scheduler", address])
    assert (r.exit_code, r.stdout) == (2, "")
    assert r.stderr == f"mch: --scheduler {address}: expected HOST:PORT, as tcp://10.0.0.5:8786\n"


def test_an_unreachable_scheduler_says_so(tmp_path, monkeypatch):
    import socket

    from mch_cli import settings

    pytest.importorskip("dask.distributed")
    monkeypatch.setattr(settings, "DASK_CONNECT_SECONDS", 1)
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    out = tmp_path / "out.jsonl"
    r = runner.invoke(app, ["clean", str(SEEDS), "--engine", "dask", "--scheduler", f"tcp://127.0.0.1:{port}",
                            "-o", str(out)])
    assert r.exit_code == 1 and not out.exists()
    assert r.stderr == f"mch: --scheduler tcp://127.0.0.1:{port}: no Dask scheduler answered within 1 s\n"


def test_ctrl_c_under_dask_is_one_line_exit_130(tmp_path):
    """Ctrl-C reaches every process of the terminal's group: Dask's workers printed their
    tracebacks. The signal is sent once records are flowing (the workers are up); the run cannot
    end before, its output being far larger than the pipe holds."""
    import os
    import signal

    pytest.importorskip("dask.distributed")
    corpus = _corpus(tmp_path, copies=60)
    p = subprocess.Popen([sys.executable, "-m", "mch_cli", "clean", str(corpus), "-f", "jsonl", "--engine", "dask",
                          "-j", "2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        assert p.stdout.readline()
        os.killpg(p.pid, signal.SIGINT)
        p.stdout.close()
        err = p.stderr.read()
        assert p.wait(timeout=60) == 130
    finally:
        if p.poll() is None:
            os.killpg(p.pid, signal.SIGKILL)
    assert err == "mch: interrupted\n"
