"""One function from Document to Article, composing the steps in order:
decode → lines → classify → metadata → language → (segmentation)."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator

from . import lang, meta, settings
from .article import (BODY, CAPTION, HEADING, KEPT_LABELS, META, TITLE, Article, Document,
                      Failure, Line, Paragraph)
from .classify import classify
from .decode import DecodeError, decode
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


def clean_document(doc: Document, options: Options = Options()) -> Article:
    """Clean one page. Raises decode.DecodeError when the bytes are not text."""
    text, encoding = decode(doc.data)
    article = clean_lines(split_lines(text), options)
    article.path, article.id, article.url, article.fetched = doc.path, doc.digest_id, doc.url, doc.fetched
    article.encoding = encoding
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
    return paragraphs


def _metadata(lines: list[Line], paragraphs: list[Paragraph], title_line: int | None) -> meta.Metadata:
    """Bylines under the headline first, then above it, then below the article."""
    body = [p for p in paragraphs if p.kind == BODY]
    start = body[0].lines[0] if body else 0
    title = title_line or 0
    meta_lines = sorted((line for line in lines if line.label == META),
                        key=lambda line: (line.number > start, line.number < title, line.number))
    near = [line.text for line in lines if title_line and line.label not in KEPT_LABELS
            and abs(line.number - title_line) <= settings.DATE_NEAR_TITLE_LINES]
    return meta.extract([line.text for line in meta_lines], body[0].text if body else None,
                        body[-1].text if body else None, near)


def clean_lines(lines: list[Line], options: Options = Options()) -> Article:
    classify(lines, options.patterns + builtin_patterns(), options.recurring)
    article = Article(path="", id="")
    paragraphs = build_paragraphs(lines)
    title = next((line for line in lines if line.label == TITLE), None)
    if title:  # "标 题： 吉林省人民政府关于…" gives its value
        article.title = meta.strip_site_suffix(_TITLE_KEY.sub("", title.text) or title.text)
        article.title_line = title.number
    article.captions = [line.text for line in lines if line.label == CAPTION]

    md = _metadata(lines, paragraphs, article.title_line)
    article.date, article.datetime = md.date, md.datetime
    article.author, article.editor, article.source = md.author, md.editor, md.source

    article.removed = [line for line in lines if line.label not in KEPT_LABELS + (TITLE,)]
    counts: Counter = Counter()
    for p in paragraphs:
        counts.update(lang.spans_by_language(p.text))
    article.lang, article.langs = lang.document_lang(counts)

    if options.segment:
        from .segment import tokenize
        for p in paragraphs:
            p.tokens = tokenize(p.text)
    article.paragraphs = paragraphs
    return article


def clean_text(text: str, path: str = "-", options: Options = Options()) -> Article:
    """Clean a page given as text (library entry point)."""
    return clean_document(Document(text.encode("utf-8"), path), options)


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
