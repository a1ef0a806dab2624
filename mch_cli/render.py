"""Views for a person: a Rich rendering for terminals (and HTML), plain text for pipes.

- `show`: `rich_view` / `plain_view` of one article; with `page_lines` (--explain) the whole page
  line by line, every removed line beside its label and reason; paragraphs with tokens (--segment)
  show their token boundaries.
- `stats`: `rich_stats` / `plain_stats` of the dictionary `stats.CorpusStats.to_dict()` gives.
- `progress`: a progress bar on stderr for long batches; `html_page`: what Rich renders, as a
  self-contained HTML page; `run_pager`: long output through $PAGER.

Page text is always wrapped in rich.text.Text, never parsed as markup, so "[red]" in a page prints
as it is. Rich is imported only inside the functions that draw with it: the plain views, the
colour decision and `progress` off a terminal cost no import of Rich.
"""
from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import sys
import time
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, TextIO

from .article import BODY, HEADING, TITLE, Article, Line

_FIELDS = ("date", "datetime", "author", "editor", "source", "url", "lang", "script", "encoding")

SEGMENT_SEP = "|"            # plain text: what stands between two tokens under --segment
HTML_WIDTH = 100             # columns of the view written by --html
PROGRESS_DELAY = 1.0         # seconds a batch runs before its progress bar appears
BAR_WIDTH = 24               # cells of the longest bar in `mch stats`
STATS_TOP_REASONS = 10       # reasons listed by the stats views (-f jsonl has them all)

# Rich styles (the plain views have none).
_LABEL_STYLE = {"title": "bold cyan", "heading": "bold", "body": "green", "meta": "yellow",
                "caption": "blue", "boilerplate": "red"}
_TOKEN_STYLES = ("", "cyan")  # --segment: tokens alternate between these


# --- colour and consoles -----------------------------------------------------------------------

def color_wanted(stream: TextIO, no_color: bool = False, env: dict | None = None) -> bool:
    """Colour (and the Rich view) only on a terminal, and not with --no-color, NO_COLOR set to
    anything non-empty (no-color.org) or TERM=dumb."""
    env = os.environ if env is None else env
    if no_color or env.get("NO_COLOR") or env.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # a closed stream
        return False


def terminal_console(file: TextIO | None = None):
    """A Rich console for a terminal that colour was decided for (see `color_wanted`)."""
    from rich.console import Console
    return Console(file=file or sys.stdout, force_terminal=True, no_color=False, highlight=False,
                   emoji=False)


def html_page(renderable: Any, title: str, width: int = HTML_WIDTH) -> str:
    """What Rich renders, as one self-contained HTML page (inline styles, no scripts, no
    external files). Coloured whatever NO_COLOR says: the page is not a terminal.

    A browser draws a Chinese character about 1.7 Latin cells wide, and box-drawing lines or
    curly quotes two cells wide when a Chinese font supplies them; so the Latin monospace fonts
    come first and every wide character sits in a box exactly two cells (`2ch`) wide: the
    columns line up as in a terminal whatever fonts the reader has."""
    import html
    import io
    import re

    from rich.cells import get_character_cell_size
    from rich.console import Console
    from rich.terminal_theme import DEFAULT_TERMINAL_THEME as theme

    console = Console(record=True, file=io.StringIO(), width=width, force_terminal=True,
                      color_system="truecolor", no_color=False, highlight=False, emoji=False,
                      legacy_windows=False)
    console.print(renderable)
    code = console.export_html(inline_styles=True, code_format="{code}", theme=theme)
    code = re.sub("[\u1100-\U0010ffff]",
                  lambda m: f'<span class="w">{m.group()}</span>'
                  if get_character_cell_size(m.group()) == 2 else m.group(), code)
    values = {"TITLE": html.escape(title), "FOREGROUND": theme.foreground_color.hex,
              "BACKGROUND": theme.background_color.hex, "CODE": code}
    return re.sub("@(TITLE|FOREGROUND|BACKGROUND|CODE)@", lambda m: values[m.group(1)], _HTML_PAGE)


_HTML_PAGE = """<!DOCTYPE html>
<html>
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="mch">
<title>@TITLE@</title>
<style>
body {
    color: @FOREGROUND@;
    background-color: @BACKGROUND@;
    margin: 1.5em;
}
pre {
    font-family: Menlo, Consolas, 'DejaVu Sans Mono', 'Liberation Mono', 'Noto Sans Mono',
                 'Noto Sans Mono CJK SC', 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei',
                 monospace;
    font-size: 14px;
    line-height: 1.25;
}
pre span.w {
    display: inline-block;
    width: 2ch;
    text-align: center;
}
</style>
</head>
<body>
<pre><code style="font-family:inherit">@CODE@</code></pre>
</body>
</html>
"""


def run_pager(text: str) -> None:
    """Long output through $MCH_PAGER, $PAGER or less (LESS=FRX unless set, as git does: -R lets
    colour through, -F quits when the text fits on one screen). No pager found: plain stdout."""
    command = os.environ.get("MCH_PAGER") or os.environ.get("PAGER") or "less"
    if not command.strip() or not shutil.which(command.split()[0]):
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    env = {**os.environ}
    env.setdefault("LESS", "FRX")
    env.setdefault("LV", "-c")
    sys.stdout.flush()
    proc = subprocess.Popen(command, shell=True, stdin=subprocess.PIPE, env=env)
    try:
        proc.stdin.write(text.encode("utf-8"))
        proc.stdin.close()
    except BrokenPipeError:  # the person left the pager before the end
        pass
    while True:
        try:
            proc.wait()
            break
        except KeyboardInterrupt:  # Ctrl-C belongs to the pager
            continue


# --- progress ----------------------------------------------------------------------------------

def progress(items: Iterable, total: int | None = None, label: str = "", *,
             streams_to: TextIO | None = None, delay: float = PROGRESS_DELAY,
             stream: TextIO | None = None, no_color: bool = False) -> Iterator:
    """Yield `items` unchanged; a Rich progress bar on stderr (`stream`) while they run, only when
    that is a terminal and the batch has run for `delay` seconds (quick runs never flash a bar).

    `streams_to`: the stream the caller writes results to while iterating; when that is a
    terminal too, no bar (it would tear the output apart). Messages written to sys.stderr while
    the bar is up appear above it."""
    stream = stream if stream is not None else sys.stderr
    if not _isatty(stream) or (streams_to is not None and _isatty(streams_to)):
        yield from items
        return
    bar = task = None
    done = 0
    start = time.monotonic()
    try:
        for item in items:
            yield item
            done += 1
            if bar is not None:
                bar.update(task, completed=done)
            elif time.monotonic() - start >= delay:
                bar, task = _progress_bar(stream, total, label, done, no_color,
                                          time.monotonic() - start)
    finally:
        if bar is not None:
            bar.stop()


def _isatty(stream) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def _progress_bar(stream: TextIO, total: int | None, label: str, done: int, no_color: bool,
                  elapsed: float):
    from rich.console import Console
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn,
                               TimeElapsedColumn)
    console = Console(file=stream, force_terminal=True, highlight=False,
                      no_color=True if no_color or os.environ.get("NO_COLOR") else None)
    count = MofNCompleteColumn() if total else TextColumn("{task.completed:,} done", markup=False)
    bar = Progress(SpinnerColumn(), TextColumn("{task.description}", markup=False), BarColumn(),
                   count, TimeElapsedColumn(), console=console, transient=True,
                   redirect_stdout=False, redirect_stderr=True)
    task = bar.add_task(label or "working", total=total, completed=done)
    for t in bar.tasks:  # the clock counts from the batch's start, not the bar's
        if t.id == task and t.start_time is not None:
            t.start_time -= elapsed
    bar.start()
    return bar, task


# --- one article: the lines of the page --------------------------------------------------------

@dataclass(frozen=True)
class PageLine:
    """One non-empty input line as --explain shows it."""
    number: int
    text: str                      # normalised, as classified
    label: str                     # title, body, heading (kept) or meta, caption, boilerplate
    reason: str = ""               # why a removed line went
    lang: str | None = None        # a kept body/heading line: its paragraph's language
    tokens: tuple[tuple[int, int], ...] | None = None  # --segment: token spans within `text`

    @property
    def kept(self) -> bool:
        return self.label in (TITLE, BODY, HEADING)


def page_lines(article: Article, lines: Iterable[Line]) -> list[PageLine]:
    """Every non-empty input line (`lines`: pipeline.read_lines of the same page) with what
    became of it: the title line, a paragraph's line, or removed with its label and reason."""
    kept: dict[int, tuple[str, str | None, Any]] = {}
    for p in article.paragraphs:
        for n in p.lines:
            kept[n] = (p.kind, p.lang, p)
    removed = {x.number: x for x in article.removed}
    out = []
    for line in lines:
        if line.number == article.title_line:
            out.append(PageLine(line.number, line.text, TITLE))
        elif line.number in kept:
            kind, lang, p = kept[line.number]
            spans = _line_token_spans(line.text, p) if p.tokens is not None else None
            out.append(PageLine(line.number, line.text, kind, lang=lang, tokens=spans))
        elif line.number in removed:
            x = removed[line.number]
            out.append(PageLine(line.number, line.text, x.label, x.reason))
        else:  # never happens for the pipeline's own articles (tests/test_seeds.py)
            out.append(PageLine(line.number, line.text, "?", "not accounted for"))
    return out


def token_spans(text: str, tokens: Iterable[str]) -> list[tuple[int, int]]:
    """(start, end) of each token in `text`, tokens taken in order, whitespace between them
    skipped; stops at the first token that is not where it should be."""
    spans = []
    i = 0
    for token in tokens:
        while i < len(text) and text[i].isspace():
            i += 1
        if not token or not text.startswith(token, i):
            break
        spans.append((i, i + len(token)))
        i += len(token)
    return spans


def _line_token_spans(line: str, p) -> tuple[tuple[int, int], ...] | None:
    """The token spans of one line of paragraph `p` (hard-wrapped paragraphs join lines; --lang
    keeps part of a line)."""
    spans = token_spans(p.text, p.tokens)
    at = p.text.find(line)
    if at >= 0:
        end = at + len(line)
        return tuple((max(s, at) - at, min(e, end) - at) for s, e in spans if s < end and e > at)
    at = line.find(p.text)
    if at >= 0:
        return tuple((s + at, e + at) for s, e in spans)
    return None


def _meta_rows(article: Article) -> list[tuple[str, str]]:
    rows = [(name, getattr(article, name)) for name in _FIELDS]
    rows = [(k, str(v)) for k, v in rows if v]
    shares = [f"{k} {v:.0%}" for k, v in article.langs.items() if f"{v:.0%}" != "0%"]  # no "en 0%"
    if len(shares) > 1:
        rows.append(("langs", ", ".join(shares)))
    if article.repaired:
        rows.append(("repaired", "mojibake repaired"))
    rows.append(("path", article.path))
    return rows


def _mixed(article: Article) -> bool:
    """The paragraphs are not all in one language: each gets a language marker."""
    return len({p.lang for p in article.paragraphs}) > 1


# --- one article: plain text -------------------------------------------------------------------

def _plain_tokens(text: str, spans) -> str:
    return SEGMENT_SEP.join(text[s:e] for s, e in spans) if spans else text


def plain_view(article: Article, page: list[PageLine] | None = None) -> str:
    """The view as plain text: no escape codes, no wrapping. With `page` (--explain): every line
    of the page, `NUMBER  LABEL  text`, a removed line followed by its reason in brackets."""
    out = []
    if article.title:
        out += [article.title, "=" * min(_width(article.title), 60)]
    out += [f"{k}: {v}" for k, v in _meta_rows(article)]
    mixed = _mixed(article)
    if page is not None:
        out.append("")
        digits = len(str(max((x.number for x in page), default=1)))
        for x in page:
            text = _plain_tokens(x.text, x.tokens)
            if x.kept and mixed and x.lang:
                text = f"[{x.lang}] {text}"
            if not x.kept:
                text += f"  [{x.reason}]"
            out.append(f"{x.number:>{digits}}  {x.label:<11}  {text}")
        return "\n".join(out) + "\n"
    for p in article.paragraphs:
        text = _plain_tokens(p.text, token_spans(p.text, p.tokens)) if p.tokens is not None else p.text
        if p.kind == HEADING:
            text = f"## {text}"
        elif mixed:
            text = f"[{p.lang}] {text}"
        out += ["", text]
    return "\n".join(out) + "\n"


# --- wrapping Chinese: kinsoku --------------------------------------------------------------------

# No line begins with closing punctuation, none ends with an opening bracket (kinsoku shori)
CLOSING = "。，、；：？！）」』》〉】〕〗〙〛”’…‥．，：；？！）］｝〞"
OPENING = "（「『《〈【〔〖〘〚“‘［｛〝"
# A unit of wrapping: one wide (CJK) character, or a run of other non-space characters; with the
# spaces after it
_ATOM_RE = re.compile(r"(?:[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]"
                      r"|[^\s\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]+"
                      r"|(?=\s))\s*")


def wrap_offsets(text: str, width: int) -> list[int]:
    """Where the lines of `text` wrapped to `width` cells begin (after the first): between two
    Chinese characters or between words, a word longer than a line cut anywhere; and, as in
    Chinese typesetting, never before closing punctuation (。，、）」…) nor after an opening bracket
    (（「《…): the character before it goes down to the next line with it."""
    atoms = []
    for m in _ATOM_RE.finditer(text):
        word = m.group().rstrip()
        if _width(word) > width:  # longer than a line: cut anywhere
            atoms += [(m.start() + i, c) for i, c in enumerate(m.group())]
        elif m.group():
            atoms.append((m.start(), m.group()))
    offsets: list[int] = []
    first, used, i = 0, 0, 0  # first: the line's first atom; used: its cells so far
    while i < len(atoms):
        start, atom = atoms[i]
        if i > first and used + _width(atom.rstrip()) > width:
            k = i  # the next line begins at atom k: move it up over what may not end or begin a line
            while k - 1 > first and (atoms[k][1][0] in CLOSING or atoms[k - 1][1].rstrip()[-1:] in OPENING):
                k -= 1
            offsets.append(atoms[k][0])
            first, used, i = k, 0, k
            continue
        used += _width(atom)
        i += 1
    return offsets


@functools.lru_cache(maxsize=1)
def _kinsoku_text():
    """rich.text.Text wrapped by `wrap_offsets` (Rich folds a Chinese paragraph anywhere)."""
    from rich.containers import Lines
    from rich.text import Text

    class KinsokuText(Text):
        def wrap(self, console, width, *, justify=None, overflow=None, tab_size=8, no_wrap=None):
            if no_wrap or self.no_wrap:
                return super().wrap(console, width, justify=justify, overflow=overflow,
                                    tab_size=tab_size, no_wrap=no_wrap)
            lines = Lines()
            for line in self.split(allow_blank=True):
                for piece in line.divide(wrap_offsets(line.plain, width)):
                    piece.rstrip()
                    piece.truncate(width, overflow=overflow or self.overflow or "fold")
                    lines.append(piece)
            return lines

    return KinsokuText


# --- one article: Rich -------------------------------------------------------------------------

def _rich_tokens(text: str, spans, base_style: str = ""):
    """Text with alternating styles per token (--segment); whitespace between tokens unstyled;
    wrapped by the rules of Chinese typesetting (wrap_offsets)."""
    t = _kinsoku_text()(text)
    if base_style:  # on the characters only: an underline must not run on into the padding
        t.stylize(base_style, 0, len(text))
    for i, (s, e) in enumerate(spans or ()):
        if _TOKEN_STYLES[i % 2]:
            t.stylize(_TOKEN_STYLES[i % 2], s, e)
    return t


def rich_view(article: Article, page: list[PageLine] | None = None):
    """A Rich renderable: title panel, metadata table, then the paragraphs (sub-headings styled,
    a language marker on each paragraph of a page that mixes languages) or, with `page`
    (--explain), every line of the page: kept lines as they are, removed ones dimmed with their
    label and reason beside them."""
    from rich.console import Group
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    mixed = _mixed(article)
    parts: list[Any] = [Panel(_kinsoku_text()(article.title or "(no title)", style="bold"),
                              border_style="cyan")]
    table = Table(show_header=False, box=None, padding=(0, 1))
    table.add_column(style="dim", no_wrap=True)
    table.add_column()
    for k, v in _meta_rows(article):
        table.add_row(Text(k), Text(v))
    parts.append(table)
    if page is not None:
        parts += [Text(""), _explain_table(page, mixed)]
        return Group(*parts)
    # a page that mixes languages: a column of language markers beside the paragraphs
    body = Table.grid(padding=(0, 1))
    if mixed:
        body.add_column(style="magenta", no_wrap=True)
    body.add_column(ratio=1, overflow="fold")
    for p in article.paragraphs:
        spans = token_spans(p.text, p.tokens) if p.tokens is not None else None
        heading = p.kind == HEADING
        text = _rich_tokens(p.text, spans, "bold underline" if heading else "")
        cells = ([Text("" if heading else f"[{p.lang}]")] if mixed else []) + [text]
        body.add_row(*[Text("")] * len(cells))
        body.add_row(*cells)
    parts.append(body)
    return Group(*parts)


def _explain_table(page: list[PageLine], mixed: bool):
    from rich.table import Table
    from rich.text import Text

    removed = sum(not x.kept for x in page)
    table = Table(box=None, padding=(0, 1), expand=True, show_edge=False,
                  title=Text(f"{len(page)} lines: {len(page) - removed} kept, {removed} removed",
                             style="bold"), title_justify="left")
    table.add_column("#", justify="right", style="dim", no_wrap=True)
    table.add_column("line", ratio=2, overflow="fold")
    table.add_column("why", ratio=1, min_width=16, max_width=56, overflow="fold")
    for x in page:
        style = _LABEL_STYLE.get(x.label, "")
        if x.kept:
            base = {TITLE: "bold", HEADING: "bold underline"}.get(x.label, "")
            text = _rich_tokens(x.text, x.tokens, base)
            why = Text(x.label, style=style)
            if mixed and x.lang:
                why.append(f" [{x.lang}]", style="magenta")
        else:
            text = _kinsoku_text()(x.text, style="dim")
            why = Text.assemble((x.label, f"{style} dim"), (" · ", "dim"), (x.reason, "dim italic"))
        table.add_row(Text(str(x.number)), text, why)
    return table


# --- mch stats ---------------------------------------------------------------------------------

_EIGHTHS = " ▏▎▍▌▋▊▉"


def bar(value: float, maximum: float, width: int = BAR_WIDTH) -> str:
    """A horizontal bar of `value` out of `maximum` in `width` cells (eighths of a cell); a
    non-zero value shows at least a sliver."""
    if maximum <= 0 or value <= 0:
        return ""
    eighths = max(1, round(value / maximum * width * 8))
    full, part = divmod(eighths, 8)
    return "█" * full + (_EIGHTHS[part] if part else "")


def _width(text: str) -> int:
    """Terminal cells: East Asian wide and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1
               for c in text)


def _pad(text: str, width: int, right: bool = False) -> str:
    fill = " " * max(0, width - _width(text))
    return fill + text if right else text + fill


def _pct(share: float) -> str:
    return f"{share:.1%}" if share < 0.1 else f"{share:.0%}"


def stats_sections(d: dict) -> tuple[list[tuple[str, str]], list[tuple[str, list[tuple[list[str], float, float]]]]]:
    """What both stats views show: (summary rows, [(section title, [(cells, value, maximum)])])."""
    chars = d["chars"]
    dates = d["dates"]
    summary = [("documents", f"{d['documents']:,}" + (f"  ({d['failed']:,} failed)" if d["failed"] else "")),
               ("characters", f"{chars['raw']:,} before, {chars['clean']:,} after cleaning ({_pct(chars['kept_share'])} kept)"),
               ("lines", f"{d['lines']['total']:,} non-empty: {d['lines']['kept']:,} kept, {d['lines']['removed']:,} removed"),
               ("dates", f"{dates['first']} … {dates['last']} ({dates['dated']:,} dated)" if dates["dated"] else "none found")]
    if d["scripts"]:
        summary.append(("Chinese", ", ".join(f"{k} {v:,}" for k, v in d["scripts"].items())))
    sections = []
    langs = d["languages"]
    top = max(langs.values(), default=0)
    sections.append(("languages (documents)", [([k, f"{v:,}", _pct(v / d["documents"]) if d["documents"] else ""], v, top)
                                              for k, v in langs.items()]))
    total = d["lines"]["total"] or 1
    by_label = [("kept: " + k, v) for k, v in d["lines"]["by_label"].items() if k in (TITLE, BODY, HEADING)]
    by_label += [("removed: " + k, v["lines"]) for k, v in d["removed_by_label"].items()]
    top = max((v for _, v in by_label), default=0)
    sections.append(("lines", [([k, f"{v:,}", _pct(v / total)], v, top) for k, v in by_label]))
    reasons = d["removed_by_reason"][:STATS_TOP_REASONS]
    top = max((r["lines"] for r in reasons), default=0)
    more = len(d["removed_by_reason"]) - len(reasons)
    sections.append(("why lines were removed" + (f" (top {len(reasons)} of {len(d['removed_by_reason'])})" if more else ""),
                     [([f"{r['label']}: {r['reason']}", f"{r['lines']:,}", _pct(r["share"])], r["lines"], top)
                      for r in reasons]))
    terms = d["terms"]
    top = max((t["count"] for t in terms), default=0)
    sections.append(("top MCH terms", [([" / ".join(x for x in (t["zh"], t["en"]) if x), f"{t['count']:,}",
                                        f"{t['docs']:,} doc" + ("s" if t["docs"] != 1 else "")], t["count"], top)
                                       for t in terms]))
    return summary, sections


def plain_stats(d: dict) -> str:
    """`mch stats` as plain text: aligned columns, bars of block characters, no escape codes."""
    summary, sections = stats_sections(d)
    key = max(_width(k) for k, _ in summary)
    out = [f"{_pad(k, key)}  {v}" for k, v in summary]
    for title, rows in sections:
        out += ["", title]
        if not rows:
            out.append("  (none)")
            continue
        widths = [max(_width(cells[i]) for cells, _, _ in rows) for i in range(3)]
        for cells, value, top in rows:
            line = (f"  {_pad(cells[0], widths[0])}  {_pad(cells[1], widths[1], right=True)}"
                    f"  {_pad(cells[2], widths[2], right=True)}  {bar(value, top)}")
            out.append(line.rstrip())
    return "\n".join(out) + "\n"


def rich_stats(d: dict):
    """`mch stats` for a terminal (or --html): a summary panel and one table of bars per section."""
    from rich.console import Group
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    summary, sections = stats_sections(d)
    head = Table(show_header=False, box=None, padding=(0, 1))
    head.add_column(style="bold", no_wrap=True)
    head.add_column()
    for k, v in summary:
        head.add_row(Text(k), Text(v))
    parts: list[Any] = [Panel(head, title=Text("mch stats", style="bold cyan"), title_align="left",
                              border_style="cyan", expand=False)]
    colours = ("magenta", "green", "red", "cyan")
    for (title, rows), colour in zip(sections, colours):
        table = Table(box=None, padding=(0, 1), show_header=False, title=Text(title, style="bold"),
                      title_justify="left", show_edge=False)
        table.add_column(overflow="fold", max_width=56)
        table.add_column(justify="right", no_wrap=True)
        table.add_column(justify="right", style="dim", no_wrap=True)
        table.add_column(no_wrap=True)
        for cells, value, top in rows:
            label_style = _LABEL_STYLE.get(cells[0].split(":")[0], "") if title.startswith("why") else ""
            bar_style = colour if title != "lines" else "green" if cells[0].startswith("kept") else "red"
            table.add_row(Text(cells[0], style=label_style), Text(cells[1]), Text(cells[2]),
                          Text(bar(value, top), style=bar_style))
        if not rows:
            table.add_row(Text("(none)", style="dim"), Text(""), Text(""), Text(""))
        parts += [Text(""), table]
    return Group(*parts)
