"""Inputs → Documents, one at a time: files, directories (recursive, sorted), `-` for stdin."""
from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from .article import Document, Failure

DEFAULT_GLOB = "*.txt"


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def iter_documents(paths: Iterable[str], glob: str = DEFAULT_GLOB,
                   stdin=None) -> Iterator[Document | Failure]:
    """Yield a Document per input file in command-line order, or a Failure for one that
    cannot be read. Files inside a directory come in sorted path order."""
    for path in paths:
        if path == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield Document(stream.read(), "-")
            continue
        p = Path(path)
        if p.is_dir():
            found = sorted(f for f in p.rglob(glob) if f.is_file())
            if not found:
                yield Failure(path, f"no {glob} files in directory")
            for f in found:
                yield _read_file(f, os.path.join(path, f.relative_to(p).as_posix()))
        else:
            yield _read_file(p, path)


def _read_file(p: Path, name: str) -> Document | Failure:
    try:
        return Document(p.read_bytes(), name)
    except OSError as exc:
        return Failure(name, _reason(exc))
