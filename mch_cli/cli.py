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
    """
    import dataclasses

    from .pipeline import clean_many
    from .read import iter_documents
    from .write import Writer, atomic_output

    _utf8_stdout()
    options = _options(segment, patterns, lang, dicts)
    inputs = _paths_or_stdin(paths)
    failed = 0
    with _shell_behaviour():
        if corpus:
            if "-" in inputs:
                _say("--corpus reads its inputs twice: give files or directories, not stdin")
                raise typer.Exit(Exit.USAGE)
            from .corpus import count_lines, recurring_lines
            options = dataclasses.replace(options, recurring=recurring_lines(
                *count_lines(iter_documents(inputs, glob, text_field=text_field)), corpus_min_pages))
        sink = atomic_output(output) if output else contextlib.nullcontext(sys.stdout)
        with sink as stream:
            writer = Writer(stream, fmt.value, explain)
            for item in clean_many(iter_documents(inputs, glob, text_field=text_field), options):
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
    lang: LangOpt = None,
) -> None:
    """Show one cleaned article to a person: title, metadata, paragraphs.

    In a terminal the view is coloured (NO_COLOR turns colour off); in a pipe it is plain text.

    \b
    Examples:
      mch show seeds/001_519edece9128d60e.txt
      mch show page.txt | less
      mch show seeds/004_3fa1216b693b88b9.txt --lang zh
    """
    from .pipeline import clean_many
    from .read import iter_documents

    _utf8_stdout()
    options = _options(segment, patterns, lang)
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


def main() -> None:
    app()
