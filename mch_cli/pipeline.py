"""One function from Document to Article, composing the steps in order:
decode → lines → classify → metadata → language → (segmentation)."""
from __future__ import annotations

import dataclasses
import functools
import re
from collections import Counter
from collections.abc import Iterable, Iterator

from . import html, lang, meta, settings
from .article import (BOILERPLATE, BODY, CAPTION, HEADING, KEPT_LABELS, META, TITLE, Article,
                      Document, Failure, Line, Paragraph)
from .classify import classify
from .decode import DecodeError, decode, decode_text
from .patterns import builtin_patterns
from .script import CJK_PUNCT, count_han, normalise
from .settings import Options


_TITLE_KEY = re.compile(r"^(?:标\s*题|题\s*目|title|headline)\s*[:：]\s*", re.I)


def split_lines(text: str) -> list[Line]:
    """Non-empty lines, normalised, with their 1-based line numbers in the input."""
    lines = []
    for number, raw in enumerate(text.splitlines(), 1):
        norm = normalise(raw)
        if norm:
            lines.append(Line(number, norm))
    return lines


def read_lines(doc: Document) -> tuple[list[Line], str, bool, dict]:
    """(lines, encoding, repaired, markup hints) of a plain-text or HTML page.
    Raises decode.DecodeError when the bytes are not text."""
    if doc.kind == "html" or doc.kind is None and html.looks_like_html(doc.data, doc.path):
        page = html.parse(doc.data)
        lines = [Line(n, text, links=share) for n, (text, share) in enumerate(zip(page.lines, page.links), 1)]
        return lines, page.encoding, page.repaired, page.hints
    text, encoding, repaired = decode_text(doc.data)
    return split_lines(text), encoding, repaired, {}


def clean_document(doc: Document, options: Options = Options()) -> Article:
    """Clean one page. Raises decode.DecodeError when the bytes are not text."""
    lines, encoding, repaired, hints = read_lines(doc)
    article = clean_lines(lines, options, hints)
    article.path, article.id, article.url, article.fetched = doc.path, doc.digest_id, doc.url, doc.fetched
    article.encoding, article.repaired = encoding, repaired
    return article


def _join(left: str, right: str) -> str:
    """Re-join a hard-wrapped line: no space between two Chinese characters."""
    cjk = count_han(left[-1]) + count_han(right[0]) == 2 or left[-1] in CJK_PUNCT
    return left + ("" if cjk else " ") + right


def build_paragraphs(lines: list[Line]) -> list[Paragraph]:
    """Kept lines → paragraphs; lines of a hard-wrapped paragraph are joined."""
    paragraphs: list[Paragraph] = []
    for line in lines:
        if line.label not in KEPT_LABELS:
            continue
        if line.continues and paragraphs:
            last = paragraphs[-1]
            last.text = _join(last.text, line.text)
            last.lines.append(line.number)
        else:
            paragraphs.append(Paragraph(line.text, line.label, "", [line.number]))
    for p in paragraphs:
        p.lang = lang.line_lang(p.text)
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


def _language(article: Article, paragraphs: list[Paragraph]) -> None:
    """Document `lang`, `langs` and `script` from the body's tokens (spans of a mixed paragraph
    counted apart)."""
    counts: Counter = Counter()
    chinese = []
    for p in paragraphs:
        counts.update(lang.analyse(p.text)[1])
        chinese += [p.text] if p.lang == "zh" else [s.text for s in p.spans or () if s.lang == "zh"]
    article.lang, article.langs = lang.document_lang(counts)
    article.script = lang.chinese_script(" ".join(chinese))


def _metadata(lines: list[Line], paragraphs: list[Paragraph], title_line: int | None,
              hints: dict) -> meta.Metadata:
    """Bylines under the headline first, then above it, then below the article."""
    body = [p for p in paragraphs if p.kind == BODY]
    start = body[0].lines[0] if body else 0
    title = title_line or 0
    meta_lines = sorted((line for line in lines if line.label == META),
                        key=lambda line: (line.number > start, line.number < title, line.number))
    near = [line.text for line in lines if title_line and line.label not in KEPT_LABELS
            and abs(line.number - title_line) <= settings.DATE_NEAR_TITLE_LINES]
    md = meta.extract([line.text for line in meta_lines], body[0].text if body else None,
                      body[-1].text if body else None, near)
    return meta.with_hints(md, hints)


def clean_lines(lines: list[Line], options: Options = Options(), hints: dict | None = None) -> Article:
    """Clean a page given as lines; `hints` are what HTML markup says (html.HtmlPage.hints)."""
    hints = hints or {}
    title_hints = tuple(h for h in (hints.get("h1"), hints.get("title"),
                                    meta.strip_site_suffix(hints.get("page_title", ""))) if h)
    classify(lines, options.patterns + builtin_patterns(), options.recurring, title_hints)
    article = Article(path="", id="")
    paragraphs = build_paragraphs(lines)
    title = next((line for line in lines if line.label == TITLE), None)
    if title:  # "标 题： 吉林省人民政府关于…" gives its value
        article.title = meta.strip_site_suffix(_TITLE_KEY.sub("", title.text) or title.text)
        article.title_line = title.number
    article.captions = [line.text for line in lines if line.label == CAPTION]

    md = _metadata(lines, paragraphs, article.title_line, hints)
    article.date, article.datetime = md.date, md.datetime
    article.author, article.editor, article.source = md.author, md.editor, md.source

    if options.lang:
        paragraphs = keep_language(paragraphs, lines, options.lang)
    article.removed = [line for line in lines if line.label not in KEPT_LABELS + (TITLE,)]
    _language(article, paragraphs)

    if options.segment:
        from .segment import tokenize
        for p in paragraphs:
            p.tokens = tokenize(p.text, options.user_dict)
    article.paragraphs = paragraphs
    return article


def clean_text(text: str, path: str = "-", options: Options = Options()) -> Article:
    """Clean a page given as text (library entry point)."""
    return clean_document(Document(text.encode("utf-8"), path), options)


def decode_many(items: Iterable[Document | Failure]) -> Iterator[tuple[str, str] | Failure]:
    """(path, text) per input, for the line tools (detect, align); undecodable → Failure."""
    for item in items:
        if isinstance(item, Failure):
            yield item
            continue
        try:
            yield item.path, decode(item.data)[0]
        except DecodeError as exc:
            yield Failure(item.path, str(exc))


def clean_many(items: Iterable[Document | Failure], options: Options = Options()
               ) -> Iterator[Article | Failure]:
    """Clean a stream of inputs; an input that cannot be decoded becomes a Failure."""
    for item in items:
        if isinstance(item, Failure):
            yield item
            continue
        try:
            yield clean_document(item, options)
        except DecodeError as exc:
            yield Failure(item.path, str(exc))
