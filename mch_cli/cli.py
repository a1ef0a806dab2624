"""The `mch` command: parse options, call the library, hand results to a writer. Nothing else."""
from __future__ import annotations

import contextlib
import enum
import os
import sys
from typing import Annotated, Optional

import typer

from .article import Failure
from .settings import MAX_DOCUMENT_BYTES, MAX_DOCUMENT_SECONDS
from .render import SEGMENT_SEP, progress

app = typer.Typer(
    name="mch",
    help="Clean, structured articles from raw text dumps of news pages (Chinese and English).",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _print_version(value: bool) -> None:
    if value:
        from . import __version__
        sys.stdout.write(f"mch {__version__}\n")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", callback=_print_version, is_eager=True, help="Print the version and exit.")] = False,
) -> None:
    """Clean, structured articles from raw text dumps of news pages (Chinese and English)."""


class Exit(enum.IntEnum):
    """Exit codes (SCHEMA.md)."""
    OK = 0
    SOME_FAILED = 1
    USAGE = 2
    INTERRUPTED = 130
    TERMINATED = 143  # SIGTERM (128 + 15): stopped as by Ctrl-C, outputs cleaned up


class Engine(str, enum.Enum):
    local = "local"
    dask = "dask"


class Format(str, enum.Enum):
    text = "text"
    jsonl = "jsonl"
    json = "json"


class Lang(str, enum.Enum):
    zh = "zh"
    en = "en"


def _say(message: str) -> None:
    """One line for a person, on stderr."""
    sys.stderr.write(f"mch: {message}\n")
    sys.stderr.flush()


def _utf8_stdout() -> None:
    """Data is UTF-8 whatever the locale says."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure") and (stream.encoding or "").lower() not in ("utf-8", "utf8"):
            stream.reconfigure(encoding="utf-8")


def _options(segment: bool, patterns: Optional[str], lang: Optional[Lang] = None,
             dicts: Optional[list[str]] = None):
    from .settings import Options
    extra = ()
    if patterns:
        from .patterns import load_patterns
        try:
            extra = load_patterns(patterns)
        except (OSError, ValueError) as exc:
            _say(f"{patterns}: {getattr(exc, 'strerror', None) or exc}")
            raise typer.Exit(Exit.USAGE)
    return Options(segment=segment, patterns=extra, lang=lang.value if lang else None,
                   user_dict=_user_dict(dicts))


def _paths_or_stdin(paths: Optional[list[str]]) -> list[str]:
    if paths:
        return paths
    if sys.stdin is None or sys.stdin.isatty():
        _say("no input: give PATH... or pipe a page into stdin (see 'mch clean --help')")
        raise typer.Exit(Exit.USAGE)
    return ["-"]


@contextlib.contextmanager
def _shell_behaviour():
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
        _say("interrupted")
        raise typer.Exit(Exit.INTERRUPTED)
    except _Terminated:
        _say("terminated")
        raise typer.Exit(Exit.TERMINATED)
    except OSError as exc:  # writing the output failed
        _say(f"{exc.filename or 'output'}: {exc.strerror or exc}")
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


def _size(text: str) -> int | None:
    """--max-bytes: 20M, 512K, 1G (binary multiples), 1000 (bytes); 0 for no limit."""
    import re
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kmg]?)(?:i?b)?\s*", text, re.I)
    if not m:
        _say(f"--max-bytes {text}: expected a size such as 20M, 512K or 1000000")
        raise typer.Exit(Exit.USAGE)
    value = int(float(m.group(1)) * 1024 ** " kmg".index(m.group(2).lower() or " "))
    return value or None


def _limits_and_output(options, inputs: list[str], output: Optional[str], glob: str,
                       max_bytes: str, max_seconds: float):
    """The per-document limits into the options; an -o FILE that is a directory, in no
    directory, or one of the inputs is a usage error (an input is never written over)."""
    import dataclasses

    if output:
        from .write import output_problem
        try:
            stdin_fd = sys.stdin.fileno() if sys.stdin is not None else None
        except (AttributeError, OSError, ValueError):
            stdin_fd = None
        problem = output_problem(output, inputs, glob, stdin_fd)
        if problem:
            _say(f"{output}: {problem}")
            raise typer.Exit(Exit.USAGE)
    return dataclasses.replace(options, max_bytes=_size(max_bytes), max_seconds=max_seconds or None)


PathsArg = Annotated[Optional[list[str]], typer.Argument(
    help="Files or directories (recursive); '-' or nothing for stdin.", show_default=False)]
SegmentOpt = Annotated[bool, typer.Option("--segment", help="Add jieba tokens to each paragraph.")]
PatternsOpt = Annotated[Optional[str], typer.Option(
    "--patterns", metavar="FILE", help="Your own boilerplate/caption patterns (format: mch_cli/data/patterns.tsv).")]
DictOpt = Annotated[Optional[list[str]], typer.Option(
    "--dict", metavar="FILE", help="Your own words for segmentation, jieba's user-dictionary format: WORD [FREQ] [TAG] per line (repeatable).")]
LangOpt = Annotated[Optional[Lang], typer.Option(
    "--lang", help="Keep only the paragraphs and spans in this language (title and metadata stay).")]


@app.command()
def clean(
    paths: PathsArg = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
    explain: Annotated[bool, typer.Option("--explain", help="List every removed line with its label and reason (json/jsonl).")] = False,
    output: Annotated[Optional[str], typer.Option("--output", "-o", metavar="FILE", help="Write here (all or nothing) instead of stdout.")] = None,
    glob: Annotated[str, typer.Option("--glob", help="Files to take inside directories (*.html, *.jsonl, *.warc.wet.gz, …).")] = "*.txt",
    text_field: Annotated[str, typer.Option("--text-field", metavar="NAME", help="JSON Lines input: the field holding the page (else `html`).")] = "text",
    segment: SegmentOpt = False,
    dicts: DictOpt = None,
    patterns: PatternsOpt = None,
    lang: LangOpt = None,
    corpus: Annotated[bool, typer.Option("--corpus", help="First count the lines of all inputs; lines on many pages are boilerplate.")] = False,
    corpus_min_pages: Annotated[Optional[int], typer.Option("--corpus-min-pages", min=2, metavar="N", help="With --corpus: a line on N pages is boilerplate (default: 3, or 1% of the pages when more).")] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=0, metavar="N", help="Worker processes (0: all cores for a batch, 1 for one page).")] = 0,
    engine: Annotated[Engine, typer.Option("--engine", help="local: a process pool; dask: Dask workers (pip install 'mch-cli[dask]').")] = Engine.local,
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", metavar="ADDRESS", help="With --engine dask: an existing scheduler (default: a local cluster).")] = None,
    shard: Annotated[Optional[str], typer.Option("--shard", metavar="I/N", help="Only inputs I, I+N, I+2N, … (0-based), for job arrays; with -o, a finished shard is skipped.")] = None,
    max_bytes: Annotated[str, typer.Option("--max-bytes", metavar="SIZE", help="Refuse a larger page (file, record or stdin): one error, the rest goes on. 20M, 512K, …; 0: no limit.")] = f"{MAX_DOCUMENT_BYTES // 2**20}M",
    max_seconds: Annotated[float, typer.Option("--max-seconds", min=0, metavar="S", help="Give up a page that takes longer to clean: one error, the rest goes on. 0: no limit.")] = MAX_DOCUMENT_SECONDS,
) -> None:
    """Clean pages into articles: title, date, author, source, language, paragraphs.

    \b
    Examples:
      mch clean seeds/
      mch clean seeds/ --format jsonl | jq -r .title
      mch clean page.txt --format jsonl --explain | jq '.removed[] | [.line, .label, .reason]'
      cat page.txt | mch clean - -o article.txt
      mch clean site-dump/ --corpus -f jsonl     # lines on many pages of the site are chrome
      mch clean bilingual.txt --lang en          # only the English of a Chinese-English page
      mch clean pages/ --glob '*.html' -f jsonl   # HTML pages: the markup helps
      mch clean crawl.jsonl --text-field body     # one record per line: {"id", "url", "body"}
      mch clean CC-MAIN-…warc.wet.gz -f jsonl     # Common Crawl WET/WARC records, gzip or zstd
      mch clean corpus/ -j 2 -f jsonl -o corpus.jsonl
      mch clean corpus/ --shard $TASK/16 -f jsonl -o part-$TASK.jsonl   # a job array; reruns skip done shards
      mch clean corpus/ --engine dask --scheduler tcp://10.0.0.5:8786 -f jsonl
    """
    import dataclasses
    import functools

    from .parallel import clean_dask, clean_pool, default_jobs, take_shard
    from .read import iter_documents
    from .write import Writer, atomic_output, completion_marker, render

    _utf8_stdout()
    options = _options(segment, patterns, lang, dicts)
    inputs = _paths_or_stdin(paths)
    options = _limits_and_output(options, inputs, output, glob, max_bytes, max_seconds)
    shard_of = _parse_shard(shard)
    batch = len(inputs) > 1 or any(p != "-" and not os.path.isfile(p) or _is_container(p) for p in inputs)
    workers = jobs or default_jobs(batch)
    # a job-array task (--shard … -o FILE) leaves FILE.done; a rerun of it skips the work
    regular_output = output and (os.path.isfile(output) or not os.path.exists(output))
    marker = completion_marker(output, sys.argv[1:]) if shard_of and regular_output else None
    if marker and marker.done():
        _say(f"{output}: already complete ({marker.path} is there), skipped")
        raise typer.Exit(Exit.OK)
    failed = 0
    with _shell_behaviour():
        if corpus:
            if "-" in inputs:
                _say("--corpus reads its inputs twice: give files or directories, not stdin")
                raise typer.Exit(Exit.USAGE)
            from .corpus import count_lines, recurring_lines
            from .pipeline import lines_of_pages
            options = dataclasses.replace(options, recurring=recurring_lines(*count_lines(lines_of_pages(
                iter_documents(inputs, glob, text_field=text_field, max_bytes=options.max_bytes))), corpus_min_pages))
        sink = atomic_output(output) if output else contextlib.nullcontext(sys.stdout)
        with sink as stream:
            writer = Writer(stream, fmt.value, explain)
            docs = take_shard(iter_documents(inputs, glob, text_field=text_field, max_bytes=options.max_bytes), shard_of)
            finish = functools.partial(render, fmt.value, explain)  # formatted where it is cleaned
            results = (clean_dask(docs, options, workers, scheduler, finish) if engine is Engine.dask
                       else clean_pool(docs, options, workers, finish))
            for item in progress(results, label="cleaning", streams_to=stream):
                if item.failure:
                    failed += 1
                    _say(f"{item.failure.path}: {item.failure.error}")
                writer.write(item)
            writer.close()
        if marker:
            marker.write(failed)
    raise typer.Exit(Exit.SOME_FAILED if failed else Exit.OK)


def _parse_shard(shard: Optional[str]) -> tuple[int, int] | None:
    if shard is None:
        return None
    try:
        index, count = (int(x) for x in shard.split("/"))
    except ValueError:
        index = count = -1
    if not 0 <= index < count:
        _say(f"--shard {shard}: expected I/N with 0 <= I < N, e.g. 0/4")
        raise typer.Exit(Exit.USAGE)
    return index, count


def _is_container(path: str) -> bool:
    """A file holding many pages (JSON Lines, WARC/WET)."""
    from .read import container_kind
    return container_kind(path)[0] != "page"


HtmlOpt = Annotated[Optional[str], typer.Option(
    "--html", metavar="FILE", help="Also write the view as a self-contained HTML page (for a report or an e-mail).")]
NoColorOpt = Annotated[bool, typer.Option(
    "--no-color", help="Plain text even on a terminal (as NO_COLOR=1 does).")]


def _present(rich_view, plain_view, title: str, html: Optional[str] = None, no_color: bool = False,
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
    _write_html(html, rich_view, title)


def _write_html(html: Optional[str], rich_view, title: str) -> None:
    """--html FILE: what Rich renders as a self-contained page, written whole or not at all."""
    if not html:
        return
    from .render import html_page
    from .write import atomic_output
    try:
        with atomic_output(html) as f:
            f.write(html_page(rich_view(), title))
    except OSError as exc:
        _say(f"{html}: {exc.strerror or exc}")
        raise typer.Exit(Exit.SOME_FAILED)


@app.command()
def show(
    path: Annotated[str, typer.Argument(help="One page; '-' for stdin.", show_default=False)],
    explain: Annotated[bool, typer.Option("--explain", help="The whole page line by line: kept lines as they are, removed ones dimmed with their label and reason.")] = False,
    segment: Annotated[bool, typer.Option("--segment", help=f"Make token boundaries visible (alternating colours; '{SEGMENT_SEP}' in plain text).")] = False,
    patterns: PatternsOpt = None,
    lang: LangOpt = None,
    dicts: DictOpt = None,
    pager: Annotated[bool, typer.Option("--pager", help="Long output through $PAGER (default: less -FRX), on a terminal.")] = False,
    html: HtmlOpt = None,
    no_color: NoColorOpt = False,
) -> None:
    """Show one cleaned article to a person: title, metadata, paragraphs, or --explain every line.

    A title panel, a metadata table (date, author, editor, source, language shares, encoding)
    and the paragraphs, sub-headings styled and each paragraph marked with its language when the
    page mixes languages. On a terminal the view is coloured; in a pipe, under NO_COLOR or with
    --no-color it is plain text (no escape codes, no wrapping). Page text is never read as markup.

    \b
    Examples:
      mch show seeds/001_519edece9128d60e.txt
      mch show seeds/001_519edece9128d60e.txt --explain       # why each line went
      mch show page.txt --explain | grep boilerplate           # plain: NUMBER  LABEL  text  [reason]
      mch show seeds/004_3fa1216b693b88b9.txt --lang zh --segment
      mch show page.txt --explain --pager
      mch show page.txt --html article.html                    # the same view as a web page
      mch show page.txt | less
    """
    from . import render
    from .pipeline import clean_many, read_lines
    from .read import iter_documents

    _utf8_stdout()
    options = _options(segment, patterns, lang, dicts)
    if os.path.isdir(path):
        _say(f"{path}: a directory; mch show shows one page (mch clean {path} for them all)")
        raise typer.Exit(Exit.USAGE)
    with _shell_behaviour():
        docs = iter(iter_documents([path], "*.txt"))
        doc = next(docs, None)
        if doc is None:
            _say(f"{path}: no page in it")
            raise typer.Exit(Exit.SOME_FAILED)
        if next(docs, None) is not None:  # a JSON Lines or WARC file
            _say(f"{path}: holds several pages; showing the first (mch clean {path} for them all)")
        item = next(clean_many([doc], options))
        if isinstance(item, Failure):
            _say(f"{item.path}: {item.error}")
            raise typer.Exit(Exit.SOME_FAILED)
        page = render.page_lines(item, read_lines(doc)[0]) if explain else None
        _present(lambda: render.rich_view(item, page), lambda: render.plain_view(item, page),
                 item.title or item.path, html, no_color, pager)


# --- language commands (issue 5) -------------------------------------------------------------

class LineFormat(str, enum.Enum):
    tsv = "tsv"
    jsonl = "jsonl"


def _texts(paths: Optional[list[str]], glob: str):
    """(path, decoded text) per input; a bad input is reported on stderr and counted."""
    from .pipeline import decode_many
    from .read import iter_documents

    failed = 0
    for item in decode_many(iter_documents(_paths_or_stdin(paths), glob)):
        if isinstance(item, Failure):
            failed += 1
            _say(f"{item.path}: {item.error}")
        else:
            yield item
    if failed:
        raise typer.Exit(Exit.SOME_FAILED)


@app.command()
def detect(
    path: Annotated[Optional[str], typer.Argument(help="A page; '-' or nothing for stdin.", show_default=False)] = None,
    fmt: Annotated[LineFormat, typer.Option("--format", "-f", help="tsv: LANG<TAB>line; jsonl: {line, lang, langs, text}.")] = LineFormat.tsv,
) -> None:
    """The language of every line: one output line per input line, LANG<TAB>line.

    LANG is zh, en, mixed (Chinese with English words), another ISO 639-1 code, or und (no
    letters; an empty line is und). --format jsonl adds each language's share of the tokens.

    \b
    Examples:
      mch detect page.txt | cut -f1 | sort | uniq -c
      mch detect page.txt | grep '^mixed' | cut -f2-
      mch detect page.txt -f jsonl | jq -c 'select(.lang == "mixed") | .langs'
      cat page.txt | mch detect
    """
    import json

    from .lang import detect_lines

    _utf8_stdout()
    write = sys.stdout.write
    with _shell_behaviour():
        for _, text in _texts([path] if path else None, "*.txt"):
            for number, (code, langs, line) in enumerate(detect_lines(text), 1):
                if fmt is LineFormat.tsv:
                    write(f"{code}\t{line}\n")
                else:
                    write(json.dumps({"line": number, "lang": code, "langs": langs, "text": line},
                                     ensure_ascii=False) + "\n")
        sys.stdout.flush()


@app.command()
def align(
    paths: PathsArg = None,
    fmt: Annotated[LineFormat, typer.Option("--format", "-f", help="tsv: zh<TAB>en; jsonl: {path, zh, en, lines}.")] = LineFormat.tsv,
    glob: Annotated[str, typer.Option("--glob", help="Files to take inside directories.")] = "*.txt",
) -> None:
    """Chinese-English translation pairs from bilingual pages: a parallel-corpus extractor.

    Pages whose lines or paragraphs interleave translations (a Chinese sentence followed by its
    English, in one line or on the next): neighbours are paired only when lengths, numbers and
    Latin names fit a translation.

    \b
    Examples:
      mch align seeds/004_3fa1216b693b88b9.txt
      mch align pages/ -f jsonl > pairs.jsonl
      mch align pages/ | cut -f2 | wc -w
    """
    import json

    from .align import pairs

    _utf8_stdout()
    write = sys.stdout.write
    with _shell_behaviour():
        for path, text in _texts(paths, glob):
            for pair in pairs(text):
                if fmt is LineFormat.tsv:
                    write(f"{pair.zh}\t{pair.en}\n")
                else:
                    write(json.dumps(pair.to_dict(path), ensure_ascii=False) + "\n")
            sys.stdout.flush()


# --- segmentation, terms and keywords commands (issue 6) ----------------------------------------


class SegMode(str, enum.Enum):
    default = "default"
    search = "search"
    full = "full"


class TableFormat(str, enum.Enum):
    text = "text"
    jsonl = "jsonl"


def _user_dict(files: Optional[list[str]]) -> tuple:
    """The entries of the --dict files; one that cannot be read is a usage error."""
    if not files:
        return ()
    from .segment import load_dict
    entries: tuple = ()
    for name in files:
        try:
            entries += load_dict(name)
        except (OSError, ValueError) as exc:
            _say(f"{name}: {getattr(exc, 'strerror', None) or exc}")
            raise typer.Exit(Exit.USAGE)
    return entries


def _segmenter(dicts: Optional[list[str]], no_mch_dict: bool = False, no_simplify: bool = False):
    from .segment import segmenter
    return segmenter(_user_dict(dicts), mch=not no_mch_dict, simplify=not no_simplify)


def _raw_inputs(paths: list[str]):
    """(path, decoded text) per input file or stdin, whole; a bad one is reported and skipped.
    Yields None for each failure so the caller can count it."""
    from .decode import DecodeError, decode
    for path in paths:
        try:
            if path == "-":
                data = sys.stdin.buffer.read()
            else:
                with open(path, "rb") as f:
                    data = f.read()
            yield path, decode(data)[0]
        except OSError as exc:
            _say(f"{path}: {exc.strerror or exc}")
            yield None
        except DecodeError as exc:
            _say(f"{path}: {exc}")
            yield None


NoMchDictOpt = Annotated[bool, typer.Option(
    "--no-mch-dict", help="jieba's dictionary alone, without the MCH dictionary (bare jieba's tokens).")]
NoSimplifyOpt = Annotated[bool, typer.Option(
    "--no-simplify", help="Cut Traditional Chinese as it is, without converting it to Simplified first.")]
TableFormatOpt = Annotated[TableFormat, typer.Option("--format", "-f", help="text: a table for people; jsonl: one JSON object per line.")]
GlobOpt = Annotated[str, typer.Option("--glob", help="Files to take inside directories.")]


@app.command()
def segment(
    paths: Annotated[Optional[list[str]], typer.Argument(
        help="Text files (JSON Lines with -f jsonl); '-' or nothing for stdin.", show_default=False)] = None,
    mode: Annotated[SegMode, typer.Option("--mode", "-m", help="default: jieba's accurate mode; search: also the dictionary words inside long tokens; full: every dictionary word found.")] = SegMode.default,
    sep: Annotated[str, typer.Option("--sep", help="What goes between tokens (text format).")] = " ",
    pos: Annotated[bool, typer.Option("--pos", help="word/flag: jieba's part-of-speech flags (jieba.posseg; slower).")] = False,
    no_hmm: Annotated[bool, typer.Option("--no-hmm", help="No HMM: words missing from the dictionary are not guessed.")] = False,
    fmt: Annotated[TableFormat, typer.Option("--format", "-f", help="text: each input line becomes its tokens; jsonl: JSON Lines records (mch clean -f jsonl) get `tokens` next to each `text`.")] = TableFormat.text,
    dicts: DictOpt = None,
    no_mch_dict: NoMchDictOpt = False,
    no_simplify: NoSimplifyOpt = False,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help="Worker processes (default: all cores for large inputs, else 1).")] = None,
) -> None:
    """Chinese word segmentation, a filter: each input line becomes its tokens, space-separated.

    jieba's tokens (its dictionary plus the MCH dictionary, so 妇幼保健院 or 高危儿 stay whole),
    computed by jieba-rs where that gives jieba's output; Latin words and numbers pass through
    whole, whitespace goes. Traditional Chinese is cut as Simplified and keeps its characters.

    \b
    Examples:
      mch segment page.txt
      mch clean seeds/ | mch segment --sep ' | '
      mch segment notes.txt --pos --dict mywords.txt
      mch clean seeds/ -f jsonl | mch segment -f jsonl | jq -c .tokens
      mch segment corpus.txt --mode search -j 2 > corpus.tok
    """
    from .segment import LineJob, line_batches, map_batches, worker_count
    from .settings import SEGMENT_BATCH_LINES

    _utf8_stdout()
    seg = _segmenter(dicts, no_mch_dict, no_simplify).load(mode.value, pos)
    job = LineJob(seg, mode.value, not no_hmm, pos, fmt.value, sep)
    write = sys.stdout.write
    failed = 0
    with _shell_behaviour():
        for item in _raw_inputs(_paths_or_stdin(paths)):
            if item is None:
                failed += 1
                continue
            path, text = item
            workers = jobs or worker_count(len(text), seg, mode.value, pos)
            for out, errors in map_batches(job, line_batches(text, SEGMENT_BATCH_LINES), workers):
                write(out)
                for error in errors:
                    _say(f"{path}:{error}")
                failed += len(errors)
        sys.stdout.flush()
    raise typer.Exit(Exit.SOME_FAILED if failed else Exit.OK)


def _articles(paths: Optional[list[str]], glob: str):
    """The cleaned article of each page; a bad input is reported on stderr and yields None."""
    from .pipeline import clean_many
    from .read import iter_documents

    for item in clean_many(iter_documents(_paths_or_stdin(paths), glob)):
        if isinstance(item, Failure):
            _say(f"{item.path}: {item.error}")
            yield None
        else:
            yield item


def _page_text(article) -> str:
    return f"{article.title}\n{article.text}" if article.title else article.text


@app.command()
def terms(
    paths: PathsArg = None,
    fmt: TableFormatOpt = TableFormat.text,
    per_doc: Annotated[bool, typer.Option("--per-doc", help="One list per page instead of one for all inputs.")] = False,
    dicts: DictOpt = None,
    glob: GlobOpt = "*.txt",
) -> None:
    """MCH concepts in pages, in Chinese and English alike, with counts.

    Pages are cleaned first (title and body). Terms come from a bilingual glossary
    (mch_cli/data/glossary.tsv): 孕产妇死亡率 and "maternal mortality ratio" count for the same
    concept. The table gives each concept's count, the pages it is in and the forms found.

    \b
    Examples:
      mch terms seeds/
      mch terms page.txt --per-doc -f jsonl | jq -c '.concepts[] | [.concept, .count]'
      mch terms dumps/ -f jsonl | jq -r 'select(.docs > 1) | .concept'
    """
    import json

    from .terms import concept_table, count_concepts, default_glossary, merge_counts, ranked

    _utf8_stdout()
    seg = _segmenter(dicts)
    gl = default_glossary()
    write = sys.stdout.write
    total: dict = {}
    failed = 0
    with _shell_behaviour():
        for article in _articles(paths, glob):
            if article is None:
                failed += 1
                continue
            counts = count_concepts(gl.find(_page_text(article), seg), gl)
            if per_doc:
                found = ranked(counts)
                if fmt is TableFormat.jsonl:
                    write(json.dumps({"path": article.path, "title": article.title,
                                      "concepts": [c.to_dict(with_docs=False) for c in found]},
                                     ensure_ascii=False) + "\n")
                else:
                    write(f"{article.path}\n{concept_table(found, docs=False)}\n")
            merge_counts(total, counts)
        if not per_doc:
            if fmt is TableFormat.jsonl:
                for c in ranked(total):
                    write(json.dumps(c.to_dict(), ensure_ascii=False) + "\n")
            else:
                write(concept_table(ranked(total)))
        sys.stdout.flush()
    raise typer.Exit(Exit.SOME_FAILED if failed else Exit.OK)


@app.command()
def keywords(
    paths: PathsArg = None,
    top: Annotated[Optional[int], typer.Option("--top", "-k", min=1, help="How many keywords per list (default: 20).", show_default=False)] = None,
    corpus: Annotated[bool, typer.Option("--corpus", help="One list for all inputs together instead of one per page.")] = False,
    fmt: TableFormatOpt = TableFormat.text,
    dicts: DictOpt = None,
    glob: GlobOpt = "*.txt",
) -> None:
    """Top keywords (TF-IDF) of each page, or of all pages together, in Chinese and English.

    Pages are cleaned first (title and body). Chinese: jieba.analyse's TF-IDF (its IDF table)
    over the tokens with the MCH dictionary; English: TF-IDF over words and glossary phrases,
    stopwords left out, IDF from the pages given. A bilingual page gets keywords in both.

    \b
    Examples:
      mch keywords seeds/001_519edece9128d60e.txt
      mch keywords seeds/ -k 5 -f jsonl | jq -c '[.path, [.keywords[].word]]'
      mch keywords dumps/ --corpus -k 50
    """
    import json

    from .settings import KEYWORDS_TOP_K
    from .terms import (default_glossary, english_df, keyword_block, keyword_candidates,
                        merge_candidates, top_keywords)

    _utf8_stdout()
    seg = _segmenter(dicts)
    gl = default_glossary()
    top = top or KEYWORDS_TOP_K
    write = sys.stdout.write
    docs = []
    failed = 0
    with _shell_behaviour():
        for article in _articles(paths, glob):
            if article is None:
                failed += 1
                continue
            docs.append((article, keyword_candidates(_page_text(article), seg, gl)))
        df = english_df(d for _, d in docs)
        if corpus:
            found = top_keywords(merge_candidates(d for _, d in docs), df, len(docs), top)
            if fmt is TableFormat.jsonl:
                write(json.dumps({"path": None, "documents": len(docs),
                                  "keywords": [k._asdict() for k in found]}, ensure_ascii=False) + "\n")
            else:
                write(keyword_block(f"{len(docs)} documents", found))
        else:
            for article, d in docs:
                found = top_keywords(d, df, len(docs), top)
                if fmt is TableFormat.jsonl:
                    write(json.dumps({"path": article.path, "title": article.title, "lang": article.lang,
                                      "keywords": [k._asdict() for k in found]}, ensure_ascii=False) + "\n")
                else:
                    write(keyword_block(article.path + (f"  {article.title}" if article.title else ""), found))
        sys.stdout.flush()
    raise typer.Exit(Exit.SOME_FAILED if failed else Exit.OK)


# --- the human view: stats (issue 8) ------------------------------------------------------------


@app.command()
def stats(
    paths: PathsArg = None,
    fmt: Annotated[TableFormat, typer.Option("--format", "-f", help="text: a summary with bar charts for people; jsonl: one JSON object for programs.")] = TableFormat.text,
    top: Annotated[int, typer.Option("--top", "-k", min=0, help="How many MCH terms to list.")] = 10,
    glob: GlobOpt = "*.txt",
    dicts: DictOpt = None,
    html: HtmlOpt = None,
    no_color: NoColorOpt = False,
) -> None:
    """A corpus summary: documents, languages, characters before and after cleaning, why lines
    were removed, date range, top MCH terms.

    Pages are cleaned first. Characters before cleaning are those of the pages' non-empty lines,
    after cleaning those of the article text; shares of lines are of all non-empty lines, reasons
    grouped with their numbers made N. On a terminal: tables with small bar charts; in a pipe
    plain text; --format jsonl: one JSON object (all reasons, the top terms).

    \b
    Examples:
      mch stats seeds/
      mch stats dumps/ --glob '*.html' -k 20
      mch stats seeds/ -f jsonl | jq '.removed_by_label'
      mch stats crawl.jsonl --html report.html                 # the same view as a web page
    """
    import json

    from . import render
    from .stats import CorpusStats
    from .terms import default_glossary

    _utf8_stdout()
    summary = CorpusStats(default_glossary(), _segmenter(dicts), terms=top > 0)
    with _shell_behaviour():
        for article in progress(_articles(paths, glob), label="stats", no_color=no_color):
            if article is None:
                summary.add_failure()
            else:
                summary.add(article)
        d = summary.to_dict(top)
        title = f"mch stats: {d['documents']} documents"
        if fmt is TableFormat.jsonl:
            sys.stdout.write(json.dumps(d, ensure_ascii=False) + "\n")
            sys.stdout.flush()
            _write_html(html, lambda: render.rich_stats(d), title)
        else:
            _present(lambda: render.rich_stats(d), lambda: render.plain_stats(d), title, html, no_color)
    raise typer.Exit(Exit.SOME_FAILED if summary.failed else Exit.OK)


def main() -> None:
    app()
