"""Corpus mode: lines that recur on many pages of a corpus are site chrome (CCNet-style line
hashing). A first pass counts, for every distinct line, the pages it appears on; the cleaning
pass then treats lines seen on enough pages as boilerplate. Memory grows with the number of
distinct lines (8 bytes of hash each), not with the number of pages."""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable

from . import settings
from .article import line_key


def count_lines(pages: Iterable[Iterable[str]]) -> tuple[Counter, int]:
    """(pages per line hash, number of pages) over the lines of each page
    (pipeline.lines_of_pages reads them)."""
    counts: Counter = Counter()
    total = 0
    for lines in pages:
        total += 1
        counts.update({line_key(text) for text in lines})
    return counts, total


def recurring_lines(pages: Counter, total: int, min_pages: int | None = None) -> dict[int, int]:
    """Lines on at least `min_pages` pages (default: CORPUS_MIN_PAGES, or CORPUS_MIN_SHARE of
    the corpus when that is more): hash → number of pages."""
    if min_pages is None:
        min_pages = max(settings.CORPUS_MIN_PAGES, math.ceil(settings.CORPUS_MIN_SHARE * total))
    return {key: n for key, n in pages.items() if n >= min_pages}
