"""HTML pages → the same block-per-line text as a plain dump, with what the markup tells: the
share of each line that is link text (menus are links), the chrome-named element around it
(`<div class="comments">`), and metadata hints (markup.py). lxml (libxml2's HTML parser) does
the parsing; it is imported here only, on the first HTML page."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from . import markup
from .decode import decode, imported, repair, repaired, set_up
from .script import normalise

# Elements that start and end a line of the dump.
_BLOCK = frozenset("""address article aside blockquote body caption center dd details dialog dir div dl dt
fieldset figcaption figure footer form frameset h1 h2 h3 h4 h5 h6 header hgroup hr html legend li
main menu nav noframes ol p pre section summary table tbody td tfoot th thead tr ul""".split())
# A data table's cells share their row's line, as in a text dump of the page ("HD  Home Depot
# 225.86"): a cell alone is a word or a number, which reads as chrome. A table with header cells
# holds data; one without lays out the page (a headline's cell beside its date's), its cells blocks.
_CELL = frozenset(("td", "th"))
_HEADER_CELLS = "./tr/th|./thead/tr/th|./tbody/tr/th"
# Elements whose text is never page text.
_SKIP = frozenset("""script style noscript template svg math canvas iframe object embed applet head
select option datalist button input textarea audio video map area title""".split())
# A block the page never shows (a sign-up pop-up, a teaser a script opens) holds no page text.
# Hidden inline elements are left where they share a line with shown text (a hidden author's
# link glued to its "Biography" is the byline's); a line all of hidden inline text (hNews
# microformat spans: the headline, the time, the author and the licence run together) is
# no line of the page.
_HIDDEN_STYLE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)", re.I)
# A link that shows its address ("try http://example.org/booklet.pdf") is a reference the text
# makes, written out as text is; a menu names its pages.
_URL = re.compile(r"(?:https?://|www\.)\S+$", re.I)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)""", re.I)
_SNIFF = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b", re.I | re.S)


@dataclass
class HtmlPage:
    lines: list[str]                 # one per block of text, in document order
    links: list[float]               # per line: the share of its characters inside <a>
    encoding: str
    repaired: bool
    hints: dict[str, str] = field(default_factory=dict)  # title, h1, date, author from markup
    inside: list[str] = field(default_factory=list)       # per line: its chrome-named element, or ""
    article_links: list[bool] = field(default_factory=list)  # per line: a link the article makes, no menu


def looks_like_html(data: bytes, path: str = "") -> bool:
    """By extension, or by the first tag of the page."""
    if re.search(r"\.x?html?$", path, re.I):
        return True
    return bool(_SNIFF.match(data[:2048].lstrip(b"\xef\xbb\xbf")))


def decode_html(data: bytes) -> tuple[str, str, bool]:
    """(text, encoding, repaired) by decode's policy, with the charset the page declares and its
    errors counted over the text, not the markup."""
    m = _META_CHARSET.search(data[:4096])
    declared = m.group(1).decode("ascii", "ignore") if m else None
    text, encoding = decode(data, declared, _text_of)
    fixed = repair(text)
    return fixed, encoding, repaired(text, fixed)


_SCRIPT_OR_STYLE = re.compile(r"<(/?)(script|style)\b", re.I)
_TAG = re.compile(r"<[^<>]*>")  # not [^>]*: a '<' that never closes must not be scanned again


def _text_of(page: str) -> str:
    """The page without tags, scripts and style sheets: a rough cut in linear time (a regex
    from '<script' to '</script>' would scan to the end from every unclosed one)."""
    parts, skipping, start = [], None, 0
    for m in _SCRIPT_OR_STYLE.finditer(page):
        name = m.group(2).lower()
        if skipping is None and not m.group(1):
            parts.append(page[start: m.start()])
            skipping = name
        elif skipping == name and m.group(1):
            skipping, start = None, m.end()
    if skipping is None:
        parts.append(page[start:])
    return _TAG.sub(" ", "".join(parts))


_HIDDEN_INLINE = -1  # open_blocks' mark of an inline element the page does not show


def _hidden_style(el) -> bool:
    style = el.get("style")
    return bool(style) and _HIDDEN_STYLE.search(style) is not None


def _all_hidden(chunks: list[str], hidden: list[int]) -> bool:
    """Every chunk of a line's text, but white space, is inside a hidden inline element."""
    shown = set(range(len(chunks))).difference(hidden)
    return not "".join(chunks[k] for k in shown).strip()


def _hidden(el) -> bool:
    style = el.get("style")
    return el.get("hidden") is not None or bool(style and _HIDDEN_STYLE.search(style))


@lru_cache(maxsize=1)
@set_up
def _lxml_tools():
    """(parser, header-cell finder), made once: libxml2's HTML parser with lxml's plain elements
    (lxml.html's own parser looks up a Python element class for every element the walk touches,
    a fifth of the walk's time) and _HEADER_CELLS compiled."""
    etree = imported("lxml.etree")
    return etree.HTMLParser(), etree.XPath(_HEADER_CELLS)


def parse(data: bytes) -> HtmlPage:
    etree = imported("lxml.etree")

    parser, header_cells = _lxml_tools()
    text, encoding, repaired = decode_html(data)
    text = re.sub(r"^\s*<\?xml[^>]*>", "", text)  # lxml refuses str input with an XML declaration
    try:
        root = etree.fromstring(text, parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        root = None
    if root is None:  # (an empty document)
        return HtmlPage([], [], encoding, repaired)
    page = HtmlPage([], [], encoding, repaired, markup.hints(root))
    chunks: list[str] = []         # the text of the line being built
    link_chunks: list[str] = []    # ... those of its chunks inside <a>
    hidden_chunks: list[int] = []  # ... which of its chunks are inside a hidden inline element
    names = markup.Names()
    open_names: list[tuple[str, str, int] | None] = []  # per open element: (kind, markup, first line)
    named_spans: list[tuple[str, str, int, int]] = []    # (kind, markup, first line, end), inner first

    def flush() -> None:
        if not chunks:  # (most block boundaries: a block's end right after its last child's)
            return
        line = normalise("".join(chunks))
        if line and not (hidden_chunks and _all_hidden(chunks, hidden_chunks)):
            page.lines.append(line)
            if link_chunks:
                linked = sum(len(t.strip()) for t in link_chunks if not _URL.match(t.strip()))
                total = sum(len(t.strip()) for t in chunks) or 1
                page.links.append(round(min(1.0, linked / total), 3))
            else:
                page.links.append(0.0)
        chunks.clear()
        link_chunks.clear()
        hidden_chunks.clear()

    def add(text: str) -> None:
        chunks.append(text)
        if link_depth:
            link_chunks.append(text)
        if hidden_depth:
            hidden_chunks.append(len(chunks) - 1)

    open_blocks: list[int | None] = []  # per open element: its first line, if a block (or _HIDDEN_INLINE)
    hidden_depth = 0  # how many inline elements the page does not show are open
    blocks: list[tuple[int, int]] = []  # (first line, end) of every block element
    link_depth = 0
    data_tables: list[bool] = [False]  # per open table: does it hold data?
    walker = etree.iterwalk(root, events=("start", "end", "comment", "pi"))
    for event, el in walker:
        if event in ("comment", "pi"):  # "<!-- ad -->text": the text after it is the page's
            if el.tail:
                add(el.tail)
            continue
        tag = el.tag  # (libxml2 gives HTML tags in lower case)
        if tag.__class__ is not str:
            tag = ""
        if event == "start":
            if tag == "table":  # (pushed before a skip: its "end" pops it)
                data_tables.append(bool(header_cells(el)))
            # (most blocks have no attribute: nothing hides them, and their tag alone names them)
            bare = tag in _BLOCK and not el.keys()
            if tag in _SKIP or not tag or tag in _BLOCK and not bare and _hidden(el):
                open_names.append(None)
                open_blocks.append(None)
                walker.skip_subtree()  # its "end" event still comes, with its tail text
                continue
            block = tag in _BLOCK and not (tag in _CELL and data_tables[-1])
            if (block or tag == "br") and chunks:  # (most block boundaries end no line: no call)
                flush()
            elif tag in _CELL:
                chunks.append(" ")
            named = block and names.of(el, tag, bare)  # an inline element names no line: it
            open_names.append(named and (*named, len(page.lines)))  # closes inside its block's
            if block:
                open_blocks.append(len(page.lines))
            elif _hidden_style(el):
                open_blocks.append(_HIDDEN_INLINE)
                hidden_depth += 1
            else:
                open_blocks.append(None)
            if tag == "a":
                link_depth += 1
            if el.text and tag != "br":
                add(el.text)
        else:
            if tag == "a":
                link_depth -= 1
            if chunks and tag in _BLOCK and not (tag in _CELL and data_tables[-1]):
                flush()
            if tag == "table":
                data_tables.pop()
            named = open_names.pop()
            first = open_blocks.pop()
            if first == _HIDDEN_INLINE:
                hidden_depth -= 1
            elif first is not None and first < len(page.lines):
                blocks.append((first, len(page.lines)))
            if named and named[2] < len(page.lines):
                named_spans.append((*named, len(page.lines)))
            if el.tail:
                add(el.tail)
    flush()
    page.inside = markup.chrome_markup(page.lines, named_spans)
    page.article_links = markup.article_links(page.links, markup.content_container(page.lines, page.links, page.inside, blocks))
    return page
