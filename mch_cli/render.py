"""Views for a person: a Rich rendering for terminals, plain text for pipes.

Page text is always wrapped in rich.text.Text, never parsed as markup, so "[red]" in a page
prints as it is.
"""
from __future__ import annotations

from .article import HEADING, Article

_FIELDS = ("date", "datetime", "author", "editor", "source", "lang", "script", "encoding")


def _meta_rows(article: Article) -> list[tuple[str, str]]:
    rows = [(name, getattr(article, name)) for name in _FIELDS]
    rows = [(k, str(v)) for k, v in rows if v]
    if len(article.langs) > 1:
        rows.append(("langs", ", ".join(f"{k} {v:.0%}" for k, v in article.langs.items())))
    rows.append(("path", article.path))
    return rows


def plain_view(article: Article) -> str:
    """The view as plain text: no escape codes, no wrapping."""
    out = []
    if article.title:
        out += [article.title, "=" * min(len(article.title), 60)]
    out += [f"{k}: {v}" for k, v in _meta_rows(article)]
    for p in article.paragraphs:
        out += ["", f"## {p.text}" if p.kind == HEADING else p.text]
    return "\n".join(out) + "\n"


def rich_view(article: Article):
    """A Rich renderable: title panel, metadata table, paragraphs."""
    from rich.console import Group
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    mixed = len(article.langs) > 1
    parts = [Panel(Text(article.title or "(no title)", style="bold"), border_style="cyan")]
    table = Table(show_header=False, box=None, padding=(0, 1))
    table.add_column(style="dim", no_wrap=True)
    table.add_column()
    for k, v in _meta_rows(article):
        table.add_row(k, Text(v))
    parts.append(table)
    for p in article.paragraphs:
        parts.append(Text(""))
        if p.kind == HEADING:
            parts.append(Text(p.text, style="bold underline"))
        else:
            para = Text(p.text)
            if mixed:
                para = Text(f"[{p.lang}] ", style="magenta") + para
            parts.append(para)
    return Group(*parts)
