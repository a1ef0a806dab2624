"""Main-text quality on the shared dev sets: runs `mch clean` over each set's plain-text dumps
and prints ../shared/tools/score.py's tables.

    python benchmarks/eval.py [--shared ../shared] [--out .eval]
"""
from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

# (set, glob, extra score.py flags): dev-daniel's references start with the headline.
SETS = [("dev", "*.txt", []), ("dev-daniel", "*.txt", ["--with-title"])]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--out", default=".eval")
    args = ap.parse_args()
    shared, out = Path(args.shared), Path(args.out)
    out.mkdir(exist_ok=True)
    for name, glob, flags in SETS:
        raw = shared / name / "raw"
        if not raw.is_dir():
            print(f"{name}: {raw} not found, skipped")
            continue
        pred = out / f"{name}.jsonl"
        subprocess.run([sys.executable, "-m", "mch_cli", "clean", str(raw), "--glob", glob,
                        "--format", "jsonl", "-o", str(pred)], check=True)
        scores = subprocess.run([sys.executable, str(shared / "tools" / "score.py"), str(pred),
                                 str(shared / name / "gold"), *flags],
                                check=True, capture_output=True, text=True).stdout
        (out / f"{name}.scores.txt").write_text(scores, encoding="utf-8")
        print(f"== {name} ({glob}{' ' + ' '.join(flags) if flags else ''}); "
              f"per page: {out / (name + '.scores.txt')}")
        print("".join(line + "\n" for line in scores.splitlines() if line.startswith(("[", "F1"))),
              end="", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
