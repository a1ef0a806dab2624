"""Speed and memory of `mch clean`, with jusText and trafilatura on the same text, measured in
one run (machines are noisy: read the ratios, not the seconds).

    python benchmarks/bench.py [--shared ../shared] [--copies 20] [--readme README.md]

Builds a corpus from ../shared/dev/raw/*.txt repeated --copies times (about 2,000 pages at 20)
in a temporary directory, then reports:
  - the library, one process: pages/s of mch, jusText and trafilatura on the same pages
    (each page's lines given to jusText/trafilatura as <p> elements, as the issue measured them;
    best of 5 passes each, the tools taking turns pass by pass);
  - the library on dev's real `.html` pages: mch against trafilatura (issues 15 and 20);
  - the command: `mch clean -j 1` and `-j N` on the whole corpus (pages/s, MB/s, peak RSS), and
    `mch clean -j 1` against a script that runs jusText over the same files (justext_files.py);
  - memory: peak RSS of `mch clean -j 1` on a 1/10 corpus and on the whole, and their ratio;
  - `mch stats` (one process: cleaning, segmentation, glossary terms) against `mch clean -j 1` on
    the same pages: their ratio (issue 19: stats, terms and keywords were 30x clean).
"""
from __future__ import annotations

import argparse
import html
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from readme_table import record

ROOT = Path(__file__).resolve().parent.parent


def build_corpus(raw: Path, out: Path, copies: int) -> list[Path]:
    pages = sorted(raw.glob("*.txt"))
    out.mkdir(parents=True, exist_ok=True)
    for k in range(copies):
        for p in pages:
            shutil.copyfile(p, out / f"{k:03d}_{p.name}")
    return sorted(out.glob("*.txt"))


def as_html(text: str) -> bytes:
    lines = (f"<p>{html.escape(x.strip())}</p>" for x in text.splitlines() if x.strip())
    return ("<html><body>" + "\n".join(lines) + "</body></html>").encode("utf-8")


def per_second(runs: dict[str, tuple], repeat: int = 5) -> dict[str, float]:
    """Items per second of each named (func, items), best of `repeat` passes. The passes take
    turns (one of each, then again): a spell of noise on a shared machine then slows a pass of
    each, not every pass of one."""
    best = dict.fromkeys(runs, float("inf"))
    for _ in range(repeat):
        for name, (func, items) in runs.items():
            start = time.perf_counter()
            for item in items:
                func(item)
            best[name] = min(best[name], time.perf_counter() - start)
    return {name: len(runs[name][1]) / best[name] for name in runs}


def library_rates(pages: list[bytes]) -> dict[str, float]:
    sys.path.insert(0, str(ROOT))
    from mch_cli import clean_bytes

    runs = {"mch": (clean_bytes, pages)}
    htmls = [as_html(p.decode("utf-8", "replace")) for p in pages]
    try:
        import justext
        stoplist = justext.get_stoplist("English")
        runs["jusText"] = (lambda h: justext.justext(h, stoplist), htmls)
    except ImportError:
        print("jusText not installed (pip install -e '.[bench]'): skipped")
    try:
        import trafilatura
        runs["trafilatura"] = (lambda h: trafilatura.extract(h.decode("utf-8")), htmls)
    except ImportError:
        print("trafilatura not installed (pip install -e '.[bench]'): skipped")
    return per_second(runs)


def html_rates(pages: list[bytes]) -> dict[str, float]:
    """Pages per second of mch and trafilatura on the same real HTML pages (dev's `.html`, read
    as HTML: mch is given the extension, as `mch clean` is)."""
    sys.path.insert(0, str(ROOT))
    from mch_cli import clean_bytes

    runs = {"mch": (lambda h: clean_bytes(h, "page.html"), pages)}
    try:
        import trafilatura
        runs["trafilatura"] = (lambda h: trafilatura.extract(h.decode("utf-8", "replace")), pages)
    except ImportError:
        pass
    return per_second(runs)


def run_cli(corpus: Path, jobs: int, command: str = "clean") -> tuple[float, int]:
    """(seconds, peak RSS in KB of the main process) of one `mch clean` (or `mch stats`) over
    the corpus."""
    args = ["-j", str(jobs), "-o", str(corpus.parent / "out.jsonl")] if command == "clean" else []
    return timed([sys.executable, "-m", "mch_cli", command, str(corpus), "-f", "jsonl", *args])


def run_justext(corpus: Path) -> tuple[float, int]:
    """The same of the jusText script (justext_files.py) over the corpus, its output to a file."""
    with open(corpus.parent / "justext.jsonl", "w") as out:
        return timed([sys.executable, str(Path(__file__).with_name("justext_files.py")), str(corpus)], out)


def timed(cmd: list[str], stdout=subprocess.DEVNULL) -> tuple[float, int]:
    """(seconds, peak RSS in KB) of a command, by /usr/bin/time."""
    r = subprocess.run(["/usr/bin/time", "-f", "%e %M", *cmd], stdout=stdout, stderr=subprocess.PIPE,
                       text=True, check=True, cwd=ROOT)
    seconds, rss = r.stderr.strip().splitlines()[-1].split()
    return float(seconds), int(rss)


def best_of(corpus: Path, jobs: int, repeat: int = 3, command: str = "clean") -> tuple[float, int]:
    runs = [run_cli(corpus, jobs, command) for _ in range(repeat)]
    return min(s for s, _ in runs), int(statistics.median(r for _, r in runs))


def whole_process(corpus: Path, repeat: int = 3) -> tuple[float, int, float]:
    """(seconds, median peak RSS in KB) of `mch clean -j 1` over the corpus and the seconds of
    the jusText script over it: best of `repeat`, the two taking turns."""
    mch, justext = [], []
    for _ in range(repeat):
        mch.append(run_cli(corpus, 1))
        justext.append(run_justext(corpus)[0])
    return min(s for s, _ in mch), int(statistics.median(r for _, r in mch)), min(justext)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--copies", type=int, default=20)
    ap.add_argument("--readme", help="record the table in this README (bench:start/end markers)")
    args = ap.parse_args()
    raw = Path(args.shared) / "dev" / "raw"
    if not raw.is_dir():
        print(f"{raw} not found: nothing to measure")
        return 1
    cores = os.cpu_count() or 1
    rows = []
    with tempfile.TemporaryDirectory(prefix="mch-bench-") as tmp:
        whole = build_corpus(raw, Path(tmp) / "whole", args.copies)
        build_corpus(raw, Path(tmp) / "tenth", max(1, args.copies // 10))
        size_mb = sum(p.stat().st_size for p in whole) / 1e6
        print(f"corpus: {len(whole)} pages, {size_mb:.1f} MB ({args.copies} x ../shared/dev/raw/*.txt); "
              f"{cores} cores", flush=True)

        pages = [p.read_bytes() for p in sorted(raw.glob("*.txt"))]
        rates = library_rates(pages)
        for name, rate in rates.items():
            ratio = f"{rate / rates['jusText']:.2f}x jusText" if "jusText" in rates else ""
            rows.append((f"library, one process: {name}", f"{rate:.0f} pages/s", ratio))

        html = [p.read_bytes() for p in sorted(raw.glob("*.html"))]
        if html:
            rates = html_rates(html)
            for name, rate in rates.items():
                ratio = f"{rate / rates['trafilatura']:.2f}x trafilatura" if "trafilatura" in rates else ""
                rows.append((f"library, one process, `.html` pages: {name}", f"{rate:.0f} pages/s", ratio))

        try:
            import justext  # noqa: F401 (the script's)
            one_s, one_rss, justext_s = whole_process(Path(tmp) / "whole")
        except ImportError:
            (one_s, one_rss), justext_s = best_of(Path(tmp) / "whole", 1), None
        rows.append(("`mch clean -j 1`", f"{len(whole) / one_s:.0f} pages/s, {size_mb / one_s:.1f} MB/s",
                     f"peak RSS {one_rss / 1024:.0f} MB"
                     + (f"; {justext_s / one_s:.2f}x the jusText script" if justext_s else "")))
        if justext_s:
            rows.append(("jusText script over the same files (`benchmarks/justext_files.py`)",
                         f"{len(whole) / justext_s:.0f} pages/s", "1.00x the jusText script"))
        if cores > 1:
            n_s, _ = best_of(Path(tmp) / "whole", cores)
            rows.append((f"`mch clean -j {cores}`", f"{len(whole) / n_s:.0f} pages/s, {size_mb / n_s:.1f} MB/s",
                         f"{one_s / n_s:.2f}x -j 1"))
        stats_s, _ = best_of(Path(tmp) / "whole", 1, command="stats")
        rows.append(("`mch stats` (one process)", f"{len(whole) / stats_s:.0f} pages/s",
                     f"{stats_s / one_s:.2f}x the time of `mch clean -j 1`"))
        _, tenth_rss = best_of(Path(tmp) / "tenth", 1)
        rows.append(("peak RSS, `-j 1`, 10x the pages", f"{tenth_rss / 1024:.0f} MB -> {one_rss / 1024:.0f} MB",
                     f"ratio {one_rss / tenth_rss:.2f}"))

    table = "| measure | result | compared |\n|---|---|---|\n" + "\n".join(
        f"| {a} | {b} | {c} |" for a, b, c in rows)
    print(table)
    if args.readme:
        record(Path(args.readme), "bench", table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
