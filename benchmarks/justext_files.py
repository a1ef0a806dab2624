"""The anchor of `make bench`'s whole-process figure (issue 20): a script that runs jusText over
the files of a directory, as a user without mch would, and writes each page's good paragraphs as
a JSON line to stdout.

    python benchmarks/justext_files.py DIR > out.jsonl

Each page's lines are given to jusText as <p> elements (bench.as_html, as the library figures
are measured); the English stoplist on English pages, none on Chinese ones (a page is Chinese
when Han characters outnumber Latin letters in it).
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import justext

from bench import as_html

_HAN = re.compile(r"[\u4e00-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")


def main() -> int:
    english = justext.get_stoplist("English")
    write = sys.stdout.write
    for path in sorted(Path(sys.argv[1]).glob("*.txt")):
        text = path.read_bytes().decode("utf-8", "replace")
        chinese = len(_HAN.findall(text)) > len(_LATIN.findall(text))
        paragraphs = justext.justext(as_html(text), frozenset() if chinese else english)
        good = [p.text for p in paragraphs if not p.is_boilerplate]
        write(json.dumps({"path": str(path), "text": "\n\n".join(good)}, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
