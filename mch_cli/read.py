"""Inputs → Documents, one at a time: files, directories (recursive, sorted), `-` for stdin;
plain text and HTML pages, JSON Lines records, WARC/WET records; gzip and zstd compressed.

Nothing that cannot be read is passed over in silence: a missing or unreadable file, an empty
one, one over the size limit, a symbolic link that loops or leads nowhere, a directory that
cannot be listed — each becomes a Failure with its reason. Symbolic links to directories are
not followed (no loops); mch's own temporary output files (`.mch-*.tmp`) are never inputs.
Input files are only ever opened for reading."""
from __future__ import annotations

import fnmatch
import gzip
import io
import itertools
import json
import os
import stat
import sys
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from .article import Document, Failure
from .decode import DecodeError, decode, refuse_too_large, too_large
from .write import TEMP_PREFIX, TEMP_SUFFIX

DEFAULT_GLOB = "*.txt"
JSONL_SUFFIXES = (".jsonl", ".ndjson")
WARC_SUFFIXES = (".warc", ".wet", ".arc")
COMPRESSED_SUFFIXES = (".gz", ".zst")


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def iter_documents(paths: Iterable[str], glob: str = DEFAULT_GLOB, stdin: BinaryIO | None = None,
                   text_field: str | None = None, max_bytes: int | None = None, whole: bool = False
                   ) -> Iterator[Document | Failure]:
    """Yield a Document per page in command-line order, or a Failure for an input that cannot
    be read. Files inside a directory come in sorted path order; a JSON Lines or WARC file
    yields one Document per record, as `FILE#N`, unless `whole`: then every file is one
    Document of its (decompressed) bytes, for the line filters that read a stream of lines
    (`mch segment`). A page file or stdin over `max_bytes` is refused without being read whole
    (records inside a container are checked by the pipeline). Stdin has no name to go by: it
    is JSON Lines when `text_field` is given or its first line is a JSON object, WARC when it
    begins with a `WARC/1.` header, else one page (stdin_kind)."""
    for path in paths:
        if path == "-":
            yield from _read_stdin(stdin if stdin is not None else sys.stdin.buffer, text_field,
                                   max_bytes, whole)
            continue
        field = text_field or "text"  # for files; stdin, later in the list, must still sniff
        p = Path(path)
        if p.is_dir():
            found = _find(p, glob)
            if not found:
                yield Failure(path, f"no files matching --glob {glob!r} in directory" if glob != DEFAULT_GLOB
                              else f"no {glob} files in directory")
            for f, problem in found:
                name = os.path.join(path, f.relative_to(p).as_posix())
                if problem:
                    yield Failure(name, problem)
                else:
                    yield from _read_path(f, name, field, max_bytes, whole)
        else:
            yield from _read_path(p, path, field, max_bytes, whole)


def _read_stdin(stream: BinaryIO, text_field: str | None, max_bytes: int | None,
                whole: bool) -> Iterator[Document | Failure]:
    first = stream.readline() if max_bytes is None else stream.readline(max_bytes + 1)
    kind = "page" if whole else stdin_kind(first, text_field)
    stream = io.BufferedReader(_Prefixed(first, stream), 1 << 16)
    if kind == "jsonl":
        yield from _jsonl_records(stream, "-", text_field or "text")
    elif kind == "warc":
        yield from _warc_records(stream, "-")
    else:
        data = _read_at_most(stream, max_bytes)
        yield Document(data, "-") if data is not None else Failure("-", too_large(max_bytes))


def stdin_kind(first_line: bytes, text_field: str | None) -> str:
    """jsonl, warc or page, from stdin's first line: --text-field is asked of JSON Lines only,
    so it says what stdin is; else a first line that is a JSON object, or a WARC header."""
    if text_field is not None:
        return "jsonl"
    if first_line.startswith(b"WARC/1."):
        return "warc"
    if first_line.lstrip().startswith(b"{"):
        try:
            return "jsonl" if isinstance(json.loads(first_line), dict) else "page"
        except ValueError:
            pass
    return "page"


class _Prefixed(io.RawIOBase):
    """`head` (already read to sniff it), then the rest of `stream`."""

    def __init__(self, head: bytes, stream: BinaryIO) -> None:
        self._head, self._stream = head, stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if not self._head:
            data = self._stream.read(len(buffer))
        else:
            data, self._head = self._head[:len(buffer)], self._head[len(buffer):]
        buffer[:len(data)] = data
        return len(data)


def is_temporary(name: str) -> bool:
    """mch's own output in the making (write.atomic_output): never an input."""
    return name.startswith(TEMP_PREFIX) and name.endswith(TEMP_SUFFIX)


def _find(root: Path, glob: str) -> list[tuple[Path, str | None]]:
    """The paths under `root` that match `glob` and are not directories, in sorted order, each
    with the reason it cannot be read (None for a file to read); a directory that cannot be
    listed comes with its reason too. Links to directories are not followed."""
    found: list[tuple[Path, str | None]] = []
    pending = [root]
    while pending:
        directory = pending.pop()
        try:
            with os.scandir(directory) as it:
                entries = list(it)
        except OSError as exc:
            found.append((directory, f"cannot list directory: {_reason(exc)}"))
            continue
        for entry in entries:
            path = directory / entry.name
            try:
                if entry.is_dir(follow_symlinks=False):
                    pending.append(path)
                    continue
            except OSError:
                pass
            if is_temporary(entry.name) or not _matches(path.relative_to(root), glob):
                continue
            try:
                mode = path.stat().st_mode  # follows a link to a file
            except OSError as exc:  # a link that loops or leads nowhere
                found.append((path, _reason(exc)))
                continue
            if stat.S_ISREG(mode):
                found.append((path, None))
            elif not stat.S_ISDIR(mode):  # a link to a directory is not followed
                found.append((path, "not a regular file"))
    return sorted(found, key=lambda item: item[0])


def _matches(relative: Path, glob: str) -> bool:
    """As Path.rglob(glob) matches: the name, or with a `/` in the pattern, the path's last parts."""
    if "/" in glob:
        return relative.match(glob)
    return fnmatch.fnmatchcase(relative.name, glob)


def container_kind(name: str) -> tuple[str, str]:
    """(container kind: jsonl | warc | page, compression suffix or "")."""
    lower = name.lower()
    compression = next((s for s in COMPRESSED_SUFFIXES if lower.endswith(s)), "")
    stem = lower[: len(lower) - len(compression)]
    if stem.endswith(JSONL_SUFFIXES):
        return "jsonl", compression
    if stem.endswith(WARC_SUFFIXES) or stem.endswith(".warc.wet"):
        return "warc", compression
    return "page", compression


def _read_path(p: Path, name: str, text_field: str, max_bytes: int | None = None,
               whole: bool = False) -> Iterator[Document | Failure]:
    kind, compression = container_kind(name)
    if whole:
        kind = "page"
    try:
        if kind == "warc":
            # decompressed here, not by warcio: it reads only gzip files of one member per
            # record and stops after the first record of a plain `gzip file.warc`
            with _open(p, compression) as stream:
                yield from _warc_records(stream, name)
        elif kind == "jsonl":
            with _open(p, compression) as stream:
                yield from _jsonl_records(stream, name, text_field)
        else:
            with _open(p, compression) as stream:
                yield _page(stream, name, max_bytes, sized=not compression)
    except Damaged as exc:
        yield Failure(name, str(exc))
    except OSError as exc:
        yield Failure(name, _reason(exc))
    except Exception as exc:  # a corrupt archive or compressed stream: this input only
        yield Failure(name, f"unreadable {kind}{compression and ' ' + compression[1:]}: {one_line(exc)}")


def one_line(exc: BaseException) -> str:
    """An exception's message as one line (warcio's run over a dozen)."""
    return " ".join(str(exc).split()) or type(exc).__name__


def _page(stream: BinaryIO, name: str, max_bytes: int | None, sized: bool) -> Document | Failure:
    """One page file: refused when it is empty or over `max_bytes`. A regular file's size is
    known before reading (`sized`); a compressed stream or a pipe is read up to the limit only."""
    if max_bytes is not None and sized:
        info = os.fstat(stream.fileno())
        if stat.S_ISREG(info.st_mode) and info.st_size > max_bytes:
            return Failure(name, too_large(max_bytes, info.st_size))
    data = _read_at_most(stream, max_bytes)
    if data is None:
        return Failure(name, too_large(max_bytes))
    if not data.strip():
        return Failure(name, "empty file" if not data else "empty file (only white space)")
    return Document(data, name)


_READ_CHUNK = 1 << 20


def _read_at_most(stream: BinaryIO, max_bytes: int | None) -> bytes | None:
    """All of the stream, or None when it holds more than `max_bytes`."""
    if max_bytes is None:
        return stream.read()
    chunks, size = [], 0  # read(max_bytes + 1) would allocate that much first: --max-bytes 1T
    while size <= max_bytes and (chunk := stream.read(min(max_bytes + 1 - size, _READ_CHUNK))):
        chunks.append(chunk)
        size += len(chunk)
    return None if size > max_bytes else b"".join(chunks)


@contextmanager
def _open(p: Path, compression: str) -> Iterator[BinaryIO]:
    """The file's bytes, decompressed; a compressed file cut short raises Truncated when its
    end is reached, gzip and zstd alike (never taken for a whole one)."""
    if compression:
        with open(p, "rb") as raw:
            inner = gzip.GzipFile(fileobj=raw) if compression == ".gz" else _ZstdFrames(raw)
            yield io.BufferedReader(_Checked(inner, compression), 1 << 16)
    else:
        with open(p, "rb") as f:
            yield f


class Truncated(ValueError):
    """A compressed file that ends before its end-of-stream marker. Not an EOFError: warcio
    takes that for the end of the archive and would drop what was read of the record."""


TRUNCATED = "Compressed file ended before the end-of-stream marker was reached"  # gzip's words


class Damaged(ValueError):
    """A compressed file that is not of its kind, or is corrupt; the message says which, in words."""


class _Checked(io.RawIOBase):
    """A decompressing stream whose early end raises Truncated, and bad data Damaged."""

    def __init__(self, inner, compression: str) -> None:
        self._inner, self._compression = inner, compression

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        try:
            return self._inner.readinto(buffer)
        except EOFError as exc:
            raise Truncated(str(exc) or TRUNCATED) from None
        except (gzip.BadGzipFile, zlib.error, _BadZstd) as exc:
            kind, message = ("gzip" if self._compression == ".gz" else "zstd"), str(exc)
            if message.startswith("Not a gzipped file") or "Unknown frame descriptor" in message:
                raise Damaged(f"not {kind} data, though its name ends in {self._compression}") from None
            if message.startswith("CRC check failed"):
                message = "its checksum does not match what it holds"
            raise Damaged(f"corrupt {kind} data: {' '.join(message.split())}") from None


class _BadZstd(Exception):
    """zstandard's error, raised where zstandard is imported."""


class _ZstdFrames(io.RawIOBase):
    """zstd frames one after another, decompressed as they are read. zstandard's stream_reader
    takes a file cut inside a frame for a whole one; here that is an EOFError, as gzip's."""

    def __init__(self, raw: BinaryIO) -> None:
        import zstandard

        self._raw, self._new = raw, zstandard.ZstdDecompressor().decompressobj
        self._error = zstandard.ZstdError
        self._frame = None
        self._out, self._at = b"", 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while self._at == len(self._out):
            chunk = self._raw.read(1 << 16)
            if not chunk:
                if self._frame is not None and not self._frame.eof:
                    raise EOFError(TRUNCATED)
                return 0
            self._out, self._at = b"", 0
            while chunk:  # a chunk may end one frame and begin the next
                if self._frame is None or self._frame.eof:
                    self._frame = self._new()
                try:
                    self._out += self._frame.decompress(chunk)
                except self._error as exc:
                    raise _BadZstd(str(exc)) from None
                chunk = self._frame.unused_data if self._frame.eof else b""
        n = min(len(buffer), len(self._out) - self._at)
        buffer[:n] = self._out[self._at:self._at + n]
        self._at += n
        return n


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
        rec_id = None if rec.get("id") is None else str(rec["id"])
        content, kind = rec.get(text_field), "text"
        if content is None and isinstance(rec.get("html"), str):
            content, kind = rec["html"], "html"
        if not isinstance(content, str):
            yield Failure(where, f"no {text_field!r} field" if content is None else
                          f"the {kind if kind == 'html' else text_field!r} field is {_json_type(content)}, not a string", rec_id)
            continue
        yield Document(content.encode("utf-8"), where, id=rec_id,
                       url=rec.get("url") if isinstance(rec.get("url"), str) else None, kind=kind)


def _json_type(value: object) -> str:
    """A JSON value's kind, in words: `a number`, `a list`, …"""
    return ("true or false" if isinstance(value, bool) else "a number" if isinstance(value, (int, float))
            else "a list" if isinstance(value, list) else "an object")


def _warc_records(stream: BinaryIO, name: str) -> Iterator[Document | Failure]:
    """WET `conversion` records (text) and WARC `response` records with an HTML payload. A
    record that cannot be read ends the file as one Failure `FILE#N`, after the records before
    it (a damaged archive has no next record to find)."""
    from warcio.archiveiterator import ArchiveIterator

    records = ArchiveIterator(stream)
    for n in itertools.count(1):
        try:
            record = next(records, None)  # reads record n's headers
            if record is None:
                return
            doc = _warc_document(record, f"{name}#{n}")  # and its payload
        except Exception as exc:  # a damaged record or stream: there is no next record to find
            yield Failure(f"{name}#{n}", f"unreadable warc record: {one_line(exc)}")
            return
        if doc is not None:
            yield doc


def _warc_document(record, where: str) -> Document | None:
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
        return None
    return Document(record.content_stream().read(), where,
                    id=headers.get_header("WARC-Record-ID"),
                    url=headers.get_header("WARC-Target-URI"),
                    fetched=headers.get_header("WARC-Date"), kind=kind)


def decode_many(items: Iterable[Document | Failure], max_bytes: int | None = None,
                binary_ok: bool = False) -> Iterator[tuple[str, str] | Failure]:
    """(path, text) per input, for the line tools (detect, align, segment); an input that is
    undecodable or over `max_bytes` → Failure. `binary_ok`: control characters are left for
    the caller to judge line by line (decode.refuse_binary), as in a stream of records."""
    for item in items:
        if isinstance(item, Failure):
            yield item
            continue
        try:
            refuse_too_large(item.data, max_bytes)
            yield item.path, decode(item.data, binary_ok=binary_ok)[0]
        except DecodeError as exc:
            yield Failure(item.path, str(exc), item.id)
