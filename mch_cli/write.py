"""Writers for the three output formats (SCHEMA.md) and an all-or-nothing output file."""
from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterator
from typing import TextIO

from .article import Article, Failure

FORMATS = ("text", "jsonl", "json")


def to_json(item: Article | Failure, explain: bool = False) -> str:
    obj = item.to_dict(explain) if isinstance(item, Article) else item.to_dict()
    return json.dumps(obj, ensure_ascii=False)


def article_text(article: Article) -> str:
    """`--format text` for one article: the title line, a blank line, then the text."""
    head = f"{article.title}\n\n" if article.title else ""
    return head + article.text + "\n"


class Writer:
    """Writes records one at a time, so output streams as inputs are cleaned."""

    def __init__(self, stream: TextIO, fmt: str = "jsonl", explain: bool = False):
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}")
        self.stream, self.fmt, self.explain = stream, fmt, explain
        self.count = 0

    def write(self, item: Article | Failure) -> None:
        if self.fmt == "text":
            if isinstance(item, Failure):
                return  # reported on stderr; text output carries articles only
            self.stream.write(("\f\n" if self.count else "") + article_text(item))
        elif self.fmt == "jsonl":
            self.stream.write(to_json(item, self.explain) + "\n")
        else:
            self.stream.write(("[\n" if not self.count else ",\n") + to_json(item, self.explain))
        self.count += 1
        self.stream.flush()

    def close(self) -> None:
        if self.fmt == "json":
            self.stream.write("\n]\n" if self.count else "[]\n")
        self.stream.flush()


@contextlib.contextmanager
def atomic_output(path: str) -> Iterator[TextIO]:
    """A file that appears complete or not at all: written beside `path`, renamed at the end."""
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".mch-", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            yield f
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
