"""The `mch` command: parse options, call the library, hand results to a writer. Nothing else.

The shell around it (exit codes, signals and pipes, limits, output files, failures on stderr,
views for people) is cli_utils.py. Commands by family: pages (clean, show, stats), lines
(detect, align, segment), words (terms, keywords). Every command that reads pages takes them
through read.iter_documents (cli_utils.documents), with the same input options."""
from __future__ import annotations

import sys
from typing import Annotated, Optional

import typer

from . import cli_utils as U
from .cli_utils import (DEFAULT_MAX_BYTES, DEFAULT_MAX_SECONDS, Engine, Format, Lang, LineFormat,
                        SegMode, TableFormat)
from .render import SEGMENT_SEP, progress

# Help is click's plain text: no Rich markup to eat `[dask]`, paragraphs wrapped to the terminal
app = typer.Typer(name="mch", cls=U.Group, pretty_exceptions_enable=False, rich_markup_mode=None,
                  help="Clean, structured articles from raw text dumps of news pages (Chinese and English).",
                  context_settings={"help_option_names": ["-h", "--help"]})


def _print_version(value: bool) -> None:
    if value:  # ("mch --version" alone never gets here: entry.py answers it)
        from . import print_version
        print_version()
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", callback=_print_version, is_eager=True, help="Print the version and exit.")] = False,
) -> None:
    """Clean, structured articles from raw text dumps of news pages (Chinese and English)."""


# --- options shared by the commands --------------------------------------------------------------

PathsArg = Annotated[Optional[list[str]], typer.Argument(metavar="PATH", help="Files or directories (recursive); '-' or nothing for stdin.", show_default=False)]
GlobOpt = Annotated[str, typer.Option("--glob", metavar="PATTERN", help="Files to take inside directories (*.html, *.jsonl, *.warc.wet.gz, …).")]
TextFieldOpt = Annotated[Optional[str], typer.Option("--text-field", metavar="NAME", show_default=False, help="JSON Lines input: the field holding the page (default text, else `html`); on stdin it says stdin is JSON Lines.")]
MaxBytesOpt = Annotated[str, typer.Option("--max-bytes", metavar="SIZE", help="Refuse a larger page (file, record or stdin): one error, the rest goes on. 20M, 512K, …; 0: no limit.")]
MaxSecondsOpt = Annotated[float, typer.Option("--max-seconds", metavar="S", help="Give up a page that takes longer: one error, the rest goes on. 0 or inf: no limit.")]
SegmentOpt = Annotated[bool, typer.Option("--segment", help="Add jieba tokens to each paragraph.")]
PatternsOpt = Annotated[Optional[str], typer.Option("--patterns", metavar="FILE", help="Your own boilerplate/caption patterns (format: mch_cli/data/patterns.tsv).")]
DictOpt = Annotated[Optional[list[str]], typer.Option("--dict", metavar="FILE", help="Your own words for segmentation, jieba's user-dictionary format: WORD [FREQ] [TAG] per line (repeatable).")]
LangOpt = Annotated[Optional[Lang], typer.Option("--lang", help="Keep only the paragraphs and spans in this language (title and metadata stay).")]
TableFormatOpt = Annotated[TableFormat, typer.Option("--format", "-f", help="text: a table for people; jsonl: one JSON object per line.")]
HtmlOpt = Annotated[Optional[str], typer.Option("--html", metavar="FILE", help="Also write the view as a self-contained HTML page (for a report or an e-mail).")]
NoColorOpt = Annotated[bool, typer.Option("--no-color", help="Plain text even on a terminal (as NO_COLOR=1 does).")]
NoMchDictOpt = Annotated[bool, typer.Option("--no-mch-dict", help="jieba's dictionary alone, without the MCH dictionary (bare jieba's tokens).")]
NoSimplifyOpt = Annotated[bool, typer.Option("--no-simplify", help="Cut Traditional Chinese as it is, without converting it to Simplified first.")]


# --- pages: clean, show, stats -------------------------------------------------------------------

@app.command(cls=U.Command)
def clean(
    paths: PathsArg = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
    explain: Annotated[bool, typer.Option("--explain", help="List every removed line with its label and reason (json/jsonl).")] = False,
    output: Annotated[Optional[str], typer.Option("--output", "-o", metavar="FILE", help="Write here (all or nothing) instead of stdout.")] = None,
    glob: GlobOpt = "*.txt",
    text_field: TextFieldOpt = None,
    segment: SegmentOpt = False,
    dicts: DictOpt = None,
    patterns: PatternsOpt = None,
    lang: LangOpt = None,
    corpus: Annotated[bool, typer.Option("--corpus", help="First count the lines of all inputs; lines on many pages are boilerplate.")] = False,
    corpus_min_pages: Annotated[Optional[int], typer.Option("--corpus-min-pages", min=2, metavar="N", help="With --corpus: a line on N pages is boilerplate (default: 3, or 1% of the pages when more).")] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=0, metavar="N", help="Worker processes (0: all cores for a batch, 1 for one page).")] = 0,
    engine: Annotated[Engine, typer.Option("--engine", help="local: a process pool; dask: Dask workers (the dask extra, as in the examples).")] = Engine.local,
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", metavar="ADDRESS", help="With --engine dask: an existing scheduler (default: a local cluster).")] = None,
    shard: Annotated[Optional[str], typer.Option("--shard", metavar="I/N", help="Only inputs I, I+N, I+2N, … (0-based), for job arrays; with -o, a finished shard is skipped.")] = None,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
    max_seconds: MaxSecondsOpt = DEFAULT_MAX_SECONDS,
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
      pip install 'mch-cli[dask]'                 # what --engine dask needs
    """
    import functools

    from .parallel import Unreachable, clean_batch, default_jobs, take_shard
    from .pipeline import with_recurring
    from .write import Writer, render

    with U.running() as report:
        options = U.options(segment, patterns, lang, dicts, max_bytes, max_seconds)
        U.checked_engine(engine.value, scheduler)
        if explain and fmt is Format.text:
            U.warn("--explain lists removed lines in -f jsonl or json only; ignored with -f text")
        inputs = U.paths_or_stdin(paths)
        U.checked_output(output, inputs, glob)
        shard_of = U.parse_shard(shard)
        marker = U.shard_marker(output, shard_of)
        if corpus and "-" in inputs:
            U.usage_error("--corpus reads its inputs twice: give files or directories, not stdin")
        if corpus:
            options = with_recurring(options, U.documents(inputs, glob, text_field, options), corpus_min_pages)
        with U.output_stream(output) as stream:
            writer = Writer(stream, fmt.value, explain)
            docs = take_shard(U.documents(inputs, glob, text_field, options), shard_of)
            finish = functools.partial(render, fmt.value, explain)  # formatted where it is cleaned
            try:
                results = clean_batch(docs, options, jobs or default_jobs(U.in_batch(inputs)), finish,
                                      engine.value, scheduler)
            except Unreachable as exc:
                U.say(f"--scheduler {scheduler}: {exc}")
                raise typer.Exit(U.Exit.SOME_FAILED)
            for item in progress(results, label="cleaning", streams_to=stream):
                if item.failure:
                    report.fail(item.failure.path, item.failure.error)
                writer.write(item)
            writer.close()
        if marker:
            marker.write(report.failed)


@app.command(cls=U.Command)
def show(
    path: Annotated[str, typer.Argument(metavar="PATH", help="One page; '-' for stdin.", show_default=False)],
    explain: Annotated[bool, typer.Option("--explain", help="The whole page line by line: kept lines as they are, removed ones dimmed with their label and reason.")] = False,
    segment: Annotated[bool, typer.Option("--segment", help=f"Make token boundaries visible (alternating colours; '{SEGMENT_SEP}' in plain text).")] = False,
    patterns: PatternsOpt = None,
    lang: LangOpt = None,
    dicts: DictOpt = None,
    pager: Annotated[bool, typer.Option("--pager", help="Long output through $PAGER (default: less -FRX), on a terminal.")] = False,
    html: HtmlOpt = None,
    no_color: NoColorOpt = False,
    text_field: TextFieldOpt = None,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
    max_seconds: MaxSecondsOpt = DEFAULT_MAX_SECONDS,
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

    with U.running() as report:
        options = U.options(segment, patterns, lang, dicts, max_bytes, max_seconds)
        doc = U.one_document(path, text_field, options, html)
        for item in report.passed(clean_many([doc], options)):
            page = render.page_lines(item, read_lines(doc)[0]) if explain else None
            U.present(lambda: render.rich_view(item, page), lambda: render.plain_view(item, page),
                      item.title or item.path, html, no_color, pager)


@app.command(cls=U.Command)
def stats(
    paths: PathsArg = None,
    fmt: Annotated[TableFormat, typer.Option("--format", "-f", help="text: a summary with bar charts for people; jsonl: one JSON object for programs.")] = TableFormat.text,
    top: Annotated[int, typer.Option("--top", "-k", min=0, metavar="N", help="How many MCH terms to list.")] = 10,
    glob: GlobOpt = "*.txt",
    dicts: DictOpt = None,
    html: HtmlOpt = None,
    no_color: NoColorOpt = False,
    text_field: TextFieldOpt = None,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
    max_seconds: MaxSecondsOpt = DEFAULT_MAX_SECONDS,
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
    from . import render
    from .stats import CorpusStats
    from .terms import default_glossary

    with U.running() as report:
        options = U.options(max_bytes=max_bytes, max_seconds=max_seconds)
        U.checked_output(html, U.paths_or_stdin(paths), glob)
        summary = CorpusStats(default_glossary(), U.segmenter(dicts), terms=top > 0)
        for item in report.passed(progress(U.articles(paths, glob, text_field, options), label="stats", no_color=no_color)):
            summary.add(item)
        summary.failed = report.failed
        d = summary.to_dict(top)
        title = f"mch stats: {d['documents']} documents"
        if fmt is TableFormat.jsonl:
            U.write_lines([U.json_line(d)])
            U.write_html(html, lambda: render.rich_stats(d), title)
        else:
            U.present(lambda: render.rich_stats(d), lambda: render.plain_stats(d), title, html, no_color)


# --- lines: detect, align, segment ---------------------------------------------------------------

@app.command(cls=U.Command)
def detect(
    path: Annotated[Optional[str], typer.Argument(metavar="PATH", help="A page; '-' or nothing for stdin.", show_default=False)] = None,
    fmt: Annotated[LineFormat, typer.Option("--format", "-f", help="tsv: LANG<TAB>line; jsonl: {line, lang, langs, text}.")] = LineFormat.tsv,
    glob: GlobOpt = "*.txt",
    text_field: TextFieldOpt = None,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
    max_seconds: MaxSecondsOpt = DEFAULT_MAX_SECONDS,
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
    from .lang import detect_lines

    with U.running() as report:
        options = U.options(max_bytes=max_bytes, max_seconds=max_seconds)
        for _, rows in U.each_text(report, [path] if path else None, glob, text_field, options,
                                   lambda text: list(detect_lines(text))):
            U.write_lines(f"{code}\t{line}" if fmt is LineFormat.tsv else U.json_line(
                {"line": number, "lang": code, "langs": langs, "text": line}) for number, (code, langs, line) in enumerate(rows, 1))


@app.command(cls=U.Command)
def align(
    paths: PathsArg = None,
    fmt: Annotated[LineFormat, typer.Option("--format", "-f", help="tsv: zh<TAB>en; jsonl: {path, zh, en, lines}.")] = LineFormat.tsv,
    glob: GlobOpt = "*.txt",
    text_field: TextFieldOpt = None,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
    max_seconds: MaxSecondsOpt = DEFAULT_MAX_SECONDS,
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
    from .align import pairs

    with U.running() as report:
        options = U.options(max_bytes=max_bytes, max_seconds=max_seconds)
        for path, found in U.each_text(report, paths, glob, text_field, options, pairs):
            U.write_lines(f"{pair.zh}\t{pair.en}" if fmt is LineFormat.tsv else
                          U.json_line(pair.to_dict(path)) for pair in found)


@app.command(cls=U.Command)
def segment(
    paths: Annotated[Optional[list[str]], typer.Argument(metavar="PATH", help="Text files or directories (JSON Lines with -f jsonl); '-' or nothing for stdin.", show_default=False)] = None,
    mode: Annotated[SegMode, typer.Option("--mode", "-m", help="default: jieba's accurate mode; search: also the dictionary words inside long tokens; full: every dictionary word found.")] = SegMode.default,
    sep: Annotated[str, typer.Option("--sep", metavar="TEXT", help="What goes between tokens (text format).")] = " ",
    pos: Annotated[bool, typer.Option("--pos", help="word/flag: jieba's part-of-speech flags (jieba.posseg; slower).")] = False,
    no_hmm: Annotated[bool, typer.Option("--no-hmm", help="No HMM: words missing from the dictionary are not guessed.")] = False,
    fmt: Annotated[TableFormat, typer.Option("--format", "-f", help="text: each input line becomes its tokens; jsonl: JSON Lines records (mch clean -f jsonl) get `tokens` next to each `text`.")] = TableFormat.text,
    dicts: DictOpt = None,
    no_mch_dict: NoMchDictOpt = False,
    no_simplify: NoSimplifyOpt = False,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, metavar="N", help="Worker processes (default: all cores for large inputs unless the machine is saturated, else 1).")] = None,
    glob: GlobOpt = "*.txt",
    max_bytes: Annotated[str, typer.Option("--max-bytes", metavar="SIZE", help="Refuse a larger input (file or stdin, taken whole): one error, the rest goes on. 20M, 512K, …; 0: no limit.")] = "0",
    max_seconds: Annotated[float, typer.Option("--max-seconds", metavar="S", help="Give up an input that takes longer (what it wrote stays): one error, the rest goes on. 0 or inf: no limit.")] = 0,
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
    from .read import decode_many
    from .segment import LineJob

    with U.running() as report:
        options = U.options(max_bytes=max_bytes, max_seconds=max_seconds)
        seg = U.segmenter(dicts, no_mch_dict, no_simplify).load(mode.value, pos)
        job = LineJob(seg, mode.value, not no_hmm, pos, fmt.value, sep)
        # each input whole, a stream of lines: a JSON Lines file is records in, records out, and its
        # control characters are judged record by record (a bad record is one error)
        docs = U.documents(U.paths_or_stdin(paths), glob, None, options, whole=True)
        for path, text in report.passed(decode_many(docs, options.max_bytes, binary_ok=fmt is TableFormat.jsonl)):
            with report.time_limit(path, options.max_seconds):
                for out, errors in job.run(text, jobs):
                    sys.stdout.write(out)
                    for number, reason in errors:
                        report.fail(f"{path}:{number}", reason)
        sys.stdout.flush()


# --- words: terms, keywords ----------------------------------------------------------------------

@app.command(cls=U.Command)
def terms(
    paths: PathsArg = None,
    fmt: TableFormatOpt = TableFormat.text,
    per_doc: Annotated[bool, typer.Option("--per-doc", help="One list per page instead of one for all inputs.")] = False,
    dicts: DictOpt = None,
    glob: GlobOpt = "*.txt",
    text_field: TextFieldOpt = None,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
    max_seconds: MaxSecondsOpt = DEFAULT_MAX_SECONDS,
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
    from .terms import concept_report

    with U.running() as report:
        options = U.options(max_bytes=max_bytes, max_seconds=max_seconds)
        seg = U.segmenter(dicts)  # a --dict that cannot be read: a usage error before any page
        U.write_all(concept_report(report.passed(U.articles(paths, glob, text_field, options)), seg,
                                   per_doc, jsonl=fmt is TableFormat.jsonl))


@app.command(cls=U.Command)
def keywords(
    paths: PathsArg = None,
    top: Annotated[Optional[int], typer.Option("--top", "-k", min=1, metavar="N", help="How many keywords per list (default: 20).", show_default=False)] = None,
    corpus: Annotated[bool, typer.Option("--corpus", help="One list for all inputs together instead of one per page.")] = False,
    fmt: TableFormatOpt = TableFormat.text,
    dicts: DictOpt = None,
    glob: GlobOpt = "*.txt",
    text_field: TextFieldOpt = None,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
    max_seconds: MaxSecondsOpt = DEFAULT_MAX_SECONDS,
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
    from .settings import KEYWORDS_TOP_K
    from .terms import keyword_report

    with U.running() as report:
        options = U.options(max_bytes=max_bytes, max_seconds=max_seconds)
        seg = U.segmenter(dicts)
        U.write_all(keyword_report(report.passed(U.articles(paths, glob, text_field, options)), seg,
                                   top or KEYWORDS_TOP_K, corpus, jsonl=fmt is TableFormat.jsonl))


def main() -> None:
    app()
