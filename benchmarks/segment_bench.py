"""`mch segment` against a bare jieba.lcut loop on ~3 MB of Chinese: whole processes, one run.

    .venv/bin/python benchmarks/segment_bench.py [--shared ../shared] [--mb 3] [--runs 3]

The text is built from the seeds and ../shared/dev/raw/*_zh_*.txt (when present): their lines
holding Chinese, repeated to the size asked, written to a temporary directory (never into the
repository) that is removed at the end. Timed, best of --runs, each a whole process:

    bare jieba:   python -c 'import jieba; lines = …; [jieba.lcut(l) for l in lines]'
    mch segment:  mch segment FILE > OUT    (all cores when the input is large)

jieba's cache file goes to the temporary directory and is built before timing, so bare jieba
loads its dictionary from the cache, its fastest start. Then the tokens are compared line by line:
`mch segment --no-mch-dict --no-simplify` with bare jieba's, and `mch segment --no-simplify` with
jieba's for the same dictionary (jieba's dict.txt with mch_cli/data/mch_dict.txt merged in).
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HAN = re.compile("[\u4e00-\u9fff]")

BARE_LOOP = """
import sys, jieba
jieba.dt.tmp_dir = sys.argv[2]
lines = open(sys.argv[1], encoding="utf-8").read().split("\\n")[:-1]
[jieba.lcut(l) for l in lines]
"""

WRITE_TOKENS = """
import sys, logging, jieba
jieba.setLogLevel(logging.CRITICAL + 1)
tk = jieba.Tokenizer(sys.argv[3]) if len(sys.argv) > 3 else jieba.Tokenizer()
tk.tmp_dir = sys.argv[2]
lines = open(sys.argv[1], encoding="utf-8").read().split("\\n")[:-1]
with open(sys.argv[1] + ".jieba", "w", encoding="utf-8") as out:
    for l in lines:
        out.write(" ".join(t for t in tk.lcut(l) if not t.isspace()) + "\\n")
"""


def build_text(shared: Path, size: int) -> tuple[str, int]:
    files = sorted((ROOT / "seeds").glob("*.txt")) + sorted((shared / "dev" / "raw").glob("*_zh_*.txt"))
    lines = [line for f in files for line in f.read_text(encoding="utf-8", errors="replace").splitlines()
             if HAN.search(line)]
    out, total = [], 0
    while total < size:
        for line in lines:
            out.append(line)
            total += len(line.encode("utf-8")) + 1
            if total >= size:
                break
    return "\n".join(out) + "\n", len(files)


def mch_command() -> list[str]:
    script = Path(sys.executable).parent / "mch"
    return [str(script)] if script.exists() else [sys.executable, "-m", "mch_cli"]


def timed(cmd: list[str], stdout=subprocess.DEVNULL) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, stdout=stdout, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def merged_dict(tmp: Path) -> str:
    """jieba's dict.txt with the MCH dictionary merged in (an entry replaces a word's line)."""
    import jieba
    entries = {line.split(" ", 1)[0]: line for line in
               (ROOT / "mch_cli" / "data" / "mch_dict.txt").read_text(encoding="utf-8").splitlines()}
    path = tmp / "merged_dict.txt"
    with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as f, \
            open(path, "w", encoding="utf-8") as out:
        for line in f:
            mine = entries.pop(line.split(" ", 1)[0], None)
            out.write(mine + "\n" if mine else line)
        out.writelines(line + "\n" for line in entries.values())
    return str(path)


def same_lines(a: Path, b: Path) -> tuple[int, int]:
    x = a.read_text(encoding="utf-8").split("\n")
    y = b.read_text(encoding="utf-8").split("\n")
    return sum(p == q for p, q in zip(x, y)) - 1, max(len(x), len(y)) - 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--mb", type=float, default=3.0, help="input size in MB (UTF-8)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="mch-bench-"))
    env_tmp = dict(os.environ, TMPDIR=str(tmp))  # whatever jieba would put in /tmp goes here
    try:
        text, n_files = build_text(Path(args.shared), int(args.mb * 1_000_000))
        src = tmp / "zh.txt"
        src.write_text(text, encoding="utf-8")
        n_lines = text.count("\n")
        print(f"input: {len(text.encode()) / 1e6:.1f} MB, {n_lines} lines, {len(text) / 1e6:.2f} M characters "
              f"({n_files} files repeated: seeds and dev/raw/*_zh_*), {os.cpu_count()} cores")

        bare = [sys.executable, "-c", BARE_LOOP, str(src), str(tmp)]
        mch = mch_command() + ["segment", str(src)]
        subprocess.run(bare, check=True, stderr=subprocess.DEVNULL, env=env_tmp)  # jieba's cache
        subprocess.run(mch, check=True, stdout=subprocess.DEVNULL)                 # warm file cache
        times: dict[str, list[float]] = {"bare": [], "mch": [], "mch1": []}
        for _ in range(args.runs):
            times["bare"].append(timed(bare))
            with open(tmp / "out.txt", "w") as out:
                times["mch"].append(timed(mch, out))
            with open(tmp / "out1.txt", "w") as out:
                times["mch1"].append(timed(mch + ["-j", "1"], out))

        def show(label: str, ts: list[float]) -> None:
            print(f"{label:38s} {min(ts):6.2f} s   (runs: {' '.join(f'{t:.2f}' for t in ts)})")
        show("bare jieba.lcut loop", times["bare"])
        show("mch segment (auto: all cores)", times["mch"])
        show("mch segment -j 1", times["mch1"])
        print(f"ratio bare jieba / mch segment: {min(times['bare']) / min(times['mch']):.1f}x best, "
              f"{statistics.median(times['bare']) / statistics.median(times['mch']):.1f}x median "
              f"(one core: {min(times['bare']) / min(times['mch1']):.1f}x)")

        # tokens, line by line
        checks = [("--no-mch-dict --no-simplify", "bare jieba", []),
                  ("--no-simplify", "jieba with the same dictionary (dict.txt + mch_dict.txt)", [merged_dict(tmp)])]
        for flags, what, extra in checks:
            subprocess.run([sys.executable, "-c", WRITE_TOKENS, str(src), str(tmp)] + extra, check=True)
            with open(tmp / "tok.txt", "w") as out:
                subprocess.run(mch + flags.split(), stdout=out, check=True)
            same, total = same_lines(tmp / "tok.txt", Path(str(src) + ".jieba"))
            print(f"tokens: mch segment {flags} = {what}: {same}/{total} lines identical")
        subprocess.run([sys.executable, "-c", WRITE_TOKENS, str(src), str(tmp)], check=True)
        same, total = same_lines(tmp / "out.txt", Path(str(src) + ".jieba"))
        print(f"info: mch segment (MCH dictionary, Traditional as Simplified) differs from bare jieba "
              f"on {total - same} of {total} lines")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
