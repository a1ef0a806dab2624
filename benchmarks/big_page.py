"""Memory of one big page (issue 20): peak RSS of `mch clean` on a page of distinct real lines,
against the page's size.

    python benchmarks/big_page.py [--shared ../shared] [--mb 50] [--keep DIR] [--readme README.md]

Builds the page in a temporary directory from the lines of ../shared/*/raw/*.txt (the seeds
when ../shared is absent), each line numbered so that every line is distinct ("1 …", "2 …",
cycling through the lines until the page is --mb megabytes: 50 MB is about 560,000 lines), runs
`mch clean -j 1 -f jsonl --max-bytes 0 --max-seconds 0` on it as a child process and prints its
peak RSS, the ratio to the page's size (issue 20's target: ≤ 5×) and the seconds. `--mb 5` is a
quick run. `--keep DIR` writes the page and the output there instead (to compare outputs).
"""
from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def source_lines(shared: Path) -> list[str]:
    """The distinct non-empty lines of the shared sets' .txt pages (or of the seeds), in a fixed
    order."""
    files = sorted(shared.glob("*/raw/*.txt")) or sorted((ROOT / "seeds").glob("*.txt"))
    lines = []
    for f in files:
        lines += [line.strip() for line in f.read_text(encoding="utf-8", errors="replace").splitlines()]
    return list(dict.fromkeys(line for line in lines if line))


def build_page(lines: list[str], size: int) -> bytes:
    """Numbered lines, in order and then again, until the page holds `size` bytes."""
    out, total, n = [], 0, 0
    while total < size:
        line = f"{n + 1} {lines[n % len(lines)]}\n".encode("utf-8")
        out.append(line)
        total += len(line)
        n += 1
    return b"".join(out)


def run(page: Path, out: Path) -> tuple[float, int]:
    """(seconds, peak RSS in bytes) of one `mch clean` of the page, in a child process."""
    cmd = [sys.executable, "-m", "mch_cli", "clean", str(page), "-j", "1", "-f", "jsonl",
           "--max-bytes", "0", "--max-seconds", "0", "-o", str(out)]
    start = time.perf_counter()
    subprocess.run(cmd, check=True, cwd=ROOT)
    seconds = time.perf_counter() - start
    # the largest peak of the children waited for: this is the only one (Linux: KB)
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, rss * (1 if sys.platform == "darwin" else 1024)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--mb", type=float, default=50.0, help="page size in MB (10^6 bytes)")
    ap.add_argument("--keep", help="write the page (big_page.txt) and the output (big_page.jsonl) here")
    ap.add_argument("--readme", help="record the result in this README (big-page:start/end markers)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="mch-big-page-") as tmp:
        where = Path(args.keep or tmp)
        where.mkdir(parents=True, exist_ok=True)
        page = where / "big_page.txt"
        data = build_page(source_lines(Path(args.shared)), int(args.mb * 1e6))
        page.write_bytes(data)
        lines = data.count(b"\n")
        del data
        seconds, rss = run(page, where / "big_page.jsonl")
        size = page.stat().st_size
    ratio = rss / size
    print(f"big page: {size / 1e6:.1f} MB, {lines:,} distinct lines: peak RSS {rss / 1e6:.0f} MB "
          f"= {ratio:.1f}x the page (target <= 5x), {seconds:.0f} s")
    if args.readme:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from readme_table import record
        record(Path(args.readme), "big-page",
               f"| page | peak RSS | ratio | seconds |\n|---|---|---|---|\n"
               f"| {size / 1e6:.0f} MB, {lines:,} distinct lines | {rss / 1e6:.0f} MB | {ratio:.1f}x | {seconds:.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
