"""The `mch` command: parse options, call the library, hand results to a writer. Nothing else."""
from __future__ import annotations

import contextlib
import enum
import os
import sys
from typing import Annotated, Optional

import typer

from .article import Failure

app = typer.Typer(
    name="mch",
    help="Clean, structured articles from raw text dumps of news pages (Chinese and English).",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Exit(enum.IntEnum):
    """Exit codes (SCHEMA.md)."""
    OK = 0
    SOME_FAILED = 1
    USAGE = 2
    INTERRUPTED = 130


class Format(str, enum.Enum):
    text = "text"
    jsonl = "jsonl"
    json = "json"


def _say(message: str) -> None:
    """One line for a person, on stderr."""
    sys.stderr.write(f"mch: {message}\n")
    sys.stderr.flush()


def _utf8_stdout() -> None:
    """Data is UTF-8 whatever the locale says."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure") and (stream.encoding or "").lower() not in ("utf-8", "utf8"):
            stream.reconfigure(encoding="utf-8")


def _options(segment: bool, patterns: Optional[str]):
    from .settings import Options
    extra = ()
    if patterns:
        from .patterns import load_patterns
        try:
            extra = load_patterns(patterns)
        except (OSError, ValueError) as exc:
            _say(f"{patterns}: {getattr(exc, 'strerror', None) or exc}")
            raise typer.Exit(Exit.USAGE)
    return Options(segment=segment, patterns=extra)


def _paths_or_stdin(paths: Optional[list[str]]) -> list[str]:
    if paths:
        return paths
    if sys.stdin is None or sys.stdin.isatty():
        _say("no input: give PATH... or pipe a page into stdin (see 'mch clean --help')")
        raise typer.Exit(Exit.USAGE)
    return ["-"]


@contextlib.contextmanager
def _shell_behaviour():
    """A closed pipe ends quietly with 0; Ctrl-C ends with 130."""
    try:
        yield
    except BrokenPipeError:
        # Python would complain again when flushing stdout at exit.
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(Exit.OK)
    except KeyboardInterrupt:
        _say("interrupted")
        raise typer.Exit(Exit.INTERRUPTED)


PathsArg = Annotated[Optional[list[str]], typer.Argument(
    help="Files or directories (recursive); '-' or nothing for stdin.", show_default=False)]
SegmentOpt = Annotated[bool, typer.Option("--segment", help="Add jieba tokens to each paragraph.")]
PatternsOpt = Annotated[Optional[str], typer.Option(
    "--patterns", metavar="FILE", help="Your own boilerplate/caption patterns (format: mch_cli/data/patterns.tsv).")]


@app.command()
def clean(
    paths: PathsArg = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
    explain: Annotated[bool, typer.Option("--explain", help="List every removed line with its label and reason (json/jsonl).")] = False,
    output: Annotated[Optional[str], typer.Option("--output", "-o", metavar="FILE", help="Write here (all or nothing) instead of stdout.")] = None,
    glob: Annotated[str, typer.Option("--glob", help="Files to take inside directories.")] = "*.txt",
    segment: SegmentOpt = False,
    patterns: PatternsOpt = None,
    corpus: Annotated[bool, typer.Option("--corpus", help="First count the lines of all inputs; lines on many pages are boilerplate.")] = False,
    corpus_min_pages: Annotated[Optional[int], typer.Option("--corpus-min-pages", min=2, metavar="N", help="With --corpus: a line on N pages is boilerplate (default: 3, or 1% of the pages when more).")] = None,
) -> None:
    """Clean pages into articles: title, date, author, source, language, paragraphs.

    \b
    Examples:
      mch clean seeds/
      mch clean seeds/ --format jsonl | jq -r .title
      mch clean page.txt --format jsonl --explain | jq '.removed[] | [.line, .label, .reason]'
      cat page.txt | mch clean - -o article.txt
      mch clean site-dump/ --corpus -f jsonl     # lines on many pages of the site are chrome
    """
    import dataclasses

    from .pipeline import clean_many
    from .read import iter_documents
    from .write import Writer, atomic_output

    _utf8_stdout()
    options = _options(segment, patterns)
    inputs = _paths_or_stdin(paths)
    failed = 0
    with _shell_behaviour():
        if corpus:
            if "-" in inputs:
                _say("--corpus reads its inputs twice: give files or directories, not stdin")
                raise typer.Exit(Exit.USAGE)
            from .corpus import count_lines, recurring_lines
            options = dataclasses.replace(options, recurring=recurring_lines(
                *count_lines(iter_documents(inputs, glob)), corpus_min_pages))
        sink = atomic_output(output) if output else contextlib.nullcontext(sys.stdout)
        with sink as stream:
            writer = Writer(stream, fmt.value, explain)
            for item in clean_many(iter_documents(inputs, glob), options):
                if isinstance(item, Failure):
                    failed += 1
                    _say(f"{item.path}: {item.error}")
                writer.write(item)
            writer.close()
    raise typer.Exit(Exit.SOME_FAILED if failed else Exit.OK)


@app.command()
def show(
    path: Annotated[str, typer.Argument(help="One page; '-' for stdin.", show_default=False)],
    segment: SegmentOpt = False,
    patterns: PatternsOpt = None,
) -> None:
    """Show one cleaned article to a person: title, metadata, paragraphs.

    In a terminal the view is coloured (NO_COLOR turns colour off); in a pipe it is plain text.

    \b
    Examples:
      mch show seeds/001_519edece9128d60e.txt
      mch show page.txt | less
    """
    from .pipeline import clean_many
    from .read import iter_documents

    _utf8_stdout()
    options = _options(segment, patterns)
    with _shell_behaviour():
        item = next(clean_many(iter_documents([path], "*.txt"), options))
        if isinstance(item, Failure):
            _say(f"{item.path}: {item.error}")
            raise typer.Exit(Exit.SOME_FAILED)
        if sys.stdout.isatty():
            from rich.console import Console

            from .render import rich_view
            Console().print(rich_view(item))
        else:
            from .render import plain_view
            sys.stdout.write(plain_view(item))
            sys.stdout.flush()


# --- language commands (issue 5) -------------------------------------------------------------


# --- segmentation, terms and keywords commands (issue 6) ----------------------------------------


def main() -> None:
    app()
