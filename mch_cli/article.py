"""The record types that flow through the pipeline: Document in, Line in between, Article out."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

# Line labels (the vocabulary of SCHEMA.md and gold/seeds/*.json).
TITLE, META, BODY, HEADING, CAPTION, BOILERPLATE = (
    "title", "meta", "body", "heading", "caption", "boilerplate")
KEPT_LABELS = (BODY, HEADING)


@dataclass(frozen=True)
class Document:
    """One input page: its raw bytes and where they came from."""
    data: bytes
    path: str
    id: str | None = None        # the record's own id (JSONL id, WARC-Record-ID) when it has one
    url: str | None = None
    fetched: str | None = None   # crawl time (WARC), never the publication date
    kind: str | None = None      # "text" or "html"; None: told by the name and the first bytes

    @property
    def digest_id(self) -> str:
        return self.id or hashlib.sha256(self.data).hexdigest()[:16]


@dataclass(frozen=True)
class Failure:
    """An input that could not be read or decoded."""
    path: str
    error: str
    id: str | None = None        # the record's own id (JSONL id, WARC-Record-ID) when it has one

    def to_dict(self) -> dict:
        return {"path": self.path, "id": self.id, "error": self.error}


@dataclass(slots=True)
class Line:
    """One non-empty input line with the decision made about it."""
    number: int                  # 1-based line number in the decoded input
    text: str                    # normalised (SCHEMA.md "Text normalisation")
    label: str = ""
    reason: str = ""
    continues: bool = False      # hard-wrapped: this line goes on the paragraph of the line above
    links: float = 0.0           # HTML input: the share of the line that is link text
    inside: str = ""             # HTML input: the chrome-named element around it ('<div class="comments">')
    article_link: bool = False   # HTML input: a line of links alone among the article's lines (markup.article_links)
    decision: object = None      # what the classifier saw (its view of the line), for --explain

    @property
    def evidence(self) -> dict | None:
        """The features that decided the label (--explain), made when asked: most runs never do."""
        return None if self.decision is None else self.decision.evidence()


def line_key(text: str) -> int:
    """A stable 64-bit hash of a normalised line (same on every run and machine): corpus mode's
    count of the pages a line is on, and the classifier's look-up of it."""
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big")


@dataclass(frozen=True)
class Span:
    """A stretch of one language inside a mixed paragraph."""
    lang: str
    text: str

    def to_dict(self) -> dict:
        return {"lang": self.lang, "text": self.text}


@dataclass
class Paragraph:
    text: str
    kind: str                    # "body" or "heading"
    lang: str
    lines: list[int]
    tokens: list[str] | None = None
    spans: list[Span] | None = None  # only on a mixed paragraph: its stretches of one language

    def to_dict(self) -> dict:
        d = {"text": self.text, "kind": self.kind, "lang": self.lang, "lines": self.lines}
        if self.spans:
            d["spans"] = [s.to_dict() for s in self.spans]
        if self.tokens is not None:
            d["tokens"] = self.tokens
        return d


@dataclass
class Article:
    """The cleaned page. `to_dict` gives the JSON object of SCHEMA.md."""
    path: str
    id: str
    url: str | None = None
    title: str | None = None
    date: str | None = None
    datetime: str | None = None
    author: str | None = None
    editor: str | None = None
    source: str | None = None
    fetched: str | None = None
    lang: str = "und"
    langs: dict[str, float] = field(default_factory=dict)
    script: str | None = None    # the body's Chinese: "Hans" or "Hant"; None without Chinese
    paragraphs: list[Paragraph] = field(default_factory=list)
    title_line: int | None = None
    captions: list[str] = field(default_factory=list)
    encoding: str = "utf-8"
    repaired: bool = False
    removed: list[Line] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n\n".join(p.text for p in self.paragraphs)

    @property
    def title_and_text(self) -> str:
        """What terms and keywords are found in: the title line, then the text."""
        return f"{self.title}\n{self.text}" if self.title else self.text

    def to_dict(self, explain: bool = False) -> dict:
        d = {
            "path": self.path, "id": self.id, "url": self.url,
            "title": self.title, "date": self.date, "datetime": self.datetime,
            "author": self.author, "editor": self.editor, "source": self.source,
            "fetched": self.fetched, "lang": self.lang, "langs": self.langs,
            "script": self.script,
            "text": self.text, "paragraphs": [p.to_dict() for p in self.paragraphs],
            "title_line": self.title_line, "captions": self.captions,
            "encoding": self.encoding, "repaired": self.repaired,
        }
        if explain:
            d["removed"] = [{"line": x.number, "text": x.text, "label": x.label, "reason": x.reason,
                             "features": x.evidence} for x in self.removed]
        return d
