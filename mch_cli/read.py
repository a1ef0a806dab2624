"""Inputs → Documents, one at a time: files, directories (recursive, sorted), `-` for stdin;
plain text and HTML pages, JSON Lines records, WARC/WET records; gzip and zstd compressed."""
from __future__ import annotations

import gzip
import io
import json
import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from .article import Document, Failure

DEFAULT_GLOB = "*.txt"
JSONL_SUFFIXES = (".jsonl", ".ndjson")
WARC_SUFFIXES = (".warc", ".wet", ".arc")
COMPRESSED_SUFFIXES = (".gz", ".zst")


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def iter_documents(paths: Iterable[str], glob: str = DEFAULT_GLOB, stdin: BinaryIO | None = None,
                   text_field: str = "text") -> Iterator[Document | Failure]:
    """Yield a Document per page in command-line order, or a Failure for an input that cannot
    be read. Files inside a directory come in sorted path order; a JSON Lines or WARC file
    yields one Document per record, as `FILE#N`."""
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
                yield from _read_path(f, os.path.join(path, f.relative_to(p).as_posix()), text_field)
        else:
            yield from _read_path(p, path, text_field)


def _kind(name: str) -> tuple[str, str]:
    """(container kind: jsonl | warc | page, compression suffix or "")."""
    lower = name.lower()
    compression = next((s for s in COMPRESSED_SUFFIXES if lower.endswith(s)), "")
    stem = lower[: len(lower) - len(compression)]
    if stem.endswith(JSONL_SUFFIXES):
        return "jsonl", compression
    if stem.endswith(WARC_SUFFIXES) or stem.endswith(".warc.wet"):
        return "warc", compression
    return "page", compression


def _read_path(p: Path, name: str, text_field: str) -> Iterator[Document | Failure]:
    kind, compression = _kind(name)
    try:
        if kind == "warc":  # warcio reads gzip members itself
            with open(p, "rb") as raw:
                yield from _warc_records(raw, name)
        elif kind == "jsonl":
            with _open(p, compression) as stream:
                yield from _jsonl_records(stream, name, text_field)
        else:
            with _open(p, compression) as stream:
                yield Document(stream.read(), name)
    except OSError as exc:
        yield Failure(name, _reason(exc))
    except Exception as exc:  # a corrupt archive or compressed stream: this input only
        yield Failure(name, f"unreadable {kind}{compression and ' ' + compression[1:]}: {exc}")


@contextmanager
def _open(p: Path, compression: str) -> Iterator[BinaryIO]:
    if compression == ".gz":
        with gzip.open(p, "rb") as f:
            yield f
    elif compression == ".zst":
        import zstandard

        with open(p, "rb") as raw, zstandard.ZstdDecompressor().stream_reader(raw) as f:
            yield io.BufferedReader(f)
    else:
        with open(p, "rb") as f:
            yield f


def _jsonl_records(stream: BinaryIO, name: str, text_field: str) -> Iterator[Document | Failure]:
    """One Document per record: its `text_field` (or `html`), with its `id` and `url`."""
    for n, raw in enumerate(stream, 1):
        if not raw.strip():
            continue
        where = f"{name}#{n}"
        try:
            rec = json.loads(raw)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            yield Failure(where, f"invalid JSON: {exc}")
            continue
        if not isinstance(rec, dict):
            yield Failure(where, "record is not a JSON object")
            continue
        content, kind = rec.get(text_field), "text"
        if not isinstance(content, str) and isinstance(rec.get("html"), str):
            content, kind = rec["html"], "html"
        if not isinstance(content, str):
            yield Failure(where, f"no {text_field!r} field")
            continue
        rec_id = rec.get("id")
        yield Document(content.encode("utf-8"), where, id=None if rec_id is None else str(rec_id),
                       url=rec.get("url") if isinstance(rec.get("url"), str) else None, kind=kind)


def _warc_records(stream: BinaryIO, name: str) -> Iterator[Document | Failure]:
    """WET `conversion` records (text) and WARC `response` records with an HTML payload."""
    from warcio.archiveiterator import ArchiveIterator

    for n, record in enumerate(ArchiveIterator(stream), 1):
        headers = record.rec_headers
        rec_type = record.rec_type
        if rec_type == "conversion":
            kind = "text"
        elif rec_type == "response" and record.http_headers is not None and "html" in (
                record.http_headers.get_header("Content-Type") or "").lower():
            kind = "html"
        elif rec_type == "resource" and "html" in (headers.get_header("Content-Type") or ""):
            kind = "html"
        else:
            continue
        yield Document(record.content_stream().read(), f"{name}#{n}",
                       id=headers.get_header("WARC-Record-ID"),
                       url=headers.get_header("WARC-Target-URI"),
                       fetched=headers.get_header("WARC-Date"), kind=kind)
