"""Whole-line patterns for boilerplate, captions and editor lines, loaded from data files."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .script import simplified


@dataclass(frozen=True)
class Pattern:
    label: str          # boilerplate | caption | meta
    ends_article: bool  # "end": the article cannot continue past such a line
    starts_list: bool   # "list": a list of links follows (inside an article too, up to its prose)
    max_tokens: int     # applies only to lines this short (0: any length)
    reason: str
    regex: re.Pattern


def parse_patterns(text: str, origin: str = "patterns") -> tuple[Pattern, ...]:
    patterns = []
    for n, row in enumerate(text.splitlines(), 1):
        if not row.strip() or row.startswith("#"):
            continue
        fields = row.split("\t")
        if len(fields) != 5 or fields[0] not in ("boilerplate", "caption", "meta"):
            raise ValueError(f"{origin}:{n}: expected label<TAB>end<TAB>max_tokens<TAB>reason<TAB>regex")
        label, end, max_tokens, reason, regex = fields
        try:
            compiled = re.compile(regex, re.IGNORECASE)
        except re.error as exc:
            raise ValueError(f"{origin}:{n}: bad regex: {exc}") from None
        patterns.append(Pattern(label, end == "end", end == "list", int(max_tokens), reason, compiled))
    return tuple(patterns)


@lru_cache(maxsize=None)
def builtin_patterns() -> tuple[Pattern, ...]:
    text = resources.files("mch_cli").joinpath("data/patterns.tsv").read_text(encoding="utf-8")
    return parse_patterns(text, "patterns.tsv")


def load_patterns(path: str | Path) -> tuple[Pattern, ...]:
    """A user's pattern file (same format as data/patterns.tsv)."""
    return parse_patterns(Path(path).read_text(encoding="utf-8"), str(path))


def match(text: str, tokens: int, patterns: tuple[Pattern, ...]) -> Pattern | None:
    text = simplified(text)  # Traditional pages match the same patterns
    for p in patterns:
        if (not p.max_tokens or tokens <= p.max_tokens) and p.regex.search(text):
            return p
    return None
