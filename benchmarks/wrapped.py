"""Hard-wrapped pages: the shared dev sets' plain-text dumps wrapped by hand, as `lynx -dump`, a
newsletter or a terminal copy wraps them, cleaned and scored against the same references.

    python benchmarks/wrapped.py [--shared ../shared] [--en 78] [--zh 36]

English pages are wrapped at words (`textwrap`, --en columns; `--fmt`: by coreutils' `fmt -w`,
which balances its lines and fills adjacent lines into one paragraph), Chinese pages cut every
--zh characters; blank lines stay where they were. The copies go to a temporary directory (never into
the repository). Prints score.py's mean F1 of each set wrapped, beside the same set as dumped
(one line a paragraph): what hard wrapping still costs.
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

# (set, language, extra score.py flags): as benchmarks/eval.py scores them
SETS = [("dev", "en", []), ("dev-daniel", "en", ["--with-title"]), ("dev-dragnet", "en", ["--with-title"]),
        ("dev", "zh", []), ("dev-daniel", "zh", ["--with-title"])]
_SUMMARY = re.compile(r"^\[(zh|en)\] docs=(\d+) P=[\d.]+ R=[\d.]+ F1=([\d.]+)", re.M)


def wrap(text: str, lang: str, width: int, fmt: bool = False) -> str:
    """`text` with each line wrapped: at words to `width` columns (English; by `fmt` if asked),
    or cut every `width` characters (Chinese)."""
    if fmt and lang == "en":
        return subprocess.run(["fmt", "-w", str(width)], input=text, capture_output=True, text=True, check=True).stdout
    out = []
    for line in text.split("\n"):
        if not line.strip():
            out.append(line)
        elif lang == "en":
            out += textwrap.wrap(line, width)
        else:
            out += [line[k: k + width] for k in range(0, len(line), width)]
    return "\n".join(out)


def mean_f1(pages: Path, gold: Path, flags: list[str], lang: str, shared: Path) -> float | None:
    """score.py's mean F1 for `lang` of `mch clean` on the pages of a directory."""
    pred = pages.parent / (pages.name + ".jsonl")
    subprocess.run([sys.executable, "-m", "mch_cli", "clean", str(pages), "-f", "jsonl", "-o", str(pred)], check=True)
    scores = subprocess.run([sys.executable, str(shared / "tools" / "score.py"), str(pred), str(gold), *flags],
                            check=True, capture_output=True, text=True).stdout
    found = {m[1]: float(m[3]) for m in _SUMMARY.finditer(scores)}
    return found.get(lang)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--en", type=int, default=78, help="columns English is wrapped at")
    ap.add_argument("--zh", type=int, default=36, help="characters Chinese is cut at")
    ap.add_argument("--fmt", action="store_true", help="English filled by `fmt -w` (balanced lines)")
    args = ap.parse_args()
    shared = Path(args.shared)
    if not (shared / "dev").is_dir():
        print(f"{shared / 'dev'} not found")
        return 1
    print("| set | as dumped | wrapped |\n|---|---|---|")
    with tempfile.TemporaryDirectory(prefix="mch-wrapped-") as tmp:
        for name, lang, flags in SETS:
            raw, gold = shared / name / "raw", shared / name / "gold"
            width = args.en if lang == "en" else args.zh
            both = []
            for kind in ("dumped", "wrapped"):
                pages = Path(tmp) / f"{name}-{lang}-{kind}"
                pages.mkdir()
                for page in sorted(raw.glob(f"*_{lang}_*.txt")):
                    text = page.read_text(encoding="utf-8", errors="replace")
                    (pages / page.name).write_text(text if kind == "dumped" else wrap(text, lang, width, args.fmt),
                                                   encoding="utf-8")
                both.append(mean_f1(pages, gold, flags, lang, shared))
            how = (f"{'fmt -w' if args.fmt else 'at'} {width} columns" if lang == "en" else f"every {width} characters")
            label = f"{name} {lang}, {how}"
            print(f"| {label} | {both[0]:.3f} | {both[1]:.3f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
