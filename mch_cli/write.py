"""Writers for the three output formats (SCHEMA.md) and an all-or-nothing output file."""
from __future__ import annotations

import contextlib
import fnmatch
import json
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import PurePath
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


@dataclass(frozen=True)
class Rendered:
    """A result as its format writes it, made where the page was cleaned (a worker process):
    sending a string back costs a tenth of sending the Article."""
    body: str | None          # the record; None when the format leaves it out (text: failures)
    failure: Failure | None   # the failure it was, for the message on stderr


def render(fmt: str, explain: bool, item: Article | Failure) -> Rendered:
    failure = item if isinstance(item, Failure) else None
    if fmt == "text":
        # text output carries articles only; a failure is reported on stderr
        return Rendered(None if failure else article_text(item), failure)
    return Rendered(to_json(item, explain), failure)


class Writer:
    """Writes records one at a time, so output streams as inputs are cleaned."""

    def __init__(self, stream: TextIO, fmt: str = "jsonl", explain: bool = False):
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}")
        self.stream, self.fmt, self.explain = stream, fmt, explain
        self.count = 0

    def write(self, item: Article | Failure | Rendered) -> None:
        body = (item if isinstance(item, Rendered) else render(self.fmt, self.explain, item)).body
        if body is None:
            return
        if self.fmt == "text":
            self.stream.write(("\f\n" if self.count else "") + body)
        elif self.fmt == "jsonl":
            self.stream.write(body + "\n")
        else:
            self.stream.write(("[\n" if not self.count else ",\n") + body)
        self.count += 1
        self.stream.flush()

    def close(self) -> None:
        if self.fmt == "json":
            self.stream.write("\n]\n" if self.count else "[]\n")
        self.stream.flush()


@contextlib.contextmanager
def atomic_output(path: str) -> Iterator[TextIO]:
    """A file that appears complete or not at all: written beside `path`, renamed at the end.
    A path that is no regular file (/dev/null, a FIFO) is written in place: renaming over it
    would replace the device or pipe with a file. A symbolic link keeps pointing at its file,
    which is the one replaced; an existing file keeps its permissions, a new one gets the usual
    ones (0666 less the umask), not those of a temporary file. Errors name `path`."""
    target = os.path.realpath(path)
    if os.path.exists(target) and not os.path.isfile(target):
        with _named(path), open(target, "w", encoding="utf-8", newline="\n") as f:
            yield _NamedStream(f, path)
        return
    with _named(path):
        fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=os.path.dirname(target))
    try:
        os.fchmod(fd, _mode_for(target))
        f = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        try:
            yield _NamedStream(f, path)
        finally:
            closing = f.close if not f.closed else (lambda: None)
            with _named(path):
                closing()
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


TEMP_PREFIX, TEMP_SUFFIX = ".mch-", ".tmp"  # read.is_temporary knows these: never an input


def _mode_for(target: str) -> int:
    """The permissions the output file gets: those it has, or 0666 less the umask."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@contextlib.contextmanager
def _named(path: str) -> Iterator[None]:
    """An OSError in the block names `path` (mch: out.jsonl: No space left on device)."""
    try:
        yield
    except OSError as exc:
        if exc.filename == path:
            raise
        raise OSError(exc.errno, exc.strerror or str(exc), path) from exc


class _NamedStream:
    """A text stream whose write errors name its file."""

    def __init__(self, stream: TextIO, path: str):
        self._stream, self._path = stream, path

    def write(self, text: str) -> int:
        with _named(self._path):
            return self._stream.write(text)

    def flush(self) -> None:
        with _named(self._path):
            self._stream.flush()

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def output_problem(output: str, inputs: Iterable[str], glob: str = "*.txt",
                   stdin_fd: int | None = None) -> str | None:
    """Why `output` (-o, --html) must not be written (None when it may): a directory, in no
    directory, a read-only file, or one of the inputs — a file named as input, the file
    standard input reads, or a file an input directory's --glob takes (a new one too: the
    next run over that directory would read it as a page). An input is never written over."""
    if os.path.isdir(output):
        return "is a directory"
    parent = os.path.dirname(os.path.abspath(output))
    if not os.path.isdir(parent):
        return f"no directory {parent}"
    real = os.path.realpath(output)
    for name in inputs:
        if name != "-" and os.path.isdir(name):
            inside = os.path.relpath(real, os.path.realpath(name))
            if not (inside == os.pardir or inside.startswith(os.pardir + os.sep)) and _glob_takes(inside, glob):
                return f"is one of the inputs (in {name}, {glob}): an input is never written over"
    if not os.path.exists(output):
        return None  # a new file: no input file or stdin can be it
    if os.path.isfile(real) and _read_only(real):
        # replaced by a rename, which a file's own mode does not stop: refuse, as cp does
        return "is read-only: not written over (make it writable or remove it first)"
    for name in inputs:
        if name == "-":
            if stdin_fd is not None and _same_file(stdin_fd, real):
                return "is the standard input: an input is never written over"
        elif not os.path.isdir(name) and os.path.exists(name) and os.path.samefile(name, real):
            return "is one of the inputs: an input is never written over"
    return None


def _read_only(path: str) -> bool:
    """No write permission for us, or none for anyone (0444): someone meant it to stay as it
    is, even when we are root and could."""
    return not os.access(path, os.W_OK) or not stat.S_IMODE(os.stat(path).st_mode) & 0o222


def _same_file(fd: int, path: str) -> bool:
    try:
        a, b = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return stat.S_ISREG(a.st_mode) and (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def _glob_takes(relative: str, glob: str) -> bool:
    """Whether a directory walk with `glob` (read.py) takes the file at `relative`."""
    return PurePath(relative).match(glob) if "/" in glob else fnmatch.fnmatchcase(os.path.basename(relative), glob)


@dataclass(frozen=True)
class CompletionMarker:
    """`FILE.done` beside a finished output: the command that made it. A rerun of the same
    command (a job-array task started again) finds it and skips the work."""
    output: str
    command: tuple[str, ...]

    @property
    def path(self) -> str:
        return self.output + ".done"

    def done(self) -> bool:
        try:
            with open(self.path, encoding="utf-8") as f:
                recorded = json.load(f)
        except (OSError, ValueError):
            return False
        return os.path.exists(self.output) and recorded.get("command") == list(self.command)

    def write(self, failed: int) -> None:
        with atomic_output(self.path) as f:
            json.dump({"command": list(self.command), "failed": failed}, f, ensure_ascii=False)
            f.write("\n")


def completion_marker(output: str, command: list[str]) -> CompletionMarker:
    return CompletionMarker(output, tuple(command))
