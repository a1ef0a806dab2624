"""One function from Document to Article, composing the steps in order:
decode → lines → classify → metadata → language → (segmentation).

Per-document limits (`Options.max_bytes`, `Options.max_seconds`) are enforced here, so they hold
whoever calls: the CLI, a worker process, the library."""
from __future__ import annotations

import dataclasses
import functools
import re
from collections import Counter
from collections.abc import Iterable, Iterator

from . import html, lang, meta, settings
from .article import (BOILERPLATE, BODY, CAPTION, KEPT_LABELS, META, TITLE, Article, Document,
                      Failure, Line, Paragraph)
from .classify import CREDITED_NAME, classify
from .decode import (DecodeError, decode_text, utf8_pieces, refuse_too_large, refuse_undecodable,
                     time_limit)
from .patterns import builtin_patterns
from .script import CJK_PUNCT, count_han, has_zero_width, normalise
from .settings import Options


_TITLE_KEY = re.compile(r"^(?:[标標]\s*[题題]|[题題]\s*目|主\s*[题題]|(?:文件)?名\s*[称稱]|title|headline|subject)\s*[:：]\s*"
                        r"|^[标標][题題]\s+(?=\S)", re.I)  # (a BBS post's header: "標題 [心得] X")
_TITLE_KEY_FIRSTS = frozenset("标標题題主名文tThHsS")  # (what a line _TITLE_KEY matches starts with: a cheap gate)


def split_lines(text: str, raw: list[str] | None = None) -> list[Line]:
    """Non-empty lines, normalised, with their 1-based line numbers in the input (`raw`:
    text.splitlines(), when the caller has it)."""
    raw = text.splitlines() if raw is None else raw
    if has_zero_width(text):
        tidy = [normalise(line) for line in raw]
    elif _normalised(raw):
        tidy = raw  # (most pages: a few scans of the page spare a split and a join a line)
    else:  # one scan of the page spares one a line (few pages have zero-width characters)
        tidy = [" ".join(line.split()) for line in raw]  # what normalise() does then
    return [Line(number, norm) for number, norm in enumerate(tidy, 1) if norm]


def _normalised(raw: list[str]) -> bool:
    """Every line of `raw` already as normalise() makes it (without zero-width characters):
    no white space but single spaces between words (a printable line holds no other)."""
    joined = "\n".join(raw)
    return ("  " not in joined and " \n" not in joined and "\n " not in joined
            and joined[:1] != " " and joined[-1:] != " " and all(map(str.isprintable, raw)))


def read_lines(doc: Document) -> tuple[list[Line], str, bool, dict]:
    """(lines, encoding, repaired, markup hints) of a plain-text or HTML page.
    Raises decode.DecodeError when the bytes are not text."""
    if doc.kind == "html" or doc.kind is None and html.looks_like_html(doc.data, doc.path):
        page = html.parse(doc.data)
        lines = [Line(n, text, links=share, inside=inside, article_link=cited)
                 for n, (text, share, inside, cited)
                 in enumerate(zip(page.lines, page.links, page.inside, page.article_links), 1)]
        return lines, page.encoding, page.repaired, page.hints
    found = utf8_pieces(doc.data, settings.READ_PIECE_BYTES) if len(doc.data) > settings.READ_PIECE_BYTES else None
    if found is not None:  # (valid UTF-8: nothing is undecodable)
        lines, headline = lines_of_pieces(found[0])
        hints = {"h1": headline, "paragraph_lines": True} if headline else {}
        return lines, "utf-8", found[1], hints
    text, encoding, repaired = decode_text(doc.data)
    refuse_undecodable(doc.data, text, encoding)
    raw = text.splitlines()  # (once for both)
    headline = layout_headline(text, raw)
    hints = {"h1": headline, "paragraph_lines": True} if headline else {}
    return split_lines(text, raw), encoding, repaired, hints


def lines_of_pieces(pieces: Iterable[str]) -> tuple[list[Line], str | None]:
    """split_lines() and layout_headline() of a text given in pieces, each cut after a line end
    (decode.utf8_pieces): a big page's lines, without a list of its raw lines beside them."""
    lines: list[Line] = []
    number, layout = 0, True
    for piece in pieces:
        for raw in piece.splitlines():
            norm = normalise(raw)  # (split_lines' choice for the page is only the faster way to it)
            if layout and (bool(raw) == bool(number % 2) or not number % 2 and norm != raw):
                layout = False  # not text on every other line, normalised, blank lines between
            number += 1
            if norm:
                lines.append(Line(number, norm))
    return lines, lines[0].text if layout and number >= 3 and number % 2 else None


def layout_headline(text: str, lines: list[str] | None = None) -> str | None:
    """The headline of a page in mch's own text format (`--format text`): a first line, a blank
    line, then paragraphs of one line each between single blank lines, every line normalised.
    The first line is taken as a headline hint (as an HTML page's <h1> is) and every line as a
    whole paragraph (none is joined to the next as hard-wrapped), so that cleaning mch's own
    output gives it back unchanged: `mch clean F | mch clean -` prints what `mch clean F` does.
    (`lines`: text.splitlines(), when the caller has it.)"""
    lines = text.splitlines() if lines is None else lines
    if len(lines) < 3 or len(lines) % 2 == 0:
        return None
    if any(bool(line) == bool(k % 2) for k, line in enumerate(lines)):
        return None  # text on every even line (0, 2, …), blank lines between
    if any(normalise(line) != line for line in lines[::2]):
        return None
    return lines[0]


def clean_document(doc: Document, options: Options = Options()) -> Article:
    """Clean one page. Raises decode.DecodeError when the bytes are not text, and its
    LimitError when the page is over `options.max_bytes` or takes over `options.max_seconds`."""
    refuse_too_large(doc.data, options.max_bytes)
    with time_limit(options.max_seconds):
        lines, encoding, repaired, hints = read_lines(doc)
        article = clean_lines(lines, options, hints)
    article.path, article.id, article.url, article.fetched = doc.path, doc.digest_id, doc.url, doc.fetched
    article.encoding, article.repaired = encoding, repaired
    return article


def _join(left: str, right: str) -> str:
    """Re-join a hard-wrapped line: no space between two Chinese characters."""
    return left + _joint(left, right) + right


def _joint(left: str, right: str) -> str:
    """What goes between two pieces of a hard-wrapped paragraph: nothing between Chinese, its
    punctuation on either side ("…就是权力" + "。”"); a space after English, curly quotes and
    all ("…heard it,”" + "he said")."""
    return "" if _chinese_end(left[::-1]) and _chinese_end(right) else " "


def _chinese_end(text: str) -> bool:
    """The first character of `text` past any curly quotes (which both scripts use) is Chinese:
    a Han character or Chinese punctuation; a text of quotes alone goes with the other side."""
    rest = text.lstrip("“”‘’")
    return not rest or count_han(rest[0]) == 1 or rest[0] in CJK_PUNCT


class _Analyses(dict):
    """lang.analyse of each text, made once: a paragraph's language is asked for twice."""

    def of(self, text: str, han: int | None = None, words: list[str] | None = None) -> tuple[str, Counter]:
        if text not in self:
            self[text] = lang.analyse(text, han, words)
        return self[text]


def build_paragraphs(lines: list[Line], analyses: _Analyses | None = None) -> list[Paragraph]:
    """Kept lines → paragraphs; lines of a hard-wrapped paragraph are joined, once per
    paragraph (joining line by line copied the growing text: quadratic in a long paragraph)."""
    analyses = _Analyses() if analyses is None else analyses
    paragraphs: list[Paragraph] = []
    pieces: list[list[str]] = []
    firsts: list[Line] = []
    for line in lines:
        if line.label not in KEPT_LABELS:
            continue
        if line.continues and paragraphs:
            pieces[-1] += [_joint(pieces[-1][-1], line.text), line.text]
            paragraphs[-1].lines.append(line.number)
        else:
            paragraphs.append(Paragraph(line.text, line.label, "", [line.number]))
            pieces.append([line.text])
            firsts.append(line)
    by_number = None
    for p, parts, first in zip(paragraphs, pieces, firsts):
        p.text = "".join(parts)
        # classify() has counted the Han characters of each line and found its words: a
        # paragraph's are its lines' (joined by a space, or by nothing after Chinese, which
        # glues no two words: but "’" + "s" would make one)
        han, words = None, None
        if len(parts) == 1:
            if first.decision:
                han, words = first.decision.f.han, first.decision.f.latin
        elif not any(parts[k] == "" and parts[k - 1][-1] == "’" for k in range(1, len(parts), 2)):
            by_number = by_number or {line.number: line for line in lines}
            found = [by_number[n].decision for n in p.lines]
            if all(found) and found[0].f.latin is not None:
                han = sum(d.f.han for d in found)
                words = [w for d in found for w in d.f.latin]
        p.lang = analyses.of(p.text, han, words)[0]
        if p.lang == lang.MIXED:
            p.spans = lang.split_spans(p.text)
    return paragraphs


def keep_language(paragraphs: list[Paragraph], lines: list[Line], code: str) -> list[Paragraph]:
    """`--lang`: the paragraphs in language `code`, mixed ones cut down to their spans in it.
    The lines of a paragraph with nothing in `code` become boilerplate, with the reason."""
    by_number = {line.number: line for line in lines}
    kept = []
    for p in paragraphs:
        parts = [p.text] if p.lang == code else [s.text for s in p.spans or () if s.lang == code]
        if parts:
            kept.append(dataclasses.replace(p, text=functools.reduce(_join, parts), lang=code, spans=None))
            continue
        for number in p.lines:
            by_number[number].label = BOILERPLATE
            by_number[number].reason = f"language {p.lang} (--lang {code})"
    return kept


def _language(article: Article, paragraphs: list[Paragraph], analyses: _Analyses) -> None:
    """Document `lang`, `langs` and `script` from the body's tokens (spans of a mixed paragraph
    counted apart)."""
    counts: Counter = Counter()
    chinese = []
    for p in paragraphs:
        for code, n in analyses.of(p.text)[1].items():  # (Counter.update: a Python call, an ABC check)
            counts[code] += n
        chinese += [p.text] if p.lang == "zh" else [s.text for s in p.spans or () if s.lang == "zh"]
    article.lang, article.langs = lang.document_lang(counts)
    # Chinese only in pinyin: romanised, in Latin letters (ISO 15924 Latn)
    article.script = lang.chinese_script(" ".join(chinese)) or ("Latn" if chinese else None)


def _metadata(lines: list[Line], paragraphs: list[Paragraph], title_line: int | None,
              hints: dict) -> meta.Metadata:
    """Bylines under the headline first, then above it, then below the article."""
    body = [p for p in paragraphs if p.kind == BODY]
    start = body[0].lines[0] if body else 0
    title = title_line or 0
    end = body[-1].lines[-1] if body else 0
    meta_lines = sorted((line for line in lines if line.label == META and line.number <= end),
                        key=lambda line: (line.number > start, line.number < title, line.number))
    below = [line.text for line in lines if line.label == META and line.number > end]
    near = [line.text for line in lines if title_line and line.label not in KEPT_LABELS
            and abs(line.number - title_line) <= settings.DATE_NEAR_TITLE_LINES
            and not meta.is_date_widget(line.text)]
    credited = [line.text for line in meta_lines if line.reason == CREDITED_NAME]
    md = meta.extract([line.text for line in meta_lines], body[0].text if body else None,
                      body[-1].text if body else None, near, below, credited)
    if md.date is None:  # last resort: a headline with its dated byline above the article
        md.date, md.datetime = meta.dated_header([line.text for line in lines if line.number < start])
    return meta.with_hints(md, hints)


def _keyed_titles(lines: list[Line]) -> tuple[str, ...]:
    """The values of a notice's title keys ("名称：X", "标 题：X", "Title: X"), which the page
    may then give as a line of its own under its table of keys: headlines, as the markup's are."""
    found = []
    for line in lines:
        text = line.text
        if (text[0] in _TITLE_KEY_FIRSTS and (":" in text or "：" in text) and (m := _TITLE_KEY.match(text))
                and m.end() < len(text)):
            found.append(text[m.end():])
    return tuple(found)


def clean_lines(lines: list[Line], options: Options = Options(), hints: dict | None = None) -> Article:
    """Clean a page given as lines; `hints` are what HTML markup says (html.HtmlPage.hints)."""
    hints = hints or {}
    title_hints = tuple(h for h in (hints.get("h1"), hints.get("title"),
                                    *meta.page_title_headlines(hints.get("page_title", ""))) if h)
    title_hints += _keyed_titles(lines)
    classify(lines, options.patterns + builtin_patterns(), options.recurring, title_hints, options.weights,
             paragraph_lines=bool(hints.get("paragraph_lines")))
    if hints.get("paragraph_lines"):  # mch's own text format: every line is a paragraph
        for line in lines:
            line.continues = False
    article = Article(path="", id="")
    analyses = _Analyses()
    paragraphs = build_paragraphs(lines, analyses)
    title = next((line for line in lines if line.label == TITLE), None)
    if title:  # "标 题： 吉林省人民政府关于…" gives its value
        article.title = meta.strip_widget_prefix(meta.strip_trailing_stamp(
            meta.strip_site_suffix(_TITLE_KEY.sub("", title.text) or title.text)))
        article.title_line = title.number
    article.captions = [line.text for line in lines if line.label == CAPTION]

    md = _metadata(lines, paragraphs, article.title_line, hints)
    article.date, article.datetime = md.date, md.datetime
    article.author, article.editor, article.source = md.author, md.editor, md.source

    if options.lang:
        paragraphs = keep_language(paragraphs, lines, options.lang)
    not_removed = KEPT_LABELS + (TITLE,)
    article.removed = [line for line in lines if line.label not in not_removed]
    _language(article, paragraphs, analyses)

    if options.segment:
        from .segment import tokenize
        for p in paragraphs:
            p.tokens = tokenize(p.text, options.user_dict)
    article.paragraphs = paragraphs
    return article


def clean_text(text: str, path: str = "-", options: Options = Options()) -> Article:
    """Clean a page given as text (library entry point)."""
    return clean_document(Document(text.encode("utf-8"), path), options)


def lines_of_pages(items: Iterable[Document | Failure]) -> Iterator[list[str]]:
    """The normalised lines of each input that can be read (corpus mode's first pass)."""
    for item in items:
        if isinstance(item, Failure):
            continue
        try:
            yield [line.text for line in read_lines(item)[0]]
        except DecodeError:
            continue


def with_recurring(options: Options, items: Iterable[Document | Failure],
                   min_pages: int | None = None) -> Options:
    """`--corpus`: the options with the lines that recur on many of these pages (a first pass)."""
    from .corpus import count_lines, recurring_lines
    return dataclasses.replace(options, recurring=recurring_lines(*count_lines(lines_of_pages(items)), min_pages))


def clean_or_fail(doc: Document, options: Options = Options()) -> Article | Failure:
    """Clean one page; never raises for a bad page: one that is not text or is over a limit
    becomes a Failure with the reason, and so does one that meets a bug (`internal error: …`),
    so that one page cannot take a batch down."""
    try:
        return clean_document(doc, options)
    except DecodeError as exc:
        return Failure(doc.path, str(exc), doc.id)
    except Exception as exc:  # noqa: BLE001 — reported per page, the batch goes on
        return Failure(doc.path, f"internal error: {type(exc).__name__}: {exc}", doc.id)


def clean_many(items: Iterable[Document | Failure], options: Options = Options()
               ) -> Iterator[Article | Failure]:
    """Clean a stream of inputs; an input that cannot be decoded (or is over a limit) becomes a
    Failure."""
    for item in items:
        yield item if isinstance(item, Failure) else clean_or_fail(item, options)
