"""The shell around the `mch` commands (cli.py): exit codes, option types, signals and pipes,
inputs and their limits, failures on stderr, output files, views for people.

With cli.py and render.py the only module that may import typer; heavy modules are imported
inside the functions that need them, so that `mch --help` and TAB completion stay fast."""
from __future__ import annotations

import contextlib
import enum
import os
import sys
from collections.abc import Iterable, Iterator
from typing import Optional

import typer
import typer.core

try:  # typer ≥ 0.20 carries its own copy of click
    from typer._click import exceptions as click_exceptions
except ImportError:  # pragma: no cover
    from click import exceptions as click_exceptions

from .article import Failure
from .settings import MAX_DOCUMENT_BYTES, MAX_DOCUMENT_SECONDS

DEFAULT_MAX_BYTES = f"{MAX_DOCUMENT_BYTES // 2**20}M"
DEFAULT_MAX_SECONDS = MAX_DOCUMENT_SECONDS


class Exit(enum.IntEnum):
    """Exit codes (SCHEMA.md)."""
    OK = 0
    SOME_FAILED = 1
    USAGE = 2
    INTERRUPTED = 130
    TERMINATED = 143  # SIGTERM (128 + 15): stopped as by Ctrl-C, outputs cleaned up


def _choices(name: str, *values: str) -> type[enum.Enum]:
    """An option's choices, as typer takes them: a str Enum whose members are their values."""
    return enum.Enum(name, {v: v for v in values}, type=str)


Engine = _choices("Engine", "local", "dask")
Format = _choices("Format", "text", "jsonl", "json")
TableFormat = _choices("TableFormat", "text", "jsonl")
LineFormat = _choices("LineFormat", "tsv", "jsonl")
Lang = _choices("Lang", "zh", "en")
SegMode = _choices("SegMode", "default", "search", "full")


def say(message: str) -> None:
    """One line for a person, on stderr."""
    sys.stderr.write(f"mch: {message}\n")
    sys.stderr.flush()


def warn(message: str) -> None:
    """An option that does nothing here: one line on stderr, the run goes on."""
    say(f"warning: {message}")


def usage_error(message: str):
    say(message)
    raise typer.Exit(Exit.USAGE)


# --- the command line itself --------------------------------------------------------------------

class Group(typer.core.TyperGroup):
    """mch's commands, run so that a usage error of any command (an unknown command or option, a
    bad or missing value) is one line `mch: …` on stderr and exit 2, never a box of Rich; `mch`
    alone is `mch --help` (the help on stdout, exit 0)."""

    running = "mch"  # the command being run, for hints: `mch stats`

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        args = list(sys.argv[1:] if args is None else args)
        Group.running = f"mch {args[0]}" if args and args[0] in self.commands else "mch"
        try:
            code = super().main(args or ["--help"], prog_name, complete_var, standalone_mode=False, **extra)
        except click_exceptions.UsageError as exc:
            say(usage_message(exc, Group.running))
            code = Exit.USAGE
        except typer.Abort:  # end of input at a prompt (mch has none) or Ctrl-C
            say("interrupted")
            code = Exit.INTERRUPTED
        code = code if isinstance(code, int) else Exit.OK  # a command's return value is None
        if not standalone_mode:
            return code
        sys.exit(code)


class Command(typer.core.TyperCommand):
    """A command whose help names its arguments by their metavar alone (PATH), without the
    type typer adds (<list[str]>)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for param in self.params:
            if isinstance(param, typer.core.TyperArgument):
                param.display_type_rich = lambda ctx: ""
                param.make_metavar = _plain_metavar(param.make_metavar, param.nargs != 1)


def _plain_metavar(make_metavar, several: bool):
    """"PATH" for a required argument (typer 0.28 writes "{PATH}"), "[PATH]..." for several."""
    def metavar(*args, **kwargs) -> str:
        shown = make_metavar(*args, **kwargs)
        if shown.startswith("{") and shown.endswith("}"):
            shown = shown[1:-1]
        return shown + "..." if several and not shown.endswith("...") else shown
    return metavar


def usage_message(exc, command: str = "mch") -> str:
    """A click usage error in one line: the option (or argument) and what is wrong with it, and
    where to look (`--lang fr: expected zh or en (see 'mch clean --help')`)."""
    import re
    param = getattr(exc, "param", None)
    if param is not None and not isinstance(exc, click_exceptions.MissingParameter):
        name = max(param.opts, key=len) if getattr(param, "opts", None) and param.param_type_name == "option" \
            else param.human_readable_name
        message = re.sub(r"^(Value error|Assertion failed), ", "", exc.message)
        choice = re.fullmatch(r"'(.*)' is not one of (.*?)\.?", message, re.S)
        if choice:
            options = re.findall(r"'([^']*)'", choice[2])
            expected = ", ".join(options[:-1]) + " or " + options[-1] if len(options) > 1 else choice[2]
            message = f"{name} {choice[1]}: expected {expected}"
        else:
            message = f"{name}: {message[:1].lower()}{message[1:]}"
    elif getattr(exc, "possibilities", None):  # an unknown option like one that exists
        message = f"{exc.message}; did you mean {' or '.join(sorted(exc.possibilities))}?"
    else:
        message = exc.format_message()
    message = " ".join(message.split()).rstrip(".")
    return f"{message[:1].lower()}{message[1:]} (see '{command} --help')"


def utf8_stdout() -> None:
    """Data is UTF-8 whatever the locale says."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure") and (stream.encoding or "").lower() not in ("utf-8", "utf8"):
            stream.reconfigure(encoding="utf-8")


# --- options -----------------------------------------------------------------------------------

def options(segment: bool = False, patterns: Optional[str] = None, lang: Optional[Lang] = None,
            dicts: Optional[list[str]] = None, max_bytes: str = "0", max_seconds: float = 0):
    """The pipeline's Options from the command line; a file that cannot be read or a bad size
    is a usage error."""
    from .settings import Options
    extra = ()
    if patterns:
        from .patterns import load_patterns
        try:
            extra = load_patterns(patterns)
        except OSError as exc:
            usage_error(f"{patterns}: {exc.strerror or exc}")
        except ValueError as exc:  # its message names the file and the line
            usage_error(str(exc))
    return Options(segment=segment, patterns=extra, lang=lang.value if lang else None,
                   user_dict=user_dict(dicts), max_bytes=parse_size(max_bytes),
                   max_seconds=parse_seconds(max_seconds))


def user_dict(files: Optional[list[str]]) -> tuple:
    """The entries of the --dict files; one that cannot be read is a usage error."""
    if not files:
        return ()
    from .segment import load_dict
    entries: tuple = ()
    for name in files:
        try:
            entries += load_dict(name)
        except (OSError, ValueError) as exc:
            usage_error(f"{name}: {getattr(exc, 'strerror', None) or exc}")
    return entries


def segmenter(dicts: Optional[list[str]], no_mch_dict: bool = False, no_simplify: bool = False):
    from .segment import segmenter
    return segmenter(user_dict(dicts), mch=not no_mch_dict, simplify=not no_simplify)


def parse_size(text: str) -> int | None:
    """--max-bytes: 20M, 512K, 1G (binary multiples), 1000 (bytes); 0 for no limit."""
    import re
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kmg]?)(?:i?b)?\s*", text, re.I)
    if not m:
        usage_error(f"--max-bytes {text}: expected a size such as 20M, 512K or 1000000")
    value = int(float(m.group(1)) * 1024 ** " kmg".index(m.group(2).lower() or " "))
    return value if 0 < value <= sys.maxsize else None  # more than any file can hold: no limit


# HOST:PORT, tcp:// or tls:// (Dask's default protocol is tcp); an IPv6 host in brackets
_SCHEDULER_RE = r"(?:(?:tcp|tls)://)?(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9_.\-]+):(\d{1,5})"


def checked_engine(engine: str, scheduler: Optional[str]) -> None:
    """--engine dask needs Dask installed and, with --scheduler, an address of Dask's form (no
    traceback, no wait for an address that can never answer); --scheduler alone does nothing."""
    import re
    if engine != "dask":
        if scheduler:
            warn("--scheduler is used only with --engine dask; ignored")
        return
    m = re.fullmatch(_SCHEDULER_RE, scheduler) if scheduler is not None else None
    if scheduler is not None and not (m and 0 < int(m[2]) < 65536):
        usage_error(f"--scheduler {scheduler}: expected HOST:PORT, as tcp://10.0.0.5:8786")
    try:
        import dask.distributed  # noqa: F401
    except ImportError:
        usage_error("--engine dask needs Dask: pip install 'mch-cli[dask]'")


def parse_seconds(seconds: float) -> float | None:
    """--max-seconds: 0, inf or more than settings.NO_LIMIT_SECONDS is no limit; nan or a
    negative number is a usage error."""
    from .settings import NO_LIMIT_SECONDS
    if not seconds >= 0:
        usage_error(f"--max-seconds {seconds:g}: expected a number of seconds, 0 for no limit")
    return seconds if 0 < seconds < NO_LIMIT_SECONDS else None


def parse_shard(shard: Optional[str]) -> tuple[int, int] | None:
    if shard is None:
        return None
    try:
        index, count = (int(x) for x in shard.split("/"))
    except ValueError:
        index = count = -1
    if not 0 <= index < count:
        usage_error(f"--shard {shard}: expected I/N with 0 <= I < N, e.g. 0/4")
    return index, count


# --- inputs and failures -----------------------------------------------------------------------

def paths_or_stdin(paths: Optional[list[str]]) -> list[str]:
    if paths:
        return paths
    if sys.stdin is None or sys.stdin.isatty():
        usage_error(f"no input: give PATH... or pipe a page into stdin (see '{Group.running} --help')")
    return ["-"]


def documents(paths: list[str], glob: str, text_field: Optional[str], opts, whole: bool = False):
    """Every command's way in (read.iter_documents): Documents and Failures, in order."""
    from .read import iter_documents
    return iter_documents(paths, glob, text_field=text_field, max_bytes=opts.max_bytes, whole=whole)


def articles(paths: Optional[list[str]], glob: str, text_field: Optional[str], opts) -> Iterator:
    """Each page's cleaned Article, or its Failure, in input order (pipeline.clean_many)."""
    from .pipeline import clean_many
    return clean_many(documents(paths_or_stdin(paths), glob, text_field, opts), opts)


def each_text(report: "Report", paths: Optional[list[str]], glob: str, text_field: Optional[str], opts,
              work) -> Iterator[tuple[str, object]]:
    """(path, work(text)) for the decoded text of each page, `work` given up after the
    options' max_seconds; failures go to `report`."""
    from .read import decode_many
    docs = documents(paths_or_stdin(paths), glob, text_field, opts)
    for path, text in report.passed(decode_many(docs, opts.max_bytes)):
        done = None
        with report.time_limit(path, opts.max_seconds):
            done = work(text)  # done before it is written: the timer never stops a write
        if done is not None:
            yield path, done


def one_document(path: str, text_field: Optional[str], opts, html: Optional[str] = None):
    """`mch show`'s one page: a directory is a usage error; of a file of records, the first.
    An --html FILE that is the page (or cannot be written) is a usage error before any work."""
    if os.path.isdir(path):
        usage_error(f"{path}: a directory; mch show shows one page (mch clean {path} for them all)")
    checked_output(html, [path], "*.txt")
    docs = documents([path], "*.txt", text_field, opts)
    doc = next(docs, None)
    if doc is None:
        say(f"{path}: no page in it")
        raise typer.Exit(Exit.SOME_FAILED)
    if next(docs, None) is not None:  # a JSON Lines or WARC file
        say(f"{path}: holds several pages; showing the first (mch clean {path} for them all)")
    return doc


def in_batch(inputs: list[str]) -> bool:
    """More than one page: several inputs, a directory, stdin excepted, or a file of records."""
    from .read import container_kind
    return len(inputs) > 1 or any(p != "-" and (not os.path.isfile(p) or container_kind(p)[0] != "page")
                                  for p in inputs)


class Report:
    """The failures of a run: one line each on stderr (`mch: PATH: reason`), counted for the
    exit code. The rest of the run goes on."""

    def __init__(self) -> None:
        self.failed = 0

    def fail(self, path: str, reason: object) -> None:
        self.failed += 1
        say(f"{path}: {reason}")

    def passed(self, items: Iterable) -> Iterator:
        """The items that are no Failure; each Failure reported."""
        for item in items:
            if isinstance(item, Failure):
                self.fail(item.path, item.error)
            else:
                yield item

    @contextlib.contextmanager
    def time_limit(self, path: str, seconds: float | None) -> Iterator[None]:
        """The block given up after `seconds` (--max-seconds) as one failure of `path`."""
        from .decode import LimitError
        from .decode import time_limit
        try:
            with time_limit(seconds):
                yield
        except LimitError as exc:
            self.fail(path, exc)

    def exit(self):
        raise typer.Exit(Exit.SOME_FAILED if self.failed else Exit.OK)


def checked_output(output: Optional[str], inputs: list[str], glob: str) -> None:
    """A file to write (-o, --html) that is a directory, in no directory, read-only, or one of
    the inputs (write.output_problem) is a usage error: an input is never written over."""
    if not output:
        return
    from .write import output_problem
    try:
        stdin_fd = sys.stdin.fileno() if sys.stdin is not None else None
    except (AttributeError, OSError, ValueError):
        stdin_fd = None
    problem = output_problem(output, inputs, glob, stdin_fd)
    if problem:
        usage_error(f"{output}: {problem}")


def shard_marker(output: Optional[str], shard: tuple[int, int] | None):
    """A job-array task (--shard … -o FILE) leaves FILE.done; a rerun of it skips the work."""
    if not (shard and output and (os.path.isfile(output) or not os.path.exists(output))):
        return None
    from .write import completion_marker
    marker = completion_marker(output, sys.argv[1:])
    if marker.done():
        say(f"{output}: already complete ({marker.path} is there), skipped")
        raise typer.Exit(Exit.OK)
    return marker


def write_lines(lines: Iterable[str]) -> None:
    """Data on stdout, one line each (flushed at the end)."""
    write_all(line + "\n" for line in lines)


def json_line(obj) -> str:
    """A record as one line of JSON Lines (no newline), UTF-8 as it is."""
    import json
    return json.dumps(obj, ensure_ascii=False)


def write_all(pieces: Iterable[str]) -> None:
    """Data on stdout, piece by piece as it comes (flushed at the end)."""
    write = sys.stdout.write
    for piece in pieces:
        write(piece)
    sys.stdout.flush()


def output_stream(output: Optional[str]):
    """-o FILE, written whole or not at all (write.atomic_output), or stdout."""
    from .write import atomic_output
    return atomic_output(output) if output else contextlib.nullcontext(sys.stdout)


# --- signals and pipes -------------------------------------------------------------------------

@contextlib.contextmanager
def running() -> Iterator[Report]:
    """A command's run: data in UTF-8, the shell's behaviour (below), and at the end the exit
    code of the failures reported."""
    utf8_stdout()
    report = Report()
    with shell_behaviour():
        yield report
    report.exit()


@contextlib.contextmanager
def shell_behaviour():
    """A closed pipe ends quietly with 0; Ctrl-C ends with 130, SIGTERM with 143 (both after
    `with` blocks have cleaned up: no half-written -o file); an output that cannot be written
    (a full disk) is one line on stderr and 1. Never a traceback."""
    try:
        with _sigterm_raises():
            yield
    except BrokenPipeError:
        _quiet_stdout()
        raise typer.Exit(Exit.OK)
    except KeyboardInterrupt:
        say("interrupted")
        raise typer.Exit(Exit.INTERRUPTED)
    except _Terminated:
        say("terminated")
        raise typer.Exit(Exit.TERMINATED)
    except OSError as exc:  # writing the output failed
        say(f"{exc.filename or 'output'}: {exc.strerror or exc}")
        _quiet_stdout()
        raise typer.Exit(Exit.SOME_FAILED)


def _quiet_stdout() -> None:
    """Python would complain again when flushing stdout at exit."""
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


class _Terminated(BaseException):
    """SIGTERM, raised like KeyboardInterrupt so that `with` blocks clean up."""


_forks_reset_sigterm = False


def _default_sigterm() -> None:
    """In a forked child: SIGTERM's default action instead of _sigterm_raises' handler."""
    import signal
    if getattr(signal.getsignal(signal.SIGTERM), "mch_handler", False):
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


@contextlib.contextmanager
def _sigterm_raises():
    """SIGTERM raises _Terminated in this process. A process forked meanwhile (a --jobs worker)
    gets SIGTERM's default back at once: a worker stuck on a lock it inherited from the fork,
    where no Python handler can run, must still die when its pool terminates it."""
    import signal
    import threading

    global _forks_reset_sigterm
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    owner = os.getpid()

    def terminated(signum, frame):
        if os.getpid() != owner:  # a child forked without os.fork's hooks
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            os.kill(os.getpid(), signal.SIGTERM)
            return
        raise _Terminated()

    terminated.mch_handler = True
    if not _forks_reset_sigterm and hasattr(os, "register_at_fork"):
        os.register_at_fork(after_in_child=_default_sigterm)
        _forks_reset_sigterm = True
    previous = signal.signal(signal.SIGTERM, terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL if previous is None else previous)


# --- views for people --------------------------------------------------------------------------

def present(rich_view, plain_view, title: str, html: Optional[str] = None, no_color: bool = False,
            pager: bool = False) -> None:
    """A view for a person: Rich on a terminal (colour rules: render.color_wanted), plain text
    with no escape codes and no wrapping anywhere else; `--pager` on a terminal; `--html FILE`
    also writes what Rich renders, whole or not at all. The views are given as callables."""
    from . import render

    if render.color_wanted(sys.stdout, no_color):
        console = render.terminal_console()
        if pager:
            with console.capture() as captured:
                console.print(rich_view())
            render.run_pager(captured.get())
        else:
            console.print(rich_view())
    else:
        text = plain_view()
        if pager and sys.stdout.isatty():
            render.run_pager(text)
        else:
            sys.stdout.write(text)
            sys.stdout.flush()
    write_html(html, rich_view, title)


def write_html(html: Optional[str], rich_view, title: str) -> None:
    """--html FILE: what Rich renders as a self-contained page, written whole or not at all."""
    if not html:
        return
    from .render import html_page
    from .write import atomic_output
    try:
        with atomic_output(html) as f:
            f.write(html_page(rich_view(), title))
    except OSError as exc:
        say(f"{html}: {exc.strerror or exc}")
        raise typer.Exit(Exit.SOME_FAILED)
