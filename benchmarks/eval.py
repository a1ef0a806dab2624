"""Main-text quality on the shared dev sets: runs `mch clean` over each set's plain-text dumps,
prints ../shared/tools/score.py's summary per language and, with --readme, records the table in
the README between the `eval:start` and `eval:end` markers.

    python benchmarks/eval.py [--shared ../shared] [--out .eval] [--readme README.md]
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

from readme_table import record

# (set, glob, extra score.py flags): dev-daniel's references start with the headline. The
# .txt dumps and the .html pages are separate runs: score.py keys records by file stem.
SETS = [("dev", "*.txt", []), ("dev-daniel", "*.txt", ["--with-title"]),
        ("dev", "*.html", []), ("dev-daniel", "*.html", ["--with-title"])]
_SUMMARY = re.compile(r"^\[(zh|en)\] docs=(\d+) P=([\d.]+) R=([\d.]+) F1=([\d.]+)", re.M)
_META = re.compile(r"^\[meta:(\w+)\] (\d+)/(\d+)", re.M)


def run_set(shared: Path, out: Path, name: str, glob: str, flags: list[str]) -> str | None:
    raw = shared / name / "raw"
    if not raw.is_dir():
        print(f"{name}: {raw} not found, skipped")
        return None
    label = name if glob == "*.txt" else f"{name}.{glob.rsplit('.', 1)[-1]}"
    pred = out / f"{label}.jsonl"
    subprocess.run([sys.executable, "-m", "mch_cli", "clean", str(raw), "--glob", glob,
                    "--format", "jsonl", "-o", str(pred)], check=True)
    scores = subprocess.run([sys.executable, str(shared / "tools" / "score.py"), str(pred),
                             str(shared / name / "gold"), *flags],
                            check=True, capture_output=True, text=True).stdout
    (out / f"{label}.scores.txt").write_text(scores, encoding="utf-8")
    print(f"== {name} ({glob}{' ' + ' '.join(flags) if flags else ''}); "
          f"per page: {out / (label + '.scores.txt')}")
    print("".join(line + "\n" for line in scores.splitlines() if line.startswith(("[", "F1"))),
          end="", flush=True)
    return scores


def table(results: dict[tuple[str, str], str]) -> str:
    rows = ["| set | input | pages | Chinese P / R / F1 | English P / R / F1 | metadata |",
            "|---|---|---|---|---|---|"]
    for (name, glob), scores in results.items():
        by_lang = {m[0]: m[1:] for m in _SUMMARY.findall(scores)}
        cells = [" / ".join(by_lang[lang][1:]) if lang in by_lang else "–" for lang in ("zh", "en")]
        pages = sum(int(v[0]) for v in by_lang.values())
        meta = ", ".join(f"{k} {a}/{b}" for k, a, b in _META.findall(scores)) or "–"
        flags = " (`--with-title`)" if name == "dev-daniel" else ""
        rows.append(f"| {name}{flags} | `{glob}` | {pages} | {cells[0]} | {cells[1]} | {meta} |")
    return "\n".join(rows)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--out", default=".eval")
    ap.add_argument("--readme", help="record the summary table in this README")
    args = ap.parse_args()
    shared, out = Path(args.shared), Path(args.out)
    out.mkdir(exist_ok=True)
    results = {}
    for name, glob, flags in SETS:
        scores = run_set(shared, out, name, glob, flags)
        if scores is not None:
            results[(name, glob)] = scores
    if args.readme and results:
        record(Path(args.readme), "eval", table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
