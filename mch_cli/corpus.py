"""Corpus mode: lines that recur on many pages of a corpus are site chrome (CCNet-style line
hashing). A first pass counts, for every distinct line, the pages it appears on; the cleaning
pass then treats lines seen on enough pages as boilerplate. Memory grows with the number of
distinct lines (8 bytes of hash each), not with the number of pages."""
from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Iterable

from . import settings
from .article import Document, Failure
from .decode import DecodeError


def line_key(text: str) -> int:
    """A stable 64-bit hash of a normalised line (same on every run and machine)."""
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big")


def count_lines(items: Iterable[Document | Failure]) -> tuple[Counter, int]:
    """(pages per line hash, number of pages) over a stream of inputs."""
    pages: Counter = Counter()
    total = 0
    for item in items:
        if isinstance(item, Failure):
            continue
        from .pipeline import read_lines  # pipeline imports classify, which imports this module
        try:
            lines = read_lines(item)[0]
        except DecodeError:
            continue
        total += 1
        pages.update({line_key(line.text) for line in lines})
    return pages, total


def recurring_lines(pages: Counter, total: int, min_pages: int | None = None) -> dict[int, int]:
    """Lines on at least `min_pages` pages (default: CORPUS_MIN_PAGES, or CORPUS_MIN_SHARE of
    the corpus when that is more): hash → number of pages."""
    if min_pages is None:
        min_pages = max(settings.CORPUS_MIN_PAGES, math.ceil(settings.CORPUS_MIN_SHARE * total))
    return {key: n for key, n in pages.items() if n >= min_pages}
