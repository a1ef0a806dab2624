"""A corpus summary (`mch stats`): counts over cleaned articles. No I/O, no Rich.

    from mch_cli.stats import CorpusStats
    st = CorpusStats()
    for article in articles:
        st.add(article)
    st.to_dict()   # {"documents", "languages", "chars", "lines", "removed_by_reason", "dates", "terms", …}

Characters before cleaning are those of the page's non-empty lines after normalisation (the
title, every paragraph and every removed line; a hard-wrapped paragraph counts as its joined
text); after cleaning, those of `text`. Reasons are grouped with their numbers made `N`
("menu: N short items"), shares are of all non-empty input lines.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Any

from .article import BODY, HEADING, TITLE, Article

_NUMBER = re.compile(r"\d+")
TOP_DEFAULT = 10


def reason_group(reason: str) -> str:
    """A reason with its numbers made N: 'repeated 2x on page' → 'repeated Nx on page'."""
    return _NUMBER.sub("N", reason)


class CorpusStats:
    """Accumulates articles one at a time (constant memory but for the counters).

    `glossary` and `segmenter` (mch_cli.terms / mch_cli.segment) find the MCH terms; by default
    the shipped glossary and the process-wide segmenter. `terms=False`: no terms looked for."""

    def __init__(self, glossary: Any = None, segmenter: Any = None, terms: bool = True):
        self.documents = 0
        self.failed = 0
        self.langs: Counter = Counter()
        self.scripts: Counter = Counter()
        self.chars_raw = 0
        self.chars_clean = 0
        self.no_title = 0
        self.no_body = 0
        self.kept_lines: Counter = Counter()          # title / body / heading
        self.removed_labels: Counter = Counter()
        self.removed_reasons: Counter = Counter()     # (label, reason group)
        self.first_date: str | None = None
        self.last_date: str | None = None
        self.dated = 0
        self._terms = terms
        self._glossary = glossary
        self._segmenter = segmenter
        self.concepts: dict = {}

    def add_failure(self) -> None:
        self.failed += 1

    def add(self, article: Article) -> None:
        self.documents += 1
        self.langs[article.lang] += 1
        if article.script:
            self.scripts[article.script] += 1
        text = article.text
        self.chars_clean += len(text)
        self.chars_raw += (len(article.title or "") + sum(len(p.text) for p in article.paragraphs)
                           + sum(len(x.text) for x in article.removed))
        self.no_title += not article.title
        self.no_body += not text
        if article.title_line:
            self.kept_lines[TITLE] += 1
        for p in article.paragraphs:
            self.kept_lines[p.kind] += len(p.lines)
        for x in article.removed:
            self.removed_labels[x.label] += 1
            self.removed_reasons[(x.label, reason_group(x.reason))] += 1
        if article.date:
            self.dated += 1
            self.first_date = min(self.first_date or article.date, article.date)
            self.last_date = max(self.last_date or article.date, article.date)
        if self._terms:
            self._add_terms(article.title_and_text)

    def _add_terms(self, text: str) -> None:
        from .terms import count_concepts, default_glossary, merge_counts
        gl = self._glossary or default_glossary()
        if self._segmenter is None:
            from .segment import segmenter
            self._segmenter = segmenter()
        merge_counts(self.concepts, count_concepts(gl.find(text, self._segmenter), gl))

    def to_dict(self, top: int = TOP_DEFAULT) -> dict:
        """The summary as one JSON-ready object (`mch stats -f jsonl`); `top` MCH terms."""
        from .terms import ranked
        kept = sum(self.kept_lines.values())
        removed = sum(self.removed_labels.values())
        total = kept + removed
        share = (lambda n: round(n / total, 4)) if total else (lambda n: 0.0)
        return {
            "documents": self.documents,
            "failed": self.failed,
            "without_title": self.no_title,
            "without_body": self.no_body,
            "languages": dict(self.langs.most_common()),
            "scripts": dict(self.scripts.most_common()),
            "chars": {"raw": self.chars_raw, "clean": self.chars_clean,
                      "kept_share": round(self.chars_clean / self.chars_raw, 4) if self.chars_raw else 0.0},
            "lines": {"total": total, "kept": kept, "removed": removed,
                      "by_label": {k: self.kept_lines[k] for k in (TITLE, BODY, HEADING) if self.kept_lines[k]}
                      | dict(self.removed_labels.most_common())},
            "removed_by_label": {k: {"lines": n, "share": share(n)}
                                 for k, n in self.removed_labels.most_common()},
            "removed_by_reason": [{"label": label, "reason": reason, "lines": n, "share": share(n)}
                                  for (label, reason), n in sorted(self.removed_reasons.items(),
                                                                   key=lambda kv: (-kv[1], kv[0]))],
            "dates": {"first": self.first_date, "last": self.last_date, "dated": self.dated},
            "terms": [{"concept": c.concept.id, "zh": c.concept.zh[0] if c.concept.zh else None,
                       "en": c.concept.en[0] if c.concept.en else None, "count": c.count, "docs": c.docs}
                      for c in ranked(self.concepts)[:top]],
        }
