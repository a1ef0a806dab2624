"""Instructions of one pass of the library over dev's pages, counted by callgrind: a figure
that other processes on the machine cannot move (wall-clock times on a shared machine can).

    python benchmarks/instructions.py [--shared ../shared] [--step clean|read|features] [--ext txt|html]

Runs itself twice under `valgrind --tool=callgrind`, both times warmed up on dev-daniel's pages
(imports, compiled regexes, caches), once cleaning dev's 98 .txt pages and once not, and
prints the difference: the instructions of that one pass. `--ext html`: dev's real `.html`
pages instead, each read as HTML (as `make bench` times them). Needs valgrind.
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def one_pass(shared: Path, step: str, passes: int, ext: str = "txt") -> None:
    sys.path.insert(0, str(ROOT))
    from mch_cli import clean_bytes, pipeline
    from mch_cli.article import Document
    from mch_cli.classify import page_features

    def run(raw: Path) -> None:
        for page in sorted(raw.glob("*." + ext)):
            data = page.read_bytes()
            if step == "clean":
                clean_bytes(data, "page." + ext)
            elif step == "read":
                pipeline.read_lines(Document(data, "page." + ext))
            else:
                page_features(list(Counter(line.text for line in pipeline.read_lines(Document(data, "page." + ext))[0])))

    run(shared / "dev-daniel" / "raw")
    for _ in range(passes):
        run(shared / "dev" / "raw")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--step", default="clean", choices=("clean", "read", "features"))
    ap.add_argument("--ext", default="txt", choices=("txt", "html"))
    ap.add_argument("--passes", type=int, help=argparse.SUPPRESS)  # the run under callgrind
    args = ap.parse_args()
    if args.passes is not None:
        one_pass(Path(args.shared), args.step, args.passes, args.ext)
        return 0
    counts = []
    for passes in (0, 1):
        r = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable,
                            __file__, "--shared", args.shared, "--step", args.step, "--ext", args.ext,
                            "--passes", str(passes)],
                           capture_output=True, text=True, check=True)
        counts.append(int(re.search(r"Collected : (\d+)", r.stderr).group(1)))
    extra = " (read_lines included)" if args.step == "features" else ""
    print(f"{args.step}: {(counts[1] - counts[0]) / 1e6:,.0f} M instructions a pass over dev's .{args.ext} pages{extra}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
